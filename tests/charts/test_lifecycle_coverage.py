"""Lifecycle coverage: a cell per segment and motivation, each saying its state in words."""

from __future__ import annotations

from bmc_course import charts
from bmc_course.formats.submission import submission_from_case
from bmc_course.model.catalog import Catalog
from tests.support.figure_text import texts


def test_lifecycle_coverage_writes_state_in_every_cell(catalog: Catalog) -> None:
    case = submission_from_case(catalog.cases["mobile-operator"])
    fig = charts.plot_lifecycle_coverage(catalog, case.segments)
    cell_texts = [t.get_text() for t in fig.axes[0].texts]
    assert len(cell_texts) == 3 * len(case.segments)
    assert "goal ✗ gap" in cell_texts
    table = charts.table_lifecycle_coverage(catalog, case.segments).set_index("segment")
    assert table.loc["Prepaid subscribers", "Boosting sales (upselling)"] == "goal ✗ gap"
    assert table.loc["Prepaid subscribers", "Customer acquisition"] == "covered"
    assert "Add a segment" in texts(charts.plot_lifecycle_coverage(catalog, []))
