"""Checks across rows and tables, run after every row validated on its own.

Rules see the incoming rows together with what the current snapshot already holds (``known``),
so a workbook may refer to a programme or source that is already in the store.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import Iterable

from spotlight_dash import schema
from spotlight_dash.ingest.report import IngestReport
from spotlight_dash.ingest.validate import ValidRows

Validated = dict[str, ValidRows]
Known = dict[str, set[tuple]]  # table -> keys already in the store, per reference

# (table, columns) -> (referenced table, its columns): the foreign keys of the model.
REFERENCES: list[tuple[str, tuple[str, ...], str, tuple[str, ...]]] = [
    ("sources", ("document_id",), "documents", ("document_id",)),
    ("results", ("programme_id", "parent_code"), "results", ("programme_id", "result_code")),
    ("indicators", ("programme_id", "result_code"), "results", ("programme_id", "result_code")),
    ("indicator_values", ("programme_id", "indicator_code"), "indicators", ("programme_id", "indicator_code")),
]
for _name, _table in schema.TABLES.items():
    _cols = _table.columns
    if "source_id" in _cols and _name != "sources":
        REFERENCES.append((_name, ("source_id",), "sources", ("source_id",)))
    if "programme_id" in _cols and _name != "programmes":
        REFERENCES.append((_name, ("programme_id",), "programmes", ("programme_id",)))
    if "period_id" in _cols and _name != "periods":
        REFERENCES.append((_name, ("period_id",), "periods", ("period_id",)))

# Tables whose rows with an empty country are the total of the rows with a country.
TOTALS: dict[str, str] = {"media": "count", "reach": "count", "reference_group": "members"}


def keys(rows: ValidRows, columns: Iterable[str]) -> Iterable[tuple]:
    """Each row's values of ``columns`` as a tuple (also for one column), in row order."""
    return zip(*(rows.columns[c] for c in columns))


def check_duplicates(rows: Validated, report: IngestReport) -> None:
    for name, valid in rows.items():
        key = schema.TABLES[name].key
        first: dict[tuple, int] = {}
        for index, k in enumerate(keys(valid, key)):
            earlier = first.setdefault(k, index)
            if earlier != index:
                report.add(valid.place(index), f"duplicate key in {name}: {', '.join(f'{c}={v}' for c, v in zip(key, k) if v is not None)}"
                           f" also at {valid.place(earlier)}",
                           "keep one of the two rows, or change a key column")


def _near_miss(value, candidates: set) -> str | None:
    """The closest known code, for typos such as "2O21" or "3.2.20"."""
    text = str(value).strip().casefold()
    pool = {str(c).casefold(): c for c in candidates if c is not None}
    match = difflib.get_close_matches(text, list(pool), n=1, cutoff=0.75)
    return pool[match[0]] if match else None


def check_references(rows: Validated, report: IngestReport, known: Known | None = None) -> None:
    known = known or {}
    for table, columns, target, target_columns in REFERENCES:
        if table not in rows or not len(rows[table]):
            continue
        available = set(keys(rows[target], target_columns)) if target in rows else set()
        available |= known.get(f"{target}:{','.join(target_columns)}", set())
        # Most files refer to a handful of codes: look each distinct one up once.
        unknown = {value for value in set(keys(rows[table], columns))
                   if value not in available and None not in value}
        if not unknown:
            continue
        for index, value in enumerate(keys(rows[table], columns)):
            if value in unknown:
                shown = value[-1]
                close = _near_miss(shown, {k[-1] for k in available if k[:-1] == value[:-1]})
                hint = f"; did you mean {close!r}?" if close else ""
                report.add(rows[table].place_of(index, columns[-1]),
                           f"{columns[-1]} {shown!r} is not in {target}{hint}",
                           f"add it to the {schema.TABLES[target].sheet} sheet first, or correct the code",
                           shown)


def check_dates(rows: Validated, report: IngestReport) -> None:
    for name in ("periods", "campaigns", "events"):
        if name not in rows:
            continue
        for index, (start, end) in enumerate(keys(rows[name], ("start_date", "end_date"))):
            if start and end and start > end:
                report.add(rows[name].place_of(index, "start_date"),
                           f"start_date {start.isoformat()} is after end_date {end.isoformat()}",
                           "swap the dates or correct one of them", start.isoformat())


def check_totals(rows: Validated, report: IngestReport) -> None:
    """A breakdown by country that adds up to more than its stated total is a warning."""
    for name, measure in TOTALS.items():
        if name not in rows:
            continue
        valid = rows[name]
        key = [c for c in schema.TABLES[name].key if c not in ("country", "source_id")]
        totals: dict[tuple, list[int]] = defaultdict(list)
        statements: dict[tuple, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for index, (k, country, value) in enumerate(zip(keys(valid, key), valid.columns["country"], valid.columns[measure])):
            if country is None:
                totals[k].append(index)
            elif value is not None:
                statements[k][country].append(value)
        # Two sources for one country's figure are alternatives, not parts (metrics.py): each country
        # counts with its smallest statement, so the warning holds whichever source is right.
        parts = {k: sum(min(values) for values in by_country.values()) for k, by_country in statements.items()}
        for k, indices in totals.items():
            for index in indices:
                total = valid.columns[measure][index]
                if total is not None and parts.get(k, 0) > total:
                    report.add(valid.place_of(index, measure),
                               f"the rows by country add up to {parts[k]:,}, more than this total of {total:,}",
                               "check the total and the rows by country", total, severity="warning")


def check_all(rows: Validated, report: IngestReport, known: Known | None = None) -> None:
    check_duplicates(rows, report)
    check_references(rows, report, known)
    check_dates(rows, report)
    check_totals(rows, report)


def reference_keys(frames: dict) -> Known:
    """The keys that other tables may refer to, from the tables of a snapshot (DataFrames)."""
    known: Known = {}
    for _, _, target, columns in REFERENCES:
        frame = frames.get(target)
        if frame is None or frame.empty:
            continue
        values = frame[list(columns)].astype(object).where(frame[list(columns)].notna(), None)
        known[f"{target}:{','.join(columns)}"] = set(map(tuple, values.itertuples(index=False)))
    return known
