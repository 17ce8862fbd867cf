"""The canvas block: names resolved, costs, coverage, findings and plan per segment; a text view.

Costs worked by hand from the content (relationship_types.toml, segment_archetypes.toml):

* Teams (business: margin 0.4, 5 years), 2,000 revenue, 500 customers, personal assistance
  for all: 500 served, the small tier 1,500 over 5 years = 300 a year, 300 / 500 = 0.60 each,
  plus 30 running = 30.60; gross profit 2,000 × 0.4 = 800, 30.60 / 800 = 3.8% → "4%";
  lifetime value 800 × 5 = 4,000. "website" is a channel word: no cost.
* Fans (mass market: margin 0.4, 3 years), 100 revenue, 1,000,000 customers, self-service for
  all: more than 500,000 served, the top tier 150,000 over 3 years = 50,000 a year,
  50,000 / 1,000,000 = 0.05 each, plus 0.5 running = 0.55; gross profit 100 × 0.4 = 40,
  0.55 / 40 = 1.4% → "1%"; lifetime value 40 × 3 = 120. Its part of the set-up is the whole
  150,000, past the 100,000 "heavy" line, and Fans are not validated.
"""

from __future__ import annotations

import pytest

from bmc_course.formats.submission import RelationshipShare, SegmentChoice, Submission
from bmc_course.logic.canvas_block import (
    CanvasBlock,
    build_canvas_block,
    headline,
    render_text,
    stages_line,
)
from bmc_course.model.catalog import Catalog
from tests.support.reasons_submission import (
    ANSWER,
    AUTOMATED_WHY,
    NOTES,
    OLD_ANSWER,
    SCRIPT,
    SELF_SERVICE_WHY,
    VALUE_PROPOSITION,
    reasons_submission,
)


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
                revenue_per_customer=2_000,
                customers=500,
                validated=True,
                relationships=[
                    RelationshipShare(type="personal_assistance", share=1.0),
                    RelationshipShare(type="website", share=1.0),
                ],
            ),
            SegmentChoice(
                id="fans",
                name="Fans",
                archetype="mass_market",
                revenue_per_customer=100,
                customers=1_000_000,
                relationships=[RelationshipShare(type="self_service", share=1.0)],
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
    assert teams.relationship_names == ["Personal assistance (all)", "website (a channel?)"]
    assert fans.relationship_names == ["Self-service (all)"]
    # see the module docstring: 300 / 500 + 30; 50,000 / 1,000,000 + 0.5
    assert teams.cost_per_customer == pytest.approx(30.6)
    assert fans.cost_per_customer == pytest.approx(0.55)
    assert teams.economics.gross_profit_per_customer == pytest.approx(800)
    assert fans.economics.lifetime_value == pytest.approx(120)
    assert teams.covered == [
        "Customer acquisition",
        "Customer retention",
        "Boosting sales (upselling)",
    ]
    assert fans.covered == ["Customer acquisition"]  # self-service serves acquisition only
    assert [(f.code, f.severity, f.suggested_types) for f in teams.findings] == [
        ("channel_not_relationship", "warning", ("self_service",))
    ]
    assert [(f.code, f.severity, f.type_id) for f in fans.findings] == [
        ("lifecycle_gap", "warning", None),  # boosting sales is a stated goal nothing serves
        ("no_human_fallback", "warning", "self_service"),
        ("unvalidated_investment", "warning", "self_service"),  # its part: all of 150,000
        ("lifecycle_gap", "info", None),  # retention: nothing works on it, not a stated goal
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
    assert [f.segment_id for f in block.findings] == ["teams", "fans", "fans", "fans", "fans"]


def test_cost_lines_say_the_share_of_gross_profit_and_lifetime_value(block: CanvasBlock) -> None:
    teams, fans = block.segments
    assert teams.cost_line == (
        "Relationship cost (illustrative): 30.60 per customer a year, 4% of gross profit "
        "(gross profit 800, lifetime value 4,000)"
    )
    assert fans.cost_line == (
        "Relationship cost (illustrative): 0.55 per customer a year, 1% of gross profit "
        "(gross profit 40, lifetime value 120)"
    )


def test_a_free_segment_names_who_pays_and_its_funder_carries_the_cost(catalog: Catalog) -> None:
    submission = Submission(
        segments=[
            SegmentChoice(
                id="users",
                name="Users",
                archetype="platform",
                revenue_per_customer=0,
                customers=1000,
                relationships=[RelationshipShare(type="automated_services", share=1.0)],
                funded_by="payers",
            ),
            SegmentChoice(
                id="payers",
                name="Payers",
                archetype="business",
                revenue_per_customer=1000,
                customers=100,
                relationships=[RelationshipShare(type="self_service", share=1.0)],
            ),
        ]
    )
    users, payers = build_canvas_block(submission, catalog).segments
    assert (users.funded_by_name, payers.funded_by_name) == ("Payers", None)
    # automated for 1,000 users: 4,000 / 3 years / 1,000 = 1.33 + 0.5 running = 1.83 each
    assert users.cost_line == (
        "Relationship cost (illustrative): 1.83 per customer a year, paid for by Payers"
    )
    # own: self-service for 100, 3,000 / 3 / 100 = 10 + 0.5; carried: 1,833.33 / 100 = 18.33;
    # 28.83 of the 1,000 × 0.4 = 400 gross profit is 7.2%; lifetime value 400 × 5 = 2,000
    assert payers.cost_per_customer == pytest.approx(10.5 + 1833.3333 / 100, abs=1e-4)
    assert payers.cost_line == (
        "Relationship cost (illustrative): 28.83 per customer a year, 7% of gross profit "
        "(gross profit 400, lifetime value 2,000)"
    )


def test_text_view_lays_out_each_segment(block: CanvasBlock) -> None:
    lines = render_text(block).splitlines()
    assert lines[:15] == [
        "Ada — Customer Relationships",
        "Business: Cleats",
        "",
        "■ Teams [Businesses (B2B)]",
        "  500 customers · revenue 2,000 per customer a year · validated",
        "  Relationships:",
        "    • Personal assistance (all)",
        "    • website (a channel?)",
        "  Relationship cost (illustrative): 30.60 per customer a year, 4% of gross profit "
        "(gross profit 800, lifetime value 4,000)",
        "  Lifecycle covered: Customer acquisition, Customer retention, Boosting sales (upselling)",
        # the finding by its title, never its code
        "  [warning] Channel, not relationship: Teams: 'website' is a channel, not a relationship. "
        "A website is a route to customers; what matters here is whether people serve themselves "
        "on it or reach a person through it.",
        "      → Name the kind of relationship it carries instead, probably self-service.",
        "  To test (interview): Teams want to talk to a person before or after buying",
        "  To test (experiment): Teams buy more when a person helps them",
        "",
    ]
    assert "  1,000,000 customers · revenue 100 per customer a year · not yet validated" in lines
    assert "    • Self-service (all)" in lines
    assert "  Lifecycle covered: Customer acquisition" in lines
    # "mvp" written out
    assert (
        "  To test (minimum viable product): Fans can complete a purchase with our self-service "
        "tools alone"
    ) in lines
    assert not [line for line in lines if "_" in line]  # no code or id anywhere
    assert lines[-2:] == [
        "Findings: 4 warnings · 1 note.",
        "Knowledge checks: 1 of 1 correct.",
    ]


def test_text_view_of_an_empty_submission(catalog: Catalog) -> None:
    text = render_text(build_canvas_block(Submission(), catalog))
    assert text.splitlines() == [
        "Customer Relationships",
        "Business: untitled business",
        "",
        "No findings: the choices fit the course's teaching assumptions.",
    ]


def test_the_learners_reasons_are_part_of_the_block(catalog: Catalog) -> None:
    block = build_canvas_block(reasons_submission(catalog), catalog)
    athletes, teams = block.segments
    assert athletes.value_proposition == VALUE_PROPOSITION
    assert [(m.type_id, m.label, m.reason) for m in athletes.mix] == [
        ("self_service", "Self-service (all)", SELF_SERVICE_WHY),
        ("automated_services", "Automated services (all)", AUTOMATED_WHY),
    ]
    assert athletes.notes == NOTES
    # the one finding the athletes get (nobody to turn to), answered and titled in words
    assert [(e.finding.key, e.title, e.severity, e.answer) for e in athletes.finding_entries] == [
        ("no_human_fallback:self_service", "Human fallback", "Warning", ANSWER)
    ]
    # an answer to a finding no longer raised is kept, titled with its type
    assert [(o.title, o.answer) for o in athletes.other_answers] == [("Over-serving", OLD_ANSWER)]
    assert (athletes.answered, teams.answered, block.answered) == (1, 0, 1)
    assert block.findings_line == "Findings: 1 warning (1 answered)."
    assert stages_line(teams) == (
        "Launch: Personal assistance; Growth: Personal assistance, Self-service; "
        "Mature market: Self-service, Communities"
    )
    assert stages_line(athletes) == ""
    assert headline(block) == f"Ada {SCRIPT} — Customer Relationships"
    text = render_text(block)
    for reason in (VALUE_PROPOSITION, SELF_SERVICE_WHY, AUTOMATED_WHY, NOTES, ANSWER, OLD_ANSWER):
        assert reason in text
    assert "      Answered: " + ANSWER in text.splitlines()


def test_a_citizens_segment_counts_its_budget_per_person(catalog: Catalog) -> None:
    submission = Submission(
        segments=[
            SegmentChoice(
                id="residents",
                name="Residents",
                archetype="citizens",
                revenue_per_customer=400,
                customers=50_000,
            )
        ]
    )
    [residents] = build_canvas_block(submission, catalog).segments
    assert residents.numbers_line == (
        "50,000 customers · budget 400 per person a year · not yet validated"
    )
