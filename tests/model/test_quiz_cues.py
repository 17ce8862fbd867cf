"""The shipped knowledge checks cannot be passed by guessing from an option's length, place or tone.

Issue 12 asks for quizzes where "a guess by length, position or tone does no
better than chance": the share of questions whose right answer is the longest
option stays at or under chance (the mean of 1 / number of options) plus 10
points, the same for the shortest, right answers are spread over every place,
and no question is about the software. The measures are checked first on
small hand-made quizzes, then on the content as the catalog loads it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import pytest

from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import QuizOption, QuizQuestion

# Issue 12: "stays at or under 1/number-of-options + 10 points".
MARGIN_OVER_CHANCE = 0.10
# "Correct positions are spread": no place holds more than 40% of the right answers.
MOST_RIGHT_ANSWERS_IN_ONE_PLACE = 0.40
# Words that mark a question about the software rather than about business reasoning.
SOFTWARE_WORDS = re.compile(
    r"\b(run all|run ▸|exports?|exported|exporting|save[sd]?|saving|notebooks?|"
    r"click(s|ed|ing)?|buttons?|cells?|widgets?|sliders?|progress file)\b",
    re.IGNORECASE,
)
# Prompts about what the course itself reports, instead of about a business.
COURSE_SELF_REFERENCE = re.compile(
    r"\b(the course('s)?|the checks?|findings? panel|the findings)\b", re.IGNORECASE
)
# Absolute words a test-wise learner learns to avoid, if only wrong options carry them.
ABSOLUTE_WORDS = re.compile(
    r"\b(always|never|only|all|every|nothing|none|any|must|alone)\b", re.IGNORECASE
)


# --- the measures ------------------------------------------------------------------------


def chance(questions: Sequence[QuizQuestion]) -> float:
    """What a blind guess scores on average: the mean of 1 / number of options."""
    return sum(1 / len(q.options) for q in questions) / len(questions)


def _lengths(question: QuizQuestion) -> tuple[int, list[int]]:
    right = len(question.correct_option.text)
    others = [len(o.text) for o in question.options if not o.correct]
    return right, others


def share_right_is_longest(questions: Sequence[QuizQuestion]) -> float:
    """Share of questions whose right option is strictly longer than every other."""
    hits = 0
    for question in questions:
        right, others = _lengths(question)
        hits += right > max(others)
    return hits / len(questions)


def share_right_is_shortest(questions: Sequence[QuizQuestion]) -> float:
    """Share of questions whose right option is strictly shorter than every other."""
    hits = 0
    for question in questions:
        right, others = _lengths(question)
        hits += right < min(others)
    return hits / len(questions)


def right_places(questions: Sequence[QuizQuestion]) -> Counter[int]:
    """How many right answers sit in each place (0 = shown first)."""
    return Counter(
        next(i for i, option in enumerate(q.options) if option.correct) for q in questions
    )


def score_avoiding_absolute_words(questions: Sequence[QuizQuestion]) -> float:
    """Expected score of a guesser who picks at random among options free of absolute words."""
    total = 0.0
    for question in questions:
        kept = [o for o in question.options if not ABSOLUTE_WORDS.search(o.text)]
        pool = kept or list(question.options)
        total += sum(o.correct for o in pool) / len(pool)
    return total / len(questions)


# --- the measures on hand-made quizzes ------------------------------------------------------


def _question(qid: str, texts: Sequence[str], right: int) -> QuizQuestion:
    return QuizQuestion(
        id=qid,
        prompt="A bakery wonders how to serve its regulars. What fits?",
        explanation="Why the right option is right.",
        options=[
            QuizOption(id=f"o{i}", text=text, correct=i == right, feedback="Because.")
            for i, text in enumerate(texts)
        ],
    )


def test_the_measures_on_a_quiz_that_cues_the_answer() -> None:
    # the right answer is the longest option and comes second every time
    cueing = [
        _question("q1", ["always short", "the longest option here", "mid-size"], 1),
        _question("q2", ["never", "a much longer right answer", "maybe", "perhaps"], 1),
    ]
    assert chance(cueing) == pytest.approx((1 / 3 + 1 / 4) / 2)
    assert share_right_is_longest(cueing) == 1.0
    assert share_right_is_shortest(cueing) == 0.0
    assert right_places(cueing) == Counter({1: 2})
    # "always" and "never" sit in wrong options only: avoiding them gains
    assert score_avoiding_absolute_words(cueing) == pytest.approx((1 / 2 + 1 / 3) / 2)


def test_the_measures_on_a_quiz_without_cues() -> None:
    fair = [
        _question("q1", ["aaaa", "bbbb", "cccc"], 0),  # equal lengths: neither longest nor shortest
        _question("q2", ["aaa", "bbbbbb", "c"], 2),  # shortest
        _question("q3", ["aaa", "bb", "cccccc", "dddd"], 2),  # longest
        _question("q4", ["a", "bb", "ccc", "dddd"], 1),
    ]
    assert share_right_is_longest(fair) == 0.25
    assert share_right_is_shortest(fair) == 0.25
    assert right_places(fair) == Counter({0: 1, 2: 2, 1: 1})
    assert score_avoiding_absolute_words(fair) == pytest.approx(chance(fair))


def test_the_word_lists_catch_what_they_are_for() -> None:
    assert SOFTWARE_WORDS.search("Which export should you hand in?")
    assert SOFTWARE_WORDS.search("Choose Run All Cells, then use the controls")
    assert SOFTWARE_WORDS.search("You close the notebook halfway through")
    assert not SOFTWARE_WORDS.search("A café owner fills in her canvas")
    assert COURSE_SELF_REFERENCE.search("What will the checks most likely say?")
    assert not COURSE_SELF_REFERENCE.search("What should the adviser tell them?")


# --- the shipped quizzes -------------------------------------------------------------------


@pytest.fixture
def questions(catalog: Catalog) -> list[QuizQuestion]:
    return [q for quiz in catalog.quizzes.values() for q in quiz.questions]


def test_every_question_offers_three_or_four_options(questions: list[QuizQuestion]) -> None:
    # two options make a guess right half the time; more than four only adds filler
    assert {q.id: len(q.options) for q in questions if len(q.options) not in {3, 4}} == {}


def test_the_longest_option_is_no_better_a_guess_than_chance(
    questions: list[QuizQuestion],
) -> None:
    assert share_right_is_longest(questions) <= chance(questions) + MARGIN_OVER_CHANCE


def test_the_shortest_option_is_no_better_a_guess_than_chance(
    questions: list[QuizQuestion],
) -> None:
    assert share_right_is_shortest(questions) <= chance(questions) + MARGIN_OVER_CHANCE


def test_right_answers_are_spread_over_every_place(questions: list[QuizQuestion]) -> None:
    places = right_places(questions)
    widest = max(len(q.options) for q in questions)
    assert sorted(places) == list(range(widest)), places  # every place holds some right answer
    assert max(places.values()) / len(questions) <= MOST_RIGHT_ANSWERS_IN_ONE_PLACE, places


def test_avoiding_absolute_words_is_no_better_a_guess_than_chance(
    questions: list[QuizQuestion],
) -> None:
    assert score_avoiding_absolute_words(questions) <= chance(questions) + MARGIN_OVER_CHANCE


def test_no_question_is_about_the_software(questions: list[QuizQuestion]) -> None:
    texts = [(q.id, q.prompt) for q in questions] + [
        (q.id, o.text) for q in questions for o in q.options
    ]
    assert [(qid, text) for qid, text in texts if SOFTWARE_WORDS.search(text)] == []


def test_no_question_asks_what_the_course_says(questions: list[QuizQuestion]) -> None:
    assert [q.id for q in questions if COURSE_SELF_REFERENCE.search(q.prompt)] == []
