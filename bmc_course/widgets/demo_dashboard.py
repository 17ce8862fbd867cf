"""The facilitator's demo: one case (or a blank canvas) walked through live, step by step.

Served by Voilà (``bmc-course demo``), so the room sees widgets, never code.
A scene bar chooses the case, reveals the next step or all of them, and
switches between a light and a dark theme; text is large enough for a
projector. Everything happens in an in-memory sandbox state: a demo never
writes anyone's progress file.

A step's view is built when it is first revealed (the charts, and matplotlib
with them, only when the trade-offs are shown): a scene opens without paying
for the steps it does not show. Once the room reaches the step before the
charts, the chart modules are imported on a helper thread, so the kernel keeps
answering the page meanwhile and the trade-offs step, when it comes, only draws.
Views are never added after the cell that opens the page has returned, except
in answer to the facilitator or to the page itself: widgets created while
Voilà's page is still loading its widget state can be lost ("widget model not
found"). So a bookmarked scene at the trade-offs opens with every step but the
charts built in the cell; the charts section says they are being drawn, and
they are drawn when the page's script reports that its widgets are there (it
clicks a hidden button: a message from the page, sent once its widget manager
is connected). The room sees the scene at once instead of after matplotlib's
import and four drawings.

Two hidden elements tell the page's script (our Voilà template ``bmc-demo``)
what the kernel decided: the scene's canonical query, which it writes into the
address bar, and which step to scroll into view after a reveal; a hidden
button is how the page says it is ready.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import sys
import threading
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from bmc_course.formats.submission import Submission, submission_from_case
from bmc_course.logic.demo_scene import (
    BLANK,
    DEMO_STEPS,
    DemoScene,
    query_from_scene,
    step_to_scroll_to,
)
from bmc_course.model.catalog import Catalog
from bmc_course.state.course_state import CourseState
from bmc_course.widgets.html_fragments import esc, heading, message_box
from bmc_course.widgets.markdown_view import markdown_output
from bmc_course.widgets.state_view import close_tree, run_after_handlers
from bmc_course.widgets.stylesheet import style_tag

THEME_CLASS = {"light": "bmc-demo-light", "dark": "bmc-demo-dark"}


def sandbox_state(catalog: Catalog, case_id: str | None) -> CourseState:
    """A fresh in-memory state: the case as written, or an empty canvas."""
    if case_id:
        return CourseState(catalog, submission_from_case(catalog.cases[case_id]))
    return CourseState(catalog, Submission(learner="Live demo"))


class BusinessStep(widgets.VBox):
    """Step 1: the case's story, or a box to type the business being discussed."""

    def __init__(self, catalog: Catalog, state: CourseState, case_id: str | None) -> None:
        if case_id:
            case = catalog.cases[case_id]
            children = [
                widgets.HTML(
                    f'<div class="bmc-card bmc-case-head"><div class="bmc-card-title">'
                    f"{esc(case.title)}</div><p>{esc(case.business)}</p></div>"
                ),
                markdown_output(case.story, "bmc-case-story"),
            ]
        else:
            business = widgets.Textarea(
                placeholder="The business we look at today, in a sentence",
                layout=widgets.Layout(width="100%", height="4em"),
                continuous_update=False,
            )
            business.add_class("bmc-demo-business")
            business.observe(lambda change: state.set_business(change["new"]), names="value")
            children = [
                widgets.HTML("<p>A blank canvas: name the business, then add its segments.</p>"),
                business,
            ]
        super().__init__(children)


def segments_step(state: CourseState, _case_id: str | None) -> widgets.Widget:
    """Step 2: the archetype cards and the segments of the scene."""
    from bmc_course.widgets.segment_picker import SegmentPicker

    return SegmentPicker(state, with_style=False)


def relationships_step(state: CourseState, _case_id: str | None) -> widgets.Widget:
    """Step 3: the relationship mix per segment."""
    from bmc_course.widgets.relationship_picker import RelationshipPicker

    return RelationshipPicker(state, compact=True, with_style=False)


