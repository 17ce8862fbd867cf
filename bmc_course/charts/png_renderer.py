"""Charts to PNG bytes, fast enough to redraw on every change the learner makes.

A :class:`PngRenderer` belongs to one view. For a plain Figure it renders the
whole thing. For a :class:`~bmc_course.charts.layered.LayeredChart` it renders
the background once per ``background_key``, keeps the pixels, and on later
redraws restores them and draws only the foreground artists on top (what
matplotlib calls blitting) — the same picture as drawing the whole Figure,
for a fraction of the text rendering.

The PNG encoder is our own (:func:`encode_png`), kept after measuring Pillow
against it (Pillow 13, ``compress_level=1``, RGB; 2-core machine):

* encoding alone, the same canvases, interleaved, best of 60: cost vs revenue
  (800×550) 4.7 ms ours / 8.5 ms Pillow; cost-personalisation map 4.6 / 8.0;
  cost growth (850×550) 5.4 / 9.6 — Pillow about 1.8× slower, for files of
  about the same size (60/63, 56/54, 87/97 KiB). Pillow's default level 6:
  11.7–14.3 ms.
* ``benchmarks/bench_widget_redraw.py``, two batches of 5 runs each,
  interleaved, on a busy machine: the relationship toggle (three charts) at
  1.01× the floor in the best run and 1.05× / 1.15× in the batches' median
  runs with ours, 1.15× and 1.27× / 1.30× with Pillow (goal: 1.3×); the
  what-if slider (best run) 0.34× ours, 0.39× Pillow.
"""

from __future__ import annotations

import struct
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bmc_course.charts.layered import LayeredChart

DPI = 100
# zlib level 1: several times faster than the usual 6 for a few more kilobytes;
# these pictures are redrawn on every change and never leave this machine.
COMPRESS_LEVEL = 1


def encode_png(canvas: FigureCanvasAgg) -> bytes:
    """The canvas's current pixels as an RGB PNG.

    Written here rather than with Pillow because Pillow always runs PNG's
    adaptive row filters on RGB images, which cost as much as the compression
    itself; for flat-coloured charts filter type 0 ("none") plus fast zlib
    gives files of the same size in a little over half the time (figures in
    the module docstring). The format is PNG 1.2: signature, IHDR, one IDAT,
    IEND, each chunk with its CRC.
    """
    rgba = np.asarray(canvas.buffer_rgba())
    height, width = rgba.shape[:2]
    rows = np.zeros((height, 1 + width * 3), dtype=np.uint8)  # column 0: filter type 0
    rows[:, 1:] = rgba[:, :, :3].reshape(height, width * 3)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"".join(
        (
            PNG_SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(rows.tobytes(), COMPRESS_LEVEL)),
            _chunk(b"IEND", b""),
        )
    )


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def figure_png(fig: Figure) -> bytes:
    """A whole Figure rendered to PNG bytes."""
    fig.set_dpi(DPI)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return encode_png(canvas)


@dataclass
class _Background:
    key: Any
    fig: Figure
    ax: Axes
    canvas: FigureCanvasAgg
    pixels: Any  # the saved region (matplotlib's BufferRegion)


class PngRenderer:
    """Renders charts to PNG, reusing the last background of a layered chart."""

    def __init__(self) -> None:
        self._background: _Background | None = None
        self._last: tuple[Any, Any, bytes] | None = None  # keys and picture of the last chart
        self.background_draws = 0  # how often a background was rendered (for tests)
        self.foreground_draws = 0

    def png(self, chart: Figure | LayeredChart) -> bytes:
        """The chart as PNG; a layered chart reuses a recent picture or a drawn background."""
        if isinstance(chart, Figure):
            return figure_png(chart)
        keys = (chart.background_key, chart.foreground_key)
        if chart.foreground_key is not None and self._last and self._last[:2] == keys:
            return self._last[2]
        shared = _RECENT.get(keys) if chart.foreground_key is not None else None
        if shared is None:
            shared = self._draw(chart)
            if chart.foreground_key is not None:
                _remember(keys, shared)
        self._last = (*keys, shared)
        return shared

    def _draw(self, chart: LayeredChart) -> bytes:
        self.foreground_draws += 1
        background = self._background_for(chart)
        ax = background.ax
        before = set(ax.get_children())
        chart.draw_foreground(ax)
        foreground = [a for a in ax.get_children() if a not in before]
        try:
            background.canvas.restore_region(background.pixels)
            for artist in sorted(foreground, key=lambda a: a.get_zorder()):
                ax.draw_artist(artist)
            return encode_png(background.canvas)
        finally:
            _remove(foreground)

    def _background_for(self, chart: LayeredChart) -> _Background:
        cached = self._background
        if cached is not None and cached.key == chart.background_key:
            return cached
        fig, ax = chart.draw_background()
        fig.set_dpi(DPI)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        self.background_draws += 1
        self._background = _Background(
            chart.background_key,
            fig,
            ax,
            canvas,
            canvas.copy_from_bbox(fig.bbox),
        )
        return self._background


# Pictures drawn lately, by (background_key, foreground_key), shared by every
# renderer in the process: a notebook showing the same chart twice (the
# trade-offs and the what-if view) draws it once. Keys start with the chart's
# module name, so two charts never share a key.
_RECENT: OrderedDict[tuple[Any, Any], bytes] = OrderedDict()
RECENT_PICTURES = 16


def _remember(keys: tuple[Any, Any], png: bytes) -> None:
    _RECENT[keys] = png
    _RECENT.move_to_end(keys)
    while len(_RECENT) > RECENT_PICTURES:
        _RECENT.popitem(last=False)


def _remove(artists: list[Artist]) -> None:
    """Take the foreground off the axes again, leaving the background as it was."""
    for artist in artists:
        artist.remove()
