"""Serving the demo: the Voilà command, its environment, and one real start and stop."""

from __future__ import annotations

import contextlib
import http.client
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from bmc_course.app import demo_server
from bmc_course.app.lab_server import find_free_port, http_status
from tests.support.cli_runner import run_cli


def final_url(url: str) -> str:
    """Where ``GET url`` ends after redirects (no proxies: this is our own machine)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=30) as response:
        return str(response.geturl())


def login_cookies(url: str) -> list[str]:
    """The ``Set-Cookie`` headers of ``GET url`` (no proxies)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=30) as response:
        return list(response.headers.get_all("Set-Cookie") or [])


def test_command_serves_the_packaged_dashboard_on_localhost_without_the_token() -> None:
    command = demo_server.build_demo_command(demo_server.dashboard_path(), port=8123)
    assert demo_server.dashboard_path().is_file()
    assert str(demo_server.dashboard_path()) in command
    assert "--Voila.ip=127.0.0.1" in command and "--port=8123" in command
    assert "--template=bmc-demo" in command and "--no-browser" in command
    # the address's theme never reaches Voilà's template (it writes it unescaped)
    assert "--VoilaConfiguration.allow_theme_override=NO" in command
    # kernels of closed pages go after 45 idle seconds; an open page keeps its own
    assert "--MappingKernelManager.cull_idle_timeout=45" in command
    assert "--MappingKernelManager.cull_connected=False" in command
    assert not [arg for arg in command if "token" in arg.lower() and "environ" not in arg]


def test_environment_carries_the_token_and_finds_our_template() -> None:
    env = demo_server.build_demo_environment("secret", base={"JUPYTER_PATH": "/elsewhere"})
    assert env[demo_server.TOKEN_ENV_VAR] == "secret"
    first = Path(env["JUPYTER_PATH"].split(":")[0])
    template = first / "voila" / "templates" / "bmc-demo"
    assert (template / "index.html.j2").is_file() and (template / "conf.json").is_file()
    assert "cdn" not in (template / "index.html.j2").read_text(encoding="utf-8").lower().replace(
        "cdn links", ""
    )


def test_demo_on_a_taken_port_is_a_one_line_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        _, err = run_cli(["demo", "--port", str(port), "--no-browser"], retcode=1)
    assert err.count("\n") == 1 and f"port {port}" in err


def start_demo(port: int) -> tuple[subprocess.Popen[str], str]:
    """``bmc-course demo`` on ``port`` (its messages on stdout too) and the token it printed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bmc_course", "demo", "--no-browser", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    line = process.stdout.readline() if process.stdout else ""
    assert f"http://127.0.0.1:{port}/?token=" in line, line
    return process, line.split("token=", 1)[1].split()[0]


@pytest.mark.server
def test_demo_serves_with_a_token_and_stops_on_ctrl_c() -> None:
    port = find_free_port()
    process, token = start_demo(port)
    try:
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline and status != 200:
            status = http_status(f"http://127.0.0.1:{port}/?token={token}", timeout=30)
        assert status == 200
        cookies = login_cookies(f"http://127.0.0.1:{port}/?token={token}")
        assert cookies, "the token link logs the browser in with a cookie"
        # a link or form on another site never carries the facilitator's login along
        assert all("samesite=strict" in c.lower() and "httponly" in c.lower() for c in cookies)
        assert final_url(f"http://127.0.0.1:{port}/?token=wrong").startswith(
            f"http://127.0.0.1:{port}/login"
        ), "a wrong token must land on the login page, not on the demo"
    finally:
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=30)
    assert process.returncode == 0
    assert "The demo stopped." in out
    assert "Traceback" not in out


def _open_quietly(url: str) -> None:
    """GET ``url`` and read it; a request cut short by the server's stop is expected here
    (a refused or reset connection, or a response that ends midway)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    cut_short = (OSError, http.client.HTTPException)
    with contextlib.suppress(*cut_short), opener.open(url, timeout=30) as response:
        response.read()


@pytest.mark.server
@pytest.mark.parametrize("wait_before_ctrl_c", [0.2, 1.5, 2.5])
def test_ctrl_c_while_pages_are_loading_shows_no_traceback(wait_before_ctrl_c: float) -> None:
    """Ctrl-C lands while Voilà is starting kernels and running the dashboard for three
    page requests (issue 13, item 15: a ZMQError traceback from a kernel cut short)."""
    port = find_free_port()
    process, token = start_demo(port)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and http_status(f"http://127.0.0.1:{port}/login") is None:
            time.sleep(0.1)
        for _ in range(3):
            url = f"http://127.0.0.1:{port}/?token={token}"
            threading.Thread(target=_open_quietly, args=(url,), daemon=True).start()
        time.sleep(wait_before_ctrl_c)
    finally:
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    assert out.rstrip().endswith("The demo stopped."), out[-2000:]
    assert "Traceback" not in out and "Error" not in out, out[-2000:]
