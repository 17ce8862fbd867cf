"""Step-by-step upgrades of older submission files to the current version (nbgrader-style).

``UPGRADES[n]`` turns a valid version-n dict into a version-(n+1) dict; each
older version is first validated against its own frozen model, so a problem
is reported in the terms of the file the learner has. Newer or unknown
versions are refused with distinct messages.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from bmc_course.formats.schema_v1 import SubmissionV1
from bmc_course.model.input_errors import (
    FILE_LEVEL,
    InputIssue,
    SubmissionError,
    describe_value,
    issues_from_validation,
)

SCHEMA_VERSION = 2


def upgrade_v1_to_v2(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 1 → 2: each listed relationship serves the whole segment (share 1), v1's meaning.

    Every other field, known or unknown, is kept as it was; the new optional
    fields (margin, customer years, acquisition cost, funding, notes) are left
    out so their defaults apply.
    """
    upgraded = copy.deepcopy(raw)
    for segment in upgraded.get("segments", []):
        segment["relationships"] = [
            {"type": name, "share": 1.0} for name in segment.get("relationships", [])
        ]
    upgraded["schema_version"] = 2
    return upgraded


UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: upgrade_v1_to_v2}
FROZEN_MODELS: dict[int, type[BaseModel]] = {1: SubmissionV1}


def upgrade(raw: dict[str, Any], *, file: str) -> dict[str, Any]:
    """Bring an older submission up to :data:`SCHEMA_VERSION`; refuse newer or unknown ones."""
    version = raw.get("schema_version")
    expected = f"an integer from 1 to {SCHEMA_VERSION}"
    if not isinstance(version, int) or isinstance(version, bool):
        found = "nothing (field missing)" if version is None else describe_value(version)
        raise _version_error(file, expected, found)
    if version > SCHEMA_VERSION:
        raise _version_error(
            file,
            f"at most {SCHEMA_VERSION}",
            f"{version}: written by a newer bmc-course; upgrade bmc-course to read it",
        )
    if version < 1:
        raise _version_error(file, expected, f"{version}: too old or not a bmc-course file")
    while version < SCHEMA_VERSION:
        try:
            FROZEN_MODELS[version].model_validate(raw)
        except ValidationError as error:
            raise SubmissionError(
                issues_from_validation(error, file=file, raw=raw, entry_collections=("segments",))
            ) from None
        raw = UPGRADES[version](raw)
        version += 1
    return raw


def _version_error(file: str, expected: str, found: str) -> SubmissionError:
    return SubmissionError([InputIssue(file, FILE_LEVEL, "schema_version", expected, found)])
