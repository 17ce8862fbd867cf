"""A kernel's course session: opened once, saving every change, replaceable for tests and resumes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bmc_course.state.progress_store import PROGRESS_ENV_VAR, PROGRESS_FILE_NAME
from bmc_course.state.session import (
    CourseSession,
    current_session,
    open_session,
    reset_current_session,
)


@pytest.fixture
def no_current_session() -> Iterator[None]:
    reset_current_session(None)
    yield
    reset_current_session(None)


def test_a_new_session_starts_empty_and_saves_every_change(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    session = open_session(path)
    assert session.message is None
    assert session.state.segments == []
    assert not path.exists()  # nothing written before the first change
    session.state.set_learner("Ada")
    assert json.loads(path.read_text(encoding="utf-8"))["learner"] == "Ada"
    assert session.store.path == path


def test_a_session_resumes_from_its_progress_file(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    open_session(path).state.add_segment("Teams", "business")
    again = open_session(path)
    assert [s.id for s in again.state.segments] == ["teams"]
    assert again.catalog is again.state.catalog


def test_an_unreadable_file_gives_a_message_and_a_fresh_start(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    path.write_text("{not json", encoding="utf-8")
    session = open_session(path)
    assert session.message is not None
    assert session.message.startswith("Your progress file could not be read")
    assert "nothing was deleted" in session.message
    assert session.state.segments == []
    (kept,) = [p for p in tmp_path.iterdir() if p.name.startswith("progress.unreadable-")]
    assert kept.read_text(encoding="utf-8") == "{not json"


@pytest.mark.usefixtures("no_current_session")
def test_current_session_opens_once_per_kernel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PROGRESS_ENV_VAR, str(tmp_path / "from-env.json"))
    first = current_session()
    assert first.store.path == tmp_path / "from-env.json"
    assert current_session() is first


@pytest.mark.usefixtures("no_current_session")
def test_without_the_variable_the_progress_file_is_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PROGRESS_ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    assert current_session().store.path == tmp_path / PROGRESS_FILE_NAME


@pytest.mark.usefixtures("no_current_session")
def test_reset_replaces_the_current_session(tmp_path: Path) -> None:
    mine = open_session(tmp_path / "mine.json")
    reset_current_session(mine)
    assert current_session() is mine
    other = open_session(tmp_path / "other.json")
    reset_current_session(other)
    assert current_session() is other
    assert isinstance(other, CourseSession)
