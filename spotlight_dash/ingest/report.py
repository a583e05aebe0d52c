"""What a reader or a rule found wrong, and where: the IngestReport every way in produces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Place:
    """Where a value came from: a file and row, and for a workbook the sheet and cell."""

    file: str
    row: int | None = None
    column: str | None = None  # the header as the user sees it
    sheet: str | None = None
    cell: str | None = None  # e.g. B17, for workbooks

    def __str__(self) -> str:
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


@dataclass
class RawRow:
    """One row as read, before validation: values by column, and where each came from."""

    table: str
    values: dict[str, Any]
    place: Place
    cells: dict[str, str] = field(default_factory=dict)  # column -> cell reference

    def place_of(self, column: str) -> Place:
        p = self.place
        return Place(p.file, p.row, column, p.sheet, self.cells.get(column, p.cell))


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

    def lines(self) -> list[str]:
        return [("warning: " if p.severity == "warning" else "") + str(p) for p in self.problems]


class IngestError(Exception):
    """Raised when a report has errors and nothing may be written."""

    def __init__(self, report: IngestReport):
        self.report = report
        super().__init__(f"{len(report.errors)} problem(s); nothing was written")
