"""The bounds every version shares catch typos without limiting real businesses."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bmc_course.formats.limits import MAX_CUSTOMERS, MAX_NOTES_CHARS
from bmc_course.formats.schema_v1 import SegmentV1
from bmc_course.formats.submission import SegmentChoice

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
