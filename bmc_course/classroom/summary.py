"""What a class chose and where its reasoning breaks: pure data from accepted submissions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bmc_course.catalog import Catalog
from bmc_course.checks import check_segments
from bmc_course.classroom.intake import Intake
from bmc_course.submission import quiz_score

EXAMPLES_PER_FINDING = 3


@dataclass(frozen=True)
class LearnerRow:
    file: str
    learner: str
    segments: int
    types: tuple[str, ...]  # relationship type names, in catalog order
    findings: int
    problems: int
    quiz_correct: int
    quiz_answered: int


@dataclass(frozen=True)
class FindingCount:
    code: str
    learners: int  # learners with at least one such finding
    occurrences: int
    examples: tuple[str, ...]  # a few learner names (or files)


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    lesson_id: str
    prompt: str
    answered: int
    correct: int

    @property
    def share_correct(self) -> float | None:
        return self.correct / self.answered if self.answered else None


@dataclass
class ClassSummary:
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


def summarise(intake: Intake, catalog: Catalog) -> ClassSummary:
    """Count choices per archetype, findings across the class, quiz results, one row per learner."""
    summary = ClassSummary(
        folder=str(intake.folder),
        accepted=len(intake.accepted),
        rejected=[(r.file, r.reason) for r in intake.rejected],
        duplicates=[(d.file, d.learner, d.kept) for d in intake.duplicates],
        segments=0,
    )
    type_order = list(catalog.types)
    finding_learners: dict[str, list[str]] = {}
    finding_total: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    questions = catalog.questions
    correct_answers = catalog.correct_answers
    for item in intake.accepted:
        submission = item.submission
        who = submission.learner.strip() or item.file
        summary.segments += len(submission.segments)
        used: set[str] = set()
        for segment in submission.segments:
            summary.segments_by_archetype[segment.archetype] += 1
            counts = summary.by_archetype.setdefault(segment.archetype, Counter())
            for type_id in dict.fromkeys(segment.relationships):
                if type_id in catalog.types:
                    counts[type_id] += 1
                    used.add(type_id)
        findings = check_segments(submission.segments, catalog)
        for code in {f.code for f in findings}:
            finding_learners.setdefault(code, []).append(who)
        finding_total.update(f.code for f in findings)
        for question_id, answer in submission.quiz.items():
            if question_id in questions:
                answered[question_id] += 1
                correct[question_id] += correct_answers[question_id] == answer
        right, total = quiz_score(submission, catalog)
        summary.learners.append(
            LearnerRow(
                file=item.file,
                learner=submission.learner,
                segments=len(submission.segments),
                types=tuple(catalog.types[t].name for t in type_order if t in used),
                findings=len(findings),
                problems=sum(f.severity == "problem" for f in findings),
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
    lesson_of = {q.id: lesson for lesson, quiz in catalog.quizzes.items() for q in quiz.questions}
    summary.quiz = [
        QuestionResult(qid, lesson_of[qid], q.prompt, answered[qid], correct[qid])
        for qid, q in questions.items()
        if answered[qid]
    ]
    summary.quiz.sort(key=lambda r: (r.share_correct or 0.0, r.question_id))
    return summary
