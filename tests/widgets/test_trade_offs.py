"""Trade-offs: three charts that redraw together and stop when closed."""

from __future__ import annotations

from bmc_course.state.session import CourseSession
from bmc_course.widgets.trade_offs import TradeOffs
from tests.support.chart_output import png_count


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
