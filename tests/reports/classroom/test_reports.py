"""The class summary and its reports: exact counts, escaped HTML, stable JSON, safe CSV and text."""

from __future__ import annotations

import csv
import io
import json
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from bmc_course.formats.submission import Submission
from bmc_course.logic.checks import check_segments
from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.csv_safe import neutralise
from bmc_course.reports.classroom.intake import read_folder
from bmc_course.reports.classroom.report_csv import learners_csv
from bmc_course.reports.classroom.report_html import render_class_report
from bmc_course.reports.classroom.report_json import summary_json
from bmc_course.reports.classroom.report_text import printable, summary_lines
from bmc_course.reports.classroom.summary import ClassSummary, summarise
from bmc_course.state.course_state import CourseState
from tests.support.classroom_corpus import make_submission, write_class
from tests.support.html_tags import TagCollector

HOSTILE_NAME = "<img src=x onerror=alert(1)>"


def save(folder: Path, name: str, submission: Submission) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(submission.to_json_dict()), encoding="utf-8")


def learner(
    catalog: Catalog,
    name: str,
    segments: list[tuple[str, str, int, list[str]]],
    quiz: dict[str, str],
) -> Submission:
    """A submission made the way the course makes it: (segment name, archetype, customers, types)."""
    state = CourseState(catalog, Submission(learner=name, business=f"{name}'s business"))
    for segment_name, archetype, customers, types in segments:
        segment_id = state.add_segment(segment_name, archetype, customers=customers)
        state.set_relationships(segment_id, types)
    for question_id, answer in quiz.items():
        state.answer(question_id, answer)
    return state.stamped_submission()


@pytest.fixture
def small_class(tmp_path: Path, catalog: Catalog) -> tuple[Path, list[Submission]]:
    """Three learners with known choices and answers, one broken file, one older duplicate."""
    question = catalog.questions["welcome-1"]
    right = question.correct_option.id
    wrong = next(o.id for o in question.options if not o.correct)
    other = catalog.questions["welcome-2"]
    other_wrong = next(o.id for o in other.options if not o.correct)
    ana = learner(
        catalog,
        "Ana",
        [("Shoppers", "mass_market", 1000, ["dedicated_personal_assistance"])],
        {"welcome-1": right, "welcome-2": other_wrong},
    )
    ben = learner(
        catalog,
        "Ben",
        [
            ("Firms", "business", 500, ["personal_assistance"]),
            ("Agencies", "government", 50, ["personal_assistance", "co_creation"]),
        ],
        {"welcome-1": wrong},
    )
    cem = learner(catalog, HOSTILE_NAME, [("Fans", "mass_market", 200_000, ["self_service"])], {})
    folder = tmp_path / "class"
    save(folder, "ana.json", ana)
    save(folder, "ben.json", ben)
    save(folder, "cem.json", cem)
    older = ana.model_copy(update={"saved_at": "2000-01-01T00:00:00+00:00"})
    save(folder, "ana-first-try.json", older)
    (folder / "<b>scan.pdf").write_bytes(b"%PDF-1.7")
    return folder, [ana, ben, cem]


def test_summary_counts_exactly(
    small_class: tuple[Path, list[Submission]], catalog: Catalog
) -> None:
    folder, learners = small_class
    summary = summarise(read_folder(folder, catalog), catalog)
    assert (summary.accepted, summary.segments, len(summary.learners)) == (3, 4, 3)
    assert summary.rejected == [("<b>scan.pdf", summary.rejected[0][1])]
    assert summary.duplicates == [("ana-first-try.json", "Ana", "ana.json")]
    assert summary.by_archetype == {
        "mass_market": Counter({"dedicated_personal_assistance": 1, "self_service": 1}),
        "business": Counter({"personal_assistance": 1}),
        "government": Counter({"personal_assistance": 1, "co_creation": 1}),
    }
    assert summary.segments_by_archetype == Counter(mass_market=2, business=1, government=1)
    # findings: the existing checks, counted per learner, with the learners as examples
    expected: dict[str, list[str]] = {}
    occurrences: Counter[str] = Counter()
    for submission in learners:
        findings = check_segments(submission.segments, catalog)
        occurrences.update(f.code for f in findings)
        for code in sorted({f.code for f in findings}):
            expected.setdefault(code, []).append(submission.learner)
    assert {f.code: list(f.examples) for f in summary.findings} == expected
    assert {f.code: f.occurrences for f in summary.findings} == dict(occurrences)
    assert "revenue_cost_imbalance" in expected  # Ana's dedicated managers for a mass market
    # quiz: share correct per question, weakest first
    assert [(q.question_id, q.correct, q.answered, q.share_correct) for q in summary.quiz] == [
        ("welcome-2", 0, 1, 0.0),
        ("welcome-1", 1, 2, 0.5),
    ]
    rows = {row.learner: row for row in summary.learners}
    assert (rows["Ana"].segments, rows["Ana"].quiz_correct, rows["Ana"].quiz_answered) == (1, 1, 2)
    assert rows["Ben"].types == ("Personal assistance", "Co-creation")  # catalog order
    assert rows[HOSTILE_NAME].quiz_answered == 0
    for submission in learners:
        findings = check_segments(submission.segments, catalog)
        row = rows[submission.learner]
        assert row.findings == len(findings)
        assert row.problems == sum(f.severity == "problem" for f in findings)


def test_summary_of_a_generated_class_adds_up(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=30, with_broken=False)
    intake = read_folder(folder, catalog)
    summary = summarise(intake, catalog)
    submissions = [a.submission for a in intake.accepted]
    assert summary.segments == sum(len(s.segments) for s in submissions)
    chosen = sum(len(set(seg.relationships)) for s in submissions for seg in s.segments)
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


