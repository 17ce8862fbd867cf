"""Cost-to-serve vs personalisation map: every type placed, each segment's picks ringed, a table twin."""

from __future__ import annotations

from bmc_course import charts
from bmc_course.model.catalog import Catalog
from tests.conftest import SegmentFactory
from tests.support.figure_text import gids


def test_map_places_all_types_and_rings_each_segments_picks(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segments = [
        make_segment(id="a", name="Athletes", relationships=["self_service"]),
        make_segment(id="b", name="Teams", relationships=["personal_assistance", "self_service"]),
    ]
    fig = charts.plot_cost_personalisation_map(catalog, segments)
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Cost to serve vs personalisation"
    assert "teaching assumption" in ax.get_xlabel()
    assert {f"type:{t}" for t in catalog.types} | {"segment:a", "segment:b"} <= gids(fig)
    rings = {c.get_gid(): len(c.get_offsets()) for c in ax.collections if c.get_gid()}
    assert rings["segment:a"] == 1 and rings["segment:b"] == 2
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Athletes", "Teams"]
    table = charts.table_cost_personalisation_map(catalog, segments)
    assert len(table) == 6
    row = table.set_index("relationship type").loc["Self-service"]
    assert row["chosen for"] == "Athletes, Teams"


def test_map_without_picks_has_no_rings_or_legend(catalog: Catalog) -> None:
    fig = charts.plot_cost_personalisation_map(catalog, [])
    assert fig.axes[0].get_legend() is None
    assert not any(g.startswith("segment:") for g in gids(fig))
