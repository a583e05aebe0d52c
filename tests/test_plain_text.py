"""No Markdown from data or links (issue 23, item 3): a programme's name, a result statement, an SDG
title or a link value that holds Markdown is shown as those characters, never as an image, a link
or formatting. Streamlit reads Markdown in st.markdown, captions, notices, headings and every widget
label, so these tests read all of those bodies (the browser test renders them in Chromium).
"""

import json
import re

import pytest
from conftest import PAGES, open_sources, page_alone
from spotlight_dash import schema, store
from spotlight_dash.markdown_text import escape, shown

OUTSIDE = "http://outside.invalid"
PLANTED = (f"![b]({OUTSIDE}/b.png) [link]({OUTSIDE}/l) **bold** <b>html</b> <a href=\"{OUTSIDE}/a\">a</a> "
           f"{OUTSIDE}/bare a@outside.invalid")
# What a Markdown reader would turn into an image, a link, bold, HTML or an autolink if it arrived as it is.
ACTIVE = ("![b](", "[link](", "**bold**", "<b>", "http://", "[x](", "[Sign in again](", "_it_")
LINK_VALUES = {"image": "![x](http://127.0.0.1:8999/u.png)", "link": f"[Sign in again]({OUTSIDE}/)",
               "formatting": "**bold** <b>html</b> _it_"}
LINK_PARAMETERS = ("programme", "year", "country", "pillar", "runo", "lang", "since", "slide", "indicator")
# Identifiers and codes join tables and pick rows; a file could not hold Markdown in them anyway
# (codes are checked against their vocabularies), so only free text gets the planted words.
_IDENTIFIER_ENDINGS = ("_id", "_code", "identifier", "_ref")


# Each test reads its own store: nothing cached by an earlier test may answer for it.
pytestmark = pytest.mark.usefixtures("fresh_caches")


def text_columns(table: str) -> list[str]:
    """The free-text columns of a table: text with no vocabulary, pattern or identifier role."""
    found = []
    for column in schema.TABLES[table].columns:
        meta = schema.column_meta(table, column)
        field = schema.TABLES[table].model.model_fields[column]
        patterned = any(getattr(m, "pattern", None) for m in field.metadata)
        if (meta["sql_type"] == "VARCHAR" and not meta["vocabulary"] and not patterned
                and not column.endswith(_IDENTIFIER_ENDINGS) and column not in ("language", "currency")):
            found.append(column)
    return found


def plant(frames: dict) -> int:
    """Append the planted words to every free-text cell of every table; returns the number of cells."""
    planted = 0
    for name, frame in frames.items():
        if name not in schema.TABLES:
            continue
        for column in text_columns(name):
            filled = frame[column].notna()
            frame.loc[filled, column] = frame.loc[filled, column].astype(str) + " " + PLANTED
            planted += int(filled.sum())
    return planted


def _meeting_records(at):
    """A closed meeting and one in session, with a decision and an action point: text to plant words in."""
    import datetime as dt
    import pandas as pd
    meetings = pd.DataFrame([(1, dt.date(2026, 11, 2), "Meeting one", 1, "editor", True),
                             (2, dt.date(2026, 12, 3), "Meeting two", 2, "editor", False)],
                            columns=schema.TABLES["meetings"].columns)
    notes = pd.DataFrame([(1, 1, "decision", "Decided", "en", "budget-by-runo", "", 1, "editor", at, None, None, None, None),
                          (2, 1, "action", "To do", "en", "kpi:budget", "", 1, "editor", at, "UNFPA", "A person",
                           dt.date(2027, 1, 1), "open")],
                         columns=schema.TABLES["notes"].columns)
    return meetings, notes


