"""Two notebooks open in two tabs stay in step, and the hand-in says when an export is stale.

Issue 14 items 2 and 4, in chromium: a segment added or renamed in notebook 02
appears in notebook 04's picker without re-running anything; a notebook in a
JupyterLab tab behind another one waits and catches up once shown; in notebook
09 an export made before the learner's latest change is flagged and refreshed.
How long the second tab took is written to the screenshots folder
(``live-notebooks.json``) for the report; the tests themselves only wait.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_core.paths import jupyter_runtime_dir
from playwright.sync_api import Page, expect

from bmc_course.state.progress_store import PROGRESS_FILE_NAME
from bmc_course.state.session import open_session
from tests.browser.browser_setup import PageGuard
from tests.browser.lab_page import (
    NOTEBOOK,
    WIDGET_TIMEOUT,
    count_kernel_messages,
    kernel_id,
    kernel_messages,
    open_and_run,
    shot,
)
from tests.browser.servers import RunningServer

FOLLOW_TIMEOUT = 15_000  # ms: generous for a loaded machine; the measured time is reported


def second_tab(page: Page, guard: PageGuard) -> Page:
    """Another tab of the same browser session (same JupyterLab, another notebook)."""
    other = page.context.new_page()
    guard.attach(other)
    return other


def test_a_change_in_one_notebook_shows_in_another_open_one(
    page: Page, lab: RunningServer, guard: PageGuard, screenshots: Path
) -> None:
    segments = open_and_run(page, lab, "02_pick_segments.ipynb", ".bmc-segment-picker")
    other = second_tab(page, guard)
    matching = open_and_run(other, lab, "04_match_types.ipynb", ".bmc-relationship-picker")
    options = matching.locator(".bmc-segment-select select").first

    page.bring_to_front()
    segments.locator(
        ".bmc-add-archetype-business button, .bmc-add-archetype-business"
    ).first.click()
    expect(segments.locator(".bmc-segment-list")).to_contain_text(
        "Businesses", timeout=WIDGET_TIMEOUT
    )
    added_at = time.monotonic()
    expect(options).to_contain_text("Businesses", timeout=FOLLOW_TIMEOUT)
    followed_add = time.monotonic() - added_at

    segments.locator(".bmc-edit-segment").first.click()
    name = segments.locator(".bmc-edit-segment-form .bmc-segment-name input")
    name.fill("Delivery fleets")
    name.press("Tab")  # leaving the field saves it
    renamed_at = time.monotonic()
    expect(options).to_contain_text("Delivery fleets", timeout=FOLLOW_TIMEOUT)
    followed_rename = time.monotonic() - renamed_at

    other.bring_to_front()
    options.scroll_into_view_if_needed()
    shot(other, screenshots, "08-other-tab-follows")
    (screenshots / "live-notebooks.json").write_text(
        json.dumps({"add_s": round(followed_add, 2), "rename_s": round(followed_rename, 2)}),
        encoding="utf-8",
    )


def test_a_notebook_in_a_tab_behind_another_waits_until_it_is_shown(
    page: Page, lab: RunningServer, screenshots: Path
) -> None:
    count_kernel_messages(page)
    matching = open_and_run(page, lab, "04_match_types.ipynb", ".bmc-relationship-picker")
    kernel_04 = kernel_id(lab, "04_match_types.ipynb")
    tab_04 = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text="04_match_types")
    panel_04 = page.locator(f"[id='{tab_04.get_attribute('data-id')}']")  # shown or hidden
    options = panel_04.locator(".bmc-segment-select select").first
    elsewhere = open_session(lab.workspace / PROGRESS_FILE_NAME).state  # another notebook
    seg_id = elsewhere.add_segment("Night-shift nurses", "niche")
    expect(options).to_contain_text("Night-shift nurses", timeout=FOLLOW_TIMEOUT)  # shown: follows

    # the course map's link opens notebook 05 in a JupyterLab tab in front of 04
    matching.get_by_role("link", name="Next: Cost versus personalisation →").first.click()
    expect(page.locator(NOTEBOOK).locator(".bmc-what-if").first).to_be_attached(
        timeout=WIDGET_TIMEOUT
    )
    expect(panel_04).to_have_class(re.compile(r"lm-mod-hidden"))
    expect(tab_04).not_to_have_class(re.compile(r"lm-mod-current"))

    expect(panel_04).to_have_attribute("data-bmc-kernel-shown", "false")  # its kernel knows
    before = kernel_messages(page, kernel_04)
    elsewhere.update_segment(seg_id, name="Hospital night staff")
    page.wait_for_timeout(2_500)  # five looks at the file, had 04 been following
    assert kernel_messages(page, kernel_04) == before  # hidden: its kernel redrew nothing

    tab_04.click()
    shown_at = time.monotonic()
    expect(options).to_contain_text("Hospital night staff", timeout=FOLLOW_TIMEOUT)
    assert kernel_messages(page, kernel_04) > before
    expect(panel_04).to_have_attribute("data-bmc-kernel-shown", "true")
    caught_up = time.monotonic() - shown_at
    options.scroll_into_view_if_needed()
    shot(page, screenshots, "08-hidden-tab-caught-up")
    report = screenshots / "live-notebooks.json"
    figures = json.loads(report.read_text(encoding="utf-8")) if report.is_file() else {}
    report.write_text(json.dumps({**figures, "shown_s": round(caught_up, 2)}), encoding="utf-8")


def test_a_notebook_opened_again_follows_though_its_kernel_last_heard_hidden(
    page: Page, lab: RunningServer, guard: PageGuard
) -> None:
    first = open_and_run(page, lab, "04_match_types.ipynb", ".bmc-relationship-picker")
    first.get_by_role("link", name="Next: Cost versus personalisation →").first.click()
    panel_04 = page.locator(
        f"[id='{page.locator('.lm-TabBar-tab', has_text='04_match_types').get_attribute('data-id')}']"
    )
    expect(panel_04).to_have_attribute("data-bmc-kernel-shown", "false", timeout=WIDGET_TIMEOUT)
    page.close()  # gone with 04 hidden: the kernel's last word from that page

    again = second_tab(page, guard)  # the learner opens 04 again (same kernel)
    matching = open_and_run(again, lab, "04_match_types.ipynb", ".bmc-relationship-picker")
    options = matching.locator(".bmc-segment-select select").first
    open_session(lab.workspace / PROGRESS_FILE_NAME).state.add_segment("Ferry crews", "niche")
    expect(options).to_contain_text("Ferry crews", timeout=FOLLOW_TIMEOUT)


@contextlib.contextmanager
def kernel_client(kernel: str) -> Iterator[BlockingKernelClient]:
    """A second client of a running kernel (JupyterLab's page stays connected too)."""
    client = BlockingKernelClient()
    client.load_connection_file(str(Path(jupyter_runtime_dir()) / f"kernel-{kernel}.json"))
    client.start_channels()
    try:
        client.wait_for_ready(timeout=30)
        yield client
    finally:
        client.stop_channels()


def printed_by(client: BlockingKernelClient, code: str) -> str:
    """What ``code`` prints when the kernel runs it (after whatever it has queued before)."""
    out: list[str] = []

    def collect(message: dict[str, Any]) -> None:
        if message["msg_type"] == "stream":
            out.append(message["content"]["text"])

    client.execute_interactive(code, timeout=60, output_hook=collect)
    return "".join(out).strip()


def test_a_page_closed_while_its_kernel_is_busy_stops_the_kernel_following(
    page: Page, lab: RunningServer
) -> None:
    # A closing page says "hidden" at once, busy kernel or not: a view the kernel still
    # believed shown would keep it reloading and redrawing after every change elsewhere.
    open_and_run(page, lab, "06_lifecycle.ipynb", ".bmc-lifecycle")
    expect(page.locator(".jp-NotebookPanel")).to_have_attribute(
        "data-bmc-kernel-shown", "true", timeout=WIDGET_TIMEOUT
    )
    with kernel_client(kernel_id(lab, "06_lifecycle.ipynb")) as client:
        ask = "from bmc_course.widgets import live_progress as lp; print(lp.is_shown())"
        assert printed_by(client, ask) == "True"
        client.execute("import time; time.sleep(3)")  # busy as the page goes
        page.wait_for_timeout(500)
        page.close()
        assert printed_by(client, ask) == "False"  # queued after the page's last word


def test_the_hand_in_flags_an_export_older_than_the_latest_change(
    page: Page, lab: RunningServer, screenshots: Path
) -> None:
    notebook = open_and_run(page, lab, "09_canvas_block.ipynb", ".bmc-hand-in")
    hand_in = notebook.locator(".bmc-hand-in")
    hand_in.scroll_into_view_if_needed()
    freshness = hand_in.locator(".bmc-export-freshness")
    hand_in.locator(".bmc-export-json").click()
    expect(freshness).to_contain_text("hold your latest answers", timeout=WIDGET_TIMEOUT)
    refresh = hand_in.locator(".bmc-export-refresh")
    expect(refresh).to_be_hidden()

    hand_in.locator(".bmc-hand-in-done").click()  # a change made after the export
    expect(freshness).to_contain_text("older than your latest change", timeout=WIDGET_TIMEOUT)
    expect(refresh).to_be_visible()
    shot(page, screenshots, "09-export-stale")

    refresh.click()
    expect(freshness).to_contain_text("hold your latest answers", timeout=WIDGET_TIMEOUT)
    exported = sorted(lab.workspace.glob("customer-relationships*.json"))
    assert exported, "no JSON export in the workspace"
    data = json.loads(exported[-1].read_text(encoding="utf-8"))
    assert "canvas_block" in data.get("completed_steps", [])  # the refreshed file has it
