"""Per segment: relationship cost per customer against the gross profit each customer leaves.

One row per segment. Its bar is the yearly relationship cost per customer as a
share of the segment's gross profit per customer (revenue × gross margin), in
parts: the running cost of the mix, the segment's part of the yearly set-up,
and — for a segment that pays for free ones (``funded_by``) — what those cost
per paying customer. The imbalance thresholds of ``assumptions.toml`` are
shares of gross profit too, so they are straight vertical lines and the bands
between them read "fits", "warning" and "problem". A free segment has no bar:
its cost is part of its funder's, and its row gives its own cost and says who
pays for it.

Every figure comes from :func:`bmc_course.logic.economics.business_economics`;
the chart only divides by the gross profit it reports.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from bmc_course.charts import style
from bmc_course.charts.layered import LayeredChart
from bmc_course.logic.economics import SegmentEconomics, SegmentLike, business_economics
from bmc_course.logic.wording import money, percent
from bmc_course.model.catalog import Catalog

TITLE = "Relationship cost vs gross profit, per customer and year"
X_LABEL = "Relationship cost per customer a year, as a share of gross profit per customer"
COLUMN_TITLE = "Cost / gross profit\nper customer a year"
# The x axis ends at the first of these that holds every bar; longer bars are cut at the last.
AXIS_ENDS = (1.0, 1.5, 2.0, 3.0)

NO_RELATIONSHIPS = "no relationships chosen"
NO_GROSS_PROFIT = "problem: no gross profit"

# The three parts of a bar: (key, label, colour, hatch). Hatches keep them apart in grey print.
RUNNING = ("running", "running cost", style.OKABE_ITO[0], "")
SETUP = ("setup", "set-up (this year's part)", style.OKABE_ITO[5], "//")
CARRIED = ("carried", "free segments it pays for", style.OKABE_ITO[4], "xx")
PARTS = (RUNNING, SETUP, CARRIED)

ROW_HEIGHT_IN = 0.65
NAME_CHARS = 28


@dataclass(frozen=True)
class _Row:
    """One segment as the chart and its table show it."""

    economics: SegmentEconomics
    name: str
    revenue_label: str
    funder: str | None  # the paying segment's name, for a free segment
    carries: tuple[str, ...]  # names of the free segments this one pays for
    status: str

    @property
    def id(self) -> str:
        return self.economics.segment_id

    @property
    def ratio(self) -> float | None:
        return self.economics.cost_share_of_gross_profit

    @property
    def has_bar(self) -> bool:
        return self.funder is None and self.status != NO_RELATIONSHIPS

    @property
    def label(self) -> str:
        """The row's name on the chart: shortened, with its funder when it is free."""
        return style.segment_label(self.name, self.funder, NAME_CHARS)

    def parts(self) -> tuple[float, float, float]:
        """Running, set-up and carried cost per customer, each as a share of gross profit."""
        e = self.economics
        profit = e.gross_profit_per_customer
        costs = (
            e.running_cost_per_customer,
            e.setup_cost_per_customer,
            e.carried_cost_per_customer,
        )
        if profit > 0:
            return (costs[0] / profit, costs[1] / profit, costs[2] / profit)
        return (float("inf"), 0.0, 0.0) if sum(costs) > 0 else (0.0, 0.0, 0.0)


def _rows(catalog: Catalog, segments: Sequence[SegmentLike]) -> list[_Row]:
    economics = business_economics(segments, catalog)
    names = {segment.id: segment.name for segment in segments}
    rows = []
    for segment, segment_economics in zip(segments, economics.segments, strict=True):
        archetype = catalog.archetypes.get(segment.archetype)
        funder = None
        if segment.funded_by is not None:
            funder = names.get(segment.funded_by, segment.funded_by)
        rows.append(
            _Row(
                economics=segment_economics,
                name=segment.name,
                revenue_label=archetype.revenue_label if archetype else "revenue per customer",
                funder=funder,
                carries=tuple(names.get(i, i) for i, _ in segment_economics.carried),
                status=_status(segment_economics, funder, catalog),
            )
        )
    return rows


def _status(economics: SegmentEconomics, funder: str | None, catalog: Catalog) -> str:
    if funder is not None:
        return f"paid for by {funder}"
    if not economics.types and not economics.carried:
        return NO_RELATIONSHIPS
    ratio = economics.cost_share_of_gross_profit
    rule = catalog.assumptions.imbalance
    if ratio is None or ratio < rule.warning_ratio:
        return "fits"
    if ratio == float("inf"):
        return NO_GROSS_PROFIT
    return "problem" if ratio >= rule.problem_ratio else "warning"


