"""The dashboard's frame: page config, navigation, store status and footer."""

import streamlit as st

st.set_page_config(page_title="Spotlight Central Asia · results", page_icon=":material/bar_chart:", layout="wide")

navigation = st.navigation([
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/sources.py", title="Sources", icon=":material/menu_book:"),
])
navigation.run()
