"""The dashboard's frame: page config, language and navigation; each page draws its own filters and footer."""

import streamlit as st

from spotlight_dash.ui import auth, favicon, language, page
from spotlight_dash.ui.language import t

st.set_page_config(page_title=t("app.title"), page_icon=favicon.bar_chart(), layout="wide")
language.choose()
auth.gate()  # a server for signed-in viewers shows nothing else before sign-in

sections = {
    t("nav.committee"): [
        st.Page("pages/overview.py", title=t("nav.overview"), icon=":material/dashboard:", default=True, url_path="home"),
        st.Page("pages/meeting.py", title=t("nav.meeting"), icon=":material/co_present:"),
        st.Page("pages/actions.py", title=t("nav.actions"), icon=":material/checklist:"),
    ],
    t("nav.programme"): [
        st.Page("pages/delivery.py", title=t("nav.delivery"), icon=":material/payments:"),
        st.Page("pages/results.py", title=t("nav.results"), icon=":material/account_tree:"),
        st.Page("pages/reach.py", title=t("nav.reach"), icon=":material/groups:"),
        st.Page("pages/communications.py", title=t("nav.communications"), icon=":material/campaign:"),
        st.Page("pages/civil_society.py", title=t("nav.civil_society"), icon=":material/diversity_3:"),
        st.Page("pages/context.py", title=t("nav.context"), icon=":material/public:"),
        st.Page("pages/agencies.py", title=t("nav.agencies"), icon=":material/account_balance:"),
    ],
    t("nav.about"): [
        st.Page("pages/sources.py", title=t("nav.sources"), icon=":material/menu_book:"),
        # The Overview lives at /, and at /overview too: the address people type (the default page's own
        # path is reserved, unused, so it is called "home" above to leave "overview" to this one).
        st.Page("pages/overview.py", title=t("nav.overview"), url_path="overview", visibility="hidden"),
    ],
}
# A viewer's navigation has no Data page, so its URL leads nowhere; the page checks the role too.
if auth.is_editor():
    sections[t("nav.about")].append(st.Page("pages/data.py", title=t("nav.data"), icon=":material/upload_file:"))
navigation = st.navigation(sections)
auth.sign_in_box()  # before the page: an empty store must still let an editor in to load data
with page.inside_the_app():  # a page run without it (a deep link on a fresh server) runs app.py first
    navigation.run()
