"""Acquire, retain, grow: goals per segment, what the mix covers, the chart and the gaps."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from bmc_course import charts
from bmc_course.logic.checks import covered_motivations
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.chart_view import ChartView
from bmc_course.widgets.findings_panel import FindingsPanel
from bmc_course.widgets.html_fragments import esc, heading, message_box
from bmc_course.widgets.mix_over_time_view import MixOverTime
from bmc_course.widgets.state_view import StateView, StatusLine, ViewGroup
from bmc_course.widgets.toggles import labelled_toggle


def lifecycle_chart(course_state: CourseState, *, with_style: bool = True) -> ChartView:
    """Which lifecycle motivations each segment's mix covers."""
    catalog = course_state.catalog
    return ChartView(
        course_state,
        title="Lifecycle coverage per segment",
        explanation="Which of acquisition, retention and boosting sales your chosen types work on.",
        draw=lambda: charts.plot_lifecycle_coverage(catalog, course_state.segments),
        tabulate=lambda: charts.table_lifecycle_coverage(catalog, course_state.segments),
        css_class="bmc-chart-lifecycle",
        with_style=with_style,
    )


class LifecycleGoals(StateView):
    """Per segment: tick the goals; see which ones the chosen types cover."""

    def __init__(self, course_state: CourseState, *, with_style: bool = True) -> None:
        super().__init__(course_state, css_class="bmc-lifecycle-goals", with_style=with_style)
        self._syncing = False
        self.status = StatusLine()
        self.rows: dict[str, tuple[widgets.HTML, dict[str, widgets.Checkbox]]] = {}
        self.rows_box = widgets.VBox()
        catalog = course_state.catalog
        intro = "".join(
            f'<div class="bmc-card"><div class="bmc-card-title">{esc(m.name)}</div>'
            f'<p>{esc(m.explanation)}</p><p class="bmc-muted">Example: {esc(m.example)}</p></div>'
            for m in catalog.motivations.values()
        )
        self._set_body(
            widgets.HTML(
                heading("Acquire, retain, grow", 4) + f'<div class="bmc-card-grid">{intro}</div>'
            ),
            widgets.HTML(
                heading(
                    "Goals per segment",
                    4,
                    sub="Tick what the relationships should do for each segment; ✓/✗ shows "
                    "what your chosen types cover.",
                )
            ),
            self.rows_box,
            self.status,
        )
        self.refresh()

    def refresh(self, change: Change | None = None) -> None:
        """Match rows to segments, tick boxes to the state, coverage marks to the mix."""
        self.redraw_count += 1
        catalog = self.course_state.catalog
        segments = self.course_state.segments
        if [s.id for s in segments] != list(self.rows):
            self._rebuild([s.id for s in segments])
        if not segments:
            self.rows_box.children = [
                widgets.HTML(message_box("No segments yet: add one in the segment picker.", "info"))
            ]
            return
        self._syncing = True
        try:
            for segment in segments:
                label, boxes = self.rows[segment.id]
                covered = covered_motivations(segment, catalog)
                marks = " · ".join(
                    f"{'✓' if m in covered else '✗'} {esc(entry.name)}"
                    for m, entry in catalog.motivations.items()
                )
                label.value = (
                    f"<strong>{esc(segment.name)}</strong>"
                    f'<br><span class="bmc-muted">Covered by your mix: {marks}</span>'
                )
                for motivation_id, box in boxes.items():
                    box.value = motivation_id in segment.motivations
        finally:
            self._syncing = False

    def _rebuild(self, segment_ids: list[str]) -> None:
        catalog = self.course_state.catalog
        for label, boxes in self.rows.values():
            label.close()
            for box in boxes.values():
                box.close()
        self.rows = {}
        children = []
        for segment_id in segment_ids:
            label = widgets.HTML(layout=widgets.Layout(width="32em"))
            boxes = {}
            for motivation_id, entry in catalog.motivations.items():
                box = labelled_toggle(
                    f"Aim at {entry.name.lower()}", "bmc-motivation-toggle", motivation_id
                )
                box.segment_id = segment_id
                box.observe(self._on_goal_toggled, names="value")
                boxes[motivation_id] = box
            self.rows[segment_id] = (label, boxes)
            row = widgets.HBox([label, *boxes.values()])
            row.add_class("bmc-row")
            row.add_class("bmc-segment-row")
            children.append(row)
        self.rows_box.children = children

    def _on_goal_toggled(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        segment_id = change["owner"].segment_id
        _label, boxes = self.rows[segment_id]
        wanted = [m for m, box in boxes.items() if box.value]
        with self.status.reporting():
            self.course_state.set_motivations(segment_id, wanted)


class LifecycleView(ViewGroup):
    """Goals per segment, the coverage chart, the lifecycle findings and the mix over time."""

    def __init__(self, course_state: CourseState) -> None:
        self.goals = LifecycleGoals(course_state, with_style=False)
        self.chart = lifecycle_chart(course_state, with_style=False)
        self.findings = FindingsPanel(
            course_state,
            codes={"lifecycle_gap"},
            title="Lifecycle gaps",
            explanation="Goals no chosen type serves, and motivations nothing in the mix works on.",
            with_style=False,
        )
        self.over_time = MixOverTime(course_state, with_style=False)
        super().__init__(
            [self.goals, self.chart, self.findings, self.over_time], css_class="bmc-lifecycle"
        )
