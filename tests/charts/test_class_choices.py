"""The class-choices chart: one bar per archetype and type, a legend that covers no bar, a table twin."""

from __future__ import annotations

from collections import Counter

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import Rectangle

from bmc_course.charts.class_choices import TITLE, plot_class_choices, table_class_choices
from bmc_course.model.catalog import Catalog

CHOICES = {
    "mass_market": Counter({"self_service": 30, "communities": 12}),
    "business": Counter({"personal_assistance": 9, "dedicated_personal_assistance": 4}),
}


def test_bars_match_the_table_and_the_legend_covers_none(catalog: Catalog) -> None:
    fig = plot_class_choices(catalog, CHOICES)
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == TITLE
    bars = [patch for patch in ax.patches if isinstance(patch, Rectangle)]
    widths = sorted(int(bar.get_width()) for bar in bars if bar.get_width())
    assert widths == sorted(n for counts in CHOICES.values() for n in counts.values())
    table = table_class_choices(catalog, CHOICES)
    assert list(table["archetype"]) == [catalog.archetypes[a].name for a in CHOICES]
    assert (
        table.set_index("archetype").loc[catalog.archetypes["mass_market"].name]["Self-service"]
        == 30
    )
    FigureCanvasAgg(fig).draw()
    legend_artist = ax.get_legend()
    assert legend_artist is not None
    legend = legend_artist.get_window_extent()
    assert legend.y0 >= ax.get_window_extent().y1 - 1  # above the plotting area
    assert legend.y1 <= fig.bbox.y1 and legend.x1 <= fig.bbox.x1  # and inside the picture
    assert [t.get_text() for t in legend_artist.get_texts()] == [
        t.name for t in catalog.types.values()
    ]


def test_an_empty_class_gets_a_message_not_empty_axes(catalog: Catalog) -> None:
    fig = plot_class_choices(catalog, {})
    assert "No segments" in "\n".join(t.get_text() for t in fig.axes[0].texts)


def test_every_archetype_name_shows_in_full_inside_the_picture(catalog: Catalog) -> None:
    every = {a: Counter({"self_service": 1}) for a in catalog.archetypes}
    fig = plot_class_choices(catalog, every)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    labels = ax.get_yticklabels()
    shown = [" ".join(label.get_text().split()) for label in labels]
    assert shown == [catalog.archetypes[a].name for a in every]  # wrapped, never cut
    assert "Individual consumers (mass market)" in shown
    for label in labels:
        box = label.get_window_extent(renderer)
        assert box.x0 >= 0, f"{label.get_text()!r} is cut at the left edge"
        assert box.x1 <= ax.bbox.x0  # beside the bars, not over them
    tight = fig.get_tightbbox(renderer)  # everything drawn, in inches
    picture = fig.bbox_inches
    assert tight.x0 >= picture.x0 and tight.y0 >= picture.y0
    assert tight.x1 <= picture.x1 and tight.y1 <= picture.y1


def test_the_count_axis_has_whole_numbers_only(catalog: Catalog) -> None:
    # one or two segments per type: matplotlib's default ticks would be 0, 0.25, 0.5...
    fig = plot_class_choices(
        catalog, {"mass_market": Counter({"self_service": 1}), "niche": Counter({"communities": 2})}
    )
    FigureCanvasAgg(fig).draw()
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    ticks = [t for t in ax.get_xticks() if low <= t <= high]
    assert ticks == [0, 1, 2]
    # and each bar says its count at its end
    assert sorted(t.get_text() for t in ax.texts if t.get_text()) == ["1", "2"]
