"""Course navigation: steps marked done (and saved), links to the neighbouring notebooks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bmc_course.state.session import CourseSession, open_session
from bmc_course.widgets.course_nav import CourseNav


def test_mark_step_done_and_back(session: CourseSession, tmp_path: Path) -> None:
    lessons = list(session.catalog.lessons)
    nav = CourseNav(session.state, lessons[1])
    assert nav.progress.max == len(lessons)
    assert nav.done_button.description == "Mark this step done"
    nav.done_button.click()
    assert session.state.completed_steps == [lessons[1]]
    assert nav.progress.value == 1
    assert "bmc-step-done" in nav.steps.value
    assert nav.done_button.description.startswith("✓")
    again = open_session(tmp_path / "p.json")
    assert again.state.completed_steps == [lessons[1]]
    nav.done_button.click()
    assert session.state.completed_steps == []


def test_navigation_links_to_neighbours(session: CourseSession) -> None:
    lessons = list(session.catalog.lessons.values())
    nav = CourseNav(session.state, lessons[1].id)
    links = nav.links.outputs[0]["data"]["text/markdown"]
    assert f"({lessons[2].notebook})" in links
    assert f"({lessons[0].notebook})" in links
    last = CourseNav(session.state, lessons[-1].id)
    assert "last step" in last.links.outputs[0]["data"]["text/markdown"]


def test_unknown_lesson_is_a_clear_error(session: CourseSession) -> None:
    with pytest.raises(ValueError, match="unknown lesson id 'nope'"):
        CourseNav(session.state, "nope")
