"""One folder-to-files path for the command line and the teacher's view: summarise_folder, write_reports."""

from __future__ import annotations

from pathlib import Path

from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.class_report import summarise_folder, write_reports
from tests.support.classroom_corpus import write_class
from tests.support.folder_snapshot import snapshot


def _class_of_three(folder: Path, catalog: Catalog) -> None:
    """Three valid submissions in group-0, group-1, group-2, and one note that is not JSON."""
    write_class(folder, catalog, valid=3, with_broken=False)
    (folder / "notes.txt").write_text("see the other file", encoding="utf-8")


def test_summarise_folder_reads_every_file_and_reports_progress(
    tmp_path: Path, catalog: Catalog
) -> None:
    folder = tmp_path / "class"
    _class_of_three(folder, catalog)
    before = snapshot(folder)
    calls: list[tuple[int, int]] = []
    summary = summarise_folder(
        folder, catalog, progress=lambda done, total: calls.append((done, total))
    )
    assert summary.folder == str(folder)
    assert summary.accepted == 3
    assert [row.learner for row in summary.learners] == [
        "Learner 00000",
        "Learner 00001",
        "Learner 00002",
    ]
    assert [file for file, _reason in summary.rejected] == ["notes.txt"]
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert snapshot(folder) == before


def test_summarise_folder_passes_include_and_max_bytes_on(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    _class_of_three(folder, catalog)
    only_json = summarise_folder(folder, catalog, include="*.json")
    assert (only_json.accepted, only_json.rejected) == (3, [])
    tiny = summarise_folder(folder, catalog, include="*.json", max_bytes=50)
    assert tiny.accepted == 0
    assert [file for file, _reason in tiny.rejected] == [
        "group-0/learner-00000.json",
        "group-1/learner-00001.json",
        "group-2/learner-00002.json",
    ]
    assert all(reason.startswith("too large") for _file, reason in tiny.rejected)


def test_write_reports_writes_only_the_files_asked_for(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    _class_of_three(folder, catalog)
    summary = summarise_folder(folder, catalog, include="*.json")
    out = tmp_path / "out"
    out.mkdir()
    write_reports(summary, catalog)
    assert sorted(p.name for p in out.iterdir()) == []
    write_reports(summary, catalog, html=out / "report.html")
    assert sorted(p.name for p in out.iterdir()) == ["report.html"]
    write_reports(summary, catalog, csv=out / "learners.csv")
    assert sorted(p.name for p in out.iterdir()) == ["learners.csv", "report.html"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Learner 00002" in html
    lines = (out / "learners.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4  # a header and three learners
    assert lines[1].startswith("Learner 00000,")


def test_write_reports_writes_both_at_once(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    _class_of_three(folder, catalog)
    summary = summarise_folder(folder, catalog, include="*.json")
    write_reports(summary, catalog, html=tmp_path / "r.html", csv=tmp_path / "l.csv")
    assert (tmp_path / "r.html").is_file() and (tmp_path / "l.csv").is_file()
