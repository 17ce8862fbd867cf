"""The class summary: exact counts of choices, findings and quiz results, as plain data."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bmc_course.formats.submission import Submission
from bmc_course.logic.checks import check_segments
from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.intake import read_folder
from bmc_course.reports.classroom.report_html import render_class_report
from bmc_course.reports.classroom.report_json import summary_json
from bmc_course.reports.classroom.summary import ClassSummary, FindingCount, summarise
from tests.support.classroom_corpus import write_class
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
from tests.support.small_class import HOSTILE_NAME, learner, save

# What the checks find in the small class, worked out from content/assumptions.toml and
# relationship_types.toml: (code, severity, segment id) per learner, most severe first.
SMALL_CLASS_FINDINGS = {
    # Shoppers (mass market, 1,000 customers, 100 revenue, 40% margin) with dedicated assistance
    # for all: 1,500 running + 25,000/5/1,000 set-up = 1,505 a customer against 40 of gross
    # profit, far past the 60% problem line; cost to serve 5 for all of a price-driven segment
    # over-serves it. Dedicated assistance serves all three motivations: no lifecycle note.
    "Ana": [
        ("revenue_cost_imbalance", "problem", "shoppers"),
        ("over_serving", "warning", "shoppers"),
    ],
    # Firms (B2B, 500) and Agencies (government, 50) with personal assistance (contact 4,
    # two-way 5 meet their 4 and 4; all three motivations): 30 + 300×500/550/500 = 30.55 a firm
    # against 4,000 of gross profit; nothing to say.
    "Ben": [],
    # Fans (mass market, 1,000,000, not validated) with self-service only: no person to turn
    # to; the large self-service set-up (150,000) falls on them alone, past the 100,000 "heavy"
    # line; self-service only acquires: a note on retention and boosting sales.
    HOSTILE_NAME: [
        ("no_human_fallback", "warning", "fans"),
        ("unvalidated_investment", "warning", "fans"),
        ("lifecycle_gap", "info", "fans"),
    ],
}


def test_summary_counts_exactly(
    small_class: tuple[Path, list[Submission]], catalog: Catalog
) -> None:
    folder, learners = small_class
    summary = summarise(read_folder(folder, catalog), catalog)
    assert (summary.accepted, summary.segments, len(summary.learners)) == (3, 4, 3)
    assert summary.rejected == [("<b>scan.pdf", "not JSON: Expecting value at line 1, column 1")]
    assert summary.duplicates == [("ana-first-try.json", "Ana", "ana.json")]
    assert summary.by_archetype == {
        "mass_market": Counter({"dedicated_personal_assistance": 1, "self_service": 1}),
        "business": Counter({"personal_assistance": 1}),
        "government": Counter({"personal_assistance": 1, "co_creation": 1}),
    }
    assert summary.segments_by_archetype == Counter(mass_market=2, business=1, government=1)
    # the class's findings are the checks' findings for each learner (pinned in the table above)
    for submission in learners:
        found = check_segments(submission.segments, catalog)
        assert [(f.code, f.severity, f.segment_id) for f in found] == SMALL_CLASS_FINDINGS[
            submission.learner
        ]
    # counted per learner, most learners first, then most occurrences, then code
    assert summary.findings == [
        FindingCount("lifecycle_gap", 1, 1, (HOSTILE_NAME,)),
        FindingCount("no_human_fallback", 1, 1, (HOSTILE_NAME,)),
        FindingCount("over_serving", 1, 1, ("Ana",)),
        FindingCount("revenue_cost_imbalance", 1, 1, ("Ana",)),
        FindingCount("unvalidated_investment", 1, 1, (HOSTILE_NAME,)),
    ]
    # quiz: share correct per question, weakest first
    assert [(q.question_id, q.correct, q.answered, q.share_correct) for q in summary.quiz] == [
        ("welcome-4", 0, 1, 0.0),
        ("welcome-1", 1, 2, 0.5),
    ]
    rows = {row.learner: row for row in summary.learners}
    assert (rows["Ana"].segments, rows["Ana"].quiz_correct, rows["Ana"].quiz_answered) == (1, 1, 2)
    assert rows["Ben"].types == ("Personal assistance", "Co-creation")  # catalog order
    assert rows[HOSTILE_NAME].quiz_answered == 0
    # findings and problems per learner
    assert [(row.learner, row.findings, row.problems) for row in summary.learners] == [
        ("Ana", 2, 1),
        ("Ben", 0, 0),
        (HOSTILE_NAME, 3, 0),
    ]


def test_summary_of_a_generated_class_adds_up(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=30, with_broken=False)
    intake = read_folder(folder, catalog)
    summary = summarise(intake, catalog)
    submissions = [a.submission for a in intake.accepted]
    assert summary.segments == sum(len(s.segments) for s in submissions)
    chosen = sum(len(set(seg.type_ids)) for s in submissions for seg in s.segments)
    assert sum(sum(c.values()) for c in summary.by_archetype.values()) == chosen
    assert summary.findings == sorted(
        summary.findings, key=lambda f: (-f.learners, -f.occurrences, f.code)
    )
    assert sum(q.answered for q in summary.quiz) == sum(len(s.quiz) for s in submissions)
    assert all(0 <= q.correct <= q.answered for q in summary.quiz)


def test_an_empty_folder_gives_an_empty_summary(tmp_path: Path, catalog: Catalog) -> None:
    summary = summarise(read_folder(tmp_path, catalog), catalog)
    assert (summary.accepted, summary.segments, summary.learners, summary.quiz) == (0, 0, [], [])
    page = render_class_report(summary, catalog)
    assert "No findings" in page
    assert summary_json(summary)["accepted"] == 0


def test_a_summary_is_plain_data(
    small_class: tuple[Path, list[Submission]], catalog: Catalog
) -> None:
    folder, _ = small_class
    summary = summarise(read_folder(folder, catalog), catalog)
    assert isinstance(summary, ClassSummary)
    assert summary.folder == str(folder)


def test_the_learners_reasons_in_plain_words(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    save(folder, "ada.json", reasons_submission(catalog))
    save(folder, "ben.json", learner(catalog, "Ben", [("Firms", "business", 50, [])], {}))
    summary = summarise(read_folder(folder, catalog), catalog)
    # Ben wrote nothing: no line; Ada wrote about both her segments
    assert [(r.learner, r.file, r.segment, r.archetype) for r in summary.reasons] == [
        (f"Ada {SCRIPT}", "ada.json", "Individual athletes", "Individual consumers (mass market)"),
        (f"Ada {SCRIPT}", "ada.json", "Teams, schools and stores", "Businesses (B2B)"),
    ]
    athletes, teams = summary.reasons
    assert athletes.value_proposition == VALUE_PROPOSITION
    assert athletes.mix == (
        ("Self-service (all)", SELF_SERVICE_WHY),
        ("Automated services (all)", AUTOMATED_WHY),
    )
    assert athletes.notes == NOTES
    assert athletes.answers == (("Human fallback", ANSWER), ("Over-serving", OLD_ANSWER))
    assert teams.stages == (
        "Launch: Personal assistance; Growth: Personal assistance, Self-service; "
        "Mature market: Self-service, Communities"
    )
    assert teams.text == (
        "Teams, schools and stores: value proposition: Team kits in every size; "
        "over time: Launch: Personal assistance; Growth: Personal assistance, Self-service; "
        "Mature market: Self-service, Communities"
    )
