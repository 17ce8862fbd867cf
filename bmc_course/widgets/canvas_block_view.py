"""The learner's Customer Relationships block, and the canvas around it.

The summary is built by :func:`bmc_course.logic.canvas_block.build_canvas_block`
(the same data the exports and ``bmc-course review`` use); the blocks around it
by :func:`bmc_course.logic.canvas_around_block.canvas_around`. Exporting is in
:mod:`bmc_course.widgets.hand_in_view`, at the end of the notebook.
"""

from __future__ import annotations

import ipywidgets as widgets

from bmc_course.logic.canvas_around_block import CanvasAround, canvas_around
from bmc_course.logic.canvas_block import CanvasBlock, SegmentBlock, build_canvas_block
from bmc_course.model.catalog import Catalog
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.findings_panel import summary_line
from bmc_course.widgets.html_fragments import (
    count,
    esc,
    message_box,
    money,
    revenue_description,
    severity_badge,
)
from bmc_course.widgets.state_view import EVERY_CHANGE, StateView


def segment_block_html(
    item: SegmentBlock, revenue_label: str = "yearly revenue per customer"
) -> str:
    """One segment of the block: offer, numbers, mix with reasons, economics, notes, lifecycle,
    the plan over time and the findings with the learner's answers (all escaped)."""
    s = item.segment
    findings = "".join(
        f"<li>{severity_badge(e.finding.severity)} {esc(e.finding.message)}"
        + (
            f'<br><span class="bmc-finding-answer"><strong>Answered:</strong> {esc(e.answer)}</span>'
            if e.answer
            else ""
        )
        + "</li>"
        for e in item.finding_entries
    )
    mix = "".join(
        f"<li>{esc(m.label)}"
        + (f' — <span class="bmc-muted">why: {esc(m.reason)}</span>' if m.reason else "")
        + "</li>"
        for m in item.mix
    )
    stages = "".join(
        f"<li><strong>{esc(p.name)}:</strong> {esc(', '.join(p.types) or 'nothing')} "
        f'<span class="bmc-muted">({esc(p.change_line)})</span></li>'
        for p in item.stages
    )
    offer = (
        f'<p class="bmc-block-offer"><strong>Offer:</strong> {esc(item.value_proposition)}</p>'
        if item.value_proposition
        else ""
    )
    notes = (
        f'<p class="bmc-block-notes"><strong>Notes:</strong> {esc(item.notes)}</p>'
        if item.notes
        else ""
    )
    return (
        f'<div class="bmc-card bmc-block-segment" data-segment="{esc(s.id)}">'
        f'<div class="bmc-card-title">{esc(s.name)} <span class="bmc-muted">{esc(item.archetype_name)}</span></div>'
        + offer
        + f"<p>{count(s.customers)} customers · {esc(revenue_label)} {money(s.revenue_per_customer)} · "
        f"{'validated' if s.validated else 'not yet validated'}</p>"
        + (
            f'<p><strong>Relationships:</strong></p><ul class="bmc-list bmc-block-mix">{mix}</ul>'
            if mix
            else "<p><strong>Relationships:</strong> none chosen yet</p>"
        )
        + f'<p class="bmc-block-cost">{esc(item.cost_line)}</p>'
        f"<p><strong>Lifecycle covered:</strong> {esc(', '.join(item.covered) or 'nothing yet')}</p>"
        + (
            f'<p><strong>Over time:</strong></p><ul class="bmc-list bmc-block-stages">{stages}</ul>'
            if stages
            else ""
        )
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
        f'<p class="bmc-summary-line">{esc(summary_line(block.findings, block.answered))}</p>'
        f'<div class="bmc-card-grid">{segments}</div>{quiz}'
    )


def canvas_around_html(around: CanvasAround) -> str:
    """The blocks around Customer Relationships, each line saying which choice asks for it."""
    cards = []
    for block in around.blocks:
        lines = "".join(
            f'<li>{esc(need.text)} <span class="bmc-muted">({esc(need.because)})</span></li>'
            for need in block.lines
        )
        body = (
            f'<ul class="bmc-list">{lines}</ul>'
            if lines
            else '<p class="bmc-muted">Nothing yet: choose relationships for your segments.</p>'
        )
        cards.append(
            f'<div class="bmc-card bmc-around-block"><div class="bmc-card-title">'
            f'{esc(block.name)}</div><p class="bmc-muted">{esc(block.question)}</p>{body}</div>'
        )
    return (
        '<h3 class="bmc-heading">Your canvas around this block</h3>'
        '<p class="bmc-muted">Relationships are never chosen alone: each asks something of the '
        "blocks around it. This is what your choices ask for; check it against the rest of your "
        "canvas.</p>"
        f'<div class="bmc-card-grid">{"".join(cards)}</div>'
    )


class CanvasBlockView(StateView):
    """Summary of the learner's block and of the canvas around it (exports: :class:`HandInView`)."""

    REDRAW_ON = EVERY_CHANGE

    def __init__(self, course_state: CourseState, *, with_style: bool = True) -> None:
        super().__init__(course_state, css_class="bmc-canvas-block", with_style=with_style)
        self.summary = widgets.HTML()
        self.summary.add_class("bmc-block-summary")
        self.around = widgets.HTML()
        self.around.add_class("bmc-canvas-around")
        self._set_body(self.summary, self.around)
        self.refresh()

    def refresh(self, change: Change | None = None) -> None:
        """Rebuild the summary and the canvas around it from the state."""
        self.redraw_count += 1
        catalog = self.course_state.catalog
        block = build_canvas_block(self.course_state.submission, catalog)
        self.summary.value = canvas_block_html(block, catalog)
        self.around.value = canvas_around_html(canvas_around(self.course_state.segments, catalog))
