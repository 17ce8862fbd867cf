"""A chart split into a background that rarely changes and a foreground of the learner's data.

Most of a chart's drawing time goes into text: title, axis labels, tick labels.
Those depend on the axes, not on the learner's picks, so a chart that is
redrawn on every change describes itself in two layers:

* ``draw_background`` builds the Figure with its axes, labels, limits, grid and
  anything else fixed for a given ``background_key``;
* ``draw_foreground`` adds the learner's data to those axes.

The fast path draws the foreground after the whole background, so foreground
artists that overlap background ones (spines, grid, bands) take a zorder of 3
or more, where a full render also puts them on top; ``tests`` compare both
paths pixel by pixel.

:meth:`LayeredChart.figure` draws both into one ordinary Figure (exports, tests,
anyone who wants a Figure); :class:`~bmc_course.charts.png_renderer.PngRenderer`
keeps the rendered background and only draws the foreground on a redraw.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure


@dataclass(frozen=True)
class LayeredChart:
    """Background (fixed for ``background_key``) plus a foreground drawn on its axes.

    ``foreground_key``, when given, names everything the foreground depends
    on: a renderer that has just drawn the same two keys can reuse its picture.
    """

    background_key: Hashable
    draw_background: Callable[[], tuple[Figure, Axes]]
    draw_foreground: Callable[[Axes], None]
    foreground_key: Hashable | None = None

    def figure(self) -> Figure:
        """Both layers in one new Figure."""
        fig, ax = self.draw_background()
        self.draw_foreground(ax)
        return fig

    @classmethod
    def still(cls, background_key: Hashable, draw: Callable[[], Figure]) -> LayeredChart:
        """A chart with nothing to redraw on top (e.g. an empty state): all background."""

        def background() -> tuple[Figure, Axes]:
            fig = draw()
            return fig, fig.axes[0]

        return cls(background_key, background, _no_foreground, foreground_key="nothing")


def _no_foreground(_ax: Axes) -> None:
    """Nothing drawn on top of the background."""
