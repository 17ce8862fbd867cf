"""The teacher's class-summary view: reads a folder, shows the class, saves the report."""

from __future__ import annotations

import shutil
from pathlib import Path

from bmc_course.formats.submission import submission_from_case
from bmc_course.model.catalog import Catalog
from bmc_course.widgets.class_summary_view import ClassSummaryView
from tests.support.classroom_corpus import write_class


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


def test_the_progress_bar_moves_in_steps_and_duplicates_are_listed(
    tmp_path: Path, catalog: Catalog
) -> None:
    from bmc_course.widgets import class_summary_view

    folder = tmp_path / "submissions"
    write_class(folder, catalog, valid=320, with_broken=False)
    older = folder / "group-0" / "learner-00000.json"
    (folder / "old-copy.json").write_text(
        older.read_text(encoding="utf-8").replace('"saved_at": "', '"saved_at": "1', 1),
        encoding="utf-8",
    )
    view = ClassSummaryView(catalog, tmp_path / "elsewhere")
    view.folder.value = str(folder)
    updates: list[int] = []
    view.progress.observe(lambda change: updates.append(change["new"]), names="value")
    view.run()
    # one message per step, not one per file
    assert len(updates) <= class_summary_view.PROGRESS_STEPS + 2
    assert updates[-1] == view.progress.max == 321
    assert "old-copy.json" in view.body.value and "an older submission of" in view.body.value
    assert f"The first {class_summary_view.ROWS_SHOWN} of 320" in view.body.value


def test_findings_and_lessons_are_named_in_plain_words(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "submissions"
    folder.mkdir()
    retailer = submission_from_case(catalog.cases["online-retailer"])
    (folder / "retailer.json").write_text(retailer.model_dump_json(), encoding="utf-8")
    learner = Path(__file__).parents[1] / "formats" / "v2_files" / "progress-before-reasons.json"
    shutil.copy(learner, folder / "ana.json")
    view = ClassSummaryView(catalog, folder)
    assert view.summary is not None and len(view.summary.learners) == 2
    assert "Cost vs gross profit" in view.body.value and "Over-serving" in view.body.value
    assert "revenue_cost_imbalance" not in view.body.value
    assert "over_serving" not in view.body.value
    assert "<td>Welcome and resume</td>" in view.body.value  # the lesson, not its id
