"""Canvas block view: a live, escaped summary (economics and notes included) and export buttons
that write into the workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bmc_course.state.session import CourseSession
from bmc_course.widgets.canvas_block_view import CanvasBlockView, export_file_name


def test_canvas_block_summary_is_escaped_and_live(session: CourseSession, tmp_path: Path) -> None:
    view = CanvasBlockView(session.state, tmp_path)
    session.state.set_learner("<Ada>")
    seg_id = session.state.add_segment("Teams & co", "business")
    session.state.set_relationships(seg_id, ["personal_assistance"])
    assert "&lt;Ada&gt;" in view.summary.value
    assert "Teams &amp; co" in view.summary.value
    assert "<Ada>" not in view.summary.value


def test_canvas_block_shows_the_economics_and_the_notes_escaped(
    session: CourseSession, tmp_path: Path
) -> None:
    state = session.state
    view = CanvasBlockView(state, tmp_path)
    seg_id = state.add_segment("Teams", "business")
    state.set_relationships(seg_id, ["personal_assistance"])
    # 1,500 of set-up over 5 years for 1,000 customers (0.30 each) + 30 running = 30.30,
    # against 10,000 × 40% = 4,000 of gross profit (0.76%: under 1%), kept 5 years
    assert (
        '<p class="bmc-block-cost">Relationship cost (illustrative): 30.30 per customer a year, '
        "under 1% of gross profit (gross profit 4,000, lifetime value 20,000)</p>"
    ) in view.summary.value
    assert "bmc-block-notes" not in view.summary.value
    state.update_segment(seg_id, notes="<i>why</i> & how")
    assert (
        '<p class="bmc-block-notes"><strong>Notes:</strong> &lt;i&gt;why&lt;/i&gt; &amp; how</p>'
    ) in view.summary.value
    assert "<i>why</i>" not in view.summary.value


def test_canvas_block_names_who_pays_and_the_budget_per_person(
    session: CourseSession, tmp_path: Path
) -> None:
    state = session.state
    view = CanvasBlockView(state, tmp_path)
    sellers = state.add_segment("Sellers", "platform")
    buyers = state.add_segment("Buyers", "platform")
    state.set_relationships(buyers, ["self_service"])
    state.update_segment(buyers, funded_by=sellers)
    assert "paid for by Sellers</p>" in view.summary.value
    state.add_segment("Residents", "citizens")
    assert "1,000 customers · yearly budget per person 500 · not yet validated" in (
        view.summary.value
    )
    assert "1,000 customers · yearly revenue per customer 5 · not yet validated" in (
        view.summary.value
    )


@pytest.mark.parametrize("fmt", ["md", "html", "png", "json"])
def test_export_buttons_write_into_the_workspace(
    session: CourseSession, tmp_path: Path, fmt: str
) -> None:
    session.state.set_learner("Ada Lovelace")
    seg_id = session.state.add_segment("Teams", "business")
    session.state.set_relationships(seg_id, ["personal_assistance"])
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    view = CanvasBlockView(session.state, workspace)
    view.export_buttons[fmt].click()
    path = workspace / export_file_name("Ada Lovelace", fmt)
    assert path.name == f"customer-relationships-ada-lovelace.{fmt}"
    assert path.is_file()
    assert path.stat().st_size > 0
    assert str(path) in view.status.value
    if fmt == "json":
        assert json.loads(path.read_text(encoding="utf-8"))["learner"] == "Ada Lovelace"


def test_export_failure_is_one_line(session: CourseSession, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    view = CanvasBlockView(session.state, blocker)
    view.export_buttons["md"].click()
    assert "bmc-message-error" in view.status.value
    assert "Could not export .md" in view.status.value
