"""The HTML class report: learner text shown as text, one self-contained printable page."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bmc_course.formats.submission import Submission
from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.intake import read_folder
from bmc_course.reports.classroom.report_html import render_class_report
from bmc_course.reports.classroom.summary import summarise
from tests.support.html_tags import TagCollector
from tests.support.reasons_submission import (
    ANSWER,
    FORMULA,
    NOTES,
    OLD_ANSWER,
    SCRIPT,
    SELF_SERVICE_WHY,
    VALUE_PROPOSITION,
    reasons_submission,
)
from tests.support.small_class import HOSTILE_NAME, save


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


def test_html_report_names_findings_and_lessons_in_words(
    small_class: tuple[Path, list[Submission]], catalog: Catalog
) -> None:
    folder, _ = small_class
    page = render_class_report(
        summarise(read_folder(folder, catalog), catalog),
        catalog,
        made_at=datetime(2026, 12, 2, 10, 15, tzinfo=UTC),
    )
    parser = TagCollector()
    parser.feed(page)
    text = "".join(parser.text)
    for title in ("Cost vs gross profit", "Over-serving", "Human fallback", "Lifecycle"):
        assert title in text
    for code in ("revenue_cost_imbalance", "over_serving", "no_human_fallback", "mass_market"):
        assert code not in text
    assert catalog.lessons["welcome"].title in text
    assert "Made 2026-12-02 10:15 UTC" in text
    assert "No learner wrote a reason yet." in text


def test_html_report_shows_the_learners_reasons_escaped(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "class"
    save(folder, "ada.json", reasons_submission(catalog))
    page = render_class_report(summarise(read_folder(folder, catalog), catalog), catalog)
    parser = TagCollector()
    parser.feed(page)
    text = "".join(parser.text)
    assert [t for t, _ in parser.tags].count("script") == 1  # only the table sorter
    assert SCRIPT not in page
    for reason in (VALUE_PROPOSITION, NOTES, OLD_ANSWER, FORMULA):
        assert reason in text
    assert f"Self-service (all) — why: {SELF_SERVICE_WHY}" in text
    assert f"Human fallback: {ANSWER}" in text
    assert "Launch: Personal assistance; Growth: Personal assistance, Self-service" in text
    assert [a.get("class") for t, a in parser.tags if t == "table"].count("reasons") == 1
