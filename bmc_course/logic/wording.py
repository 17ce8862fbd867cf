"""How the checks put numbers and names into plain English, the same way everywhere."""

from __future__ import annotations

from collections.abc import Sequence


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
