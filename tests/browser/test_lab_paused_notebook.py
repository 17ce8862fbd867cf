"""A notebook whose kernel has gone (a class hub stops idle kernels) pauses, and carries on
with a click: nothing the learner types goes to widgets that no kernel listens to.

The kernel is shut down through the server's API, as its idle culling does.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from bmc_course.state.progress_store import PROGRESS_FILE_NAME
from bmc_course.state.session import open_session
from tests.browser.lab_page import (
    NOTEBOOK,
    WIDGET_TIMEOUT,
    kernel_id,
    open_and_run,
    shot,
    stop_kernel,
)
from tests.browser.servers import RunningServer
from tests.browser.test_accessibility import scan

PAUSED = re.compile(r"Paused: your answers are saved\. Click in the notebook to carry on\.")
GONE_TIMEOUT = 30_000  # ms: JupyterLab notices a vanished session within about ten seconds


def test_a_notebook_whose_kernel_was_stopped_pauses_and_carries_on_with_a_click(
    page: Page, lab: RunningServer, screenshots: Path
) -> None:
    open_session(lab.workspace / PROGRESS_FILE_NAME).state.add_segment(
        "Night-shift nurses", "niche"
    )
    notebook = open_and_run(page, lab, "04_match_types.ipynb", ".bmc-relationship-picker")
    panel = page.locator(".jp-NotebookPanel").first
    status = page.locator(".bmc-course-status", has_text=PAUSED)
    old_kernel = kernel_id(lab, "04_match_types.ipynb")
    expect(panel).not_to_have_class(re.compile(r"bmc-kernel-gone"))
    expect(status).to_have_count(0)

    stop_kernel(lab, old_kernel)
    expect(panel).to_have_class(re.compile(r"bmc-kernel-gone"), timeout=GONE_TIMEOUT)
    expect(status).to_be_visible()
    picker = notebook.locator(".bmc-relationship-picker").first
    picker.scroll_into_view_if_needed()
    output = picker.locator("xpath=ancestor::div[contains(@class, 'jp-OutputArea-output')]")
    assert output.evaluate("e => getComputedStyle(e).pointerEvents") == "none"
    shot(page, screenshots, "08-paused-after-kernel-stopped")
    scan(page, "the paused notebook's toolbar line", ".bmc-course-status:not([hidden])")

    notebook.locator(".jp-MarkdownCell").first.click()  # the learner is back
    expect(panel).not_to_have_class(re.compile(r"bmc-kernel-gone"), timeout=WIDGET_TIMEOUT)
    options = page.locator(NOTEBOOK).locator(".bmc-segment-select select").first
    expect(options).to_contain_text("Night-shift nurses", timeout=WIDGET_TIMEOUT)  # run again
    assert kernel_id(lab, "04_match_types.ipynb") != old_kernel
    expect(status).to_have_count(0)
    assert output.evaluate("e => getComputedStyle(e).pointerEvents") != "none"
