"""The ``bmc-course`` command line.

``main(argv)`` returns an exit code: 0 success, 1 bad input (a file or folder
with problems), 2 bad usage. Errors are single lines on stderr, never a
traceback. Each command is a module of ``bmc_course.app.commands`` that adds
its own sub-parser and runs it; heavy modules (Jupyter, pandas) are imported
only by the command that needs them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from bmc_course import __version__
from bmc_course.app.cli_arguments import CliParser
from bmc_course.app.cli_errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, CommandFailed, UsageError
from bmc_course.app.commands import (
    cases,
    check_content,
    class_summary,
    demo,
    export,
    hub_config,
    review,
    start,
    teach,
    types,
)
from bmc_course.model.catalog import CONTENT_ENV_VAR
from bmc_course.model.input_errors import InputError

if TYPE_CHECKING:
    from bmc_course.app.cli_arguments import Subcommands


class _Command(Protocol):
    """What each module of ``bmc_course.app.commands`` provides."""

    def add_parser(self, commands: Subcommands) -> None: ...

    def run(self, args: argparse.Namespace, out: TextIO) -> int: ...


# In the order ``--help`` lists them.
COMMANDS: tuple[_Command, ...] = (
    start,
    demo,
    types,
    cases,
    check_content,
    review,
    export,
    class_summary,
    teach,
    hub_config,
)
# Options that belong to ``bmc-course`` itself; any other leading option is one of ``start``'s.
GLOBAL_OPTIONS = ("-h", "--help", "--version", "--content")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``bmc-course`` and all its subcommands."""
    parser = CliParser(
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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CliParser)
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``bmc-course`` with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return _run(list(sys.argv[1:] if argv is None else argv), out)
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


def _run(args_list: list[str], out: TextIO) -> int:
    """Parse ``args_list`` (no command means ``start``) and run the command it names."""
    parser = build_parser()
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in GLOBAL_OPTIONS):
        args_list.insert(0, "start")
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:  # --help and --version
        return int(exit_.code or 0)
    if args.command is None:  # only global options were given
        args = parser.parse_args([*args_list, "start"])
    code: int = args.run(args, out)
    return code
