"""Files that are never half-written and never deleted.

* :func:`atomic_write_bytes` / :func:`atomic_write_text`: write to a temporary
  file in the same folder, flush and fsync it, then ``os.replace`` it over the
  target — a crash leaves the old or the new file, never a mix.
* :func:`move_aside`: rename an unreadable file beside itself with a
  timestamped name, so whatever the learner wrote is kept.
* :func:`remove_leftover_temp_files`: the temp files of a write that was
  killed half-way (never the learner's data: that is the target, untouched).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that readers see the old or the new file, never a mix."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a synced temp file and ``os.replace``.

    The temporary file is a dot-file beside the target, so it stays out of
    JupyterLab's file browser and on the same file system as the target.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600 files; give the file the permissions a normal write would.
        umask = os.umask(0)
        os.umask(umask)
        Path(temp_name).chmod(0o666 & ~umask)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable where the OS allows
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def remove_leftover_temp_files(path: Path) -> list[Path]:
    """Remove the temp files a crashed :func:`atomic_write_bytes` of ``path`` left; return them.

    Call it only while no write of ``path`` can be under way (the progress
    store holds its file lock): a temp file then belongs to a write that died.
    """
    removed = []
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed.append(leftover)
    return removed


def move_aside(path: Path, reason: str) -> Path:
    """Rename an unreadable file to ``NAME.<reason>-<timestamp>.json`` beside it; return the new path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix}")
    os.replace(path, target)
    return target
