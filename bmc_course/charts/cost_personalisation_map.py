"""The six types on cost to serve vs personalisation, with each segment's picks ringed."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bmc_course.charts import style
from bmc_course.charts.layered import LayeredChart
from bmc_course.logic.checks import SegmentLike
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import RelationshipType

TITLE = "Cost to serve vs personalisation"
X_LABEL = "Cost to serve one customer (1–5, teaching assumption)"
Y_LABEL = "Personalisation (1–5, teaching assumption)"


def layers_cost_personalisation_map(
    catalog: Catalog, segments: Sequence[SegmentLike]
) -> LayeredChart:
    """The six types on the two 1-5 scales, then the chosen ones and each segment's rings on top."""
    chosen = {r for s in segments for r in s.relationships}

    def background() -> tuple[Figure, Axes]:
        fig, ax = style.new_figure(8.0, 5.5)
        style.label_axes(ax, TITLE, X_LABEL, Y_LABEL)
        ax.set_xlim(0.4, 5.9)
        ax.set_ylim(0.4, 5.6)
        ax.set_xticks(range(1, 6))
        ax.set_yticks(range(1, 6))
        ax.grid(True, color=style.LIGHT_GREY, zorder=0)
        positions = [_position(t) for t in catalog.types.values()]
        for relationship in catalog.types.values():
            x, y = _position(relationship)
            # beside the point when a neighbour on the same row would collide with it
            beside = any(oy == y and 0 < x - ox <= 1.5 for ox, oy in positions)
            ax.annotate(
                relationship.name,
                (x, y),
                xytext=(14, 0) if beside else (0, 20),
                textcoords="offset points",
                ha="left" if beside else "right" if x >= 5 else "center",
                va="center" if beside else "baseline",
                fontsize=style.TEXT_SIZE,
                gid=f"type-name:{relationship.id}",
            )
        if segments:
            _ring_key(ax, segments)
        return fig, ax

    def foreground(ax: Axes) -> None:
        for relationship in catalog.types.values():
            picked = relationship.id in chosen
            x, y = _position(relationship)
            ax.scatter(
                [x],
                [y],
                s=160 if picked else 120,
                color=style.OKABE_ITO[7] if picked else style.GREY,
                zorder=3,
                gid=f"type:{relationship.id}",
            )
        _draw_rings(ax, catalog, segments)

    return LayeredChart(
        (
            __name__,
            tuple((t.id, t.name, *_position(t)) for t in catalog.types.values()),
            tuple((s.id, s.name) for s in segments),  # the ring key in the legend
        ),
        background,
        foreground,
        foreground_key=tuple((s.id, s.name, tuple(s.relationships)) for s in segments),
    )


def _ring_style(index: int) -> dict[str, object]:
    return {
        "s": 380 + 260 * index,
        "facecolors": "none",
        "edgecolors": style.colour(index),
        "linewidths": 2.2,
        "linestyle": style.linestyle(index),
    }


def _ring_key(ax: Axes, segments: Sequence[SegmentLike]) -> None:
    """The legend: one ring style per segment. It depends on the segments, not on their
    picks, so it is drawn once with the background (under the rings: zorder 2.9 < 3)."""
    for index, segment in enumerate(segments):
        ax.scatter([], [], label=style.plain(style.shorten(segment.name)), **_ring_style(index))  # type: ignore[arg-type]  # matplotlib's stubs type each keyword; our style dict is dict[str, object]
    ax.legend(
        title="Rings: chosen by segment",
        fontsize=style.SMALL_SIZE,
        title_fontsize=style.SMALL_SIZE,
        loc="lower right",
        markerscale=0.5,
    ).set_zorder(2.9)


def _position(relationship: RelationshipType) -> tuple[int, int]:
    return relationship.attributes.cost_to_serve, relationship.attributes.personalisation


def _draw_rings(ax: Axes, catalog: Catalog, segments: Sequence[SegmentLike]) -> None:
    for index, segment in enumerate(segments):
        picks = [catalog.types[r] for r in segment.relationships if r in catalog.types]
        if not picks:
            continue
        ax.scatter(
            [t.attributes.cost_to_serve for t in picks],
            [t.attributes.personalisation for t in picks],
            zorder=3,
            gid=f"segment:{segment.id}",
            **_ring_style(index),  # type: ignore[arg-type]  # matplotlib's stubs type each keyword; our style dict is dict[str, object]
        )
    if not any(s.relationships for s in segments):
        ax.text(
            0.98,
            0.02,
            "Choose relationships for a segment to see them ringed here.",
            transform=ax.transAxes,
            ha="right",
            fontsize=style.SMALL_SIZE,
            color="#555555",
            zorder=3,
        )


def plot_cost_personalisation_map(catalog: Catalog, segments: Sequence[SegmentLike]) -> Figure:
    """Every type as a point; the types each segment chose are ringed in that segment's colour."""
    return layers_cost_personalisation_map(catalog, segments).figure()


def table_cost_personalisation_map(
    catalog: Catalog, segments: Sequence[SegmentLike]
) -> pd.DataFrame:
    """The chart as a table: each type's two scores and the segments that chose it."""
    rows = []
    for relationship in catalog.types.values():
        users = [s.name for s in segments if relationship.id in s.relationships]
        rows.append(
            {
                "relationship type": relationship.name,
                "cost to serve (1-5)": relationship.attributes.cost_to_serve,
                "personalisation (1-5)": relationship.attributes.personalisation,
                "chosen for": ", ".join(users) or "—",
            }
        )
    return pd.DataFrame(rows)
