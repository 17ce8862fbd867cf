"""Shared fixtures: the built-in catalog and a segment factory."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bmc_course.catalog import Catalog, load_catalog
from bmc_course.submission import SegmentChoice

SegmentFactory = Callable[..., SegmentChoice]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(None)


@pytest.fixture
def make_segment() -> SegmentFactory:
    def make(**overrides: Any) -> SegmentChoice:
        fields: dict[str, Any] = {
            "id": "seg",
            "name": "Test segment",
            "archetype": "business",
            "revenue_per_customer": 10_000.0,
            "customers": 500,
            "validated": True,
            "relationships": ["personal_assistance"],
            "motivations": [],
        }
        fields.update(overrides)
        return SegmentChoice(**fields)

    return make
