"""The facilitator demo in Voilà, at projector size: no code, scenes from the address, live charts,
reveals that scroll, an address bar that follows the scene, themes edge to edge, nothing cut."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from PIL import Image
from playwright.sync_api import Browser, Page, ViewportSize, expect

from bmc_course.model.catalog import load_catalog
from tests.browser.browser_setup import PageGuard
from tests.browser.lab_page import WIDGET_TIMEOUT, shot
from tests.browser.servers import RunningServer, running_demo
from tests.browser.test_lab_learner_flow import assert_charts_drawn

PROJECTOR: ViewportSize = {"width": 1280, "height": 720}
FULL_HD: ViewportSize = {"width": 1920, "height": 1080}
DARK_PAGE = "rgb(17, 20, 24)"  # .bmc-demo-dark's --jp-layout-color0 (course.css)
LIGHT_PAGE = "rgb(255, 255, 255)"


def choose_case(page: Page, case_id: str) -> None:
    """Pick a case in the scene dropdown by its title, as a facilitator does."""
    title = load_catalog().cases[case_id].title
    page.locator(".bmc-demo-case select").select_option(label=title)


def open_demo(
    page: Page, demo: RunningServer, query: str = "", size: ViewportSize = PROJECTOR
) -> None:
    page.set_viewport_size(size)
    page.goto(demo.url("/", query))
    expect(page.locator(".bmc-demo")).to_be_visible(timeout=WIDGET_TIMEOUT)


# Is the step's heading at the top of the screen, just under the sticky scene bar (not behind
# it, not further down)? Further down only when the page cannot scroll any further.
HEADING_UNDER_BAR = """(step) => {
  const heading = document.querySelector(`.bmc-demo-section-${step} .bmc-heading`);
  const bar = document.querySelector('.bmc-demo-bar');
  const scroller = document.querySelector('#rendered_cells');
  if (!heading || !bar || heading.getClientRects().length === 0) return false;
  const h = heading.getBoundingClientRect(), b = bar.getBoundingClientRect();
  const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
  return b.top >= -1 && h.top >= b.bottom - 1 && h.bottom <= window.innerHeight
    && (h.top <= b.bottom + 60 || atEnd);
}"""


def wait_until_in_view(page: Page, step: str) -> None:
    """Wait (smooth scrolling takes a moment) until step ``step``'s heading shows under the bar."""
    page.wait_for_function(HEADING_UNDER_BAR, arg=step, timeout=10_000)


def heading_in_view(page: Page, step: str) -> bool:
    return bool(page.evaluate(HEADING_UNDER_BAR, step))


