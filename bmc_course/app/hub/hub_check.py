"""Check a running class hub the way a class uses it, from the hub machine.

``python -m bmc_course.app.hub.hub_check --url URL --users-root DIR --passwords FILE``
logs each learner in (``FILE`` holds ``name:password`` lines, as ``chpasswd``
reads them) through the hub's login form, lets the hub start their server,
checks that the workspace holds the course, runs course code in a kernel of
their own (as "Run All" in the welcome notebook would) to record their name,
and checks what must hold between learners:

* each progress file holds only its owner's answers;
* code in the first learner's kernel cannot read the second's folder or file;
* the first learner's login cannot reach the second's server (HTTP 403);
* terminals are off (with ``--terminals-on``: the first learner's terminal
  cannot read the second's files either);
* no learner's kernel runs as root.

Run it as root (or the hub's user) so it can read every progress file. Exit
code 0 when everything holds, 1 with one ``FAILED:`` line otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import json
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

PROGRESS_FILE = "bmc-course-progress.json"
SERVER_TIMEOUT = 120.0  # seconds for a server to start on a busy hub
HUB_TIMEOUT = 30.0  # seconds for a hub just started to answer


class CheckFailed(Exception):
    """Something a class relies on does not hold; the message is one line."""


@dataclass(frozen=True)
class Learner:
    """A learner's user name and password (from a ``name:password`` line)."""

    name: str
    password: str


def read_passwords(path: Path) -> list[Learner]:
    """The learners in ``path``: one ``name:password`` line each (blank lines skipped)."""
    learners = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        name, colon, password = line.partition(":")
        if not colon or not name.strip() or not password:
            raise CheckFailed(f"{path}, line {number}: expected name:password")
        learners.append(Learner(name.strip(), password))
    if not learners:
        raise CheckFailed(f"{path}: no name:password lines")
    return learners


