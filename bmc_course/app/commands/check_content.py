"""``bmc-course check-content``: validate a content folder and list every error."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bmc_course.app.cli_errors import EXIT_OK
from bmc_course.model.catalog import load_catalog

if TYPE_CHECKING:
    from bmc_course.app.cli_arguments import Subcommands


def add_parser(commands: Subcommands) -> None:
    """Add ``check-content`` and its arguments."""
    parser = commands.add_parser(
        "check-content",
        help="validate a content folder and list every error",
        description=(
            "Validate a folder of content files, laid over the built-in content, and list every "
            "error with its file, entry and field. Exit code 1 when there are errors."
        ),
    )
    parser.add_argument("dir", metavar="DIR", type=Path, help="the content folder to check")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Load DIR over the built-in content; errors reach ``main`` as one ``InputError``."""
    catalog = load_catalog(args.dir)
    quizzes = sum(len(q.questions) for q in catalog.quizzes.values())
    print(
        f"{args.dir}: OK — {len(catalog.types)} relationship types, {len(catalog.archetypes)} "
        f"segment archetypes, {len(catalog.lessons)} lessons, {quizzes} questions, "
        f"{len(catalog.cases)} cases.",
        file=out,
    )
    return EXIT_OK
