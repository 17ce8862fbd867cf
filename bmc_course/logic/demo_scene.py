"""What the facilitator demo shows first, read from the page address (pure, no widgets).

A facilitator bookmarks scenes such as ``…/dashboard.ipynb?case=cleat-maker&step=5&theme=dark``.
Voilà hands the address's query string to the kernel as ``QUERY_STRING``.
Anything unknown in it is reported in one line and replaced by the default;
the demo always starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs

from bmc_course.model.catalog import Catalog

# The demo's steps, in the order a room walks through them: (id, title).
DEMO_STEPS: tuple[tuple[str, str], ...] = (
    ("business", "The business"),
    ("segments", "Customer segments"),
    ("relationships", "Relationships per segment"),
    ("findings", "What the checks say"),
    ("trade_offs", "Trade-offs: cost, personalisation, scale"),
)
THEMES = ("light", "dark")
BLANK = ""  # the scene id of "start blank"


@dataclass(frozen=True)
class DemoScene:
    """Which case (``None`` = blank), how many steps are revealed, and the theme."""

    case_id: str | None = None
    step: int = 1
    theme: str = "light"
    problems: tuple[str, ...] = ()


def scene_from_query(query: str | None, catalog: Catalog) -> DemoScene:
    """The scene asked for by ``case``, ``step`` and ``theme`` in a query string."""
    values = parse_qs(query or "", keep_blank_values=True)
    problems: list[str] = []

    def last(name: str) -> str | None:
        found = values.get(name)
        return found[-1].strip() if found else None

    case_id = last("case") or None
    if case_id is not None and case_id not in catalog.cases:
        problems.append(
            f"unknown case {case_id!r} in the address (case=…); starting blank. "
            f"Cases: {', '.join(catalog.cases)}"
        )
        case_id = None
    step = 1
    raw_step = last("step")
    if raw_step is not None:
        if raw_step.isdigit() and 1 <= int(raw_step) <= len(DEMO_STEPS):
            step = int(raw_step)
        else:
            problems.append(
                f"step={raw_step!r} in the address is not a step number 1-{len(DEMO_STEPS)}; "
                "starting at step 1"
            )
    theme = (last("theme") or "light").lower()
    if theme not in THEMES:
        problems.append(f"theme={theme!r} in the address is not light or dark; using light")
        theme = "light"
    return DemoScene(case_id, step, theme, tuple(problems))
