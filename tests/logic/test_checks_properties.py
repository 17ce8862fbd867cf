"""Rules the checks must keep for every input, not just the examples.

* Never a trap: for every archetype at realistic sizes and revenues, some
  sensible mix of the course's types gets a clean bill (no warning, no problem).
* A suggestion never names a type the segment already uses or one its
  archetype rules out, and a suggested mix is one the model has tried.
* Shares outside (0, 1] are refused by the file format.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bmc_course.formats.submission import RelationshipShare, SegmentChoice
from bmc_course.logic.checks import check_segments
from bmc_course.model.catalog import Catalog, load_catalog

# Realistic customer counts per archetype: a handful of buyers for government,
# thousands to millions for mass markets and platforms.
SIZES = {
    "mass_market": [500, 20_000, 2_000_000],
    "niche": [50, 2_000, 50_000],
    "business": [5, 400, 20_000],
    "government": [1, 20, 300],
    "luxury": [20, 2_000, 30_000],
    "platform": [10_000, 1_000_000, 100_000_000],
    "citizens": [2_000, 200_000, 5_000_000],
}
PEOPLE_SHARES = (1.0, 0.5, 0.2, 0.1, 0.05, 0.01)


def _segment(
    archetype: str, revenue: float, customers: int, mix: tuple[tuple[str, float], ...], **extra: Any
) -> SegmentChoice:
    return SegmentChoice(
        id="seg",
        name="Segment",
        archetype=archetype,
        revenue_per_customer=revenue,
        customers=customers,
        validated=True,
        relationships=[{"type": t, "share": s} for t, s in mix],
        **extra,
    )


def _sensible_mixes(catalog: Catalog, archetype: str) -> list[tuple[tuple[str, float], ...]]:
    """Mixes a lecturer would call sensible: the archetype's typical types (machines for all,
    people for some or all), always with a person someone can turn to."""
    unsuited = set(catalog.archetypes[archetype].unsuited_types)
    people = [
        t for t in ("personal_assistance", "dedicated_personal_assistance") if t not in unsuited
    ]
    scalable = [
        t.id
        for t in catalog.types.values()
        if t.attributes.scalability >= 4 and t.id not in unsuited
    ]
    mixes: list[tuple[tuple[str, float], ...]] = []
    for person, share in itertools.product(people, PEOPLE_SHARES):
        mixes.append(((person, share),))
        for machine in scalable:
            mixes.append(((machine, 1.0), (person, share)))
        for first, second in itertools.combinations(scalable, 2):
            mixes.append(((first, 1.0), (second, 1.0), (person, share)))
    mixes.extend(
        ((person_a, 1.0), (person_b, share))
        for person_a, person_b in itertools.permutations(people, 2)
        for share in PEOPLE_SHARES
    )
    return mixes


def _clean(findings: list[Any]) -> bool:
    return all(f.severity == "info" for f in findings)


@pytest.mark.parametrize("archetype", sorted(SIZES))
def test_every_archetype_at_every_realistic_size_has_a_clean_mix(
    catalog: Catalog, archetype: str
) -> None:
    band = catalog.archetypes[archetype].revenue_band
    revenues = [r for r in (band.low, band.typical, band.high) if r > 0]
    mixes = _sensible_mixes(catalog, archetype)
    traps = []
    for revenue, customers in itertools.product(revenues, SIZES[archetype]):
        if not any(
            _clean(check_segments([_segment(archetype, revenue, customers, mix)], catalog))
            for mix in mixes
        ):
            traps.append((revenue, customers))
    assert traps == [], f"{archetype}: no sensible mix passes at (revenue, customers) {traps}"


def test_the_free_side_of_a_platform_can_pass_when_funded(catalog: Catalog) -> None:
    users = _segment(
        "platform",
        0,
        1_000_000,
        (("automated_services", 1.0), ("personal_assistance", 0.01)),
        funded_by="payers",
    )
    payers = SegmentChoice(
        id="payers",
        name="Advertisers",
        archetype="business",
        revenue_per_customer=5000,
        customers=20_000,
        validated=True,
        relationships=[
            {"type": "self_service", "share": 1.0},
            {"type": "personal_assistance", "share": 0.2},
        ],
    )
    assert _clean(check_segments([users, payers], catalog))


_CATALOG = load_catalog(None)
_TYPE_IDS = list(_CATALOG.types)
_mix = st.lists(
    st.tuples(st.sampled_from(_TYPE_IDS), st.sampled_from([1.0, 0.5, 0.2, 0.1, 0.05, 0.01])),
    min_size=1,
    max_size=4,
    unique_by=lambda pair: pair[0],
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    archetype=st.sampled_from(sorted(SIZES)),
    revenue=st.sampled_from([0, 5, 40, 120, 600, 9_000, 150_000]),
    customers=st.sampled_from([1, 12, 300, 5_000, 200_000, 3_000_000]),
    mix=_mix,
    motivations=st.lists(
        st.sampled_from(["acquisition", "retention", "boosting_sales"]), unique=True
    ),
    acquisition_cost=st.sampled_from([None, 10.0, 500.0]),
)
def test_no_suggestion_names_a_chosen_or_unsuited_type(
    archetype: str,
    revenue: float,
    customers: int,
    mix: list[tuple[str, float]],
    motivations: list[str],
    acquisition_cost: float | None,
) -> None:
    segment = _segment(
        archetype,
        revenue,
        customers,
        tuple(mix),
        motivations=motivations,
        acquisition_cost=acquisition_cost,
    )
    used = {t for t, _ in mix}
    unsuited = set(_CATALOG.archetypes[archetype].unsuited_types)
    for finding in check_segments([segment], _CATALOG):
        assert not set(finding.suggested_types) & used, finding
        assert not set(finding.suggested_types) & unsuited, finding
        if finding.suggested_mix is not None:
            suggested = dict(finding.suggested_mix)
            assert set(suggested) - used <= set(finding.suggested_types), finding
            assert all(0 < share <= 1 for share in suggested.values()), finding
            assert not (set(suggested) - used) & unsuited, finding


@given(share=st.one_of(st.floats(max_value=0), st.floats(min_value=1.0000001, allow_infinity=True)))
def test_shares_outside_zero_to_one_are_refused(share: float) -> None:
    with pytest.raises(ValidationError):
        RelationshipShare(type="self_service", share=share)


@given(share=st.floats(min_value=1e-9, max_value=1))
def test_shares_in_zero_to_one_are_kept(share: float) -> None:
    assert RelationshipShare(type="self_service", share=share).share == share
