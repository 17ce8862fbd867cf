"""Read every file in a teacher's folder: each one is accepted or rejected with one clear reason.

The folder is only read, never modified. Files are walked recursively in a
stable (sorted) order; symbolic links are not followed (a link could point
anywhere on the machine); a file larger than the limit is not read at all;
files that vanish during the scan are reported, not fatal. A learner who
handed in several files is counted once: the newest by ``saved_at`` is kept
and the others are reported as duplicates.
"""

from __future__ import annotations

import fnmatch
import json
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bmc_course.catalog import Catalog
from bmc_course.input_errors import SubmissionError
from bmc_course.submission import (
    MAX_SUBMISSION_BYTES,
    SCHEMA_VERSION,
    Submission,
    catalog_issues,
    parse_submission,
)

Progress = Callable[[int, int], None]  # (files done, files in total)


@dataclass(frozen=True)
class Accepted:
    file: str  # relative to the folder, with / separators
    submission: Submission


@dataclass(frozen=True)
class Rejected:
    file: str
    reason: str


@dataclass(frozen=True)
class Duplicate:
    file: str
    learner: str
    kept: str  # the file kept for this learner


@dataclass
class Intake:
    """The outcome of reading a folder."""

    folder: Path
    accepted: list[Accepted] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def files_seen(self) -> int:
        return len(self.accepted) + len(self.rejected) + len(self.duplicates)


def list_entries(folder: Path, include: str = "*") -> list[Path]:
    """Every file, symbolic link or other non-folder entry below ``folder`` whose name
    matches ``include`` (a glob such as ``*.json``), sorted. Hidden folders (``.git``,
    ``.ipynb_checkpoints``, ``.bmc-course``) are not entered."""
    found: list[Path] = []
    for top, dirs, files in os.walk(folder, followlinks=False, onerror=None):
        top_path = Path(top)
        # a link to a folder shows up in ``dirs`` and is not descended into; report it
        found.extend(top_path / d for d in dirs if (top_path / d).is_symlink())
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not (top_path / d).is_symlink()
        )
        found.extend(top_path / name for name in files)
    return sorted(p for p in found if fnmatch.fnmatch(p.name, include))


def read_folder(
    folder: Path,
    catalog: Catalog,
    *,
    max_bytes: int = MAX_SUBMISSION_BYTES,
    include: str = "*",
    progress: Progress | None = None,
) -> Intake:
    """Read every entry below ``folder`` (whose name matches ``include``) into an :class:`Intake`."""
    folder = Path(folder)
    intake = Intake(folder)
    entries = list_entries(folder, include)
    candidates: list[Accepted] = []
    for done, path in enumerate(entries, 1):
        name = path.relative_to(folder).as_posix()
        outcome = read_entry(path, name, catalog, max_bytes=max_bytes)
        if isinstance(outcome, Rejected):
            intake.rejected.append(outcome)
        else:
            candidates.append(outcome)
        if progress is not None:
            progress(done, len(entries))
    intake.accepted, intake.duplicates = keep_newest(candidates)
    return intake


