"""A small class with known choices and answers, saved as the course saves submissions."""

from __future__ import annotations

import json
from pathlib import Path

from bmc_course.formats.submission import Submission
from bmc_course.model.catalog import Catalog
from bmc_course.state.course_state import CourseState

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


def write_small_class(tmp_path: Path, catalog: Catalog) -> tuple[Path, list[Submission]]:
    """Three learners with known choices and answers, one broken file, one older duplicate."""
    question = catalog.questions["welcome-1"]
    right = question.correct_option.id
    wrong = next(o.id for o in question.options if not o.correct)
    other = catalog.questions["welcome-4"]
    other_wrong = next(o.id for o in other.options if not o.correct)
    ana = learner(
        catalog,
        "Ana",
        [("Shoppers", "mass_market", 1000, ["dedicated_personal_assistance"])],
        {"welcome-1": right, "welcome-4": other_wrong},
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
    cem = learner(catalog, HOSTILE_NAME, [("Fans", "mass_market", 1_000_000, ["self_service"])], {})
    folder = tmp_path / "class"
    save(folder, "ana.json", ana)
    save(folder, "ben.json", ben)
    save(folder, "cem.json", cem)
    older = ana.model_copy(update={"saved_at": "2000-01-01T00:00:00+00:00"})
    save(folder, "ana-first-try.json", older)
    (folder / "<b>scan.pdf").write_bytes(b"%PDF-1.7")
    return folder, [ana, ben, cem]
