"""Each check fires on the input it should, with the numbers and advice worked out by hand.

Figures are the built-in content's (see tests/logic/test_economics.py for the
table); every expected value below is written down, never computed by the
code under test.
"""

from __future__ import annotations

import pytest

from bmc_course.formats.submission import RelationshipShare, SegmentChoice, submission_from_case
from bmc_course.logic.checks import (
    FINDING_CODES,
    SEVERITY_RANK,
    Finding,
    check_segment,
    check_segments,
    worst_severity,
)
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import Severity
from tests.conftest import SegmentFactory


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def severity_of(findings: list[Finding], code: str) -> str:
    (finding,) = [f for f in findings if f.code == code]
    return finding.severity


def bike_shop(make_segment: SegmentFactory) -> list[SegmentChoice]:
    return [
        make_segment(
            id="walk-ins",
            name="Walk-in commuters",
            archetype="mass_market",
            revenue_per_customer=120,
            customers=1500,
            relationships=["personal_assistance", "self_service"],
        ),
        make_segment(
            id="fleets",
            name="Delivery fleets",
            archetype="business",
            revenue_per_customer=9000,
            customers=12,
            relationships=["dedicated_personal_assistance"],
        ),
        make_segment(
            id="clubs",
            name="Cycling clubs",
            archetype="niche",
            revenue_per_customer=450,
            customers=40,
            relationships=["communities", "personal_assistance"],
        ),
    ]


# --- revenue / cost imbalance: cost against gross profit ---------------------------------


def test_bike_shop_findings_and_advice(catalog: Catalog, make_segment: SegmentFactory) -> None:
    findings = check_segments(bike_shop(make_segment), catalog)
    assert [(f.severity, f.code, f.segment_id) for f in findings] == [
        ("problem", "revenue_cost_imbalance", "walk-ins"),
        ("warning", "over_serving", "walk-ins"),
        ("warning", "revenue_cost_imbalance", "fleets"),
    ]
    walk_ins, over, fleets = findings
    # 30 + 0.5 running + 300/1,540 + 1,000/1,500 set-up = 31.36 against 120 × 40% = 48
    assert "31.36 per customer a year, 65% of the 48 gross profit" in walk_ins.message
    # personal assistance for 25%: 7.5 + 0.5 + 300×375/415/1,500 + 0.667 = 8.85, 18% of 48
    assert walk_ins.suggestion == (
        "Personal assistance for 25% of them instead of all: the model says that brings "
        "relationship cost to about 8.85 per customer a year, 18% of gross profit."
    )
    assert walk_ins.suggested_mix == (("personal_assistance", 0.25), ("self_service", 1.0))
    assert walk_ins.suggested_types == ()
    assert over.type_id == "personal_assistance"
    assert over.suggested_mix == (("personal_assistance", 0.1), ("self_service", 1.0))
    # 1,500 + 400/12 = 1,533 against 9,000 × 40% = 3,600
    assert "1,533 per customer a year, 43% of the 3,600 gross profit" in fleets.message
    # dedicated for half, personal assistance for all: 750 + 33.33 + 30 + 300×12/427/12 = 814
    assert fleets.suggested_mix == (
        ("dedicated_personal_assistance", 0.5),
        ("personal_assistance", 1.0),
    )
    assert fleets.suggested_types == ("personal_assistance",)
    assert "about 814 per customer a year, 23% of gross profit" in fleets.suggestion


