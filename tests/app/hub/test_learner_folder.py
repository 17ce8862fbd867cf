"""Each learner's folder: made for them alone, never through a link, never for root."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bmc_course.app.hub.learner_folder import (
    LearnerFolderError,
    closed_to_others,
    learner_account,
    make_learner_folder,
)

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534  # Debian's "nobody" and "nogroup"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_the_folder_is_made_for_the_learner_alone(tmp_path: Path) -> None:
    folder = make_learner_folder(tmp_path / "users", "alice", owner=None)
    assert folder == tmp_path / "users" / "alice"
    assert mode(folder) == 0o700
    assert mode(tmp_path / "users") == 0o711


def test_an_existing_folder_is_kept_with_its_files_and_closed_to_others(tmp_path: Path) -> None:
    folder = tmp_path / "users" / "alice"
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    (folder / "bmc-course-progress.json").write_text("{}", encoding="utf-8")
    make_learner_folder(tmp_path / "users", "alice", owner=None)
    assert (folder / "bmc-course-progress.json").read_text(encoding="utf-8") == "{}"
    assert mode(folder) == 0o700


def test_a_link_in_place_of_the_folder_is_refused_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o755)
    (tmp_path / "users").mkdir(mode=0o711)
    (tmp_path / "users" / "alice").symlink_to(target)
    with pytest.raises(LearnerFolderError, match="not a plain folder"):
        make_learner_folder(tmp_path / "users", "alice", owner=None)
    assert mode(target) == 0o755


def test_a_name_that_is_no_plain_folder_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LearnerFolderError, match="cannot be a workspace folder"):
        make_learner_folder(tmp_path, "..", owner=None)


@pytest.mark.skipif(not AS_ROOT, reason="handing a folder to another account needs root")
def test_as_root_the_folder_is_handed_to_the_learner(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    folder = make_learner_folder(tmp_path / "users", "nobody", owner=(NOBODY, NOBODY))
    info = folder.lstat()
    assert (info.st_uid, info.st_gid) == (NOBODY, NOBODY)
    assert mode(folder) == 0o700


@pytest.mark.skipif(not AS_ROOT, reason="ownership checks need root")
def test_as_root_a_users_root_others_may_write_is_refused(tmp_path: Path) -> None:
    users = tmp_path / "users"
    users.mkdir()
    users.chmod(0o777)
    with pytest.raises(LearnerFolderError, match="writable by root only"):
        make_learner_folder(users, "nobody", owner=(NOBODY, NOBODY))


def test_root_is_never_a_learner() -> None:
    with pytest.raises(LearnerFolderError, match="never run as root"):
        learner_account("root")


def test_a_name_without_an_account_says_so() -> None:
    with pytest.raises(LearnerFolderError, match="has no account on this machine"):
        learner_account("no-such-learner-x7")


@pytest.fixture
def open_base() -> Iterator[Path]:
    # in the system's temporary folder: pytest's own is closed to others (mode 700)
    base = Path(tempfile.mkdtemp(prefix="bmc-open-"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base)


def test_programs_open_to_all_pass() -> None:
    assert closed_to_others(Path("/usr/bin/env")) is None
    assert closed_to_others(Path("/usr/lib")) is None


def test_a_closed_folder_on_the_way_is_named(open_base: Path) -> None:
    home = open_base / "home"
    (home / "bin").mkdir(parents=True)
    python = home / "bin" / "python3"
    python.write_text("", encoding="utf-8")
    python.chmod(0o755)
    home.chmod(0o700)  # as /root is
    assert closed_to_others(python) == home
    home.chmod(0o711)
    assert closed_to_others(python) is None


def test_a_program_others_may_not_run_or_a_package_they_may_not_read_is_named(
    open_base: Path,
) -> None:
    python = open_base / "python3"
    python.write_text("", encoding="utf-8")
    python.chmod(0o750)
    assert closed_to_others(python) == python
    package = open_base / "bmc_course"
    package.mkdir()
    package.chmod(0o711)  # others may pass but not read it
    assert closed_to_others(package) == package
