"""The trade-off charts together: cost vs personalisation, cost vs gross profit, lifetime value
vs acquisition cost, cost growth.

Each is a :class:`ChartView` (chart + "Chart as a table") over the learner's
state; the factories below are reused by the what-if and case views.
"""

from __future__ import annotations

import ipywidgets as widgets

from bmc_course import charts
from bmc_course.state.course_state import CourseState
from bmc_course.widgets.chart_view import ChartView
from bmc_course.widgets.html_fragments import heading
from bmc_course.widgets.state_view import ViewGroup


def cost_personalisation_chart(course_state: CourseState, *, with_style: bool = True) -> ChartView:
    """Where each chosen relationship sits on cost to serve vs personalisation."""
    catalog = course_state.catalog
    return ChartView(
        course_state,
        title="Cost to serve vs personalisation",
        explanation="Each chosen type placed on the course's 1-to-5 teaching scales: more personal "
        "usually means costlier to serve.",
        draw=lambda: charts.layers_cost_personalisation_map(catalog, course_state.segments),
        tabulate=lambda: charts.table_cost_personalisation_map(catalog, course_state.segments),
        css_class="bmc-chart-cost-personalisation",
        with_style=with_style,
    )


def cost_vs_revenue_chart(course_state: CourseState, *, with_style: bool = True) -> ChartView:
    """Per segment: what the relationships cost per customer against the gross profit it leaves."""
    catalog = course_state.catalog
    return ChartView(
        course_state,
        title="Relationship cost vs gross profit, per customer",
        explanation="Illustrative yearly cost of your chosen relationships per customer (running "
        "cost, the segment's part of the set-ups, and any free segment it pays for), as a share "
        "of the gross profit each customer leaves: revenue × gross margin.",
        draw=lambda: charts.layers_cost_vs_revenue(catalog, course_state.segments),
        tabulate=lambda: charts.table_cost_vs_revenue(catalog, course_state.segments),
        css_class="bmc-chart-cost-vs-revenue",
        with_style=with_style,
    )


def lifetime_value_chart(course_state: CourseState, *, with_style: bool = True) -> ChartView:
    """Per segment: a customer's lifetime value against what it costs to win one."""
    catalog = course_state.catalog
    return ChartView(
        course_state,
        title="Lifetime value vs the cost of winning a customer",
        explanation="Gross profit per customer a year × the years a customer stays, next to the "
        "acquisition cost you gave (set it with Edit in the segment picker).",
        draw=lambda: charts.layers_lifetime_value(course_state.segments, catalog),
        tabulate=lambda: charts.table_lifetime_value(course_state.segments, catalog),
        css_class="bmc-chart-lifetime-value",
        with_style=with_style,
    )


def chosen_type_ids(course_state: CourseState) -> list[str]:
    """The types any segment uses, in catalog order; all types when none is chosen yet."""
    used = {t for s in course_state.segments for t in s.type_ids}
    chosen = [t for t in course_state.catalog.types if t in used]
    return chosen or list(course_state.catalog.types)


def cost_growth_chart(course_state: CourseState, *, with_style: bool = True) -> ChartView:
    """Cost per customer as the number of customers grows, for the types in use."""
    catalog = course_state.catalog
    return ChartView(
        course_state,
        title="Cost per customer as the customer count grows",
        explanation="Illustrative cost models: set-up costs spread over more customers make "
        "automated types cheaper at scale; personal types stay costly per customer.",
        draw=lambda: charts.layers_cost_growth(catalog, chosen_type_ids(course_state)),
        tabulate=lambda: charts.table_cost_growth(catalog, chosen_type_ids(course_state)),
        needs_segments=False,
        css_class="bmc-chart-cost-growth",
        with_style=with_style,
    )


class TradeOffs(ViewGroup):
    """The four trade-off charts, one under the other, each with its table."""

    def __init__(self, course_state: CourseState) -> None:
        self.charts = [
            cost_personalisation_chart(course_state, with_style=False),
            cost_vs_revenue_chart(course_state, with_style=False),
            lifetime_value_chart(course_state, with_style=False),
            cost_growth_chart(course_state, with_style=False),
        ]
        title = widgets.HTML(
            heading(
                "Trade-offs of your choices",
                3,
                sub="Redrawn whenever you change a segment or its relationships.",
            )
        )
        super().__init__([title, *self.charts], css_class="bmc-trade-offs")
