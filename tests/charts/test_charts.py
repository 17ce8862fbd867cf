"""Each chart: a Figure with the expected title, axes and series, and a table twin."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from bmc_course import charts
from bmc_course.formats.submission import Submission, submission_from_case
from bmc_course.logic.canvas_block import build_canvas_block
from bmc_course.model.catalog import Catalog
from tests.conftest import SegmentFactory


def gids(fig: Figure) -> set[str]:
    return {a.get_gid() for a in fig.findobj() if a.get_gid()}


def texts(fig: Figure) -> str:
    return "\n".join(t.get_text() for t in fig.findobj() if hasattr(t, "get_text"))


def test_map_places_all_types_and_rings_each_segments_picks(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segments = [
        make_segment(id="a", name="Athletes", relationships=["self_service"]),
        make_segment(id="b", name="Teams", relationships=["personal_assistance", "self_service"]),
    ]
    fig = charts.plot_cost_personalisation_map(catalog, segments)
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Cost to serve vs personalisation"
    assert "teaching assumption" in ax.get_xlabel()
    assert {f"type:{t}" for t in catalog.types} | {"segment:a", "segment:b"} <= gids(fig)
    rings = {c.get_gid(): len(c.get_offsets()) for c in ax.collections if c.get_gid()}
    assert rings["segment:a"] == 1 and rings["segment:b"] == 2
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Athletes", "Teams"]
    table = charts.table_cost_personalisation_map(catalog, segments)
    assert len(table) == 6
    row = table.set_index("relationship type").loc["Self-service"]
    assert row["chosen for"] == "Athletes, Teams"


def test_map_without_picks_has_no_rings_or_legend(catalog: Catalog) -> None:
    fig = charts.plot_cost_personalisation_map(catalog, [])
    assert fig.axes[0].get_legend() is None
    assert not any(g.startswith("segment:") for g in gids(fig))


def test_cost_vs_revenue_draws_both_thresholds_and_each_segment(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    segments = [
        make_segment(
            id="cheap",
            name="Shoppers",
            archetype="mass_market",
            revenue_per_customer=40,
            customers=200_000,
            relationships=["personal_assistance"],
        ),
        make_segment(
            id="rich",
            name="Clients",
            revenue_per_customer=150_000,
            customers=40,
            relationships=["dedicated_personal_assistance"],
        ),
    ]
    fig = charts.plot_cost_vs_revenue(catalog, segments)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert {"threshold:warning", "threshold:problem", "segment:cheap", "segment:rich"} <= gids(fig)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["warning: cost = 25% of revenue", "problem: cost = 50% of revenue"]
    warning_line = next(line for line in ax.lines if line.get_gid() == "threshold:warning")
    x, y = warning_line.get_data()
    assert y[10] == pytest.approx(x[10] * 0.25)
    table = charts.table_cost_vs_revenue(catalog, segments).set_index("segment")
    assert table.loc["Shoppers", "status"] == "problem"
    assert table.loc["Clients", "status"] == "fits"
    assert table.loc["Shoppers", "relationship cost per customer"] == pytest.approx(60.08)


def test_cost_vs_revenue_empty_state_and_left_out_segments(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    empty = charts.plot_cost_vs_revenue(catalog, [])
    assert "Add a segment" in texts(empty)
    segments = [make_segment(id="x", name="Undecided", relationships=[]), make_segment()]
    fig = charts.plot_cost_vs_revenue(catalog, segments)
    assert "Not shown (no relationships or no revenue yet): Undecided" in texts(fig)
    assert "segment:x" not in gids(fig)


def test_cost_growth_has_one_line_per_type_on_log_axes(catalog: Catalog) -> None:
    fig = charts.plot_cost_growth(catalog, ["personal_assistance", "self_service"])
    ax = fig.axes[0]
    strong = [line.get_gid() for line in ax.lines if str(line.get_gid()).startswith("type:")]
    assert strong == ["type:personal_assistance", "type:self_service"]
    context = [line for line in ax.lines if str(line.get_gid()).startswith("context:")]
    assert len(context) == len(catalog.types) and all(line.get_alpha() < 1 for line in context)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [t.name for t in catalog.types.values()]
    assert ax.get_xscale() == ax.get_yscale() == "log"
    assert ax.get_xlim() == (1, 1_000_000)
    # the crossover where self-service gets cheaper than personal assistance is marked
    assert "crossover:self_service:personal_assistance" in gids(fig)
    (crossing,) = charts.crossovers(catalog, ["personal_assistance", "self_service"])
    assert crossing.customers == pytest.approx((120_000 - 15_000) / (60 - 3))
    all_lines = charts.plot_cost_growth(catalog, []).axes[0].lines
    assert len([x for x in all_lines if str(x.get_gid()).startswith("type:")]) == len(catalog.types)


def test_cost_growth_table_matches_the_cost_model(catalog: Catalog) -> None:
    table = charts.table_cost_growth(catalog, ["automated_services"])
    assert list(table["customers"]) == ["1", "10", "100", "1,000", "10,000", "100,000", "1,000,000"]
    assert table["Automated services"].iloc[-1] == pytest.approx(250_000 / 1e6 + 1)


def test_lifecycle_coverage_writes_state_in_every_cell(catalog: Catalog) -> None:
    case = submission_from_case(catalog.cases["mobile-operator"])
    fig = charts.plot_lifecycle_coverage(catalog, case.segments)
    cell_texts = [t.get_text() for t in fig.axes[0].texts]
    assert len(cell_texts) == 3 * len(case.segments)
    assert "goal ✗ gap" in cell_texts
    table = charts.table_lifecycle_coverage(catalog, case.segments).set_index("segment")
    assert table.loc["Prepaid subscribers", "Boosting sales (upselling)"] == "goal ✗ gap"
    assert table.loc["Prepaid subscribers", "Customer acquisition"] == "covered"
    assert "Add a segment" in texts(charts.plot_lifecycle_coverage(catalog, []))


def test_canvas_block_picture_has_a_note_per_segment_and_survives_dollar_signs(
    catalog: Catalog,
) -> None:
    submission = submission_from_case(catalog.cases["cleat-maker"])
    submission.learner = "Ada $x$ Lovelace"
    fig = charts.plot_canvas_block(build_canvas_block(submission, catalog))
    assert {"note:athletes", "note:teams-schools-stores"} <= gids(fig)
    fig.savefig(__import__("io").BytesIO(), format="png")  # mathtext would fail on "$x$"
    assert "Ada $x$ Lovelace" in texts(fig).replace("\\$", "$")


def test_charts_use_the_colour_blind_safe_palette(
    catalog: Catalog, make_segment: SegmentFactory
) -> None:
    from matplotlib.colors import to_hex

    from bmc_course.charts.style import OKABE_ITO

    fig = charts.plot_cost_growth(catalog, [])
    assert {to_hex(line.get_color()).upper() for line in fig.axes[0].lines} <= set(OKABE_ITO)


def test_empty_submission_still_draws(catalog: Catalog) -> None:
    fig = charts.plot_canvas_block(build_canvas_block(Submission(), catalog))
    assert "No segments yet." in texts(fig)
