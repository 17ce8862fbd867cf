"""Choose, per segment, which relationship types serve it, for what share of its customers,
and which lifecycle goals it has.

One segment at a time (a dropdown): six type cards, each with a checkbox and,
once chosen, a share slider (the part of the segment's customers served that
way in a year), and three lifecycle checkboxes. Every tick and slide calls the
state; the cards, sliders and the summary (cost per customer from the economic
model, against gross profit) are then redrawn from the state, so what you see
is what is saved.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from bmc_course.formats.submission import SegmentChoice
from bmc_course.logic.economics import SegmentEconomics, business_economics
from bmc_course.logic.wording import percent, share_of_customers
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.html_fragments import esc, heading, message_box, money
from bmc_course.widgets.state_view import StateView, StatusLine
from bmc_course.widgets.toggles import labelled_toggle
from bmc_course.widgets.type_card import type_card_html

GRID_LAYOUT = {"grid_template_columns": "repeat(auto-fill, minmax(300px, 1fr))", "width": "100%"}

# Asked beside every chosen type; the answer is saved with the mix and handed in.
REASON_PROMPT = "Why this type for these customers? What will make them stay?"

# The share slider's stops, in percent: 1%, then every 5%, so the arrow keys walk
# 1 → 5 → 10 → … → 100 and back, one stop at a time (Page Up/Down: five stops).
SHARE_STOPS = (1, *range(5, 101, 5))


def share_label(share: float) -> str:
    """A share as the slider shows it: ``0.25`` → ``25%``, ``0.333`` → ``33.3%``."""
    return f"{share * 100:.3g}%"


def share_options(current: float | None = None) -> list[tuple[str, float]]:
    """The slider's stops; a share read from a file that is not a stop is shown as it is."""
    values = [stop / 100 for stop in SHARE_STOPS]
    if current is not None and current not in values:
        values = sorted([*values, current])
    return [(share_label(value), value) for value in values]


def mix_names(segment: SegmentChoice, names: dict[str, str]) -> list[str]:
    """``Self-service (all)``, ``Personal assistance (10%)``; channel words as written."""
    return [
        f"{names[r.type]} ({share_of_customers(r.share)})" if r.type in names else r.type
        for r in segment.relationships
    ]


def type_cost_html(economics: SegmentEconomics, type_id: str) -> str:
    """What one type of the mix costs per customer of the segment, split running / set-up."""
    cost = economics.cost_of(type_id)
    if cost is None:
        return ""
    return (
        f'<p class="bmc-muted bmc-type-cost">About <strong>{money(cost.per_customer)}</strong> '
        f"per customer of this segment a year: {money(cost.running_per_customer)} running "
        f"+ {money(cost.setup_per_customer)} its part of the set-up.</p>"
    )


def economics_html(economics: SegmentEconomics, revenue_label: str, funder: str | None) -> str:
    """The segment's relationship cost against its gross profit, in a sentence or two."""
    e = economics
    f = e.figures
    if funder is not None:
        return (
            f"<p>Relationship cost (illustrative): about <strong>{money(e.own_cost_per_customer)}"
            f"</strong> per customer a year, paid for by <strong>{esc(funder)}</strong>: the cost "
            "is judged there, per paying customer.</p>"
        )
    margin_from = "the archetype's default" if f.margin_from == "archetype" else "your figure"
    years_from = "the archetype's default" if f.years_from == "archetype" else "your figure"
    profit = (
        f"<strong>{money(e.gross_profit_per_customer)}</strong> gross profit per customer "
        f"({esc(revenue_label)} {money(f.revenue_per_customer)} × {f.gross_margin:.0%} margin, "
        f"{margin_from})"
    )
    if not e.types and not e.carried:
        cost = f"No relationship chosen yet, so no relationship cost against the {profit}."
    else:
        split = (
            f"{money(e.running_cost_per_customer)} running + "
            f"{money(e.setup_cost_per_customer)} its part of the set-ups"
        )
        if e.carried:
            split += f" + {money(e.carried_cost_per_customer)} for the free segments it pays for"
        ratio = e.cost_share_of_gross_profit
        against = (
            f"<strong>{esc(percent(ratio))}</strong> of the {profit}"
            if ratio is not None and e.gross_profit_per_customer > 0
            else f"against no gross profit at all ({esc(revenue_label)} "
            f"{money(f.revenue_per_customer)} × {f.gross_margin:.0%} margin)"
        )
        cost = (
            f"Relationship cost (illustrative): about <strong>{money(e.cost_per_customer)}"
            f"</strong> per customer a year ({split}), {against}."
        )
    return (
        f"<p>{cost}</p>"
        f'<p class="bmc-muted">Lifetime value: {money(e.lifetime_value)} '
        f"({money(e.gross_profit_per_customer)} × {f.customer_years:g} years a customer "
        f"stays, {years_from}).</p>"
    )


