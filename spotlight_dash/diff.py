"""What an import would change: rows added, changed and removed per table, by natural key.

Both sides go through an in-memory DuckDB table with the store's column types, so a date read
from a snapshot and the same date from a workbook compare equal, and NULL keys match NULL keys
(``IS NOT DISTINCT FROM``: an empty ``country`` is the programme-wide row, a real key value).
The same pass yields the table's new content: current rows in their order, matched rows
replaced in place, added rows after them in file order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import duckdb
import pandas as pd

from spotlight_dash import labels, schema


@dataclass
class TableChange:
    table: str
    added: pd.DataFrame  # incoming rows whose key is new; column _pos = index in the incoming frame
    changed: pd.DataFrame  # incoming rows whose key exists with other values; plus changed_columns
    removed: pd.DataFrame  # current rows that leave (only when removal was asked for)
    merged: pd.DataFrame  # the table's content after the import
    added_keys: list[str] = field(default_factory=list)  # row_key of added and changed rows
    added_positions: list[int] = field(default_factory=list)  # their _pos, in the same order
    removed_keys: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.added.empty and self.changed.empty and self.removed.empty


@dataclass
class Comparison:
    tables: dict[str, TableChange]

    @property
    def is_empty(self) -> bool:
        return all(change.is_empty for change in self.tables.values())

    def summary(self) -> pd.DataFrame:
        """One line per table the file touches: sheet, added, changed, removed."""
        return pd.DataFrame(
            [(c.table, schema.TABLES[c.table].sheet, len(c.added), len(c.changed), len(c.removed))
             for c in self.tables.values()],
            columns=["table", "sheet", "added", "changed", "removed"])

    def text(self, lang: str = "en") -> str:
        parts = [labels.t("diff.table", lang, table=c.table, added=len(c.added), changed=len(c.changed),
                          removed=len(c.removed)) for c in self.tables.values() if not c.is_empty]
        return "; ".join(parts) if parts else labels.t("diff.nothing", lang)


def _columns_sql(table: str) -> str:
    return ", ".join(f'"{c}" {schema.column_meta(table, c)["sql_type"]}' for c in schema.TABLES[table].columns)


def key_sql(table: str, alias: str) -> str:
    """A row's natural key as JSON text; the same expression for the store and for files."""
    parts = ", ".join(f'{alias}."{c}"::VARCHAR' for c in schema.TABLES[table].key)
    return f"to_json(list_value({parts}))::VARCHAR"


def keys_of(table: str, frame: pd.DataFrame) -> list[str]:
    """The row_key of each row of ``frame``, as :func:`compare` records it."""
    con = duckdb.connect()
    try:
        _load(con, "rows", table, frame)
        return [k for (k,) in con.execute(f"SELECT {key_sql(table, 'r')} FROM rows r ORDER BY _pos").fetchall()]
    finally:
        con.close()


def _load(con: duckdb.DuckDBPyConnection, name: str, table: str, frame: pd.DataFrame | None) -> None:
    con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" ({_columns_sql(table)}, _pos BIGINT)')
    if frame is None or frame.empty:
        return
    columns = schema.TABLES[table].columns
    con.register("frame_in", frame[columns].assign(_pos=range(len(frame))))
    con.execute(f'INSERT INTO "{name}" SELECT * FROM frame_in')
    con.unregister("frame_in")


