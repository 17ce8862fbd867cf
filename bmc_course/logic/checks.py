"""Checks a learner's relationship choices get: pure functions returning findings.

Each finding carries a code (part of the product's contract), a severity, the
segment and type it is about, a one-line message the learner can act on, a
suggestion, the types the suggestion adds (``suggested_types``: never one the
segment already uses or its archetype rules out) and the teaching assumption
it relied on. Every cost figure comes from the economic model
(:mod:`bmc_course.logic.economics`) and every suggested change is tried on it
first (:mod:`bmc_course.logic.mix_changes`); thresholds come from
``content/assumptions.toml``, never from numbers in this file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, get_args

from bmc_course.logic.economics import (
    BusinessEconomics,
    SegmentFigures,
    SegmentLike,
    economics_of_figures,
    figures_of,
)
from bmc_course.logic.mix_changes import (
    Mix,
    addable_types,
    cheaper_mix,
    cheapest_addition,
    expectation_levels,
    fewer_served,
    typical_share,
)
from bmc_course.logic.wording import listing, money, percent, share_of_customers, years
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import (
    MOTIVATION_IDS,
    Archetype,
    FindingCode,
    RelationshipType,
    Severity,
)

FINDING_CODES: tuple[FindingCode, ...] = get_args(FindingCode)
SEVERITY_RANK: dict[Severity, int] = {"info": 0, "warning": 1, "problem": 2}


class CheckedSegment(SegmentLike, Protocol):
    """What the checks read of a segment: its economics plus validation and lifecycle goals."""

    @property
    def validated(self) -> bool:
        """Whether the learner has evidence that the segment exists and wants the offer."""

    @property
    def motivations(self) -> Sequence[str]:
        """The lifecycle goals set for the segment: acquisition, retention, boosting sales."""


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
    suggested_types: tuple[str, ...] = field(default=())
    # The whole mix the suggestion leads to, as the model tried it (None: no mix change).
    suggested_mix: tuple[tuple[str, float], ...] | None = None

    @property
    def key(self) -> str:
        """What a learner's answer to this finding is saved under: ``code`` or ``code:type``."""
        return f"{self.code}:{self.type_id}" if self.type_id else self.code

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict (``review --json``, the class summary)."""
        data = asdict(self)
        data["suggested_types"] = list(self.suggested_types)
        data["suggested_mix"] = (
            None
            if self.suggested_mix is None
            else [{"type": type_id, "share": share} for type_id, share in self.suggested_mix]
        )
        return data


@dataclass(frozen=True)
class Context:
    """What every check of one segment reads: its figures, the whole business, the catalog."""

    segment: SegmentFigures
    segments: tuple[SegmentFigures, ...]
    economics: BusinessEconomics
    catalog: Catalog
    validated: bool
    motivations: tuple[str, ...]
    entries: tuple[str, ...]  # what the learner listed, channel words included

    @property
    def archetype(self) -> Archetype | None:
        """The segment's archetype, if the catalog knows it."""
        return self.catalog.archetypes.get(self.segment.archetype)

    @property
    def types(self) -> list[RelationshipType]:
        """The relationship types in the segment's mix, in order."""
        return [self.catalog.types[t] for t, _ in self.segment.mix]

    def name_of(self, type_id: str) -> str:
        """A type's name as it reads inside a sentence."""
        return self.catalog.types[type_id].name.lower()


def chosen_types(segment: SegmentLike, catalog: Catalog) -> tuple[RelationshipType, ...]:
    """The relationship types chosen for a segment (channel names and unknown ids left out)."""
    return tuple(catalog.types[t] for t, _ in figures_of(segment, catalog).mix)


def covered_motivations(segment: SegmentLike, catalog: Catalog) -> set[str]:
    """Lifecycle motivations the segment's chosen types serve."""
    return {m for t in chosen_types(segment, catalog) for m in t.motivations}


