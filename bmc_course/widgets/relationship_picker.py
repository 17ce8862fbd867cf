"""Choose, per segment, which relationship types serve it and which lifecycle goals it has.

One segment at a time (a dropdown): six type cards, each with a checkbox, and
three lifecycle checkboxes. Every tick calls the state; the cards and
checkboxes are then redrawn from the state, so what you see is what is saved.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from bmc_course.logic.checks import relationship_cost_per_customer
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.html_fragments import esc, heading, message_box, money
from bmc_course.widgets.state_view import StateView, StatusLine
from bmc_course.widgets.toggles import labelled_toggle
from bmc_course.widgets.type_card import type_card_html

GRID_LAYOUT = {"grid_template_columns": "repeat(auto-fill, minmax(300px, 1fr))", "width": "100%"}


class RelationshipPicker(StateView):
    """Type cards with a toggle each, plus lifecycle goals, for the chosen segment."""

    def __init__(
        self,
        course_state: CourseState,
        *,
        segment_id: str | None = None,
        compact: bool = False,
        with_style: bool = True,
    ) -> None:
        super().__init__(course_state, css_class="bmc-relationship-picker", with_style=with_style)
        catalog = course_state.catalog
        self.compact = compact
        self._syncing = False
        self.status = StatusLine()
        self.empty = widgets.HTML()
        self.segment_select = widgets.Dropdown(
            description="Segment", style={"description_width": "initial"}
        )
        self.segment_select.add_class("bmc-segment-select")
        self.segment_select.observe(self._on_segment_selected, names="value")
        self.segment_summary = widgets.HTML()
        self.segment_summary.add_class("bmc-segment-summary")

        self.type_cards: dict[str, widgets.HTML] = {}
        self.type_toggles: dict[str, widgets.Checkbox] = {}
        boxes = []
        for type_id, rtype in catalog.types.items():
            card = widgets.HTML()
            toggle = labelled_toggle(
                f"Use {rtype.name.lower()} for this segment", "bmc-type-toggle", type_id
            )
            toggle.observe(self._on_type_toggled, names="value")
            self.type_cards[type_id] = card
            self.type_toggles[type_id] = toggle
            box = widgets.VBox([card, toggle])
            box.add_class("bmc-type-box")
            boxes.append(box)
        self.type_grid = widgets.GridBox(boxes, layout=widgets.Layout(**GRID_LAYOUT))
        self.type_grid.add_class("bmc-grid")

        self.motivation_toggles: dict[str, widgets.Checkbox] = {}
        for motivation_id, entry in catalog.motivations.items():
            toggle = labelled_toggle(
                f"Aim at {entry.name.lower()}", "bmc-motivation-toggle", motivation_id
            )
            toggle.observe(self._on_motivation_toggled, names="value")
            self.motivation_toggles[motivation_id] = toggle
        motivation_help = "".join(
            f"<li><strong>{esc(m.name)}</strong>: {esc(m.explanation)}</li>"
            for m in catalog.motivations.values()
        )
        self.motivations_box = widgets.VBox(
            [
                widgets.HTML(
                    heading(
                        "Lifecycle goals for this segment",
                        4,
                        sub="What should the relationships do for this segment?",
                    )
                    + f'<ul class="bmc-list">{motivation_help}</ul>'
                ),
                widgets.HBox(list(self.motivation_toggles.values())),
            ]
        )
        self.motivations_box.add_class("bmc-motivations-box")

        self.channel_entries = widgets.VBox()
        self.channel_entries.add_class("bmc-channel-entries")
        self.editor = widgets.VBox(
            [
                self.segment_summary,
                self.channel_entries,
                widgets.HTML(
                    heading("Relationship types", 4, sub="Tick each type this segment gets.")
                ),
                self.type_grid,
                self.motivations_box,
            ]
        )
        self._set_body(self.segment_select, self.status, self.empty, self.editor)
        self._rebuild_segment_options(prefer=segment_id)
        self.refresh()

    # -- reading the state ----------------------------------------------------------

    @property
    def segment_id(self) -> str | None:
        """The segment being edited (``None`` when there are no segments)."""
        value = self.segment_select.value
        return str(value) if value is not None else None

    def _rebuild_segment_options(self, prefer: str | None = None) -> None:
        segments = self.course_state.segments
        options = [(s.name, s.id) for s in segments]
        ids = [s.id for s in segments]
        current = prefer if prefer in ids else self.segment_select.value
        self._syncing = True
        try:
            if list(self.segment_select.options) != options:
                self.segment_select.options = options
            self.segment_select.value = current if current in ids else (ids[0] if ids else None)
        finally:
            self._syncing = False

    def refresh(self, change: Change | None = None) -> None:
        """Redraw the cards and tick boxes from the state."""
        self.redraw_count += 1
        if change is None or change.kind in ("segments", "all"):
            self._rebuild_segment_options()
        segment_id = self.segment_id
        if segment_id is None:
            self.empty.value = message_box(
                "No segments yet. Pick or name your customer segments first; then choose "
                "how to relate to each one here.",
                "info",
            )
            self.editor.layout.display = "none"
            self.segment_select.layout.display = "none"
            return
        self.empty.value = ""
        self.editor.layout.display = None
        self.segment_select.layout.display = None
        catalog = self.course_state.catalog
        segment = self.course_state.segment(segment_id)
        chosen = set(segment.relationships)
        self._syncing = True
        try:
            for type_id, rtype in catalog.types.items():
                html = type_card_html(
                    rtype, catalog, chosen=type_id in chosen, compact=self.compact
                )
                if self.type_cards[type_id].value != html:
                    self.type_cards[type_id].value = html
                self.type_toggles[type_id].value = type_id in chosen
            for motivation_id, toggle in self.motivation_toggles.items():
                toggle.value = motivation_id in segment.motivations
        finally:
            self._syncing = False
        archetype = catalog.archetypes.get(segment.archetype)
        names = [catalog.types[r].name for r in segment.relationships if r in catalog.types]
        cost = relationship_cost_per_customer(segment, catalog)
        expects = (
            f"<p><strong>{esc(archetype.name)}</strong> typically expect: {esc(archetype.expects)}</p>"
            if archetype
            else ""
        )
        self.segment_summary.value = (
            f'<div class="bmc-card">{expects}'
            f"<p>Current mix: <strong>{esc(', '.join(names) or 'nothing chosen yet')}</strong></p>"
            f"<p>Relationship cost (illustrative): about <strong>{money(cost)}</strong> per customer "
            f"a year, against revenue of <strong>{money(segment.revenue_per_customer)}</strong> "
            f"per customer a year.</p></div>"
        )
        self._show_channel_entries(segment.relationships)

    def _show_channel_entries(self, relationships: list[str]) -> None:
        """Entries that are not type ids (a channel named as a relationship), each removable."""
        catalog = self.course_state.catalog
        others = [r for r in relationships if r not in catalog.types]
        rows = []
        for entry in others:
            remove = widgets.Button(
                description=f"Remove '{entry}'",
                tooltip=f"Remove {entry!r} from this segment's relationships",
            )
            remove.add_class("bmc-remove-channel")
            remove.entry = entry
            remove.on_click(self._on_remove_channel)
            note = widgets.HTML(
                message_box(
                    f"'{entry}' is listed as a relationship, but it names a channel "
                    "(how you reach customers). See the findings for what to use instead.",
                    "warning",
                )
            )
            rows.append(widgets.HBox([note, remove], layout=widgets.Layout(align_items="center")))
        self.channel_entries.children = rows

    # -- learner actions ------------------------------------------------------------------

    def _on_segment_selected(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        self.status.clear()
        self.refresh(Change("segment", self.segment_id))

    def _on_type_toggled(self, change: dict[str, Any]) -> None:
        if self._syncing or self.segment_id is None:
            return
        type_id = next(t for t, box in self.type_toggles.items() if box is change["owner"])
        self.status.clear()
        with self.status.reporting():
            self.course_state.toggle_relationship(self.segment_id, type_id, bool(change["new"]))

    def _on_motivation_toggled(self, change: dict[str, Any]) -> None:
        if self._syncing or self.segment_id is None:
            return
        wanted = [m for m, box in self.motivation_toggles.items() if box.value]
        self.status.clear()
        with self.status.reporting():
            self.course_state.set_motivations(self.segment_id, wanted)

    def _on_remove_channel(self, button: widgets.Button) -> None:
        if self.segment_id is None:
            return
        segment = self.course_state.segment(self.segment_id)
        with self.status.reporting():
            self.course_state.set_relationships(
                self.segment_id, [r for r in segment.relationships if r != button.entry]
            )
