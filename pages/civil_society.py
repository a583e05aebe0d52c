"""Civil society: small grants by country, the reference group, consultations."""

import streamlit as st

from spotlight_dash.ui import chart_block, page
from spotlight_dash.ui.language import t

view = page.start(t("nav.civil_society"), t("civil.question"))
chart_block.columns(view, ["grants-by-country"], ["reference-group"])
grants = view.q("grants")
disputed = int(grants.disputed.sum()) if not grants.empty else 0
page.table_section(t("civil.grants"), grants, t("civil.no_grants"),
                   t("civil.disputed", count=disputed) if disputed else None,
                   amount_usd=st.column_config.NumberColumn(format="localized"))
events = view.q("events")
page.table_section(t("civil.consultations"), events[events.event_type == "consultation"], t("civil.no_consultations"))
page.footer(view)
