"""The learner's server command: refuses root, prepares the course as the learner, stays offline."""

from __future__ import annotations

import io
import json
import os
from contextlib import redirect_stderr
from pathlib import Path

import pytest

from bmc_course.app.hub import singleuser


def as_uid(monkeypatch: pytest.MonkeyPatch, uid: int) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: uid)


def test_it_refuses_to_run_as_root(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    as_uid(monkeypatch, 0)
    monkeypatch.setenv(singleuser.WORKSPACE_ENV_VAR, str(tmp_path / "ws"))
    err = io.StringIO()
    with redirect_stderr(err):
        assert singleuser.main([]) == 1
    assert err.getvalue().startswith("bmc-course hub: refusing to run a learner's server as root")
    assert err.getvalue().count("\n") == 1
    assert not (tmp_path / "ws").exists()


def test_the_workspace_gets_the_course_and_the_offline_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    as_uid(monkeypatch, 1000)
    workspace = tmp_path / "users" / "alice"
    env = {singleuser.WORKSPACE_ENV_VAR: str(workspace), "JUPYTER_CONFIG_PATH": "/etc/site"}
    prepared, server_env = singleuser.prepare(env)
    assert prepared == workspace.resolve()
    assert (workspace / "00_welcome.ipynb").is_file()
    assert (workspace / "09_canvas_block.ipynb").is_file()
    folders = server_env["JUPYTER_CONFIG_PATH"].split(os.pathsep)
    assert folders[-1] == "/etc/site"
    hub_overrides = Path(folders[0]) / "labconfig" / "default_setting_overrides.json"
    tracker = json.loads(hub_overrides.read_text(encoding="utf-8"))[
        "@jupyterlab/notebook-extension:tracker"
    ]
    assert tracker == {"kernelShutdown": True}
    course_overrides = Path(folders[1]) / "labconfig" / "default_setting_overrides.json"
    assert "fetchNews" in course_overrides.read_text(encoding="utf-8")


def test_a_learners_edited_notebook_survives_the_next_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    as_uid(monkeypatch, 1000)
    env = {singleuser.WORKSPACE_ENV_VAR: str(tmp_path / "alice")}
    workspace, _ = singleuser.prepare(env)
    notebook = workspace / "00_welcome.ipynb"
    edited = json.loads(notebook.read_text(encoding="utf-8"))
    edited["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "my own note"})
    notebook.write_text(json.dumps(edited), encoding="utf-8")
    singleuser.prepare(env)
    assert "my own note" in notebook.read_text(encoding="utf-8")


def test_without_a_named_workspace_it_is_in_the_learners_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert singleuser.workspace_path({}) == tmp_path / "bmc-course"


def test_a_workspace_that_cannot_be_made_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    as_uid(monkeypatch, 1000)
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(singleuser.SingleUserError, match="cannot prepare the course"):
        singleuser.prepare({singleuser.WORKSPACE_ENV_VAR: str(blocker / "ws")})


def test_the_server_is_rooted_in_the_workspace_and_offline(tmp_path: Path) -> None:
    (tmp_path / "00_welcome.ipynb").write_text("{}", encoding="utf-8")
    arguments = singleuser.server_arguments(tmp_path)
    assert f"--ServerApp.root_dir={tmp_path}" in arguments
    assert "--ServerApp.default_url=/lab/tree/00_welcome.ipynb" in arguments
    assert "--LabApp.news_url=None" in arguments
    assert "--LabApp.extension_manager=readonly" in arguments
