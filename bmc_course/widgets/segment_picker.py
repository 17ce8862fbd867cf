"""Pick the business's customer segments: from archetype cards, or named by the learner.

Three parts: archetype cards (what each segment typically expects and pays,
with an "add" button), an "add your own" form, and the list of current
segments with edit and remove. Refused input is shown in one line under the
form; removing a segment asks first, because its choices go with it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import ipywidgets as widgets

from bmc_course.formats.limits import MAX_CUSTOMERS, MAX_REVENUE_PER_CUSTOMER
from bmc_course.formats.submission import SegmentChoice
from bmc_course.logic.economics import figures_of
from bmc_course.logic.wording import in_sentence
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import Archetype
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.html_fragments import (
    bullet_list,
    count,
    esc,
    heading,
    money,
    revenue_description,
)
from bmc_course.widgets.state_view import StateView, StatusLine

GRID_LAYOUT = {"grid_template_columns": "repeat(auto-fill, minmax(260px, 1fr))", "width": "100%"}
# a form's buttons keep their whole label and move to a new line when the notebook is narrow
BUTTON_ROW_LAYOUT = {"flex_flow": "row wrap"}
BUTTON_LAYOUT = {"width": "auto", "min_width": "8em", "flex": "0 0 auto"}
# Labels at their natural width: a fixed width cut "Yearly revenue per customer" short.
LABEL_STYLE = {"description_width": "initial"}
FIELD_WIDTH = "min(34em, 100%)"
NOBODY = "nobody: pays its own way"
NOTES_CHARS_SHOWN = 160


def card_grid_layout(buttons: Iterable[widgets.Button]) -> dict[str, str]:
    """Card columns wide enough for the longest button label ("Add “Individual consumers
    (mass market)”" was cut at 260px); in ``ch``, so the columns grow with the text size."""
    widest = max((len(b.description) for b in buttons), default=0)
    return {
        **GRID_LAYOUT,
        "grid_template_columns": (
            f"repeat(auto-fill, minmax(min(100%, max(260px, {widest + 2}ch)), 1fr))"
        ),
    }


def number_text(value: float | None, *, scale: float = 1.0) -> str:
    """A number as a text field shows it (``None`` → empty): ``0.35`` with scale 100 → ``35``."""
    return "" if value is None else f"{value * scale:.10g}"


def parse_number(text: str, what: str) -> float | None:
    """A number typed by the learner (``1,500``, ``35%``); empty means "not given"."""
    cleaned = text.strip().removesuffix("%").replace(",", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"{what}: expected a number or nothing, found {text.strip()!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"{what}: expected a number or nothing, found {text.strip()!r}")
    return value


def parse_percent(text: str, what: str) -> float | None:
    """A percentage typed by the learner as a fraction (``35`` → ``0.35``); empty → ``None``."""
    value = parse_number(text, what)
    if value is None:
        return None
    if not 0 <= value <= 100:
        raise ValueError(f"{what}: expected a percentage from 0 to 100, found {text.strip()!r}")
    return value / 100


def funder_options(segment_id: str, segments: list[SegmentChoice]) -> list[tuple[str, str]]:
    """Who can pay for a segment: nobody, or another segment that is not itself funded."""
    options = [(NOBODY, "")]
    options += [(s.name, s.id) for s in segments if s.id != segment_id and s.funded_by is None]
    current = next((s for s in segments if s.id == segment_id), None)
    if (
        current is not None
        and current.funded_by
        and current.funded_by not in dict(options).values()
    ):
        options.append((current.funded_by, current.funded_by))  # as loaded, so it can be undone
    return options


def archetype_card_html(archetype: Archetype) -> str:
    """An archetype: name, description, what it expects, revenue band, examples."""
    band = archetype.revenue_band
    return (
        f'<div class="bmc-card bmc-archetype-card" data-archetype="{esc(archetype.id)}">'
        f'<div class="bmc-card-title">{esc(archetype.name)}</div>'
        f"<p>{esc(archetype.description)}</p>"
        f"<p><strong>Expects:</strong> {esc(archetype.expects)}</p>"
        f"<p><strong>{esc(revenue_description(archetype))}:</strong> {money(band.low)} to "
        f"{money(band.high)} (typically {money(band.typical)})</p>"
        f"<p><strong>Typical gross margin:</strong> {archetype.gross_margin:.0%} · "
        f"<strong>customers stay</strong> about {archetype.customer_years:g} years</p>"
        f'<div class="bmc-label">For example</div>{bullet_list(archetype.examples)}</div>'
    )


def segment_line_html(
    segment: SegmentChoice, segments: list[SegmentChoice], catalog: Catalog
) -> str:
    """One segment in the list: numbers, economics (defaults marked), funding, mix and notes."""
    archetype = catalog.archetypes.get(segment.archetype)
    figures = figures_of(segment, catalog)
    types = [catalog.types[r.type].name for r in segment.relationships if r.type in catalog.types]
    economics = [
        f"gross margin {figures.gross_margin:.0%}"
        + (" (typical)" if figures.margin_from == "archetype" else ""),
        f"customers stay {figures.customer_years:g} years"
        + (" (typical)" if figures.years_from == "archetype" else ""),
    ]
    if segment.acquisition_cost is not None:
        economics.append(f"{money(segment.acquisition_cost)} to win one customer")
    if segment.funded_by is not None:
        funder = next((s.name for s in segments if s.id == segment.funded_by), segment.funded_by)
        economics.append(f"paid for by {esc(funder)}")
    notes = _shortened(segment.notes)
    offer = _shortened(segment.value_proposition)
    return (
        f'<div class="bmc-segment-line"><strong>{esc(segment.name)}</strong> '
        f'<span class="bmc-muted">{esc(archetype.name if archetype else segment.archetype)}'
        f"</span><br>{count(segment.customers)} customers · "
        f"{esc(revenue_description(archetype).lower())} {money(segment.revenue_per_customer)} · "
        f"{'validated' if segment.validated else 'not yet validated'} · "
        f"relationships: {esc(', '.join(types) or 'none yet')}"
        f'<br><span class="bmc-muted">{" · ".join(economics)}</span>'
        + (
            f'<br><span class="bmc-muted bmc-segment-offer">Offer: {esc(offer)}</span>'
            if offer
            else ""
        )
        + (
            f'<br><span class="bmc-muted bmc-segment-notes">Notes: {esc(notes)}</span>'
            if notes
            else ""
        )
        + "</div>"
    )


def _shortened(text: str) -> str:
    """Learner text cut to what a list line shows (whole text stays in the form and exports)."""
    text = text.strip()
    return text if len(text) <= NOTES_CHARS_SHOWN else text[:NOTES_CHARS_SHOWN].rstrip() + "…"


class SegmentForm(widgets.VBox):
    """Name, closest archetype, revenue per customer, customers and "validated" inputs.

    With ``details`` (the edit form) also gross margin, years a customer stays,
    acquisition cost, who funds the segment and the learner's notes; blank
    numbers mean "the archetype's default" (shown as the placeholder).
    """

    def __init__(
        self,
        course_state: CourseState,
        *,
        submit_label: str,
        css_class: str,
        details: bool = False,
    ) -> None:
        super().__init__()
        self.add_class(css_class)
        catalog = course_state.catalog
        self._catalog = catalog
        self.details = details
        wide = widgets.Layout(width=FIELD_WIDTH)
        self.name = widgets.Text(
            description="Segment name",
            placeholder="e.g. Individual athletes",
            style=LABEL_STYLE,
            layout=wide,
        )
        self.name.add_class("bmc-segment-name")
        self.archetype = widgets.Dropdown(
            description="Closest archetype",
            options=[(a.name, a.id) for a in catalog.archetypes.values()],
            style=LABEL_STYLE,
            layout=widgets.Layout(width=FIELD_WIDTH),
        )
        self.archetype.add_class("bmc-segment-archetype")
        self.archetype.observe(self._on_archetype_chosen, names="value")
        self.revenue = widgets.BoundedFloatText(
            description="Yearly revenue per customer",
            min=0,
            max=MAX_REVENUE_PER_CUSTOMER,
            style=LABEL_STYLE,
            layout=widgets.Layout(width=FIELD_WIDTH),
        )
        self.revenue.add_class("bmc-segment-revenue")
        self.customers = widgets.BoundedIntText(
            description="Customers",
            value=1000,
            min=0,
            max=MAX_CUSTOMERS,
            style=LABEL_STYLE,
            layout=widgets.Layout(width=FIELD_WIDTH),
        )
        self.customers.add_class("bmc-segment-customers")
        self.validated = widgets.Checkbox(
            description="Validated with real customers already", indent=False
        )
        self.validated.add_class("bmc-segment-validated")

        self.gross_margin = self._text("Gross margin (%)", "bmc-segment-margin")
        self.customer_years = self._text("Years a customer stays", "bmc-segment-years")
        self.acquisition_cost = self._text("Cost to win one customer", "bmc-segment-acquisition")
        self.acquisition_cost.placeholder = "optional, e.g. 25"
        self.funded_by = widgets.Dropdown(
            description="Funded by",
            options=[(NOBODY, "")],
            value="",
            style=LABEL_STYLE,
            layout=widgets.Layout(width=FIELD_WIDTH),
        )
        self.funded_by.add_class("bmc-segment-funded-by")
        self.value_proposition = widgets.Text(
            description="What you offer them",
            placeholder="One line, e.g. boots that fit after a single fitting",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="100%"),
        )
        self.value_proposition.add_class("bmc-segment-value-proposition")
        self.notes = widgets.Textarea(
            description="Why (notes)",
            placeholder="Why these customers? What would make them stay and come back? "
            "How often do they want to hear from you? What do you still need to find out?",
            continuous_update=False,
            rows=4,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="100%"),
        )
        self.notes.add_class("bmc-segment-notes-input")

        self.submit = widgets.Button(
            description=submit_label,
            button_style="primary",
            layout=widgets.Layout(**BUTTON_LAYOUT),
        )
        self.submit.add_class("bmc-segment-submit")
        self.cancel = widgets.Button(description="Cancel", layout=widgets.Layout(**BUTTON_LAYOUT))
        self.cancel.add_class("bmc-segment-cancel")
        children: list[Any] = [
            self.name,
            self.archetype,
            self.revenue,
            self.customers,
            self.validated,
        ]
        if details:
            children += [
                widgets.HTML(
                    '<p class="bmc-muted">Gross margin: the share of revenue left once the '
                    "product itself is paid for; relationships are paid from it. Leave a number "
                    "blank to use the archetype's typical figure. A free segment (the free side "
                    "of a platform) is funded by a segment that pays.</p>"
                ),
                self.gross_margin,
                self.customer_years,
                self.acquisition_cost,
                self.funded_by,
                widgets.HTML(
                    '<p class="bmc-muted">The value you offer this segment is what the '
                    "relationships have to deliver and protect (the Value Propositions block "
                    "of the canvas). The notes are for your reasons: they go into every export "
                    "and the class summary.</p>"
                ),
                self.value_proposition,
                self.notes,
            ]
        buttons = widgets.HBox(
            [self.submit, self.cancel], layout=widgets.Layout(**BUTTON_ROW_LAYOUT)
        )
        self.children = [*children, buttons]
        self.show_archetype(self.archetype.value)
        if not details:
            self._set_typical_revenue(self.archetype.value)

    @staticmethod
    def _text(description: str, css_class: str) -> widgets.Text:
        text = widgets.Text(
            description=description,
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width=FIELD_WIDTH),
        )
        text.add_class(css_class)
        return text

    @property
    def controls(self) -> dict[str, Any]:
        """The inputs by the state's field names (the edit form saves each on change)."""
        base = {
            "name": self.name,
            "archetype": self.archetype,
            "revenue_per_customer": self.revenue,
            "customers": self.customers,
            "validated": self.validated,
        }
        if not self.details:
            return base
        return {
            **base,
            "gross_margin": self.gross_margin,
            "customer_years": self.customer_years,
            "acquisition_cost": self.acquisition_cost,
            "funded_by": self.funded_by,
            "value_proposition": self.value_proposition,
            "notes": self.notes,
        }

    def show_archetype(self, archetype_id: str | None) -> None:
        """Label the revenue field and the default placeholders for the chosen archetype."""
        archetype = self._catalog.archetypes.get(archetype_id or "")
        self.revenue.description = revenue_description(archetype)
        if archetype is not None:
            self.gross_margin.placeholder = (
                f"blank: {archetype.gross_margin * 100:.10g}, typical for this archetype"
            )
            self.customer_years.placeholder = (
                f"blank: {archetype.customer_years:.10g}, typical for this archetype"
            )

    def _set_typical_revenue(self, archetype_id: str | None) -> None:
        archetype = self._catalog.archetypes.get(archetype_id or "")
        if archetype is not None:
            self.revenue.value = archetype.revenue_band.typical

    def _on_archetype_chosen(self, change: dict[str, Any]) -> None:
        self.show_archetype(change["new"])
        if not self.details:
            # Convenience when adding: start from the archetype's typical revenue.
            self._set_typical_revenue(change["new"])

    def fill(self, segment: SegmentChoice, segments: list[SegmentChoice]) -> None:
        """Show an existing segment's values (for editing)."""
        self.name.value = segment.name
        self.archetype.value = segment.archetype
        self.revenue.value = segment.revenue_per_customer
        self.customers.value = segment.customers
        self.validated.value = segment.validated
        self.gross_margin.value = number_text(segment.gross_margin, scale=100)
        self.customer_years.value = number_text(segment.customer_years)
        self.acquisition_cost.value = number_text(segment.acquisition_cost)
        options = funder_options(segment.id, segments)
        if list(self.funded_by.options) != options:
            self.funded_by.options = options
        self.funded_by.value = segment.funded_by or ""
        self.value_proposition.value = segment.value_proposition
        self.notes.value = segment.notes
        self.show_archetype(segment.archetype)

    def value_of(self, field: str) -> Any:
        """One entered value in the state's terms (a bad number raises ``ValueError``)."""
        if field == "gross_margin":
            return parse_percent(self.gross_margin.value, "gross margin")
        if field in ("customer_years", "acquisition_cost"):
            label = "years a customer stays" if field == "customer_years" else "cost to win one"
            return parse_number(self.controls[field].value, label)
        if field == "funded_by":
            return self.funded_by.value or None
        if field == "revenue_per_customer":
            return float(self.revenue.value)
        if field == "customers":
            return int(self.customers.value)
        if field == "validated":
            return bool(self.validated.value)
        return self.controls[field].value

    def fields(self) -> dict[str, Any]:
        """The entered values, in the state's field names."""
        return {field: self.value_of(field) for field in self.controls}


