"""The fast redraw path draws exactly the picture a full render draws."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from PIL import Image

from bmc_course import charts
from bmc_course.charts import png_renderer
from bmc_course.charts.layered import LayeredChart
from bmc_course.charts.png_renderer import PngRenderer, figure_png
from bmc_course.formats.submission import SegmentChoice
from bmc_course.model.catalog import Catalog
from tests.conftest import SegmentFactory


@pytest.fixture(autouse=True)
def no_shared_pictures() -> None:
    """Each test starts without pictures drawn by earlier tests."""
    png_renderer._RECENT.clear()


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def mix(*type_ids: str) -> list[dict[str, object]]:
    return [{"type": type_id, "share": 1.0} for type_id in type_ids]


def learner_segments(make_segment: SegmentFactory, customers: int) -> list[SegmentChoice]:
    return [
        make_segment(
            id="a",
            name="Athletes $5",
            revenue_per_customer=60,
            acquisition_cost=40,
            customers=customers,
            relationships=mix("self_service", "automated_services"),
        ),
        make_segment(
            id="b",
            name="Teams",
            archetype="business",
            revenue_per_customer=900,
            customers=300,
            relationships=mix("personal_assistance"),
        ),
        make_segment(id="c", name="Stores", archetype="business", relationships=[]),
    ]


LAYERED: dict[str, Callable[[Catalog, Sequence[SegmentChoice]], LayeredChart]] = {
    "cost_vs_revenue": charts.layers_cost_vs_revenue,
    "cost_personalisation_map": charts.layers_cost_personalisation_map,
    "cost_growth": lambda catalog, segments: charts.layers_cost_growth(
        catalog, sorted({t for s in segments for t in s.type_ids}), segments=segments
    ),
    "lifetime_value": lambda catalog, segments: charts.layers_lifetime_value(segments, catalog),
}


@pytest.mark.parametrize("name", sorted(LAYERED))
def test_redraw_on_a_kept_background_matches_a_full_render(
    name: str, catalog: Catalog, make_segment: SegmentFactory
) -> None:
    layers = LAYERED[name]
    renderer = PngRenderer()
    first = learner_segments(make_segment, customers=50_000)
    second = learner_segments(make_segment, customers=60_000)
    second[1] = make_segment(
        id="b",
        name="Teams",
        archetype="business",
        revenue_per_customer=1_000,
        customers=300,
        relationships=mix("personal_assistance", "communities"),
    )
    renderer.png(layers(catalog, first))
    fast = renderer.png(layers(catalog, second))
    assert renderer.background_draws == 1, "the background was not reused"
    full = figure_png(layers(catalog, second).figure())
    assert np.array_equal(pixels(fast), pixels(full))
    # and the first picture's foreground is gone, not left under the second one
    assert not np.array_equal(pixels(fast), pixels(renderer.png(layers(catalog, first))))


def test_a_new_background_is_drawn_when_its_key_changes(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    renderer = PngRenderer()
    # self-service for 500: 3,000 / 3 / 500 + 0.5 = 2.5 a customer; against a gross profit
    # of 5 x 0.4 = 2 that is 125%, so the axis runs to 150%; against 2,000,000 to 100%
    small = [make_segment(revenue_per_customer=5, relationships=mix("self_service"))]
    large = [make_segment(revenue_per_customer=5_000_000, relationships=mix("self_service"))]
    renderer.png(charts.layers_cost_vs_revenue(catalog, small))
    png = renderer.png(charts.layers_cost_vs_revenue(catalog, large))
    assert renderer.background_draws == 2
    full = figure_png(charts.plot_cost_vs_revenue(catalog, large))
    assert np.array_equal(pixels(png), pixels(full))


def test_the_png_holds_exactly_the_rendered_pixels() -> None:
    """Our own encoder (signature, chunks, CRCs, row order) read back by Pillow."""
    fig = Figure(figsize=(2, 1))  # 200 x 100 pixels at our 100 dpi
    fig.patch.set_facecolor("#ff0000")
    corner = Rectangle((0, 0), 0.5, 0.5, transform=fig.transFigure, color="#0000ff")
    corner.set(linewidth=0, antialiased=False)  # sharp edges: only the two colours
    fig.add_artist(corner)
    image = Image.open(io.BytesIO(figure_png(fig)))
    image.load()  # Pillow checks every chunk's CRC here
    assert (image.format, image.mode, image.size) == ("PNG", "RGB", (200, 100))
    assert image.getpixel((10, 90)) == (0, 0, 255)  # bottom left: the rectangle
    assert image.getpixel((10, 10)) == (255, 0, 0)  # top left
    assert image.getpixel((190, 90)) == (255, 0, 0)  # bottom right
    colours = np.unique(np.asarray(image).reshape(-1, 3), axis=0)
    assert colours.tolist() == [[0, 0, 255], [255, 0, 0]]  # and nothing else


def test_a_plain_figure_is_rendered_whole(catalog: Catalog) -> None:
    renderer = PngRenderer()
    fig = charts.plot_lifecycle_coverage(catalog, [])
    assert isinstance(fig, Figure)
    png = renderer.png(fig)
    assert png.startswith(b"\x89PNG") and renderer.background_draws == 0


@pytest.mark.parametrize("name", sorted(LAYERED))
def test_an_unchanged_chart_is_not_drawn_again(
    name: str, catalog: Catalog, make_segment: SegmentFactory
) -> None:
    renderer = PngRenderer()
    segments = learner_segments(make_segment, customers=50_000)
    first = renderer.png(LAYERED[name](catalog, segments))
    again = renderer.png(LAYERED[name](catalog, learner_segments(make_segment, customers=50_000)))
    assert again == first and renderer.foreground_draws == 1
    renamed = learner_segments(make_segment, customers=50_000)
    renamed[0] = make_segment(
        id="a", name="Runners", revenue_per_customer=60, relationships=mix("self_service")
    )
    assert renderer.png(LAYERED[name](catalog, renamed)) != first
    assert renderer.foreground_draws == 2


def test_two_views_of_the_same_chart_draw_it_once(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segments = learner_segments(make_segment, customers=50_000)
    first, second = PngRenderer(), PngRenderer()
    png = first.png(charts.layers_cost_vs_revenue(catalog, segments))
    assert second.png(charts.layers_cost_vs_revenue(catalog, segments)) == png
    assert (first.foreground_draws, second.foreground_draws) == (1, 0)
    # a different chart never takes another's picture
    assert second.png(charts.layers_cost_personalisation_map(catalog, segments)) != png
