"""Click → visible update in a real browser, as ratios to bare ipywidgets floors in the same run.

Starts JupyterLab (as ``bmc-course start`` does) and Voilà (as ``bmc-course
demo`` does) on 127.0.0.1, drives Debian's chromium with Playwright, and times
from the triggering DOM event (``click`` / ``keydown``, caught in the capture
phase) to the moment the page shows the change (a MutationObserver sees the new
text or the new chart ``src``). Medians of ``--repeat`` rounds; the four
measurements of a setting are interleaved round by round, so machine noise hits
them alike.

JupyterLab:
* floor label: a bare Button updating a Label (the floor for our findings text);
* floor chart: a bare Button redrawing a matplotlib figure in an Output;
* relationship toggle → findings text (notebook 04);
* what-if slider (arrow key) → cost-vs-revenue chart (notebook 05).

Notebooks 04 and 05 are open together, as a learner has them: by default two
tabs of one JupyterLab page (05 opened from 04's course map; the notebook
behind waits and catches up when its tab is brought in front, before the clock
starts), or with ``--layout pages`` two browser pages side by side, where each
notebook follows (and redraws after) every change made in the other.

Voilà: the same two floors, and in the demo dashboard a relationship toggle →
findings text, and → the cost-vs-revenue chart.

Charts are measured on states never seen before (a Gray-code walk over the
types, a slider moved one way), so the renderer's picture cache cannot flatter
them; findings are recomputed on every change (no cache), so their toggle
simply alternates.

Goals: findings ≤ 1.3× the label floor and < 100 ms median; charts ≤ 1.3× the
chart floor. Usage::

    .venv/bin/python benchmarks/bench_browser_latency.py [--repeat 25] [--layout tabs|pages] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import nbformat
from playwright.sync_api import BrowserContext, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bmc_course.app import demo_server  # noqa: E402
from bmc_course.model.content_models import RELATIONSHIP_TYPE_IDS  # noqa: E402
from bmc_course.state.progress_store import PROGRESS_FILE_NAME  # noqa: E402
from bmc_course.state.session import open_session  # noqa: E402
from tests.browser.browser_setup import CHROMIUM_ARGS, chromium_path  # noqa: E402
from tests.browser.lab_page import open_and_run  # noqa: E402
from tests.browser.servers import RunningServer, _process, running_lab  # noqa: E402

GOAL_RATIO = 1.3
GOAL_FINDINGS_MS = 100.0

FLOOR_LABEL = """\
import ipywidgets as widgets
from IPython.display import display

label = widgets.Label("0")
label.add_class("floor-label")
button = widgets.Button(description="Count")
button.add_class("floor-button")
count = [0]

def on_click(_button):
    count[0] += 1
    label.value = str(count[0])

button.on_click(on_click)
display(widgets.VBox([button, label]))
"""

FLOOR_CHART = """\
import ipywidgets as widgets
import matplotlib.pyplot as plt
from IPython.display import display

out = widgets.Output()
out.add_class("floor-output")
button = widgets.Button(description="Redraw")
button.add_class("floor-button")
count = [0]

def on_click(_button):
    count[0] += 1
    with out:
        out.clear_output(wait=True)
        fig, ax = plt.subplots(figsize=(7, 3.5))
        ax.bar(["a", "b", "c"], [count[0] % 5 + 1, 3, 2])
        ax.set_title("floor")
        display(fig)
        plt.close(fig)

