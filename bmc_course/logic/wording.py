"""How the checks put numbers and names into plain English, the same way everywhere."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime


def money(amount: float) -> str:
    """An amount as people write it: ``9,000`` or ``0.25`` (cents only for small amounts)."""
    if amount == float("inf"):
        return "more than any amount"
    if 0 < abs(amount) < 0.005:
        return "under 0.01"
    cents = round(amount, 2)
    if abs(cents) >= 100 or float(cents).is_integer():
        return f"{amount:,.0f}"
    return f"{cents:,.2f}"


def percent(ratio: float) -> str:
    """A ratio as a whole percentage, ``0.184`` → ``18%`` (never ``0%`` for a real cost)."""
    if ratio == float("inf"):
        return "more than all"
    if 0 < ratio < 0.01:
        return "under 1%"
    return f"{ratio:.0%}"


def share_of_customers(share: float) -> str:
    """A mix share in words: ``1.0`` → ``all``, ``0.2`` → ``20%``."""
    if share >= 1:
        return "all"
    if share < 0.001:
        return "under 0.1%"
    shown = f"{share:.1%}" if share < 0.01 or share > 0.99 else f"{share:.0%}"
    return shown.replace(".0%", "%")


def listing(names: Sequence[str], *, last: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {last} {names[-1]}"


def count(number: float, singular: str, plural: str | None = None) -> str:
    """``1 customer``, ``1,500 customers``."""
    shown = f"{number:,.0f}"
    word = singular if shown == "1" else (plural or singular + "s")
    return f"{shown} {word}"


def years(number: float) -> str:
    """``1 year``, ``3 years``, ``2.5 years``."""
    shown = f"{number:,.1f}".removesuffix(".0")
    return f"{shown} year" if shown == "1" else f"{shown} years"


# What each finding is about, in a few words: the title the findings panel, the exports,
# the class report and ``bmc-course review`` all show instead of the finding's code.
FINDING_TITLES: dict[str, str] = {
    "revenue_cost_imbalance": "Cost vs gross profit",
    "expectation_mismatch": "Expectations",
    "over_serving": "Over-serving",
    "lifecycle_gap": "Lifecycle",
    "no_human_fallback": "Human fallback",
    "unvalidated_investment": "Unvalidated investment",
    "channel_not_relationship": "Channel, not relationship",
    "acquisition_cost_not_recovered": "Acquisition cost vs lifetime value",
}

# How a severity reads to a learner ("info" findings are notes, not errors).
SEVERITY_WORDS: dict[str, str] = {"problem": "Problem", "warning": "Warning", "info": "Note"}

# How each way of testing an assumption is written out (``mvp`` is jargon to a beginner).
TEST_METHOD_NAMES: dict[str, str] = {
    "interview": "interview",
    "survey": "survey",
    "experiment": "experiment",
    "mvp": "minimum viable product",
}


def finding_title(code: str) -> str:
    """A finding's title (``no_human_fallback`` → ``Human fallback``); an unknown code as words."""
    return FINDING_TITLES.get(code) or code.replace("_", " ").capitalize()


def severity_word(severity: str) -> str:
    """``problem`` → ``Problem``, ``info`` → ``Note``."""
    return SEVERITY_WORDS.get(severity) or severity.capitalize()


def method_name(method: str) -> str:
    """``mvp`` → ``minimum viable product``; the other methods are words already."""
    return TEST_METHOD_NAMES.get(method) or method.replace("_", " ")


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: ``Small businesses`` → ``small businesses``.

    Only an ordinary capitalised first word loses its capital; acronyms and
    words with capitals inside (``B2B buyers``, ``iPhone users``, ``NGOs``)
    and names written in title case (``New York Retailers``, likely a proper
    name) stay as written.
    """
    words = name.split(" ")
    first = words[0]
    if len(first) < 2 or not first[0].isupper() or not first[1:].islower():
        return name
    if any(w[:1].isupper() and w[1:].islower() for w in words[1:] if len(w) > 1):
        return name
    return first[0].lower() + name[1:]


def utc_minute(moment: datetime) -> str:
    """``2026-12-02 10:15 UTC``: a moment to the minute, in UTC, as every file we write says it."""
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def exported_stamp(moment: datetime) -> str:
    """``Exported 2026-12-02 10:15 UTC``: when an export was made."""
    return f"Exported {utc_minute(moment)}"
