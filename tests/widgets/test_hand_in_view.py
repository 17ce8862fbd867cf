"""Hand in: mark the last step done, export into the workspace, and see which export is stale."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bmc_course.state.session import CourseSession
from bmc_course.widgets.hand_in_view import HandInView, export_file_name


def _view(session: CourseSession, workspace: Path) -> HandInView:
    return HandInView(session.state, workspace, session.store)


@pytest.mark.parametrize("fmt", ["md", "html", "png", "json"])
def test_export_buttons_write_into_the_workspace(
    session: CourseSession, tmp_path: Path, fmt: str
) -> None:
    session.state.set_learner("Ada Lovelace")
    seg_id = session.state.add_segment("Teams", "business")
    session.state.set_relationships(seg_id, ["personal_assistance"])
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    view = _view(session, workspace)
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
    view = _view(session, blocker)
    view.export_buttons["md"].click()
    assert "bmc-message-error" in view.status.value
    assert "Could not export .md" in view.status.value


def test_an_export_older_than_the_latest_change_is_flagged_and_refreshed(
    session: CourseSession, tmp_path: Path
) -> None:
    state = session.state
    state.set_learner("Ada")
    seg_id = state.add_segment("Teams", "business")
    view = _view(session, tmp_path)
    assert "Nothing exported yet" in view.freshness.value
    view.export_buttons["json"].click()
    view.export_buttons["md"].click()
    assert "hold your latest answers" in view.freshness.value
    assert view.refresh_button.layout.display == "none"
    exported = tmp_path / export_file_name("Ada", "json")
    made = exported.stat().st_mtime
    os.utime(exported, (made - 60, made - 60))  # the export was made a minute ago …
    os.utime(tmp_path / export_file_name("Ada", "md"), (made - 60, made - 60))
    state.toggle_relationship(seg_id, "personal_assistance", True)  # … then an answer changed
    assert "2 of your 2 exported files miss your latest answers" in view.freshness.value
    assert view.refresh_button.layout.display is None
    view.refresh_button.click()
    assert "hold your latest answers" in view.freshness.value
    saved = json.loads(exported.read_text(encoding="utf-8"))
    assert saved["segments"][0]["relationships"][0]["type"] == "personal_assistance"


def test_marking_the_step_done_is_here_and_makes_an_earlier_export_stale(
    session: CourseSession, tmp_path: Path
) -> None:
    state = session.state
    view = _view(session, tmp_path)
    view.export_buttons["json"].click()
    exported = tmp_path / export_file_name("", "json")
    made = exported.stat().st_mtime
    os.utime(exported, (made - 60, made - 60))
    assert view.done_button.description == "Mark this step done"
    view.done_button.click()
    assert "canvas_block" in state.completed_steps
    assert view.done_button.description.startswith("Step done")
    assert "older than your latest change" in view.freshness.value
