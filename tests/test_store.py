"""Snapshots: atomic commits, rollback, fall-back, readers undisturbed, no file access from SQL."""

import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import duckdb
import pytest

from conftest import DATA, ROOT
from spotlight_dash import queries, store
from spotlight_dash.ingest import pipeline
from spotlight_dash.ingest.report import IngestError


def _cli(*args, env_store, **kw):
    env = {**os.environ, "SPOTLIGHT_STORE": str(env_store)}
    return subprocess.run([sys.executable, "-m", "spotlight_dash", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, **kw)


def _total_budget(path):
    with store.open_reader(path) as con:
        return queries.run_query(con.cursor(), "budget_by_runo").approved.sum()


@pytest.fixture
def data_copy(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy, ignore=shutil.ignore_patterns("store"))
    return copy


def test_build_versions_rollback_through_the_cli(tmp_path):
    folder = tmp_path / "store"
    assert _cli("build", env_store=folder).returncode == 0
    assert _cli("build", env_store=folder).returncode == 0
    assert store.current_state(folder).version == 2
    listing = _cli("versions", env_store=folder)
    assert "* v0002" in listing.stdout and "  v0001" in listing.stdout
    assert "finance 9" in listing.stdout and "sha256" in listing.stdout
    rolled = _cli("rollback", "1", env_store=folder)
    assert rolled.returncode == 0, rolled.stderr
    state = store.current_state(folder)
    assert state.version == 3 and state.healthy  # a rollback is a new snapshot that records itself
    with store.open_reader(state.path) as con:
        runs = store.read_runs(con)
    assert runs.iloc[-1].run_kind == "rollback" and "to v0001" in runs.iloc[-1].note
    skipped = _cli("build", "--if-changed", env_store=folder)
    assert "nothing to build" in skipped.stdout and store.current_state(folder).version == 3


def test_a_problem_in_data_stops_the_build_with_its_place(tmp_path, data_copy):
    folder = tmp_path / "store"
    assert _cli("build", env_store=folder).returncode == 0
    finance = data_copy / "ar2020" / "finance.csv"
    lines = finance.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("amount")] = "lots"
    cells[header.index("organisation")] = "UN Womn"
    lines[1] = ",".join(cells)
    finance.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _cli("build", "--data", str(data_copy), env_store=folder)
    assert result.returncode == 1
    assert "data/ar2020/finance.csv:2 [amount]: amount: Input should be a valid number" in result.stderr
    assert "data/ar2020/finance.csv:2 [organisation]: unknown organisation 'UN Womn'; did you mean \"UN Women (UNW)\"?" in result.stderr
    assert "current snapshot is unchanged" in result.stderr
    assert store.current_state(folder).version == 1 and store.versions(folder) == [1]


