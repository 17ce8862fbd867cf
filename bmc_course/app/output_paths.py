"""Where a command may write: a plain file that is not one of its inputs.

Every command that writes (``export -o``, ``class-summary -o`` / ``--csv``)
checks its target first, so a learner's JSON is never replaced by its own
Markdown export, and a device or pipe (``/dev/full``, ``/dev/stdout``) is never
turned into a regular file by the atomic rename.
"""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path

from bmc_course.app.cli_errors import CommandFailed


def check_output_path(path: Path, *, inputs: Sequence[Path] = ()) -> None:
    """Refuse a folder, anything but a regular file, a link, or one of ``inputs``, in one line."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return  # a new file: fine
    except OSError as error:
        raise CommandFailed(f"{path}: cannot be checked ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise CommandFailed(f"{path}: is a folder; expected the name of a file to write")
    if stat.S_ISLNK(info.st_mode):
        raise CommandFailed(f"{path}: is a symbolic link; expected a plain file to write")
    if not stat.S_ISREG(info.st_mode):
        raise CommandFailed(
            f"{path}: is not a regular file (a device, pipe or socket); expected a file to write"
        )
    for source in inputs:
        try:
            same = path.samefile(source)
        except OSError:
            continue
        if same:
            raise CommandFailed(f"{path}: is the file being read; write the output to another file")
