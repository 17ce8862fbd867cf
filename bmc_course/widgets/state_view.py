"""The base every course view shares: listen to a :class:`CourseState`, redraw, stop when closed.

Views are thin: they read the state, call its methods and redraw when it
notifies them. A change a view cannot make (a :class:`StateError`) is shown in
the view's :class:`StatusLine` as one line, never as a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

import ipywidgets as widgets

from bmc_course.model.input_errors import InputError
from bmc_course.state.course_state import SAVE_PROBLEM, Change, CourseState
from bmc_course.widgets.html_fragments import message_box
from bmc_course.widgets.stylesheet import style_tag

log = logging.getLogger(__name__)

# In a kernel: runs a callable just after the current handler (``io_loop.add_callback``).
# Views that are not REDRAW_FIRST then redraw right after the handler, so the update the
# learner watches (the findings) leaves the kernel without waiting behind them.
_redraw_later: Callable[[Callable[[], None]], None] | None = None


def redraw_after_handlers(schedule: Callable[[Callable[[], None]], None] | None) -> None:
    """Let views other than the first ones redraw through ``schedule`` (``None``: at once)."""
    global _redraw_later  # noqa: PLW0603 - one kernel, one loop
    _redraw_later = schedule


def run_after_handlers(work: Callable[[], None]) -> None:
    """Run ``work`` just after the current handler, as other views redraw (at once outside a
    kernel)."""
    if _redraw_later is None:
        work()
    else:
        _redraw_later(work)


# Change kinds that touch the segments (what charts, checks and pickers show).
SEGMENT_CHANGES = frozenset({"segments", "segment", "all"})
EVERY_CHANGE = frozenset({"segments", "segment", "all", "learner", "business", "quiz", "steps"})


def one_line(error: BaseException) -> str:
    """The first line of an error's message (an InputError lists issues one per line)."""
    if isinstance(error, InputError) and error.issues:
        first = str(error.issues[0])
        more = len(error.issues) - 1
        return first + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


class StatusLine(widgets.HTML):
    """A one-line message under a form: what worked, or why a change was refused."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_class("bmc-status")

    def ok(self, text: str) -> None:
        """Show ``text`` as a success."""
        self.value = message_box(text, "ok")

    def info(self, text: str) -> None:
        """Show ``text`` as a neutral note."""
        self.value = message_box(text, "info")

    def error(self, text: str) -> None:
        """Show ``text`` as an error (a refused change)."""
        self.value = message_box(text, "error")

    def clear(self) -> None:
        """Remove the message."""
        self.value = ""

    @contextmanager
    def reporting(self) -> Iterator[None]:
        """Run a learner's action; a refused change (bad value, bad file) becomes one line here."""
        try:
            yield
        except (ValueError, InputError) as error:  # StateError is a ValueError
            self.error(one_line(error))


class StateView(widgets.VBox):
    """A box that redraws from a course state when a change of a kind it shows arrives."""

    REDRAW_ON: ClassVar[frozenset[str]] = SEGMENT_CHANGES
    # Redrawn before the other views: what the learner watches after a click (the findings)
    # then leaves the kernel first, ahead of the controls' own bookkeeping.
    REDRAW_FIRST: ClassVar[bool] = False

    def __init__(
        self, course_state: CourseState, *, css_class: str, with_style: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.course_state = course_state
        self._waiting: Change | None = None  # a redraw scheduled after the handler
        self.redraw_count = 0
        self.redraw_on: frozenset[str] = self.REDRAW_ON
        self._style = style_tag() if with_style else None
        # A failed save is shown on every view, where the learner is working.
        self.save_banner = widgets.HTML(_save_banner(course_state.save_problem))
        self.save_banner.add_class("bmc-save-banner")
        self.add_class("bmc-view")
        self.add_class(css_class)
        course_state.observe(self._on_state_change, first=self.REDRAW_FIRST)

    def _set_body(self, *parts: Any) -> None:
        """Set the visible children (the stylesheet tag and the save banner stay first)."""
        lead = (self._style,) if self._style is not None else ()
        self.children = (*lead, self.save_banner, *parts)

    def _on_state_change(self, change: Change) -> None:
        if change.kind == SAVE_PROBLEM:
            self.save_banner.value = _save_banner(self.course_state.save_problem)
            return
        if change.kind not in self.redraw_on:
            return
        if self.REDRAW_FIRST or _redraw_later is None:
            self._redraw(change)
            return
        # several changes before the redraw runs: one redraw, of everything if they differ
        waiting = self._waiting
        self._waiting = change if waiting is None or waiting == change else Change("all")
        if waiting is None:
            _redraw_later(self._redraw_waiting)

    def _redraw_waiting(self) -> None:
        change, self._waiting = self._waiting, None
        if change is not None and self.comm is not None:  # not closed meanwhile
            self._redraw(change)

    def _redraw(self, change: Change) -> None:
        try:
            self.refresh(change)
        except Exception:  # a drawing bug must not stop other views or the save
            log.exception("%s could not redraw", type(self).__name__)

    def refresh(self, change: Change | None = None) -> None:
        """Redraw from the state (subclasses override)."""
        self.redraw_count += 1

    def close(self) -> None:
        """Stop listening to the state and close every widget inside."""
        state = getattr(self, "course_state", None)  # None when __init__ failed early
        if state is not None:
            state.unobserve(self._on_state_change)
        close_tree(self.children)
        super().close()


def close_tree(children: Any) -> None:
    """Close widgets and their descendants (views among them stop listening)."""
    for child in children or ():
        if isinstance(child, widgets.Widget):
            grandchildren = getattr(child, "children", None)
            if not isinstance(child, StateView) and grandchildren:
                close_tree(grandchildren)
            child.close()


class ViewGroup(widgets.VBox):
    """Several views shown together (with the stylesheet); closing it closes them all."""

    def __init__(self, parts: list[Any] | tuple[Any, ...], *, css_class: str) -> None:
        self.parts = list(parts)
        super().__init__([style_tag(), *self.parts])
        self.add_class("bmc-view")
        self.add_class(css_class)

    def close(self) -> None:
        """Close every part (views stop listening to the state) and the box."""
        close_tree(self.parts)
        super().close()


def _save_banner(problem: str | None) -> str:
    return "" if problem is None else message_box(problem, "error")
