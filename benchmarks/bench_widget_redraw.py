"""In-kernel redraw time of the course widgets, as a ratio to a bare ipywidgets floor.

Starts a real IPython kernel (the one notebooks use, with the inline matplotlib
backend) and times, inside it, from a control's change to the moment every
view has redrawn (the handlers run synchronously, so the clock stops when the
change returns):

* floor: a bare ``Button`` whose click handler redraws a matplotlib figure into
  an ``Output`` with ``clear_output(wait=True)`` + ``display(fig)``;
* relationship toggle: ticking a type in the relationship picker → state
  change → progress file saved → picker, findings panel and all four
  trade-off charts (cost vs personalisation, cost vs gross profit, lifetime
  value, cost growth) redrawn;
* what-if slider: moving a segment's customers slider one stop in a scenario →
  the scenario's checks, its cost chart and the scenario comparison redrawn
  (the saved answers, and the views over them, are not touched).

* relationship toggle in the worked-cases view (notebook 08): picker,
  findings and one chart (cost vs revenue), in a sandbox state (no save).

Every measured change reaches a state not seen before (a Gray-code walk over
the relationship types, ever-growing customer counts), so the renderer's
picture cache cannot flatter the figures.

Both are measured in the same kernel, interleaved, and reported as medians;
the goal is a ratio of at most 1.3. Usage::

    .venv/bin/python benchmarks/bench_widget_redraw.py [--repeat 30] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any

from jupyter_client.manager import start_new_kernel

GOAL_RATIO = 1.3

SETUP = """
import gc, statistics, tempfile, time
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
from IPython.display import display

from bmc_course.state.session import open_session, reset_current_session
from bmc_course.widgets.findings_panel import FindingsPanel
from bmc_course.widgets.relationship_picker import RelationshipPicker
from bmc_course.widgets.trade_offs import TradeOffs
from bmc_course.widgets.what_if import WhatIf
from bmc_course.widgets.case_explorer import CaseExplorer

# --- the floor: Button -> Output -> matplotlib ------------------------------------
floor_out = widgets.Output()
floor_button = widgets.Button(description="Redraw")
_n = [0]

def _floor_redraw(_button):
    _n[0] += 1
    with floor_out:
        floor_out.clear_output(wait=True)
        fig, ax = plt.subplots(figsize=(7, 3.5))
        ax.bar(["a", "b", "c"], [_n[0] % 5 + 1, 3, 2])
        ax.set_title("floor")
        display(fig)
        plt.close(fig)

floor_button.on_click(_floor_redraw)

# --- the course: a learner with three segments ------------------------------------
workspace = Path(tempfile.mkdtemp(prefix="bmc-bench-"))
session = open_session(workspace / "progress.json")
reset_current_session(session)
state = session.state
ids = [
    state.add_segment("Individual athletes", "mass_market", customers=50000),
    state.add_segment("Teams and schools", "business", customers=300),
    state.add_segment("Stores", "business", customers=40),
]
state.set_relationships(ids[0], ["self_service", "automated_services"])
state.set_relationships(ids[1], ["personal_assistance"])
state.set_relationships(ids[2], ["personal_assistance", "communities"])
picker = RelationshipPicker(state, segment_id=ids[0])
panel = FindingsPanel(state, with_style=False)
trade_offs = TradeOffs(state)  # all four trade-off charts, as in notebook 05
chart = trade_offs.charts[1]  # cost vs revenue
what_if = WhatIf(state)
type_ids = list(picker.type_toggles)
slider = what_if.rows[ids[0]].customers
_step = [0]

def _time(action):
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start

def _flip():
    # Gray code over the six types: every step flips one type and reaches a
    # mix not seen before (64 states), so no chart picture can come from a cache.
    _step[0] += 1
    index = (_step[0] & -_step[0]).bit_length() - 1
    toggle = picker.type_toggles[type_ids[index % len(type_ids)]]
    toggle.value = not toggle.value

# the worked-cases view (notebook 08): picker, findings and one chart
case_view = CaseExplorer(state.catalog, "cleat-maker")
_case_step = [0]

