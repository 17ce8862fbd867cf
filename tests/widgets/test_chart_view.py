"""Chart view: waits for segments, redraws on each segment change, replaces its picture, keeps its table twin fresh."""

from __future__ import annotations

import matplotlib.pyplot as plt

from bmc_course.state.session import CourseSession
from bmc_course.widgets.chart_view import ChartView, png_output
from bmc_course.widgets.trade_offs import cost_vs_revenue_chart
from tests.support.chart_output import pictures, png_count


def test_chart_waits_for_segments_then_draws(session: CourseSession) -> None:
    chart = cost_vs_revenue_chart(session.state)
    assert png_count(chart) == 0
    assert "Add a segment" in chart.notice.value
    session.state.add_segment("Teams", "business")
    assert png_count(chart) == 1
    assert chart.notice.value == ""


def test_chart_redraws_on_each_segment_change_and_replaces_the_picture(
    session: CourseSession,
) -> None:
    state = session.state
    seg_id = state.add_segment("Teams", "business")
    chart = cost_vs_revenue_chart(state)
    before = chart.redraw_count
    state.set_relationships(seg_id, ["personal_assistance"])
    state.update_segment(seg_id, customers=10)
    assert chart.redraw_count == before + 2
    assert png_count(chart) == 1  # replaced, not appended
    state.set_learner("Ada")  # not a segment change: no redraw
    assert chart.redraw_count == before + 2


def test_the_picture_carries_its_title_as_alt_text(session: CourseSession) -> None:
    # an <img> without alt is read as nothing by a screen reader (axe: image-alt, critical)
    session.state.add_segment("Teams", "business")
    chart = cost_vs_revenue_chart(session.state)
    [picture] = pictures(chart.output.outputs)
    assert picture["alt"] == (
        "Relationship cost vs gross profit, per customer. "
        "The same numbers are in 'Chart as a table' below."
    )


def test_alt_text_is_escaped_into_the_picture() -> None:
    item = png_output(b"\x89PNG", 'Costs "per <b>customer</b>"')
    [picture] = pictures([item])
    assert picture["alt"] == 'Costs "per <b>customer</b>"'  # an attribute value, not markup
    assert "<b>" not in item["data"]["text/html"]
    assert item["data"]["text/plain"] == 'Costs "per <b>customer</b>"'


def test_figures_are_closed_after_drawing(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Teams", "business")
    cost_vs_revenue_chart(state)
    state.set_relationships(seg_id, ["self_service"])
    assert plt.get_fignums() == []


def test_table_twin_is_built_when_opened_and_kept_fresh(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("<i>Teams</i>", "business")
    chart = cost_vs_revenue_chart(state)
    assert chart.table.value == ""
    chart.table_section.selected_index = 0
    assert "<table" in chart.table.value
    assert "&lt;i&gt;Teams&lt;/i&gt;" in chart.table.value
    state.update_segment(seg_id, name="Clubs")
    assert "Clubs" in chart.table.value


def test_a_failing_chart_shows_one_line(session: CourseSession) -> None:
    session.state.add_segment("Teams", "business")

    def broken() -> None:
        raise RuntimeError("no data\nsecond line")

    chart = ChartView(session.state, title="Broken", draw=broken, tabulate=broken)  # type: ignore[arg-type]  # a chart that raises instead of returning one, on purpose
    assert "could not be drawn: no data" in chart.notice.value
    assert "second line" not in chart.notice.value
    assert chart.output.outputs == ()
