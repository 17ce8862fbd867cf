"""Chart views, trade-offs, what-if sliders, lifecycle and test plan: redrawn on every change."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from bmc_course.state.session import CourseSession
from bmc_course.widgets.chart_view import ChartView
from bmc_course.widgets.findings_panel import FindingsPanel
from bmc_course.widgets.lifecycle_view import LifecycleView
from bmc_course.widgets.test_plan_view import TestPlanView
from bmc_course.widgets.trade_offs import TradeOffs, cost_vs_revenue_chart
from bmc_course.widgets.what_if import WhatIf


def png_count(chart: ChartView) -> int:
    return sum("image/png" in item["data"] for item in chart.output.outputs)


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

    chart = ChartView(session.state, title="Broken", draw=broken, tabulate=broken)  # type: ignore[arg-type]
    assert "could not be drawn: no data" in chart.notice.value
    assert "second line" not in chart.notice.value
    assert chart.output.outputs == ()


def test_trade_offs_has_three_charts_that_redraw(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Teams", "business")
    view = TradeOffs(state)
    assert len(view.charts) == 3
    counts = [c.redraw_count for c in view.charts]
    state.set_relationships(seg_id, ["personal_assistance", "self_service"])
    assert [c.redraw_count for c in view.charts] == [n + 1 for n in counts]
    assert all(png_count(c) == 1 for c in view.charts)
    view.close()
    state.set_relationships(seg_id, ["self_service"])
    assert [c.redraw_count for c in view.charts] == [n + 1 for n in counts]


def test_what_if_sliders_update_state_chart_and_findings(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Fans", "mass_market", customers=1000)
    state.set_relationships(seg_id, ["personal_assistance"])
    chart = cost_vs_revenue_chart(state, with_style=False)
    panel = FindingsPanel(state, with_style=False)
    view = WhatIf(state, extra=(chart, panel))
    row = view.rows[seg_id]
    charts_before, findings_before = chart.redraw_count, panel.redraw_count
    row.customers.value = 123456.7
    assert state.segment(seg_id).customers == 123457
    row.revenue.value = 5000.0
    assert state.segment(seg_id).revenue_per_customer == 5000.0
    assert chart.redraw_count == charts_before + 2
    assert panel.redraw_count == findings_before + 2
    assert panel.findings == state.findings()
    row.validated.value = not state.segment(seg_id).validated
    assert state.segment(seg_id).validated == row.validated.value


def test_what_if_follows_segments(session: CourseSession) -> None:
    state = session.state
    view = WhatIf(state)
    assert "No segments yet" in view.empty.value
    seg_id = state.add_segment("Teams", "business", customers=0)
    assert list(view.rows) == [seg_id]
    assert view.rows[seg_id].customers.value == 1  # a log slider starts at one
    assert state.segment(seg_id).customers == 0  # showing it did not change the state
    state.update_segment(seg_id, customers=5000)
    assert view.rows[seg_id].customers.value == pytest.approx(5000)
    state.remove_segment(seg_id)
    assert view.rows == {}


def test_lifecycle_goals_and_chart(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Teams", "business")
    view = LifecycleView(state)
    _label, boxes = view.goals.rows[seg_id]
    before = view.chart.redraw_count
    boxes["retention"].value = True
    assert state.segment(seg_id).motivations == ["retention"]
    assert view.chart.redraw_count == before + 1
    assert all(f.code == "lifecycle_gap" for f in view.findings.findings)
    assert any(f.code == "lifecycle_gap" for f in view.findings.findings)
    state.set_relationships(seg_id, ["personal_assistance"])
    label, _boxes = view.goals.rows[seg_id]
    assert "✓" in label.value


def test_test_plan_lists_assumptions_and_filters(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("<b>Teams</b>", "business")
    view = TestPlanView(state)
    assert view.plan  # an unvalidated segment has its expectation to test
    state.set_relationships(seg_id, ["personal_assistance", "self_service"])
    assert {a.type_id for a in view.plan} >= {"personal_assistance", "self_service"}
    assert "&lt;b&gt;Teams&lt;/b&gt;" in view.table.value
    view.method.value = "interview"
    assert view.plan
    assert {a.method for a in view.plan} == {"interview"}
