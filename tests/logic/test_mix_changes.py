"""Changes to a mix, tried on the economic model, against numbers worked out by hand.

Content figures used (relationship_types.toml):

==================  ====================================  =====  =======  =====  =====  =====
type                set-up tiers (up to customers: cost)  years  running  human  2-way  scale
==================  ====================================  =====  =======  =====  =====  =====
personal (*)        10k: 1,500 / 500k: 20,000 / 150,000     5       30      4      5      2
dedicated (*)       50: 2,000 / 2,000: 25,000 / 120,000     5    1,500      5      5      1
self_service        10k: 3,000 / 500k: 30,000 / 150,000     3      0.5      1      1      5
automated_services  10k: 4,000 / 500k: 50,000 / 250,000     3      0.5      1      2      5
communities         10k: 500 / 500k: 12,000 / 60,000        3        1      2      4      4
co_creation         10k: 1,000 / 500k: 15,000 / 60,000      3        5      2      5      4
==================  ====================================  =====  =======  =====  =====  =====

(*) personal_assistance and dedicated_personal_assistance, the only human fallbacks.

Archetypes (segment_archetypes.toml): mass_market margin 0.4, 3 years, expects contact 1 and
two-way 1, rules out dedicated assistance; business 0.4, 5 years, expects 4 and 4; luxury
0.6, 6 years, rules out self-service and automated services.
Assumptions: warning from 30% of gross profit; a type counts for what the segment expects
from a share of 0.2; a gap of 2 levels is a mismatch; a fallback is sized for 10%.

For 1,500 customers, the set-ups a year per customer (whole tier / years / 1,500):
personal assistance 1,500 / 5 / 1,500 = 0.2; self-service 3,000 / 3 / 1,500 = 0.6667;
automated 4,000 / 3 / 1,500 = 0.8889; communities 500 / 3 / 1,500 = 0.1111;
co-creation 1,000 / 3 / 1,500 = 0.2222.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bmc_course.logic.economics import SegmentEconomics, SegmentFigures, TypeCost
from bmc_course.logic.mix_changes import (
    REDUCED_SHARES,
    Mix,
    MixChange,
    addable_types,
    cheaper_mix,
    cheapest_addition,
    economics_with,
    expectation_levels,
    fewer_served,
    typical_share,
)
from bmc_course.model.catalog import Catalog, load_catalog
from bmc_course.model.content_models import RelationshipType

# (gross margin, customer years) of each archetype used, from segment_archetypes.toml
DEFAULTS = {
    "mass_market": (0.4, 3.0),
    "niche": (0.5, 4.0),
    "business": (0.4, 5.0),
    "government": (0.35, 6.0),
    "luxury": (0.6, 6.0),
    "platform": (0.8, 2.0),
    "citizens": (1.0, 10.0),
}


def figures(
    segment_id: str,
    archetype: str,
    revenue: float,
    customers: int,
    mix: Mix,
    *,
    funded_by: str | None = None,
) -> SegmentFigures:
    margin, stays = DEFAULTS.get(archetype, (1.0, 1.0))
    return SegmentFigures(
        id=segment_id,
        name=segment_id.title(),
        archetype=archetype,
        customers=customers,
        revenue_per_customer=revenue,
        mix=mix,
        gross_margin=margin,
        margin_from="archetype",
        customer_years=stays,
        years_from="archetype",
        acquisition_cost=None,
        funded_by=funded_by,
    )


def ids(types: Iterable[RelationshipType]) -> list[str]:
    return [t.id for t in types]


# --- which types may be suggested ---------------------------------------------------------


def test_addable_types_leave_out_the_mix_and_what_the_archetype_rules_out(
    catalog: Catalog,
) -> None:
    walk_ins = figures("walk-ins", "mass_market", 120, 1500, (("self_service", 1.0),))
    # catalog order, without self-service (in the mix) and dedicated assistance (unsuited)
    assert ids(addable_types(walk_ins, catalog)) == [
        "personal_assistance",
        "automated_services",
        "communities",
        "co_creation",
    ]
    clients = figures("clients", "luxury", 10_000, 100, (("dedicated_personal_assistance", 1.0),))
    # luxury rules out self-service and automated services
    assert ids(addable_types(clients, catalog)) == [
        "personal_assistance",
        "communities",
        "co_creation",
    ]


def test_addable_types_keep_only_what_the_filter_accepts(catalog: Catalog) -> None:
    walk_ins = figures("walk-ins", "mass_market", 120, 1500, (("self_service", 1.0),))
    # a human fallback for a mass market: dedicated assistance is ruled out, so only one
    assert ids(addable_types(walk_ins, catalog, lambda t: t.human_fallback)) == [
        "personal_assistance"
    ]
    full = figures(
        "walk-ins",
        "mass_market",
        120,
        1500,
        (("personal_assistance", 0.1), ("self_service", 1.0)),
    )
    assert addable_types(full, catalog, lambda t: t.human_fallback) == []


def test_an_archetype_the_catalog_does_not_know_rules_nothing_out(catalog: Catalog) -> None:
    odd = figures("odd", "pirates", 100, 10, (("communities", 1.0),))
    assert ids(addable_types(odd, catalog)) == [
        "personal_assistance",
        "dedicated_personal_assistance",
        "self_service",
        "automated_services",
        "co_creation",
    ]


# --- what a mix offers the segment as a whole ---------------------------------------------


@pytest.mark.parametrize(
    ("mix", "levels"),
    [
        ((), (0, 0)),
        ((("self_service", 1.0),), (1, 1)),
        # personal assistance for one in ten does not make the segment's relationship personal
        ((("personal_assistance", 0.1), ("self_service", 1.0)), (1, 1)),
        # at exactly min_share (0.2) it counts: contact 4, two-way 5
        ((("personal_assistance", 0.2), ("self_service", 1.0)), (4, 5)),
        # co-creation (two-way 5) for 19% does not count; communities gives 2 and 4
        ((("communities", 0.5), ("co_creation", 0.19)), (2, 4)),
        ((("dedicated_personal_assistance", 0.2), ("co_creation", 1.0)), (5, 5)),
        ((("automated_services", 1.0), ("self_service", 1.0)), (1, 2)),
    ],
)
def test_expectation_levels_count_types_from_min_share_on(
    catalog: Catalog, mix: Mix, levels: tuple[int, int]
) -> None:
    assert catalog.assumptions.expectation.min_share == 0.2
    assert expectation_levels(mix, catalog) == levels


@pytest.mark.parametrize(
    ("type_id", "share"),
    [
        ("self_service", 1.0),  # scalability 5: for everyone
        ("automated_services", 1.0),
        ("communities", 1.0),  # scalability 4
        ("co_creation", 1.0),
        ("personal_assistance", 0.2),  # scalability 2: for min_share of them
        ("dedicated_personal_assistance", 0.2),
    ],
)
def test_typical_share(catalog: Catalog, type_id: str, share: float) -> None:
    assert typical_share(catalog.types[type_id], catalog) == share


# --- a change in words --------------------------------------------------------------------


def economics_of(*, running: float, setup: float, funded_by: str | None = None) -> SegmentEconomics:
    """Economics made by hand: one type's cost for a segment with revenue 100 and margin 0.4."""
    segment = figures(
        "walk-ins", "mass_market", 100, 1500, (("self_service", 1.0),), funded_by=funded_by
    )
    return SegmentEconomics(segment, (TypeCost("self_service", 1.0, 1500, running, setup),))