def check_revenue_cost(ctx: Context) -> list[Finding]:
    """Flag a segment whose relationship cost eats too much of its gross profit."""
    economics = ctx.economics.segment(ctx.segment.id)
    ratio = economics.cost_share_of_gross_profit
    rule = ctx.catalog.assumptions.imbalance
    if (
        (not economics.types and not economics.carried)
        or ratio is None
        or ratio < rule.warning_ratio
    ):
        return []
    severity: Severity = "problem" if ratio >= rule.problem_ratio else "warning"
    costliest = max(economics.types, key=lambda t: t.per_customer, default=None)
    label = ctx.archetype.revenue_label if ctx.archetype else "revenue per customer"
    carried = ""
    if economics.carried:
        names = [_segment_name(ctx, free_id) for free_id, _ in economics.carried]
        carried = f", {money(economics.carried_cost_per_customer)} of it for {listing(names)}"
    if economics.gross_profit_per_customer <= 0:
        message = (
            f"{ctx.segment.name}: relationships cost about {money(economics.cost_per_customer)} per "
            f"customer a year{carried}, but the segment brings in no gross profit "
            f"({label} {money(ctx.segment.revenue_per_customer)})."
        )
    elif ctx.archetype is not None and ctx.archetype.profit_label != "gross profit":
        message = (  # citizens: judged against the budget per person, no margin to speak of
            f"{ctx.segment.name}: relationships cost about {money(economics.cost_per_customer)} per "
            f"person a year{carried}, {percent(ratio)} of the "
            f"{money(economics.gross_profit_per_customer)} {ctx.archetype.profit_label} per person."
        )
    else:
        message = (
            f"{ctx.segment.name}: relationships cost about {money(economics.cost_per_customer)} per "
            f"customer a year{carried}, {percent(ratio)} of the "
            f"{money(economics.gross_profit_per_customer)} gross profit each customer leaves "
            f"({label} {money(ctx.segment.revenue_per_customer)} × "
            f"{ctx.segment.gross_margin:.0%} margin)."
        )
    change = cheaper_mix(ctx.segments, ctx.segment.id, ctx.catalog)
    if change is not None:
        suggestion = (
            f"{_capital(change.describe(ctx.catalog))}: the model says that {change.effect()}."
        )
        suggested: tuple[str, ...] = change.added
        mix: Mix | None = change.after
    elif economics.gross_profit_per_customer <= 0:
        suggestion = (
            "If another segment pays for this one (the free side of a platform), say so with "
            "'funded by'; otherwise check the revenue per customer."
        )
        suggested, mix = (), None
    else:
        suggestion = (
            "No mix of the course's types brings the cost under "
            f"{percent(rule.warning_ratio)} of gross profit at these figures: check the revenue "
            "per customer and the margin, or whether this segment is worth serving this way."
        )
        suggested, mix = (), None
    return [
        Finding(
            "revenue_cost_imbalance",
            severity,
            ctx.segment.id,
            costliest.type_id if costliest else None,
            message,
            suggestion,
            f"Warning from {percent(rule.warning_ratio)} and problem from "
            f"{percent(rule.problem_ratio)} of gross profit (illustrative cost models; set-up "
            f"shared and spread over years). {rule.rationale}",
            suggested,
            mix,
        )
    ]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _segment_name(ctx: Context, segment_id: str) -> str:
    return next((s.name for s in ctx.segments if s.id == segment_id), segment_id)


def check_acquisition(ctx: Context) -> list[Finding]:
    """Flag a segment whose customers cost more to win than their lifetime value can repay."""
    cost = ctx.segment.acquisition_cost
    if not cost or ctx.segment.funded_by is not None:
        return []
    economics = ctx.economics.segment(ctx.segment.id)
    rule = ctx.catalog.assumptions.acquisition
    multiple = economics.lifetime_value / cost
    if multiple >= rule.warning_multiple:
        return []
    severity: Severity = "problem" if multiple < rule.problem_multiple else "warning"
    retaining = sorted(
        addable_types(ctx.segment, ctx.catalog, lambda t: "retention" in t.motivations),
        key=lambda t: t.cost_model.cost_per_customer,
    )[:2]
    keep = (
        f"keep customers longer ({listing([t.name.lower() for t in retaining], last='or')} "
        "work on retention)"
        if retaining
        else "keep customers longer"
    )
    return [
        Finding(
            "acquisition_cost_not_recovered",
            severity,
            ctx.segment.id,
            None,
            f"{ctx.segment.name}: winning one customer costs {money(cost)}, but each leaves about "
            f"{money(economics.lifetime_value)} of gross profit over "
            f"{years(ctx.segment.customer_years)} ({multiple:.1f} times the cost).",
            f"Either {keep}, raise what each customer spends, or find a cheaper way to win them; "
            f"aim for a lifetime value of at least {rule.warning_multiple:g} times the "
            "acquisition cost.",
            f"Lifetime value = gross profit per year × years a customer stays; warning below "
            f"{rule.warning_multiple:g}×, problem below {rule.problem_multiple:g}× the "
            f"acquisition cost. {rule.rationale}",
            tuple(t.id for t in retaining),
        )
    ]


