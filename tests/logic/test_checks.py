"""Each check fires on the input it should and stays quiet otherwise.

Thresholds are read from the catalog so the tests follow the content's
teaching assumptions instead of repeating their numbers.
"""

from __future__ import annotations

import pytest

from bmc_course.formats.submission import submission_from_case
from bmc_course.logic.checks import (
    FINDING_CODES,
    SEVERITY_RANK,
    Finding,
    check_segment,
    check_segments,
    relationship_cost_per_customer,
    worst_severity,
)
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import Severity
from tests.conftest import SegmentFactory


def codes(findings: list) -> list[str]:
    return [f.code for f in findings]


def severity_of(findings: list, code: str) -> str:
    (finding,) = [f for f in findings if f.code == code]
    return finding.severity


# --- revenue / cost imbalance -------------------------------------------------------


def _segment_at_ratio(make_segment: SegmentFactory, catalog: Catalog, ratio: float):
    base = make_segment(archetype="business", relationships=["dedicated_personal_assistance"])
    cost = relationship_cost_per_customer(base, catalog)
    return make_segment(
        archetype="business",
        relationships=["dedicated_personal_assistance"],
        revenue_per_customer=cost / ratio,
    )


def test_imbalance_problem_above_problem_ratio(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    rule = catalog.assumptions.imbalance
    findings = check_segment(
        _segment_at_ratio(make_segment, catalog, rule.problem_ratio * 1.2), catalog
    )
    assert severity_of(findings, "revenue_cost_imbalance") == "problem"


def test_imbalance_warning_between_ratios(catalog: Catalog, make_segment: SegmentFactory) -> None:
    rule = catalog.assumptions.imbalance
    middle = (rule.warning_ratio + rule.problem_ratio) / 2
    findings = check_segment(_segment_at_ratio(make_segment, catalog, middle), catalog)
    assert severity_of(findings, "revenue_cost_imbalance") == "warning"


def test_imbalance_quiet_below_warning_ratio(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    rule = catalog.assumptions.imbalance
    findings = check_segment(
        _segment_at_ratio(make_segment, catalog, rule.warning_ratio / 2), catalog
    )
    assert "revenue_cost_imbalance" not in codes(findings)


def test_imbalance_zero_revenue_is_a_problem(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    findings = check_segment(make_segment(revenue_per_customer=0), catalog)
    assert severity_of(findings, "revenue_cost_imbalance") == "problem"


def test_cost_counts_set_up_spread_over_customers(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    model = catalog.types["self_service"].cost_model
    few = relationship_cost_per_customer(
        make_segment(relationships=["self_service"], customers=10), catalog
    )
    many = relationship_cost_per_customer(
        make_segment(relationships=["self_service"], customers=1_000_000), catalog
    )
    assert few == pytest.approx(model.setup_cost / 10 + model.cost_per_customer)
    assert many < few


# --- expectations ------------------------------------------------------------------------


def test_luxury_served_only_by_self_service_is_a_mismatch(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    luxury = catalog.archetypes["luxury"]
    self_service = catalog.types["self_service"]
    gap = luxury.expects_personalisation - self_service.attributes.personalisation
    assert gap >= catalog.assumptions.expectation.mismatch_gap, "content premise of this test"
    findings = check_segment(
        make_segment(archetype="luxury", relationships=["self_service"]), catalog
    )
    assert "expectation_mismatch" in codes(findings)


def test_business_with_personal_assistance_meets_expectations(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    findings = check_segment(
        make_segment(archetype="business", relationships=["personal_assistance"]), catalog
    )
    assert "expectation_mismatch" not in codes(findings)


def test_price_driven_segment_with_costly_type_is_over_served(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    assert catalog.archetypes["mass_market"].price_driven
    findings = check_segment(
        make_segment(
            archetype="mass_market",
            revenue_per_customer=1e6,
            relationships=["self_service", "dedicated_personal_assistance"],
        ),
        catalog,
    )
    over = [f for f in findings if f.code == "over_serving"]
    assert [f.type_id for f in over] == ["dedicated_personal_assistance"]


def test_cheap_types_do_not_over_serve(catalog: Catalog, make_segment: SegmentFactory) -> None:
    findings = check_segment(
        make_segment(archetype="mass_market", relationships=["self_service", "communities"]),
        catalog,
    )
    assert "over_serving" not in codes(findings)


def test_costly_type_for_non_price_driven_segment_is_not_over_serving(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    assert not catalog.archetypes["business"].price_driven
    findings = check_segment(
        make_segment(archetype="business", relationships=["dedicated_personal_assistance"]), catalog
    )
    assert "over_serving" not in codes(findings)


# --- lifecycle -----------------------------------------------------------------------------


def test_stated_motivation_not_served_is_a_warning(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    type_id, motivation = next(
        (t.id, m)
        for t in catalog.types.values()
        for m in ("acquisition", "retention", "boosting_sales")
        if m not in t.motivations
    )
    findings = check_segment(
        make_segment(relationships=[type_id], motivations=[motivation]), catalog
    )
    gaps = [f for f in findings if f.code == "lifecycle_gap"]
    assert any(f.severity == "warning" for f in gaps)


def test_full_coverage_gives_no_lifecycle_finding(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    all_types = list(catalog.types)
    findings = check_segment(
        make_segment(
            relationships=all_types, motivations=["acquisition", "retention", "boosting_sales"]
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
    machines = [t.id for t in catalog.types.values() if not t.human_contact]
    assert machines, "content premise: some types involve no person"
    findings = check_segment(make_segment(relationships=machines), catalog)
    assert "no_human_fallback" in codes(findings)


def test_a_human_type_is_a_fallback(catalog: Catalog, make_segment: SegmentFactory) -> None:
    findings = check_segment(
        make_segment(relationships=["automated_services", "personal_assistance"]), catalog
    )
    assert "no_human_fallback" not in codes(findings)


def test_heavy_set_up_for_unvalidated_segment(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    heavy = catalog.assumptions.investment.heavy_setup_cost
    heavy_types = [t.id for t in catalog.types.values() if t.cost_model.setup_cost >= heavy]
    light_types = [t.id for t in catalog.types.values() if t.cost_model.setup_cost < heavy]
    assert heavy_types and light_types, "content premise"
    flagged = check_segment(make_segment(validated=False, relationships=heavy_types), catalog)
    assert sorted(f.type_id for f in flagged if f.code == "unvalidated_investment") == sorted(
        heavy_types
    )
    validated = check_segment(make_segment(validated=True, relationships=heavy_types), catalog)
    assert "unvalidated_investment" not in codes(validated)
    light = check_segment(make_segment(validated=False, relationships=light_types), catalog)
    assert "unvalidated_investment" not in codes(light)


@pytest.mark.parametrize("wording", ["website", "Website", "Social  media", "web shop"])
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


def test_each_case_yields_the_findings_it_teaches(catalog: Catalog) -> None:
    for case in catalog.cases.values():
        findings = check_segments(submission_from_case(case).segments, catalog)
        found = set(codes(findings))
        assert set(case.expected_findings) <= found, (case.id, found)
        worst = worst_severity(findings)
        if worst is not None:
            assert SEVERITY_RANK[worst] <= SEVERITY_RANK[case.max_severity], (case.id, worst)


def test_online_retailer_is_imbalanced_and_cleat_maker_has_no_problem(catalog: Catalog) -> None:
    retailer = check_segments(
        submission_from_case(catalog.cases["online-retailer"]).segments, catalog
    )
    assert "revenue_cost_imbalance" in codes(retailer)
    cleats = check_segments(submission_from_case(catalog.cases["cleat-maker"]).segments, catalog)
    assert all(f.severity != "problem" for f in cleats)
