"""Scenarios compared segment by segment, with numbers worked out by hand."""

from __future__ import annotations

import pytest

from bmc_course.formats.submission import SegmentChoice
from bmc_course.logic.scenario_comparison import MY_NUMBERS, compare_scenarios
from bmc_course.model.catalog import Catalog


def walk_ins(personal_share: float, acquisition_cost: float | None = None) -> SegmentChoice:
    return SegmentChoice(
        id="walk-ins",
        name="Walk-ins",
        archetype="mass_market",
        revenue_per_customer=120,
        customers=1500,
        validated=True,
        acquisition_cost=acquisition_cost,
        relationships=[
            {"type": "personal_assistance", "share": personal_share},
            {"type": "self_service", "share": 1.0},
        ],
    )


def test_my_numbers_then_each_scenario(catalog: Catalog) -> None:
    rows = compare_scenarios(
        [(MY_NUMBERS, [walk_ins(1.0)]), ("A person for a quarter", [walk_ins(0.25, 48)])], catalog
    )
    assert [(r.scenario, r.segment_id) for r in rows] == [
        ("My numbers", "walk-ins"),
        ("A person for a quarter", "walk-ins"),
    ]
    mine, quarter = rows
    # 30 + 0.5 + 1,500/5/1,500 + 3,000/3/1,500 = 31.37 against 48 of gross profit
    assert mine.cost_per_customer == pytest.approx(30.5 + 0.2 + 1000 / 1500)
    assert mine.cost_share_of_gross_profit == pytest.approx((30.5 + 0.2 + 1000 / 1500) / 48)
    assert (mine.problems, mine.warnings) == (1, 1)  # imbalance problem, over-serving
    # 7.5 + 0.5 + 0.2 + 0.667 = 8.87: clean
    assert quarter.cost_per_customer == pytest.approx(7.5 + 0.5 + 0.2 + 1000 / 1500)
    assert (quarter.problems, quarter.warnings) == (0, 0)  # 144 of lifetime value is 3× 48: fine
    assert quarter.lifetime_value == pytest.approx(144)  # 48 × 3 years
    assert quarter.lifetime_value_multiple == pytest.approx(3.0)
    assert mine.lifetime_value_multiple is None
