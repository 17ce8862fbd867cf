"""Accessibility of the course's own views, measured with axe-core in chromium (issue 14, item 9).

axe-core is the standard accessibility engine; ``axe-playwright-python`` ships
its script inside the wheel and injects it into the page, so the scan needs no
network (the page guard would fail the test on any request off 127.0.0.1).

In JupyterLab only our widgets are scanned (context ``.bmc-view``): JupyterLab's
own chrome (menus, side bars, the notebook's toolbar) is not ours to fix and
has violations of its own. Each notebook is scanned after it has run itself,
with every ``<details>`` opened, in the light and the dark JupyterLab theme.
The facilitator demo is our template and our widgets from edge to edge, so the
whole page is scanned there.

A test fails on any violation of impact ``serious`` or ``critical``.
"""

from __future__ import annotations

import json
import shutil
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from bmc_course.model.paths import notebooks_dir
from bmc_course.state.progress_store import PROGRESS_FILE_NAME
from bmc_course.state.session import open_session
from tests.browser.lab_page import (
    NOTEBOOK,
    WIDGET_TIMEOUT,
    code_cell_count,
    open_and_run,
    shut_down_kernels,
    wait_until_every_cell_ran,
)
from tests.browser.servers import RunningServer
from tests.browser.test_voila_demo import open_demo

pytestmark = pytest.mark.timeout(300)

COURSE_NOTEBOOKS = sorted(path.name for path in notebooks_dir().glob("0*.ipynb"))
TEACHER_NOTEBOOK = notebooks_dir() / "teacher" / "class_summary.ipynb"
BLOCKING = ("serious", "critical")
OUR_VIEWS = ".bmc-view"
# JupyterLab's theme names, as its Settings ▸ Theme menu lists them
LAB_THEMES = {"light": "JupyterLab Light", "dark": "JupyterLab Dark"}
THEMES_SETTINGS = "/lab/api/settings/@jupyterlab/apputils-extension:themes"
DEMO_SCENES = (
    "",  # a blank scene, step 1
    "case=cleat-maker&step=2",
    "case=online-retailer&step=4",
    "case=cleat-maker&step=5",
)

AXE = Axe()


def blocking_violations(results: dict[str, Any]) -> list[dict[str, Any]]:
    return [v for v in results["violations"] if v.get("impact") in BLOCKING]


def describe(violations: list[dict[str, Any]]) -> str:
    """One block per rule: id, impact, the short help text and the elements it hit."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:8]:
            target = " > ".join(str(part) for part in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            snippet = " ".join(str(node.get("html", "")).split())
            lines.append(f"    {target}: {snippet[:160]}")
            lines.append(f"        {summary[:240]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


def scan(page: Page, where: str, include: str | None = None) -> dict[str, Any]:
    """Run axe over the page (or only over ``include``); fail on serious or critical findings."""
    context = {"include": [[include]]} if include else None
    results: dict[str, Any] = AXE.run(page, context=context).response
    assert results["passes"], f"{where}: axe checked nothing (is {include!r} on the page?)"
    found = blocking_violations(results)
    assert not found, f"{where}: serious/critical accessibility violations\n{describe(found)}"
    return results


def settle(scope: Locator, quiet: float = 1.0, timeout: float = 30.0) -> None:
    """Wait until ``scope``'s markup has not changed for ``quiet`` seconds (late redraws done)."""
    deadline = time.monotonic() + timeout
    last, since = "", time.monotonic()
    while time.monotonic() < deadline:
        now = str(scope.evaluate("e => e.innerHTML.length + ':' + e.querySelectorAll('*').length"))
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.2)


def open_every_details(scope: Locator) -> None:
    """Open every folded section of our views, so what it hides is scanned too."""
    scope.evaluate(f"e => e.querySelectorAll('{OUR_VIEWS} details').forEach(d => d.open = true)")


def set_lab_theme(lab: RunningServer, theme: str) -> None:
    """Choose JupyterLab's theme for the next page load (as Settings ▸ Theme would)."""
    body = json.dumps({"raw": json.dumps({"theme": LAB_THEMES[theme]})}).encode()
    request = urllib.request.Request(  # noqa: S310 -- our own http://127.0.0.1 server
        lab.url(THEMES_SETTINGS), data=body, method="PUT"
    )
    request.add_header("Content-Type", "application/json")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    opener.open(request, timeout=10).close()


