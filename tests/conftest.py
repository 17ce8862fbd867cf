"""Shared fixtures: the catalog, a segment factory, a session, a small class, a hostile submission."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bmc_course.formats.submission import SegmentChoice, Submission
from bmc_course.model.catalog import Catalog, load_catalog
from bmc_course.state.session import CourseSession, open_session, reset_current_session
from tests.support.hostile_submission import hostile_submission
from tests.support.small_class import write_small_class

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
        # Tests name a mix as type ids (share 1, v1's meaning) or (id, share) pairs.
        fields["relationships"] = [
            {"type": r, "share": 1.0}
            if isinstance(r, str)
            else {"type": r[0], "share": r[1]}
            if isinstance(r, tuple)
            else r
            for r in fields["relationships"]
        ]
        return SegmentChoice(**fields)

    return make


@pytest.fixture
def session(tmp_path: Path) -> Iterator[CourseSession]:
    """A course session on a progress file in a temp folder, current for ``bmc_course.course``."""
    session = open_session(tmp_path / "p.json")
    reset_current_session(session)
    yield session
    reset_current_session(None)


@pytest.fixture
def small_class(tmp_path: Path, catalog: Catalog) -> tuple[Path, list[Submission]]:
    """Three learners with known choices and answers, one broken file, one older duplicate."""
    return write_small_class(tmp_path, catalog)


@pytest.fixture
def hostile(catalog: Catalog) -> Submission:
    """The online retailer case with learner text that tries to run or inject markup."""
    return hostile_submission(catalog)
