"""The learners CSV: one row per learner, no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.csv_safe import neutralise
from bmc_course.reports.classroom.intake import read_folder
from bmc_course.reports.classroom.report_csv import learners_csv
from bmc_course.reports.classroom.summary import summarise
from tests.support.classroom_corpus import make_submission
from tests.support.reasons_submission import (
    ANSWER,
    FORMULA,
    SELF_SERVICE_WHY,
    VALUE_PROPOSITION,
    reasons_submission,
)
from tests.support.small_class import learner, save


def test_csv_cells_never_start_a_formula(catalog: Catalog, tmp_path: Path) -> None:
    assert neutralise("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert neutralise("Ana") == "Ana"
    folder = tmp_path / "class"
    for index, name in enumerate(["=1+1", "+cmd", "-2", "@SUM(A1)", "\tTab", "Plain"]):
        save(folder, f"{index}.json", make_submission(catalog, random.Random(index), name))
    rows = list(
        csv.reader(io.StringIO(learners_csv(summarise(read_folder(folder, catalog), catalog))))
    )
    assert sorted(row[0] for row in rows[1:]) == sorted(
        ["'=1+1", "'+cmd", "'-2", "'@SUM(A1)", "'\tTab", "Plain"]
    )


def test_the_reasons_column_holds_what_each_learner_wrote_and_runs_nothing(
    catalog: Catalog, tmp_path: Path
) -> None:
    folder = tmp_path / "class"
    ada = reasons_submission(catalog)
    save(folder, "ada.json", ada)
    eve = reasons_submission(catalog)
    eve.learner = "Eve"
    eve.segments[0].name = FORMULA  # the reasons cell would start with it
    save(folder, "eve.json", eve)
    save(folder, "ben.json", learner(catalog, "Ben", [("Firms", "business", 50, [])], {}))
    text = learners_csv(summarise(read_folder(folder, catalog), catalog))
    rows = {row[1]: row for row in csv.reader(io.StringIO(text))}
    assert rows["file"][-1] == "reasons"
    assert rows["ben.json"][-1] == ""
    cell = rows["ada.json"][-1]
    assert cell.startswith(f"Individual athletes: value proposition: {VALUE_PROPOSITION}; ")
    assert f"Self-service (all) — why: {SELF_SERVICE_WHY};" in cell  # "=" inside: inert
    assert f"answered Human fallback: {ANSWER};" in cell
    assert " | Teams, schools and stores: value proposition: Team kits in every size; " in cell
    assert rows["eve.json"][-1].startswith(f"'{FORMULA}: value proposition:")  # neutralised
    assert len(text.splitlines()) == 4  # one line per learner: no line breaks inside cells