def seed_learner(progress: Path, learner: str, answers: dict[str, str]) -> None:
    """A learner with segments, mixes, goals, answers and a finished step: every view has content."""
    session = open_session(progress)
    state = session.state
    state.set_learner(learner)
    state.set_business("Football boots for clubs, schools and players")
    athletes = state.add_segment("Individual athletes", "mass_market", customers=50_000)
    teams = state.add_segment("Teams and schools", "business", customers=300)
    state.set_relationships(athletes, ["self_service", "automated_services"])
    state.set_relationships(teams, ["personal_assistance"])
    state.set_motivations(athletes, ["acquisition", "retention"])
    for question, option in answers.items():
        state.answer(question, option)
    state.mark_step_done("welcome")


@pytest.fixture(scope="module")
def seeded_lab(lab: RunningServer) -> RunningServer:
    """The module's JupyterLab with a learner's progress, the teacher's notebook and a class
    folder of two hand-ins and one unreadable file."""
    seed_learner(lab.workspace / PROGRESS_FILE_NAME, "Ana", {"welcome-1": "b"})
    submissions = lab.workspace / "submissions"
    submissions.mkdir(exist_ok=True)
    shutil.copy(lab.workspace / PROGRESS_FILE_NAME, submissions / "ana.json")
    seed_learner(submissions / "ben.json", "Ben", {"welcome-1": "a"})
    (submissions / "broken.json").write_text("{", encoding="utf-8")
    if not (lab.workspace / TEACHER_NOTEBOOK.name).exists():
        shutil.copy(TEACHER_NOTEBOOK, lab.workspace / TEACHER_NOTEBOOK.name)
    return lab


@pytest.fixture(params=sorted(LAB_THEMES))
def lab_theme(request: pytest.FixtureRequest, seeded_lab: RunningServer) -> Iterator[str]:
    theme = str(request.param)
    set_lab_theme(seeded_lab, theme)
    yield theme
    shut_down_kernels(seeded_lab)  # one notebook's kernel at a time on a small machine


def scan_notebook(page: Page, lab: RunningServer, name: str, theme: str) -> None:
    notebook = open_and_run(page, lab, name, OUR_VIEWS)
    wait_until_every_cell_ran(notebook, code_cell_count(lab, name))
    if theme == "dark":
        expect(page.locator("body[data-jp-theme-light='false']")).to_have_count(1)
    settle(notebook)
    open_every_details(notebook)
    settle(notebook, quiet=0.5)
    scan(page, f"{name} ({theme})", f"{NOTEBOOK} {OUR_VIEWS}")


# What the scan must catch: the two kinds of violation our views had (a chart without alt
# text, a slider handle without a name), in a page built here.
UNNAMED = """<main><h1>Scan check</h1>
<img src="data:image/png;base64,iVBORw0KGgo=">
<div role="slider" tabindex="0" aria-valuemin="0" aria-valuemax="20" aria-valuenow="3"></div>
</main>"""


def test_the_scan_runs_offline_and_finds_what_it_must(page: Page) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_content(UNNAMED)
    results: dict[str, Any] = AXE.run(page).response  # axe-core's script comes from the wheel
    assert {(v["id"], v["impact"]) for v in blocking_violations(results)} >= {
        ("image-alt", "critical"),
        ("aria-input-field-name", "serious"),
    }
    assert requests == []  # nothing fetched, not even from this machine


@pytest.mark.parametrize("name", COURSE_NOTEBOOKS)
def test_course_notebook_views_have_no_serious_violations(
    page: Page, seeded_lab: RunningServer, lab_theme: str, name: str
) -> None:
    scan_notebook(page, seeded_lab, name, lab_theme)


def test_teacher_class_summary_has_no_serious_violations(
    page: Page, seeded_lab: RunningServer, lab_theme: str
) -> None:
    name = TEACHER_NOTEBOOK.name
    notebook = page.locator(NOTEBOOK)
    scan_notebook(page, seeded_lab, name, lab_theme)
    # the class was read: counts, the chart and the rejected file are part of what was scanned
    expect(notebook.locator(".bmc-class-status")).to_contain_text("2 learners")
    expect(notebook.locator(".bmc-class-summary .bmc-chart-output img")).to_have_count(1)
    expect(notebook.locator(".bmc-class-body")).to_contain_text("broken.json")


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("scene", DEMO_SCENES)
def test_demo_page_has_no_serious_violations(
    page: Page, demo: RunningServer, scene: str, theme: str
) -> None:
    query = "&".join(part for part in (scene, f"theme={theme}") if part)
    open_demo(page, demo, query)
    expect(page.locator(f".bmc-demo.bmc-demo-{theme}")).to_be_visible()
    if "step=5" in scene:
        expect(page.locator(".bmc-demo-section-trade_offs .bmc-chart-output img")).to_have_count(
            4, timeout=WIDGET_TIMEOUT
        )
    settle(page.locator(".bmc-demo"))
    open_every_details(page.locator("body"))
    scan(page, f"demo ?{query}")
