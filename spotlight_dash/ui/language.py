"""The interface language: chosen in the sidebar on every page, kept in the session and the URL.

A session reads ``lang`` from the link once (a pasted link opens in the language it was shared
in); after that the sidebar choice is the truth, also across page switches.
"""

from __future__ import annotations

import streamlit as st

from spotlight_dash import labels
from spotlight_dash.markdown_text import Markdown, escaped_values

CHOSEN = "language"  # the remembered choice
WIDGET = "language_choice"


def current() -> str:
    if CHOSEN not in st.session_state:
        st.session_state[CHOSEN] = labels.language(st.query_params.get("lang"))
    return st.session_state[CHOSEN]


def t(key: str, **values) -> Markdown:
    return markdown(key, current(), **values)


def markdown(key: str, lang: str, **values) -> Markdown:
    """A catalogue text for the page: every text Streamlit shows is Markdown, so the values filled in
    (a file name, a programme's name, a value from the link) are escaped here, once for all pages."""
    return Markdown(labels.t(key, lang, **escaped_values(values)))


def _remember() -> None:
    st.session_state[CHOSEN] = st.session_state[WIDGET]


def switch_to(lang: str) -> None:
    """For a page without the sidebar (Meeting mode): a button's callback."""
    st.session_state[CHOSEN] = labels.language(lang)


def other_language_button() -> None:
    """One button that switches to the other language, named in that language ("Русский")."""
    other = next(code for code in labels.LANGUAGES if code != current())
    st.button(labels.LANGUAGES[other], on_click=switch_to, args=(other,), icon=":material/translate:",
              key="switch_language", width="stretch")


def choose() -> str:
    """The switch at the top of the sidebar; returns the language this run draws in."""
    st.session_state[WIDGET] = current()
    st.sidebar.radio("Language · Язык", list(labels.LANGUAGES), format_func=labels.LANGUAGES.get, key=WIDGET,
                     horizontal=True, on_change=_remember)
    lang = current()
    if st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang
    return lang
