"""Each version's JSON Schema is frozen: the shipped file equals what its model generates."""

from __future__ import annotations

import pytest

from bmc_course.formats.json_schemas import frozen_schema, generated_schema, schema_path


@pytest.mark.parametrize("version", [1, 2])
def test_the_shipped_schema_is_the_models_schema(version: int) -> None:
    assert schema_path(version).name == f"submission-v{version}.schema.json"
    assert frozen_schema(version) == generated_schema(version), (
        "the submission model changed: a change to the file format needs a new schema_version, "
        "an upgrade step and a new frozen schema"
    )


def test_version_2_holds_the_mix_and_the_economics() -> None:
    schema = frozen_schema(2)
    segment = schema["$defs"]["SegmentChoice"]["properties"]
    assert set(segment) >= {
        "relationships",
        "gross_margin",
        "customer_years",
        "acquisition_cost",
        "funded_by",
        "notes",
    }
    share = schema["$defs"]["RelationshipShare"]["properties"]["share"]
    assert (share["exclusiveMinimum"], share["maximum"]) == (0, 1)
    assert "scenarios" in schema["properties"]


def test_version_1_lists_relationship_names() -> None:
    segment = frozen_schema(1)["$defs"]["SegmentV1"]["properties"]
    assert segment["relationships"]["items"]["type"] == "string"
