"""The course state: changes validated, listeners notified, submission format kept."""

from __future__ import annotations

import pytest

from bmc_course.formats.submission import Submission
from bmc_course.model.catalog import Catalog
from bmc_course.model.input_errors import SubmissionError
from bmc_course.state.course_state import Change, CourseState, StateError


@pytest.fixture
def state(catalog: Catalog) -> CourseState:
    return CourseState(catalog)


def test_add_segment_uses_archetype_revenue(state: CourseState, catalog: Catalog) -> None:
    seg_id = state.add_segment("Individual athletes", "mass_market")
    assert seg_id == "individual-athletes"
    segment = state.segment(seg_id)
    assert segment.revenue_per_customer == catalog.archetypes["mass_market"].revenue_band.typical
    assert state.add_segment("Individual athletes", "niche") == "individual-athletes-2"


def test_changes_notify_listeners_once(state: CourseState) -> None:
    seen: list[Change] = []
    state.observe(seen.append)
    seg_id = state.add_segment("Teams", "business")
    state.set_relationships(seg_id, ["personal_assistance"])
    state.set_relationships(seg_id, ["personal_assistance"])  # no change, no event
    state.toggle_relationship(seg_id, "self_service", True)
    assert [c.kind for c in seen] == ["segments", "segment", "segment"]
    assert state.segment(seg_id).relationships == ["personal_assistance", "self_service"]
    state.toggle_relationship(seg_id, "personal_assistance", False)
    assert state.segment(seg_id).relationships == ["self_service"]


def test_batch_notifies_once(state: CourseState) -> None:
    seen: list[Change] = []
    seg_id = state.add_segment("Teams", "business")
    state.observe(seen.append)
    with state.batch():
        state.update_segment(seg_id, customers=10)
        state.update_segment(seg_id, revenue_per_customer=5.0)
    assert seen == [Change("segment", seg_id)]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, i: s.set_relationships(i, ["telepathy"]), "telepathy"),
        (lambda s, i: s.update_segment(i, customers=-1), "customers"),
        (lambda s, i: s.update_segment(i, revenue_per_customer=-3.0), "revenue_per_customer"),
        (lambda s, i: s.update_segment(i, archetype="aliens"), "aliens"),
        (lambda s, i: s.update_segment(i, colour="red"), "colour"),
        (lambda s, i: s.set_motivations(i, ["fame"]), "fame"),
        (lambda s, _i: s.add_segment("  ", "niche"), "name"),
        (lambda s, _i: s.add_segment("X", "aliens"), "aliens"),
        (lambda s, _i: s.remove_segment("nope"), "nope"),
    ],
)
def test_bad_changes_raise_state_error_and_change_nothing(
    state: CourseState, call, message
) -> None:  # type: ignore[no-untyped-def]
    seg_id = state.add_segment("Teams", "business")
    before = state.submission
    with pytest.raises(StateError, match=message):
        call(state, seg_id)
    assert state.submission == before


def test_findings_follow_changes(state: CourseState) -> None:
    seg_id = state.add_segment(
        "Shoppers", "mass_market", customers=100_000, revenue_per_customer=50
    )
    state.set_relationships(seg_id, ["self_service", "automated_services"])
    assert "no_human_fallback" in {f.code for f in state.findings()}
    state.toggle_relationship(seg_id, "personal_assistance", True)
    assert "no_human_fallback" not in {f.code for f in state.findings()}


def test_quiz_and_steps(state: CourseState, catalog: Catalog) -> None:
    question = next(iter(catalog.questions.values()))
    wrong = next(o.id for o in question.options if not o.correct)
    assert state.answer(question.id, wrong) is False
    assert state.answer(question.id, question.correct_option.id) is True
    assert state.quiz_score() == (1, 1)
    lessons = list(catalog.lessons)
    state.mark_step_done(lessons[2])
    state.mark_step_done(lessons[0])
    assert state.completed_steps == [lessons[0], lessons[2]]
    state.mark_step_done(lessons[0], done=False)
    assert state.completed_steps == [lessons[2]]
    assert state.submission.to_json_dict()["completed_steps"] == [lessons[2]]
    with pytest.raises(StateError):
        state.answer(question.id, "zz")


def test_state_is_not_changed_through_returned_copies(state: CourseState) -> None:
    seg_id = state.add_segment("Teams", "business")
    state.segments[0].relationships.append("self_service")
    state.segment(seg_id).relationships.append("self_service")
    assert state.segment(seg_id).relationships == []


def test_replace_checks_ids(state: CourseState) -> None:
    bad = Submission.model_validate(
        {
            "schema_version": 1,
            "segments": [
                {
                    "id": "a",
                    "name": "A",
                    "archetype": "aliens",
                    "revenue_per_customer": 1,
                    "customers": 1,
                }
            ],
        }
    )
    with pytest.raises(SubmissionError, match="aliens"):
        state.replace(bad)
