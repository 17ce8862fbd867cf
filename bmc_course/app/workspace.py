"""Copy the course notebooks into a learner's workspace without ever losing their work.

The workspace keeps a manifest, ``.bmc-course/manifest.json``, recording for
each notebook what we last gave the learner. On every start each course
notebook is handled by these rules:

* **missing, never copied** → copied.
* **missing, copied before** (the learner deleted it) → copied again and
  reported as *restored*. Deleting a notebook is the natural way to ask for a
  fresh copy, answers live in the progress file rather than in the notebook,
  and the course walks through the notebooks in order, so a gap would only
  get in the way. (nbgitpuller, used by many courses, makes the same choice.)
* **unchanged by the learner**, and the course now ships different content →
  replaced with the new version (*updated*).
* **changed by the learner**, and the course now ships different content → the
  learner's file is left alone and the new course file is placed *beside* it,
  as ``03_six_types (course 0.2.0).ipynb``.
* **changed by the learner**, course content unchanged → *kept*, silently.

"Changed by the learner" compares the notebook's cells (type and source),
not its raw bytes: running a notebook adds outputs, execution counts and
kernel metadata, and that alone must not count as an edit, or every notebook
a learner ever ran would be treated as theirs and never updated.

All writes are atomic (temporary file in the same folder, then ``os.replace``),
so an interrupted start leaves each file either old or new, never half-written.
A manifest that cannot be read is moved aside, never deleted; without a
manifest every differing file counts as the learner's, which is the safe side.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import bmc_course
from bmc_course.model.paths import notebooks_dir
from bmc_course.state.safe_files import atomic_write_bytes

DEFAULT_WORKSPACE = Path("bmc-course-workspace")
STATE_DIR_NAME = ".bmc-course"
MANIFEST_NAME = "manifest.json"
MANIFEST_SCHEMA_VERSION = 1


class WorkspaceError(Exception):
    """The workspace cannot be prepared; the message is one line naming the path."""


@dataclass(frozen=True)
class PlacedBeside:
    """A newer course notebook written next to the learner's edited one."""

    learner_file: str
    course_file: str


@dataclass
class WorkspaceResult:
    """What :func:`prepare_workspace` did, file by file (names relative to the workspace)."""

    workspace: Path
    course_version: str
    copied: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    placed_beside: list[PlacedBeside] = field(default_factory=list)
    manifest_moved_to: Path | None = None

    @property
    def changed_anything(self) -> bool:
        """Whether any notebook was written (``kept`` files are left as they are)."""
        return bool(self.copied or self.restored or self.updated or self.placed_beside)

    def report_lines(self) -> list[str]:
        """One line per file that was written, plus a line if the manifest was moved aside.

        Kept files get no line: every notebook a learner has worked in is kept on
        every start, and repeating that each time would bury the lines that matter.
        """
        lines = []
        if self.manifest_moved_to is not None:
            lines.append(
                f"The workspace manifest could not be read; it was moved to "
                f"{self.manifest_moved_to} and notebooks that differ from the course are "
                f"treated as yours."
            )
        lines += [f"Copied {name}" for name in self.copied]
        lines += [f"Restored {name} (it was missing)" for name in self.restored]
        lines += [
            f"Updated {name} to course version {self.course_version}" for name in self.updated
        ]
        lines += [
            f"Kept your changes to {placed.learner_file}; the course version "
            f"{self.course_version} is beside it as {placed.course_file}"
            for placed in self.placed_beside
        ]
        return lines


@dataclass(frozen=True)
class _Entry:
    """What we last gave the learner for one notebook."""

    sha256: str
    content_sha256: str
    course_version: str

    def to_json(self) -> dict[str, str]:
        return {
            "sha256": self.sha256,
            "content_sha256": self.content_sha256,
            "course_version": self.course_version,
        }


def prepare_workspace(
    workspace: Path | str = DEFAULT_WORKSPACE,
    *,
    source: Path | None = None,
    course_version: str | None = None,
) -> WorkspaceResult:
    """Bring the course notebooks into ``workspace``, never overwriting a learner's edits.

    ``source`` (default: the packaged notebooks) and ``course_version``
    (default: ``bmc_course.__version__``) exist for tests and course authors.
    Raises :class:`WorkspaceError` when the workspace cannot be used.
    """
    root = Path(workspace)
    source_dir = notebooks_dir() if source is None else Path(source)
    version = bmc_course.__version__ if course_version is None else course_version
    try:
        return _prepare(root, source_dir, version)
    except WorkspaceError:
        raise
    except OSError as error:
        # Name the file the OS complained about, else the workspace itself.
        where = error.filename or root
        raise WorkspaceError(
            f"cannot prepare the workspace {root}: {where}: {error.strerror or error}"
        ) from error


TEACHER_FOLDER = "teacher"  # the teacher's notebooks, beside the course's in the package
SUBMISSIONS_FOLDER = "submissions"  # where a teacher puts the files learners hand in


def prepare_teacher_workspace(workspace: Path | str) -> WorkspaceResult:
    """A teacher's workspace: the class-summary notebook and an empty ``submissions/`` folder.

    Same rules as a learner's workspace: a notebook the teacher changed is never
    overwritten. The notebook summarises ``submissions/`` unless told otherwise.
    """
    root = Path(workspace)
    result = prepare_workspace(root, source=notebooks_dir() / TEACHER_FOLDER)
    try:
        (root / SUBMISSIONS_FOLDER).mkdir(exist_ok=True)
    except OSError as error:
        raise WorkspaceError(
            f"cannot prepare the workspace {root}: {root / SUBMISSIONS_FOLDER}: "
            f"{error.strerror or error}"
        ) from error
    return result


