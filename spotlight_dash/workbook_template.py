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

from spotlight_dash import codes, labels, schema
from spotlight_dash.ingest.workbook import INSTRUCTIONS_SHEET, LISTS_SHEET
from spotlight_dash.labels import messages
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
    # Only the vocabularies of the workbook's own tables (a meeting's note kinds are not edited in Excel).
    used = {schema.column_meta(name, column)["vocabulary"] for name in schema.WORKBOOK_TABLES
            for column in schema.TABLES[name].columns}
    listed = sorted((name, allowed) for name, allowed in codes.VOCABULARIES.items() if name in used)
    for index, (vocabulary, allowed) in enumerate(listed, start=1):
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


def _dropdown(formula: str, column: str, lang: str) -> DataValidation:
    return DataValidation(
        type="list", formula1=formula, allow_blank=True, showErrorMessage=True, errorStyle="stop",
        errorTitle=labels.t("template.not_allowed", lang), showInputMessage=False,
        error=labels.t("template.choose", lang, column=column))


def _header_note(table: schema.Table, column: str, meta: dict, lang: str) -> str:
    """The header's comment: what the column holds, whether it is required, its codes, its key role."""
    t = labels.scoped("template", lang)

    described = (meta["description"] or column) if lang == labels.DEFAULT else labels.column(column, lang)
    note = [described, t("required") if meta["required"] else t("optional")]
    if meta["vocabulary"]:
        note.append(t("allowed", codes=", ".join(codes.VOCABULARIES[meta["vocabulary"]])))
    if column in table.key:
        note.append(t("key"))
    return "\n".join(note)


def _table_sheet(book: Workbook, table: schema.Table, frame: pd.DataFrame | None, lists: dict[str, str],
                 last_row: int, lang: str) -> None:
    sheet = book.create_sheet(table.sheet)
    metas = {c: schema.column_meta(table.name, c) for c in table.columns}
    for index, column in enumerate(table.columns, start=1):
        meta = metas[column]
        cell = write_value(sheet.cell(1, index), header_text(table.name, column))
        cell.font = Font(bold=meta["required"])
        cell.fill = HEADER_FILL
        cell.comment = Comment(_header_note(table, column, meta, lang), "Spotlight dashboard")
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(cell.value) + 4))
        formula = lists.get(meta["vocabulary"]) if meta["vocabulary"] else _sheet_list_range(column, last_row)
        if formula and not (table.name in REFERENCE_TABLES and SHEET_LISTS.get(column, ("",))[0] == table.name):
            validation = _dropdown(formula, column, lang)
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


def _instructions(book: Workbook, title: str, as_of: str, filled: bool, lang: str) -> None:
    """The first sheet: how to fill the workbook in and what loading it does, in the reader's language.
    Sheet and column names stay as they are: the import reads them."""
    t = labels.scoped("template", lang)

    sheet = book.active
    sheet.title = INSTRUCTIONS_SHEET
    headings = (t("how_to_fill"), t("what_loading_does"), t("sheets"))
    lines = [
        title,
        t("as_of", as_of=as_of) if filled else t("generated", date=dt.date.today().isoformat()),
        "",
        headings[0], *t("fill_lines").split("\n"),
        "",
        headings[1], *t("loading_lines").split("\n"),
        "",
        headings[2],
        *[t("sheet_line", sheet=table.sheet, description=labels.t(f"table.{table.name}", lang), keys=", ".join(table.key))
          for table in schema.TABLES.values() if table.in_workbook],
    ]
    for row, text in enumerate(lines, start=1):
        cell = write_value(sheet.cell(row, 1), text)
        if row == 1 or text in headings:
            cell.font = Font(bold=True, size=14 if row == 1 else 11)
    sheet.column_dimensions["A"].width = 110


def write_workbook(frames: dict[str, pd.DataFrame], title: str, as_of: str = "", tables=None, filled: bool = True,
                   lang: str = labels.DEFAULT) -> bytes:
    """The workbook as bytes: Instructions, one sheet per table in ``tables`` (default all), Lists."""
    book = Workbook()
    _instructions(book, title, as_of, filled, lang)
    lists = _lists_sheet(book)
    longest = max((len(f) for f in frames.values() if f is not None), default=0)
    last_row = longest + TEMPLATE_SPARE_ROWS + 1
    for name in tables or schema.WORKBOOK_TABLES:
        _table_sheet(book, schema.TABLES[name], frames.get(name), lists, last_row, lang)
    book.move_sheet(LISTS_SHEET, offset=len(book.sheetnames))  # keep the hidden sheet last
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_bytes(current: dict[str, pd.DataFrame] | None = None, lang: str = labels.DEFAULT) -> bytes:
    """The empty template; reference sheets hold the store's rows so the dropdowns have choices."""
    reference = {name: frame for name, frame in (current or {}).items() if name in REFERENCE_TABLES}
    return write_workbook(reference, labels.t("template.title", lang), filled=False, lang=lang)


def export_bytes(current: dict[str, pd.DataFrame], as_of: str = "", synthetic: bool = False,
                 lang: str = labels.DEFAULT) -> bytes:
    """The whole store in the template's format; loading it back changes nothing."""
    title = labels.t("template.export_title", lang)
    if synthetic:
        title = labels.t("chart.synthetic", lang) + " · " + title
    return write_workbook(current, title, as_of, lang=lang)


ERROR_FILL = PatternFill("solid", fgColor="F4B6B6")
WARNING_FILL = PatternFill("solid", fgColor="FCE4A8")


def highlight_problems(data: bytes, problems, lang: str = labels.DEFAULT) -> bytes | None:
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
        text = "\n".join(f"{labels.t(f'template.{p.severity}', lang)}: {messages.translate(p.message, lang)}"
                         + (f"\n→ {messages.translate(p.fix, lang)}" if p.fix else "") for p in found)
        cell.comment = Comment(text, "Spotlight import check", width=320, height=140)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
