"""The JSON Schema of every version of the submission format, as shipped in ``formats/schemas/``.

Each file is frozen: a test regenerates the schemas from the models and fails
if they differ, so a change to the format cannot slip in without a new
``schema_version`` and an upgrade step. Teachers' tools can validate files
against these schemas without Python.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bmc_course.formats.schema_v1 import SubmissionV1
from bmc_course.formats.submission import Submission
from bmc_course.formats.upgrades import SCHEMA_VERSION

SCHEMA_DIR = Path(__file__).with_name("schemas")
MODELS: dict[int, type[BaseModel]] = {1: SubmissionV1, SCHEMA_VERSION: Submission}


def schema_path(version: int) -> Path:
    """Where the frozen JSON Schema of ``version`` is shipped."""
    return SCHEMA_DIR / f"submission-v{version}.schema.json"


def frozen_schema(version: int) -> dict[str, Any]:
    """The shipped JSON Schema of ``version``."""
    loaded: dict[str, Any] = json.loads(schema_path(version).read_text(encoding="utf-8"))
    return loaded


def generated_schema(version: int) -> dict[str, Any]:
    """The JSON Schema of ``version`` generated from its model (what the frozen file must equal)."""
    schema = MODELS[version].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"bmc-course submission, schema_version {version}"
    return schema


def write_schema(version: int) -> Path:
    """Write the generated schema of ``version`` (only when a new version is introduced)."""
    path = schema_path(version)
    path.write_text(
        json.dumps(generated_schema(version), indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return path
