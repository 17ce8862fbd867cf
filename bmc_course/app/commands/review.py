"""``bmc-course review``: a canvas block (a learner's file or a worked case) and its findings."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, TextIO

from bmc_course.app.cli_arguments import add_target_arguments, load_target
from bmc_course.app.cli_errors import EXIT_OK
from bmc_course.model.catalog import load_catalog

if TYPE_CHECKING:
    from bmc_course.app.cli_arguments import Subcommands


def add_parser(commands: Subcommands) -> None:
    """Add ``review`` and its arguments."""
    parser = commands.add_parser(
        "review",
        help="show a canvas block and its findings",
        description=(
            "Show a learner's Customer Relationships block (a submission or progress JSON file) "
            "or a worked case, with the findings of the checks and the assumptions to test."
        ),
    )
    add_target_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the block as text, or as JSON with stable keys."""
    from bmc_course.logic.canvas_block import build_canvas_block, render_text

    catalog = load_catalog(args.content)
    submission, source = load_target(args, catalog)
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
