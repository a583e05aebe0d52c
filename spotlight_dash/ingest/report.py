"""What a reader or a rule found wrong, and where: the IngestReport every way in produces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


MB = 2**20


def too_large(size: int | None, limit: int) -> str:
    """The message for a file above a size limit; ``size`` None when only "more than" is known (a pipe)."""
    if size is None:
        return f"the file is larger than the limit of {limit / MB:.0f} MB"
    return f"the file is {size / MB:.1f} MB, above the limit of {limit / MB:.0f} MB"


def clip(text: str, limit: int = 60) -> str:
    """A long text as a message quotes it: its start and its length, never megabytes on a screen."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


def shown(value: Any, limit: int = 60) -> str:
    """A cell's value as a message quotes it: never more than ``limit`` characters of a long text."""
    if isinstance(value, str) and len(value) > limit:
        return f"{value[:limit]!r}… ({len(value):,} characters)"
    return repr(value)


@dataclass(frozen=True)
class Place:
    """Where a value came from: a file and row, and for a workbook the sheet and cell."""

    file: str
    row: int | None = None
    column: str | None = None  # the header as the user sees it
    sheet: str | None = None
    cell: str | None = None  # e.g. B17, for workbooks
    path: str | None = None  # element path, for XML files (row is then the line)

    def __str__(self) -> str:
        if self.path is not None:  # an XML element: its path, then its line
            text = f"{self.file}: {self.path}" + (f" (line {self.row})" if self.row is not None else "")
            return f"{text} [{self.column}]" if self.column else text
        if self.sheet is not None:
            return f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        text = self.file
        if self.row is not None:
            text += f":{self.row}"
        if self.column:
            text += f" [{self.column}]"
        return text


@dataclass(frozen=True)
class Problem:
    place: Place
    message: str
    fix: str = ""
    value: Any = None
    severity: str = "error"  # "error" blocks the commit; "warning" is shown and can be acknowledged

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"

    def line(self) -> str:
        """The whole story on one line: place, column, message, the value found, what to do."""
        column = self.place.column
        text = self.message if not column or self.message.startswith(column) else f"{column}: {self.message}"
        if self.value is not None and shown(self.value) not in text:
            holder = "the file has" if self.place.path is not None else "the cell holds"  # XML has no cells
            text += f" ({holder} {shown(self.value)})"
        if self.fix:
            text += f" -> {self.fix}"
        return ("warning: " if self.severity == "warning" else "") + f"{self.place}: {text}"


@dataclass
class RawRow:
    """One row as read, before validation: values by column, and where each came from."""

    table: str
    values: dict[str, Any]
    place: Place
    cells: dict[str, str] = field(default_factory=dict)  # column -> cell reference
    reported: set[str] = field(default_factory=set)  # columns the reader already reported; not again

    def place_of(self, column: str) -> Place:
        p = self.place
        return Place(p.file, p.row, column, p.sheet, self.cells.get(column, p.cell), p.path)


class RowBlock:
    """The rows of one table as read, column by column: what validation takes.

    Columnar because a workbook sheet may hold 100,000 rows: validation, the cross-row rules and
    the diff work on whole columns, and a row's Place is made only when a problem or a commit
    asks for it. ``reported`` holds, by row index, the columns a reader already refused.
    """

    table: str
    columns: dict[str, list[Any]]  # every column has one value per row
    reported: dict[int, set[str]]
    extra: list[tuple[int, str, Any]]  # (row index, column, value) of columns the table lacks

    def __len__(self) -> int:
        raise NotImplementedError

    def place(self, index: int) -> Place:
        raise NotImplementedError

    def place_of(self, index: int, column: str) -> Place:
        raise NotImplementedError

    def origins(self, indices: list[int]) -> tuple[list[str | None], list[int | None]]:
        """The sheets (element paths, for an XML file) and rows (lines) of rows, for their row locations."""
        places = [self.place(index) for index in indices]
        return [p.sheet or p.path for p in places], [p.row for p in places]


class RawRowBlock(RowBlock):
    """RawRows made one by one (text files, IATI activities), seen as columns of the table."""

    def __init__(self, table: str, rows: list[RawRow], fields: list[str]):
        self.table, self.rows = table, rows
        self.columns = {column: [raw.values.get(column) for raw in rows] for column in fields}
        known = set(fields)
        self.extra = [(index, column, raw.values[column])
                      for index, raw in enumerate(rows) for column in raw.values.keys() - known]
        self.reported = {index: raw.reported for index, raw in enumerate(rows) if raw.reported}

    def __len__(self) -> int:
        return len(self.rows)

    def place(self, index: int) -> Place:
        return self.rows[index].place

    def place_of(self, index: int, column: str) -> Place:
        return self.rows[index].place_of(column)


@dataclass
class IngestReport:
    problems: list[Problem] = field(default_factory=list)

    def add(self, place: Place, message: str, fix: str = "", value: Any = None, severity: str = "error"):
        self.problems.append(Problem(place, message, fix, value, severity))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def detailed_lines(self) -> list[str]:
        return [p.line() for p in self.problems]

    def frame(self):
        """The problems as a table for a page: one row each, errors first."""
        import pandas as pd  # only callers that want a table pay for pandas here

        rows = [(p.severity, p.place.sheet or p.place.path or p.place.file,
                 p.place.cell or (f"line {p.place.row}" if p.place.path and p.place.row else ""), p.place.column or "",
                 "" if p.value is None else clip(str(p.value)), p.message, p.fix)
                for p in sorted(self.problems, key=lambda p: p.severity != "error")]
        return pd.DataFrame(rows, columns=["severity", "sheet", "cell", "column", "value", "problem", "how_to_fix"])

    def lines(self) -> list[str]:
        return [("warning: " if p.severity == "warning" else "") + str(p) for p in self.problems]


class IngestError(Exception):
    """Raised when a report has errors and nothing may be written."""

    def __init__(self, report: IngestReport):
        self.report = report
        super().__init__(f"{len(report.errors)} problem(s); nothing was written")
