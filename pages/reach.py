"""Reach: direct and indirect rights holders against the targets; never one number that adds them."""

import streamlit as st

from spotlight_dash.ui import chart_block, page

view = page.start("Reach", "Rights holders reached directly and indirectly, against the targets. Direct and "
                  "indirect reach are different populations counted differently: they are never added.")
chart_block.show(view, "reach-against-target")
left, right = st.columns(2)
with left:
    chart_block.show(view, "reach-direct-breakdown")
with right:
    chart_block.show(view, "reach-indirect-breakdown")

st.subheader("Every reach figure as reported")
reach = view.q("reach")
if reach.empty:
    st.info("No reach figures for this selection. They come from a source document or the Reach sheet of the "
            "import workbook.", icon=":material/info:")
else:
    st.caption("A row with empty sex, age group, component or country is the total over it. Breakdowns need not "
               "add up to the total when a source does not give every part; the note says why.")
    st.dataframe(reach.drop(columns=["programme_id"]), hide_index=True, width="stretch",
                 column_config={"count": st.column_config.NumberColumn(format="localized"),
                                "note": st.column_config.TextColumn(width="large")})
page.footer(view)
