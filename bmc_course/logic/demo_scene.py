"""The facilitator demo's scene and the page address that names it (pure, no widgets).

A facilitator bookmarks scenes such as ``…/dashboard.ipynb?case=cleat-maker&step=5&theme=dark``.
Voilà hands the address's query string to the kernel as ``QUERY_STRING``.
Anything unknown in it is reported in one line and replaced by the default;
the demo always starts. The other way round, :func:`query_from_scene` writes
the scene on screen back as the address's query (the page's script puts it in
the address bar), and :func:`step_to_scroll_to` says which step the page brings
into view after the facilitator reveals or hides steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

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


def query_from_scene(scene: DemoScene, catalog: Catalog) -> str:
    """The canonical query naming ``scene`` (defaults left out): ``case=…&step=…&theme=dark``.

    Built only from checked values, never from what the address said: an unknown
    case, a step out of range or an unknown theme is a programming error here.
    """
    if scene.case_id is not None and scene.case_id not in catalog.cases:
        raise ValueError(f"unknown case {scene.case_id!r}")
    if not 1 <= scene.step <= len(DEMO_STEPS):
        raise ValueError(f"step {scene.step} is not 1-{len(DEMO_STEPS)}")
    if scene.theme not in THEMES:
        raise ValueError(f"unknown theme {scene.theme!r}")
    params: list[tuple[str, str]] = []
    if scene.case_id is not None:
        params.append(("case", scene.case_id))
    if scene.step != 1:
        params.append(("step", str(scene.step)))
    if scene.theme != THEMES[0]:
        params.append(("theme", scene.theme))
    return urlencode(params)


def step_to_scroll_to(before: int, after: int) -> int | None:
    """The step to bring into view when the revealed steps go from ``before`` to ``after``.

    Revealing (Next step, Show all): the first step just revealed, so the room reads on
    from there. Hiding (Back): the step now last shown. No change: none.
    """
    if after > before:
        return before + 1
    if after < before:
        return after
    return None
