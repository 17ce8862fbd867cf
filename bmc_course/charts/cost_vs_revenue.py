"""Per segment: yearly relationship cost per customer against revenue per customer.

Both axes are logarithmic with the same range, so the imbalance thresholds of
``assumptions.toml`` (cost = 25 % / 50 % of revenue) are straight diagonals
and the bands between them read as "fits", "warning" and "problem".
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bmc_course.charts import style
from bmc_course.charts.layered import LayeredChart
from bmc_course.logic.checks import SegmentLike, relationship_cost_per_customer
from bmc_course.model.catalog import Catalog

TITLE = "Relationship cost vs revenue, per customer and year"
X_LABEL = "Revenue per customer a year"
Y_LABEL = "Relationship cost per customer a year (illustrative)"


def _status(cost: float, revenue: float, catalog: Catalog) -> str:
    rule = catalog.assumptions.imbalance
    if cost == 0:
        return "no relationships chosen"
    ratio = cost / revenue if revenue > 0 else float("inf")
    if ratio >= rule.problem_ratio:
        return "problem"
    if ratio >= rule.warning_ratio:
        return "warning"
    return "fits"


def table_cost_vs_revenue(catalog: Catalog, segments: Sequence[SegmentLike]) -> pd.DataFrame:
    """The chart as a table: one row per segment with cost, revenue, share and status."""
    rows = []
    for segment in segments:
        cost = relationship_cost_per_customer(segment, catalog)
        revenue = float(segment.revenue_per_customer)
        share = cost / revenue if revenue > 0 else float("inf")
        rows.append(
            {
                "segment": segment.name,
                "revenue per customer": round(revenue, 2),
                "relationship cost per customer": round(cost, 2),
                "cost as % of revenue": "—" if cost == 0 else f"{share:.0%}",
                "status": _status(cost, revenue, catalog),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "segment",
            "revenue per customer",
            "relationship cost per customer",
            "cost as % of revenue",
            "status",
        ],
    )


def _decade_floor(value: float) -> float:
    return float(10 ** math.floor(math.log10(value)))


def _decade_ceil(value: float) -> float:
    return float(10 ** math.ceil(math.log10(value)))


def layers_cost_vs_revenue(catalog: Catalog, segments: Sequence[SegmentLike]) -> LayeredChart:
    """The chart in two layers: axes and threshold bands, then the segments' points.

    The axes run over whole decades around the data, so small changes (a
    slider, one more type) keep the background and only move the points.
    """
    points = []
    left_out = []
    for segment in segments:
        cost = relationship_cost_per_customer(segment, catalog)
        revenue = float(segment.revenue_per_customer)
        if cost > 0 and revenue > 0:
            points.append((segment, revenue, cost))
        else:
            left_out.append(segment.name)
    if not points:
        return LayeredChart.still((__name__, "empty"), _empty)
    rule = catalog.assumptions.imbalance
    values = [v for _, revenue, cost in points for v in (revenue, cost)]
    low, high = _decade_floor(min(values) / 3), _decade_ceil(max(values) * 3)

    def background() -> tuple[Figure, Axes]:
        fig, ax = style.new_figure(8.0, 5.5)
        style.label_axes(ax, TITLE, X_LABEL, Y_LABEL)
        style.log_axes(ax)
        line = np.geomspace(low, high, 50)
        warning, problem = line * rule.warning_ratio, line * rule.problem_ratio
        ax.fill_between(line, low, warning, color=style.FITS, alpha=0.12, linewidth=0)
        ax.fill_between(line, warning, problem, color=style.WARNING, alpha=0.18, linewidth=0)
        ax.fill_between(line, problem, high, color=style.PROBLEM, alpha=0.14, linewidth=0)
        for name, ratio, colour, dashes, width in (
            ("warning", rule.warning_ratio, style.WARNING, "--", 2.0),
            ("problem", rule.problem_ratio, style.PROBLEM, ":", 2.5),
        ):
            ax.plot(
                line,
                line * ratio,
                color=colour,
                linestyle=dashes,
                linewidth=width,
                label=f"{name}: cost = {ratio:.0%} of revenue",
                gid=f"threshold:{name}",
            )
        ax.set_xlim(low, high)
        ax.set_ylim(low, high)
        ax.grid(True, which="major", color=style.LIGHT_GREY)
        # The legend names only the thresholds, so it belongs to the background; under
        # the points (zorder 3 < 4) so that a segment in its corner stays visible.
        ax.legend(fontsize=style.SMALL_SIZE, loc="upper left").set_zorder(3)
        return fig, ax

    def foreground(ax: Axes) -> None:
        for index, (segment, revenue, cost) in enumerate(points):
            ax.scatter(
                [revenue],
                [cost],
                s=140,
                marker=style.marker(index),
                color=style.colour(index),
                edgecolors="black",
                zorder=4,
                gid=f"segment:{segment.id}",
            )
            ax.annotate(
                style.plain(style.shorten(segment.name)),
                (revenue, cost),
                fontsize=style.TEXT_SIZE,
                zorder=4,
                **style.label_placement(  # type: ignore[arg-type]  # a dict of ha/va/xytext keywords; see style.label_placement
                    style.log_fraction(revenue, low, high), style.log_fraction(cost, low, high)
                ),
            )
        if left_out:
            names = ", ".join(style.plain(style.shorten(n, 24)) for n in left_out)
            ax.text(
                0.99,
                0.01,
                f"Not shown (no relationships or no revenue yet): {names}",
                transform=ax.transAxes,
                ha="right",
                va="bottom",
                fontsize=style.SMALL_SIZE,
                color="#444444",
                zorder=4,
            )

    return LayeredChart(
        (__name__, low, high, rule.warning_ratio, rule.problem_ratio),
        background,
        foreground,
        foreground_key=(
            tuple((s.id, s.name, revenue, cost) for s, revenue, cost in points),
            tuple(left_out),
        ),
    )


def _empty() -> Figure:
    return style.empty_state(
        TITLE,
        "Add a segment with a revenue per customer and choose its relationships\n"
        "to see what they cost against what each customer brings in.",
    )


def plot_cost_vs_revenue(catalog: Catalog, segments: Sequence[SegmentLike]) -> Figure:
    """Each segment as a point; diagonal bands show where cost eats too much of revenue."""
    return layers_cost_vs_revenue(catalog, segments).figure()
