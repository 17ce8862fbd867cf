"""Relationships over time: three stages of tick boxes per segment, saved and explained."""

from __future__ import annotations

from bmc_course.state.session import CourseSession
from bmc_course.widgets.lifecycle_view import LifecycleView
from bmc_course.widgets.mix_over_time_view import MixOverTime


def test_ticking_a_stage_saves_it_and_says_what_changes(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Subscribers <b>", "mass_market")
    state.set_relationships(seg_id, ["personal_assistance"])
    view = MixOverTime(state)
    assert view.segment_id == seg_id
    assert "Not planned yet" in view.stage_notes["mature"].value
    view.stage_toggles["mature"]["communities"].value = True
    view.stage_toggles["mature"]["self_service"].value = True
    assert state.segment(seg_id).stages == {"mature": ["self_service", "communities"]}
    note = view.stage_notes["mature"].value
    assert (
        "Compared with today's mix: adds self-service and communities; drops personal assistance"
        in note
    )
    assert "Customer retention" in note


def test_copying_the_current_mix_fills_every_stage_once(session: CourseSession) -> None:
    state = session.state
    seg_id = state.add_segment("Teams", "business")
    state.set_relationships(seg_id, ["personal_assistance", "self_service"])
    view = MixOverTime(state)
    seen: list[object] = []
    state.observe(seen.append)
    view.copy_button.click()
    assert len(seen) == 1  # one save, not three
    expected = ["personal_assistance", "self_service"]
    assert state.segment(seg_id).stages == dict.fromkeys(("launch", "growth", "mature"), expected)
    assert all(view.stage_toggles[s]["self_service"].value for s in ("launch", "growth", "mature"))
    assert "no change" in view.stage_notes["growth"].value


def test_the_view_follows_segments_and_sits_in_the_lifecycle_step(session: CourseSession) -> None:
    state = session.state
    view = MixOverTime(state)
    assert view.editor.layout.display == "none" and "No segments yet" in view.empty.value
    seg_id = state.add_segment("Walk-ins", "mass_market")
    state.set_stage(seg_id, "launch", ["self_service"])  # from another notebook
    assert view.segment_id == seg_id and view.stage_toggles["launch"]["self_service"].value
    assert isinstance(LifecycleView(state).over_time, MixOverTime)
