"""Sources and methodology: every source with what it contributes, the definitions, the ingest history."""

import streamlit as st

from spotlight_dash import metrics
from spotlight_dash.ui import page

view = page.start("Sources and methodology", "Where every figure comes from, how the figures are computed, "
                  "and every build and import of the data.")
sources = view.q("sources")
st.subheader("Sources")
st.caption(f"{len(sources)} sources for this programme (context data included). Quotes are verbatim from the "
           "documents, in their language.")
st.dataframe(sources, hide_index=True, width="stretch", column_config={
    "quote": st.column_config.TextColumn("quote", width="large"),
    "used_by": st.column_config.TextColumn("contributes to")})

st.subheader("Definitions")
st.markdown(metrics.__doc__.split("\n\n", 1)[1])
st.caption(metrics.RAG_THRESHOLDS_TEXT)

st.subheader("Ingest history")
st.dataframe(view.q("ingest_history"), hide_index=True, width="stretch")
page.footer(view)
