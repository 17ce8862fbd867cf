"""Intake: whatever students hand in, every file is summarised or rejected with one reason."""

from __future__ import annotations

import gc
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest

from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom import intake as intake_module
from bmc_course.reports.classroom.intake import (
    SYMLINK,
    VANISHED,
    Accepted,
    Rejected,
    list_entries,
    printable_name,
    read_folder,
)
from tests.support.classroom_corpus import add_symlink_out, make_submission, write_class
from tests.support.folder_snapshot import snapshot

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links, pipes and permissions")


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def submission_dict(
    catalog: Catalog, learner: str, seed: int = 1, **changes: object
) -> dict[str, Any]:
    return make_submission(catalog, random.Random(seed), learner).to_json_dict() | changes


@pytest.fixture
def class_folder(tmp_path: Path, catalog: Catalog) -> tuple[Path, dict[str, str]]:
    """20 valid submissions, every broken kind of file, and, where the system allows,
    links out of the folder and a named pipe. Returns the expected reason pieces."""
    folder = tmp_path / "class"
    expected = write_class(folder, catalog, valid=20)
    (folder / "handed-in-wrong" / "huge.json").write_bytes(b"{" + b" " * 1_100_000 + b"}")
    expected["handed-in-wrong/huge.json"] = "too large"
    outside = tmp_path / "secret.json"
    write_json(outside, submission_dict(catalog, "Someone outside the class"))
    link = add_symlink_out(folder, outside)
    if link:
        expected[link] = "symbolic link"
        (folder / "link-to-folder").symlink_to(tmp_path, target_is_directory=True)
        expected["link-to-folder"] = "symbolic link"
        (folder / "dangling.json").symlink_to(tmp_path / "nothing-here.json")
        expected["dangling.json"] = "symbolic link"
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.json")
        expected["pipe.json"] = "not a regular file"
    return folder, expected


def test_every_broken_file_is_rejected_with_its_reason(
    class_folder: tuple[Path, dict[str, str]], catalog: Catalog
) -> None:
    folder, expected = class_folder
    intake = read_folder(folder, catalog)
    assert len(intake.accepted) == 20
    assert not intake.duplicates
    reasons = {r.file: r.reason for r in intake.rejected}
    assert sorted(reasons) == sorted(expected)
    assert len(intake.rejected) == len(expected)
    for name, piece in expected.items():
        assert piece in reasons[name], (name, reasons[name])
        assert "\n" not in reasons[name]  # one line each
    assert [r.file for r in intake.rejected] == sorted(reasons)  # stable order for reports
    assert intake.files_seen == 20 + len(expected)


def test_links_out_of_the_folder_are_never_followed(
    class_folder: tuple[Path, dict[str, str]], catalog: Catalog
) -> None:
    folder, expected = class_folder
    if "handed-in-wrong/outside.json" not in expected:
        pytest.skip("this system does not allow symbolic links")
    intake = read_folder(folder, catalog)
    learners = {a.submission.learner for a in intake.accepted}
    assert "Someone outside the class" not in learners  # the linked file was not read
    assert not any(a.file.startswith("link-to-folder/") for a in intake.accepted)
    assert {r.reason for r in intake.rejected if "link" in r.file or "outside" in r.file} == {
        SYMLINK
    }


def test_the_folder_is_never_modified(
    class_folder: tuple[Path, dict[str, str]], catalog: Catalog
) -> None:
    folder, _ = class_folder
    before = snapshot(folder)
    read_folder(folder, catalog)
    read_folder(folder, catalog, include="*.json", max_bytes=10)
    assert snapshot(folder) == before


def test_a_file_deleted_during_the_scan_is_reported(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=4, with_broken=False)
    names, _ = list_entries(folder)
    doomed = names[2]
    real_read_entry = intake_module.read_entry

    def read_and_delete(where: Path, name: str, catalog: Catalog, *, max_bytes: int) -> object:
        if name == names[1]:  # the scan has listed everything; a learner deletes a file now
            (where / doomed).unlink()
        return real_read_entry(where, name, catalog, max_bytes=max_bytes)

    monkeypatch.setattr(intake_module, "read_entry", read_and_delete)
    intake = read_folder(folder, catalog)
    assert intake.rejected == [Rejected(doomed, VANISHED)]
    assert len(intake.accepted) == 3


def test_a_file_that_vanishes_between_listing_and_opening_is_reported(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=2, with_broken=False)
    real_open = os.open

    def open_after_delete(path: str, flags: int, *args: int) -> int:
        if str(path).endswith("learner-00001.json"):
            Path(path).unlink()
        return real_open(path, flags, *args)

    monkeypatch.setattr("bmc_course.reports.classroom.intake.os.open", open_after_delete)
    intake = read_folder(folder, catalog)
    assert [(r.file, r.reason) for r in intake.rejected] == [
        ("group-1/learner-00001.json", VANISHED)
    ]


def test_the_size_limit_is_configurable(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=3, with_broken=False)
    sizes = sorted(p.stat().st_size for p in folder.rglob("*.json"))
    intake = read_folder(folder, catalog, max_bytes=sizes[1])  # the two smallest fit exactly
    assert len(intake.accepted) == 2
    assert [r.reason.split(":")[0] for r in intake.rejected] == ["too large"]
    assert f"the limit is {sizes[1]:,}" in intake.rejected[0].reason
    assert not read_folder(folder, catalog, max_bytes=100).accepted