def test_describe_names_each_new_changed_and_dropped_type(catalog: Catalog) -> None:
    economics = economics_of(running=6, setup=2)
    reduced = MixChange(
        (("personal_assistance", 1.0), ("self_service", 1.0)),
        (("personal_assistance", 0.2), ("self_service", 1.0), ("automated_services", 1.0)),
        economics,
    )
    assert reduced.describe(catalog) == (
        "personal assistance for 20% of them instead of all and automated services for all of them"
    )
    assert reduced.added == ("automated_services",)
    swapped = MixChange(
        (("dedicated_personal_assistance", 1.0), ("self_service", 0.5)),
        (("self_service", 1.0), ("communities", 1.0), ("personal_assistance", 0.05)),
        economics,
    )
    assert swapped.describe(catalog) == (
        "self-service for all of them instead of 50%, communities for all of them, "
        "personal assistance for 5% of them and no dedicated personal assistance"
    )
    assert swapped.added == ("communities", "personal_assistance")
    same = MixChange((("self_service", 1.0),), (("self_service", 1.0),), economics)
    assert (same.describe(catalog), same.added) == ("", ())


def test_effect_gives_the_cost_and_its_share_of_gross_profit() -> None:
    # 6 running + 2 set-up = 8 a customer; gross profit 100 × 0.4 = 40; 8 / 40 = 20%
    change = MixChange((), (("self_service", 1.0),), economics_of(running=6, setup=2))
    assert change.effect() == (
        "brings relationship cost to about 8 per customer a year, 20% of gross profit"
    )
    # 0.5 + 0.0667 = 0.5667 → "0.57"; 0.5667 / 40 = 1.4% → "1%"
    cheap = MixChange((), (("self_service", 1.0),), economics_of(running=0.5, setup=0.0667))
    assert cheap.effect() == (
        "brings relationship cost to about 0.57 per customer a year, 1% of gross profit"
    )


