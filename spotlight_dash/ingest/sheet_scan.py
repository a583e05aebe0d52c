"""What a sheet's XML states that calamine's values hide, whatever namespace prefix the writer used.

calamine reads ``<x:row>`` and Strict OOXML as well as Excel's own files, but it gives an empty
string for an error value (``#DIV/0!``) and for a formula whose value was never saved, and it
builds a dense grid up to the last cell: one value at XFD1048576 asks for hundreds of GiB and
aborts the process. So before calamine sees a sheet, its extent is measured here; and where the
XML may hold formulas or error values, its cells are parsed to name them.

The extent is read from the ``r`` attributes of the row and cell start tags (any prefix, any
attribute order, either quote). A cell without ``r`` follows the one before it; Excel and every
library writing for it write ``r``, and a file that does not is still bounded by the reader's
memory limit (see sandbox.py).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from lxml import etree

_NAME = rb"(?:[A-Za-z_][\w.\-]*:)?"  # an optional namespace prefix: <row>, <x:row>, <ns0:row>
ROW_START = re.compile(rb"<" + _NAME + rb"row(?=[\s/>])([^>]*)>")
ROW_NUMBER = re.compile(rb"\sr\s*=\s*[\"']([0-9]+)[\"']")
# Only cells beyond column AZ are looked for one by one: a data sheet has 15 columns at most.
FAR_CELL = re.compile(rb"<" + _NAME + rb"c\s[^>]*?\br\s*=\s*[\"']((?:[A-Z]{3}|[B-Z][A-Z])[0-9]+)[\"'][^>]*>")
ROW_END = re.compile(rb"</" + _NAME + rb"row\s*>")
CELL_END = re.compile(rb"</" + _NAME + rb"c\s*>")
# What makes a cell hold something for calamine: a value or an inline string. Formatting alone
# (<c r="BA1" s="12"/>, <row r="1048576" ht="16.5"/>) is no value: calamine skips it, and so does the extent.
VALUE = re.compile(rb"<" + _NAME + rb"(?:v|is)[\s>]")
MAY_HOLD_FORMULA_OR_ERROR = re.compile(rb"<" + _NAME + rb"f[\s/>]|\st\s*=\s*[\"']e[\"']")
CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]+)$")
LAST_DATA_COLUMN = 52  # AZ


def column_letter(number: int) -> str:
    """1 -> A, 27 -> AA, as Excel names columns (openpyxl's helper costs its whole package's import)."""
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_number(letters: str) -> int:
    """A -> 1, AA -> 27."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


@dataclass
class Extent:
    rows: int  # the last row holding a value (its number, or its position when it names none)
    rows_with_values: int  # counted only when ``rows`` is beyond ``count_beyond``; else 0
    far_cell: str | None  # the first cell beyond column AZ that holds a value, if any


@dataclass
class FlaggedCells:
    errors: dict[str, str] = field(default_factory=dict)  # cell -> the error value, e.g. "#DIV/0!"
    unsaved: dict[str, str] = field(default_factory=dict)  # cell -> the formula of a cell with no saved value

    def __bool__(self) -> bool:
        return bool(self.errors or self.unsaved)


def extent(xml: bytes, count_beyond: int) -> Extent:
    """How far the sheet's values reach. Rows are found by their start tags and only the last ones are
    looked into (a sheet ends with rows of values, or with a few formatted empty ones); the rows
    with values are counted only when the last one lies beyond ``count_beyond``."""
    rows = []  # (row number, where its body starts, or -1 for an empty <row/>)
    last = 0
    for match in ROW_START.finditer(xml):
        number = ROW_NUMBER.search(match.group(1))
        last = int(number.group(1)) if number else last + 1
        rows.append((last, -1 if match.group(0).endswith(b"/>") else match.end()))

    def holds_value(start: int) -> bool:
        end = ROW_END.search(xml, start)
        return start >= 0 and VALUE.search(xml, start, end.start() if end else len(xml)) is not None

    reach = next((number for number, start in reversed(rows) if holds_value(start)), 0)
    counted = sum(holds_value(start) for _, start in rows) if reach > count_beyond else 0
    far = None
    for match in FAR_CELL.finditer(xml):
        if not match.group(0).endswith(b"/>"):
            end = CELL_END.search(xml, match.end())
            if VALUE.search(xml, match.end(), end.start() if end else len(xml)):
                far = match.group(1).decode()
                break
    return Extent(reach, counted, far)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def flagged_cells(xml: bytes) -> FlaggedCells:
    """Error values and formulas without a saved value, by cell; parsed only when the bytes may hold one."""
    found = FlaggedCells()
    if not MAY_HOLD_FORMULA_OR_ERROR.search(xml):
        return found
    row_number = 0
    events = etree.iterparse(io.BytesIO(xml), events=("end",), tag=("{*}row",), resolve_entities=False,
                             no_network=True, load_dtd=False, huge_tree=False)
    for _, row in events:
        stated = row.get("r")
        row_number = int(stated) if stated and stated.isascii() and stated.isdigit() else row_number + 1
        column = 0
        for cell in row:
            if _local(cell.tag) != "c":
                continue
            ref = cell.get("r")
            match = CELL_REF.match(ref or "")
            column = column_number(match.group(1)) if match else column + 1
            ref = ref if match else f"{column_letter(column)}{row_number}"
            parts = {_local(child.tag): child for child in cell}
            value = parts.get("v")
            # A formula whose result is empty text is saved as t="str" with an empty <v>.
            saved = value is not None and ((value.text or "") != "" or cell.get("t") == "str")
            if cell.get("t") == "e":
                found.errors[ref] = (value.text or "").strip() if value is not None else "#N/A"
            elif "f" in parts and not saved and "is" not in parts:
                found.unsaved[ref] = parts["f"].text or ""
        row.clear()
        while row.getprevious() is not None:
            del row.getparent()[0]
    return found
