"""Every figure true in every view: alternative statements never summed, broader figures never passed
off as a country's, RUNO's or pillar's, two dates named for what they are, words instead of codes."""

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import DATA, PAGES, ROOT, page_alone
from spotlight_dash import formatting, queries, store
from spotlight_dash.ingest import pipeline
from spotlight_dash.queries import Filters


# One second statement for a figure of each table with amounts or counts, from a source of its own,
# disagreeing with the shipped one: (table, CSV rows, the shipped value, the planted value).
PLANTED = {
    "finance": ("programme_id,organisation,period_id,kind,amount,currency,source_id\n"
                "SI-CA-REG,UNW,PHASE-I,approved,1111111,USD,PLANTED-finance\n", 2541617, 1111111),
    "reach": ("programme_id,period_id,kind,reach_type,count,source_id\n"
              "SI-CA-REG,2020,actual,direct,1234,PLANTED-reach\n", 6407, 1234),
    "media": ("programme_id,period_id,measure,country,count,source_id\n"
              "SI-CA-REG,2020,hits,,1011,PLANTED-media\nSI-CA-REG,2020,hits,KAZ,321,PLANTED-media\n", 39, 321),
    "grants": ("programme_id,period_id,kind,country,count,source_id\n"
               "SI-CA-REG,2020,applications_received,KAZ,101,PLANTED-grants\n", 17, 101),
    "indicator_values": ("programme_id,indicator_code,period_id,kind,value,source_id\n"
                         "SI-CA-REG,3.2.2,2020,actual,100,PLANTED-indicator_values\n", 5900000, 100),
    "delivery_rates": ("programme_id,period_id,kind,rate_pct,source_id\n"
                       "SI-CA-REG,2020,reported,7.5,PLANTED-delivery_rates\n", 5, 7.5),
    "reference_group": ("programme_id,body,country,members,source_id\n"
                        "SI-CA-REG,CS-RRG,,40,PLANTED-reference_group\n", 12, 40),
}
# Sums that no document states and that would appear only by adding two statements of one fact.
FORBIDDEN = {
    2541617 + 1111111, 2541617 + 1111111 + 72485, 4248584 + 1111111, 4432461 + 1111111,  # UN Women, the budget
    6407 + 1234, 77 + 1011, 39 + 321, 17 + 101, 70 + 101, 5900000 + 100, 5 + 7.5, 12 + 40,
    4248584 + 5000000,  # the EU's allocation as the annual report and the factsheet state it
}


@pytest.fixture(scope="module")
def planted_store(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    shutil.copytree(DATA, data, dirs_exist_ok=True)
    planted = data / "planted"
    planted.mkdir()
    (data / "documents" / "planted.txt").write_text("SYNTHETIC: a second statement of a figure, for the tests.\n")
    (planted / "documents.csv").write_text("document_id,file,title,citation,publisher,language\n"
                                           "PLANTED,planted.txt,SYNTHETIC second statements (tests),SYNTHETIC test,tests,en\n")
    (planted / "sources.csv").write_text("source_id,document_id,section,quote\n" + "".join(
        f"PLANTED-{table},PLANTED,{table},a second statement of a figure\n" for table in PLANTED))
    for table, (rows, _, _) in PLANTED.items():
        (planted / f"{table}.csv").write_text(rows)
    folder = tmp_path_factory.mktemp("planted-store")
    import os
    previous = os.environ.get("SPOTLIGHT_STORE")
    os.environ["SPOTLIGHT_STORE"] = str(folder)
    try:
        outcome = pipeline.build(data, user_name="tests")
    finally:
        os.environ.pop("SPOTLIGHT_STORE") if previous is None else os.environ.__setitem__("SPOTLIGHT_STORE", previous)
    assert not outcome.report.errors, outcome.report.errors
    return folder


def _numbers_in(frame: pd.DataFrame) -> set[float]:
    found = set()
    for column in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]):
            found.update(float(v) for v in frame[column].dropna())
    return found


