"""Agencies (IATI): the recipient UN organisations' own published budgets, expenditure and results."""

import streamlit as st

from spotlight_dash.ui import chart_block, page

view = page.start("Agencies (IATI)", "Budgets, expenditure and results as UN Women, UNDP and UNFPA publish them "
                  "in IATI, next to the programme's own figures. Amounts stay in their own currency.")
linked_only = st.toggle(f"Only activities linked to {view.choices.label('programme', view.filters.programme)}",
                        key="iati_linked_only")
scope = {} if linked_only else {"programme": None}  # unlinked activities belong to no programme yet
activities = view.q("iati_activities", **scope)
if activities.empty:
    st.info("No IATI activities are loaded" + (" and linked to this programme" if linked_only else "") + ". An editor "
            "loads an agency's IATI activity file on the Data page or with `python -m spotlight_dash iati FILE.xml "
            "--programme ID`.", icon=":material/info:")
    page.footer(view)
    st.stop()

spotlight = activities[activities.spotlight_funded]
st.caption(f"{len(activities)} activities from {activities.reporting_org_name.nunique()} publisher(s); "
           f"{len(spotlight)} funded by the MPTFO-Spotlight Initiative Fund, "
           f"{int(activities.programme_id.notna().sum())} linked to a programme.")
chart_block.show(view, "iati-delivery-by-organisation", **scope)
money = st.column_config.NumberColumn(format="localized")
rate = st.column_config.NumberColumn("delivery rate %", format="%.1f")
page.table_section("By organisation and year", view.q("iati_delivery_by_organisation", **scope), "Nothing reported.",
                   "Budgets: a revised budget replaces the original for the same period. Expenditure: transaction "
                   "type 4; negative values are corrections and are kept.",
                   budget=money, expenditure=money, disbursement=money, delivery_rate=rate)
page.table_section("By country and year", view.q("iati_delivery_by_country", **scope), "Nothing reported.",
                   "An activity counts for its country when it names exactly one; amounts are not split by percentage.",
                   budget=money, expenditure=money, disbursement=money, delivery_rate=rate)
page.table_section("By activity and year", view.q("iati_finance", **scope), "Nothing reported.",
                   drop=(), budget=money, expenditure=money, disbursement=money, commitment=money, delivery_rate=rate)

st.subheader("Results: the agencies' indicators next to the programme's")
theirs, ours = st.columns(2)
with theirs:
    results = view.q("iati_indicator_results", **scope)
    st.markdown("**As published in IATI**")
    if results.empty:
        st.info("The loaded activities publish no results.", icon=":material/info:")
    else:
        st.dataframe(results, hide_index=True, width="stretch")
with ours:
    st.markdown(f"**The programme's own indicators** ({view.choices.label('programme', view.filters.programme)})")
    st.dataframe(view.q("indicator_progress")[["indicator_code", "title", "baseline", "target", "actual", "rag"]],
                 hide_index=True, width="stretch")
page.table_section("Activities", activities, "No activities.", drop=())
page.footer(view)