def check_expectations(ctx: Context) -> list[Finding]:
    """Flag under-serving (expectation_mismatch) and over-serving a price-driven segment."""
    archetype = ctx.archetype
    if not ctx.segment.mix or archetype is None:
        return []
    return _under_serving(ctx, archetype) + _over_serving(ctx, archetype)


def _under_serving(ctx: Context, archetype: Archetype) -> list[Finding]:
    rule = ctx.catalog.assumptions.expectation
    human, two_way = expectation_levels(ctx.segment.mix, ctx.catalog)
    findings = []
    for label, expected, offered, level_of in (
        ("contact with a person", archetype.expects_human_contact, human, _human),
        ("two-way exchange", archetype.expects_two_way, two_way, _two_way),
    ):
        gap = expected - offered
        if gap < rule.mismatch_gap:
            continue
        needed = expected - rule.mismatch_gap + 1
        changes = cheapest_addition(
            ctx.segments,
            ctx.segment.id,
            ctx.catalog,
            addable_types(ctx.segment, ctx.catalog, _at_least(level_of, needed)),
            lambda t: max(typical_share(t, ctx.catalog), rule.min_share),
        )
        if changes:
            best = changes[0]
            suggestion = (
                f"Add {best.describe(ctx.catalog)}: that meets the expectation, and the model "
                f"says it {best.effect()}."
            )
            suggested: tuple[str, ...] = best.added
            mix: Mix | None = best.after
        else:
            suggestion = (
                f"Offer the types you chose to more of them: a type counts for the segment from "
                f"{percent(rule.min_share)} of its customers on."
            )
            suggested, mix = (), None
        findings.append(
            Finding(
                "expectation_mismatch",
                "problem" if gap >= rule.problem_gap else "warning",
                ctx.segment.id,
                None,
                f"{ctx.segment.name}: {archetype.name} typically expect {label} at level "
                f"{expected} of 5, but what your mix gives most of them stops at level {offered}.",
                suggestion,
                f"A gap of {rule.mismatch_gap}+ levels is a warning, {rule.problem_gap}+ a "
                f"problem; types count from {percent(rule.min_share)} of the segment. "
                f"{archetype.name} typically expect: {archetype.expects} {rule.rationale}",
                suggested,
                mix,
            )
        )
    return findings


def _at_least(
    level_of: Callable[[RelationshipType], int], needed: int
) -> Callable[[RelationshipType], bool]:
    def reaches(relationship: RelationshipType) -> bool:
        return level_of(relationship) >= needed

    return reaches


def _serves(motivation: str) -> Callable[[RelationshipType], bool]:
    def serves(relationship: RelationshipType) -> bool:
        return motivation in relationship.motivations

    return serves


def _human(relationship: RelationshipType) -> int:
    return relationship.attributes.human_contact


def _two_way(relationship: RelationshipType) -> int:
    return relationship.attributes.two_way


