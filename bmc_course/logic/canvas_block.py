"""The learner's Customer Relationships block, assembled for display and export.

:func:`build_canvas_block` gathers everything a view needs (segments with
readable type names, costs, findings, testable assumptions, the learner's
own reasons (the value proposition, a why per type, answers to findings and
the mix planned per market stage) and the canvas around the block); renderers for the terminal and export
formats only lay it out. Every name is in plain words here (type, archetype,
finding and stage names, never ids), so no renderer shows a code.
"""

from __future__ import annotations

from dataclasses import dataclass

from bmc_course.formats.submission import SegmentChoice, Submission, quiz_score
from bmc_course.logic.assumption_plan import TestableAssumption, plan_for_segment
from bmc_course.logic.canvas_around_block import CanvasAround, canvas_around
from bmc_course.logic.checks import Finding, check_segments, covered_motivations
from bmc_course.logic.economics import SegmentEconomics, business_economics
from bmc_course.logic.mix_over_time import StagePlan, stage_plans
from bmc_course.logic.wording import (
    count,
    finding_title,
    method_name,
    money,
    percent,
    severity_word,
    share_of_customers,
)
from bmc_course.model.catalog import Catalog

COST_LABEL = "Relationship cost (illustrative)"


@dataclass(frozen=True)
class MixEntry:
    """One type in a segment's mix: its name with the share served, and the learner's reason."""

    type_id: str
    label: str  # e.g. "Self-service (all)", or "website (a channel?)"
    reason: str = ""  # the learner's why for this type ("" when none given)


@dataclass(frozen=True)
class FindingEntry:
    """A finding as the exports list it: its title, severity word and the learner's answer."""

    finding: Finding
    title: str  # e.g. "Human fallback" (the message says which type or channel it is about)
    severity: str  # "Problem", "Warning" or "Note"
    answer: str = ""  # "I accept this because …" ("" when not answered)


@dataclass(frozen=True)
class OtherAnswer:
    """An answer the learner gave to a finding the checks no longer raise (kept, never lost)."""

    title: str
    answer: str


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
    mix: tuple[MixEntry, ...] = ()
    finding_entries: tuple[FindingEntry, ...] = ()
    other_answers: tuple[OtherAnswer, ...] = ()
    stages: tuple[StagePlan, ...] = ()

    @property
    def value_proposition(self) -> str:
        """What the business offers these customers, in the learner's words."""
        return self.segment.value_proposition.strip()

    @property
    def notes(self) -> str:
        """The learner's notes on the segment ("" when none)."""
        return self.segment.notes.strip()

    @property
    def answered(self) -> int:
        """How many of the segment's findings the learner has answered."""
        return sum(bool(entry.answer) for entry in self.finding_entries)

    @property
    def numbers_line(self) -> str:
        """Customers, revenue and validation in one line.

        ``500 customers · revenue 2,000 per customer a year · validated``; a
        citizens segment's revenue is its budget: ``budget 500 per person a year``.
        """
        s = self.segment
        amount = money(s.revenue_per_customer)
        revenue = (
            f"revenue {amount} per customer a year"
            if self.profit_label == "gross profit"
            else f"{self.profit_label} {amount} per person a year"
        )
        validated = "validated" if s.validated else "not yet validated"
        return f"{count(s.customers, 'customer')} · {revenue} · {validated}"

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
    # what the chosen mixes ask of the other blocks of the canvas (None with no segments)
    around: CanvasAround | None = None

    @property
    def findings(self) -> list[Finding]:
        """Every segment's findings, segment by segment."""
        return [f for s in self.segments for f in s.findings]

    @property
    def answered(self) -> int:
        """How many findings the learner has answered, over all segments."""
        return sum(s.answered for s in self.segments)

    @property
    def findings_line(self) -> str:
        """``Findings: 1 problem · 2 warnings · 1 note (1 answered).``, or that there are none."""
        if not self.findings:
            return "No findings: the choices fit the course's teaching assumptions."
        parts = []
        for severity, word in (("problem", "problem"), ("warning", "warning"), ("info", "note")):
            n = sum(f.severity == severity for f in self.findings)
            if n:
                parts.append(count(n, word))
        answered = f" ({self.answered} answered)" if self.answered else ""
        return "Findings: " + " · ".join(parts) + answered + "."


