"""The facilitator demo: scenes, step reveal, themes, and a sandbox that writes nothing."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bmc_course import course
from bmc_course.logic.demo_scene import DEMO_STEPS, DemoScene
from bmc_course.model.catalog import Catalog
from bmc_course.widgets.demo_dashboard import DemoDashboard
from bmc_course.widgets.state_view import redraw_after_handlers
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
    dashboard.page_ready.click()  # as the page's script does once it shows the dashboard
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


def test_a_bookmarked_last_step_opens_without_waiting_for_the_charts() -> None:
    # a fresh interpreter, as a Voilà kernel: the scene is built without matplotlib, and
    # nothing imports it while the page loads; the charts come when the page says it is ready
    code = (
        "import sys\n"
        "from bmc_course import course\n"
        "from bmc_course.widgets.widget_tree import find_widgets\n"
        "dashboard = course.demo_dashboard('case=cleat-maker&step=5')\n"
        "print('matplotlib' in sys.modules, dashboard._chart_import)\n"
        "print(len(find_widgets(dashboard, 'bmc-chart-output')), dashboard.revealed)\n"
        "print(find_widgets(dashboard.sections[4], 'bmc-demo-waiting')[0].value)\n"
        "dashboard.page_ready.click()\n"
        "print(len(find_widgets(dashboard, 'bmc-chart-output')))\n"
        "dashboard.page_ready.click()\n"
        "print(len(find_widgets(dashboard, 'bmc-chart-output')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=180
    )
    assert result.stdout.splitlines() == [
        "False None",  # nothing imports the charts while the page loads
        "0 5",
        "<p>Drawing the charts…</p>",
        "4",
        "4",  # a second message from the page draws nothing twice
    ]


def test_a_step_the_room_reveals_before_the_page_is_ready_is_drawn_at_once(
    catalog: Catalog,
) -> None:
    dashboard = DemoDashboard(catalog, DemoScene("cleat-maker", step=5))
    dashboard.back_button.click()
    dashboard.next_button.click()  # the facilitator's click: built now, not left waiting
    assert len(find_widgets(dashboard, "bmc-chart-output")) == 4
    assert find_widgets(dashboard, "bmc-demo-waiting") == []
    dashboard.page_ready.click()
    assert len(find_widgets(dashboard, "bmc-chart-output")) == 4
    dashboard.case_select.value = "car-wash"  # another scene: built in answer, nothing waits
    assert len(find_widgets(dashboard, "bmc-chart-output")) == 4


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


def test_a_new_scene_shows_its_first_step_before_the_rest_is_built(catalog: Catalog) -> None:
    dashboard = DemoDashboard(catalog, DemoScene("cleat-maker", step=5))
    dashboard.page_ready.click()
    queued: list[Callable[[], None]] = []
    redraw_after_handlers(queued.append)  # as in a kernel: work put off until after the click
    try:
        dashboard.case_select.value = "online-retailer"
        assert built(dashboard) == [True, False, False, False, False]  # the room sees step 1
        assert shown(dashboard) == [True] * 5
        dashboard.case_select.value = "car-wash"  # switched again before the rest was built
        stale, queued[:] = list(queued[:4]), queued[4:]
        for work in stale:
            work()  # the first scene's steps: nothing built into the new scene's sections
        assert built(dashboard) == [True, False, False, False, False]
        for work in queued:
            work()
    finally:
        redraw_after_handlers(None)
    assert all(built(dashboard))
    assert len(find_widgets(dashboard, "bmc-chart-output")) == 4
    story_head = dashboard.sections[0].children[1].children[0].value
    assert html.escape(catalog.cases["car-wash"].title) in story_head
