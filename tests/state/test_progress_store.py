"""The progress file: round trip, unreadable files moved aside, shared between kernels."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from bmc_course.model.catalog import Catalog
from bmc_course.state.course_state import CourseState
from bmc_course.state.progress_store import PROGRESS_FILE_NAME, ProgressStore
from bmc_course.state.session import open_session


def _session_with_work(path: Path) -> CourseState:
    session = open_session(path)
    state = session.state
    seg_id = state.add_segment("Individual athletes", "mass_market", customers=50_000)
    state.set_relationships(seg_id, ["self_service", "automated_services"])
    state.set_motivations(seg_id, ["acquisition"])
    state.set_learner("Ada")
    return state


def test_every_change_is_saved_and_reloaded(tmp_path: Path) -> None:
    path = tmp_path / PROGRESS_FILE_NAME
    state = _session_with_work(path)
    reopened = open_session(path)
    assert reopened.message is None
    assert reopened.state.submission.model_dump(
        exclude={"saved_at"}
    ) == state.submission.model_dump(exclude={"saved_at"})
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == 2 and saved["saved_at"]
    assert saved["segments"][0]["relationships"] == [
        {"type": "self_service", "share": 1.0},
        {"type": "automated_services", "share": 1.0},
    ]


def test_unknown_fields_survive_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / PROGRESS_FILE_NAME
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "learner": "Ada",
                "teacher_tag": [1, 2],
                "segments": [
                    {
                        "id": "a",
                        "name": "A",
                        "archetype": "niche",
                        "revenue_per_customer": 10,
                        "customers": 5,
                        "favourite": True,
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    session = open_session(path)
    session.state.set_business("Bakery")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["teacher_tag"] == [1, 2]
    assert saved["segments"][0]["favourite"] is True
    assert saved["business"] == "Bakery"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "unreadable"),
        (b'{"schema_version": 1, "segments": [', "unreadable"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "unreadable"),
        (b'{"schema_version": 42}', "newer"),
        (
            b'{"schema_version": 1, "segments": [{"id": "a", "name": "A", "archetype": "aliens",'
            b' "revenue_per_customer": 1, "customers": 1}]}',
            "unreadable",
        ),
    ],
)
def test_unreadable_file_is_moved_aside_not_deleted(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / PROGRESS_FILE_NAME
    path.write_bytes(content)
    session = open_session(path)
    assert session.message is not None
    moved = list(tmp_path.glob(f"bmc-course-progress.{reason}-*.json"))
    assert len(moved) == 1 and moved[0].read_bytes() == content
    assert str(moved[0]) in session.message and "nothing was deleted" in session.message
    assert not path.exists()
    session.state.set_learner("Ada")  # the fresh start is saved normally
    assert json.loads(path.read_text(encoding="utf-8"))["learner"] == "Ada"


def test_two_kernels_share_one_file(tmp_path: Path) -> None:
    path = tmp_path / PROGRESS_FILE_NAME
    first = open_session(path).state
    second = open_session(path).state
    first.add_segment("Teams", "business")
    time.sleep(0.01)
    second.set_learner("Ada")  # must not wipe the segment the first kernel added
    third = open_session(path).state
    assert [s.name for s in third.segments] == ["Teams"]
    assert third.learner == "Ada"


def test_store_saves_state_with_catalog_ids(tmp_path: Path, catalog: Catalog) -> None:
    store = ProgressStore(tmp_path / "p.json")
    state = CourseState(catalog)
    store.attach(state)
    state.add_segment("Teams", "business")
    assert store.load(catalog).submission.segments[0].id == "teams"
