"""Context: national SDG data on violence against women and child marriage (5.2.1, 5.2.2, 5.3.1)."""

import streamlit as st

from spotlight_dash import codes
from spotlight_dash.ui import chart_block, page
from spotlight_dash.ui.language import t

view = page.start(t("nav.context"), t("context.question"))
coverage = view.q("sdg_coverage")
title = "title_ru" if view.lang == "ru" else "title"  # the official UN titles, in both languages
for code, rows in coverage.groupby("sdg_code", sort=True):
    st.markdown(t("context.sdg_title", code=code, title=rows[title].iloc[0]))
chart_block.show(view, "sdg-context")

st.subheader(t("context.coverage"))
if coverage.empty:
    st.info(t("context.none_loaded"), icon=":material/info:")
else:
    grid = coverage.assign(latest=coverage.latest_year.astype("string").fillna(t("context.no_data")),
                           country_name=[codes.country_name(c, view.lang) for c in coverage.country])
    table = grid.pivot(index="country_name", columns="sdg_code", values="latest").reset_index()
    page.table(table.rename(columns={"country_name": "country"}))
    missing = sorted(set(grid[grid.latest_year.isna()].country_name))
    st.caption(t("context.missing", countries=", ".join(missing)) if missing else t("context.complete"))

st.subheader(t("context.values"))
page.table(view.q("sdg_values"))
page.footer(view)
