"""Resuming from an uploaded file: checked like a file on disk, loaded keeping the old progress file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bmc_course.model.catalog import Catalog
from bmc_course.model.input_errors import SubmissionError
from bmc_course.state.resume import read_uploaded_submission, resume_from
from bmc_course.state.session import open_session

ADA = {
    "schema_version": 1,
    "learner": "Ada",
    "business": "Cleats",
    "segments": [
        {
            "id": "athletes",
            "name": "Athletes",
            "archetype": "mass_market",
            "revenue_per_customer": 120,
            "customers": 50000,
            "relationships": ["self_service"],
        }
    ],
    "quiz": {},
}


def test_a_valid_upload_is_read(catalog: Catalog) -> None:
    submission = read_uploaded_submission("ada.json", json.dumps(ADA).encode(), catalog)
    assert (submission.learner, submission.business) == ("Ada", "Cleats")
    # a version 1 upload: each listed type serves the whole segment
    assert [
        (s.id, s.customers, s.type_ids, s.share_of("self_service")) for s in submission.segments
    ] == [("athletes", 50000, ["self_service"], 1.0)]


@pytest.mark.parametrize(
    ("name", "content", "file", "found"),
    [
        ("bad.json", b"{oops", "bad.json", "valid JSON"),
        ("future.json", b'{"schema_version": 99}', "future.json", "newer bmc-course"),
        # a browser may send a path: only its last part names the file
        ("C:/Users/ada/../../evil.json", b"{oops", "evil.json", "valid JSON"),
        ("", b"{oops", "upload.json", "valid JSON"),
    ],
)
def test_errors_name_the_upload_not_the_temporary_file(
    catalog: Catalog, name: str, content: bytes, file: str, found: str
) -> None:
    with pytest.raises(SubmissionError) as caught:
        read_uploaded_submission(name, content, catalog)
    [issue] = caught.value.issues
    assert issue.file == file
    assert found in str(issue)


def test_an_upload_naming_an_unknown_archetype_is_refused(catalog: Catalog) -> None:
    data = json.loads(json.dumps(ADA))
    data["segments"][0]["archetype"] = "aliens"
    with pytest.raises(SubmissionError) as caught:
        read_uploaded_submission("ada.json", json.dumps(data).encode(), catalog)
    assert [issue.file for issue in caught.value.issues] == ["ada.json"]
    assert "aliens" in str(caught.value)


def test_resume_keeps_the_old_progress_file_beside_the_new_one(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    session = open_session(path)
    session.state.set_learner("Old me")
    submission = read_uploaded_submission("ada.json", json.dumps(ADA).encode(), session.catalog)
    kept = resume_from(session, submission)
    assert kept is not None and kept.parent == tmp_path
    assert kept.name.startswith("progress.before-upload-") and kept.suffix == ".json"
    assert json.loads(kept.read_text(encoding="utf-8"))["learner"] == "Old me"
    assert session.state.learner == "Ada"
    assert [s.id for s in session.state.segments] == ["athletes"]
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert (saved["learner"], saved["business"]) == ("Ada", "Cleats")
    # (beside them, the lock file every notebook takes turns on)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["progress.json", kept.name, ".progress.json.lock"]
    )


def test_resume_with_no_progress_file_yet_keeps_nothing(tmp_path: Path) -> None:
    session = open_session(tmp_path / "progress.json")
    submission = read_uploaded_submission("ada.json", json.dumps(ADA).encode(), session.catalog)
    assert resume_from(session, submission) is None
    assert session.state.learner == "Ada"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".progress.json.lock", "progress.json"]


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("..", "upload.json"),
        ("", "upload.json"),
        ("a\x00b.json", "a?b.json"),
        ("x" * 300 + ".json", "x" * 99 + "…"),
        ("C:\\Users\\ana\\ada.json", "ada.json"),
        ("../../etc/ada.json", "ada.json"),
    ],
)
def test_any_upload_name_is_read_safely_and_named_printably(
    catalog: Catalog, name: str, label: str
) -> None:
    submission = read_uploaded_submission(name, json.dumps(ADA).encode(), catalog)
    assert submission.learner == "Ada"
    with pytest.raises(SubmissionError) as caught:
        read_uploaded_submission(name, b"{oops", catalog)
    assert caught.value.issues[0].file == label
