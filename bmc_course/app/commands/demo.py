"""``bmc-course demo``: serve the facilitator demo dashboard with Voilà."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from bmc_course.app.cli_arguments import add_server_arguments
from bmc_course.app.cli_errors import CommandFailed

if TYPE_CHECKING:
    from bmc_course.app.cli_arguments import Subcommands


def add_parser(commands: Subcommands) -> None:
    """Add ``demo`` and its arguments."""
    parser = commands.add_parser(
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
    add_server_arguments(parser)
    parser.add_argument(
        "--theme",
        choices=("light", "dark"),
        default="light",
        help="the page theme (default: light; the dashboard can switch at any time)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Serve the demo until it stops; its exit code."""
    from bmc_course.app.demo_server import run_demo
    from bmc_course.app.lab_server import LabServerError

    try:
        return run_demo(port=args.port, open_browser=not args.no_browser, theme=args.theme, out=out)
    except LabServerError as error:
        raise CommandFailed(str(error)) from None
