"""Run JupyterLab on a learner's workspace: local only, with a token, offline, stopped by Ctrl-C.

The server is a child process (JupyterLab, run with this same Python) started with:

* ``127.0.0.1`` and a fresh random token. The token must not be on the
  visible command line: any user of a shared machine can read command lines
  (``ps``), and the token would let them run code as the learner. Nor can it
  simply be ``JUPYTER_TOKEN``: that is only a default, which any token set in
  the learner's Jupyter config files would replace (or blank out). So a tiny
  bootstrap (:data:`LAB_BOOTSTRAP`) takes it from a private environment
  variable and adds ``--IdentityProvider.token`` to its own ``sys.argv``,
  where the command line beats every config file; the variable is removed
  before Jupyter starts, so kernels and terminals do not inherit it.
* the workspace as its root, and JupyterLab's layout kept in the workspace's
  ``.bmc-course/lab-workspaces`` so the learner's open tabs come back next time.
* no network: the news feed and the update check are switched off on the
  server (``news_url=None``, ``NeverCheckForUpdate``) and in the page settings,
  and the extension manager is read-only (the default one queries PyPI).
* the welcome notebook as the page the browser opens.
* the course's own JupyterLab extension (:data:`COURSE_LABEXTENSIONS`), added
  to this server only with ``extra_labextensions_path``: course notebooks run
  themselves, hide their code and are not marked unsaved by their outputs.
  It is installed nowhere else, so any other JupyterLab of the learner's, and
  the facilitator's Voilà demo, never load it. It is shipped prebuilt (built
  from ``labextension/`` in the source tree), so no Node.js is needed to run it.

The page settings are *defaults* laid over JupyterLab's own: a
``labconfig/default_setting_overrides.json`` in the workspace's
``.bmc-course/jupyter-config``, put first on ``JUPYTER_CONFIG_PATH`` for the
child only (read by ``jupyterlab_server.settings_utils._get_overrides``). The
environment's ``overrides.json`` under ``sys.prefix`` may not be writable, and
pointing ``user_settings_dir`` elsewhere would hide the learner's own
JupyterLab preferences (theme, font size, shortcuts).

Stopping: see :mod:`bmc_course.app.server_process` (Ctrl-C → SIGTERM to the
child → Jupyter's clean shutdown; no "Shut down this server?" prompt).
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, TextIO

from bmc_course.app.server_process import ServerProcessError, run_until_stopped
from bmc_course.app.workspace import STATE_DIR_NAME
from bmc_course.state.safe_files import atomic_write_bytes

LOCALHOST = "127.0.0.1"
WELCOME_NOTEBOOK = "00_welcome.ipynb"
TEACHER_NOTEBOOK = "class_summary.ipynb"
# The prebuilt course extension: a folder holding ``bmc-course-lab/package.json``
# and its ``static/`` files, as JupyterLab's extension paths expect.
COURSE_LABEXTENSIONS = Path(__file__).resolve().parent.parent / "labextension"
COURSE_LABEXTENSION_NAME = "bmc-course-lab"
LAB_WORKSPACES_DIR = "lab-workspaces"
JUPYTER_CONFIG_DIR = "jupyter-config"
READY_TIMEOUT = 120.0  # seconds; a cold start on a slow laptop can take tens of seconds

# JupyterLab's notification plugin: never ask about news, never check for updates.
# ``fetchNews`` is a string enum ("true" / "false" / "none") in JupyterLab's schema.
NOTIFICATION_PLUGIN = "@jupyterlab/apputils-extension:notification"
# The notebook tracker: render every cell, not only those on screen. Course
# notebooks are short; with windowing, widgets scrolled out of view leave the
# page, so the browser's find (Ctrl-F) and screen readers would miss them.
# And start the notebook's own kernel without asking: on a busy machine
# JupyterLab otherwise may show a "Select Kernel" dialog a learner cannot answer.
NOTEBOOK_PLUGIN = "@jupyterlab/notebook-extension:tracker"
SETTING_OVERRIDES: dict[str, dict[str, object]] = {
    NOTIFICATION_PLUGIN: {"fetchNews": "false", "checkForUpdates": False},
    NOTEBOOK_PLUGIN: {"windowingMode": "none", "autoStartDefaultKernel": True},
}

_POSIX = os.name == "posix"

TOKEN_ENV_VAR = "BMC_COURSE_LAB_TOKEN"  # noqa: S105 -- a variable's name, not a secret

# Run by ``python -c`` as the server process; see the module docstring for why.
# Deprecation warnings raised inside Jupyter's own packages mean nothing to a
# learner, yet voila's ``__init__`` (imported as a server extension) turns
# traitlets' back on; importing it first lets our filter take precedence.
# Kernels are separate processes: the learner's own code is not affected.
LAB_BOOTSTRAP = f"""\
import contextlib, os, sys, warnings
sys.argv[1:1] = ["--IdentityProvider.token=" + os.environ.pop({TOKEN_ENV_VAR!r})]
with contextlib.suppress(ImportError):
    import voila
