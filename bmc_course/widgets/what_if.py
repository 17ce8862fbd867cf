"""What if a segment paid more, or grew tenfold? Sliders that change the state live.

Per segment: revenue per customer and number of customers on logarithmic
sliders (both span several orders of magnitude) and the "validated" box.
Each release of a slider updates the state, so the cost-vs-revenue chart and
the findings below redraw at once.
"""

from __future__ import annotations

import math
from typing import Any

import ipywidgets as widgets

from bmc_course.formats.limits import MAX_CUSTOMERS, MAX_REVENUE_PER_CUSTOMER
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.html_fragments import esc, heading, message_box, revenue_description
from bmc_course.widgets.state_view import StateView, StatusLine

# Slider ranges as powers of ten: 1 to 10 million customers, 1 to 1 million per customer a year.
CUSTOMER_EXPONENTS = (0.0, 7.0)
REVENUE_EXPONENTS = (0.0, 6.0)
SLIDER_LAYOUT = {"width": "38em"}
SLIDER_STYLE = {"description_width": "15em"}


def _clamp(value: float, exponents: tuple[float, float]) -> float:
    low, high = (10**e for e in exponents)
    return min(max(value, low), high)


class SegmentSliders(widgets.VBox):
    """The sliders of one segment; the owning view syncs them from the state."""

    def __init__(self, segment_id: str) -> None:
        super().__init__()
        self.segment_id = segment_id
        self.add_class("bmc-what-if-segment")
        self.title = widgets.HTML()
        self.revenue = widgets.FloatLogSlider(
            description="Yearly revenue per customer",
            base=10,
            min=REVENUE_EXPONENTS[0],
            max=REVENUE_EXPONENTS[1],
            step=0.01,
            continuous_update=False,
            readout_format=",.2f",
            style=SLIDER_STYLE,
            layout=widgets.Layout(**SLIDER_LAYOUT),
        )
        self.revenue.add_class("bmc-what-if-revenue")
        self.customers = widgets.FloatLogSlider(
            description="Customers (log scale)",
            base=10,
            min=CUSTOMER_EXPONENTS[0],
            max=CUSTOMER_EXPONENTS[1],
            step=0.01,
            continuous_update=False,
            readout_format=",.0f",
            style=SLIDER_STYLE,
            layout=widgets.Layout(**SLIDER_LAYOUT),
        )
        self.customers.add_class("bmc-what-if-customers")
        self.validated = widgets.Checkbox(description="Validated with real customers", indent=False)
        self.validated.add_class("bmc-what-if-validated")
        self.children = [self.title, self.revenue, self.customers, self.validated]


class WhatIf(StateView):
    """Sliders for every segment's revenue and size, writing to the state as they move."""

    def __init__(
        self, course_state: CourseState, *, extra: tuple[Any, ...] = (), with_style: bool = True
    ) -> None:
        super().__init__(course_state, css_class="bmc-what-if", with_style=with_style)
        self._syncing = False
        self.status = StatusLine()
        self.rows: dict[str, SegmentSliders] = {}
        self.rows_box = widgets.VBox()
        self.rows_box.add_class("bmc-what-if-rows")
        self.empty = widgets.HTML()
        self._set_body(
            widgets.HTML(
                heading(
                    "What if…?",
                    4,
                    sub="Move a slider and let go: the chart and the checks follow. "
                    "These change your saved numbers; move them back to undo.",
                )
            ),
            self.empty,
            self.rows_box,
            self.status,
            *extra,
        )
        self.refresh()

    def refresh(self, change: Change | None = None) -> None:
        """Match the rows to the segments and the sliders to their values."""
        self.redraw_count += 1
        segments = self.course_state.segments
        if [s.id for s in segments] != list(self.rows):
            self._rebuild_rows([s.id for s in segments])
        self.empty.value = (
            ""
            if segments
            else message_box("No segments yet: add one in the segment picker first.", "info")
        )
        self._syncing = True
        try:
            for segment in segments:
                row = self.rows[segment.id]
                row.title.value = f'<div class="bmc-label">{esc(segment.name)}</div>'
                # citizens: the yearly budget per person, not a revenue
                archetype = self.course_state.catalog.archetypes.get(segment.archetype)
                row.revenue.description = revenue_description(archetype)
                revenue = _clamp(segment.revenue_per_customer, REVENUE_EXPONENTS)
                customers = _clamp(segment.customers, CUSTOMER_EXPONENTS)
                if not math.isclose(row.revenue.value, revenue, rel_tol=1e-9):
                    row.revenue.value = revenue
                if not math.isclose(row.customers.value, customers, rel_tol=1e-9):
                    row.customers.value = customers
                row.validated.value = segment.validated
        finally:
            self._syncing = False

    def _rebuild_rows(self, segment_ids: list[str]) -> None:
        old = self.rows
        self.rows = {}
        for segment_id in segment_ids:
            row = old.pop(segment_id, None) or self._new_row(segment_id)
            self.rows[segment_id] = row
        for row in old.values():
            row.close()
        self.rows_box.children = list(self.rows.values())

    def _new_row(self, segment_id: str) -> SegmentSliders:
        row = SegmentSliders(segment_id)
        row.revenue.observe(self._on_revenue_moved, names="value")
        row.customers.observe(self._on_customers_moved, names="value")
        row.validated.observe(self._on_validated_toggled, names="value")
        return row

    def _row_of(self, control: Any) -> SegmentSliders:
        return next(
            row
            for row in self.rows.values()
            if control in (row.revenue, row.customers, row.validated)
        )

    def _on_revenue_moved(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        row = self._row_of(change["owner"])
        value = min(round(float(change["new"]), 2), MAX_REVENUE_PER_CUSTOMER)
        with self.status.reporting():
            self.course_state.update_segment(row.segment_id, revenue_per_customer=value)

    def _on_customers_moved(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        row = self._row_of(change["owner"])
        value = min(round(float(change["new"])), MAX_CUSTOMERS)  # the state counts whole customers
        with self.status.reporting():
            self.course_state.update_segment(row.segment_id, customers=value)

    def _on_validated_toggled(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        row = self._row_of(change["owner"])
        with self.status.reporting():
            self.course_state.update_segment(row.segment_id, validated=bool(change["new"]))
