"""Agencies (IATI): the recipient UN organisations' own published budgets, expenditure and results."""

import streamlit as st

from spotlight_dash import metrics
from spotlight_dash.ui import chart_block, page
from spotlight_dash.ui.language import t

view = page.start(t("nav.agencies"), t("agencies.question"))
programme = view.choices.label("programme", view.filters.programme)
linked_only = st.toggle(t("agencies.linked_only", programme=programme), key="iati_linked_only")
scope = {} if linked_only else {"programme": None}  # unlinked activities belong to no programme yet
activities = view.q("iati_activities", **scope)
if activities.empty:
    st.info(t("agencies.none_linked" if linked_only else "agencies.none"), icon=":material/info:")
    page.footer(view)
    st.stop()

spotlight = activities[activities.spotlight_funded]
st.caption(t("agencies.summary", activities=len(activities), publishers=activities.reporting_org_name.nunique(),
             spotlight=len(spotlight), linked=int(activities.programme_id.notna().sum())))
chart_block.show(view, "iati-delivery-by-organisation", **scope)
money = st.column_config.NumberColumn(format="localized")
rate = st.column_config.NumberColumn(format="%.1f")
amounts = dict(budget=money, expenditure=money, disbursement=money, delivery_rate=rate)
page.table_section(t("agencies.by_organisation"), view.q("iati_delivery_by_organisation", **scope),
                   t("agencies.nothing"), t("agencies.by_organisation_caption"), **amounts)
page.table_section(t("agencies.by_country"), view.q("iati_delivery_by_country", **scope), t("agencies.nothing"),
                   t("agencies.by_country_caption"), **amounts)
page.table_section(t("agencies.by_activity"), view.q("iati_finance", **scope), t("agencies.nothing"),
                   t("agencies.by_activity_caption"), drop=(), commitment=money, **amounts)

st.subheader(t("agencies.results"))
theirs, ours = st.columns(2)
with theirs:
    results = view.q("iati_indicator_results", **scope)
    st.markdown(f"**{t('agencies.as_published')}**")
    if results.empty:
        st.info(t("agencies.no_results"), icon=":material/info:")
    else:
        page.table(results)
with ours:
    st.markdown(f"**{t('agencies.own_indicators', programme=programme)}**")
    ours_table = view.q("indicator_progress")[["indicator_code", "title", "baseline", "target", "actual", "rag"]]
    page.table(ours_table.assign(rag=[metrics.rag_name(level, view.lang) for level in ours_table.rag]))
page.table_section(t("agencies.activities"), activities, t("agencies.no_activities"), drop=())
page.footer(view)
