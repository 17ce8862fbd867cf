"""The class summary as one self-contained HTML page: projector-readable, printable, offline.

Charts are embedded as data-URI PNGs with alt text and the same numbers in a
table; every piece of learner text is escaped; the per-learner table sorts on
a click of its headers (a few lines of inline script, no library, no request).
"""

from __future__ import annotations

from html import escape

from bmc_course.charts.class_choices import plot_class_choices, table_class_choices
from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.summary import ClassSummary
from bmc_course.reports.export.html_page import figure_data_uri

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 19px;
       line-height: 1.45; color: #1a1a1a; max-width: 75rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 2.1rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #0072B2; }
.counts { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }
.counts li { border: 2px solid #0072B2; border-radius: 8px; padding: 0.4rem 1rem; }
.counts strong { font-size: 1.6rem; display: block; }
table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.95rem; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; }
th button::after { content: " ⇅"; color: #666; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
.note { color: #555; font-size: 0.85rem; }
.bar { background: #0072B2; height: 0.8em; display: inline-block; vertical-align: middle; }
@media print { body { font-size: 11pt; max-width: none; } h2 { break-after: avoid; }
  table, figure { break-inside: avoid; } th button::after { content: ""; } }
"""

# Sorts the table whose header button was pressed: numbers numerically, text alphabetically.
_SORT_SCRIPT = """
document.querySelectorAll("table.sortable th button").forEach(function (button, column) {
  button.addEventListener("click", function () {
    var table = button.closest("table"), body = table.tBodies[0];
    var index = Array.prototype.indexOf.call(button.closest("tr").children, button.closest("th"));
    var up = button.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th button").forEach(function (b) { b.removeAttribute("aria-sort"); });
    button.setAttribute("aria-sort", up ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-sort"), y = b.cells[index].getAttribute("data-sort");
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return up ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
"""


def _cell(value: object, *, numeric: bool = False) -> str:
    text = escape(str(value))
    css = ' class="num"' if numeric else ""
    return f'<td{css} data-sort="{text}">{text}</td>'


def _table(headers: list[str], rows: list[list[str]], *, sortable: bool = False) -> str:
    head = "".join(
        f'<th scope="col"><button type="button">{escape(h)}</button></th>'
        if sortable
        else f'<th scope="col">{escape(h)}</th>'
        for h in headers
    )
    body = "".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    css = ' class="sortable"' if sortable else ""
    return f"<table{css}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_class_report(summary: ClassSummary, catalog: Catalog) -> str:
    """The whole report as one HTML string."""
    learners = len(summary.learners)
    body = [
        "<h1>Class summary: Customer Relationships</h1>",
        f'<p class="note">Folder: {escape(summary.folder)}</p>',
        '<ul class="counts">'
        + "".join(
            f"<li><strong>{value}</strong>{escape(label)}</li>"
            for value, label in (
                (learners, "learners"),
                (summary.segments, "segments"),
                (summary.accepted, "files summarised"),
                (len(summary.rejected), "files rejected"),
                (len(summary.duplicates), "older duplicates"),
            )
        )
        + "</ul>",
        "<h2>What the class chose, per segment archetype</h2>",
    ]
    table = table_class_choices(catalog, summary.by_archetype)
    alt = "Grouped bars: for each segment archetype, how many segments chose each relationship type. The same numbers are in the table below."
    body.append(
        f'<figure><img src="{figure_data_uri(plot_class_choices(catalog, summary.by_archetype))}" '
        f'alt="{escape(alt)}"><figcaption>{escape(alt)}</figcaption></figure>'
    )
    body.append(table.to_html(index=False, escape=True, border=0))
    body.append("<h2>Most frequent findings (where the reasoning breaks)</h2>")
    if summary.findings:
        body.append(
            _table(
                ["finding", "learners", "times", "for example"],
                [
                    [
                        _cell(f.code),
                        _cell(f.learners, numeric=True),
                        _cell(f.occurrences, numeric=True),
                        _cell(", ".join(f.examples)),
                    ]
                    for f in summary.findings
                ],
            )
        )
    else:
        body.append("<p>No findings: every accepted submission passes the checks.</p>")
    body.append("<h2>Knowledge checks: share correct per question (weakest first)</h2>")
    if summary.quiz:
        rows = []
        for q in summary.quiz:
            share = q.share_correct or 0.0
            rows.append(
                [
                    _cell(q.lesson_id),
                    _cell(q.prompt),
                    _cell(f"{q.correct}/{q.answered}", numeric=True),
                    f'<td class="num" data-sort="{share:.4f}">{share:.0%} '
                    f'<span class="bar" style="width:{share * 6:.2f}em" aria-hidden="true"></span></td>',
                ]
            )
        body.append(_table(["lesson", "question", "correct", "share"], rows))
    else:
        body.append("<p>No knowledge-check answers in the accepted submissions.</p>")
    body.append("<h2>Learners (click a column to sort)</h2>")
    body.append(
        _table(
            ["learner", "file", "segments", "relationship types", "findings", "problems", "quiz"],
            [
                [
                    _cell(r.learner or "(no name)"),
                    _cell(r.file),
                    _cell(r.segments, numeric=True),
                    _cell(", ".join(r.types) or "—"),
                    _cell(r.findings, numeric=True),
                    _cell(r.problems, numeric=True),
                    f'<td class="num" data-sort="{r.quiz_correct}">{r.quiz_correct}/{r.quiz_answered}</td>',
                ]
                for r in summary.learners
            ],
            sortable=True,
        )
    )
    body.append(
        f"<h2>Files not summarised ({len(summary.rejected) + len(summary.duplicates)})</h2>"
    )
    rows = [[_cell(f), _cell(reason)] for f, reason in summary.rejected]
    rows += [
        [_cell(f), _cell(f"an older submission of {learner}; kept {kept}")]
        for f, learner, kept in summary.duplicates
    ]
    body.append(_table(["file", "reason"], rows) if rows else "<p>None.</p>")
    body.append(
        '<p class="note">Costs and findings rest on the course\'s illustrative teaching '
        "assumptions. Made with bmc-course.</p>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        "<title>Class summary: Customer Relationships</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f"\n<script>{_SORT_SCRIPT}</script>\n</body>\n</html>\n"
    )
