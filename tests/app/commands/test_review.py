"""``bmc-course review``: a worked case or a learner's file, as text or JSON; bad files are one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bmc_course.logic.wording import finding_title
from bmc_course.model.catalog import Catalog
from tests.support.cli_runner import run_cli


@pytest.mark.parametrize("case_id", ["cleat-maker", "online-retailer", "car-wash", "first-draft"])
def test_review_each_case_text(catalog: Catalog, case_id: str) -> None:
    out, _ = run_cli(["review", "--case", case_id])
    case = catalog.cases[case_id]
    assert case.business in out
    for segment in case.segments:
        assert segment.name in out
    for code in case.expected_findings:
        assert f"] {finding_title(code)}: " in out  # the finding by its title
        assert code not in out  # never its code


def test_review_every_case_json(catalog: Catalog) -> None:
    for case in catalog.cases.values():
        out, _ = run_cli(["review", "--case", case.id, "--json"])
        data = json.loads(out)
        found = {f["code"] for f in data["findings"]}
        assert set(case.expected_findings) <= found, case.id
        assert [s["id"] for s in data["segments"]] == [s.id for s in case.segments]
        assert data["assumptions"], "every case yields assumptions to test"


def test_review_submission_file(tmp_path: Path) -> None:
    path = tmp_path / "ada.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "learner": "Ada",
                "business": "Bakery",
                "segments": [
                    {
                        "id": "locals",
                        "name": "Locals",
                        "archetype": "mass_market",
                        "revenue_per_customer": 300,
                        "customers": 800,
                        "validated": False,
                        "relationships": ["website"],
                        "motivations": ["retention"],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    out, _ = run_cli(["review", str(path), "--json"])
    assert "channel_not_relationship" in {f["code"] for f in json.loads(out)["findings"]}


def test_review_bad_file_is_one_line_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{ nope", encoding="utf-8")
    _, err = run_cli(["review", str(path)], retcode=1)
    assert err.count("\n") == 1 and str(path) in err and "valid JSON" in err


def test_review_missing_file(tmp_path: Path) -> None:
    _, err = run_cli(["review", str(tmp_path / "none.json")], retcode=1)
    assert "none.json" in err
