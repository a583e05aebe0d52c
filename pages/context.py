"""Context: national SDG data on violence against women and child marriage (5.2.1, 5.2.2, 5.3.1)."""

import streamlit as st

from spotlight_dash.ui import chart_block, page

view = page.start("Context", "What national statistics say about violence against women and child marriage, "
                  "with the official SDG indicator titles. These are national figures, not the programme's results.")
coverage = view.q("sdg_coverage")
for code, rows in coverage.groupby("sdg_code", sort=True):
    st.markdown(f"**SDG {code}** · {rows.title.iloc[0]}")
chart_block.show(view, "sdg-context")

st.subheader("Which countries have national data")
if coverage.empty:
    st.info("No SDG indicators are loaded.", icon=":material/info:")
else:
    grid = coverage.assign(latest=coverage.latest_year.astype("string").fillna("no data loaded"))
    table = grid.pivot(index="country_name", columns="sdg_code", values="latest").reset_index()
    st.dataframe(table.rename(columns={"country_name": "country"}), hide_index=True, width="stretch")
    missing = sorted(set(coverage[coverage.latest_year.isna()].country_name))
    st.caption(f"No national data loaded for {', '.join(missing)}. Only Kazakhstan's published open-SDG files "
               "are in the reference set; other countries' files can be added the same way "
               "(scripts/sdg_context.py)." if missing else "Every country has data for every indicator.")

st.subheader("Values as published")
values = view.q("sdg_values")
st.dataframe(values, hide_index=True, width="stretch")
page.footer(view)
