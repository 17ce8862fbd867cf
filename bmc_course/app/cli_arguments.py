"""The parser class and the arguments that several ``bmc-course`` commands share, each defined once.

``--port`` and ``--no-browser`` for the commands that start a local server;
``FILE`` or ``--case ID`` for the commands that show or write one canvas block
(and :func:`load_target`, which reads what they name).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeAlias

from bmc_course.app.cli_errors import UsageError
from bmc_course.formats.submission import (
    Submission,
    load_checked_submission,
    submission_from_case,
)
from bmc_course.model.catalog import Catalog


class CliParser(argparse.ArgumentParser):
    """argparse with one-line errors and no ``sys.exit`` from inside the parser."""

    def error(self, message: str) -> NoReturn:
        """Raise a one-line UsageError that points to ``--help``, instead of exiting."""
        raise UsageError(f"{message} (see '{self.prog} --help')")


if TYPE_CHECKING:
    # What ``add_subparsers()`` returns: each command module adds its parser to it.
    Subcommands: TypeAlias = argparse._SubParsersAction[CliParser]


def port(text: str) -> int:
    """A TCP port number from 1 to 65535 (argparse ``type=``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, found {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 1 to 65535, found {value}")
    return value


def positive_int(text: str) -> int:
    """A whole number of at least 1 (argparse ``type=``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, found {value}")
    return value


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """``--port`` and ``--no-browser``, shared by every command that starts a local server."""
    parser.add_argument(
        "--port", metavar="N", type=port, help="the port to listen on (default: a free one)"
    )
    parser.add_argument(
        "--no-browser",
        action="store_true",
        help="do not open a web browser; print the address instead",
    )


def add_target_arguments(parser: argparse.ArgumentParser) -> None:
    """``FILE`` or ``--case ID`` (exactly one): the canvas block a command works on."""
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "file", metavar="FILE", type=Path, nargs="?", help="a submission / progress JSON file"
    )
    target.add_argument("--case", metavar="ID", help="a built-in worked case (see 'cases')")


def load_target(args: argparse.Namespace, catalog: Catalog) -> tuple[Submission, str]:
    """The submission named by FILE or ``--case ID``, and how to refer to it."""
    if args.case is not None:
        if args.case not in catalog.cases:
            raise UsageError(
                f"unknown case {args.case!r}; expected one of: {', '.join(catalog.cases)}"
            )
        return submission_from_case(catalog.cases[args.case]), f"case {args.case}"
    return load_checked_submission(args.file, catalog), str(args.file)
