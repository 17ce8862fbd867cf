"""Relationship picker: ticks and share sliders go to the state, findings and the economics
follow at once, channels can be removed."""

from __future__ import annotations

import html

from bmc_course.formats.submission import SegmentChoice, Submission
from bmc_course.state.course_state import CourseState
from bmc_course.state.session import CourseSession
from bmc_course.widgets.findings_panel import FindingsPanel
from bmc_course.widgets.relationship_picker import RelationshipPicker, share_options
from bmc_course.widgets.widget_tree import find_widget, find_widgets


def mix(state: CourseState, segment_id: str) -> list[tuple[str, float]]:
    return [(r.type, r.share) for r in state.segment(segment_id).relationships]


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
    assert mix(state, seg_id) == [("dedicated_personal_assistance", 1.0)]
    assert panel.redraw_count == before + 1
    assert panel.findings == state.findings()
    assert panel.findings, "a costly type for a mass market must raise something"
    for finding in panel.findings:
        assert html.escape(finding.message, quote=True) in panel.text
        assert html.escape(finding.assumption, quote=True) in panel.text
    picker.type_toggles["dedicated_personal_assistance"].value = False
    assert mix(state, seg_id) == []


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
    channel = session.catalog.channels.channels[0]
    submission = Submission(
        segments=[
            SegmentChoice(
                id="fans",
                name="Fans",
                archetype="mass_market",
                revenue_per_customer=10,
                customers=100,
                relationships=[
                    {"type": "self_service", "share": 0.5},
                    {"type": channel.term, "share": 1.0},
                ],
            )
        ]
    )
    state = CourseState(session.catalog, submission)
    picker = RelationshipPicker(state)
    assert f"{channel.term} (a channel?)" not in picker.segment_summary.value
    assert f"Self-service (50%), {channel.term}" in picker.segment_summary.value
    [remove] = find_widgets(picker, "bmc-remove-channel")
    remove.click()
    assert mix(state, "fans") == [("self_service", 0.5)]  # the type keeps its share
    assert find_widgets(picker, "bmc-remove-channel") == []


def test_share_stops_walk_five_percent_at_a_time() -> None:
    labels = [label for label, _ in share_options()]
    assert labels == [
        "1%", "5%", "10%", "15%", "20%", "25%", "30%", "35%", "40%", "45%", "50%",
        "55%", "60%", "65%", "70%", "75%", "80%", "85%", "90%", "95%", "100%",
    ]  # fmt: skip
    assert [value for _, value in share_options()][:3] == [0.01, 0.05, 0.1]
    # a share read from a file that is not a stop is shown as it is, in its place
    assert [label for label, _ in share_options(0.333)][6:9] == ["30%", "33.3%", "35%"]


