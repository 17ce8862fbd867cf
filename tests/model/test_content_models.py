"""Content models: strict, versioned, ordered where order matters; the cost model's arithmetic."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from bmc_course.model.content_models import (
    Attributes,
    CostModel,
    ImbalanceRule,
    Lesson,
    QuizQuestion,
    RevenueBand,
    Source,
    Variant,
    VersionedFile,
)


def errors(model: type[BaseModel], data: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return [(tuple(e["loc"]), e["type"]) for e in caught.value.errors()]


TIERS = [
    {"up_to_customers": 100, "cost": 1_000.0, "example": "small"},
    {"up_to_customers": 10_000, "cost": 30_000.0, "example": "medium"},
    {"cost": 120_000.0, "example": "large"},
]
COST = CostModel.model_validate(
    {"setup": TIERS, "setup_years": 3, "cost_per_customer": 2.0, "note": "n", "source": "s"}
)


@pytest.mark.parametrize(
    ("served", "tier_cost"),
    [(0, 1_000), (100, 1_000), (101, 30_000), (10_000, 30_000), (10_001, 120_000), (1e9, 120_000)],
)
def test_the_set_up_is_sized_to_the_customers_served(served: float, tier_cost: float) -> None:
    assert COST.setup_tier(served).cost == tier_cost


@pytest.mark.parametrize(
    ("customers", "per_customer"),
    # 100: 1,000/3/100 + 2 = 5.33; 1,000: 30,000/3/1,000 + 2 = 12; 0 and -5 count as one customer
    [(100, 1000 / 3 / 100 + 2), (1_000, 12.0), (0, 1000 / 3 + 2), (-5, 1000 / 3 + 2)],
)
def test_yearly_set_up_is_spread_over_the_customers(customers: int, per_customer: float) -> None:
    assert COST.cost_per_customer_at(customers) == pytest.approx(per_customer)


def test_total_cost_is_a_years_set_up_plus_each_customer() -> None:
    assert COST.total_cost(0) == pytest.approx(1000 / 3)
    assert COST.total_cost(1_000) == pytest.approx(10_000 + 2_000)
    assert COST.total_cost(-10) == pytest.approx(1000 / 3)  # no negative customers


def test_set_up_tiers_must_ascend_and_end_open() -> None:
    base = {"setup_years": 3, "cost_per_customer": 2.0, "note": "n", "source": "s"}
    unordered = [TIERS[1], TIERS[0], TIERS[2]]
    closed = TIERS[:2]
    assert errors(CostModel, base | {"setup": unordered}) == [((), "value_error")]
    assert errors(CostModel, base | {"setup": closed}) == [((), "value_error")]


def test_unknown_keys_are_errors_not_ignored() -> None:
    data = {
        "setup": TIERS,
        "setup_years": 3,
        "cost_per_customer": 1.0,
        "note": "n",
        "source": "s",
        "prons": ["typo"],
    }
    assert errors(CostModel, data) == [(("prons",), "extra_forbidden")]


def test_values_are_not_coerced() -> None:
    data = {
        "personalisation": "3",
        "cost_to_serve": 2.0,
        "scalability": True,
        "two_way": 6,
        "long_term": 0,
        "human_contact": 3,
        "automation": 3,
    }
    assert errors(Attributes, data) == [
        (("personalisation",), "int_type"),
        (("cost_to_serve",), "int_type"),
        (("scalability",), "int_type"),
        (("two_way",), "less_than_equal"),
        (("long_term",), "greater_than_equal"),
    ]


def test_only_schema_version_1_is_read() -> None:
    assert VersionedFile(schema_version=1).schema_version == 1
    assert errors(VersionedFile, {"schema_version": 2}) == [(("schema_version",), "literal_error")]
    assert errors(VersionedFile, {}) == [(("schema_version",), "missing")]


def test_revenue_band_must_be_ordered() -> None:
    assert RevenueBand(low=20, typical=100, high=500).typical == 100
    assert RevenueBand(low=5, typical=5, high=5).high == 5
    assert errors(RevenueBand, {"low": 100.0, "typical": 20.0, "high": 500.0}) == [
        ((), "value_error")
    ]


def test_imbalance_warning_comes_before_problem() -> None:
    rule = ImbalanceRule(warning_ratio=0.25, problem_ratio=0.5, rationale="why")
    assert (rule.warning_ratio, rule.problem_ratio) == (0.25, 0.5)
    assert errors(
        ImbalanceRule, {"warning_ratio": 0.6, "problem_ratio": 0.5, "rationale": "r"}
    ) == [((), "value_error")]
    assert errors(
        ImbalanceRule, {"warning_ratio": 0.0, "problem_ratio": 0.5, "rationale": "r"}
    ) == [(("warning_ratio",), "greater_than")]


def question(*correct: bool, ids: tuple[str, ...] = ("a", "b", "c")) -> dict[str, Any]:
    return {
        "id": "q",
        "prompt": "Which?",
        "explanation": "Because.",
        "options": [
            {"id": option_id, "text": option_id, "correct": flag, "feedback": "f"}
            for option_id, flag in zip(ids, correct, strict=False)
        ],
    }


def test_a_question_has_exactly_one_correct_option() -> None:
    parsed = QuizQuestion.model_validate(question(False, True, False))
    assert parsed.correct_option.id == "b"
    for flags in [(False, False, False), (True, True, False)]:
        with pytest.raises(ValidationError, match="expected exactly one option with correct"):
            QuizQuestion.model_validate(question(*flags))


def test_option_ids_are_unique() -> None:
    with pytest.raises(ValidationError, match=r"expected unique option ids, found \['a', 'a'\]"):
        QuizQuestion.model_validate(question(True, False, ids=("a", "a")))


@pytest.mark.parametrize("slug", ["self_service", "co-creation", "case1", "9lives"])
def test_slugs_that_are_accepted(slug: str) -> None:
    assert Variant(id=slug, name="n", explanation="e", closest_types=["self_service"]).id == slug


@pytest.mark.parametrize(
    ("slug", "error"),
    [
        ("Self_service", "string_pattern_mismatch"),
        ("-leading", "string_pattern_mismatch"),
        ("with space", "string_pattern_mismatch"),
        ("", "string_pattern_mismatch"),
        ("x" * 65, "string_too_long"),
    ],
)
def test_slugs_that_are_refused(slug: str, error: str) -> None:
    data = {"id": slug, "name": "n", "explanation": "e", "closest_types": ["self_service"]}
    assert errors(Variant, data) == [(("id",), error)]


def test_text_is_stripped_and_must_not_be_blank() -> None:
    variant = Variant(id="retail", name="  Retail  ", explanation="e", closest_types=["x"])
    assert variant.name == "Retail"
    assert errors(
        Variant, {"id": "v", "name": "   ", "explanation": "e", "closest_types": ["x"]}
    ) == [(("name",), "string_too_short")]


def test_lesson_files_follow_the_naming_pattern() -> None:
    good = {
        "id": "welcome",
        "title": "Welcome",
        "notebook": "00_welcome.ipynb",
        "summary": "s",
        "key_ideas": "lessons/welcome.md",
    }
    assert Lesson.model_validate(good).notebook == "00_welcome.ipynb"
    assert errors(Lesson, {**good, "notebook": "welcome.ipynb", "key_ideas": "welcome.md"}) == [
        (("notebook",), "string_pattern_mismatch"),
        (("key_ideas",), "string_pattern_mismatch"),
    ]


# --- sources ---------------------------------------------------------------------------------


def test_a_citation_names_only_what_the_source_states() -> None:
    book = Source.model_validate(
        {
            "id": "book",
            "kind": "book",
            "title": "A Book",
            "author": "A. Writer",
            "year": 2010,
            "subject": "s",
            "used_for": "u",
        }
    )
    canvas = Source.model_validate(
        {
            "id": "canvas",
            "kind": "canvas",
            "title": "A Canvas",
            "author": "A Firm",
            "licence": "CC BY-SA 3.0",
            "subject": "s",
            "used_for": "u",
        }
    )
    article = Source.model_validate(
        {"id": "article", "kind": "article", "title": "An Article", "subject": "s", "used_for": "u"}
    )
    assert book.citation == "A. Writer, A Book (2010)"
    assert canvas.citation == "A Firm, A Canvas, CC BY-SA 3.0"
    assert article.citation == "An Article"


def test_a_source_needs_a_known_kind_a_web_address_and_a_subject() -> None:
    base = {"id": "s", "kind": "article", "title": "T", "subject": "s", "used_for": "u"}
    assert errors(Source, {**base, "kind": "podcast"}) == [(("kind",), "literal_error")]
    assert errors(Source, {**base, "url": "strategyzer dot com"}) == [
        (("url",), "string_pattern_mismatch")
    ]
    assert errors(Source, {**base, "year": "2010"}) == [(("year",), "int_type")]
    assert errors(Source, {k: v for k, v in base.items() if k != "subject"}) == [
        (("subject",), "missing")
    ]
