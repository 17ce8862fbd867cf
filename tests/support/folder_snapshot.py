"""A snapshot of a folder, to prove a command left it exactly as it was."""

from __future__ import annotations

from pathlib import Path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every entry below ``folder``: its bytes (or link target), mtime and mode, without following links."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if path.is_symlink():
            content = str(path.readlink()).encode()
        elif path.is_file():
            content = path.read_bytes()
        else:
            content = b""  # a folder or a pipe: never read (reading a pipe would block)
        found[path.relative_to(folder).as_posix()] = (content, info.st_mtime_ns, info.st_mode)
    return found
