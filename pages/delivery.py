"""Delivery for the programme coordinator: budget, expenditure and delivery rate against the aim."""

import streamlit as st

from spotlight_dash import formatting as fmt
from spotlight_dash import metrics
from spotlight_dash.ui import chart_block, page

view = page.start("Delivery", "Budget, agency contributions, expenditure and delivery rate by RUNO, pillar, "
                  f"year and country, against the {fmt.percent(metrics.DELIVERY_AIM_PCT)} aim.")
chart_block.columns(view, ["budget-by-runo"], ["delivery-against-aim"])
chart_block.show(view, "expenditure-against-aim")

st.subheader("Delivery rate and the gap to the aim")
delivery = view.q("delivery")
if delivery.empty:
    st.info("No budget or expenditure is reported for this selection.", icon=":material/info:")
else:
    if delivery.expenditure.isna().all():
        st.caption("No expenditure is reported yet, so the delivery rate is computed nowhere and the gap to "
                   "the aim in money is unknown; only the rate stated in a document is shown.")
    money = st.column_config.NumberColumn(format="localized")
    st.dataframe(delivery.drop(columns=["programme_id"]), hide_index=True, width="stretch", column_config={
        "organisation": st.column_config.TextColumn("RUNO (empty = whole programme)"),
        "budget": money, "expenditure": money, "aim_amount": st.column_config.NumberColumn("needed for the aim", format="localized"),
        "gap_to_aim": st.column_config.NumberColumn("gap to the aim", format="localized"),
        "expenditure_is_interim": st.column_config.CheckboxColumn("interim (not certified)"),
        "delivery_rate_pct": st.column_config.NumberColumn("delivery rate %", format="%.1f"),
        "reported_rate_pct": st.column_config.NumberColumn("stated rate %", format="%.1f"),
        "target_rate_pct": st.column_config.NumberColumn("aim %", format="%.0f")})

finance = view.q("finance_detail")
interim = int(finance.is_interim.fillna(False).sum()) if not finance.empty else 0
page.table_section("Finance rows as reported", finance,
                   "No finance rows for this selection. Budgets and expenditure come from a source document, "
                   "an imported workbook or the agencies' IATI files.",
                   f"{len(finance)} rows; {interim} marked interim (not yet certified). Empty amounts were not reported.",
                   amount=st.column_config.NumberColumn(format="localized"),
                   is_interim=st.column_config.CheckboxColumn("interim"))
page.footer(view)
