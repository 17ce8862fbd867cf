"""Test plan view: the assumptions to test for each segment, filtered by method."""

from __future__ import annotations

from bmc_course.state.session import CourseSession
from bmc_course.widgets.test_plan_view import TestPlanView


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
