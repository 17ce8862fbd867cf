"""The facilitator demo: scenes, step reveal, themes, and a sandbox that writes nothing."""

from __future__ import annotations

import asyncio
import html
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jupyter_client.manager import start_new_kernel

from bmc_course import course
from bmc_course.logic.demo_scene import DEMO_STEPS, DemoScene
from bmc_course.model.catalog import Catalog
from bmc_course.widgets import demo_dashboard
from bmc_course.widgets.demo_dashboard import DemoDashboard
from bmc_course.widgets.widget_tree import find_widgets


def shown(dashboard: DemoDashboard) -> list[bool]:
    return [section.layout.display != "none" for section in dashboard.sections]


def test_steps_are_revealed_one_at_a_time(catalog: Catalog) -> None:
    dashboard = DemoDashboard(catalog)
    assert shown(dashboard) == [True] + [False] * (len(DEMO_STEPS) - 1)
    assert dashboard.back_button.disabled
    dashboard.next_button.click()
    assert shown(dashboard)[:3] == [True, True, False]
    assert "Step 2 of" in dashboard.step_label.value
    dashboard.all_button.click()
    assert all(shown(dashboard)) and dashboard.next_button.disabled
    dashboard.back_button.click()
    assert shown(dashboard)[-1] is False


def test_a_case_scene_loads_the_case_and_its_findings(catalog: Catalog) -> None:
    dashboard = DemoDashboard(catalog, DemoScene("online-retailer", step=4))
    assert [s.name for s in dashboard.state.segments] == [
        s.name for s in catalog.cases["online-retailer"].segments
    ]
    findings = find_widgets(dashboard, "bmc-findings-body")[0].value
    assert "Cost vs gross profit" in findings
    assert shown(dashboard) == [True] * 4 + [False]


def test_changing_the_scene_rebuilds_the_sandbox_and_charts_follow(catalog: Catalog) -> None:
    dashboard = DemoDashboard(catalog, DemoScene("cleat-maker", step=5))
    charts = find_widgets(dashboard, "bmc-chart-output")
    assert charts and all(len(c.outputs) == 1 for c in charts)
    before = charts[1].outputs[0]["data"]["text/html"]
    dashboard.case_select.value = "online-retailer"
    after = find_widgets(dashboard, "bmc-chart-output")[1].outputs[0]["data"]["text/html"]
    assert after != before
    assert dashboard.revealed == 5  # the room stays on the step it was on
    dashboard.case_select.value = ""
    assert dashboard.state.segments == []


def test_theme_switch_swaps_the_css_class(catalog: Catalog) -> None:
    dashboard = DemoDashboard(catalog, DemoScene(theme="dark"))
    assert "bmc-demo-dark" in dashboard._dom_classes
    dashboard.theme.value = "light"
    assert "bmc-demo-light" in dashboard._dom_classes
    assert "bmc-demo-dark" not in dashboard._dom_classes


def test_query_string_presets_the_scene_and_reports_unknown_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QUERY_STRING", "case=car-wash&step=3&theme=dark")
    dashboard = course.demo_dashboard()
    assert (dashboard.case_id, dashboard.revealed) == ("car-wash", 3)
    assert "bmc-demo-dark" in dashboard._dom_classes
    monkeypatch.setenv("QUERY_STRING", "case=%3Cscript%3E")
    dashboard = course.demo_dashboard()
    assert dashboard.case_id is None
    assert "&lt;script&gt;" in dashboard.problems.value
    assert "<script>" not in dashboard.problems.value