def scene_in_address(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


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


def test_closing_a_demo_tab_shuts_its_kernel_down_at_once(page: Page, demo: RunningServer) -> None:
    # Voilà's page asks for its kernel's shutdown as it closes; that request was refused
    # (no _xsrf cookie: a 403 warning in the facilitator's terminal) and the kernel waited
    # for the idle culling (45 s here)
    sockets: list[str] = []
    page.on("websocket", lambda socket: sockets.append(socket.url))
    open_demo(page, demo)
    (kernel_id,) = {m.group(1) for url in sockets if (m := KERNEL_SOCKET.search(url))}
    assert _kernel_status(demo, kernel_id) == 200
    with page.expect_event("close"):
        page.close(run_before_unload=True)  # as a tab closed by hand (its unload handlers run)
    deadline = time.monotonic() + 10  # well inside the 45 s after which culling would
    while _kernel_status(demo, kernel_id) != 404:
        assert time.monotonic() < deadline, "the closed tab's kernel was left to the culling"
        time.sleep(0.25)
    assert "_xsrf" not in demo.log.read_text(encoding="utf-8", errors="replace")


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


def test_next_back_and_show_all_bring_the_step_to_look_at_into_view(
    page: Page, demo: RunningServer, screenshots: Path
) -> None:
    open_demo(page, demo, "case=cleat-maker")
    for step_id, number in (("segments", 2), ("relationships", 3), ("findings", 4)):
        page.locator(".bmc-demo-next").click()
        expect(page.locator(".bmc-demo-step-label")).to_contain_text(f"Step {number} of 5")
        wait_until_in_view(page, step_id)
        assert not heading_in_view(page, "business")  # the page really moved on
    expect(page.locator(".bmc-demo-step-label")).to_be_in_viewport()  # the bar stays on top
    shot(page, screenshots, "13-demo-next-scrolled-to-findings")
    page.locator(".bmc-demo-back").click()  # findings hidden: back up to the relationships
    expect(page.locator(".bmc-demo-section-findings")).to_be_hidden()
    wait_until_in_view(page, "relationships")
    page.locator(".bmc-demo-all").click()  # the first step just revealed: the findings
    wait_until_in_view(page, "findings")
    expect(page.locator(".bmc-demo-section-trade_offs")).to_be_visible()
    shot(page, screenshots, "14-demo-show-all-scrolled")


def test_the_address_bar_follows_the_scene_and_reopens_it(
    page: Page, demo: RunningServer, screenshots: Path
) -> None:
    open_demo(page, demo)
    assert scene_in_address(page) == {"token": [demo.token]}
    choose_case(page, "car-wash")
    expect(page).to_have_url(re.compile(r"[?&]case=car-wash(&|$)"))
    page.locator(".bmc-demo-next").click()
    page.locator(".bmc-demo-next").click()
    page.locator(".bmc-demo-theme button", has_text="Dark").click()
    expect(page).to_have_url(re.compile(r"[?&]theme=dark(&|$)"))
    assert scene_in_address(page) == {
        "token": [demo.token],  # other parameters are left as they were
        "case": ["car-wash"],
        "step": ["3"],
        "theme": ["dark"],
    }
    bookmark = page.url
    page.goto("about:blank")
    page.goto(bookmark)  # the bookmark opens the same scene, its step in view
    expect(page.locator(".bmc-demo.bmc-demo-dark")).to_be_visible(timeout=WIDGET_TIMEOUT)
    expect(page.locator(".bmc-demo-step-label")).to_contain_text("Step 3 of 5")
    expect(page.locator(".bmc-demo-case select")).to_have_value(
        load_catalog().cases["car-wash"].title  # ipywidgets' options carry their labels
    )
    wait_until_in_view(page, "relationships")
    shot(page, screenshots, "15-demo-reopened-from-the-address-bar")
    page.locator(".bmc-demo-theme button", has_text="Light").click()
    page.locator(".bmc-demo-back").click()
    expect(page).to_have_url(re.compile(r"[?&]step=2(&|$)"))
    assert "theme" not in scene_in_address(page)  # the default is left out


def test_unknown_address_values_get_one_line_and_no_voila_dialog(
    page: Page, demo: RunningServer, screenshots: Path
) -> None:
    open_demo(page, demo, "theme=purple&step=9&case=%3Cb%3Enope")
    problems = page.locator(".bmc-demo-problems")
    expect(problems).to_contain_text("theme='purple' in the address is not light or dark")
    expect(problems).to_contain_text("unknown case '<b>nope'")  # shown as text, not markup
    assert page.locator(".bmc-demo-problems b").count() == 0
    page.wait_for_timeout(1500)  # Voilà's theme loader would have complained by now
    assert page.locator(".jp-Dialog").count() == 0
    expect(page.get_by_text("Error Loading Theme")).to_have_count(0)
    expect(page.locator(".bmc-demo.bmc-demo-light")).to_be_visible()
    expect(page).not_to_have_url(re.compile("purple|nope|step=9"))  # the scene shown instead
    shot(page, screenshots, "16-demo-unknown-theme-one-line")
    page.locator(".bmc-demo-next").click()  # and the page works
    expect(page.locator(".bmc-demo-step-label")).to_contain_text("Step 2 of 5")


def test_another_template_in_the_address_is_ignored(page: Page, demo: RunningServer) -> None:
    # Voilà's classic and reveal templates would fetch jQuery and fonts from CDNs (the page
    # guard fails the test on any request off 127.0.0.1) and drop our page's behaviour
    open_demo(page, demo, "template=classic&case=cleat-maker&step=2")
    wait_until_in_view(page, "segments")
    assert page.evaluate(
        "() => [...document.styleSheets].some(s => (s.href || '').includes('/bmc-demo/static/'))"
    )


def edge_pixels(path: Path) -> list[tuple[int, ...]]:
    """The screenshot's top rows and left columns (where a white strip showed)."""
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        points = [(x, y) for y in range(4) for x in range(0, width, 7)]
        points += [(x, y) for x in range(4) for y in range(0, height, 7)]
        pixels = []
        for point in points:
            value = rgb.getpixel(point)
            assert isinstance(value, tuple)
            pixels.append(value)
        return pixels


def page_backgrounds(page: Page) -> list[str]:
    return list(
        page.evaluate(
            "() => [document.documentElement, document.body, document.querySelector('#main'),"
            " document.querySelector('#rendered_cells')].map(e => getComputedStyle(e).backgroundColor)"
        )
    )


def test_the_dark_theme_reaches_every_edge_of_the_page(
    page: Page, demo: RunningServer, screenshots: Path
) -> None:
    for size, name in ((PROJECTOR, "1280x720"), (FULL_HD, "1920x1080")):
        open_demo(page, demo, "case=online-retailer&step=2&theme=dark", size)
        wait_until_in_view(page, "segments")
        assert page_backgrounds(page) == [DARK_PAGE] * 4
        box = page.locator(".bmc-demo").bounding_box()
        assert box is not None and box["x"] == 0
        path = shot(page, screenshots, f"17-demo-dark-{name}")
        assert all(max(pixel) < 60 for pixel in edge_pixels(path)), "a light strip at an edge"
    page.locator(".bmc-demo-theme button", has_text="Light").click()
    expect(page.locator(".bmc-demo.bmc-demo-light")).to_be_visible()
    assert page_backgrounds(page) == [LIGHT_PAGE] * 4


CUT_BUTTONS = """() => [...document.querySelectorAll('.bmc-demo button')]
  .filter(b => b.getClientRects().length > 0)
  .filter(b => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)
  .map(b => b.textContent)"""

# Fields and buttons reaching past the dashboard's right padding (cut at the screen's edge).
PAST_THE_EDGE = """() => {
  const demo = document.querySelector('.bmc-demo');
  const edge = demo.getBoundingClientRect().right - parseFloat(getComputedStyle(demo).paddingRight);
  return [...demo.querySelectorAll('.widget-inline-hbox, button')]
    .filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > edge + 1)
    .map(e => e.className);
}"""


def test_archetype_cards_fill_the_width_and_no_button_label_is_cut(
    page: Page, demo: RunningServer, screenshots: Path
) -> None:
    for size, name in ((PROJECTOR, "1280x720"), (FULL_HD, "1920x1080")):
        for theme in ("light", "dark"):
            open_demo(page, demo, f"case=cleat-maker&step=5&theme={theme}", size)
            expect(
                page.locator(".bmc-demo-section-trade_offs .bmc-chart-output img")
            ).to_have_count(4, timeout=WIDGET_TIMEOUT)
            # every view arrived (a widget lost while the page loaded shows this instead)
            expect(page.get_by_text("Click to show javascript error")).to_have_count(0)
            assert page.evaluate(CUT_BUTTONS) == []
            assert page.evaluate(PAST_THE_EDGE) == []
            platform = page.locator(".bmc-add-archetype-platform")
            expect(platform).to_have_text("Add “Users of a two-sided platform”")
            grid = page.locator(".bmc-demo-section-segments .bmc-grid").bounding_box()
            section = page.locator(".bmc-demo-section-segments").bounding_box()
            assert grid is not None and section is not None
            assert grid["width"] >= 0.95 * section["width"]  # not a column in the middle
            assert section["width"] >= 0.9 * size["width"]
            platform.scroll_into_view_if_needed()
            shot(page, screenshots, f"18-demo-cards-{theme}-{name}")
