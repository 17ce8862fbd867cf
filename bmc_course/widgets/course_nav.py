"""Where the learner is in the course: the steps, which are done, and the way on.

The step list and links come from ``lessons.toml``; "done" is recorded in the
state (and so saved) by the "Mark this step done" button at the end of each
notebook (:mod:`~bmc_course.widgets.step_done`; in the last notebook, its
hand-in view). Links are Markdown, so JupyterLab opens the next notebook in a
new tab instead of reloading the page.
"""

from __future__ import annotations

from collections.abc import Collection

import ipywidgets as widgets

from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.html_fragments import esc
from bmc_course.widgets.markdown_view import markdown_output
from bmc_course.widgets.state_view import StateView


def require_lesson(lessons: Collection[str], lesson_id: str) -> None:
    """Refuse an unknown lesson id in one line naming the known ones."""
    if lesson_id not in lessons:
        raise ValueError(f"unknown lesson id {lesson_id!r}; expected one of {', '.join(lessons)}")


class CourseNav(StateView):
    """Progress through the steps and links to the neighbours (marking done is at the end)."""

    REDRAW_ON = frozenset({"steps", "all"})

    def __init__(
        self, course_state: CourseState, lesson_id: str, *, with_style: bool = True
    ) -> None:
        lessons = course_state.catalog.lessons
        require_lesson(lessons, lesson_id)
        super().__init__(course_state, css_class="bmc-course-nav", with_style=with_style)
        self.lesson_id = lesson_id
        order = list(lessons)
        index = order.index(lesson_id)
        self.previous_id = order[index - 1] if index > 0 else None
        self.next_id = order[index + 1] if index + 1 < len(order) else None
        self.steps = widgets.HTML()
        self.steps.add_class("bmc-steps-list")
        self.progress = widgets.IntProgress(
            min=0,
            max=len(order),
            description="Progress",
            style={"bar_color": "#009E73"},
            layout=widgets.Layout(width="24em"),
        )
        self.progress.add_class("bmc-progress")
        self.progress_text = widgets.HTML()
        self.links = markdown_output(self._links_markdown(), "bmc-nav-links")
        self._set_body(
            self.steps,
            widgets.HBox(
                [self.progress, self.progress_text], layout=widgets.Layout(align_items="center")
            ),
            self.links,
        )
        self.refresh()

    @property
    def is_done(self) -> bool:
        """Whether the learner has marked this lesson done."""
        return self.lesson_id in self.course_state.completed_steps

    def _links_markdown(self) -> str:
        lessons = self.course_state.catalog.lessons
        parts = []
        if self.previous_id is not None:
            before = lessons[self.previous_id]
            parts.append(f"[← Back: {before.title}]({before.notebook})")
        if self.next_id is not None:
            after = lessons[self.next_id]
            parts.append(f"**[Next: {after.title} →]({after.notebook})**")
        else:
            parts.append("This is the last step of the course.")
        return " &nbsp;·&nbsp; ".join(parts)

    def refresh(self, change: Change | None = None) -> None:
        """Redraw the step list and the bar from the state."""
        self.redraw_count += 1
        lessons = self.course_state.catalog.lessons
        done = set(self.course_state.completed_steps)
        items = []
        for number, (lesson_id, lesson) in enumerate(lessons.items(), 1):
            classes = ["bmc-step"]
            state = "not done yet"
            if lesson_id in done:
                classes.append("bmc-step-done")
                state = "done"
            if lesson_id == self.lesson_id:
                classes.append("bmc-step-current")
                state += ", you are here"
            mark = "✓ " if lesson_id in done else ""
            items.append(
                f'<li class="{" ".join(classes)}" title="{esc(lesson.summary)}">'
                f"{mark}{number}. {esc(lesson.title)}"
                f'<span class="bmc-sr-only"> ({state})</span></li>'
            )
        self.steps.value = f'<ol class="bmc-steps" aria-label="Course steps">{"".join(items)}</ol>'
        self.progress.value = len(done)
        where = "at the end of this notebook" if self.next_id else "in the hand-in section below"
        hint = "this one is done" if self.is_done else f"mark this one done {where}"
        self.progress_text.value = (
            f'{len(done)} of {len(lessons)} steps done<span class="bmc-muted"> · {hint}</span>'
        )
