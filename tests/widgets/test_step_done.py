"""The end of a notebook: mark the step done (saved), undo it, and go on to the next step."""

from __future__ import annotations

from pathlib import Path

import pytest

from bmc_course.state.session import CourseSession, open_session
from bmc_course.widgets.step_done import StepDone


def test_mark_step_done_and_back(session: CourseSession, tmp_path: Path) -> None:
    lessons = list(session.catalog.lessons)
    view = StepDone(session.state, lessons[1])
    assert view.done_button.description == "Mark this step done"
    view.done_button.click()
    assert session.state.completed_steps == [lessons[1]]
    assert view.done_button.description == "✓ Step done — mark as not done"
    assert view.done_button.button_style == "success"
    again = open_session(tmp_path / "p.json")  # saved: another session reads it back
    assert again.state.completed_steps == [lessons[1]]
    view.done_button.click()
    assert session.state.completed_steps == []
    assert view.done_button.description == "Mark this step done"


def test_a_step_marked_done_elsewhere_shows_here(session: CourseSession) -> None:
    lesson = list(session.catalog.lessons)[2]
    view = StepDone(session.state, lesson)
    session.state.mark_step_done(lesson, True)
    assert view.done_button.description.startswith("✓")


def test_it_links_on_to_the_next_step(session: CourseSession) -> None:
    lessons = list(session.catalog.lessons.values())
    view = StepDone(session.state, lessons[0].id)
    link = view.next_link.outputs[0]["data"]["text/markdown"]
    assert link == f"**[Next: {lessons[1].title} →]({lessons[1].notebook})**"
    last = StepDone(session.state, lessons[-1].id)
    assert last.next_link.outputs[0]["data"]["text/markdown"] == (
        "This is the last step of the course."
    )


def test_unknown_lesson_is_a_clear_error(session: CourseSession) -> None:
    with pytest.raises(ValueError, match="unknown lesson id 'nope'"):
        StepDone(session.state, "nope")
