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
                "relationships": [r.model_dump(mode="json") for r in s.segment.relationships],
                "revenue_per_customer": s.segment.revenue_per_customer,
                "gross_margin": s.economics.figures.gross_margin,
                "customer_years": s.economics.figures.customer_years,
                "acquisition_cost": s.segment.acquisition_cost,
                "funded_by": s.segment.funded_by,
                "cost_per_customer": round(s.cost_per_customer, 2),
                "running_cost_per_customer": round(s.economics.running_cost_per_customer, 2),
                "setup_cost_per_customer": round(s.economics.setup_cost_per_customer, 2),
                "carried_cost_per_customer": round(s.economics.carried_cost_per_customer, 2),
                "gross_profit_per_customer": round(s.economics.gross_profit_per_customer, 2),
                "cost_share_of_gross_profit": _rounded(s.economics.cost_share_of_gross_profit),
                "lifetime_value": round(s.economics.lifetime_value, 2),
                "covered_motivations": s.covered,
                "notes": s.segment.notes,
            }
            for s in block.segments
        ],
        "findings": [f.to_dict() for f in block.findings],
        "assumptions": [a.to_dict() for s in block.segments for a in s.plan],
        "quiz": {"correct": block.quiz_correct, "answered": block.quiz_answered},
    }
    print(json.dumps(data, indent=2, ensure_ascii=False), file=out)
    return EXIT_OK


def _rounded(ratio: float | None) -> float | str | None:
    """A ratio for JSON: rounded, and "inf" (JSON has no infinity) when there is no gross profit."""
    if ratio is None:
        return None
    return "inf" if ratio == float("inf") else round(ratio, 4)
