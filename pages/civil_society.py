"""Civil society: small grants by country, the reference group, consultations."""

import streamlit as st

from spotlight_dash.ui import chart_block, page

view = page.start("Civil society", "Small-grant applications and awards, the civil society reference group, "
                  "and consultations with women's organisations.")
left, right = st.columns(2)
with left:
    chart_block.show(view, "grants-by-country")
with right:
    chart_block.show(view, "reference-group")

st.subheader("Small grants as reported")
grants = view.q("grants")
if grants.empty:
    st.info("No small-grant figures for this selection.", icon=":material/info:")
else:
    disputed = grants[grants.disputed]
    if not disputed.empty:
        st.caption(f"{len(disputed)} rows are disputed: two sources state different figures; both are kept.")
    st.dataframe(grants.drop(columns=["programme_id"]), hide_index=True, width="stretch",
                 column_config={"amount_usd": st.column_config.NumberColumn("USD", format="localized")})

st.subheader("Consultations")
events = view.q("events")
consultations = events[events.event_type == "consultation"] if not events.empty else events
if consultations.empty:
    st.info("No consultations reported for this selection. They are events of type “consultation” "
            "in a source document or the Events sheet of the import workbook.", icon=":material/info:")
else:
    st.dataframe(consultations.drop(columns=["programme_id"]), hide_index=True, width="stretch")
page.footer(view)
