"""Sources and methodology: every source with what it contributes, the definitions, the ingest history."""

import streamlit as st

from spotlight_dash import metrics
from spotlight_dash.ui import history, page
from spotlight_dash.ui.language import t

view = page.start(t("nav.sources"), t("sources.question"))
sources = view.q("sources")
st.subheader(t("sources.sources"))
st.caption(t("sources.caption", count=len(sources)))
# Documents by their citation: the stored file names are the repository's, not the reader's.
page.table(sources.drop(columns=["document_id", "file"]), quote=st.column_config.TextColumn(width="large"))

st.subheader(t("sources.definitions"))
st.markdown(metrics.definitions(view.lang))
st.caption(metrics.rag_thresholds_text(view.lang))

st.subheader(t("sources.history"))
page.table(history.readable(view.q("ingest_history"), view.lang))
page.footer(view)
