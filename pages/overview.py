"""Overview for the Steering Committee: are we on track?"""

import streamlit as st

from spotlight_dash import kpis
from spotlight_dash.ui import data, widgets

snapshot = widgets.snapshot_or_stop()
filters = widgets.programme_filter(snapshot)
q = lambda name: data.run_query(snapshot.path, name, filters)  # noqa: E731

st.title("Are we on track?")
budget = q("budget_by_runo")
widgets.kpi_row(kpis.headline(budget, q("delivery"), q("reach_against_target"), q("media_summary")), q("sources"))

st.subheader("Budget by recipient UN organisation")
if budget.empty:
    st.info("No budget reported for this programme. Budgets come from a source document or an imported workbook.")
else:
    st.dataframe(budget, hide_index=True, column_config={
        "approved": st.column_config.NumberColumn("Spotlight funds", format="localized"),
        "agency_contribution": st.column_config.NumberColumn("Agency contribution", format="localized"),
        "total": st.column_config.NumberColumn("Total", format="localized"),
    })

disagreements = q("disagreements")
if not disagreements.empty:
    st.subheader("Where the sources disagree")
    st.caption("Each statement is kept with its own source; none is picked silently.")
    st.dataframe(disagreements, hide_index=True)
widgets.footer(snapshot)
