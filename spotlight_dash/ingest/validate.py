"""Rows as read -> typed rows, with every problem reported against its place."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from spotlight_dash import schema
from spotlight_dash.ingest.report import IngestReport, RawRow
from spotlight_dash.schema import CodeError


def _fix_for(error: dict[str, Any], table: str, column: str) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    meta = schema.column_meta(table, column) if column in schema.TABLES[table].model.model_fields else {}
    if kind == "missing":
        return f"fill in {column}; it is required"
    if isinstance(ctx.get("error"), CodeError):
        code_error: CodeError = ctx["error"]
        if code_error.suggestion:
            return f"use {code_error.suggestion}"
        return "use one of the allowed codes (see the template's dropdown)"
    if kind in ("greater_than_equal", "less_than_equal"):
        return "enter a value within the allowed range; leave it empty if it was not reported"
    if kind.startswith("finite_number"):
        return "enter a finite number, or leave the cell empty if it was not reported"
    if kind == "extra_forbidden":
        return f"remove the column or rename it to one of the {table} columns"
    if meta.get("sql_type") == "DATE":
        return "enter a date as YYYY-MM-DD"
    if meta.get("sql_type") in ("BIGINT", "DOUBLE"):
        return "enter a number without text or units; leave it empty if it was not reported"
    return "correct the value"


def _message(error: dict[str, Any], column: str) -> str:
    ctx = error.get("ctx") or {}
    if isinstance(ctx.get("error"), CodeError):
        return str(ctx["error"])
    if error["type"] == "missing":
        return f"{column}: required value is empty"
    text = error["msg"].removeprefix("Value error, ")
    return f"{column}: {text}"


def validate_rows(table: str, rows: list[RawRow], report: IngestReport) -> list[tuple[schema.Row, RawRow]]:
    """Validate every row; collect all problems rather than stopping at the first."""
    model = schema.TABLES[table].model
    valid: list[tuple[schema.Row, RawRow]] = []
    for raw in rows:
        try:
            valid.append((model.model_validate(raw.values), raw))
        except ValidationError as exc:
            for error in exc.errors():
                column = str(error["loc"][0]) if error["loc"] else ""
                if column in raw.reported:
                    continue  # the reader already said what is wrong with this cell
                report.add(
                    raw.place_of(column),
                    _message(error, column),
                    _fix_for(error, table, column),
                    raw.values.get(column),
                )
    return valid
