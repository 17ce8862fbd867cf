"""Chart style: the colour-blind-safe palette, fixed margins, plain tick labels, safe learner text."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex
from matplotlib.ticker import NullLocator

from bmc_course import charts
from bmc_course.charts.style import (
    OKABE_ITO,
    colour,
    compact_number,
    empty_state,
    label_placement,
    linestyle,
    log_axes,
    log_fraction,
    marker,
    new_figure,
    plain,
    shorten,
)
from bmc_course.model.catalog import Catalog


def test_charts_use_the_colour_blind_safe_palette(catalog: Catalog) -> None:
    fig = charts.plot_cost_growth(catalog, [])
    assert {to_hex(line.get_color()).upper() for line in fig.axes[0].lines} <= set(OKABE_ITO)


def test_series_styles_cycle_through_their_lists() -> None:
    assert [colour(i) for i in (0, 3, 7, 8, 11)] == [
        "#0072B2",
        "#D55E00",
        "#000000",
        "#0072B2",
        "#D55E00",
    ]
    assert [marker(i) for i in (0, 1, 7, 8)] == ["o", "s", "*", "o"]
    assert [linestyle(i) for i in (0, 1, 5, 6)] == ["-", "--", (0, (3, 1, 1, 1, 1, 1)), "-"]


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (0.5, "0.5"),
        (1, "1"),
        (100, "100"),
        (999, "999"),
        (1_000, "1k"),
        (1_500, "1.5k"),
        (10_000, "10k"),
        (1_000_000, "1M"),
        (2_500_000_000, "2.5B"),
        (-2_000, "-2k"),
    ],
)
def test_compact_number_reads_at_a_glance(value: float, label: str) -> None:
    assert compact_number(value) == label


def test_log_axes_label_decades_plainly_without_minor_ticks() -> None:
    _fig, ax = new_figure()
    ax.plot([1, 1_000_000], [10, 100_000])
    log_axes(ax)
    assert (ax.get_xscale(), ax.get_yscale()) == ("log", "log")
    formatter = ax.xaxis.get_major_formatter()
    assert [formatter(v, 0) for v in (1, 1_000, 1_000_000)] == ["1", "1k", "1M"]
    assert isinstance(ax.xaxis.get_minor_locator(), NullLocator)
    assert isinstance(ax.yaxis.get_minor_locator(), NullLocator)


def test_new_figure_has_fixed_margins_in_inches() -> None:
    fig, ax = new_figure(8.0, 4.0, left=1.2, top=0.8)
    assert tuple(fig.get_size_inches()) == (8.0, 4.0)
    params = fig.subplotpars
    assert params.left == pytest.approx(1.2 / 8)
    assert params.right == pytest.approx(1 - 0.25 / 8)
    assert params.bottom == pytest.approx(0.75 / 4)
    assert params.top == pytest.approx(1 - 0.8 / 4)
    assert fig.axes == [ax]


def test_log_fraction_places_a_value_between_two_bounds() -> None:
    assert log_fraction(1, 1, 100) == 0
    assert log_fraction(10, 1, 100) == pytest.approx(0.5)
    assert log_fraction(100, 1, 100) == pytest.approx(1)
    assert log_fraction(1_000, 10, 1_000_000) == pytest.approx(0.4)


def test_label_placement_keeps_labels_away_from_the_nearest_edges() -> None:
    assert label_placement(0.2, 0.3) == {
        "xytext": (10, 5),
        "textcoords": "offset points",
        "ha": "left",
        "va": "bottom",
    }
    assert label_placement(0.9, 0.95, gap=8) == {
        "xytext": (-8, -8),
        "textcoords": "offset points",
        "ha": "right",
        "va": "top",
    }
    # the edges themselves: 0.6 across and 0.8 up still count as left and bottom
    assert label_placement(0.6, 0.8)["ha"] == "left"
    assert label_placement(0.6, 0.8)["va"] == "bottom"


def test_plain_escapes_what_would_start_mathtext() -> None:
    assert plain("Ada $x$ Lovelace") == r"Ada \$x\$ Lovelace"
    assert plain("a\\b") == "a\\\\b"
    assert plain("no specials") == "no specials"


def test_shorten_cuts_long_text_to_the_limit_with_an_ellipsis() -> None:
    assert shorten("x" * 32) == "x" * 32
    assert shorten("x" * 33) == "x" * 31 + "…"
    assert shorten("Sports teams and schools", limit=10) == "Sports te…"


def test_empty_state_says_what_to_do_instead_of_drawing_axes() -> None:
    fig = empty_state("Cost vs revenue", "Add a segment to see this chart.")
    (ax,) = fig.axes
    assert not ax.axison
    assert ax.get_title(loc="left") == "Cost vs revenue"
    assert [t.get_text() for t in ax.texts] == ["Add a segment to see this chart."]
