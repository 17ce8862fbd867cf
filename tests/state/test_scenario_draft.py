"""What-if drafts change a copy, never the saved answers, until the learner keeps them."""

from __future__ import annotations

import pytest

from bmc_course.model.catalog import Catalog
from bmc_course.state.course_state import Change, CourseState, StateError
from bmc_course.state.scenario_draft import ScenarioDraft


@pytest.fixture
def state(catalog: Catalog) -> CourseState:
    state = CourseState(catalog)
    walk_ins = state.add_segment(
        "Walk-ins", "mass_market", revenue_per_customer=120, customers=1500
    )
    state.set_relationships(walk_ins, ["personal_assistance", "self_service"])
    return state


def test_sliders_change_the_draft_not_the_answers(state: CourseState) -> None:
    draft = ScenarioDraft(state)
    seen: list[str] = []
    draft.observe(lambda: seen.append("changed"))
    draft.set_figure("walk-ins", "customers", 3000)
    draft.set_share("walk-ins", "personal_assistance", 0.25)
    assert draft.segment("walk-ins").customers == 3000
    assert draft.segment("walk-ins").share_of("personal_assistance") == 0.25
    assert state.segment("walk-ins").customers == 1500  # the answers are untouched
    assert state.segment("walk-ins").share_of("personal_assistance") == 1.0
    assert draft.changed
    assert seen == ["changed", "changed"]


def test_back_to_my_numbers(state: CourseState) -> None:
    draft = ScenarioDraft(state)
    draft.set_figure("walk-ins", "revenue_per_customer", 80.0)
    draft.reset()
    assert draft.segment("walk-ins").revenue_per_customer == 120
    assert not draft.changed


def test_keep_these_numbers(state: CourseState) -> None:
    draft = ScenarioDraft(state)
    draft.set_share("walk-ins", "personal_assistance", 0.25)
    events: list[Change] = []
    state.observe(events.append)
    draft.keep()
    assert state.segment("walk-ins").share_of("personal_assistance") == 0.25
    assert events == [Change("all")]
    assert not draft.changed


def test_named_scenarios_are_saved_opened_and_deleted(state: CourseState) -> None:
    draft = ScenarioDraft(state)
    draft.set_figure("walk-ins", "customers", 5000)
    draft.save_as("  Busy summer ")
    draft.reset()
    draft.set_figure("walk-ins", "customers", 800)
    draft.save_as("Quiet winter")
    draft.set_figure("walk-ins", "customers", 900)
    draft.save_as("Quiet winter")  # the same name replaces, in place
    assert [(s.name, s.segments[0].customers) for s in state.scenarios] == [
        ("Busy summer", 5000),
        ("Quiet winter", 900),
    ]
    assert state.segment("walk-ins").customers == 1500
    draft.open("Busy summer")
    assert (draft.name, draft.segment("walk-ins").customers) == ("Busy summer", 5000)
    state.delete_scenario("Busy summer")
    assert [s.name for s in state.scenarios] == ["Quiet winter"]
    with pytest.raises(StateError, match="no scenario named 'Busy summer'"):
        draft.open("Busy summer")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("customers", -1, "customers: at least 0"),
        ("gross_margin", 1.5, "gross margin: at most 1"),
        ("name", "New name", "a scenario cannot change 'name'"),
    ],
)
def test_bad_numbers_are_refused_in_one_line(
    state: CourseState, field: str, value: object, message: str
) -> None:
    draft = ScenarioDraft(state)
    with pytest.raises(StateError) as caught:
        draft.set_figure("walk-ins", field, value)
    assert str(caught.value) == message
    assert draft.segment("walk-ins").customers == 1500


def test_an_untouched_draft_follows_the_answers_an_edited_one_stays(state: CourseState) -> None:
    draft = ScenarioDraft(state)
    followed: list[bool] = []
    state.observe(lambda change: followed.append(draft.follow(change)))
    state.update_segment("walk-ins", customers=2000)
    assert draft.segment("walk-ins").customers == 2000
    draft.set_figure("walk-ins", "customers", 10)
    state.update_segment("walk-ins", customers=2500)
    assert draft.segment("walk-ins").customers == 10
    assert followed == [True, False]


def test_an_unnamed_scenario_is_refused(state: CourseState) -> None:
    with pytest.raises(StateError, match="give the scenario a name"):
        ScenarioDraft(state).save_as("   ")


def test_scenarios_survive_the_progress_file(state: CourseState, catalog: Catalog) -> None:
    draft = ScenarioDraft(state)
    draft.set_figure("walk-ins", "acquisition_cost", 40.0)
    draft.save_as("With ads")
    reread = CourseState(catalog, state.submission.model_validate(state.submission.to_json_dict()))
    assert [(s.name, s.segments[0].acquisition_cost) for s in reread.scenarios] == [
        ("With ads", 40.0)
    ]
