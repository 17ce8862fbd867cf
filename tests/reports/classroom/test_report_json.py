"""The JSON report: stable, documented keys and exact values."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bmc_course.formats.submission import Submission
from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.intake import read_folder
from bmc_course.reports.classroom.report_json import summary_json
from bmc_course.reports.classroom.summary import summarise
from tests.support.small_class import HOSTILE_NAME

JSON_KEYS = {
    "format",
    "folder",
    "accepted",
    "rejected",
    "duplicates",
    "learners",
    "segments",
    "by_archetype",
    "findings",
    "quiz",
    "learner_rows",
}


def test_json_report_keys_are_stable_and_documented(
    small_class: tuple[Path, list[Submission]], catalog: Catalog
) -> None:
    from bmc_course.reports.classroom import report_json

    folder, _ = small_class
    data = json.loads(json.dumps(summary_json(summarise(read_folder(folder, catalog), catalog))))
    assert set(data) == JSON_KEYS
    documented = report_json.__doc__ or ""
    assert all(re.search(rf"^    .*\b{key}\b", documented, re.MULTILINE) for key in JSON_KEYS)
    assert data["format"] == 1
    assert (data["accepted"], data["learners"], data["segments"]) == (3, 3, 4)
    assert data["rejected"] == [
        {"file": "<b>scan.pdf", "reason": "not JSON: Expecting value at line 1, column 1"}
    ]
    assert data["duplicates"] == [
        {"file": "ana-first-try.json", "learner": "Ana", "kept": "ana.json"}
    ]
    assert data["by_archetype"]["mass_market"] == {
        "segments": 2,
        "types": {"dedicated_personal_assistance": 1, "self_service": 1},
    }
    assert all(set(f) == {"code", "learners", "occurrences", "examples"} for f in data["findings"])
    assert data["findings"][0] == {
        "code": "lifecycle_gap",
        "learners": 1,
        "occurrences": 1,
        "examples": [HOSTILE_NAME],
    }
    assert data["quiz"][0] == {
        "question": "welcome-4",
        "lesson": "welcome",
        "answered": 1,
        "correct": 0,
        "share_correct": 0.0,
    }
    assert set(data["learner_rows"][0]) == {
        "file",
        "learner",
        "segments",
        "types",
        "findings",
        "problems",
        "quiz_correct",
        "quiz_answered",
    }
