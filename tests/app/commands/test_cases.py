"""``bmc-course cases``: the worked cases' ids."""

from __future__ import annotations

from bmc_course.model.catalog import Catalog
from tests.support.cli_runner import run_cli


def test_cases_lists_ids(catalog: Catalog) -> None:
    out, _ = run_cli(["cases"])
    assert all(case_id in out for case_id in catalog.cases)
