"""One chart on a page: the figure or its empty state, what it ignores, and where it comes from."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from spotlight_dash import charts, provenance, queries, viewstate
from spotlight_dash.queries import Filters
from spotlight_dash.ui import data
from spotlight_dash.ui.page import View


def all_sources(view: View) -> pd.DataFrame:
    return data.run_query(view.snapshot.path, "sources", Filters())


def frames_for(view: View, chart: charts.Chart, filters: Filters) -> dict[str, pd.DataFrame]:
    return {name: data.run_query(view.snapshot.path, name, filters) for name in chart.queries}


def show(view: View, name: str, font_scale: float = 1.0, height: int = 440, **overrides) -> None:
    chart = charts.CHARTS[name]
    filters = replace(view.filters, **overrides)
    frames = frames_for(view, chart, filters)
    sources = all_sources(view)
    ids = provenance.source_ids(frames.values())
    meta = charts.ChartMeta(view.description, provenance.source_line(sources, ids), view.as_of,
                            font_scale=font_scale)
    figure = chart.figure(frames, meta, height)
    ignored = sorted({f for q in chart.queries for f in viewstate.not_applied(filters, queries.QUERIES[q].filters)})
    with st.container(border=True):
        if figure is None:
            st.markdown(f"**{chart.title}**")
            st.info(chart.empty, icon=":material/info:")
        else:
            file_name = charts.export_name(name, filters, view.snapshot.version)
            st.plotly_chart(figure, theme=None, width="stretch", key=f"chart-{name}",
                            config={"displaylogo": False, "toImageButtonOptions": {"filename": file_name}})
        if ignored:
            st.caption(f"These figures are not broken down by {' or '.join(ignored)}: "
                       "they are shown for all of them.")
        if ids:
            with st.popover("Where do these figures come from?", icon=":material/source:"):
                source_table(sources, ids)
                for query_name, frame in frames.items():
                    st.caption(queries.QUERIES[query_name].description)
                    st.dataframe(frame, hide_index=True, width="stretch")


def source_table(sources: pd.DataFrame, ids) -> None:
    st.dataframe(provenance.rows_for(sources, ids), hide_index=True, width="stretch",
                 column_config={"quote": st.column_config.TextColumn("quote", width="large")})


def columns(view: View, left: list[str], right: list[str]) -> None:
    """Charts in two columns, for half-width charts that read side by side."""
    for column, names in zip(st.columns(2), (left, right)):
        with column:
            for name in names:
                show(view, name)
