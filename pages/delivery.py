"""Delivery for the programme coordinator: budget, expenditure and delivery rate against the aim."""

import streamlit as st

from spotlight_dash import formatting as fmt
from spotlight_dash import metrics
from spotlight_dash.ui import chart_block, page
from spotlight_dash.ui.language import current, t

view = page.start(t("nav.delivery"), t("delivery.question", aim=fmt.percent(metrics.DELIVERY_AIM_PCT, lang=current())))
chart_block.columns(view, ["budget-by-runo"], ["delivery-against-aim"])
chart_block.show(view, "expenditure-against-aim")

st.subheader(t("delivery.gap"))
delivery = view.q("delivery")
if delivery.empty:
    st.info(t("delivery.nothing"), icon=":material/info:")
else:
    if delivery.expenditure.isna().all():
        st.caption(t("delivery.no_expenditure"))
    money = st.column_config.NumberColumn(format="localized")
    page.table(delivery.drop(columns=["programme_id"]), organisation=st.column_config.TextColumn(t("delivery.runo_column")),
               budget=money, expenditure=money, aim_amount=money, gap_to_aim=money,
               expenditure_is_interim=st.column_config.CheckboxColumn(),
               delivery_rate_pct=st.column_config.NumberColumn(format="%.1f"),
               reported_rate_pct=st.column_config.NumberColumn(format="%.1f"),
               target_rate_pct=st.column_config.NumberColumn(format="%.0f"))

finance = view.q("finance_detail")
interim = int(finance.is_interim.fillna(False).sum()) if not finance.empty else 0
page.table_section(t("delivery.finance"), finance, t("delivery.no_finance"),
                   t("delivery.finance_caption", rows=len(finance), interim=interim),
                   amount=st.column_config.NumberColumn(format="localized"),
                   is_interim=st.column_config.CheckboxColumn())
page.footer(view)