TABLE_COLUMNS = [
    "segment",
    "revenue counted as",
    "revenue per customer",
    "gross margin",
    "gross profit per customer",
    "running cost per customer",
    "set-up per customer a year",
    "free segments carried per customer",
    "relationship cost per customer",
    "cost as % of gross profit",
    "status",
]


def table_cost_vs_revenue(catalog: Catalog, segments: Sequence[SegmentLike]) -> pd.DataFrame:
    """The chart as a table: one row per segment, each part of its cost and its status.

    Amounts are per customer a year. "revenue counted as" is the archetype's
    name for the revenue figure (a citizens segment's is a yearly budget per
    person); "gross margin" says whether it is the learner's or the archetype's.
    """
    rows = []
    for row in _rows(catalog, segments):
        e = row.economics
        figures = e.figures
        carried = e.carried_cost_per_customer
        rows.append(
            {
                "segment": row.name,
                "revenue counted as": row.revenue_label,
                "revenue per customer": round(figures.revenue_per_customer, 2),
                "gross margin": f"{figures.gross_margin:.0%} ({_source(figures.margin_from)})",
                "gross profit per customer": round(e.gross_profit_per_customer, 2),
                "running cost per customer": round(e.running_cost_per_customer, 2),
                "set-up per customer a year": round(e.setup_cost_per_customer, 2),
                "free segments carried per customer": (
                    f"{money(carried)} ({', '.join(row.carries)})" if row.carries else "—"
                ),
                "relationship cost per customer": round(
                    e.own_cost_per_customer if row.funder else e.cost_per_customer, 2
                ),
                "cost as % of gross profit": (
                    "—" if row.ratio is None or not row.has_bar else percent(row.ratio)
                ),
                "status": row.status,
            }
        )
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def _source(source: str) -> str:
    return "yours" if source == "learner" else "archetype default"


def _axis_end(rows: Sequence[_Row]) -> float:
    """The first of :data:`AXIS_ENDS` that holds every bar (the last one when none does)."""
    longest = max((sum(row.parts()) for row in rows if row.has_bar), default=0.0)
    return next((end for end in AXIS_ENDS if longest <= end), AXIS_ENDS[-1])


def layers_cost_vs_revenue(catalog: Catalog, segments: Sequence[SegmentLike]) -> LayeredChart:
    """The chart in two layers: rows, bands and thresholds, then each segment's bar and figures.

    The background depends on the segments' names (the rows), whether any
    segment pays for a free one (the legend) and a stepped axis end, so moving
    a slider redraws only the bars.
    """
    if not segments:
        return LayeredChart.still((__name__, "empty"), _empty)
    rows = _rows(catalog, segments)
    end = _axis_end(rows)
    rule = catalog.assumptions.imbalance
    labels = tuple(row.label for row in rows)
    any_carried = any(row.carries for row in rows)

    def background() -> tuple[Figure, Axes]:
        return _background(labels, end, rule.warning_ratio, rule.problem_ratio, any_carried)

    def foreground(ax: Axes) -> None:
        for index, row in enumerate(rows):
            _draw_row(ax, index, row, end)

    return LayeredChart(
        (__name__, labels, end, rule.warning_ratio, rule.problem_ratio, any_carried),
        background,
        foreground,
        foreground_key=tuple(
            (row.id, row.status, row.parts(), _column_text(row), _inside_text(row)) for row in rows
        ),
    )


