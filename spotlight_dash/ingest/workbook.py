"""Reader for a user's Excel workbook (.xlsx): one sheet per table, headers in row 1.

The file is untrusted. Before any spreadsheet library sees it, the container is checked: size,
encryption (an OLE file, not a zip), macros, external links, and the real unzipped size of
every member (a zip's directory may lie, so members are read with a byte budget). Values are
read with python-calamine (fast, and it counts real rows rather than trusting ``<dimension>``);
the sheet XML is looked at only for what calamine hides: formulas with no saved value.

Every cell is coerced by its column's type before the pydantic models see it: numbers in text
columns become text ("2021"), Excel date serials become dates with the workbook's own epoch,
NaN and infinity are refused. Problems go to the IngestReport with ``Sheet!Cell``; reading goes
on, so one pass reports everything that is wrong with the file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from defusedxml import DefusedXmlException, ElementTree
from python_calamine import CalamineWorkbook

from spotlight_dash import schema
from spotlight_dash.ingest import sheet_scan
from spotlight_dash.ingest.sheet_scan import column_letter
from spotlight_dash.ingest.report import IngestReport, Place, RowBlock, clip, shown, too_large

MB = 2**20
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted xlsx and old .xls are OLE/CFB files
SHEETS = {t.sheet: t for t in schema.TABLES.values() if t.in_workbook}
INSTRUCTIONS_SHEET = "Instructions"
LISTS_SHEET = "Lists"  # the template's hidden code lists behind the dropdowns
IGNORED_SHEETS = {INSTRUCTIONS_SHEET, LISTS_SHEET}
HEADER_UNIT = re.compile(r"\s*\(.*\)\s*$")  # "amount_usd (USD)" -> "amount_usd"
EXCEL_TEXT_LIMIT = 32_767  # characters in one cell; Excel (and our export) cuts longer text
BIGINT_RANGE = range(-(2**63), 2**63)
MERGED_CELLS_MARKED = 1_000_000
SPLIT_ROWS = "split the rows into several workbooks and load them one after the other"
# A number as typed: digits with an optional point and exponent; spaces group thousands ("4 248 584").
TYPED_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
EPOCH_1900 = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 once Excel's fictitious 1900-02-29 is skipped
EPOCH_1904 = dt.date(1904, 1, 1)


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 25 * MB
    max_unzipped_bytes: int = 400 * MB
    max_rows_per_sheet: int = 200_000


class SheetRows(RowBlock):
    """The data rows of a table's sheet (or sheets), column by column.

    A row's Place and cell references are made when a problem or a commit asks for them, not for
    each of 100,000 rows up front.
    """

    def __init__(self, table: str, file: str):
        self.table, self.file = table, file
        self.columns: dict[str, list[Any]] = {}
        self.reported: dict[int, set[str]] = {}
        self.extra = []  # the header check refuses unknown columns before any row is read
        self.sheets: list[str] = []  # per row: its sheet, and its columns' letters there
        self.letters: list[dict[str, str]] = []
        self.row_numbers: list[int] = []

    def add_sheet(self, sheet: str, letters: dict[str, str], columns: dict[str, list[Any]],
                  row_numbers: list[int], reported: dict[int, set[str]]) -> None:
        start, count = len(self.row_numbers), len(row_numbers)
        for column in self.columns.keys() | columns.keys():
            self.columns.setdefault(column, [None] * start).extend(columns.get(column) or [None] * count)
        self.reported.update({start + offset: cells for offset, cells in reported.items()})
        self.sheets += [sheet] * count
        self.letters += [letters] * count
        self.row_numbers += row_numbers

    def __len__(self) -> int:
        return len(self.row_numbers)

    def place(self, index: int) -> Place:
        row = self.row_numbers[index]
        return Place(self.file, row, sheet=self.sheets[index], cell=f"A{row}")

    def place_of(self, index: int, column: str) -> Place:
        row, letter = self.row_numbers[index], self.letters[index].get(column)
        return Place(self.file, row, column, self.sheets[index], f"{letter}{row}" if letter else f"A{row}")

    def origins(self, indices: list[int]) -> tuple[list[str], list[int]]:
        return [self.sheets[i] for i in indices], [self.row_numbers[i] for i in indices]


def sheet_for(table: str) -> str:
    return schema.TABLES[table].sheet


def header_name(text: Any) -> str:
    return HEADER_UNIT.sub("", str(text)).strip() if text not in (None, "") else ""


# ---- the container ------------------------------------------------------------------------


def _read_members(data: bytes, label: str, report: IngestReport, limits: Limits) -> dict[str, bytes] | None:
    place = Place(label)
    if len(data) > limits.max_file_bytes:
        report.add(place, too_large(len(data), limits.max_file_bytes), SPLIT_ROWS)
        return None
    if data[:8] == OLE_MAGIC:
        report.add(place, "the file is password-protected (encrypted) or an old Excel 97-2003 .xls file",
                   "remove the password (File > Info > Protect Workbook) and save as Excel Workbook (.xlsx)")
        return None
    if not data.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(data)):
        report.add(place, "the file is not an Excel workbook (.xlsx)",
                   "save it from Excel as Excel Workbook (.xlsx), or start from the template")
        return None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        report.add(place, f"the workbook is damaged ({exc})", "open it in Excel and save it again")
        return None
    stated = sum(i.file_size for i in infos)
    problems = len(report.problems)
    bomb = ("the file expands to more than {cap} MB when unzipped, too much for a data workbook "
            "(a zip bomb?)", "remove what is not data (images, other sheets) or split the workbook")
    if stated > limits.max_unzipped_bytes:
        report.add(place, bomb[0].format(cap=limits.max_unzipped_bytes // MB), bomb[1])
        return None
    names = {i.filename for i in infos}
    seen: dict[str, str] = {}
    for info in infos:
        twin = seen.setdefault(info.filename.lower(), info.filename)
        if twin is not info.filename:
            # Readers disagree on which copy is the part (openpyxl and calamine read different ones), so a
            # figure would depend on the program that opens the file.
            report.add(place, f"the workbook holds two parts named {twin} and {info.filename}; programs disagree "
                       "on which one holds the cells", "open it in Excel and save it again")
            return None
    if PurePath(label).suffix.lower() == ".xlsm" or "xl/vbaProject.bin" in names:
        report.add(place, "the workbook contains macros (.xlsm); macros are never loaded",
                   "save it as Excel Workbook (.xlsx), which leaves the macros out")
    if any(n.startswith("xl/externalLinks/") for n in names):
        report.add(place, "the workbook links to other files (external links), whose values could change unseen",
                   "break the links (Data > Edit Links > Break Link), save, and load it again")
    members: dict[str, bytes] = {}
    budget = limits.max_unzipped_bytes
    try:
        for info in infos:
            # The directory's sizes can lie: read every member against the real byte budget.
            with archive.open(info) as handle:
                chunk = handle.read(budget + 1)
            budget -= len(chunk)
            if budget < 0:
                report.add(place, bomb[0].format(cap=limits.max_unzipped_bytes // MB), bomb[1])
                return None
            members[info.filename] = chunk
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        report.add(place, f"the workbook is damaged ({exc})", "open it in Excel and save it again")
        return None
    if "xl/workbook.xml" not in members:
        report.add(place, "the file is a zip but not an Excel workbook (no xl/workbook.xml)",
                   "save it from Excel as Excel Workbook (.xlsx)")
        return None
    return None if len(report.problems) > problems else members


def _attribute(element, local_name: str) -> str | None:
    """An attribute by its local name, whatever its namespace (transitional or Strict OOXML)."""
    for name, value in element.attrib.items():
        if name.rsplit("}", 1)[-1] == local_name:
            return value
    return None


def _sheet_xml(members: dict[str, bytes]) -> tuple[dict[str, bytes], dt.date]:
    """Each sheet's XML by sheet name, and the workbook's date epoch (1900 or 1904).

    Elements are found by local name: Strict OOXML and prefixed XML use other namespaces or
    prefixes for the same workbook."""
    book = ElementTree.fromstring(members["xl/workbook.xml"])
    pr = book.find("{*}workbookPr")
    epoch = EPOCH_1904 if pr is not None and pr.get("date1904") in ("1", "true") else EPOCH_1900
    targets = {}
    rels = members.get("xl/_rels/workbook.xml.rels")
    if rels:
        for rel in ElementTree.fromstring(rels):
            target = rel.get("Target", "")
            targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    xml = {}
    for sheet in book.iterfind("{*}sheets/{*}sheet"):
        path = targets.get(_attribute(sheet, "id"))
        if path in members:
            xml[sheet.get("name")] = members[path]
    return xml, epoch


# ---- cells --------------------------------------------------------------------------------


class CellProblem(ValueError):
    def __init__(self, message: str, fix: str, quotes_value: bool = False):
        super().__init__(message)
        self.fix = fix
        self.quotes_value = quotes_value  # the message shows the value as Excel does; no "(the cell holds ...)"


def _from_serial(serial: float, epoch: dt.date) -> dt.date:
    if not 1 <= serial < 2958466:  # 2958465 = 9999-12-31, Excel's last day
        raise ValueError
    if epoch == EPOCH_1900 and serial < 61:
        return dt.date(1899, 12, 31) + dt.timedelta(days=int(serial))  # before Excel's phantom 29 Feb 1900
    return epoch + dt.timedelta(days=int(serial))


def _number(value: Any, sql_type: str, column: str) -> Any:
    """A number column's cell as a number, or CellProblem: what Excel would not count is refused."""
    if isinstance(value, bool):
        raise CellProblem(f"{column}: {'TRUE' if value else 'FALSE'} is not a number",
                          "enter the number, or leave the cell empty if it was not reported", quotes_value=True)
    if isinstance(value, str):
        typed = value.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
        if not TYPED_NUMBER.fullmatch(typed):
            try:
                number = float(typed)  # Python reads "1_000", "nan" and "infinity"; Excel reads none of them
            except ValueError:
                return value  # the model says what is wrong ("Input should be a valid number")
            if not math.isfinite(number):
                raise CellProblem(f"{column}: {shown(value)} is not a finite number",
                                  "enter a number, or leave the cell empty if it was not reported")
            raise CellProblem(f"{column}: {shown(value)} is not a number as Excel reads one",
                              "enter digits only, with a point for decimals (1234.5); no underscores or words")
        value = float(typed) if sql_type == "DOUBLE" or not typed.lstrip("+-").isdigit() else int(typed)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellProblem(f"{column}: {value!r} is not a finite number",
                              "enter a number, or leave the cell empty if it was not reported")
        if sql_type == "BIGINT" and value.is_integer():
            value = int(value)  # calamine reads every number as a float; pillar 3 is not pillar 3.0
    if sql_type == "BIGINT" and isinstance(value, int) and value not in BIGINT_RANGE:
        raise CellProblem(f"{column}: {value:,} is too large to be a count",
                          "check the figure: a count is at most 9,223,372,036,854,775,807", quotes_value=True)
    return value


