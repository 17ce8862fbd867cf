"""A lesson's knowledge check: one question at a time with per-option feedback and a score.

Choosing an option does nothing until "Check answer" is pressed (arrow keys
move between radio buttons, and each move must not count as an answer). The
answer is recorded in the state, so it is saved and restored next time.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from bmc_course.model.content_models import QuizQuestion
from bmc_course.state.course_state import Change, CourseState
from bmc_course.widgets.html_fragments import esc, heading, message_box
from bmc_course.widgets.state_view import StateView, StatusLine


def feedback_html(question: QuizQuestion, option_id: str) -> str:
    """Right or not, the chosen option's own feedback, and the question's explanation."""
    option = next(o for o in question.options if o.id == option_id)
    correct = option.correct
    verdict = "✓ Correct." if correct else "✗ Not quite."
    body = (
        f"<strong>{verdict}</strong> {esc(option.feedback)}"
        f'<br><span class="bmc-muted">{esc(question.explanation)}</span>'
    )
    return message_box(body, "ok" if correct else "warning", escape=False)


class QuestionView(widgets.VBox):
    """One question: prompt, radio options, a check button and the feedback."""

    def __init__(self, question: QuizQuestion, number: int) -> None:
        super().__init__()
        self.question = question
        self.add_class("bmc-question")
        self.prompt = widgets.HTML(f'<p class="bmc-label">{number}. {esc(question.prompt)}</p>')
        self.options = widgets.RadioButtons(
            options=[(o.text, o.id) for o in question.options],
            value=None,
            description="Answer",
            layout=widgets.Layout(width="100%"),
        )
        self.options.add_class("bmc-question-options")
        self.check = widgets.Button(
            description="Check answer", tooltip=f"Check your answer to question {number}"
        )
        self.check.add_class("bmc-question-check")
        self.feedback = widgets.HTML()
        self.feedback.add_class("bmc-question-feedback")
        self.children = [self.prompt, self.options, self.check, self.feedback]


class KnowledgeCheck(StateView):
    """All questions of a lesson's quiz, with the score for this lesson."""

    REDRAW_ON = frozenset({"quiz", "all"})

    def __init__(
        self, course_state: CourseState, lesson_id: str, *, with_style: bool = True
    ) -> None:
        super().__init__(course_state, css_class="bmc-knowledge-check", with_style=with_style)
        self.lesson_id = lesson_id
        self._syncing = False
        quiz = course_state.catalog.quizzes.get(lesson_id)
        self.questions = [
            QuestionView(q, i) for i, q in enumerate(quiz.questions if quiz else (), 1)
        ]
        for view in self.questions:
            view.check.on_click(self._on_check)
            view.options.observe(self._on_option_chosen, names="value")
        self.score = widgets.HTML()
        self.score.add_class("bmc-quiz-score")
        self.status = StatusLine()
        intro = (
            heading("Knowledge check", 4, sub="Choose an answer, then press “Check answer”.")
            if quiz
            else message_box("This step has no knowledge check.", "info")
        )
        self._set_body(widgets.HTML(intro), *self.questions, self.status, self.score)
        self.refresh()

    def refresh(self, change: Change | None = None) -> None:
        """Restore saved answers with their feedback, and the score."""
        self.redraw_count += 1
        answers = self.course_state.quiz
        self._syncing = True
        try:
            for view in self.questions:
                saved = answers.get(view.question.id)
                if saved in {o.id for o in view.question.options}:
                    view.options.value = saved
                    view.feedback.value = feedback_html(view.question, saved)
        finally:
            self._syncing = False
        if not self.questions:
            return
        correct, answered, total = self.score_tuple
        self.score.value = (
            f'<p class="bmc-summary-line" aria-live="polite">Score for this step: {correct} of '
            f"{total} correct ({answered} answered).</p>"
        )

    @property
    def score_tuple(self) -> tuple[int, int, int]:
        """(correct, answered, questions) for this lesson."""
        answers = self.course_state.quiz
        correct = sum(
            answers.get(v.question.id) == v.question.correct_option.id for v in self.questions
        )
        return correct, sum(v.question.id in answers for v in self.questions), len(self.questions)

    def _view_of(self, widget: Any) -> QuestionView:
        return next(v for v in self.questions if widget in (v.check, v.options))

    def _on_check(self, button: widgets.Button) -> None:
        view = self._view_of(button)
        if view.options.value is None:
            view.feedback.value = message_box("Choose an answer first.", "info")
            return
        with self.status.reporting():
            self.course_state.answer(view.question.id, view.options.value)
            # The state did not change when the same answer is checked twice: show it anyway.
            view.feedback.value = feedback_html(view.question, view.options.value)

    def _on_option_chosen(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        view = self._view_of(change["owner"])
        saved = self.course_state.quiz.get(view.question.id)
        if change["new"] != saved:
            view.feedback.value = message_box(
                "Press “Check answer” to see if this is right.", "info"
            )
        elif saved is not None:
            view.feedback.value = feedback_html(view.question, saved)
