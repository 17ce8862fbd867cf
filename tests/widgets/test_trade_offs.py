"""Trade-offs: four charts that redraw together and stop when closed; each has its table."""

from __future__ import annotations

from bmc_course.state.session import CourseSession
from bmc_course.widgets.trade_offs import TradeOffs, chosen_type_ids, lifetime_value_chart
from tests.support.chart_output import png_count


def test_trade_offs_has_four_charts_that_redraw(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Teams", "business")
    view = TradeOffs(state)
    assert [c.title for c in view.charts] == [
        "Cost to serve vs personalisation",
        "Relationship cost vs gross profit, per customer",
        "Lifetime value vs the cost of winning a customer",
        "Cost per customer as the customer count grows",
    ]
    counts = [c.redraw_count for c in view.charts]
    state.set_relationships(seg_id, ["personal_assistance", "self_service"])
    assert [c.redraw_count for c in view.charts] == [n + 1 for n in counts]
    assert all(png_count(c) == 1 for c in view.charts)
    state.set_share(seg_id, "personal_assistance", 0.2)  # a share is a change the charts follow
    assert [c.redraw_count for c in view.charts] == [n + 2 for n in counts]
    view.close()
    state.set_relationships(seg_id, ["self_service"])
    assert [c.redraw_count for c in view.charts] == [n + 2 for n in counts]


def test_cost_growth_shows_the_types_in_use(session: CourseSession) -> None:
    state = session.state
    assert chosen_type_ids(state) == list(session.catalog.types)  # nothing chosen: all of them
    seg_id = state.add_segment("Teams", "business")
    state.set_relationships(seg_id, ["self_service", "personal_assistance"])
    assert chosen_type_ids(state) == ["personal_assistance", "self_service"]  # catalog order


def test_lifetime_value_chart_has_its_table_twin(session: CourseSession) -> None:
    state = session.state
    chart = lifetime_value_chart(state)
    assert png_count(chart) == 0
    assert "Add a segment first" in chart.notice.value
    seg_id = state.add_segment("Teams & co", "business")
    assert png_count(chart) == 1
    chart.table_section.selected_index = 0
    assert "lifetime value" in chart.table.value
    assert "Teams &amp; co" in chart.table.value
    before = chart.redraw_count
    state.update_segment(seg_id, acquisition_cost=2500)
    assert chart.redraw_count == before + 1
    # 10,000 × 40% gross profit × 5 years = 20,000 against 2,500 to win a customer: 8 times
    assert "8.0×" in chart.table.value
