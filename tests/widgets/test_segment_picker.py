"""Segment picker: add from archetypes or by hand, edit (each field saved as it changes, the
economics and notes included), remove; refusals shown in one line."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bmc_course.state.session import CourseSession
from bmc_course.widgets.segment_picker import SegmentPicker, parse_number, parse_percent
from bmc_course.widgets.widget_tree import find_widget, find_widgets


def saved(session: CourseSession) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(session.store.path.read_text(encoding="utf-8"))
    return data


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
    assert "bmc-message-error" in picker.edit_status.value  # refused as soon as it is typed
    picker.edit_form.submit.click()
    assert session.state.segment(seg_id).name == "Teams"
    assert "bmc-message-error" in picker.edit_status.value
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


def edit(picker: SegmentPicker, segment_id: str) -> None:
    [button] = [b for b in find_widgets(picker, "bmc-edit-segment") if b.segment_id == segment_id]
    button.click()


def test_edit_fields_save_as_they_change(session: CourseSession) -> None:
    state = session.state
    picker = SegmentPicker(state)
    seg_id = state.add_segment("Teams", "business")
    edit(picker, seg_id)
    form = picker.edit_form
    form.customers.value = 300
    assert state.segment(seg_id).customers == 300
    assert saved(session)["segments"][0]["customers"] == 300
    assert "Saved." in picker.edit_status.value
    form.validated.value = True
    assert state.segment(seg_id).validated is True


def test_economics_fields_blank_means_the_archetype_default(session: CourseSession) -> None:
    state = session.state
    picker = SegmentPicker(state)
    seg_id = state.add_segment("Fans", "mass_market")
    edit(picker, seg_id)
    form = picker.edit_form
    assert (form.gross_margin.value, form.customer_years.value, form.acquisition_cost.value) == (
        "",
        "",
        "",
    )
    assert form.gross_margin.placeholder == "blank: 40, typical for this archetype"
    assert form.customer_years.placeholder == "blank: 3, typical for this archetype"
    form.gross_margin.value = "35%"
    form.customer_years.value = "2.5"
    form.acquisition_cost.value = "1,500"
    segment = state.segment(seg_id)
    assert (segment.gross_margin, segment.customer_years, segment.acquisition_cost) == (
        0.35,
        2.5,
        1500.0,
    )
    assert saved(session)["segments"][0]["gross_margin"] == 0.35
    assert form.gross_margin.value == "35"  # shown back as the state holds it
    form.gross_margin.value = ""
    form.acquisition_cost.value = " "
    segment = state.segment(seg_id)
    assert (segment.gross_margin, segment.acquisition_cost) == (None, None)
    row = find_widget(picker, "bmc-segment-row").children[0].value
    assert "gross margin 40% (typical) · customers stay 2.5 years" in row


def test_bad_numbers_are_refused_in_one_line(session: CourseSession) -> None:
    state = session.state
    picker = SegmentPicker(state)
    seg_id = state.add_segment("Fans", "mass_market")
    edit(picker, seg_id)
    picker.edit_form.gross_margin.value = "150"
    assert "gross margin: expected a percentage from 0 to 100" in picker.edit_status.value
    picker.edit_form.customer_years.value = "a while"
    assert "years a customer stays: expected a number or nothing" in picker.edit_status.value
    picker.edit_form.customer_years.value = "0"
    assert "bmc-message-error" in picker.edit_status.value  # the state wants more than 0 years
    segment = state.segment(seg_id)
    assert (segment.gross_margin, segment.customer_years) == (None, None)


def test_parsing_typed_numbers() -> None:
    assert parse_number(" 1,500 ", "x") == 1500.0
    assert parse_number("", "x") is None
    assert parse_percent("12.5%", "x") == 0.125
    assert parse_percent("0", "x") == 0.0
    with pytest.raises(ValueError, match="expected a number or nothing, found 'inf'"):
        parse_number("inf", "x")
    with pytest.raises(ValueError, match="percentage from 0 to 100, found '-5'"):
        parse_percent("-5", "x")


def test_funded_by_lists_only_segments_that_pay(session: CourseSession) -> None:
    state = session.state
    picker = SegmentPicker(state)
    sellers = state.add_segment("Sellers", "platform")
    buyers = state.add_segment("Buyers", "platform")
    fans = state.add_segment("Fans", "mass_market")
    edit(picker, buyers)
    form = picker.edit_form
    assert list(form.funded_by.options) == [
        ("nobody: pays its own way", ""),
        ("Sellers", "sellers"),
        ("Fans", "fans"),
    ]
    assert form.funded_by.value == ""
    form.funded_by.value = sellers
    assert state.segment(buyers).funded_by == "sellers"
    assert "paid for by Sellers" in find_widgets(picker, "bmc-segment-row")[1].children[0].value
    edit(picker, fans)
    # Buyers are funded themselves, so they cannot pay for Fans
    assert list(form.funded_by.options) == [
        ("nobody: pays its own way", ""),
        ("Sellers", "sellers"),
    ]
    edit(picker, sellers)
    form.funded_by.value = "fans"  # Sellers fund Buyers: they cannot be free themselves
    assert "cannot be free itself" in picker.edit_status.value
    assert state.segment(sellers).funded_by is None
    edit(picker, buyers)
    assert form.funded_by.value == "sellers"
    form.funded_by.value = ""
    assert state.segment(buyers).funded_by is None


def test_notes_are_saved_and_shown_escaped(session: CourseSession) -> None:
    state = session.state
    picker = SegmentPicker(state)
    seg_id = state.add_segment("Fans", "mass_market")
    edit(picker, seg_id)
    picker.edit_form.notes.value = "Cheap to serve <b>online</b> & they asked for it"
    assert state.segment(seg_id).notes == "Cheap to serve <b>online</b> & they asked for it"
    row = find_widget(picker, "bmc-segment-row").children[0].value
    assert "Notes: Cheap to serve &lt;b&gt;online&lt;/b&gt; &amp; they asked for it" in row
    assert "<b>online" not in row


def test_the_value_offered_is_saved_and_shown_escaped(session: CourseSession) -> None:
    state = session.state
    picker = SegmentPicker(state)
    seg_id = state.add_segment("Teams", "business")
    edit(picker, seg_id)
    assert "What would make them stay" in picker.edit_form.notes.placeholder
    picker.edit_form.value_proposition.value = "Cleats <i>fitted</i> for the whole squad"
    assert state.segment(seg_id).value_proposition == "Cleats <i>fitted</i> for the whole squad"
    row = find_widget(picker, "bmc-segment-row").children[0].value
    assert "Offer: Cleats &lt;i&gt;fitted&lt;/i&gt; for the whole squad" in row
    picker.edit_form.value_proposition.value = "x" * 301
    assert state.segment(seg_id).value_proposition.startswith("Cleats")  # refused, kept
    assert "what you offer them: at most 300 characters" in picker.edit_status.value


def test_edit_form_follows_the_state(session: CourseSession) -> None:
    state = session.state
    picker = SegmentPicker(state)
    seg_id = state.add_segment("Fans", "mass_market")
    edit(picker, seg_id)
    state.update_segment(seg_id, gross_margin=0.25, customer_years=4, notes="from elsewhere")
    form = picker.edit_form
    assert (form.gross_margin.value, form.customer_years.value, form.notes.value) == (
        "25",
        "4",
        "from elsewhere",
    )
    state.update_segment(seg_id, archetype="niche")
    assert form.archetype.value == "niche"
    assert form.gross_margin.placeholder == "blank: 50, typical for this archetype"


def test_citizens_revenue_is_the_budget_per_person(session: CourseSession) -> None:
    state = session.state
    picker = SegmentPicker(state)
    picker.add_form.archetype.value = "citizens"
    assert picker.add_form.revenue.description == "Yearly budget per person"
    assert picker.add_form.revenue.value == 500.0  # the archetype's typical budget
    picker.add_form.archetype.value = "mass_market"
    assert picker.add_form.revenue.description == "Yearly revenue per customer"
    picker.add_buttons["citizens"].click()
    [segment] = state.segments
    edit(picker, segment.id)
    assert picker.edit_form.revenue.description == "Yearly budget per person"
    row = find_widget(picker, "bmc-segment-row").children[0].value
    assert "yearly budget per person 500" in row


def test_labels_are_not_cut_short(session: CourseSession) -> None:
    picker = SegmentPicker(session.state)
    for form in (picker.add_form, picker.edit_form):
        for field, control in form.controls.items():
            if field != "validated":  # a checkbox's label sits beside the box, unclipped
                assert control.style.description_width == "initial", field


def test_buttons_keep_their_whole_label(session: CourseSession) -> None:
    picker = SegmentPicker(session.state)
    # the longest card button is 'Add “Individual consumers (mass market)”' (40 characters):
    # each column is at least that wide (plus room for the button's padding), in characters
    longest = max(len(b.description) for b in picker.add_buttons.values())
    assert longest == len("Add “Individual consumers (mass market)”")
    columns = picker.archetype_grid.layout.grid_template_columns
    assert f"max(260px, {longest + 2}ch)" in columns and "min(100%," in columns
    for form in (picker.add_form, picker.edit_form):
        assert form.submit.layout.width == "auto" and form.submit.layout.flex == "0 0 auto"
        row = next(c for c in form.children if form.submit in getattr(c, "children", ()))
        assert row.layout.flex_flow == "row wrap"  # buttons move down instead of shrinking