def test_the_demo_writes_no_files(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    dashboard = DemoDashboard(catalog, DemoScene("cleat-maker", step=5))
    segment = dashboard.state.segments[0]
    dashboard.state.toggle_relationship(segment.id, "communities", True)
    assert list(tmp_path.iterdir()) == []


def built(dashboard: DemoDashboard) -> list[bool]:
    """Which sections hold their step's view (a heading alone means not built yet)."""
    return [len(section.children) > 1 for section in dashboard.sections]


def address(dashboard: DemoDashboard) -> str:
    found = re.fullmatch(r'<span data-query="([^"]*)"></span>', dashboard.address.value)
    assert found, dashboard.address.value
    return found.group(1)


def scroll_request(dashboard: DemoDashboard) -> tuple[str, int] | None:
    if not dashboard.scroll_request.value:
        return None
    found = re.fullmatch(
        r'<span data-section="([a-z_]+)" data-request="(\d+)"></span>',
        dashboard.scroll_request.value,
    )
    assert found, dashboard.scroll_request.value
    return found.group(1), int(found.group(2))


def test_a_step_is_built_when_first_revealed_and_kept(catalog: Catalog) -> None:
    dashboard = DemoDashboard(catalog, DemoScene("cleat-maker"))
    assert built(dashboard) == [True, False, False, False, False]
    assert find_widgets(dashboard, "bmc-chart-output") == []
    dashboard.all_button.click()
    assert all(built(dashboard))
    picker = find_widgets(dashboard, "bmc-segment-picker")[0]
    dashboard.back_button.click()
    dashboard.next_button.click()
    assert find_widgets(dashboard, "bmc-segment-picker") == [picker]  # not built twice
    assert len(find_widgets(dashboard, "bmc-chart-output")) == 4


def test_choosing_a_scene_builds_only_the_steps_on_screen(catalog: Catalog) -> None:
    dashboard = DemoDashboard(catalog, DemoScene("cleat-maker", step=2))
    dashboard.case_select.value = "car-wash"
    assert built(dashboard) == [True, True, False, False, False]
    assert shown(dashboard) == [True, True, False, False, False]
    story_head = dashboard.sections[0].children[1].children[0].value
    assert html.escape(catalog.cases["car-wash"].title) in story_head


def test_opening_a_scene_does_not_load_the_chart_library() -> None:
    # a fresh interpreter, as a Voilà kernel: the first steps must not pay for matplotlib;
    # at the step before the charts, their modules come in on a helper thread
    code = (
        "import sys, threading\n"
        "from bmc_course import course\n"
        "course.demo_dashboard('case=cleat-maker')\n"
        "course.demo_dashboard('case=cleat-maker&step=3')\n"
        "print('matplotlib' in sys.modules, threading.active_count())\n"
        "dashboard = course.demo_dashboard('case=cleat-maker&step=4')\n"
        "helpers = [t for t in threading.enumerate() if t.name.startswith('import ')]\n"
        "print([t.name for t in helpers])\n"
        "[t.join(120) for t in helpers]\n"
        "print('matplotlib' in sys.modules, dashboard.sections[4].children[1:] == ())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=180
    )
    assert result.stdout.splitlines() == [
        "False 1",
        "['import bmc_course.widgets.trade_offs']",
        "True True",  # imported, and still nothing drawn: step 5 is not revealed
    ]


def test_a_bookmarked_last_step_opens_in_plain_python_while_the_charts_import() -> None:
    # no event loop (a script, nbclient): the building waits for the helper thread's import
    code = (
        "from bmc_course import course\n"
        "dashboard = course.demo_dashboard('case=cleat-maker&step=5')\n"
        "print([len(section.children) for section in dashboard.sections])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=180
    )
    assert result.stdout.split("\n")[0] == "[2, 2, 2, 2, 2]"


def test_the_trade_offs_wait_for_the_chart_import_without_holding_the_kernel(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    importing = threading.Thread(target=release.wait, daemon=True)
    monkeypatch.setattr(demo_dashboard, "import_in_background", lambda _module: importing)
    importing.start()
    waiting: list[tuple[Callable[[], None], float]] = []
    dashboard = DemoDashboard(
        catalog,
        DemoScene("cleat-maker", step=5),
        later=lambda work, delay: waiting.append((work, delay)),
    )
    for _ in range(10):  # while the import runs, the kernel is asked to come back later
        work, _delay = waiting.pop(0)
        work()
    assert built(dashboard) == [True, True, True, True, False]
    assert waiting[0][1] == demo_dashboard.IMPORT_POLL_SECONDS > 0
    release.set()
    importing.join()
    while waiting:
        work, _delay = waiting.pop(0)
        work()
    assert all(built(dashboard))
    assert scroll_request(dashboard) == ("trade_offs", 1)


def test_the_address_follows_the_scene(catalog: Catalog) -> None:
    dashboard = DemoDashboard(catalog)
    assert address(dashboard) == ""
    dashboard.case_select.value = "cleat-maker"
    assert address(dashboard) == "case=cleat-maker"
    dashboard.next_button.click()
    dashboard.next_button.click()
    assert address(dashboard) == "case=cleat-maker&amp;step=3"  # an escaped attribute
    dashboard.theme.value = "dark"
    assert address(dashboard) == "case=cleat-maker&amp;step=3&amp;theme=dark"
    dashboard.back_button.click()
    dashboard.case_select.value = ""
    assert address(dashboard) == "step=2&amp;theme=dark"


def test_an_address_with_unknown_values_is_replaced_by_the_scene_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QUERY_STRING", 'case="><script>&step=3&theme=purple')
    dashboard = course.demo_dashboard()
    assert address(dashboard) == "step=3"
    assert "<script>" not in dashboard.address.value


def test_each_reveal_asks_the_page_to_scroll_to_the_step_to_look_at(catalog: Catalog) -> None:
    dashboard = DemoDashboard(catalog, DemoScene("cleat-maker"))
    assert scroll_request(dashboard) is None  # opening on step 1: the page starts at the top
    dashboard.next_button.click()
    assert scroll_request(dashboard) == ("segments", 1)
    dashboard.all_button.click()
    assert scroll_request(dashboard) == ("relationships", 2)  # first of the steps just shown
    dashboard.back_button.click()
    assert scroll_request(dashboard) == ("findings", 3)
    dashboard.back_button.click()
    dashboard.next_button.click()
    assert scroll_request(dashboard) == ("findings", 5)  # the same step again: a new request
    dashboard.theme.value = "dark"
    dashboard.case_select.value = "car-wash"
    assert scroll_request(dashboard) == ("findings", 5)  # neither moves the page


def test_a_bookmarked_step_opens_in_view_unless_the_address_had_a_problem(
    catalog: Catalog,
) -> None:
    assert scroll_request(DemoDashboard(catalog, DemoScene("car-wash", step=4))) == (
        "findings",
        1,
    )
    with_problem = DemoScene("car-wash", step=4, problems=("theme='x' is not light or dark",))
    assert scroll_request(DemoDashboard(catalog, with_problem)) is None  # the message stays seen


def test_a_bookmarked_scene_shows_its_first_step_before_building_the_rest(
    catalog: Catalog,
) -> None:
    waiting: list[Callable[[], None]] = []  # what the kernel's event loop would run next
    dashboard = DemoDashboard(
        catalog, DemoScene("cleat-maker", step=4), later=lambda work, _delay: waiting.append(work)
    )
    assert built(dashboard) == [True, False, False, False, False]
    assert shown(dashboard) == [True, True, True, True, False]  # headings already on screen
    assert "Step 4 of" in dashboard.step_label.value
    assert scroll_request(dashboard) is None
    turns = 0
    while waiting:
        waiting.pop(0)()
        turns += 1
    assert built(dashboard) == [True, True, True, True, False]
    assert turns == 4  # one step per turn, then the scroll request
    assert scroll_request(dashboard) == ("findings", 1)


def test_building_later_stops_for_a_new_scene_and_never_scrolls_back(catalog: Catalog) -> None:
    waiting: list[Callable[[], None]] = []
    dashboard = DemoDashboard(
        catalog, DemoScene("cleat-maker", step=3), later=lambda work, _delay: waiting.append(work)
    )
    dashboard.case_select.value = "car-wash"  # built at once, for the new sandbox
    assert built(dashboard) == [True, True, True, False, False]
    segments = find_widgets(dashboard, "bmc-segment-picker")
    while waiting:
        waiting.pop(0)()
    assert find_widgets(dashboard, "bmc-segment-picker") == segments  # nothing built twice
    assert scroll_request(dashboard) is None
    dashboard = DemoDashboard(
        catalog, DemoScene("cleat-maker", step=3), later=lambda work, _delay: waiting.append(work)
    )
    dashboard.next_button.click()  # the facilitator moved on before the building ended
    while waiting:
        waiting.pop(0)()
    assert scroll_request(dashboard) == ("findings", 1)


def test_work_asked_for_later_runs_after_the_cell_in_a_kernel_and_at_once_elsewhere() -> None:
    done: list[str] = []

    async def inside_some_other_loop() -> None:
        demo_dashboard.run_soon(lambda: done.append("now"))
        assert done == ["now"]  # not a kernel: nothing would ever run it later

    # on a thread of its own: the browser tests' Playwright may run a loop on this one
    other = threading.Thread(target=lambda: asyncio.run(inside_some_other_loop()))
    other.start()
    other.join()
    assert done == ["now"]
    kernel, client = start_new_kernel(kernel_name="python3")
    try:
        outputs: list[str] = []

        def keep(message: dict[str, Any]) -> None:
            if message["msg_type"] == "stream":
                outputs.append(message["content"]["text"].strip())

        client.execute_interactive(
            "from bmc_course.widgets.demo_dashboard import run_soon\n"
            "done = []\n"
            "run_soon(lambda: done.append('later'))\n"
            "print(done)",
            output_hook=keep,
            timeout=60,
        )
        client.execute_interactive("print(done)", output_hook=keep, timeout=60)
        assert outputs == ["[]", "['later']"]
    finally:
        client.stop_channels()
        kernel.shutdown_kernel(now=True)
