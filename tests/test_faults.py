"""Concurrency and faults: readers during an import, a full disk, damaged snapshots, the readiness check.

Already covered elsewhere, not repeated here: SIGKILL during a build (test_store) and during an
import (test_workbook_import), readers in threads during builds (test_store), a hanging chart
export (test_exports).
"""

import errno
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import DATA, ROOT, page_alone
from spotlight_dash import queries, store, workbook_template
from spotlight_dash.ingest import pipeline

PROGRAMME = queries.Filters(programme="SI-CA-REG")


# Each test reads its own store: nothing cached by an earlier test may answer for it.
pytestmark = pytest.mark.usefixtures("fresh_caches")


def _cli(*args, folder):
    return subprocess.run([sys.executable, "-m", "spotlight_dash", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=180, env={**os.environ, "SPOTLIGHT_STORE": str(folder)})


def _workbook_with_media_hits(hits: int) -> bytes:
    """The whole current store as a workbook, with the programme's total media hits changed."""
    _, current, _, _ = pipeline.current_tables()
    media = current["media"]
    media.loc[(media.measure == "hits") & media.country.isna() & (media.programme_id == "SI-CA-REG"), "count"] = hits
    return workbook_template.export_bytes(current, "test")


def _total_hits(path) -> int:
    with store.open_reader(Path(path)) as con:
        summary = queries.run_query(con.cursor(), "media_summary", PROGRAMME)
    return int(summary[summary.measure == "hits"]["count"].sum())


def test_twenty_sessions_see_the_old_or_the_new_snapshot_whole_while_an_import_commits(store_copy):
    from spotlight_dash.ui import data  # the path every page takes: current snapshot, shared connection, cursor

    workbook = _workbook_with_media_hits(80)
    seen: list[tuple] = []
    errors: list[BaseException] = []
    started = threading.Barrier(21)
    stop = threading.Event()

    def session():
        started.wait()
        while not stop.is_set():
            try:
                snapshot = data.current_snapshot()
                cursor = data._connection(snapshot.path).cursor()
                try:
                    hits = queries.run_query(cursor, "media_summary", PROGRAMME)
                    history = queries.run_query(cursor, "ingest_history", queries.Filters())
                finally:
                    cursor.close()
                budget = data.run_query(snapshot.path, "budget_by_runo", PROGRAMME)  # the cached path too
                seen.append((snapshot.version, int(history.version.max()),
                             int(hits[hits.measure == "hits"]["count"].sum()), float(budget.approved.sum())))
            except BaseException as exc:  # noqa: BLE001 - every error fails the test below
                errors.append(exc)
            stop.wait(0.01)  # a user's next click comes later; leaves the writer some of the GIL

    threads = [threading.Thread(target=session) for _ in range(20)]
    for thread in threads:
        thread.start()
    started.wait()
    result = pipeline.import_workbook(workbook, "more-hits.xlsx", "tests")
    after_import = len(seen)
    while len(seen) < after_import + 60:  # every session goes on reading the new snapshot for a while
        threading.Event().wait(0.05)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors[:3]
    assert result.status == "committed" and result.version == 2
    # Each read names its snapshot, and its figures are that snapshot's: never a mix of the two.
    assert set(seen) == {(1, 1, 77, 4_248_584.0), (2, 2, 80, 4_248_584.0)}
    assert seen[-1][0] == 2


def test_a_full_disk_during_an_import_says_so_and_loses_nothing(store_copy, monkeypatch):
    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    workbook = _workbook_with_media_hits(80)
    with monkeypatch.context() as patch, pytest.raises(store.StoreError) as caught:
        patch.setattr(store.os, "fsync", disk_full)
        pipeline.import_workbook(workbook, "more-hits.xlsx", "tests")
    message = str(caught.value)
    assert f"the disk holding {store_copy} is full" in message
    assert "Nothing was changed: snapshot v0001 is still current" in message
    state = store.current_state(store_copy)
    assert state.version == 1 and state.healthy and store.versions(store_copy) == [1]
    assert _total_hits(state.path) == 77
    assert not list(store_copy.glob(".v*.tmp-*")), "a half-written snapshot was left behind"
    assert pipeline.import_workbook(workbook, "more-hits.xlsx", "tests").status == "committed"  # space again
    assert _total_hits(store.current_state(store_copy).path) == 80


def _mount_tmpfs(where: Path, size: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    where.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True).returncode == 0


def test_a_really_full_disk_during_an_import_through_the_cli(shipped_store, tmp_path, monkeypatch):
    disk = tmp_path / "disk"
    snapshot_mb = store.snapshot_path(1, shipped_store).stat().st_size / 2**20
    if not _mount_tmpfs(disk, f"{int(snapshot_mb * 1.5) + 1}m"):  # room for one snapshot, not two
        pytest.skip("cannot mount a small tmpfs here (needs root): the injected ENOSPC test covers the case")
    try:
        folder = disk / "store"
        shutil.copytree(shipped_store, folder)
        workbook = tmp_path / "more-hits.xlsx"
        monkeypatch.setenv("SPOTLIGHT_STORE", str(folder))
        workbook.write_bytes(_workbook_with_media_hits(80))
        result = _cli("import", str(workbook), folder=folder)
        assert result.returncode == 1
        assert "is full. Nothing was changed: snapshot v0001 is still current" in result.stderr
        assert "Traceback" not in result.stderr
        assert sorted(p.name for p in folder.iterdir()) == [".lock", "CURRENT", "v0001.duckdb"]  # no debris
        state = store.current_state(folder)
        assert state.version == 1 and state.healthy and _total_hits(state.path) == 77
        subprocess.run(["mount", "-o", f"remount,size={int(snapshot_mb * 3) + 2}m", str(disk)], check=True)
        assert _cli("import", str(workbook), folder=folder).returncode == 0
        assert _total_hits(store.current_state(folder).path) == 80
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def _overview():
    return page_alone("overview").run()


def _two_builds(folder: Path, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_STORE", str(folder))
    pipeline.build(DATA, user_name="tests")
    pipeline.build(DATA, user_name="tests")


def test_a_damaged_snapshot_is_named_and_the_last_good_one_is_shown(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    _two_builds(folder, monkeypatch)
    store.snapshot_path(2, folder).write_bytes(b"\0" * 4096 + b"not a database")
    at = _overview()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "snapshot v0002.duckdb is missing or damaged" in warnings
    assert "showing the last good snapshot, v0001" in warnings
    assert {m.label: m.value for m in at.metric}["Total budget (USD)"] == "4,432,461"


def test_a_damaged_pointer_is_named_and_the_newest_good_snapshot_is_shown(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    _two_builds(folder, monkeypatch)
    (folder / store.POINTER).write_bytes(b"\xff\xfe garbage")
    at = _overview()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "CURRENT" in warnings and "showing the last good snapshot, v0002" in warnings
    assert {m.label: m.value for m in at.metric}["Total budget (USD)"] == "4,432,461"


def test_readiness_check_reports_ready_degraded_and_not_ready(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    _two_builds(folder, monkeypatch)
    ready = _cli("check", folder=folder)
    assert ready.returncode == 0 and "ready: snapshot v0002" in ready.stdout
    (folder / store.POINTER).write_text("v0009.duckdb\n", encoding="utf-8")
    degraded = _cli("check", folder=folder)
    assert degraded.returncode == 1
    assert "degraded: showing snapshot v0002" in degraded.stderr and "v0009.duckdb is missing or damaged" in degraded.stderr
    for version in (1, 2):
        store.snapshot_path(version, folder).write_bytes(b"not a database")
    broken = _cli("check", folder=folder)
    assert broken.returncode == 2 and "no readable snapshot" in broken.stderr
    missing = _cli("check", folder=tmp_path / "nowhere")
    assert missing.returncode == 2 and "does not exist" in missing.stderr
