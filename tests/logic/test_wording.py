"""Numbers and names in plain English: the same wording in every check, line and chart."""

from __future__ import annotations

import pytest

from bmc_course.logic.wording import count, listing, money, percent, share_of_customers, years

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
