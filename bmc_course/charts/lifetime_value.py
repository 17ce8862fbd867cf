"""Per segment: what a customer is worth over the years against what it costs to win one.

One row per segment on a logarithmic money axis (segments differ by orders of
magnitude). The bar is the lifetime value — gross profit per customer a year
× the years a customer stays, from
:func:`bmc_course.logic.economics.business_economics`; a diamond marks the
acquisition cost the learner gave, and a dashed tick the rule of thumb of
``assumptions.toml`` (lifetime value at least ``warning_multiple`` times the
acquisition cost). Below ``problem_multiple`` times, each new customer loses
money. The bar's colour and hatch say which of the three it is; a segment
without an acquisition cost shows its lifetime value only, and a free segment
(``funded_by``) has none of its own.
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
from bmc_course.logic.economics import SegmentLike, business_economics
from bmc_course.logic.wording import money, years
from bmc_course.model.catalog import Catalog

TITLE = "Lifetime value vs the cost of winning a customer"
X_LABEL = "Per customer (log scale): gross profit over the years a customer stays"
COLUMN_TITLE = "Lifetime value"

FITS = "fits"
WARNING = "warning"
PROBLEM = "problem"
LTV_ONLY = "no acquisition cost given: lifetime value only"

# The bar's look per status: (colour, hatch, legend label). Hatches keep them apart in grey.
_LOOK = {
    FITS: (style.FITS, "", "meets the rule of thumb"),
    WARNING: (style.WARNING, "//", "below the rule of thumb"),
    PROBLEM: (style.PROBLEM, "xx", "below the acquisition cost"),
    LTV_ONLY: (style.OKABE_ITO[0], "..", "no acquisition cost given"),
}
ROW_HEIGHT_IN = 0.65
NAME_CHARS = 28


@dataclass(frozen=True)
class _Row:
    """One segment as the chart and its table show it."""

    id: str
    name: str
    gross_profit: float  # per customer a year
    customer_years: float
    years_from: str
    lifetime_value: float
    acquisition_cost: float | None  # None: not given (or nothing)
    funder: str | None
    status: str

    @property
    def multiple(self) -> float | None:
        """Lifetime value ÷ acquisition cost (``None`` without an acquisition cost)."""
        if self.acquisition_cost is None or self.funder is not None:
            return None
        return self.lifetime_value / self.acquisition_cost

    @property
    def has_bar(self) -> bool:
        return self.funder is None and self.lifetime_value > 0

    @property
    def label(self) -> str:
        return style.segment_label(self.name, self.funder, NAME_CHARS)


def _rows(segments: Sequence[SegmentLike], catalog: Catalog) -> list[_Row]:
    economics = business_economics(segments, catalog)
    names = {segment.id: segment.name for segment in segments}
    rule = catalog.assumptions.acquisition
    rows = []
    for segment, e in zip(segments, economics.segments, strict=True):
        figures = e.figures
        funder = None
        if figures.funded_by is not None:
            funder = names.get(figures.funded_by, figures.funded_by)
        # no acquisition cost, or a zero one, leaves nothing to pay back (as in the checks)
        acquisition = figures.acquisition_cost or None
        if funder is not None:
            status = f"free segment, paid for by {funder}"
        elif acquisition is None:
            status = LTV_ONLY
        else:
            multiple = e.lifetime_value / acquisition
            status = (
                FITS
                if multiple >= rule.warning_multiple
                else PROBLEM
                if multiple < rule.problem_multiple
                else WARNING
            )
        rows.append(
            _Row(
                id=segment.id,
                name=segment.name,
                gross_profit=e.gross_profit_per_customer,
                customer_years=figures.customer_years,
                years_from="yours" if figures.years_from == "learner" else "archetype default",
                lifetime_value=e.lifetime_value,
                acquisition_cost=acquisition,
                funder=funder,
                status=status,
            )
        )
    return rows


TABLE_COLUMNS = [
    "segment",
    "gross profit per customer a year",
    "years a customer stays",
    "lifetime value",
    "acquisition cost",
    "lifetime value ÷ acquisition cost",
    "rule of thumb",
    "status",
]


def table_lifetime_value(segments: Sequence[SegmentLike], catalog: Catalog) -> pd.DataFrame:
    """The chart as a table: per segment, lifetime value and the acquisition cost it must repay.

    "rule of thumb" is the lifetime value the course's assumption asks for
    (``warning_multiple`` × acquisition cost); a segment without an
    acquisition cost has neither, and its status says so.
    """
    warning = catalog.assumptions.acquisition.warning_multiple
    rows = []
    for row in _rows(segments, catalog):
        multiple = row.multiple
        rows.append(
            {
                "segment": row.name,
                "gross profit per customer a year": round(row.gross_profit, 2),
                "years a customer stays": f"{years(row.customer_years)} ({row.years_from})",
                "lifetime value": round(row.lifetime_value, 2),
                "acquisition cost": (
                    "—" if row.acquisition_cost is None else round(row.acquisition_cost, 2)
                ),
                "lifetime value ÷ acquisition cost": (
                    "—" if multiple is None else f"{multiple:.1f}×"
                ),
                "rule of thumb": (
                    "—"
                    if row.acquisition_cost is None or row.funder is not None
                    else f"at least {money(warning * row.acquisition_cost)} ({warning:g}×)"
                ),
                "status": row.status,
            }
        )
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def _money_range(rows: Sequence[_Row], warning: float) -> tuple[float, float]:
    """Whole decades around every value drawn, so small changes keep the background."""
    values = [row.lifetime_value for row in rows if row.has_bar]
    for row in rows:
        if row.multiple is not None and row.acquisition_cost is not None:
            values.extend((row.acquisition_cost, warning * row.acquisition_cost))
    if not values:
        return 1.0, 1000.0
    low = 10 ** math.floor(math.log10(min(values) / 2))
    high = 10 ** math.ceil(math.log10(max(values) * 2))
    return float(low), float(high)


def layers_lifetime_value(segments: Sequence[SegmentLike], catalog: Catalog) -> LayeredChart:
    """The chart in two layers: rows and the money axis, then each segment's bar and markers."""
    if not segments:
        return LayeredChart.still((__name__, "empty"), _empty)
    rule = catalog.assumptions.acquisition
    rows = _rows(segments, catalog)
    low, high = _money_range(rows, rule.warning_multiple)
    labels = tuple(row.label for row in rows)

    def background() -> tuple[Figure, Axes]:
        fig, ax = style.new_figure(*_figure_size(len(labels)), left=2.9, top=1.3)
        fig.subplots_adjust(right=1 - 2.0 / fig.get_figwidth(), bottom=1.5 / fig.get_figheight())
        _draw_background(ax, labels, (low, high), rule.warning_multiple, legend_on=fig)
        return fig, ax

    def foreground(ax: Axes) -> None:
        _draw_foreground(ax, rows, low, rule.warning_multiple)

    return LayeredChart(
        (__name__, labels, low, high, rule.warning_multiple),
        background,
        foreground,
        foreground_key=tuple(rows),
    )


