"""The course state: changes validated, listeners notified, submission format kept."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bmc_course.formats.submission import RelationshipShare, Submission
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
    assert state.segment(seg_id).type_ids == ["personal_assistance", "self_service"]
    state.toggle_relationship(seg_id, "personal_assistance", False)
    assert state.segment(seg_id).type_ids == ["self_service"]


def test_a_share_is_kept_when_the_mix_changes(state: CourseState) -> None:
    seen: list[Change] = []
    seg_id = state.add_segment("Walk-ins", "mass_market")
    state.set_relationships(seg_id, ["personal_assistance", "self_service"])
    state.observe(seen.append)
    state.set_share(seg_id, "personal_assistance", 0.2)
    state.set_share(seg_id, "personal_assistance", 0.2)  # no change, no event
    state.toggle_relationship(seg_id, "communities", True)
    mix = [(r.type, r.share) for r in state.segment(seg_id).relationships]
    assert mix == [("personal_assistance", 0.2), ("self_service", 1.0), ("communities", 1.0)]
    assert seen == [Change("segment", seg_id), Change("segment", seg_id)]


@pytest.mark.parametrize(
    ("type_id", "share", "message"),
    [
        ("personal_assistance", 0.0, "share: expected more than 0 and at most 1, found 0.0"),
        ("personal_assistance", 1.5, "share: expected more than 0 and at most 1, found 1.5"),
        ("communities", 0.5, "'communities' is not in this segment's mix; choose it first"),
    ],
)
def test_bad_shares_are_refused_in_one_line(
    state: CourseState, type_id: str, share: float, message: str
) -> None:
    seg_id = state.add_segment("Walk-ins", "mass_market")
    state.set_relationships(seg_id, ["personal_assistance"])
    with pytest.raises(StateError) as caught:
        state.set_share(seg_id, type_id, share)
    assert str(caught.value) == message


def test_the_new_segment_figures_can_be_set_and_cleared(state: CourseState) -> None:
    seg_id = state.add_segment("Walk-ins", "mass_market")
    state.update_segment(
        seg_id,
        gross_margin=0.5,
        customer_years=2.0,
        acquisition_cost=30.0,
        notes="Most walk in on their way to work.",
    )
    segment = state.segment(seg_id)
    assert (segment.gross_margin, segment.customer_years, segment.acquisition_cost) == (
        0.5,
        2.0,
        30.0,
    )
    assert segment.notes == "Most walk in on their way to work."
    state.update_segment(seg_id, gross_margin=None)  # back to the archetype's default
    assert state.segment(seg_id).gross_margin is None
    with pytest.raises(StateError, match=r"gross margin: at most 1$"):
        state.update_segment(seg_id, gross_margin=1.5)


def test_funding_names_another_paying_segment(state: CourseState) -> None:
    users = state.add_segment("Users", "platform")
    payers = state.add_segment("Advertisers", "business")
    other = state.add_segment("Readers", "platform")
    with pytest.raises(StateError, match="only be funded by another segment"):
        state.update_segment(users, funded_by=users)
    state.update_segment(users, funded_by=payers)
    with pytest.raises(StateError, match="itself funded by another segment"):
        state.update_segment(other, funded_by=users)
    with pytest.raises(StateError, match="funds another one"):
        state.update_segment(payers, funded_by=other)
    state.remove_segment(payers)  # the funder goes: the free segment is judged on its own again
    assert state.segment(users).funded_by is None


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
        (lambda s, i: s.update_segment(i, customers=-1), "customers: at least 0"),
        (
            lambda s, i: s.update_segment(i, revenue_per_customer=-3.0),
            "revenue per customer: at least 0",
        ),
        (lambda s, i: s.update_segment(i, archetype="aliens"), "aliens"),
        (lambda s, i: s.update_segment(i, colour="red"), "colour"),
        (lambda s, i: s.set_motivations(i, ["fame"]), "fame"),
        (lambda s, _i: s.add_segment("  ", "niche"), "name"),
        (lambda s, _i: s.add_segment("X", "aliens"), "aliens"),
        (lambda s, _i: s.remove_segment("nope"), "nope"),
    ],
)
def test_bad_changes_raise_state_error_and_change_nothing(
    state: CourseState, call: Callable[[CourseState, str], object], message: str
) -> None:
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
    state.segments[0].relationships.append(RelationshipShare(type="self_service"))
    state.segment(seg_id).relationships.append(RelationshipShare(type="self_service"))
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


def test_a_reason_for_a_type_survives_share_changes_and_is_saved_once(state: CourseState) -> None:
    seg_id = state.add_segment("Teams", "business")
    state.set_relationships(seg_id, ["personal_assistance", "self_service"])
    seen: list[Change] = []
    state.observe(seen.append)
    state.set_type_notes(seg_id, "personal_assistance", "  Coaches want one person to call  ")
    state.set_type_notes(seg_id, "personal_assistance", "Coaches want one person to call")
    state.set_share(seg_id, "personal_assistance", 0.3)
    state.toggle_relationship(seg_id, "communities", True)
    mix = {r.type: (r.share, r.notes) for r in state.segment(seg_id).relationships}
    assert mix["personal_assistance"] == (0.3, "Coaches want one person to call")
    assert mix["self_service"] == (1.0, "")
    assert len(seen) == 3  # the second, identical reason changed nothing
    with pytest.raises(StateError, match="not in this segment's mix"):
        state.set_type_notes(seg_id, "co_creation", "why")
    with pytest.raises(StateError, match="notes: at most 300 characters"):
        state.set_type_notes(seg_id, "self_service", "x" * 301)


def test_a_finding_can_be_answered_and_the_answer_withdrawn(state: CourseState) -> None:
    seg_id = state.add_segment("Walk-ins", "mass_market")
    state.set_relationships(seg_id, ["self_service"])
    finding = next(f for f in state.findings() if f.code == "no_human_fallback")
    assert finding.key == "no_human_fallback:self_service"
    state.answer_finding(seg_id, finding.key, "I accept this because the shop is next door")
    assert state.segment(seg_id).answers == {
        "no_human_fallback:self_service": "I accept this because the shop is next door"
    }
    state.answer_finding(seg_id, finding.key, "   ")
    assert state.segment(seg_id).answers == {}


def test_the_mix_over_the_markets_life_is_kept_per_stage(state: CourseState) -> None:
    seg_id = state.add_segment("Subscribers", "mass_market")
    state.set_stage(seg_id, "launch", ["personal_assistance", "automated_services"])
    state.set_stage(seg_id, "mature", ["communities", "self_service"])
    # stored in the catalog's order of types, whatever order they were ticked in
    assert state.segment(seg_id).stages == {
        "launch": ["personal_assistance", "automated_services"],
        "mature": ["self_service", "communities"],
    }
    with pytest.raises(StateError, match="unknown stage 'someday'"):
        state.set_stage(seg_id, "someday", [])
    with pytest.raises(StateError, match="unknown relationship type 'telepathy'"):
        state.set_stage(seg_id, "growth", ["telepathy"])


def test_a_value_proposition_is_one_line_per_segment(state: CourseState) -> None:
    seg_id = state.add_segment("Teams", "business")
    state.update_segment(seg_id, value_proposition="Cleats that last a whole season")
    assert state.segment(seg_id).value_proposition == "Cleats that last a whole season"
    with pytest.raises(StateError, match="what you offer them: at most 300 characters"):
        state.update_segment(seg_id, value_proposition="x" * 301)
