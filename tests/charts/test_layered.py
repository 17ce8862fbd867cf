"""LayeredChart: a background and a foreground that together make one ordinary Figure."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bmc_course.charts.layered import LayeredChart


def test_figure_draws_the_foreground_on_the_backgrounds_axes() -> None:
    calls: list[str] = []
    drawn_on: list[Axes] = []

    def background() -> tuple[Figure, Axes]:
        calls.append("background")
        fig = Figure()
        ax = fig.add_subplot()
        ax.set_title("fixed part")
        return fig, ax

    def foreground(ax: Axes) -> None:
        calls.append("foreground")
        drawn_on.append(ax)
        ax.plot([1, 2], [3, 4], gid="learner-data")

    chart = LayeredChart(("axes", 1), background, foreground, foreground_key=("data", 2))
    fig = chart.figure()
    assert calls == ["background", "foreground"]
    assert drawn_on == fig.axes
    assert fig.axes[0].get_title() == "fixed part"
    assert [line.get_gid() for line in fig.axes[0].lines] == ["learner-data"]
    again = chart.figure()
    assert again is not fig  # a new Figure each time
    assert calls == ["background", "foreground"] * 2


def test_foreground_key_defaults_to_none() -> None:
    chart = LayeredChart("bg", lambda: (Figure(), Figure().add_subplot()), lambda _ax: None)
    assert chart.foreground_key is None


def test_still_chart_is_all_background() -> None:
    def draw() -> Figure:
        fig = Figure()
        fig.add_subplot().text(0.5, 0.5, "Add a segment")
        return fig

    chart = LayeredChart.still("empty", draw)
    assert (chart.background_key, chart.foreground_key) == ("empty", "nothing")
    fig, ax = chart.draw_background()
    assert ax is fig.axes[0]
    chart.draw_foreground(ax)
    assert [t.get_text() for t in ax.texts] == ["Add a segment"]  # nothing added on top
    assert not ax.lines and not ax.collections
    whole = chart.figure()
    assert [t.get_text() for t in whole.axes[0].texts] == ["Add a segment"]