FILTERS = [Filters(), Filters(programme="SI-CA-REG"), Filters(programme="SI-CA-REG", year=2020),
           Filters(programme="SI-CA-REG", country="KAZ"), Filters(programme="SI-CA-REG", runo="UNW"),
           Filters(programme="SI-CA-REG", country="KAZ", runo="UNW", year=2020)]


def test_the_planted_statements_are_all_in_the_store(planted_store):
    con = store.open_reader(store.current_state(planted_store).path)
    for table in PLANTED:
        cited = con.execute(f"SELECT count(*) FROM {table} WHERE source_id = ?", [f"PLANTED-{table}"]).fetchone()[0]
        assert cited >= 1, table  # else the test below would pass for want of a disagreement


def test_no_query_adds_two_statements_of_one_fact(planted_store):
    con = store.open_reader(store.current_state(planted_store).path)
    for name in queries.QUERIES:
        for filters in FILTERS:
            frame = queries.run_query(con.cursor(), name, replace_indicator(filters, name))
            summed = _numbers_in(frame) & FORBIDDEN
            assert not summed, f"{name} {filters}: {summed}"


def replace_indicator(filters: Filters, name: str) -> Filters:
    from dataclasses import replace
    return replace(filters, indicator="3.2.2") if name == "indicator_history" else filters


def test_finance_detail_shows_each_eu_statement_apart(q):
    eu = q("finance_detail", programme="SI-CA-REG", runo=None)
    eu = eu[(eu.organisation == "EU") & (eu.currency == "USD")]
    assert sorted(eu.amount) == [4248584, 5000000]
    assert eu.sources_differ.all()
    assert list(eu[eu.amount == 5000000].is_lower_bound) == [True]


def _page_text(at) -> str:
    parts = [getattr(e, "value", "") for e in at.main.markdown] + [e.value for e in at.caption]
    parts += [f"{m.label} {m.value}" for m in at.metric] + [e.value for e in at.info]
    for frame in at.dataframe:
        parts.append(frame.value.to_csv(index=False))
    return "\n".join(str(p) for p in parts)


def _app(page: str, store_folder: Path, monkeypatch, lang: str = "en", **params) -> AppTest:
    monkeypatch.setenv("SPOTLIGHT_STORE", str(store_folder))
    at = page_alone(page)
    for key, value in {**params, "lang": lang}.items():
        at.query_params[key] = str(value)
    return at.run()


def _shown_forms(value: float) -> list[str]:
    return [formatting.number(value, lang="en"), formatting.number(value, lang="ru"), str(int(value))]


@pytest.mark.parametrize("page", PAGES)
def test_no_page_shows_a_sum_of_two_statements(page, planted_store, monkeypatch):
    for params in ({}, {"country": "KAZ"}, {"year": "2020", "runo": "UNW"}):
        at = _app(page, planted_store, monkeypatch, **params)
        assert not at.exception, at.exception
        text = _page_text(at)
        for value in FORBIDDEN:
            for form in _shown_forms(value):
                if len(form) >= 3:  # "12" occurs in dates; the multi-digit sums are the telling ones
                    assert not re.search(rf"(?<![\d,.\u00a0]){re.escape(form)}(?![\d,.\u00a0])", text), (
                        page, params, form)


SELECTIONS = [{"country": "KAZ"}, {"runo": "UNW"}, {"pillar": "3"}, {"year": "2020"},
              {"country": "KAZ", "runo": "UNW", "year": "2020"}, {"country": "KGZ", "pillar": "6"},
              {"runo": "UNFPA", "year": "2021"}, {"country": "UZB", "year": "2020"}, {"pillar": "1", "runo": "UNDP"}]
WHOLE = {"en": "whole programme", "ru": "вся программа"}


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("page", ["overview", "meeting"])
def test_no_card_passes_a_whole_programme_figure_off_as_the_selections(page, lang, use_shipped, monkeypatch):
    whole = {m.value for m in _app(page, use_shipped, monkeypatch, lang).metric}  # the programme's own figures
    assert whole, "the unfiltered page shows headline figures"
    for selection in SELECTIONS:
        at = _app(page, use_shipped, monkeypatch, lang, **selection)
        assert not at.exception, (selection, at.exception)
        narrows = {"country", "pillar", "runo"} & set(selection)
        for card in at.metric:
            if narrows and card.value in whole and not card.value.endswith("%"):
                assert WHOLE[lang] in card.label, (selection, card.label, card.value)


