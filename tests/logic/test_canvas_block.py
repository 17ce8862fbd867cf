"""The canvas block: names resolved, costs, coverage, findings and plan per segment; a text view."""

from __future__ import annotations

import pytest

from bmc_course.formats.submission import SegmentChoice, Submission
from bmc_course.logic.canvas_block import CanvasBlock, build_canvas_block, render_text
from bmc_course.model.catalog import Catalog


@pytest.fixture
def block(catalog: Catalog) -> CanvasBlock:
    question = catalog.questions["welcome-1"]
    submission = Submission(
        learner="Ada",
        business="Cleats",
        segments=[
            SegmentChoice(
                id="teams",
                name="Teams",
                archetype="business",
                revenue_per_customer=10_000,
                customers=500,
                validated=True,
                relationships=["personal_assistance", "website"],
            ),
            SegmentChoice(
                id="fans",
                name="Fans",
                archetype="mass_market",
                revenue_per_customer=100,
                customers=200_000,
                relationships=["self_service"],
                motivations=["boosting_sales"],
            ),
        ],
        quiz={"welcome-1": question.correct_option.id},
    )
    return build_canvas_block(submission, catalog)


def test_each_segment_gets_names_cost_coverage_findings_and_plan(block: CanvasBlock) -> None:
    teams, fans = block.segments
    assert (teams.archetype_name, fans.archetype_name) == (
        "Businesses (B2B)",
        "Individual consumers (mass market)",
    )
    assert teams.relationship_names == ["Personal assistance", "website (a channel?)"]
    # 15,000 set-up over 500 customers + 60 a customer; 120,000 over 200,000 + 3
    assert teams.cost_per_customer == pytest.approx(90.0)
    assert fans.cost_per_customer == pytest.approx(3.6)
    assert teams.covered == [
        "Customer acquisition",
        "Customer retention",
        "Boosting sales (upselling)",
    ]
    assert fans.covered == ["Customer acquisition", "Customer retention"]
    assert [(f.code, f.severity) for f in teams.findings] == [
        ("channel_not_relationship", "warning")
    ]
    assert [(f.code, f.type_id) for f in fans.findings] == [
        ("lifecycle_gap", None),  # a stated goal nothing serves: a warning
        ("no_human_fallback", "self_service"),
        ("unvalidated_investment", "self_service"),
    ]
    assert [(a.type_id, a.method) for a in teams.plan] == [
        ("personal_assistance", "interview"),
        ("personal_assistance", "experiment"),
    ]
    assert [(a.type_id, a.method) for a in fans.plan] == [
        (None, "interview"),
        ("self_service", "survey"),
        ("self_service", "mvp"),
    ]


def test_block_totals(block: CanvasBlock) -> None:
    assert (block.learner, block.business) == ("Ada", "Cleats")
    assert (block.quiz_correct, block.quiz_answered) == (1, 1)
    assert [f.segment_id for f in block.findings] == ["teams", "fans", "fans", "fans"]


def test_text_view_lays_out_each_segment(block: CanvasBlock) -> None:
    lines = render_text(block).splitlines()
    assert lines[:10] == [
        "Customer Relationships — Cleats",
        "by Ada",
        "",
        "■ Teams [Businesses (B2B)]",
        "  500 customers · revenue 10,000.00 per customer a year · validated",
        "  Relationships: Personal assistance, website (a channel?)",
        "  Relationship cost (illustrative): 90.00 per customer a year",
        "  Lifecycle covered: Customer acquisition, Customer retention, Boosting sales (upselling)",
        "  [warning] channel_not_relationship: Teams: 'website' is a channel, not a relationship. "
        "A website is a route to customers; what matters here is whether people serve themselves "
        "on it or reach a person through it.",
        "      → Name the kind of relationship it carries instead, probably self-service.",
    ]
    assert "  200,000 customers · revenue 100.00 per customer a year · not yet validated" in lines
    assert "  Relationship cost (illustrative): 3.60 per customer a year" in lines
    assert lines[-2:] == [
        "Findings: 0 problem(s), 4 warning(s), 0 note(s).",
        "Knowledge checks: 1 of 1 correct.",
    ]


def test_text_view_of_an_empty_submission(catalog: Catalog) -> None:
    text = render_text(build_canvas_block(Submission(), catalog))
    assert text.splitlines() == [
        "Customer Relationships — untitled business",
        "",
        "No findings: the choices fit the course's teaching assumptions.",
    ]
