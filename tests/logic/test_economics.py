"""The economic model against numbers worked out by hand from the built-in content.

Content figures used (relationship_types.toml, segment_archetypes.toml):

==========================  ====================================  =====  =======
type                        set-up tiers (up to customers: cost)  years  running
==========================  ====================================  =====  =======
personal_assistance         10k: 1,500 / 500k: 20,000 / 150,000     5       30
dedicated_personal_assist.  50: 2,000 / 2,000: 25,000 / 120,000     5    1,500
self_service                10k: 3,000 / 500k: 30,000 / 150,000     3      0.5
automated_services          10k: 4,000 / 500k: 50,000 / 250,000     3      0.5
communities                 10k: 500 / 500k: 12,000 / 60,000       3        1
==========================  ====================================  =====  =======

Archetype defaults (margin, years): mass_market 0.4, 3; niche 0.5, 4; business 0.4, 5.
"""

from __future__ import annotations

from typing import Any

import pytest

from bmc_course.formats.submission import SegmentChoice
from bmc_course.logic.economics import business_economics, figures_of
from bmc_course.model.catalog import Catalog


def segment(
    segment_id: str,
    archetype: str,
    revenue: float,
    customers: int,
    mix: list[tuple[str, float]],
    **extra: Any,
) -> SegmentChoice:
    return SegmentChoice(
        id=segment_id,
        name=segment_id.title(),
        archetype=archetype,
        revenue_per_customer=revenue,
        customers=customers,
        relationships=[{"type": t, "share": s} for t, s in mix],
        **extra,
    )


BIKE_SHOP = [
    segment(
        "walk-ins", "mass_market", 120, 1500, [("personal_assistance", 1.0), ("self_service", 1.0)]
    ),
    segment("fleets", "business", 9000, 12, [("dedicated_personal_assistance", 1.0)]),
    segment("clubs", "niche", 450, 40, [("communities", 1.0), ("personal_assistance", 1.0)]),
]


def test_set_up_is_paid_once_and_shared_by_customers_served(catalog: Catalog) -> None:
    economics = business_economics(BIKE_SHOP, catalog)
    # personal assistance serves 1,500 walk-ins + 40 clubs = 1,540: the small tier, 1,500 / 5 years
    setup = economics.setups["personal_assistance"]
    assert setup.customers_served == 1540
    assert setup.tier.cost == 1500
    assert setup.yearly == pytest.approx(300)
    walk_ins = economics.segment("walk-ins").cost_of("personal_assistance")
    clubs = economics.segment("clubs").cost_of("personal_assistance")
    assert walk_ins is not None and clubs is not None
    # 300 × 1,500/1,540 shared by 1,500 walk-ins; 300 × 40/1,540 by 40 clubs: 0.1948 each
    assert walk_ins.setup_per_customer == pytest.approx(300 / 1540)
    assert clubs.setup_per_customer == pytest.approx(300 / 1540)
    assert walk_ins.setup_per_customer * 1500 + clubs.setup_per_customer * 40 == pytest.approx(300)


def test_bike_shop_costs_worked_by_hand(catalog: Catalog) -> None:
    economics = business_economics(BIKE_SHOP, catalog)
    walk_ins = economics.segment("walk-ins")
    # running 30 + 0.5; set-up 300/1,540 + 3,000/3/1,500
    assert walk_ins.running_cost_per_customer == pytest.approx(30.5)
    assert walk_ins.setup_cost_per_customer == pytest.approx(300 / 1540 + 1000 / 1500)
    assert walk_ins.cost_per_customer == pytest.approx(31.361472, abs=1e-6)
    assert walk_ins.gross_profit_per_customer == pytest.approx(48)  # 120 × 0.4
    assert walk_ins.cost_share_of_gross_profit == pytest.approx(31.361472 / 48, abs=1e-6)
    fleets = economics.segment("fleets")
    # 12 fleets: the smallest dedicated tier (up to 50), 2,000 / 5 = 400 a year over 12 fleets
    assert fleets.cost_per_customer == pytest.approx(1500 + 400 / 12)
    assert fleets.gross_profit_per_customer == pytest.approx(3600)
    assert fleets.lifetime_value == pytest.approx(18_000)  # 3,600 × 5 years
    clubs = economics.segment("clubs")
    # communities for 40: 500 / 3 = 166.67 a year over 40 clubs; + running 1 + 30 + 300/1,540
    assert clubs.cost_per_customer == pytest.approx(1 + 500 / 3 / 40 + 30 + 300 / 1540)


def test_a_share_scales_running_cost_and_the_customers_served(catalog: Catalog) -> None:
    shop = [
        segment(
            "walk-ins",
            "mass_market",
            120,
            1500,
            [("personal_assistance", 0.2), ("self_service", 1.0)],
        )
    ]
    walk_ins = business_economics(shop, catalog).segment("walk-ins")
    cost = walk_ins.cost_of("personal_assistance")
    assert cost is not None
    assert cost.customers_served == pytest.approx(300)
    assert cost.running_per_customer == pytest.approx(6)  # 0.2 × 30
    assert cost.setup_per_customer == pytest.approx(300 / 1500)  # the whole 1,500/5 falls on them


