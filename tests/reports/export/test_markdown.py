"""The Markdown block: learner text kept literal, every part of the block in order.

The Fans segment, worked by hand from the content: mass market, 100 revenue, 1,000,000
customers, self-service for all. More than 500,000 served takes the top set-up tier,
150,000 over 3 years = 50,000 a year, 50,000 / 1,000,000 = 0.05 each, plus 0.5 running = 0.55
a customer a year. That whole 150,000 falls on Fans, past the 100,000 "heavy" line
(assumptions.toml), and Fans are not validated: an unvalidated_investment warning.
"""

from __future__ import annotations

from pathlib import Path

from bmc_course.formats.submission import RelationshipShare, SegmentChoice, Submission
from bmc_course.logic.canvas_block import CanvasBlock, build_canvas_block
from bmc_course.model.catalog import Catalog
from bmc_course.reports.export import export
from bmc_course.reports.export.markdown import render_markdown


def test_markdown_keeps_learner_text_literal(
    tmp_path: Path, catalog: Catalog, hostile: Submission
) -> None:
    text = export(hostile, catalog, "md", tmp_path / "b.md").read_text(encoding="utf-8")
    assert text.startswith("# Customer Relationships — Shop \\<b\\>bold\\</b\\> & co")
    assert "## \\<i\\>Shoppers\\</i\\>" in text
    assert "**problem** `revenue_cost_imbalance`" in text
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
    lines = render_markdown(block_of(catalog, submission)).splitlines()
    assert lines[:12] == [
        "# Customer Relationships — \\# Cleats \\| \\[boots\\](x)",
        "",
        "By Ada \\*Lovelace\\*",
        "",
        "## \\-Fans\\_ of \\`boots\\`",  # a leading "-" would start a list; blanks squeezed
        "",
        "- **Segment type:** Individual consumers (mass market)",
        "- **Customers:** 1,000,000 · **revenue per customer a year:** 100 · not yet validated",
        "- **Relationships:** Self-service (all)",
        "- **Relationship cost (illustrative):** 0.55 per customer a year, 1% of gross profit "
        "(gross profit 40, lifetime value 120)",  # see the docstring
        "- **Lifecycle covered:** Customer acquisition",  # self-service serves acquisition only
        "",
    ]


def test_findings_plan_and_quiz_sections(catalog: Catalog) -> None:
    wrong = next(o.id for o in catalog.questions["welcome-4"].options if not o.correct)
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
        quiz={"welcome-1": catalog.questions["welcome-1"].correct_option.id, "welcome-4": wrong},
    )
    text = render_markdown(block_of(catalog, submission))
    lines = text.splitlines()
    findings = lines.index("### Findings")
    assert [line.split(":")[0] for line in lines[findings + 2 : findings + 6]] == [
        "- **warning** `no_human_fallback`",
        "- **warning** `unvalidated_investment`",
        "- **info** `lifecycle_gap`",  # retention and boosting sales: nothing works on them
        "",
    ]
    plan = lines.index("### Assumptions to test")
    assert lines[plan + 3] == (
        "- Fans are happy to buy and get help without talking to anyone — *survey*: "
        "A clear majority prefer ordering and finding answers on their own"
    )
    assert "Knowledge checks: 1 of 2 correct." in lines
    assert text.endswith(
        "_Costs and scores are the course's illustrative teaching assumptions, not market data._\n"
    )


def test_an_empty_block_is_a_title_and_the_caveat(catalog: Catalog) -> None:
    assert render_markdown(block_of(catalog, Submission())) == (
        "# Customer Relationships — untitled business\n"
        "\n"
        "_Costs and scores are the course's illustrative teaching assumptions, not market data._\n"
    )
