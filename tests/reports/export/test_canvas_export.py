"""Exports: each format written; HTML self-contained with learner text escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bmc_course.formats.submission import Submission, parse_submission, submission_from_case
from bmc_course.model.catalog import Catalog
from bmc_course.reports.export import EXPORT_FORMATS, export
from tests.support.html_tags import TagCollector

HOSTILE = '<img src=x onerror=alert(1)> <script>alert("x")</script>'


@pytest.fixture
def hostile(catalog: Catalog) -> Submission:
    submission = submission_from_case(catalog.cases["online-retailer"])
    submission.learner = HOSTILE
    submission.business = "Shop <b>bold</b> & co"
    submission.segments[0].name = "<i>Shoppers</i>"
    return submission


def test_every_format_is_written(tmp_path: Path, catalog: Catalog, hostile: Submission) -> None:
    for fmt in EXPORT_FORMATS:
        path = export(hostile, catalog, fmt, tmp_path / f"block.{fmt}")
        assert path.stat().st_size > 100
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"block.{fmt}" for fmt in EXPORT_FORMATS
    )  # no temp files left behind


def test_html_escapes_learner_text_and_loads_nothing(
    tmp_path: Path, catalog: Catalog, hostile: Submission
) -> None:
    page = export(hostile, catalog, "html", tmp_path / "b.html").read_text(encoding="utf-8")
    parser = TagCollector()
    parser.feed(page)
    tag_names = {tag for tag, _ in parser.tags}
    assert "script" not in tag_names and "b" not in tag_names and "i" not in tag_names
    images = [attrs for tag, attrs in parser.tags if tag == "img"]
    assert len(images) == 2
    assert all((attrs["src"] or "").startswith("data:image/png;base64,") for attrs in images)
    assert all(attrs.get("alt") for attrs in images)
    assert not any("onerror" in attrs for _, attrs in parser.tags)
    text = "".join(parser.text)
    assert HOSTILE in text and "<i>Shoppers</i>" in text
    assert "http://" not in page and "https://" not in page
    assert "<table" in page  # the chart's numbers as a table beside it
    assert "revenue_cost_imbalance" not in page and "relationships cost about" in page


def test_markdown_keeps_learner_text_literal(
    tmp_path: Path, catalog: Catalog, hostile: Submission
) -> None:
    text = export(hostile, catalog, "md", tmp_path / "b.md").read_text(encoding="utf-8")
    assert text.startswith("# Customer Relationships — Shop \\<b\\>bold\\</b\\> & co")
    assert "## \\<i\\>Shoppers\\</i\\>" in text
    assert "**problem** `revenue_cost_imbalance`" in text
    assert "### Assumptions to test" in text


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