def test_following_the_advice_clears_the_bike_shop(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segments = bike_shop(make_segment)
    for _step in range(4):
        findings = [f for f in check_segments(segments, catalog) if f.severity != "info"]
        if not findings:
            break
        finding = findings[0]
        assert finding.suggested_mix is not None, finding
        before = next(s for s in segments if s.id == finding.segment_id)
        used = {r.type for r in before.relationships}
        assert not set(finding.suggested_types) & used  # never a type already chosen
        before.relationships = [
            RelationshipShare(type=t, share=share) for t, share in finding.suggested_mix
        ]
    assert [f for f in check_segments(segments, catalog) if f.severity != "info"] == []
    assert {s.id: [(r.type, r.share) for r in s.relationships] for s in segments} == {
        "walk-ins": [("personal_assistance", 0.25), ("self_service", 1.0)],
        "fleets": [("dedicated_personal_assistance", 0.5), ("personal_assistance", 1.0)],
        "clubs": [("communities", 1.0), ("personal_assistance", 1.0)],
    }


def test_set_up_is_not_charged_every_year_for_a_small_car_wash(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    wash = make_segment(
        archetype="mass_market",
        revenue_per_customer=80,
        customers=3000,
        relationships=["automated_services", ("personal_assistance", 0.1)],
    )
    # automated for 3,000 (a small set-up): 4,000/3 = 1,333 a year → 0.44 + 0.5; personal for 300:
    # 1,500/5 = 300 a year → 0.1 + 3. Total 4.04 against 80 × 40% = 32: 13%, no finding
    assert check_segment(wash, catalog) == []


def test_imbalance_quiet_below_the_warning_line(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    # business, 500 customers, personal assistance: 30 + 20,000/5/500 = 38 against 4,000
    findings = check_segment(make_segment(relationships=["personal_assistance"]), catalog)
    assert findings == []


def test_no_gross_profit_is_a_problem_with_the_funding_hint(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    free = make_segment(
        archetype="platform",
        revenue_per_customer=0,
        customers=1000,
        relationships=["automated_services", ("personal_assistance", 0.1)],
    )
    (finding,) = [f for f in check_segment(free, catalog) if f.code == "revenue_cost_imbalance"]
    assert finding.severity == "problem"
    assert "brings in no gross profit" in finding.message
    assert "funded by" in finding.suggestion
    assert finding.suggested_mix is None


def test_a_funded_segment_is_judged_where_it_is_paid_for(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    users = make_segment(
        id="users",
        name="Users",
        archetype="platform",
        revenue_per_customer=0,
        customers=1000,
        funded_by="payers",
        relationships=["automated_services", ("personal_assistance", 0.1)],
    )
    payers = make_segment(
        id="payers",
        name="Payers",
        archetype="business",
        revenue_per_customer=1000,
        customers=100,
        relationships=["personal_assistance"],
    )
    findings = check_segments([users, payers], catalog)
    assert "revenue_cost_imbalance" not in codes(findings)


# --- acquisition cost against lifetime value ------------------------------------------------


@pytest.mark.parametrize(
    ("acquisition_cost", "expected"),
    [(150, "warning"), (200, "problem"), (60, None)],
)
def test_acquisition_cost_against_lifetime_value(
    catalog: Catalog, make_segment: SegmentFactory, acquisition_cost: float, expected: str | None
) -> None:
    # mass market, 150 a year × 40% × 3 years = 180 lifetime value: 150 → 1.2×, 200 → 0.9×, 60 → 3×
    prepaid = make_segment(
        archetype="mass_market",
        revenue_per_customer=150,
        customers=10_000,
        acquisition_cost=acquisition_cost,
        relationships=["automated_services", ("personal_assistance", 0.1)],
    )
    found = [
        f for f in check_segment(prepaid, catalog) if f.code == "acquisition_cost_not_recovered"
    ]
    assert [f.severity for f in found] == ([expected] if expected else [])
    if expected == "warning":
        assert found[0].message.endswith(
            "leaves about 180 of gross profit over 3 years (1.2 times the cost)."
        )
        assert found[0].suggested_types == ("communities", "co_creation")


# --- expectations ---------------------------------------------------------------------------


def test_luxury_served_only_by_self_service_is_a_mismatch_and_gets_a_person(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    findings = check_segment(
        make_segment(archetype="luxury", relationships=["self_service"]), catalog
    )
    mismatches = [f for f in findings if f.code == "expectation_mismatch"]
    # expects contact 5 and two-way 5; self-service gives 1 and 1: gaps of 4 → problems
    assert [f.severity for f in mismatches] == ["problem", "problem"]
    # the cheapest way to close the contact gap at 20% is personal assistance, never a machine
    assert mismatches[0].suggested_types == ("personal_assistance",)
    assert mismatches[0].suggested_mix == (("self_service", 1.0), ("personal_assistance", 0.2))


def test_a_person_for_one_customer_in_ten_does_not_make_it_personal(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    few = make_segment(
        archetype="business", relationships=["self_service", ("personal_assistance", 0.1)]
    )
    enough = make_segment(
        archetype="business", relationships=["self_service", ("personal_assistance", 0.2)]
    )
    assert "expectation_mismatch" in codes(check_segment(few, catalog))
    assert "expectation_mismatch" not in codes(check_segment(enough, catalog))


def test_niche_customers_served_only_by_machines_miss_people(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    machines = make_segment(
        archetype="niche", revenue_per_customer=600, relationships=["automated_services"]
    )
    (finding,) = [f for f in check_segment(machines, catalog) if f.code == "expectation_mismatch"]
    assert finding.severity == "warning"  # expects contact 3, automation gives 1
    assert "contact with a person at level 3 of 5" in finding.message


def test_business_with_personal_assistance_meets_expectations(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    findings = check_segment(
        make_segment(archetype="business", relationships=["personal_assistance"]), catalog
    )
    assert "expectation_mismatch" not in codes(findings)


def test_price_driven_segment_with_costly_type_for_most_is_over_served(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    findings = check_segment(
        make_segment(
            archetype="mass_market",
            revenue_per_customer=1e6,
            relationships=["self_service", "personal_assistance"],
        ),
        catalog,
    )
    over = [f for f in findings if f.code == "over_serving"]
    assert [f.type_id for f in over] == ["personal_assistance"]


def test_a_costly_type_for_a_few_is_not_over_serving(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    findings = check_segment(
        make_segment(
            archetype="mass_market", relationships=["self_service", ("personal_assistance", 0.1)]
        ),
        catalog,
    )
    assert "over_serving" not in codes(findings)


def test_costly_type_for_non_price_driven_segment_is_not_over_serving(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    findings = check_segment(
        make_segment(
            archetype="business",
            revenue_per_customer=100_000,
            relationships=["dedicated_personal_assistance"],
        ),
        catalog,
    )
    assert "over_serving" not in codes(findings)


# --- lifecycle -----------------------------------------------------------------------------


def test_a_sign_up_website_alone_leaves_retention_and_sales_open(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    findings = check_segment(
        make_segment(
            archetype="mass_market",
            relationships=["self_service"],
            motivations=["retention", "boosting_sales"],
        ),
        catalog,
    )
    gaps = [f for f in findings if f.code == "lifecycle_gap"]
    assert [f.severity for f in gaps] == ["warning", "warning"]
    # cheapest first for a mass market: communities (1 + set-up) retains; automation boosts sales
    assert gaps[0].suggested_types == ("communities", "automated_services")
    assert gaps[1].suggested_types == ("automated_services", "personal_assistance")


def test_dedicated_assistance_wins_clients(catalog: Catalog, make_segment: SegmentFactory) -> None:
    bank = make_segment(
        archetype="luxury",
        revenue_per_customer=20_000,
        customers=300,
        relationships=["dedicated_personal_assistance"],
        motivations=["acquisition"],
    )
    assert "lifecycle_gap" not in codes(check_segment(bank, catalog))


def test_full_coverage_gives_no_lifecycle_finding(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    findings = check_segment(
        make_segment(
            relationships=["personal_assistance"],
            motivations=["acquisition", "retention", "boosting_sales"],
        ),
        catalog,
    )
    assert "lifecycle_gap" not in codes(findings)


def test_unstated_uncovered_motivations_are_info(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    findings = check_segment(make_segment(relationships=[], motivations=[]), catalog)
    assert [(f.code, f.severity) for f in findings] == [("lifecycle_gap", "info")]


# --- human fallback, investment, channels ------------------------------------------------


def test_only_machines_means_no_human_fallback(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    findings = check_segment(
        make_segment(archetype="mass_market", relationships=["automated_services", "communities"]),
        catalog,
    )
    (finding,) = [f for f in findings if f.code == "no_human_fallback"]
    # a community is peer help, not a fallback; the suggestion is a person for one in ten
    assert "members are other customers, not a fallback" in finding.message
    assert finding.suggested_types == ("personal_assistance",)
    assert finding.suggested_mix == (
        ("automated_services", 1.0),
        ("communities", 1.0),
        ("personal_assistance", 0.1),
    )


def test_a_person_for_a_few_is_a_fallback(catalog: Catalog, make_segment: SegmentFactory) -> None:
    findings = check_segment(
        make_segment(relationships=["automated_services", ("personal_assistance", 0.05)]), catalog
    )
    assert "no_human_fallback" not in codes(findings)


def test_heavy_set_up_for_unvalidated_segment(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    # a million customers: automation's large tier (250,000) and self-service's (150,000) are
    # heavy; personal assistance is not automation, whatever its size
    big = {"customers": 1_000_000, "archetype": "mass_market", "revenue_per_customer": 100}
    mix = ["self_service", "automated_services", ("personal_assistance", 0.1)]
    flagged = check_segment(make_segment(validated=False, relationships=mix, **big), catalog)
    heavy = [f for f in flagged if f.code == "unvalidated_investment"]
    assert [f.type_id for f in heavy] == ["self_service", "automated_services"]
    assert "is about 150,000" in heavy[0].message
    validated = check_segment(make_segment(validated=True, relationships=mix, **big), catalog)
    assert "unvalidated_investment" not in codes(validated)


def test_a_small_shops_booking_page_is_never_heavy(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    shop = make_segment(
        validated=False,
        customers=800,
        archetype="mass_market",
        revenue_per_customer=100,
        relationships=["self_service", "automated_services", ("personal_assistance", 0.1)],
    )
    assert "unvalidated_investment" not in codes(check_segment(shop, catalog))


@pytest.mark.parametrize(
    "wording",
    [
        "website",
        "Website",
        "Social  media",
        "web shop",
        "our website",
        "Instagram page",
        "websites",
    ],
)
def test_channel_named_as_relationship(
    catalog: Catalog, make_segment: SegmentFactory, wording: str
) -> None:
    assert catalog.channel_for(wording) is not None, (
        f"content premise: {wording!r} is a channel term"
    )
    findings = check_segment(make_segment(relationships=[wording]), catalog)
    (finding,) = [f for f in findings if f.code == "channel_not_relationship"]
    assert wording in finding.message
    assert finding.type_id in catalog.types


def test_relationship_ids_are_not_channels(catalog: Catalog, make_segment: SegmentFactory) -> None:
    findings = check_segment(make_segment(relationships=list(catalog.types)), catalog)
    assert "channel_not_relationship" not in codes(findings)


@pytest.mark.parametrize("wording", ["self-service website", "Instagram community", "community"])
def test_relationships_named_with_their_channel_are_not_flagged(
    catalog: Catalog, make_segment: SegmentFactory, wording: str
) -> None:
    findings = check_segment(make_segment(relationships=[wording]), catalog)
    assert "channel_not_relationship" not in codes(findings)


# --- every finding is complete, sorted; cases teach what they say ---------------------------


def test_findings_are_complete_and_sorted(catalog: Catalog, make_segment: SegmentFactory) -> None:
    findings = check_segment(
        make_segment(
            archetype="luxury",
            validated=False,
            revenue_per_customer=1,
            relationships=["self_service", "website"],
            motivations=["retention"],
        ),
        catalog,
    )
    assert len(findings) >= 4
    for finding in findings:
        assert finding.code in FINDING_CODES
        assert finding.message and finding.suggestion and finding.assumption
        assert finding.segment_id == "seg"
        assert set(finding.to_dict()) == {
            "code",
            "severity",
            "segment_id",
            "type_id",
            "message",
            "suggestion",
            "assumption",
            "suggested_types",
            "suggested_mix",
        }
    ranks = [SEVERITY_RANK[f.severity] for f in findings]
    assert ranks == sorted(ranks, reverse=True)


def test_worst_severity() -> None:
    def finding(severity: Severity) -> Finding:
        return Finding("lifecycle_gap", severity, "seg", None, "m", "s", "a")

    assert worst_severity([]) is None
    assert worst_severity([finding("info")]) == "info"
    assert worst_severity([finding("info"), finding("warning"), finding("info")]) == "warning"
    assert worst_severity([finding("warning"), finding("problem"), finding("info")]) == "problem"


@pytest.mark.parametrize(
    "case_id",
    [
        "cleat-maker",
        "online-retailer",
        "search-engine",
        "consulting",
        "mobile-operator",
        "car-wash",
        "review-community",
        "first-draft",
    ],
)
def test_required_cases_exist(catalog: Catalog, case_id: str) -> None:
    assert case_id in catalog.cases


CASE_FINDINGS = {
    "car-wash": [("warning", "no_human_fallback", "drivers")],
    "cleat-maker": [("warning", "no_human_fallback", "athletes")],
    "consulting": [],
    "first-draft": [
        ("warning", "channel_not_relationship", "members"),
        ("warning", "channel_not_relationship", "members"),
    ],
    "mobile-operator": [
        ("warning", "acquisition_cost_not_recovered", "prepaid"),
        ("warning", "lifecycle_gap", "prepaid"),
        ("warning", "lifecycle_gap", "prepaid"),
        ("warning", "no_human_fallback", "prepaid"),
    ],
    "online-retailer": [
        ("problem", "revenue_cost_imbalance", "shoppers"),
        ("warning", "over_serving", "shoppers"),
    ],
    "review-community": [],
    "search-engine": [],
}


@pytest.mark.parametrize("case_id", sorted(CASE_FINDINGS))
def test_each_case_yields_the_findings_its_story_tells(catalog: Catalog, case_id: str) -> None:
    findings = check_segments(submission_from_case(catalog.cases[case_id]).segments, catalog)
    assert [(f.severity, f.code, f.segment_id) for f in findings] == CASE_FINDINGS[case_id]


def test_case_files_announce_what_the_checks_find(catalog: Catalog) -> None:
    for case_id, expected in CASE_FINDINGS.items():
        case = catalog.cases[case_id]
        assert sorted(set(case.expected_findings)) == sorted({code for _, code, _ in expected})


def test_citizens_are_judged_against_their_budget_per_person(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    # 2,000 residents, budget 20 a person: personal assistance for all is 30 + 1,500/5/2,000
    # = 30.15 a person, 151% of the budget (margin 1: the whole budget counts)
    residents = make_segment(
        name="Residents",
        archetype="citizens",
        revenue_per_customer=20,
        customers=2000,
        relationships=["personal_assistance"],
    )
    (finding,) = [
        f for f in check_segment(residents, catalog) if f.code == "revenue_cost_imbalance"
    ]
    assert finding.message == (
        "Residents: relationships cost about 30.15 per person a year, 151% of the 20 budget per person."
    )


def test_a_findings_key_names_its_code_and_type() -> None:
    common = {
        "severity": "warning",
        "segment_id": "s",
        "message": "m",
        "suggestion": "",
        "assumption": "",
    }
    with_type = Finding(code="over_serving", type_id="personal_assistance", **common)  # type: ignore[arg-type]
    without = Finding(code="no_human_fallback", type_id=None, **common)  # type: ignore[arg-type]
    assert (with_type.key, without.key) == ("over_serving:personal_assistance", "no_human_fallback")