class RelationshipPicker(StateView):
    """Type cards with a toggle and a share slider each, plus lifecycle goals, for one segment."""

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
        self.share_sliders: dict[str, widgets.SelectionSlider] = {}
        self.type_costs: dict[str, widgets.HTML] = {}
        self.type_reasons: dict[str, widgets.Text] = {}
        boxes = [self._type_box(type_id, rtype.name) for type_id, rtype in catalog.types.items()]
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
        self._shown_channels: list[str] = []
        self.editor = widgets.VBox(
            [
                self.segment_summary,
                self.channel_entries,
                widgets.HTML(
                    heading(
                        "Relationship types",
                        4,
                        sub="Tick each type this segment gets, then say what share of its "
                        "customers use it in a year (a help desk open to all but used by one "
                        "customer in ten: 10%).",
                    )
                ),
                self.type_grid,
                self.status,
                self.motivations_box,
            ]
        )
        self._set_body(self.segment_select, self.empty, self.editor)
        self._rebuild_segment_options(prefer=segment_id)
        self.refresh()

    def _type_box(self, type_id: str, name: str) -> widgets.VBox:
        """One type's card, toggle, share slider, cost line and reason (hidden until chosen)."""
        card = widgets.HTML()
        toggle = labelled_toggle(f"Use {name.lower()} for this segment", "bmc-type-toggle", type_id)
        toggle.observe(self._on_type_toggled, names="value")
        slider = widgets.SelectionSlider(
            options=share_options(),
            value=1.0,
            description="Share of customers served this way",
            continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        slider.add_class("bmc-share-slider")
        slider.add_class(f"bmc-share-slider-{type_id}")
        slider.observe(self._on_share_moved, names="value")
        cost = widgets.HTML()
        cost.add_class("bmc-type-cost-line")
        reason = widgets.Text(
            description="Why",
            placeholder=REASON_PROMPT,
            continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        reason.add_class("bmc-type-reason")
        reason.add_class(f"bmc-type-reason-{type_id}")
        reason.observe(self._on_reason_typed, names="value")
        self.type_cards[type_id] = card
        self.type_toggles[type_id] = toggle
        self.share_sliders[type_id] = slider
        self.type_costs[type_id] = cost
        self.type_reasons[type_id] = reason
        box = widgets.VBox([card, toggle, slider, cost, reason])
        box.add_class("bmc-type-box")
        return box

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
        """Redraw the cards, tick boxes, sliders and the summary from the state."""
        self.redraw_count += 1
        if change is None or change.kind in ("segments", "segment", "all"):
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
        segments = self.course_state.segments
        segment = next(s for s in segments if s.id == segment_id)
        economics = business_economics(segments, catalog).segment(segment_id)
        self._syncing = True
        try:
            for type_id, rtype in catalog.types.items():
                chosen = type_id in segment.type_ids
                html = type_card_html(rtype, catalog, chosen=chosen, compact=self.compact)
                if self.type_cards[type_id].value != html:
                    self.type_cards[type_id].value = html
                self.type_toggles[type_id].value = chosen
                self._show_share(type_id, segment.share_of(type_id) if chosen else None)
                self.type_costs[type_id].value = type_cost_html(economics, type_id)
                reason = self.type_reasons[type_id]
                reason.layout.display = None if chosen else "none"
                reason.value = next(
                    (r.notes for r in segment.relationships if r.type == type_id), ""
                )
            for motivation_id, toggle in self.motivation_toggles.items():
                toggle.value = motivation_id in segment.motivations
        finally:
            self._syncing = False
        self.segment_summary.value = self._summary_html(segment, segments, economics)
        self._show_channel_entries(segment.type_ids)

    def _show_share(self, type_id: str, share: float | None) -> None:
        """The type's slider at the saved share; hidden while the type is not chosen."""
        slider = self.share_sliders[type_id]
        slider.layout.display = None if share is not None else "none"
        if share is None:
            return
        options = share_options(share)
        if [value for _, value in slider.options] != [value for _, value in options]:
            slider.options = options  # resets the selection, so the value is set after
        slider.value = share

    def _summary_html(
        self, segment: SegmentChoice, segments: list[SegmentChoice], economics: SegmentEconomics
    ) -> str:
        catalog = self.course_state.catalog
        archetype = catalog.archetypes.get(segment.archetype)
        expects = (
            f"<p><strong>{esc(archetype.name)}</strong> typically expect: {esc(archetype.expects)}</p>"
            if archetype
            else ""
        )
        names = mix_names(segment, {t: r.name for t, r in catalog.types.items()})
        funder = next((s.name for s in segments if s.id == segment.funded_by), None)
        label = archetype.revenue_label if archetype else "revenue per customer"
        return (
            f'<div class="bmc-card">{expects}'
            f"<p>Current mix: <strong>{esc(', '.join(names) or 'nothing chosen yet')}</strong></p>"
            f"{economics_html(economics, label, funder)}</div>"
        )

    def _show_channel_entries(self, entries: list[str]) -> None:
        """Entries that are not type ids (a channel named as a relationship), each removable."""
        catalog = self.course_state.catalog
        others = [r for r in entries if r not in catalog.types]
        if others == self._shown_channels:
            return
        self._shown_channels = others
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
        old = self.channel_entries.children
        self.channel_entries.children = rows
        for row in old:
            for child in row.children:
                child.close()
            row.close()

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

    def _on_share_moved(self, change: dict[str, Any]) -> None:
        if self._syncing or self.segment_id is None:
            return
        type_id = next(t for t, s in self.share_sliders.items() if s is change["owner"])
        self.status.clear()
        with self.status.reporting():
            self.course_state.set_share(self.segment_id, type_id, float(change["new"]))

    def _on_reason_typed(self, change: dict[str, Any]) -> None:
        if self._syncing or self.segment_id is None:
            return
        type_id = next(t for t, box in self.type_reasons.items() if box is change["owner"])
        self.status.clear()
        with self.status.reporting():
            self.course_state.set_type_notes(self.segment_id, type_id, str(change["new"]))

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
                self.segment_id, [r for r in segment.type_ids if r != button.entry]
            )