def findings_step(state: CourseState, _case_id: str | None) -> widgets.Widget:
    """Step 4: what the checks say about the mixes."""
    from bmc_course.widgets.findings_panel import FindingsPanel

    return FindingsPanel(state, with_style=False)


def trade_offs_step(state: CourseState, _case_id: str | None) -> widgets.Widget:
    """Step 5: the trade-off charts (imports matplotlib: only when this step is revealed)."""
    from bmc_course.widgets.trade_offs import TradeOffs

    return TradeOffs(state)


def business_step(state: CourseState, case_id: str | None) -> widgets.Widget:
    """Step 1: the case's story, or a box for the business (see :class:`BusinessStep`)."""
    return BusinessStep(state.catalog, state, case_id)


# What each step shows, built when first revealed: step id -> (sandbox state, case id) -> view.
STEP_VIEWS: dict[str, Callable[[CourseState, str | None], widgets.Widget]] = {
    "business": business_step,
    "segments": segments_step,
    "relationships": relationships_step,
    "findings": findings_step,
    "trade_offs": trade_offs_step,
}


CHART_MODULE = "bmc_course.widgets.trade_offs"  # matplotlib with it: about a second to import

# Steps a scene opening on them draws once the page is there (see the module's docstring).
DRAWN_WHEN_THE_PAGE_IS_READY = frozenset({"trade_offs"})
WAITING_TEXT = "Drawing the charts…"


def import_in_background(module: str) -> threading.Thread | None:
    """Start importing ``module`` on a helper thread, unless it is imported already.

    Python's imports are thread-safe; the charts use matplotlib's ``Figure``
    directly (never pyplot), so nothing depends on the importing thread. A failure
    is left for the real import, on the kernel's thread, to report.
    """
    if module in sys.modules:
        return None

    def load() -> None:
        with contextlib.suppress(Exception):
            importlib.import_module(module)

    thread = threading.Thread(target=load, name=f"import {module}", daemon=True)
    thread.start()
    return thread


def hidden_html(css_class: str) -> widgets.HTML:
    """An HTML widget the room never sees: a message from the kernel to the page's script."""
    element = widgets.HTML(layout=widgets.Layout(display="none"))
    element.add_class(css_class)
    return element


