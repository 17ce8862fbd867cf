"""Knowledge checks: answers recorded with feedback per option, and restored next session."""

from __future__ import annotations

from pathlib import Path

from bmc_course.state.session import CourseSession, open_session
from bmc_course.widgets.knowledge_check import KnowledgeCheck


def lesson_with_quiz(session: CourseSession) -> str:
    return next(iter(session.catalog.quizzes))


def test_check_answer_records_and_gives_option_feedback(session: CourseSession) -> None:
    lesson = lesson_with_quiz(session)
    check = KnowledgeCheck(session.state, lesson)
    view = check.questions[0]
    wrong = next(o for o in view.question.options if not o.correct)
    view.options.value = wrong.id
    assert session.state.quiz == {}  # choosing is not answering
    assert "Check answer" in view.feedback.value
    view.check.click()
    assert session.state.quiz == {view.question.id: wrong.id}
    assert "Not quite" in view.feedback.value
    assert wrong.feedback.split()[0] in view.feedback.value
    right = view.question.correct_option
    view.options.value = right.id
    view.check.click()
    assert "Correct" in view.feedback.value
    assert check.score_tuple[0] == 1
    assert "1 of" in check.score.value


def test_check_without_a_choice_asks_for_one(session: CourseSession) -> None:
    check = KnowledgeCheck(session.state, lesson_with_quiz(session))
    check.questions[0].check.click()
    assert session.state.quiz == {}
    assert "Choose an answer" in check.questions[0].feedback.value


def test_answers_are_restored_in_a_new_session(session: CourseSession, tmp_path: Path) -> None:
    lesson = lesson_with_quiz(session)
    check = KnowledgeCheck(session.state, lesson)
    view = check.questions[0]
    view.options.value = view.question.correct_option.id
    view.check.click()
    again = open_session(tmp_path / "p.json")
    restored = KnowledgeCheck(again.state, lesson)
    assert restored.questions[0].options.value == view.question.correct_option.id
    assert "Correct" in restored.questions[0].feedback.value


def test_lesson_without_quiz_says_so(session: CourseSession) -> None:
    check = KnowledgeCheck(session.state, "a-lesson-without-a-quiz")
    assert check.questions == []
    assert "no knowledge check" in check.children[2].value  # after the stylesheet and save banner
