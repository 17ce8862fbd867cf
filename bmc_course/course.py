"""What the course notebooks call: one function per widget, all over this kernel's session.

Each function returns a widget to display (the last expression of a cell).
Imports of ipywidgets, matplotlib and pandas happen inside the functions, so
``import bmc_course`` (and this module) stays light.

Re-running a cell replaces that cell's previous widget: the old one is closed
and stops listening to the state, so a learner who runs a cell ten times does
not pay for ten redraws on every change.
"""

from __future__ import annotations

from typing import Any

from bmc_course.state.session import CourseSession, current_session

__all__ = [
    "canvas_block",
    "case_explorer",
    "channel_or_relationship",
    "findings_panel",
    "hand_in",
    "key_ideas",
    "knowledge_check",
    "lifecycle",
    "navigation",
    "relationship_picker",
    "segment_picker",
    "step_done",
    "test_plan",
    "trade_offs",
    "types_explorer",
    "welcome",
    "what_if",
]

# (cell id, function) -> the widget that cell showed last.
_shown: dict[tuple[str, str], Any] = {}


def _cell_id() -> str | None:
    """The id of the notebook cell being run (JupyterLab sends it), if there is one."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
        kernel = getattr(shell, "kernel", None)
        if kernel is None:
            return None
        parent = kernel.get_parent()
        cell_id = (parent or {}).get("metadata", {}).get("cellId")
    except Exception:  # any kernel without cell ids: nothing to replace
        return None
    return str(cell_id) if cell_id else None


def _show(name: str, widget: Any) -> Any:
    """Remember ``widget`` as this cell's; close what the same cell showed before."""
    cell = _cell_id()
    if cell is not None:
        previous = _shown.get((cell, name))
        if previous is not None and previous is not widget:
            previous.close()
        _shown[(cell, name)] = widget
    return widget


def _session() -> CourseSession:
    session = current_session()
    from bmc_course.widgets.live_progress import follow_other_notebooks, save_after_each_handler

    follow_other_notebooks(session)  # every open notebook stays live (once per kernel)
    save_after_each_handler(session)  # a click's result is shown before the file is written
    return session


def _check_lesson(session: CourseSession, lesson_id: str) -> None:
    if lesson_id not in session.catalog.lessons:
        raise ValueError(
            f"unknown lesson id {lesson_id!r}; expected one of {', '.join(session.catalog.lessons)}"
        )


def welcome() -> Any:
    """Welcome and resume: session message, name and business, progress, load a saved file."""
    from bmc_course.widgets.welcome import WelcomeView

    return _show("welcome", WelcomeView(_session()))


def navigation(lesson_id: str) -> Any:
    """The course steps with this one highlighted, the progress bar, and the neighbours' links."""
    from bmc_course.widgets.course_nav import CourseNav

    session = _session()
    _check_lesson(session, lesson_id)
    return _show(f"navigation:{lesson_id}", CourseNav(session.state, lesson_id))


def step_done(lesson_id: str) -> Any:
    """ "Mark this step done" and the link to the next step, for the end of a notebook."""
    from bmc_course.widgets.step_done import StepDone

    session = _session()
    _check_lesson(session, lesson_id)
    return _show(f"step_done:{lesson_id}", StepDone(session.state, lesson_id))


def key_ideas(lesson_id: str) -> Any:
    """The lesson's key ideas (its Markdown file), rendered like a Markdown cell."""
    from bmc_course.widgets.markdown_view import KeyIdeas

    session = _session()
    _check_lesson(session, lesson_id)
    text = session.catalog.lesson_texts.get(lesson_id, "")
    return KeyIdeas(text, lesson_id=lesson_id)


def channel_or_relationship() -> Any:
    """Relationships vs channels (with a word tester), the three dimensions and motivations."""
    from bmc_course.widgets.channel_or_relationship import ChannelOrRelationship

    return _show("channel_or_relationship", ChannelOrRelationship(_session().catalog))


def segment_picker() -> Any:
    """Archetype cards with "add", "add your own", and the current segments (edit, remove)."""
    from bmc_course.widgets.segment_picker import SegmentPicker

    return _show("segment_picker", SegmentPicker(_session().state))


