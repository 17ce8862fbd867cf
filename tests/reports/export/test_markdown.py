"""The Markdown block: learner text kept literal, every part of the block in order, plain words.

The Fans segment, worked by hand from the content: mass market, 100 revenue, 1,000,000
customers, self-service for all. More than 500,000 served takes the top set-up tier,
150,000 over 3 years = 50,000 a year, 50,000 / 1,000,000 = 0.05 each, plus 0.5 running = 0.55
a customer a year. That whole 150,000 falls on Fans, past the 100,000 "heavy" line
(assumptions.toml), and Fans are not validated: an unvalidated_investment warning.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bmc_course.formats.submission import RelationshipShare, SegmentChoice, Submission
from bmc_course.logic.canvas_block import CanvasBlock, build_canvas_block
from bmc_course.model.catalog import Catalog
from bmc_course.reports.export import export
from bmc_course.reports.export.markdown import render_markdown
from tests.support.reasons_submission import (
    AUTOMATED_WHY,
    OLD_ANSWER,
    reasons_submission,
)

WHEN = datetime(2026, 12, 2, 10, 15, tzinfo=UTC)


def test_markdown_keeps_learner_text_literal(
    tmp_path: Path, catalog: Catalog, hostile: Submission
) -> None:
    text = export(hostile, catalog, "md", tmp_path / "b.md").read_text(encoding="utf-8")
    assert text.startswith(
        '# \\<img src=x onerror=alert(1)\\> \\<script\\>alert("x")\\</script\\> — '
        "Customer Relationships\n\n**Business:** Shop \\<b\\>bold\\</b\\> & co\n"
    )
    assert "## \\<i\\>Shoppers\\</i\\>" in text
    assert "**Problem — Cost vs gross profit:**" in text
    assert "### Assumptions to test" in text


def block_of(catalog: Catalog, submission: Submission) -> CanvasBlock:
    return build_canvas_block(submission, catalog)


SELF_SERVICE_FOR_ALL = [RelationshipShare(type="self_service", share=1.0)]


def test_characters_that_would_format_are_escaped(catalog: Catalog) -> None:
    submission = Submission(
        learner="Ada *Lovelace*",
        business="# Cleats | [boots](x)",
        segments=[
            SegmentChoice(
                id="fans",
                name="-Fans_  of\n  `boots`",
                archetype="mass_market",
                revenue_per_customer=100,
                customers=1_000_000,
                relationships=SELF_SERVICE_FOR_ALL,
            )
        ],
    )
    lines = render_markdown(block_of(catalog, submission), exported_at=WHEN).splitlines()
    assert lines[:18] == [
        "# Ada \\*Lovelace\\* — Customer Relationships",  # the business is not the headline
        "",
        "**Business:** \\# Cleats \\| \\[boots\\](x)",
        "",
        "_Exported 2026-12-02 10:15 UTC_",
        "",
        "Findings: 2 warnings · 1 note.",
        "",
        "## \\-Fans\\_ of \\`boots\\`",  # a leading "-" would start a list; blanks squeezed
        "",
        "- **Segment type:** Individual consumers (mass market)",
        "- **Size and revenue:** 1,000,000 customers · revenue 100 per customer a year · "
        "not yet validated",
        "- **Relationships:**",
        "  - Self-service (all)",
        "- **Relationship cost (illustrative):** 0.55 per customer a year, 1% of gross profit "
        "(gross profit 40, lifetime value 120)",  # see the docstring
        "- **Lifecycle covered:** Customer acquisition",  # self-service serves acquisition only
        "",
        "### Findings",
    ]


def test_findings_by_title_plan_in_words_and_quiz(catalog: Catalog) -> None:
    submission = Submission(
        segments=[
            SegmentChoice(
                id="fans",
                name="Fans",
                archetype="mass_market",
                revenue_per_customer=100,
                customers=1_000_000,
                relationships=SELF_SERVICE_FOR_ALL,
            )
        ],
        quiz={"welcome-1": catalog.questions["welcome-1"].correct_option.id, "welcome-4": "x"},
    )
    text = render_markdown(block_of(catalog, submission), exported_at=WHEN)
    lines = text.splitlines()
    findings = lines.index("### Findings")
    assert [line.split(":**")[0] for line in lines[findings + 2 : findings + 6]] == [
        "- **Warning — Human fallback",
        "- **Warning — Unvalidated investment",
        "- **Note — Lifecycle",  # retention and boosting sales: nothing works on them
        "",
    ]
    plan = lines.index("### Assumptions to test")
    assert lines[plan + 4] == (
        "- Fans can complete a purchase with our self-service tools alone — "
        "*minimum viable product*: In a simple prototype most testers finish without asking "
        "for help"
    )
    assert "Knowledge checks: 1 of 1 correct." in lines  # "x" is no answer of welcome-4
    for code in ("no_human_fallback", "unvalidated_investment", "lifecycle_gap", "mvp"):
        assert code not in text
    assert (
        "_Costs and scores are the course's illustrative teaching assumptions, not market data._"
    ) in lines


def test_the_learners_reasons_are_in_the_markdown(catalog: Catalog) -> None:
    text = render_markdown(block_of(catalog, reasons_submission(catalog)), exported_at=WHEN)
    lines = text.splitlines()
    assert "# Ada \\<script\\>alert('why')\\</script\\> — Customer Relationships" in lines
    assert (
        "- **Value proposition:** Boots that fit wide feet \\<script\\>alert('why')\\</script\\>"
        in (lines)
    )
    # each type with its reason; a leading "=" is harmless in Markdown and kept
    assert "  - Self-service (all) — *why:* =cmd\\|' /C calc'!A0 athletes order at night" in lines
    assert f"  - Automated services (all) — *why:* {AUTOMATED_WHY}" in lines
    assert (
        "- **Notes:** Most athletes buy once a year & \\<script\\>alert('why')\\</script\\>"
    ) in lines
    # the answered finding is still listed, marked answered, with the answer under it
    [finding] = [line for line in lines if line.startswith("- **Warning — Human fallback")]
    assert finding.startswith("- **Warning — Human fallback ✓ answered:** Individual athletes")
    following = lines[lines.index(finding) + 1]
    assert following == (
        "  - **Answered:** I accept this because we answer e-mail within a day "
        "\\<script\\>alert('why')\\</script\\>"
    )
    assert f"- **Answered (no longer raised) — Over-serving:** {OLD_ANSWER}" in lines
    assert (
        "- **Over the market's life:** Launch: Personal assistance; Growth: Personal assistance, "
        "Self-service; Mature market: Self-service, Communities"
    ) in lines
    assert "No findings for this segment." in lines  # the teams
    assert "<script>" not in text


def test_sources_footer_names_the_works_the_course_draws_on(catalog: Catalog) -> None:
    text = render_markdown(
        block_of(catalog, Submission()),
        exported_at=WHEN,
        sources=list(catalog.sources.values()),
    )
    footer = text.split("## Sources\n\n", 1)[1].splitlines()
    assert footer[0] == "- Alexander Osterwalder and Yves Pigneur, Business Model Generation (2010)"
    assert footer[1] == (
        "- Strategyzer, The Business Model Canvas, CC BY-SA 3.0 "
        "<https://www.strategyzer.com/canvas/business-model-canvas>"
    )
    assert len(footer) == len(catalog.sources)


def test_an_empty_block_is_a_title_the_time_and_the_caveat(catalog: Catalog) -> None:
    assert render_markdown(block_of(catalog, Submission()), exported_at=WHEN) == (
        "# Customer Relationships\n"
        "\n"
        "**Business:** untitled business\n"
        "\n"
        "_Exported 2026-12-02 10:15 UTC_\n"
        "\n"
        "_Costs and scores are the course's illustrative teaching assumptions, not market data._\n"
    )


def test_the_canvas_around_the_block_follows_the_segments(catalog: Catalog) -> None:
    lines = render_markdown(
        block_of(catalog, reasons_submission(catalog)), exported_at=WHEN
    ).splitlines()
    start = lines.index("## Your canvas around this block")
    assert start > lines.index("## Teams, schools and stores")
    headings = [line for line in lines[start:] if line.startswith("### ")]
    assert headings == [
        "### Value Propositions",
        "### Channels",
        "### Revenue Streams",
        "### Key Resources",
        "### Key Activities",
        "### Key Partners",
        "### Cost Structure",
    ]
    # the value proposition the learner wrote, escaped, for its segment
    assert (
        "- Boots that fit wide feet \\<script\\>alert('why')\\</script\\> — for Individual athletes"
    ) in lines
    # 400 teams × 8,000 a year, in the one number format
    assert any(
        line.startswith("- 400 customers × 8,000 a year = 3,200,000 a year") for line in lines
    )
