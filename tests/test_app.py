"""The dashboard as a user sees it, through Streamlit's AppTest with a temporary store."""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from conftest import PAGES, PAGES_DIR, page_alone
from spotlight_dash import store
from spotlight_dash.markdown_text import escape, shown
from spotlight_dash.ingest import pipeline

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _fresh_caches():
    import streamlit as st
    st.cache_data.clear()
    st.cache_resource.clear()


def _run(page, **params):
    at = page_alone(page, timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    return " ".join(parts)


def _frames(at):
    return [d.value for d in at.dataframe]


def test_every_page_a_viewer_can_open_is_tested():
    """A new page in pages/ is run by every page test once it is in conftest.PAGES."""
    assert sorted(PAGES) == sorted(p.stem for p in PAGES_DIR.glob("*.py") if p.stem != "data")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_with_the_shipped_data(use_shipped, page):
    at = _run(page)
    assert not at.exception, at.exception
    assert at.title[0].value
    assert "snapshot v0001" in _text(at)


def test_a_page_run_as_the_main_script_says_where_it_belongs_and_shows_nothing(use_shipped):
    """A page Streamlit runs on its own (``streamlit run pages/reach.py``) has no language switch and
    no sign-in gate: it says so and shows no figures, on every run."""
    at = AppTest.from_file(str(PAGES_DIR / "reach.py"), default_timeout=30)
    at.query_params["country"] = "KGZ"
    at.run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == ["This page opens inside the dashboard: open the dashboard's address instead."]
    assert not at.title and not at.dataframe and not at.get("plotly_chart") and not at.selectbox
    assert [e.value for e in at.run().error] == [at.error[0].value]


def test_a_page_streamlit_runs_alone_in_its_pages_folder_mode_opens_inside_the_frame(use_shipped):
    """With pages/ next to app.py, Streamlit runs a deep link's page alone on a fresh server, and
    AppTest does on every run of app.py after the first: the page still has the language switch,
    the navigation and its filters."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["country"] = "KGZ"
    at.run()
    at.switch_page("pages/reach.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Reach" and at.sidebar.selectbox(key="filter_country").value == "KGZ"
    at.sidebar.radio(key="language_choice").set_value("ru").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Охват" and at.sidebar.selectbox(key="filter_country").value == "KGZ"
    assert at.sidebar.radio(key="language_choice").value == "ru"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_survives_a_programme_with_little_data(use_shipped, page):
    at = _run(page, programme="SI-KGZ")
    assert not at.exception, at.exception


def test_overview_shows_the_headline_figures(use_shipped):
    at = _run("overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Total budget (USD)"] == "4,432,461"
    assert metrics["Delivery rate 2020"] == "5 %"
    assert metrics["Direct reach 2020"] == "6,407"
    assert metrics["Indirect reach 2020"] == "5,800,330"
    assert metrics["Media hits 2020"] == "77"
    text = _text(at)
    assert "aim 70 % by end of 2021" in text and "target 231,397" in text
    assert "There is only one snapshot so far" in text


def test_a_headline_figure_opens_onto_its_sources_whole(use_shipped, q):
    # In the card's narrow box as text, not a table: a table cut the document's name after a few words
    # and kept the quote out of sight.
    sources = q("sources").set_index("source_id")
    at = _run("overview")
    assert "UN Women 2,541,617" not in _text(at)  # filled only when opened
    at.session_state["sources-kpi-budget"] = True
    at.run()
    quotes = [m.value for m in at.markdown if m.value.startswith("> ")]
    for source in ("AR2020-budget-unw", "AR2020-budget-unfpa", "AR2020-budget-undp"):
        assert f"**{escape(sources.title[source])} · {escape(sources.section[source])}**" in [m.value for m in at.markdown]
        assert "> " + escape(sources.quote[source]) in quotes  # the quote whole, as the document words it
        assert any(source in c.value for c in at.caption)


def test_a_figure_nobody_reported_says_so_in_words(use_shipped):
    at = _run("overview", programme="SI-KGZ")
    assert "Total budget (USD)" not in {m.label for m in at.metric}
    assert "Total budget (USD)  \n**Not reported**" in [m.value for m in at.markdown]
    assert any("No budget reported" in i.value for i in at.info)


def test_communications_shows_media_hits_by_country(use_shipped):
    at = _run("communications")
    chart = next(c for c in at.get("plotly_chart") if c.proto.id.endswith("-chart-media-hits-by-country"))
    assert '"Kazakhstan"' in chart.proto.spec and "39" in chart.proto.spec
    assert "Media hits by country" in [h.value for h in at.subheader]  # its title, a heading of the page
    assert "do not break media hits down by pillar" in _text(at)


def test_reach_shows_direct_reach_and_never_a_sum(use_shipped):
    at = _run("reach")
    table = _frames(at)[-1]  # the page's own table; the charts' data tables come first
    # As the reader reads the table: kinds in words, counts grouped for the language.
    totals = table[table.sex.isna() & table.component.isna() & table.country.isna() & (table.kind == "actual")]
    assert set(totals.set_index("reach_type")["count"].items()) == {("direct", "6,407"), ("indirect", "5,800,330")}
    assert "12,207,737" not in str(at.get("plotly_chart")[0].proto.spec)  # direct + indirect, never shown


def test_a_filter_in_the_link_narrows_the_view(use_shipped):
    at = _run("communications", country="KAZ")
    assert at.selectbox(key="filter_country").value == "KAZ"
    chart = next(c for c in at.get("plotly_chart") if c.proto.id.endswith("-chart-media-hits-by-country"))
    assert '"Kazakhstan"' in chart.proto.spec and '"Kyrgyzstan"' not in chart.proto.spec
    assert at.query_params["country"] == "KAZ"


def test_invalid_link_values_are_ignored_with_a_notice(use_shipped):
    at = _run("overview", programme="<script>", year="abc", pillar="9")
    assert not at.exception
    notices = [shown(w.value) for w in at.sidebar.warning]  # as the reader sees them: Markdown escapes gone
    assert len(notices) == 3 and "“<script>”" in notices[0]
    assert {m.label: m.value for m in at.metric}["Total budget (USD)"] == "4,432,461"


def test_filters_stay_when_moving_to_another_page(use_shipped):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    at.selectbox(key="filter_year").set_value(2020).run()
    at.switch_page("pages/reach.py").run()
    assert not at.exception
    assert at.selectbox(key="filter_year").value == 2020
    assert at.query_params["year"] == "2020"


def test_a_filter_the_chart_cannot_apply_is_said(use_shipped):
    at = _run("overview", runo="UNW")
    # Reach and media have no RUNO: their cards and charts say they are the whole programme's.
    assert "whole programme: not reported by runo" in _text(at).lower()
    cards = {m.label: m.value for m in at.metric}
    assert cards["Direct reach 2020 · whole programme"] == "6,407"
    assert cards["Total budget (USD) · UN Women"] == "2,614,102"


def test_overview_offers_the_pack_for_the_meeting_in_progress_or_today(store_copy):
    import datetime as dt

    import streamlit as st

    from spotlight_dash.ingest import minutes

    field = _run("overview").date_input(key="pack-meeting-date")
    assert field.label == "Meeting date" and field.value == dt.date.today()
    opened = minutes.open_meeting(dt.date(2027, 2, 1), "Regional Steering Committee, 6th meeting", "coordinator")
    assert opened.ok
    st.cache_data.clear()
    assert _run("overview").date_input(key="pack-meeting-date").value == dt.date(2027, 2, 1)
    assert minutes.close_meeting(opened.row_id, "coordinator").ok
    st.cache_data.clear()
    assert _run("overview").date_input(key="pack-meeting-date").value == dt.date.today()  # closed: not in progress


def test_overview_compares_with_an_earlier_snapshot(use_shipped, tmp_path, monkeypatch):
    # A second snapshot in a copy of the store, with one figure changed, as after an import.
    folder = tmp_path / "store"
    monkeypatch.setenv("SPOTLIGHT_STORE", str(folder))
    pipeline.build(ROOT / "data", user_name="tests")
    with store.open_reader(store.current_state().path) as con:
        frames = store.read_tables(con)
        runs = store.read_runs(con)
    media = frames["media"]
    media.loc[(media.measure == "hits") & media.country.isna(), "count"] = 80
    store.commit(frames, store.Run("import", "changed.xlsx", "0" * 64, "tests", runs.iloc[-1].started_at), runs)
    at = _run("overview", since="1")
    changes = next(f for f in _frames(at) if "figure" in f.columns).set_index("figure")
    assert changes.loc["Media hits", ["then", "now", "difference"]].tolist() == ["77", "80", "+3"]
    assert changes.loc["Total budget (USD)", "difference"] == "no change"


def test_results_lists_indicators_without_data_and_drills_into_one(use_shipped):
    at = _run("results", programme="SI-KGZ")
    assert not at.exception
    assert "have no status" in _text(at)
    at = _run("results", indicator="3.2.2")
    assert at.selectbox(key="indicator").value == "3.2.2"
    assert any("5,900,000" in c.proto.spec for c in at.get("plotly_chart"))


def test_an_outcome_counts_its_indicators_while_closed_and_opens_onto_them(use_shipped):
    at = _run("results")  # five outcomes: closed at first
    labels = [e.label for e in at.expander]
    assert len(labels) == 5 and "3 · Gender equitable social norms" in labels[2] and labels[2].endswith("(2 indicators)")
    before = [f for f in _frames(at) if "status" in f.columns]
    assert not before  # a closed outcome's table is not made
    at.session_state["outcome-3"] = True
    opened = [f for f in _frames(at.run()) if "status" in f.columns]
    assert len(opened) == 1 and len(opened[0]) == 2 and set(opened[0].result_code) <= {"3", "3.1", "3.2"}


def test_a_missing_cell_in_a_table_is_a_dash_not_none(use_shipped):
    at = _run("results")
    unplaced = next(d for d in at.dataframe if d.value.result_code.isna().any())  # an indicator without a result
    assert unplaced.proto.placeholder == "—"


def test_context_shows_official_titles_and_countries_without_data(use_shipped):
    at = _run("context")
    text = _text(at)
    assert "SDG 5.3.1** · Proportion of women aged 20–24 years" in text
    assert "No national data loaded for Afghanistan" in text


def test_meeting_mode_steps_through_slides(use_shipped):
    at = _run("meeting")
    assert [m.value for m in at.metric][0] == "4,432,461"
    at.button(key="meeting_next").click().run()
    assert at.query_params["slide"] == "2"
    # A chart's title is a heading of the page above its plot.
    assert "Budget by recipient UN organisation" in [h.value for h in [*at.header, *at.subheader]]
    assert any(c.proto.id.endswith("-chart-budget-by-runo") for c in at.get("plotly_chart"))


def test_sources_page_lists_quotes_and_definitions(use_shipped):
    at = _run("sources")
    table = _frames(at)[0]
    assert "AR2020-budget-unw" in set(table.source_id)
    assert table.quote.str.contains("2,541,617").any()
    assert "Delivery rate = expenditure / approved budget" in _text(at)
    history = _frames(at)[-1]
    assert list(history.run_kind) == ["build"]


def test_without_a_store_the_page_says_who_builds_one(tmp_path, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_STORE", str(tmp_path / "empty"))
    at = _run("overview")
    assert not at.exception
    # A viewer is never told to run a command: whoever runs the server builds it, or an editor loads data.
    assert any("the server's store is empty" in i.value and "Data page" in i.value for i in at.info)
    assert not any("python -m" in i.value for i in at.info)


def test_the_data_page_refuses_a_viewer(use_shipped, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_EDITOR_SECRET", "s3cret")
    at = _run("data")
    assert not at.exception
    assert [e.value for e in at.error] == ["This page is for editors. Sign in with the editor secret in the sidebar."]
    assert not at.get("file_uploader") and not at.get("download_button")


def test_only_the_editor_secret_opens_the_data_page(use_shipped, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_EDITOR_SECRET", "s3cret")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    at.sidebar.text_input(key="editor_secret_input").input("s3cre").run()
    at.sidebar.button(key="editor_sign_in").click().run()
    assert at.session_state["editor"] is False
    assert [e.value for e in at.sidebar.error] == ["That is not the editor secret."]
    at.sidebar.text_input(key="editor_secret_input").input("s3cret").run()
    at.sidebar.button(key="editor_sign_in").click().run()
    assert at.session_state["editor"] is True
    at.switch_page("pages/data.py").run()
    assert not at.exception and [u.label for u in at.get("file_uploader")] == ["Workbook (.xlsx)", "IATI activity file (.xml)"]
    assert [s.value for s in at.subheader][:2] == ["1 · Get the workbook", "2 · Load a filled workbook"]


def test_without_a_configured_secret_nobody_is_offered_a_sign_in(use_shipped, monkeypatch):
    monkeypatch.delenv("SPOTLIGHT_EDITOR_SECRET", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.sidebar.text_input


def test_a_long_table_shows_its_first_rows_says_so_and_offers_every_row():
    def long_table():
        import pandas as pd
        from spotlight_dash.ui import page
        page.table(pd.DataFrame({"country": ["KAZ"] * 1500, "amount": range(1500)}))

    at = AppTest.from_function(long_table, default_timeout=30).run()
    assert not at.exception, at.exception
    [shown] = [d.value for d in at.dataframe]
    assert len(shown) == 1000 and shown.country.iloc[0] == "Kazakhstan"
    assert "The first 1,000 of 1,500 rows" in " ".join(c.value for c in at.caption)
    assert [b.label for b in at.get("download_button")] == ["Every row (XLSX)"]
