"""``bmc-course class-summary``: run in-process, as a teacher would run it on a class folder."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from bmc_course.app.cli import main
from bmc_course.model.catalog import Catalog
from tests.support.classroom_corpus import write_class
from tests.support.cli_runner import run_cli
from tests.support.folder_snapshot import snapshot
from tests.support.html_tags import TagCollector


@pytest.fixture
def class_of_250(tmp_path: Path, catalog: Catalog) -> tuple[Path, dict[str, str]]:
    """200 valid submissions and 50 broken files: every broken kind, then scanned PDFs."""
    folder = tmp_path / "class"
    expected = write_class(folder, catalog, valid=200)
    extra = folder / "more-broken"
    extra.mkdir()
    for index in range(50 - len(expected)):
        (extra / f"scan-{index:02d}.pdf").write_bytes(b"%PDF-1.7 \xff\xfe")
        expected[f"more-broken/scan-{index:02d}.pdf"] = "not UTF-8"
    return folder, expected


def test_200_valid_and_50_broken_files(
    class_of_250: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, expected = class_of_250
    before = snapshot(folder)
    report, table = tmp_path / "out" / "report.html", tmp_path / "out" / "learners.csv"
    report.parent.mkdir()
    out, err = run_cli(
        ["class-summary", str(folder), "-o", str(report), "--csv", str(table)], retcode=0
    )
    assert "learners: 200" in out and "rejected: 50" in out and "files summarised: 200" in out
    rejections = [line for line in out.splitlines() if line.startswith("  ") and ": " in line]
    for name, piece in expected.items():
        [line] = [r for r in rejections if r.startswith(f"  {name}: ")]
        assert piece in line, line
    assert f"Wrote the HTML report to {report}" in out
    assert err == ""  # stderr is not a terminal here: no progress bar
    parser = TagCollector()
    parser.feed(report.read_text(encoding="utf-8"))
    assert "Learner 00199" in parser.text
    assert table.read_text(encoding="utf-8").count("\n") == 201
    assert snapshot(folder) == before  # the teacher's folder is never modified


def test_json_output(class_of_250: tuple[Path, dict[str, str]]) -> None:
    folder, expected = class_of_250
    out, _ = run_cli(["class-summary", str(folder), "--json"], retcode=0)
    data = json.loads(out)
    assert data["accepted"] == 200 and data["learners"] == 200
    assert isinstance(data["accepted"], int)
    assert sorted(r["file"] for r in data["rejected"]) == sorted(expected)
    assert all(set(r) == {"file", "reason"} and r["reason"] for r in data["rejected"])
    for key in ("duplicates", "by_archetype", "findings", "quiz", "learner_rows"):
        assert key in data


def test_max_bytes_rejects_larger_files_and_still_exits_0(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=3, with_broken=False)
    out, _ = run_cli(["class-summary", str(folder), "--max-bytes", "50", "--json"], retcode=0)
    data = json.loads(out)
    assert data["accepted"] == 0
    assert all(r["reason"].startswith("too large") for r in data["rejected"])
    assert len(data["rejected"]) == 3


def test_include_only_reads_matching_names(
    class_of_250: tuple[Path, dict[str, str]],
) -> None:
    folder, _ = class_of_250
    data = json.loads(
        run_cli(["class-summary", str(folder), "--include", "*.json", "--json"], retcode=0)[0]
    )
    assert data["accepted"] == 200
    assert not [r for r in data["rejected"] if r["file"].endswith(".pdf")]


@pytest.mark.parametrize(
    ("args", "retcode", "piece"),
    [
        (["{missing}"], 1, "not a folder"),
        (["{file}"], 1, "not a folder"),
        (["{folder}", "--max-bytes", "0"], 2, "at least 1"),
        (["{folder}", "--max-bytes", "lots"], 2, "whole number"),
        (["{folder}", "-o", "{folder}"], 1, "is a folder"),
        (["{folder}", "--csv", "{folder}"], 1, "is a folder"),
        ([], 2, "DIR"),
    ],
)
def test_bad_arguments_are_one_line_errors(
    tmp_path: Path, args: list[str], retcode: int, piece: str
) -> None:
    (tmp_path / "a-file.json").write_text("{}", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    names = {
        "missing": str(tmp_path / "missing"),
        "file": str(tmp_path / "a-file.json"),
        "folder": str(tmp_path / "folder"),
    }
    _, err = run_cli(["class-summary", *(a.format(**names) for a in args)], retcode=retcode)
    assert err.count("\n") == 1 and err.startswith("bmc-course: error: ")
    assert piece in err


def test_help_names_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["class-summary", "--help"]) == 0
    text = capsys.readouterr().out
    for option in ("DIR", "-o", "--json", "--csv", "--include", "--max-bytes", "rejected"):
        assert option in text
    assert main(["--help"]) == 0
    assert "class-summary" in capsys.readouterr().out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=12, with_broken=False)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    run_cli(["class-summary", str(folder)], retcode=0)
    drawn = terminal.getvalue()
    assert drawn.startswith("\r[") and drawn.endswith("12/12 reading submissions\n")
    assert f"[{'#' * 30}] 12/12" in drawn


def test_file_names_that_are_not_utf8_do_not_break_any_report(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    # a zip unpacked with Latin-1 names: "café.json" as the bytes caf\xe9.json
    (folder / os.fsdecode(b"caf\xe9.json")).write_bytes(b"not json")
    report, table = tmp_path / "r.html", tmp_path / "r.csv"
    out, err = run_cli(["class-summary", str(folder), "-o", str(report), "--csv", str(table)])
    assert "caf\ufffd.json: not JSON" in out
    assert "caf\ufffd.json" in report.read_text(encoding="utf-8")
    assert err == ""
    out, _ = run_cli(["class-summary", str(folder), "--json"])
    assert json.loads(out)["rejected"][0]["file"] == "caf\ufffd.json"
