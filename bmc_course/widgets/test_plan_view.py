"""Test and iterate: every choice as an assumption to test, with how to test it."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from markupsafe import Markup

from bmc_course.logic.assumption_plan import TestableAssumption, plan_tests
from bmc_course.reports.html_table import html_table
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.html_fragments import esc, heading, message_box
from bmc_course.widgets.state_view import StateView

METHOD_LABEL = {
    "interview": "Interview",
    "survey": "Survey",
    "experiment": "Experiment",
    "mvp": "MVP",
}
METHOD_HINT = {
    "interview": "talk with a handful of customers, open questions",
    "survey": "ask many customers the same short questions",
    "experiment": "change one thing for some customers and compare",
    "mvp": "offer a small working version and watch what people do",
}
ALL_METHODS = "all"
# The method as a chip in its cell; Markup.format escapes the label.
_METHOD_CHIP = Markup('<span class="bmc-chip">{}</span>')


def plan_table_html(
    plan: list[TestableAssumption], names: dict[str, str], type_names: dict[str, str]
) -> str:
    """The plan as one escaped table: segment, relationship, assumption, method, signal."""
    return html_table(
        ["Segment", "Relationship", "Assumption to test", "Method", "What would confirm it"],
        [
            [
                names.get(a.segment_id, a.segment_id),
                type_names.get(a.type_id, a.type_id) if a.type_id else "the segment itself",
                a.statement,
                _METHOD_CHIP.format(METHOD_LABEL.get(a.method, a.method)),
                a.signal,
            ]
            for a in plan
        ],
        css_class="bmc-test-plan-table",
    )


class TestPlanView(StateView):
    """The testable assumptions behind the learner's choices, filterable by method."""

    __test__ = False  # not a pytest test class, despite the name

    def __init__(self, course_state: CourseState, *, with_style: bool = True) -> None:
        super().__init__(course_state, css_class="bmc-test-plan", with_style=with_style)
        self.method = widgets.Dropdown(
            description="Method",
            options=[("All methods", ALL_METHODS)] + [(v, k) for k, v in METHOD_LABEL.items()],
            value=ALL_METHODS,
        )
        self.method.add_class("bmc-test-plan-method")
        self.method.observe(self._on_method_chosen, names="value")
        methods = "".join(
            f"<li><strong>{esc(METHOD_LABEL[m])}</strong>: {esc(hint)}</li>"
            for m, hint in METHOD_HINT.items()
        )
        self.table = widgets.HTML()
        self.table.add_class("bmc-test-plan-body")
        self.plan: list[TestableAssumption] = []
        self._set_body(
            widgets.HTML(
                heading(
                    "Your choices as assumptions to test",
                    4,
                    sub="Each relationship you chose rests on assumptions. Test the riskiest "
                    "cheaply before building anything.",
                )
                + f'<ul class="bmc-list">{methods}</ul>'
            ),
            self.method,
            self.table,
        )
        self.refresh()

    def refresh(self, change: Change | None = None) -> None:
        """Rebuild the plan from the state."""
        self.redraw_count += 1
        segments = self.course_state.segments
        if not segments:
            self.plan = []
            self.table.value = message_box(
                "No segments yet: add one in the segment picker.", "info"
            )
            return
        catalog = self.course_state.catalog
        plan = plan_tests(segments, catalog)
        if self.method.value != ALL_METHODS:
            plan = [a for a in plan if a.method == self.method.value]
        self.plan = plan
        if not plan:
            self.table.value = message_box("Nothing to test with this method yet.", "info")
            return
        names = {s.id: s.name for s in segments}
        type_names = {t.id: t.name for t in catalog.types.values()}
        self.table.value = (
            f'<p class="bmc-summary-line">{len(plan)} assumption{"s" if len(plan) != 1 else ""} '
            "to test</p>" + plan_table_html(plan, names, type_names)
        )

    def _on_method_chosen(self, _change: dict[str, Any]) -> None:
        self.refresh()
