"""Course notebooks run themselves in the course's JupyterLab, with their code out of the way,
and a learner who only used widgets is never asked "Leave site?" (issue 14, items 1 and 3).

Nothing here clicks Run All, except the test that checks Run All still works
after a notebook ran itself. The two tests that expect a "Leave site?" prompt
(code edited by hand, a notebook that is not the course's) show that the
prompt is really caught when it comes.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Locator, Page, expect

from bmc_course.model.paths import notebooks_dir
from bmc_course.state.progress_store import PROGRESS_FILE_NAME
from tests.browser.lab_page import (
    NOTEBOOK,
    RUN_PROMPT,
    WIDGET_TIMEOUT,
    code_cell_count,
    code_prompts,
    open_notebook,
    run_all,
    shot,
    shut_down_kernels,
    wait_until_every_cell_ran,
)
from tests.browser.servers import RunningServer

pytestmark = pytest.mark.timeout(600)  # the first test opens all ten notebooks

COURSE_NOTEBOOKS = sorted(path.name for path in notebooks_dir().glob("0*.ipynb"))
WIDGET = ".jp-OutputArea-output .jupyter-widgets"  # any rendered ipywidget
ERROR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
DIRTY_TAB = ".lm-TabBar-tab.jp-mod-dirty"


def record_dialogs(page: Page) -> list[str]:
    """Every JavaScript dialog's type from now on (the page guard answers them)."""
    seen: list[str] = []
    page.on("dialog", lambda dialog: seen.append(dialog.type))
    return seen


def code_inputs(notebook: Locator) -> Locator:
    return notebook.locator(".jp-CodeCell .jp-Cell-inputWrapper")


def visible_count(locator: Locator) -> int:
    return int(locator.evaluate_all("els => els.filter(e => e.offsetParent !== null).length"))


def open_course_notebook(page: Page, lab: RunningServer, name: str) -> Locator:
    """Open a course notebook and wait until it has run itself: every code cell run, widgets shown."""
    page.goto(lab.url(f"/lab/tree/{name}", "reset"))
    notebook = page.locator(NOTEBOOK)
    wait_until_every_cell_ran(notebook, code_cell_count(lab, name))
    expect(notebook.locator(WIDGET).first).to_be_attached(timeout=WIDGET_TIMEOUT)
    return notebook


def test_the_course_notebooks_are_the_ten_of_the_course() -> None:
    assert len(COURSE_NOTEBOOKS) == 10
    for name in COURSE_NOTEBOOKS:
        metadata = nbformat.read(notebooks_dir() / name, as_version=4).metadata
        assert metadata.get("bmc_course") == {"autorun": True, "hide_code": True}, name


def test_every_course_notebook_runs_itself_with_its_code_hidden(
    page: Page, lab: RunningServer, screenshots: Path
) -> None:
    dialogs = record_dialogs(page)
    seconds: dict[str, float] = {}
    for name in COURSE_NOTEBOOKS:
        started = time.monotonic()
        page.goto(lab.url(f"/lab/tree/{name}", "reset"))
        notebook = page.locator(NOTEBOOK)
        expect(notebook.locator(WIDGET).first).to_be_attached(timeout=WIDGET_TIMEOUT)
        seconds[name] = time.monotonic() - started
        wait_until_every_cell_ran(notebook, code_cell_count(lab, name))
        # the last code cell's widget is there too: the whole notebook ran, not a part
        last_output = notebook.locator(".jp-CodeCell").last.locator(WIDGET).first
        last_output.scroll_into_view_if_needed(timeout=WIDGET_TIMEOUT)
        expect(last_output).to_be_visible()
        assert notebook.locator(ERROR_OUTPUT).count() == 0, f"{name}: a cell wrote an error"
        assert code_inputs(notebook).count() > 0
        assert visible_count(code_inputs(notebook)) == 0, f"{name}: code is showing"
        expect(page.get_by_role("button", name="Show code")).to_be_visible()
        expect(page.locator(".jp-Dialog")).to_have_count(0)  # no "Select Kernel", no warning
        expect(page.locator(DIRTY_TAB)).to_have_count(0)  # running it changed nothing to save
        notebook.locator(".jp-Cell").first.scroll_into_view_if_needed()
        shot(page, screenshots, f"autorun-{Path(name).stem}")
        shut_down_kernels(lab)  # ten kernels at once would crowd a small machine
    assert dialogs == [], f"moving between notebooks asked: {dialogs}"
    print("open → first widget (s):", {name: round(value, 2) for name, value in seconds.items()})


def test_the_code_shows_on_request_and_hides_again(page: Page, lab: RunningServer) -> None:
    notebook = open_course_notebook(page, lab, "04_match_types.ipynb")
    assert visible_count(code_inputs(notebook)) == 0
    page.get_by_role("button", name="Show code").click()
    first = code_inputs(notebook).first
    expect(first).to_be_visible()
    expect(first).to_contain_text("from bmc_course import course")
    assert visible_count(code_inputs(notebook)) == code_inputs(notebook).count()
    page.get_by_role("button", name="Hide code").click()
    expect(first).to_be_hidden()
    expect(page.locator(DIRTY_TAB)).to_have_count(0)  # showing code is not a change
    shut_down_kernels(lab)


