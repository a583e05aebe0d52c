"""Sign-in through the identity provider as the pages see it (AppTest seeds st.user with the provider's
claims and the secrets with [auth] and [access]); the real provider is in test_oidc_browser.py."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from spotlight_dash.ingest import pipeline
from spotlight_dash.ui import page
from workbook_fixtures import FINANCE, book, finance_row

ROOT = Path(__file__).resolve().parents[1]
# Loopback port 9 (discard): nothing is ever fetched from the provider in these tests.
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "a cookie secret of 32 characters",
        "client_id": "dashboard", "client_secret": "client-secret-never-shown",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
AMINA = {"is_logged_in": True, "email": "Amina.Karimova@UNWomen.org", "email_verified": True,
         "name": "Amina Karimova", "sub": "amina"}
VIEWER = {"is_logged_in": True, "email": "viewer@undp.org", "email_verified": True, "name": "Vera Viewer", "sub": "v"}


@pytest.fixture(autouse=True)
def _fresh(fresh_caches):
    yield


def _app(user=None, access=None, auth=AUTH, script="app.py"):
    """The app (or one page run on its own, as app.py would run it at its URL) for this user under these secrets."""
    at = AppTest.from_file(str(ROOT / script), default_timeout=30)
    if script != "app.py":
        at.session_state[page.IN_THE_FRAME] = True
    if auth:
        at.secrets["auth"] = auth
    at.secrets["access"] = access if access is not None else {"editors": ["amina.karimova@unwomen.org"]}
    if user is not None:
        at.user = user
    return at.run()


def _data_page(user, **kw):
    return _app(user, script="pages/data.py", **kw)


def _registered(at) -> bool:
    """Whether the navigation offers the Data page (AppTest refuses to switch to a page it does not list)."""
    try:
        at.switch_page("pages/data.py")
    except ValueError:
        return False
    return True


def _texts(at):
    return [e.value for kind in ("markdown", "caption", "info", "warning", "error", "title", "subheader")
            for e in getattr(at, kind)]


def test_an_editor_on_the_list_gets_the_data_page_in_their_name(use_shipped):
    assert _registered(_app(AMINA))
    at = _data_page(AMINA)
    assert not at.exception
    assert [u.label for u in at.get("file_uploader")] == ["Workbook (.xlsx)", "IATI activity file (.xml)"]
    assert "The import history will name you as Amina Karimova \\<Amina.Karimova\\@\u2060UNWomen.org\\> (from your " \
           "sign-in)." in _texts(at)
    assert not [i for i in at.text_input if i.key == "import_user"]  # nobody types a name the provider vouches for


def test_a_signed_in_viewer_sees_the_dashboard_but_not_the_data_page(use_shipped):
    at = _app(VIEWER)
    assert not at.exception and at.metric  # the overview's figures
    assert "Signed in as Vera Viewer \\<viewer\\@\u2060undp.org\\>." in [c.value for c in at.sidebar.caption]
    assert not _registered(at)
    at = _data_page(VIEWER)  # its URL typed by hand
    assert [e.value for e in at.error] == ["This page is for editors. Sign in in the sidebar with your organisation's "
                                           "account; your e-mail must be on this server's list of editors."]
    assert not at.get("file_uploader") and not at.get("download_button")


def test_an_anonymous_viewer_of_a_public_server_is_offered_the_sign_in(use_shipped):
    at = _app({"is_logged_in": False})
    assert not at.exception and at.metric
    assert [b.label for b in at.sidebar.button] == ["Sign in"]
    assert not at.sidebar.text_input  # the editor secret is not offered next to the provider


def test_an_unverified_e_mail_on_the_list_does_not_edit(use_shipped):
    assert not _data_page({**AMINA, "email_verified": False}).get("file_uploader")
    at = _app({**AMINA, "email_verified": False})
    assert not _registered(at)
    assert "Your identity provider did not confirm your e-mail address, so it cannot make you an editor." in [
        c.value for c in at.sidebar.caption]


def test_an_editor_taken_off_the_list_loses_editing_at_the_next_rerun(use_shipped):
    at = _data_page(AMINA)
    assert at.get("file_uploader")
    at.secrets["access"] = {"editors": ["someone.else@unwomen.org"]}
    at.run()
    assert not at.get("file_uploader") and at.error
    app = _app(AMINA)
    app.secrets["access"] = {"editors": []}
    assert not _registered(app.run())


def test_the_editor_secret_opens_nothing_when_a_provider_is_configured(use_shipped, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_EDITOR_SECRET", "s3cret")
    at = _data_page(VIEWER)
    at.session_state["editor"] = True  # as if signed in with the secret before the provider was configured
    assert not at.run().get("file_uploader")


def test_signed_in_only_shows_nothing_before_sign_in(use_shipped):
    at = _app({"is_logged_in": False}, access={"viewers": "signed-in"})
    assert not at.exception
    assert sorted(_texts(at)) == ["Spotlight Central Asia · results",
                                  "This dashboard is for signed-in users. Sign in with your organisation's account."]
    assert not at.metric and not at.dataframe and [b.label for b in at.button] == ["Sign in"]


def test_signed_in_only_with_domains_refuses_another_domain(use_shipped):
    access = {"viewers": "signed-in", "viewer_domains": ["unwomen.org"], "editors": []}
    outsider = _app({**VIEWER, "email": "v@gmail.com"}, access=access)
    assert not outsider.metric and [b.label for b in outsider.button] == ["Sign out"]
    assert outsider.warning[0].value.startswith("Signed in as Vera Viewer \\<v\\@\u2060gmail.com\\>: this account is not")
    insider = _app({**VIEWER, "email": "v@unwomen.org"}, access=access)
    assert not insider.exception and insider.metric


def test_signed_in_only_without_a_provider_shows_nothing(use_shipped):
    at = _app(None, access={"viewers": "signed-in"}, auth=None)
    assert not at.metric and not at.button
    assert at.error[0].value.startswith("This server shows the dashboard to signed-in users only, but no sign-in")


def test_no_secret_reaches_the_page(use_shipped):
    at = _data_page({**AMINA, "tokens": {"id": "eyJ-id-token"}})
    shown = " ".join(str(v) for v in _texts(at) + [c.value for c in at.sidebar.caption])
    for secret in (AUTH["cookie_secret"], AUTH["client_secret"], "eyJ-id-token"):
        assert secret not in shown


def test_undo_and_the_history_name_the_signed_in_editor(store_copy):
    assert pipeline.import_workbook(book({"finance": [FINANCE, finance_row(activity_id="ACT-9")]}), "q3.xlsx",
                                    "tester").status == "committed"
    at = _data_page(AMINA)
    at.button(key="undo").click().run()
    assert not at.exception and at.success
    runs = pipeline.import_history()
    assert runs.iloc[-1].user_name == "Amina Karimova <Amina.Karimova@UNWomen.org>"
    history = at.dataframe[-1].value
    assert "Amina Karimova <Amina.Karimova@UNWomen.org>" in set(history.user_name)


def test_the_data_page_says_how_an_editor_signs_in_on_this_server(use_shipped, monkeypatch):
    monkeypatch.delenv("SPOTLIGHT_EDITOR_SECRET", raising=False)
    assert [e.value for e in _data_page(None, auth=None, access={}).error] == [
        "This page is for editors, and this server has none: it is read-only."]
    monkeypatch.setenv("SPOTLIGHT_EDITOR_SECRET", "s3cret")
    assert [e.value for e in _data_page(None, auth=None, access={}).error] == [
        "This page is for editors. Sign in with the editor secret in the sidebar."]
