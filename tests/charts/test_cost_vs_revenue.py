"""Cost vs revenue: both thresholds, one point per segment, a table twin with each segment's status."""

from __future__ import annotations

import pytest

from bmc_course import charts
from bmc_course.model.catalog import Catalog
from tests.conftest import SegmentFactory
from tests.support.figure_text import gids, texts


def test_cost_vs_revenue_draws_both_thresholds_and_each_segment(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segments = [
        make_segment(
            id="cheap",
            name="Shoppers",
            archetype="mass_market",
            revenue_per_customer=40,
            customers=200_000,
            relationships=["personal_assistance"],
        ),
        make_segment(
            id="rich",
            name="Clients",
            revenue_per_customer=150_000,
            customers=40,
            relationships=["dedicated_personal_assistance"],
        ),
    ]
    fig = charts.plot_cost_vs_revenue(catalog, segments)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert {"threshold:warning", "threshold:problem", "segment:cheap", "segment:rich"} <= gids(fig)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["warning: cost = 25% of revenue", "problem: cost = 50% of revenue"]
    warning_line = next(line for line in ax.lines if line.get_gid() == "threshold:warning")
    x, y = warning_line.get_data()
    assert y[10] == pytest.approx(x[10] * 0.25)
    table = charts.table_cost_vs_revenue(catalog, segments).set_index("segment")
    assert table.loc["Shoppers", "status"] == "problem"
    assert table.loc["Clients", "status"] == "fits"
    assert table.loc["Shoppers", "relationship cost per customer"] == pytest.approx(60.08)


def test_cost_vs_revenue_empty_state_and_left_out_segments(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    empty = charts.plot_cost_vs_revenue(catalog, [])
    assert "Add a segment" in texts(empty)
    segments = [make_segment(id="x", name="Undecided", relationships=[]), make_segment()]
    fig = charts.plot_cost_vs_revenue(catalog, segments)
    assert "Not shown (no relationships or no revenue yet): Undecided" in texts(fig)
    assert "segment:x" not in gids(fig)