def coerce(value: Any, sql_type: str, column: str, epoch: dt.date) -> Any:
    """A cell's value in the form its column's model expects; CellProblem when it cannot be."""
    if value == "" or value is None:
        return None
    if sql_type in ("DOUBLE", "BIGINT"):
        return _number(value, sql_type, column)
    if isinstance(value, float) and not math.isfinite(value):
        raise CellProblem(f"{column}: {value!r} is not a finite number", "enter a number, or leave the cell empty if it was not reported")
    if sql_type == "VARCHAR":
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else repr(value)
        if isinstance(value, (dt.datetime, dt.date)):
            return value.isoformat()[:10]
        text = value if isinstance(value, str) else str(value)
        if len(text) > EXCEL_TEXT_LIMIT:
            raise CellProblem(f"{column}: the text is {len(text):,} characters long, more than a cell can hold "
                              f"({EXCEL_TEXT_LIMIT:,}); Excel and the export would cut it",
                              "shorten the text, or put the long document in a file and its name here")
        return text
    if sql_type == "DATE":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                return _from_serial(value, epoch)
            except (ValueError, OverflowError):
                raise CellProblem(f"{column}: {value!r} is not a date", "enter a date as YYYY-MM-DD") from None
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise CellProblem(f"{column}: {shown(value)} is not a date", "enter a date as YYYY-MM-DD, e.g. 2021-06-30") from None
    return value


