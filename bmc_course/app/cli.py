"""The ``bmc-course`` command line.

``main(argv)`` returns an exit code: 0 success, 1 bad input (a file or folder
with problems), 2 bad usage. Errors are single lines on stderr, never a
traceback. Heavy modules (Jupyter, pandas) are imported only by the command
that needs them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from bmc_course import __version__
from bmc_course.formats.submission import MAX_SUBMISSION_BYTES, Submission
from bmc_course.model.catalog import CONTENT_ENV_VAR, Catalog, load_catalog
from bmc_course.model.input_errors import InputError

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
DEFAULT_WORKSPACE = "bmc-course-workspace"


class UsageError(Exception):
    """Bad command-line usage (exit code 2)."""


class CommandFailed(Exception):
    """A command could not do its job for a reason the user can act on (exit code 1)."""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and no ``sys.exit`` from inside the parser."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, found {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 1 to 65535, found {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``bmc-course`` and all its subcommands."""
    parser = _Parser(
        prog="bmc-course",
        description=(
            "An interactive course on the Customer Relationships block of the Business Model "
            "Canvas. With no command, 'start' opens the course in JupyterLab."
        ),
    )
    parser.add_argument("--version", action="version", version=f"bmc-course {__version__}")
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        help=f"a folder of content files laid over the built-in content "
        f"(default: ${CONTENT_ENV_VAR} if set)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    start = sub.add_parser(
        "start",
        help="copy the course into a workspace and open it in JupyterLab",
        description=(
            "Copy the course notebooks into a workspace folder (never overwriting a notebook you "
            "changed: a newer course version is placed beside it) and open JupyterLab on it, "
            "listening on 127.0.0.1 with a token. Stop it with Ctrl-C."
        ),
    )
    _add_start_arguments(start)

    demo = sub.add_parser(
        "demo",
        help="serve the facilitator demo (Voilà: widgets only, no code) on 127.0.0.1",
        description=(
            "Serve the facilitator demo dashboard with Voilà on 127.0.0.1 with a token: pick a "
            "worked case or start blank, then reveal segments, relationships, findings and the "
            "trade-off charts step by step. A scene can be bookmarked: add e.g. "
            "'&case=cleat-maker&step=5&theme=dark' to the address. Nothing is written to disk. "
            "Stop it with Ctrl-C."
        ),
    )
    _add_server_arguments(demo)
    demo.add_argument(
        "--theme",
        choices=("light", "dark"),
        default="light",
        help="the page theme (default: light; the dashboard can switch at any time)",
    )

    types = sub.add_parser(
        "types",
        help="show the relationship types and their teaching attributes",
        description="Show the relationship types with their teaching attributes (1-5 scales) "
        "and illustrative cost models.",
    )
    types.add_argument("--json", action="store_true", help="print JSON instead of a table")

    cases = sub.add_parser(
        "cases",
        help="list the worked cases",
        description="List the built-in worked cases (ids for 'review --case').",
    )
    cases.add_argument("--json", action="store_true", help="print JSON instead of a list")

    check = sub.add_parser(
        "check-content",
        help="validate a content folder and list every error",
        description=(
            "Validate a folder of content files, laid over the built-in content, and list every "
            "error with its file, entry and field. Exit code 1 when there are errors."
        ),
    )
    check.add_argument("dir", metavar="DIR", type=Path, help="the content folder to check")

    review = sub.add_parser(
        "review",
        help="show a canvas block and its findings",
        description=(
            "Show a learner's Customer Relationships block (a submission or progress JSON file) "
            "or a worked case, with the findings of the checks and the assumptions to test."
        ),
    )
    target = review.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "file", metavar="FILE", type=Path, nargs="?", help="a submission / progress JSON file"
    )
    target.add_argument("--case", metavar="ID", help="a built-in worked case (see 'cases')")
    review.add_argument("--json", action="store_true", help="print JSON instead of text")

    export = sub.add_parser(
        "export",
        help="export a canvas block as Markdown, HTML, PNG or JSON",
        description=(
            "Export a learner's Customer Relationships block (a submission or progress JSON "
            "file) or a worked case as Markdown, one self-contained HTML page, a PNG picture or "
            "a JSON submission file."
        ),
    )
    export_target = export.add_mutually_exclusive_group(required=True)
    export_target.add_argument(
        "file", metavar="FILE", type=Path, nargs="?", help="a submission / progress JSON file"
    )
    export_target.add_argument("--case", metavar="ID", help="a built-in worked case (see 'cases')")
    export.add_argument(
        "--format",
        dest="fmt",
        required=True,
        choices=("md", "html", "png", "json"),
        help="the file format",
    )
    export.add_argument(
        "-o", "--output", metavar="OUT", type=Path, required=True, help="the file to write"
    )
    summary = sub.add_parser(
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
    summary.add_argument("folder", metavar="DIR", type=Path, help="the folder of submissions")
    summary.add_argument(
        "-o",
        "--output",
        metavar="REPORT",
        type=Path,
        help="also write a self-contained HTML report",
    )
    summary.add_argument("--csv", metavar="FILE", type=Path, help="also write the learners as CSV")
    summary.add_argument(
        "--json", action="store_true", help="print the summary as JSON (documented, stable keys)"
    )
    summary.add_argument(
        "--include",
        metavar="GLOB",
        default="*",
        help="only read files whose name matches GLOB, e.g. '*.json' (default: every file; "
        "hidden folders such as .ipynb_checkpoints are always skipped)",
    )
    summary.add_argument(
        "--max-bytes",
        metavar="N",
        type=_positive_int,
        default=MAX_SUBMISSION_BYTES,
        help=f"reject files larger than N bytes unread (default: {MAX_SUBMISSION_BYTES:,})",
    )
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, found {value}")
    return value


def _add_start_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        type=Path,
        default=Path(DEFAULT_WORKSPACE),
        help=f"the folder for your notebooks and progress (default: ./{DEFAULT_WORKSPACE})",
    )
    _add_server_arguments(parser)