def manifest_path(workspace: Path) -> Path:
    """Where the manifest of ``workspace`` lives."""
    return workspace / STATE_DIR_NAME / MANIFEST_NAME


def notebook_fingerprint(data: bytes) -> str:
    """A hash of a notebook's cells (type and source), blind to outputs and metadata.

    Running a notebook changes outputs, execution counts, cell ids and kernel
    metadata but not what the learner wrote; this hash only changes with the
    latter. Bytes that are not a notebook are hashed as they are.
    """
    try:
        notebook = json.loads(data.decode("utf-8"))
        cells = notebook["cells"]
        essence = [
            [
                cell["cell_type"],
                "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"],
            ]
            for cell in cells
        ]
    except (UnicodeDecodeError, ValueError, TypeError, KeyError):
        return "raw:" + hashlib.sha256(data).hexdigest()
    encoded = json.dumps(essence, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return "cells:" + hashlib.sha256(encoded).hexdigest()


def _prepare(root: Path, source_dir: Path, version: str) -> WorkspaceResult:
    if root.exists() and not root.is_dir():
        raise WorkspaceError(f"the workspace {root} is a file, not a folder")
    sources = sorted(source_dir.glob("*.ipynb")) if source_dir.is_dir() else []
    if not sources:
        raise WorkspaceError(f"no course notebooks found in {source_dir}")
    state_dir = root / STATE_DIR_NAME
    if state_dir.exists() and not state_dir.is_dir():
        raise WorkspaceError(f"{state_dir} is in the way: bmc-course keeps its state there")
    root.mkdir(parents=True, exist_ok=True)

    result = WorkspaceResult(workspace=root, course_version=version)
    manifest_file = manifest_path(root)
    raw_manifest, result.manifest_moved_to = _read_manifest(manifest_file)
    files: dict[str, Any] = dict(raw_manifest.get("files", {}))
    entries = {name: entry for name in files if (entry := _entry(files[name])) is not None}

    for source_file in sources:
        name = source_file.name
        data = source_file.read_bytes()
        course_entry = _Entry(_sha256(data), notebook_fingerprint(data), version)
        _sync_one(root, name, data, course_entry, entries.get(name), result)
        files[name] = course_entry.to_json()

    manifest = {
        **raw_manifest,  # keep fields a newer bmc-course may have added
        "schema_version": MANIFEST_SCHEMA_VERSION,
        "course_version": version,
        "files": files,
    }
    if manifest != raw_manifest:  # a rerun with nothing new writes nothing
        text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
        atomic_write_bytes(manifest_file, text.encode("utf-8"))
    return result


def _sync_one(
    root: Path,
    name: str,
    data: bytes,
    course: _Entry,
    given: _Entry | None,
    result: WorkspaceResult,
) -> None:
    """Apply the rules of the module docstring to one notebook."""
    target = root / name
    if not target.exists():
        atomic_write_bytes(target, data)
        (result.copied if given is None else result.restored).append(name)
        return
    if not target.is_file():
        raise WorkspaceError(f"{target} is in the way: a course notebook should be there")
    current = target.read_bytes()
    fingerprint = notebook_fingerprint(current)
    if current == data or fingerprint == course.content_sha256:
        return  # the course's cells already; any outputs are the learner's run, keep them
    if given is not None and fingerprint == given.content_sha256:
        # Untouched since we gave it, and the course's cells have changed since.
        atomic_write_bytes(target, data)
        result.updated.append(name)
        return
    # The learner's own work (or a file we have no record of giving them).
    if given is not None and course.content_sha256 == given.content_sha256:
        result.kept.append(name)  # nothing new from the course to offer
        return
    beside = _beside_name(root, name, course.course_version, data)
    if beside is not None:
        atomic_write_bytes(root / beside, data)
        result.placed_beside.append(PlacedBeside(name, beside))
    else:
        result.kept.append(name)


def _beside_name(root: Path, name: str, version: str, data: bytes) -> str | None:
    """A free name like ``03_x (course 0.2.0).ipynb``; None if that file already holds ``data``."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for number in range(1, 1000):
        label = f"course {version}" if number == 1 else f"course {version}, {number}"
        candidate = f"{stem} ({label}){suffix}"
        path = root / candidate
        if not path.exists():
            return candidate
        if path.is_file() and path.read_bytes() == data:
            return None  # placed on an earlier start; the learner has it already
    raise WorkspaceError(f"too many course copies of {root / name} beside it; tidy some up")


def _read_manifest(path: Path) -> tuple[dict[str, Any], Path | None]:
    """The manifest as a dict (empty if absent), and where an unreadable one was moved."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, None
    except UnicodeDecodeError:
        return {}, _move_aside(path)
    try:
        data = json.loads(text)
    except ValueError:
        return {}, _move_aside(path)
    if not isinstance(data, dict) or not isinstance(data.get("files", {}), dict):
        return {}, _move_aside(path)
    schema = data.get("schema_version")
    if isinstance(schema, int) and schema > MANIFEST_SCHEMA_VERSION:
        raise WorkspaceError(
            f"{path} was written by a newer bmc-course (schema {schema}, this one reads "
            f"{MANIFEST_SCHEMA_VERSION}); upgrade bmc-course or choose another --workspace"
        )
    if schema != MANIFEST_SCHEMA_VERSION:
        return {}, _move_aside(path)
    return data, None


def _entry(raw: Any) -> _Entry | None:
    """One manifest entry, or None if it is malformed (then the file counts as the learner's)."""
    if not isinstance(raw, dict):
        return None
    values = [raw.get(key) for key in ("sha256", "content_sha256", "course_version")]
    if not all(isinstance(value, str) for value in values):
        return None
    return _Entry(str(values[0]), str(values[1]), str(values[2]))


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.stem}.unreadable-{stamp}{path.suffix}")
    os.replace(path, target)
    return target


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
