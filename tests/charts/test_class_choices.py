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
