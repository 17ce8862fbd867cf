"""Shared look of every chart: a colour-blind-safe palette, projector-sized text.

Charts are built on :class:`matplotlib.figure.Figure` directly (never pyplot):
no global figure registry, no GUI backend, nothing to close, safe in threads.
Colours come from the Okabe-Ito palette, which stays distinguishable for the
common forms of colour blindness; every series also differs by marker or line
style, so a chart printed in grey still reads.
"""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)
GREY = "#8C8C8C"
LIGHT_GREY = "#E6E6E6"
FITS = "#009E73"
WARNING = "#E69F00"
PROBLEM = "#D55E00"

MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
LINESTYLES = ("-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)))

TITLE_SIZE = 16
LABEL_SIZE = 13
TEXT_SIZE = 12
SMALL_SIZE = 11


def colour(index: int) -> str:
    """The palette colour for series ``index`` (the Okabe-Ito colours, in turn)."""
    return OKABE_ITO[index % len(OKABE_ITO)]


def marker(index: int) -> str:
    """The marker for series ``index``, in turn, so series differ without colour."""
    return MARKERS[index % len(MARKERS)]


def linestyle(index: int) -> str | tuple[int, tuple[int, ...]]:
    """The line style for series ``index``, in turn, so series differ without colour."""
    return LINESTYLES[index % len(LINESTYLES)]


def new_figure(
    width: float = 9.0, height: float = 6.0, *, left: float = 0.9, top: float = 0.55
) -> tuple[Figure, Axes]:
    """A figure with one axes and fixed margins (in inches) for the titles and tick labels.

    Fixed margins instead of a layout engine: charts are redrawn on every
    change the learner makes, and a layout engine lays the figure out twice.
    """
    fig = Figure(figsize=(width, height))
    fig.subplots_adjust(
        left=left / width, right=1 - 0.25 / width, bottom=0.75 / height, top=1 - top / height
    )
    ax = fig.add_subplot()
    ax.tick_params(labelsize=SMALL_SIZE)
    return fig, ax


def label_axes(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    """Set the title (left-aligned) and both axis labels in the shared text sizes."""
    ax.set_title(title, fontsize=TITLE_SIZE, loc="left")
    ax.set_xlabel(xlabel, fontsize=LABEL_SIZE)
    ax.set_ylabel(ylabel, fontsize=LABEL_SIZE)


def segment_label(name: str, funder: str | None, limit: int) -> str:
    """A segment's row name: shortened, and for a free segment who pays for it."""
    shown = plain(shorten(name, limit))
    if funder is None:
        return shown
    return f"{shown}\n(paid for by {plain(shorten(funder, limit - 12))})"


def column_title(ax: Axes, title: str) -> None:
    """A bold title above the column of figures printed right of a bar chart's axes."""
    ax.text(
        1.03,
        1.01,
        title,
        transform=ax.transAxes,
        va="bottom",
        ha="left",
        fontsize=SMALL_SIZE,
        fontweight="bold",
    )


def compact_number(value: float) -> str:
    """A tick label people read at a glance: 1, 10, 100, 1k, 10k, 1M (no mathtext)."""
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            return f"{value / limit:g}{suffix}"
    return f"{value:g}"


def log_axes(ax: Axes) -> None:
    """Both axes logarithmic, decade ticks labelled 1k / 1M, no minor ticks.

    Plain labels instead of matplotlib's ``10^3`` mathtext: easier to read for
    learners, and mathtext parsing was a fifth of every redraw.
    """
    ax.set_xscale("log")
    ax.set_yscale("log")
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(LogLocator(base=10))
        axis.set_major_formatter(FuncFormatter(lambda value, _pos: compact_number(value)))
    ax.minorticks_off()  # a log axis makes dozens of minor ticks; decades are enough here


def log_fraction(value: float, low: float, high: float) -> float:
    """Where ``value`` sits between ``low`` and ``high`` on a log axis (0 = low, 1 = high)."""
    return math.log(value / low) / math.log(high / low)


def label_placement(x_fraction: float, y_fraction: float, gap: int = 10) -> dict[str, object]:
    """Annotation keywords that keep a label inside the axes, away from the nearest edges.

    Points in the right part get their label to the left, points near the top
    get it below; otherwise the label sits above and to the right.
    """
    right = x_fraction > 0.6
    top = y_fraction > 0.8
    return {
        "xytext": (-gap if right else gap, -gap if top else gap // 2),
        "textcoords": "offset points",
        "ha": "right" if right else "left",
        "va": "top" if top else "bottom",
    }


def plain(text: str) -> str:
    """Learner text made safe for matplotlib: ``$`` would otherwise start mathtext."""
    return text.replace("\\", "\\\\").replace("$", r"\$")


def shorten(text: str, limit: int = 32) -> str:
    """``text`` cut to ``limit`` characters, ending in an ellipsis when it was longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def empty_state(title: str, message: str) -> Figure:
    """A figure that says what to do instead of drawing empty axes."""
    fig, ax = new_figure(9.0, 3.0)
    ax.set_axis_off()
    ax.set_title(title, fontsize=TITLE_SIZE, loc="left")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=LABEL_SIZE, wrap=True)
    return fig
