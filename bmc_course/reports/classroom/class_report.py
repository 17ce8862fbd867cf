"""The class summary from a folder to files: one function each, for every front end.

``bmc-course class-summary`` and the teacher's notebook view both call
:func:`summarise_folder` to read and summarise a folder and
:func:`write_reports` to save the HTML report and the learners CSV, so the two
cannot drift apart. Checking arguments and showing the result stay with each
front end.
"""

from __future__ import annotations

from pathlib import Path

from bmc_course.formats.submission import MAX_SUBMISSION_BYTES
from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.intake import Progress, read_folder
from bmc_course.reports.classroom.report_csv import learners_csv
from bmc_course.reports.classroom.report_html import render_class_report
from bmc_course.reports.classroom.summary import ClassSummary, summarise
from bmc_course.state.safe_files import atomic_write_text


def summarise_folder(
    folder: Path,
    catalog: Catalog,
    *,
    include: str = "*",
    max_bytes: int = MAX_SUBMISSION_BYTES,
    progress: Progress | None = None,
) -> ClassSummary:
    """Read every file below ``folder`` whose name matches ``include`` and summarise the class.

    The folder is only read; ``progress(done, total)`` is called after each file.
    """
    intake = read_folder(folder, catalog, max_bytes=max_bytes, include=include, progress=progress)
    return summarise(intake, catalog)


def write_reports(
    summary: ClassSummary,
    catalog: Catalog,
    *,
    html: Path | None = None,
    csv: Path | None = None,
) -> None:
    """Write the self-contained HTML report to ``html`` and the learners to ``csv`` (each if given).

    Each file is written atomically: a reader sees the old file or the new one.
    """
    if html is not None:
        atomic_write_text(html, render_class_report(summary, catalog))
    if csv is not None:
        atomic_write_text(csv, learners_csv(summary))
