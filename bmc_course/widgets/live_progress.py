"""Keep every open notebook live and quick: what one notebook saves shows in the others, and
a click's visible result never waits for the disk.

Each notebook runs in its own kernel with its own copy of the learner's
answers. While a kernel runs, a callback on its own event loop (the thread
that also handles the widgets' messages, so it never runs in the middle of a
learner's click) asks the progress store every half second whether another
notebook wrote the file; if so, the answers are reloaded and every view of
this kernel redraws. Nothing is re-run and nothing the learner is typing is
touched: a view only changes the fields whose saved value changed.

A notebook the learner cannot see (its tab behind another one, or the browser
tab in the background) does not follow: the course's JupyterLab extension tells
its kernel (:func:`notebook_shown`), so a click in one notebook does not make
every other open notebook redraw its charts; shown again, it catches up at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tornado.ioloop import IOLoop, PeriodicCallback

from bmc_course.state.session import CourseSession
from bmc_course.widgets.state_view import redraw_after_handlers

FOLLOW_EVERY_MS = 500  # how often a kernel looks at the progress file (one stat call)

_following: dict[int, PeriodicCallback] = {}  # id(session) -> its running watcher
_looks: dict[int, Callable[[], None]] = {}  # id(session) -> one look at the file, now
_shown = True  # whether the learner can see this kernel's notebook (one kernel, one notebook)


def notebook_shown(shown: bool) -> None:
    """Whether the learner can see this kernel's notebook (called by the course's JupyterLab
    extension when its tab is shown or hidden). Hidden, the kernel stops following the other
    notebooks; shown again, it looks at the file at once and shows what they saved."""
    global _shown  # noqa: PLW0603 - one kernel, one notebook
    _shown = bool(shown)
    if _shown:
        for look in list(_looks.values()):
            look()


def kernel_io_loop() -> IOLoop | None:
    """The running kernel's main event loop (where widget messages are handled), if any."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return None
    kernel: Any = getattr(get_ipython(), "kernel", None)
    loop = getattr(kernel, "io_loop", None)
    return loop if isinstance(loop, IOLoop) else None


def follow_other_notebooks(
    session: CourseSession, io_loop: IOLoop | None = None, every_ms: int = FOLLOW_EVERY_MS
) -> PeriodicCallback | None:
    """Start (once per session) watching the progress file on ``io_loop`` (default: the
    kernel's); return the watcher, or ``None`` outside a kernel (a script, a test)."""
    running = _following.get(id(session))
    if running is not None and running.is_running():
        return running
    loop = io_loop or kernel_io_loop()
    if loop is None:
        return None

    def look() -> None:
        if not _shown:
            return  # nobody sees it: catch up when shown (notebook_shown)
        try:
            session.store.follow_other_notebooks()
        except Exception as error:  # a watcher must never die or print a traceback
            session.state.report_save_problem(
                f"Could not read the answers saved by another notebook ({error}); "
                "this notebook keeps its own and saves them on the next change."
            )

    watcher = PeriodicCallback(look, every_ms)
    loop.add_callback(watcher.start)  # started on the loop's own thread
    _following[id(session)] = watcher
    _looks[id(session)] = look
    return watcher


def save_after_each_handler(session: CourseSession, io_loop: IOLoop | None = None) -> bool:
    """In a kernel, write the progress file just after the handler that changed the answers
    (not inside it): the handler returns at once, so the views' updates reach the browser
    without waiting for the disk; several changes of one handler are written together.
    Returns whether a kernel loop was found (otherwise saves stay immediate)."""
    loop = io_loop or kernel_io_loop()
    if loop is None:
        return False
    session.store.save_later_with(loop.add_callback)
    redraw_after_handlers(loop.add_callback)  # views other than the findings, just after too
    return True


def stop_following(session: CourseSession) -> None:
    """Stop watching for ``session`` (a new session replaces it)."""
    _looks.pop(id(session), None)
    watcher = _following.pop(id(session), None)
    if watcher is not None:
        watcher.stop()
