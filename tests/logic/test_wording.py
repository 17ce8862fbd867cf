"""Numbers and names in plain English: the same wording in every check, line and chart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import get_args

import pytest

from bmc_course.logic.checks import FINDING_CODES
from bmc_course.logic.wording import (
    count,
    exported_stamp,
    finding_title,
    in_sentence,
    listing,
    method_name,
    money,
    percent,
    severity_word,
    share_of_customers,
    utc_minute,
    years,
)
from bmc_course.model.content_models import TestMethod

INF = float("inf")


@pytest.mark.parametrize(
    ("amount", "written"),
    [
        (9000, "9,000"),
        (1_000_000, "1,000,000"),
        (30, "30"),  # a whole number: no cents
        (30.0, "30"),
        (0, "0"),
        (0.25, "0.25"),  # small amounts keep their cents
        (0.5, "0.50"),
        (30.6, "30.60"),
        (99.5, "99.50"),
        (100.4, "100"),  # from 100 up, cents are noise
        (1234.56, "1,235"),
        (156.6667, "157"),
        (INF, "more than any amount"),
    ],
)
def test_money(amount: float, written: str) -> None:
    assert money(amount) == written


@pytest.mark.parametrize(
    ("ratio", "written"),
    [
        (0.184, "18%"),
        (0.3, "30%"),
        (1.0, "100%"),
        (1.5, "150%"),  # costs can exceed gross profit
        (0.0, "0%"),  # no cost at all
        (0.004, "under 1%"),  # a real cost never reads as 0%
        (0.0001, "under 1%"),
        (0.0049, "under 1%"),
        (0.0051, "under 1%"),  # 0.51%: still under one in a hundred
        (0.01, "1%"),
        (0.012, "1%"),
        (INF, "more than all"),  # a cost and no gross profit
    ],
)
def test_percent(ratio: float, written: str) -> None:
    assert percent(ratio) == written


@pytest.mark.parametrize(
    ("share", "written"),
    [
        (1.0, "all"),
        (1, "all"),
        (0.5, "50%"),
        (0.2, "20%"),
        (0.1, "10%"),
        (0.05, "5%"),
        (0.01, "1%"),
        (0.005, "0.5%"),  # under one in a hundred: a decimal, never "0%" or "1%"
        (0.001, "0.1%"),
        (0.0099, "1%"),  # 0.99% to one decimal is "1.0%", written without the ".0"
    ],
)
def test_share_of_customers(share: float, written: str) -> None:
    assert share_of_customers(share) == written


@pytest.mark.parametrize(
    ("names", "written"),
    [
        ([], ""),
        (["self-service"], "self-service"),
        (["self-service", "communities"], "self-service and communities"),
        (["a", "b", "c"], "a, b and c"),
        (["a", "b", "c", "d"], "a, b, c and d"),
    ],
)
def test_listing(names: list[str], written: str) -> None:
    assert listing(names) == written


def test_listing_with_another_last_word() -> None:
    assert listing(["communities", "co-creation"], last="or") == "communities or co-creation"
    assert listing(["a", "b", "c"], last="or") == "a, b or c"
    assert listing(["a"], last="or") == "a"


@pytest.mark.parametrize(
    ("number", "written"),
    [
        (1, "1 customer"),
        (1.0, "1 customer"),
        (0, "0 customers"),  # zero takes the plural in English
        (2, "2 customers"),
        (1500, "1,500 customers"),
        (2_000_000, "2,000,000 customers"),
    ],
)
def test_count(number: float, written: str) -> None:
    assert count(number, "customer") == written


def test_count_with_an_irregular_plural() -> None:
    assert count(1, "person", "people") == "1 person"
    assert count(40, "person", "people") == "40 people"


@pytest.mark.parametrize(
    ("number", "written"),
    [
        (1, "1 year"),
        (1.0, "1 year"),
        (3, "3 years"),
        (10, "10 years"),
        (2.5, "2.5 years"),
        (0.5, "0.5 years"),
        (1.5, "1.5 years"),
    ],
)
def test_years(number: float, written: str) -> None:
    assert years(number) == written


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("revenue_cost_imbalance", "Cost vs gross profit"),
        ("no_human_fallback", "Human fallback"),
        ("acquisition_cost_not_recovered", "Acquisition cost vs lifetime value"),
        ("channel_not_relationship", "Channel, not relationship"),
        ("a_code_from_a_newer_course", "A code from a newer course"),  # never the raw code
    ],
)
def test_finding_titles(code: str, title: str) -> None:
    assert finding_title(code) == title


def test_every_finding_code_has_a_title_without_underscores() -> None:
    titles = [finding_title(code) for code in FINDING_CODES]
    assert len(set(titles)) == len(FINDING_CODES) == 8  # one distinct title per code
    assert not [t for t in titles if "_" in t or t[0].islower()]


def test_severities_and_methods_in_words() -> None:
    assert [severity_word(s) for s in ("problem", "warning", "info")] == [
        "Problem",
        "Warning",
        "Note",
    ]
    methods = get_args(TestMethod)
    assert [method_name(m) for m in methods] == [
        "interview",
        "survey",
        "experiment",
        "minimum viable product",
    ]


@pytest.mark.parametrize(
    ("name", "inside"),
    [
        ("Small businesses", "small businesses"),  # "lead small businesses to buy more"
        ("Young professionals", "young professionals"),
        ("Businesses (B2B)", "businesses (B2B)"),  # the acronym keeps its capitals
        ("Teams, schools and stores", "teams, schools and stores"),
        ("B2B buyers", "B2B buyers"),  # an acronym first stays as written
        ("NGOs", "NGOs"),
        ("iPhone users", "iPhone users"),
        ("New York Retailers", "New York Retailers"),  # title case: likely a proper name
        ("fans", "fans"),
        ("A", "A"),
        ("", ""),
    ],
)
def test_names_inside_a_sentence(name: str, inside: str) -> None:
    assert in_sentence(name) == inside


def test_exported_stamp_is_utc_to_the_minute() -> None:
    assert exported_stamp(datetime(2026, 12, 2, 10, 15, 59, tzinfo=UTC)) == (
        "Exported 2026-12-02 10:15 UTC"
    )
    assert utc_minute(datetime(2026, 1, 5, 9, 3, tzinfo=UTC)) == "2026-01-05 09:03 UTC"
    # a local time is converted: 11:15 at UTC+1 is 10:15 UTC
    plus_one = timezone(timedelta(hours=1))
    assert exported_stamp(datetime(2026, 12, 2, 11, 15, tzinfo=plus_one)) == (
        "Exported 2026-12-02 10:15 UTC"
    )
