"""The learner's progress file: saved after every change, atomically, never lost.

* Writes go to a temporary file in the same folder, are flushed and fsynced,
  then ``os.replace``-d over the old file: a crash leaves the old or the new
  file, never a half-written one.
* A file that cannot be read (corrupt, truncated, not UTF-8, a newer
  ``schema_version``, unknown ids) is moved aside with a timestamped name —
  never deleted — and the learner is told where it went.
* Several notebooks (each with its own kernel) share one file: before a change
  is applied, a state whose file was changed by another kernel reloads it first.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from bmc_course.formats.submission import Submission, catalog_issues, read_submission_file
from bmc_course.model.catalog import Catalog
from bmc_course.model.input_errors import SubmissionError
from bmc_course.state.course_state import Change, CourseState
from bmc_course.state.safe_files import atomic_write_text, move_aside

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

    def _stat(self) -> tuple[int, int] | None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def load(self, catalog: Catalog) -> LoadResult:
        """Read the progress file; move an unreadable one aside and start fresh."""
        if not self.path.exists():
            self._seen = None
            return LoadResult(Submission())
        try:
            submission = read_submission_file(self.path)
            issues = catalog_issues(submission, catalog, file=str(self.path))
            if issues:
                raise SubmissionError(issues)
        except SubmissionError as error:
            newer = any("newer bmc-course" in issue.found for issue in error.issues)
            moved = move_aside(self.path, "newer" if newer else "unreadable")
            first = error.issues[0]
            detail = f"expected {first.expected}, found {first.found}"
            if first.field not in ("-", ""):
                detail = f"{first.entry} {first.field}: {detail}"
            message = (
                f"Your progress file could not be read ({detail}). It was kept as {moved} "
                "and the course starts fresh; nothing was deleted."
            )
            self._seen = None
            return LoadResult(Submission(), message, moved)
        self._seen = self._stat()
        return LoadResult(submission)

    def save(self, submission: Submission) -> None:
        """Write the submission atomically."""
        text = json.dumps(submission.to_json_dict(), indent=2, ensure_ascii=False) + "\n"
        atomic_write_text(self.path, text)
        self._seen = self._stat()

    def changed_elsewhere(self) -> bool:
        """Whether another process wrote the file since we last read or wrote it."""
        current = self._stat()
        return current is not None and current != self._seen

    def attach(self, state: CourseState) -> None:
        """Save ``state`` after every change, reloading first if another kernel wrote the file."""

        def refresh() -> None:
            if self.changed_elsewhere():
                result = self.load(state.catalog)
                if result.message is None:
                    state.replace(result.submission)

        def save(_change: Change) -> None:
            self.save(state.stamped_submission())

        state.before_change(refresh)
        # Last: the views redraw first, so the learner sees the result at once; the
        # save follows in the same handler, before the next change can arrive.
        state.observe(save, last=True)