JSON_KEYS = {
    "format",
    "folder",
    "accepted",
    "rejected",
    "duplicates",
    "learners",
    "segments",
    "by_archetype",
    "findings",
    "quiz",
    "learner_rows",
}


def test_json_report_keys_are_stable_and_documented(
    small_class: tuple[Path, list[Submission]], catalog: Catalog
) -> None:
    from bmc_course.reports.classroom import report_json

    folder, _ = small_class
    data = json.loads(json.dumps(summary_json(summarise(read_folder(folder, catalog), catalog))))
    assert set(data) == JSON_KEYS
    documented = report_json.__doc__ or ""
    assert all(re.search(rf"^    .*\b{key}\b", documented, re.MULTILINE) for key in JSON_KEYS)
    assert data["format"] == 1
    assert (data["accepted"], data["learners"], data["segments"]) == (3, 3, 4)
    assert data["rejected"] == [{"file": "<b>scan.pdf", "reason": data["rejected"][0]["reason"]}]
    assert data["duplicates"] == [
        {"file": "ana-first-try.json", "learner": "Ana", "kept": "ana.json"}
    ]
    assert data["by_archetype"]["mass_market"] == {
        "segments": 2,
        "types": {"dedicated_personal_assistance": 1, "self_service": 1},
    }
    assert all(set(f) == {"code", "learners", "occurrences", "examples"} for f in data["findings"])
    assert data["quiz"][0] == {
        "question": "welcome-2",
        "lesson": data["quiz"][0]["lesson"],
        "answered": 1,
        "correct": 0,
        "share_correct": 0.0,
    }
    assert set(data["learner_rows"][0]) == {
        "file",
        "learner",
        "segments",
        "types",
        "findings",
        "problems",
        "quiz_correct",
        "quiz_answered",
    }


def test_html_report_shows_learner_text_as_text(
    small_class: tuple[Path, list[Submission]], catalog: Catalog
) -> None:
    folder, _ = small_class
    page = render_class_report(summarise(read_folder(folder, catalog), catalog), catalog)
    parser = TagCollector()
    parser.feed(page)
    # the learner called <img src=x onerror=alert(1)> is a table cell's text, not an image
    assert not [a for t, a in parser.tags if t == "img" and a.get("src") == "x"]
    assert not [a for _, a in parser.tags if "onerror" in a]
    assert HOSTILE_NAME in parser.text
    assert "<b>scan.pdf" in parser.text
    assert [t for t, _ in parser.tags].count("b") == 0


def test_html_report_is_self_contained_printable_and_sortable(
    small_class: tuple[Path, list[Submission]], catalog: Catalog
) -> None:
    folder, _ = small_class
    page = render_class_report(summarise(read_folder(folder, catalog), catalog), catalog)
    parser = TagCollector()
    parser.feed(page)
    images = [a for t, a in parser.tags if t == "img"]
    assert images and all(str(a["src"]).startswith("data:image/png;base64,") for a in images)
    assert all(a.get("alt") for a in images)  # every chart has a text alternative
    assert not [t for t, _ in parser.tags if t in ("link", "iframe", "object", "embed")]
    assert not [a for t, a in parser.tags if t == "script" and "src" in a]
    assert [t for t, _ in parser.tags].count("script") == 1  # the table sorter
    assert "http://" not in page and "https://" not in page
    assert "@media print" in page and "font-size: 19px" in page
    assert ("table", {"class": "sortable"}) in parser.tags
    assert [t for t, _ in parser.tags].count("table") >= 4  # choices, findings, quiz, learners


def test_csv_cells_never_start_a_formula(catalog: Catalog, tmp_path: Path) -> None:
    assert neutralise("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert neutralise("Ana") == "Ana"
    folder = tmp_path / "class"
    for index, name in enumerate(["=1+1", "+cmd", "-2", "@SUM(A1)", "\tTab", "Plain"]):
        save(folder, f"{index}.json", make_submission(catalog, random.Random(index), name))
    rows = list(
        csv.reader(io.StringIO(learners_csv(summarise(read_folder(folder, catalog), catalog))))
    )
    assert sorted(row[0] for row in rows[1:]) == sorted(
        ["'=1+1", "'+cmd", "'-2", "'@SUM(A1)", "'\tTab", "Plain"]
    )


def test_text_report_makes_control_characters_visible(tmp_path: Path, catalog: Catalog) -> None:
    assert printable("a\x1b[2Jb\nc\u202ed é") == "a\\x1b[2Jb\\x0ac\\u202ed é"
    folder = tmp_path / "class"
    sneaky = "Eve\x1b[2J\x1b[H all good\n"
    save(
        folder,
        "eve.json",
        learner(catalog, sneaky, [("Fans", "mass_market", 10, ["self_service"])], {}),
    )
    save(
        folder,
        "eve-old.json",
        learner(catalog, sneaky, [], {}).model_copy(update={"saved_at": "2000-01-01"}),
    )
    text = "\n".join(summary_lines(summarise(read_folder(folder, catalog), catalog), catalog))
    assert "\x1b" not in text and "Eve\\x1b[2J" in text


def test_a_summary_is_plain_data(
    small_class: tuple[Path, list[Submission]], catalog: Catalog
) -> None:
    folder, _ = small_class
    summary = summarise(read_folder(folder, catalog), catalog)
    assert isinstance(summary, ClassSummary)
    assert summary.folder == str(folder)
