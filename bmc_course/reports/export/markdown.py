"""The canvas block as Markdown: readable as plain text, pasteable into any document.

The title is the learner's name and the block's; the business follows as a
paragraph, then when the file was exported. Each segment lists its numbers,
its mix (each type with the learner's reason), its economics, the plan over the
market's life, the learner's notes, every finding with the learner's answer,
and the assumptions to test. "Your canvas around this block" follows: what the
chosen relationships ask of Value Propositions, Channels, Revenue Streams, Key
Resources, Key Activities, Key Partners and Cost Structure. A "Sources" footer
names the works the course draws on. Every piece of learner text is escaped so it stays literal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bmc_course.logic.canvas_block import CanvasBlock, SegmentBlock, headline, stages_line
from bmc_course.logic.wording import exported_stamp, method_name
from bmc_course.model.content_models import Source

CAVEAT = "_Costs and scores are the course's illustrative teaching assumptions, not market data._"


def _md(text: str) -> str:
    """Learner text as literal Markdown: characters that would format, link or add HTML are escaped."""
    special = "\\`*_[]<>|"
    escaped = "".join("\\" + ch if ch in special else ch for ch in " ".join(text.split()))
    return "\\" + escaped if escaped[:1] in ("#", "+", "-") else escaped


def _segment_lines(item: SegmentBlock) -> list[str]:
    s = item.segment
    lines = [f"## {_md(s.name)}", "", f"- **Segment type:** {_md(item.archetype_name)}"]
    if item.value_proposition:
        lines.append(f"- **Value proposition:** {_md(item.value_proposition)}")
    lines.append(f"- **Size and revenue:** {_md(item.numbers_line)}")
    lines.append("- **Relationships:**" + ("" if item.mix else " none chosen yet"))
    lines += [
        f"  - {_md(entry.label)}" + (f" — *why:* {_md(entry.reason)}" if entry.reason else "")
        for entry in item.mix
    ]
    lines.append(f"- **Relationship cost (illustrative):** {_md(item.cost_text)}")
    lines.append("- **Lifecycle covered:** " + (", ".join(item.covered) or "nothing yet"))
    if item.stages:
        lines.append(f"- **Over the market's life:** {_md(stages_line(item))}")
    if item.notes:
        lines.append(f"- **Notes:** {_md(item.notes)}")
    lines.append("")
    lines += ["### Findings", ""]
    if not item.finding_entries and not item.other_answers:
        lines += ["No findings for this segment.", ""]
    else:
        for entry in item.finding_entries:
            f = entry.finding
            mark = " ✓ answered" if entry.answer else ""
            lines.append(
                f"- **{entry.severity} — {_md(entry.title)}{mark}:** {_md(f.message)} "
                f"*Try:* {_md(f.suggestion)}"
            )
            if entry.answer:
                lines.append(f"  - **Answered:** {_md(entry.answer)}")
        lines += [
            f"- **Answered (no longer raised) — {_md(other.title)}:** {_md(other.answer)}"
            for other in item.other_answers
        ]
        lines.append("")
    if item.plan:
        lines += ["### Assumptions to test", ""]
        lines += [
            f"- {_md(a.statement)} — *{method_name(a.method)}*: {_md(a.signal)}" for a in item.plan
        ]
        lines.append("")
    return lines


def _around_lines(block: CanvasBlock) -> list[str]:
    """The canvas around the block: per neighbouring block, what the chosen mixes ask of it."""
    if block.around is None:
        return []
    lines = ["## Your canvas around this block", ""]
    for neighbour in block.around.blocks:
        lines += [f"### {neighbour.name}", "", f"_{neighbour.question}_", ""]
        lines += [f"- {_md(need.text)} — {_md(need.because)}" for need in neighbour.lines] or [
            "- nothing asked of it by the chosen relationships"
        ]
        lines.append("")
    return lines


def render_markdown(
    block: CanvasBlock, *, exported_at: datetime, sources: Sequence[Source] = ()
) -> str:
    """Title, business, export time, then per segment; the caveat and the sources at the end."""
    lines = [f"# {_md(headline(block))}", ""]
    lines += [f"**Business:** {_md(block.business) or 'untitled business'}", ""]
    lines += [f"_{exported_stamp(exported_at)}_", ""]
    if block.segments:
        lines += [block.findings_line, ""]
    for item in block.segments:
        lines += _segment_lines(item)
    lines += _around_lines(block)
    if block.quiz_answered:
        lines += [f"Knowledge checks: {block.quiz_correct} of {block.quiz_answered} correct.", ""]
    lines.append(CAVEAT)
    if sources:
        lines += ["", "## Sources", ""]
        lines += [
            f"- {_md(source.citation)}" + (f" <{source.url}>" if source.url else "")
            for source in sources
        ]
    return "\n".join(lines) + "\n"