@pytest.fixture
def planted_store(shipped_store, tmp_path, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_STORE", str(tmp_path / "store"))
    with store.open_reader(store.current_state(shipped_store).path) as con:
        frames, runs = store.read_tables(con), store.read_runs(con)
    frames["meetings"], frames["notes"] = _meeting_records(runs.iloc[-1].finished_at)
    assert plant(frames) > 400  # the shipped data has about 490 such cells
    for _ in range(2):  # two snapshots: the overview's comparison is drawn too
        store.commit(frames, store.Run("import", f"planted {PLANTED}.xlsx", "0" * 64, f"user {PLANTED}",
                                       runs.iloc[-1].started_at), runs)
        with store.open_reader(store.current_state().path) as con:
            runs = store.read_runs(con)
    return tmp_path / "store"


def markdown_bodies(at) -> list[str]:
    """Every text of the page that Streamlit renders as Markdown: bodies, headings, notices, labels."""
    found = []

    def walk(node):
        kind = type(node).__name__
        proto = getattr(node, "proto", None)
        if kind in ("Markdown", "Caption", "Title", "Header", "Subheader", "Info", "Warning", "Error", "Success",
                    "Metric", "Toast") and proto is not None:  # a metric's body is its value, Markdown too
            found.append(proto.body)
        label = getattr(node, "label", None)  # widgets, metrics, expanders, popovers, tabs
        if isinstance(label, str):
            found.append(label)
        if kind == "Radio":  # a radio's options are Markdown too (a selectbox's are plain text)
            found.extend(node.options)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


# GitHub's autolinks are found in the text after the Markdown is parsed (backslash escapes gone).
AUTOLINK = re.compile(r"https?://|www\.|\w@\w", re.IGNORECASE)
BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def assert_no_markdown_from_outside(bodies: list[str]) -> None:
    active = [b for b in bodies if any(fragment in b for fragment in ACTIVE)
              or AUTOLINK.search(BACKSLASH_ESCAPE.sub(r"\1", b))]
    assert not active, "Markdown from data or a link would be rendered:\n" + "\n".join(a[:200] for a in active)


@pytest.mark.parametrize("page", PAGES)
def test_markdown_in_the_stored_text_is_shown_as_text_on_every_page(planted_store, page):
    at = open_sources(page_alone(page).run())
    assert not at.exception, at.exception
    bodies = markdown_bodies(at)
    assert any(PLANTED in shown(b) for b in bodies), "the planted words reached no text of the page"
    assert_no_markdown_from_outside(bodies)


@pytest.mark.parametrize("kind", list(LINK_VALUES))
@pytest.mark.parametrize("page", PAGES)
def test_markdown_in_a_link_is_shown_as_text_in_its_notice(two_snapshots, page, kind):
    at = page_alone(page)
    for parameter in LINK_PARAMETERS:
        at.query_params[parameter] = LINK_VALUES[kind]
    at.run()
    assert not at.exception, at.exception
    bodies = markdown_bodies(at)
    assert any(LINK_VALUES[kind] in shown(b) for b in bodies), "no notice repeats the link's value"
    assert_no_markdown_from_outside(bodies)


def test_escaped_text_reads_as_the_same_characters():
    for text in (PLANTED, *LINK_VALUES.values(), "- a list?\n1. or\n===", "www.outside.invalid :red[x] $x$ ~~s~~ | t |",
                 "SI-CA-REG 5.3.1 (2020), 20–24 % + 3"):
        assert shown(escape(text)) == text
        assert escape(escape(text)) == escape(text)  # escaped once, whatever the route


def test_html_in_the_data_is_text_on_every_chart_and_in_its_alt_text(planted_store):
    """plotly reads chart texts as HTML: <b> would be bold and <a href> a link on the chart itself."""
    from spotlight_dash import charts
    from spotlight_dash.exports.context import open_view

    view, _ = open_view({})
    try:
        drawn = 0
        for name in charts.CHARTS:
            files = view.chart_files(name)
            figure = files.figure()
            if figure is None:
                continue
            drawn += 1
            text = json.dumps(json.loads(figure.to_json()), ensure_ascii=False)  # to_json writes "<" as \u003c
            # The charts' own markup is <br>, and <extra></extra> in a hover template (no trace name box).
            markup = re.findall(r"<(?!br>|/?extra>)[a-z/][^>]*>", text)
            assert not markup, f"{name}: {markup[:3]}"
            assert "<b>html</b>" in files.alt_text()  # the alt text is plain text: the words as written
    finally:
        view.close()
    assert drawn >= 10
