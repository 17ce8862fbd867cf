"""Cost vs gross profit: a bar per segment in parts, thresholds as shares of gross profit, a table twin.

Expected figures are worked by hand from the content files:
relationship_types.toml (set-up tiers, setup_years, cost_per_customer),
segment_archetypes.toml (gross margin) and assumptions.toml (30% / 60%).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from matplotlib.patches import Rectangle

from bmc_course import charts
from bmc_course.model.catalog import Catalog
from tests.conftest import SegmentFactory
from tests.support.figure_text import gids, texts


def mix(*pairs: tuple[str, float]) -> list[dict[str, Any]]:
    return [{"type": type_id, "share": share} for type_id, share in pairs]


def bar_parts(fig: Any, segment_id: str) -> dict[str, float]:
    """The width of each part of a segment's bar, by part name."""
    return {
        str(patch.get_gid()).rsplit(":", 1)[1]: patch.get_width()
        for patch in fig.axes[0].patches
        if isinstance(patch, Rectangle) and str(patch.get_gid()).startswith(f"part:{segment_id}:")
    }


def test_bars_are_cost_as_a_share_of_gross_profit_in_parts(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segments = [
        make_segment(
            id="shoppers",
            name="Shoppers",
            archetype="mass_market",
            revenue_per_customer=40,
            customers=20_000,
            relationships=mix(("automated_services", 1.0), ("personal_assistance", 0.5)),
        ),
        make_segment(
            id="clients",
            name="Clients",
            archetype="business",
            revenue_per_customer=10_000,
            customers=100,
            relationships=mix(("dedicated_personal_assistance", 1.0)),
        ),
    ]
    # Shoppers: automated services serve 20,000 -> tier up to 500,000, 50,000 over 3 years
    # = 16,666.67 a year; personal assistance serves 0.5 x 20,000 = 10,000 -> tier up to
    # 10,000, 1,500 over 5 years = 300 a year. Running: 1.0 x 0.5 + 0.5 x 30 = 15.5;
    # set-up: (16,666.67 + 300) / 20,000 = 0.848333; cost 16.348333.
    # Gross profit 40 x 0.4 (mass market) = 16 -> 102.18% -> problem.
    # Clients: dedicated assistance serves 100 -> tier up to 2,000, 25,000 / 5 = 5,000 a
    # year = 50 per client; running 1,500; cost 1,550. Gross profit 10,000 x 0.4 = 4,000
    # -> 38.75% -> warning.
    table = charts.table_cost_vs_revenue(catalog, segments).set_index("segment")
    shoppers = table.loc["Shoppers"]
    assert shoppers["gross profit per customer"] == 16
    assert shoppers["running cost per customer"] == pytest.approx(15.5)
    assert shoppers["set-up per customer a year"] == pytest.approx(0.85)
    assert shoppers["relationship cost per customer"] == pytest.approx(16.35)
    assert shoppers["cost as % of gross profit"] == "102%"
    assert shoppers["status"] == "problem"
    assert shoppers["gross margin"] == "40% (archetype default)"
    clients = table.loc["Clients"]
    assert clients["relationship cost per customer"] == pytest.approx(1550)
    assert clients["cost as % of gross profit"] == "39%"
    assert clients["status"] == "warning"

    fig = charts.plot_cost_vs_revenue(catalog, segments)
    ax = fig.axes[0]
    parts = bar_parts(fig, "shoppers")
    assert parts["running"] == pytest.approx(15.5 / 16)
    assert parts["setup"] == pytest.approx(0.848333 / 16, rel=1e-5)
    assert "carried" not in parts
    assert bar_parts(fig, "clients") == pytest.approx({"running": 1500 / 4000, "setup": 50 / 4000})
    # the longest bar (102%) fits the second axis end, 150%
    assert ax.get_xlim() == (0, 1.5)
    warning = next(line for line in ax.lines if line.get_gid() == "threshold:warning")
    problem = next(line for line in ax.lines if line.get_gid() == "threshold:problem")
    assert np.asarray(warning.get_xdata()).tolist() == [0.3, 0.3]
    assert np.asarray(problem.get_xdata()).tolist() == [0.6, 0.6]
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == [
        "running cost",
        "set-up (this year's part)",
        "warning: 30% of gross profit",
        "problem: 60% of gross profit",
    ]
    assert "16.35 of 16 (102%)" in texts(fig)
    assert "1,550 of 4,000 (39%)" in texts(fig)


def test_a_free_segment_is_carried_by_its_funder_and_labelled_so(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segments = [
        make_segment(
            id="advertisers",
            name="Advertisers",
            archetype="business",
            revenue_per_customer=2_000,
            customers=1_000,
            relationships=mix(("self_service", 1.0)),
        ),
        make_segment(
            id="users",
            name="Users",
            archetype="platform",
            revenue_per_customer=0,
            customers=100_000,
            funded_by="advertisers",
            relationships=mix(("self_service", 1.0)),
        ),
    ]
    # Self-service serves 1,000 + 100,000 = 101,000 -> tier up to 500,000: 30,000 / 3 =
    # 10,000 a year, 10,000 / 101,000 = 0.0990099 per customer served. Each segment's own
    # cost per customer: 0.5 running + 0.0990099 = 0.5990099. The users' whole cost
    # (0.5990099 x 100,000) falls on 1,000 advertisers: 59.90099 each. Advertisers: 0.5990099
    # + 59.90099 = 60.5 against 2,000 x 0.4 = 800 gross profit -> 7.5625% -> fits.
    table = charts.table_cost_vs_revenue(catalog, segments).set_index("segment")
    advertisers, users = table.loc["Advertisers"], table.loc["Users"]
    assert advertisers["relationship cost per customer"] == pytest.approx(60.5)
    assert advertisers["free segments carried per customer"] == "59.90 (Users)"
    assert advertisers["cost as % of gross profit"] == "8%"
    assert advertisers["status"] == "fits"
    assert users["relationship cost per customer"] == pytest.approx(0.6)
    assert users["cost as % of gross profit"] == "—"
    assert users["status"] == "paid for by Advertisers"

    fig = charts.plot_cost_vs_revenue(catalog, segments)
    assert bar_parts(fig, "advertisers") == pytest.approx(
        {"running": 0.5 / 800, "setup": 0.0990099 / 800, "carried": 59.90099 / 800}, rel=1e-5
    )
    assert bar_parts(fig, "users") == {}  # no bar of its own
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Advertisers", "Users\n(paid for by Advertisers)"]
    assert "Free for these customers: 0.60 each a year, carried by Advertisers" in texts(fig)
    assert "own cost 0.60" in texts(fig)
    assert "free segments it pays for" in [t.get_text() for t in fig.legends[0].get_texts()]


def test_citizens_are_judged_against_their_budget_and_empty_rows_explain_themselves(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segments = [
        make_segment(
            id="residents",
            name="Residents",
            archetype="citizens",
            revenue_per_customer=500,
            customers=2_000,
            relationships=mix(("self_service", 1.0), ("personal_assistance", 0.2)),
        ),
        make_segment(id="later", name="Undecided", relationships=[]),
    ]
    # Residents: self-service 3,000 / 3 = 1,000 a year / 2,000 = 0.5 + 0.5 running; personal
    # assistance 0.2 x 2,000 = 400 served, 1,500 / 5 = 300 a year / 2,000 = 0.15 + 0.2 x 30 = 6.
    # Cost 7.15 of a 500 x 1.0 budget (citizens' margin) = 1.43% -> fits.
    table = charts.table_cost_vs_revenue(catalog, segments).set_index("segment")
    residents = table.loc["Residents"]
    assert residents["revenue counted as"] == "yearly budget per person"
    assert residents["gross margin"] == "100% (archetype default)"
    assert residents["relationship cost per customer"] == pytest.approx(7.15)
    assert residents["cost as % of gross profit"] == "1%"
    assert table.loc["Undecided", "revenue counted as"] == "revenue per customer"
    assert table.loc["Undecided", "status"] == "no relationships chosen"
    fig = charts.plot_cost_vs_revenue(catalog, segments)
    assert fig.axes[0].get_xlim() == (0, 1.0)
    assert "No relationships chosen yet" in texts(fig)
    assert "part:later:running" not in gids(fig)
    assert "Add a segment" in texts(charts.plot_cost_vs_revenue(catalog, []))


def test_a_bar_longer_than_the_axis_is_cut_with_its_parts_in_proportion(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segment = make_segment(
        id="cheap",
        name="Bargain hunters",
        archetype="mass_market",
        revenue_per_customer=10,
        customers=500,
        relationships=mix(("personal_assistance", 1.0)),
    )
    # 1,500 / 5 = 300 a year / 500 = 0.6 set-up + 30 running = 30.6 against 10 x 0.4 = 4:
    # 765%, beyond the last axis end (300%): drawn to 300%, 30 : 0.6 kept.
    fig = charts.plot_cost_vs_revenue(catalog, [segment])
    assert fig.axes[0].get_xlim() == (0, 3.0)
    assert bar_parts(fig, "cheap") == pytest.approx(
        {"running": 3.0 * 30 / 30.6, "setup": 3.0 * 0.6 / 30.6}
    )
    assert "cut:cheap" in gids(fig)
    assert "30.60 of 4 (765%)" in texts(fig)
    assert charts.table_cost_vs_revenue(catalog, [segment])["status"].item() == "problem"


def test_no_gross_profit_is_a_problem_drawn_across_the_axis(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segment = make_segment(
        id="gift",
        name="Free samples",
        archetype="mass_market",
        revenue_per_customer=0,
        customers=500,
        relationships=mix(("self_service", 1.0)),
    )
    table = charts.table_cost_vs_revenue(catalog, [segment])
    assert table["status"].item() == "problem: no gross profit"
    fig = charts.plot_cost_vs_revenue(catalog, [segment])
    assert bar_parts(fig, "gift") == {"running": 3.0}
    # 3,000 / 3 = 1,000 a year / 500 = 2 set-up + 0.5 running
    assert "2.50 of no gross profit" in texts(fig)
