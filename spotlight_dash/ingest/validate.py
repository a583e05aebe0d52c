"""Rows as read -> typed rows, with every problem reported against its place."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from pydantic import ConfigDict, TypeAdapter, ValidationError

from spotlight_dash import schema
from spotlight_dash.ingest.report import IngestReport, Place, RowBlock
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


def _annotation(table: str, column: str) -> Any:
    """A column's type with the constraints declared on its field."""
    field = schema.TABLES[table].model.model_fields[column]
    return Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation


@lru_cache(maxsize=None)
def field_adapter(table: str, column: str) -> TypeAdapter:
    """The validator of one cell of a column."""
    return TypeAdapter(_annotation(table, column), config=ROW_CONFIG)


@lru_cache(maxsize=None)
def _list_adapter(table: str, column: str) -> TypeAdapter:
    """The validator of a list of one column's values: one call into pydantic for a whole column."""
    return TypeAdapter(list[_annotation(table, column)], config=ROW_CONFIG)


def _validate_column(table: str, column: str, values: list[Any]) -> tuple[list[Any], list[int]]:
    """Each cell's validated value (or a _Failed holding pydantic's errors), and the failed rows.

    A column holds few distinct values (codes, periods, programmes), so each is validated once;
    the result is the same as validating the whole row, since the row models check fields alone.
    """
    field = schema.TABLES[table].model.model_fields[column]
    empty = _Failed([{"type": "missing", "loc": (), "msg": "Field required"}]) if field.is_required() \
        else field.get_default(call_default_factory=True)
    keys = values
    if len({v.__class__ for v in values if v is not None}) > 1:
        keys = [(v.__class__, v) for v in values]  # 1, 1.0 and True are equal keys but may validate apart
    try:
        distinct = dict(zip(keys, values))
    except TypeError:  # an unhashable value: validate each on its own
        keys = range(len(values))
        distinct = dict(zip(keys, values))
    results, pending = {}, {}
    for key, value in distinct.items():
        if value is None or (value.__class__ is str and not value.strip()):
            results[key] = empty  # an empty cell: the column's default, or "required value is empty"
        else:
            pending[key] = value
    try:
        results.update(zip(pending, _list_adapter(table, column).validate_python(list(pending.values()))))
    except ValidationError:  # something fails: each value on its own, for its own errors
        adapter = field_adapter(table, column)
        for key, value in pending.items():
            try:
                results[key] = adapter.validate_python(value)
            except ValidationError as exc:
                results[key] = _Failed(exc.errors())
    out = list(map(results.__getitem__, keys))
    failed = any(result.__class__ is _Failed for result in results.values())
    return out, ([i for i, v in enumerate(out) if v.__class__ is _Failed] if failed else [])


class _Failed:
    __slots__ = ("errors",)

    def __init__(self, errors):
        self.errors = errors


class ValidRows:
    """The rows of one table that passed validation, column by column, with where each came from.

    ``indices[i]`` is row i's index in the block as read, which knows its place.
    """

    def __init__(self, block: RowBlock, columns: dict[str, list[Any]], indices: list[int] | range):
        self.table, self.block, self.columns, self.indices = block.table, block, columns, indices

    def __len__(self) -> int:
        return len(self.indices)

    def place(self, i: int) -> Place:
        return self.block.place(self.indices[i])

    def place_of(self, i: int, column: str) -> Place:
        return self.block.place_of(self.indices[i], column)

    def origins(self, positions: list[int]) -> tuple[list[str | None], list[int | None]]:
        return self.block.origins([self.indices[i] for i in positions])


def validate_rows(block: RowBlock, report: IngestReport) -> ValidRows:
    """Validate every row, column by column; collect all problems rather than stopping at the first.

    Problems are reported row by row, in column order, as if each row had been validated on its own.
    """
    table = block.table
    fields = list(schema.TABLES[table].model.model_fields)
    failed_rows = {index for index, _, _ in block.extra} | block.reported.keys()
    for index, column, value in block.extra:
        report.add(block.place_of(index, column), f"{column}: Extra inputs are not permitted",
                   f"remove the column or rename it to one of the {table} columns", value)
    count = len(block)
    columns = {}
    for column in fields:
        values, failed = _validate_column(table, column, block.columns.get(column) or [None] * count)
        columns[column] = values
        failed_rows.update(failed)
    for index in sorted(failed_rows):
        reported = block.reported.get(index, ())
        for column in fields:
            value = columns[column][index]
            if value.__class__ is not _Failed or column in reported:
                continue  # fine, or the reader already said what is wrong with this cell
            raw_value = block.columns[column][index] if column in block.columns else None
            for error in value.errors:
                report.add(block.place_of(index, column), _message(error, column), _fix_for(error, table, column),
                           raw_value)
    if not failed_rows:
        return ValidRows(block, columns, range(count))
    indices = [index for index in range(count) if index not in failed_rows]
    return ValidRows(block, {column: [values[i] for i in indices] for column, values in columns.items()}, indices)