def test_effect_for_a_free_segment_gives_only_its_cost() -> None:
    # a funded segment has no share of gross profit of its own (it is judged where it is paid)
    change = MixChange(
        (), (("self_service", 1.0),), economics_of(running=6, setup=2, funded_by="payers")
    )
    assert change.effect() == "brings their relationship cost to about 8 per customer a year"


# --- trying a mix on the model ------------------------------------------------------------


def test_economics_with_tries_a_mix_with_the_rest_of_the_business_unchanged(
    catalog: Catalog,
) -> None:
    shop = figures("shop", "mass_market", 120, 6000, (("personal_assistance", 1.0),))
    club = figures("club", "niche", 500, 4000, (("self_service", 1.0),))
    segments = [shop, club]
    tried = economics_with(segments, "shop", (("self_service", 1.0),), catalog)
    # self-service now serves 6,000 + 4,000 = 10,000: the small tier, 3,000 / 3 = 1,000 a year,
    # shared in proportion: 1,000 × 6,000 / 10,000 = 600 over 6,000 shop customers = 0.1 each
    assert tried.figures.mix == (("self_service", 1.0),)
    assert tried.setup_cost_per_customer == pytest.approx(0.1)
    assert tried.cost_per_customer == pytest.approx(0.6)
    assert segments == [shop, club]  # the segments themselves are not changed


# --- the cheaper mix a cost check suggests ------------------------------------------------


def test_cheaper_mix_keeps_the_costly_type_for_fewer_customers(catalog: Catalog) -> None:
    mix: Mix = (("personal_assistance", 1.0), ("self_service", 1.0))
    walk_ins = figures("walk-ins", "mass_market", 120, 1500, mix)
    # now: 30 + 0.2 + 0.5 + 0.6667 = 31.37 of 48 gross profit (65%); the line is 30% = 14.40.
    # Half of them: 15 + 0.2 + 1.1667 = 16.37 (34%), still over. A quarter:
    # 7.5 + 0.2 + 0.5 + 0.6667 = 8.8667, 8.8667 / 48 = 18.5%: the first change under the line.
    change = cheaper_mix([walk_ins], "walk-ins", catalog)
    assert change is not None
    assert change.before == mix
    assert change.after == (("personal_assistance", 0.25), ("self_service", 1.0))
    assert change.added == ()
    assert change.economics.cost_per_customer == pytest.approx(8.866667, abs=1e-6)
    assert change.economics.cost_share_of_gross_profit == pytest.approx(0.184722, abs=1e-6)
    assert change.describe(catalog) == "personal assistance for 25% of them instead of all"
    assert change.effect() == (
        "brings relationship cost to about 8.87 per customer a year, 18% of gross profit"
    )


def test_cheaper_mix_adds_the_closest_cheaper_type_so_nobody_is_left_out(
    catalog: Catalog,
) -> None:
    walk_ins = figures("walk-ins", "mass_market", 120, 1500, (("personal_assistance", 1.0),))
    # Personal assistance for half or a quarter alone would leave the rest with nothing, so a
    # cheaper type is added for all, the most contact first: communities (contact 2, 1 a year).
    # Half + communities: 15 + 0.2 + 1 + 0.1111 = 16.31 (34%), over 14.40.
    # A quarter + communities: 7.5 + 0.2 + 1 + 0.1111 = 8.8111, 8.8111 / 48 = 18.4%.
    change = cheaper_mix([walk_ins], "walk-ins", catalog)
    assert change is not None
    assert change.after == (("personal_assistance", 0.25), ("communities", 1.0))
    assert change.added == ("communities",)
    assert change.economics.cost_per_customer == pytest.approx(8.811111, abs=1e-6)
    assert change.describe(catalog) == (
        "personal assistance for 25% of them instead of all and communities for all of them"
    )
    assert change.effect() == (
        "brings relationship cost to about 8.81 per customer a year, 18% of gross profit"
    )