def _flip_case():
    _case_step[0] += 1
    index = (_case_step[0] & -_case_step[0]).bit_length() - 1
    toggle = case_view.picker.type_toggles[type_ids[index % len(type_ids)]]
    toggle.value = not toggle.value

revenue_slider = what_if.rows[ids[0]].revenue
_grid = [0, 0]

def _slide():
    # One stop up the customers slider; at its end, one stop up the revenue slider and back
    # to the first customers stop: every step reaches a (revenue, customers) pair not seen before.
    stops = [value for _, value in slider.options]
    _grid[1] += 1
    if _grid[1] == len(stops):
        _grid[1] = 1
        _grid[0] += 1
        revenue_slider.value = [value for _, value in revenue_slider.options][_grid[0]]
    slider.value = stops[_grid[1]]

for _ in range(3):  # warm up caches, fonts and the first PNG encoder
    _time(floor_button.click); _time(_flip); _time(_slide); _time(_flip_case)
"""

MEASURE = """
floor, flip, slide, flip_case = [], [], [], []
draws_before = chart.redraw_count, panel.redraw_count, what_if.cost_chart.redraw_count
for _ in range({repeat}):
    floor.append(_time(floor_button.click))
    flip.append(_time(_flip))
    slide.append(_time(_slide))
    flip_case.append(_time(_flip_case))
assert chart.redraw_count - draws_before[0] == {repeat}, "chart not redrawn on each toggle"
assert panel.redraw_count - draws_before[1] == {repeat}, "findings not redrawn on each toggle"
assert what_if.cost_chart.redraw_count - draws_before[2] >= {repeat}, "scenario chart not redrawn"
assert all(len(c.output.outputs) == 1 for c in trade_offs.charts)
print("RESULT", __import__("json").dumps({{
    "floor_s": statistics.median(floor),
    "relationship_toggle_s": statistics.median(flip),
    "what_if_slider_s": statistics.median(slide),
    "case_toggle_one_chart_s": statistics.median(flip_case),
    "chart_only_s": chart.last_redraw_seconds,
    "repeat": {repeat},
}}))
"""


def run_in_kernel(code: str, client: object) -> str:
    """Execute ``code`` in the kernel; return its stdout, raising on an error."""
    stdout: list[str] = []
    errors: list[str] = []

    def on_output(msg: dict[str, Any]) -> None:
        kind = msg["msg_type"]
        if kind == "stream" and msg["content"]["name"] == "stdout":
            stdout.append(msg["content"]["text"])
        elif kind == "error":
            errors.append("\n".join(msg["content"]["traceback"]))

    reply = client.execute_interactive(code, output_hook=on_output, timeout=600)  # type: ignore[attr-defined]  # jupyter_client's blocking client is untyped
    if errors or reply["content"]["status"] != "ok":
        raise RuntimeError("kernel error:\n" + "\n".join(errors))
    return "".join(stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat",
        type=int,
        default=30,
        choices=range(1, 61),
        metavar="N",
        help="measurements per action, 1-60 (the Gray-code walk has 64 distinct states)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        run_in_kernel(textwrap.dedent(SETUP), client)
        out = run_in_kernel(MEASURE.format(repeat=args.repeat), client)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    result = json.loads(out.split("RESULT", 1)[1])
    floor = result["floor_s"]
    result["ratio_relationship_toggle"] = result["relationship_toggle_s"] / floor
    result["ratio_what_if_slider"] = result["what_if_slider_s"] / floor
    result["ratio_case_toggle_one_chart"] = result["case_toggle_one_chart_s"] / floor
    result["goal_ratio"] = GOAL_RATIO
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"floor (Button -> Output -> matplotlib): {floor * 1000:7.1f} ms")
        for key in ("relationship_toggle", "what_if_slider", "case_toggle_one_chart"):
            print(
                f"{key.replace('_', ' '):38s}: {result[key + '_s'] * 1000:7.1f} ms"
                f"  ratio {result['ratio_' + key]:.2f} (goal <= {GOAL_RATIO})"
            )
    worst = max(
        result["ratio_relationship_toggle"],
        result["ratio_what_if_slider"],
        result["ratio_case_toggle_one_chart"],
    )
    return 0 if worst <= GOAL_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
