"""Sign-in end to end: the real app, a real OpenID Connect provider (oidc-provider on loopback) and
Chromium. An editor signs in, loads a workbook in their name and signs out; a viewer signs in and
finds no Data page, not even by URL; a forged or expired identity cookie gives nothing."""

import json
import shutil
import time

import pytest

from browser_app import BROWSER_TESTS, chromium, free_port, serve
from oidc_provider import EDITOR, NEEDS_PROVIDER, VIEWER, provider, secrets_toml, sign_in_at_provider
from workbook_fixtures import FINANCE, book, finance_row

pytestmark = [*BROWSER_TESTS, NEEDS_PROVIDER]
COOKIE_SECRET = "a-test-cookie-secret-of-enough-length"


@pytest.fixture(scope="module")
def server(shipped_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("oidc") / "store"
    shutil.copytree(shipped_store, folder)
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    with provider([origin], folder.parent / "provider.log") as issuer:
        secrets = folder.parent / "secrets.toml"
        secrets.write_text(secrets_toml(origin, issuer, COOKIE_SECRET, editors=[EDITOR["email"].upper()]))
        with serve(folder, port=port, options=("--secrets.files", str(secrets))) as url:
            yield {"url": url, "store": folder, "secrets": secrets, "issuer": issuer}


@pytest.fixture
def browser():
    with chromium() as launched:
        yield launched


def _settled(page):
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=30_000)
    page.wait_for_function("!document.querySelector('[data-testid=stSkeleton]')"
                           " && !document.querySelector('[data-testid=stStatusWidget]')", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0


def _nav(page) -> list[str]:
    return page.locator('[data-testid="stSidebarNav"]').inner_text().split("\n")


def _shown(text: str) -> str:
    return text.replace("\u2060", "")  # the word joiner after "@" that keeps an address from becoming a link


def _sidebar(page) -> str:
    return _shown(page.locator('[data-testid="stSidebar"]').inner_text())


def _main(page) -> str:
    return _shown(page.locator('[data-testid="stMain"]').inner_text())


def _sign_in(page, url, account):
    page.goto(url)
    _settled(page)
    page.get_by_role("button", name="Sign in").click()
    sign_in_at_provider(page, account)
    page.get_by_text(f"Signed in as {account['name']}").wait_for(timeout=30_000)
    _settled(page)


def test_an_editor_signs_in_loads_a_workbook_in_their_name_and_signs_out(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server["url"])
    _settled(page)
    assert "Data" not in _nav(page) and "Signed in" not in _sidebar(page)

    _sign_in(page, server["url"], EDITOR)
    assert f"Signed in as {EDITOR['name']} <{EDITOR['email']}>." in _sidebar(page)
    assert "You are an editor" in _sidebar(page) and "Data" in _nav(page)
    page.get_by_role("link", name="Data").click()
    page.get_by_text("The import history will name you as").wait_for(timeout=30_000)
    assert page.get_by_label("Your name (for the import history)").count() == 0

    workbook = tmp_path / "q3-finance.xlsx"
    workbook.write_bytes(book({"finance": [FINANCE, finance_row(activity_id="ACT-OIDC")]}))
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(workbook))
    page.get_by_role("button", name="Load these changes as a new snapshot").click()
    page.get_by_text("as snapshot v0002").first.wait_for(timeout=60_000)
    page.get_by_text(f"The last import: q3-finance.xlsx by {EDITOR['name']}").wait_for(timeout=30_000)
    assert f"The last import: q3-finance.xlsx by {EDITOR['name']} <{EDITOR['email']}>" in _main(page)

    from spotlight_dash import store
    with store.open_reader(store.current_state(server["store"]).path) as con:
        runs = store.read_runs(con)
    assert runs.iloc[-1].user_name == f"{EDITOR['name']} <{EDITOR['email']}>"

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="Yes, sign me out").click()  # the provider asks (RP-initiated logout)
    page.get_by_role("button", name="Sign in").wait_for(timeout=30_000)
    _settled(page)
    assert "Data" not in _nav(page) and "Signed in" not in _sidebar(page)
    page.goto(f"{server['url']}/data")
    _settled(page)
    assert page.locator('[data-testid="stFileUploader"]').count() == 0


def test_a_viewer_signs_in_and_finds_no_data_page_even_by_url(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    _sign_in(page, server["url"], VIEWER)
    assert f"Signed in as {VIEWER['name']} <{VIEWER['email']}>." in _sidebar(page)
    assert "You are an editor" not in _sidebar(page) and "Data" not in _nav(page)
    page.goto(f"{server['url']}/data")
    _settled(page)
    page.wait_for_timeout(1500)
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    assert "Signed in as Vera" in _sidebar(page)  # still signed in: the cookie, not the session, carries it


def _forged_page(server, browser, value):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_cookies([{"name": "_streamlit_user", "value": value, "url": server["url"]}])
    page = context.new_page()
    page.goto(server["url"])
    _settled(page)
    page.wait_for_timeout(1000)
    return page


def _signed(secret, server, age_days):
    """Sign the editor's claims as Streamlit does, ``age_days`` ago."""
    from itsdangerous import URLSafeTimedSerializer

    payload = json.dumps({"name": EDITOR["name"], "email": EDITOR["email"], "email_verified": True, "sub": "editor",
                          "origin": server["url"], "is_logged_in": True, "provider": "default"})
    serializer = URLSafeTimedSerializer(secret, salt="_streamlit_user")
    real_time = time.time
    try:
        time.time = lambda: real_time() - age_days * 86400  # itsdangerous stamps with time.time()
        return serializer.dumps(payload)
    finally:
        time.time = real_time


@pytest.mark.parametrize("how", ["signed with another secret", "signed 40 days ago", "tampered"])
def test_a_forged_or_expired_cookie_gives_nothing(server, browser, how):
    if how == "signed with another secret":
        value = _signed("not-the-server-secret-at-all-000", server, 0)
    elif how == "signed 40 days ago":
        value = _signed(COOKIE_SECRET, server, 40)  # Streamlit keeps a sign-in 30 days
    else:
        genuine = _signed(COOKIE_SECRET, server, 0)
        data, _, signature = genuine.rpartition(".")
        value = data.replace(data[2], "x" if data[2] != "x" else "y", 1) + "." + signature
    page = _forged_page(server, browser, value)
    page.get_by_role("button", name="Sign in").wait_for(timeout=30_000)  # the sidebar drew its sign-in part
    assert "Signed in" not in _sidebar(page) and "Data" not in _nav(page)
    # the control: the same claims signed now with the server's secret do sign in
    control = _forged_page(server, browser, _signed(COOKIE_SECRET, server, 0))
    control.get_by_text(f"Signed in as {EDITOR['name']}").wait_for(timeout=30_000)
    assert "Data" in _nav(control)
