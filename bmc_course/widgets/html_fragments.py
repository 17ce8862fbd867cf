"""Small pieces of HTML the views share: escaping, numbers, badges, bars and lists.

Everything that can hold learner text goes through :func:`esc`; content text
(written by course authors) is escaped too, so a stray ``<`` never breaks a page.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from bmc_course.logic import wording
from bmc_course.model.content_models import Archetype, Severity

SEVERITY_LABEL: dict[str, str] = {"problem": "Problem", "warning": "Warning", "info": "Note"}
# A shape per severity as well as a colour, so the badge reads without colour vision.
SEVERITY_ICON: dict[str, str] = {"problem": "▲", "warning": "●", "info": "i"}


def esc(text: object) -> str:
    """Escape any value for use in HTML text or a quoted attribute."""
    return html.escape(str(text), quote=True)


def money(value: float) -> str:
    """An amount, written as everywhere else in the course (:func:`bmc_course.logic.wording.money`)."""
    return wording.money(value)


def count(value: int | float) -> str:
    """A customer count with thousands separators."""
    return f"{round(value):,}"


def severity_badge(severity: Severity | str) -> str:
    """A badge with a shape, a word and a colour (colour-blind safe, black text)."""
    label = SEVERITY_LABEL.get(severity, str(severity))
    icon = SEVERITY_ICON.get(severity, "")
    return (
        f'<span class="bmc-badge bmc-badge-{esc(severity)}">'
        f'<span aria-hidden="true">{icon}</span> {esc(label)}</span>'
    )


def bullet_list(items: Iterable[str], *, css_class: str = "") -> str:
    """An escaped ``<ul>``; empty string when there are no items."""
    rows = "".join(f"<li>{esc(item)}</li>" for item in items)
    if not rows:
        return ""
    return f'<ul class="bmc-list {esc(css_class)}">{rows}</ul>'


def scale_bar(name: str, value: int, *, low: str = "", high: str = "") -> str:
    """One 1-5 teaching attribute as five blocks plus the number (the number is the real label)."""
    blocks = "".join(
        f'<span class="bmc-pip{" bmc-pip-on" if i <= value else ""}"></span>' for i in range(1, 6)
    )
    hint = f"1 = {low}; 5 = {high}" if low and high else ""
    return (
        f'<div class="bmc-scale" title="{esc(hint)}">'
        f'<span class="bmc-scale-name">{esc(name)}</span>'
        f'<span class="bmc-pips" aria-hidden="true">{blocks}</span>'
        f'<span class="bmc-scale-value">{value} of 5</span></div>'
    )


def chips(items: Iterable[str], *, css_class: str = "") -> str:
    """Short labels shown as small rounded chips."""
    return "".join(f'<span class="bmc-chip {esc(css_class)}">{esc(item)}</span>' for item in items)


def message_box(text: str, kind: str = "info", *, escape: bool = True) -> str:
    """A coloured box for a notice (``info``, ``ok``, ``warning`` or ``error``)."""
    body = esc(text) if escape else text
    role = ' role="alert"' if kind == "error" else ""
    return f'<div class="bmc-message bmc-message-{esc(kind)}"{role}>{body}</div>'


def heading(text: str, level: int = 3, *, sub: str = "") -> str:
    """A section heading with an optional one-line explanation under it."""
    extra = f'<p class="bmc-sub">{esc(sub)}</p>' if sub else ""
    return f'<h{level} class="bmc-heading">{esc(text)}</h{level}>{extra}'


def revenue_description(archetype: Archetype | None) -> str:
    """What a segment's revenue figure is: ``Yearly revenue per customer``; for citizens the
    archetype's own label (``Yearly budget per person``)."""
    label = archetype.revenue_label if archetype else "revenue per customer"
    if "year" not in label.lower():
        label = f"yearly {label}"
    return label[:1].upper() + label[1:]
