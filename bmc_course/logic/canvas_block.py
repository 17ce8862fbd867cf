"""The learner's Customer Relationships block, assembled for display and export.

:func:`build_canvas_block` gathers everything a view needs (segments with
readable type names, costs, findings, testable assumptions); renderers for
the terminal and export formats only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from bmc_course.formats.submission import SegmentChoice, Submission, quiz_score
from bmc_course.logic.assumption_plan import TestableAssumption, plan_for_segment
from bmc_course.logic.checks import (
    Finding,
    check_segment,
    covered_motivations,
    relationship_cost_per_customer,
)
from bmc_course.model.catalog import Catalog


@dataclass(frozen=True)
class SegmentBlock:
    """One segment of the block with everything derived from it."""

    segment: SegmentChoice
    archetype_name: str
    relationship_names: list[str]
    cost_per_customer: float
    covered: list[str]
    findings: list[Finding]
    plan: list[TestableAssumption]


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
        return [f for s in self.segments for f in s.findings]


def build_canvas_block(submission: Submission, catalog: Catalog) -> CanvasBlock:
    """Assemble the block: names resolved, costs computed, checks and test plan run."""
    segments = []
    for segment in submission.segments:
        archetype = catalog.archetypes.get(segment.archetype)
        segments.append(
            SegmentBlock(
                segment=segment,
                archetype_name=archetype.name if archetype else segment.archetype,
                relationship_names=[
                    catalog.types[r].name if r in catalog.types else f"{r} (a channel?)"
                    for r in segment.relationships
                ],
                cost_per_customer=relationship_cost_per_customer(segment, catalog),
                covered=[
                    catalog.motivations[m].name
                    for m in catalog.motivations
                    if m in covered_motivations(segment, catalog)
                ],
                findings=check_segment(segment, catalog),
                plan=plan_for_segment(segment, catalog),
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
            f"  {s.customers:,} customers · revenue {s.revenue_per_customer:,.2f} per customer a year"
            f" · {'validated' if s.validated else 'not yet validated'}"
        )
        lines.append(
            "  Relationships: " + (", ".join(item.relationship_names) or "none chosen yet")
        )
        lines.append(
            f"  Relationship cost (illustrative): {item.cost_per_customer:,.2f} per customer a year"
        )
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
