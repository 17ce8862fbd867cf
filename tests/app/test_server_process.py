"""A child server runs until stopped, is stopped cleanly, and its failures are one line."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from bmc_course.app.server_process import ServerProcessError, run_until_stopped, stop

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and sessions")


def _python(code: str) -> list[str]:
    return [sys.executable, "-c", textwrap.dedent(code)]


def _ready(_process: subprocess.Popen[Any]) -> None:
    return None


def test_a_server_that_exits_cleanly_reports_started_and_stopped(tmp_path: Path) -> None:
    out = io.StringIO()
    code = run_until_stopped(
        _python("pass"),
        env=dict(os.environ),
        cwd=tmp_path,
        name="Toy",
        wait_ready=_ready,
        started=["Toy is ready."],
        out=out,
    )
    assert code == 0
    assert out.getvalue() == "Toy is ready.\nToy stopped.\n"


def test_a_failing_server_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(
        ServerProcessError, match=r"^Toy stopped with exit code 3; see its messages above$"
    ):
        run_until_stopped(
            _python("raise SystemExit(3)"),
            env=dict(os.environ),
            cwd=tmp_path,
            name="Toy",
            wait_ready=_ready,
            started=[],
            out=io.StringIO(),
        )


def test_a_missing_program_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ServerProcessError, match=r"^cannot start Toy \(/no/such/program\): "):
        run_until_stopped(
            ["/no/such/program"],
            env=dict(os.environ),
            cwd=tmp_path,
            name="Toy",
            wait_ready=_ready,
            started=[],
            out=io.StringIO(),
        )


@posix_only
def test_sigterm_to_us_stops_the_child_too(tmp_path: Path) -> None:
    marker = tmp_path / "child.pid"
    command = _python(f"""
        import os, time, pathlib
        pathlib.Path({str(marker)!r}).write_text(str(os.getpid()))
        time.sleep(60)
    """)

    def wait_for_child(_process: subprocess.Popen[Any]) -> None:
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGTERM)).start()

    out = io.StringIO()
    code = run_until_stopped(
        command,
        env=dict(os.environ),
        cwd=tmp_path,
        name="Toy",
        wait_ready=wait_for_child,
        started=[],
        out=out,
    )
    assert code == 0
    assert out.getvalue().endswith("Toy stopped.\n")
    child = int(marker.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)


def test_stop_kills_a_child_that_ignores_sigterm(tmp_path: Path) -> None:
    ready = tmp_path / "ready"
    process = subprocess.Popen(
        _python(f"""
        import signal, time, pathlib
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        pathlib.Path({str(ready)!r}).touch()
        time.sleep(60)
    """)
    )
    deadline = time.monotonic() + 30
    while not ready.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    stop(process, timeout=0.5)
    assert process.returncode == -signal.SIGKILL


def test_stop_leaves_a_finished_process_alone() -> None:
    process = subprocess.Popen(_python("pass"))
    process.wait()
    stop(process)
    assert process.returncode == 0


RUN_A_SERVER = """
import sys
from pathlib import Path
from bmc_course.app.server_process import run_until_stopped
run_until_stopped(
    [sys.executable, "-c", "import time; time.sleep(60)"],
    env={}, cwd=Path("."), name="Toy", wait_ready=lambda _p: None, started=["Toy is ready."],
)
"""


@posix_only
def test_ctrl_c_stops_the_server_even_when_started_with_sigint_ignored(tmp_path: Path) -> None:
    # a script's background job inherits SIGINT ignored; Ctrl-C must still stop the server
    process = subprocess.Popen(
        [sys.executable, "-c", RUN_A_SERVER],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),  # noqa: PLW1509 -- the test's whole point
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "Toy is ready.\n"
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=30)
    assert (process.returncode, out) == (0, "Toy stopped.\n")


@posix_only
def test_the_childs_messages_pass_until_it_is_stopped_then_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ready = tmp_path / "ready"
    command = _python(f"""
        import pathlib, signal, sys, time
        def cut_short(*_):
            sys.stderr.write("Traceback (most recent call last):\\nzmq.error.ZMQError: cut short\\n")
            sys.stderr.flush()
            raise SystemExit(0)
        signal.signal(signal.SIGTERM, cut_short)
        sys.stderr.write("serving on 127.0.0.1\\n")
        sys.stderr.flush()
        pathlib.Path({str(ready)!r}).touch()
        time.sleep(60)
    """)

    def stop_soon(_process: subprocess.Popen[Any]) -> None:
        deadline = time.monotonic() + 30
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGTERM)).start()

    code = run_until_stopped(
        command,
        env=dict(os.environ),
        cwd=tmp_path,
        name="Toy",
        wait_ready=stop_soon,
        started=[],
        out=io.StringIO(),
    )
    assert code == 0
    err = capsys.readouterr().err
    assert "serving on 127.0.0.1" in err  # passed on while it ran
    assert "Traceback" not in err and "ZMQError" not in err  # dropped once we were stopping