def _over_serving(ctx: Context, archetype: Archetype) -> list[Finding]:
    rule = ctx.catalog.assumptions.expectation
    if not archetype.price_driven:
        return []
    findings = []
    for type_id, share in ctx.segment.mix:
        relationship = ctx.catalog.types[type_id]
        if (
            relationship.attributes.cost_to_serve < rule.over_serving_cost
            or share < rule.over_serving_share
        ):
            continue
        change = fewer_served(ctx.segments, ctx.segment.id, type_id, ctx.catalog)
        findings.append(
            Finding(
                "over_serving",
                "warning",
                ctx.segment.id,
                type_id,
                f"{ctx.segment.name} are price-driven, yet {relationship.name.lower()} — one of the "
                f"costliest ways to serve them (cost to serve {relationship.attributes.cost_to_serve}"
                f"/5) — reaches {share_of_customers(share)} of them.",
                f"Keep {relationship.name.lower()} for the few who need it (complaints, big "
                f"orders), for example {change.describe(ctx.catalog)}: the model says that "
                f"{change.effect()}.",
                f"A type with cost to serve {rule.over_serving_cost}/5 or more for "
                f"{percent(rule.over_serving_share)} or more of a price-driven segment over-serves "
                f"it. {rule.rationale}",
                change.added,
                change.after,
            )
        )
    return findings


def check_lifecycle(ctx: Context) -> list[Finding]:
    """Report which of acquisition / retention / boosting sales the mix leaves uncovered."""
    covered = {m for t in ctx.types for m in t.motivations}
    if covered.issuperset(MOTIVATION_IDS):  # the usual case: nothing to say, nothing to word
        return []
    names = {
        m: ctx.catalog.motivations[m].name.lower()
        for m in MOTIVATION_IDS
        if m in ctx.catalog.motivations
    }
    assumption = (
        "Which goals each type works on is one of the course's teaching assumptions (see the "
        "type cards in step 03)."
    )
    findings = []
    for motivation in (m for m in MOTIVATION_IDS if m in ctx.motivations and m not in covered):
        changes = cheapest_addition(
            ctx.segments,
            ctx.segment.id,
            ctx.catalog,
            addable_types(ctx.segment, ctx.catalog, _serves(motivation)),
            lambda t: typical_share(t, ctx.catalog),
        )
        goal = names.get(motivation, motivation)
        if changes:
            options = [c.describe(ctx.catalog) for c in changes[:2]]
            suggestion = (
                f"Add {listing(options, last='or')} (cheapest first: the model says the first "
                f"{changes[0].effect()}), or drop {goal} as a goal for this segment."
            )
        else:
            suggestion = f"Drop {goal} as a goal for this segment, or rethink the mix."
        findings.append(
            Finding(
                "lifecycle_gap",
                "warning",
                ctx.segment.id,
                None,
                f"{ctx.segment.name}: you aim at {goal}, but none of the chosen relationships "
                "serves it.",
                suggestion,
                assumption,
                tuple(c.added[0] for c in changes[:2]),
                changes[0].after if changes else None,
            )
        )
    missing = [m for m in MOTIVATION_IDS if m not in ctx.motivations and m not in covered]
    if missing:
        findings.append(
            Finding(
                "lifecycle_gap",
                "info",
                ctx.segment.id,
                None,
                f"{ctx.segment.name}: nothing in the mix works on "
                f"{listing([names.get(m, m) for m in missing])}.",
                "That is fine if it is a deliberate choice: answer this finding with your reason, "
                "or add a type that covers it.",
                assumption,
            )
        )
    return findings


def check_human_fallback(ctx: Context) -> list[Finding]:
    """Flag a segment with nobody from the business to turn to when the tools fail."""
    types = ctx.types
    if not types or any(t.human_fallback for t in types):
        return []
    share = ctx.catalog.assumptions.fallback.share
    changes = cheapest_addition(
        ctx.segments,
        ctx.segment.id,
        ctx.catalog,
        addable_types(ctx.segment, ctx.catalog, lambda t: t.human_fallback),
        lambda _t: share,
    )
    peers = (
        " A community helps, but its members are other customers, not a fallback."
        if any(t.id == "communities" for t in types)
        else ""
    )
    suggestion = (
        f"Add {changes[0].describe(ctx.catalog)} (a phone line, a chat with a person, staff on "
        f"call): the model says it {changes[0].effect()}."
        if changes
        else "Make sure a person can be reached for the moments the tools cannot help."
    )
    return [
        Finding(
            "no_human_fallback",
            "warning",
            ctx.segment.id,
            types[0].id,
            f"{ctx.segment.name} are served only by {listing([t.name.lower() for t in types])}: "
            f"nobody from the business to turn to when it fails.{peers}",
            suggestion,
            "A human fallback is personal or dedicated assistance: a person the customer can "
            f"turn to. {ctx.catalog.assumptions.fallback.rationale}",
            changes[0].added if changes else (),
            changes[0].after if changes else None,
        )
    ]


