"""``bmc-course class-summary``: summarise a folder of learners' submissions for a teacher."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bmc_course.app.cli_arguments import positive_int
from bmc_course.app.cli_errors import EXIT_OK, CommandFailed
from bmc_course.app.output_paths import check_output_path
from bmc_course.formats.submission import MAX_SUBMISSION_BYTES
from bmc_course.model.catalog import load_catalog

if TYPE_CHECKING:
    from bmc_course.app.cli_arguments import Subcommands


def add_parser(commands: Subcommands) -> None:
    """Add ``class-summary`` and its arguments."""
    parser = commands.add_parser(
        "class-summary",
        help="summarise a folder of learners' submissions for a teacher",
        description=(
            "Read every file in DIR (recursively; the folder is never modified) and summarise "
            "the class: what each segment archetype got, the most frequent findings, "
            "knowledge-check results per question, one row per learner. Every file is either "
            "summarised or listed as rejected with its reason; a learner's older duplicates are "
            "reported and left out; symbolic links are never followed. A progress bar shows on "
            "a terminal. Exit code 0 even when files are rejected."
        ),
    )
    parser.add_argument("folder", metavar="DIR", type=Path, help="the folder of submissions")
    parser.add_argument(
        "-o",
        "--output",
        metavar="REPORT",
        type=Path,
        help="also write a self-contained HTML report",
    )
    parser.add_argument("--csv", metavar="FILE", type=Path, help="also write the learners as CSV")
    parser.add_argument(
        "--json", action="store_true", help="print the summary as JSON (documented, stable keys)"
    )
    parser.add_argument(
        "--include",
        metavar="GLOB",
        default="*",
        help="only read files whose name matches GLOB, e.g. '*.json' (default: every file; "
        "hidden folders such as .ipynb_checkpoints are always skipped)",
    )
    parser.add_argument(
        "--max-bytes",
        metavar="N",
        type=positive_int,
        default=MAX_SUBMISSION_BYTES,
        help=f"reject files larger than N bytes unread (default: {MAX_SUBMISSION_BYTES:,})",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Read and summarise DIR, write the files asked for, print the summary (text or JSON)."""
    from bmc_course.reports.classroom.class_report import summarise_folder, write_reports
    from bmc_course.reports.classroom.progress_bar import TerminalProgress
    from bmc_course.reports.classroom.report_json import summary_json
    from bmc_course.reports.classroom.report_text import summary_lines

    catalog = load_catalog(args.content)
    folder: Path = args.folder
    if not folder.is_dir():
        raise CommandFailed(f"{folder}: not a folder (expected the folder of submissions)")
    for target in (args.output, args.csv):  # checked before a long read, not after
        if target is not None:
            check_output_path(target)
    with TerminalProgress(sys.stderr, "reading submissions") as progress:
        summary = summarise_folder(
            folder, catalog, max_bytes=args.max_bytes, include=args.include, progress=progress
        )
    write_reports(summary, catalog, html=args.output, csv=args.csv)
    if args.json:
        print(json.dumps(summary_json(summary), indent=2, ensure_ascii=False), file=out)
        return EXIT_OK
    for line in summary_lines(summary, catalog):
        print(line, file=out)
    for path, what in ((args.output, "HTML report"), (args.csv, "CSV")):
        if path is not None:
            print(f"Wrote the {what} to {path}", file=out)
    return EXIT_OK
