"""The frozen version 1 model accepts what the previous course wrote and nothing of version 2."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bmc_course.formats.schema_v1 import SubmissionV1


def test_a_v1_segment_lists_names() -> None:
    v1 = SubmissionV1.model_validate(
        {
            "schema_version": 1,
            "segments": [
                {
                    "id": "a",
                    "name": "A",
                    "archetype": "niche",
                    "revenue_per_customer": 10,
                    "customers": 3,
                    "relationships": ["communities", "Instagram"],
                }
            ],
        }
    )
    assert v1.segments[0].relationships == ["communities", "Instagram"]


def test_a_v2_file_is_not_a_v1_file() -> None:
    with pytest.raises(ValidationError):
        SubmissionV1.model_validate({"schema_version": 2, "segments": []})
