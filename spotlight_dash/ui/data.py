"""Data access for pages: one read-only connection per snapshot and process, a cursor per run.

Results are cached per (snapshot, query, filters): a new snapshot is a new cache key, so a
page never mixes figures from two snapshots.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from spotlight_dash import formatting, labels, queries, store


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    return store.open_reader(Path(path))


@dataclass(frozen=True)
class Snapshot:
    version: int | None
    path: str | None
    problems: tuple[str, ...]


def current_snapshot() -> Snapshot:
    """Checked on every run, so a new import or a rollback is seen at the next interaction."""
    state = store.current_state()
    return Snapshot(state.version, str(state.path) if state.path else None, tuple(state.problems))


def run_query(path: str, name: str, filters: queries.Filters) -> pd.DataFrame:
    # The cache key is the filters' values: Streamlit hashes a tuple of plain values several times
    # faster than a dataclass, and a page asks for a dozen frames on every run.
    return _run_query(path, name, astuple(filters))


@st.cache_data(show_spinner=False, max_entries=512)
def _run_query(path: str, name: str, filter_values: tuple) -> pd.DataFrame:
    cursor = _connection(path).cursor()
    try:
        return queries.run_query(cursor, name, queries.Filters(*filter_values))
    finally:
        cursor.close()


@st.cache_data(show_spinner=False, max_entries=64)
def data_as_of(path: str, lang: str = "en") -> str:
    return store.data_as_of(_connection(path), lang)


def snapshot_path(version: int) -> str:
    return str(store.snapshot_path(version))


@st.cache_data(show_spinner=False, max_entries=64, ttl=60)
def earlier_snapshots(current: int, lang: str = "en") -> dict[int, str]:
    """Readable snapshots before ``current``, newest first, labelled with when and how they were made."""
    runs = store.read_runs(_connection(str(store.snapshot_path(current))))
    made = {int(r.version): f"v{int(r.version):04d} · {formatting.date(r.finished_at, lang, with_time=True)} · "
                            f"{labels.t_or(f'run_kind.{r.run_kind}', lang, r.run_kind)}"
            for r in runs.itertuples()}
    on_disk = [v for v in store.versions() if v < current]
    return {v: made.get(v, f"v{v:04d}") for v in sorted(on_disk, reverse=True)}