def test_a_byte_order_mark_is_not_held_against_a_learner(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    text = json.dumps(submission_dict(catalog, "Notepad user"))
    (folder / "bom.json").write_bytes(b"\xef\xbb\xbf" + text.encode())
    intake = read_folder(folder, catalog)
    assert [a.submission.learner for a in intake.accepted] == ["Notepad user"]


def test_the_newest_submission_of_a_learner_is_kept(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    write_json(
        folder / "a-v1.json", submission_dict(catalog, "Ana", saved_at="2026-01-01T10:00:00+00:00")
    )
    write_json(
        folder / "a-v2.json", submission_dict(catalog, " ana ", saved_at="2026-02-01T10:00:00Z")
    )
    # 09:00 in UTC+05:00 is 04:00 UTC: older than a-v2, although it sorts later as text
    write_json(
        folder / "a-v3.json", submission_dict(catalog, "ANA", saved_at="2026-02-01T09:00:00+05:00")
    )
    write_json(folder / "a-v4.json", submission_dict(catalog, "Ana", saved_at="last tuesday"))
    write_json(folder / "no-name-1.json", submission_dict(catalog, ""))
    write_json(folder / "no-name-2.json", submission_dict(catalog, ""))
    intake = read_folder(folder, catalog)
    assert [a.file for a in intake.accepted] == ["a-v2.json", "no-name-1.json", "no-name-2.json"]
    assert [(d.file, d.kept) for d in intake.duplicates] == [
        ("a-v1.json", "a-v2.json"),
        ("a-v3.json", "a-v2.json"),
        ("a-v4.json", "a-v2.json"),
    ]
    assert intake.files_seen == 6


def test_hidden_folders_are_skipped_and_include_filters_names(
    tmp_path: Path, catalog: Catalog
) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=3, with_broken=False)
    (folder / "00_welcome.ipynb").write_text("{}", encoding="utf-8")
    write_json(folder / ".ipynb_checkpoints" / "learner-checkpoint.json", {})
    everything = read_folder(folder, catalog)
    assert [r.file for r in everything.rejected] == ["00_welcome.ipynb"]
    only_json = read_folder(folder, catalog, include="*.json")
    assert len(only_json.accepted) == 3 and not only_json.rejected


@posix_only
def test_unreadable_files_and_folders_are_rejected_not_fatal(
    tmp_path: Path, catalog: Catalog
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads everything")
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=1, with_broken=False)
    locked = folder / "locked.json"
    write_json(locked, submission_dict(catalog, "Locked"))
    locked_folder = folder / "locked-folder"
    write_json(locked_folder / "inside.json", submission_dict(catalog, "Inside"))
    locked.chmod(0)
    locked_folder.chmod(0)
    try:
        intake = read_folder(folder, catalog)
    finally:
        locked.chmod(0o600)
        locked_folder.chmod(0o700)
    reasons = {r.file: r.reason for r in intake.rejected}
    assert reasons == {
        "locked.json": "cannot be read: Permission denied",
        "locked-folder/": "a folder that cannot be read: Permission denied",
    }
    assert len(intake.accepted) == 1


def test_progress_is_reported_per_file(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    expected = write_class(folder, catalog, valid=5)
    calls: list[tuple[int, int]] = []
    read_folder(folder, catalog, progress=lambda done, total: calls.append((done, total)))
    total = 5 + len(expected)
    assert calls == [(done, total) for done in range(1, total + 1)]


def test_reading_leaves_the_cycle_collector_as_it_was(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=2)
    assert gc.isenabled()
    read_folder(folder, catalog)
    assert gc.isenabled()
    gc.disable()
    try:
        read_folder(folder, catalog)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_accepted_submissions_are_the_parsed_files(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    data = submission_dict(catalog, "Ana", extra_field={"kept": True})
    write_json(folder / "ana.json", data)
    [accepted] = read_folder(folder, catalog).accepted
    assert isinstance(accepted, Accepted) and accepted.file == "ana.json"
    assert accepted.submission.to_json_dict() == data  # unknown fields kept


def test_permission_errors_are_rejections_even_for_root(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as above, by making the system calls fail (root can read anything)."""
    folder = tmp_path / "class"
    write_class(folder, catalog, valid=2, with_broken=False)
    real_open, real_scandir = os.open, os.scandir

    def refusing_open(path: str, flags: int, *args: int) -> int:
        if str(path).endswith("learner-00001.json"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, flags, *args)

    def refusing_scandir(path: str) -> object:
        if str(path).rstrip("/").endswith("group-0"):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr("bmc_course.reports.classroom.intake.os.open", refusing_open)
    monkeypatch.setattr("bmc_course.reports.classroom.intake.os.scandir", refusing_scandir)
    intake = read_folder(folder, catalog)
    assert [(r.file, r.reason) for r in intake.rejected] == [
        ("group-0/", "a folder that cannot be read: Permission denied"),
        ("group-1/learner-00001.json", "cannot be read: Permission denied"),
    ]
    assert not intake.accepted


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("ada.json", "ada.json"),
        ("caf\udce9.json", "caf\ufffd.json"),
        ("ümlaut.json", "ümlaut.json"),
    ],
)
def test_names_are_made_printable_for_reports(name: str, shown: str) -> None:
    assert printable_name(name) == shown