def test_cross_row_rules_report_every_problem_at_once(data_copy):
    media = data_copy / "ar2020" / "media.csv"
    rows = media.read_text(encoding="utf-8").splitlines()
    media.write_text("\n".join([*rows, rows[1]]) + "\n", encoding="utf-8")  # a duplicate key
    (data_copy / "common" / "periods.csv").write_text(
        "period_id,label,start_date,end_date\n2020,2020,2020-12-31,2020-01-01\n", encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        pipeline.build(data_copy)
    lines = caught.value.report.lines()
    assert any(f"data/ar2020/media.csv:{len(rows) + 1}: duplicate key in media" in line for line in lines)
    assert any("start_date 2020-12-31 is after end_date 2020-01-01" in line for line in lines)
    assert any("period_id '2021' is not in periods" in line for line in lines)  # periods file now lacks 2021


def test_unknown_columns_and_tables_are_named(data_copy):
    (data_copy / "ar2020" / "budgets.csv").write_text("a\n1\n", encoding="utf-8")
    reach = data_copy / "ar2020" / "reach.csv"
    reach.write_text(reach.read_text(encoding="utf-8").replace("reach_type", "reach type", 1), encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        pipeline.build(data_copy)
    text = "\n".join(caught.value.report.lines())
    assert "data/ar2020/budgets.csv: unknown table 'budgets'" in text
    assert "data/ar2020/reach.csv:1 [reach type]: unknown column 'reach type' in reach" in text
    assert "data/ar2020/reach.csv:1 [reach_type]: missing required column 'reach_type'" in text


def test_sigkill_half_way_through_a_build_leaves_the_previous_snapshot(tmp_path):
    folder = tmp_path / "store"
    assert _cli("build", env_store=folder).returncode == 0
    env = {**os.environ, "SPOTLIGHT_STORE": str(folder), "SPOTLIGHT_FAULT_PAUSE": "before-rename"}
    proc = subprocess.Popen([sys.executable, "-m", "spotlight_dash", "build"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while not list(folder.glob(".v0002.duckdb.tmp-*")) and time.time() < deadline:
            time.sleep(0.05)
        assert list(folder.glob(".v0002.duckdb.tmp-*")), "the build never reached its write"
        time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    state = store.current_state(folder)
    assert state.version == 1 and state.healthy
    assert _total_budget(state.path) == 4_248_584
    assert _cli("build", env_store=folder).returncode == 0  # the next build succeeds and tidies up
    assert store.current_state(folder).version == 2
    assert not list(folder.glob(".v*.tmp-*"))


def test_readers_in_threads_keep_working_while_builds_commit(tmp_path, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_STORE", str(tmp_path / "store"))
    pipeline.build(DATA)
    con = store.open_reader(store.current_state().path)
    errors, totals, stop = [], [], threading.Event()

    def read():
        cursor = con.cursor()
        while not stop.is_set():
            try:
                totals.append(queries.run_query(cursor, "budget_by_runo").approved.sum())
            except Exception as exc:  # noqa: BLE001 - any error fails the test below
                errors.append(exc)
            time.sleep(0.005)  # leave the GIL to the writer now and then, as page scripts do

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for _ in range(3):
        pipeline.build(DATA)
    stop.set()
    for thread in threads:
        thread.join()
    con.close()
    assert not errors and totals and set(totals) == {4_248_584}
    assert store.current_state().version == 4


def test_damaged_pointer_or_snapshot_falls_back_to_the_last_good_one(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    monkeypatch.setenv("SPOTLIGHT_STORE", str(folder))
    pipeline.build(DATA)
    pipeline.build(DATA)
    (folder / "CURRENT").write_text("garbage", encoding="utf-8")
    state = store.current_state()
    assert state.version == 2 and any("does not name a snapshot" in p for p in state.problems)
    (folder / "CURRENT").write_text("v0002.duckdb\n", encoding="utf-8")
    store.snapshot_path(2).write_bytes(b"not a database")
    state = store.current_state()
    assert state.version == 1 and "snapshot v0002.duckdb is missing or damaged" in state.problems
    assert _total_budget(state.path) == 4_248_584


def test_missing_store_says_what_to_do(tmp_path):
    state = store.current_state(tmp_path / "nowhere")
    assert state.path is None and "python -m spotlight_dash build" in state.problems[0]


def test_reader_cannot_read_files_of_the_machine(use_shipped):
    con = store.open_reader(store.current_state().path)
    with pytest.raises(duckdb.Error):
        con.execute("SELECT * FROM read_csv('/etc/passwd')").fetchall()
    with pytest.raises(duckdb.Error):
        con.execute("SET enable_external_access = true")
    with pytest.raises(duckdb.Error):
        con.execute("CREATE TABLE x (a INT)")  # read-only
    con.close()


def test_old_snapshots_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_STORE", str(tmp_path / "store"))
    monkeypatch.setattr(store, "KEEP_SNAPSHOTS", 2)
    for _ in range(4):
        pipeline.build(DATA)
    assert store.versions() == [3, 4]


def test_build_if_changed_rebuilds_a_snapshot_written_before_the_layout_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_STORE", str(tmp_path / "store"))
    from spotlight_dash import cli
    from spotlight_dash.ingest import pipeline

    pipeline.build(DATA, user_name="tests")
    assert cli.main(["build", "--if-changed"]) == 0 and store.versions() == [1]  # same data, same layout
    with duckdb.connect(str(store.current_state().path)) as con:
        con.execute("DROP TABLE sdg_values")  # as if written by a version from before that table
    with store.open_reader(store.current_state().path) as con:
        assert not store.has_current_layout(con)
    assert cli.main(["build", "--if-changed"]) == 0
    with store.open_reader(store.current_state().path) as con:
        assert store.has_current_layout(con)
