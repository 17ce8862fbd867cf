"""A command writes only a plain file that is not its input: each refusal in one line."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from bmc_course.app.cli_errors import CommandFailed
from bmc_course.app.output_paths import check_output_path
from tests.support.cli_runner import run_cli


def test_a_new_file_and_an_existing_plain_file_are_fine(tmp_path: Path) -> None:
    check_output_path(tmp_path / "new.md")
    existing = tmp_path / "old.md"
    existing.write_text("old", encoding="utf-8")
    check_output_path(existing, inputs=[tmp_path / "other.json"])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "is a folder; expected the name of a file to write"),
        (lambda p: p.symlink_to(p.parent / "elsewhere"), "is a symbolic link"),
        (os.mkfifo, "is not a regular file"),
    ],
)
def test_folders_links_and_pipes_are_refused(
    tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    target = tmp_path / "out"
    make(target)
    with pytest.raises(CommandFailed, match=message):
        check_output_path(target)


def test_a_device_is_never_replaced() -> None:
    _, err = run_cli(
        ["export", "--case", "cleat-maker", "--format", "md", "-o", "/dev/null"], retcode=1
    )
    assert err == (
        "bmc-course: error: /dev/null: is not a regular file (a device, pipe or socket); "
        "expected a file to write\n"
    )
    assert Path("/dev/null").is_char_device()


def test_the_input_is_never_overwritten_by_its_own_export(tmp_path: Path) -> None:
    source = tmp_path / "sub.json"
    run_cli(["export", "--case", "cleat-maker", "--format", "json", "-o", str(source)])
    before = source.read_bytes()
    _, err = run_cli(["export", str(source), "--format", "md", "-o", str(source)], retcode=1)
    assert (
        err
        == f"bmc-course: error: {source}: is the file being read; write the output to another file\n"
    )
    assert source.read_bytes() == before
