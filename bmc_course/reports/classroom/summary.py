"""What a class chose and where its reasoning breaks: pure data from accepted submissions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bmc_course.formats.submission import SegmentChoice
from bmc_course.logic.checks import check_segments
from bmc_course.logic.mix_over_time import stage_plans
from bmc_course.logic.wording import finding_title, share_of_customers
from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.gc_pause import cycle_collector_paused
from bmc_course.reports.classroom.intake import Intake

EXAMPLES_PER_FINDING = 3


@dataclass(frozen=True)
class LearnerRow:
    """One learner's line: what they chose, how many findings, their quiz score."""

    file: str
    learner: str
    segments: int
    types: tuple[str, ...]  # relationship type names, in catalog order
    findings: int
    problems: int
    quiz_correct: int
    quiz_answered: int


@dataclass(frozen=True)
class SegmentReasons:
    """What one learner wrote about one segment, in plain words (names, never ids).

    ``mix`` pairs each type with the share it serves and the learner's reason
    (``("Self-service (all)", "they order at night")``); ``answers`` pairs a
    finding's title with the learner's answer to it.
    """

    learner: str
    file: str
    segment: str
    archetype: str
    value_proposition: str
    mix: tuple[tuple[str, str], ...]
    notes: str
    answers: tuple[tuple[str, str], ...]
    stages: str  # "Launch: Personal assistance; Growth: …" ("" with no plan)

    @property
    def text(self) -> str:
        """Everything the learner wrote about the segment on one line (for a spreadsheet cell)."""
        parts = [f"{self.segment}:"]
        if self.value_proposition:
            parts.append(f"value proposition: {self.value_proposition};")
        parts += [f"{label} — why: {why};" for label, why in self.mix if why]
        if self.notes:
            parts.append(f"notes: {self.notes};")
        parts += [f"answered {title}: {answer};" for title, answer in self.answers]
        if self.stages:
            parts.append(f"over time: {self.stages};")
        return " ".join(" ".join(parts).split()).removesuffix(";")


def segment_reasons(
    segment: SegmentChoice, catalog: Catalog, *, learner: str, file: str
) -> SegmentReasons | None:
    """The learner's reasons for one segment, or None when they wrote none."""
    reasons_given = (
        segment.value_proposition.strip()
        or segment.notes.strip()
        or any(r.notes.strip() for r in segment.relationships)
        or any(a.strip() for a in segment.answers.values())
        or segment.stages
    )
    if not reasons_given:
        return None
    archetype = catalog.archetypes.get(segment.archetype)
    mix = tuple(
        (
            f"{catalog.types[r.type].name} ({share_of_customers(r.share)})"
            if r.type in catalog.types
            else r.type,
            r.notes.strip(),
        )
        for r in segment.relationships
    )
    plans = stage_plans(segment, catalog)
    return SegmentReasons(
        learner=learner,
        file=file,
        segment=segment.name,
        archetype=archetype.name if archetype else segment.archetype,
        value_proposition=segment.value_proposition.strip(),
        mix=mix,
        notes=segment.notes.strip(),
        answers=tuple(
            (finding_title(key.partition(":")[0]), answer.strip())
            for key, answer in segment.answers.items()
            if answer.strip()
        ),
        stages="; ".join(f"{p.name}: {', '.join(p.types) or 'nothing'}" for p in plans),
    )


@dataclass(frozen=True)
class FindingCount:
    """How many learners got one kind of finding and how often, with a few of their names."""

    code: str
    learners: int  # learners with at least one such finding
    occurrences: int
    examples: tuple[str, ...]  # a few learner names (or files)


@dataclass(frozen=True)
class QuestionResult:
    """How the class answered one knowledge-check question."""

    question_id: str
    lesson_id: str
    prompt: str
    answered: int
    correct: int

    @property
    def share_correct(self) -> float | None:
        """The share of answers that were right; None when nobody answered."""
        return self.correct / self.answered if self.answered else None


