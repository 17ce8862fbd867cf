"""Lifecycle coverage: a cell per segment and motivation, each saying its state in words.

Motivations from relationship_types.toml: self-service serves acquisition;
communities serve acquisition and retention; personal assistance all three.
"""

from __future__ import annotations

from bmc_course import charts
from bmc_course.formats.submission import submission_from_case
from bmc_course.model.catalog import Catalog
from tests.conftest import SegmentFactory
from tests.support.figure_text import texts


def test_lifecycle_coverage_writes_state_in_every_cell(catalog: Catalog) -> None:
    case = submission_from_case(catalog.cases["mobile-operator"])
    fig = charts.plot_lifecycle_coverage(catalog, case.segments)
    cell_texts = [t.get_text() for t in fig.axes[0].texts]
    assert len(cell_texts) == 3 * len(case.segments)
    assert "goal ✗ gap" in cell_texts
    table = charts.table_lifecycle_coverage(catalog, case.segments).set_index("segment")
    # prepaid: self-service only (acquisition); goals retention and boosting sales
    assert table.loc["Prepaid subscribers", "Customer acquisition"] == "covered"
    assert table.loc["Prepaid subscribers", "Customer retention"] == "goal ✗ gap"
    assert table.loc["Prepaid subscribers", "Boosting sales (upselling)"] == "goal ✗ gap"
    # business accounts: personal assistance covers all three
    assert table.loc["Business accounts", "Boosting sales (upselling)"] == "goal ✓ covered"
    assert "Add a segment" in texts(charts.plot_lifecycle_coverage(catalog, []))


def test_any_share_of_the_mix_covers_and_channel_words_cover_nothing(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segment = make_segment(
        name="Readers",
        relationships=[
            {"type": "self_service", "share": 1.0},
            {"type": "communities", "share": 0.05},  # acquisition and retention
            {"type": "Instagram", "share": 1.0},  # a channel: serves no motivation
        ],
        motivations=["retention", "boosting_sales"],
    )
    row = charts.table_lifecycle_coverage(catalog, [segment]).iloc[0]
    assert list(row) == ["Readers", "covered", "goal ✓ covered", "goal ✗ gap"]
