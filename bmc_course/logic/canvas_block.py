"""The learner's Customer Relationships block, assembled for display and export.

:func:`build_canvas_block` gathers everything a view needs (segments with
readable type names, costs, findings, testable assumptions); renderers for
the terminal and export formats only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from bmc_course.formats.submission import SegmentChoice, Submission, quiz_score
from bmc_course.logic.assumption_plan import TestableAssumption, plan_for_segment
from bmc_course.logic.checks import Finding, check_segments, covered_motivations
from bmc_course.logic.economics import SegmentEconomics, business_economics
from bmc_course.logic.wording import money, percent, share_of_customers
from bmc_course.model.catalog import Catalog

COST_LABEL = "Relationship cost (illustrative)"


@dataclass(frozen=True)
class SegmentBlock:
    """One segment of the block with everything derived from it."""

    segment: SegmentChoice
    archetype_name: str
    relationship_names: list[str]  # with the share of customers, e.g. "Self-service (all)"
    economics: SegmentEconomics
    covered: list[str]
    findings: list[Finding]
    plan: list[TestableAssumption]
    funded_by_name: str | None = None
    profit_label: str = "gross profit"  # citizens: "budget"

    @property
    def cost_per_customer(self) -> float:
        """Relationship cost per customer a year (own mix plus free segments it funds)."""
        return self.economics.cost_per_customer

    @property
    def cost_line(self) -> str:
        """The segment's economics in one line, as every view and export shows them."""
        return f"{COST_LABEL}: {self.cost_text}"

    @property
    def cost_text(self) -> str:
        """The cost line without its label (for exports that set the label in bold)."""
        e = self.economics
        if self.funded_by_name is not None:
            return (
                f"{money(e.own_cost_per_customer)} per customer a year, paid for by "
                f"{self.funded_by_name}"
            )
        ratio = e.cost_share_of_gross_profit
        label = self.profit_label
        share = "" if ratio is None else f", {percent(ratio)} of {label}"
        return (
            f"{money(e.cost_per_customer)} per customer a year{share} ({label} "
            f"{money(e.gross_profit_per_customer)}, lifetime value {money(e.lifetime_value)})"
        )


@dataclass(frozen=True)
class CanvasBlock:
    """The whole Customer Relationships block of one learner."""

    learner: str
    business: str
    segments: list[SegmentBlock]
    quiz_correct: int
    quiz_answered: int

    @property
    def findings(self) -> list[Finding]:
        """Every segment's findings, segment by segment."""
        return [f for s in self.segments for f in s.findings]


def build_canvas_block(submission: Submission, catalog: Catalog) -> CanvasBlock:
    """Assemble the block: names resolved, costs computed, checks and test plan run."""
    economics = business_economics(submission.segments, catalog)
    findings = check_segments(submission.segments, catalog)
    names = {segment.id: segment.name for segment in submission.segments}
    segments = []
    for segment in submission.segments:
        archetype = catalog.archetypes.get(segment.archetype)
        covered = covered_motivations(segment, catalog)
        segments.append(
            SegmentBlock(
                segment=segment,
                archetype_name=archetype.name if archetype else segment.archetype,
                relationship_names=[
                    f"{catalog.types[r.type].name} ({share_of_customers(r.share)})"
                    if r.type in catalog.types
                    else f"{r.type} (a channel?)"
                    for r in segment.relationships
                ],
                economics=economics.segment(segment.id),
                covered=[catalog.motivations[m].name for m in catalog.motivations if m in covered],
                findings=[f for f in findings if f.segment_id == segment.id],
                plan=plan_for_segment(segment, catalog),
                funded_by_name=names.get(segment.funded_by) if segment.funded_by else None,
                profit_label=archetype.profit_label if archetype else "gross profit",
            )
        )
    correct, answered = quiz_score(submission, catalog)
    return CanvasBlock(
        learner=submission.learner,
        business=submission.business,
        segments=segments,
        quiz_correct=correct,
        quiz_answered=answered,
    )


_SEVERITY_MARK = {"problem": "PROBLEM", "warning": "warning", "info": "info"}


def render_text(block: CanvasBlock) -> str:
    """A plain-text view of the block for the terminal (``bmc-course review``)."""
    lines = [f"Customer Relationships — {block.business or 'untitled business'}"]
    if block.learner:
        lines.append(f"by {block.learner}")
    lines.append("")
    for item in block.segments:
        s = item.segment
        lines.append(f"■ {s.name} [{item.archetype_name}]")
        lines.append(
            f"  {s.customers:,} customers · revenue {money(s.revenue_per_customer)} per customer a year"
            f" · {'validated' if s.validated else 'not yet validated'}"
        )
        lines.append(
            "  Relationships: " + (", ".join(item.relationship_names) or "none chosen yet")
        )
        lines.append(f"  {item.cost_line}")
        if s.notes:
            lines.append(f"  Notes: {s.notes}")
        lines.append("  Lifecycle covered: " + (", ".join(item.covered) or "nothing yet"))
        for finding in item.findings:
            lines.append(
                f"  [{_SEVERITY_MARK[finding.severity]}] {finding.code}: {finding.message}"
            )
            lines.append(f"      → {finding.suggestion}")
        lines.append("")
    if not block.findings:
        lines.append("No findings: the choices fit the course's teaching assumptions.")
    else:
        counts = {sev: sum(f.severity == sev for f in block.findings) for sev in _SEVERITY_MARK}
        lines.append(
            f"Findings: {counts['problem']} problem(s), {counts['warning']} warning(s), "
            f"{counts['info']} note(s)."
        )
    if block.quiz_answered:
        lines.append(f"Knowledge checks: {block.quiz_correct} of {block.quiz_answered} correct.")
    return "\n".join(lines)