def test_share_slider_sets_the_share_and_follows_the_state(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Fans", "mass_market", revenue_per_customer=200, customers=2000)
    picker = RelationshipPicker(state)
    slider = picker.share_sliders["personal_assistance"]
    assert slider.layout.display == "none"  # no share to set before the type is chosen
    picker.type_toggles["personal_assistance"].value = True
    assert slider.layout.display is None
    assert slider.value == 1.0
    slider.value = 0.1
    assert mix(state, seg_id) == [("personal_assistance", 0.1)]
    state.set_share(seg_id, "personal_assistance", 0.25)
    assert slider.value == 0.25
    state.set_share(seg_id, "personal_assistance", 0.333)  # not a stop of the slider
    assert slider.value == 0.333
    assert ("33.3%", 0.333) in slider.options
    slider.value = 0.35
    assert mix(state, seg_id) == [("personal_assistance", 0.35)]
    assert ("33.3%", 0.333) not in slider.options
    picker.type_toggles["personal_assistance"].value = False
    assert slider.layout.display == "none"
    assert mix(state, seg_id) == []


def test_share_slider_is_per_segment(session: CourseSession) -> None:
    state = session.state
    first = state.add_segment("Teams", "business")
    second = state.add_segment("Fans", "mass_market")
    state.set_relationships(first, ["self_service"])
    state.set_relationships(second, ["self_service"])
    state.set_share(first, "self_service", 0.5)
    picker = RelationshipPicker(state, segment_id=second)
    assert picker.share_sliders["self_service"].value == 1.0
    picker.segment_select.value = first
    assert picker.share_sliders["self_service"].value == 0.5
    picker.share_sliders["self_service"].value = 0.75
    assert mix(state, first) == [("self_service", 0.75)]
    assert mix(state, second) == [("self_service", 1.0)]


def test_summary_shows_cost_against_gross_profit(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Fans", "mass_market", revenue_per_customer=200, customers=2000)
    picker = RelationshipPicker(state)
    assert "No relationship chosen yet, so no relationship cost" in picker.segment_summary.value
    picker.type_toggles["self_service"].value = True
    # self-service: a 3,000 set-up over 3 years for 2,000 customers (0.50 each) + 0.50 running;
    # gross profit 200 × 40% (the mass market's default margin) = 80; 1 / 80 rounds to 1%
    summary = picker.segment_summary.value
    assert (
        "Relationship cost (illustrative): about <strong>1</strong> per customer a year "
        "(0.50 running + 0.50 its part of the set-ups), <strong>1%</strong> of the "
        "<strong>80</strong> gross profit per customer (revenue per customer 200 × 40% margin, "
        "the archetype's default)."
    ) in summary
    assert "Lifetime value: 240 (80 × 3 years a customer stays" in summary
    picker.type_toggles["personal_assistance"].value = True
    picker.share_sliders["personal_assistance"].value = 0.1
    # personal assistance for 200 customers: 1,500 over 5 years / 2,000 = 0.15 + 0.1 × 30 = 3
    assert (
        "About <strong>3.15</strong> per customer of this segment a year: 3 running + 0.15 its "
        "part of the set-up."
    ) in picker.type_costs["personal_assistance"].value
    assert (
        "about <strong>4.15</strong> per customer a year (3.50 running + 0.65 its part of the "
        "set-ups), <strong>5%</strong> of the <strong>80</strong> gross profit"
    ) in picker.segment_summary.value
    assert "Self-service (all), Personal assistance (10%)" in picker.segment_summary.value
    state.update_segment(seg_id, gross_margin=0.2)
    assert "<strong>10%</strong> of the <strong>40</strong> gross profit" in (
        picker.segment_summary.value
    )
    assert "200 × 20% margin, your figure" in picker.segment_summary.value


def test_summary_of_a_free_segment_names_who_pays(session: CourseSession) -> None:
    state = session.state
    sellers = state.add_segment("Sellers & <co>", "platform", customers=1000)
    buyers = state.add_segment("Buyers", "platform", revenue_per_customer=0, customers=1000)
    state.set_relationships(buyers, ["self_service"])
    state.update_segment(buyers, funded_by=sellers)
    picker = RelationshipPicker(state, segment_id=buyers)
    summary = picker.segment_summary.value
    assert "paid for by <strong>Sellers &amp; &lt;co&gt;</strong>" in summary
    assert "<co>" not in summary
    picker.segment_select.value = sellers
    # the buyers' 1.50 a customer (3,000 over 3 years for 1,000 buyers, + 0.50 running)
    # falls on as many sellers
    assert "+ 1.50 for the free segments it pays for" in picker.segment_summary.value


def test_refused_share_is_one_line(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Fans", "mass_market")
    picker = RelationshipPicker(state)
    picker.type_toggles["self_service"].value = True
    state.set_relationships(seg_id, [])  # removed in another notebook; a stale slider moves
    picker.share_sliders["self_service"].value = 0.5
    status = find_widget(picker, "bmc-status").value
    assert "bmc-message-error" in status
    assert "not in this segment&#x27;s mix" in status


def test_a_reason_is_asked_for_each_chosen_type_and_saved(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Teams", "business")
    picker = RelationshipPicker(state)
    reason = picker.type_reasons["personal_assistance"]
    assert reason.layout.display == "none"  # not chosen: nothing to explain yet
    picker.type_toggles["personal_assistance"].value = True
    assert reason.layout.display is None
    assert "What will make them stay" in reason.placeholder
    reason.value = "Coaches order for <b>twenty</b> players and want one person"
    mix = state.segment(seg_id).relationships
    assert [(r.type, r.notes) for r in mix] == [
        ("personal_assistance", "Coaches order for <b>twenty</b> players and want one person")
    ]
    picker.share_sliders["personal_assistance"].value = 0.5
    assert state.segment(seg_id).relationships[0].notes.startswith("Coaches order")
    other = RelationshipPicker(state, segment_id=seg_id)  # another notebook shows it too
    assert other.type_reasons["personal_assistance"].value.startswith("Coaches order")
