"""Lifetime value vs acquisition cost: a bar per segment, the acquisition cost and the rule of thumb.

Expected figures are worked by hand from segment_archetypes.toml (mass market:
40% margin, 3 years; business: 40%, 5 years) and assumptions.toml (rule of
thumb 3× the acquisition cost, problem below 1×).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from bmc_course import charts
from bmc_course.formats.submission import SegmentChoice
from bmc_course.model.catalog import Catalog
from tests.conftest import SegmentFactory
from tests.support.figure_text import gids, texts

SELF_SERVICE = [{"type": "self_service", "share": 1.0}]


def segments(make_segment: SegmentFactory) -> list[SegmentChoice]:
    def segment(**fields: Any) -> SegmentChoice:
        return make_segment(customers=1_000, relationships=SELF_SERVICE, **fields)

    return [
        # 100 x 0.4 = 40 a year x 3 years = 120 = 4x the 30 it costs to win one -> fits
        segment(
            id="subs",
            name="Subscribers",
            archetype="mass_market",
            revenue_per_customer=100,
            acquisition_cost=30,
        ),
        # the learner's figures: 100 x 0.5 = 50 a year x 2 years = 100 = 1x -> warning
        segment(
            id="gym",
            name="Gym members",
            archetype="niche",
            revenue_per_customer=100,
            gross_margin=0.5,
            customer_years=2,
            acquisition_cost=100,
        ),
        # 20 x 0.4 = 8 a year x 3 years = 24 = 0.48x the 50 -> problem
        segment(
            id="hunters",
            name="Bargain hunters",
            archetype="mass_market",
            revenue_per_customer=20,
            acquisition_cost=50,
        ),
        # 10,000 x 0.4 = 4,000 a year x 5 years = 20,000, no acquisition cost given
        segment(id="firms", name="Firms", archetype="business", revenue_per_customer=10_000),
        # free for its users, paid for by the firms
        segment(
            id="users",
            name="Users",
            archetype="platform",
            revenue_per_customer=0,
            funded_by="firms",
            acquisition_cost=5,
        ),
    ]


def test_table_gives_lifetime_value_and_the_rule_of_thumb(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    table = charts.table_lifetime_value(segments(make_segment), catalog).set_index("segment")
    subs = table.loc["Subscribers"]
    assert subs["gross profit per customer a year"] == 40
    assert subs["years a customer stays"] == "3 years (archetype default)"
    assert subs["lifetime value"] == 120
    assert subs["acquisition cost"] == 30
    assert subs["lifetime value ÷ acquisition cost"] == "4.0×"
    assert subs["rule of thumb"] == "at least 90 (3×)"
    assert subs["status"] == "fits"
    gym = table.loc["Gym members"]
    assert gym["years a customer stays"] == "2 years (yours)"
    assert (gym["lifetime value"], gym["status"]) == (100, "warning")
    hunters = table.loc["Bargain hunters"]
    assert (hunters["lifetime value"], hunters["status"]) == (24, "problem")
    assert hunters["lifetime value ÷ acquisition cost"] == "0.5×"
    firms = table.loc["Firms"]
    assert firms["lifetime value"] == 20_000
    assert firms["acquisition cost"] == "—"
    assert firms["rule of thumb"] == "—"
    assert firms["status"] == "no acquisition cost given: lifetime value only"
    users = table.loc["Users"]
    assert users["lifetime value"] == 0
    assert users["rule of thumb"] == "—"
    assert users["status"] == "free segment, paid for by Firms"


def bars(fig: Figure) -> dict[str, tuple[float, float]]:
    return {
        str(patch.get_gid()).removeprefix("ltv:"): (
            patch.get_x(),
            patch.get_x() + patch.get_width(),
        )
        for patch in fig.axes[0].patches
        if isinstance(patch, Rectangle) and str(patch.get_gid()).startswith("ltv:")
    }


def test_chart_draws_value_bars_acquisition_costs_and_rule_ticks(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    fig = charts.plot_lifetime_value(segments(make_segment), catalog)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    # values drawn: 120, 100, 24, 20,000; 30, 100, 50; 90, 300, 150 -> from the decade
    # under 24 / 2 = 12 (10) to the decade over 20,000 x 2 = 40,000 (100,000)
    assert ax.get_xlim() == (10, 100_000)
    drawn = bars(fig)
    assert drawn.keys() == {"subs", "gym", "hunters", "firms"}  # no bar for the free users
    assert drawn["subs"] == pytest.approx((10, 120))
    assert drawn["firms"] == pytest.approx((10, 20_000))
    rule = next(line for line in ax.lines if line.get_gid() == "rule:subs")
    assert np.asarray(rule.get_xdata()).tolist() == [90, 90]
    acquisition = next(c for c in ax.collections if c.get_gid() == "acquisition:hunters")
    assert tuple(float(v) for v in np.asarray(acquisition.get_offsets())[0]) == (50, 2)  # third row
    assert "rule:firms" not in gids(fig) and "acquisition:users" not in gids(fig)
    assert "120 (4.0× acq.)" in texts(fig)
    assert "Free for these customers: paid for by Firms" in texts(fig)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "Users\n(paid for by Firms)"
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "rule of thumb: 3× acquisition cost" in legend


def test_colour_and_hatch_say_the_status(catalog: Catalog, make_segment: SegmentFactory) -> None:
    fig = charts.plot_lifetime_value(segments(make_segment), catalog)
    looks = {
        str(patch.get_gid()): (patch.get_facecolor(), patch.get_hatch())
        for patch in fig.axes[0].patches
        if str(patch.get_gid()).startswith("ltv:")
    }
    assert len({look[1] for look in looks.values()}) == 4  # four statuses, four hatches
    assert len({look[0] for look in looks.values()}) == 4


def test_a_zero_acquisition_cost_shows_lifetime_value_only(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segment = make_segment(
        archetype="mass_market", revenue_per_customer=100, acquisition_cost=0, relationships=[]
    )
    row = charts.table_lifetime_value([segment], catalog).iloc[0]
    assert row["status"] == "no acquisition cost given: lifetime value only"
    assert row["lifetime value"] == 120


def test_empty_state_and_drawing_into_given_axes(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    assert "Add a segment" in texts(charts.plot_lifetime_value([], catalog))
    fig = Figure()
    ax = fig.add_subplot()
    assert charts.plot_lifetime_value(segments(make_segment), catalog, ax=ax) is fig
    assert fig.axes == [ax]
    assert bars(fig).keys() == {"subs", "gym", "hunters", "firms"}
    assert ax.get_legend() is not None  # the key inside the given axes
