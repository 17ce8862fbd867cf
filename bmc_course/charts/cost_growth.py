"""Yearly cost per customer as the customer count grows, one line per relationship type.

A type's cost per customer is its yearly set-up (the set-up cost over its
``setup_years``) shared by the customers it serves, plus its running cost per
customer. The set-up is sized in tiers: past a tier's ``up_to_customers`` a
business needs the next, bigger set-up, so each line falls as customers are
added and jumps up where the bigger set-up starts. On log–log axes personal
types run almost flat while automated ones fall steeply; where a type run by
machines becomes cheaper than one run by people is marked as a crossover,
found on the piecewise model itself (see :func:`crossovers`).

The learner's segments are marked at their customer counts, so they can read
what each type would cost per customer at that size.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from bmc_course.charts import style
from bmc_course.charts.label_layout import LabelLayout, Spot
from bmc_course.charts.layered import LayeredChart
from bmc_course.logic.economics import SegmentLike
from bmc_course.logic.wording import money
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import CostModel, RelationshipType

TITLE = "Cost per customer as the number of customers grows"
X_LABEL = "Customers (log scale)"
Y_LABEL = "Cost per customer a year\n(illustrative, log scale)"  # two lines: fits the axes' height
MAX_CUSTOMERS = 1_000_000  # the x axis ends here, or at the decade above the largest segment
TABLE_COUNTS = (1, 10, 100, 1_000, 10_000, 100_000, 1_000_000)
# "Run by people" and "run by machines" on the 1-5 scales of assumptions.toml: 4 is
# "mostly". Communities and co-creation are neither: customers do much of the work.
MOSTLY = 4
CURVE_POINTS = 200
CROSSOVER_RADIUS = 8.0  # pixels around a crossover's marker that labels keep clear of
SEGMENT_NAME_LIMIT = 36  # characters of segment names beside their line
SHORT_SEGMENT_NAME = 14  # ... and where the whole name fits nowhere free


def is_run_by_people(relationship: RelationshipType) -> bool:
    """Mostly contact with the business's own people (``human_contact`` 4 or 5)."""
    return relationship.attributes.human_contact >= MOSTLY


def is_run_by_machines(relationship: RelationshipType) -> bool:
    """Mostly done by machines (``automation`` 4 or 5)."""
    return relationship.attributes.automation >= MOSTLY


@dataclass(frozen=True)
class Crossover:
    """From ``customers`` on, ``cheaper`` costs less per customer than ``dearer``."""

    cheaper: RelationshipType
    dearer: RelationshipType
    customers: int  # the first whole number of customers at which ``cheaper`` costs less

    @property
    def cost(self) -> float:
        """``cheaper``'s cost per customer at the crossover."""
        return self.cheaper.cost_model.cost_per_customer_at(self.customers)


def _types(catalog: Catalog, type_ids: Sequence[str]) -> list[RelationshipType]:
    wanted = [t for t in dict.fromkeys(type_ids) if t in catalog.types]
    return [catalog.types[t] for t in wanted] if wanted else list(catalog.types.values())


def setup_limits(model: CostModel, up_to: int = MAX_CUSTOMERS) -> list[int]:
    """The customer counts after which ``model`` needs its next, bigger set-up (below ``up_to``)."""
    return [
        tier.up_to_customers
        for tier in model.setup
        if tier.up_to_customers is not None and tier.up_to_customers < up_to
    ]


def _stretches(models: Iterable[CostModel], up_to: int) -> list[tuple[int, int]]:
    """Whole-number ranges ``(first, last)`` within which none of ``models`` changes set-up."""
    limits = sorted({limit for model in models for limit in setup_limits(model, up_to)})
    return list(zip([1, *(limit + 1 for limit in limits)], [*limits, up_to], strict=True))


def _first_true(first: int, last: int, test: Callable[[int], bool]) -> int:
    """The smallest n in ``first..last`` with ``test(n)``, for a test that turns true once and stays so."""
    while first < last:
        middle = (first + last) // 2
        if test(middle):
            last = middle
        else:
            first = middle + 1
    return first


