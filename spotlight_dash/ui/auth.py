"""The editor role in the app: whoever signs in with the editor secret may load and undo imports."""

from __future__ import annotations

import logging
import math
import uuid

import streamlit as st

from spotlight_dash import roles
from spotlight_dash.ui.language import t

EDITOR = "editor"  # session flag: this browser session signed in as an editor
SIGN_IN = "editor_secret_input"
SESSION_ID = "editor_sign_in_session"  # a random name for this browser session, for the limiter
WAIT = "editor_wait_seconds"  # set when a try came before the limiter's delay was over
log = logging.getLogger("spotlight_dash.auth")


@st.cache_resource(show_spinner=False)
def limiter() -> roles.SignInLimiter:
    """One limiter for every session of this server process (a session could otherwise start afresh)."""
    return roles.SignInLimiter()


def _client_keys() -> tuple[str, str]:
    """This session and the address it connects from. Streamlit gives no address on loopback (and
    AppTest a stand-in object): those share one key, "local"."""
    if SESSION_ID not in st.session_state:
        st.session_state[SESSION_ID] = uuid.uuid4().hex
    address = st.context.ip_address
    return f"session:{st.session_state[SESSION_ID]}", f"address:{address if isinstance(address, str) else 'local'}"


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
    session, address = keys = _client_keys()
    wait = limiter().wait(keys)
    if wait > 0:  # the secret is not even compared: a guess in the closed window teaches nothing
        st.session_state[EDITOR], st.session_state["editor_refused"], st.session_state[WAIT] = False, False, wait
        log.warning("editor sign-in tried during its delay (%s, %s): %.0f s still to wait", session, address, wait)
        return
    st.session_state[WAIT] = 0
    st.session_state[EDITOR] = roles.is_editor(supplied, _streamlit_secret())
    st.session_state["editor_refused"] = not st.session_state[EDITOR]
    if st.session_state[EDITOR]:
        limiter().succeeded(session)
        return
    failures = limiter().failed(keys)
    st.session_state[WAIT] = limiter().wait(keys)  # said at once, so the next try is not a surprise
    # Never the attempted secret: a near miss in a log file would help whoever reads it.
    log.warning("editor sign-in refused (%s, %s): %d failure(s) in a row, next try in %.0f s", session, address,
                failures, st.session_state[WAIT])


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
        if st.session_state.get(WAIT):
            st.error(t("auth.wait", seconds=math.ceil(st.session_state[WAIT])))
