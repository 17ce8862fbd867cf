"""``bmc-course types``: the relationship types with their teaching attributes."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, TextIO

from bmc_course.app.cli_errors import EXIT_OK
from bmc_course.model.catalog import load_catalog

if TYPE_CHECKING:
    from bmc_course.app.cli_arguments import Subcommands


def add_parser(commands: Subcommands) -> None:
    """Add ``types`` and its arguments."""
    parser = commands.add_parser(
        "types",
        help="show the relationship types and their teaching attributes",
        description="Show the relationship types with their teaching attributes (1-5 scales) "
        "and illustrative cost models.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the types as a table (or JSON), then what the numbers mean."""
    catalog = load_catalog(args.content)
    if args.json:
        data = [t.model_dump(mode="json") for t in catalog.types.values()]
        print(json.dumps(data, indent=2, ensure_ascii=False), file=out)
        return EXIT_OK
    header = [
        "id",
        "name",
        "pers.",
        "cost",
        "scale",
        "2-way",
        "long",
        "people",
        "auto.",
        "set-up (small-large)",
        "yrs",
        "per cust.",
        "serves",
    ]
    rows = [header]
    for t in catalog.types.values():
        a = t.attributes
        rows.append(
            [
                t.id,
                t.name,
                str(a.personalisation),
                str(a.cost_to_serve),
                str(a.scalability),
                str(a.two_way),
                str(a.long_term),
                str(a.human_contact),
                str(a.automation),
                "-".join(f"{tier.cost:,.0f}" for tier in t.cost_model.setup),
                str(t.cost_model.setup_years),
                f"{t.cost_model.cost_per_customer:,.0f}",
                ", ".join(t.motivations),
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(),
            file=out,
        )
    print(
        "\nAttributes are teaching assumptions on 1-5 scales, not measured data; costs are an "
        "illustrative model: a one-off set-up sized to the business (small, medium, large), spread "
        "over 'yrs' years and shared by the segments using the type, plus a yearly cost per "
        "customer served.",
        file=out,
    )
    if catalog.variants:
        print(
            "Variants explained in the course: "
            + ", ".join(v.name for v in catalog.variants.values())
            + ".",
            file=out,
        )
    return EXIT_OK
