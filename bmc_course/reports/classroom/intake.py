"""Read every file in a teacher's folder: each one is accepted or rejected with one clear reason.

The folder is only read, never modified. Files are walked recursively in a
stable (sorted) order; symbolic links are not followed (a link could point
anywhere on the machine); a file larger than the limit is not read at all;
files that vanish during the scan are reported, not fatal. A learner who
handed in several files is counted once: the newest by ``saved_at`` is kept
and the others are reported as duplicates.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import json
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bmc_course.formats.submission import (
    MAX_SUBMISSION_BYTES,
    SCHEMA_VERSION,
    Submission,
    catalog_issues,
    parse_submission,
)
from bmc_course.model.catalog import Catalog
from bmc_course.model.input_errors import SubmissionError
from bmc_course.reports.classroom.gc_pause import cycle_collector_paused

Progress = Callable[[int, int], None]  # (files done, files in total)


@dataclass(frozen=True)
class Accepted:
    """A file read as a valid submission."""

    file: str  # relative to the folder, with / separators
    submission: Submission


@dataclass(frozen=True)
class Rejected:
    """A file that is not summarised, and the one reason why."""

    file: str
    reason: str


@dataclass(frozen=True)
class Duplicate:
    """An older submission of a learner whose newer file is kept."""

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
        """How many files were looked at: accepted, rejected and duplicates together."""
        return len(self.accepted) + len(self.rejected) + len(self.duplicates)


def list_entries(folder: Path, include: str = "*") -> tuple[list[str], list[Rejected]]:
    """Every non-folder entry below ``folder`` whose name matches ``include``, and unreadable folders.

    Entries are relative names with ``/`` separators, sorted; they include symbolic
    links and special files, which :func:`read_entry` then rejects. Links to
    folders are not entered, nor are hidden folders (``.git``,
    ``.ipynb_checkpoints``, ``.bmc-course``). A sub-folder that cannot be listed
    is returned as a rejection, so nothing is skipped silently.
    """
    names: list[str] = []
    unreadable: list[Rejected] = []
    match_all = include in ("", "*")
    pending = [""]
    while pending:
        prefix = pending.pop()
        try:
            with os.scandir(f"{folder}{os.sep}{prefix}") as listing:
                for entry in listing:
                    try:
                        is_folder = entry.is_dir(follow_symlinks=False)
                    except OSError:  # vanished: read_entry will say so
                        is_folder = False
                    if is_folder:
                        if not entry.name.startswith("."):
                            pending.append(f"{prefix}{entry.name}/")
                    elif match_all or fnmatch.fnmatch(entry.name, include):
                        names.append(prefix + entry.name)
        except OSError as error:
            where = prefix.rstrip("/") or "."
            unreadable.append(Rejected(where + "/", _cannot_read(error, "a folder that")))
    names.sort()
    return names, unreadable


def read_folder(
    folder: Path,
    catalog: Catalog,
    *,
    max_bytes: int = MAX_SUBMISSION_BYTES,
    include: str = "*",
    progress: Progress | None = None,
) -> Intake:
    """Read every entry below ``folder`` (whose name matches ``include``) into an :class:`Intake`."""
    with cycle_collector_paused():
        return _read_folder(Path(folder), catalog, max_bytes, include, progress)


def _read_folder(
    folder: Path, catalog: Catalog, max_bytes: int, include: str, progress: Progress | None
) -> Intake:
    intake = Intake(folder)
    names, unreadable = list_entries(folder, include)
    intake.rejected = [dataclasses.replace(r, file=printable_name(r.file)) for r in unreadable]
    candidates: list[Accepted] = []
    total = len(names)
    for done, name in enumerate(names, 1):
        outcome = read_entry(folder, name, catalog, max_bytes=max_bytes)
        shown = printable_name(name)
        if shown != name:  # reports show (and write) the name, never the undecodable bytes
            outcome = dataclasses.replace(outcome, file=shown)
        if isinstance(outcome, Rejected):
            intake.rejected.append(outcome)
        else:
            candidates.append(outcome)
        if progress is not None:
            progress(done, total)
    intake.rejected.sort(key=lambda r: r.file)
    intake.accepted, intake.duplicates = keep_newest(candidates)
    return intake


def printable_name(name: str) -> str:
    """A file name fit for any report: bytes that are not UTF-8 (a zip unpacked with Latin-1
    names) become U+FFFD, so writing HTML, CSV or JSON never fails on them."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return name


