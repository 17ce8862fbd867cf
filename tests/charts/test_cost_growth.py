"""Cost growth: one line per type on log axes, crossovers marked, a table from the cost model."""

from __future__ import annotations

import pytest

from bmc_course import charts
from bmc_course.model.catalog import Catalog
from tests.support.figure_text import gids


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