warnings.simplefilter("ignore", DeprecationWarning)
from jupyterlab.labapp import main
sys.exit(main())
"""


class LabServerError(Exception):
    """JupyterLab could not be started (or stopped unexpectedly); the message is one line."""


def new_token() -> str:
    """A fresh random token for one server run."""
    return secrets.token_urlsafe(32)


def lab_config_dir(workspace: Path) -> Path:
    """The per-workspace Jupyter config folder holding our settings defaults."""
    return workspace / STATE_DIR_NAME / JUPYTER_CONFIG_DIR


def lab_workspaces_dir(workspace: Path) -> Path:
    """Where JupyterLab keeps the layout (open tabs) of this workspace between runs."""
    return workspace / STATE_DIR_NAME / LAB_WORKSPACES_DIR


def write_lab_settings(workspace: Path) -> Path:
    """Write our JupyterLab settings defaults into the workspace; return the config folder.

    Rewritten on every start so that a newer bmc-course brings newer defaults.
    """
    config_dir = lab_config_dir(workspace)
    text = json.dumps(SETTING_OVERRIDES, indent=2, sort_keys=True) + "\n"
    atomic_write_bytes(config_dir / "labconfig" / "default_setting_overrides.json", text.encode())
    return config_dir


def default_url(workspace: Path) -> str:
    """The page the browser opens: the welcome notebook (a learner's workspace), the class
    summary (a teacher's), or plain JupyterLab if neither is there."""
    for notebook in (WELCOME_NOTEBOOK, TEACHER_NOTEBOOK):
        if (workspace / notebook).is_file():
            return f"/lab/tree/{notebook}"
    return "/lab"


def build_lab_command(workspace: Path, *, port: int | None, open_browser: bool) -> list[str]:
    """The command line that runs JupyterLab on ``workspace``.

    ``port=None`` leaves the choice to Jupyter (it tries 8888 and up);
    :func:`run_lab` always passes a port it checked, and then Jupyter must not
    quietly move to another one. The token is not on this command line: it
    goes in the environment from :func:`build_lab_environment`.
    """
    root = workspace.resolve()
    command = [
        sys.executable,
        "-c",
        LAB_BOOTSTRAP,
        f"--ServerApp.ip={LOCALHOST}",
        # Our own lines say where the server is; Jupyter's start-up chatter
        # would bury them. Warnings and errors still show.
        "--ServerApp.log_level=WARN",
        "--LabApp.log_level=WARN",
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.open_browser={open_browser}",
        # Skip the "Shut down this Jupyter server (y/[n])?" prompt on Ctrl-C.
        "--ServerApp.answer_yes=True",
        f"--LabApp.default_url={default_url(root)}",
        f"--LabApp.workspaces_dir={lab_workspaces_dir(root)}",
        # No network: no news feed, no update check, no PyPI extension search.
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        # The course's own extension, for this server only (see the module docstring).
        f"--LabApp.extra_labextensions_path={COURSE_LABEXTENSIONS}",
    ]
    if port is not None:
        command += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if _running_as_root():
        # Jupyter refuses to run as root without it (containers, CI).
        command.append("--ServerApp.allow_root=True")
    return command


def build_lab_environment(
    workspace: Path, *, token: str, base: dict[str, str] | None = None
) -> dict[str, str]:
    """The server's environment: ``base`` (default ``os.environ``) plus the token and our config.

    The token is read (and removed) by :data:`LAB_BOOTSTRAP`.
    """
    env = dict(os.environ if base is None else base)
    env[TOKEN_ENV_VAR] = token
    config_dir = str(lab_config_dir(workspace.resolve()))
    existing = env.get("JUPYTER_CONFIG_PATH")
    # First on the path = highest priority for our settings defaults.
    env["JUPYTER_CONFIG_PATH"] = config_dir + (os.pathsep + existing if existing else "")
    return env


def lab_url(port: int, token: str, path: str = "/lab") -> str:
    """The address to open, token included."""
    return f"http://{LOCALHOST}:{port}{path}?token={token}"


def find_free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOCALHOST, 0))
        port: int = sock.getsockname()[1]
        return port


