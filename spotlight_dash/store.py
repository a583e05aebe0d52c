"""The snapshot store: one immutable DuckDB file per build or import, and a pointer.

Layout of the store folder (``data/store/`` unless ``SPOTLIGHT_STORE`` names another)::

    CURRENT          the file name of the current snapshot, replaced atomically
    v0001.duckdb     snapshots, never modified once written
    .lock            held while a writer builds the next snapshot

A writer builds ``.vNNNN.duckdb.tmp`` to the end, fsyncs it, renames it into place and only
then moves ``CURRENT``. A process killed at any moment therefore leaves the previous snapshot
current and whole. Readers open the current file read-only with external access switched off.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import json
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from spotlight_dash import codes, formatting, labels, schema

POINTER = "CURRENT"
KEEP_SNAPSHOTS = 30
SNAPSHOT_NAME = re.compile(r"^v(\d{4,})\.duckdb$")
REPO_ROOT = Path(__file__).resolve().parents[1]

RUN_COLUMNS = ["version", "run_kind", "started_at", "finished_at", "file", "sha256", "user_name", "rows_json", "note"]

# Where each row loaded from a file came from (file, sheet, row), by table and natural key.
# Kept apart from the data tables so that natural keys, and a workbook round trip, stay unchanged.
ROW_SOURCES_DDL = ("CREATE TABLE row_sources (table_name VARCHAR, row_key VARCHAR, file VARCHAR, "
                   "sha256 VARCHAR, sheet VARCHAR, row_number BIGINT, version BIGINT)")
ROW_SOURCE_COLUMNS = ["table_name", "row_key", "file", "sha256", "sheet", "row_number", "version"]


class StoreError(Exception):
    """The store cannot be read: missing, empty or every snapshot unreadable."""


def store_dir() -> Path:
    return Path(os.environ.get("SPOTLIGHT_STORE") or REPO_ROOT / "data" / "store")


def snapshot_path(version: int, folder: Path | None = None) -> Path:
    return (folder or store_dir()) / f"v{version:04d}.duckdb"


def versions(folder: Path | None = None) -> list[int]:
    folder = folder or store_dir()
    if not folder.is_dir():
        return []
    found = (SNAPSHOT_NAME.match(p.name) for p in folder.iterdir())
    return sorted(int(m.group(1)) for m in found if m)


@dataclass
class StoreState:
    """Which snapshot readers get, and anything wrong on the way there."""

    version: int | None
    path: Path | None
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return self.version is not None and not self.problems


_READABLE: set[tuple[str, int, int]] = set()  # (path, mtime, size) of good snapshots; they never change


def _readable(path: Path) -> bool:
    """Whether a snapshot opens and holds its ingest log; remembered, since snapshots are immutable."""
    try:
        stat = path.stat()
    except OSError:
        return False
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key in _READABLE:
        return True
    try:
        con = open_reader(path)  # the same configuration as every reader, or DuckDB refuses
        try:
            con.execute("SELECT count(*) FROM ingest_runs").fetchall()
        finally:
            con.close()
    except (duckdb.Error, OSError):
        return False  # not remembered: the next run looks again
    _READABLE.add(key)
    return True


def current_state(folder: Path | None = None) -> StoreState:
    """The current snapshot; when the pointer or its file is damaged, the newest good one."""
    folder = folder or store_dir()
    problems: list[str] = []
    if not folder.is_dir():
        return StoreState(None, None, [f"the store folder {folder} does not exist; run `python -m spotlight_dash build`"])
    pointer = folder / POINTER
    named: int | None = None
    try:
        match = SNAPSHOT_NAME.match(pointer.read_text(encoding="utf-8").strip())
        if match:
            named = int(match.group(1))
        else:
            problems.append(f"the pointer {pointer.name} does not name a snapshot")
    except FileNotFoundError:
        problems.append(f"the pointer {pointer.name} is missing")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"the pointer {pointer.name} cannot be read ({exc})")
    if named is not None:
        path = snapshot_path(named, folder)
        if _readable(path):
            return StoreState(named, path, problems)
        problems.append(f"snapshot {path.name} is missing or damaged")
    for version in reversed(versions(folder)):
        if version != named and _readable(snapshot_path(version, folder)):
            problems.append(f"showing the last good snapshot, v{version:04d}")
            return StoreState(version, snapshot_path(version, folder), problems)
    problems.append("no readable snapshot; run `python -m spotlight_dash build`")
    return StoreState(None, None, problems)


READER_CONFIG = {"threads": 2, "enable_external_access": False, "lock_configuration": True}


def open_reader(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot reach the machine's files (queries take parameters)."""
    # Set at connect time: a second connection to a file already open in this process shares
    # the first one's database, whose configuration is locked by then.
    return duckdb.connect(str(path), read_only=True, config=READER_CONFIG)


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    cur = con.cursor()
    try:
        return {name for (name,) in cur.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        cur.close()


def read_tables(con: duckdb.DuckDBPyConnection, names=None) -> dict[str, pd.DataFrame]:
    """The tables of a snapshot; one written before a table existed (the meetings' notes, say)
    gives it empty, so an old snapshot still opens, rolls back and compares."""
    present = table_names(con)
    cur = con.cursor()
    try:
        return {n: cur.execute(f'SELECT * FROM "{n}"').df() if n in present
                else pd.DataFrame(columns=schema.TABLES[n].columns) for n in (names or schema.TABLES)}
    finally:
        cur.close()


def has_current_layout(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the snapshot has every table of schema.TABLES with exactly its columns."""
    cur = con.cursor()
    try:
        found = cur.execute("SELECT table_name, list(column_name ORDER BY ordinal_position) "
                            "FROM information_schema.columns GROUP BY table_name").fetchall()
    finally:
        cur.close()
    columns = dict(found)
    return all(columns.get(name) == list(table.columns) for name, table in schema.TABLES.items())


def data_as_of(con: duckdb.DuckDBPyConnection, lang: str = "en") -> str:
    """When the snapshot's data was last written, as people read it."""
    cur = con.cursor()
    try:
        finished = cur.execute("SELECT max(finished_at) FROM ingest_runs").fetchone()[0]
    finally:
        cur.close()
    return f"{formatting.date(finished, lang, with_time=True)} UTC" if finished else labels.t("common.unknown", lang)


def read_row_sources(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Rows' file locations; empty for snapshots written before locations were recorded."""
    cur = con.cursor()
    try:
        found = cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'row_sources'").fetchone()[0]
        if not found:
            return pd.DataFrame(columns=ROW_SOURCE_COLUMNS)
        return cur.execute("SELECT * FROM row_sources").df()
    finally:
        cur.close()


def read_runs(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    cur = con.cursor()
    try:
        return cur.execute("SELECT * FROM ingest_runs ORDER BY version, started_at").df()
    finally:
        cur.close()


@dataclass
class Run:
    """One ingest run, as recorded in every later snapshot."""

    run_kind: str  # build, import, iati, note, rollback
    file: str
    sha256: str
    user_name: str
    started_at: dt.datetime
    rows: dict[str, int] = field(default_factory=dict)
    note: str = ""


@contextmanager
def _writer_lock(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _switch_pointer(folder: Path, version: int) -> None:
    tmp = folder / f".{POINTER}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(snapshot_path(version, folder).name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, folder / POINTER)
    _fsync_dir(folder)


def _reference_frames() -> dict[str, pd.DataFrame]:
    return {
        "countries": pd.DataFrame(
            [(c.code, c.name, c.name_ru) for c in codes.COUNTRIES.values()], columns=["iso3", "name", "name_ru"]),
        "organisations": pd.DataFrame(
            [(c.code, c.name, c.name_ru, codes.ORGANISATION_IATI_IDS.get(c.code), c.code in codes.RUNOS)
             for c in codes.ORGANISATIONS.values()],
            columns=["code", "name", "name_ru", "iati_id", "is_runo"]),
        "pillars": pd.DataFrame(
            [(n, c.name, c.name_ru) for n, c in codes.PILLARS.items()], columns=["pillar", "name", "name_ru"]),
    }


def _write_file(path: Path, frames: dict[str, pd.DataFrame], runs: pd.DataFrame,
                row_sources: pd.DataFrame | None = None) -> None:
    con = duckdb.connect(str(path))
    try:
        con.execute("BEGIN")
        for name in schema.TABLES:
            con.execute(schema.ddl(name))
            frame = frames.get(name)
            if frame is not None and len(frame):
                con.register("incoming", frame[schema.TABLES[name].columns])
                con.execute(f'INSERT INTO "{name}" SELECT * FROM incoming')
                con.unregister("incoming")
        for name, frame in _reference_frames().items():
            con.register("incoming", frame)
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')
            con.unregister("incoming")
        con.register("incoming", runs[RUN_COLUMNS])
        con.execute("CREATE TABLE ingest_runs AS SELECT * FROM incoming")
        con.unregister("incoming")
        con.execute(ROW_SOURCES_DDL)
        if row_sources is not None and len(row_sources):
            con.register("incoming", row_sources[ROW_SOURCE_COLUMNS])
            con.execute("INSERT INTO row_sources SELECT * FROM incoming")
            con.unregister("incoming")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


class StoreChanged(StoreError):
    """Another import or rollback committed after this one read the store: check again."""


def commit(frames: dict[str, pd.DataFrame], run: Run, previous_runs: pd.DataFrame | None = None,
           folder: Path | None = None, row_sources: pd.DataFrame | None = None,
           expected_version: int | None | bool = False) -> int:
    """Write ``frames`` as the next snapshot and make it current; returns its version.

    ``expected_version`` (None for an empty store) refuses the commit when the current snapshot
    is no longer the one the frames were merged onto, so two imports never lose each other's rows.
    """
    folder = folder or store_dir()
    with _writer_lock(folder):
        if expected_version is not False and current_state(folder).version != expected_version:
            raise StoreChanged("the store changed while this file was being checked; check it again")
        existing = versions(folder)
        version = (existing[-1] + 1) if existing else 1
        row = {
            "version": version, "run_kind": run.run_kind, "started_at": run.started_at,
            "finished_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), "file": run.file,
            "sha256": run.sha256, "user_name": run.user_name,
            "rows_json": json.dumps(run.rows, sort_keys=True), "note": run.note,
        }
        runs = pd.DataFrame([row], columns=RUN_COLUMNS)
        if row_sources is not None and len(row_sources):
            row_sources = row_sources.assign(version=row_sources["version"].fillna(version).astype("int64"))
        if previous_runs is not None and len(previous_runs):
            runs = pd.concat([previous_runs[RUN_COLUMNS], runs], ignore_index=True)
        final = snapshot_path(version, folder)
        tmp = folder / f".{final.name}.tmp-{os.getpid()}"
        try:
            try:
                _write_file(tmp, frames, runs, row_sources)
                _fault_point("before-rename")
                os.replace(tmp, final)
                _fsync_dir(folder)
            finally:
                tmp.unlink(missing_ok=True)
                tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
            _switch_pointer(folder, version)
        except (OSError, duckdb.Error) as exc:  # a full disk shows as IOException or FatalException
            final.unlink(missing_ok=True)  # never current: the pointer did not move
            raise WriteFailed(_write_failure(exc, folder, current_state(folder).version)) from exc
        _prune(folder, keep=KEEP_SNAPSHOTS)
        return version


class WriteFailed(StoreError):
    """The next snapshot could not be written (disk full, permissions...); the current one is unchanged."""


def _write_failure(exc: BaseException, folder: Path, previous: int | None) -> str:
    text = str(exc)
    if getattr(exc, "errno", None) == errno.ENOSPC or "No space left" in text or "disk is full" in text.lower():
        reason = f"the disk holding {folder} is full"
    elif getattr(exc, "errno", None) in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = f"the store folder {folder} cannot be written ({exc.strerror})"
    else:
        reason = f"writing to {folder} failed ({text.splitlines()[0] if text else type(exc).__name__})"
    kept = f"snapshot v{previous:04d} is still current" if previous else "the store is unchanged"
    return f"the new snapshot could not be written: {reason}. Nothing was changed: {kept}. Free some space " \
           "(old snapshots can go: they are kept for undo) and load the file again"


def rollback(version: int | None, user_name: str, folder: Path | None = None) -> int:
    """Make an earlier snapshot current again, as a new snapshot that records the rollback."""
    folder = folder or store_dir()
    state = current_state(folder)
    if state.version is None:
        raise StoreError("; ".join(state.problems))
    if version is None:
        earlier = [v for v in versions(folder) if v < state.version and _readable(snapshot_path(v, folder))]
        if not earlier:
            raise StoreError("there is no earlier snapshot to roll back to")
        version = earlier[-1]
    source = snapshot_path(version, folder)
    if not _readable(source):
        raise StoreError(f"snapshot v{version:04d} does not exist or cannot be read")
    with open_reader(source) as con:  # same configuration as the app's readers, which may hold it open
        frames = read_tables(con)
        runs = read_runs(con)
        row_sources = read_row_sources(con)
    rows = {name: len(frame) for name, frame in frames.items()}
    # The content is the rolled-back-to snapshot's, so it keeps that snapshot's fingerprint.
    run = Run("rollback", source.name, runs.iloc[-1].sha256, user_name, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
              rows, note=f"rolled back from v{state.version:04d} to v{version:04d}")
    return commit(frames, run, runs, folder, row_sources=row_sources)


def _fault_point(name: str) -> None:
    """Lets the fault tests kill a writer at a known moment (``SPOTLIGHT_FAULT_PAUSE=name``)."""
    if os.environ.get("SPOTLIGHT_FAULT_PAUSE") == name:
        time.sleep(60)


def _prune(folder: Path, keep: int) -> None:
    for version in versions(folder)[:-keep]:
        snapshot_path(version, folder).unlink(missing_ok=True)
    for stale in folder.glob(".v*.duckdb.tmp-*"):  # left by a writer that was killed
        try:
            pid = int(stale.name.rsplit("-", 1)[1])
            os.kill(pid, 0)
        except (ValueError, ProcessLookupError):
            stale.unlink(missing_ok=True)
        except PermissionError:
            pass
