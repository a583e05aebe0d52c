"""Rows as read -> typed rows, with every problem reported against its place."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from pydantic import ConfigDict, TypeAdapter, ValidationError

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


ROW_CONFIG = ConfigDict(str_strip_whitespace=True, allow_inf_nan=False)


@lru_cache(maxsize=None)
def field_adapter(table: str, column: str) -> TypeAdapter:
    """The validator of one column: its type with the constraints declared on the field."""
    field = schema.TABLES[table].model.model_fields[column]
    annotation = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
    return TypeAdapter(annotation, config=ROW_CONFIG)


def _validate_column(table: str, column: str, values: list[Any]) -> tuple[list[Any], list[int]]:
    """Each cell's validated value (or a _Failed holding pydantic's errors), and the failed rows.

    A column holds few distinct values (codes, periods, programmes), so each is validated once;
    the result is the same as validating the whole row, since the row models check fields alone.
    """
    adapter = field_adapter(table, column)
    field = schema.TABLES[table].model.model_fields[column]
    empty = _Failed([{"type": "missing", "loc": (), "msg": "Field required"}]) if field.is_required() \
        else field.get_default(call_default_factory=True)
    seen: dict[Any, Any] = {}
    out = []
    failed = False
    for value in values:
        key = value if value.__class__ is str else (value.__class__, value)
        try:
            out.append(seen[key])
            continue
        except KeyError:
            pass
        except TypeError:  # an unhashable value: validate it on its own
            key = None
        if value is None or (value.__class__ is str and not value.strip()):
            result = empty  # an empty cell: the column's default, or "required value is empty"
        else:
            try:
                result = adapter.validate_python(value)
            except ValidationError as exc:
                result = _Failed(exc.errors())
        failed = failed or result.__class__ is _Failed
        if key is not None:
            seen[key] = result
        out.append(result)
    return out, ([i for i, v in enumerate(out) if v.__class__ is _Failed] if failed or empty.__class__ is _Failed else [])


class _Failed:
    __slots__ = ("errors",)

    def __init__(self, errors):
        self.errors = errors


def _build(model: type[schema.Row], fields: frozenset[str], values: dict[str, Any]) -> schema.Row:
    """A row from values already validated field by field: what model_construct does, minus its
    per-call bookkeeping, which costs more than the validation itself at 100,000 rows."""
    row = model.__new__(model)
    object.__setattr__(row, "__dict__", values)
    object.__setattr__(row, "__pydantic_fields_set__", set(fields))
    object.__setattr__(row, "__pydantic_extra__", None)
    object.__setattr__(row, "__pydantic_private__", None)
    return row


def validate_rows(table: str, rows: list[RawRow], report: IngestReport) -> list[tuple[schema.Row, RawRow]]:
    """Validate every row; collect all problems rather than stopping at the first."""
    model = schema.TABLES[table].model
    fields = list(model.model_fields)
    known = frozenset(fields)
    with_extra = set()
    for index, raw in enumerate(rows):
        for column in raw.values.keys() - known:
            with_extra.add(index)
            report.add(raw.place_of(column), f"{column}: Extra inputs are not permitted",
                       f"remove the column or rename it to one of the {table} columns", raw.values[column])
    columns, failed_rows = [], set(with_extra)
    for column in fields:
        values, failed = _validate_column(table, column, [raw.values.get(column) for raw in rows])
        columns.append(values)
        failed_rows.update(failed)
    valid: list[tuple[schema.Row, RawRow]] = []
    for index, (raw, values) in enumerate(zip(rows, zip(*columns))):
        if index in failed_rows or raw.reported:  # a cell the reader refused fails its row too
            for column, value in zip(fields, values):
                if value.__class__ is not _Failed or column in raw.reported:
                    continue  # fine, or the reader already said what is wrong with this cell
                for error in value.errors:
                    report.add(raw.place_of(column), _message(error, column), _fix_for(error, table, column),
                               raw.values.get(column))
        else:
            valid.append((_build(model, known, dict(zip(fields, values))), raw))
    return valid
