"""The notebook-facing API (bmc_course.course): every function, light import, cell re-runs."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from bmc_course import course
from bmc_course.state.session import CourseSession

HEAVY = ("matplotlib", "ipywidgets", "pandas", "IPython")


def calls(session: CourseSession) -> dict[str, Callable[[], Any]]:
    lesson = next(iter(session.catalog.lessons))
    return {
        "welcome": course.welcome,
        "navigation": lambda: course.navigation(lesson),
        "step_done": lambda: course.step_done(lesson),
        "key_ideas": lambda: course.key_ideas(lesson),
        "segment_picker": course.segment_picker,
        "types_explorer": course.types_explorer,
        "relationship_picker": course.relationship_picker,
        "findings_panel": course.findings_panel,
        "trade_offs": course.trade_offs,
        "what_if": course.what_if,
        "lifecycle": course.lifecycle,
        "test_plan": course.test_plan,
        "case_explorer": course.case_explorer,
        "channel_or_relationship": course.channel_or_relationship,
        "canvas_block": course.canvas_block,
        "hand_in": course.hand_in,
        "knowledge_check": lambda: course.knowledge_check(lesson),
    }


def test_every_function_returns_a_styled_widget(session: CourseSession) -> None:
    import ipywidgets as widgets

    seg_id = session.state.add_segment("Teams", "business")
    session.state.set_relationships(seg_id, ["personal_assistance"])
    for name, call in calls(session).items():
        widget = call()
        assert isinstance(widget, widgets.DOMWidget), name
        assert "bmc-view" in widget._dom_classes, name


def test_all_functions_are_covered(session: CourseSession) -> None:
    assert set(calls(session)) == set(course.__all__)


def test_key_ideas_renders_the_lessons_markdown(session: CourseSession) -> None:
    lesson = next(iter(session.catalog.lessons))
    view = course.key_ideas(lesson)
    [output] = view.children[0].outputs
    assert output["data"]["text/markdown"] == session.catalog.lesson_texts[lesson]


@pytest.mark.usefixtures("session")
@pytest.mark.parametrize(
    "call", [course.navigation, course.step_done, course.key_ideas, course.knowledge_check]
)
def test_unknown_lesson_id(call: Callable[[str], Any]) -> None:
    with pytest.raises(ValueError, match="unknown lesson id 'nope'"):
        call("nope")


def test_rerunning_a_cell_closes_its_previous_widget(
    session: CourseSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    listeners = len(session.state._listeners)
    monkeypatch.setattr(course, "_cell_id", lambda: "cell-1")
    first = course.trade_offs()
    added = len(session.state._listeners) - listeners
    assert added == 4  # one listener per trade-off chart
    second = course.trade_offs()
    assert len(session.state._listeners) == listeners + added
    assert first.comm is None  # closed
    assert second.comm is not None
    monkeypatch.setattr(course, "_cell_id", lambda: "cell-2")
    course.trade_offs()  # another cell keeps its own widget
    assert len(session.state._listeners) == listeners + 2 * added


@pytest.mark.usefixtures("session")
def test_without_cell_ids_nothing_is_closed() -> None:
    first = course.findings_panel()
    course.findings_panel()
    assert first.comm is not None


def test_import_course_is_light() -> None:
    code = "import bmc_course.course, json, sys; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(result.stdout))
    assert not [name for name in HEAVY if name in loaded]
