"""Run a local server (JupyterLab, Voilà) as a child process until Ctrl-C, and stop it cleanly.

On POSIX the child runs in its own session, so a Ctrl-C in the terminal
reaches only us; we then send the child SIGTERM, which Jupyter servers handle
as a clean shutdown (kernels stopped, no prompt, no traceback). SIGTERM and
SIGHUP (terminal closed) sent to us are treated like Ctrl-C, so the child is
never left running on its own.

The child's messages (stderr) are passed on as they come while it runs; once
we are stopping it they are dropped, so a request cut short by the shutdown
(a ZMQError in the middle of Voilà's kernel start) never shows the user a
traceback after Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

STOP_TIMEOUT = 15.0  # seconds a server gets to shut its kernels down before it is killed

_POSIX = os.name == "posix"


class ServerProcessError(Exception):
    """The server could not be started, or stopped with an error; the message is one line."""


def run_until_stopped(
    command: list[str],
    *,
    env: dict[str, str],
    cwd: Path,
    name: str,
    wait_ready: Callable[[subprocess.Popen[Any]], None],
    started: list[str],
    out: TextIO | None = None,
) -> int:
    """Start ``command``; once ``wait_ready`` returns, print ``started``; wait for Ctrl-C.

    Returns 0 after a Ctrl-C (or a clean exit of the server). ``wait_ready``
    raises to report a server that never became ready.
    """
    out = sys.stdout if out is None else out
    with _stop_signals_raise_interrupt():
        process: subprocess.Popen[Any] | None = None
        messages: _Messages | None = None
        try:
            try:
                process = subprocess.Popen(
                    command,
                    env=env,
                    cwd=cwd,
                    stdin=subprocess.DEVNULL,  # a server must never wait for an answer
                    stderr=subprocess.PIPE,
                    start_new_session=_POSIX,
                )
            except OSError as error:
                raise ServerProcessError(
                    f"cannot start {name} ({command[0]}): {error.strerror or error}"
                ) from None
            messages = _Messages(process)
            wait_ready(process)
            for line in started:
                print(line, file=out, flush=True)
            code = process.wait()
        except KeyboardInterrupt:
            if messages is not None:
                messages.mute()
            if process is not None:
                stop(process)
            print(f"{name} stopped.", file=out, flush=True)
            return 0
        finally:
            if process is not None and process.poll() is None:
                if messages is not None:
                    messages.mute()
                stop(process)
            if messages is not None:
                messages.finish()
    if code != 0:
        raise ServerProcessError(f"{name} stopped with exit code {code}; see its messages above")
    print(f"{name} stopped.", file=out, flush=True)
    return 0


class _Messages:
    """Pass the child's stderr on to ours, line by line, until it is muted."""

    def __init__(self, process: subprocess.Popen[Any]) -> None:
        self._muted = threading.Event()
        self._thread = threading.Thread(target=self._pass_on, args=(process.stderr,), daemon=True)
        self._thread.start()

    def _pass_on(self, stream: Any) -> None:
        if stream is None:
            return
        with contextlib.suppress(OSError, ValueError):
            for raw in iter(stream.readline, b""):
                if not self._muted.is_set():
                    sys.stderr.write(raw.decode("utf-8", "replace"))
                    sys.stderr.flush()

    def mute(self) -> None:
        """From now on, drop what the child says (it is being stopped)."""
        self._muted.set()

    def finish(self) -> None:
        """Wait until everything the child said has been passed on (or dropped)."""
        self._thread.join(timeout=5)


def stop(process: subprocess.Popen[Any], timeout: float = STOP_TIMEOUT) -> None:
    """Ask the server to shut down cleanly; kill it if it has not within ``timeout``."""
    if process.poll() is not None:
        return
    try:
        process.terminate()  # SIGTERM: a Jupyter server's clean shutdown
        process.wait(timeout=timeout)
        return
    except subprocess.TimeoutExpired:
        pass
    except KeyboardInterrupt:
        pass  # another Ctrl-C while waiting: the user wants it gone now
    process.kill()
    process.wait()


def _raise_interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextlib.contextmanager
def _stop_signals_raise_interrupt() -> Iterator[None]:
    """Treat SIGTERM and SIGHUP like Ctrl-C while the server runs, and Ctrl-C as Ctrl-C even
    when it was ignored at start (a command started in the background of a script inherits
    SIGINT ignored, and would then never stop its server)."""
    names = ["SIGINT", "SIGTERM", "SIGHUP"] if _POSIX else ["SIGINT"]
    signums = [getattr(signal, name) for name in names if hasattr(signal, name)]
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    previous = {signum: signal.signal(signum, _raise_interrupt) for signum in signums}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
