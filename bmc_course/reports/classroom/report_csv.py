"""The per-learner table as CSV, safe to open in a spreadsheet (see ``csv_safe``).

The last column holds everything the learner wrote (value propositions, a why
per type, notes, answers to findings, the plan over time), segment by segment
on one line, so a teacher can read the reasons beside the choices.
"""

from __future__ import annotations

import csv
import io

from bmc_course.reports.classroom.csv_safe import neutralise
from bmc_course.reports.classroom.summary import ClassSummary

COLUMNS = (
    "learner",
    "file",
    "segments",
    "relationship types",
    "findings",
    "problems",
    "quiz correct",
    "quiz answered",
    "reasons",
)


def learners_csv(summary: ClassSummary) -> str:
    """One row per learner; every cell of learner text neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    reasons: dict[str, list[str]] = {}
    for segment in summary.reasons:
        reasons.setdefault(segment.file, []).append(segment.text)
    for row in summary.learners:
        writer.writerow(
            [
                neutralise(row.learner),
                neutralise(row.file),
                row.segments,
                neutralise(", ".join(row.types)),
                row.findings,
                row.problems,
                row.quiz_correct,
                row.quiz_answered,
                neutralise(" | ".join(reasons.get(row.file, []))),
            ]
        )
    return buffer.getvalue()