VANISHED = "the file vanished while the folder was being read"
SYMLINK = "a symbolic link: not followed (copy the file itself into the folder)"
NOT_REGULAR = "not a regular file"
# O_NOFOLLOW: a link is refused by the system at open, with no look-then-open race.
# O_NONBLOCK: a named pipe put there in the meantime cannot make the open hang.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_OPEN_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_entry(folder: Path, name: str, catalog: Catalog, *, max_bytes: int) -> Accepted | Rejected:
    """The entry ``name`` (relative to ``folder``), accepted or rejected with its reason."""
    path = f"{folder}{os.sep}{name}"  # a plain string: Path objects cost time per file
    if not _NOFOLLOW:  # a system without O_NOFOLLOW (Windows): look before opening
        problem = _not_a_plain_file(path)
        if problem:
            return Rejected(name, problem)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return Rejected(name, _not_a_plain_file(path) or _cannot_read(error))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Rejected(name, NOT_REGULAR)
        if info.st_size > max_bytes:
            return Rejected(
                name,
                f"too large: {info.st_size:,} bytes, the limit is {max_bytes:,} (see --max-bytes)",
            )
        data = _read_up_to(fd, info.st_size, max_bytes + 1)
    except OSError as error:
        return Rejected(name, _cannot_read(error))
    finally:
        os.close(fd)
    if not data:
        return Rejected(name, "an empty file")
    return parse_entry(data, name, catalog, max_bytes=max_bytes)


def _not_a_plain_file(path: str) -> str | None:
    """Why ``path`` is not a regular file we may read (a link, a pipe, gone), or None."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return VANISHED
    except OSError:
        return None  # the open that follows reports it
    if stat.S_ISLNK(mode):
        return SYMLINK
    return None if stat.S_ISREG(mode) else NOT_REGULAR


def _cannot_read(error: OSError, what: str = "") -> str:
    if isinstance(error, FileNotFoundError):
        return VANISHED if not what else f"{what} vanished while the folder was being read"
    return f"{what + ' ' if what else ''}cannot be read: {error.strerror or error}"


def _read_up_to(fd: int, size: int, limit: int) -> bytes:
    """The file's bytes, at most ``limit`` of them (the file may grow or shrink meanwhile)."""
    parts: list[bytes] = []
    total = 0
    want = min(size + 1, limit)  # one read for a file that stays as it was
    while total < limit:
        chunk = os.read(fd, want)
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        want = min(limit - total, 1 << 16)
    return parts[0] if len(parts) == 1 else b"".join(parts)


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
        # "utf-8-sig": a byte-order mark (Windows Notepad adds one) is not the learner's fault
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Rejected(
            name, f"not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start})"
        )
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        # A file cut off mid-way fails at its end, or inside a string that never closes.
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            return Rejected(name, f"truncated JSON: it stops at line {error.lineno}")
        return Rejected(name, f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}")
    except RecursionError:
        return Rejected(name, "not a submission: JSON nested too deeply to read")
    except ValueError:  # e.g. an integer of thousands of digits (Python's int limit)
        return Rejected(name, "not a submission: a number too long to read")
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
        if len(group) == 1:  # the usual case
            kept.append(group[0])
            continue
        newest = max(group, key=lambda a: (_saved_at(a.submission.saved_at), a.file))
        kept.append(newest)
        duplicates.extend(
            Duplicate(a.file, a.submission.learner, newest.file) for a in group if a is not newest
        )
    kept.sort(key=lambda a: a.file)
    duplicates.sort(key=lambda d: d.file)
    return kept, duplicates


_UNKNOWN_TIME = datetime.min.replace(tzinfo=UTC)


def _saved_at(text: str | None) -> datetime:
    """``saved_at`` as a moment in time, so ``+02:00`` and ``Z`` stamps compare correctly.

    A stamp without a zone is taken as UTC (what bmc-course writes); a missing or
    unreadable one counts as older than any real one.
    """
    if not text:
        return _UNKNOWN_TIME
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return _UNKNOWN_TIME
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _reason(error: SubmissionError) -> str:
    """The first problem, without the file name (the report shows it beside), plus a count."""
    issue = error.issues[0]
    text = f"{issue.entry}: {issue.field}: expected {issue.expected}, found {issue.found}"
    more = len(error.issues) - 1
    return text + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")


def iter_names(intake: Intake) -> Iterator[str]:
    """Every file name the intake saw (for tests and reports)."""
    yield from (a.file for a in intake.accepted)
    yield from (r.file for r in intake.rejected)
    yield from (d.file for d in intake.duplicates)
