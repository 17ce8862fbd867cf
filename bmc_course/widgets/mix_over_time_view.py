"""Plan how one segment's mix changes from launch to growth to a mature market.

One segment at a time: three columns of tick boxes (the six types per stage),
a line per stage saying what it adds and drops and which goals its types work
on, and the mobile operators of the sources as an example. Saved with the
segment (``stages``) and handed in with the exports.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from bmc_course.formats.submission import STAGE_IDS
from bmc_course.logic.mix_over_time import STAGE_NAMES, STAGE_QUESTIONS, stage_plans
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.html_fragments import esc, heading, message_box
from bmc_course.widgets.state_view import StateView, StatusLine
from bmc_course.widgets.toggles import labelled_toggle

EXAMPLE = (
    "<strong>Example: mobile operators.</strong> At <em>launch</em> they signed subscribers up "
    "in shops, in person, with a free phone. While the market <em>grew</em>, automated "
    "services took over the routine (bills, top-ups, plan changes) so that shops could cope. "
    "In a <em>mature</em> market, where new subscribers can only be won from rivals, the weight "
    "moved to keeping customers and selling them more: self-service apps, help forums, offers "
    "tailored by automated services, and people kept for the moments that need them."
)


class MixOverTime(StateView):
    """Per segment and stage of its market, the relationship types the learner plans to use."""

    def __init__(self, course_state: CourseState, *, with_style: bool = True) -> None:
        super().__init__(course_state, css_class="bmc-mix-over-time", with_style=with_style)
        catalog = course_state.catalog
        self._syncing = False
        self.status = StatusLine()
        self.segment_select = widgets.Dropdown(
            description="Segment", style={"description_width": "initial"}
        )
        self.segment_select.add_class("bmc-stage-segment")
        self.segment_select.observe(self._on_segment_selected, names="value")
        self.stage_toggles: dict[str, dict[str, widgets.Checkbox]] = {}
        self.stage_notes: dict[str, widgets.HTML] = {}
        columns = []
        for stage in STAGE_IDS:
            toggles = {}
            for type_id, rtype in catalog.types.items():
                toggle = labelled_toggle(rtype.name, "bmc-stage-toggle", f"{stage}-{type_id}")
                toggle.stage = stage
                toggle.observe(self._on_toggled, names="value")
                toggles[type_id] = toggle
            self.stage_toggles[stage] = toggles
            note = widgets.HTML()
            note.add_class("bmc-stage-note")
            self.stage_notes[stage] = note
            column = widgets.VBox(
                [
                    widgets.HTML(heading(STAGE_NAMES[stage], 4, sub=STAGE_QUESTIONS[stage])),
                    *toggles.values(),
                    note,
                ],
                layout=widgets.Layout(flex="1 1 16em", min_width="16em", margin="0 8px 8px 0"),
            )
            column.add_class("bmc-card")
            column.add_class(f"bmc-stage-{stage}")
            columns.append(column)
        self.copy_button = widgets.Button(
            description="Start every stage from the current mix",
            layout=widgets.Layout(width="auto"),
        )
        self.copy_button.add_class("bmc-stage-copy")
        self.copy_button.on_click(self._on_copy_current)
        self.empty = widgets.HTML()
        self.editor = widgets.VBox(
            [
                self.segment_select,
                widgets.HBox(columns, layout=widgets.Layout(flex_flow="row wrap")),
                self.copy_button,
                self.status,
            ]
        )
        self._set_body(
            widgets.HTML(
                heading(
                    "Relationships over time",
                    4,
                    sub="The mix that wins the first customers is rarely the one that keeps "
                    "them once the market is mature. Plan the three stages for each segment.",
                )
                + f'<p class="bmc-card">{EXAMPLE}</p>'
            ),
            self.empty,
            self.editor,
        )
        self.refresh()

    @property
    def segment_id(self) -> str | None:
        """The segment being planned (``None`` when there are none)."""
        value = self.segment_select.value
        return str(value) if value is not None else None

    def refresh(self, change: Change | None = None) -> None:
        """Follow the segments, tick the chosen segment's stages, say what each changes."""
        self.redraw_count += 1
        segments = self.course_state.segments
        options = [(s.name, s.id) for s in segments]
        self._syncing = True
        try:
            if list(self.segment_select.options) != options:
                current = self.segment_select.value
                self.segment_select.options = options
                ids = [s.id for s in segments]
                self.segment_select.value = current if current in ids else next(iter(ids), None)
            segment = next((s for s in segments if s.id == self.segment_id), None)
            self.editor.layout.display = None if segment else "none"
            self.empty.value = (
                ""
                if segment
                else message_box("No segments yet: add one in the segment picker.", "info")
            )
            if segment is None:
                return
            for stage, toggles in self.stage_toggles.items():
                planned = segment.stages.get(stage, [])  # type: ignore[call-overload]
                for type_id, toggle in toggles.items():
                    toggle.value = type_id in planned
        finally:
            self._syncing = False
        ordered = stage_plans(segment, self.course_state.catalog)
        plans = {plan.stage: plan for plan in ordered}
        first = ordered[0].stage if ordered else None
        for stage, note in self.stage_notes.items():
            plan = plans.get(stage)
            against = "today's mix" if stage == first else "the stage before"
            note.value = (
                '<p class="bmc-muted">Not planned yet.</p>'
                if plan is None
                else f'<p class="bmc-muted">Compared with {against}: {esc(plan.change_line)}.<br>'
                f"Works on: {esc(', '.join(plan.goals) or 'no goal yet')}.</p>"
            )

    def _on_segment_selected(self, _change: dict[str, Any]) -> None:
        if not self._syncing:
            self.status.clear()
            self.refresh()

    def _on_toggled(self, change: dict[str, Any]) -> None:
        if self._syncing or self.segment_id is None:
            return
        stage = change["owner"].stage
        chosen = [t for t, box in self.stage_toggles[stage].items() if box.value]
        self.status.clear()
        with self.status.reporting():
            self.course_state.set_stage(self.segment_id, stage, chosen)

    def _on_copy_current(self, _button: widgets.Button) -> None:
        if self.segment_id is None:
            return
        current = self.course_state.segment(self.segment_id).type_ids
        known = [t for t in current if t in self.course_state.catalog.types]
        self.status.clear()
        with self.status.reporting(), self.course_state.batch():
            for stage in STAGE_IDS:
                self.course_state.set_stage(self.segment_id, stage, known)
            self.status.ok("Every stage starts from today's mix: now change what each stage needs.")
