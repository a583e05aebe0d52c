"""The upsert rule imports will use: rows with the same natural key are replaced, none removed."""

import pandas as pd

from spotlight_dash import store
from spotlight_dash.ingest import pipeline, rules


def test_merge_replaces_by_key_and_removes_nothing(use_shipped):
    with store.open_reader(store.current_state().path) as con:
        current = store.read_tables(con)
    media = current["media"]
    kaz = media[(media.country == "KAZ") & (media.measure == "hits")].copy()
    kaz["count"] = 40
    new_row = kaz.assign(country="TKM", count=1)
    merged = pipeline.merge(current, {"media": pd.concat([kaz, new_row])})["media"]
    assert len(merged) == len(media) + 1
    by_country = merged[merged.measure == "hits"].set_index("country")["count"]
    assert by_country["KAZ"] == 40 and by_country["TKM"] == 1 and by_country["KGZ"] == 12
    assert pipeline.merge(current, {"media": media})["media"].shape == media.shape  # same file twice: no change


def test_reference_keys_let_an_import_cite_what_the_store_holds(use_shipped):
    with store.open_reader(store.current_state().path) as con:
        known = rules.reference_keys(store.read_tables(con))
    assert ("SI-CA-REG",) in known["programmes:programme_id"]
    assert ("AR2020-budget-unw",) in known["sources:source_id"]
    assert ("SI-CA-REG", "3.2.2") in known["indicators:programme_id,indicator_code"]
