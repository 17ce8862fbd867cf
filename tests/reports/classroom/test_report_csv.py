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
from tests.support.small_class import save


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
