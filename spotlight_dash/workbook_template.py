"""Writer of the data workbook: the empty template and the export of the whole store, one format.

Generated from ``schema.TABLES``: one sheet per table, row 1 the column names (with the unit in
brackets where there is one; the reader ignores the brackets), a comment on each header with
its description, and dropdowns that refuse anything but an allowed code. Fixed vocabularies
(countries, RUNOs, pillars, kinds) come from ``codes.py`` through a hidden "Lists" sheet;
programmes, periods, indicators, sources and documents refer to their own sheets, so a new
period typed on the Periods sheet becomes a choice at once. The template carries the store's
reference rows (programmes, periods, indicators ...) so that those dropdowns are not empty.

Every text cell is written through ``safe_cells.write_value``: nothing becomes a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from spotlight_dash import codes, schema
from spotlight_dash.ingest.workbook import INSTRUCTIONS_SHEET, LISTS_SHEET
from spotlight_dash.safe_cells import write_value

REFERENCE_TABLES = ("documents", "sources", "periods", "programmes", "results", "indicators")
# Columns whose allowed values are the rows of another sheet: column -> (table, its column).
SHEET_LISTS = {
    "programme_id": ("programmes", "programme_id"),
    "period_id": ("periods", "period_id"),
    "indicator_code": ("indicators", "indicator_code"),
    "source_id": ("sources", "source_id"),
    "document_id": ("documents", "document_id"),
}
TEMPLATE_SPARE_ROWS = 5000  # rows below the data that still get dropdowns
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
DATE_FORMAT = "yyyy-mm-dd"


def header_text(table: str, column: str) -> str:
    unit = schema.column_meta(table, column)["unit"]
    return f"{column} ({unit})" if unit else column


def _cell_value(value: Any, sql_type: str) -> Any:
    """A stored value as a plain Python value for openpyxl; None for a missing one."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NA:
        return None
    if hasattr(value, "item") and not isinstance(value, (pd.Timestamp, dt.date)):
        value = value.item()  # numpy scalar
    if sql_type == "DATE" and isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.date()
    if sql_type == "BIGINT" and isinstance(value, float):
        return int(value)
    return value


def _lists_sheet(book: Workbook) -> dict[str, str]:
    """The hidden sheet of fixed vocabularies; returns vocabulary -> range formula."""
    sheet = book.create_sheet(LISTS_SHEET)
    sheet.sheet_state = "hidden"
    ranges = {}
    for index, (vocabulary, allowed) in enumerate(sorted(codes.VOCABULARIES.items()), start=1):
        letter = get_column_letter(index)
        sheet.cell(1, index, vocabulary)
        for row, code in enumerate(allowed, start=2):
            sheet.cell(row, index, int(code) if vocabulary == "pillar" else code)
        ranges[vocabulary] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(allowed) + 1}"
    return ranges


def _sheet_list_range(column: str, last_row: int) -> str | None:
    if column not in SHEET_LISTS:
        return None
    table, target = SHEET_LISTS[column]
    letter = get_column_letter(schema.TABLES[table].columns.index(target) + 1)
    return f"{quote_sheetname(schema.TABLES[table].sheet)}!${letter}$2:${letter}${last_row}"


def _dropdown(formula: str, column: str) -> DataValidation:
    return DataValidation(
        type="list", formula1=formula, allow_blank=True, showErrorMessage=True, errorStyle="stop",
        errorTitle="Not an allowed value", showInputMessage=False,
        error=f"{column}: choose a value from the list. New programmes, periods, indicators and "
              f"sources are added on their own sheets first.")


