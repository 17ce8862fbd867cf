"""Explore the six relationship types: cards, a side-by-side table, their costs, the dimensions,
cost growth."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from markupsafe import Markup

from bmc_course import charts
from bmc_course.model.catalog import Catalog
from bmc_course.reports.html_table import Cell, Column, html_table
from bmc_course.state.course_state import CourseState
from bmc_course.widgets.chart_view import ChartView
from bmc_course.widgets.html_fragments import bullet_list, esc, heading, money
from bmc_course.widgets.stylesheet import style_tag
from bmc_course.widgets.type_card import SCALES_NOTE, setup_tiers, type_card_html

COSTS_NOTE = (
    "Illustrative cost models, not quotes: the set-up is paid once by the business (shared by "
    "the segments that use the type) and sized to how many customers it serves that way; the "
    "running cost is paid a year for each customer actually served this way."
)

GRID_LAYOUT = {"grid_template_columns": "repeat(auto-fill, minmax(320px, 1fr))", "width": "100%"}


def comparison_table_html(catalog: Catalog) -> str:
    """Every type against every 1-5 scale, plus its human fallback and lifecycle motivations."""
    scales = catalog.assumptions.scales
    rows = [
        [
            Cell(rtype.name, row_header=True),
            *(Cell(getattr(rtype.attributes, s.id), css_class="bmc-num") for s in scales),
            "yes" if rtype.human_fallback else "no",
            ", ".join(
                catalog.motivations[m].name for m in catalog.motivations if m in rtype.motivations
            ),
        ]
        for rtype in catalog.types.values()
    ]
    table = html_table(
        [
            "Type",
            *(Column(s.name, title=f"1 = {s.low}; 5 = {s.high}") for s in scales),
            Column("Human fallback", title="A person the customer can turn to when the tools fail"),
            "Serves",
        ],
        rows,
        css_class="bmc-compare-table",
    )
    return f'{table}<p class="bmc-muted">{SCALES_NOTE}</p>'


def costs_table_html(catalog: Catalog) -> str:
    """Every type's illustrative running cost and set-up tiers, side by side."""
    rows = [
        [
            Cell(rtype.name, row_header=True),
            Cell(money(rtype.cost_model.cost_per_customer), css_class="bmc-num"),
            Markup(bullet_list(setup_tiers(rtype.cost_model), css_class="bmc-setup-tiers")),  # noqa: S704 -- bullet_list escapes every item
            Cell(rtype.cost_model.setup_years, css_class="bmc-num"),
        ]
        for rtype in catalog.types.values()
    ]
    table = html_table(
        [
            "Type",
            "Running cost per customer served, a year",
            "Set-up, once per business, by size",
            "Set-up spread over (years)",
        ],
        rows,
        css_class="bmc-compare-table bmc-costs-table",
    )
    return f'{table}<p class="bmc-muted">{esc(COSTS_NOTE)}</p>'


def dimensions_html(catalog: Catalog) -> str:
    """The dimensions relationships vary on, and where each type sits on them."""
    parts = []
    for dimension in catalog.dimensions.values():
        ranked = sorted(
            catalog.types.values(), key=lambda t: getattr(t.attributes, dimension.attribute)
        )
        order = " → ".join(
            f"{esc(t.name)} ({getattr(t.attributes, dimension.attribute)})" for t in ranked
        )
        parts.append(
            f'<div class="bmc-card"><div class="bmc-card-title">{esc(dimension.name)}: '
            f"{esc(dimension.low_pole)} ↔ {esc(dimension.high_pole)}</div>"
            f"<p>{esc(dimension.explanation)}</p>"
            f'<p class="bmc-muted">From {esc(dimension.low_pole.lower())} to '
            f"{esc(dimension.high_pole.lower())}: {order}</p></div>"
        )
    return f'<div class="bmc-card-grid">{"".join(parts)}</div>'


def variants_html(catalog: Catalog) -> str:
    """Named variants (such as in-store retail service) explained through the core types."""
    parts = []
    for variant in catalog.variants.values():
        closest = ", ".join(
            catalog.types[t].name for t in variant.closest_types if t in catalog.types
        )
        parts.append(
            f'<div class="bmc-card"><div class="bmc-card-title">{esc(variant.name)}</div>'
            f"<p>{esc(variant.explanation)}</p>"
            f'<p class="bmc-muted">Closest types: {esc(closest)}</p></div>'
        )
    return "".join(parts)


class TypesExplorer(widgets.VBox):
    """The six types in full, compared, placed on the dimensions, and their cost at scale."""

    def __init__(self, course_state: CourseState) -> None:
        catalog = course_state.catalog
        self.catalog = catalog
        cards = [
            widgets.HTML(type_card_html(rtype, catalog, open_details=False))
            for rtype in catalog.types.values()
        ]
        for card, type_id in zip(cards, catalog.types, strict=True):
            card.add_class("bmc-type-card-box")
            card.add_class(f"bmc-type-{type_id}")
        grid = widgets.GridBox(cards, layout=widgets.Layout(**GRID_LAYOUT))
        grid.add_class("bmc-grid")
        self.type_boxes = {
            type_id: widgets.Checkbox(
                value=True,
                description=rtype.name,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for type_id, rtype in catalog.types.items()
        }
        for type_id, box in self.type_boxes.items():
            box.add_class("bmc-compare-toggle")
            box.add_class(f"bmc-compare-toggle-{type_id}")
            box.observe(self._on_compare_changed, names="value")
        self.chart = ChartView(
            course_state,
            title="Cost per customer as the customer count grows",
            explanation="Illustrative cost models: tick the types to compare.",
            draw=lambda: charts.layers_cost_growth(catalog, self.selected_types()),
            tabulate=lambda: charts.table_cost_growth(catalog, self.selected_types()),
            needs_segments=False,
            follow_state=False,
            css_class="bmc-chart-cost-growth",
            with_style=False,
        )
        costs = widgets.HTML(heading("What they cost", 4) + costs_table_html(catalog))
        costs.add_class("bmc-types-costs")
        variants = variants_html(catalog)
        parts: list[Any] = [
            style_tag(),
            widgets.HTML(heading("The six types of customer relationship", 3)),
            grid,
            widgets.HTML(heading("Side by side", 4) + comparison_table_html(catalog)),
            costs,
            widgets.HTML(heading("Three ways relationships differ", 4) + dimensions_html(catalog)),
        ]
        if variants:
            parts.append(widgets.HTML(heading("What about…", 4) + variants))
        parts += [
            widgets.HTML(heading("Cost as you grow", 4)),
            widgets.HBox(
                list(self.type_boxes.values()), layout=widgets.Layout(flex_flow="row wrap")
            ),
            self.chart,
        ]
        super().__init__(parts)
        self.add_class("bmc-view")
        self.add_class("bmc-types-explorer")

    def selected_types(self) -> list[str]:
        """Type ids ticked for the cost chart (all of them when none is ticked)."""
        chosen = [t for t, box in self.type_boxes.items() if box.value]
        return chosen or list(self.catalog.types)

    def _on_compare_changed(self, _change: dict[str, Any]) -> None:
        self.chart.refresh()

    def close(self) -> None:
        """Close the chart and the box."""
        self.chart.close()
        super().close()
