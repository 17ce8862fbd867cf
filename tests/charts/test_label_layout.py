"""Labels go to the first free place inside the axes, or to the least crowded one."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from bmc_course.charts.label_layout import PAD, LabelLayout, Spot, measuring_renderer


def axes_of(width: float = 4.0, height: float = 3.0) -> Figure:
    fig = Figure(figsize=(width, height), dpi=100)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))  # the axes are the whole 400 x 300 pixels
    ax.set_xlim(0, 400)
    ax.set_ylim(0, 300)
    return fig


def test_measuring_renderer_is_the_canvas_own_or_one_of_the_same_size() -> None:
    fig = axes_of()
    fresh = measuring_renderer(fig)
    assert isinstance(fresh, RendererAgg)
    assert (fresh.width, fresh.height, fresh.dpi) == (400, 300, 100)
    canvas = FigureCanvasAgg(fig)
    assert measuring_renderer(fig) is canvas.get_renderer()


def test_the_first_free_candidate_is_kept() -> None:
    fig = axes_of()
    ax = fig.axes[0]
    layout = LabelLayout(ax)
    layout.reserve(Bbox.from_extents(0, 0, 200, 150))  # the lower-left quarter is taken
    label = ax.text(10, 10, "a label", ha="left", va="bottom")
    spots: list[Spot] = [
        {"position": (10, 10), "ha": "left", "va": "bottom"},  # inside the taken quarter
        {"position": (390, 10), "ha": "right", "va": "bottom"},  # lower right: free
        {"position": (10, 290), "ha": "left", "va": "top"},  # free too, but later
    ]
    assert layout.place(label, spots) == 1
    assert label.get_position() == (390, 10) and label.get_horizontalalignment() == "right"
    box = label.get_window_extent(layout.renderer)
    assert box.x1 <= 390 + 1 and box.x0 > 200
    assert len(layout.taken) == 2  # the label's own box is taken now
    other = ax.text(0, 0, "a label")
    assert layout.place(other, spots) == 2  # its first two places are taken


def test_a_place_outside_the_axes_is_not_free() -> None:
    fig = axes_of()
    ax = fig.axes[0]
    layout = LabelLayout(ax)
    label = ax.text(0, 0, "a rather long label")
    spots: list[Spot] = [
        {"position": (395, 150), "ha": "left", "va": "center"},  # runs off the right edge
        {"position": (395, 150), "ha": "right", "va": "center"},
    ]
    assert layout.place(label, spots) == 1


def test_shorter_wordings_are_tried_when_the_text_fits_nowhere() -> None:
    fig = axes_of()
    ax = fig.axes[0]
    layout = LabelLayout(ax)
    layout.reserve(Bbox.from_extents(100, 0, 400, 300))  # only a 100-pixel strip is free
    label = ax.text(0, 0, "a name far too long for the strip")
    spot: list[Spot] = [{"position": (10, 150), "ha": "left", "va": "center"}]
    assert layout.place(label, spot, wordings=["a name…", "a…"]) == 0
    assert label.get_text() == "a name…"


def test_when_nothing_is_free_the_least_overlap_wins() -> None:
    fig = axes_of()
    ax = fig.axes[0]
    layout = LabelLayout(ax)
    layout.reserve(Bbox.from_extents(0, 0, 200, 300))  # the left half is taken
    label = ax.text(0, 0, "xxxx")
    spots: list[Spot] = [
        {"position": (100, 150), "ha": "center", "va": "center"},  # wholly on the taken half
        {"position": (200, 150), "ha": "center", "va": "center"},  # half on it
        {"position": (150, 150), "ha": "center", "va": "center"},  # wholly on it again
    ]
    assert layout.place(label, spots) == 1
    assert label.get_position() == (200, 150)


def test_a_point_is_kept_clear_and_boxes_are_padded() -> None:
    fig = axes_of()
    ax = fig.axes[0]
    layout = LabelLayout(ax)
    layout.reserve_point(ax, 100, 100, radius=8)
    assert layout.taken[0].bounds == pytest.approx((92, 92, 16, 16))
    label = ax.text(100, 100, "x", ha="center", va="center")
    padded = layout.box_of(label)
    bare = label.get_window_extent(layout.renderer)
    assert padded.x0 == pytest.approx(bare.x0 - PAD) and padded.y1 == pytest.approx(bare.y1 + PAD)
    legend_owner = ax.plot([0, 1], [0, 1], label="line")[0]
    assert legend_owner.get_label() == "line"
    legend = ax.legend(loc="upper left")
    with_legend = LabelLayout(ax, avoid=[legend])
    assert with_legend.taken[0].bounds == pytest.approx(
        legend.get_window_extent(with_legend.renderer).bounds
    )