def test_cheaper_mix_never_opens_an_expectation_gap(catalog: Catalog) -> None:
    # Businesses expect contact 4. 100 fleets at 80 each: gross profit 32, the line 9.60.
    # Personal assistance's set-up is 1,500 / 5 / 100 = 3 a fleet whatever the share.
    # For 20% (still counts: contact 4) + communities: 6 + 3 + 1 + 500 / 3 / 100 = 11.67, over.
    # For 10% + communities: 3 + 3 + 2.67 = 8.67 (27%) would pass, but personal assistance
    # no longer counts, contact falls to 2 (communities): a gap of 2 the mix did not have.
    fleets = figures("fleets", "business", 80, 100, (("personal_assistance", 1.0),))
    assert cheaper_mix([fleets], "fleets", catalog) is None


def test_cheaper_mix_never_drops_the_only_human_fallback(catalog: Catalog) -> None:
    # 1,500 walk-ins at 20: gross profit 8, the line 2.40. Personal assistance for 5%:
    # 1.5 + 0.2 + 0.5 + 0.6667 = 2.87 (36%), over; only dropping it (0.5 + 0.6667 = 1.17)
    # passes, and that leaves nobody to turn to: no suggestion.
    mix: Mix = (("personal_assistance", 1.0), ("self_service", 1.0))
    walk_ins = figures("walk-ins", "mass_market", 20, 1500, mix)
    assert cheaper_mix([walk_ins], "walk-ins", catalog) is None


def test_cheaper_mix_is_none_when_nothing_cheaper_exists(catalog: Catalog) -> None:
    # self-service alone at revenue 1: 1.17 a customer against 0.40 gross profit; no type runs
    # for less than 0.5, and serving fewer would leave customers with nothing
    walk_ins = figures("walk-ins", "mass_market", 1, 1500, (("self_service", 1.0),))
    assert cheaper_mix([walk_ins], "walk-ins", catalog) is None


def test_the_reduced_shares_go_from_half_to_one_in_twenty() -> None:
    assert REDUCED_SHARES == (0.5, 0.25, 0.2, 0.1, 0.05)


# --- keeping a costly type as a fallback --------------------------------------------------


def test_fewer_served_keeps_the_type_for_one_in_ten(catalog: Catalog) -> None:
    mix: Mix = (("personal_assistance", 1.0), ("self_service", 1.0))
    walk_ins = figures("walk-ins", "mass_market", 120, 1500, mix)
    change = fewer_served([walk_ins], "walk-ins", "personal_assistance", catalog)
    # 0.1 × 30 = 3 + 0.2 set-up + 0.5 + 0.6667 = 4.3667; 4.3667 / 48 = 9.1%
    assert change.after == (("personal_assistance", 0.1), ("self_service", 1.0))
    assert change.added == ()
    assert change.economics.cost_per_customer == pytest.approx(4.366667, abs=1e-6)
    assert change.describe(catalog) == "personal assistance for 10% of them instead of all"
    assert change.effect() == (
        "brings relationship cost to about 4.37 per customer a year, 9% of gross profit"
    )


def test_fewer_served_adds_the_cheapest_scalable_type_for_the_rest(catalog: Catalog) -> None:
    walk_ins = figures("walk-ins", "mass_market", 120, 1500, (("personal_assistance", 1.0),))
    change = fewer_served([walk_ins], "walk-ins", "personal_assistance", catalog)
    # scalable (4+) and allowed: self-service 0.5, automated 0.5, communities 1, co-creation 5;
    # the cheapest, first in the catalog on a tie, is self-service: the same 4.3667 as above
    assert change.after == (("personal_assistance", 0.1), ("self_service", 1.0))
    assert change.added == ("self_service",)
    assert change.economics.cost_per_customer == pytest.approx(4.366667, abs=1e-6)
    assert change.describe(catalog) == (
        "personal assistance for 10% of them instead of all and self-service for all of them"
    )