def test_run_all_after_the_notebook_ran_itself_runs_it_again_cleanly(
    page: Page, lab: RunningServer
) -> None:
    notebook = open_course_notebook(page, lab, "05_trade_offs.ipynb")
    prompts = code_prompts(notebook)
    last_before = int(re.sub(r"\D", "", prompts.last.inner_text()))
    widgets_before = notebook.locator(".bmc-trade-offs").count()
    assert widgets_before == 1
    run_all(page)
    # run again: the last cell's number moves on
    expect(prompts.last).not_to_have_text(f"[{last_before}]:", timeout=WIDGET_TIMEOUT)
    wait_until_every_cell_ran(notebook, code_cell_count(lab, "05_trade_offs.ipynb"))
    expect(notebook.locator(".bmc-trade-offs")).to_have_count(
        widgets_before
    )  # replaced, not doubled
    expect(notebook.locator(".bmc-trade-offs .bmc-chart-output img").first).to_be_attached(
        timeout=WIDGET_TIMEOUT
    )
    assert notebook.locator(ERROR_OUTPUT).count() == 0
    expect(page.locator(DIRTY_TAB)).to_have_count(0)
    shut_down_kernels(lab)


def test_a_restarted_kernel_runs_the_notebook_again(page: Page, lab: RunningServer) -> None:
    # the old kernel's widgets are gone after a restart; with the code hidden, the
    # notebook must bring them back by itself
    name = "06_lifecycle.ipynb"
    notebook = open_course_notebook(page, lab, name)
    prompts = code_prompts(notebook)
    expect(prompts.last).to_have_text(RUN_PROMPT)
    before = prompts.last.text_content()
    page.get_by_role("menuitem", name="Kernel", exact=True).click()
    page.get_by_role("menuitem", name="Restart Kernel…").click()  # its shortcut follows the name
    page.locator(".jp-Dialog .jp-mod-accept").click()
    expect(prompts.last).not_to_have_text(before or "", timeout=WIDGET_TIMEOUT)
    wait_until_every_cell_ran(notebook, code_cell_count(lab, name))
    expect(notebook.locator(".jp-CodeCell").last.locator(WIDGET).first).to_be_attached(
        timeout=WIDGET_TIMEOUT
    )
    assert notebook.locator(ERROR_OUTPUT).count() == 0
    shut_down_kernels(lab)


def test_a_learner_who_only_used_widgets_is_not_asked_to_leave(
    page: Page, lab: RunningServer, screenshots: Path
) -> None:
    dialogs = record_dialogs(page)
    notebook = open_course_notebook(page, lab, "00_welcome.ipynb")
    business = notebook.locator(".bmc-business textarea")
    business.fill("Bicycle repairs at the customer's door")
    business.press("Tab")  # leaving the field commits it (and is a user gesture for the page)
    deadline = time.monotonic() + 20
    while "Bicycle repairs" not in progress_text(lab) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "Bicycle repairs" in progress_text(lab), "the answer was not saved"
    expect(page.locator(DIRTY_TAB)).to_have_count(0)
    shot(page, screenshots, "autorun-welcome-after-typing")
    page.reload()
    expect(page.locator(NOTEBOOK).locator(".bmc-business textarea")).to_have_value(
        "Bicycle repairs at the customer's door", timeout=WIDGET_TIMEOUT
    )
    assert dialogs == [], f"the reload asked: {dialogs}"
    shut_down_kernels(lab)


def test_code_edited_by_hand_still_asks_before_leaving(page: Page, lab: RunningServer) -> None:
    dialogs = record_dialogs(page)
    notebook = open_course_notebook(page, lab, "01_what_relationships_are.ipynb")
    page.get_by_role("button", name="Show code").click()
    editor = notebook.locator(".jp-CodeCell .jp-Cell-inputWrapper .cm-content").first
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type("  # my note")
    expect(page.locator(DIRTY_TAB)).to_have_count(1)
    time.sleep(0.5)  # outputs arriving meanwhile must not clear a real edit
    expect(page.locator(DIRTY_TAB)).to_have_count(1)
    page.reload()
    expect(page.locator(NOTEBOOK).locator(".jp-Cell").first).to_be_attached(timeout=WIDGET_TIMEOUT)
    assert dialogs == ["beforeunload"]
    shut_down_kernels(lab)


def test_a_notebook_that_is_not_the_courses_is_left_as_jupyterlab_has_it(
    page: Page, lab: RunningServer
) -> None:
    plain = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('plain')")])
    plain.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(plain, lab.workspace / "plain.ipynb")
    dialogs = record_dialogs(page)
    notebook = open_notebook(page, lab, "plain.ipynb")
    time.sleep(3)  # time enough for a course notebook to have run itself
    expect(code_prompts(notebook)).to_have_text(["[ ]:"])  # not run
    expect(code_inputs(notebook).first).to_be_visible()  # code shown
    expect(page.get_by_role("button", name="Show code")).to_have_count(0)
    run_all(page)
    expect(notebook.locator(".jp-OutputArea-output")).to_contain_text(
        "plain", timeout=WIDGET_TIMEOUT
    )
    expect(page.locator(DIRTY_TAB)).to_have_count(1)  # JupyterLab's own behaviour
    page.reload()
    expect(page.locator(NOTEBOOK).locator(".jp-Cell").first).to_be_attached(timeout=WIDGET_TIMEOUT)
    assert dialogs == ["beforeunload"]
    shut_down_kernels(lab)


def progress_text(lab: RunningServer) -> str:
    try:
        return (lab.workspace / PROGRESS_FILE_NAME).read_text(encoding="utf-8")
    except OSError:
        return ""
