"""Delivery for the programme coordinator: budget, expenditure and delivery rate against the aim."""

import streamlit as st

from spotlight_dash import formatting as fmt
from spotlight_dash import labels, metrics
from spotlight_dash.ui import chart_block, page
from spotlight_dash.ui.language import current, t

view = page.start(t("nav.delivery"), t("delivery.question", aim=fmt.percent(metrics.DELIVERY_AIM_PCT, lang=current())))
chart_block.columns(view, ["budget-by-runo"], ["delivery-against-aim"])
chart_block.show(view, "expenditure-against-aim")

delivery = page.query_section(view, t("delivery.gap"), "delivery", t("delivery.nothing"),
                              # A short header, its meaning on hover: the table's columns fit a 1440 px screen.
                              organisation=st.column_config.TextColumn(t("delivery.runo_short"), help=t("delivery.runo_column"),
                                                                       width="small"),
                              expenditure_is_interim=st.column_config.CheckboxColumn(
                                  t("delivery.interim_short"), help=labels.column("expenditure_is_interim", current()),
                                  width="small"))
if not delivery.empty and delivery.expenditure.isna().all():
    st.caption(t("delivery.no_expenditure"))

finance = page.query_section(view, t("delivery.finance"), "finance_detail", t("delivery.no_finance"),
                             t("delivery.finance_caption"))
page.footer(view)