def build_canvas_block(submission: Submission, catalog: Catalog) -> CanvasBlock:
    """Assemble the block: names resolved, costs computed, checks and test plan run."""
    economics = business_economics(submission.segments, catalog)
    findings = check_segments(submission.segments, catalog)
    names = {segment.id: segment.name for segment in submission.segments}
    segments = []
    for segment in submission.segments:
        archetype = catalog.archetypes.get(segment.archetype)
        covered = covered_motivations(segment, catalog)
        mix = tuple(
            MixEntry(r.type, _mix_label(r.type, r.share, catalog), r.notes.strip())
            for r in segment.relationships
        )
        own = [f for f in findings if f.segment_id == segment.id]
        entries = _finding_entries(segment, own)
        segments.append(
            SegmentBlock(
                segment=segment,
                archetype_name=archetype.name if archetype else segment.archetype,
                relationship_names=[entry.label for entry in mix],
                economics=economics.segment(segment.id),
                covered=[catalog.motivations[m].name for m in catalog.motivations if m in covered],
                findings=own,
                plan=plan_for_segment(segment, catalog),
                funded_by_name=names.get(segment.funded_by) if segment.funded_by else None,
                profit_label=archetype.profit_label if archetype else "gross profit",
                mix=mix,
                finding_entries=entries,
                other_answers=_other_answers(segment, own),
                stages=tuple(stage_plans(segment, catalog)),
            )
        )
    correct, answered = quiz_score(submission, catalog)
    return CanvasBlock(
        learner=submission.learner,
        business=submission.business,
        segments=segments,
        quiz_correct=correct,
        quiz_answered=answered,
        around=canvas_around(submission.segments, catalog) if submission.segments else None,
    )


def _mix_label(type_id: str, share: float, catalog: Catalog) -> str:
    if type_id in catalog.types:
        return f"{catalog.types[type_id].name} ({share_of_customers(share)})"
    return f"{type_id} (a channel?)"


def _finding_entries(segment: SegmentChoice, findings: list[Finding]) -> tuple[FindingEntry, ...]:
    """Each finding with its title, its severity in a word and the learner's answer to it."""
    return tuple(
        FindingEntry(
            finding=f,
            title=finding_title(f.code),
            severity=severity_word(f.severity),
            answer=segment.answers.get(f.key, "").strip(),
        )
        for f in findings
    )


def _other_answers(segment: SegmentChoice, findings: list[Finding]) -> tuple[OtherAnswer, ...]:
    """Answers to findings no longer raised (the mix changed since): shown, never dropped."""
    raised = {f.key for f in findings}
    return tuple(
        OtherAnswer(finding_title(key.partition(":")[0]), answer.strip())
        for key, answer in segment.answers.items()
        if key not in raised and answer.strip()
    )


def headline(block: CanvasBlock) -> str:
    """The title every export uses: ``Ada Lovelace — Customer Relationships``.

    The business is not in the title (a one-sentence business would make a
    four-line headline): exports show it as a paragraph below.
    """
    learner = " ".join(block.learner.split())
    return f"{learner} — Customer Relationships" if learner else "Customer Relationships"


def stages_line(item: SegmentBlock) -> str:
    """``Launch: Personal assistance; Growth: …; Mature market: …`` ("" with no plan)."""
    return "; ".join(f"{p.name}: {', '.join(p.types) or 'nothing'}" for p in item.stages)


_SEVERITY_MARK = {"problem": "PROBLEM", "warning": "warning", "info": "note"}


def _segment_text(item: SegmentBlock) -> list[str]:
    """One segment's lines in the terminal view (without the blank line after it)."""
    s = item.segment
    lines = [f"■ {s.name} [{item.archetype_name}]"]
    if item.value_proposition:
        lines.append(f"  Value proposition: {item.value_proposition}")
    lines.append(f"  {item.numbers_line}")
    lines.append("  Relationships:" if item.mix else "  Relationships: none chosen yet")
    lines += [
        f"    • {entry.label}" + (f" — why: {entry.reason}" if entry.reason else "")
        for entry in item.mix
    ]
    lines.append(f"  {item.cost_line}")
    lines.append("  Lifecycle covered: " + (", ".join(item.covered) or "nothing yet"))
    if item.stages:
        lines.append(f"  Over the market's life: {stages_line(item)}")
    if item.notes:
        lines.append(f"  Notes: {item.notes}")
    for entry in item.finding_entries:
        f = entry.finding
        lines.append(f"  [{_SEVERITY_MARK[f.severity]}] {entry.title}: {f.message}")
        lines.append(f"      → {f.suggestion}")
        if entry.answer:
            lines.append(f"      Answered: {entry.answer}")
    lines += [
        f"  [answered, no longer raised] {other.title}: {other.answer}"
        for other in item.other_answers
    ]
    lines += [f"  To test ({method_name(a.method)}): {a.statement}" for a in item.plan]
    return lines


def render_text(block: CanvasBlock) -> str:
    """A plain-text view of the block for the terminal (``bmc-course review``)."""
    lines = [headline(block), f"Business: {block.business or 'untitled business'}", ""]
    for item in block.segments:
        lines += [*_segment_text(item), ""]
    lines.append(block.findings_line)
    if block.quiz_answered:
        lines.append(f"Knowledge checks: {block.quiz_correct} of {block.quiz_answered} correct.")
    return "\n".join(lines)
