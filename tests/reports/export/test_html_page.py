"""The learner's HTML page: learner text escaped, nothing loaded from outside, pictures with alt text and tables."""

from __future__ import annotations

from pathlib import Path

from bmc_course.formats.submission import Submission
from bmc_course.logic.canvas_block import build_canvas_block
from bmc_course.model.catalog import Catalog
from bmc_course.reports.export import export
from bmc_course.reports.export.html_page import render_html
from tests.support.hostile_submission import HOSTILE
from tests.support.html_tags import TagCollector


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


def test_every_learner_text_and_finding_is_on_the_page_as_text(
    catalog: Catalog, hostile: Submission
) -> None:
    block = build_canvas_block(hostile, catalog)
    page = render_html(block, hostile, catalog)
    parser = TagCollector()
    parser.feed(page)
    text = " ".join(" ".join(parser.text).split())
    assert "Shop <b>bold</b> & co" in text
    for item in block.segments:
        assert item.segment.name in text
        for name in item.relationship_names:
            assert name in text
        for finding in item.findings:
            assert " ".join(finding.message.split()) in text
    assert [tag for tag, _ in parser.tags].count("img") == 2
    assert "@media print" in page  # printable on paper, not only on screen
