"""One way in: read -> validate rows -> cross-row rules -> report -> commit as one snapshot."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from spotlight_dash import diff, schema, store
from spotlight_dash.ingest import iati, plausibility, rules, sandbox, textdir, workbook
from spotlight_dash.ingest.report import IngestError, IngestReport, Place, RawRow, RawRowBlock, RowBlock
from spotlight_dash.ingest.validate import validate_rows


@dataclass
class Outcome:
    report: IngestReport
    version: int | None  # None for a dry run
    rows: dict[str, int]


def to_frames(validated: rules.Validated) -> dict[str, pd.DataFrame]:
    # The validated values as they are (dates as dates), column by column.
    return {name: pd.DataFrame({c: valid.columns[c] for c in schema.TABLES[name].columns})
            for name, valid in validated.items()}


def validate(raw: dict[str, RowBlock | list[RawRow]], report: IngestReport,
             known: rules.Known | None = None) -> rules.Validated:
    """Rows as read (a reader's RowBlock, or RawRows) -> valid rows by table, then the cross-row rules."""
    blocks = {name: rows if isinstance(rows, RowBlock) else RawRowBlock(name, rows, list(schema.TABLES[name].model.model_fields))
              for name, rows in raw.items()}
    validated = {name: validate_rows(block, report) for name, block in blocks.items()}
    rules.check_all(validated, report, known)
    return validated


def merge(current: dict[str, pd.DataFrame], incoming: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Incoming rows replace the current rows with the same natural key; others are added.

    Nothing is removed: a row leaves the store only when a user asks for it explicitly.
    """
    merged = {}
    for name, table in schema.TABLES.items():
        old, new = current.get(name), incoming.get(name)
        if new is None or new.empty:
            merged[name] = old
            continue
        if old is None or old.empty:
            merged[name] = new
            continue
        both = pd.concat([old.astype(object), new.astype(object)], ignore_index=True)
        merged[name] = both.drop_duplicates(subset=list(table.key), keep="last").reset_index(drop=True)
    return merged


def build(data_dir: Path, user_name: str | None = None, dry_run: bool = False) -> Outcome:
    """Build a new snapshot from the shipped text dataset; the current one stays on any error."""
    started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    report = IngestReport()
    raw = textdir.read_directory(data_dir, report)
    validated = validate(raw, report)
    rows = {name: len(valid) for name, valid in validated.items()}
    if not report.ok:
        raise IngestError(report)
    if dry_run:
        return Outcome(report, None, rows)
    previous, records = None, {}
    state = store.current_state()
    if state.path is not None:
        with store.open_reader(state.path) as con:
            previous = store.read_runs(con)
            # The committee's meetings and notes were written in the app, not in data/: a rebuild keeps them.
            records = store.read_tables(con, schema.RECORD_TABLES)
    run = store.Run("build", str(data_dir), textdir.fingerprint(data_dir), user_name or getpass.getuser(), started, rows)
    version = store.commit({**to_frames(validated), **records}, run, previous)
    return Outcome(report, version, rows)


# ---- workbook imports ---------------------------------------------------------------------


@dataclass
class ImportResult:
    """What checking (and perhaps committing) a workbook gave; everything the Data page shows."""

    report: IngestReport
    comparison: diff.Comparison | None  # None when the file has errors
    rows: dict[str, int]  # rows read per table
    sha256: str
    base_version: int | None  # the snapshot the file was compared with
    version: int | None = None  # the new snapshot, when one was committed
    status: str = "checked"  # problems | warnings | valid | nothing to change | committed

    @property
    def problems(self) -> pd.DataFrame:
        return self.report.frame()

    @property
    def changes(self) -> pd.DataFrame:
        return self.comparison.summary() if self.comparison else diff.Comparison({}).summary()


def current_tables() -> tuple[int | None, dict[str, pd.DataFrame], pd.DataFrame, pd.DataFrame]:
    """The current snapshot's version, tables, ingest runs and row locations (empty store: none)."""
    state = store.current_state()
    if state.path is None:
        return None, {}, pd.DataFrame(columns=store.RUN_COLUMNS), pd.DataFrame(columns=store.ROW_SOURCE_COLUMNS)
    with store.open_reader(state.path) as con:
        return state.version, store.read_tables(con), store.read_runs(con), store.read_row_sources(con)


def check_workbook(data: bytes, filename: str, remove_missing: Iterable[str] = (),
                   limits: workbook.Limits | None = None) -> ImportResult:
    """Read, validate and compare with the current snapshot; writes nothing (the dry run)."""
    report = IngestReport()
    digest = hashlib.sha256(data).hexdigest()
    snapshot = current_tables()
    base, current = snapshot[0], snapshot[1]
    raw = sandbox.read_apart(workbook.read_workbook, data, filename, report, limits) or {}
    for table in remove_missing:
        if table not in schema.TABLES:
            report.add(Place(filename), f"--remove-missing names no table: {table!r}",
                       f"use one of: {', '.join(schema.TABLES)}")
        elif not raw.get(table) and report.ok:
            report.add(Place(filename, sheet=schema.TABLES[table].sheet),
                       f"removal was asked for {table}, but the workbook has no rows on its sheet",
                       "leave out the removal, or load a sheet that holds every row to keep")
    validated = validate(raw, report, rules.reference_keys(current))
    rows = {name: len(valid) for name, valid in validated.items() if len(valid)}
    if not report.ok:
        return ImportResult(report, None, rows, digest, base, status="problems")
    plausibility.check(validated, current, report)
    incoming = to_frames({name: valid for name, valid in validated.items() if len(valid)})
    comparison = diff.compare(current, incoming, remove_missing)
    result = ImportResult(report, comparison, rows, digest, base, status="valid")
    result._validated = validated  # the rows' places, for the row locations written on commit
    result._snapshot = snapshot  # the commit writes onto exactly what was compared (expected_version guards it)
    if comparison.is_empty:
        result.status = "nothing to change"
    return result


def _row_sources(result: ImportResult, filename: str, previous: pd.DataFrame) -> pd.DataFrame:
    """Previous locations, minus rows this import replaced or removed, plus this file's rows."""
    fresh, leaving = [], set()
    for name, change in result.comparison.tables.items():
        count = len(change.added_keys)
        if count:
            # For an XML file the "sheet" is the element path and the row its line.
            sheets, rows = result._validated[name].origins(change.added_positions)
            fresh.append(pd.DataFrame({"table_name": [name] * count, "row_key": change.added_keys,
                                       "file": [filename] * count, "sha256": [result.sha256] * count,
                                       "sheet": sheets, "row_number": rows, "version": [None] * count}))
        leaving.update((name, key) for key in change.added_keys)
        leaving.update((name, key) for key in change.removed_keys)
    kept = previous[[(t, k) not in leaving for t, k in zip(previous.table_name, previous.row_key)]] if len(previous) else previous
    new = pd.concat(fresh, ignore_index=True).astype({"version": "Int64"}) if fresh \
        else pd.DataFrame(columns=store.ROW_SOURCE_COLUMNS).astype({"version": "Int64"})
    return pd.concat([kept.astype({"version": "Int64"}), new], ignore_index=True) if len(kept) else new


def _ready_to_commit(result: ImportResult, dry_run: bool, accept_warnings: bool) -> bool:
    """No errors, warnings accepted, something to change and not a dry run (else the status says why)."""
    if result.status == "problems":
        return False
    if result.report.warnings and not accept_warnings:
        result.status = "warnings"
        return False
    return not (dry_run or result.status == "nothing to change")


def import_workbook(data: bytes, filename: str, user_name: str | None = None, *, dry_run: bool = False,
                    accept_warnings: bool = False, remove_missing: Iterable[str] = (),
                    limits: workbook.Limits | None = None) -> ImportResult:
    """Check a workbook and, when it has no errors (and its warnings are accepted), commit it.

    The commit is one new snapshot (store.commit: atomic); a file that changes nothing writes
    nothing. The run records who, when, the file, its SHA-256 and the rows per table.
    """
    started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    filename = Path(filename).name
    result = check_workbook(data, filename, remove_missing, limits)
    if not _ready_to_commit(result, dry_run, accept_warnings):
        return result
    base, current, runs, row_sources = result._snapshot  # not read again: a large store costs seconds to read
    _fault_point("import-before-commit")
    run = store.Run("import", filename, result.sha256, user_name or getpass.getuser(), started, result.rows,
                    note=result.comparison.text())
    result.version = store.commit(diff.apply(current, result.comparison), run, runs,
                                  row_sources=_row_sources(result, filename, row_sources),
                                  expected_version=base)
    result.status = "committed"
    return result


UNDOABLE_RUNS = ("import", "iati", "note")  # a workbook, an IATI file, or a meeting's note or status change


def undo_last_import(user_name: str | None = None) -> int:
    """Make the snapshot before the last import current again (a rollback, recorded as such).

    Refused when the current snapshot was not made by an import: undo never skips over a
    later build or rollback unseen.
    """
    _, _, runs, _ = current_tables()
    if not len(runs):
        raise store.StoreError("the store is empty; there is no import to undo")
    last = runs.iloc[-1]
    if last.run_kind not in UNDOABLE_RUNS:
        raise store.StoreError(f"the current snapshot v{int(last.version):04d} was made by a {last.run_kind}, "
                               "not an import; use `rollback VERSION` to choose a snapshot")
    return store.rollback(None, user_name or getpass.getuser())


def import_history() -> pd.DataFrame:
    """Every ingest run the current snapshot records: when, kind, who, file, SHA-256, rows, changes."""
    _, _, runs, _ = current_tables()
    if not len(runs):
        return pd.DataFrame(columns=["version", "finished_at", "run_kind", "user_name", "file", "sha256", "rows", "note"])
    rows = [", ".join(f"{k} {v}" for k, v in json.loads(text).items() if v) for text in runs.rows_json]
    return runs.assign(rows=rows)[["version", "finished_at", "run_kind", "user_name", "file", "sha256", "rows", "note"]]


def row_source(table: str, row: dict) -> dict | None:
    """Where one stored row was loaded from (file, sheet, row, SHA-256, version), or None."""
    _, _, _, row_sources = current_tables()
    key = diff.keys_of(table, pd.DataFrame([{c: row.get(c) for c in schema.TABLES[table].columns}]))[0]
    found = row_sources[(row_sources.table_name == table) & (row_sources.row_key == key)]
    return None if found.empty else found.iloc[-1].to_dict()


# ---- IATI activity files ------------------------------------------------------------------


@dataclass
class IatiImportResult(ImportResult):
    spotlight_activities: list[str] = field(default_factory=list)  # funded by the Spotlight fund: linkable
    linked: list[str] = field(default_factory=list)  # activities this import links to `programme_id`
    programme_id: str | None = None


def _iati_compare(current: dict[str, pd.DataFrame], incoming: dict[str, pd.DataFrame]) -> diff.Comparison:
    """A file replaces everything stored for the activities it holds, and leaves other activities alone.

    An activity's budgets and transactions have no identifiers of their own: the publisher's
    latest file is the whole truth about the activity, so rows it no longer lists leave.
    """
    in_file = set(incoming["iati_activities"].iati_identifier)
    mine, others = {}, {}
    for name in schema.IATI_TABLES:
        frame = current.get(name)
        if frame is None or frame.empty:
            continue
        hit = frame.iati_identifier.isin(in_file)
        mine[name], others[name] = frame[hit], frame[~hit]
    comparison = diff.compare({**current, **mine}, incoming, remove_missing=schema.IATI_TABLES)
    for name, change in comparison.tables.items():
        if name in others and len(others[name]):
            change.merged = pd.concat([others[name].astype(object), change.merged.astype(object)], ignore_index=True)
    return comparison


def check_iati(data: bytes, filename: str, programme_id: str | None = None) -> IatiImportResult:
    """Read, validate and compare an IATI activity file with the current snapshot; writes nothing.

    Spotlight-funded activities are linked to ``programme_id`` only when one is given; links made
    by an earlier import are kept, never dropped silently.
    """
    filename = Path(filename).name
    report = IngestReport()
    digest = hashlib.sha256(data).hexdigest()
    snapshot = current_tables()
    base, current = snapshot[0], snapshot[1]
    raw = sandbox.read_apart(iati.read_iati, data, filename, report, digest) or iati.no_rows()
    known_links = {}
    stored = current.get("iati_activities")
    if stored is not None and len(stored):
        known_links = {i: p for i, p in zip(stored.iati_identifier, stored.programme_id) if isinstance(p, str)}
    spotlight = [r.values["iati_identifier"] for r in raw["iati_activities"] if r.values["spotlight_funded"]]
    linked = []
    for row in raw["iati_activities"]:
        ident = row.values["iati_identifier"]
        if programme_id and row.values["spotlight_funded"]:
            row.values["programme_id"] = programme_id
            linked.append(ident)
        elif ident in known_links:
            row.values["programme_id"] = known_links[ident]
    if programme_id and report.ok and raw["iati_activities"] and not spotlight:
        report.add(Place(filename), f"--programme {programme_id} was asked for, but no activity in the file is funded by "
                   "the MPTFO-Spotlight Initiative Fund; nothing would be linked", "leave out the programme")
    validated = validate(raw, report, rules.reference_keys(current))
    rows = {name: len(valid) for name, valid in validated.items() if len(valid)}
    result = IatiImportResult(report, None, rows, digest, base, status="problems",
                              spotlight_activities=spotlight, linked=linked, programme_id=programme_id)
    if not report.ok:
        return result
    incoming = to_frames(validated)
    result.comparison = _iati_compare(current, incoming)
    result._validated = validated
    result._snapshot = snapshot  # the commit writes onto exactly what was compared (expected_version guards it)
    result.status = "nothing to change" if result.comparison.is_empty else "valid"
    return result


def import_iati(data: bytes, filename: str, user_name: str | None = None, *, programme_id: str | None = None,
                dry_run: bool = False, accept_warnings: bool = False) -> IatiImportResult:
    """Check an IATI file and, with no errors (and its warnings accepted), commit it as one snapshot."""
    started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    filename = Path(filename).name
    result = check_iati(data, filename, programme_id)
    if not _ready_to_commit(result, dry_run, accept_warnings):
        return result
    base, current, runs, row_sources = result._snapshot
    note = result.comparison.text()
    if result.linked:
        note += f"; {len(result.linked)} Spotlight activities linked to {programme_id}"
    run = store.Run("iati", filename, result.sha256, user_name or getpass.getuser(), started, result.rows, note=note)
    result.version = store.commit(diff.apply(current, result.comparison), run, runs,
                                  row_sources=_row_sources(result, filename, row_sources), expected_version=base)
    result.status = "committed"
    return result


def _fault_point(name: str) -> None:
    """Lets the fault tests kill an import at a known moment (``SPOTLIGHT_FAULT_PAUSE=name``)."""
    if os.environ.get("SPOTLIGHT_FAULT_PAUSE") == name:
        time.sleep(60)
