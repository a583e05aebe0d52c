"""Reach: direct and indirect rights holders against the targets; never one number that adds them."""

import streamlit as st

from spotlight_dash.ui import chart_block, page
from spotlight_dash.ui.language import t

view = page.start(t("nav.reach"), t("reach.question"))
chart_block.show(view, "reach-against-target")
chart_block.columns(view, ["reach-direct-breakdown"], ["reach-indirect-breakdown"])
page.query_section(view, t("reach.every"), "reach", t("reach.nothing"), t("reach.caption"),
                  note=st.column_config.TextColumn(width="large"))
page.footer(view)
