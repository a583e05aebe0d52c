"""Who this session is and may do: signed in through the identity provider (``st.login`` / ``st.user``,
an editor when their verified e-mail is on the secrets' list), or, on a server without one, an editor
by the editor secret (the fallback). The rules are read from the secrets at every run.
"""

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


def _secret(name: str):
    try:
        return st.secrets.get(name)
    except Exception:  # noqa: BLE001 - no secrets.toml at all is the normal case
        return None


def _streamlit_secret() -> str | None:
    return _secret("editor_secret")


_told: set[str] = set()  # configuration problems already logged by this process


def access() -> roles.Access:
    """The server's rules as the secrets say now (not remembered: a change counts at the next rerun)."""
    rules = roles.access_from_secrets(_secret("auth"), _secret("access"))
    for problem in set(rules.problems) - _told:
        _told.add(problem)
        log.warning("sign-in settings: %s", problem)
    return rules


def person() -> roles.Person | None:
    """Who signed in through the identity provider (None without one, or before signing in)."""
    if not access().sign_in:
        return None
    return roles.person_from_user(st.user.to_dict())


def is_editor() -> bool:
    rules = access()
    if rules.sign_in:  # with an identity provider the editor secret opens nothing
        return roles.may_edit(rules, person())
    return bool(st.session_state.get(EDITOR)) and roles.editor_secret_configured(_streamlit_secret())


def editor_sign_in() -> str:
    """How an editor signs in on this server: "provider", "secret" (the fallback) or "none" (read-only)."""
    if access().sign_in:
        return "provider"
    return "secret" if roles.editor_secret_configured(_streamlit_secret()) else "none"


def may_view() -> bool:
    return roles.may_view(access(), person())


def loaded_by() -> str | None:
    """The name the import history records for this session's imports: the signed-in editor's
    "Name <e-mail>"; None under the editor secret (the page asks for a name)."""
    editor = person() if is_editor() else None
    return editor.label if editor else None


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


def _login() -> None:
    st.login(access().provider)


def _provider_sign_in(where) -> None:
    """Sign in / out through the identity provider, and who this session is."""
    who = person()
    if who is None:
        where.button(t("auth.sign_in"), on_click=_login, key="provider_sign_in", icon=":material/login:")
        return
    where.caption(t("auth.signed_in_as", who=who.label or t("auth.no_name")))
    if is_editor():
        where.caption(t("auth.role_editor"))
    elif who.email is None:
        where.caption(t("auth.unverified"))
    where.button(t("auth.sign_out"), on_click=st.logout, key="provider_sign_out", icon=":material/logout:")


def gate() -> None:
    """Stops the run with a sign-in screen when this server shows the dashboard to signed-in people only."""
    if may_view():
        return
    st.title(t("app.title"))
    rules, who = access(), person()
    if not rules.sign_in:
        st.error(t("auth.no_provider"), icon=":material/lock:")
    elif who is None:
        st.info(t("auth.required"), icon=":material/lock:")
    else:
        st.warning(t("auth.not_allowed", who=who.label or t("auth.no_name")), icon=":material/lock:")
    if rules.sign_in:
        _provider_sign_in(st)
    st.stop()


def sign_in_box() -> None:
    """A small sidebar box; runs its callbacks before the script, so navigation sees the role at once."""
    if access().sign_in:
        _provider_sign_in(st.sidebar)
        return
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