class HubSession:
    """One learner's browser-like session with the hub: cookies, the login form, their server."""

    def __init__(self, base: str, learner: Learner, *, cafile: Path | None = None) -> None:
        self.base, self.learner = base.rstrip("/"), learner
        self.jar = http.cookiejar.CookieJar()
        self.ssl_context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),  # the hub is reached directly, never via a proxy
            urllib.request.HTTPCookieProcessor(self.jar),
            urllib.request.HTTPSHandler(context=self.ssl_context),
        )
        self.cafile = cafile

    @property
    def name(self) -> str:
        """The learner's user name."""
        return self.learner.name

    def cookie(self, name: str, path: str = "/hub/") -> str:
        """A cookie by name; the hub and each user's server set their own ``_xsrf`` (by path)."""
        found = [c for c in self.jar if c.name == name]
        matching = [c for c in found if c.path.rstrip("/") == path.rstrip("/")]
        chosen = matching or found
        return (chosen[0].value or "") if chosen else ""

    def status(self, path: str) -> int:
        """The HTTP status of ``GET path`` with this learner's cookies (redirects followed);
        0 if nothing answered."""
        try:
            with self.opener.open(f"{self.base}{path}", timeout=60) as response:
                code: int = response.status
                return code
        except urllib.error.HTTPError as error:
            return error.code
        except (urllib.error.URLError, OSError):
            return 0

    def status_of_post(self, path: str) -> int:
        """The HTTP status of an empty ``POST path`` (e.g. opening a terminal)."""
        request = urllib.request.Request(  # noqa: S310 -- the hub's own URL
            f"{self.base}{path}",
            data=b"{}",
            headers={"X-XSRFToken": self.cookie("_xsrf", path.split("/api/", maxsplit=1)[0] + "/")},
            method="POST",
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                code: int = response.status
                return code
        except urllib.error.HTTPError as error:
            return error.code

    def wait_for_hub(self) -> None:
        """Wait until the hub answers (a hub just started routes its pages only after a while)."""
        timeout = HUB_TIMEOUT
        deadline = time.monotonic() + timeout
        while self.status("/hub/api") != 200:
            if time.monotonic() > deadline:
                raise CheckFailed(f"{self.base}: the hub did not answer within {timeout:.0f} s")
            time.sleep(0.5)

    def log_in(self) -> None:
        """Log in through the hub's form; raise CheckFailed if the hub refuses."""
        self.wait_for_hub()
        self.opener.open(f"{self.base}/hub/login", timeout=60).read()
        form = urllib.parse.urlencode(
            {
                "username": self.learner.name,
                "password": self.learner.password,
                "_xsrf": self.cookie("_xsrf"),
            }
        ).encode()
        try:
            self.opener.open(f"{self.base}/hub/login", data=form, timeout=SERVER_TIMEOUT).read()
        except urllib.error.HTTPError as error:
            if error.code == 403:
                raise CheckFailed(
                    f"{self.name}: login refused (HTTP 403: wrong password, or not allowed)"
                ) from None
            raise CheckFailed(
                f"{self.name}: login or server start failed (HTTP {error.code}); see the hub's log"
            ) from None
        if not any(c.name.startswith("jupyterhub-session") for c in self.jar):
            raise CheckFailed(f"{self.name}: login refused (wrong password or not allowed?)")

    def wait_for_server(self, timeout: float = SERVER_TIMEOUT) -> float:
        """Wait until the learner's server answers; return how long it took, in seconds."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            try:
                # as a browser does: the server's page sends us through the hub's OAuth
                # handshake, which sets the cookie the server's API then accepts
                self.opener.open(f"{self.base}/user/{self.name}/lab", timeout=60).read()
                if self.status(f"/user/{self.name}/api/status") == 200:
                    return time.monotonic() - start
            except OSError:
                pass
            time.sleep(0.5)
        raise CheckFailed(f"{self.name}: the hub did not start a server within {timeout:.0f} s")

    def api(self, path: str, body: dict[str, Any] | None = None, method: str = "") -> Any:
        """Call the learner's own server's REST API; return the decoded JSON."""
        request = urllib.request.Request(  # noqa: S310 -- the hub's own URL, http or https
            f"{self.base}/user/{self.name}/api/{path}",
            data=None if body is None else json.dumps(body).encode(),
            headers={
                "Content-Type": "application/json",
                "X-XSRFToken": self.cookie("_xsrf", f"/user/{self.name}/"),
            },
            method=method or ("GET" if body is None else "POST"),
        )
        with self.opener.open(request, timeout=60) as response:
            return json.loads(response.read() or b"{}")

    def run_in_terminal(self, command: str) -> str:
        """Open a terminal on the learner's server, type ``command``, return what it printed."""
        name = self.api("terminals", {})["name"]
        with ThreadPoolExecutor(max_workers=1) as runner:
            return runner.submit(asyncio.run, self._run_in_terminal(name, command)).result()

    async def _run_in_terminal(self, terminal: str, command: str) -> str:
        url = (
            self.base.replace("http", "ws", 1) + f"/user/{self.name}/terminals/websocket/{terminal}"
        )
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.jar)
        request = HTTPRequest(
            url, headers={"Cookie": cookies}, ca_certs=str(self.cafile) if self.cafile else None
        )
        connection = await websocket_connect(request)
        # the shell prints the marker's sum, never its typed form: the command has ended
        await connection.write_message(json.dumps(["stdin", f"{command}; echo DONE-$((40+2))\r"]))
        output: list[str] = []
        try:
            while "DONE-42" not in "".join(output):
                raw = await asyncio.wait_for(connection.read_message(), timeout=60)
                if raw is None:
                    raise CheckFailed(f"{self.name}: the terminal closed")
                message = json.loads(raw)
                if message[0] == "stdout":
                    output.append(message[1])
        finally:
            connection.close()
        return "".join(output)

    def start_kernel(self, notebook: str = "00_welcome.ipynb") -> str:
        """Open ``notebook`` as JupyterLab does (a session) and return its kernel's id."""
        session = self.api(
            "sessions", {"path": notebook, "type": "notebook", "kernel": {"name": "python3"}}
        )
        kernel_id: str = session["kernel"]["id"]
        return kernel_id

    def run_code(self, kernel_id: str, code: str) -> str:
        """Run ``code`` in the kernel; return what it printed. A Python error raises CheckFailed."""
        # in a thread of its own: the caller may already run an event loop (a browser test)
        with ThreadPoolExecutor(max_workers=1) as runner:
            return runner.submit(asyncio.run, self._run_code(kernel_id, code)).result()

    async def _run_code(self, kernel_id: str, code: str) -> str:
        url = (
            self.base.replace("http", "ws", 1)
            + f"/user/{self.name}/api/kernels/{kernel_id}/channels"
        )
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.jar)
        request = HTTPRequest(
            url,
            headers={"Cookie": cookies},
            ca_certs=str(self.cafile) if self.cafile else None,
        )
        connection = await websocket_connect(request)
        msg_id = uuid.uuid4().hex
        await connection.write_message(json.dumps(execute_request(msg_id, self.name, code)))
        output: list[str] = []
        try:
            while True:
                raw = await asyncio.wait_for(connection.read_message(), timeout=SERVER_TIMEOUT)
                if raw is None:
                    raise CheckFailed(f"{self.name}: the kernel connection closed")
                message = json.loads(raw)
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = message["header"]["msg_type"]
                if kind == "stream":
                    output.append(message["content"]["text"])
                elif kind == "error":
                    raise CheckFailed(
                        f"{self.name}: {message['content']['ename']}: {message['content']['evalue']}"
                    )
                elif kind == "status" and message["content"]["execution_state"] == "idle":
                    return "".join(output)
        finally:
            connection.close()