class SegmentPicker(StateView):
    """Archetype cards with "add", an "add your own" form, and the current segments."""

    def __init__(self, course_state: CourseState, *, with_style: bool = True) -> None:
        super().__init__(course_state, css_class="bmc-segment-picker", with_style=with_style)
        catalog = course_state.catalog
        self.status = StatusLine()
        self.add_buttons: dict[str, widgets.Button] = {}
        cards = []
        for archetype in catalog.archetypes.values():
            button = widgets.Button(
                description=f"Add “{archetype.name}”",
                tooltip=f"Add a segment of {in_sentence(archetype.name)} (you can rename it below)",
                layout=widgets.Layout(width="auto"),
            )
            button.add_class("bmc-add-archetype")
            button.add_class(f"bmc-add-archetype-{archetype.id}")
            button.archetype_id = archetype.id
            button.on_click(self._on_add_archetype)
            self.add_buttons[archetype.id] = button
            card = widgets.VBox([widgets.HTML(archetype_card_html(archetype)), button])
            card.add_class("bmc-archetype-box")
            cards.append(card)
        self.archetype_grid = widgets.GridBox(
            cards, layout=widgets.Layout(**card_grid_layout(self.add_buttons.values()))
        )
        self.archetype_grid.add_class("bmc-grid")

        self.add_form = SegmentForm(
            course_state, submit_label="Add this segment", css_class="bmc-add-segment-form"
        )
        self.add_form.submit.on_click(self._on_add_own)
        self.add_form.cancel.on_click(self._on_clear_form)
        self.add_form.cancel.description = "Clear"

        # The edit form saves each field as it changes ("Done" checks them all and closes).
        self.edit_form = SegmentForm(
            course_state, submit_label="Done", css_class="bmc-edit-segment-form", details=True
        )
        self.edit_form.submit.on_click(self._on_save_edit)
        self.edit_form.cancel.on_click(self._on_cancel_edit)
        self.edit_form.cancel.description = "Close"
        for field, control in self.edit_form.controls.items():
            control.segment_field = field
            control.observe(self._on_edit_field, names="value")
        self.edit_form.layout.display = "none"
        self.edit_status = StatusLine()
        self.edit_status.add_class("bmc-edit-status")
        self.editing: str | None = None
        self._filling = False
        self.confirming_removal: str | None = None

        self.segment_list = widgets.VBox()
        self.segment_list.add_class("bmc-segment-list")
        self._set_body(
            widgets.HTML(
                heading(
                    "Start from a typical segment",
                    4,
                    sub="Each card says what such customers usually expect and pay.",
                )
            ),
            self.archetype_grid,
            widgets.HTML(
                heading(
                    "Or name your own segment",
                    4,
                    sub="Pick the archetype closest to it: the checks use what that archetype expects.",
                )
            ),
            self.add_form,
            self.status,
            widgets.HTML(heading("Your segments", 4)),
            self.segment_list,
            self.edit_form,
            self.edit_status,
        )
        self.refresh()

    # -- drawing --------------------------------------------------------------------------

    def refresh(self, change: Change | None = None) -> None:
        """Redraw the list of current segments."""
        self.redraw_count += 1
        catalog = self.course_state.catalog
        segments = self.course_state.segments
        rows = []
        for segment in segments:
            info = widgets.HTML(
                segment_line_html(segment, segments, catalog),
                layout=widgets.Layout(flex="1 1 auto"),
            )
            if self.confirming_removal == segment.id:
                actions = [
                    widgets.HTML(f"Remove <strong>{esc(segment.name)}</strong> and its choices?"),
                    self._row_button(
                        "Yes, remove",
                        "bmc-confirm-remove",
                        segment.id,
                        self._on_confirm_remove,
                        "danger",
                    ),
                    self._row_button(
                        "Keep it", "bmc-cancel-remove", segment.id, self._on_cancel_remove
                    ),
                ]
            else:
                actions = [
                    self._row_button("Edit", "bmc-edit-segment", segment.id, self._on_edit),
                    self._row_button("Remove", "bmc-remove-segment", segment.id, self._on_remove),
                ]
            row = widgets.HBox([info, *actions])
            row.add_class("bmc-row")
            row.add_class("bmc-segment-row")
            rows.append(row)
        if not rows:
            rows = [widgets.HTML('<p class="bmc-muted">No segments yet.</p>')]
        old = self.segment_list.children
        self.segment_list.children = rows
        for widget in old:
            widget.close()
        editing = next((s for s in segments if s.id == self.editing), None)
        if editing is not None:
            self._fill_edit_form(editing, segments)
        elif self.editing is not None:
            self._stop_editing()

    def _fill_edit_form(self, segment: SegmentChoice, segments: list[SegmentChoice]) -> None:
        self._filling = True
        try:
            self.edit_form.fill(segment, segments)
        finally:
            self._filling = False

    @staticmethod
    def _row_button(
        label: str, css_class: str, segment_id: str, handler: Any, style: str = ""
    ) -> widgets.Button:
        button = widgets.Button(
            description=label, button_style=style, layout=widgets.Layout(width="auto")
        )
        button.add_class(css_class)
        button.segment_id = segment_id
        button.tooltip = f"{label} ({segment_id})"
        button.on_click(handler)
        return button

    # -- actions --------------------------------------------------------------------------

    def _on_add_archetype(self, button: widgets.Button) -> None:
        archetype = self.course_state.catalog.archetypes[button.archetype_id]
        self.status.clear()
        with self.status.reporting():
            self.course_state.add_segment(archetype.name, archetype.id)
            self.status.ok(
                f"Added “{archetype.name}”. With Edit, rename it, change its numbers, margin and "
                "funding, say what you offer these customers and note your reasons."
            )

    def _on_add_own(self, _button: widgets.Button) -> None:
        fields = self.add_form.fields()
        self.status.clear()
        with self.status.reporting():
            self.course_state.add_segment(
                fields["name"],
                fields["archetype"],
                revenue_per_customer=fields["revenue_per_customer"],
                customers=fields["customers"],
                validated=fields["validated"],
            )
            self.status.ok(f"Added “{fields['name'].strip()}”.")
            self.add_form.name.value = ""

    def _on_clear_form(self, _button: widgets.Button) -> None:
        self.add_form.name.value = ""
        self.status.clear()

    def _on_edit(self, button: widgets.Button) -> None:
        self.editing = button.segment_id
        segments = self.course_state.segments
        segment = self.course_state.segment(button.segment_id)
        self._fill_edit_form(segment, segments)
        self.edit_form.layout.display = None
        self.edit_status.info(
            f"Editing “{segment.name}”: each change below is saved as you make it."
        )

    def _on_edit_field(self, change: dict[str, Any]) -> None:
        if self._filling or self.editing is None:
            return
        field = change["owner"].segment_field
        self.edit_status.clear()
        with self.edit_status.reporting():
            value = self.edit_form.value_of(field)
            self.course_state.update_segment(self.editing, **{field: value})
            self.edit_status.ok("Saved.")

    def _on_save_edit(self, _button: widgets.Button) -> None:
        if self.editing is None:
            return
        self.edit_status.clear()
        with self.edit_status.reporting():
            self.course_state.update_segment(self.editing, **self.edit_form.fields())
            self.status.ok("Saved.")
            self._stop_editing()

    def _on_cancel_edit(self, _button: widgets.Button) -> None:
        self._stop_editing()

    def _stop_editing(self) -> None:
        self.editing = None
        self.edit_form.layout.display = "none"
        self.edit_status.clear()

    def _on_remove(self, button: widgets.Button) -> None:
        self.confirming_removal = button.segment_id
        self.refresh()

    def _on_confirm_remove(self, button: widgets.Button) -> None:
        self.confirming_removal = None
        self.status.clear()
        with self.status.reporting():
            name = self.course_state.segment(button.segment_id).name
            self.course_state.remove_segment(button.segment_id)
            self.status.ok(f"Removed “{name}”.")

    def _on_cancel_remove(self, _button: widgets.Button) -> None:
        self.confirming_removal = None
        self.refresh()
