"""The learner's canvas block as saved data: the submission / progress format, version 2.

This is the contract of DESIGN.md ("Submission / progress file"): JSON,
UTF-8, ``schema_version``, unknown fields kept. Loading upgrades older
versions (:mod:`bmc_course.formats.upgrades`), validates the shape here and
the ids against the catalog, and reports every problem with file, entry and
field. Each version's JSON Schema is frozen in ``formats/schemas/``.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    ValidationError,
    model_serializer,
)

from bmc_course.formats.limits import (
    MAX_CUSTOMER_YEARS,
    MAX_CUSTOMERS,
    MAX_FINDING_ANSWERS,
    MAX_LINE_CHARS,
    MAX_NOTES_CHARS,
    MAX_REVENUE_PER_CUSTOMER,
    MAX_SCENARIOS,
    MAX_SEGMENTS,
    MAX_SUBMISSION_BYTES,
    SegmentSlug,
)
from bmc_course.formats.upgrades import SCHEMA_VERSION, upgrade
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import STAGE_IDS, CaseFile, Motivation, Stage
from bmc_course.model.input_errors import (
    FILE_LEVEL,
    NO_FIELD,
    InputIssue,
    SubmissionError,
    describe_value,
    entry_label,
    issues_from_validation,
)

__all__ = [
    "MAX_SUBMISSION_BYTES",
    "SCHEMA_VERSION",
    "STAGE_IDS",
    "RelationshipShare",
    "Scenario",
    "SegmentChoice",
    "Stage",
    "Submission",
    "catalog_issues",
    "load_checked_submission",
    "parse_submission",
    "quiz_score",
    "read_submission_file",
    "submission_from_case",
    "upgrade",
]


class _Open(BaseModel):
    """Unknown fields are kept (a newer tool or a teacher's script may add some)."""

    model_config = ConfigDict(extra="allow", validate_assignment=True)

    # Optional fields left out of the JSON while empty: a file that does not use them is
    # written exactly as before they existed.
    _OMIT_WHEN_EMPTY: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _omit_empty(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict):
            for name in self._OMIT_WHEN_EMPTY:
                if name in data and not data[name]:
                    del data[name]
        return data


class RelationshipShare(_Open):
    """One relationship type in a segment's mix, and the share of its customers served that way.

    ``share`` is the part of the segment's customers who use the type in a
    year (0 < share <= 1); shares of a mix need not add up to 1. ``notes`` is
    the learner's reason for this type ("why a person for these clients").
    """

    _OMIT_WHEN_EMPTY = ("notes",)

    type: Annotated[str, StringConstraints(max_length=200)]
    share: Annotated[float, Field(gt=0, le=1)] = 1.0
    notes: Annotated[str, StringConstraints(max_length=MAX_LINE_CHARS)] = ""


class SegmentChoice(_Open):
    """One customer segment, the mix of relationships chosen for it and its economics."""

    _OMIT_WHEN_EMPTY = ("value_proposition", "answers", "stages")

    id: SegmentSlug
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    archetype: str
    revenue_per_customer: Annotated[float, Field(ge=0, le=MAX_REVENUE_PER_CUSTOMER)]
    customers: Annotated[int, Field(ge=0, le=MAX_CUSTOMERS, strict=True)]
    validated: Annotated[bool, Field(strict=True)] = False
    relationships: list[RelationshipShare] = []
    motivations: list[Motivation] = []
    gross_margin: Annotated[float, Field(ge=0, le=1)] | None = None
    customer_years: Annotated[float, Field(gt=0, le=MAX_CUSTOMER_YEARS)] | None = None
    acquisition_cost: Annotated[float, Field(ge=0, le=MAX_REVENUE_PER_CUSTOMER)] | None = None
    funded_by: SegmentSlug | None = None
    notes: Annotated[str, StringConstraints(max_length=MAX_NOTES_CHARS)] = ""
    # What the business offers these customers, in one line (the Value Propositions block).
    value_proposition: Annotated[str, StringConstraints(max_length=MAX_LINE_CHARS)] = ""
    # The learner's answer to a finding ("I accept this because …"), by finding key
    # (``code`` or ``code:type``, see logic.checks.Finding.key).
    answers: Annotated[
        dict[
            Annotated[str, StringConstraints(max_length=300)],
            Annotated[str, StringConstraints(max_length=MAX_NOTES_CHARS)],
        ],
        Field(max_length=MAX_FINDING_ANSWERS),
    ] = {}
    # How the mix is planned to change over the market's life: stage → type ids.
    stages: dict[
        Stage,
        Annotated[list[Annotated[str, StringConstraints(max_length=200)]], Field(max_length=20)],
    ] = {}

    @property
    def type_ids(self) -> list[str]:
        """The names in the mix, in order (type ids, or channel words a learner typed)."""
        return [relationship.type for relationship in self.relationships]

    def share_of(self, type_id: str) -> float:
        """The share of this segment's customers served by ``type_id`` (0 if not in the mix)."""
        return next((r.share for r in self.relationships if r.type == type_id), 0.0)


class Scenario(_Open):
    """A named what-if: the segments as the learner tried them, kept beside their own answers."""

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    segments: Annotated[list[SegmentChoice], Field(max_length=MAX_SEGMENTS)] = []
    saved_at: str | None = None


class Submission(_Open):
    """A learner's whole canvas block: business, segments, quiz answers."""

    # strict: `true` or `1.0` is not a version (the same answer as `upgrade` gives)
    schema_version: Annotated[int, Field(strict=True)] = SCHEMA_VERSION
    learner: Annotated[str, StringConstraints(max_length=200)] = ""
    business: Annotated[str, StringConstraints(max_length=2000)] = ""
    segments: Annotated[list[SegmentChoice], Field(max_length=MAX_SEGMENTS)] = []
    quiz: dict[str, str] = {}
    scenarios: Annotated[list[Scenario], Field(max_length=MAX_SCENARIOS)] = []
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


def read_submission_file(path: Path, *, max_bytes: int = MAX_SUBMISSION_BYTES) -> Submission:
    """Read and validate a submission JSON file, with one precise error on any problem."""
    file = str(path)

    def fail(expected: str, found: str) -> SubmissionError:
        return SubmissionError([InputIssue(file, FILE_LEVEL, NO_FIELD, expected, found)])

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device would block or never end
            raise fail("a regular file", "a pipe, device or folder")
        if info.st_size > max_bytes:
            raise fail(f"at most {max_bytes} bytes", f"{info.st_size} bytes")
        data = path.read_bytes()
    except OSError as error:
        raise fail("a readable file", error.strerror or str(error)) from None
    if not data.strip():
        raise fail("a JSON submission", "an empty file")
    try:
        # "utf-8-sig": a byte-order mark (Windows Notepad adds one) is accepted everywhere
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise fail(
            "UTF-8 text", f"byte 0x{data[error.start]:02x} at position {error.start}"
        ) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise fail("valid JSON", json_mistake(error)) from None
    except RecursionError:
        raise fail("a JSON submission", "JSON nested too deeply to read") from None
    except ValueError:  # e.g. an integer of thousands of digits (Python's int limit)
        raise fail("a JSON submission", "a number too long to read") from None
    return parse_submission(raw, file=file)


def json_mistake(error: json.JSONDecodeError) -> str:
    """Where a JSON file goes wrong, in plain words: ``a mistake at line 3, column 5 (…)``.

    Python's wording (``Unterminated string starting at``) is cut to what a
    reader can act on: the place to look and what is wrong there.
    """
    what = error.msg.removesuffix(" starting at").removesuffix(" at").strip().lower()
    return (
        f"a mistake at line {error.lineno}, column {error.colno} ({what}); "
        "the file may be damaged or edited by hand: export it again from the course"
    )


def catalog_issues(submission: Submission, catalog: Catalog, *, file: str) -> list[InputIssue]:
    """What a well-formed submission gets wrong against the catalog and itself.

    Unknown archetype or relationship ids, a type listed twice in one mix,
    duplicate segment ids, a ``funded_by`` that names no other paying segment,
    and stages that plan types the course does not know. Quiz answers are
    never refused: an answer to a question or option a newer course version
    rewrote is kept and counts as not answered (a course update must never
    make a learner's progress file unreadable).
    """
    issues: list[InputIssue] = []
    first_index: dict[str, int] = {}
    for index, segment in enumerate(submission.segments):
        entry = entry_label("segments", index, {"id": segment.id})
        issues.extend(_segment_issues(segment, catalog, file=file, entry=entry))
        if segment.id in first_index:
            issues.append(
                InputIssue(
                    file,
                    entry,
                    "id",
                    "a segment id not used by another segment",
                    f"duplicate of segments[{first_index[segment.id]}]",
                )
            )
        first_index.setdefault(segment.id, index)
    issues.extend(_funding_issues(submission, file=file))
    return issues


def _segment_issues(
    segment: SegmentChoice, catalog: Catalog, *, file: str, entry: str
) -> list[InputIssue]:
    issues = []
    if segment.archetype not in catalog.archetypes:
        issues.append(
            InputIssue(
                file,
                entry,
                "archetype",
                "an archetype id (one of " + ", ".join(catalog.archetypes) + ")",
                describe_value(segment.archetype),
            )
        )
    seen: dict[str, int] = {}
    for r_index, relationship in enumerate(segment.relationships):
        name = relationship.type
        if name not in catalog.types and catalog.channel_for(name) is None:
            issues.append(
                InputIssue(
                    file,
                    entry,
                    f"relationships[{r_index}].type",
                    "a relationship type id (one of " + ", ".join(catalog.types) + ")",
                    describe_value(name),
                )
            )
        if name in seen:
            issues.append(
                InputIssue(
                    file,
                    entry,
                    f"relationships[{r_index}].type",
                    "each type once in a segment's mix",
                    f"{describe_value(name)} again (already relationships[{seen[name]}])",
                )
            )
        seen.setdefault(name, r_index)
    for stage, type_ids in segment.stages.items():
        for t_index, type_id in enumerate(type_ids):
            if type_id not in catalog.types:
                issues.append(
                    InputIssue(
                        file,
                        entry,
                        f"stages.{stage}[{t_index}]",
                        "a relationship type id (one of " + ", ".join(catalog.types) + ")",
                        describe_value(type_id),
                    )
                )
    return issues


def _funding_issues(submission: Submission, *, file: str) -> list[InputIssue]:
    """``funded_by`` must name another segment that pays its own way (one level, no loops)."""
    by_id = {segment.id: segment for segment in submission.segments}
    issues = []
    for index, segment in enumerate(submission.segments):
        funder_id = segment.funded_by
        if funder_id is None:
            continue
        funder = by_id.get(funder_id)
        if funder is None or funder_id == segment.id or funder.funded_by is not None:
            paying = [
                s.id for s in submission.segments if s.funded_by is None and s.id != segment.id
            ]
            issues.append(
                InputIssue(
                    file,
                    entry_label("segments", index, {"id": segment.id}),
                    "funded_by",
                    "the id of another segment that pays its own way ("
                    + (", ".join(paying) or "none in this file")
                    + ")",
                    describe_value(funder_id),
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
    answer_ids = catalog.answer_ids
    answered = [
        (qid, a)
        for qid, a in submission.quiz.items()
        if qid in correct_answers and a in answer_ids[qid]
    ]
    correct = sum(correct_answers[qid] == answer for qid, answer in answered)
    return correct, len(answered)
