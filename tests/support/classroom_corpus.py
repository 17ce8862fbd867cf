"""Generated class folders: valid submissions made with the course's own state, and broken files.

Used by the classroom tests and by ``benchmarks/bench_class_summary.py``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from bmc_course.formats.submission import Submission
from bmc_course.model.catalog import Catalog
from bmc_course.state.course_state import CourseState


# file name → (bytes, a piece of the reason it must be rejected with)
def broken_files(valid_example: dict[str, Any]) -> dict[str, tuple[bytes, str]]:
    text = json.dumps(valid_example)

    def variant(**changes: object) -> bytes:
        data = json.loads(text)
        data.update(changes)
        return json.dumps(data).encode()

    def segment_variant(**changes: object) -> bytes:
        data = json.loads(text)
        data["segments"][0].update(changes)
        return json.dumps(data).encode()

    return {
        "notes.txt": (b"my homework is in the other file", "not JSON"),
        "latin1.json": (text.replace("Learner", "L\u00e9arner").encode("latin-1"), "not UTF-8"),
        "empty.json": (b"", "an empty file"),
        "blank.json": (b"  \n\t\n", "only blank space"),
        "truncated.json": (text[: len(text) // 2].encode(), "truncated JSON"),
        "future.json": (variant(schema_version=99), "newer bmc-course"),
        "wrong-version.json": (variant(schema_version="one"), "schema_version"),
        "no-version.json": (
            json.dumps(
                {k: v for k, v in json.loads(text).items() if k != "schema_version"}
            ).encode(),
            "schema_version",
        ),
        "list.json": (b"[1, 2, 3]", "a JSON object"),
        "unknown-type.json": (
            segment_variant(relationships=[{"type": "telepathy", "share": 1.0}]),
            "relationship type id",
        ),
        "unknown-archetype.json": (segment_variant(archetype="martians"), "archetype"),
        "negative.json": (segment_variant(customers=-5), "customers"),
        "absurd.json": (segment_variant(revenue_per_customer=1e15), "revenue_per_customer"),
        "not-a-number.json": (segment_variant(customers="lots"), "customers"),
        "nan.json": (
            segment_variant(revenue_per_customer=1.0).replace(b"1.0", b"NaN", 1),
            "revenue_per_customer",
        ),
        "huge-integer.json": (
            segment_variant(customers=7).replace(b": 7", b": " + b"9" * 5000, 1),
            "number too long",
        ),
        "deeply-nested.json": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        "true-version.json": (variant(schema_version=True), "schema_version"),
        "learner-number.json": (variant(learner=42), "learner"),
        "unknown-stage-type.json": (
            segment_variant(stages={"launch": ["telepathy"]}),
            "relationship type id",
        ),
    }


def make_submission(catalog: Catalog, rng: random.Random, learner: str) -> Submission:
    state = CourseState(catalog, Submission(learner=learner, business=f"{learner}'s business"))
    archetypes = list(catalog.archetypes)
    types = list(catalog.types)
    for index in range(rng.randint(1, 3)):
        segment_id = state.add_segment(
            f"Segment {index + 1}",
            rng.choice(archetypes),
            customers=rng.choice([40, 300, 5_000, 200_000]),
        )
        state.set_relationships(segment_id, rng.sample(types, rng.randint(1, 3)))
    for question_id, question in list(catalog.questions.items())[: rng.randint(0, 12)]:
        state.answer(question_id, rng.choice(question.options).id)
    return state.stamped_submission()


def write_class(
    folder: Path, catalog: Catalog, *, valid: int, seed: int = 7, with_broken: bool = True
) -> dict[str, str]:
    """Write ``valid`` submissions (in a few sub-folders) and, optionally, every broken kind.

    Returns the broken files' expected reason pieces by relative name.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    example: dict[str, Any] = {}
    for number in range(valid):
        submission = make_submission(catalog, rng, f"Learner {number:05d}")
        example = submission.to_json_dict()
        group = folder / f"group-{number % 4}"
        group.mkdir(exist_ok=True)
        (group / f"learner-{number:05d}.json").write_text(json.dumps(example), encoding="utf-8")
    expected: dict[str, str] = {}
    if with_broken:
        broken = folder / "handed-in-wrong"
        broken.mkdir(exist_ok=True)
        for name, (data, reason) in broken_files(example).items():
            (broken / name).write_bytes(data)
            expected[f"handed-in-wrong/{name}"] = reason
    return expected


def add_symlink_out(folder: Path, target: Path) -> str | None:
    """A link pointing outside the folder, where the system allows links; its relative name."""
    link = folder / "handed-in-wrong" / "outside.json"
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError):
        return None
    return "handed-in-wrong/outside.json"
