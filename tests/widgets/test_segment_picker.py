"""Segment picker: add from archetypes or by hand, edit, remove; refusals shown in one line."""

from __future__ import annotations

import json

from bmc_course.state.session import CourseSession
from bmc_course.widgets.segment_picker import SegmentPicker
from bmc_course.widgets.widget_tree import find_widget, find_widgets


def saved(session: CourseSession) -> dict:
    return json.loads(session.store.path.read_text(encoding="utf-8"))


def test_add_from_archetype_card_saves_segment(session: CourseSession) -> None:
    picker = SegmentPicker(session.state)
    archetype_id = next(iter(session.catalog.archetypes))
    picker.add_buttons[archetype_id].click()
    [segment] = session.state.segments
    assert segment.archetype == archetype_id
    assert saved(session)["segments"][0]["archetype"] == archetype_id
    assert len(find_widgets(picker, "bmc-segment-row")) == 1
    assert "Added" in picker.status.value


def test_add_own_segment_with_all_inputs(session: CourseSession) -> None:
    picker = SegmentPicker(session.state)
    form = picker.add_form
    form.name.value = "Individual athletes"
    form.archetype.value = "mass_market"
    form.revenue.value = 120.0
    form.customers.value = 50_000
    form.validated.value = True
    form.submit.click()
    segment = session.state.segment("individual-athletes")
    assert (segment.revenue_per_customer, segment.customers, segment.validated) == (
        120.0,
        50_000,
        True,
    )
    assert form.name.value == ""


def test_refused_input_is_one_line_not_a_traceback(session: CourseSession) -> None:
    picker = SegmentPicker(session.state)
    picker.add_form.name.value = "   "
    picker.add_form.submit.click()
    assert session.state.segments == []
    assert "bmc-message-error" in picker.status.value
    assert "name" in picker.status.value
    assert "Traceback" not in picker.status.value


def test_learner_text_is_escaped_in_the_list(session: CourseSession) -> None:
    picker = SegmentPicker(session.state)
    session.state.add_segment("<script>alert(1)</script>", "niche")
    html = "".join(w.value for w in find_widgets(picker, "bmc-segment-row")[0].children[:1])
    assert "&lt;script&gt;" in html
    assert "<script>" not in html


def test_edit_segment(session: CourseSession) -> None:
    picker = SegmentPicker(session.state)
    seg_id = session.state.add_segment("Teams", "business")
    find_widget(picker, "bmc-edit-segment").click()
    assert picker.edit_form.layout.display is None
    assert picker.edit_form.name.value == "Teams"
    picker.edit_form.name.value = "Teams and schools"
    picker.edit_form.customers.value = 300
    picker.edit_form.submit.click()
    segment = session.state.segment(seg_id)
    assert (segment.name, segment.customers) == ("Teams and schools", 300)
    assert picker.edit_form.layout.display == "none"


def test_edit_refused_keeps_the_form_open(session: CourseSession) -> None:
    picker = SegmentPicker(session.state)
    seg_id = session.state.add_segment("Teams", "business")
    find_widget(picker, "bmc-edit-segment").click()
    picker.edit_form.name.value = "  "
    picker.edit_form.submit.click()
    assert session.state.segment(seg_id).name == "Teams"
    assert "bmc-message-error" in picker.status.value
    assert picker.edit_form.layout.display is None


def test_remove_asks_first(session: CourseSession) -> None:
    picker = SegmentPicker(session.state)
    session.state.add_segment("Teams", "business")
    find_widget(picker, "bmc-remove-segment").click()
    assert len(session.state.segments) == 1
    find_widget(picker, "bmc-cancel-remove").click()
    assert len(session.state.segments) == 1
    find_widget(picker, "bmc-remove-segment").click()
    find_widget(picker, "bmc-confirm-remove").click()
    assert session.state.segments == []
    assert saved(session)["segments"] == []


def test_picker_follows_changes_made_elsewhere(session: CourseSession) -> None:
    picker = SegmentPicker(session.state)
    before = picker.redraw_count
    seg_id = session.state.add_segment("Teams", "business")
    session.state.update_segment(seg_id, name="Clubs")
    assert picker.redraw_count == before + 2
    row = find_widget(picker, "bmc-segment-row")
    assert "Clubs" in row.children[0].value


def test_closed_picker_stops_listening(session: CourseSession) -> None:
    picker = SegmentPicker(session.state)
    picker.close()
    count = picker.redraw_count
    session.state.add_segment("Teams", "business")
    assert picker.redraw_count == count
