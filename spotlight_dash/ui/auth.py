"""The editor role in the app: whoever signs in with the editor secret may load and undo imports."""

from __future__ import annotations

import streamlit as st

from spotlight_dash import roles
from spotlight_dash.ui.language import t

EDITOR = "editor"  # session flag: this browser session signed in as an editor
SIGN_IN = "editor_secret_input"


def _streamlit_secret() -> str | None:
    try:
        return st.secrets.get("editor_secret")
    except Exception:  # noqa: BLE001 - no secrets.toml at all is the normal case
        return None


def is_editor() -> bool:
    return bool(st.session_state.get(EDITOR))


def _sign_in() -> None:
    supplied = st.session_state.get(SIGN_IN, "")
    st.session_state[SIGN_IN] = ""  # the secret does not stay in the session
    st.session_state[EDITOR] = roles.is_editor(supplied, _streamlit_secret())
    st.session_state["editor_refused"] = not st.session_state[EDITOR]


def _sign_out() -> None:
    st.session_state[EDITOR] = False


def sign_in_box() -> None:
    """A small sidebar box; runs its callbacks before the script, so navigation sees the role at once."""
    if not roles.editor_secret_configured(_streamlit_secret()):
        return  # no secret configured: the app is read-only, nobody is offered a sign-in
    with st.sidebar.expander(t("auth.editor"), icon=":material/lock:", expanded=False):
        if is_editor():
            st.caption(t("auth.signed_in"))
            st.button(t("auth.sign_out"), on_click=_sign_out, key="editor_sign_out")
            return
        st.text_input(t("auth.secret"), type="password", key=SIGN_IN)
        st.button(t("auth.sign_in"), on_click=_sign_in, key="editor_sign_in")
        if st.session_state.get("editor_refused"):
            st.error(t("auth.refused"))