def _add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """``--port`` and ``--no-browser``, shared by every command that starts a local server."""
    parser.add_argument(
        "--port", metavar="N", type=_port, help="the port to listen on (default: a free one)"
    )
    parser.add_argument(
        "--no-browser",
        action="store_true",
        help="do not open a web browser; print the address instead",
    )


# --- commands ------------------------------------------------------------------


def _cmd_start(args: argparse.Namespace, out: TextIO) -> int:
    from bmc_course.app.lab_server import LabServerError, check_port_free, run_lab
    from bmc_course.app.workspace import WorkspaceError, prepare_workspace

    try:
        if args.port is not None:
            check_port_free(args.port)  # before touching the workspace
        result = prepare_workspace(args.workspace)
        for line in result.report_lines():
            print(line, file=out)
        code: int = run_lab(args.workspace, port=args.port, open_browser=not args.no_browser)
    except (WorkspaceError, LabServerError) as error:
        raise CommandFailed(str(error)) from None
    return code


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from bmc_course.app.demo_server import run_demo
    from bmc_course.app.lab_server import LabServerError

    try:
        return run_demo(port=args.port, open_browser=not args.no_browser, theme=args.theme, out=out)
    except LabServerError as error:
        raise CommandFailed(str(error)) from None


def _cmd_types(args: argparse.Namespace, catalog: Catalog, out: TextIO) -> int:
    if args.json:
        data = [t.model_dump(mode="json") for t in catalog.types.values()]
        print(json.dumps(data, indent=2, ensure_ascii=False), file=out)
        return EXIT_OK
    header = [
        "id",
        "name",
        "pers.",
        "cost",
        "scale",
        "2-way",
        "long",
        "human",
        "set-up",
        "per cust.",
        "serves",
    ]
    rows = [header]
    for t in catalog.types.values():
        a = t.attributes
        rows.append(
            [
                t.id,
                t.name,
                str(a.personalisation),
                str(a.cost_to_serve),
                str(a.scalability),
                str(a.two_way),
                str(a.long_term),
                "yes" if t.human_contact else "no",
                f"{t.cost_model.setup_cost:,.0f}",
                f"{t.cost_model.cost_per_customer:,.0f}",
                ", ".join(t.motivations),
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(),
            file=out,
        )
    print(
        "\nAttributes are teaching assumptions on 1-5 scales, not measured data; costs are an "
        "illustrative yearly model (set-up + per customer).",
        file=out,
    )
    if catalog.variants:
        print(
            "Variants explained in the course: "
            + ", ".join(v.name for v in catalog.variants.values())
            + ".",
            file=out,
        )
    return EXIT_OK


def _cmd_cases(args: argparse.Namespace, catalog: Catalog, out: TextIO) -> int:
    if args.json:
        data = [{"id": c.id, "title": c.title, "lesson": c.lesson} for c in catalog.cases.values()]
        print(json.dumps(data, indent=2, ensure_ascii=False), file=out)
        return EXIT_OK
    width = max((len(c.id) for c in catalog.cases.values()), default=0)
    for case in catalog.cases.values():
        print(f"{case.id.ljust(width)}  {case.title}: {case.lesson}", file=out)
    return EXIT_OK


def _cmd_check_content(args: argparse.Namespace, out: TextIO) -> int:
    catalog = load_catalog(args.dir)
    quizzes = sum(len(q.questions) for q in catalog.quizzes.values())
    print(
        f"{args.dir}: OK — {len(catalog.types)} relationship types, {len(catalog.archetypes)} "
        f"segment archetypes, {len(catalog.lessons)} lessons, {quizzes} questions, "
        f"{len(catalog.cases)} cases.",
        file=out,
    )
    return EXIT_OK


def _load_target(args: argparse.Namespace, catalog: Catalog) -> tuple[Submission, str]:
    """The submission named by FILE or ``--case ID``, and how to refer to it."""
    from bmc_course.formats.submission import load_checked_submission, submission_from_case

    if args.case is not None:
        if args.case not in catalog.cases:
            raise UsageError(
                f"unknown case {args.case!r}; expected one of: {', '.join(catalog.cases)}"
            )
        return submission_from_case(catalog.cases[args.case]), f"case {args.case}"
    return load_checked_submission(args.file, catalog), str(args.file)


def _cmd_export(args: argparse.Namespace, catalog: Catalog, out: TextIO) -> int:
    from bmc_course.reports.export import export

    submission, _source = _load_target(args, catalog)
    if args.output.is_dir():
        raise CommandFailed(f"{args.output}: is a folder; expected a file name to write")
    path = export(submission, catalog, args.fmt, args.output)
    print(f"Wrote {path}", file=out)
    return EXIT_OK


def _cmd_review(args: argparse.Namespace, catalog: Catalog, out: TextIO) -> int:
    from bmc_course.logic.canvas_block import build_canvas_block, render_text

    submission, source = _load_target(args, catalog)
    block = build_canvas_block(submission, catalog)
    if not args.json:
        print(render_text(block), file=out)
        return EXIT_OK
    data = {
        "source": source,
        "learner": block.learner,
        "business": block.business,
        "segments": [
            {
                "id": s.segment.id,
                "name": s.segment.name,
                "archetype": s.segment.archetype,
                "relationships": list(s.segment.relationships),
                "cost_per_customer": round(s.cost_per_customer, 2),
                "revenue_per_customer": s.segment.revenue_per_customer,
                "covered_motivations": s.covered,
            }
            for s in block.segments
        ],
        "findings": [f.to_dict() for f in block.findings],
        "assumptions": [a.to_dict() for s in block.segments for a in s.plan],
        "quiz": {"correct": block.quiz_correct, "answered": block.quiz_answered},
    }
    print(json.dumps(data, indent=2, ensure_ascii=False), file=out)
    return EXIT_OK


def _cmd_class_summary(args: argparse.Namespace, catalog: Catalog, out: TextIO) -> int:
    from bmc_course.reports.classroom.intake import read_folder
    from bmc_course.reports.classroom.progress_bar import TerminalProgress
    from bmc_course.reports.classroom.report_csv import learners_csv
    from bmc_course.reports.classroom.report_html import render_class_report
    from bmc_course.reports.classroom.report_json import summary_json
    from bmc_course.reports.classroom.report_text import summary_lines
    from bmc_course.reports.classroom.summary import summarise
    from bmc_course.state.safe_files import atomic_write_text

    folder: Path = args.folder
    if not folder.is_dir():
        raise CommandFailed(f"{folder}: not a folder (expected the folder of submissions)")
    for target in (args.output, args.csv):  # checked before a long read, not after
        if target is not None and target.is_dir():
            raise CommandFailed(f"{target}: is a folder (expected the name of a file to write)")
    with TerminalProgress(sys.stderr, "reading submissions") as progress:
        intake = read_folder(
            folder, catalog, max_bytes=args.max_bytes, include=args.include, progress=progress
        )
    summary = summarise(intake, catalog)
    if args.output is not None:
        atomic_write_text(args.output, render_class_report(summary, catalog))
    if args.csv is not None:
        atomic_write_text(args.csv, learners_csv(summary))
    if args.json:
        print(json.dumps(summary_json(summary), indent=2, ensure_ascii=False), file=out)
        return EXIT_OK
    for line in summary_lines(summary, catalog):
        print(line, file=out)
    for path, what in ((args.output, "HTML report"), (args.csv, "CSV")):
        if path is not None:
            print(f"Wrote the {what} to {path}", file=out)
    return EXIT_OK


_CATALOG_COMMANDS: dict[str, Callable[[argparse.Namespace, Catalog, TextIO], int]] = {
    "class-summary": _cmd_class_summary,
    "types": _cmd_types,
    "cases": _cmd_cases,
    "review": _cmd_review,
    "export": _cmd_export,
}


def main(  # noqa: PLR0912 -- one except clause per kind of failure, each one line to the user
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``bmc-course`` with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        if not args_list or (
            args_list[0].startswith("-")
            and args_list[0] not in ("-h", "--help", "--version", "--content")
        ):
            args_list.insert(0, "start")
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exit_:  # --help and --version
            return int(exit_.code or 0)
        if args.command is None:  # only global options were given
            args = parser.parse_args([*args_list, "start"])
        if args.command == "start":
            return _cmd_start(args, out)
        if args.command == "demo":
            return _cmd_demo(args, out)
        if args.command == "check-content":
            return _cmd_check_content(args, out)
        catalog = load_catalog(args.content)
        return _CATALOG_COMMANDS[args.command](args, catalog, out)
    except UsageError as error:
        print(f"bmc-course: error: {error}", file=err)
        return EXIT_USAGE
    except CommandFailed as error:
        print(f"bmc-course: error: {error}", file=err)
        return EXIT_BAD_INPUT
    except InputError as error:
        for issue in error.issues:
            print(f"bmc-course: error: {issue}", file=err)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("bmc-course: stopped.", file=err)
        return EXIT_OK
    except BrokenPipeError:  # e.g. `bmc-course class-summary DIR | head`: the reader had enough
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        print(f"bmc-course: error: {error.filename or ''}: {error.strerror or error}", file=err)
        return EXIT_BAD_INPUT
