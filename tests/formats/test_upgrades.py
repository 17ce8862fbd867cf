"""Version 1 files, as the previous course wrote them, open in version 2 with nothing lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bmc_course.formats.submission import SCHEMA_VERSION, read_submission_file
from bmc_course.formats.upgrades import upgrade, upgrade_v1_to_v2
from bmc_course.model.input_errors import SubmissionError

V1_FILES = Path(__file__).with_name("v1_files")


def _raw(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((V1_FILES / name).read_text(encoding="utf-8"))
    return loaded


def test_the_fixtures_are_version_1_files() -> None:
    names = sorted(p.name for p in V1_FILES.glob("*.json"))
    assert names == [
        "case-cleat-maker.json",
        "case-first-draft.json",
        "case-search-engine.json",
        "progress-bike-shop.json",
    ]
    assert {_raw(name)["schema_version"] for name in names} == {1}


def test_a_v1_progress_file_opens_with_nothing_lost() -> None:
    submission = read_submission_file(V1_FILES / "progress-bike-shop.json")
    assert SCHEMA_VERSION == 2
    assert submission.schema_version == 2
    assert submission.learner == "Ana <b>Lopez</b>"
    assert submission.business == "Bike repair shop"
    walk_ins, fleets = submission.segments
    assert (walk_ins.id, walk_ins.archetype, walk_ins.customers) == (
        "walk-in-commuters",
        "mass_market",
        1500,
    )
    assert walk_ins.revenue_per_customer == 120
    assert [(r.type, r.share) for r in walk_ins.relationships] == [
        ("personal_assistance", 1.0),
        ("self_service", 1.0),
    ]
    assert walk_ins.motivations == ["retention"]
    # a channel word the learner typed stays, so the channel check can still explain it
    assert [(r.type, r.share) for r in fleets.relationships] == [
        ("dedicated_personal_assistance", 1.0),
        ("website", 1.0),
    ]
    assert fleets.validated is True
    # v1 had no economics: the archetype defaults apply
    assert (walk_ins.gross_margin, walk_ins.customer_years, walk_ins.acquisition_cost) == (
        None,
        None,
        None,
    )
    assert walk_ins.funded_by is None and walk_ins.notes == ""
    dumped = submission.to_json_dict()
    assert dumped["teacher_tag"] == "group-3"  # unknown fields are kept
    assert dumped["completed_steps"] == ["welcome"]
    assert len(dumped["quiz"]) == 1
    assert dumped["saved_at"] == _raw("progress-bike-shop.json")["saved_at"]


@pytest.mark.parametrize(
    "name", ["case-cleat-maker.json", "case-first-draft.json", "case-search-engine.json"]
)
def test_every_listed_relationship_serves_the_whole_segment(name: str) -> None:
    raw = _raw(name)
    submission = read_submission_file(V1_FILES / name)
    for before, after in zip(raw["segments"], submission.segments, strict=True):
        assert [r.type for r in after.relationships] == before["relationships"]
        assert {r.share for r in after.relationships} <= {1.0}


def test_the_upgrade_step_leaves_its_input_alone() -> None:
    raw = _raw("progress-bike-shop.json")
    before = json.dumps(raw, sort_keys=True)
    upgraded = upgrade_v1_to_v2(raw)
    assert json.dumps(raw, sort_keys=True) == before
    assert upgraded["schema_version"] == 2
    assert upgraded["segments"][0]["relationships"][0] == {
        "type": "personal_assistance",
        "share": 1.0,
    }


def test_a_broken_v1_file_is_reported_in_v1_terms() -> None:
    raw = _raw("progress-bike-shop.json")
    raw["segments"][0]["relationships"] = [{"type": "self_service"}]  # v2 shape in a v1 file
    with pytest.raises(SubmissionError) as caught:
        upgrade(raw, file="old.json")
    (issue,) = caught.value.issues
    assert issue.file == "old.json"
    assert issue.entry == "segments[0] 'walk-in-commuters'"
    assert issue.field == "relationships[0]"


@pytest.mark.parametrize(
    ("version", "expected", "found"),
    [
        (3, "at most 2", "3: written by a newer bmc-course; upgrade bmc-course to read it"),
        (0, "an integer from 1 to 2", "0: too old or not a bmc-course file"),
        ("1", "an integer from 1 to 2", "'1'"),
        (None, "an integer from 1 to 2", "nothing (field missing)"),
    ],
)
def test_newer_older_and_odd_versions_are_refused(
    version: object, expected: str, found: str
) -> None:
    raw: dict[str, Any] = {"segments": []}
    if version is not None:
        raw["schema_version"] = version
    with pytest.raises(SubmissionError) as caught:
        upgrade(raw, file="f.json")
    (issue,) = caught.value.issues
    assert (issue.field, issue.expected, issue.found) == ("schema_version", expected, found)