@dataclass
class ClassSummary:
    """Everything the class summary reports, counted over the accepted submissions."""

    folder: str
    accepted: int
    rejected: list[tuple[str, str]]  # (file, reason)
    duplicates: list[tuple[str, str, str]]  # (file, learner, kept file)
    segments: int
    by_archetype: dict[str, Counter[str]] = field(default_factory=dict)  # archetype → type counts
    segments_by_archetype: Counter[str] = field(default_factory=Counter)
    findings: list[FindingCount] = field(default_factory=list)
    quiz: list[QuestionResult] = field(default_factory=list)
    learners: list[LearnerRow] = field(default_factory=list)
    reasons: list[SegmentReasons] = field(default_factory=list)  # segments with reasons written


def _reasons(intake: Intake, catalog: Catalog) -> list[SegmentReasons]:
    """Every accepted segment's reasons, learner by learner (segments without any left out)."""
    found = []
    for item in intake.accepted:
        learner = item.submission.learner
        for segment in item.submission.segments:
            reasons = segment_reasons(segment, catalog, learner=learner, file=item.file)
            if reasons is not None:
                found.append(reasons)
    return found


def summarise(intake: Intake, catalog: Catalog) -> ClassSummary:
    """Count choices per archetype, findings across the class, quiz results, one row per learner."""
    with cycle_collector_paused():
        return _summarise(intake, catalog)


def _summarise(intake: Intake, catalog: Catalog) -> ClassSummary:
    summary = ClassSummary(
        folder=str(intake.folder),
        accepted=len(intake.accepted),
        rejected=[(r.file, r.reason) for r in intake.rejected],
        duplicates=[(d.file, d.learner, d.kept) for d in intake.duplicates],
        segments=0,
    )
    type_rank = {type_id: rank for rank, type_id in enumerate(catalog.types)}
    finding_learners: dict[str, list[str]] = {}
    finding_total: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    correct_answers = catalog.correct_answers
    by_archetype = summary.by_archetype
    segments_by_archetype = summary.segments_by_archetype
    for item in intake.accepted:
        submission = item.submission
        who = submission.learner.strip() or item.file
        segments = submission.segments
        summary.segments += len(segments)
        used: dict[str, str] = {}  # type id → name, for the learner's row
        for segment in segments:
            segments_by_archetype[segment.archetype] += 1
            counts = by_archetype.get(segment.archetype)
            if counts is None:
                counts = by_archetype[segment.archetype] = Counter()
            for relationship in catalog.types_among(segment.type_ids):
                counts[relationship.id] += 1
                used[relationship.id] = relationship.name
        findings = check_segments(segments, catalog)
        codes: set[str] = set()
        problems = 0
        for finding in findings:
            codes.add(finding.code)
            finding_total[finding.code] += 1
            problems += finding.severity == "problem"
        for code in codes:
            finding_learners.setdefault(code, []).append(who)
        # the learner's score as ``quiz_score`` counts it, and the class's tally per question
        right = total = 0
        for question_id, answer in submission.quiz.items():
            expected = correct_answers.get(question_id)
            if expected is not None:
                total += 1
                answered[question_id] += 1
                if answer == expected:
                    right += 1
                    correct[question_id] += 1
        summary.learners.append(
            LearnerRow(
                file=item.file,
                learner=submission.learner,
                segments=len(segments),
                types=tuple(used[t] for t in sorted(used, key=type_rank.__getitem__)),
                findings=len(findings),
                problems=problems,
                quiz_correct=right,
                quiz_answered=total,
            )
        )
    summary.findings = sorted(
        (
            FindingCount(
                code,
                len(names),
                finding_total[code],
                tuple(names[:EXAMPLES_PER_FINDING]),
            )
            for code, names in finding_learners.items()
        ),
        key=lambda f: (-f.learners, -f.occurrences, f.code),
    )
    summary.reasons = _reasons(intake, catalog)
    lesson_of = {q.id: lesson for lesson, quiz in catalog.quizzes.items() for q in quiz.questions}
    summary.quiz = [
        QuestionResult(qid, lesson_of[qid], q.prompt, answered[qid], correct[qid])
        for qid, q in catalog.questions.items()
        if answered[qid]
    ]
    summary.quiz.sort(key=lambda r: (r.share_correct or 0.0, r.question_id))
    return summary
