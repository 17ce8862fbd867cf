"""Exports: every format written atomically and dated, PNG and JSON as they should be, unknown
formats refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bmc_course.formats.submission import Submission, parse_submission
from bmc_course.model.catalog import Catalog
from bmc_course.reports.export import EXPORT_FORMATS, export
from tests.support.reasons_submission import (
    ANSWER,
    AUTOMATED_WHY,
    NOTES,
    OLD_ANSWER,
    SELF_SERVICE_WHY,
    TEAMS_STAGES,
    VALUE_PROPOSITION,
    reasons_submission,
)


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
    path = export(submission, catalog, "json", tmp_path / "b.json", exported_at=WHEN)
    again = parse_submission(json.loads(path.read_text(encoding="utf-8")), file=str(path))
    # the same submission, plus when it was exported (a field like any other: kept on reading)
    assert again.to_json_dict() == {
        **submission.to_json_dict(),
        "exported_at": "2026-12-02T10:15:00+00:00",
    }
    assert again.to_json_dict()["teacher_note"] == "kept"


WHEN = datetime(2026, 12, 2, 11, 15, tzinfo=timezone(timedelta(hours=1)))  # 10:15 UTC


def test_every_text_export_says_when_it_was_made(
    tmp_path: Path, catalog: Catalog, hostile: Submission
) -> None:
    for fmt in ("md", "html"):
        text = export(hostile, catalog, fmt, tmp_path / f"b.{fmt}", exported_at=WHEN).read_text(
            encoding="utf-8"
        )
        assert "Exported 2026-12-02 10:15 UTC" in text, fmt
    before = datetime.now(UTC).replace(second=0, microsecond=0)
    text = export(hostile, catalog, "md", tmp_path / "now.md").read_text(encoding="utf-8")
    after = datetime.now(UTC)
    stamp = text.split("_Exported ", 1)[1].split(" UTC_", 1)[0]
    made = datetime.strptime(stamp, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
    assert before <= made <= after  # by default: the moment of the export


def test_unknown_format_is_refused(tmp_path: Path, catalog: Catalog, hostile: Submission) -> None:
    with pytest.raises(ValueError, match="expected an export format"):
        export(hostile, catalog, "docx", tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()


def test_the_json_hands_in_every_reason_as_written(tmp_path: Path, catalog: Catalog) -> None:
    submission = reasons_submission(catalog)
    path = export(submission, catalog, "json", tmp_path / "ada.json", exported_at=WHEN)
    athletes, teams = json.loads(path.read_text(encoding="utf-8"))["segments"]
    assert athletes["value_proposition"] == VALUE_PROPOSITION
    assert [r.get("notes") for r in athletes["relationships"]] == [SELF_SERVICE_WHY, AUTOMATED_WHY]
    assert athletes["notes"] == NOTES
    assert athletes["answers"] == {
        "no_human_fallback:self_service": ANSWER,
        "over_serving:self_service": OLD_ANSWER,
    }
    assert teams["stages"] == TEAMS_STAGES
