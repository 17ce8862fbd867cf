"""The bounds every version shares catch typos without limiting real businesses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from bmc_course.formats.limits import (
    MAX_CUSTOMERS,
    MAX_NOTES_CHARS,
    MAX_SEGMENTS,
    MAX_SUBMISSION_BYTES,
)
from bmc_course.formats.schema_v1 import SegmentV1
from bmc_course.formats.submission import SegmentChoice, read_submission_file
from bmc_course.model.catalog import Catalog
from bmc_course.model.input_errors import SubmissionError
from bmc_course.state.course_state import CourseState, StateError

BASE = {"id": "a", "name": "A", "archetype": "niche", "revenue_per_customer": 10}


@pytest.mark.parametrize("model", [SegmentV1, SegmentChoice])
def test_ten_billion_customers_is_the_most_either_version_takes(model: type) -> None:
    assert MAX_CUSTOMERS == 10_000_000_000
    model(**BASE, customers=MAX_CUSTOMERS)
    with pytest.raises(ValidationError):
        model(**BASE, customers=MAX_CUSTOMERS + 1)


@pytest.mark.parametrize("slug", ["-a", "a b", "x" * 65, ""])
def test_segment_ids_are_short_slugs(slug: str) -> None:
    with pytest.raises(ValidationError):
        SegmentChoice(**{**BASE, "id": slug}, customers=1)


def test_notes_are_kept_up_to_their_limit() -> None:
    assert SegmentChoice(**BASE, customers=1, notes="n" * MAX_NOTES_CHARS).notes == "n" * 5000
    with pytest.raises(ValidationError):
        SegmentChoice(**BASE, customers=1, notes="n" * (MAX_NOTES_CHARS + 1))


def test_a_hostile_but_valid_file_is_refused_quickly_with_one_message(tmp_path: Path) -> None:
    segment = {"name": "S", "archetype": "niche", "revenue_per_customer": 1, "customers": 1}
    data = {"schema_version": 2, "segments": [segment | {"id": f"s{n}"} for n in range(8300)]}
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert path.stat().st_size < MAX_SUBMISSION_BYTES  # valid size, valid shape, absurd count
    with pytest.raises(SubmissionError) as caught:
        read_submission_file(path)
    (issue,) = caught.value.issues
    assert issue.field == "segments"
    assert "at most 100 items" in issue.expected or "at most 100 items" in issue.found


def test_the_course_refuses_the_101st_segment(catalog: Catalog) -> None:
    state = CourseState(catalog)
    for n in range(MAX_SEGMENTS):
        state.add_segment(f"Segment {n}", "niche")
    with pytest.raises(StateError, match="at most 100 segments; remove one first"):
        state.add_segment("One too many", "niche")
