"""The teacher's class-summary view: reads a folder, shows the class, saves the report."""

from __future__ import annotations

from pathlib import Path

from bmc_course.catalog import Catalog
from bmc_course.widgets.class_summary_view import ClassSummaryView
from tests.classroom_corpus import write_class


def test_view_summarises_a_folder_on_open_and_saves_the_report(
    tmp_path: Path, catalog: Catalog
) -> None:
    folder = tmp_path / "submissions"
    expected = write_class(folder, catalog, valid=8)
    before = sorted(p.name for p in folder.rglob("*"))
    view = ClassSummaryView(catalog, folder)
    view.include.value = "*"
    view.run()
    assert view.summary is not None and len(view.summary.learners) == 8
    assert view.progress.value == view.progress.max
    assert f"{len(expected)} files rejected" in view.status.value
    assert len(view.chart.outputs) == 1
    assert "Learner 00007" in view.body.value
    report = view.save_report()
    assert report == tmp_path / "class-report.html" and report.is_file()
    assert sorted(p.name for p in folder.rglob("*")) == before


def test_a_missing_folder_is_one_message(tmp_path: Path, catalog: Catalog) -> None:
    view = ClassSummaryView(catalog, tmp_path / "nope")
    assert view.summary is None
    view.run()
    assert "is not a folder" in view.status.value and view.save_button.disabled