def check_unvalidated_investment(ctx: Context) -> list[Finding]:
    """Flag heavy self-service/automation spending on a segment not yet validated."""
    if ctx.validated:
        return []
    rule = ctx.catalog.assumptions.investment
    findings = []
    for cost in ctx.economics.segment(ctx.segment.id).types:
        relationship = ctx.catalog.types[cost.type_id]
        setup = ctx.economics.setups[cost.type_id]
        if relationship.attributes.automation < 4 or setup.customers_served <= 0:
            continue
        part = setup.tier.cost * cost.customers_served / setup.customers_served
        if part < rule.heavy_setup_cost:
            continue
        findings.append(
            Finding(
                "unvalidated_investment",
                "warning",
                ctx.segment.id,
                cost.type_id,
                f"{ctx.segment.name}: not validated yet, but this segment's part of the "
                f"{relationship.name.lower()} set-up ({setup.tier.example}) is about {money(part)}.",
                "Validate the segment and the proposition first (interviews, a manual concierge "
                "version, a minimum viable product), then build the tools.",
                f"A segment's part of a set-up of {money(rule.heavy_setup_cost)} or more counts as "
                f"heavy. {rule.rationale}",
            )
        )
    return findings


def check_channels(ctx: Context) -> list[Finding]:
    """Flag entries that name a channel (how you reach customers) instead of a relationship."""
    findings = []
    used = {t for t, _ in ctx.segment.mix}
    for entry in ctx.entries:
        if entry in ctx.catalog.types:
            continue
        channel = ctx.catalog.channel_for(entry)
        if channel is None:
            continue
        hint = ctx.catalog.types.get(channel.relationship_hint)
        findings.append(
            Finding(
                "channel_not_relationship",
                "warning",
                ctx.segment.id,
                channel.relationship_hint,
                f"{ctx.segment.name}: {entry!r} is a channel, not a relationship. {channel.explanation}",
                f"Name the kind of relationship it carries instead, probably "
                f"{hint.name.lower() if hint else channel.relationship_hint}.",
                "Channels and relationships are told apart in channels.toml.",
                () if channel.relationship_hint in used or hint is None else (hint.id,),
            )
        )
    return findings


SEGMENT_CHECKS: tuple[Callable[[Context], list[Finding]], ...] = (
    check_revenue_cost,
    check_acquisition,
    check_expectations,
    check_lifecycle,
    check_human_fallback,
    check_unvalidated_investment,
    check_channels,
)


def check_segments(segments: Iterable[CheckedSegment], catalog: Catalog) -> list[Finding]:
    """All findings for all segments, most severe first (segment order kept within a severity)."""
    listed = list(segments)
    figures = tuple(figures_of(s, catalog) for s in listed)
    economics = economics_of_figures(figures, catalog)
    findings: list[Finding] = []
    for segment, segment_figures in zip(listed, figures, strict=True):
        ctx = Context(
            segment_figures,
            figures,
            economics,
            catalog,
            segment.validated,
            tuple(segment.motivations),
            tuple(r.type for r in segment.relationships),
        )
        findings.extend(f for check in SEGMENT_CHECKS for f in check(ctx))
    return sorted(findings, key=lambda f: -SEVERITY_RANK[f.severity])


def check_segment(
    segment: CheckedSegment, catalog: Catalog, others: Sequence[CheckedSegment] = ()
) -> list[Finding]:
    """The findings for one segment (``others``: the rest of the business, for shared set-ups)."""
    return [f for f in check_segments([*others, segment], catalog) if f.segment_id == segment.id]


def worst_severity(findings: Iterable[Finding]) -> Severity | None:
    """The highest severity among findings, or ``None`` when there are none."""
    ranked = [f.severity for f in findings]
    if not ranked:
        return None
    return max(ranked, key=lambda severity: SEVERITY_RANK[severity])
