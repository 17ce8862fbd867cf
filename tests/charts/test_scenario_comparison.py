"""The scenario comparison chart and its table twin, on rows written out by hand."""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle

from bmc_course.charts.scenario_comparison import (
    plot_scenario_comparison,
    table_scenario_comparison,
)
from bmc_course.logic.scenario_comparison import ScenarioRow
from bmc_course.model.catalog import Catalog

ROWS = [
    ScenarioRow("My numbers", "walk-ins", "Walk-ins", 31.36, 0.6533, 144.0, None, 1, 1),
    ScenarioRow("A person for a quarter", "walk-ins", "Walk-ins", 8.85, 0.1844, 144.0, 48.0, 0, 0),
    ScenarioRow("My numbers", "users", "Users", 1.83, None, 0.0, None, 0, 0),
    ScenarioRow("A person for a quarter", "users", "Users", 1.83, None, 0.0, None, 0, 0),
]


def test_one_bar_per_paying_segment_and_scenario(catalog: Catalog) -> None:
    fig = plot_scenario_comparison(ROWS, catalog)
    ax = fig.axes[0]
    widths = sorted(round(p.get_width(), 2) for p in ax.patches if isinstance(p, Rectangle))
    assert widths == [18.44, 65.33]  # the free segment (paid by another) has no bar
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Walk-ins", "Users"]
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [
        "My numbers",
        "A person for a quarter",
    ]
    # the warning and problem lines of assumptions.toml, at 30% and 60%
    assert sorted(np.asarray(line.get_xdata())[0] for line in ax.lines) == [30.0, 60.0]


def test_no_rows_says_what_to_do(catalog: Catalog) -> None:
    fig = plot_scenario_comparison([], catalog)
    assert "Add a segment first" in fig.axes[0].texts[0].get_text()


def test_the_table_holds_every_figure() -> None:
    table = table_scenario_comparison(ROWS)
    assert table.to_dict("records")[1] == {
        "scenario": "A person for a quarter",
        "segment": "Walk-ins",
        "relationship cost per customer": "8.85",
        "share of gross profit": "18%",
        "lifetime value": "144",
        "acquisition cost": "48",
        "lifetime value ÷ acquisition cost": "3.0×",
        "problems": 0,
        "warnings": 0,
    }
    assert table.loc[2, "share of gross profit"] == "paid by another segment"
