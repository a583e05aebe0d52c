"""Every source with what it contributes, and the ingest history."""

import streamlit as st

from spotlight_dash.ui import data, widgets

snapshot = widgets.snapshot_or_stop()
filters = widgets.programme_filter(snapshot)

st.title("Sources")
st.dataframe(data.run_query(snapshot.path, "sources", filters), hide_index=True)
widgets.footer(snapshot)
