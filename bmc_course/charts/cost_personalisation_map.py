"""The six types on cost to serve vs personalisation, with each segment's picks ringed.

This is the course's central trade-off: personal service costs more per
customer, yet automation can personalise cheaply (automated services sit
above self-service at the same cost). The vertical axis is the
``personalisation`` scale of ``assumptions.toml``, not the "personal ↔
automated" dimension: that one reads how much contact is with people, which
rises with cost for every type and would show no trade-off at all. Types at
the same place on both scales sit side by side rather than on top of each
other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bmc_course.charts import style
from bmc_course.charts.layered import LayeredChart
from bmc_course.formats.submission import SegmentChoice
from bmc_course.logic.wording import share_of_customers
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import RelationshipType

MAP_ATTRIBUTE = "personalisation"  # the 1-5 scale of assumptions.toml on the y axis
POLES = ("Same for everyone", "Shaped around one customer")
X_LABEL = "Cost to serve one customer (1–5, teaching assumption)"
SIDE_BY_SIDE = 0.32  # how far apart types at the same place are drawn, in scale units
RING_GAP = 24  # points between a point and a name beside it: clear of the rings


@dataclass(frozen=True)
class _Axis:
    """The vertical axis: which attribute it reads and how it is named."""

    attribute: str
    name: str  # the scale's name, e.g. "Contact with the business's people"
    low_pole: str  # e.g. "Automated"
    high_pole: str  # e.g. "Personal"

    @property
    def title(self) -> str:
        return f"Cost to serve vs {self.name[:1].lower()}{self.name[1:]}"

    @property
    def label(self) -> str:
        return f"{self.name}\n(1–5, teaching assumption)"

    def score(self, relationship: RelationshipType) -> int:
        value = getattr(relationship.attributes, self.attribute)
        return int(value)


def _axis(catalog: Catalog) -> _Axis:
    scale = next((s for s in catalog.assumptions.scales if s.id == MAP_ATTRIBUTE), None)
    name = scale.name if scale else MAP_ATTRIBUTE.capitalize()
    return _Axis(MAP_ATTRIBUTE, name, *POLES)


@dataclass(frozen=True)
class _Place:
    """Where a type is drawn; ``index`` of ``size`` types with the same two scores."""

    x: float
    y: float
    index: int
    size: int

    @property
    def name_placement(self) -> dict[str, object]:
        """Annotation keywords: the name above, or beside when the type has a twin on its right."""
        if self.size == 1 or self.index == 0:
            return {"xytext": (0, 20), "ha": "right" if self.x >= 5 else "center", "va": "baseline"}
        if self.index == self.size - 1:
            return {"xytext": (RING_GAP, 0), "ha": "left", "va": "center"}
        return {"xytext": (0, -RING_GAP), "ha": "center", "va": "top"}  # a middle one of three


def _positions(catalog: Catalog, axis: _Axis) -> dict[str, _Place]:
    """Where each type is drawn: its two scores, types with the same scores spread sideways."""
    groups: dict[tuple[int, int], list[str]] = {}
    for relationship in catalog.types.values():
        place = (relationship.attributes.cost_to_serve, axis.score(relationship))
        groups.setdefault(place, []).append(relationship.id)
    positions = {}
    for (x, y), ids in groups.items():
        for index, type_id in enumerate(ids):
            offset = (index - (len(ids) - 1) / 2) * SIDE_BY_SIDE
            positions[type_id] = _Place(x + offset, float(y), index, len(ids))
    return positions


def layers_cost_personalisation_map(
    catalog: Catalog, segments: Sequence[SegmentChoice]
) -> LayeredChart:
    """The six types on the two 1-5 scales, then the chosen ones and each segment's rings on top."""
    axis = _axis(catalog)
    positions = _positions(catalog, axis)
    chosen = {t for s in segments for t in s.type_ids}

    def background() -> tuple[Figure, Axes]:
        fig, ax = style.new_figure(8.5, 5.8, left=1.15)
        style.label_axes(ax, axis.title, X_LABEL, axis.label)
        ax.set_xlim(0.2, 5.9)
        ax.set_ylim(0.3, 5.7)
        ax.set_xticks(range(1, 6))
        ax.set_yticks(range(1, 6))
        ax.grid(True, color=style.LIGHT_GREY, zorder=0)
        for text, y, va in ((axis.high_pole, 0.985, "top"), (axis.low_pole, 0.015, "bottom")):
            ax.text(
                0.012,
                y,
                f"{'↑' if va == 'top' else '↓'} {text}",
                transform=ax.transAxes,
                va=va,
                ha="left",
                fontsize=style.SMALL_SIZE,
                color="#444444",
            )
        _type_names(ax, catalog, positions)
        if segments:
            _ring_key(ax, segments)
        return fig, ax

    def foreground(ax: Axes) -> None:
        for relationship in catalog.types.values():
            picked = relationship.id in chosen
            place = positions[relationship.id]
            ax.scatter(
                [place.x],
                [place.y],
                s=160 if picked else 120,
                color=style.OKABE_ITO[7] if picked else style.GREY,
                zorder=3,
                gid=f"type:{relationship.id}",
            )
        _draw_rings(ax, catalog, segments, positions)

    return LayeredChart(
        (
            __name__,
            axis,
            tuple((t.id, t.name, positions[t.id]) for t in catalog.types.values()),
            tuple((s.id, s.name) for s in segments),  # the ring key in the legend
        ),
        background,
        foreground,
        foreground_key=tuple((s.id, s.name, tuple(s.type_ids)) for s in segments),
    )


