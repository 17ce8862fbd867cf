"""The learner's progress file: saved after every change, atomically, never lost.

* Writes go to a temporary file in the same folder, are flushed and fsynced,
  then ``os.replace``-d over the old file: a crash leaves the old or the new
  file, never a half-written one.
* A file that cannot be read (corrupt, truncated, not UTF-8, a newer
  ``schema_version``, unknown ids) is moved aside with a timestamped name —
  never deleted — and the learner is told where it went.
* Several notebooks (each with its own kernel) share one file. Every read and
  write holds an OS file lock (``filelock``, on a ``.lock`` file beside it), so
  writers take turns; a save that finds the file changed by another kernel
  merges both sides' changes (:mod:`bmc_course.state.progress_merge`) instead
  of overwriting them, and the merged answers are shown at once.
* A save that fails (disk full, read-only folder) keeps the answers in the
  session, reports one line through :attr:`ProgressStore.problem`, and is tried
  again on the next change.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from bmc_course.formats.submission import Submission, catalog_issues, read_submission_file
from bmc_course.model.catalog import Catalog
from bmc_course.model.input_errors import SubmissionError
from bmc_course.state.course_state import SAVE_PROBLEM, Change, CourseState
from bmc_course.state.progress_merge import merge_progress
from bmc_course.state.safe_files import atomic_write_text, move_aside, remove_leftover_temp_files

LOCK_TIMEOUT = 10.0  # seconds to wait for another notebook's save before giving up on this one

PROGRESS_FILE_NAME = "bmc-course-progress.json"
PROGRESS_ENV_VAR = "BMC_COURSE_PROGRESS"

__all__ = ["PROGRESS_FILE_NAME", "ProgressStore", "atomic_write_text", "default_progress_path"]


def default_progress_path() -> Path:
    """``$BMC_COURSE_PROGRESS``, else the progress file in the current folder (the workspace)."""
    configured = os.environ.get(PROGRESS_ENV_VAR)
    return Path(configured) if configured else Path.cwd() / PROGRESS_FILE_NAME


@dataclass(frozen=True)
class LoadResult:
    """What loading found: the submission to resume, and a message for the learner if any."""

    submission: Submission
    message: str | None = None
    moved_to: Path | None = None


class ProgressStore:
    """One learner's progress file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: tuple[int, int] | None = None  # (mtime_ns, size) after our last read/write
        self._base: dict[str, Any] | None = None  # the file as we last read or wrote it
        # One lock object per file in a process, shared by its threads (a kernel answers widget
        # messages on more than one): only other processes are kept waiting, never ourselves.
        self._lock = FileLock(
            str(path.with_name(f".{path.name}.lock")),
            timeout=LOCK_TIMEOUT,
            thread_local=False,
            is_singleton=True,
        )
        self.problem: str | None = None  # the last save's failure, in one line; None when saved
        self._protected = False  # an unreadable file we could not move aside: never overwrite it
        self._problem_listeners: list[Callable[[str | None], None]] = []
        self._follow: Callable[[], bool] | None = None
        # In a kernel, a save is run just after the handler that made the change (so the
        # views' updates leave the kernel first); elsewhere at once. See save_later_with.
        self._later: Callable[[Callable[[], None]], None] | None = None
        self._pending = False
        self._saved_listeners: list[Callable[[], None]] = []

    def on_problem(self, listener: Callable[[str | None], None]) -> None:
        """Call ``listener(problem)`` when a save fails, and with ``None`` when saving works again."""
        self._problem_listeners.append(listener)

    def _report(self, problem: str | None) -> None:
        if problem == self.problem:
            return
        self.problem = problem
        for listener in list(self._problem_listeners):
            listener(problem)

    def _stat(self) -> tuple[int, int] | None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def load(self, catalog: Catalog) -> LoadResult:
        """Read the progress file; move an unreadable one aside and start fresh."""
        try:
            with self._lock:
                return self._load(catalog)
        except Timeout:
            return LoadResult(Submission(), _busy_message(self.path))

    def _load(self, catalog: Catalog) -> LoadResult:
        remove_leftover_temp_files(self.path)  # under the lock: no save of ours is in flight
        if not self.path.exists():
            self._base = None
            self._seen = None
            return LoadResult(Submission())
        try:
            submission = read_submission_file(self.path)
            issues = catalog_issues(submission, catalog, file=str(self.path))
            if issues:
                raise SubmissionError(issues)
        except SubmissionError as error:
            newer = any("newer bmc-course" in issue.found for issue in error.issues)
            first = error.issues[0]
            detail = f"expected {first.expected}, found {first.found}"
            if first.field not in ("-", ""):
                detail = f"{first.entry} {first.field}: {detail}"
            try:
                moved = move_aside(self.path, "newer" if newer else "unreadable")
            except OSError as move_error:  # e.g. a read-only workspace: keep it where it is
                self._protected = True
                message = (
                    f"Your progress file could not be read ({detail}) nor moved aside "
                    f"({move_error.strerror or move_error}). It is left as it is and never "
                    "overwritten; the course starts fresh, but this session's answers are not "
                    "saved until the file is moved or the folder is writable."
                )
                self._seen = None
                self._base = None
                return LoadResult(Submission(), message)
            message = (
                f"Your progress file could not be read ({detail}). It was kept as {moved} "
                "and the course starts fresh; nothing was deleted."
            )
            self._seen = None
            self._base = None
            return LoadResult(Submission(), message, moved)
        self._seen = self._stat()
        self._base = submission.to_json_dict()
        return LoadResult(submission)

    def save(self, submission: Submission) -> Submission | None:
        """Write the submission atomically, merged with what another notebook wrote meanwhile.

        Returns the merged submission when the file held someone else's changes
        (the caller shows them), else ``None``. Raises ``OSError`` when the file
        cannot be written and :class:`filelock.Timeout` when another notebook
        holds the lock for longer than :data:`LOCK_TIMEOUT`.
        """
        mine = submission.to_json_dict()
        with self._lock:
            if self._protected:
                if self.path.exists():
                    raise OSError(
                        f"the unreadable {self.path.name} is still there and is never overwritten"
                    )
                self._protected = False  # the learner moved it: saving works again
            merged = mine
            if self.changed_elsewhere():
                theirs = self._read_theirs()
                if theirs is not None:
                    # no file when we started: every change on disk is the other notebook's
                    base = self._base if self._base is not None else Submission().to_json_dict()
                    merged = merge_progress(base, mine, theirs)
            text = json.dumps(merged, indent=2, ensure_ascii=False) + "\n"
            atomic_write_text(self.path, text)
            self._seen = self._stat()
            self._base = merged
        return None if merged == mine else Submission.model_validate(merged)

    def _read_theirs(self) -> dict[str, Any] | None:
        """The file as another notebook left it, or ``None`` if it cannot be read (ours wins)."""
        try:
            return read_submission_file(self.path).to_json_dict()
        except SubmissionError:
            return None

    def changed_elsewhere(self) -> bool:
        """Whether another process wrote the file since we last read or wrote it."""
        current = self._stat()
        return current is not None and current != self._seen

    def follow_other_notebooks(self) -> bool:
        """If another notebook changed the file, show its answers now; return whether it did.

        Cheap when nothing changed (one ``stat``); a kernel calls it every half
        second so that every open notebook stays live (``widgets.live_progress``).
        """
        return self._follow() if self._follow is not None else False

    def save_later_with(self, schedule: Callable[[Callable[[], None]], None] | None) -> None:
        """Run saves through ``schedule`` (a kernel's ``io_loop.add_callback``): the change's
        handler returns at once and its widget updates reach the browser before the file is
        written; changes made before the save runs are written together. ``None``: at once."""
        self._later = schedule

    def on_saved(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after each write of the file (e.g. to compare exports with it)."""
        self._saved_listeners.append(listener)

    def off_saved(self, listener: Callable[[], None]) -> None:
        """Stop calling ``listener`` after writes."""
        if listener in self._saved_listeners:
            self._saved_listeners.remove(listener)

    @property
    def pending(self) -> bool:
        """Whether a change is waiting to be written (only with :meth:`save_later_with`)."""
        return self._pending

    def attach(self, state: CourseState) -> None:
        """Save ``state`` after every change, reloading first if another kernel wrote the file."""
        link = _Attachment(self, state)
        self._follow = link.refresh
        self.on_problem(state.report_save_problem)
        state.before_change(link.refresh)
        # Last: the views redraw first, so the learner sees the result at once; the save
        # follows in the same handler (or just after it, in a kernel: save_later_with).
        state.observe(link.on_change, last=True)

    def _write(self, state: CourseState) -> Submission | None:
        """Write now (merged with other notebooks' changes); report the outcome to listeners."""
        self._pending = False
        try:
            merged = self.save(state.stamped_submission())
        except (OSError, Timeout) as error:
            self._report(_save_problem(self.path, error))
            return None
        self._report(None)
        return merged

    def _saved(self) -> None:
        for listener in list(self._saved_listeners):
            listener()

    def _schedule(self, write: Callable[[], None]) -> None:
        """Write now, or once just after the current handler (changes meanwhile join it)."""
        if self._later is None:
            write()
        elif not self._pending:
            self._pending = True
            self._later(lambda: write() if self._pending else None)


class _Attachment:
    """One state kept in step with its store: saved on change, reloaded when changed elsewhere."""

    def __init__(self, store: ProgressStore, state: CourseState) -> None:
        self.store = store
        self.state = state
        self.applying = False  # showing answers that are already on disk: nothing to save

    def _show(self, submission: Submission) -> None:
        self.applying = True
        try:
            self.state.replace(submission)
        finally:
            self.applying = False

    def write_now(self) -> None:
        """Save the state (merged with other notebooks'); show the merge if it added anything."""
        merged = self.store._write(self.state)
        if merged is not None:
            self._show(merged)
        self.store._saved()

    def refresh(self) -> bool:
        """Show what another notebook saved, if anything; return whether something was shown."""
        if self.applying or not self.store.changed_elsewhere():
            return False
        if self.store.pending:
            self.write_now()  # ours merged with theirs, then shown: a pending change is kept
            return True
        result = self.store.load(self.state.catalog)
        if result.message is None:
            self._show(result.submission)
        return result.message is None

    def on_change(self, change: Change) -> None:
        """Save after a change (not the reloaded answers being shown, not a save report)."""
        if self.applying or change.kind == SAVE_PROBLEM:
            return
        self.store._schedule(self.write_now)


def _save_problem(path: Path, error: OSError | Timeout) -> str:
    if isinstance(error, Timeout):
        reason = "another notebook kept the file busy"
    else:
        reason = error.strerror or str(error)
    return (
        f"Your answers could not be saved to {path.name} ({reason}). They are kept in this "
        "notebook; the next change tries again. Free some disk space or check the folder."
    )


def _busy_message(path: Path) -> str:
    return (
        f"{path.name} is kept busy by another notebook; the course opened without it. "
        "Close the other notebook's kernel and run this cell again."
    )
