"""The progress file: round trip, unreadable files moved aside, shared between kernels."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
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


ADD_SEGMENTS = """
import sys
from pathlib import Path
from bmc_course.state.session import open_session
state = open_session(Path(sys.argv[1])).state
Path(sys.argv[2]).touch()
while not Path(sys.argv[3]).exists():
    pass
for n in range(int(sys.argv[4])):
    state.add_segment(f"Segment {n}", "niche", customers=n)
"""

RENAME_BUSINESS = """
import sys
from pathlib import Path
from bmc_course.state.session import open_session
state = open_session(Path(sys.argv[1])).state
Path(sys.argv[2]).touch()
while not Path(sys.argv[3]).exists():
    pass
for n in range(int(sys.argv[4])):
    state.set_business(f"Business draft {n}")
"""


def test_two_kernels_saving_at_the_same_time_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / PROGRESS_FILE_NAME
    go = tmp_path / "go"
    adds, renames = 90, 120  # at most 100 segments in a file
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                code,
                str(path),
                str(tmp_path / f"ready-{i}"),
                str(go),
                str(count),
            ]
        )
        for i, (code, count) in enumerate(((ADD_SEGMENTS, adds), (RENAME_BUSINESS, renames)))
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{i}").exists() for i in range(2)):
        assert time.monotonic() < deadline, "the two kernels never started"
        time.sleep(0.05)
    go.touch()  # both start changing at the same moment
    assert [p.wait(timeout=240) for p in processes] == [0, 0]
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert [s["name"] for s in saved["segments"]] == [f"Segment {n}" for n in range(adds)]
    assert saved["business"] == f"Business draft {renames - 1}"


def test_a_failed_save_is_reported_kept_and_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / PROGRESS_FILE_NAME
    session = open_session(path)
    problems: list[str | None] = []
    session.store.on_problem(problems.append)

    def disk_full(_path: Path, _text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("bmc_course.state.progress_store.atomic_write_text", disk_full)
    session.state.set_learner("Ana")  # the save fails: nothing raised, the answer kept
    assert session.state.learner == "Ana"
    assert problems == [
        f"Your answers could not be saved to {PROGRESS_FILE_NAME} (No space left on device). "
        "They are kept in this notebook; the next change tries again. Free some disk space or "
        "check the folder."
    ]
    monkeypatch.undo()
    session.state.set_business("Bikes")  # the next change saves everything
    assert problems[-1] is None
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert (saved["learner"], saved["business"]) == ("Ana", "Bikes")


def test_opening_the_course_removes_a_crashed_saves_temp_file(tmp_path: Path) -> None:
    path = tmp_path / PROGRESS_FILE_NAME
    open_session(path).state.set_learner("Ana")
    crashed = tmp_path / f".{PROGRESS_FILE_NAME}.x1y2.tmp"
    crashed.write_text('{"learner": "An', encoding="utf-8")  # a kill -9 mid-save
    reopened = open_session(path)
    assert reopened.state.learner == "Ana"
    assert not crashed.exists()


def test_a_corrupt_file_in_a_read_only_workspace_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / PROGRESS_FILE_NAME
    path.write_text('{"schema_version": 2, "learner": ', encoding="utf-8")  # cut off

    def read_only(_path: Path, _reason: str) -> Path:
        raise PermissionError(30, "Read-only file system")

    monkeypatch.setattr("bmc_course.state.progress_store.move_aside", read_only)
    session = open_session(path)  # no traceback: the course opens
    assert session.message is not None
    assert "nor moved aside (Read-only file system)" in session.message
    session.state.set_learner("Ana")
    assert path.read_text(encoding="utf-8") == '{"schema_version": 2, "learner": '  # untouched
    assert session.state.save_problem is not None
    assert "never overwritten" in session.state.save_problem
    path.rename(tmp_path / "kept.json")  # the learner moves it away: saving works again
    session.state.set_business("Bikes")
    assert session.state.save_problem is None
    assert json.loads(path.read_text(encoding="utf-8"))["learner"] == "Ana"


def test_deferred_saves_write_once_after_the_handler_and_never_lose_a_change(
    tmp_path: Path,
) -> None:
    """In a kernel the save runs just after the handler (scheduled); several changes of one
    handler are written together, and a reload from another notebook first writes ours."""
    session = open_session(tmp_path / "p.json")
    queued: list[Callable[[], None]] = []
    session.store.save_later_with(queued.append)
    written: list[int] = []
    session.store.on_saved(lambda: written.append(1))
    state = session.state
    with state.batch():
        seg_id = state.add_segment("Teams", "business")
    state.set_relationships(seg_id, ["personal_assistance"])
    assert not (tmp_path / "p.json").exists() and session.store.pending
    assert len(queued) == 1  # one write for both changes
    queued.pop()()
    assert written == [1] and not session.store.pending
    on_disk = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert on_disk["segments"][0]["relationships"] == [
        {"type": "personal_assistance", "share": 1.0}
    ]

    # another notebook renames the segment while our next change waits to be written
    state.toggle_relationship(seg_id, "communities", True)
    other = open_session(tmp_path / "p.json")
    other.state.update_segment(seg_id, name="Teams and schools")
    session.store.follow_other_notebooks()  # the watcher runs before our queued save
    both = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["segments"][0]
    assert both["name"] == "Teams and schools"
    assert [r["type"] for r in both["relationships"]] == ["personal_assistance", "communities"]
    assert state.segment(seg_id).name == "Teams and schools"
    queued.pop()()  # the stale queued save finds nothing pending: no second write
    assert written == [1, 1]
