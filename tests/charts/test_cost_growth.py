"""Cost growth: a line per type with its set-up jumps, crossovers on the piecewise model, segments marked.

Expected figures are worked by hand from relationship_types.toml: personal
assistance runs at 30 a customer with a 1,500 set-up over 5 years up to 10,000
customers; self-service at 0.5 with 3,000 over 3 years up to 10,000, then
30,000 up to 500,000, then 150,000; automated services at 0.5 with 4,000 over
3 years up to 10,000.
"""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.transforms import BboxBase

from bmc_course import charts
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import CostModel, SetupTier
from tests.conftest import SegmentFactory
from tests.support.figure_text import gids, texts


def test_crossovers_are_found_on_the_tiered_cost_model(catalog: Catalog) -> None:
    # Below 10,000 customers both run on their first tier:
    # self-service 3,000 / 3 / n + 0.5 < personal assistance 1,500 / 5 / n + 30
    #   <=> 700 / n < 29.5 <=> n > 23.7 -> from 24 customers;
    # automated services 4,000 / 3 / n + 0.5 < 300 / n + 30
    #   <=> 1,033.3 / n < 29.5 <=> n > 35.03 -> from 36 customers.
    # Dedicated assistance (2,000 / 5 / n + 1,500) is dearer than both from the first
    # customer, so it has no crossover; communities and co-creation are neither kind.
    found = charts.crossovers(catalog, [])
    assert [(c.cheaper.id, c.dearer.id, c.customers) for c in found] == [
        ("self_service", "personal_assistance", 24),
        ("automated_services", "personal_assistance", 36),
    ]
    assert found[0].cost == pytest.approx(1_000 / 24 + 0.5)
    first = charts.first_crossovers(catalog, [])
    assert [(c.cheaper.id, c.customers) for c in first] == [("self_service", 24)]
    assert charts.crossovers(catalog, ["self_service", "communities"]) == []


def with_costs(catalog: Catalog, **models: CostModel) -> Catalog:
    types = dict(catalog.types)
    for type_id, model in models.items():
        types[type_id] = types[type_id].model_copy(update={"cost_model": model})
    return dataclasses.replace(catalog, types=types)


def cost_model(*tiers: tuple[int | None, float], per_customer: float) -> CostModel:
    return CostModel(
        setup=[SetupTier(up_to_customers=limit, cost=cost, example="x") for limit, cost in tiers],
        setup_years=1,
        cost_per_customer=per_customer,
        note="test",
        source="test",
    )


def test_a_set_up_jump_can_end_and_restart_a_lead(catalog: Catalog) -> None:
    # People: 10 a customer, nothing to set up. Machines: 1 a customer, a set-up of 100 up to
    # 100 customers, then 1,000,000.
    # 100 / n + 1 < 10 <=> n > 11.1 -> cheaper from 12; at 101 the big set-up makes it
    # 1,000,000 / 101 + 1 = 9,902 a customer, dearer again; 1,000,000 / n + 1 < 10 <=>
    # n > 111,111.1 -> cheaper again from 111,112.
    changed = with_costs(
        catalog,
        personal_assistance=cost_model((None, 0), per_customer=10),
        self_service=cost_model((100, 100), (None, 1_000_000), per_customer=1),
    )
    ids = ["personal_assistance", "self_service"]
    assert [c.customers for c in charts.crossovers(changed, ids)] == [12, 111_112]
    # and a lead that starts right at a jump: 20,000 / n + 1 up to 1,000 customers (21 at
    # 1,000, dearer than 10), then nothing to set up: 1 at 1,001
    at_jump = with_costs(
        changed, self_service=cost_model((1_000, 20_000), (None, 0), per_customer=1)
    )
    assert [c.customers for c in charts.crossovers(at_jump, ids)] == [1_001]