def test_fewer_served_never_adds_a_type_the_archetype_rules_out(catalog: Catalog) -> None:
    clients = figures("clients", "luxury", 10_000, 100, (("dedicated_personal_assistance", 1.0),))
    change = fewer_served([clients], "clients", "dedicated_personal_assistance", catalog)
    # self-service and automated are unsuited for luxury: communities (1 a year) is next.
    # Dedicated for 10 clients: 2,000 / 5 / 100 = 4 + 0.1 × 1,500 = 150; communities for 100:
    # 500 / 3 / 100 = 1.6667 + 1; total 156.67 of 10,000 × 0.6 = 6,000 gross profit (2.6%)
    assert change.after == (("dedicated_personal_assistance", 0.1), ("communities", 1.0))
    assert change.economics.cost_per_customer == pytest.approx(156.666667, abs=1e-6)
    assert change.effect() == (
        "brings relationship cost to about 157 per customer a year, 3% of gross profit"
    )


# --- what adding a type would cost --------------------------------------------------------


def test_cheapest_addition_tries_each_candidate_cheapest_first(catalog: Catalog) -> None:
    walk_ins = figures("walk-ins", "mass_market", 120, 1500, (("self_service", 1.0),))
    retaining = addable_types(walk_ins, catalog, lambda t: "retention" in t.motivations)
    changes = cheapest_addition(
        [walk_ins], "walk-ins", catalog, retaining, lambda t: typical_share(t, catalog)
    )
    # self-service alone: 0.5 + 0.6667 = 1.1667, plus
    #   communities for all: 1 + 0.1111          → 2.2778
    #   automated for all: 0.5 + 0.8889         → 2.5556
    #   co-creation for all: 5 + 0.2222         → 6.3889
    #   personal assistance for 20%: 6 + 0.2    → 7.3667
    assert [c.added for c in changes] == [
        ("communities",),
        ("automated_services",),
        ("co_creation",),
        ("personal_assistance",),
    ]
    assert [c.economics.cost_per_customer for c in changes] == pytest.approx(
        [2.277778, 2.555556, 6.388889, 7.366667], abs=1e-6
    )
    assert changes[0].after == (("self_service", 1.0), ("communities", 1.0))
    assert changes[-1].describe(catalog) == "personal assistance for 20% of them"


def test_cheapest_addition_of_nothing_is_nothing(catalog: Catalog) -> None:
    walk_ins = figures("walk-ins", "mass_market", 120, 1500, (("self_service", 1.0),))
    assert cheapest_addition([walk_ins], "walk-ins", catalog, [], lambda _t: 1.0) == []


# --- for every mix: never a type already there, never one ruled out -----------------------

_CATALOG = load_catalog(None)
_mixes = st.lists(
    st.tuples(st.sampled_from(list(_CATALOG.types)), st.sampled_from([1.0, 0.5, 0.2, 0.1, 0.05])),
    min_size=1,
    max_size=4,
    unique_by=lambda pair: pair[0],
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    archetype=st.sampled_from(sorted(DEFAULTS)),
    revenue=st.sampled_from([1, 20, 120, 2_000, 50_000]),
    customers=st.sampled_from([1, 40, 1_500, 60_000, 2_000_000]),
    mix=_mixes,
)
def test_no_change_adds_a_type_in_the_mix_or_ruled_out(
    archetype: str, revenue: float, customers: int, mix: list[tuple[str, float]]
) -> None:
    segment = figures("seg", archetype, revenue, customers, tuple(mix))
    used = {type_id for type_id, _ in mix}
    unsuited = set(_CATALOG.archetypes[archetype].unsuited_types)
    addable = addable_types(segment, _CATALOG)
    assert not {t.id for t in addable} & (used | unsuited)
    changes = [
        *cheapest_addition([segment], "seg", _CATALOG, addable, lambda _t: 1.0),
        *(fewer_served([segment], "seg", type_id, _CATALOG) for type_id in used),
    ]
    cheaper = cheaper_mix([segment], "seg", _CATALOG)
    if cheaper is not None:
        changes.append(cheaper)
    for change in changes:
        assert change.before == tuple(mix)
        assert not set(change.added) & (used | unsuited), change.after
        assert set(change.added) == {t for t, _ in change.after} - used
        assert all(0 < share <= 1 for _, share in change.after), change.after