def _table_sheet(book: Workbook, table: schema.Table, frame: pd.DataFrame | None, lists: dict[str, str],
                 last_row: int) -> None:
    sheet = book.create_sheet(table.sheet)
    metas = {c: schema.column_meta(table.name, c) for c in table.columns}
    for index, column in enumerate(table.columns, start=1):
        meta = metas[column]
        cell = write_value(sheet.cell(1, index), header_text(table.name, column))
        cell.font = Font(bold=meta["required"])
        cell.fill = HEADER_FILL
        note = [meta["description"] or column, "required" if meta["required"] else "optional; empty = not reported"]
        if meta["vocabulary"]:
            note.append("allowed: " + ", ".join(codes.VOCABULARIES[meta["vocabulary"]]))
        if column in table.key:
            note.append("part of the row's key: rows with the same key are updated")
        cell.comment = Comment("\n".join(note), "Spotlight dashboard")
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(cell.value) + 4))
        formula = lists.get(meta["vocabulary"]) if meta["vocabulary"] else _sheet_list_range(column, last_row)
        if formula and not (table.name in REFERENCE_TABLES and SHEET_LISTS.get(column, ("",))[0] == table.name):
            validation = _dropdown(formula, column)
            validation.add(f"{get_column_letter(index)}2:{get_column_letter(index)}{last_row}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    if frame is None or frame.empty:
        return
    types = [metas[c]["sql_type"] for c in table.columns]
    for row_index, values in enumerate(frame[table.columns].itertuples(index=False, name=None), start=2):
        for col_index, (value, sql_type) in enumerate(zip(values, types), start=1):
            value = _cell_value(value, sql_type)
            if value is None:
                continue
            cell = write_value(sheet.cell(row_index, col_index), value)
            if sql_type == "DATE":
                cell.number_format = DATE_FORMAT


def _instructions(book: Workbook, title: str, as_of: str, filled: bool) -> None:
    sheet = book.active
    sheet.title = INSTRUCTIONS_SHEET
    lines = [
        title,
        f"Data as of: {as_of}" if filled else f"Template generated {dt.date.today().isoformat()}",
        "",
        "How to fill it in",
        "• One sheet per table; row 1 holds the column names. Do not rename or reorder sheets or columns.",
        "• Bold columns are required. An empty cell means 'not reported' (never type 0 for a missing figure).",
        "• Codes come from the dropdowns: countries as ISO3 (KAZ), RUNOs as UNW/UNFPA/UNDP, pillars 1-6.",
        "• Dates as dates or YYYY-MM-DD text. Amounts and counts as plain numbers, no units or text.",
        "• Every figure cites a source_id: add the source on the Sources sheet (document, section, quote).",
        "• New programmes, periods and indicators go on their own sheets; they can then be chosen elsewhere.",
        "",
        "What loading does",
        "• Rows are matched by their key columns (see each header's comment). A row whose key is in the store",
        "  replaces it; a new key adds a row. Rows missing from the workbook are kept, unless the person loading",
        "  the file asks for removal for that table (--remove-missing TABLE).",
        "• The whole file is checked first; every problem is listed with its cell. Nothing is written until",
        "  there are no errors. Each loaded row records this file, sheet and row as where it came from.",
        "• Leave out sheets you do not change; do not merge cells; formulas must have been calculated.",
        "",
        "Sheets",
        *[f"• {t.sheet}: {t.description} (key: {', '.join(t.key)})" for t in schema.TABLES.values() if t.in_workbook],
    ]
    for row, text in enumerate(lines, start=1):
        cell = write_value(sheet.cell(row, 1), text)
        if row == 1 or text in ("How to fill it in", "What loading does", "Sheets"):
            cell.font = Font(bold=True, size=14 if row == 1 else 11)
    sheet.column_dimensions["A"].width = 110


def write_workbook(frames: dict[str, pd.DataFrame], title: str, as_of: str = "", tables=None, filled: bool = True) -> bytes:
    """The workbook as bytes: Instructions, one sheet per table in ``tables`` (default all), Lists."""
    book = Workbook()
    _instructions(book, title, as_of, filled)
    lists = _lists_sheet(book)
    longest = max((len(f) for f in frames.values() if f is not None), default=0)
    last_row = longest + TEMPLATE_SPARE_ROWS + 1
    for name in tables or schema.WORKBOOK_TABLES:
        _table_sheet(book, schema.TABLES[name], frames.get(name), lists, last_row)
    book.move_sheet(LISTS_SHEET, offset=len(book.sheetnames))  # keep the hidden sheet last
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_bytes(current: dict[str, pd.DataFrame] | None = None) -> bytes:
    """The empty template; reference sheets hold the store's rows so the dropdowns have choices."""
    reference = {name: frame for name, frame in (current or {}).items() if name in REFERENCE_TABLES}
    return write_workbook(reference, "Spotlight results dashboard · data template", filled=False)


def export_bytes(current: dict[str, pd.DataFrame], as_of: str = "", synthetic: bool = False) -> bytes:
    """The whole store in the template's format; loading it back changes nothing."""
    title = "Spotlight results dashboard · export of the data store"
    if synthetic:
        title = "SYNTHETIC DATA · " + title
    return write_workbook(current, title, as_of)


ERROR_FILL = PatternFill("solid", fgColor="F4B6B6")
WARNING_FILL = PatternFill("solid", fgColor="FCE4A8")


def highlight_problems(data: bytes, problems) -> bytes | None:
    """The user's workbook back with each problem cell filled (red error, amber warning) and a
    comment saying what is wrong and what to do. None when the file cannot be opened at all
    (not a workbook, encrypted): the problems list is then the whole answer."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - any file openpyxl refuses has its problem in the report
        return None
    notes: dict[tuple[str, str], list] = {}
    for problem in problems:
        place = problem.place
        if place.sheet in book.sheetnames and place.cell:
            notes.setdefault((place.sheet, place.cell), []).append(problem)
    for (sheet, ref), found in notes.items():
        cell = book[sheet][ref]
        if type(cell).__name__ == "MergedCell":
            continue  # only the first cell of a merge can hold a comment; it is noted there
        cell.fill = ERROR_FILL if any(p.severity == "error" for p in found) else WARNING_FILL
        text = "\n".join(f"{p.severity}: {p.message}" + (f"\n→ {p.fix}" if p.fix else "") for p in found)
        cell.comment = Comment(text, "Spotlight import check", width=320, height=140)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
