"""Exports: every format written atomically, PNG and JSON as they should be, unknown formats refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bmc_course.formats.submission import Submission, parse_submission
from bmc_course.model.catalog import Catalog
from bmc_course.reports.export import EXPORT_FORMATS, export


def test_every_format_is_written(tmp_path: Path, catalog: Catalog, hostile: Submission) -> None:
    for fmt in EXPORT_FORMATS:
        path = export(hostile, catalog, fmt, tmp_path / f"block.{fmt}")
        assert path.stat().st_size > 100
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"block.{fmt}" for fmt in EXPORT_FORMATS
    )  # no temp files left behind


def test_png_is_a_picture(tmp_path: Path, catalog: Catalog, hostile: Submission) -> None:
    data = export(hostile, catalog, "png", tmp_path / "b.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert width == 1500 and 300 < height < 3000


def test_json_round_trips_with_unknown_fields(
    tmp_path: Path, catalog: Catalog, hostile: Submission
) -> None:
    raw = hostile.to_json_dict()
    raw["teacher_note"] = "kept"
    submission = parse_submission(raw, file="x")
    path = export(submission, catalog, "json", tmp_path / "b.json")
    again = parse_submission(json.loads(path.read_text(encoding="utf-8")), file=str(path))
    assert again.to_json_dict() == submission.to_json_dict()
    assert again.to_json_dict()["teacher_note"] == "kept"


def test_unknown_format_is_refused(tmp_path: Path, catalog: Catalog, hostile: Submission) -> None:
    with pytest.raises(ValueError, match="expected an export format"):
        export(hostile, catalog, "docx", tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()