def check_port_free(port: int) -> None:
    """Raise :class:`LabServerError` if JupyterLab could not listen on ``port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        if _POSIX:
            # Jupyter (tornado) binds with SO_REUSEADDR; without it here, a port
            # still in TIME_WAIT from a previous run would look taken.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((LOCALHOST, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise LabServerError(
                    f"port {port} on {LOCALHOST} is already in use; choose another with "
                    f"--port, or leave --port out to use a free one"
                ) from None
            raise LabServerError(
                f"cannot listen on port {port} on {LOCALHOST}: {error.strerror or error}"
            ) from None


def http_status(url: str, *, timeout: float = 2.0) -> int | None:
    """The HTTP status of ``GET url``, or None if nothing answered.

    Proxies are bypassed: a learner's ``http_proxy`` must not see (or break)
    requests to their own machine.
    """
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=timeout) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return None


def wait_until_ready(
    port: int,
    token: str,
    *,
    timeout: float = READY_TIMEOUT,
    process: subprocess.Popen[Any] | None = None,
) -> None:
    """Block until ``GET /api/status?token=…`` answers 200.

    Raises :class:`LabServerError` after ``timeout`` seconds, or as soon as
    ``process`` (the server, if given) exits.
    """
    url = f"http://{LOCALHOST}:{port}/api/status?token={token}"
    deadline = time.monotonic() + timeout
    while True:
        if process is not None and (code := process.poll()) is not None:
            raise LabServerError(
                f"JupyterLab exited (code {code}) before it was ready; see its messages above"
            )
        if http_status(url, timeout=1.0) == 200:
            return
        if time.monotonic() > deadline:
            raise LabServerError(
                f"JupyterLab did not answer on {LOCALHOST}:{port} within {timeout:.0f} s"
            )
        time.sleep(0.1)


def run_lab(
    workspace: Path,
    *,
    port: int | None,
    open_browser: bool,
    out: TextIO | None = None,
    ready_timeout: float = READY_TIMEOUT,
) -> int:
    """Run JupyterLab on ``workspace`` until Ctrl-C (or File ▸ Shut Down); return 0.

    Prints the address (with its token) once the server answers. Raises
    :class:`LabServerError` if the port is taken, the server fails to start,
    or it stops with an error.
    """
    out = sys.stdout if out is None else out
    root = Path(workspace).resolve()
    if port is None:
        port = find_free_port()
    else:
        check_port_free(port)
    token = new_token()
    try:
        write_lab_settings(root)
    except OSError as error:
        raise LabServerError(
            f"cannot write JupyterLab settings in {lab_config_dir(root)}: {error.strerror or error}"
        ) from None
    command = build_lab_command(root, port=port, open_browser=open_browser)
    env = build_lab_environment(root, token=token)
    try:
        return run_until_stopped(
            command,
            env=env,
            cwd=root,
            name="JupyterLab",
            wait_ready=lambda process: wait_until_ready(
                port, token, timeout=ready_timeout, process=process
            ),
            started=[
                f"JupyterLab is running at {lab_url(port, token, default_url(root))}",
                f"Your work is saved in {root}. Press Ctrl-C to stop.",
            ],
            out=out,
        )
    except ServerProcessError as error:
        raise LabServerError(str(error)) from None


def _running_as_root() -> bool:
    geteuid = getattr(os, "geteuid", None)  # absent on Windows
    return geteuid is not None and geteuid() == 0
