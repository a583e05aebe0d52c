"""Reach: direct and indirect rights holders against the targets; never one number that adds them."""

import streamlit as st

from spotlight_dash.ui import chart_block, page

view = page.start("Reach", "Rights holders reached directly and indirectly, against the targets. Direct and "
                  "indirect reach are different populations counted differently: they are never added.")
chart_block.show(view, "reach-against-target")
chart_block.columns(view, ["reach-direct-breakdown"], ["reach-indirect-breakdown"])
page.table_section(
    "Every reach figure as reported", view.q("reach"),
    "No reach figures for this selection. They come from a source document or the Reach sheet of the import workbook.",
    "A row with empty sex, age group, component or country is the total over it. Breakdowns need not add up to "
    "the total when a source does not give every part; the note says why.",
    count=st.column_config.NumberColumn(format="localized"), note=st.column_config.TextColumn(width="large"))
page.footer(view)
