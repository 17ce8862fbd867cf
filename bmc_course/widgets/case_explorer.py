"""Worked cases from the course content, each explored in a sandbox state.

Choosing a case builds a fresh :class:`CourseState` from it, in memory only:
nothing here touches the learner's progress file. The same relationship
picker, findings panel and chart as in the learner's own steps are shown over
that sandbox, so the learner can change the case and watch the findings move.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from bmc_course.formats.submission import submission_from_case
from bmc_course.logic.wording import finding_title
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import CaseFile
from bmc_course.state.course_state import CourseState
from bmc_course.widgets.findings_panel import FindingsPanel
from bmc_course.widgets.html_fragments import bullet_list, esc, heading, message_box
from bmc_course.widgets.markdown_view import markdown_output
from bmc_course.widgets.relationship_picker import RelationshipPicker
from bmc_course.widgets.state_view import close_tree
from bmc_course.widgets.stylesheet import style_tag
from bmc_course.widgets.trade_offs import cost_vs_revenue_chart


def case_state(catalog: Catalog, case: CaseFile) -> CourseState:
    """A sandbox state holding the case (not attached to any progress store)."""
    return CourseState(catalog, submission_from_case(case))


def expected_html(case: CaseFile) -> str:
    """What the checks should find in the case as written (kept behind a click: a spoiler)."""
    found = [finding_title(code) for code in case.expected_findings]
    text = (
        "As written, the checks should raise: " + ", ".join(found) + "."
        if found
        else "As written, the checks should raise nothing serious."
    )
    return f"<p>{esc(text)}</p><p><strong>The idea:</strong> {esc(case.lesson)}</p>"


class CaseExplorer(widgets.VBox):
    """Choose a case; read its story; change its relationships in a sandbox; see the findings."""

    def __init__(self, catalog: Catalog, case_id: str | None = None) -> None:
        self.catalog = catalog
        if case_id is not None and case_id not in catalog.cases:
            raise ValueError(
                f"unknown case id {case_id!r}; expected one of {', '.join(catalog.cases)}"
            )
        self.state: CourseState | None = None
        self.case_select = widgets.Dropdown(
            description="Case",
            options=[(c.title, c.id) for c in catalog.cases.values()],
            value=case_id or next(iter(catalog.cases), None),
            layout=widgets.Layout(width="40em"),
        )
        self.case_select.add_class("bmc-case-select")
        self.case_select.observe(self._on_case_chosen, names="value")
        self.reset_button = widgets.Button(
            description="Start this case again",
            tooltip="Undo your changes to this case",
            layout=widgets.Layout(width="auto"),  # the whole label, never cut
        )
        self.reset_button.add_class("bmc-case-reset")
        self.reset_button.on_click(self._on_reset)
        self.body = widgets.VBox()
        self.body.add_class("bmc-case-body")
        super().__init__(
            [
                style_tag(),
                widgets.HTML(
                    heading(
                        "Worked cases",
                        3,
                        sub="A sandbox: change the case's relationships and watch the findings. "
                        "Nothing here changes your own answers.",
                    )
                ),
                widgets.HBox(
                    [self.case_select, self.reset_button],
                    layout=widgets.Layout(align_items="center"),
                ),
                self.body,
            ]
        )
        self.add_class("bmc-view")
        self.add_class("bmc-case-explorer")
        self.show_case(self.case_select.value)

    @property
    def case_id(self) -> str | None:
        """The id of the case chosen in the list (None when the content has no cases)."""
        value = self.case_select.value
        return str(value) if value is not None else None

    def show_case(self, case_id: str | None) -> None:
        """Build a fresh sandbox for the case and the views over it."""
        old = self.body.children
        self.body.children = ()
        close_tree(old)
        if case_id is None:
            self.state = None
            self.body.children = [
                widgets.HTML(message_box("There are no cases in the content.", "info"))
            ]
            return
        case = self.catalog.cases[case_id]
        self.state = case_state(self.catalog, case)
        self.picker = RelationshipPicker(self.state, compact=True, with_style=False)
        self.findings = FindingsPanel(
            self.state,
            title="What the checks say about this case",
            explanation="Change the relationships above: the findings follow.",
            with_style=False,
        )
        self.chart = cost_vs_revenue_chart(self.state, with_style=False)
        spoiler = widgets.Accordion(
            children=(widgets.HTML(expected_html(case)),), titles=("What to look for (spoiler)",)
        )
        spoiler.selected_index = None
        spoiler.add_class("bmc-case-expected")
        self.body.children = [
            widgets.HTML(
                f'<div class="bmc-card bmc-case-head"><div class="bmc-card-title">{esc(case.title)}</div>'
                f"<p><strong>Business:</strong> {esc(case.business)}</p>"
                f'<p class="bmc-muted">Source: {esc(case.source)}</p></div>'
            ),
            markdown_output(case.story, "bmc-case-story"),
            self.picker,
            self.findings,
            self.chart,
            widgets.HTML(heading("To discuss", 4) + bullet_list(case.discussion)),
            spoiler,
        ]

    def _on_case_chosen(self, change: dict[str, Any]) -> None:
        self.show_case(change["new"])

    def _on_reset(self, _button: widgets.Button) -> None:
        self.show_case(self.case_id)

    def close(self) -> None:
        """Close the sandbox views and the box."""
        body = getattr(self, "body", None)  # None when __init__ failed early
        if body is not None:
            close_tree(body.children)
        super().close()
