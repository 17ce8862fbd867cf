"""``bmc-course types``: the relationship types as a table or JSON."""

from __future__ import annotations

import json

from bmc_course.model.catalog import Catalog
from tests.support.cli_runner import run_cli


def test_types_lists_all_six(catalog: Catalog) -> None:
    out, _ = run_cli(["types"])
    for relationship in catalog.types.values():
        assert relationship.id in out and relationship.name in out
    assert "teaching assumptions" in out


def test_types_json(catalog: Catalog) -> None:
    out, _ = run_cli(["types", "--json"])
    assert [t["id"] for t in json.loads(out)] == list(catalog.types)
