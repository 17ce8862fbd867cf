"""The canvas block as Markdown: readable as plain text, pasteable into any document."""

from __future__ import annotations

from bmc_course.logic.canvas_block import CanvasBlock
from bmc_course.logic.wording import money


def _md(text: str) -> str:
    """Learner text as literal Markdown: characters that would format, link or add HTML are escaped."""
    special = "\\`*_[]<>|"
    escaped = "".join("\\" + ch if ch in special else ch for ch in " ".join(text.split()))
    return "\\" + escaped if escaped[:1] in ("#", "+", "-") else escaped


def render_markdown(block: CanvasBlock) -> str:
    """Title, then per segment: numbers, relationships, lifecycle, findings, assumptions."""
    lines = [f"# Customer Relationships — {_md(block.business) or 'untitled business'}", ""]
    if block.learner:
        lines += [f"By {_md(block.learner)}", ""]
    for item in block.segments:
        s = item.segment
        lines += [
            f"## {_md(s.name)}",
            "",
            f"- **Segment type:** {_md(item.archetype_name)}",
            f"- **Customers:** {s.customers:,} · **revenue per customer a year:** "
            f"{money(s.revenue_per_customer)} · {'validated' if s.validated else 'not yet validated'}",
            "- **Relationships:** "
            + (", ".join(_md(n) for n in item.relationship_names) or "none chosen yet"),
            f"- **Relationship cost (illustrative):** {_md(item.cost_text)}",
            "- **Lifecycle covered:** " + (", ".join(item.covered) or "nothing yet"),
            *([f"- **Notes:** {_md(s.notes)}"] if s.notes else []),
            "",
        ]
        if item.findings:
            lines += ["### Findings", ""]
            lines += [
                f"- **{f.severity}** `{f.code}`: {_md(f.message)} — {_md(f.suggestion)}"
                for f in item.findings
            ]
            lines.append("")
        if item.plan:
            lines += ["### Assumptions to test", ""]
            lines += [f"- {_md(a.statement)} — *{a.method}*: {_md(a.signal)}" for a in item.plan]
            lines.append("")
    if block.quiz_answered:
        lines += [f"Knowledge checks: {block.quiz_correct} of {block.quiz_answered} correct.", ""]
    lines.append(
        "_Costs and scores are the course's illustrative teaching assumptions, not market data._"
    )
    return "\n".join(lines) + "\n"
