"""The facilitator demo: scenes, step reveal, themes, and a sandbox that writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bmc_course import course
from bmc_course.logic.demo_scene import DEMO_STEPS, DemoScene
from bmc_course.model.catalog import Catalog
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
    before = charts[1].outputs[0]["data"]["image/png"]
    dashboard.case_select.value = "online-retailer"
    after = find_widgets(dashboard, "bmc-chart-output")[1].outputs[0]["data"]["image/png"]
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
