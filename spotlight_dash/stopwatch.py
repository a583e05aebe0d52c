"""Timing helpers shared by the benchmark (bench.py) and its page timings (ui/page_timing.py).

They live below both, so the benchmark calls the page timings and nothing here calls back up.
"""

from __future__ import annotations

import statistics
import time
from contextlib import contextmanager
from pathlib import Path

from spotlight_dash import queries, store


def timed(func, runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``runs`` calls (CPU: every thread of this process)."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        func()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


@contextmanager
def recording_queries():
    """Which named queries (with which filters) a page runs: the page's path is ui.data -> queries.run_query."""
    calls: list[tuple[str, queries.Filters]] = []
    original = queries.run_query

    def recording(cur, name, filters=None):
        calls.append((name, filters or queries.Filters()))
        return original(cur, name, filters)

    queries.run_query = recording
    try:
        yield calls
    finally:
        queries.run_query = original


def run_queries(path: Path, calls) -> None:
    con = store.open_reader(path)
    try:
        cur = con.cursor()
        for name, filters in calls:
            queries.run_query(cur, name, filters)
        cur.close()
    finally:
        con.close()
