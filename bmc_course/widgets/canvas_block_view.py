"""The learner's Customer Relationships block: a summary, and export buttons.

The summary is built by :func:`bmc_course.logic.canvas_block.build_canvas_block`
(the same data the exports and ``bmc-course review`` use). Each export button
writes one file into the workspace folder and shows where it went.
"""

from __future__ import annotations

import re
from pathlib import Path

import ipywidgets as widgets

from bmc_course.logic.canvas_block import CanvasBlock, SegmentBlock, build_canvas_block
from bmc_course.model.catalog import Catalog
from bmc_course.model.input_errors import InputError
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.findings_panel import summary_line
from bmc_course.widgets.html_fragments import (
    count,
    esc,
    heading,
    message_box,
    money,
    revenue_description,
    severity_badge,
)
from bmc_course.widgets.state_view import EVERY_CHANGE, StateView, StatusLine, one_line

EXPORT_FORMATS = {
    "md": ("Markdown", "a text file you can read or paste anywhere"),
    "html": ("Web page", "one self-contained HTML file"),
    "png": ("Picture", "a PNG image of your block"),
    "json": ("Submission", "the JSON file your teacher collects"),
}


def export_file_name(learner: str, fmt: str) -> str:
    """``customer-relationships-<learner>.<fmt>`` (a safe slug of the learner's name)."""
    slug = re.sub(r"[^a-z0-9]+", "-", learner.lower()).strip("-")[:40]
    return f"customer-relationships{'-' + slug if slug else ''}.{fmt}"


def segment_block_html(
    item: SegmentBlock, revenue_label: str = "yearly revenue per customer"
) -> str:
    """One segment of the block: numbers, mix, economics, notes, lifecycle and findings (escaped)."""
    s = item.segment
    findings = "".join(
        f"<li>{severity_badge(f.severity)} {esc(f.message)}</li>" for f in item.findings
    )
    notes = (
        f'<p class="bmc-block-notes"><strong>Notes:</strong> {esc(s.notes)}</p>'
        if s.notes.strip()
        else ""
    )
    return (
        f'<div class="bmc-card bmc-block-segment" data-segment="{esc(s.id)}">'
        f'<div class="bmc-card-title">{esc(s.name)} <span class="bmc-muted">{esc(item.archetype_name)}</span></div>'
        f"<p>{count(s.customers)} customers · {esc(revenue_label)} {money(s.revenue_per_customer)} · "
        f"{'validated' if s.validated else 'not yet validated'}</p>"
        f"<p><strong>Relationships:</strong> {esc(', '.join(item.relationship_names) or 'none chosen yet')}</p>"
        f'<p class="bmc-block-cost">{esc(item.cost_line)}</p>'
        f"<p><strong>Lifecycle covered:</strong> {esc(', '.join(item.covered) or 'nothing yet')}</p>"
        + notes
        + (f'<ul class="bmc-list bmc-block-findings">{findings}</ul>' if findings else "")
        + "</div>"
    )


def canvas_block_html(block: CanvasBlock, catalog: Catalog) -> str:
    """The whole block as HTML."""
    who = f" — by {esc(block.learner)}" if block.learner else ""
    segments = "".join(
        segment_block_html(
            item, revenue_description(catalog.archetypes.get(item.segment.archetype)).lower()
        )
        for item in block.segments
    )
    quiz = (
        f"<p>Knowledge checks: {block.quiz_correct} of {block.quiz_answered} correct.</p>"
        if block.quiz_answered
        else ""
    )
    if not segments:
        segments = message_box("No segments yet: your block is empty.", "info")
    return (
        f'<h3 class="bmc-heading">Customer Relationships: {esc(block.business or "your business")}{who}</h3>'
        f'<p class="bmc-summary-line">{esc(summary_line(block.findings))}</p>'
        f'<div class="bmc-card-grid">{segments}</div>{quiz}'
    )


class CanvasBlockView(StateView):
    """Summary of the learner's block plus export to Markdown, HTML, PNG and JSON."""

    REDRAW_ON = EVERY_CHANGE

    def __init__(
        self, course_state: CourseState, workspace: Path, *, with_style: bool = True
    ) -> None:
        super().__init__(course_state, css_class="bmc-canvas-block", with_style=with_style)
        self.workspace = workspace
        self.summary = widgets.HTML()
        self.summary.add_class("bmc-block-summary")
        self.status = StatusLine()
        self.status.add_class("bmc-export-status")
        self.written: dict[str, Path] = {}
        self.export_buttons: dict[str, widgets.Button] = {}
        for fmt, (label, what) in EXPORT_FORMATS.items():
            button = widgets.Button(
                description=f"Export {label} (.{fmt})",
                tooltip=f"Write {what} into {workspace}",
                layout=widgets.Layout(width="auto"),
            )
            button.add_class("bmc-export")
            button.add_class(f"bmc-export-{fmt}")
            button.export_format = fmt
            button.on_click(self._on_export)
            self.export_buttons[fmt] = button
        self._set_body(
            self.summary,
            widgets.HTML(
                heading(
                    "Export your block",
                    4,
                    sub=f"Files are written into your workspace folder: {workspace}",
                )
            ),
            widgets.HBox(
                list(self.export_buttons.values()), layout=widgets.Layout(flex_flow="row wrap")
            ),
            self.status,
        )
        self.refresh()

    def refresh(self, change: Change | None = None) -> None:
        """Rebuild the summary from the state."""
        self.redraw_count += 1
        block = build_canvas_block(self.course_state.submission, self.course_state.catalog)
        self.summary.value = canvas_block_html(block, self.course_state.catalog)

    def export(self, fmt: str) -> Path:
        """Write the block in one format into the workspace; return the path."""
        from bmc_course.reports.export import export  # matplotlib/pandas only when exporting

        path = self.workspace / export_file_name(self.course_state.learner, fmt)
        export(self.course_state.stamped_submission(), self.course_state.catalog, fmt, path)
        self.written[fmt] = path
        return path

    def _on_export(self, button: widgets.Button) -> None:
        fmt = button.export_format
        self.status.info(f"Writing the {EXPORT_FORMATS[fmt][0].lower()} file…")
        try:
            path = self.export(fmt)
        except (OSError, ValueError, InputError) as error:
            self.status.error(f"Could not export .{fmt}: {one_line(error)}")
            return
        size = path.stat().st_size
        self.status.ok(f"Wrote {path} ({size:,} bytes).")
