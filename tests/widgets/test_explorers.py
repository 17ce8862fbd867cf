"""Types explorer and case explorer (a sandbox that never touches the learner's progress)."""

from __future__ import annotations

import html

import pytest

from bmc_course.state.session import CourseSession
from bmc_course.widgets.case_explorer import CaseExplorer
from bmc_course.widgets.types_explorer import TypesExplorer
from bmc_course.widgets.widget_tree import find_widgets


def test_types_explorer_shows_every_type(session: CourseSession) -> None:
    view = TypesExplorer(session.state)
    text = "".join(w.value for w in find_widgets(view, "bmc-type-card-box"))
    for rtype in session.catalog.types.values():
        assert html.escape(rtype.definition, quote=True) in text
        assert html.escape(rtype.examples[0], quote=True) in text
        assert html.escape(rtype.cons[0], quote=True) in text
    assert len(find_widgets(view, "bmc-type-card-box")) == len(session.catalog.types)


def test_types_explorer_cost_chart_follows_the_ticks(session: CourseSession) -> None:
    view = TypesExplorer(session.state)
    before = view.chart.redraw_count
    assert len(view.chart.output.outputs) == 1
    view.type_boxes["self_service"].value = False
    assert view.chart.redraw_count == before + 1
    assert "self_service" not in view.selected_types()
    for box in view.type_boxes.values():
        box.value = False
    assert view.selected_types() == list(session.catalog.types)  # none ticked: show all
    session.state.add_segment("Teams", "business")  # the explorer ignores the learner's state
    assert view.chart.redraw_count == before + len(view.type_boxes)


def test_case_explorer_is_a_sandbox(session: CourseSession) -> None:
    case_id = next(iter(session.catalog.cases))
    view = CaseExplorer(session.catalog, case_id)
    assert view.state is not None
    case = session.catalog.cases[case_id]
    assert [s.id for s in view.state.segments] == [s.id for s in case.segments]
    assert view.findings.findings == view.state.findings()
    segment = next(
        s for s in view.state.segments if set(s.relationships) <= set(session.catalog.types)
    )
    view.picker.segment_select.value = segment.id
    type_id = next(t for t in session.catalog.types if t not in segment.relationships)
    before = view.chart.redraw_count
    view.picker.type_toggles[type_id].value = True
    assert view.picker.status.value == ""
    assert type_id in view.state.segment(segment.id).relationships
    assert view.chart.redraw_count == before + 1
    assert view.findings.findings == view.state.findings()
    assert session.state.segments == []  # the learner's own state is untouched
    assert not session.store.path.exists()  # and nothing was saved


def test_case_explorer_reset_and_switch(session: CourseSession) -> None:
    cases = list(session.catalog.cases)
    view = CaseExplorer(session.catalog, cases[0])
    original = view.state
    assert original is not None
    first = original.segments[0]
    original.update_segment(first.id, customers=first.customers + 1)
    view.reset_button.click()
    assert view.state is not original
    assert view.state is not None
    assert view.state.segments[0].customers == first.customers
    old_picker = view.picker
    if len(cases) > 1:
        view.case_select.value = cases[1]
        assert [s.id for s in view.state.segments] == [
            s.id for s in session.catalog.cases[cases[1]].segments
        ]
    count = old_picker.redraw_count
    original.update_segment(first.id, customers=first.customers + 2)
    assert old_picker.redraw_count == count  # the replaced sandbox views stopped listening


def test_unknown_case_is_a_clear_error(session: CourseSession) -> None:
    with pytest.raises(ValueError, match="unknown case id 'nope'"):
        CaseExplorer(session.catalog, "nope")


def test_channel_named_as_relationship_can_be_removed(session: CourseSession) -> None:
    from bmc_course.formats.submission import SegmentChoice, Submission
    from bmc_course.state.course_state import CourseState
    from bmc_course.widgets.relationship_picker import RelationshipPicker

    channel = session.catalog.channels.channels[0]
    submission = Submission(
        segments=[
            SegmentChoice(
                id="fans",
                name="Fans",
                archetype="mass_market",
                revenue_per_customer=10,
                customers=100,
                relationships=["self_service", channel.term],
            )
        ]
    )
    state = CourseState(session.catalog, submission)
    picker = RelationshipPicker(state)
    [remove] = find_widgets(picker, "bmc-remove-channel")
    remove.click()
    assert state.segment("fans").relationships == ["self_service"]
    assert find_widgets(picker, "bmc-remove-channel") == []
