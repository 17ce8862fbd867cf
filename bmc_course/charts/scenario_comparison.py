"""Scenarios side by side: each segment's relationship cost as a share of gross profit, per scenario.

One group of bars per segment, one bar per scenario (the learner's numbers
first), against the warning and problem lines of ``assumptions.toml``. The
rows come from :func:`bmc_course.logic.scenario_comparison.compare_scenarios`;
the table twin holds every figure, lifetime value and findings included.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from bmc_course.charts import style
from bmc_course.logic.scenario_comparison import ScenarioRow
from bmc_course.logic.wording import money, percent
from bmc_course.model.catalog import Catalog

TITLE = "Scenarios compared: relationship cost as a share of gross profit"
X_LABEL = "Relationship cost per customer, % of the gross profit a customer leaves"
CUT_AT = 3.0  # bars past 300% are cut there, with their value written beside them
HATCHES = ("", "//", "..", "xx", "\\\\", "++")


def plot_scenario_comparison(rows: Sequence[ScenarioRow], catalog: Catalog) -> Figure:
    """Grouped bars per segment and scenario; free segments (paid by another) show no bar."""
    if not rows:
        return style.empty_state(TITLE, "Add a segment first: scenarios compare your segments.")
    scenarios = list(dict.fromkeys(r.scenario for r in rows))
    segments = list(dict.fromkeys((r.segment_id, r.segment_name) for r in rows))
    bar = 0.8 / len(scenarios)
    height = 1.2 + 0.45 * len(segments) * len(scenarios) + 0.4 * len(segments)
    fig, ax = style.new_figure(10.0, max(height, 3.4), left=2.6, top=0.9)
    rule = catalog.assumptions.imbalance
    for line, colour in ((rule.warning_ratio, style.WARNING), (rule.problem_ratio, style.PROBLEM)):
        ax.axvline(line * 100, color=colour, linestyle="--", linewidth=1.2, zorder=1)
    by_key = {(r.scenario, r.segment_id): r for r in rows}
    for s_index, scenario in enumerate(scenarios):
        for g_index, (segment_id, _) in enumerate(segments):
            row = by_key.get((scenario, segment_id))
            y = g_index + (s_index - (len(scenarios) - 1) / 2) * bar
            if row is None or row.cost_share_of_gross_profit is None:
                continue
            share = min(row.cost_share_of_gross_profit, CUT_AT)
            ax.barh(
                y,
                share * 100,
                height=bar * 0.9,
                color=style.colour(s_index),
                hatch=HATCHES[s_index % len(HATCHES)],
                edgecolor="white",
                label=style.plain(scenario) if g_index == 0 else None,
                zorder=2,
            )
            ax.text(
                share * 100,
                y,
                f" {percent(row.cost_share_of_gross_profit)}",
                va="center",
                fontsize=style.SMALL_SIZE,
                zorder=3,
            )
    ax.set_yticks(range(len(segments)))
    ax.set_yticklabels([style.plain(style.shorten(name, 26)) for _, name in segments])
    ax.invert_yaxis()
    ax.set_xlim(0, max(100.0, CUT_AT * 100 * 1.15 if _any_cut(rows) else 100.0))
    style.label_axes(ax, TITLE, X_LABEL, "")
    ax.legend(loc="lower right", fontsize=style.SMALL_SIZE, title="Scenario")
    return fig


def _any_cut(rows: Sequence[ScenarioRow]) -> bool:
    return any((r.cost_share_of_gross_profit or 0) > 1 for r in rows)


def table_scenario_comparison(rows: Sequence[ScenarioRow]) -> pd.DataFrame:
    """Every scenario and segment with cost, share of gross profit, lifetime value and findings."""
    return pd.DataFrame(
        [
            {
                "scenario": r.scenario,
                "segment": r.segment_name,
                "relationship cost per customer": money(r.cost_per_customer),
                "share of gross profit": (
                    "paid by another segment"
                    if r.cost_share_of_gross_profit is None
                    else percent(r.cost_share_of_gross_profit)
                ),
                "lifetime value": money(r.lifetime_value),
                "acquisition cost": "—" if not r.acquisition_cost else money(r.acquisition_cost),
                "lifetime value ÷ acquisition cost": (
                    "—"
                    if r.lifetime_value_multiple is None
                    else f"{r.lifetime_value_multiple:.1f}×"
                ),
                "problems": r.problems,
                "warnings": r.warnings,
            }
            for r in rows
        ],
        columns=[
            "scenario",
            "segment",
            "relationship cost per customer",
            "share of gross profit",
            "lifetime value",
            "acquisition cost",
            "lifetime value ÷ acquisition cost",
            "problems",
            "warnings",
        ],
    )
