"""The learner's HTML page: learner text escaped, nothing loaded from outside, pictures with alt
text and tables, a sane headline, the learner's reasons, plain words and one number format,
ready to print."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from bmc_course.formats.submission import Submission
from bmc_course.logic.canvas_block import build_canvas_block
from bmc_course.model.catalog import Catalog
from bmc_course.reports.export import export
from bmc_course.reports.export.html_page import render_html
from tests.support.hostile_submission import HOSTILE
from tests.support.html_tags import TagCollector
from tests.support.reasons_submission import (
    ANSWER,
    AUTOMATED_WHY,
    FORMULA,
    NOTES,
    OLD_ANSWER,
    SCRIPT,
    SELF_SERVICE_WHY,
    VALUE_PROPOSITION,
    reasons_submission,
)

WHEN = datetime(2026, 12, 2, 10, 15, tzinfo=UTC)


def page_of(catalog: Catalog, submission: Submission) -> tuple[str, TagCollector]:
    page = render_html(
        build_canvas_block(submission, catalog), submission, catalog, exported_at=WHEN
    )
    parser = TagCollector()
    parser.feed(page)
    return page, parser


def text_of(parser: TagCollector) -> str:
    return " ".join("".join(parser.text).split())


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
    # nothing is loaded: no src or stylesheet outside the page; the only address is a link
    # to a source in the footer
    assert not [a for t, a in parser.tags if t in ("link", "iframe", "object", "embed", "script")]
    assert not [a for _, a in parser.tags if str(a.get("src") or "data:").find("data:") != 0]
    links = [a["href"] for t, a in parser.tags if t == "a"]
    assert links == ["https://www.strategyzer.com/canvas/business-model-canvas"]
    assert "default-src 'none'" in page  # the Content-Security-Policy blocks any request
    assert "<table" in page  # the chart's numbers as a table beside it
    assert "revenue_cost_imbalance" not in page and "relationships cost about" in page


def test_every_learner_text_and_finding_is_on_the_page_as_text(
    catalog: Catalog, hostile: Submission
) -> None:
    block = build_canvas_block(hostile, catalog)
    page, parser = page_of(catalog, hostile)
    text = text_of(parser)
    assert "Shop <b>bold</b> & co" in text
    for item in block.segments:
        assert item.segment.name in text
        for name in item.relationship_names:
            assert name in text
        for finding in item.findings:
            assert " ".join(finding.message.split()) in text
    assert [tag for tag, _ in parser.tags].count("img") == 2
    assert "@media print" in page  # printable on paper, not only on screen


def test_the_headline_is_the_learner_and_the_block_and_the_business_a_paragraph(
    catalog: Catalog,
) -> None:
    submission = reasons_submission(catalog)
    page, parser = page_of(catalog, submission)
    title = "Ada &lt;script&gt;alert(&#39;why&#39;)&lt;/script&gt; — Customer Relationships"
    assert re.findall(r"<title>(.*?)</title>", page) == [title]
    assert re.findall(r"<h1>(.*?)</h1>", page) == [title]  # one short headline
    # the business (a whole sentence) is a paragraph under it, never in the headline
    assert (f'<p class="business"><strong>Business:</strong> {submission.business}</p>') in page
    assert "Exported 2026-12-02 10:15 UTC" in text_of(parser)


def test_the_learners_reasons_are_on_the_page_escaped(catalog: Catalog) -> None:
    page, parser = page_of(catalog, reasons_submission(catalog))
    text = text_of(parser)
    for reason in (VALUE_PROPOSITION, NOTES, ANSWER, OLD_ANSWER, AUTOMATED_WHY):
        assert reason in text, reason
    assert f"Self-service (all) — why: {SELF_SERVICE_WHY}" in text
    assert FORMULA in text  # shown as written: a web page runs no formulas
    assert [t for t, _ in parser.tags].count("script") == 0  # SCRIPT is text, never a tag
    assert SCRIPT not in page
    # the answered finding is listed, marked answered, with its answer
    assert "Warning — Human fallback ✓ answered: Individual athletes" in text
    assert f"Answered: {ANSWER}" in text
    assert "Over-serving ✓ answered (no longer raised)" in text
    assert f"Answered: {OLD_ANSWER}" in text
    assert (
        "Over the market's life: Launch: Personal assistance; Growth: Personal assistance, "
        "Self-service; Mature market: Self-service, Communities"
    ) in text
    assert "No findings for this segment." in text


def test_plain_words_and_one_number_format(catalog: Catalog) -> None:
    page, parser = page_of(catalog, reasons_submission(catalog))
    text = text_of(parser)
    for code in ("no_human_fallback", "self_service", "mass_market", "mvp"):
        assert code not in text
    assert "minimum viable product" in text
    # the teams: 8,000 revenue, 3,200 gross profit; never "8000.0" or "8,000.00"
    assert "revenue 8,000 per customer a year" in text
    cells = [
        " ".join(row.split())
        for row in re.findall(r"<tr>(.*?)</tr>", page, flags=re.S)
        if "Teams, schools and stores" in row
    ]
    assert len(cells) == 1 and "<td>8,000</td>" in cells[0] and "<td>3,200</td>" in cells[0]
    before_sources = text.split("Sources", 1)[0]  # a licence is "CC BY-SA 3.0"
    assert not re.search(r"\b\d+\.0\b|\d,\d{3}\.00", before_sources)


def test_the_page_prints_black_on_white_with_a_page_per_segment(catalog: Catalog) -> None:
    page, parser = page_of(catalog, reasons_submission(catalog))
    print_rules = page.split("@media print {", 1)[1].split("\n}\n", 1)[0]
    assert "background: #fff !important" in print_rules and "color: #000 !important" in print_rules
    assert "position: static !important" in print_rules  # nothing sticky on paper
    assert ".segment, .around { break-before: page;" in print_rules
    assert [a.get("class") for t, a in parser.tags if t == "section"][:2] == [
        "segment",
        "segment",
    ]


def test_sources_in_the_footer(catalog: Catalog) -> None:
    page, _ = page_of(catalog, Submission())
    footer = page.split("<footer>", 1)[1]
    assert "<h2>Sources</h2>" in footer
    assert "Alexander Osterwalder and Yves Pigneur, Business Model Generation (2010)" in footer
    assert footer.count("<li>") == len(catalog.sources)


def test_the_canvas_around_the_block_is_on_the_page(catalog: Catalog) -> None:
    page, parser = page_of(catalog, reasons_submission(catalog))
    text = text_of(parser)
    assert "Your canvas around this block" in text
    assert "Key Resources" in text and "Cost Structure" in text
    assert f"{VALUE_PROPOSITION} — for Individual athletes" in text
    assert [a.get("class") for t, a in parser.tags if t == "section"] == [
        "segment",
        "segment",
        "around",
    ]
    assert ".segment, .around { break-before: page;" in page
