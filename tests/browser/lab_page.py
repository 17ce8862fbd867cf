"""Driving JupyterLab as a learner does: open a notebook, let it run itself, find our widgets.

Selectors are scoped to the visible notebook panel and use the ``bmc-…``
classes our widgets carry (see ``../shared/BROWSER-TESTING.md``).
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import nbformat
from playwright.sync_api import Locator, Page, expect

from tests.browser.servers import RunningServer

NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"
WIDGET_TIMEOUT = 60_000  # ms: the first run starts a kernel and imports the course
RUN_PROMPT = re.compile(r"^\[\d+\]:$")  # a code cell the kernel has run ("[3]:")


def open_notebook(page: Page, server: RunningServer, name: str) -> Locator:
    """Open ``name`` as the only tab and wait until its kernel has started."""
    page.goto(server.url(f"/lab/tree/{name}", "reset"))
    notebook = page.locator(NOTEBOOK)
    expect(notebook.locator(".jp-Cell").first).to_be_visible(timeout=WIDGET_TIMEOUT)
    expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(
        1, timeout=WIDGET_TIMEOUT
    )
    return notebook


def run_all(page: Page) -> None:
    """Run ▸ Run All Cells, from the menu bar."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()


def accept_open_dialog(page: Page) -> None:
    """Answer a JupyterLab dialog the way a learner would: its default (accept) button."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count() and dialog.first.is_visible():
        dialog.locator(".jp-mod-accept").first.click()


def run_all_until_started(page: Page, notebook: Locator, attempts: int = 4) -> None:
    """Run All, again if no cell started: right after opening, the kernel can report
    idle before it accepts work, and JupyterLab then drops the request."""
    first_prompt = notebook.locator(".jp-CodeCell .jp-InputPrompt").first
    for _ in range(attempts):
        accept_open_dialog(page)
        run_all(page)
        try:
            expect(first_prompt).not_to_have_text("[ ]:", timeout=8_000)
            return
        except AssertionError:
            continue
    raise AssertionError(f"Run All never started a cell (tried {attempts} times)")


def open_and_run(page: Page, server: RunningServer, name: str, widget: str) -> Locator:
    """Open a notebook and wait for ``widget`` (a CSS selector) to show; the course's
    extension runs the notebook by itself (nothing is clicked)."""
    notebook = open_notebook(page, server, name)
    view = notebook.locator(widget).first
    view.scroll_into_view_if_needed(timeout=WIDGET_TIMEOUT)
    expect(view).to_be_visible(timeout=WIDGET_TIMEOUT)
    return notebook


def code_prompts(notebook: Locator) -> Locator:
    """The execution prompts of the notebook's code cells (in the page even when code is hidden)."""
    return notebook.locator(".jp-CodeCell .jp-InputPrompt")


def code_cell_count(server: RunningServer, name: str) -> int:
    """How many code cells the workspace's notebook ``name`` has (the page may still be adding them)."""
    cells = nbformat.read(server.workspace / name, as_version=4).cells
    return sum(cell.cell_type == "code" for cell in cells)


def wait_until_every_cell_ran(
    notebook: Locator, count: int, timeout: float = WIDGET_TIMEOUT
) -> None:
    """All ``count`` code cells show a run number (none is still "[ ]:" or "[*]:")."""
    expect(code_prompts(notebook)).to_have_text([RUN_PROMPT] * count, timeout=timeout)


def shut_down_kernels(server: RunningServer) -> None:
    """Stop every kernel of the server (a test that opens many notebooks frees their memory)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(server.url("/api/sessions"), timeout=10) as response:
        sessions = json.load(response)
    for session in sessions:
        url = server.url(f"/api/sessions/{session['id']}")
        request = urllib.request.Request(url, method="DELETE")  # noqa: S310 -- our http://127.0.0.1
        opener.open(request, timeout=30).close()


def stop_kernel(server: RunningServer, kernel: str) -> None:
    """Shut kernel ``kernel`` down as the server's idle culling does (its session goes with it)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    url = server.url(f"/api/kernels/{kernel}")
    request = urllib.request.Request(url, method="DELETE")  # noqa: S310 -- our http://127.0.0.1
    opener.open(request, timeout=30).close()


def kernel_id(server: RunningServer, name: str) -> str:
    """The id of the kernel running the workspace's notebook ``name``."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(server.url("/api/sessions"), timeout=10) as response:
        sessions = json.load(response)
    return next(str(s["kernel"]["id"]) for s in sessions if s["path"].endswith(name))


# Counts the messages each WebSocket of the page receives, by URL (a kernel's URL holds its id).
COUNT_SOCKET_MESSAGES = """(() => {
  const counts = (window.__bmcSocketMessages = {});
  const handler = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    configurable: true,
    get() { return handler.get.call(this); },
    set(listener) {
      const url = this.url;
      handler.set.call(this, listener && function (event) {
        counts[url] = (counts[url] || 0) + 1;
        return listener.call(this, event);
      });
    }
  });
})();"""


def count_kernel_messages(page: Page) -> None:
    """From the next page load on, count what each kernel sends to the page."""
    page.add_init_script(COUNT_SOCKET_MESSAGES)


def kernel_messages(page: Page, kernel: str) -> int:
    """How many messages kernel ``kernel`` has sent to the page so far (see count_kernel_messages)."""
    counts = page.evaluate("window.__bmcSocketMessages || {}")
    return sum(int(n) for url, n in counts.items() if f"/api/kernels/{kernel}/" in url)


def restart_kernel_and_run_all(page: Page) -> None:
    """Kernel ▸ Restart Kernel and Run All Cells…, confirming the dialog."""
    page.get_by_role("menuitem", name="Kernel", exact=True).click()
    page.get_by_role("menuitem", name="Restart Kernel and Run All Cells…").click()
    page.locator(".jp-Dialog .jp-mod-accept").click()


def shot(page: Page, folder: Path, name: str) -> Path:
    """Save a screenshot of the whole page; return its path."""
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
