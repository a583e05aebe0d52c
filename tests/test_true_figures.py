"""Every figure true in every view: alternative statements never summed, broader figures never passed
off as a country's, RUNO's or pillar's, two dates named for what they are, words instead of codes."""

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import DATA, ROOT
from spotlight_dash import formatting, queries, store
from spotlight_dash.ingest import pipeline
from spotlight_dash.queries import Filters

PAGES = ["overview", "meeting", "delivery", "results", "reach", "communications", "civil_society", "context",
         "agencies", "sources"]

# One second statement for a figure of each table with amounts or counts, from a source of its own,
# disagreeing with the shipped one: (table, CSV rows, the shipped value, the planted value).
PLANTED = {
    "finance": ("programme_id,organisation,period_id,kind,amount,currency,source_id\n"
                "SI-CA-REG,UNW,PHASE-I,approved,1111111,USD,PLANTED-finance\n", 2541617, 1111111),
    "reach": ("programme_id,period_id,kind,reach_type,count,source_id\n"
              "SI-CA-REG,2020,actual,direct,1234,PLANTED-reach\n", 6407, 1234),
    "media": ("programme_id,period_id,measure,country,count,source_id\n"
              "SI-CA-REG,2020,hits,,11,PLANTED-media\nSI-CA-REG,2020,hits,KAZ,21,PLANTED-media\n", 39, 21),
    "grants": ("programme_id,period_id,kind,country,count,source_id\n"
               "SI-CA-REG,2020,applications_received,KAZ,3,PLANTED-grants\n", 17, 3),
    "indicator_values": ("programme_id,indicator_code,period_id,kind,value,source_id\n"
                         "SI-CA-REG,3.2.2,2020,actual,100,PLANTED-indicator_values\n", 5900000, 100),
    "delivery_rates": ("programme_id,period_id,kind,rate_pct,source_id\n"
                       "SI-CA-REG,2020,reported,7,PLANTED-delivery_rates\n", 5, 7),
    "reference_group": ("programme_id,body,country,members,source_id\n"
                        "SI-CA-REG,CS-RRG,,5,PLANTED-reference_group\n", 12, 5),
}
# Sums that no document states and that would appear only by adding two statements of one fact.
FORBIDDEN = {
    2541617 + 1111111, 2541617 + 1111111 + 72485, 4248584 + 1111111, 4432461 + 1111111,  # UN Women, the budget
    6407 + 1234, 77 + 11, 39 + 21, 17 + 3, 70 + 3, 5900000 + 100, 5 + 7, 12 + 5,
    4248584 + 5000000,  # the EU's allocation as the annual report and the factsheet state it
}


@pytest.fixture(scope="module")
def planted_store(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    shutil.copytree(DATA, data, dirs_exist_ok=True)
    planted = data / "planted"
    planted.mkdir()
    (planted / "documents.csv").write_text("document_id,title,citation,publisher,language\n"
                                           "PLANTED,SYNTHETIC second statements (tests),SYNTHETIC test,tests,en\n")
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
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=60)
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