def test_cost_growth_lines_jump_where_a_bigger_set_up_is_needed(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segments = [
        make_segment(id="athletes", name="Athletes", customers=50_000),
        make_segment(id="teams", name="Teams", customers=400),
    ]
    fig = charts.plot_cost_growth(
        catalog, ["personal_assistance", "self_service"], segments=segments
    )
    ax = fig.axes[0]
    strong = {line.get_gid(): line for line in ax.lines if str(line.get_gid()).startswith("type:")}
    assert list(strong) == ["type:personal_assistance", "type:self_service"]
    context = [line for line in ax.lines if str(line.get_gid()).startswith("context:")]
    assert len(context) == len(catalog.types)
    assert all((alpha := line.get_alpha()) is not None and alpha < 1 for line in context)
    legend_artist = ax.get_legend()
    assert legend_artist is not None
    legend = [t.get_text() for t in legend_artist.get_texts()]
    assert legend == [t.name for t in catalog.types.values()]
    assert ax.get_xscale() == ax.get_yscale() == "log"
    assert ax.get_xlim() == (1, 1_000_000)
    # self-service on both sides of its first jump: 3,000 / 3 / 10,000 + 0.5 = 0.6, then
    # 30,000 / 3 / 10,001 + 0.5 = 1.49990
    x, y = (np.asarray(values) for values in strong["type:self_service"].get_data())
    assert y[x == 10_000][0] == pytest.approx(0.6)
    assert y[x == 10_001][0] == pytest.approx(10_000 / 10_001 + 0.5)
    assert "crossover:self_service:personal_assistance" in gids(fig)
    assert "Self-service cheaper than personal assistance\nfrom 24 customers" in texts(fig)
    marks = {line.get_gid(): np.asarray(line.get_xdata())[0] for line in ax.lines}
    assert marks["segment:athletes"] == 50_000 and marks["segment:teams"] == 400
    all_lines = charts.plot_cost_growth(catalog, []).axes[0].lines
    assert len([x for x in all_lines if str(x.get_gid()).startswith("type:")]) == len(catalog.types)


def test_a_segment_beyond_a_million_widens_the_axis(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    big = make_segment(id="prepaid", name="Prepaid", customers=2_000_000)
    ax = charts.plot_cost_growth(catalog, ["self_service"], segments=[big]).axes[0]
    assert ax.get_xlim() == (1, 10_000_000)


def test_cost_growth_table_has_the_round_counts_jumps_crossovers_and_segments(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    teams = make_segment(id="teams", name="Teams", customers=400)
    table = charts.table_cost_growth(
        catalog, ["personal_assistance", "self_service"], segments=[teams]
    ).set_index("customers")
    assert list(table.index) == [
        "1",
        "10",
        "24",
        "100",
        "400",
        "1,000",
        "10,000",
        "10,001",
        "100,000",
        "500,001",
        "1,000,000",
    ]
    notes = table["what happens here"]
    assert notes["24"] == "Self-service now cheaper than personal assistance"
    assert notes["400"] == "Teams (segment size)"
    assert notes["10,001"] == (
        "Personal assistance needs a bigger set-up (20,000 instead of 1,500); "
        "Self-service needs a bigger set-up (30,000 instead of 3,000)"
    )
    assert notes["1"] == ""
    # 400 customers: 300 / 400 + 30 = 30.75 and 1,000 / 400 + 0.5 = 3.0
    assert table.loc["400", "Personal assistance"] == pytest.approx(30.75)
    assert table.loc["400", "Self-service"] == pytest.approx(3.0)
    # 1,000,000 customers: 150,000 / 3 / 1,000,000 + 0.5 = 0.55
    assert table.loc["1,000,000", "Self-service"] == pytest.approx(0.55)


def _inside(box: BboxBase, area: BboxBase) -> bool:
    return bool(
        area.x0 - 0.5 <= box.x0
        and box.x1 <= area.x1 + 0.5
        and area.y0 - 0.5 <= box.y0
        and box.y1 <= area.y1 + 0.5
    )


# learners' segments at sizes that put their names on top of each other and of the
# crossover note (24 customers) unless the labels make room
CROWDED = {
    "close sizes": [
        ("runners", "Weekend runners in the city", 400),
        ("clubs", "Running clubs and their coaches", 450),
        ("schools", "Schools", 500),
        ("elite", "Elite athletes with sponsors", 24),
        ("stores", "Big box sports retailers", 30),
    ],
    "many segments": [
        (f"s{i}", f"Segment number {i} with a name", n)
        for i, n in enumerate([5, 36, 40, 1_000, 1_200, 9_000, 10_001, 800_000, 900_000])
    ],
    "beyond a million": [
        ("prepaid", "Prepaid mobile customers nationwide", 3_000_000),
        ("contracts", "Business contracts", 2_500_000),
    ],
    "none": [],
}


@pytest.mark.parametrize("crowd", sorted(CROWDED))
@pytest.mark.parametrize(
    "type_ids",
    [
        ["personal_assistance", "self_service", "automated_services"],
        ["personal_assistance", "automated_services"],
        [],
    ],
)
def test_labels_stay_inside_and_clear_of_each_other_and_the_legend(
    catalog: Catalog, make_segment: SegmentFactory, crowd: str, type_ids: list[str]
) -> None:
    segments = [make_segment(id=i, name=name, customers=n) for i, name, n in CROWDED[crowd]]
    fig = charts.plot_cost_growth(catalog, type_ids, segments=segments)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    labels = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts]
    # one name per segment size, and one crossover note (self-service or automated services
    # overtaking personal assistance; every type when none is chosen)
    assert len(labels) == len({n for _, _, n in CROWDED[crowd]}) + 1
    legend = ax.get_legend()
    assert legend is not None
    legend_box = legend.get_window_extent(renderer)
    for text, box in labels:
        assert _inside(box, ax.bbox), f"{text!r} runs off the axes"
        assert not box.overlaps(legend_box), f"{text!r} covers the legend"
    for (one, box), (other, other_box) in itertools.combinations(labels, 2):
        assert not box.overlaps(other_box), f"{one!r} overlaps {other!r}"
    # and nothing drawn is cut at the picture's edge: titles, axis labels, ticks, key
    assert _inside(fig.get_tightbbox(renderer), fig.bbox_inches)


def test_the_y_label_fits_beside_the_axes(catalog: Catalog) -> None:
    fig = charts.plot_cost_growth(catalog, [])
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    ax = fig.axes[0]
    label = ax.yaxis.label.get_window_extent(canvas.get_renderer())
    assert _inside(label, fig.bbox)  # not cut at the picture's edge
    assert label.y0 >= ax.bbox.y0 - 1 and label.y1 <= ax.bbox.y1 + 1  # no longer than the axes
