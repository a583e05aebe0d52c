"""Widgets and render helpers shared by the pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from spotlight_dash import queries
from spotlight_dash.kpis import KPI
from spotlight_dash.ui import data


def snapshot_or_stop() -> data.Snapshot:
    """The current snapshot; says what is wrong with the store, and stops when nothing is readable."""
    snapshot = data.current_snapshot()
    for problem in snapshot.problems:
        st.warning(f"Store: {problem}", icon=":material/warning:")
    if snapshot.path is None:
        st.info("There is no data to show yet. Build the store from the shipped dataset with "
                "`python -m spotlight_dash build` (the README's first command does it for you).")
        st.stop()
    return snapshot


def programme_filter(snapshot: data.Snapshot) -> queries.Filters:
    programmes = data.run_query(snapshot.path, "programmes", queries.Filters())
    names = dict(zip(programmes.programme_id, programmes.short_name))
    options = sorted(names, key=lambda p: (p != "SI-CA-REG", p))
    # The URL holds the programme's code, so a copied link reopens the same view; it is
    # untrusted input: an unknown value is ignored with a notice.
    asked = st.query_params.get("programme")
    if asked is not None and asked not in options:
        st.sidebar.caption(f"Programme {asked[:40]!r} in the link is not known; showing {options[0]}.")
    chosen = st.sidebar.selectbox("Programme", options, index=options.index(asked) if asked in options else 0,
                                  format_func=lambda p: names.get(p, p), key="programme")
    st.query_params["programme"] = chosen
    return queries.Filters(programme=chosen)


def kpi_row(kpis: list[KPI], sources: pd.DataFrame) -> None:
    for column, kpi in zip(st.columns(len(kpis)), kpis):
        with column:
            st.metric(kpi.label, kpi.value, border=True)
            st.caption(kpi.detail)
            with st.popover("Source", icon=":material/info:"):
                source_rows(sources, kpi.source_ids)


def source_rows(sources: pd.DataFrame, source_ids) -> None:
    rows = sources[sources.source_id.isin(list(source_ids))]
    if rows.empty:
        st.write("No source recorded.")
        return
    for row in rows.itertuples():
        where = row.file if isinstance(row.file, str) else (row.location or "")
        st.markdown(f"**{row.title or row.source_id}** · {where} · *{row.section or ''}*")
        if isinstance(row.quote, str):
            st.text(f"“{row.quote}”")


def footer(snapshot: data.Snapshot) -> None:
    st.caption(f"Data as of {data.data_as_of(snapshot.path)} · snapshot v{snapshot.version:04d}")
