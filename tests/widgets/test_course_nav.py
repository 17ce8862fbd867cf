"""Course navigation: steps marked done (and saved), links to the neighbouring notebooks."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from bmc_course.state.session import CourseSession
from bmc_course.widgets.course_nav import CourseNav
from bmc_course.widgets.widget_tree import iter_widgets


def test_the_map_follows_steps_marked_done(session: CourseSession) -> None:
    lessons = list(session.catalog.lessons)
    nav = CourseNav(session.state, lessons[1])
    assert nav.progress.max == len(lessons)
    assert "mark this one done at the end of this notebook" in nav.progress_text.value
    assert not [w for w in iter_widgets(nav) if isinstance(w, widgets.Button)]  # done is at the end
    session.state.mark_step_done(lessons[1], True)
    assert nav.progress.value == 1
    assert "bmc-step-done" in nav.steps.value
    assert "1 of" in nav.progress_text.value and "this one is done" in nav.progress_text.value
    last = CourseNav(session.state, lessons[-1])
    assert "in the hand-in section below" in last.progress_text.value


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
