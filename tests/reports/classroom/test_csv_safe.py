"""Spreadsheet-safe cells: anything a spreadsheet would run as a formula gets a leading apostrophe."""

from __future__ import annotations

import pytest

from bmc_course.reports.classroom.csv_safe import neutralise


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+cmd", "'+cmd"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\r=1+1", "'\r=1+1"),
    ],
)
def test_formula_starts_become_text(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


@pytest.mark.parametrize(
    "cell",
    ["Ana", "", " =1+1", "1-2", "a@b.org", "'already text", "Self-service, Co-creation"],
)
def test_other_cells_are_left_alone(cell: str) -> None:
    assert neutralise(cell) == cell