def _background(
    labels: tuple[str, ...], end: float, warning: float, problem: float, any_carried: bool
) -> tuple[Figure, Axes]:
    width, left, right, bottom = 11.0, 2.9, 2.3, 1.5
    height = 2.95 + ROW_HEIGHT_IN * len(labels)
    fig, ax = style.new_figure(width, height, left=left, top=1.3)
    fig.subplots_adjust(right=1 - right / width, bottom=bottom / height)
    ax.set_title(TITLE, fontsize=style.TITLE_SIZE, loc="left", pad=44)
    ax.set_xlabel(X_LABEL, fontsize=style.LABEL_SIZE)
    ax.set_xlim(0, end)
    ax.set_ylim(len(labels) - 0.5, -0.5)  # first segment at the top
    ax.set_yticks(range(len(labels)), labels, fontsize=style.TEXT_SIZE)
    ax.xaxis.set_major_formatter(lambda value, _pos: f"{value:.0%}")
    # bands with their names above the axes, so colour is never the only cue
    for low, high, colour, alpha, name in (
        (0.0, warning, style.FITS, 0.12, "fits"),
        (warning, problem, style.WARNING, 0.18, "warning"),
        (problem, end, style.PROBLEM, 0.14, "problem"),
    ):
        ax.axvspan(low, high, color=colour, alpha=alpha, linewidth=0, gid=f"band:{name}")
        ax.text(
            (low + high) / 2,
            1.01,
            name,
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="bottom",
            fontsize=style.SMALL_SIZE - 1,
        )
    handles: list[Patch | Line2D] = [
        Patch(facecolor=colour, hatch=hatch, edgecolor="white", label=label)
        for _key, label, colour, hatch in (RUNNING, SETUP, *([CARRIED] if any_carried else []))
    ]
    for name, ratio, colour, dashes in (
        ("warning", warning, style.WARNING, "--"),
        ("problem", problem, style.PROBLEM, ":"),
    ):
        handles.append(
            ax.axvline(
                ratio,
                color=colour,
                linestyle=dashes,
                linewidth=2.2,
                label=f"{name}: {ratio:.0%} of gross profit",
                gid=f"threshold:{name}",
            )
        )
    if end > 1.0:
        ax.axvline(1.0, color="#444444", linewidth=1.2, gid="threshold:all")
    ax.grid(True, axis="x", color=style.LIGHT_GREY)
    ax.set_axisbelow(True)
    style.column_title(ax, COLUMN_TITLE)
    # under the x label, outside the axes, where it covers no bar
    fig.legend(
        handles=handles,
        fontsize=style.SMALL_SIZE,
        loc="lower left",
        bbox_to_anchor=(0.5 / width, 0.1 / height),
        ncols=3,
        frameon=False,
    )
    return fig, ax


def _column_text(row: _Row) -> str:
    """The figures beside a row: cost of gross profit, or why there is no bar."""
    e = row.economics
    ratio = row.ratio
    if row.funder is not None or ratio is None:
        return f"own cost {money(e.own_cost_per_customer)}"
    if row.status == NO_RELATIONSHIPS:
        return "—"
    if math.isinf(ratio):
        return f"{money(e.cost_per_customer)} of no gross profit"
    return (
        f"{money(e.cost_per_customer)} of {money(e.gross_profit_per_customer)} ({percent(ratio)})"
    )


def _inside_text(row: _Row) -> str:
    """What a row without a bar says inside the chart."""
    if row.funder is not None:
        return (
            f"Free for these customers: {money(row.economics.own_cost_per_customer)} each a "
            f"year, carried by {style.shorten(row.funder, 24)}"
        )
    if row.status == NO_RELATIONSHIPS:
        return "No relationships chosen yet"
    return ""


def _shown(parts: tuple[float, float, float], end: float) -> tuple[float, ...]:
    """The parts as drawn: a bar longer than the axis is cut at its end, parts in proportion."""
    total = sum(parts)
    if total <= end:
        return parts
    if math.isinf(total):  # no gross profit at all: one bar across the whole axis
        return (end, 0.0, 0.0)
    return tuple(part * end / total for part in parts)


def _draw_row(ax: Axes, index: int, row: _Row, end: float) -> None:
    if row.has_bar:
        left = 0.0
        for (key, _label, colour, hatch), width in zip(
            PARTS, _shown(row.parts(), end), strict=True
        ):
            if width <= 0:
                continue
            ax.barh(
                index,
                width,
                left=left,
                height=0.6,
                color=colour,
                hatch=hatch,
                edgecolor="white",
                zorder=3,
                gid=f"part:{row.id}:{key}",
            )
            left += width
        if sum(row.parts()) > end:  # a marker where the bar is cut
            ax.scatter(
                [end],
                [index],
                marker=">",
                s=120,
                color="black",
                clip_on=False,
                zorder=4,
                gid=f"cut:{row.id}",
            )
    inside = _inside_text(row)
    if inside:
        ax.text(
            0.01 * end,
            index,
            style.plain(inside),
            va="center",
            ha="left",
            fontsize=style.SMALL_SIZE,
            color="#333333",
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 2},
            zorder=4,
            gid=f"note:{row.id}",
        )
    ax.text(
        1.03,
        index,
        style.plain(_column_text(row)),
        transform=ax.get_yaxis_transform(),
        va="center",
        ha="left",
        fontsize=style.SMALL_SIZE,
        zorder=4,
        clip_on=False,
        gid=f"figures:{row.id}",
    )


def _empty() -> Figure:
    return style.empty_state(
        TITLE,
        "Add a segment with a revenue per customer and choose its relationships\n"
        "to see what they cost against the gross profit each customer leaves.",
    )


def plot_cost_vs_revenue(catalog: Catalog, segments: Sequence[SegmentLike]) -> Figure:
    """A bar per segment: relationship cost in parts, as a share of gross profit per customer."""
    return layers_cost_vs_revenue(catalog, segments).figure()
