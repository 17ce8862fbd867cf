"""The learner's Customer Relationships block as a picture (the PNG export).

Laid out like the block on a printed canvas: a titled panel with one sticky
note per segment listing the relationships in its mix with the share of its
customers each serves ("Self-service (all)", "Personal assistance (20%)"),
what they work on, and the segment's economics in one line (the canvas
block's ``cost_line``: cost per customer against gross profit, or who pays
for a free segment).
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from bmc_course.charts import style
from bmc_course.logic.canvas_block import CanvasBlock, SegmentBlock

COLUMNS = 2
NOTE_WIDTH = 0.46
WRAP = 38
_NOTE_COLOURS = ("#FFF4C2", "#DCEFFA", "#DDF2E8", "#FBE3D6", "#F3E1EE", "#E8E8E8")


def _note_lines(item: SegmentBlock) -> list[tuple[str, str]]:
    """(text, weight) lines of one sticky note."""

    lines = [(line, "bold") for line in textwrap.wrap(style.plain(item.segment.name), WRAP)]
    lines.append((style.plain(item.archetype_name), "normal"))
    names = item.relationship_names or ["(no relationship chosen yet)"]
    for name in names:
        wrapped = textwrap.wrap(style.plain(name), WRAP - 2)
        lines.append((f"• {wrapped[0]}", "normal"))
        lines.extend((f"  {rest}", "normal") for rest in wrapped[1:])
    if item.segment.relationships:
        lines.extend((line, "normal") for line in textwrap.wrap(style.plain(item.cost_line), WRAP))
    if item.covered:
        lines.extend(
            (line, "normal")
            for line in textwrap.wrap("Works on: " + ", ".join(item.covered).lower(), WRAP)
        )
    return lines


def plot_canvas_block(block: CanvasBlock) -> Figure:
    """One picture of the whole block; grows in height with the number of segments."""
    notes = [_note_lines(item) for item in block.segments]
    rows = max(1, -(-len(notes) // COLUMNS))
    tallest = max((len(lines) for lines in notes), default=3)
    note_height_in = 0.32 * tallest + 0.4
    height = 1.6 + rows * (note_height_in + 0.3)
    fig = Figure(figsize=(10.0, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, height)
    ax.add_patch(
        FancyBboxPatch(
            (0.015, 0.05),
            0.97,
            height - 0.1,
            boxstyle="round,pad=0,rounding_size=0.02",
            facecolor="white",
            edgecolor="#333333",
            linewidth=2,
        )
    )
    ax.text(
        0.04,
        height - 0.45,
        "Customer Relationships",
        fontsize=style.TITLE_SIZE + 4,
        fontweight="bold",
        va="center",
    )
    byline = style.plain(block.business or "Untitled business")
    if block.learner:
        byline += " — " + style.plain(block.learner)
    ax.text(0.04, height - 0.95, style.shorten(byline, 90), fontsize=style.LABEL_SIZE, va="center")
    if not notes:
        ax.text(0.5, 0.6, "No segments yet.", ha="center", fontsize=style.LABEL_SIZE)
    for index, lines in enumerate(notes):
        row, col = divmod(index, COLUMNS)
        x = 0.04 + col * (NOTE_WIDTH + 0.02)
        top = height - 1.4 - row * (note_height_in + 0.3)
        ax.add_patch(
            FancyBboxPatch(
                (x, top - note_height_in),
                NOTE_WIDTH,
                note_height_in,
                boxstyle="round,pad=0,rounding_size=0.015",
                facecolor=_NOTE_COLOURS[index % len(_NOTE_COLOURS)],
                edgecolor="#999999",
                gid=f"note:{block.segments[index].segment.id}",
            )
        )
        for line_index, (text, weight) in enumerate(lines):
            ax.text(
                x + 0.015,
                top - 0.3 - line_index * 0.32,
                text,
                fontsize=style.TEXT_SIZE,
                fontweight=weight,
                va="center",
            )
    return fig
