"""Cost to serve vs contact with people: every type placed, twins side by side, picks ringed, a table twin.

Scores from relationship_types.toml (cost to serve, human contact):
personal assistance (4, 4), dedicated (5, 5), self-service (1, 1), automated
services (1, 1), communities (2, 2), co-creation (2, 2).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from matplotlib.figure import Figure

from bmc_course import charts
from bmc_course.model.catalog import Catalog
from tests.conftest import SegmentFactory
from tests.support.figure_text import gids


def points(fig: Figure) -> dict[str, tuple[float, float]]:
    ax = fig.axes[0]
    return {
        str(c.get_gid()).removeprefix("type:"): tuple(np.asarray(c.get_offsets())[0])
        for c in ax.collections
        if str(c.get_gid()).startswith("type:")
    }


def test_map_places_all_types_and_rings_each_segments_picks(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segments = [
        make_segment(
            id="a", name="Athletes", relationships=[{"type": "self_service", "share": 1.0}]
        ),
        make_segment(
            id="b",
            name="Teams",
            relationships=[
                {"type": "personal_assistance", "share": 1.0},
                {"type": "self_service", "share": 0.5},
                {"type": "Website", "share": 1.0},  # a channel word: not on the map
            ],
        ),
    ]
    fig = charts.plot_cost_personalisation_map(catalog, segments)
    ax = fig.axes[0]
    # the y axis is personalisation: the trade-off (automation personalises cheaply)
    assert ax.get_title(loc="left") == "Cost to serve vs personalisation"
    assert ax.get_ylabel().startswith("Personalisation")
    assert "teaching assumption" in ax.get_xlabel()
    assert {f"type:{t}" for t in catalog.types} | {"segment:a", "segment:b"} <= gids(fig)
    placed = points(fig)
    assert placed["personal_assistance"] == (4, 4)
    assert placed["dedicated_personal_assistance"] == (5, 5)
    # (cost to serve, personalisation) from relationship_types.toml: no two types share a place
    assert placed["self_service"] == (1, 1)
    assert placed["automated_services"] == (1, 3)
    assert placed["communities"] == (2, 2)
    assert placed["co_creation"] == (2, 3)
    rings = {c.get_gid(): len(np.asarray(c.get_offsets())) for c in ax.collections if c.get_gid()}
    assert rings["segment:a"] == 1 and rings["segment:b"] == 2
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == ["Athletes", "Teams"]
    table = charts.table_cost_personalisation_map(catalog, segments).set_index("relationship type")
    assert len(table) == 6
    assert table.loc["Self-service", "chosen for"] == "Athletes (all), Teams (50%)"
    assert table.loc["Personal assistance", "personalisation (1-5)"] == 4
    assert table.loc["Communities", "chosen for"] == "—"


def test_types_at_the_same_place_sit_side_by_side(catalog: Catalog) -> None:
    automated = catalog.types["automated_services"]
    changed = dataclasses.replace(
        catalog,
        types={
            **catalog.types,
            "automated_services": automated.model_copy(
                update={
                    "attributes": automated.attributes.model_copy(update={"personalisation": 1})
                }
            ),
        },
    )
    # self-service and automated services both at (1, 1): drawn 0.32 apart
    placed = points(charts.plot_cost_personalisation_map(changed, []))
    assert placed["self_service"] == pytest.approx((1 - 0.16, 1))
    assert placed["automated_services"] == pytest.approx((1 + 0.16, 1))


def test_map_without_picks_has_no_rings_or_legend(catalog: Catalog) -> None:
    fig = charts.plot_cost_personalisation_map(catalog, [])
    assert fig.axes[0].get_legend() is None
    assert not any(g.startswith("segment:") for g in gids(fig))
