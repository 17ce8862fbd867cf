"""Segments × acquisition / retention / boosting sales: covered, goal without cover, or neither.

A motivation is covered when any type in the segment's mix serves it, whatever
its share (channel words a learner typed cover nothing): the same rule as
:func:`bmc_course.logic.checks.covered_motivations`, which this chart calls.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from bmc_course.charts import style
from bmc_course.logic.checks import CheckedSegment, covered_motivations
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import MOTIVATION_IDS

TITLE = "Lifecycle coverage: which goals each segment's mix works on"

# Cell states, in the order of the colour map below.
NOT_COVERED = "not covered"
COVERED = "covered"
GOAL_COVERED = "goal ✓ covered"
GOAL_GAP = "goal ✗ gap"
_STATES = (NOT_COVERED, COVERED, GOAL_COVERED, GOAL_GAP)
_COLOURS = ListedColormap([style.LIGHT_GREY, "#B8E0D2", style.FITS, style.PROBLEM])


def coverage_status(segment: CheckedSegment, motivation: str, covered: set[str]) -> str:
    """One cell: whether the mix covers ``motivation`` and whether the segment has it as a goal."""
    goal = motivation in segment.motivations
    if motivation in covered:
        return GOAL_COVERED if goal else COVERED
    return GOAL_GAP if goal else NOT_COVERED


def table_lifecycle_coverage(catalog: Catalog, segments: Sequence[CheckedSegment]) -> pd.DataFrame:
    """The chart as a table: one row per segment, one column per motivation."""
    names = {m: catalog.motivations[m].name for m in MOTIVATION_IDS if m in catalog.motivations}
    rows = []
    for segment in segments:
        covered = covered_motivations(segment, catalog)
        row = {"segment": segment.name}
        for motivation in MOTIVATION_IDS:
            row[names.get(motivation, motivation)] = coverage_status(segment, motivation, covered)
        rows.append(row)
    return pd.DataFrame(rows, columns=["segment", *(names.get(m, m) for m in MOTIVATION_IDS)])


def plot_lifecycle_coverage(catalog: Catalog, segments: Sequence[CheckedSegment]) -> Figure:
    """A grid with the state written in every cell (colour is never the only cue)."""
    if not segments:
        return style.empty_state(TITLE, "Add a segment to see which lifecycle goals it covers.")
    table = table_lifecycle_coverage(catalog, segments)
    columns = list(table.columns[1:])
    grid = [[_STATES.index(state) for state in row[1:]] for row in table.itertuples(index=False)]
    height = 1.8 + 0.75 * len(segments)
    fig, ax = style.new_figure(9.5, height, left=2.6, top=1.0)
    ax.set_title(TITLE, fontsize=style.TITLE_SIZE - 2, loc="left")
    ax.imshow(grid, cmap=_COLOURS, vmin=0, vmax=len(_STATES) - 1, aspect="auto")
    for row_index, row in enumerate(grid):
        for col_index, state_index in enumerate(row):
            ax.text(
                col_index,
                row_index,
                _STATES[state_index],
                ha="center",
                va="center",
                fontsize=style.TEXT_SIZE,
                color="white" if state_index >= 2 else "black",
                fontweight="bold" if state_index == 3 else "normal",
            )
    ax.set_xticks(range(len(columns)), labels=columns, fontsize=style.TEXT_SIZE)
    ax.xaxis.tick_top()
    ax.set_yticks(
        range(len(segments)),
        labels=[style.plain(style.shorten(s.name)) for s in segments],
        fontsize=style.TEXT_SIZE,
    )
    ax.tick_params(length=0)
    for edge in ax.spines.values():
        edge.set_visible(False)
    ax.set_xticks([x - 0.5 for x in range(1, len(columns))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(segments))], minor=True)
    ax.grid(which="minor", color="white", linewidth=3)
    return fig
