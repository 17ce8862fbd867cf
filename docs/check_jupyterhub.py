"""Check a running JupyterHub (started with docs/jupyterhub_config.py) the way a class uses it.

Logs in each given user through the hub's login form, lets the hub start
their server, checks that their workspace holds the course, runs course code
in a kernel of their own (as "Run All" in the welcome notebook would) to
record their name, and checks that each progress file holds only its
owner's answers. Usage (the hub on 127.0.0.1:8765, users' workspaces in
/tmp/bmc-hub-users)::

    python docs/check_jupyterhub.py --url http://127.0.0.1:8765 --users-root /tmp/bmc-hub-users \\
        --password try-it alice bob
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import json
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect


class _NoCookie:
    value = ""


class HubUser:
    def __init__(self, base: str, name: str, password: str) -> None:
        self.base, self.name, self.password = base.rstrip("/"), name, password
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(self.jar)
        )

    def cookie(self, name: str, path: str = "/hub/") -> str:
        """A cookie by name; the hub and each user's server set their own ``_xsrf`` (by path)."""
        found = [c for c in self.jar if c.name == name]
        matching = [c for c in found if c.path.rstrip("/") == path.rstrip("/")]
        return ((matching or found or [None])[0] or _NoCookie).value or ""

    def log_in(self) -> None:
        self.opener.open(f"{self.base}/hub/login").read()
        form = urllib.parse.urlencode(
            {"username": self.name, "password": self.password, "_xsrf": self.cookie("_xsrf")}
        ).encode()
        self.opener.open(f"{self.base}/hub/login", data=form, timeout=120).read()

    def wait_for_server(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                # as a browser does: the server's page sends us through the hub's OAuth
                # handshake, which sets the cookie the server's API then accepts
                self.opener.open(f"{self.base}/user/{self.name}/lab", timeout=60).read()
                with self.opener.open(f"{self.base}/user/{self.name}/api/status", timeout=10) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(1)
        raise SystemExit(f"{self.name}: the hub did not start a server within {timeout:.0f} s")

    def api(self, path: str, body: dict | None = None) -> dict:
        request = urllib.request.Request(  # noqa: S310 -- the hub's own http URL
            f"{self.base}/user/{self.name}/api/{path}",
            data=None if body is None else json.dumps(body).encode(),
            headers={
                "Content-Type": "application/json",
                "X-XSRFToken": self.cookie("_xsrf", f"/user/{self.name}/"),
            },
            method="GET" if body is None else "POST",
        )
        with self.opener.open(request, timeout=60) as response:
            return json.loads(response.read() or b"{}")

    async def run_code(self, kernel_id: str, code: str) -> str:
        url = (
            self.base.replace("http", "ws", 1)
            + f"/user/{self.name}/api/kernels/{kernel_id}/channels"
        )
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.jar)
        connection = await websocket_connect(HTTPRequest(url, headers={"Cookie": cookies}))
        msg_id = uuid.uuid4().hex
        await connection.write_message(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "msg_type": "execute_request",
                        "username": self.name,
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
            )
        )
        output: list[str] = []
        while True:
            raw = await asyncio.wait_for(connection.read_message(), timeout=120)
            if raw is None:
                raise SystemExit(f"{self.name}: the kernel connection closed")
            message = json.loads(raw)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = message["header"]["msg_type"]
            if kind == "stream":
                output.append(message["content"]["text"])
            elif kind == "error":
                raise SystemExit(f"{self.name}: " + "\n".join(message["content"]["traceback"]))
            elif kind == "status" and message["content"]["execution_state"] == "idle":
                connection.close()
                return "".join(output)


def require(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"FAILED: {message}")


def check(base: str, users_root: Path, password: str, names: list[str]) -> None:
    for name in names:
        user = HubUser(base, name, password)
        user.log_in()
        user.wait_for_server()
        contents = {item["name"] for item in user.api("contents")["content"]}
        require(
            {"00_welcome.ipynb", "09_canvas_block.ipynb"} <= contents,
            f"{name}: the workspace lacks the course notebooks: {sorted(contents)}",
        )
        session = user.api(
            "sessions",
            {"path": "00_welcome.ipynb", "type": "notebook", "kernel": {"name": "python3"}},
        )
        code = (
            "from bmc_course import course\n"
            "from bmc_course.state.session import current_session\n"
            "course.welcome()\n"
            f"current_session().state.set_learner({name.title()!r})\n"
            "print(current_session().store.path)\n"
        )
        printed = asyncio.run(user.run_code(session["kernel"]["id"], code)).strip()
        expected = users_root / name / "bmc-course-progress.json"
        require(
            Path(printed).resolve() == expected.resolve(),
            f"{name}: progress saved to {printed}, expected {expected}",
        )
        print(f"{name}: server started, course in {users_root / name}, progress saved to {printed}")
    for name in names:
        data = json.loads(
            (users_root / name / "bmc-course-progress.json").read_text(encoding="utf-8")
        )
        require(data["learner"] == name.title(), f"{name}: progress file holds {data}")
    print(f"OK: {len(names)} learners, each with their own workspace and progress file")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8765")
    parser.add_argument("--users-root", type=Path, required=True)
    parser.add_argument("--password", default="")
    parser.add_argument("users", nargs="+")
    args = parser.parse_args()
    check(args.url, args.users_root, args.password, args.users)
    return 0


if __name__ == "__main__":
    sys.exit(main())
