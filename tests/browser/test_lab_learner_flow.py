"""One learner's journey through the course in a real JupyterLab, by clicking and typing only.

The tests in this module run in order on one workspace and one server: each
step starts from what the previous one left, as a learner's would.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from bmc_course.state.progress_store import PROGRESS_FILE_NAME
from tests.browser.lab_page import (
    WIDGET_TIMEOUT,
    open_and_run,
    restart_kernel_and_run_all,
    shot,
)
from tests.browser.servers import RunningServer
from tests.support.html_tags import TagCollector

HOSTILE_NAME = "Ana <img src=x onerror=alert(1)> <script>alert(2)</script>"
OWN_SEGMENT = "Weekend <b>cyclists</b>"


def progress(server: RunningServer) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (server.workspace / PROGRESS_FILE_NAME).read_text(encoding="utf-8")
    )
    return data


def wait_for_progress(server: RunningServer, check: str, timeout: float = 20.0) -> dict[str, Any]:
    """The progress file once ``check`` (a Python expression over ``data``) holds."""
    deadline = time.monotonic() + timeout
    data: dict[str, Any] = {}
    while time.monotonic() < deadline:
        try:
            data = progress(server)
            if eval(check, {}, {"data": data}):  # noqa: S307 - test-only expressions
                return data
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"progress file never satisfied {check!r}; last: {data}")


def assert_no_injected_markup(page: Page) -> None:
    assert page.locator("img[src='x']").count() == 0
    scripts = page.locator("script").evaluate_all("els => els.map(e => e.textContent)")
    assert not any("alert(2)" in (text or "") for text in scripts)


def chart_images(scope: Locator) -> Locator:
    return scope.locator(".bmc-chart-output img")


DRAWN_WIDTH = 300  # px: a chart picture, not an empty or broken image


def drawn_width(image: Locator) -> int:
    """The picture's width once loaded (0 while loading). A chart redrawn meanwhile is a new
    ``<img>`` (another notebook's save, a kernel catching up), so this looks until the image
    there now is drawn; it fails only when none is within the widget timeout."""
    deadline = time.monotonic() + WIDGET_TIMEOUT / 1000
    width = 0
    while time.monotonic() < deadline:
        try:
            image.scroll_into_view_if_needed(timeout=5_000)
            width = int(image.evaluate("img => img.complete ? img.naturalWidth : 0", timeout=5_000))
        except PlaywrightError:  # replaced while we looked: look at the new one
            width = 0
        if width > DRAWN_WIDTH:
            return width
        time.sleep(0.2)
    return width


def assert_charts_drawn(images: Locator, count: int) -> list[str]:
    expect(images).to_have_count(count, timeout=WIDGET_TIMEOUT)
    sources = []
    for index in range(count):
        image = images.nth(index)
        width = drawn_width(image)
        assert width > DRAWN_WIDTH, f"chart {index} is not a drawn picture (width {width})"
        expect(image).to_be_visible()
        sources.append(image.get_attribute("src") or "")
    return sources


def test_welcome_saves_name_and_business(page: Page, lab: RunningServer, screenshots: Path) -> None:
    notebook = open_and_run(page, lab, "00_welcome.ipynb", ".bmc-welcome")
    name = notebook.locator(".bmc-learner input")
    name.fill(HOSTILE_NAME)
    name.press("Enter")
    business = notebook.locator(".bmc-business textarea")
    business.fill("Handmade football boots for athletes and teams")
    business.press("Tab")  # leaving the field commits it
    wait_for_progress(lab, f"data.get('learner') == {HOSTILE_NAME!r}")
    wait_for_progress(lab, "'football boots' in data.get('business', '')")
    expect(notebook.locator(".bmc-progress-summary")).to_be_visible()
    shot(page, screenshots, "01-welcome")
    assert_no_injected_markup(page)


def test_segments_are_added_by_clicking_and_typing(
    page: Page, lab: RunningServer, screenshots: Path
) -> None:
    notebook = open_and_run(page, lab, "02_pick_segments.ipynb", ".bmc-segment-picker")
    notebook.locator(".bmc-add-archetype").first.click()
    form = notebook.locator(".bmc-add-segment-form")
    form.locator(".bmc-segment-name input").fill(OWN_SEGMENT)
    revenue = form.locator(".bmc-segment-revenue input")
    revenue.fill("120")
    revenue.press("Tab")
    form.locator(".bmc-segment-submit").click()
    segment_list = notebook.locator(".bmc-segment-list")
    expect(segment_list).to_contain_text(OWN_SEGMENT, timeout=WIDGET_TIMEOUT)
    data = wait_for_progress(lab, "len(data.get('segments', [])) == 2")
    assert OWN_SEGMENT in [s["name"] for s in data["segments"]]
    segment_list.scroll_into_view_if_needed()
    shot(page, screenshots, "02-segments")
    assert_no_injected_markup(page)


def learners_picker(notebook: Locator) -> Locator:
    """The cell of the learner's own relationship picker in 04, with its findings (the case
    explorer further down has a sandbox picker of its own)."""
    picker = notebook.page.locator(".bmc-relationship-picker")
    return notebook.locator(".jp-CodeCell", has=picker).first


def test_relationships_update_findings_without_rerunning(
    page: Page, lab: RunningServer, screenshots: Path
) -> None:
    notebook = open_and_run(page, lab, "04_match_types.ipynb", ".bmc-relationship-picker")
    picker = learners_picker(notebook)
    findings = picker.locator(".bmc-findings-body")
    expect(findings).to_be_visible(timeout=WIDGET_TIMEOUT)
    before = findings.inner_text()
    toggle = picker.locator(".bmc-type-toggle-personal_assistance input")
    toggle.scroll_into_view_if_needed()
    toggle.check()
    expect(findings).not_to_have_text(before, timeout=WIDGET_TIMEOUT)
    wait_for_progress(
        lab, "'personal_assistance' in [r['type'] for r in data['segments'][0]['relationships']]"
    )
    picker.locator(".bmc-type-toggle-self_service input").check()
    wait_for_progress(
        lab, "'self_service' in [r['type'] for r in data['segments'][0]['relationships']]"
    )
    findings.scroll_into_view_if_needed()
    shot(page, screenshots, "03-relationships-and-findings")


def test_trade_off_charts_and_what_if_slider(
    page: Page, lab: RunningServer, screenshots: Path
) -> None:
    notebook = open_and_run(page, lab, "05_trade_offs.ipynb", ".bmc-trade-offs")
    trade_offs = notebook.locator(".bmc-trade-offs")
    assert_charts_drawn(chart_images(trade_offs), 4)
    trade_offs.locator(".bmc-chart-cost-vs-revenue").scroll_into_view_if_needed()
    shot(page, screenshots, "04-trade-offs")
    what_if = notebook.locator(".bmc-what-if")
    what_if.scroll_into_view_if_needed()
    # the scenario's cost chart (the comparison below is drawn only when opened)
    (before,) = assert_charts_drawn(chart_images(what_if), 1)
    slider = what_if.locator(
        ".bmc-what-if-revenue .ui-slider-handle, .bmc-what-if-revenue [role='slider']"
    ).first
    slider.focus()
    for _ in range(5):
        slider.press("ArrowRight")
    expect(chart_images(what_if).first).not_to_have_attribute("src", before, timeout=WIDGET_TIMEOUT)
    shot(page, screenshots, "05-what-if")


def test_restarting_the_kernel_brings_every_choice_back(
    page: Page, lab: RunningServer, screenshots: Path
) -> None:
    notebook = open_and_run(page, lab, "04_match_types.ipynb", ".bmc-relationship-picker")
    picker = learners_picker(notebook)
    restart_kernel_and_run_all(page)
    time.sleep(1.0)  # the old widgets go away before the new ones arrive
    toggle = picker.locator(".bmc-type-toggle-personal_assistance input")
    toggle.scroll_into_view_if_needed(timeout=WIDGET_TIMEOUT)
    expect(toggle).to_be_checked(timeout=WIDGET_TIMEOUT)
    expect(picker.locator(".bmc-type-toggle-self_service input")).to_be_checked()
    expect(picker.locator(".bmc-type-toggle-communities input")).not_to_be_checked()
    page.reload()
    notebook = open_and_run(page, lab, "00_welcome.ipynb", ".bmc-welcome")
    expect(notebook.locator(".bmc-learner input")).to_have_value(HOSTILE_NAME)
    shot(page, screenshots, "06-restored-after-restart")


def test_canvas_block_is_exported_from_the_page(
    page: Page, lab: RunningServer, screenshots: Path
) -> None:
    notebook = open_and_run(page, lab, "09_canvas_block.ipynb", ".bmc-export-html")
    button = notebook.locator(".bmc-export-html")
    button.scroll_into_view_if_needed()
    button.click()
    status = notebook.locator(".bmc-export-status")
    expect(status).to_contain_text(".html", timeout=WIDGET_TIMEOUT)
    exported = sorted(lab.workspace.rglob("*.html"))
    assert exported, "no HTML file was written"
    parser = TagCollector()
    parser.feed(exported[-1].read_text(encoding="utf-8"))
    assert not [t for t, a in parser.tags if t == "script"]
    assert not [a for t, a in parser.tags if t == "img" and a.get("src") == "x"]
    assert HOSTILE_NAME in "".join(parser.text)
    assert OWN_SEGMENT in "".join(parser.text)
    notebook.locator(".bmc-canvas-block").first.scroll_into_view_if_needed()
    shot(page, screenshots, "07-canvas-block-export")
    assert_no_injected_markup(page)
    expect(page.get_by_text(HOSTILE_NAME).first).to_be_visible()


def focused_classes(page: Page) -> str:
    return str(
        page.evaluate(
            "() => { const e = document.activeElement;"
            " const w = e && e.closest('.widget-checkbox, .widget-dropdown, .widget-button');"
            " return (w ? w.className : '') + ' | ' + (e ? e.tagName : ''); }"
        )
    )


def test_relationship_picker_works_with_the_keyboard_alone(
    page: Page, lab: RunningServer, screenshots: Path
) -> None:
    notebook = open_and_run(page, lab, "04_match_types.ipynb", ".bmc-relationship-picker")
    picker = learners_picker(notebook)
    select = picker.locator(".bmc-segment-select select")
    select.scroll_into_view_if_needed()
    select.focus()  # the one step a mouse user would click: into the picker
    # the dropdown is operated from the keyboard ...
    select.press("W")  # type-ahead: the first letter picks the option
    chosen = select.evaluate("s => s.options[s.selectedIndex].text")
    assert chosen.replace("\xa0", " ") == OWN_SEGMENT  # ipywidgets shows spaces as nbsp
    # ... and every type's checkbox is reached with Tab and ticked with Space
    for _ in range(60):
        page.keyboard.press("Tab")
        if "bmc-type-toggle-communities" in focused_classes(page):
            break
    else:
        raise AssertionError("Tab never reached the communities checkbox")
    page.keyboard.press("Space")
    toggle = picker.locator(".bmc-type-toggle-communities input")
    expect(toggle).to_be_checked()
    data = wait_for_progress(
        lab, "'communities' in [r['type'] for r in data['segments'][1]['relationships']]"
    )
    assert data["segments"][1]["name"] == OWN_SEGMENT
    shot(page, screenshots, "08-keyboard-picker")


def test_every_chart_has_a_text_alternative(page: Page, lab: RunningServer) -> None:
    notebook = open_and_run(page, lab, "05_trade_offs.ipynb", ".bmc-trade-offs")
    charts = notebook.locator(".bmc-chart")
    assert_charts_drawn(chart_images(notebook), 5)  # four trade-offs, the scenario's cost chart
    compare = notebook.locator(".bmc-what-if-compare")
    compare.scroll_into_view_if_needed()
    compare.get_by_text("Compare scenarios").click()  # the comparison is drawn when opened
    assert_charts_drawn(chart_images(notebook), 6)
    for index in range(charts.count()):
        chart = charts.nth(index)
        image = chart.locator(".bmc-chart-output img")
        alt = image.get_attribute("alt") or ""
        table = chart.locator(".bmc-chart-table")
        assert alt or table.count() == 1, f"chart {index} has neither alt text nor a table"
        table.get_by_text("Chart as a table").click()
        expect(table.locator("table.bmc-table")).to_be_visible(timeout=WIDGET_TIMEOUT)