def _cheaper_from(machine: CostModel, human: CostModel, up_to: int) -> list[int]:
    """Every customer count at which ``machine`` turns from not cheaper to cheaper than ``human``.

    Within a stretch where neither changes set-up, each costs ``a / n + b`` per
    customer, so their difference changes sign at most once there: a binary
    search finds the switch. Between stretches a set-up jump can switch it too.
    Cheaper from the very first customer is no crossover.
    """

    def cheaper(customers: int) -> bool:
        return machine.cost_per_customer_at(customers) < human.cost_per_customer_at(customers)

    found = []
    before = cheaper(1)
    for first, last in _stretches((machine, human), up_to):
        at_first, at_last = cheaper(first), cheaper(last)
        if at_first and not before:  # a set-up jump at the start of the stretch
            found.append(first)
        if at_last and not at_first:
            found.append(_first_true(first, last, cheaper))
        before = at_last
    return found


def crossovers(
    catalog: Catalog, type_ids: Sequence[str], *, up_to: int = MAX_CUSTOMERS
) -> list[Crossover]:
    """Every point up to ``up_to`` customers where a type run by machines gets cheaper than one run by people.

    Only pairs among ``type_ids`` (every type when it names none) count; a
    machine type that is cheaper from the first customer has no crossover.
    """
    types = _types(catalog, type_ids)
    found = [
        Crossover(machine, human, customers)
        for machine in types
        if is_run_by_machines(machine)
        for human in types
        if is_run_by_people(human) and human.id != machine.id
        for customers in _cheaper_from(machine.cost_model, human.cost_model, up_to)
    ]
    return sorted(found, key=lambda c: (c.customers, c.cheaper.id, c.dearer.id))


def first_crossovers(
    catalog: Catalog, type_ids: Sequence[str], *, up_to: int = MAX_CUSTOMERS
) -> list[Crossover]:
    """For each type run by people, the first point where a machine type gets cheaper."""
    first: dict[str, Crossover] = {}
    for crossover in crossovers(catalog, type_ids, up_to=up_to):
        first.setdefault(crossover.dearer.id, crossover)
    return sorted(first.values(), key=lambda c: c.customers)


def _axis_end(segments: Sequence[SegmentLike]) -> int:
    """``MAX_CUSTOMERS``, or the decade above the largest segment when that is bigger."""
    largest = max((segment.customers for segment in segments), default=0)
    if largest <= MAX_CUSTOMERS:
        return MAX_CUSTOMERS
    return int(10 ** math.ceil(math.log10(largest)))


def _curve(model: CostModel, up_to: int) -> tuple[np.ndarray, np.ndarray]:
    """Customer counts and cost per customer, with both sides of every set-up jump."""
    counts = np.geomspace(1, up_to, CURVE_POINTS)
    steps = [n for limit in setup_limits(model, up_to) for n in (limit, limit + 1)]
    counts = np.unique(np.concatenate([counts, np.asarray(steps, dtype=float)]))
    costs = np.array([model.yearly_setup(n) / n for n in counts]) + model.cost_per_customer
    return counts, costs


def _cost_range(catalog: Catalog, up_to: int) -> tuple[float, float]:
    """Whole decades around every type's cost curve: the same axes whichever types are shown."""
    costs = [
        model.cost_per_customer_at(customers)
        for model in (t.cost_model for t in catalog.types.values())
        for customers in (
            1,
            up_to,
            *(n for limit in setup_limits(model, up_to) for n in (limit, limit + 1)),
        )
    ]
    positive = [c for c in costs if c > 0] or [1.0]
    low = 10 ** math.floor(math.log10(min(positive)))
    high = 10 ** math.ceil(math.log10(max(positive)))
    return float(low), float(high)


def _plot_type(
    ax: Axes, relationship: RelationshipType, index: int, up_to: int, **line: object
) -> None:
    """One type's cost per customer from 1 to ``up_to``, in the type's colour and dashes."""
    counts, costs = _curve(relationship.cost_model, up_to)
    ax.plot(
        counts,
        costs,
        color=style.colour(index),
        linestyle=style.linestyle(index),
        **line,  # type: ignore[arg-type]  # matplotlib's stubs type each keyword; our style dicts are dict[str, object]
    )


