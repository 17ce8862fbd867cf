"""One course server per workspace: a second ``bmc-course start`` on it says so and stops.

Two JupyterLab servers on one workspace would each run kernels writing the
same progress file and show the learner two addresses for one course. The
first ``start`` holds an OS lock (``filelock``) on ``.bmc-course/server.lock``
for as long as it runs; the system drops it when the process ends, even after
a crash, so a stale lock never blocks the next start.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from bmc_course.app.workspace import STATE_DIR_NAME, WorkspaceError

LOCK_NAME = "server.lock"


@contextmanager
def one_server_per_workspace(workspace: Path) -> Iterator[None]:
    """Hold the workspace while a server runs on it; ``WorkspaceError`` if another one does."""
    folder = Path(workspace) / STATE_DIR_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WorkspaceError(
            f"{folder}: cannot be created ({error.strerror or error}); choose another --workspace"
        ) from None
    lock = FileLock(str(folder / LOCK_NAME), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise WorkspaceError(
            f"{workspace}: the course is already running on this workspace (another "
            "'bmc-course start'); use the address it printed, or stop it with Ctrl-C first"
        ) from None
    try:
        yield
    finally:
        lock.release()
