"""The class summary as a stable JSON object (``bmc-course class-summary --json``).

Keys (``format`` is bumped on any incompatible change)::

    format        1
    folder        the folder that was read
    accepted      number of submissions summarised (one per learner)
    rejected      [{"file", "reason"}]   files not summarised, each with one reason
    duplicates    [{"file", "learner", "kept"}]   older files of a learner, not counted
    learners, segments   counts
    by_archetype  {archetype id: {"segments": n, "types": {type id: n}}}
    findings      [{"code", "learners", "occurrences", "examples"}]   most frequent first
    quiz          [{"question", "lesson", "answered", "correct", "share_correct"}]  weakest first
    learner_rows  [{"file", "learner", "segments", "types", "findings", "problems",
                    "quiz_correct", "quiz_answered"}]
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bmc_course.reports.classroom.summary import ClassSummary

FORMAT = 1


def summary_json(summary: ClassSummary) -> dict[str, Any]:
    """The summary as the JSON object described above, ready for ``json.dumps``."""
    return {
        "format": FORMAT,
        "folder": summary.folder,
        "accepted": summary.accepted,
        "rejected": [{"file": f, "reason": r} for f, r in summary.rejected],
        "duplicates": [{"file": f, "learner": n, "kept": k} for f, n, k in summary.duplicates],
        "learners": len(summary.learners),
        "segments": summary.segments,
        "by_archetype": {
            archetype: {
                "segments": summary.segments_by_archetype[archetype],
                "types": dict(counts.most_common()),
            }
            for archetype, counts in sorted(summary.by_archetype.items())
        },
        "findings": [
            {
                "code": f.code,
                "learners": f.learners,
                "occurrences": f.occurrences,
                "examples": list(f.examples),
            }
            for f in summary.findings
        ],
        "quiz": [
            {
                "question": q.question_id,
                "lesson": q.lesson_id,
                "answered": q.answered,
                "correct": q.correct,
                "share_correct": q.share_correct,
            }
            for q in summary.quiz
        ],
        "learner_rows": [{**asdict(row), "types": list(row.types)} for row in summary.learners],
    }
