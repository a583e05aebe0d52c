"""One way in: read -> validate rows -> cross-row rules -> report -> commit as one snapshot."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from spotlight_dash import schema, store
from spotlight_dash.ingest import rules, textdir
from spotlight_dash.ingest.report import IngestError, IngestReport, RawRow
from spotlight_dash.ingest.validate import validate_rows


@dataclass
class Outcome:
    report: IngestReport
    version: int | None  # None for a dry run
    rows: dict[str, int]


def to_frames(validated: rules.Validated) -> dict[str, pd.DataFrame]:
    frames = {}
    for name, pairs in validated.items():
        columns = schema.TABLES[name].columns
        frames[name] = pd.DataFrame([row.model_dump() for row, _ in pairs], columns=columns)
    return frames


def validate(raw: dict[str, list[RawRow]], report: IngestReport, known: rules.Known | None = None) -> rules.Validated:
    validated = {name: validate_rows(name, rows, report) for name, rows in raw.items()}
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
    rows = {name: len(pairs) for name, pairs in validated.items()}
    if not report.ok:
        raise IngestError(report)
    if dry_run:
        return Outcome(report, None, rows)
    previous = None
    state = store.current_state()
    if state.path is not None:
        with store.open_reader(state.path) as con:
            previous = store.read_runs(con)
    run = store.Run("build", str(data_dir), textdir.fingerprint(data_dir), user_name or getpass.getuser(), started, rows)
    version = store.commit(to_frames(validated), run, previous)
    return Outcome(report, version, rows)
