"""``bmc-course export``: a case or a file in each format; bad usage and bad targets are one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli_runner import run_cli


@pytest.mark.parametrize("fmt", ["md", "html", "png", "json"])
def test_export_a_case_in_each_format(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"block.{fmt}"
    out, _ = run_cli(["export", "--case", "cleat-maker", "--format", fmt, "-o", str(target)])
    assert str(target) in out
    data = target.read_bytes()
    assert data
    if fmt == "json":
        assert json.loads(data)["segments"][0]["id"] == "athletes"
    if fmt == "png":
        assert data.startswith(b"\x89PNG")
    if fmt in ("md", "html"):
        assert "Individual athletes" in data.decode("utf-8")


def test_export_a_file_round_trips(tmp_path: Path) -> None:
    first = tmp_path / "a.json"
    run_cli(["export", "--case", "car-wash", "--format", "json", "-o", str(first)])
    second = tmp_path / "b.json"
    run_cli(["export", str(first), "--format", "json", "-o", str(second)])
    assert json.loads(first.read_text(encoding="utf-8")) == json.loads(
        second.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["export", "--case", "cleat-maker", "-o", "x.md"], 2),  # no --format
        (["export", "--case", "cleat-maker", "--format", "docx", "-o", "x.docx"], 2),
        (["export", "--case", "nope", "--format", "md", "-o", "x.md"], 2),
    ],
)
def test_export_bad_usage(args: list[str], code: int) -> None:
    _, err = run_cli(args, retcode=code)
    assert err.count("\n") == 1 and err.startswith("bmc-course: error:")


def test_export_into_a_folder_or_from_a_broken_file(tmp_path: Path) -> None:
    _, err = run_cli(
        ["export", "--case", "cleat-maker", "--format", "md", "-o", str(tmp_path)], retcode=1
    )
    assert "is a folder" in err and err.count("\n") == 1
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    _, err = run_cli(
        ["export", str(broken), "--format", "md", "-o", str(tmp_path / "x.md")], retcode=1
    )
    assert "broken.json" in err and err.count("\n") == 1
    assert not (tmp_path / "x.md").exists()