def types_explorer() -> Any:
    """The six relationship types: cards, side-by-side table, dimensions, cost at scale."""
    from bmc_course.widgets.types_explorer import TypesExplorer

    return _show("types_explorer", TypesExplorer(_session().state))


def relationship_picker() -> Any:
    """Per segment: tick relationship types and lifecycle goals; findings update below."""
    from bmc_course.widgets.findings_panel import FindingsPanel
    from bmc_course.widgets.relationship_picker import RelationshipPicker
    from bmc_course.widgets.state_view import ViewGroup

    state = _session().state
    parts = (RelationshipPicker(state, with_style=False), FindingsPanel(state, with_style=False))
    return _show("relationship_picker", ViewGroup(parts, css_class="bmc-relationship-step"))


def findings_panel() -> Any:
    """Every finding of the checks, re-run on each change."""
    from bmc_course.widgets.findings_panel import FindingsPanel

    return _show("findings_panel", FindingsPanel(_session().state))


def trade_offs() -> Any:
    """The four trade-off charts (with their tables)."""
    from bmc_course.widgets.trade_offs import TradeOffs

    return _show("trade_offs", TradeOffs(_session().state))


def what_if() -> Any:
    """Scenarios: sliders on a copy of the numbers, the cost chart, the checks and a comparison."""
    from bmc_course.widgets.what_if import WhatIf

    return _show("what_if", WhatIf(_session().state))


def lifecycle() -> Any:
    """Acquire, retain, grow: goals per segment, the coverage chart and the gaps."""
    from bmc_course.widgets.lifecycle_view import LifecycleView

    return _show("lifecycle", LifecycleView(_session().state))


def test_plan() -> Any:
    """The testable assumptions behind each choice, with interview/survey/experiment/MVP."""
    from bmc_course.widgets.test_plan_view import TestPlanView

    return _show("test_plan", TestPlanView(_session().state))


test_plan.__test__ = False  # type: ignore[attr-defined]  # not a pytest test, despite the name


def case_explorer(case_id: str | None = None) -> Any:
    """A worked case in a sandbox (never saved to your progress), with picker, findings, chart."""
    from bmc_course.widgets.case_explorer import CaseExplorer

    return _show("case_explorer", CaseExplorer(_session().catalog, case_id))


def demo_dashboard(query: str | None = None) -> Any:
    """The facilitator demo: a case (or blank) walked through step by step, for Voilà.

    ``query`` defaults to the page address's query string, which Voilà passes
    to the kernel as ``QUERY_STRING`` (e.g. ``case=cleat-maker&step=5&theme=dark``).
    """
    import os

    from bmc_course.logic.demo_scene import scene_from_query
    from bmc_course.model.catalog import load_catalog
    from bmc_course.widgets.demo_dashboard import DemoDashboard
    from bmc_course.widgets.live_progress import redraw_views_after_handlers

    redraw_views_after_handlers()  # a click's findings leave before its charts are drawn
    catalog = load_catalog()
    scene = scene_from_query(
        os.environ.get("QUERY_STRING", "") if query is None else query, catalog
    )
    return DemoDashboard(catalog, scene)


def class_summary(folder: str | None = None) -> Any:
    """For teachers: summarise a folder of submissions (default ``$BMC_CLASS_FOLDER`` or ./submissions)."""
    from pathlib import Path

    from bmc_course.model.catalog import load_catalog
    from bmc_course.widgets.class_summary_view import ClassSummaryView

    return ClassSummaryView(load_catalog(), Path(folder) if folder else None)


def canvas_block() -> Any:
    """Your Customer Relationships block, and what it asks of the blocks around it."""
    from bmc_course.widgets.canvas_block_view import CanvasBlockView

    return _show("canvas_block", CanvasBlockView(_session().state))


def hand_in() -> Any:
    """Mark the last step done and export your block (Markdown, HTML, PNG, JSON)."""
    from bmc_course.widgets.hand_in_view import HandInView

    session = _session()
    return _show("hand_in", HandInView(session.state, session.store.path.parent, session.store))


def knowledge_check(lesson_id: str) -> Any:
    """The lesson's questions with per-option feedback; answers are saved and restored."""
    from bmc_course.widgets.knowledge_check import KnowledgeCheck

    session = _session()
    _check_lesson(session, lesson_id)
    return _show(f"knowledge_check:{lesson_id}", KnowledgeCheck(session.state, lesson_id))