def read_entry(path: Path, name: str, catalog: Catalog, *, max_bytes: int) -> Accepted | Rejected:
    """One entry, accepted or rejected with its reason."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return Rejected(name, "the file vanished while the folder was being read")
    except OSError as error:
        return Rejected(name, f"cannot be read: {error.strerror or error}")
    if stat.S_ISLNK(info.st_mode):
        return Rejected(
            name, "a symbolic link: not followed (copy the file itself into the folder)"
        )
    if not stat.S_ISREG(info.st_mode):
        return Rejected(name, "not a regular file")
    if info.st_size == 0:
        return Rejected(name, "an empty file")
    if info.st_size > max_bytes:
        return Rejected(
            name,
            f"too large: {info.st_size:,} bytes, the limit is {max_bytes:,} (see --max-bytes)",
        )
    data = _read_at_most(path, max_bytes)
    if isinstance(data, Rejected):
        return Rejected(name, data.reason)
    return parse_entry(data, name, catalog, max_bytes=max_bytes)


def parse_entry(data: bytes, name: str, catalog: Catalog, *, max_bytes: int) -> Accepted | Rejected:
    """The bytes of one file, accepted or rejected with its reason."""
    if len(data) > max_bytes:  # it grew while we were reading it
        return Rejected(name, f"too large: more than {max_bytes:,} bytes (see --max-bytes)")
    fast = _fast_parse(data)
    if fast is not None:
        issues = catalog_issues(fast, catalog, file=name)
        return Rejected(name, _reason(SubmissionError(issues))) if issues else Accepted(name, fast)
    return _parse_slowly(data, name, catalog)


def _fast_parse(data: bytes) -> Submission | None:
    """A current-version submission parsed in one step by pydantic's JSON parser, else None.

    Most files in a class folder are fine; for them this is several times faster
    than ``json.loads`` + validation. Anything unusual (bad JSON, an older or
    newer version, a missing ``schema_version``, an invalid field) returns
    None and goes the slow way, which names the problem precisely.
    """
    try:
        submission = Submission.model_validate_json(data)
    except ValueError:  # pydantic's ValidationError is a ValueError
        return None
    if "schema_version" not in submission.model_fields_set:
        return None
    return submission if submission.schema_version == SCHEMA_VERSION else None


def _parse_slowly(data: bytes, name: str, catalog: Catalog) -> Accepted | Rejected:
    if not data.strip():
        return Rejected(name, "an empty file (only blank space)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Rejected(
            name, f"not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start})"
        )
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()):
            return Rejected(name, f"truncated JSON: it stops at line {error.lineno}")
        return Rejected(name, f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}")
    try:
        submission = parse_submission(raw, file=name)
    except SubmissionError as error:
        return Rejected(name, _reason(error))
    issues = catalog_issues(submission, catalog, file=name)
    if issues:
        return Rejected(name, _reason(SubmissionError(issues)))
    return Accepted(name, submission)


def keep_newest(candidates: list[Accepted]) -> tuple[list[Accepted], list[Duplicate]]:
    """One submission per learner (by name, ignoring case and spacing): the newest ``saved_at``.

    Submissions without a learner name cannot be matched and are all kept.
    Ties keep the file that sorts last (e.g. ``v2`` over ``v1``).
    """
    by_learner: dict[str, list[Accepted]] = {}
    kept: list[Accepted] = []
    for candidate in candidates:
        key = " ".join(candidate.submission.learner.split()).casefold()
        if key:
            by_learner.setdefault(key, []).append(candidate)
        else:
            kept.append(candidate)
    duplicates: list[Duplicate] = []
    for group in by_learner.values():
        newest = max(group, key=lambda a: (a.submission.saved_at or "", a.file))
        kept.append(newest)
        duplicates.extend(
            Duplicate(a.file, a.submission.learner, newest.file) for a in group if a is not newest
        )
    kept.sort(key=lambda a: a.file)
    duplicates.sort(key=lambda d: d.file)
    return kept, duplicates


def _reason(error: SubmissionError) -> str:
    """The first problem, without the file name (the report shows it beside), plus a count."""
    issue = error.issues[0]
    text = f"{issue.entry}: {issue.field}: expected {issue.expected}, found {issue.found}"
    more = len(error.issues) - 1
    return text + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")


def _read_at_most(path: Path, max_bytes: int) -> bytes | Rejected:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return Rejected("", "the file vanished while the folder was being read")
    except OSError as error:
        return Rejected("", f"cannot be read: {error.strerror or error}")
    with os.fdopen(fd, "rb") as handle:
        return handle.read(max_bytes + 1)


def iter_names(intake: Intake) -> Iterator[str]:
    """Every file name the intake saw (for tests and reports)."""
    yield from (a.file for a in intake.accepted)
    yield from (r.file for r in intake.rejected)
    yield from (d.file for d in intake.duplicates)
