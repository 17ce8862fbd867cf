"""``bmc-course cases``: the built-in worked cases (ids for ``review --case``)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, TextIO

from bmc_course.app.cli_errors import EXIT_OK
from bmc_course.model.catalog import load_catalog

if TYPE_CHECKING:
    from bmc_course.app.cli_arguments import Subcommands


def add_parser(commands: Subcommands) -> None:
    """Add ``cases`` and its arguments."""
    parser = commands.add_parser(
        "cases",
        help="list the worked cases",
        description="List the built-in worked cases (ids for 'review --case').",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a list")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print one line (or JSON object) per case: id, title, lesson."""
    catalog = load_catalog(args.content)
    if args.json:
        data = [{"id": c.id, "title": c.title, "lesson": c.lesson} for c in catalog.cases.values()]
        print(json.dumps(data, indent=2, ensure_ascii=False), file=out)
        return EXIT_OK
    width = max((len(c.id) for c in catalog.cases.values()), default=0)
    for case in catalog.cases.values():
        print(f"{case.id.ljust(width)}  {case.title}: {case.lesson}", file=out)
    return EXIT_OK
