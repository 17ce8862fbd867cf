"""The facilitator demo in Voilà, at projector size: no code, scenes from the address, live charts."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser, Page, ViewportSize, expect

from bmc_course.model.catalog import load_catalog
from tests.browser.browser_setup import PageGuard
from tests.browser.lab_page import WIDGET_TIMEOUT, shot
from tests.browser.servers import RunningServer, running_demo
from tests.browser.test_lab_learner_flow import assert_charts_drawn

PROJECTOR: ViewportSize = {"width": 1280, "height": 720}


def choose_case(page: Page, case_id: str) -> None:
    """Pick a case in the scene dropdown by its title, as a facilitator does."""
    title = load_catalog().cases[case_id].title
    page.locator(".bmc-demo-case select").select_option(label=title)


def open_demo(page: Page, demo: RunningServer, query: str = "") -> None:
    page.set_viewport_size(PROJECTOR)
    page.goto(demo.url("/", query))
    expect(page.locator(".bmc-demo")).to_be_visible(timeout=WIDGET_TIMEOUT)


def test_demo_shows_no_code_and_walks_a_case_step_by_step(
    page: Page, demo: RunningServer, screenshots: Path
) -> None:
    open_demo(page, demo)
    assert page.locator(".jp-InputArea, .jp-CodeMirrorEditor, .cm-editor").count() == 0
    expect(page.locator(".bmc-demo-section-business")).to_be_visible()
    expect(page.locator(".bmc-demo-section-segments")).to_be_hidden()
    shot(page, screenshots, "10-demo-blank")
    choose_case(page, "cleat-maker")
    expect(page.locator(".bmc-demo-section-business")).to_contain_text("cleat", ignore_case=True)
    for step in range(2, 6):
        page.locator(".bmc-demo-next").click()
        expect(page.locator(".bmc-demo-step-label")).to_contain_text(f"Step {step} of 5")
    expect(page.locator(".bmc-demo-section-findings .bmc-findings-body")).to_be_visible()
    sources = assert_charts_drawn(
        page.locator(".bmc-demo-section-trade_offs .bmc-chart-output img"), 4
    )
    shot(page, screenshots, "11-demo-cleat-maker-trade-offs")
    choose_case(page, "online-retailer")
    expect(
        page.locator(".bmc-demo-section-trade_offs .bmc-chart-output img").nth(1)
    ).not_to_have_attribute("src", sources[1], timeout=WIDGET_TIMEOUT)


def test_a_bookmarked_scene_opens_directly_in_the_dark_theme(
    page: Page, demo: RunningServer, screenshots: Path
) -> None:
    open_demo(page, demo, "case=online-retailer&step=4&theme=dark")
    expect(page.locator(".bmc-demo.bmc-demo-dark")).to_be_visible()
    expect(page.locator(".bmc-demo-step-label")).to_contain_text("Step 4 of 5")
    findings = page.locator(".bmc-demo-section-findings .bmc-findings-body")
    findings.scroll_into_view_if_needed()
    expect(findings).to_contain_text("Cost vs gross profit")
    shot(page, screenshots, "12-demo-bookmarked-dark")
    page.locator(".bmc-demo-theme button", has_text="Light").click()
    expect(page.locator(".bmc-demo.bmc-demo-light")).to_be_visible()


def test_relationship_toggle_in_the_demo_updates_the_findings(
    page: Page, demo: RunningServer
) -> None:
    open_demo(page, demo, "case=cleat-maker&step=4")
    findings = page.locator(".bmc-demo-section-findings .bmc-findings-body")
    before = findings.inner_text()
    toggle = page.locator(
        ".bmc-demo-section-relationships .bmc-type-toggle-dedicated_personal_assistance input"
    )
    toggle.scroll_into_view_if_needed()
    toggle.check()
    expect(findings).not_to_have_text(before, timeout=WIDGET_TIMEOUT)


def test_a_script_in_the_theme_parameter_never_runs(page: Page, demo: RunningServer) -> None:
    # the page guard fails the test on any dialog, so an alert() here would fail it
    open_demo(page, demo, 'theme="><svg onload=alert(3)>&case=cleat-maker')
    expect(page.locator(".bmc-demo")).to_be_visible()
    assert page.locator("svg[onload]").count() == 0
    expect(page.locator(".bmc-demo")).to_contain_text("theme")  # named as unknown, as text


def test_the_kernel_of_a_closed_demo_page_is_shut_down(
    browser: Browser, guard: PageGuard, tmp_path: Path
) -> None:
    # the same demo with a short idle time, so the test need not wait 45 seconds
    with running_demo(tmp_path / "demo", cull_after=4, cull_every=1) as demo:
        context = browser.new_context(viewport=PROJECTOR)
        page = context.new_page()
        guard.attach(page)
        sockets: list[str] = []
        page.on("websocket", lambda socket: sockets.append(socket.url))
        open_demo(page, demo)
        kernel_ids = {m.group(1) for url in sockets if (m := KERNEL_SOCKET.search(url))}
        assert len(kernel_ids) == 1, sockets
        (kernel_id,) = kernel_ids
        time.sleep(8)  # longer than the idle time: an open page keeps its kernel
        assert _kernel_status(demo, kernel_id) == 200
        context.close()  # the facilitator closes the tab
        deadline = time.monotonic() + 30
        while _kernel_status(demo, kernel_id) != 404:
            assert time.monotonic() < deadline, "the closed page's kernel was never shut down"
            time.sleep(0.5)
        guard.check()


KERNEL_SOCKET = re.compile(r"/api/kernels/([0-9a-f-]{36})/channels")


def _kernel_status(demo: RunningServer, kernel_id: str) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{demo.port}/api/kernels/{kernel_id}",
        headers={"Authorization": f"token {demo.token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 -- our own 127.0.0.1 server
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
