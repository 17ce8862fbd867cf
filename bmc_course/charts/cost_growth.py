"""Yearly cost per customer as the customer count grows from 1 to 1,000,000.

Each type's illustrative cost model is a set-up cost spread over the
customers plus a cost per customer, so on log–log axes personal types run
almost flat while automated types fall steeply; where a type without human
contact becomes cheaper than one with it is marked as a crossover.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from bmc_course.charts import style
from bmc_course.charts.layered import LayeredChart
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import RelationshipType

TITLE = "Cost per customer as the number of customers grows"
X_LABEL = "Customers (log scale)"
Y_LABEL = "Cost per customer a year (illustrative, log scale)"
MAX_CUSTOMERS = 1_000_000
TABLE_COUNTS = (1, 10, 100, 1_000, 10_000, 100_000, 1_000_000)


@dataclass(frozen=True)
class Crossover:
    """From ``customers`` on, ``cheaper`` costs less per customer than ``dearer``."""

    cheaper: RelationshipType
    dearer: RelationshipType
    customers: float

    @property
    def cost(self) -> float:
        return self.cheaper.cost_model.cost_per_customer_at(round(self.customers))


def _types(catalog: Catalog, type_ids: Sequence[str]) -> list[RelationshipType]:
    wanted = [t for t in type_ids if t in catalog.types]
    return [catalog.types[t] for t in wanted] if wanted else list(catalog.types.values())


def crossovers(catalog: Catalog, type_ids: Sequence[str]) -> list[Crossover]:
    """Where each type without human contact overtakes each type with it (1 to 1,000,000)."""
    types = _types(catalog, type_ids)
    found = []
    for machine in (t for t in types if not t.human_contact):
        for human in (t for t in types if t.human_contact):
            m, h = machine.cost_model, human.cost_model
            if h.cost_per_customer <= m.cost_per_customer or m.setup_cost <= h.setup_cost:
                continue
            customers = (m.setup_cost - h.setup_cost) / (h.cost_per_customer - m.cost_per_customer)
            if 1 <= customers <= MAX_CUSTOMERS:
                found.append(Crossover(machine, human, customers))
    return sorted(found, key=lambda c: c.customers)


def first_crossovers(catalog: Catalog, type_ids: Sequence[str]) -> list[Crossover]:
    """For each type with human contact, the first point where a machine type gets cheaper."""
    first: dict[str, Crossover] = {}
    for crossover in crossovers(catalog, type_ids):
        first.setdefault(crossover.dearer.id, crossover)
    return sorted(first.values(), key=lambda c: c.customers)


def _cost_range(catalog: Catalog) -> tuple[float, float]:
    """Whole decades around every type's cost curve: the same axes whichever types are shown."""
    costs = [
        t.cost_model.setup_cost / customers + t.cost_model.cost_per_customer
        for t in catalog.types.values()
        for customers in (1, MAX_CUSTOMERS)
    ]
    positive = [c for c in costs if c > 0] or [1.0]
    low = 10 ** math.floor(math.log10(min(positive)))
    high = 10 ** math.ceil(math.log10(max(positive)))
    return float(low), float(high)


def _plot_type(ax: Axes, relationship: RelationshipType, index: int, **line: object) -> None:
    """One type's cost per customer from 1 to MAX_CUSTOMERS, in the type's colour and dashes."""
    counts = np.geomspace(1, MAX_CUSTOMERS, 200)
    model = relationship.cost_model
    ax.plot(
        counts,
        model.setup_cost / counts + model.cost_per_customer,
        color=style.colour(index),
        linestyle=style.linestyle(index),
        **line,  # type: ignore[arg-type]  # matplotlib's stubs type each keyword; our style dicts are dict[str, object]
    )


def layers_cost_growth(catalog: Catalog, type_ids: Sequence[str]) -> LayeredChart:
    """Log-log axes fixed for the catalog, then one line per type and the crossovers on top."""
    types = _types(catalog, type_ids)
    order = list(catalog.types)
    low, high = _cost_range(catalog)

    def background() -> tuple[Figure, Axes]:
        fig, ax = style.new_figure(8.5, 5.5)
        style.label_axes(ax, TITLE, X_LABEL, Y_LABEL)
        style.log_axes(ax)
        ax.set_xlim(1, MAX_CUSTOMERS)
        ax.set_ylim(low, high)
        ax.grid(True, which="major", color=style.LIGHT_GREY)
        # Every type, faint, for context; the chosen ones are drawn strong on top. So
        # the key to all six line styles is fixed and belongs to the background too.
        for index, relationship in enumerate(catalog.types.values()):
            _plot_type(
                ax,
                relationship,
                index,
                linewidth=1.2,
                alpha=0.3,
                label=relationship.name,
                gid=f"context:{relationship.id}",
            )
        legend = ax.legend(
            fontsize=style.SMALL_SIZE,
            loc="upper right",
            title="Faint lines: types not chosen",
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
                linewidth=2.5,
                gid=f"type:{relationship.id}",
                zorder=3,  # above the spines, like every foreground artist
            )
        for crossover in first_crossovers(catalog, [t.id for t in types]):
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
            ax.annotate(
                f"{crossover.cheaper.name} cheaper than {crossover.dearer.name.lower()}\n"
                f"from ~{crossover.customers:,.0f} customers",
                (crossover.customers, crossover.cost),
                fontsize=style.SMALL_SIZE - 1,
                zorder=4,
                **style.label_placement(  # type: ignore[arg-type]  # a dict of ha/va/xytext keywords; see style.label_placement
                    style.log_fraction(crossover.customers, 1, MAX_CUSTOMERS),
                    style.log_fraction(crossover.cost, low, high),
                ),
            )

    return LayeredChart(
        (__name__, low, high),
        background,
        foreground,
        foreground_key=tuple(
            (t.id, t.name, t.cost_model.setup_cost, t.cost_model.cost_per_customer) for t in types
        ),
    )


def plot_cost_growth(catalog: Catalog, type_ids: Sequence[str]) -> Figure:
    """One line per type (all types when ``type_ids`` is empty), crossovers marked."""
    return layers_cost_growth(catalog, type_ids).figure()


def table_cost_growth(catalog: Catalog, type_ids: Sequence[str]) -> pd.DataFrame:
    """The chart as a table: cost per customer at 1, 10, … 1,000,000 customers, per type."""
    types = _types(catalog, type_ids)
    rows = []
    for customers in TABLE_COUNTS:
        row: dict[str, object] = {"customers": f"{customers:,}"}
        for relationship in types:
            row[relationship.name] = round(
                relationship.cost_model.cost_per_customer_at(customers), 2
            )
        rows.append(row)
    return pd.DataFrame(rows)
