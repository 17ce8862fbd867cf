"""``bmc-course teach``: a teacher's workspace with the class summary, opened in JupyterLab."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bmc_course.app.cli_arguments import add_server_arguments

if TYPE_CHECKING:
    from bmc_course.app.cli_arguments import Subcommands

DEFAULT_TEACHER_WORKSPACE = "bmc-course-teacher"


def add_parser(commands: Subcommands) -> None:
    """Add ``teach`` and its arguments."""
    parser = commands.add_parser(
        "teach",
        help="open the class summary notebook in a teacher's workspace (JupyterLab)",
        description=(
            "Copy the teacher's notebook (class_summary.ipynb) into a workspace folder with an "
            "empty 'submissions' folder beside it, and open JupyterLab on it, listening on "
            "127.0.0.1 with a token. Put the files your learners hand in into 'submissions' "
            "(or type another folder in the notebook) and press Summarise. A notebook you "
            "changed is never overwritten. Stop it with Ctrl-C."
        ),
    )
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        type=Path,
        default=Path(DEFAULT_TEACHER_WORKSPACE),
        help=f"the teacher's folder (default: ./{DEFAULT_TEACHER_WORKSPACE})",
    )
    add_server_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Prepare the teacher's workspace, then run JupyterLab until it stops; its exit code."""
    from bmc_course.app.commands.start import serve_workspace
    from bmc_course.app.workspace import SUBMISSIONS_FOLDER, prepare_teacher_workspace

    where = args.workspace / SUBMISSIONS_FOLDER
    notes = [f"Put the files your learners hand in into {where}."]
    return serve_workspace(args, out, prepare_teacher_workspace, notes)
