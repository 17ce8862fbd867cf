"""The HTML class report: learner text shown as text, one self-contained printable page."""

from __future__ import annotations

from pathlib import Path

from bmc_course.formats.submission import Submission
from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.intake import read_folder
from bmc_course.reports.classroom.report_html import render_class_report
from bmc_course.reports.classroom.summary import summarise
from tests.support.html_tags import TagCollector
from tests.support.small_class import HOSTILE_NAME


def test_html_report_shows_learner_text_as_text(
    small_class: tuple[Path, list[Submission]], catalog: Catalog
) -> None:
    folder, _ = small_class
    page = render_class_report(summarise(read_folder(folder, catalog), catalog), catalog)
    parser = TagCollector()
    parser.feed(page)
    # the learner called <img src=x onerror=alert(1)> is a table cell's text, not an image
    assert not [a for t, a in parser.tags if t == "img" and a.get("src") == "x"]
    assert not [a for _, a in parser.tags if "onerror" in a]
    assert HOSTILE_NAME in parser.text
    assert "<b>scan.pdf" in parser.text
    assert [t for t, _ in parser.tags].count("b") == 0


def test_html_report_is_self_contained_printable_and_sortable(
    small_class: tuple[Path, list[Submission]], catalog: Catalog
) -> None:
    folder, _ = small_class
    page = render_class_report(summarise(read_folder(folder, catalog), catalog), catalog)
    parser = TagCollector()
    parser.feed(page)
    images = [a for t, a in parser.tags if t == "img"]
    assert images and all(str(a["src"]).startswith("data:image/png;base64,") for a in images)
    assert all(a.get("alt") for a in images)  # every chart has a text alternative
    assert not [t for t, _ in parser.tags if t in ("link", "iframe", "object", "embed")]
    assert not [a for t, a in parser.tags if t == "script" and "src" in a]
    assert [t for t, _ in parser.tags].count("script") == 1  # the table sorter
    assert "http://" not in page and "https://" not in page
    assert "@media print" in page and "font-size: 19px" in page
    assert ("table", {"class": "sortable"}) in parser.tags
    assert [t for t, _ in parser.tags].count("table") >= 4  # choices, findings, quiz, learners
