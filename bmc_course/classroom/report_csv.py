"""The per-learner table as CSV, safe to open in a spreadsheet.

Learner text that starts with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage
return) would be run as a formula by Excel, LibreOffice and Google Sheets
("CSV injection"); such cells get a leading apostrophe, the usual way to say
"this is text".
"""

from __future__ import annotations

import csv
import io

from bmc_course.classroom.summary import ClassSummary

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    "learner",
    "file",
    "segments",
    "relationship types",
    "findings",
    "problems",
    "quiz correct",
    "quiz answered",
)


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def learners_csv(summary: ClassSummary) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
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
            ]
        )
    return buffer.getvalue()
