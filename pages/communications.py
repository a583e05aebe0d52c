"""Communications: media hits by country, pillar and month, the EU's visibility, campaigns and events."""

import streamlit as st

from spotlight_dash.ui import chart_block, page

view = page.start("Communications", "Media hits, the share that acknowledges the EU, social media, "
                  "campaigns and events.")
left, right = st.columns(2)
with left:
    chart_block.show(view, "media-hits-by-country")
    chart_block.show(view, "media-hits-by-pillar")
with right:
    chart_block.show(view, "media-eu-acknowledgement")
    chart_block.show(view, "media-hits-by-month")
chart_block.show(view, "campaigns-compared")

st.subheader("Campaigns")
campaigns = view.q("campaigns")
if campaigns.empty:
    st.info("No campaigns reported for this selection.", icon=":material/info:")
else:
    st.dataframe(campaigns.drop(columns=["programme_id"]), hide_index=True, width="stretch")
st.subheader("Events")
events = view.q("events")
if events.empty:
    st.info("No events reported for this selection.", icon=":material/info:")
else:
    st.caption("A row with empty country is the whole event; the others are its parts by country.")
    st.dataframe(events.drop(columns=["programme_id"]), hide_index=True, width="stretch")
page.footer(view)
