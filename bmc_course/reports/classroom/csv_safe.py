"""Spreadsheet-safe CSV cells: learner text is never run as a formula.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return, which some spreadsheets skip before looking) is run as a formula by
Excel, LibreOffice and Google Sheets when the file is opened ("CSV
injection"). Such cells get a leading apostrophe, the usual way to say "this
is text"; the apostrophe is not shown.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
