"""``bmc-course export``: write a canvas block as Markdown, HTML, PNG or JSON."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bmc_course.app.cli_arguments import add_target_arguments, load_target
from bmc_course.app.cli_errors import EXIT_OK
from bmc_course.app.output_paths import check_output_path
from bmc_course.model.catalog import load_catalog

if TYPE_CHECKING:
    from bmc_course.app.cli_arguments import Subcommands


def add_parser(commands: Subcommands) -> None:
    """Add ``export`` and its arguments."""
    parser = commands.add_parser(
        "export",
        help="export a canvas block as Markdown, HTML, PNG or JSON",
        description=(
            "Export a learner's Customer Relationships block (a submission or progress JSON "
            "file) or a worked case as Markdown, one self-contained HTML page, a PNG picture or "
            "a JSON submission file."
        ),
    )
    add_target_arguments(parser)
    parser.add_argument(
        "--format",
        dest="fmt",
        required=True,
        choices=("md", "html", "png", "json"),
        help="the file format",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", type=Path, required=True, help="the file to write"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Write the block in the chosen format and say where."""
    from bmc_course.reports.export import export

    check_output_path(args.output, inputs=[args.file] if args.file is not None else [])
    catalog = load_catalog(args.content)
    submission, _source = load_target(args, catalog)
    path = export(submission, catalog, args.fmt, args.output)
    print(f"Wrote {path}", file=out)
    return EXIT_OK
