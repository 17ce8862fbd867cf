"""Checks a learner's relationship choices get: pure functions returning findings.

Each finding carries a code (part of the product's contract), a severity, the
segment and type it is about, a one-line message the learner can act on, a
suggestion, and the teaching assumption it relied on. Thresholds come from
``content/assumptions.toml``, never from numbers in this file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Protocol, get_args

from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import MOTIVATION_IDS, FindingCode, RelationshipType, Severity

FINDING_CODES: tuple[FindingCode, ...] = get_args(FindingCode)
SEVERITY_RANK: dict[Severity, int] = {"info": 0, "warning": 1, "problem": 2}


class SegmentLike(Protocol):
    """What the checks read of a segment (a learner's choice or a worked case's)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def archetype(self) -> str: ...
    @property
    def revenue_per_customer(self) -> float: ...
    @property
    def customers(self) -> int: ...
    @property
    def validated(self) -> bool: ...
    @property
    def relationships(self) -> Sequence[str]: ...
    @property
    def motivations(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class Finding:
    """One thing the checks noticed about one segment's relationships."""

    code: FindingCode
    severity: Severity
    segment_id: str
    type_id: str | None
    message: str
    suggestion: str
    assumption: str

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


def chosen_types(segment: SegmentLike, catalog: Catalog) -> tuple[RelationshipType, ...]:
    """The relationship types chosen for a segment (channel names and unknown ids left out)."""
    return catalog.types_among(segment.relationships)


def relationship_cost_per_customer(segment: SegmentLike, catalog: Catalog) -> float:
    """Yearly relationship cost per customer: every chosen type counted for the whole segment."""
    return sum(
        t.cost_model.cost_per_customer_at(segment.customers) for t in chosen_types(segment, catalog)
    )


def covered_motivations(segment: SegmentLike, catalog: Catalog) -> set[str]:
    """Lifecycle motivations the segment's chosen types serve."""
    return {m for t in chosen_types(segment, catalog) for m in t.motivations}


def _names(types: Iterable[RelationshipType]) -> str:
    return ", ".join(t.name.lower() for t in types)


def check_revenue_cost(segment: SegmentLike, catalog: Catalog) -> list[Finding]:
    """Flag a segment whose relationship cost eats too much of its revenue."""
    types = chosen_types(segment, catalog)
    if not types:
        return []
    rule = catalog.assumptions.imbalance
    # each type's cost once (relationship_cost_per_customer is their sum)
    costs = [t.cost_model.cost_per_customer_at(segment.customers) for t in types]
    cost = sum(costs)
    revenue = segment.revenue_per_customer
    ratio = cost / revenue if revenue > 0 else float("inf")
    if ratio < rule.warning_ratio:
        return []
    severity: Severity = "problem" if ratio >= rule.problem_ratio else "warning"
    costliest = types[costs.index(max(costs))]
    share = "more than all" if ratio == float("inf") else f"{ratio:.0%}"
    message = (
        f"{segment.name}: relationships cost about {cost:,.2f} per customer a year, "
        f"{share} of the {revenue:,.2f} each customer brings in."
    )
    suggestion = (
        f"Serve most of this segment in a cheaper way than {costliest.name.lower()} "
        "(self-service, automation or a community) and keep costly contact for the few "
        "customers who pay for it, or check that the revenue per customer is right."
    )
    assumption = (
        f"Warning from {rule.warning_ratio:.0%} and problem from {rule.problem_ratio:.0%} of revenue "
        f"(illustrative cost models). {rule.rationale}"
    )
    return [
        Finding(
            "revenue_cost_imbalance",
            severity,
            segment.id,
            costliest.id,
            message,
            suggestion,
            assumption,
        )
    ]


def check_expectations(segment: SegmentLike, catalog: Catalog) -> list[Finding]:
    """Flag under-serving (expectation_mismatch) and over-serving a price-driven segment."""
    types = chosen_types(segment, catalog)
    archetype = catalog.archetypes.get(segment.archetype)
    if not types or archetype is None:
        return []
    rule = catalog.assumptions.expectation
    findings = []
    for label, expected, best in (
        (
            "personal contact",
            archetype.expects_personalisation,
            max(t.attributes.personalisation for t in types),
        ),
        ("two-way exchange", archetype.expects_two_way, max(t.attributes.two_way for t in types)),
    ):
        gap = expected - best
        if gap < rule.mismatch_gap:
            continue
        severity: Severity = "problem" if gap >= rule.problem_gap else "warning"
        findings.append(
            Finding(
                "expectation_mismatch",
                severity,
                segment.id,
                None,
                f"{segment.name} ({archetype.name.lower()}) expect {label} at level {expected} of 5, "
                f"but the most your mix ({_names(types)}) offers is {best}.",
                f"Add a more personal, two-way type for this segment, for example "
                f"{_hint(archetype.typical_relationships, catalog)}.",
                f"Gap of {rule.mismatch_gap}+ levels is a warning, {rule.problem_gap}+ a problem; "
                f"{archetype.name} typically expect: {archetype.expects} {rule.rationale}",
            )
        )
    if archetype.price_driven:
        for t in types:
            if t.attributes.cost_to_serve >= rule.over_serving_cost:
                findings.append(
                    Finding(
                        "over_serving",
                        "warning",
                        segment.id,
                        t.id,
                        f"{segment.name} are a price-driven segment, yet {t.name.lower()} is one of "
                        f"the costliest ways to serve them (cost to serve {t.attributes.cost_to_serve}/5).",
                        f"Keep {t.name.lower()} for exceptions (complaints, big orders) and give the "
                        "segment as a whole self-service or automated service.",
                        f"Types with cost to serve {rule.over_serving_cost}/5 or more over-serve "
                        f"price-driven segments. {rule.rationale}",
                    )
                )
    return findings


def _hint(type_ids: Sequence[str], catalog: Catalog) -> str:
    return " or ".join(catalog.types[i].name.lower() for i in type_ids if i in catalog.types)


def check_lifecycle(segment: SegmentLike, catalog: Catalog) -> list[Finding]:
    """Report which of acquisition / retention / boosting sales the mix leaves uncovered."""
    covered = covered_motivations(segment, catalog)
    if covered.issuperset(MOTIVATION_IDS):  # the usual case: nothing to say, nothing to word
        return []
    stated = [m for m in MOTIVATION_IDS if m in segment.motivations]
    unstated = [m for m in MOTIVATION_IDS if m not in segment.motivations]
    findings = []
    names = {
        m: catalog.motivations[m].name.lower() for m in MOTIVATION_IDS if m in catalog.motivations
    }
    assumption = (
        "Which motivations each type serves is a teaching assumption in relationship_types.toml."
    )
    for motivation in stated:
        if motivation not in covered:
            findings.append(
                Finding(
                    "lifecycle_gap",
                    "warning",
                    segment.id,
                    None,
                    f"{segment.name}: you aim at {names.get(motivation, motivation)}, but none of the "
                    "chosen relationships serves it.",
                    f"Add a type that serves {names.get(motivation, motivation)} "
                    f"({_serving(motivation, catalog)}), or drop it as a goal for this segment.",
                    assumption,
                )
            )
    missing = [m for m in unstated if m not in covered]
    if missing:
        listed = ", ".join(names.get(m, m) for m in missing)
        findings.append(
            Finding(
                "lifecycle_gap",
                "info",
                segment.id,
                None,
                f"{segment.name}: nothing in the mix works on {listed}.",
                "That is fine if it is a deliberate choice; say so, or add a type that covers it.",
                assumption,
            )
        )
    return findings


def _serving(motivation: str, catalog: Catalog) -> str:
    return ", ".join(t.name.lower() for t in catalog.types.values() if motivation in t.motivations)


def check_human_fallback(segment: SegmentLike, catalog: Catalog) -> list[Finding]:
    """Flag a segment served only by machines and tools, with no person to turn to."""
    types = chosen_types(segment, catalog)
    if not types or any(t.human_contact for t in types):
        return []
    return [
        Finding(
            "no_human_fallback",
            "warning",
            segment.id,
            types[0].id,
            f"{segment.name} are served only by {_names(types)}: nobody to turn to when it fails.",
            "Add a light human fallback (a phone line, a chat with a person, staff on call) "
            "for the moments the machine or the tool cannot help.",
            "Types marked human_contact = false in relationship_types.toml involve no person.",
        )
    ]


def check_unvalidated_investment(segment: SegmentLike, catalog: Catalog) -> list[Finding]:
    """Flag heavy self-service/automation spending for a segment not yet validated."""
    if segment.validated:
        return []
    rule = catalog.assumptions.investment
    heavy = [
        t
        for t in chosen_types(segment, catalog)
        if t.cost_model.setup_cost >= rule.heavy_setup_cost
    ]
    if not heavy:
        return []
    assumption = (
        f"Set-up costs of {rule.heavy_setup_cost:,.0f} or more count as heavy. {rule.rationale}"
    )
    return [
        Finding(
            "unvalidated_investment",
            "warning",
            segment.id,
            t.id,
            f"{segment.name} is not validated yet, but {t.name.lower()} needs about "
            f"{t.cost_model.setup_cost:,.0f} up front.",
            "Validate the segment and the proposition first (interviews, a manual concierge "
            "version, an MVP), then build the tools.",
            assumption,
        )
        for t in heavy
    ]


def check_channels(segment: SegmentLike, catalog: Catalog) -> list[Finding]:
    """Flag entries that name a channel (how you reach customers) instead of a relationship."""
    findings = []
    for entry in segment.relationships:
        if entry in catalog.types:
            continue
        channel = catalog.channel_for(entry)
        if channel is None:
            continue
        hint = catalog.types.get(channel.relationship_hint)
        findings.append(
            Finding(
                "channel_not_relationship",
                "warning",
                segment.id,
                channel.relationship_hint,
                f"{segment.name}: {entry!r} is a channel, not a relationship. {channel.explanation}",
                f"Name the kind of relationship it carries instead, probably "
                f"{hint.name.lower() if hint else channel.relationship_hint}.",
                "Channels and relationships are told apart in channels.toml.",
            )
        )
    return findings


SEGMENT_CHECKS = (
    check_revenue_cost,
    check_expectations,
    check_lifecycle,
    check_human_fallback,
    check_unvalidated_investment,
    check_channels,
)


def check_segment(segment: SegmentLike, catalog: Catalog) -> list[Finding]:
    """All findings for one segment, most severe first."""
    findings = [f for check in SEGMENT_CHECKS for f in check(segment, catalog)]
    return sorted(findings, key=lambda f: -SEVERITY_RANK[f.severity])


def check_segments(segments: Iterable[SegmentLike], catalog: Catalog) -> list[Finding]:
    """All findings for all segments, most severe first (segment order kept within a severity)."""
    findings = [f for segment in segments for f in check_segment(segment, catalog)]
    return sorted(findings, key=lambda f: -SEVERITY_RANK[f.severity])


def worst_severity(findings: Iterable[Finding]) -> Severity | None:
    """The highest severity among findings, or ``None`` when there are none."""
    ranked = [f.severity for f in findings]
    if not ranked:
        return None
    return max(ranked, key=lambda severity: SEVERITY_RANK[severity])
