"""The submission format: round trip, unknown fields kept, precise errors."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from bmc_course.formats.submission import (
    SCHEMA_VERSION,
    catalog_issues,
    load_checked_submission,
    parse_submission,
    quiz_score,
    read_submission_file,
    submission_from_case,
)
from bmc_course.model.catalog import Catalog
from bmc_course.model.input_errors import SubmissionError

VALID: dict[str, Any] = {
    "schema_version": 2,
    "learner": "Ada <b>",
    "business": "Cleats",
    "segments": [
        {
            "id": "athletes",
            "name": "Individual athletes",
            "archetype": "mass_market",
            "revenue_per_customer": 120,
            "customers": 50000,
            "validated": False,
            "relationships": [
                {"type": "self_service", "share": 1.0},
                {"type": "personal_assistance", "share": 0.1, "channel": "phone"},
            ],
            "motivations": ["acquisition", "retention"],
            "gross_margin": 0.45,
            "customer_years": 2.5,
            "acquisition_cost": 25.0,
            "funded_by": None,
            "notes": "Most athletes order online; a few call about sizes.",
            "colour": "blue",
        }
    ],
    "quiz": {},
    "scenarios": [],
    "saved_at": "2026-11-24T10:00:00+00:00",
    "teacher_note": {"kept": True},
}


def _write(tmp_path: Path, data: Any, name: str = "s.json") -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    elif isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(SubmissionError) as caught:
        read_submission_file(path)
    (issue,) = caught.value.issues
    assert issue.file == str(path)
    return str(issue)


def test_round_trip_keeps_unknown_fields(tmp_path: Path) -> None:
    submission = read_submission_file(_write(tmp_path, VALID))
    assert submission.to_json_dict() == VALID | {
        "segments": [VALID["segments"][0] | {"revenue_per_customer": 120.0}]
    }


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "an empty file"),
        ('{"schema_version": 1, ', "valid JSON"),
        (b"\xff\xfe{}", "UTF-8 text"),
        ("[1, 2]", "a JSON list"),
        ("{}", "schema_version"),
        ('{"schema_version": 99}', "newer bmc-course"),
        ('{"schema_version": 0}', "too old"),
        ('{"schema_version": "1"}', "an integer"),
    ],
)
def test_unreadable_files_get_one_clear_error(tmp_path: Path, content: Any, expected: str) -> None:
    assert expected in _error(_write(tmp_path, content))


def test_oversized_file(tmp_path: Path) -> None:
    path = _write(tmp_path, {"schema_version": 1, "business": "x" * 100})
    with pytest.raises(SubmissionError) as caught:
        read_submission_file(path, max_bytes=50)
    assert "at most 50 bytes" in str(caught.value)


def test_field_errors_name_entry_and_field(tmp_path: Path) -> None:
    bad = json.loads(json.dumps(VALID))
    bad["segments"][0]["customers"] = -5
    bad["segments"][0]["validated"] = "yes"
    with pytest.raises(SubmissionError) as caught:
        read_submission_file(_write(tmp_path, bad))
    by_field = {i.field: i for i in caught.value.issues}
    assert set(by_field) == {"customers", "validated"}
    assert by_field["customers"].entry == "segments[0] 'athletes'"
    assert "-5" in by_field["customers"].found


def test_absurd_numbers_are_refused(tmp_path: Path) -> None:
    bad = json.loads(json.dumps(VALID))
    bad["segments"][0]["revenue_per_customer"] = 1e15
    with pytest.raises(SubmissionError):
        read_submission_file(_write(tmp_path, bad))


def test_catalog_ids_are_checked(tmp_path: Path, catalog: Catalog) -> None:
    bad = json.loads(json.dumps(VALID))
    bad["segments"][0]["archetype"] = "aliens"
    bad["segments"][0]["relationships"] = [
        {"type": "self_service", "share": 1.0},
        {"type": "mind reading", "share": 0.5},
        {"type": "self_service", "share": 0.2},
    ]
    bad["segments"].append(dict(bad["segments"][0]))
    bad["segments"][0]["stages"] = {"launch": ["self_service", "telepathy"]}
    path = _write(tmp_path, bad)
    with pytest.raises(SubmissionError) as caught:
        load_checked_submission(path, catalog)
    fields = [(i.entry, i.field) for i in caught.value.issues]
    assert ("segments[0] 'athletes'", "archetype") in fields
    assert ("segments[0] 'athletes'", "relationships[1].type") in fields
    assert ("segments[0] 'athletes'", "relationships[2].type") in fields  # listed twice
    assert ("segments[1] 'athletes'", "id") in fields
    assert ("segments[0] 'athletes'", "stages.launch[1]") in fields


def test_quiz_answers_a_newer_course_rewrote_are_kept_and_not_counted(
    tmp_path: Path, catalog: Catalog
) -> None:
    """A course update that rewrites a question must never make a progress file unreadable."""
    question = next(iter(catalog.questions.values()))
    old = json.loads(json.dumps(VALID))
    old["quiz"] = {question.id: "zz", "retired-question": "a"}
    submission = load_checked_submission(_write(tmp_path, old), catalog)
    assert submission.quiz == {question.id: "zz", "retired-question": "a"}
    assert quiz_score(submission, catalog) == (0, 0)


def test_the_learners_reasons_are_kept_and_bounded(tmp_path: Path) -> None:
    data = json.loads(json.dumps(VALID))
    segment = data["segments"][0]
    segment["relationships"][0]["notes"] = "They <b>like</b> to find answers themselves"
    segment["value_proposition"] = "Boots that fit after one fitting"
    segment["answers"] = {"no_human_fallback": "A phone line is planned for year two"}
    segment["stages"] = {"launch": ["personal_assistance"], "mature": ["self_service"]}
    loaded = read_submission_file(_write(tmp_path, data)).segments[0]
    assert loaded.relationships[0].notes == "They <b>like</b> to find answers themselves"
    assert loaded.value_proposition == "Boots that fit after one fitting"
    assert loaded.answers == {"no_human_fallback": "A phone line is planned for year two"}
    assert loaded.stages == {"launch": ["personal_assistance"], "mature": ["self_service"]}
    written = read_submission_file(_write(tmp_path, data, "again.json")).to_json_dict()["segments"][
        0
    ]
    assert written["answers"] == {"no_human_fallback": "A phone line is planned for year two"}
    assert written["relationships"][0]["notes"].startswith("They <b>like</b>")

    segment["value_proposition"] = "x" * 301  # one line, not an essay
    assert "value_proposition" in _error(_write(tmp_path, data, "long.json"))
    segment["value_proposition"] = ""
    segment["stages"] = {"someday": []}
    assert "stages" in _error(_write(tmp_path, data, "stage.json"))


def test_a_file_written_before_the_reasons_existed_still_loads(catalog: Catalog) -> None:
    """Version 2 as first shipped (no reasons, value proposition, answers or stages)."""
    path = Path(__file__).parent / "v2_files" / "progress-before-reasons.json"
    submission = load_checked_submission(path, catalog)
    assert [s.id for s in submission.segments] == ["walk-in-commuters", "delivery-fleets"]
    first = submission.segments[0]
    assert (first.value_proposition, first.answers, first.stages) == ("", {}, {})
    assert [r.notes for r in first.relationships] == ["", ""]


def test_channel_terms_are_allowed_for_the_check_to_explain(catalog: Catalog) -> None:
    case = catalog.cases["first-draft"]
    submission = submission_from_case(case)
    assert catalog_issues(submission, catalog, file="x") == []


def test_quiz_score(catalog: Catalog) -> None:
    questions = list(catalog.questions.values())[:3]
    answers = {q.id: q.correct_option.id for q in questions[:2]}
    wrong = next(o.id for o in questions[2].options if not o.correct)
    answers[questions[2].id] = wrong
    submission = submission_from_case(catalog.cases["cleat-maker"]).model_copy(
        update={"quiz": answers}
    )
    assert quiz_score(submission, catalog) == (2, 3)


def test_schema_version_is_current() -> None:
    assert SCHEMA_VERSION == 2


@pytest.mark.parametrize(
    ("funders", "expected"),
    [
        ({"a": "b"}, []),
        ({"a": "a"}, ["a"]),
        ({"a": "nobody"}, ["a"]),
        ({"a": "b", "b": "c"}, ["a"]),  # b is free itself, so it cannot fund a
    ],
)
def test_funded_by_names_another_paying_segment(
    catalog: Catalog, funders: dict[str, str], expected: list[str]
) -> None:
    base = VALID["segments"][0]
    segments = [base | {"id": sid, "funded_by": funders.get(sid)} for sid in ("a", "b", "c")]
    submission = parse_submission(VALID | {"segments": segments}, file="f.json")
    issues = catalog_issues(submission, catalog, file="f.json")
    assert [(i.entry.split("'")[1], i.field) for i in issues] == [
        (sid, "funded_by") for sid in expected
    ]


@pytest.mark.parametrize("share", [0, -0.5, 1.5])
def test_a_share_outside_zero_to_one_is_named(tmp_path: Path, share: float) -> None:
    bad = json.loads(json.dumps(VALID))
    bad["segments"][0]["relationships"][1]["share"] = share
    with pytest.raises(SubmissionError) as caught:
        read_submission_file(_write(tmp_path, bad))
    (issue,) = caught.value.issues
    assert (issue.entry, issue.field) == ("segments[0] 'athletes'", "relationships[1].share")


def test_a_byte_order_mark_is_accepted_like_in_the_class_summary(tmp_path: Path) -> None:
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(VALID).encode("utf-8"))
    assert read_submission_file(path).learner == "Ada <b>"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    assert "expected a regular file, found a pipe, device or folder" in _error(pipe)