def _figure_size(row_count: int) -> tuple[float, float]:
    return 11.0, 2.95 + ROW_HEIGHT_IN * row_count


def _draw_background(
    ax: Axes,
    labels: tuple[str, ...],
    money_range: tuple[float, float],
    warning: float,
    *,
    legend_on: Figure | None,
) -> None:
    """Title, rows, the log money axis and the key (under the axes on ``legend_on``, or in ``ax``)."""
    ax.set_title(TITLE, fontsize=style.TITLE_SIZE, loc="left", pad=28)
    ax.set_xlabel(X_LABEL, fontsize=style.LABEL_SIZE)
    style.log_axes(ax)
    ax.set_yscale("linear")
    ax.set_xlim(*money_range)
    ax.set_ylim(len(labels) - 0.5, -0.5)  # first segment at the top
    ax.set_yticks(range(len(labels)), labels, fontsize=style.TEXT_SIZE)
    ax.grid(True, axis="x", color=style.LIGHT_GREY)
    ax.set_axisbelow(True)
    style.column_title(ax, COLUMN_TITLE)
    handles: list[Patch | Line2D] = [
        Patch(facecolor=colour, hatch=hatch, edgecolor="white", label=label)
        for colour, hatch, label in _LOOK.values()
    ]
    handles.append(
        Line2D([], [], marker="D", color="black", linestyle="none", label="acquisition cost")
    )
    handles.append(
        Line2D(
            [],
            [],
            color="black",
            linestyle="--",
            linewidth=2,
            label=f"rule of thumb: {warning:g}× acquisition cost",
        )
    )
    if legend_on is not None:  # under the x label, outside the axes, where it covers no bar
        legend_on.legend(
            handles=handles,
            fontsize=style.SMALL_SIZE,
            loc="lower left",
            bbox_to_anchor=(0.5 / legend_on.get_figwidth(), 0.1 / legend_on.get_figheight()),
            ncols=3,
            frameon=False,
        )
    else:  # in someone else's axes: wherever it covers least
        ax.legend(handles=handles, fontsize=style.SMALL_SIZE - 1, loc="best")


