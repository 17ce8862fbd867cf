"""A second course server on one workspace is refused in one line; the lock dies with its holder."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from bmc_course.app.workspace import WorkspaceError
from bmc_course.app.workspace_lock import one_server_per_workspace
from tests.support.cli_runner import run_cli

HOLD = """
import sys, time
from pathlib import Path
from bmc_course.app.workspace_lock import one_server_per_workspace
with one_server_per_workspace(Path(sys.argv[1])):
    Path(sys.argv[2]).touch()
    time.sleep(60)
"""


def _holder(workspace: Path, ready: Path) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(workspace), str(ready)])
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert time.monotonic() < deadline, "the first server never took the workspace"
        time.sleep(0.05)
    return process


def test_a_second_start_on_a_running_workspace_is_refused(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    first = _holder(workspace, tmp_path / "ready")
    try:
        _, err = run_cli(["start", "--workspace", str(workspace), "--no-browser"], retcode=1)
        assert err == (
            f"bmc-course: error: {workspace}: the course is already running on this workspace "
            "(another 'bmc-course start'); use the address it printed, or stop it with Ctrl-C "
            "first\n"
        )
    finally:
        first.kill()
        first.wait()


def test_the_lock_goes_with_a_killed_server(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    first = _holder(workspace, tmp_path / "ready")
    first.kill()  # no clean shutdown at all
    first.wait()
    with (  # the next start takes it; a second holder, even in the same process, is refused
        one_server_per_workspace(workspace),
        pytest.raises(WorkspaceError, match="already running"),
        one_server_per_workspace(workspace),
    ):
        pass
