"""A real class hub for tests and the capacity benchmark: the shipped config, PAM, real accounts.

JupyterHub runs with ``bmc_course/app/hub/jupyterhub_config.py`` exactly as the
doc starts it, as root, with PAM login and every learner's server started as
that learner's own account (LocalProcessSpawner). The learners are real
accounts made for the run (``useradd``, ``chpasswd``) in a group of their own,
and removed afterwards.

Needs root (accounts, switching users) and configurable-http-proxy from npm
(``scripts/test`` installs it into ~/.cache/bmc-course/hub-proxy).
:func:`missing_requirement` says what is missing, for a clean skip.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bmc_course.app.commands.hub_config import CONFIG_FILE
from bmc_course.app.hub.hub_check import Learner
from bmc_course.app.server_process import stop

REPO = Path(__file__).resolve().parents[2]
PROXY_ENV_VAR = "BMC_HUB_PROXY"
CACHED_PROXY = (
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    / "bmc-course"
    / "hub-proxy"
    / "node_modules"
    / ".bin"
    / "configurable-http-proxy"
)
ACCOUNT_PREFIX = "bmct"  # every test account starts with this, e.g. bmct-alice-3f9a
HUB_READY_TIMEOUT = 60.0


def find_proxy() -> Path | None:
    """configurable-http-proxy: $BMC_HUB_PROXY, the cached npm install, or on PATH."""
    for candidate in (os.environ.get(PROXY_ENV_VAR), str(CACHED_PROXY)):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    found = shutil.which("configurable-http-proxy")
    return Path(found) if found else None


def missing_requirement() -> str | None:
    """Why a class hub cannot run here (for pytest.skip), or None."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "a class hub with real accounts needs root (useradd, switching users)"
    for tool in ("useradd", "userdel", "groupadd", "groupdel", "chpasswd", "openssl"):
        if shutil.which(tool) is None:
            return f"{tool} is missing"
    if find_proxy() is None:
        return (
            "configurable-http-proxy is missing: npm install --prefix ~/.cache/bmc-course/hub-proxy "
            "configurable-http-proxy (scripts/test does this when npm is there)"
        )
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class RunningHub:
    url: str
    users_root: Path
    learners: tuple[Learner, ...]
    log: Path
    process_id: int
    cafile: Path | None


@contextlib.contextmanager
def learner_accounts(count: int, home: Path) -> Iterator[tuple[str, tuple[Learner, ...]]]:
    """``count`` fresh accounts (random passwords) in a fresh group; removed afterwards."""
    tag = secrets.token_hex(2)
    group = f"{ACCOUNT_PREFIX}-{tag}"
    names = [f"{ACCOUNT_PREFIX}-{chr(ord('a') + i)}-{tag}" for i in range(count)]
    learners = tuple(Learner(name, secrets.token_urlsafe(12)) for name in names)
    subprocess.run(["groupadd", group], check=True)
    made: list[str] = []
    try:
        for name in names:
            subprocess.run(
                ["useradd", "-m", "-d", str(home / name), "-G", group, "-s", "/bin/sh", name],
                check=True,
            )
            made.append(name)
        lines = "".join(f"{learner.name}:{learner.password}\n" for learner in learners)
        subprocess.run(["chpasswd"], input=lines.encode(), check=True)
        yield group, learners
    finally:
        for name in made:
            _end_processes_of(name)
            subprocess.run(["userdel", name], check=False, capture_output=True)
        subprocess.run(["groupdel", group], check=False, capture_output=True)


def _end_processes_of(name: str) -> None:
    """End, by process id, whatever the test account ``name`` still runs (a server the hub
    could not stop); the account is this run's own, so nothing else is touched."""
    import psutil

    uid = pwd.getpwnam(name).pw_uid
    left = [p for p in psutil.process_iter(["uids"]) if p.info["uids"].real == uid]
    for process in left:
        with contextlib.suppress(psutil.Error):
            process.terminate()
    _, alive = psutil.wait_procs(left, timeout=10)
    for process in alive:
        with contextlib.suppress(psutil.Error):
            process.kill()


