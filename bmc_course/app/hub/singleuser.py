"""The command the hub runs for each learner: prepare their course, then Jupyter's single-user server.

``python -m bmc_course.app.hub.singleuser [ARGS...]`` runs as the learner (the
spawner has already switched to their account or container). It refuses to run
as root, copies the course into the workspace (``$BMC_HUB_WORKSPACE``, else
``~/bmc-course``) the way ``bmc-course start`` does — never overwriting a
notebook the learner changed — sets the same offline JupyterLab defaults, and
then replaces itself with ``jupyterhub-singleuser`` (same Python), passing on
the hub's ``ARGS``.

Preparing the course here rather than in the hub means every file in the
workspace is written by the learner's own process: the hub (often root) never
writes into a folder a learner controls.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from bmc_course.app.lab_server import (
    JUPYTER_CONFIG_DIR,
    NOTEBOOK_PLUGIN,
    build_lab_command,
    default_url,
    write_lab_settings,
)
from bmc_course.app.workspace import STATE_DIR_NAME, WorkspaceError, prepare_workspace
from bmc_course.state.safe_files import atomic_write_bytes

WORKSPACE_ENV_VAR = "BMC_HUB_WORKSPACE"
DEFAULT_WORKSPACE_NAME = "bmc-course"
HUB_CONFIG_DIR = f"hub-{JUPYTER_CONFIG_DIR}"
# On a shared machine, closing a notebook's tab also shuts its kernel down: each
# kernel holds ~100 MB, and a learner works through ten notebooks.
HUB_SETTING_OVERRIDES: dict[str, dict[str, object]] = {NOTEBOOK_PLUGIN: {"kernelShutdown": True}}


class SingleUserError(Exception):
    """The learner's server cannot be started; the message is one line."""


def workspace_path(env: Mapping[str, str]) -> Path:
    """Where this learner's course lives: ``$BMC_HUB_WORKSPACE``, else ``~/bmc-course``."""
    named = env.get(WORKSPACE_ENV_VAR)
    return Path(named) if named else Path.home() / DEFAULT_WORKSPACE_NAME


def write_hub_lab_settings(workspace: Path) -> Path:
    """Write the hub's JupyterLab defaults (on top of the course's) and return their folder."""
    config_dir = workspace / STATE_DIR_NAME / HUB_CONFIG_DIR
    text = json.dumps(HUB_SETTING_OVERRIDES, indent=2, sort_keys=True) + "\n"
    atomic_write_bytes(config_dir / "labconfig" / "default_setting_overrides.json", text.encode())
    return config_dir


def server_arguments(workspace: Path) -> list[str]:
    """The single-user server's own options: the workspace as its root, and every JupyterLab
    option of ``bmc-course start`` (offline, the course's layout folder and extension, the
    welcome notebook first), taken from its command line so the two never drift apart."""
    lab_options = [
        option
        for option in build_lab_command(workspace, port=None, open_browser=False)
        if option.startswith("--LabApp.")
    ]
    # jupyterhub-singleuser opens ServerApp.default_url first (LabApp's is only its fallback)
    return [
        f"--ServerApp.root_dir={workspace}",
        f"--ServerApp.default_url={default_url(workspace)}",
        *lab_options,
    ]


def prepare(env: Mapping[str, str]) -> tuple[Path, dict[str, str]]:
    """Prepare the learner's workspace; return it and the server's environment."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is not None and geteuid() == 0:
        raise SingleUserError(
            "refusing to run a learner's server as root: the hub's spawner must switch to the "
            "learner's own account or container (see docs/teaching-with-jupyterhub.md)"
        )
    workspace = workspace_path(env).resolve()
    try:
        workspace.mkdir(mode=0o700, parents=True, exist_ok=True)
        prepare_workspace(workspace)
        course_settings = write_lab_settings(workspace)
        hub_settings = write_hub_lab_settings(workspace)
    except (OSError, WorkspaceError) as error:
        raise SingleUserError(f"cannot prepare the course in {workspace}: {error}") from None
    server_env = dict(env)
    existing = env.get("JUPYTER_CONFIG_PATH")
    server_env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        [str(hub_settings), str(course_settings), *([existing] if existing else [])]
    )
    return workspace, server_env


def main(argv: Sequence[str] | None = None) -> int:
    """Prepare the course and become ``jupyterhub-singleuser``; return 1 with one line if not."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        workspace, env = prepare(os.environ)
    except SingleUserError as error:
        print(f"bmc-course hub: {error}", file=sys.stderr)
        return 1
    os.chdir(workspace)
    command = [sys.executable, "-m", "jupyterhub.singleuser", *server_arguments(workspace), *args]
    os.execve(sys.executable, command, env)  # noqa: S606 -- same Python, a fixed module, no shell
    return 0  # pragma: no cover -- execve does not return


if __name__ == "__main__":
    sys.exit(main())
