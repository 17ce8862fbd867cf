"""Real servers for the browser tests, started the way the product starts them.

JupyterLab runs with the command line and environment of ``bmc-course start``
(:mod:`bmc_course.app.lab_server`): 127.0.0.1, a fresh token, the workspace as root.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bmc_course.app import demo_server, lab_server
from bmc_course.app.server_process import stop
from bmc_course.app.workspace import prepare_workspace
from bmc_course.state.progress_store import PROGRESS_ENV_VAR


@dataclass(frozen=True)
class RunningServer:
    port: int
    token: str
    workspace: Path
    log: Path

    def url(self, path: str, query: str = "") -> str:
        extra = f"&{query}" if query else ""
        return f"http://{lab_server.LOCALHOST}:{self.port}{path}?token={self.token}{extra}"


def server_environment(workspace: Path, token: str) -> dict[str, str]:
    env = lab_server.build_lab_environment(workspace, token=token)
    env.pop(PROGRESS_ENV_VAR, None)  # the progress file lives in the workspace, as for a learner
    return env


@contextlib.contextmanager
def running_lab(workspace: Path) -> Iterator[RunningServer]:
    """JupyterLab on a prepared workspace until the block ends."""
    prepare_workspace(workspace)
    lab_server.write_lab_settings(workspace)
    port, token = lab_server.find_free_port(), lab_server.new_token()
    command = lab_server.build_lab_command(workspace, port=port, open_browser=False)
    with _process(command, server_environment(workspace, token), workspace) as (process, log):
        lab_server.wait_until_ready(port, token, timeout=90, process=process)
        yield RunningServer(port, token, workspace.resolve(), log)


@contextlib.contextmanager
def running_demo(
    folder: Path,
    *,
    cull_after: int = demo_server.CULL_AFTER_SECONDS,
    cull_every: int = demo_server.CULL_EVERY_SECONDS,
) -> Iterator[RunningServer]:
    """The facilitator demo in Voilà, started as ``bmc-course demo`` starts it (a shorter
    ``cull_after`` for the culling test)."""
    folder.mkdir(parents=True, exist_ok=True)
    port, token = lab_server.find_free_port(), lab_server.new_token()
    command = demo_server.build_demo_command(
        demo_server.dashboard_path(), port=port, cull_after=cull_after, cull_every=cull_every
    )
    env = demo_server.build_demo_environment(token)
    with _process(command, env, folder) as (process, log):
        demo_server.wait_until_listening(port, timeout=90, process=process)
        yield RunningServer(port, token, folder.resolve(), log)


@contextlib.contextmanager
def _process(
    command: list[str], env: dict[str, str], workspace: Path
) -> Iterator[tuple[subprocess.Popen[Any], Path]]:
    log = workspace.parent / f"{workspace.name}-server.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command,
            env=env,
            cwd=workspace,
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=os.name == "posix",
        )
        try:
            yield process, log
        finally:
            stop(process)
