"""One learner's course session in a kernel: the catalog, the state and its progress file.

Every notebook calls :func:`current_session`; the first call in a kernel loads
the progress file (moving an unreadable one aside) and attaches the store so
that every change is saved at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bmc_course.model.catalog import Catalog, load_catalog
from bmc_course.state.course_state import CourseState
from bmc_course.state.progress_store import ProgressStore, default_progress_path


@dataclass
class CourseSession:
    """The state a notebook's widgets share, and where it is saved."""

    catalog: Catalog
    state: CourseState
    store: ProgressStore
    message: str | None = None  # e.g. "your progress file was moved aside"


_current: CourseSession | None = None


def open_session(progress_path: Path | None = None, content: Path | None = None) -> CourseSession:
    """Load (or start) the learner's progress and save every later change to it."""
    catalog = load_catalog(content)
    store = ProgressStore(progress_path or default_progress_path())
    result = store.load(catalog)
    state = CourseState(catalog, result.submission)
    store.attach(state)
    return CourseSession(catalog, state, store, result.message)


def current_session() -> CourseSession:
    """This kernel's session, opened on first use."""
    global _current  # noqa: PLW0603 - one session per kernel is the point
    if _current is None:
        _current = open_session()
    return _current


def reset_current_session(session: CourseSession | None = None) -> None:
    """Replace this kernel's session (tests, or resuming from another file)."""
    global _current  # noqa: PLW0603
    _current = session
