"""Relationship picker: ticks go to the state, findings follow at once, channels can be removed."""

from __future__ import annotations

import html

from bmc_course.state.session import CourseSession
from bmc_course.widgets.findings_panel import FindingsPanel
from bmc_course.widgets.relationship_picker import RelationshipPicker
from bmc_course.widgets.widget_tree import find_widgets


def test_no_segments_shows_a_hint(session: CourseSession) -> None:
    picker = RelationshipPicker(session.state)
    assert "No segments yet" in picker.empty.value
    assert picker.editor.layout.display == "none"
    session.state.add_segment("Teams", "business")
    assert picker.empty.value == ""
    assert picker.segment_id == "teams"


def test_toggle_type_updates_state_and_findings(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Shoppers", "mass_market", customers=10)
    picker = RelationshipPicker(state)
    panel = FindingsPanel(state)
    before = panel.redraw_count
    picker.type_toggles["dedicated_personal_assistance"].value = True
    assert state.segment(seg_id).relationships == ["dedicated_personal_assistance"]
    assert panel.redraw_count == before + 1
    assert panel.findings == state.findings()
    assert panel.findings, "a costly type for a mass market must raise something"
    for finding in panel.findings:
        assert html.escape(finding.message, quote=True) in panel.text
        assert html.escape(finding.assumption, quote=True) in panel.text
    picker.type_toggles["dedicated_personal_assistance"].value = False
    assert state.segment(seg_id).relationships == []


def test_chosen_card_is_marked(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Teams", "business")
    picker = RelationshipPicker(state)
    state.set_relationships(seg_id, ["personal_assistance"])
    assert "bmc-card-chosen" in picker.type_cards["personal_assistance"].value
    assert "bmc-card-chosen" not in picker.type_cards["self_service"].value
    assert picker.type_toggles["personal_assistance"].value is True


def test_motivations_per_segment(session: CourseSession) -> None:
    state = session.state
    first = state.add_segment("Teams", "business")
    second = state.add_segment("Fans", "mass_market")
    picker = RelationshipPicker(state)
    picker.motivation_toggles["retention"].value = True
    assert state.segment(first).motivations == ["retention"]
    picker.segment_select.value = second
    assert picker.motivation_toggles["retention"].value is False
    picker.motivation_toggles["acquisition"].value = True
    assert state.segment(second).motivations == ["acquisition"]
    assert state.segment(first).motivations == ["retention"]


def test_switching_segment_shows_its_choices(session: CourseSession) -> None:
    state = session.state
    first = state.add_segment("Teams", "business")
    second = state.add_segment("Fans", "mass_market")
    state.set_relationships(first, ["personal_assistance"])
    state.set_relationships(second, ["self_service"])
    picker = RelationshipPicker(state, segment_id=second)
    assert picker.type_toggles["self_service"].value is True
    picker.segment_select.value = first
    assert picker.type_toggles["self_service"].value is False
    assert picker.type_toggles["personal_assistance"].value is True


def test_removed_segment_leaves_the_dropdown(session: CourseSession) -> None:
    state = session.state
    first = state.add_segment("Teams", "business")
    second = state.add_segment("Fans", "mass_market")
    picker = RelationshipPicker(state, segment_id=second)
    state.remove_segment(second)
    assert picker.segment_id == first
    assert [value for _label, value in picker.segment_select.options] == [first]


def test_channel_named_as_relationship_can_be_removed(session: CourseSession) -> None:
    from bmc_course.formats.submission import SegmentChoice, Submission
    from bmc_course.state.course_state import CourseState

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
