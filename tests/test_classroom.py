"""Class summary: intake that survives whatever students hand in, the summary, and its reports."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from bmc_course.catalog import Catalog
from bmc_course.classroom import intake as intake_module
from bmc_course.classroom.intake import read_folder
from bmc_course.classroom.report_csv import learners_csv, neutralise
from bmc_course.classroom.report_html import render_class_report
from bmc_course.classroom.report_json import summary_json
from bmc_course.classroom.summary import summarise
from tests.classroom_corpus import add_symlink_out, make_submission, write_class
from tests.test_cli import run_cli
from tests.test_export import TagCollector

HOSTILE = '<img src=x onerror=alert(1)> <script>alert("x")</script>'


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (
            p.read_bytes() if not p.is_symlink() else b"link",
            p.lstat().st_mtime_ns,
        )
        for p in folder.rglob("*")
        if p.is_file() or p.is_symlink()
    }


@pytest.fixture
def class_folder(tmp_path: Path, catalog: Catalog) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "class"
    expected = write_class(folder, catalog, valid=20)
    (folder / "handed-in-wrong" / "huge.json").write_bytes(b"{" + b" " * 1_100_000 + b"}")
    expected["handed-in-wrong/huge.json"] = "too large"
    outside = tmp_path / "secret.json"
    outside.write_text("{}", encoding="utf-8")
    link = add_symlink_out(folder, outside)
    if link:
        expected[link] = "symbolic link"
    return folder, expected


def test_every_broken_file_is_rejected_with_its_reason(
    class_folder: tuple[Path, dict[str, str]], catalog: Catalog
) -> None:
    folder, expected = class_folder
    before = snapshot(folder)
    intake = read_folder(folder, catalog)
    assert len(intake.accepted) == 20
    reasons = {r.file: r.reason for r in intake.rejected}
    assert set(reasons) == set(expected)
    for name, piece in expected.items():
        assert piece in reasons[name], (name, reasons[name])
    assert snapshot(folder) == before  # the teacher's folder is never modified


def test_the_newest_submission_of_a_learner_is_kept(tmp_path: Path, catalog: Catalog) -> None:
    import random

    rng = random.Random(1)
    folder = tmp_path / "class"
    folder.mkdir()
    old = make_submission(catalog, rng, "Ana").to_json_dict() | {
        "saved_at": "2026-01-01T10:00:00+00:00"
    }
    new = make_submission(catalog, rng, " ana ").to_json_dict() | {
        "saved_at": "2026-02-01T10:00:00+00:00"
    }
    (folder / "a-v1.json").write_text(json.dumps(old), encoding="utf-8")
    (folder / "a-v2.json").write_text(json.dumps(new), encoding="utf-8")
    intake = read_folder(folder, catalog)
    assert [a.file for a in intake.accepted] == ["a-v2.json"]
    assert [(d.file, d.kept) for d in intake.duplicates] == [("a-v1.json", "a-v2.json")]


def test_a_file_that_vanishes_during_the_scan_is_reported(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=2, with_broken=False)
    real = intake_module.list_entries
    monkeypatch.setattr(
        intake_module, "list_entries", lambda f, include: [*real(f, include), f / "gone.json"]
    )
    intake = read_folder(folder, catalog)
    assert [(r.file, "vanished" in r.reason) for r in intake.rejected] == [("gone.json", True)]
    assert len(intake.accepted) == 2


def test_the_size_limit_is_configurable(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=3, with_broken=False)
    intake = read_folder(folder, catalog, max_bytes=100)
    assert not intake.accepted and all("too large" in r.reason for r in intake.rejected)


def test_summary_counts_choices_findings_and_quiz(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=30, with_broken=False)
    summary = summarise(read_folder(folder, catalog), catalog)
    submissions = [a.submission for a in read_folder(folder, catalog).accepted]
    assert summary.segments == sum(len(s.segments) for s in submissions)
    chosen = sum(len(set(seg.relationships)) for s in submissions for seg in s.segments)
    assert sum(sum(c.values()) for c in summary.by_archetype.values()) == chosen
    assert summary.findings == sorted(
        summary.findings, key=lambda f: (-f.learners, -f.occurrences, f.code)
    )
    answered = sum(len(s.quiz) for s in submissions)
    assert sum(q.answered for q in summary.quiz) == answered
    assert all(0 <= q.correct <= q.answered for q in summary.quiz)


def test_json_report_has_the_documented_keys(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=5)
    data = summary_json(summarise(read_folder(folder, catalog), catalog))
    assert {
        "format",
        "folder",
        "accepted",
        "rejected",
        "duplicates",
        "learners",
        "segments",
        "by_archetype",
        "findings",
        "quiz",
        "learner_rows",
    } <= set(data)
    assert data["accepted"] == 5 and all(set(r) == {"file", "reason"} for r in data["rejected"])
    json.dumps(data)  # serialisable as is


def test_html_report_escapes_learner_text_and_is_self_contained(
    tmp_path: Path, catalog: Catalog
) -> None:
    import random

    folder = tmp_path / "class"
    folder.mkdir()
    hostile = make_submission(catalog, random.Random(3), HOSTILE).to_json_dict()
    (folder / f"{'<b>'}odd name.json").write_text(json.dumps(hostile), encoding="utf-8")
    page = render_class_report(summarise(read_folder(folder, catalog), catalog), catalog)
    parser = TagCollector()
    parser.feed(page)
    assert not [a for t, a in parser.tags if t == "img" and a.get("src") == "x"]
    assert [t for t, _ in parser.tags].count("script") == 1  # only the table-sorting script
    assert HOSTILE in "".join(parser.text)
    assert not [
        a
        for t, a in parser.tags
        if t in ("link", "img") and not str(a.get("src", "data:")).startswith("data:")
    ]
    assert "http://" not in page and "https://" not in page


def test_csv_cells_never_start_a_formula(catalog: Catalog, tmp_path: Path) -> None:
    import random

    assert neutralise("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert neutralise("Ana") == "Ana"
    folder = tmp_path / "class"
    folder.mkdir()
    for index, name in enumerate(["=1+1", "+cmd", "-2", "@SUM(A1)", "Plain"]):
        data = make_submission(catalog, random.Random(index), name).to_json_dict()
        (folder / f"{index}.json").write_text(json.dumps(data), encoding="utf-8")
    rows = list(
        csv.reader(io.StringIO(learners_csv(summarise(read_folder(folder, catalog), catalog))))
    )
    learners = [row[0] for row in rows[1:]]
    assert sorted(learners) == sorted(["'=1+1", "'+cmd", "'-2", "'@SUM(A1)", "Plain"])


def test_cli_summarises_200_valid_and_50_broken_files(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    expected = write_class(folder, catalog, valid=200)
    extra = folder / "more-broken"
    extra.mkdir()
    for index in range(50 - len(expected)):
        (extra / f"scan-{index:02d}.pdf").write_bytes(b"%PDF-1.7 \xff\xfe")
    before = snapshot(folder)
    report, table = tmp_path / "report.html", tmp_path / "learners.csv"
    out, err = run_cli(
        ["class-summary", str(folder), "-o", str(report), "--csv", str(table)], retcode=0
    )
    assert "learners: 200" in out and "rejected: 50" in out
    assert out.count("more-broken/scan-") == 50 - len(expected)
    for name in expected:
        assert name in out
    assert report.is_file() and table.is_file() and "Traceback" not in err
    assert snapshot(folder) == before
    data = json.loads(run_cli(["class-summary", str(folder), "--json"], retcode=0)[0])
    assert data["accepted"] == 200 and len(data["rejected"]) == 50


def test_cli_bad_folder_and_bad_limit_are_one_line_errors(tmp_path: Path) -> None:
    _, err = run_cli(["class-summary", str(tmp_path / "missing")], retcode=1)
    assert err.count("\n") == 1 and "missing" in err
    _, err = run_cli(["class-summary", str(tmp_path), "--max-bytes", "0"], retcode=2)
    assert "at least 1" in err


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_unreadable_file_is_rejected_not_fatal(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=1, with_broken=False)
    locked = folder / "locked.json"
    locked.write_text("{}", encoding="utf-8")
    locked.chmod(0)
    try:
        intake = read_folder(folder, catalog)
    finally:
        locked.chmod(0o600)
    if os.geteuid() == 0:  # root reads anything: then it is simply not a valid submission
        assert any(r.file == "locked.json" for r in intake.rejected)
    else:
        assert next(r.reason for r in intake.rejected if r.file == "locked.json").startswith(
            "cannot be read"
        )


def test_include_glob_and_hidden_folders(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=3, with_broken=False)
    (folder / "00_welcome.ipynb").write_text("{}", encoding="utf-8")
    hidden = folder / ".ipynb_checkpoints"
    hidden.mkdir()
    (hidden / "learner-checkpoint.json").write_text("{}", encoding="utf-8")
    everything = read_folder(folder, catalog)
    assert [r.file for r in everything.rejected] == ["00_welcome.ipynb"]
    only_json = read_folder(folder, catalog, include="*.json")
    assert len(only_json.accepted) == 3 and not only_json.rejected
