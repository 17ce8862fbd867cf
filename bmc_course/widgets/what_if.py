"""What if a segment paid more, or grew tenfold? Scenarios beside the learner's own numbers.

The sliders change a :class:`~bmc_course.state.scenario_draft.ScenarioDraft`,
never the saved answers: the cost chart and the checks below follow the
draft. "Keep these numbers" makes the draft the answers; "Back to my numbers"
drops it; a draft can be saved under a name, reopened, and compared with the
learner's numbers and the other scenarios (a chart and its table).

Every slider moves through fixed stops (1, 2, 5, 10, 20, 50, …), so an arrow
key moves one stop and the same number of presses brings it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ipywidgets as widgets

from bmc_course import charts
from bmc_course.charts.scenario_comparison import (
    plot_scenario_comparison,
    table_scenario_comparison,
)
from bmc_course.formats.limits import MAX_CUSTOMERS, MAX_REVENUE_PER_CUSTOMER
from bmc_course.formats.submission import SegmentChoice
from bmc_course.logic.scenario_comparison import MY_NUMBERS, ScenarioRow, compare_scenarios
from bmc_course.logic.wording import money
from bmc_course.state.course_state import Change, CourseState
from bmc_course.state.scenario_draft import ScenarioDraft
from bmc_course.widgets.chart_view import ChartView
from bmc_course.widgets.findings_panel import finding_html, summary_line
from bmc_course.widgets.html_fragments import esc, heading, message_box, revenue_description
from bmc_course.widgets.relationship_picker import share_options
from bmc_course.widgets.state_view import StateView, StatusLine

THIS_DRAFT = "Trying now"
SLIDER_LAYOUT = {"width": "40em"}
SLIDER_STYLE = {"description_width": "16em"}
MARGIN_STOPS = tuple(range(0, 101, 5))  # percent
YEAR_STOPS = (0.5, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50)


def one_two_five(low: float, high: float) -> list[float]:
    """1, 2, 5, 10, 20, 50, … from ``low`` to ``high`` (``low`` a power of ten)."""
    stops: list[float] = []
    decade = low
    while decade <= high:
        stops.extend(step * decade for step in (1, 2, 5) if step * decade <= high)
        decade *= 10
    return stops


CUSTOMER_STOPS = [0, *one_two_five(1, MAX_CUSTOMERS)]
REVENUE_STOPS = [0, *one_two_five(1, MAX_REVENUE_PER_CUSTOMER)]


def stops_with(stops: Iterable[float], *values: float) -> list[float]:
    """The stops, plus the given values where they are not stops (shown exactly, never rounded).

    The view passes the draft's value and the learner's saved one, so a slider
    moved off a saved 1,500 can always be walked back to it.
    """
    listed = list(stops)
    extra = [v for v in dict.fromkeys(values) if v not in listed]
    return sorted([*listed, *extra]) if extra else listed


def _slider(description: str, css: str) -> widgets.SelectionSlider:
    slider = widgets.SelectionSlider(
        description=description,
        options=[("0", 0.0)],
        continuous_update=False,
        style=SLIDER_STYLE,
        layout=widgets.Layout(**SLIDER_LAYOUT),
    )
    slider.add_class(css)
    return slider


def _set_options(
    slider: widgets.SelectionSlider, options: list[tuple[str, Any]], value: Any
) -> None:
    if list(slider.options) != options:
        slider.options = options
    if slider.value != value:
        slider.value = value


class SegmentSliders(widgets.VBox):
    """The sliders of one segment; the owning view syncs them from the draft."""

    def __init__(self, segment_id: str) -> None:
        super().__init__()
        self.segment_id = segment_id
        self.add_class("bmc-what-if-segment")
        self.title = widgets.HTML()
        self.customers = _slider("Customers", "bmc-what-if-customers")
        self.revenue = _slider("Yearly revenue per customer", "bmc-what-if-revenue")
        self.margin = _slider("Gross margin", "bmc-what-if-margin")
        self.years = _slider("Years a customer stays", "bmc-what-if-years")
        self.shares = widgets.VBox()
        self.share_sliders: dict[str, widgets.SelectionSlider] = {}
        self.children = [
            self.title,
            self.customers,
            self.revenue,
            self.margin,
            self.years,
            self.shares,
        ]


class WhatIf(StateView):
    """Scenario sliders for every segment, with the cost chart, the checks and the comparison."""

    REDRAW_ON = StateView.REDRAW_ON | {"scenarios"}

    def __init__(self, course_state: CourseState, *, with_style: bool = True) -> None:
        super().__init__(course_state, css_class="bmc-what-if", with_style=with_style)
        self.draft = ScenarioDraft(course_state)
        self._syncing = False
        self.status = StatusLine()
        self.rows: dict[str, SegmentSliders] = {}
        self.rows_box = widgets.VBox()
        self.rows_box.add_class("bmc-what-if-rows")
        self.empty = widgets.HTML()
        self.where = widgets.HTML()
        self.where.add_class("bmc-what-if-where")
        fit = {"width": "auto"}  # labels never cut off
        label = {"description_width": "initial"}
        self.keep_button = widgets.Button(
            description="Keep these numbers", button_style="success", layout=fit
        )
        self.reset_button = widgets.Button(description="Back to my numbers", layout=fit)
        self.name = widgets.Text(
            placeholder="e.g. Busy summer", description="Scenario name", style=label
        )
        self.save_button = widgets.Button(description="Save as scenario", layout=fit)
        self.saved = widgets.Dropdown(description="Saved scenarios", options=[], style=label)
        self.open_button = widgets.Button(description="Open", layout=fit)
        self.delete_button = widgets.Button(description="Delete", layout=fit)
        for button, handler in (
            (self.keep_button, self._on_keep),
            (self.reset_button, self._on_reset),
            (self.save_button, self._on_save),
            (self.open_button, self._on_open),
            (self.delete_button, self._on_delete),
        ):
            button.on_click(handler)
        catalog = course_state.catalog
        self.cost_chart = ChartView(
            course_state,
            title="This scenario: relationship cost vs gross profit, per customer",
            draw=lambda: charts.layers_cost_vs_revenue(catalog, self.draft.segments),
            tabulate=lambda: charts.table_cost_vs_revenue(catalog, self.draft.segments),
            css_class="bmc-chart-what-if-cost",
            with_style=False,
            follow_state=False,
        )
        self.findings = widgets.HTML()
        self.findings.add_class("bmc-what-if-findings")
        self.comparison = ChartView(
            course_state,
            title="Scenarios compared",
            explanation="Your saved numbers, what you are trying now and each saved scenario.",
            draw=lambda: plot_scenario_comparison(self.comparison_rows(), catalog),
            tabulate=lambda: table_scenario_comparison(self.comparison_rows()),
            css_class="bmc-chart-scenarios",
            with_style=False,
            follow_state=False,
            draw_now=False,
        )
        self.compare_section = widgets.Accordion(
            children=(self.comparison,), titles=("Compare scenarios (chart and table)",)
        )
        self.compare_section.selected_index = None
        self.compare_section.add_class("bmc-what-if-compare")
        self.compare_section.observe(self._on_compare_toggled, names="selected_index")
        self._set_body(
            widgets.HTML(
                heading(
                    "What if…?",
                    4,
                    sub="Move a slider and let go: the chart and the checks follow this scenario. "
                    "Your saved answers change only when you press 'Keep these numbers'.",
                )
            ),
            self.empty,
            self.where,
            self.rows_box,
            widgets.HBox([self.keep_button, self.reset_button]),
            widgets.HBox([self.name, self.save_button]),
            widgets.HBox([self.saved, self.open_button, self.delete_button]),
            self.status,
            self.cost_chart,
            self.findings,
            self.compare_section,
        )
        self.draft.observe(self._on_draft_changed)
        self.refresh()

    # -- what the view shows -------------------------------------------------------------

    def comparison_rows(self) -> list[ScenarioRow]:
        """The learner's numbers, the draft (when it differs) and every saved scenario."""
        named: list[tuple[str, list[SegmentChoice]]] = [(MY_NUMBERS, self.course_state.segments)]
        if self.draft.changed and self.draft.name is None:
            named.append((THIS_DRAFT, self.draft.segments))
        named.extend((s.name, s.segments) for s in self.course_state.scenarios)
        return compare_scenarios(named, self.course_state.catalog)

    def refresh(self, change: Change | None = None) -> None:
        """The saved answers changed: the draft follows when untouched; rows match the segments."""
        self.redraw_count += 1
        self.saved.options = [s.name for s in self.course_state.scenarios]
        if change is not None and self.draft.follow(change):
            return  # the draft followed and told us: already shown
        self._show_draft()

    def _on_draft_changed(self) -> None:
        self._show_draft()

    def _show_draft(self) -> None:
        segments = self.draft.segments
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
                self._sync_row(self.rows[segment.id], segment)
        finally:
            self._syncing = False
        self.where.value = self._where_text()
        findings = self.draft.findings()
        names = {s.id: s.name for s in segments}
        self.findings.value = (
            heading("What the checks say about this scenario", 4)
            + f'<p class="bmc-summary-line" aria-live="polite">{esc(summary_line(findings))}</p>'
            + "".join(finding_html(f, names.get(f.segment_id, f.segment_id)) for f in findings)
        )
        self.cost_chart.refresh()
        if self.comparing:
            self.comparison.refresh()

    @property
    def comparing(self) -> bool:
        """Whether the comparison is open (it is drawn only then: closed, it costs nothing)."""
        return bool(self.compare_section.selected_index == 0)

    def _on_compare_toggled(self, change: dict[str, Any]) -> None:
        if change["new"] == 0:
            self.comparison.refresh()

    def _where_text(self) -> str:
        if self.draft.name is not None:
            text = f"Scenario '{self.draft.name}' is open; your saved answers are unchanged."
        elif self.draft.changed:
            text = (
                "Trying new numbers: your saved answers are unchanged until you press "
                "'Keep these numbers'."
            )
        else:
            text = "These are your saved numbers."
        return f'<p class="bmc-muted" aria-live="polite">{esc(text)}</p>'

    def _sync_row(self, row: SegmentSliders, segment: SegmentChoice) -> None:
        catalog = self.course_state.catalog
        archetype = catalog.archetypes.get(segment.archetype)
        saved = next((s for s in self.course_state.segments if s.id == segment.id), segment)
        row.title.value = f'<div class="bmc-label">{esc(segment.name)}</div>'
        row.revenue.description = revenue_description(archetype)
        _set_options(
            row.customers,
            [
                (f"{v:,.0f}", v)
                for v in stops_with(CUSTOMER_STOPS, segment.customers, saved.customers)
            ],
            segment.customers,
        )
        _set_options(
            row.revenue,
            [
                (money(v), v)
                for v in stops_with(
                    REVENUE_STOPS, segment.revenue_per_customer, saved.revenue_per_customer
                )
            ],
            segment.revenue_per_customer,
        )
        margin = segment.gross_margin
        if margin is None:
            margin = archetype.gross_margin if archetype else 1.0
        margin_stops = stops_with([m / 100 for m in MARGIN_STOPS], margin)
        _set_options(row.margin, [(f"{v * 100:.3g}%", v) for v in margin_stops], margin)
        years = segment.customer_years
        if years is None:
            years = archetype.customer_years if archetype else 1.0
        _set_options(
            row.years, [(f"{v:g}", float(v)) for v in stops_with(YEAR_STOPS, years)], years
        )
        self._sync_shares(row, segment)

    def _sync_shares(self, row: SegmentSliders, segment: SegmentChoice) -> None:
        catalog = self.course_state.catalog
        wanted = [r for r in segment.relationships if r.type in catalog.types]
        if [r.type for r in wanted] != list(row.share_sliders):
            for slider in row.share_sliders.values():
                slider.close()
            row.share_sliders = {}
            for relationship in wanted:
                slider = _slider(catalog.types[relationship.type].name, "bmc-what-if-share")
                slider.observe(self._on_share_moved, names="value")
                row.share_sliders[relationship.type] = slider
            row.shares.children = list(row.share_sliders.values())
        for relationship in wanted:
            _set_options(
                row.share_sliders[relationship.type],
                share_options(relationship.share),
                relationship.share,
            )

    def _rebuild_rows(self, segment_ids: list[str]) -> None:
        old = self.rows
        self.rows = {}
        for segment_id in segment_ids:
            kept = old.pop(segment_id) if segment_id in old else None
            self.rows[segment_id] = kept or self._new_row(segment_id)
        for row in old.values():
            row.close()
        self.rows_box.children = list(self.rows.values())

    def _new_row(self, segment_id: str) -> SegmentSliders:
        row = SegmentSliders(segment_id)
        for slider, field in (
            (row.customers, "customers"),
            (row.revenue, "revenue_per_customer"),
            (row.margin, "gross_margin"),
            (row.years, "customer_years"),
        ):
            slider.observe(self._figure_handler(segment_id, field), names="value")
        return row

    # -- the learner moves something --------------------------------------------------------

    def _figure_handler(self, segment_id: str, field: str) -> Any:
        def moved(change: dict[str, Any]) -> None:
            if self._syncing:
                return
            value = round(change["new"]) if field == "customers" else float(change["new"])
            with self.status.reporting():
                self.draft.set_figure(segment_id, field, value)

        return moved

    def _on_share_moved(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        owner = change["owner"]
        for row in self.rows.values():
            for type_id, slider in row.share_sliders.items():
                if slider is owner:
                    with self.status.reporting():
                        self.draft.set_share(row.segment_id, type_id, float(change["new"]))
                    return

    def _on_keep(self, _button: widgets.Button) -> None:
        with self.status.reporting():
            self.draft.keep()
            self.status.ok("Kept: these numbers are now your answers.")

    def _on_reset(self, _button: widgets.Button) -> None:
        with self.status.reporting():
            self.draft.reset()
            self.status.info("Back to your saved numbers.")

    def _on_save(self, _button: widgets.Button) -> None:
        with self.status.reporting():
            self.draft.save_as(self.name.value)
            self.status.ok(f"Saved as '{self.name.value.strip()}'. Your answers are unchanged.")

    def _on_open(self, _button: widgets.Button) -> None:
        if self.saved.value is None:
            return
        with self.status.reporting():
            self.draft.open(self.saved.value)
            self.status.info(f"Opened '{self.saved.value}'.")

    def _on_delete(self, _button: widgets.Button) -> None:
        if self.saved.value is None:
            return
        name = self.saved.value
        with self.status.reporting():
            self.course_state.delete_scenario(name)
            if self.draft.name == name:
                self.draft.reset()
            self.status.info(f"Deleted '{name}'.")
