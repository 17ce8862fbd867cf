"""``bmc-course start``: copy the course into a workspace and open it in JupyterLab."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bmc_course.app.cli_arguments import add_server_arguments
from bmc_course.app.cli_errors import CommandFailed

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from bmc_course.app.cli_arguments import Subcommands
    from bmc_course.app.workspace import WorkspaceResult

DEFAULT_WORKSPACE = "bmc-course-workspace"


def add_parser(commands: Subcommands) -> None:
    """Add ``start`` and its arguments."""
    parser = commands.add_parser(
        "start",
        help="copy the course into a workspace and open it in JupyterLab",
        description=(
            "Copy the course notebooks into a workspace folder (never overwriting a notebook you "
            "changed: a newer course version is placed beside it) and open JupyterLab on it, "
            "listening on 127.0.0.1 with a token. Stop it with Ctrl-C."
        ),
    )
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        type=Path,
        default=Path(DEFAULT_WORKSPACE),
        help=f"the folder for your notebooks and progress (default: ./{DEFAULT_WORKSPACE})",
    )
    add_server_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Prepare the workspace, then run JupyterLab until it stops; its exit code."""
    from bmc_course.app.workspace import prepare_workspace

    return serve_workspace(args, out, prepare_workspace)


def serve_workspace(
    args: argparse.Namespace,
    out: TextIO,
    prepare: Callable[[Path], WorkspaceResult],
    notes: Sequence[str] = (),
) -> int:
    """``prepare(args.workspace)``, print what it did and ``notes``, then run JupyterLab on it
    (one server per workspace) until it stops; its exit code. Shared by ``start`` and ``teach``."""
    from bmc_course.app.lab_server import LabServerError, check_port_free, run_lab
    from bmc_course.app.workspace import WorkspaceError
    from bmc_course.app.workspace_lock import one_server_per_workspace

    try:
        if args.port is not None:
            check_port_free(args.port)  # before touching the workspace
        with one_server_per_workspace(args.workspace):
            result = prepare(args.workspace)
            for line in [*result.report_lines(), *notes]:
                print(line, file=out)
            code: int = run_lab(args.workspace, port=args.port, open_browser=not args.no_browser)
    except (WorkspaceError, LabServerError) as error:
        raise CommandFailed(str(error)) from None
    return code
