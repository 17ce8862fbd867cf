"""Lifecycle view: goals per segment saved in the state, the coverage chart and findings redrawn."""

from __future__ import annotations

from bmc_course.state.session import CourseSession
from bmc_course.widgets.lifecycle_view import LifecycleView


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