def test_a_chosen_country_gets_its_own_media_hits_and_the_programme_figures_say_whose_they_are(use_shipped,
                                                                                                monkeypatch):
    at = _app("overview", use_shipped, monkeypatch, country="KAZ")
    cards = {m.label: m.value for m in at.metric}
    assert cards["Media hits 2020 · Kazakhstan"] == "39"
    assert cards["Direct reach 2020 · whole programme"] == "6,407"
    assert cards["Total budget (USD) · whole programme"] == "4,432,461"
    assert "77" not in cards.values()
    # The words the page writes above and below the budget's plot (its title, subtitle and source line).
    words = at.session_state["page_charts"]["budget-by-runo"].words
    assert words.title == "Budget by recipient UN organisation"
    budget = _shown(at, words.subtitle)
    assert "whole programme: not reported by country" in budget and "Kazakhstan" not in budget


def _shown(at, text: str) -> str:
    """``text`` as a caption of the page shows it (escaped for Markdown there): it must be on the page."""
    caption = next(c.value for c in at.caption if _unescaped(c.value).startswith(text))
    return _unescaped(caption)


def _unescaped(text: str) -> str:
    import re
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!:|~<>$])", r"\1", text)


def test_charts_and_the_pack_name_the_reporting_period_and_the_load_apart(use_shipped, monkeypatch):
    at = _app("overview", use_shipped, monkeypatch)
    footer = _shown(at, at.session_state["page_charts"]["reach-against-target"].words.footer)
    assert "Reported for 2020, Phase I (2020–2022)" in footer and "loaded " in footer and "Data as of" not in footer
    from spotlight_dash.exports import pack
    from spotlight_dash.exports.context import open_view
    view, _ = open_view({}, use_shipped)
    try:
        cover = pack.outline(view)[0].lines
    finally:
        view.close()
    # The cover names the reporting period and, on its own line, when the figures were loaded.
    assert any(line.startswith("Reporting period: 2020") for line in cover)
    assert any(line.startswith("Figures loaded ") and "snapshot v0001" in line for line in cover)


def test_the_disagreements_read_as_statements_with_their_documents(use_shipped, monkeypatch):
    at = _app("overview", use_shipped, monkeypatch)
    table = at.dataframe[-1].value
    eu = table[table.figure == "European Union · Phase I (2020–2022) · donor allocation"]
    assert set(eu.statement) == {"more than 5,000,000 USD", "4,248,584 USD"}
    assert set(eu.document.str.split(" — ").str[0]) == {"Annual report 2020", "MPTF project factsheet"}
    shown = table.to_csv(index=False)
    assert "donor_allocation" not in shown and "PHASE-I" not in shown and "5000000" not in shown


def test_tables_show_words_dates_and_grouped_numbers_not_codes(use_shipped, monkeypatch):
    results = _app("results", use_shipped, monkeypatch)
    for key in [k for k in results.session_state if str(k).startswith("outcome-")]:
        results.session_state[key] = True  # every outcome opened, as a reader clicks them
    results.run()
    assert "5,900,000" in "\n".join(f.value.to_csv(index=False) for f in results.dataframe)
    civil = _app("civil_society", use_shipped, monkeypatch)
    consultations = civil.dataframe[-1].value
    assert "20 Oct 2020" in set(consultations.start_date) and "00:00:00" not in consultations.to_csv()
    sources = _app("sources", use_shipped, monkeypatch)
    shown = "\n".join(f.value.to_csv(index=False) for f in sources.dataframe)
    import getpass
    assert "000_7443309cf0175af5.txt" not in shown and "/tmp/" not in shown and str(ROOT) not in shown
    assert f",{getpass.getuser()}," not in shown
