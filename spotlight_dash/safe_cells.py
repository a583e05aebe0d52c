"""Write spreadsheet cells so that no text a user or a document supplied can run as a formula.

Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and, after a paste, tab or CR) as a formula: text such as ``=HYPERLINK(...)`` in a note would
become live in whoever opens the export. Every writer of spreadsheets in this package goes
through :func:`write_value`, which stores such text as a string cell with Excel's quote prefix
(the apostrophe a user types): the value read back is the same text, unchanged.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def write_value(cell: Cell, value: Any) -> Cell:
    """Put ``value`` in ``cell``; text that a spreadsheet would run stays text."""
    cell.value = value
    if looks_like_formula(value):
        cell.data_type = "s"  # openpyxl set "f" on assignment; "s" writes it as plain text
        cell.quotePrefix = True  # and Excel keeps it text when the user edits the cell
    return cell


def safe_for_csv(value: Any) -> Any:
    """For writers that cannot mark a cell as text (CSV): a leading apostrophe, as Excel shows it."""
    return "'" + value if looks_like_formula(value) else value
