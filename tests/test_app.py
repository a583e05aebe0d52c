"""The dashboard as a user sees it, through Streamlit's AppTest with a temporary store."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _fresh_caches():
    import streamlit as st
    st.cache_data.clear()
    st.cache_resource.clear()


def _run(page, **params):
    at = AppTest.from_file(str(ROOT / page), default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_overview_shows_the_headline_figures(use_shipped):
    at = _run("pages/overview.py")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Total budget (USD)"] == "4,432,461"
    assert metrics["Delivery rate 2020"] == "5 %"
    assert metrics["Direct rights holders reached 2020"] == "6,407"
    assert metrics["Indirect rights holders reached 2020"] == "5,800,330"
    assert metrics["Media hits 2020"] == "77"
    captions = " ".join(c.value for c in at.caption)
    assert "aim 70 % by end of 2021" in captions and "target 231,397" in captions
    assert "snapshot v0001" in captions


def test_a_programme_without_budget_says_not_reported(use_shipped):
    at = _run("pages/overview.py", programme="SI-KGZ")
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Total budget (USD)"] == "not reported"
    assert any("No budget reported" in i.value for i in at.info)


def test_without_a_store_the_page_says_how_to_build_one(tmp_path, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_STORE", str(tmp_path / "empty"))
    at = _run("pages/overview.py")
    assert not at.exception
    assert any("python -m spotlight_dash build" in i.value for i in at.info)


def test_sources_page_lists_quotes(use_shipped):
    at = _run("pages/sources.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert "AR2020-budget-unw" in set(table.source_id)
    assert table.quote.str.contains("2,541,617").any()