def layers_cost_growth(
    catalog: Catalog, type_ids: Sequence[str], *, segments: Sequence[SegmentLike] = ()
) -> LayeredChart:
    """Log-log axes fixed for the catalog, then the chosen types, crossovers and segments on top.

    ``segments``, when given, are marked at their customer counts (and widen
    the x axis when one has more than ``MAX_CUSTOMERS`` customers).
    """
    types = _types(catalog, type_ids)
    order = list(catalog.types)
    up_to = _axis_end(segments)
    low, high = _cost_range(catalog, up_to)
    marked = _marks(segments)

    def background() -> tuple[Figure, Axes]:
        width = 11.0
        fig, ax = style.new_figure(width, 5.5, left=1.15)  # room for the two-line y label
        fig.subplots_adjust(right=1 - 3.1 / width)  # room for the key beside the axes
        style.label_axes(ax, TITLE, X_LABEL, Y_LABEL)
        style.log_axes(ax)
        ax.set_xlim(1, up_to)
        ax.set_ylim(low, high)
        ax.grid(True, which="major", color=style.LIGHT_GREY)
        # Every type, faint, for context; the chosen ones are drawn strong on top. So
        # the key to all six line styles is fixed and belongs to the background too.
        for index, relationship in enumerate(catalog.types.values()):
            _plot_type(
                ax,
                relationship,
                index,
                up_to,
                linewidth=1.2,
                alpha=0.3,
                label=relationship.name,
                gid=f"context:{relationship.id}",
            )
        legend = ax.legend(
            fontsize=style.SMALL_SIZE,
            loc="upper left",
            bbox_to_anchor=(1.02, 1.0),
            borderaxespad=0.0,
            frameon=False,
            title="Faint lines:\ntypes not chosen",
            title_fontsize=style.SMALL_SIZE,
        )
        for handle in legend.legend_handles:
            if isinstance(handle, Line2D):
                handle.set_alpha(1.0)
                handle.set_linewidth(2.5)
        legend.set_zorder(3)
        return fig, ax

    def foreground(ax: Axes) -> None:
        for relationship in types:
            _plot_type(
                ax,
                relationship,
                order.index(relationship.id),
                up_to,
                linewidth=2.5,
                gid=f"type:{relationship.id}",
                zorder=3,  # above the spines, like every foreground artist
            )
        legend = ax.get_legend()
        layout = LabelLayout(ax, avoid=[legend] if legend is not None else [])
        shown = first_crossovers(catalog, [t.id for t in types], up_to=up_to)
        for crossover in shown:
            layout.reserve_point(ax, crossover.customers, crossover.cost, CROSSOVER_RADIUS)
        # the crossover notes first: they say what the chart is for; segment names then
        # take the places still free beside their lines
        for crossover in shown:
            _draw_crossover(ax, crossover, (low, high), up_to, layout)
        _draw_segments(ax, marked, layout)

    return LayeredChart(
        (__name__, low, high, up_to),
        background,
        foreground,
        foreground_key=(
            tuple((t.id, t.name, *_cost_key(t.cost_model)) for t in types),
            tuple(marked),
        ),
    )


def _cost_key(model: CostModel) -> tuple[object, ...]:
    """What a type's line depends on, hashable (the model holds a list of tiers)."""
    tiers = tuple((tier.up_to_customers, tier.cost) for tier in model.setup)
    return (tiers, model.setup_years, model.cost_per_customer)


def _marks(segments: Sequence[SegmentLike]) -> list[tuple[str, str, int]]:
    """(ids, names, customers) per distinct customer count: segments of one size share a line."""
    by_count: dict[int, list[SegmentLike]] = {}
    for segment in segments:
        if segment.customers >= 1:
            by_count.setdefault(segment.customers, []).append(segment)
    return [
        (
            "+".join(s.id for s in group),
            ", ".join(
                style.shorten(s.name, 24 if len(group) > 1 else SEGMENT_NAME_LIMIT) for s in group
            ),
            customers,
        )
        for customers, group in sorted(by_count.items())
    ]


def _segment_label_spots(customers: int) -> list[Spot]:
    """Where a segment's name may go along its line: at the foot, left then right, then higher up."""
    return [
        {"position": (customers, y), "ha": ha, "va": va}
        for y, va in ((0.02, "bottom"), (0.98, "top"), (0.5, "center"))
        for ha in ("right", "left")
    ]


