"""Labels placed where they overlap nothing already placed, inside the axes.

A chart's labels (crossover notes, segment names) are set where the data puts
them, so two can land on each other or run off the axes into the legend. A
:class:`LabelLayout` measures each label with the figure's renderer and tries
its candidate positions in turn, keeping the first that stays inside the axes
and clear of every box taken so far (the legend, markers, earlier labels).
When none is clear it keeps the one that overlaps least.

The measuring renderer is the figure's own Agg renderer when it has one (the
fast redraw path), otherwise a fresh one with the figure's size and dpi: text
measures the same in both, so both paths place labels alike, pixel for pixel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

PAD = 3.0  # pixels kept clear around every label

# one place a label may take: keywords for ``Text.set`` (position, ha, va...)
Spot = Mapping[str, object]


def measuring_renderer(fig: Figure) -> RendererBase:
    """A renderer to measure ``fig``'s text with: its canvas's own, or one of the same size and dpi."""
    canvas = fig.canvas
    if isinstance(canvas, FigureCanvasAgg):
        renderer: RendererBase = canvas.get_renderer()
        return renderer
    return RendererAgg(int(fig.bbox.width), int(fig.bbox.height), fig.dpi)


def _overlap(one: Bbox, other: Bbox) -> float:
    """The area two boxes share (0 when apart)."""
    width = float(min(one.x1, other.x1) - max(one.x0, other.x0))
    height = float(min(one.y1, other.y1) - max(one.y0, other.y0))
    return max(width, 0.0) * max(height, 0.0)


def _outside(box: Bbox, area: Bbox) -> float:
    """The area of ``box`` that lies outside ``area``."""
    return box.width * box.height - _overlap(box, area)


class LabelLayout:
    """Boxes taken so far on one axes, and labels placed around them."""

    def __init__(self, ax: Axes, *, avoid: Iterable[Artist] = ()) -> None:
        fig = ax.get_figure(root=True)
        if not isinstance(fig, Figure):
            raise TypeError("labels can only be laid out on an axes that belongs to a figure")
        self.renderer = measuring_renderer(fig)
        self.area = ax.bbox.frozen()
        self.taken: list[Bbox] = [a.get_window_extent(self.renderer) for a in avoid]

    def reserve(self, box: Bbox) -> None:
        """Keep labels off ``box`` (in display pixels)."""
        self.taken.append(box)

    def reserve_point(self, ax: Axes, x: float, y: float, radius: float) -> None:
        """Keep labels ``radius`` pixels away from the data point ``(x, y)`` (e.g. a marker)."""
        px, py = ax.transData.transform((x, y))
        self.reserve(Bbox.from_extents(px - radius, py - radius, px + radius, py + radius))

    def box_of(self, text: Text) -> Bbox:
        """Where ``text`` is drawn now, padded by :data:`PAD`."""
        box = text.get_window_extent(self.renderer)
        return Bbox.from_extents(box.x0 - PAD, box.y0 - PAD, box.x1 + PAD, box.y1 + PAD)

    def place(
        self,
        text: Text,
        candidates: Sequence[Spot],
        wordings: Sequence[str] = (),
    ) -> int:
        """Set ``text`` to the first candidate (``Text.set`` keywords) that overlaps nothing.

        ``wordings``, when given, are shorter versions of the text to try, in
        turn, at every candidate when the text as it is fits nowhere. Returns
        the index of the candidate kept; the text's box is then taken.
        """
        best: tuple[float, int, str, Bbox] | None = None
        for wording in (text.get_text(), *wordings):
            text.set_text(wording)
            for index, candidate in enumerate(candidates):
                text.set(**candidate)
                box = self.box_of(text)
                cost = _outside(box, self.area) + sum(_overlap(box, t) for t in self.taken)
                if best is None or cost < best[0]:
                    best = (cost, index, wording, box)
                if cost == 0:
                    break
            if best is not None and best[0] == 0:
                break
        if best is None:
            return -1
        text.set_text(best[2])
        text.set(**candidates[best[1]])
        self.reserve(best[3])
        return best[1]