button.on_click(on_click)
display(widgets.VBox([button, out]))
on_click(None)
"""

INSTALL_PROBE = """([target, attr, eventName]) => {
  const read = () => {
    const el = document.querySelector(target);
    return el ? (attr ? el.getAttribute(attr) : el.textContent) : null;
  };
  const before = read();
  const probe = {t0: null, dt: null};
  window.__bmcProbe = probe;
  const onEvent = () => { if (probe.t0 === null) probe.t0 = performance.now(); };
  document.addEventListener(eventName, onEvent, {capture: true});
  const observer = new MutationObserver(() => {
    if (probe.t0 === null || probe.dt !== null) return;
    if (read() !== before) {
      probe.dt = performance.now() - probe.t0;
      observer.disconnect();
      document.removeEventListener(eventName, onEvent, {capture: true});
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
}"""


class Probe:
    """One kind of measurement: an action on a page and the DOM change it must cause."""

    def __init__(
        self,
        page: Page,
        target: str,
        attr: str | None,
        event: str,
        act: Callable[[int], None],
        prepare: Callable[[], None] | None = None,
    ) -> None:
        self.page, self.target, self.attr, self.event, self.act = page, target, attr, event, act
        self.prepare = prepare  # before the clock starts (e.g. bring the notebook's tab in front)
        self.samples: list[float] = []
        self.round = 0

    def measure(self) -> None:
        self.page.bring_to_front()
        if self.prepare is not None:
            self.prepare()
        self.page.evaluate(INSTALL_PROBE, [self.target, self.attr, self.event])
        self.act(self.round)
        self.round += 1
        try:
            self.page.wait_for_function("window.__bmcProbe.dt !== null", timeout=30_000)
        except PlaywrightTimeout:
            raise RuntimeError(f"{self.target} did not change within 30 s of the action") from None
        self.samples.append(float(self.page.evaluate("window.__bmcProbe.dt")))
        self.page.wait_for_timeout(150)  # let the kernel settle (progress save, other views)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples)


def write_notebook(path: Path, source: str) -> None:
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(source)]
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    # runs itself on open in the course's JupyterLab, exactly like a course notebook
    book.metadata["bmc_course"] = {"autorun": True, "hide_code": True}
    nbformat.write(book, path)


def seed_progress(workspace: Path) -> None:
    """A learner with two segments and relationships, so every view has something to show."""
    session = open_session(workspace / PROGRESS_FILE_NAME)
    state = session.state
    athletes = state.add_segment("Individual athletes", "mass_market", customers=50_000)
    teams = state.add_segment("Teams and schools", "business", customers=300)
    state.set_relationships(athletes, ["self_service", "automated_services"])
    state.set_relationships(teams, ["personal_assistance"])


def toggle(page: Page, selector: str) -> Callable[[int], None]:
    return lambda _round: page.locator(selector).first.click()


def arrow_right(page: Page, selectors: list[str]) -> Callable[[int], None]:
    """Always one step further on the first slider not yet at its end: every combination
    of values is new, so no chart comes from a cache (one slider alone runs out of stops)."""

    def act(_round: int) -> None:
        for selector in selectors:
            handle = page.locator(selector).first
            if handle.get_attribute("aria-valuenow") != handle.get_attribute("aria-valuemax"):
                handle.press("ArrowRight")
                return
        raise RuntimeError("every what-if slider is at its end: use fewer rounds")

    return act


def gray_code_toggle(page: Page, scope: str) -> Callable[[int], None]:
    """Flip one type per round along a Gray code: a relationship mix never seen before
    (64 states), so no chart picture can come from the renderer's cache."""

    def act(round_: int) -> None:
        step = round_ + 1
        type_ids = RELATIONSHIP_TYPE_IDS
        type_id = type_ids[((step & -step).bit_length() - 1) % len(type_ids)]
        page.locator(f"{scope} .bmc-type-toggle-{type_id} input").first.click()

    return act


def floor_probes(pages: dict[str, Page]) -> dict[str, Probe]:
    """The two bare-ipywidgets floors, on the "label" and "chart" pages."""
    return {
        "floor_label": Probe(
            pages["label"], ".floor-label", None, "click", toggle(pages["label"], ".floor-button")
        ),
        "floor_chart": Probe(
            pages["chart"],
            ".floor-output img",
            "src",
            "click",
            toggle(pages["chart"], ".floor-button"),
        ),
    }


def run_rounds(probes: dict[str, Probe], repeat: int) -> dict[str, float]:
    for probe in probes.values():  # warm-up: first draws, caches, fonts
        probe.measure()
        probe.measure()
        probe.samples.clear()
    for _ in range(repeat):
        for probe in probes.values():
            probe.measure()
    return {name: probe.median_ms for name, probe in probes.items()}


def panel_scope(page: Page, name: str) -> str:
    """A CSS selector for the JupyterLab panel of notebook ``name`` (shown or hidden)."""
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=name)
    return f"[id='{tab.get_attribute('data-id')}']"


def show_tab(page: Page, name: str, scope: str) -> Callable[[], None]:
    """Bring notebook ``name``'s tab in front and let its kernel catch up before measuring."""

    def prepare() -> None:
        tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=name)
        if "lm-mod-current" in (tab.get_attribute("class") or ""):
            return
        tab.click()
        page.locator(f"{scope}:not([data-bmc-kernel-shown='false'])").wait_for(timeout=30_000)
        page.wait_for_timeout(1_000)  # the redraw of what the other notebook changed

    return prepare


def course_pages(
    browser_context: BrowserContext, server: RunningServer, layout: str
) -> tuple[dict[str, Page], dict[str, str], dict[str, Callable[[], None] | None]]:
    """Notebooks 04 and 05 as the learner has them: ``tabs``, two tabs of one JupyterLab page
    (05 opened from 04's course map; the one behind waits), or ``pages``, two browser pages
    side by side (both on screen, so each follows every change the other makes)."""
    picker, what_if = browser_context.new_page(), browser_context.new_page()
    if layout == "pages":
        open_and_run(picker, server, "04_match_types.ipynb", ".bmc-findings-body")
        open_and_run(what_if, server, "05_trade_offs.ipynb", ".bmc-what-if .bmc-chart-output img")
        return {"04": picker, "05": what_if}, {"04": "", "05": ""}, {"04": None, "05": None}
    what_if.close()
    notebook = open_and_run(picker, server, "04_match_types.ipynb", ".bmc-findings-body")
    notebook.get_by_role("link", name="Next: Cost versus personalisation →").first.click()
    scopes = {"04": panel_scope(picker, "04_match_types"), "05": panel_scope(picker, "05_trade")}
    picker.locator(f"{scopes['05']} .bmc-what-if .bmc-chart-output img").first.wait_for(
        timeout=90_000
    )
    prepare: dict[str, Callable[[], None] | None] = {
        "04": show_tab(picker, "04_match_types", scopes["04"]),
        "05": show_tab(picker, "05_trade", scopes["05"]),
    }
    return {"04": picker, "05": picker}, scopes, prepare


def lab_probes(
    browser_context: BrowserContext, server: RunningServer, layout: str
) -> dict[str, Probe]:
    pages = {name: browser_context.new_page() for name in ("label", "chart")}
    open_and_run(pages["label"], server, "floor_label.ipynb", ".floor-label")
    open_and_run(pages["chart"], server, "floor_chart.ipynb", ".floor-output img")
    course, scope, prepare = course_pages(browser_context, server, layout)
    sliders = [
        f"{scope['05']} .bmc-what-if .bmc-what-if-{name} [role='slider']"
        for name in ("revenue", "margin", "years", "customers")
    ]
    return {
        **floor_probes(pages),
        "relationship_toggle_findings": Probe(
            course["04"],
            f"{scope['04']} .bmc-findings-body",
            None,
            "click",
            toggle(course["04"], f"{scope['04']} .bmc-type-toggle-communities input"),
            prepare["04"],
        ),
        "what_if_slider_chart": Probe(
            course["05"],
            f"{scope['05']} .bmc-what-if .bmc-chart-output img",
            "src",
            "keydown",
            arrow_right(course["05"], sliders),
            prepare["05"],
        ),
    }


@contextlib.contextmanager
def running_voila(folder: Path) -> Iterator[RunningServer]:
    from bmc_course.app import lab_server

    port, token = lab_server.find_free_port(), lab_server.new_token()
    command = demo_server.build_demo_command(folder, port=port)
    env = demo_server.build_demo_environment(token)
    with _process(command, env, folder) as (process, log):
        demo_server.wait_until_listening(port, timeout=90, process=process)
        yield RunningServer(port, token, folder, log)


def voila_probes(browser_context: BrowserContext, server: RunningServer) -> dict[str, Probe]:
    pages = {
        name: browser_context.new_page() for name in ("label", "chart", "findings", "chart_demo")
    }
    for name, notebook, ready, query in (
        ("label", "floor_label.ipynb", ".floor-label", ""),
        ("chart", "floor_chart.ipynb", ".floor-output img", ""),
        ("findings", "dashboard.ipynb", ".bmc-findings-body", "case=cleat-maker&step=5"),
        (
            "chart_demo",
            "dashboard.ipynb",
            ".bmc-chart-cost-vs-revenue .bmc-chart-output img",
            "case=cleat-maker&step=5",
        ),
    ):
        pages[name].goto(server.url(f"/voila/render/{notebook}", query))
        pages[name].locator(ready).first.wait_for(timeout=90_000)
    toggle_selector = ".bmc-demo-section-relationships .bmc-type-toggle-communities input"
    return {
        **floor_probes(pages),
        "demo_toggle_findings": Probe(
            pages["findings"],
            ".bmc-findings-body",
            None,
            "click",
            toggle(pages["findings"], toggle_selector),
        ),
        "demo_toggle_chart": Probe(
            pages["chart_demo"],
            ".bmc-chart-cost-vs-revenue .bmc-chart-output img",
            "src",
            "click",
            toggle(pages["chart_demo"], toggle_selector),
        ),
    }


def ratios(medians: dict[str, float], text_key: str, chart_key: str) -> dict[str, float]:
    return {
        f"{text_key}_ratio": medians[text_key] / medians["floor_label"],
        f"{chart_key}_ratio": medians[chart_key] / medians["floor_chart"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=25, help="measured rounds (>= 20 for the report)"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--layout",
        choices=("tabs", "pages"),
        default="tabs",
        help="notebooks 04 and 05 as two tabs of one JupyterLab (default; the one behind "
        "waits) or as two browser pages side by side (both follow every change)",
    )
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="bmc-bench-browser-"))
    result: dict[str, dict[str, float]] = {}
    try:
        workspace = root / "workspace"
        workspace.mkdir()
        write_notebook(workspace / "floor_label.ipynb", FLOOR_LABEL)
        write_notebook(workspace / "floor_chart.ipynb", FLOOR_CHART)
        seed_progress(workspace)
        voila_dir = root / "voila"
        voila_dir.mkdir()
        for name in ("floor_label.ipynb", "floor_chart.ipynb"):
            shutil.copy(workspace / name, voila_dir / name)
        shutil.copy(demo_server.dashboard_path(), voila_dir / "dashboard.ipynb")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            with running_lab(workspace) as lab:
                medians = run_rounds(lab_probes(context, lab, args.layout), args.repeat)
                result["jupyterlab"] = {
                    **medians,
                    **ratios(medians, "relationship_toggle_findings", "what_if_slider_chart"),
                }
            with running_voila(voila_dir) as voila:
                medians = run_rounds(voila_probes(context, voila), args.repeat)
                result["voila"] = {
                    **medians,
                    **ratios(medians, "demo_toggle_findings", "demo_toggle_chart"),
                }
            browser.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if args.json:
        print(json.dumps({"repeat": args.repeat, "layout": args.layout, **result}, indent=2))
    else:
        for setting, figures in result.items():
            where = f", notebooks as {args.layout}" if setting == "jupyterlab" else ""
            print(f"{setting} (medians of {args.repeat}{where}):")
            for key, value in figures.items():
                unit = "" if key.endswith("_ratio") else " ms"
                print(f"  {key:34s} {value:8.2f}{unit}")
    met = all(
        value <= GOAL_RATIO
        for figures in result.values()
        for key, value in figures.items()
        if key.endswith("_ratio")
    ) and all(
        figures[key] < GOAL_FINDINGS_MS
        for figures in result.values()
        for key in figures
        if key.endswith("_findings")
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
