"""Each learner's workspace folder on the hub machine: ``<users root>/<name>``, theirs alone.

Made by the hub (often root) just before the learner's server starts. Only the
folder itself is made and handed over; what goes in it (the course notebooks)
is written later by the learner's own server process
(:mod:`bmc_course.app.hub.singleuser`), as the learner. The hub never writes
or changes ownership inside a folder a learner controls: a learner could have
planted a symbolic link there, and root following it would hand them any file
on the machine.
"""

from __future__ import annotations

import os
import pwd
import stat
from pathlib import Path

from bmc_course.app.hub.hub_settings import HubSettingsError, check_user_name

LEARNER_FOLDER_MODE = 0o700  # the learner only: classmates cannot list or read it
# Everyone may pass through the users root to reach their own folder, nobody may list it.
USERS_ROOT_MODE = 0o711


def closed_to_others(path: Path) -> Path | None:
    """The first folder (or the file) on the way to ``path`` that other accounts cannot pass
    or read, or None: learners' servers run the hub's Python and import bmc-course as the
    learners' own accounts, so both must be open to them."""
    target = path.resolve()
    for folder in reversed(target.parents):
        if not folder.stat().st_mode & stat.S_IXOTH:
            return folder
    needed = stat.S_IXOTH | (stat.S_IROTH if target.is_dir() else 0)
    if target.stat().st_mode & needed != needed:
        return target
    return None


class LearnerFolderError(Exception):
    """A learner's folder cannot be made safely; the message is one line."""


def learner_account(name: str) -> pwd.struct_passwd:
    """The machine account ``name`` logs in as; never root."""
    try:
        account = pwd.getpwnam(name)
    except KeyError:
        raise LearnerFolderError(
            f"{name!r} has no account on this machine; the local spawners start each server "
            "as the learner's own account (create it with useradd)"
        ) from None
    if account.pw_uid == 0:
        raise LearnerFolderError(f"{name!r} is a root account; learners' servers never run as root")
    return account


def make_learner_folder(users_root: Path, name: str, *, owner: tuple[int, int] | None) -> Path:
    """Make ``users_root/name`` (mode 700) if missing and return it.

    ``owner`` (uid, gid) hands the folder to the learner's account (the hub runs
    as root); ``None`` keeps it the hub's own (every server runs as the hub's user).
    """
    try:
        check_user_name(name)
    except HubSettingsError as error:
        raise LearnerFolderError(str(error)) from None
    _make_users_root(users_root, root_owned=owner is not None)
    folder = users_root / name
    try:
        folder.mkdir(mode=LEARNER_FOLDER_MODE)
    except FileExistsError:
        pass
    except OSError as error:
        raise LearnerFolderError(f"{folder}: cannot be made ({error.strerror or error})") from None
    try:
        # O_NOFOLLOW: a link in place of the folder is refused, never followed.
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError as error:
        raise LearnerFolderError(
            f"{folder}: is not a plain folder ({error.strerror or error}); move it away"
        ) from None
    try:
        if owner is not None:
            os.fchown(descriptor, *owner)
        os.fchmod(descriptor, LEARNER_FOLDER_MODE)
    finally:
        os.close(descriptor)
    return folder


def _make_users_root(users_root: Path, *, root_owned: bool) -> None:
    try:
        users_root.mkdir(mode=USERS_ROOT_MODE, parents=True, exist_ok=True)
        info = users_root.lstat()
    except OSError as error:
        raise LearnerFolderError(
            f"{users_root}: cannot be made ({error.strerror or error}); set BMC_HUB_USERS"
        ) from None
    if not stat.S_ISDIR(info.st_mode):
        raise LearnerFolderError(f"{users_root}: is not a folder (set BMC_HUB_USERS)")
    if root_owned and (info.st_uid != 0 or info.st_mode & 0o022):
        # a learner who could write here could swap a classmate's folder for a link
        raise LearnerFolderError(
            f"{users_root}: must belong to root and be writable by root only "
            f"(chown root {users_root} && chmod 711 {users_root})"
        )
