"""The learner's Customer Relationships block as a picture (the PNG export), fit to hand in.

Laid out like the block on a printed canvas: a header with the learner's name,
the business (wrapped, never cut off), when it was exported and the findings
in one line; then one sticky note per segment with its value proposition, the
relationships in its mix with the share of its customers each serves
("Self-service (all)") and the learner's reason for each, the economics in one
line (the canvas block's ``cost_line``), what the mix works on, the plan over
the market's life, the learner's notes, and each finding by its title with the
learner's answer. Notes in a row share its height; the picture grows with the
block. Very long notes and answers are shortened here (the Markdown and HTML
exports hold them in full) and the footer says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Literal

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyBboxPatch
from matplotlib.textpath import text_to_path

from bmc_course.charts import style
from bmc_course.logic.canvas_block import CanvasBlock, SegmentBlock, stages_line
from bmc_course.logic.wording import exported_stamp

WIDTH_IN = 10.0
COLUMNS = 2
NOTE_WIDTH = 0.45  # of the figure's width (two notes and a gap between 0.04 and 0.96)
NOTE_GAP = 0.02
NOTE_LINE_IN = 0.25  # height of one line of note text, in inches
HEADER_LINE_IN = 0.28
# Lines are wrapped by measured width (in points), so bold text or wide letters never spill out.
NOTE_TEXT_PT = (NOTE_WIDTH * WIDTH_IN - 0.3) * 72  # a note's width less its padding
HEADER_TEXT_PT = (0.92 * WIDTH_IN) * 72  # the page between its margins
# Drawn text is up to ~3% wider or narrower than the font metrics say, depending on the
# resolution it is rendered at (hinting): lines are filled to 95% of their width.
WIDTH_SAFETY = 0.95
LONG_TEXT = 300  # learner text longer than this is shortened in the picture
SHORTENED = (
    "Long notes and answers are shortened here; the Markdown and HTML exports hold them in full."
)
CAVEAT = "Costs and scores are the course's illustrative teaching assumptions, not market data."
_NOTE_COLOURS = ("#FFF4C2", "#DCEFFA", "#DDF2E8", "#FBE3D6", "#F3E1EE", "#E8E8E8")
_SEVERITY_COLOUR = {"problem": "#8F2D00", "warning": "#6B4700", "info": "#00466F"}
MUTED = "#444444"


Slant = Literal["normal", "italic"]
INK = "#1A1A1A"


@dataclass(frozen=True)
class _Line:
    text: str
    weight: str = "normal"
    slant: Slant = "normal"
    colour: str = INK


@cache
def _char_width(char: str, size: float, weight: str, slant: Slant) -> float:
    """The advance width of one character in points (the font's own metrics, cached)."""
    prop = FontProperties(size=size, weight=weight, style=slant)
    return float(text_to_path.get_text_width_height_descent(char, prop, ismath=False)[0])


def text_width(text: str, size: float, weight: str = "normal", slant: Slant = "normal") -> float:
    """How wide ``text`` is drawn, in points: the sum of its characters' widths.

    Summing characters ignores kerning, which only ever makes a line narrower:
    the estimate errs on the safe side.
    """
    return sum(_char_width(char, size, weight, slant) for char in text)


def wrap_to_width(
    text: str,
    width: float,
    size: float,
    *,
    weight: str = "normal",
    slant: Slant = "normal",
    indent: str = "",
) -> list[str]:
    """``text`` in lines no wider than ``width`` points; later lines start with ``indent``.

    Words are kept whole where they fit; a word wider than a line is broken
    between characters.
    """

    def fits(line: str) -> bool:
        return text_width(line, size, weight, slant) <= width * WIDTH_SAFETY

    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else (indent if lines else "") + word
        if fits(candidate):
            current = candidate
            continue
        if current:
            lines.append(current)
        current = indent + word
        while not fits(current):  # a word too long for any line: break it
            cut = len(indent) + 1
            while cut < len(current) and fits(current[: cut + 1]):
                cut += 1
            lines.append(current[:cut])
            current = indent + current[cut:]
    if current or not lines:
        lines.append(current)
    return lines


def _wrapped(
    text: str,
    *,
    width: float = NOTE_TEXT_PT,
    size: float = style.TEXT_SIZE,
    indent: str = "",
    weight: str = "normal",
    slant: Slant = "normal",
    colour: str = INK,
) -> list[_Line]:
    """``text`` wrapped to ``width`` points, later lines indented, safe for matplotlib."""
    lines = wrap_to_width(text, width, size, weight=weight, slant=slant, indent=indent)
    return [_Line(style.plain(line), weight, slant, colour) for line in lines]


class _LearnerText:
    """Learner text as the picture shows it: shortened past :data:`LONG_TEXT` characters.

    Remembers whether it shortened anything, so the footer can say so.
    """

    def __init__(self) -> None:
        self.shortened = False

    def __call__(self, text: str) -> str:
        text = " ".join(text.split())
        if len(text) <= LONG_TEXT:
            return text
        self.shortened = True
        return text[: LONG_TEXT - 1].rstrip() + "…"


def _mix_lines(item: SegmentBlock, learner: _LearnerText) -> list[_Line]:
    """Each type in the mix with its share, and the learner's reason below it."""
    if not item.mix:
        return [_Line("(no relationship chosen yet)", colour=MUTED)]
    lines = []
    for entry in item.mix:
        lines += _wrapped("• " + entry.label, indent="   ", weight="bold")
        if entry.reason:
            lines += _wrapped(
                "Why: " + learner(entry.reason), indent="      ", slant="italic", colour=MUTED
            )
    return lines


def _finding_lines(item: SegmentBlock, learner: _LearnerText) -> list[_Line]:
    """Each finding by severity and title, marked and followed by the answer when answered."""
    if not item.finding_entries and not item.other_answers:
        return [_Line("No findings.", colour=MUTED)]
    lines = []
    for entry in item.finding_entries:
        mark = " ✓ answered" if entry.answer else ""
        colour = _SEVERITY_COLOUR[entry.finding.severity]
        lines += _wrapped(
            f"{entry.severity}: {entry.title}{mark}", indent="  ", weight="bold", colour=colour
        )
        if entry.answer:
            lines += _wrapped(
                "Answered: " + learner(entry.answer), indent="     ", slant="italic", colour=MUTED
            )
    for other in item.other_answers:
        lines += _wrapped(
            f"Answered ({other.title}, no longer raised): " + learner(other.answer),
            indent="     ",
            slant="italic",
            colour=MUTED,
        )
    return lines


def _note_lines(item: SegmentBlock, learner: _LearnerText) -> list[_Line]:
    """The lines of one sticky note, top to bottom."""
    lines = _wrapped(item.segment.name, weight="bold")
    lines += _wrapped(item.archetype_name, colour=MUTED)
    if item.value_proposition:
        lines += _wrapped("Offers: " + learner(item.value_proposition), indent="  ", slant="italic")
    lines += _wrapped(item.numbers_line, indent="  ")
    lines += _mix_lines(item, learner)
    if item.segment.relationships:
        lines += _wrapped(item.cost_line, indent="  ")
    if item.covered:
        lines += _wrapped("Works on: " + ", ".join(item.covered).lower(), indent="  ")
    if item.stages:
        lines += _wrapped("Over time: " + stages_line(item), indent="  ")
    if item.notes:
        lines += _wrapped("Notes: " + learner(item.notes), indent="  ", slant="italic")
    return lines + _finding_lines(item, learner)


def _header_lines(block: CanvasBlock) -> list[_Line]:
    width, size = HEADER_TEXT_PT, style.LABEL_SIZE
    lines = []
    if block.learner:
        lines += _wrapped("By " + block.learner, width=width, size=size, weight="bold")
    lines += _wrapped(block.business or "Untitled business", width=width, size=size)
    lines += _wrapped(block.findings_line, width=width, size=size, weight="bold")
    return lines


def plot_canvas_block(block: CanvasBlock, *, exported_at: datetime | None = None) -> Figure:
    """One picture of the whole block; grows in height with the segments and their text.

    ``exported_at`` (the export's time) is printed top right when given.
    """
    learner = _LearnerText()
    notes = [_note_lines(item, learner) for item in block.segments]
    shortened = learner.shortened
    header = _header_lines(block)
    header_in = 0.75 + HEADER_LINE_IN * len(header) + 0.2
    rows = [notes[i : i + COLUMNS] for i in range(0, len(notes), COLUMNS)]
    row_heights = [NOTE_LINE_IN * max(len(lines) for lines in row) + 0.35 for row in rows]
    footer_in = 0.35 + 0.25 * (1 + shortened)
    body_in = sum(h + 0.25 for h in row_heights) if rows else 0.8
    height = header_in + body_in + footer_in
    fig = Figure(figsize=(WIDTH_IN, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, height)
    ax.add_patch(
        FancyBboxPatch(
            (0.015, 0.05),
            0.97,
            height - 0.1,
            boxstyle="round,pad=0,rounding_size=0.02",
            facecolor="white",
            edgecolor="#333333",
            linewidth=2,
        )
    )
    ax.text(
        0.04,
        height - 0.45,
        "Customer Relationships",
        fontsize=style.TITLE_SIZE + 4,
        fontweight="bold",
        va="center",
    )
    if exported_at is not None:
        ax.text(
            0.96,
            height - 0.45,
            exported_stamp(exported_at),
            fontsize=style.SMALL_SIZE,
            color=MUTED,
            ha="right",
            va="center",
        )
    y = height - 0.75 - HEADER_LINE_IN / 2
    for line in header:
        ax.text(
            0.04,
            y,
            line.text,
            fontsize=style.LABEL_SIZE,
            fontweight=line.weight,
            color=line.colour,
            va="center",
            gid="header",
        )
        y -= HEADER_LINE_IN
    top = height - header_in
    if not notes:
        ax.text(0.5, top - 0.4, "No segments yet.", ha="center", fontsize=style.LABEL_SIZE)
    index = 0
    for row, row_height in zip(rows, row_heights, strict=True):
        for col, lines in enumerate(row):
            _draw_note(ax, block.segments[index], index, lines, col, top, row_height)
            index += 1
        top -= row_height + 0.25
    footer = [CAVEAT, *([SHORTENED] if shortened else [])]
    for offset, text in enumerate(reversed(footer)):
        ax.text(
            0.04, 0.3 + 0.25 * offset, text, fontsize=style.SMALL_SIZE, color=MUTED, va="center"
        )
    return fig


def _draw_note(
    ax: Axes,
    item: SegmentBlock,
    index: int,
    lines: list[_Line],
    col: int,
    top: float,
    height: float,
) -> None:
    """One sticky note: its box and its lines, top-aligned."""
    x = 0.04 + col * (NOTE_WIDTH + NOTE_GAP)
    ax.add_patch(
        FancyBboxPatch(
            (x, top - height),
            NOTE_WIDTH,
            height,
            boxstyle="round,pad=0,rounding_size=0.015",
            facecolor=_NOTE_COLOURS[index % len(_NOTE_COLOURS)],
            edgecolor="#999999",
            gid=f"note:{item.segment.id}",
        )
    )
    for line_index, line in enumerate(lines):
        ax.text(
            x + 0.015,
            top - 0.3 - line_index * NOTE_LINE_IN,
            line.text,
            fontsize=style.TEXT_SIZE,
            fontweight=line.weight,
            fontstyle=line.slant,
            color=line.colour,
            va="center",
            gid=f"text:{item.segment.id}",
        )