class DemoDashboard(widgets.VBox):
    """Scene bar + the five steps of the flow, revealed one at a time."""

    def __init__(self, catalog: Catalog, scene: DemoScene | None = None) -> None:
        scene = scene or DemoScene()
        self.catalog = catalog
        self._chart_import: threading.Thread | None = None
        self.state: CourseState = sandbox_state(catalog, scene.case_id)
        self.revealed = 0
        self.sections: list[widgets.VBox] = []
        self._built: set[int] = set()
        self._scroll_requests = 0
        self.case_select = widgets.Dropdown(
            description="Scene",
            options=[("Start blank", BLANK), *((c.title, c.id) for c in catalog.cases.values())],
            value=scene.case_id or BLANK,
            style={"description_width": "initial"},
            # takes the bar's spare width, so long case titles show in full where they fit
            layout=widgets.Layout(flex="1 1 20em", min_width="16em", max_width="40em"),
        )
        self.case_select.add_class("bmc-demo-case")
        self.case_select.observe(self._on_case_chosen, names="value")
        self.back_button = widgets.Button(description="◀ Back", tooltip="Hide the last step")
        self.back_button.add_class("bmc-demo-back")
        self.back_button.on_click(lambda _b: self.reveal(self.revealed - 1))
        self.next_button = widgets.Button(
            description="Next step ▶", button_style="primary", tooltip="Reveal the next step"
        )
        self.next_button.add_class("bmc-demo-next")
        self.next_button.on_click(lambda _b: self.reveal(self.revealed + 1))
        self.all_button = widgets.Button(description="Show all", tooltip="Reveal every step")
        self.all_button.add_class("bmc-demo-all")
        self.all_button.on_click(lambda _b: self.reveal(len(DEMO_STEPS)))
        self.theme = widgets.ToggleButtons(
            options=[("Light", "light"), ("Dark", "dark")],
            value=scene.theme,
            tooltips=["Light theme", "Dark theme (dim rooms)"],
            style={"button_width": "5em"},
        )
        self.theme.add_class("bmc-demo-theme")
        self.theme.observe(self._on_theme_chosen, names="value")
        self.step_label = widgets.HTML()
        self.step_label.add_class("bmc-demo-step-label")
        self.problems = widgets.HTML("".join(message_box(p, "warning") for p in scene.problems))
        self.problems.add_class("bmc-demo-problems")
        self.steps_box = widgets.VBox()
        self.steps_box.add_class("bmc-demo-steps")
        # read by the page's script (template bmc-demo): the address bar, and where to scroll
        self.address = hidden_html("bmc-demo-address")
        self.scroll_request = hidden_html("bmc-demo-scroll")
        # clicked by the page's script once its widgets are shown: draw what waited for it
        self.page_ready = widgets.Button(
            description="Page ready", layout=widgets.Layout(display="none")
        )
        self.page_ready.add_class("bmc-demo-page-ready")
        self.page_ready.on_click(lambda _b: self._build_waiting())
        self._waiting: set[int] = set()
        controls = widgets.HBox(
            [self.case_select, self.back_button, self.next_button, self.all_button, self.theme],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        controls.add_class("bmc-demo-controls")
        # the bar stays at the top while the room scrolls, and says which step is on
        bar = widgets.VBox([controls, self.step_label])
        bar.add_class("bmc-demo-bar")
        super().__init__(
            [
                style_tag(),
                widgets.HTML(
                    heading(
                        "Customer Relationships, live",
                        2,
                        sub="Pick a scene, then reveal the steps one by one.",
                    )
                ),
                bar,
                self.problems,
                self.steps_box,
                self.address,
                self.scroll_request,
                self.page_ready,
            ]
        )
        self.add_class("bmc-view")
        self.add_class("bmc-demo")
        self._apply_theme(scene.theme)
        self._new_sections(scene.case_id)
        self.reveal(scene.step, opening=True)
        if scene.step > 1 and not scene.problems:  # a bookmarked step opens in view
            self._request_scroll(scene.step)  # (a problem's message stays seen at the top)

    @property
    def case_id(self) -> str | None:
        """The chosen scene's case id (None for the blank scene)."""
        return str(self.case_select.value) or None

    @property
    def scene(self) -> DemoScene:
        """The scene on screen: case, steps revealed, theme."""
        return DemoScene(self.case_id, self.revealed, str(self.theme.value))

    def reveal(self, count: int, *, opening: bool = False, first_now: bool = False) -> None:
        """Show the first ``count`` steps (at least one, at most all), building any not built yet,
        and bring the step the room should look at into view. ``opening``: the page is not
        there yet, so the steps drawn when it is ready only say they are coming.
        ``first_now``: build the first step in this handler and the others just after it,
        so the room sees the new scene before its charts are drawn."""
        before = self.revealed
        self.revealed = max(1, min(len(DEMO_STEPS), count))
        if opening:
            for index in range(self.revealed):
                if DEMO_STEPS[index][0] in DRAWN_WHEN_THE_PAGE_IS_READY:
                    self._wait_for_page(index)
        sections = self.sections
        for index in range(self.revealed):
            if opening and index in self._waiting:
                continue
            if first_now and index > 0:
                run_after_handlers(functools.partial(self._build_if_current, sections, index))
            else:
                self._build_section(index)
        for index, section in enumerate(self.sections):
            section.layout.display = "" if index < self.revealed else "none"
        _, title = DEMO_STEPS[self.revealed - 1]
        self.step_label.value = (
            f'<p class="bmc-demo-step">Step {self.revealed} of {len(DEMO_STEPS)}: '
            f"<strong>{esc(title)}</strong></p>"
        )
        self.back_button.disabled = self.revealed == 1
        self.next_button.disabled = self.all_button.disabled = self.revealed == len(DEMO_STEPS)
        self._show_address()
        if before and (target := step_to_scroll_to(before, self.revealed)) is not None:
            self._request_scroll(target)

    def _new_sections(self, case_id: str | None) -> None:
        """Empty sections (a heading each) for a fresh sandbox; views come on reveal."""
        old = self.steps_box.children
        self.steps_box.children = ()
        close_tree(old)
        self.state = sandbox_state(self.catalog, case_id)
        self._built = set()
        self._waiting = set()
        self.sections = []
        for number, (step_id, title) in enumerate(DEMO_STEPS, 1):
            section = widgets.VBox(
                [widgets.HTML(heading(f"{number}. {title}", 3))],
                layout=widgets.Layout(display="none"),
            )
            section.add_class("bmc-demo-section")
            section.add_class(f"bmc-demo-section-{step_id}")
            self.sections.append(section)
        self.steps_box.children = self.sections

    def _build_section(self, index: int) -> None:
        if index in self._built:
            return
        self._built.add(index)
        step_id, _ = DEMO_STEPS[index]
        section = self.sections[index]
        view = STEP_VIEWS[step_id](self.state, self.case_id)
        heading_only = section.children[:1]
        if index in self._waiting:
            self._waiting.discard(index)
            close_tree(section.children[1:])
        section.children = (*heading_only, view)
        self._import_charts_when_next()

    def _build_if_current(self, sections: list[widgets.VBox], index: int) -> None:
        """Build a step put off by :meth:`reveal`, unless another scene replaced its section."""
        if self.sections is sections:
            self._build_section(index)

    def _wait_for_page(self, index: int) -> None:
        """Say the step is coming; :meth:`_build_waiting` draws it when the page is ready."""
        if index in self._built or index in self._waiting:
            return
        self._waiting.add(index)
        note = widgets.HTML(f"<p>{esc(WAITING_TEXT)}</p>")
        note.add_class("bmc-demo-waiting")
        section = self.sections[index]
        section.children = (*section.children[:1], note)

    def _build_waiting(self) -> None:
        """The page is ready: draw the steps that waited for it."""
        for index in sorted(self._waiting):
            self._build_section(index)

    def _import_charts_when_next(self) -> None:
        """Once every step before the trade-offs is built, import the chart modules on a helper
        thread: the room is one step away, and this kernel imports nothing else meanwhile
        (the other steps' modules are in), so the two threads never import side by side."""
        if self._waiting:
            return  # the page is still loading: the import would compete with it; drawn soon
        charts_at = next(i for i, (step_id, _) in enumerate(DEMO_STEPS) if step_id == "trade_offs")
        if self._chart_import is None and all(i in self._built for i in range(charts_at)):
            self._chart_import = import_in_background(CHART_MODULE) or threading.Thread()

    def _show_address(self) -> None:
        query = query_from_scene(self.scene, self.catalog)
        self.address.value = f'<span data-query="{esc(query)}"></span>'

    def _request_scroll(self, step: int) -> None:
        self._scroll_requests += 1
        step_id, _ = DEMO_STEPS[step - 1]
        self.scroll_request.value = (
            f'<span data-section="{esc(step_id)}" data-request="{self._scroll_requests}"></span>'
        )

    def _apply_theme(self, theme: str) -> None:
        for name, css_class in THEME_CLASS.items():
            (self.add_class if name == theme else self.remove_class)(css_class)

    def _on_theme_chosen(self, change: dict[str, Any]) -> None:
        self._apply_theme(change["new"])
        self._show_address()

    def _on_case_chosen(self, change: dict[str, Any]) -> None:
        self.problems.value = ""
        self._new_sections(str(change["new"]) or None)
        self.revealed, revealed = 0, self.revealed
        self.reveal(revealed, first_now=True)
