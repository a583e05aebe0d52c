"""Security as a user (or an attacker) would meet it: the app's connection reads no files of the
machine, and text from data that looks like HTML or script is shown as text.

Covered elsewhere, not repeated: SQL takes values only as parameters (queries.py; a link value
that is not a choice is dropped, test_app), formula-looking text exported as text (test_exports,
test_workbook_import), upload size, row and unzipped caps (test_workbook_import), the reader's
own refusal of read_csv and of changing its configuration (test_store).
"""

import ast
from pathlib import Path

import duckdb
import pytest
from conftest import PAGES_DIR, ROOT, open_sources, page_alone
from spotlight_dash import markdown_text, queries, store

SCRIPT = "<script>alert(1)</script><img src=x onerror=alert(2)>"


# Each test reads its own store: nothing cached by an earlier test may answer for it.
pytestmark = pytest.mark.usefixtures("fresh_caches")


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM glob('/etc/*')",
    "ATTACH '/etc/passwd' AS other",
    "COPY (SELECT 1) TO '/tmp/spotlight-leak.csv'",
    "INSTALL httpfs",
    "SET enable_external_access = true",
])
def test_the_apps_connection_cannot_reach_files_of_the_machine(use_shipped, sql):
    from spotlight_dash.ui import data  # the connection every page uses

    snapshot = data.current_snapshot()
    cursor = data._connection(snapshot.path).cursor()
    with pytest.raises(duckdb.Error):
        cursor.execute(sql).fetchall()
    assert not Path("/tmp/spotlight-leak.csv").exists()
    # ... and the snapshot itself still answers through the same connection.
    budget = queries.run_query(data._connection(snapshot.path).cursor(), "budget_by_runo",
                               queries.Filters(programme="SI-CA-REG"))
    assert budget.approved.sum() == 4_248_584


@pytest.fixture
def hostile_store(shipped_store, tmp_path, monkeypatch):
    """The shipped data with script in a source quote, a programme's short name and an indicator title."""
    monkeypatch.setenv("SPOTLIGHT_STORE", str(tmp_path / "store"))
    with store.open_reader(store.current_state(shipped_store).path) as con:
        frames = store.read_tables(con)
        runs = store.read_runs(con)
    frames["sources"].loc[frames["sources"].source_id == "AR2020-budget-unw", "quote"] = SCRIPT
    frames["programmes"].loc[frames["programmes"].programme_id == "SI-CA-REG", "short_name"] = f"CA {SCRIPT}"
    frames["indicators"].loc[frames["indicators"].indicator_code == "3.2.2", "title"] = f"Reach {SCRIPT}"
    store.commit(frames, store.Run("import", "hostile.xlsx", "0" * 64, "tests", runs.iloc[-1].started_at), runs)
    return tmp_path / "store"


@pytest.mark.parametrize("page", ["overview", "sources", "results", "delivery"])
def test_script_in_the_data_is_shown_as_text_never_as_html(hostile_store, page):
    at = open_sources(page_alone(page).run())
    assert not at.exception
    assert not at.get("html"), f"{page} renders st.html"
    markdown = at.get("markdown")  # markdown, captions, and the like: where text from data is written
    assert not [m for m in markdown if m.proto.allow_html], f"{page} lets markdown through as raw HTML"
    # The hostile text is there, escaped Markdown (as a reader sees it) or in a table cell: text either way.
    shown = " ".join(markdown_text.shown(m.proto.body) for m in markdown) + " ".join(
        str(v) for d in at.dataframe for v in d.value.astype(str).to_numpy().ravel())
    assert "<script>alert(1)</script>" in shown


def _raw_html_calls(path: Path):
    """Calls that hand Streamlit raw HTML: st.html(...), components' html(...), unsafe_allow_html=True."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func)
        unsafe = any(k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant) and not k.value.value)
                     for k in node.keywords)
        if unsafe or name in ("st.html", "html") or name.endswith("components.html"):
            yield node


def test_raw_html_is_only_ever_a_literal_with_no_data_in_it():
    code = [ROOT / "app.py", *PAGES_DIR.glob("*.py"), *ROOT.glob("spotlight_dash/**/*.py")]
    offending = [f"{p.relative_to(ROOT)}:{call.lineno}: {ast.unparse(call)[:80]}" for p in code
                 for call in _raw_html_calls(p)
                 if not (call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str))]
    assert not offending, "raw HTML built from values (data could get in):\n" + "\n".join(offending)


def test_sql_in_a_filter_value_is_only_ever_a_value(use_shipped):
    """A value made of SQL matches nothing and changes nothing: it reaches DuckDB as a parameter only."""
    nasty = "SI-CA-REG' OR '1'='1"
    with store.open_reader(store.current_state().path) as con:
        assert queries.run_query(con.cursor(), "budget_by_runo", queries.Filters(programme=nasty)).empty
        assert len(queries.run_query(con.cursor(), "budget_by_runo", queries.Filters(programme="SI-CA-REG"))) == 3
