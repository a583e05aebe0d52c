import os
import shutil
from pathlib import Path

import pytest

from spotlight_dash import queries, store
from spotlight_dash.ingest import pipeline

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
# The source documents, copied into the repository so that every quote can be checked on any
# machine; test_dataset checks the copies against ../shared/seeds where that folder exists.
DOCUMENTS = DATA / "documents"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
PAGES_DIR = ROOT / "pages"
# Every page a viewer can open, in navigation order (data.py is for editors and tested on its own);
# tests/test_app.py fails when a page in pages/ is missing here.
PAGES = ["overview", "meeting", "actions", "delivery", "results", "reach", "communications", "civil_society", "context",
         "agencies", "sources"]


def page_alone(name: str, timeout: int = 60):
    """A page's AppTest as app.py would run it, without app.py's language switch, sign-in and
    navigation: the session carries app.py's mark for every run (only app.py takes it off again)."""
    from streamlit.testing.v1 import AppTest

    from spotlight_dash.ui import page

    at = AppTest.from_file(str(PAGES_DIR / f"{name}.py"), default_timeout=timeout)
    at.session_state[page.IN_THE_FRAME] = True
    return at


@pytest.fixture(autouse=True)
def _isolated_store(tmp_path_factory, monkeypatch):
    """No test ever touches data/store: each gets SPOTLIGHT_STORE in a temporary folder."""
    monkeypatch.setenv("SPOTLIGHT_STORE", str(tmp_path_factory.mktemp("store")))


@pytest.fixture
def fresh_caches():
    """Streamlit's caches are shared by everything in the process: emptied before and after a test."""
    import streamlit as st
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


@pytest.fixture(scope="session")
def shipped_store(tmp_path_factory):
    """A store built once from the shipped data/, through the real pipeline."""
    folder = tmp_path_factory.mktemp("shipped")
    previous = os.environ.get("SPOTLIGHT_STORE")
    os.environ["SPOTLIGHT_STORE"] = str(folder)
    try:
        pipeline.build(DATA, user_name="tests")
    finally:
        if previous is None:
            os.environ.pop("SPOTLIGHT_STORE")
        else:
            os.environ["SPOTLIGHT_STORE"] = previous
    return folder


@pytest.fixture
def use_shipped(shipped_store, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_STORE", str(shipped_store))
    return shipped_store


@pytest.fixture
def q(shipped_store):
    """Run a named query against the shipped store: q("budget_by_runo", programme="SI-CA-REG")."""
    con = store.open_reader(store.current_state(shipped_store).path)

    def run(name, **filters):
        return queries.run_query(con.cursor(), name, queries.Filters(**filters))

    yield run
    con.close()


@pytest.fixture
def store_copy(shipped_store, tmp_path, monkeypatch):
    """A private copy of the shipped store that a test may import into."""
    folder = tmp_path / "store"
    shutil.copytree(shipped_store, folder)
    monkeypatch.setenv("SPOTLIGHT_STORE", str(folder))
    return folder


def open_sources(at):
    """Open every chart's "Sources and data" popover (made only while open) and run the page again."""
    keys = [key for key in at.session_state if str(key).startswith("sources-")]
    for key in keys:
        at.session_state[key] = True
    return at.run() if keys else at


@pytest.fixture
def two_snapshots(store_copy):
    """The shipped store and a second snapshot of it, so that the overview offers ``since``."""
    with store.open_reader(store.current_state().path) as con:
        frames, runs = store.read_tables(con), store.read_runs(con)
    store.commit(frames, store.Run("import", "again.xlsx", "0" * 64, "tests", runs.iloc[-1].started_at), runs)
    return store_copy


def as_written_before_meetings(path) -> None:
    """Turn a snapshot into one written before the meetings' tables existed (an older release's)."""
    import duckdb
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE notes")
    con.execute("DROP TABLE meetings")
    con.close()
    store._READABLE.clear()  # it was read as whole before
