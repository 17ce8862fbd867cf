"""The learner's canvas block as saved data: the submission / progress format.

This is the contract of DESIGN.md ("Submission / progress file"): JSON,
UTF-8, ``schema_version``, unknown fields kept. Loading validates the shape
here and the ids against the catalog, and reports every problem with file,
entry and field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import CaseFile, Motivation
from bmc_course.model.input_errors import (
    FILE_LEVEL,
    NO_FIELD,
    InputIssue,
    SubmissionError,
    describe_value,
    entry_label,
    issues_from_validation,
)

SCHEMA_VERSION = 1
MAX_SUBMISSION_BYTES = 1_000_000
# Upper bounds that catch typos (an extra three zeros) without limiting real businesses.
MAX_REVENUE_PER_CUSTOMER = 1e9
MAX_CUSTOMERS = 10_000_000_000

SegmentSlug = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]

# Upgrade functions: UPGRADES[n] turns a version-n dict into a version-(n+1) dict.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class _Open(BaseModel):
    """Unknown fields are kept (a newer tool or a teacher's script may add some)."""

    model_config = ConfigDict(extra="allow", validate_assignment=True)


class SegmentChoice(_Open):
    """One customer segment and the relationships chosen for it."""

    id: SegmentSlug
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    archetype: str
    revenue_per_customer: Annotated[float, Field(ge=0, le=MAX_REVENUE_PER_CUSTOMER)]
    customers: Annotated[int, Field(ge=0, le=MAX_CUSTOMERS, strict=True)]
    validated: Annotated[bool, Field(strict=True)] = False
    relationships: list[Annotated[str, StringConstraints(max_length=200)]] = []
    motivations: list[Motivation] = []


class Submission(_Open):
    """A learner's whole canvas block: business, segments, quiz answers."""

    # strict: `true` or `1.0` is not a version (the same answer as `upgrade` gives)
    schema_version: Annotated[int, Field(strict=True)] = SCHEMA_VERSION
    learner: Annotated[str, StringConstraints(max_length=200)] = ""
    business: Annotated[str, StringConstraints(max_length=2000)] = ""
    segments: list[SegmentChoice] = []
    quiz: dict[str, str] = {}
    saved_at: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        """The JSON-ready dict, unknown fields included."""
        return self.model_dump(mode="json")


def submission_from_case(case: CaseFile) -> Submission:
    """A built-in worked case in the submission format (reviewed like a learner's work)."""
    return Submission(
        learner=f"Worked case: {case.title}",
        business=case.business,
        segments=[SegmentChoice(**segment.model_dump()) for segment in case.segments],
    )


def parse_submission(raw: Any, *, file: str) -> Submission:
    """Validate a decoded JSON value as a submission; raise :class:`SubmissionError`."""
    if not isinstance(raw, dict):
        raise SubmissionError(
            [
                InputIssue(
                    file, FILE_LEVEL, NO_FIELD, "a JSON object", f"a JSON {type(raw).__name__}"
                )
            ]
        )
    raw = upgrade(raw, file=file)
    try:
        return Submission.model_validate(raw)
    except ValidationError as error:
        raise SubmissionError(
            issues_from_validation(error, file=file, raw=raw, entry_collections=("segments",))
        ) from None


def upgrade(raw: dict[str, Any], *, file: str) -> dict[str, Any]:
    """Bring an older submission up to :data:`SCHEMA_VERSION`; refuse newer or unknown ones."""
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        found = "nothing (field missing)" if version is None else describe_value(version)
        raise SubmissionError(
            [
                InputIssue(
                    file,
                    FILE_LEVEL,
                    "schema_version",
                    f"an integer from 1 to {SCHEMA_VERSION}",
                    found,
                )
            ]
        )
    if version > SCHEMA_VERSION:
        raise SubmissionError(
            [
                InputIssue(
                    file,
                    FILE_LEVEL,
                    "schema_version",
                    f"at most {SCHEMA_VERSION}",
                    f"{version}: written by a newer bmc-course; upgrade bmc-course to read it",
                )
            ]
        )
    if version < 1:
        raise SubmissionError(
            [
                InputIssue(
                    file,
                    FILE_LEVEL,
                    "schema_version",
                    f"an integer from 1 to {SCHEMA_VERSION}",
                    f"{version}: too old or not a bmc-course file",
                )
            ]
        )
    while version < SCHEMA_VERSION:
        raw = UPGRADES[version](raw)
        version += 1
        raw["schema_version"] = version
    return raw


def read_submission_file(path: Path, *, max_bytes: int = MAX_SUBMISSION_BYTES) -> Submission:
    """Read and validate a submission JSON file, with one precise error on any problem."""
    file = str(path)

    def fail(expected: str, found: str) -> SubmissionError:
        return SubmissionError([InputIssue(file, FILE_LEVEL, NO_FIELD, expected, found)])

    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise fail(f"at most {max_bytes} bytes", f"{size} bytes")
        data = path.read_bytes()
    except OSError as error:
        raise fail("a readable file", error.strerror or str(error)) from None
    if not data.strip():
        raise fail("a JSON submission", "an empty file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise fail(
            "UTF-8 text", f"byte 0x{data[error.start]:02x} at position {error.start}"
        ) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise fail(
            "valid JSON", f"{error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise fail("a JSON submission", "JSON nested too deeply to read") from None
    except ValueError:  # e.g. an integer of thousands of digits (Python's int limit)
        raise fail("a JSON submission", "a number too long to read") from None
    return parse_submission(raw, file=file)


def catalog_issues(submission: Submission, catalog: Catalog, *, file: str) -> list[InputIssue]:
    """Ids in a submission that the catalog does not know (archetypes, relationships, quiz)."""
    issues = []
    for index, segment in enumerate(submission.segments):
        if segment.archetype not in catalog.archetypes:
            issues.append(
                InputIssue(
                    file,
                    entry_label("segments", index, {"id": segment.id}),
                    "archetype",
                    "an archetype id (one of " + ", ".join(catalog.archetypes) + ")",
                    describe_value(segment.archetype),
                )
            )
        for r_index, relationship in enumerate(segment.relationships):
            if relationship not in catalog.types and catalog.channel_for(relationship) is None:
                issues.append(
                    InputIssue(
                        file,
                        entry_label("segments", index, {"id": segment.id}),
                        f"relationships[{r_index}]",
                        "a relationship type id (one of " + ", ".join(catalog.types) + ")",
                        describe_value(relationship),
                    )
                )
    seen: dict[str, int] = {}
    for index, segment in enumerate(submission.segments):
        if segment.id in seen:
            issues.append(
                InputIssue(
                    file,
                    entry_label("segments", index, {"id": segment.id}),
                    "id",
                    "a segment id not used by another segment",
                    f"duplicate of segments[{seen[segment.id]}]",
                )
            )
        seen.setdefault(segment.id, index)
    answer_ids = catalog.answer_ids
    for question_id, answer in submission.quiz.items():
        # Answers to questions this course version no longer asks are kept, not refused.
        if question_id in answer_ids and answer not in answer_ids[question_id]:
            issues.append(
                InputIssue(
                    file,
                    "quiz",
                    question_id,
                    "an answer id of that question",
                    describe_value(answer),
                )
            )
    return issues


def load_checked_submission(path: Path, catalog: Catalog) -> Submission:
    """Read a submission file and check its ids against the catalog."""
    submission = read_submission_file(path)
    issues = catalog_issues(submission, catalog, file=str(path))
    if issues:
        raise SubmissionError(issues)
    return submission


def quiz_score(submission: Submission, catalog: Catalog) -> tuple[int, int]:
    """(correct answers, questions answered) among known questions."""
    correct_answers = catalog.correct_answers
    answered = [(qid, a) for qid, a in submission.quiz.items() if qid in correct_answers]
    correct = sum(correct_answers[qid] == answer for qid, answer in answered)
    return correct, len(answered)
