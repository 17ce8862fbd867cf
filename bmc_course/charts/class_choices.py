"""A class's choices: for each segment archetype, how often each relationship type was chosen.

A segment counts once for each type in its mix, whatever share of its customers
the type serves (the counts come from the class summary, which reads the mix
through ``SegmentChoice.type_ids``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from bmc_course.charts import style
from bmc_course.model.catalog import Catalog

TITLE = "Relationship types chosen, per segment archetype"


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
    fig, ax = style.new_figure(10.0, max(4.0, height) + 0.6, left=2.6, top=1.25)
    positions = np.arange(len(names)) * (len(types) + 1)
    for index, relationship in enumerate(types):
        ax.barh(
            positions + index,
            table[relationship.name].to_numpy(dtype=float),
            height=0.85,
            color=style.colour(index),
            hatch=("", "//", "..", "xx", "\\\\", "--")[index % 6],
            edgecolor="white",
            label=relationship.name,
        )
    ax.set_yticks(positions + (len(types) - 1) / 2, [style.plain(n) for n in names])
    ax.invert_yaxis()
    ax.set_title(TITLE, fontsize=style.TITLE_SIZE, loc="left", pad=46)
    ax.set_xlabel("Segments that chose the type", fontsize=style.LABEL_SIZE)
    ax.tick_params(axis="y", labelsize=style.TEXT_SIZE)
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
    return fig
