"""The dashboard's frame: page config and navigation; each page draws its own filters and footer."""

import streamlit as st

from spotlight_dash.ui import auth

st.set_page_config(page_title="Spotlight Central Asia · results", page_icon=":material/bar_chart:", layout="wide")

sections = {
    "Steering Committee": [
        st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("pages/meeting.py", title="Meeting mode", icon=":material/co_present:"),
    ],
    "Programme": [
        st.Page("pages/delivery.py", title="Delivery", icon=":material/payments:"),
        st.Page("pages/results.py", title="Results framework", icon=":material/account_tree:"),
        st.Page("pages/reach.py", title="Reach", icon=":material/groups:"),
        st.Page("pages/communications.py", title="Communications", icon=":material/campaign:"),
        st.Page("pages/civil_society.py", title="Civil society", icon=":material/diversity_3:"),
        st.Page("pages/context.py", title="Context", icon=":material/public:"),
        st.Page("pages/agencies.py", title="Agencies (IATI)", icon=":material/account_balance:"),
    ],
    "About the data": [
        st.Page("pages/sources.py", title="Sources and methodology", icon=":material/menu_book:"),
    ],
}
# A viewer's navigation has no Data page, so its URL leads nowhere; the page checks the role too.
if auth.is_editor():
    sections["About the data"].append(st.Page("pages/data.py", title="Data", icon=":material/upload_file:"))
navigation = st.navigation(sections)
auth.sign_in_box()  # before the page: an empty store must still let an editor in to load data
navigation.run()
