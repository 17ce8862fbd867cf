"""The class summary as one self-contained HTML page: projector-readable, printable, offline.

Charts are embedded as data-URI PNGs with alt text and the same numbers in a
table; the per-learner table sorts on a click of its headers (a few lines of
inline script, no library, no request). Findings, lessons, types and
archetypes are named in words, never by id; "What the learners wrote" shows
every value proposition, reason per type, note, answer to a finding and plan
over time. The page is ``templates/class_report.html.j2``, rendered with
autoescape on, so every piece of learner text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from markupsafe import Markup

from bmc_course.charts.class_choices import plot_class_choices, table_class_choices
from bmc_course.charts.figure_data_uri import figure_data_uri
from bmc_course.logic.wording import finding_title, utc_minute
from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.summary import ClassSummary, SegmentReasons
from bmc_course.reports.html_table import Cell, HtmlTable
from bmc_course.reports.templating import render

PAGE_TEMPLATE = "class_report.html.j2"
CHOICES_ALT = (
    "Grouped bars: for each segment archetype, how many segments chose each relationship "
    "type. The same numbers are in the table below."
)
# The quiz share as a bar beside its number (the number is the label; the bar is decoration).
_SHARE_BAR = Markup('{} <span class="bar" style="width:{}em" aria-hidden="true"></span>')


@dataclass(frozen=True)
class _Chart:
    src: str  # PNG data URI
    alt: str


def _cell(value: object, *, numeric: bool = False) -> Cell:
    """A cell that sorts on its own text (numbers right-aligned)."""
    return Cell(value, css_class="num" if numeric else "", sort_key=value)


def _share_cell(share: float) -> Cell:
    """A quiz share: its percentage with a bar beside it, sorting on the share itself."""
    return Cell(
        _SHARE_BAR.format(f"{share:.0%}", f"{share * 6:.2f}"),
        css_class="num",
        sort_key=f"{share:.4f}",
    )


def _lines(items: Iterable[str]) -> Markup:
    """Several pieces of text in one cell, one per line, each escaped."""
    return Markup("<br>").join(items)


def _reasons_row(r: SegmentReasons) -> list[object]:
    return [
        _cell(r.learner or "(no name)"),
        _cell(f"{r.segment} ({r.archetype})"),
        r.value_proposition,
        _lines(f"{label} — why: {why}" if why else label for label, why in r.mix),
        r.notes,
        _lines(f"{title}: {answer}" for title, answer in r.answers),
        r.stages,
    ]


def render_class_report(
    summary: ClassSummary, catalog: Catalog, *, made_at: datetime | None = None
) -> str:
    """The whole report as one HTML string; ``made_at`` (default: now) is printed under the title."""
    lessons = {lesson_id: lesson.title for lesson_id, lesson in catalog.lessons.items()}
    findings = HtmlTable(
        ["finding", "learners", "times", "for example"],
        [
            [
                _cell(finding_title(f.code)),
                _cell(f.learners, numeric=True),
                _cell(f.occurrences, numeric=True),
                _cell(", ".join(f.examples)),
            ]
            for f in summary.findings
        ],
    )
    quiz = HtmlTable(
        ["lesson", "question", "correct", "share"],
        [
            [
                _cell(lessons.get(q.lesson_id, q.lesson_id)),
                _cell(q.prompt),
                _cell(f"{q.correct}/{q.answered}", numeric=True),
                _share_cell(q.share_correct or 0.0),
            ]
            for q in summary.quiz
        ],
    )
    learners = HtmlTable(
        ["learner", "file", "segments", "relationship types", "findings", "problems", "quiz"],
        [
            [
                _cell(r.learner or "(no name)"),
                _cell(r.file),
                _cell(r.segments, numeric=True),
                _cell(", ".join(r.types) or "—"),
                _cell(r.findings, numeric=True),
                _cell(r.problems, numeric=True),
                Cell(
                    f"{r.quiz_correct}/{r.quiz_answered}", css_class="num", sort_key=r.quiz_correct
                ),
            ]
            for r in summary.learners
        ],
        sortable=True,
    )
    not_summarised = [[_cell(f), _cell(reason)] for f, reason in summary.rejected]
    not_summarised += [
        [_cell(f), _cell(f"an older submission of {learner}; kept {kept}")]
        for f, learner, kept in summary.duplicates
    ]
    reasons = HtmlTable(
        [
            "learner",
            "segment",
            "value proposition",
            "relationships and why",
            "notes",
            "answers to findings",
            "over the market's life",
        ],
        [_reasons_row(r) for r in summary.reasons],
        css_class="reasons",
    )
    return render(
        PAGE_TEMPLATE,
        folder=summary.folder,
        made=f"Made {utc_minute(made_at or datetime.now(UTC))}",
        reasons_table=reasons if summary.reasons else None,
        counts=[
            (len(summary.learners), "learners"),
            (summary.segments, "segments"),
            (summary.accepted, "files summarised"),
            (len(summary.rejected), "files rejected"),
            (len(summary.duplicates), "older duplicates"),
        ],
        choices_chart=_Chart(
            figure_data_uri(plot_class_choices(catalog, summary.by_archetype)), CHOICES_ALT
        ),
        choices_table=HtmlTable.from_frame(table_class_choices(catalog, summary.by_archetype)),
        findings_table=findings if summary.findings else None,
        quiz_table=quiz if summary.quiz else None,
        learners_table=learners,
        not_summarised_count=len(not_summarised),
        not_summarised_table=HtmlTable(["file", "reason"], not_summarised)
        if not_summarised
        else None,
    )
