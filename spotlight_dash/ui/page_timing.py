"""Page timings for the benchmark: each page driven through Streamlit's AppTest, as the tests do.

It lives in ui/ because it imports Streamlit; the benchmark (spotlight_dash/bench.py) calls it, and
both take their timing helpers from spotlight_dash/stopwatch.py, so the calls go one way.
"""

from __future__ import annotations

import os

os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # not "No runtime found" once per cached function

from pathlib import Path  # noqa: E402

import streamlit as st  # noqa: E402
from streamlit.runtime.scriptrunner.script_cache import ScriptCache  # noqa: E402
from streamlit.testing.v1 import AppTest, app_test, local_script_runner  # noqa: E402

from spotlight_dash.stopwatch import recording_queries, run_queries, timed  # noqa: E402
from spotlight_dash.ui.page import IN_THE_FRAME  # noqa: E402


PAGES_DIR = Path(__file__).resolve().parents[2] / "pages"
_COMPILED = ScriptCache()


def _as_a_server_runs_it():
    """A server compiles a page once; AppTest compiles it again on every run (parsing, Streamlit's
    "magic", compiling: milliseconds a page), which would be timed as the page's own."""
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: _COMPILED


def time_pages(path: Path, runs: int) -> list[dict]:
    """Each page through AppTest: warm script time with the query cache emptied before each run
    (so the page runs its queries, as on a new filter or a new snapshot), the same with the cache
    kept, and the page's named queries alone on a fresh connection."""
    _as_a_server_runs_it()
    out = []
    for page in sorted(PAGES_DIR.glob("*.py")):
        at = AppTest.from_file(str(page), default_timeout=300)
        at.session_state[IN_THE_FRAME] = True  # as app.py runs it: the frame guard lets the page draw
        st.cache_data.clear()
        with recording_queries() as calls:
            at.run()  # the first run: imports, connection, figures' first build
        if at.exception:
            out.append({"page": page.stem, "error": str(at.exception[0].message)[:200]})
            continue
        calls = list(dict.fromkeys(calls))  # once each, as the page's cache does

        def uncached():
            st.cache_data.clear()
            at.run()

        warm, warm_cpu = timed(uncached, runs)
        cached, cached_cpu = timed(at.run, runs)
        alone, alone_cpu = timed(lambda: run_queries(path, calls), runs)
        out.append({"page": page.stem, "warm_s": warm, "warm_cpu_s": warm_cpu, "cached_s": cached,
                    "cached_cpu_s": cached_cpu, "queries_s": alone, "queries_cpu_s": alone_cpu,
                    "queries": len(calls)})
    st.cache_data.clear()
    st.cache_resource.clear()  # closes the connections to this scale's snapshot
    return out