def _draw_foreground(ax: Axes, rows: Sequence[_Row], low: float, warning: float) -> None:
    for index, row in enumerate(rows):
        if row.has_bar:
            colour, hatch, _label = _LOOK.get(row.status, _LOOK[LTV_ONLY])
            ax.barh(
                index,
                row.lifetime_value - low,
                left=low,
                height=0.6,
                color=colour,
                hatch=hatch,
                edgecolor="white",
                zorder=3,
                gid=f"ltv:{row.id}",
            )
        elif row.funder is None:
            _note(ax, index, row.id, "No gross profit, so no lifetime value yet")
        else:
            _note(ax, index, row.id, f"Free for these customers: paid for by {row.funder}")
        if row.multiple is not None and row.acquisition_cost is not None:
            ax.plot(
                [warning * row.acquisition_cost] * 2,
                [index - 0.42, index + 0.42],
                color="black",
                linestyle="--",
                linewidth=2,
                zorder=4,
                gid=f"rule:{row.id}",
            )
            ax.scatter(
                [row.acquisition_cost],
                [index],
                marker="D",
                s=70,
                color="black",
                edgecolors="white",
                zorder=5,
                gid=f"acquisition:{row.id}",
            )
        ax.text(
            1.03,
            index,
            _column_text(row),
            transform=ax.get_yaxis_transform(),
            va="center",
            ha="left",
            fontsize=style.SMALL_SIZE,
            zorder=4,
            clip_on=False,
            gid=f"figures:{row.id}",
        )


def _column_text(row: _Row) -> str:
    if row.funder is not None:
        return "— (free)"
    multiple = row.multiple
    value = money(row.lifetime_value)
    return value if multiple is None else f"{value} ({multiple:.1f}× acq.)"


def _note(ax: Axes, index: int, segment_id: str, text: str) -> None:
    ax.text(
        0.01,
        index,
        style.plain(text),
        transform=ax.get_yaxis_transform(),
        va="center",
        ha="left",
        fontsize=style.SMALL_SIZE,
        color="#333333",
        zorder=4,
        gid=f"note:{segment_id}",
    )


def _empty() -> Figure:
    return style.empty_state(
        TITLE,
        "Add a segment to see what a customer is worth over the years\n"
        "against what it costs to win one.",
    )


def plot_lifetime_value(
    segments: Sequence[SegmentLike], catalog: Catalog, *, ax: Axes | None = None
) -> Figure:
    """A bar per segment: lifetime value, with its acquisition cost and the rule of thumb.

    With ``ax`` the chart is drawn into those axes (its key inside them) and
    their Figure is returned; otherwise a new Figure of its own.
    """
    if ax is None:
        return layers_lifetime_value(segments, catalog).figure()
    figure = ax.get_figure(root=True)
    if not isinstance(figure, Figure):
        raise TypeError("expected axes that belong to a Figure")
    if not segments:
        ax.set_axis_off()
        ax.set_title(TITLE, fontsize=style.TITLE_SIZE, loc="left")
        ax.text(0.5, 0.5, "Add a segment to see its lifetime value.", ha="center", va="center")
        return figure
    rule = catalog.assumptions.acquisition
    rows = _rows(segments, catalog)
    low, high = _money_range(rows, rule.warning_multiple)
    _draw_background(
        ax, tuple(row.label for row in rows), (low, high), rule.warning_multiple, legend_on=None
    )
    _draw_foreground(ax, rows, low, rule.warning_multiple)
    return figure
