"""Serve the facilitator demo with Voilà: local only, with a token, offline, stopped by Ctrl-C.

The dashboard notebook ships in the package (``notebooks/demo/dashboard.ipynb``)
and is served read-only from there; the demo works in memory and writes no
files. Voilà runs as a child process (see :mod:`bmc_course.app.server_process`)
with:

* ``127.0.0.1``, a fresh token passed through the environment (never on the
  visible command line, as for JupyterLab in :mod:`bmc_course.app.lab_server`);
* our template ``bmc-demo`` (Voilà's "lab" template without its Font Awesome
  CDN links: the page makes no request off this machine), found through
  ``JUPYTER_PATH``;
* no source code shown (Voilà's default ``strip_sources``).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import webbrowser
from pathlib import Path
from typing import Any, TextIO

from bmc_course.app.lab_server import (
    LOCALHOST,
    LabServerError,
    check_port_free,
    find_free_port,
    new_token,
)
from bmc_course.app.server_process import ServerProcessError, run_until_stopped
from bmc_course.model.paths import notebooks_dir

DASHBOARD = Path("demo") / "dashboard.ipynb"
TEMPLATE = "bmc-demo"
TEMPLATES_ROOT = Path(__file__).with_name("voila_templates")  # holds voila/templates/bmc-demo
READY_TIMEOUT = 120.0
TOKEN_ENV_VAR = "BMC_COURSE_DEMO_TOKEN"  # noqa: S105 -- a variable's name, not a secret

VOILA_BOOTSTRAP = f"""\
import os, sys, warnings
sys.argv[1:1] = ["--Voila.token=" + os.environ.pop({TOKEN_ENV_VAR!r})]
warnings.simplefilter("ignore", DeprecationWarning)
from voila.app import main
sys.exit(main())
"""


def dashboard_path() -> Path:
    """The demo dashboard notebook among the installed course notebooks."""
    return notebooks_dir() / DASHBOARD


# A closed demo page leaves its kernel behind (~150 MB each); kernels with no page
# connected are shut down after this many idle seconds, checked every CULL_EVERY.
CULL_AFTER_SECONDS = 45
CULL_EVERY_SECONDS = 10


def build_demo_command(
    notebook: Path,
    *,
    port: int,
    theme: str = "light",
    cull_after: int = CULL_AFTER_SECONDS,
    cull_every: int = CULL_EVERY_SECONDS,
) -> list[str]:
    """The command line that serves ``notebook`` with Voilà (the token comes from the environment).

    Kernels of closed pages are culled after ``cull_after`` idle seconds; a page
    still open keeps its kernel however long the facilitator pauses.
    """
    return [
        sys.executable,
        "-c",
        VOILA_BOOTSTRAP,
        str(notebook),
        "--no-browser",
        f"--Voila.ip={LOCALHOST}",
        f"--port={port}",
        "--Voila.port_retries=0",
        f"--template={TEMPLATE}",
        f"--theme={theme}",
        # Voilà would write ?theme=… into the page unescaped; our dashboard reads the
        # theme from the address itself (logic/demo_scene.py), checked against light/dark.
        "--VoilaConfiguration.allow_theme_override=NO",
        # Nor does ?template=…: Voilà's other templates (classic, reveal) load scripts and
        # fonts from public CDNs and drop our page's behaviour (template bmc-demo).
        "--VoilaConfiguration.allow_template_override=NO",
        f"--MappingKernelManager.cull_idle_timeout={cull_after}",
        f"--MappingKernelManager.cull_interval={cull_every}",
        "--MappingKernelManager.cull_connected=False",
        # The login cookie a token link leaves in the facilitator's browser is never sent
        # with a request another site starts (a link or form elsewhere cannot ride it).
        "--PasswordIdentityProvider.cookie_options=samesite=Strict",
        "--Voila.log_level=WARN",
    ]


def build_demo_environment(token: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) plus the token and our Voilà templates."""
    env = dict(os.environ if base is None else base)
    env[TOKEN_ENV_VAR] = token
    existing = env.get("JUPYTER_PATH")
    env["JUPYTER_PATH"] = str(TEMPLATES_ROOT) + (os.pathsep + existing if existing else "")
    return env


def demo_url(port: int, token: str, query: str = "") -> str:
    """The dashboard's address on localhost, with the token and an optional extra query."""
    return f"http://{LOCALHOST}:{port}/?token={token}" + (f"&{query}" if query else "")


def wait_until_listening(
    port: int, *, timeout: float = READY_TIMEOUT, process: subprocess.Popen[Any] | None = None
) -> None:
    """Block until something accepts connections on the port (Voilà's pages run the notebook,
    so the readiness check must not request one)."""
    deadline = time.monotonic() + timeout
    while True:
        if process is not None and (code := process.poll()) is not None:
            raise ServerProcessError(
                f"Voilà exited (code {code}) before it was ready; see its messages above"
            )
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(1.0)
            if sock.connect_ex((LOCALHOST, port)) == 0:
                return
        if time.monotonic() > deadline:
            raise ServerProcessError(
                f"Voilà did not listen on {LOCALHOST}:{port} within {timeout:.0f} s"
            )
        time.sleep(0.1)


def run_demo(
    *, port: int | None, open_browser: bool, theme: str = "light", out: TextIO | None = None
) -> int:
    """Serve the demo until Ctrl-C; return 0. Raises LabServerError with a one-line message."""
    out = sys.stdout if out is None else out
    notebook = dashboard_path()
    if not notebook.is_file():
        raise LabServerError(f"the demo notebook is missing from the installation: {notebook}")
    if port is None:
        port = find_free_port()
    else:
        check_port_free(port)
    token = new_token()
    url = demo_url(port, token)

    def ready(process: subprocess.Popen[Any]) -> None:
        wait_until_listening(port, process=process)
        if open_browser:
            webbrowser.open(url)

    try:
        return run_until_stopped(
            build_demo_command(notebook, port=port, theme=theme),
            env=build_demo_environment(token),
            cwd=notebook.parent,
            name="The demo",
            wait_ready=ready,
            started=[
                f"The demo is running at {url}",
                "Open a scene directly by adding e.g. &case=cleat-maker&step=5&theme=dark "
                "to the address. Press Ctrl-C to stop.",
            ],
            out=out,
        )
    except ServerProcessError as error:
        raise LabServerError(str(error)) from None
