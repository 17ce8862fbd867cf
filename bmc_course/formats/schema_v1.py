"""Version 1 of the submission format, frozen: what course versions up to 0.1 wrote.

A segment's ``relationships`` is a list of names (type ids, or channel words a
learner typed), each meaning "this type serves the whole segment". Files are
validated against this model before :func:`bmc_course.formats.upgrades.upgrade`
turns them into version 2, so a broken v1 file is reported in v1's terms.
Never change this model: a change to the format is a new version.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from bmc_course.formats.limits import MAX_CUSTOMERS, MAX_REVENUE_PER_CUSTOMER, SegmentSlug


class _OpenV1(BaseModel):
    model_config = ConfigDict(extra="allow")


class SegmentV1(_OpenV1):
    """A v1 segment: every listed relationship serves all of its customers."""

    id: SegmentSlug
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    archetype: str
    revenue_per_customer: Annotated[float, Field(ge=0, le=MAX_REVENUE_PER_CUSTOMER)]
    customers: Annotated[int, Field(ge=0, le=MAX_CUSTOMERS, strict=True)]
    validated: Annotated[bool, Field(strict=True)] = False
    relationships: list[Annotated[str, StringConstraints(max_length=200)]] = []
    motivations: list[Literal["acquisition", "retention", "boosting_sales"]] = []


class SubmissionV1(_OpenV1):
    """A whole v1 file."""

    schema_version: Literal[1]
    learner: Annotated[str, StringConstraints(max_length=200)] = ""
    business: Annotated[str, StringConstraints(max_length=2000)] = ""
    segments: list[SegmentV1] = []
    quiz: dict[str, str] = {}
    saved_at: str | None = None
