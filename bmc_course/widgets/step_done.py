"""The end of a notebook: "Mark this step done" and the way on to the next step.

The course map (:mod:`~bmc_course.widgets.course_nav`) sits at the top of each
notebook; this button sits at the bottom, after the knowledge check, where a
learner has finished the step. The last notebook ends with its hand-in view
instead, which marks the last step done before exporting.
"""

from __future__ import annotations

import ipywidgets as widgets

from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.course_nav import require_lesson
from bmc_course.widgets.markdown_view import markdown_output
from bmc_course.widgets.state_view import StateView, StatusLine


def next_step_markdown(course_state: CourseState, lesson_id: str) -> str:
    """A link to the step after ``lesson_id``, or a line saying it is the last one."""
    order = list(course_state.catalog.lessons)
    index = order.index(lesson_id)
    if index + 1 == len(order):
        return "This is the last step of the course."
    after = course_state.catalog.lessons[order[index + 1]]
    return f"**[Next: {after.title} →]({after.notebook})**"


class StepDone(StateView):
    """ "Mark this step done" (or undo it) and the link to the next step."""

    REDRAW_ON = frozenset({"steps", "all"})

    def __init__(
        self, course_state: CourseState, lesson_id: str, *, with_style: bool = True
    ) -> None:
        require_lesson(course_state.catalog.lessons, lesson_id)
        super().__init__(course_state, css_class="bmc-step-done-view", with_style=with_style)
        self.lesson_id = lesson_id
        self.done_button = widgets.Button(layout=widgets.Layout(width="auto", flex="0 0 auto"))
        self.done_button.add_class("bmc-mark-done")
        self.done_button.on_click(self._on_done_clicked)
        self.status = StatusLine()
        self.next_link = markdown_output(
            next_step_markdown(course_state, lesson_id), "bmc-nav-links"
        )
        self._set_body(
            widgets.HBox(
                [self.done_button, self.next_link],
                layout=widgets.Layout(align_items="center", flex_flow="row wrap"),
            ),
            self.status,
        )
        self.refresh()

    @property
    def is_done(self) -> bool:
        """Whether the learner has marked this lesson done."""
        return self.lesson_id in self.course_state.completed_steps

    def refresh(self, change: Change | None = None) -> None:
        """Show whether the step is done."""
        self.redraw_count += 1
        if self.is_done:
            self.done_button.description = "✓ Step done — mark as not done"
            self.done_button.button_style = "success"
            self.done_button.tooltip = "This step is marked done; click to reopen it"
        else:
            self.done_button.description = "Mark this step done"
            self.done_button.button_style = "primary"
            self.done_button.tooltip = "Record that you finished this step"

    def _on_done_clicked(self, _button: widgets.Button) -> None:
        with self.status.reporting():
            self.course_state.mark_step_done(self.lesson_id, not self.is_done)