# ---- sheets -------------------------------------------------------------------------------


def _read_sheet(name: str, table: schema.Table, grid: list[list[Any]], start: tuple[int, int],
                flagged: sheet_scan.FlaggedCells, merged: list, block: SheetRows, report: IngestReport,
                epoch: dt.date) -> None:
    """Adds one sheet's rows to ``block``; ``grid`` is calamine's values, ``start`` its (row, col) offset
    from A1, ``flagged`` the cells whose value calamine shows as empty (error values, unsaved formulas)."""
    label = block.file
    row0, col0 = start
    if row0 > 0 or not grid:
        report.add(Place(label, 1, sheet=name, cell="A1"), "the header row (row 1) is empty",
                   f"put the column names in row 1: {', '.join(table.columns)}")
        return
    headers = {}
    for index, text in enumerate(grid[0]):
        column = header_name(text)
        if column:
            headers[col0 + index] = column
    letters = {c: column_letter(i + 1) for i, c in headers.items()}
    bad_header = False
    seen: set[str] = set()
    for index, column in headers.items():
        cell = f"{column_letter(index + 1)}1"
        if column in seen:
            report.add(Place(label, 1, column, name, cell), f"column {column!r} appears twice", "delete one of the two columns")
            bad_header = True
        elif column not in table.columns:
            close = difflib.get_close_matches(column, table.columns, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            report.add(Place(label, 1, column, name, cell), f"unknown column {column!r} in {name}{hint}",
                       f"rename it to one of: {', '.join(table.columns)}", column)
            bad_header = True
        seen.add(column)
    next_free = column_letter(col0 + len(grid[0]) + 1)
    for column in table.columns:
        if column not in seen and schema.column_meta(table.name, column)["required"]:
            report.add(Place(label, 1, column, name, f"{next_free}1"), f"missing required column {column!r}",
                       "add the column to row 1 (copy the header from the template)")
            bad_header = True
    if bad_header:
        return
    sql_types = {c: schema.column_meta(table.name, c)["sql_type"] for c in table.columns}
    merged_cells: dict[tuple[int, int], str] = {}
    for (r1, c1), (r2, c2) in merged:
        ref = f"{column_letter(c1 + 1)}{r1 + 1}:{column_letter(c2 + 1)}{r2 + 1}"
        report.add(Place(label, r1 + 1, headers.get(c1), name, f"{column_letter(c1 + 1)}{r1 + 1}"),
                   f"merged cells {ref} in the data area; only the first cell of a merge keeps its value",
                   "unmerge the cells (Home > Merge & Center) and fill in every cell")
        # Only the cells within the grid are marked, and only so many: a merge of A1:XFD1048576 names
        # 17 billion cells. Marking only spares a second message for a cell of a merge already reported.
        in_rows = range(max(r1, row0), min(r2, row0 + len(grid) - 1) + 1)
        in_columns = range(max(c1, col0), min(c2, col0 + len(grid[0]) - 1) + 1)
        if len(merged_cells) + len(in_rows) * len(in_columns) <= MERGED_CELLS_MARKED:
            merged_cells.update(((r, c), ref) for r in in_rows for c in in_columns)
    positions = [(index, headers[col0 + index]) for index in range(len(grid[0])) if col0 + index in headers]
    data = grid[1:]
    first_row = row0 + 2  # the Excel row number of data[0]
    reported: dict[int, set[str]] = {}  # data index -> columns already reported
    columns = []
    by_column = list(zip(*data)) if data else []
    for index in range(len(grid[0])):
        if col0 + index in headers or index >= len(by_column):
            continue
        filled = next((offset for offset, value in enumerate(by_column[index]) if value not in ("", None)), None)
        if filled is not None:
            letter, excel_row = column_letter(col0 + index + 1), first_row + filled
            report.add(Place(label, excel_row, None, name, f"{letter}{excel_row}"),
                       f"a value under a column with no name in row 1 ({letter}1 is empty), so it would be lost",
                       f"name the column in {letter}1 (one of: {', '.join(table.columns)}) or delete its values",
                       by_column[index][filled])
    for index, column in positions:
        letter = letters[column]
        cells = by_column[index] if index < len(by_column) else [""] * len(data)
        out = _fast_column(cells, sql_types[column], empty_is_none=not flagged)
        for offset in [i for i, v in enumerate(out) if v is _SLOW]:
            value = cells[offset]
            excel_row = first_row + offset
            cell = f"{letter}{excel_row}"
            if value == "" and cell in flagged.unsaved:
                report.add(Place(label, excel_row, column, name, cell),
                           f"{column}: the formula ={clip(flagged.unsaved[cell])} has no saved value",
                           "open the file in Excel, let it calculate, save, and load it again; or type the value")
                reported.setdefault(offset, set()).add(column)
            elif value == "" and cell in flagged.errors:
                report.add(Place(label, excel_row, column, name, cell),
                           f"{column}: the cell holds the Excel error {flagged.errors[cell]}, not a value",
                           "correct the formula or type the figure; leave the cell empty only if it was not reported")
                reported.setdefault(offset, set()).add(column)
            elif (excel_row - 1, col0 + index) in merged_cells:
                reported.setdefault(offset, set()).add(column)  # reported once for the whole merge, above
            try:
                out[offset] = coerce(value, sql_types[column], column, epoch)
            except CellProblem as problem:
                report.add(Place(label, excel_row, column, name, cell), str(problem), problem.fix,
                           None if problem.quotes_value else value)
                reported.setdefault(offset, set()).add(column)
                out[offset] = None
        columns.append(out)
    names = [column for _, column in positions]
    # Blank rows between blocks are layout, not data: rows where every cell is empty and unreported.
    blank = set(range(len(data))) - reported.keys()
    for values in sorted(columns, key=lambda values: values.count(None)):  # the fullest column first
        if not blank:
            break
        blank = {offset for offset in blank if values[offset] is None}
    if blank:
        kept = [offset for offset in range(len(data)) if offset not in blank]
        columns = [[values[offset] for offset in kept] for values in columns]
        index_of = {offset: index for index, offset in enumerate(kept)}
        reported = {index_of[offset]: cells for offset, cells in reported.items()}
    else:
        kept = range(len(data))
    block.add_sheet(name, letters, dict(zip(names, columns)), [first_row + offset for offset in kept], reported)


_SLOW = object()  # marks a cell that needs coerce() and perhaps a problem report


def _fast_column(cells: list[Any], sql_type: str, empty_is_none: bool) -> list[Any]:
    """Cells that need no conversion pass as they are, in one comprehension per column type
    (text in a text column, a finite number in a number column); the rest are marked _SLOW."""
    slow = _SLOW
    if sql_type == "VARCHAR":
        limit = EXCEL_TEXT_LIMIT
        out = [v if v.__class__ is str and v != "" and len(v) <= limit else slow for v in cells]
    elif sql_type == "DOUBLE":
        out = [v if v.__class__ is float and v - v == 0 else slow for v in cells]  # NaN, inf: v - v is NaN
    elif sql_type == "BIGINT":
        out = [int(v) if v.__class__ is float and v - v == 0 and v.is_integer() and abs(v) < 2.0**63 else slow
               for v in cells]
    elif sql_type == "BOOLEAN":
        out = [v if v.__class__ is bool else slow for v in cells]
    else:
        out = [v if v.__class__ is dt.date else slow for v in cells]
    if empty_is_none and slow in out:
        out = [None if v is slow and c == "" else v for v, c in zip(out, cells)]
    return out


def read_workbook(data: bytes, filename: str, report: IngestReport, limits: Limits | None = None) -> dict[str, SheetRows]:
    """Every table sheet's rows by table (a row's Place = file, sheet, row, cell); problems to ``report``."""
    limits = limits or Limits()
    label = PurePath(filename).name
    members = _read_members(data, label, report, limits)
    if members is None:
        return {}
    try:
        xml_by_sheet, epoch = _sheet_xml(members)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as exc:  # found by the property tests
        report.add(Place(label), f"the workbook's structure is damaged ({type(exc).__name__}: {str(exc)[:80]})",
                   "open it in Excel and save it again, or start from the template")
        return {}
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - calamine raises several types for damaged files
        report.add(Place(label), f"the workbook cannot be read ({exc})", "open it in Excel and save it again")
        return {}
    rows: dict[str, SheetRows] = {}
    table_sheets = []
    for name in book.sheet_names:
        if name in IGNORED_SHEETS:
            continue
        table = SHEETS.get(name) or SHEETS.get(name.strip())
        xml = xml_by_sheet.get(name)
        if xml is None:
            report.add(Place(label, sheet=name, cell="A1"), f"the sheet {name!r} is listed, but its cells are not in the file",
                       "open the workbook in Excel and save it again")
            continue
        if not _within_limits(name, xml, label, report, limits):
            continue
        try:
            sheet = book.get_sheet_by_name(name)
            grid = sheet.to_python(skip_empty_area=True)
            flagged = sheet_scan.flagged_cells(xml) if table else sheet_scan.FlaggedCells()
        except Exception as exc:  # noqa: BLE001 - calamine's XmlError (an unknown entity) and lxml's syntax errors
            report.add(Place(label, sheet=name, cell="A1"), f"the sheet {name!r} cannot be read ({clip(str(exc), 120)})",
                       "open the workbook in Excel and save it again")
            continue
        if table is None:
            if not any(value not in ("", None) for row in grid for value in row):
                continue  # an empty extra sheet (Excel's "Sheet2") holds nothing to lose
            close = difflib.get_close_matches(name, list(SHEETS), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            report.add(Place(label, sheet=name, cell="A1"), f"unknown sheet {name!r}{hint}",
                       f"rename it to one of the template's sheets ({', '.join(SHEETS)}) or delete it")
            continue
        table_sheets.append(name)
        _read_sheet(name, table, grid, sheet.start or (0, 0), flagged, sheet.merged_cell_ranges or [],
                    rows.setdefault(table.name, SheetRows(table.name, label)), report, epoch)
    if report.ok and not table_sheets:
        named = ", ".join(repr(n) for n in book.sheet_names if n not in IGNORED_SHEETS) or "none"
        report.add(Place(label), f"this is not a Spotlight workbook: none of its sheets ({named}) is one of the "
                   f"template's ({', '.join(SHEETS)})",
                   "start from the template (Data page > Empty template) or rename the sheets")
    elif report.ok and not any(len(block) for block in rows.values()):
        report.add(Place(label, sheet=table_sheets[0], cell="A2"),
                   f"the workbook holds no rows: {', '.join(table_sheets)} have nothing under the header row",
                   "fill in the rows under the headers, or download everything in the store from the Data page, "
                   "change it and load that file")
    return rows


def _within_limits(name: str, xml: bytes, label: str, report: IngestReport, limits: Limits) -> bool:
    """Whether calamine may read the sheet: its grid is as large as its last cell, wherever that is."""
    cap = limits.max_rows_per_sheet + 1  # and the header row
    reach = sheet_scan.extent(xml, count_beyond=cap)
    if reach.rows_with_values > cap:
        report.add(Place(label, sheet=name, cell="A1"),
                   f"the sheet has {reach.rows_with_values - 1:,} rows, above the limit of {limits.max_rows_per_sheet:,}",
                   SPLIT_ROWS)
        return False
    if reach.rows > cap:
        report.add(Place(label, reach.rows, sheet=name, cell=f"A{reach.rows}"),
                   f"the sheet reaches row {reach.rows:,}, above the limit of {limits.max_rows_per_sheet:,} rows",
                   "if that row holds a stray value, delete it (Ctrl+End in Excel goes to the last cell); "
                   "otherwise split the rows into several workbooks")
        return False
    if reach.far_cell:
        report.add(Place(label, sheet=name, cell=reach.far_cell),
                   f"a value at {reach.far_cell}, far to the right of any table's columns",
                   "delete the stray value (Ctrl+End in Excel goes to the last cell) and save")
        return False
    return True