@contextlib.contextmanager
def traversable_for_learners(paths: Sequence[Path]) -> Iterator[None]:
    """Let other accounts pass through every folder above ``paths`` for the run.

    Learners' servers run this test's Python. On a machine where it lives under
    /root (mode 700, as with pyenv), the learners' accounts could not start it; a
    real hub installs into a venv all may read (see the doc). Only the missing
    'x for others' bit is added, and it is taken away again afterwards.
    """
    changed: list[tuple[Path, int]] = []
    try:
        for path in paths:
            for folder in [path.resolve(), *path.resolve().parents]:
                info = folder.stat()
                if stat.S_ISDIR(info.st_mode) and not info.st_mode & stat.S_IXOTH:
                    folder.chmod(stat.S_IMODE(info.st_mode) | stat.S_IXOTH)
                    changed.append((folder, stat.S_IMODE(info.st_mode)))
        yield
    finally:
        for folder, mode in reversed(changed):
            folder.chmod(mode)


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 made with openssl, as the doc shows for a lab."""
    cert, key = folder / "hub.crt", folder / "hub.key"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def wait_for_hub(url: str, process: subprocess.Popen[bytes], cafile: Path | None) -> None:
    import ssl

    context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=context)
    )
    deadline = time.monotonic() + HUB_READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the hub exited with code {process.returncode}")
        try:
            with opener.open(f"{url}/hub/api", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the hub did not answer at {url} within {HUB_READY_TIMEOUT:.0f} s")


@contextlib.contextmanager
def running_class_hub(
    *,
    learners: int = 2,
    https: bool = False,
    env: dict[str, str] | None = None,
    extra_config: str = "",
) -> Iterator[RunningHub]:
    """A hub with ``learners`` fresh accounts, until the block ends (everything removed after).

    ``extra_config`` is added to the teacher's own config file (BMC_HUB_LOCAL_CONFIG).

    Its folder is made in the system's temporary folder, not pytest's: pytest
    closes ``/tmp/pytest-of-<user>`` to others (mode 700) whenever a run starts,
    and learners' accounts must reach their workspaces.
    """
    folder = Path(tempfile.mkdtemp(prefix="bmc-class-hub-"))
    folder.chmod(0o755)
    try:
        with _hub_in(
            folder, learners=learners, https=https, env=env, extra_config=extra_config
        ) as hub:
            yield hub
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _hub_in(
    folder: Path, *, learners: int, https: bool, env: dict[str, str] | None, extra_config: str
) -> Iterator[RunningHub]:
    proxy = find_proxy()
    assert proxy is not None, missing_requirement()
    port, hub_port, api_port = free_port(), free_port(), free_port()
    local = folder / "local_config.py"
    # other test runs may use JupyterHub's fixed internal ports: take free ones
    local.write_text(
        f"c.JupyterHub.hub_port = {hub_port}\n"
        f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{api_port}'\n"
        # a test hub stops in seconds: learners' servers and the culler get a short grace
        "c.LocalProcessSpawner.interrupt_timeout = 3\n"
        "c.LocalProcessSpawner.term_timeout = 3\n" + extra_config,
        encoding="utf-8",
    )
    cert = key = None
    if https:
        cert, key = self_signed_certificate(folder)
    with (
        learner_accounts(learners, folder / "home") as (group, accounts),
        traversable_for_learners([Path(sys.executable), REPO]),
    ):
        hub_env = {
            **os.environ,
            "BMC_HUB_USERS": str(folder / "users"),
            "BMC_HUB_STATE": str(folder / "state"),
            "BMC_HUB_GROUP": group,
            "BMC_HUB_PORT": str(port),
            "BMC_HUB_PROXY": str(proxy),
            "BMC_HUB_LOCAL_CONFIG": str(local),
            **({"BMC_HUB_SSL_CERT": str(cert), "BMC_HUB_SSL_KEY": str(key)} if https else {}),
            **(env or {}),
        }
        jupyterhub = Path(sys.executable).parent / "jupyterhub"
        log = folder / "hub.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [str(jupyterhub), "-f", str(CONFIG_FILE)],
                env=hub_env,
                cwd=folder,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            scheme = "https" if https else "http"
            url = f"{scheme}://127.0.0.1:{port}"
            try:
                try:
                    wait_for_hub(url, process, cert)
                except RuntimeError as error:
                    tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
                    raise RuntimeError(f"{error}; the hub's log ends:\n{tail}") from None
                yield RunningHub(url, folder / "users", accounts, log, process.pid, cert)
            finally:
                # the hub stops every learner's server when it stops (cleanup_servers)
                stop(process, timeout=40)
