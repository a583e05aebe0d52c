"""Civil society: small grants by country, the reference group, consultations."""

import streamlit as st

from spotlight_dash.ui import chart_block, page

view = page.start("Civil society", "Small-grant applications and awards, the civil society reference group, "
                  "and consultations with women's organisations.")
chart_block.columns(view, ["grants-by-country"], ["reference-group"])
grants = view.q("grants")
disputed = int(grants.disputed.sum()) if not grants.empty else 0
page.table_section("Small grants as reported", grants, "No small-grant figures for this selection.",
                   f"{disputed} rows are disputed: two sources state different figures; both are kept." if disputed else None,
                   amount_usd=st.column_config.NumberColumn("USD", format="localized"))
events = view.q("events")
page.table_section("Consultations", events[events.event_type == "consultation"],
                   "No consultations reported for this selection. They are events of type “consultation” "
                   "in a source document or the Events sheet of the import workbook.")
page.footer(view)
