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
# What each view of this kernel's notebook last said (a view: the notebook in one browser
# page; two pages can show the same notebook, sharing its kernel). None heard yet: shown.
_views: dict[str, bool] = {}


def is_shown() -> bool:
    """Whether any view of this kernel's notebook is on screen (True until one says)."""
    return any(_views.values()) or not _views


def notebook_shown(shown: bool, view: str = "") -> None:
    """Whether the learner can see this kernel's notebook in ``view`` (called by the course's
    JupyterLab extension when a tab is shown or hidden, a page opened, hidden or closed).
    Hidden in every view, the kernel stops following the other notebooks; shown again, it
    looks at the file at once and shows what they saved."""
    was_shown = is_shown()
    _views[view] = bool(shown)
    if is_shown() and not was_shown:
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
        if not is_shown():
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


# How long work put off until after a handler waits. The handler's widget updates are
# handed to the kernel's IOPub thread, which needs the GIL to send them; work started at
# once on the main thread (a chart, the save) keeps the GIL for up to Python's switch
# interval (5 ms) at a time, so the update the learner waits for would wait behind it.
# With the main thread idle for this long, the thread sends at once.
AFTER_HANDLER_S = 0.003


def after_handlers(loop: IOLoop) -> Callable[[Callable[[], None]], None]:
    """A scheduler that runs work on ``loop`` just after the current handler, once its
    updates have left the kernel (callable from any thread)."""

    def schedule(work: Callable[[], None]) -> None:
        loop.add_callback(loop.call_later, AFTER_HANDLER_S, work)

    return schedule


def redraw_views_after_handlers(io_loop: IOLoop | None = None) -> bool:
    """In a kernel, redraw views other than the findings just after the handler (see
    :data:`AFTER_HANDLER_S`); return whether a kernel loop was found."""
    loop = io_loop or kernel_io_loop()
    if loop is None:
        return False
    redraw_after_handlers(after_handlers(loop))
    return True


def save_after_each_handler(session: CourseSession, io_loop: IOLoop | None = None) -> bool:
    """In a kernel, write the progress file just after the handler that changed the answers
    (not inside it): the handler returns at once, so the views' updates reach the browser
    without waiting for the disk; several changes of one handler are written together.
    Views other than the findings redraw just after the handler too.
    Returns whether a kernel loop was found (otherwise saves stay immediate)."""
    loop = io_loop or kernel_io_loop()
    if loop is None:
        return False
    session.store.save_later_with(after_handlers(loop))
    redraw_views_after_handlers(loop)
    return True


def stop_following(session: CourseSession) -> None:
    """Stop watching for ``session`` (a new session replaces it)."""
    _looks.pop(id(session), None)
    watcher = _following.pop(id(session), None)
    if watcher is not None:
        watcher.stop()