def _draw_segments(ax: Axes, marked: Sequence[tuple[str, str, int]], layout: LabelLayout) -> None:
    """A dotted vertical line at each segment size, its name beside it where no other label is."""
    for segment_id, name, customers in marked:
        ax.axvline(
            customers,
            color="#444444",
            linestyle=(0, (1, 2)),
            linewidth=1.5,
            zorder=3,
            gid=f"segment:{segment_id}",
        )
        label = ax.text(
            customers,
            0.02,
            f" {style.plain(style.shorten(name, SEGMENT_NAME_LIMIT))} ",
            transform=ax.get_xaxis_transform(),
            rotation=90,
            ha="right",
            va="bottom",
            fontsize=style.SMALL_SIZE - 1,
            color="#333333",
            bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1},
            zorder=4,
        )
        short = f" {style.plain(style.shorten(name, SHORT_SEGMENT_NAME))} "
        layout.place(label, _segment_label_spots(customers), wordings=[short])


def _crossover_label_spots(x_fraction: float, y_fraction: float) -> list[Spot]:
    """Where a crossover's note may go: away from the nearest edges first, then all round."""
    preferred = style.label_placement(x_fraction, y_fraction)
    gap = 10
    first: Spot = {"position": preferred["xytext"], "ha": preferred["ha"], "va": preferred["va"]}
    return [
        first,
        *(
            {"position": (dx * gap, dy * gap), "ha": ha, "va": va}
            for dy, va in ((0.5, "bottom"), (-0.5, "top"), (2.5, "bottom"), (-2.5, "top"))
            for dx, ha in ((1, "left"), (-1, "right"))
        ),
        {"position": (0, gap), "ha": "center", "va": "bottom"},
        {"position": (0, -gap), "ha": "center", "va": "top"},
    ]


def _draw_crossover(
    ax: Axes,
    crossover: Crossover,
    cost_range: tuple[float, float],
    up_to: int,
    layout: LabelLayout,
) -> None:
    ax.scatter(
        [crossover.customers],
        [crossover.cost],
        s=90,
        facecolors="white",
        edgecolors="black",
        linewidths=1.8,
        zorder=4,
        gid=f"crossover:{crossover.cheaper.id}:{crossover.dearer.id}",
    )
    note = ax.annotate(
        f"{crossover.cheaper.name} cheaper than {crossover.dearer.name.lower()}\n"
        f"from {crossover.customers:,} customers",
        (crossover.customers, crossover.cost),
        xytext=(0, 0),
        textcoords="offset points",
        fontsize=style.SMALL_SIZE - 1,
        bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 1},
        zorder=4,
    )
    layout.place(
        note,
        _crossover_label_spots(
            style.log_fraction(crossover.customers, 1, up_to),
            style.log_fraction(crossover.cost, *cost_range),
        ),
    )


def plot_cost_growth(
    catalog: Catalog, type_ids: Sequence[str], *, segments: Sequence[SegmentLike] = ()
) -> Figure:
    """One line per type (all types when ``type_ids`` is empty), set-up jumps and crossovers marked."""
    return layers_cost_growth(catalog, type_ids, segments=segments).figure()


def table_cost_growth(
    catalog: Catalog, type_ids: Sequence[str], *, segments: Sequence[SegmentLike] = ()
) -> pd.DataFrame:
    """The chart as a table: cost per customer at 1, 10, … customers, per type.

    Besides the round counts there is a row where each shown type needs a
    bigger set-up, at each crossover and at each segment's customer count; the
    "what happens here" column says which.
    """
    types = _types(catalog, type_ids)
    up_to = _axis_end(segments)
    notes: dict[int, list[str]] = {n: [] for n in TABLE_COUNTS if n <= up_to}
    for relationship in types:
        model = relationship.cost_model
        for limit in setup_limits(model, up_to):
            before, after = model.setup_tier(limit), model.setup_tier(limit + 1)
            notes.setdefault(limit + 1, []).append(
                f"{relationship.name} needs a bigger set-up "
                f"({money(after.cost)} instead of {money(before.cost)})"
            )
    for crossover in crossovers(catalog, [t.id for t in types], up_to=up_to):
        notes.setdefault(crossover.customers, []).append(
            f"{crossover.cheaper.name} now cheaper than {crossover.dearer.name.lower()}"
        )
    for segment in segments:
        if segment.customers >= 1:
            notes.setdefault(segment.customers, []).append(f"{segment.name} (segment size)")
    rows = []
    for customers in sorted(notes):
        row: dict[str, object] = {"customers": f"{customers:,}"}
        for relationship in types:
            row[relationship.name] = round(
                relationship.cost_model.cost_per_customer_at(customers), 2
            )
        row["what happens here"] = "; ".join(notes[customers])
        rows.append(row)
    return pd.DataFrame(rows, columns=["customers", *(t.name for t in types), "what happens here"])
