"""A class's choices: for each segment archetype, how often each relationship type was chosen.

A segment counts once for each type in its mix, whatever share of its customers
the type serves (the counts come from the class summary, which reads the mix
through ``SegmentChoice.type_ids``).
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bmc_course.charts import style
from bmc_course.charts.label_layout import measuring_renderer
from bmc_course.model.catalog import Catalog

TITLE = "Relationship types chosen, per segment archetype"
X_LABEL = "Segments that chose the type"
WIDTH = 10.0  # inches
LABEL_WRAP = 20  # characters per line of an archetype's name
LABEL_GAP = 0.25  # inches between the longest archetype name and the figure's left edge


def table_class_choices(catalog: Catalog, by_archetype: Mapping[str, Counter[str]]) -> pd.DataFrame:
    """One row per archetype, one column per type: how many segments chose it."""
    rows = []
    for archetype_id, counts in by_archetype.items():
        archetype = catalog.archetypes.get(archetype_id)
        row: dict[str, object] = {"archetype": archetype.name if archetype else archetype_id}
        for type_id, relationship in catalog.types.items():
            row[relationship.name] = counts.get(type_id, 0)
        rows.append(row)
    return pd.DataFrame(rows, columns=["archetype", *(t.name for t in catalog.types.values())])


def plot_class_choices(catalog: Catalog, by_archetype: Mapping[str, Counter[str]]) -> Figure:
    """Grouped horizontal bars: archetypes down the side, one bar per type."""
    if not by_archetype:
        return style.empty_state(TITLE, "No segments in the accepted submissions yet.")
    table = table_class_choices(catalog, by_archetype)
    names = [str(n) for n in table["archetype"]]
    types = list(catalog.types.values())
    height = 1.4 + 0.17 * (len(types) + 1) * len(names)
    # the legend sits between the title and the bars, where it cannot cover a bar
    fig, ax = style.new_figure(WIDTH, max(4.0, height) + 0.6, left=2.6, top=1.25)
    positions = np.arange(len(names)) * (len(types) + 1)
    for index, relationship in enumerate(types):
        counts = table[relationship.name].to_numpy(dtype=float)
        bars = ax.barh(
            positions + index,
            counts,
            height=0.85,
            color=style.colour(index),
            hatch=("", "//", "..", "xx", "\\\\", "--")[index % 6],
            edgecolor="white",
            label=relationship.name,
        )
        # the count at the end of each bar, so no one reads a length off the grid
        ax.bar_label(
            bars, [f"{n:.0f}" if n else "" for n in counts], padding=3, fontsize=style.SMALL_SIZE
        )
    for boundary in positions[1:] - 1:  # a rule between archetypes: whose bars are whose
        ax.axhline(boundary, color=style.GREY, linewidth=0.8)
    most = float(table[[t.name for t in types]].to_numpy().max())
    ax.set_xlim(0, max(most, 1.0) * 1.08 + 0.3)  # room for the count after the longest bar
    ax.set_yticks(
        positions + (len(types) - 1) / 2,
        [style.plain(textwrap.fill(n, LABEL_WRAP)) for n in names],
    )
    ax.invert_yaxis()
    ax.set_title(TITLE, fontsize=style.TITLE_SIZE, loc="left", pad=46)
    ax.set_xlabel(X_LABEL, fontsize=style.LABEL_SIZE)
    ax.tick_params(axis="y", labelsize=style.TEXT_SIZE)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # a count of segments: no halves
    ax.grid(True, axis="x", color=style.LIGHT_GREY)
    ax.set_axisbelow(True)
    ax.legend(
        fontsize=style.SMALL_SIZE,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncols=3,
        frameon=False,
        borderaxespad=0.3,
    )
    _fit_names(fig, ax)
    return fig


def _fit_names(fig: Figure, ax: Axes) -> None:
    """Widen the left margin to the longest archetype name, so none is cut at the figure's edge."""
    renderer = measuring_renderer(fig)
    widest = max(
        (label.get_window_extent(renderer).width for label in ax.get_yticklabels()),
        default=0.0,
    )
    pad = ax.yaxis.get_tick_padding() * fig.dpi / 72  # tick length and gap, in pixels
    left = (widest + pad) / fig.dpi + LABEL_GAP
    fig.subplots_adjust(left=left / WIDTH)
