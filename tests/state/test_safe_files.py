"""Files never half-written and never deleted: atomic writes, unreadable files moved aside."""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bmc_course.state.progress_store import PROGRESS_FILE_NAME
from bmc_course.state.safe_files import (
    atomic_write_bytes,
    atomic_write_text,
    move_aside,
    remove_leftover_temp_files,
)


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


KILL_SCRIPT = """
import sys
from pathlib import Path
from bmc_course.state.safe_files import atomic_write_text
path = Path(sys.argv[1])
big = "x" * 2_000_000
print("ready", flush=True)
i = 0
while True:
    i += 1
    atomic_write_text(path, '{"n": %d, "pad": "%s"}' % (i, big))
"""


def test_killed_mid_save_leaves_old_or_new_file(tmp_path: Path) -> None:
    target = tmp_path / PROGRESS_FILE_NAME
    atomic_write_text(target, '{"n": 0, "pad": ""}')
    for attempt in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", KILL_SCRIPT, str(target)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.05 + 0.03 * attempt)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        data = json.loads(target.read_text(encoding="utf-8"))  # complete JSON, old or new
        assert isinstance(data["n"], int)


def test_atomic_write_creates_missing_folders_and_writes_utf8(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "notes.md"
    atomic_write_text(target, "Café ✓\n")
    assert target.read_bytes() == b"Caf\xc3\xa9 \xe2\x9c\x93\n"
    atomic_write_bytes(target, b"\x89PNG")
    assert target.read_bytes() == b"\x89PNG"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_atomic_write_gives_the_permissions_a_normal_write_would(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write_text(tmp_path / "f.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "f.json").stat().st_mode) == 0o640  # not mkstemp's 0o600


def test_a_failed_write_keeps_the_old_target_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "export"
    target.mkdir()  # a folder where the file should go: os.replace refuses
    (target / "kept.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert (target / "kept.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export"]


def test_move_aside_keeps_the_file_under_a_timestamped_name(tmp_path: Path) -> None:
    original = tmp_path / "bmc-course-progress.json"
    original.write_text("{not json", encoding="utf-8")
    moved = move_aside(original, "unreadable")
    assert not original.exists()
    assert moved.parent == tmp_path
    assert re.fullmatch(r"bmc-course-progress\.unreadable-\d{8}T\d{12}Z\.json", moved.name)
    assert moved.read_text(encoding="utf-8") == "{not json"
    again = tmp_path / "bmc-course-progress.json"
    again.write_text("{also broken", encoding="utf-8")
    second = move_aside(again, "newer")
    assert second.name.startswith("bmc-course-progress.newer-")
    assert moved.read_text(encoding="utf-8") == "{not json"  # the first one is still there


def test_the_temp_files_of_a_crashed_write_are_removed_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "bmc-course-progress.json"
    target.write_text("{}", encoding="utf-8")
    crashed = tmp_path / ".bmc-course-progress.json.k2x9.tmp"
    crashed.write_text('{"half": ', encoding="utf-8")
    other = tmp_path / ".other.json.abc.tmp"
    other.write_text("not ours", encoding="utf-8")
    assert remove_leftover_temp_files(target) == [crashed]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".other.json.abc.tmp",
        "bmc-course-progress.json",
    ]