def execute_request(msg_id: str, user: str, code: str) -> dict[str, Any]:
    """A Jupyter ``execute_request`` message for the kernel websocket."""
    return {
        "header": {
            "msg_id": msg_id,
            "msg_type": "execute_request",
            "username": user,
            "session": uuid.uuid4().hex,
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "channel": "shell",
        "content": {
            "code": code,
            "silent": False,
            "store_history": False,
            "user_expressions": {},
            "allow_stdin": False,
        },
    }


RECORD_NAME = """\
import os
from bmc_course import course
from bmc_course.state.session import current_session
course.welcome()
current_session().state.set_learner({display_name!r})
print(os.geteuid(), current_session().store.path)
"""

TRY_TO_READ = """\
from pathlib import Path
for target in ({folder!r}, {file!r}):
    try:
        path = Path(target)
        found = sorted(p.name for p in path.iterdir()) if path.is_dir() else path.read_text()[:40]
        print("READ", target, found)
    except PermissionError:
        print("DENIED", target)
"""


def display_name(user: str) -> str:
    """The learner name the check records for ``user`` (and then looks for in their file)."""
    return f"Learner {user}"


def check_learner(session: HubSession, users_root: Path, *, terminals_on: bool) -> str:
    """Log one learner in and check their own server; return a one-line report."""
    session.log_in()
    seconds = session.wait_for_server()
    contents = {item["name"] for item in session.api("contents")["content"]}
    if not {"00_welcome.ipynb", "09_canvas_block.ipynb"} <= contents:
        raise CheckFailed(f"{session.name}: the workspace lacks the course: {sorted(contents)}")
    kernel = session.start_kernel()
    printed = session.run_code(
        kernel, RECORD_NAME.format(display_name=display_name(session.name))
    ).split()
    uid, progress = int(printed[0]), Path(printed[1])
    if uid == 0:
        raise CheckFailed(f"{session.name}: the learner's kernel runs as root")
    expected = users_root / session.name / PROGRESS_FILE
    if progress.resolve() != expected.resolve():
        raise CheckFailed(f"{session.name}: progress saved to {progress}, expected {expected}")
    terminal = session.status_of_post(f"/user/{session.name}/api/terminals")
    if not terminals_on and terminal < 400:
        raise CheckFailed(f"{session.name}: terminals are on (HTTP {terminal})")
    if terminals_on and terminal >= 400:
        raise CheckFailed(f"{session.name}: terminals are off (HTTP {terminal})")
    return (
        f"{session.name}: server ready {seconds:.1f} s after login, kernel as uid {uid}, "
        f"progress in {progress}, terminals {'on' if terminal < 400 else 'off'}"
    )


def check_terminal_isolation(first: HubSession, second: HubSession, users_root: Path) -> str:
    """With terminals on: the first learner's terminal cannot read the second's files either."""
    folder = users_root / second.name
    printed = first.run_in_terminal(f"id -u; ls {folder}; cat {folder / PROGRESS_FILE}")
    if "schema_version" in printed or printed.count("Permission denied") < 2:
        raise CheckFailed(f"{first.name}'s terminal read {second.name}'s files: {printed!r}")
    return f"{first.name}'s terminal gets 'Permission denied' on {second.name}'s folder and file"


def check_isolation(first: HubSession, second: HubSession, users_root: Path) -> str:
    """The first learner can neither read the second's files nor reach their server."""
    folder = users_root / second.name
    kernel = first.start_kernel()
    printed = first.run_code(
        kernel, TRY_TO_READ.format(folder=str(folder), file=str(folder / PROGRESS_FILE))
    )
    if "READ" in printed:
        raise CheckFailed(f"{first.name}'s kernel read {second.name}'s files: {printed.strip()}")
    status = first.status(f"/user/{second.name}/api/contents")
    if status == 200:
        raise CheckFailed(f"{first.name} reached {second.name}'s server (HTTP 200)")
    return (
        f"{first.name} cannot read {second.name}'s folder or progress file, "
        f"and gets HTTP {status} on their server"
    )


def check_progress_files(learners: Sequence[Learner], users_root: Path) -> None:
    """Each progress file holds only its owner's name."""
    for learner in learners:
        path = users_root / learner.name / PROGRESS_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except PermissionError:
            raise CheckFailed(f"{path}: cannot be read; run the check as root") from None
        if data.get("learner") != display_name(learner.name):
            raise CheckFailed(f"{path}: holds learner {data.get('learner')!r}")


def run_check(
    url: str,
    users_root: Path,
    learners: Sequence[Learner],
    *,
    cafile: Path | None = None,
    terminals_on: bool = False,
) -> list[str]:
    """Check the hub at ``url`` with ``learners``; return the report lines or raise CheckFailed."""
    sessions = [HubSession(url, learner, cafile=cafile) for learner in learners]
    lines = [check_learner(s, users_root, terminals_on=terminals_on) for s in sessions]
    if len(sessions) >= 2:
        lines.append(check_isolation(sessions[0], sessions[1], users_root))
        if terminals_on:
            lines.append(check_terminal_isolation(sessions[0], sessions[1], users_root))
    check_progress_files(learners, users_root)
    lines.append(f"OK: {len(learners)} learners, each with their own workspace and progress file")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Run the check from the command line; 0 if everything holds, 1 otherwise."""
    parser = argparse.ArgumentParser(
        prog="python -m bmc_course.app.hub.hub_check", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the hub's address")
    parser.add_argument(
        "--users-root",
        type=Path,
        default=Path("/srv/bmc-course/users"),
        help="the learners' workspaces (BMC_HUB_USERS)",
    )
    parser.add_argument(
        "--passwords",
        type=Path,
        required=True,
        help="a file of name:password lines (two learners or more to check isolation)",
    )
    parser.add_argument("--cafile", type=Path, help="the certificate to trust (a self-signed hub)")
    parser.add_argument(
        "--terminals-on",
        action="store_true",
        help="the teacher enabled terminals (BMC_HUB_TERMINALS=1): check them instead",
    )
    args = parser.parse_args(argv)
    try:
        learners = read_passwords(args.passwords)
        lines = run_check(
            args.url,
            args.users_root,
            learners,
            cafile=args.cafile,
            terminals_on=args.terminals_on,
        )
    except CheckFailed as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"FAILED: {args.url}: {error}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
