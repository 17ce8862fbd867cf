"""Canvas block view: a live, escaped summary and export buttons that write into the workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bmc_course.state.session import CourseSession
from bmc_course.widgets.canvas_block_view import CanvasBlockView, export_file_name


def test_canvas_block_summary_is_escaped_and_live(session: CourseSession, tmp_path: Path) -> None:
    view = CanvasBlockView(session.state, tmp_path)
    session.state.set_learner("<Ada>")
    seg_id = session.state.add_segment("Teams & co", "business")
    session.state.set_relationships(seg_id, ["personal_assistance"])
    assert "&lt;Ada&gt;" in view.summary.value
    assert "Teams &amp; co" in view.summary.value
    assert "<Ada>" not in view.summary.value


@pytest.mark.parametrize("fmt", ["md", "html", "png", "json"])
def test_export_buttons_write_into_the_workspace(
    session: CourseSession, tmp_path: Path, fmt: str
) -> None:
    session.state.set_learner("Ada Lovelace")
    seg_id = session.state.add_segment("Teams", "business")
    session.state.set_relationships(seg_id, ["personal_assistance"])
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    view = CanvasBlockView(session.state, workspace)
    view.export_buttons[fmt].click()
    path = workspace / export_file_name("Ada Lovelace", fmt)
    assert path.name == f"customer-relationships-ada-lovelace.{fmt}"
    assert path.is_file()
    assert path.stat().st_size > 0
    assert str(path) in view.status.value
    if fmt == "json":
        assert json.loads(path.read_text(encoding="utf-8"))["learner"] == "Ada Lovelace"


def test_export_failure_is_one_line(session: CourseSession, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    view = CanvasBlockView(session.state, blocker)
    view.export_buttons["md"].click()
    assert "bmc-message-error" in view.status.value
    assert "Could not export .md" in view.status.value
