"""The hub check's own parts; its run against a real hub is tests/hub/test_class_hub.py."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr
from pathlib import Path

import pytest

from bmc_course.app.hub import hub_check
from bmc_course.app.hub.hub_check import (
    RECORD_NAME,
    CheckFailed,
    HubSession,
    Learner,
    check_progress_files,
    display_name,
    execute_request,
    main,
    read_passwords,
)


def test_passwords_are_read_as_chpasswd_reads_them(tmp_path: Path) -> None:
    file = tmp_path / "class.txt"
    file.write_text("alice:a:b:c\n\nbob:s3cret!\n", encoding="utf-8")
    assert read_passwords(file) == [Learner("alice", "a:b:c"), Learner("bob", "s3cret!")]


@pytest.mark.parametrize("text", ["alice\n", ":pw\n", "alice:\n", "\n"])
def test_a_bad_passwords_file_names_the_line(tmp_path: Path, text: str) -> None:
    file = tmp_path / "class.txt"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(CheckFailed, match=r"class\.txt"):
        read_passwords(file)


def test_the_execute_request_carries_the_code() -> None:
    message = execute_request("m1", "alice", "print(1)")
    assert message["header"]["msg_id"] == "m1"
    assert message["header"]["msg_type"] == "execute_request"
    assert message["content"]["code"] == "print(1)"
    assert message["channel"] == "shell"


def test_the_recorded_name_is_written_as_a_python_string() -> None:
    code = RECORD_NAME.format(display_name=display_name("o'brien"))
    assert 'set_learner("Learner o\'brien")' in code


def test_a_progress_file_with_someone_elses_name_fails(tmp_path: Path) -> None:
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / "bmc-course-progress.json").write_text(
        json.dumps({"learner": display_name("bob")}), encoding="utf-8"
    )
    with pytest.raises(CheckFailed, match="holds learner 'Learner bob'"):
        check_progress_files([Learner("alice", "pw")], tmp_path)


def test_cookies_are_found_by_name_and_path() -> None:
    session = HubSession("http://127.0.0.1:9", Learner("alice", "pw"))
    assert session.cookie("_xsrf") == ""


def test_an_unreachable_hub_is_one_failed_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hub_check, "HUB_TIMEOUT", 1.0)
    file = tmp_path / "class.txt"
    file.write_text("alice:pw\n", encoding="utf-8")
    err = io.StringIO()
    with redirect_stderr(err):
        code = main(["--url", "http://127.0.0.1:9", "--passwords", str(file)])
    assert code == 1
    assert err.getvalue() == "FAILED: http://127.0.0.1:9: the hub did not answer within 1 s\n"
