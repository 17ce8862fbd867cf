"""One way to build an HTML table, for reports, widget tables and exports alike.

:class:`HtmlTable` holds column headers, rows of cells and a CSS class and
renders ``templates/table.html.j2``: ``<th scope="col">`` headers, every cell
escaped (a :class:`markupsafe.Markup` cell is kept as it is, for a badge or a
bar). :meth:`HtmlTable.from_frame` feeds it a pandas DataFrame (a chart's
table twin) with pandas' own number formatting.

Page templates insert an ``HtmlTable`` as it is (``{{ table }}``); widget code
calls :func:`html_table` / :func:`frame_table`, which return a plain ``str``
to concatenate with other HTML strings (``str + Markup`` would escape the
``str``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bmc_course.reports.templating import template

if TYPE_CHECKING:
    import pandas as pd

TABLE_TEMPLATE = "table.html.j2"
# pandas' class on DataFrame.to_html tables; course.css sets their numbers in tabular figures.
FRAME_CLASS = "dataframe"
# pandas' display.precision default: floats are shown with up to this many decimals.
FLOAT_DIGITS = 6


@dataclass(frozen=True, slots=True)
class Column:
    """A column header with a tooltip (``title``), e.g. what a 1-5 scale means."""

    label: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell that is more than its text.

    ``css_class`` styles it (``num`` right-aligns a number), ``sort_key``
    becomes ``data-sort`` (what the report's header buttons sort on) and
    ``row_header`` makes it ``<th scope="row">``.
    """

    content: object
    css_class: str = ""
    sort_key: object = None
    row_header: bool = False


_CellParts = tuple[bool, str, object, object]  # row header?, css class, sort key, content


def _cell_parts(cell: object) -> _CellParts:
    if isinstance(cell, Cell):
        return (cell.row_header, cell.css_class, cell.sort_key, cell.content)
    return (False, "", None, cell)


@dataclass(frozen=True, slots=True)
class HtmlTable:
    """A table ready to render: column headers, rows of cells, a CSS class.

    A cell is any value (shown as ``str(value)``, escaped), a :class:`Cell`,
    or Markup. ``sortable`` adds the class ``sortable`` and puts each header's
    label in a ``<button>``, for the class report's sorting script. A template inserts the table with
    ``{{ table }}`` (Jinja calls :meth:`__html__`); Python code calls
    :meth:`render` or :func:`html_table`.
    """

    headers: Sequence[str | Column]
    rows: Sequence[Sequence[object]]
    css_class: str = ""
    sortable: bool = False

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        css_class: str = "",
        na_rep: str = "NaN",
        number: Callable[[float], str] | None = None,
    ) -> HtmlTable:
        """A DataFrame without its index, classed ``dataframe``, cells as ``DataFrame.to_html`` shows them.

        Floats have the same number of decimals down a column; missing values read ``na_rep``.
        With ``number`` (e.g. :func:`bmc_course.logic.wording.money`), every number is
        written by it instead, so a table reads like the text around it ("9,000", not "9000.0").
        """
        columns = [
            _column_strings(frame.iloc[:, index], na_rep, number)
            for index in range(len(frame.columns))
        ]
        return cls(
            headers=[str(name) for name in frame.columns],
            rows=[list(row) for row in zip(*columns, strict=True)],
            css_class=f"{FRAME_CLASS} {css_class}" if css_class else FRAME_CLASS,
        )

    def render(self) -> str:
        """The ``<table>``: one ``<th scope="col">`` per header, one ``<tr>`` per row, all escaped."""
        return template(TABLE_TEMPLATE).render(
            headers=[
                (h.label, h.title) if isinstance(h, Column) else (h, "") for h in self.headers
            ],
            rows=[[_cell_parts(cell) for cell in row] for row in self.rows],
            css_class=f"{self.css_class} sortable".strip() if self.sortable else self.css_class,
            sortable=self.sortable,
        )

    __html__ = render


def html_table(
    headers: Sequence[str | Column],
    rows: Sequence[Sequence[object]],
    *,
    css_class: str = "",
    sortable: bool = False,
) -> str:
    """:class:`HtmlTable` rendered: an escaped ``<table>`` as a plain string."""
    return HtmlTable(headers, rows, css_class, sortable).render()


def frame_table(frame: pd.DataFrame, *, css_class: str = "", na_rep: str = "NaN") -> str:
    """A DataFrame as :func:`html_table` (see :meth:`HtmlTable.from_frame`), e.g. a chart's table twin."""
    return HtmlTable.from_frame(frame, css_class=css_class, na_rep=na_rep).render()


def _column_strings(
    column: pd.Series, na_rep: str, number: Callable[[float], str] | None = None
) -> list[str]:
    missing = column.isna().tolist()
    values = column.tolist()
    if number is not None and column.dtype.kind in "fiu":
        return [na_rep if gone else number(v) for v, gone in zip(values, missing, strict=True)]
    if column.dtype.kind == "f":
        return float_strings(values, missing, na_rep)
    return [na_rep if gone else str(value) for value, gone in zip(values, missing, strict=True)]


_NUMBER_WITH_DECIMALS = re.compile(r"^[+-]?[0-9]+\.[0-9]*$")


def float_strings(values: Sequence[float], missing: Sequence[bool], na_rep: str) -> list[str]:
    """A float column as pandas prints it (``display.precision`` 6, no float_format).

    Fixed-point with six decimals, then trailing zeros trimmed equally from
    every number (keeping one); scientific notation when a value would show
    as 0 or a large value makes the column too wide.
    """
    shown = _fixed_trimmed(values, missing, na_rep, f".{FLOAT_DIGITS}f")
    present = [abs(v) for v, gone in zip(values, missing, strict=True) if not gone]
    too_long = bool(shown) and max(len(text) for text in shown) > FLOAT_DIGITS + 6
    has_large = any(v > 1e6 for v in present)
    has_small = any(0 < v < 10**-FLOAT_DIGITS for v in present)
    if has_small or (too_long and has_large):
        return _fixed_trimmed(values, missing, na_rep, f".{FLOAT_DIGITS}e")
    return shown


def _fixed_trimmed(
    values: Sequence[float], missing: Sequence[bool], na_rep: str, spec: str
) -> list[str]:
    texts = [
        na_rep if gone else format(value, spec) for value, gone in zip(values, missing, strict=True)
    ]
    numbers = [_NUMBER_WITH_DECIMALS.match(text) is not None for text in texts]
    if not any(numbers):
        return texts
    while all(text.endswith("0") for text, number in zip(texts, numbers, strict=True) if number):
        texts = [text[:-1] if number else text for text, number in zip(texts, numbers, strict=True)]
    return [
        text + "0" if number and text.endswith(".") else text
        for text, number in zip(texts, numbers, strict=True)
    ]