def _type_names(ax: Axes, catalog: Catalog, positions: dict[str, _Place]) -> None:
    """Each type's name next to its point, clear of its rings and of a twin at the same place."""
    for relationship in catalog.types.values():
        place = positions[relationship.id]
        ax.annotate(
            relationship.name,
            (place.x, place.y),
            textcoords="offset points",
            fontsize=style.TEXT_SIZE,
            gid=f"type-name:{relationship.id}",
            **place.name_placement,  # type: ignore[arg-type]  # keywords of annotate, typed as a plain dict
        )


def _ring_style(index: int) -> dict[str, object]:
    return {
        "s": 380 + 260 * index,
        "facecolors": "none",
        "edgecolors": style.colour(index),
        "linewidths": 2.2,
        "linestyle": style.linestyle(index),
    }


def _ring_key(ax: Axes, segments: Sequence[SegmentChoice]) -> None:
    """The legend: one ring style per segment. It depends on the segments, not on their
    picks, so it is drawn once with the background (under the rings: zorder 2.9 < 3)."""
    for index, segment in enumerate(segments):
        ax.scatter([], [], label=style.plain(style.shorten(segment.name)), **_ring_style(index))  # type: ignore[arg-type]  # matplotlib's stubs type each keyword; our style dict is dict[str, object]
    ax.legend(
        title="Rings: chosen by segment",
        fontsize=style.SMALL_SIZE,
        title_fontsize=style.SMALL_SIZE,
        loc="upper left",
        bbox_to_anchor=(0.0, 0.93),  # under the "personal" pole, where no type sits
        markerscale=0.5,
    ).set_zorder(2.9)


def _draw_rings(
    ax: Axes,
    catalog: Catalog,
    segments: Sequence[SegmentChoice],
    positions: dict[str, _Place],
) -> None:
    for index, segment in enumerate(segments):
        picks = [positions[t] for t in segment.type_ids if t in catalog.types]
        if not picks:
            continue
        ax.scatter(
            [place.x for place in picks],
            [place.y for place in picks],
            zorder=3,
            gid=f"segment:{segment.id}",
            **_ring_style(index),  # type: ignore[arg-type]  # matplotlib's stubs type each keyword; our style dict is dict[str, object]
        )
    if not any(s.type_ids for s in segments):
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


def plot_cost_personalisation_map(catalog: Catalog, segments: Sequence[SegmentChoice]) -> Figure:
    """Every type as a point; the types each segment chose are ringed in that segment's colour."""
    return layers_cost_personalisation_map(catalog, segments).figure()


def table_cost_personalisation_map(
    catalog: Catalog, segments: Sequence[SegmentChoice]
) -> pd.DataFrame:
    """The chart as a table: each type's two scores and the segments that chose it, with shares."""
    axis = _axis(catalog)
    rows = []
    for relationship in catalog.types.values():
        users = [
            f"{s.name} ({share_of_customers(s.share_of(relationship.id))})"
            for s in segments
            if relationship.id in s.type_ids
        ]
        rows.append(
            {
                "relationship type": relationship.name,
                "cost to serve (1-5)": relationship.attributes.cost_to_serve,
                f"{axis.name.lower()} (1-5)": axis.score(relationship),
                "chosen for": ", ".join(users) or "—",
            }
        )
    return pd.DataFrame(rows)