def test_a_bigger_business_needs_a_bigger_set_up(catalog: Catalog) -> None:
    small = business_economics(
        [segment("a", "mass_market", 100, 10_000, [("self_service", 1.0)])], catalog
    )
    large = business_economics(
        [segment("a", "mass_market", 100, 10_001, [("self_service", 1.0)])], catalog
    )
    assert small.setups["self_service"].tier.cost == 3000
    assert large.setups["self_service"].tier.cost == 30_000
    huge = business_economics(
        [segment("a", "mass_market", 100, 2_000_000, [("self_service", 1.0)])], catalog
    )
    assert huge.setups["self_service"].tier.cost == 150_000
    assert huge.segment("a").cost_per_customer == pytest.approx(0.5 + 50_000 / 2_000_000)


def test_a_free_segment_is_paid_for_by_its_funder(catalog: Catalog) -> None:
    platform = [
        segment("users", "platform", 0, 1000, [("automated_services", 1.0)], funded_by="payers"),
        segment("payers", "business", 1000, 100, [("self_service", 1.0)]),
    ]
    economics = business_economics(platform, catalog)
    users = economics.segment("users")
    # automated for 1,000: 4,000 / 3 = 1,333.33 a year → 1.3333 + running 0.5 per user
    assert users.own_cost_per_customer == pytest.approx(0.5 + 4000 / 3 / 1000)
    assert users.cost_share_of_gross_profit is None  # judged where it is paid for
    payers = economics.segment("payers")
    # users' total 1,833.33 carried by 100 payers: 18.33 each; own: 0.5 + 1,000/100
    assert [funded for funded, _ in payers.carried] == ["users"]
    assert payers.carried[0][1] == pytest.approx(1833.3333 / 100, abs=1e-4)
    assert payers.own_cost_per_customer == pytest.approx(10.5)
    assert payers.cost_per_customer == pytest.approx(10.5 + 18.333333, abs=1e-5)
    assert payers.cost_share_of_gross_profit == pytest.approx(28.833333 / 400, abs=1e-6)


def test_no_gross_profit_and_a_cost_is_an_infinite_share(catalog: Catalog) -> None:
    economics = business_economics(
        [segment("a", "platform", 0, 10, [("self_service", 1.0)])], catalog
    )
    assert economics.segment("a").cost_share_of_gross_profit == float("inf")


def test_with_no_customers_the_set_up_falls_on_the_segments_that_chose_it(catalog: Catalog) -> None:
    planned = [
        segment("a", "niche", 500, 0, [("communities", 1.0)]),
        segment("b", "niche", 500, 0, [("communities", 1.0)]),
    ]
    economics = business_economics(planned, catalog)
    a = economics.segment("a").cost_of("communities")
    assert a is not None
    assert a.setup_per_customer == pytest.approx(
        500 / 3 / 2
    )  # half of 166.67 each, on "one" customer


def test_learner_figures_override_archetype_defaults(catalog: Catalog) -> None:
    own = segment(
        "a", "mass_market", 100, 10, [], gross_margin=0.25, customer_years=2, acquisition_cost=30
    )
    default = segment("b", "mass_market", 100, 10, [])
    assert figures_of(own, catalog).margin_from == "learner"
    assert figures_of(default, catalog).margin_from == "archetype"
    economics = business_economics([own, default], catalog)
    assert economics.segment("a").lifetime_value == pytest.approx(50)  # 100 × 0.25 × 2
    assert economics.segment("b").lifetime_value == pytest.approx(120)  # 100 × 0.4 × 3


def test_channel_words_and_repeated_types_do_not_count(catalog: Catalog) -> None:
    listed = segment(
        "a", "niche", 500, 10, [("Instagram", 1.0), ("communities", 0.5), ("communities", 1.0)]
    )
    assert figures_of(listed, catalog).mix == (("communities", 0.5),)


def test_citizens_are_judged_against_their_budget(catalog: Catalog) -> None:
    city = [
        segment(
            "residents",
            "citizens",
            500,
            100_000,
            [("self_service", 1.0), ("personal_assistance", 0.2)],
        )
    ]
    residents = business_economics(city, catalog).segment("residents")
    assert residents.gross_profit_per_customer == pytest.approx(500)  # margin 1: the whole budget
    # self-service 0.5 + 30,000/3/100,000; personal for 20,000: 0.2 × 30 + 20,000/5/100,000
    assert residents.cost_per_customer == pytest.approx(0.5 + 0.1 + 6 + 0.04)


def test_a_funder_that_is_not_there_leaves_the_segment_judged_on_its_own(catalog: Catalog) -> None:
    orphan = segment("users", "platform", 0, 1000, [("automated_services", 1.0)], funded_by="gone")
    economics = business_economics([orphan], catalog)
    assert economics.segment("users").figures.funded_by is None
    assert economics.segment("users").cost_share_of_gross_profit == float("inf")