def compare_table(con: duckdb.DuckDBPyConnection, table: str, current: pd.DataFrame | None,
                  incoming: pd.DataFrame, remove_missing: bool) -> TableChange:
    spec = schema.TABLES[table]
    _load(con, "old", table, current)
    _load(con, "new", table, incoming)
    join = " AND ".join(f'o."{c}" IS NOT DISTINCT FROM n."{c}"' for c in spec.key)
    value_columns = [c for c in spec.columns if c not in spec.key]
    differs = [f'(o."{c}" IS DISTINCT FROM n."{c}")' for c in value_columns]
    flags = ", ".join(f'{d} AS "d_{c}"' for d, c in zip(differs, value_columns)) or "NULL AS nothing"
    con.execute(f"""CREATE OR REPLACE TEMP TABLE matched AS
        SELECT o._pos AS opos, n._pos AS npos, {flags} FROM old o JOIN new n ON {join}""")
    cols = ", ".join(f'"{c}"' for c in spec.columns)
    added = con.execute(f"SELECT {cols}, _pos FROM new WHERE _pos NOT IN (SELECT npos FROM matched) ORDER BY _pos").df()
    any_differs = " OR ".join(f'm."d_{c}"' for c in value_columns) or "false"
    names = ", ".join(f"""CASE WHEN m."d_{c}" THEN '{c}' END""" for c in value_columns)
    changed_list = f"list_filter([{names}], lambda x: x IS NOT NULL)" if value_columns else "[]::VARCHAR[]"
    changed = con.execute(f"""SELECT {", ".join(f'n."{c}"' for c in spec.columns)}, n._pos,
        {changed_list} AS changed_columns
        FROM matched m JOIN new n ON n._pos = m.npos WHERE {any_differs} ORDER BY n._pos""").df()
    if remove_missing:
        removed = con.execute(f"SELECT {cols}, _pos FROM old WHERE _pos NOT IN (SELECT opos FROM matched) ORDER BY _pos").df()
    else:
        removed = pd.DataFrame(columns=[*spec.columns, "_pos"])
    keep_old = "" if not remove_missing else "AND false"
    offset = int(con.execute("SELECT coalesce(max(_pos), -1) + 1 FROM old").fetchone()[0])
    merged = con.execute(f"""
        SELECT {cols} FROM (
            SELECT {", ".join(f'n."{c}"' for c in spec.columns)}, m.opos AS sort_key
              FROM matched m JOIN new n ON n._pos = m.npos
            UNION ALL
            SELECT {cols}, _pos FROM old WHERE _pos NOT IN (SELECT opos FROM matched) {keep_old}
            UNION ALL
            SELECT {cols}, $offset + _pos FROM new WHERE _pos NOT IN (SELECT npos FROM matched)
        ) ORDER BY sort_key""", {"offset": offset}).df()
    touched = con.execute(f"""SELECT n._pos, {key_sql(table, 'n')} FROM new n
        WHERE n._pos NOT IN (SELECT npos FROM matched)
           OR n._pos IN (SELECT npos FROM matched m WHERE {any_differs}) ORDER BY n._pos""").fetchall()
    gone = []
    if remove_missing:
        gone = con.execute(f"SELECT {key_sql(table, 'o')} FROM old o WHERE o._pos NOT IN (SELECT opos FROM matched)").fetchall()
    return TableChange(table, added, changed, removed, merged, added_keys=[k for _, k in touched],
                       added_positions=[p for p, _ in touched], removed_keys=[k for (k,) in gone])


def compare(current: dict[str, pd.DataFrame], incoming: dict[str, pd.DataFrame],
            remove_missing: Iterable[str] = ()) -> Comparison:
    """The changes ``incoming`` makes to ``current``; only tables the file holds are compared.

    A table named in ``remove_missing`` loses the current rows whose key the file lacks.
    """
    remove = set(remove_missing)
    con = duckdb.connect()
    try:
        changes = {}
        for table, frame in incoming.items():
            if (frame is None or frame.empty) and table not in remove:
                continue
            changes[table] = compare_table(con, table, current.get(table), frame, table in remove)
        return Comparison(changes)
    finally:
        con.close()


def apply(current: dict[str, pd.DataFrame], comparison: Comparison) -> dict[str, pd.DataFrame]:
    """The store's tables after the import: the compared tables replaced by their merged content."""
    return {**current, **{name: change.merged for name, change in comparison.tables.items()}}
