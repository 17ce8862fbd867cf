"""Pick the business's customer segments: from archetype cards, or named by the learner.

Three parts: archetype cards (what each segment typically expects and pays,
with an "add" button), an "add your own" form, and the list of current
segments with edit and remove. Refused input is shown in one line under the
form; removing a segment asks first, because its choices go with it.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from bmc_course.formats.submission import MAX_CUSTOMERS, MAX_REVENUE_PER_CUSTOMER, SegmentChoice
from bmc_course.model.content_models import Archetype
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.html_fragments import bullet_list, count, esc, heading, money
from bmc_course.widgets.state_view import StateView, StatusLine

GRID_LAYOUT = {"grid_template_columns": "repeat(auto-fill, minmax(260px, 1fr))", "width": "100%"}
WIDE_LABEL = {"description_width": "14em"}


def archetype_card_html(archetype: Archetype) -> str:
    """An archetype: name, description, what it expects, revenue band, examples."""
    band = archetype.revenue_band
    return (
        f'<div class="bmc-card bmc-archetype-card" data-archetype="{esc(archetype.id)}">'
        f'<div class="bmc-card-title">{esc(archetype.name)}</div>'
        f"<p>{esc(archetype.description)}</p>"
        f"<p><strong>Expects:</strong> {esc(archetype.expects)}</p>"
        f"<p><strong>Revenue per customer a year:</strong> {money(band.low)} to {money(band.high)} "
        f"(typically {money(band.typical)})</p>"
        f'<div class="bmc-label">For example</div>{bullet_list(archetype.examples)}</div>'
    )


class SegmentForm(widgets.VBox):
    """Name, closest archetype, revenue per customer, customers and "validated" inputs."""

    def __init__(self, course_state: CourseState, *, submit_label: str, css_class: str) -> None:
        super().__init__()
        self.add_class(css_class)
        catalog = course_state.catalog
        self._catalog = catalog
        self.name = widgets.Text(
            description="Segment name",
            placeholder="e.g. Individual athletes",
            style=WIDE_LABEL,
            layout=widgets.Layout(width="31em"),
        )
        self.name.add_class("bmc-segment-name")
        self.archetype = widgets.Dropdown(
            description="Closest archetype",
            options=[(a.name, a.id) for a in catalog.archetypes.values()],
            style=WIDE_LABEL,
            layout=widgets.Layout(width="31em"),
        )
        self.archetype.add_class("bmc-segment-archetype")
        self.archetype.observe(self._on_archetype_chosen, names="value")
        self.revenue = widgets.BoundedFloatText(
            description="Yearly revenue per customer",
            min=0,
            max=MAX_REVENUE_PER_CUSTOMER,
            style=WIDE_LABEL,
            layout=widgets.Layout(width="23em"),
        )
        self.revenue.add_class("bmc-segment-revenue")
        self.customers = widgets.BoundedIntText(
            description="Customers",
            value=1000,
            min=0,
            max=MAX_CUSTOMERS,
            style=WIDE_LABEL,
            layout=widgets.Layout(width="23em"),
        )
        self.customers.add_class("bmc-segment-customers")
        self.validated = widgets.Checkbox(
            description="Validated with real customers already", indent=False
        )
        self.validated.add_class("bmc-segment-validated")
        self.submit = widgets.Button(description=submit_label, button_style="primary")
        self.submit.add_class("bmc-segment-submit")
        self.cancel = widgets.Button(description="Cancel")
        self.cancel.add_class("bmc-segment-cancel")
        self.children = [
            self.name,
            self.archetype,
            self.revenue,
            self.customers,
            self.validated,
            widgets.HBox([self.submit, self.cancel]),
        ]
        self._on_archetype_chosen({"new": self.archetype.value})

    def _on_archetype_chosen(self, change: dict[str, Any]) -> None:
        # Convenience only: start from the archetype's typical revenue; the learner can change it.
        archetype = self._catalog.archetypes.get(change["new"])
        if archetype is not None:
            self.revenue.value = archetype.revenue_band.typical

    def fill(self, segment: SegmentChoice) -> None:
        """Show an existing segment's values (for editing)."""
        self.name.value = segment.name
        self.archetype.value = segment.archetype
        self.revenue.value = segment.revenue_per_customer
        self.customers.value = segment.customers
        self.validated.value = segment.validated

    def fields(self) -> dict[str, Any]:
        """The entered values, in the state's field names."""
        return {
            "name": self.name.value,
            "archetype": self.archetype.value,
            "revenue_per_customer": float(self.revenue.value),
            "customers": int(self.customers.value),
            "validated": bool(self.validated.value),
        }


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
                tooltip=f"Add a segment of {archetype.name.lower()} (you can rename it below)",
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
        self.archetype_grid = widgets.GridBox(cards, layout=widgets.Layout(**GRID_LAYOUT))
        self.archetype_grid.add_class("bmc-grid")

        self.add_form = SegmentForm(
            course_state, submit_label="Add this segment", css_class="bmc-add-segment-form"
        )
        self.add_form.submit.on_click(self._on_add_own)
        self.add_form.cancel.on_click(self._on_clear_form)
        self.add_form.cancel.description = "Clear"

        self.edit_form = SegmentForm(
            course_state, submit_label="Save changes", css_class="bmc-edit-segment-form"
        )
        self.edit_form.submit.on_click(self._on_save_edit)
        self.edit_form.cancel.on_click(self._on_cancel_edit)
        self.edit_form.layout.display = "none"
        self.editing: str | None = None
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
        )
        self.refresh()

    # -- drawing --------------------------------------------------------------------------

    def refresh(self, change: Change | None = None) -> None:
        """Redraw the list of current segments."""
        self.redraw_count += 1
        catalog = self.course_state.catalog
        rows = []
        for segment in self.course_state.segments:
            archetype = catalog.archetypes.get(segment.archetype)
            types = [catalog.types[r].name for r in segment.relationships if r in catalog.types]
            info = widgets.HTML(
                f'<div class="bmc-segment-line"><strong>{esc(segment.name)}</strong> '
                f'<span class="bmc-muted">{esc(archetype.name if archetype else segment.archetype)}'
                f"</span><br>{count(segment.customers)} customers · revenue "
                f"{money(segment.revenue_per_customer)} per customer a year · "
                f"{'validated' if segment.validated else 'not yet validated'} · "
                f"relationships: {esc(', '.join(types) or 'none yet')}</div>",
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
        if self.editing is not None and self.editing not in {
            s.id for s in self.course_state.segments
        }:
            self._stop_editing()

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
            self.status.ok(f"Added “{archetype.name}”. Rename it or change its numbers with Edit.")

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
        self.edit_form.fill(self.course_state.segment(button.segment_id))
        self.edit_form.layout.display = None
        self.status.info(
            f"Editing “{self.course_state.segment(button.segment_id).name}”: change the fields below and save."
        )

    def _on_save_edit(self, _button: widgets.Button) -> None:
        if self.editing is None:
            return
        self.status.clear()
        with self.status.reporting():
            self.course_state.update_segment(self.editing, **self.edit_form.fields())
            self.status.ok("Saved.")
            self._stop_editing()

    def _on_cancel_edit(self, _button: widgets.Button) -> None:
        self._stop_editing()
        self.status.clear()

    def _stop_editing(self) -> None:
        self.editing = None
        self.edit_form.layout.display = "none"

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
