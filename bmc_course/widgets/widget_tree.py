"""Find widgets inside a view by their ``bmc-…`` CSS class (tests, dashboards, scripts)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def iter_widgets(root: Any) -> Iterator[Any]:
    """``root`` and every widget below it, depth first."""
    yield root
    for child in getattr(root, "children", ()) or ():
        yield from iter_widgets(child)


def find_widgets(root: Any, css_class: str) -> list[Any]:
    """Every widget under ``root`` that carries ``css_class``."""
    return [w for w in iter_widgets(root) if css_class in getattr(w, "_dom_classes", ())]


def find_widget(root: Any, css_class: str) -> Any:
    """The one widget under ``root`` with ``css_class`` (an error when there are none or several)."""
    found = find_widgets(root, css_class)
    if len(found) != 1:
        raise LookupError(f"expected one widget with class {css_class!r}, found {len(found)}")
    return found[0]
