"""Two app processes over one store behind nginx, as `make serve` starts them (scripts/serve.py):
pages open through the proxy (WebSocket upgrade), each browser sticks to one process, a sign-in made
on one process holds on the other (shared secrets), and a workbook imported through one process is
seen by a session already open on the other, without a restart."""

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from browser_app import BROWSER_TESTS, chromium, free_port
from conftest import ROOT
from oidc_provider import EDITOR, NEEDS_PROVIDER, provider, secrets_toml, sign_in_at_provider
from workbook_fixtures import FINANCE, book, finance_row

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = [*BROWSER_TESTS, NEEDS_PROVIDER,
              pytest.mark.skipif(not os.path.exists(NGINX), reason="nginx is not installed (make test installs it)")]
ROUTE = "spotlight_process"


@pytest.fixture(scope="module")
def proxy(shipped_store, tmp_path_factory):
    run = tmp_path_factory.mktemp("proxy")
    folder = run / "store"
    shutil.copytree(shipped_store, folder)
    port, first = free_port(), free_port()
    origin = f"http://127.0.0.1:{port}"  # users reach the proxy only
    with provider([origin], run / "provider.log") as issuer:
        secrets = run / "secrets.toml"
        secrets.write_text(secrets_toml(origin, issuer, "a-cookie-secret-shared-by-every-process",
                                        editors=[EDITOR["email"]]))
        serving = subprocess.Popen([sys.executable, "scripts/serve.py", "--processes", "2", "--port", str(port),
                                    "--first-app-port", str(first), "--host", "127.0.0.1", "--secrets", str(secrets),
                                    "--run-dir", str(run / "serve")], cwd=ROOT,
                                   env={**os.environ, "SPOTLIGHT_STORE": str(folder)}, stdout=subprocess.PIPE,
                                   text=True, start_new_session=True)
        try:
            line = serving.stdout.readline()
            assert line.startswith(f"serving http://127.0.0.1:{port}"), f"see {run}/serve: {line!r}"
            yield {"url": origin, "store": folder, "apps": {f"127.0.0.1:{first}", f"127.0.0.1:{first + 1}"},
                   "secrets": secrets, "issuer": issuer, "logs": run / "serve"}
        finally:
            os.kill(serving.pid, signal.SIGTERM)  # serve.py stops its processes and nginx
            serving.wait(timeout=60)


def _process_for(url, route):
    request = urllib.request.Request(f"{url}/_stcore/health", headers={"Cookie": f"{ROUTE}={route}"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.headers["X-Spotlight-Process"]


def _routes(proxy):
    """A route cookie value for each app process (nginx hashes the cookie to a process)."""
    found = {}
    for n in range(64):
        found.setdefault(_process_for(proxy["url"], f"r{n}"), f"r{n}")
        if len(found) == 2:
            return found
    pytest.fail(f"nginx sent every route to {set(found)}")


def _settled(page):
    # The page's own heading: Streamlit shows the pages/ folder's sidebar before app.py's first run replaces it.
    page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=30_000)
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=30_000)
    page.wait_for_function("!document.querySelector('[data-testid=stSkeleton]')"
                           " && !document.querySelector('[data-testid=stStatusWidget]')", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0


def _answered_by(response):
    """The process behind a page or script request (images and the icon may come from the browser's cache)."""
    if response.request.resource_type in ("document", "fetch", "xhr"):
        return response.headers.get("x-spotlight-process")
    return None


def _text(page, testid):
    return page.locator(f'[data-testid="{testid}"]').inner_text().replace("\u2060", "")


def test_processes_behind_the_proxy_share_sign_in_and_snapshots(proxy, tmp_path):
    routes = _routes(proxy)
    assert set(routes) == proxy["apps"]
    one, other = sorted(routes)
    assert {_process_for(proxy["url"], routes[one]) for _ in range(5)} == {one}  # sticky
    with chromium() as browser:
        contexts = {}
        for who, process in (("editor", one), ("viewer", other)):
            contexts[who] = browser.new_context(viewport={"width": 1400, "height": 1000})
            contexts[who].add_cookies([{"name": ROUTE, "value": routes[process], "url": proxy["url"]}])
        viewer = contexts["viewer"].new_page()
        responses = []
        viewer.on("response", lambda r: responses.append(_answered_by(r)))
        viewer.goto(proxy["url"])
        _settled(viewer)  # the page drew: its WebSocket came through nginx
        # Waited for, not read at once: on a fresh server the page's first run hands over to app.py's.
        viewer.locator('[data-testid="stMain"]').get_by_text("snapshot v0001").first.wait_for(timeout=30_000)
        assert set(filter(None, responses)) == {other}

        editor = contexts["editor"].new_page()
        editor.goto(proxy["url"])
        _settled(editor)
        editor.get_by_role("button", name="Sign in").click()
        sign_in_at_provider(editor, EDITOR)
        editor.get_by_text(f"Signed in as {EDITOR['name']}").wait_for(timeout=30_000)
        editor.get_by_role("link", name="Data").click()
        editor.get_by_text("The import history will name you as").wait_for(timeout=30_000)
        workbook = tmp_path / "q4-finance.xlsx"
        workbook.write_bytes(book({"finance": [FINANCE, finance_row(activity_id="ACT-PROXY")]}))
        editor.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(workbook))
        editor.get_by_role("button", name="Load these changes as a new snapshot").click()  # the upload reached it
        editor.get_by_text("as snapshot v0002").first.wait_for(timeout=60_000)

        # The viewer's session on the other process, still open: its next run reads the new snapshot.
        viewer.get_by_role("link", name="Delivery").click()
        viewer.get_by_text("snapshot v0002").first.wait_for(timeout=30_000)
        assert set(filter(None, responses)) == {other}

        # The editor's sign-in holds on the other process too: one cookie secret for all.
        contexts["editor"].clear_cookies(name=ROUTE)  # nginx's own copy of the route cookie too
        contexts["editor"].add_cookies([{"name": ROUTE, "value": routes[other], "url": proxy["url"]}])
        editor.close()
        editor, moved = contexts["editor"].new_page(), []
        editor.on("response", lambda r: moved.append(_answered_by(r)))
        editor.goto(f"{proxy['url']}/reach")  # a page this browser has not cached, so every answer is fresh
        _settled(editor)
        assert f"Signed in as {EDITOR['name']} <{EDITOR['email']}>." in _text(editor, "stSidebar")
        assert "Data" in _text(editor, "stSidebarNav").split("\n") and set(filter(None, moved)) == {other}

        # Taken off the list in the secrets file: every process reads it again (Streamlit polls the file),
        # and the editor's next run has no Data page, without a restart.
        proxy["secrets"].write_text(secrets_toml(proxy["url"], proxy["issuer"], "a-cookie-secret-shared-by-every-process",
                                                 editors=[]))
        deadline = time.time() + 30
        while "Data" in _text(editor, "stSidebarNav").split("\n"):
            assert time.time() < deadline, "the editor still edits 30 s after leaving the list"
            editor.wait_for_timeout(1000)
            editor.get_by_role("link", name="Reach").click()  # a rerun in the same session
            _settled(editor)
        assert f"Signed in as {EDITOR['name']}" in _text(editor, "stSidebar")  # still signed in, as a viewer
    logged = "".join(path.read_text() for path in proxy["logs"].glob("*.log"))
    assert "/oauth2callback" in logged  # the sign-in went through the proxy and its log
    for secret in ("code=", "state=", "provider=", "a-cookie-secret-shared-by-every-process", "test-client-secret"):
        assert secret not in logged


def test_the_proxy_refuses_a_host_it_does_not_serve(proxy):
    """server.allowedHosts: a WebSocket for another Host name (DNS rebinding) is refused by the app."""
    import http.client
    port = int(proxy["url"].rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/_stcore/stream", headers={
        "Host": "rebound.example", "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": "http://rebound.example"})
    refused = connection.getresponse().status
    connection.close()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/_stcore/stream", headers={
        "Host": f"127.0.0.1:{port}", "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": proxy["url"]})
    accepted = connection.getresponse().status
    connection.close()
    assert accepted == 101 and refused != 101


def test_the_proxy_sends_the_front_end_and_the_messages_compressed(proxy):
    """A first page is 7-9 MB of Streamlit's JavaScript, which Streamlit sends uncompressed: through the
    proxy it arrives gzipped (about a third), the same bytes once unpacked; and the WebSocket's messages
    are compressed by the app (.streamlit/config.toml), the negotiation passed through nginx."""
    import gzip
    import http.client
    import re

    page = urllib.request.urlopen(f"{proxy['url']}/", timeout=10).read().decode()
    script = re.search(r'src="\.?/?(static/js/index\.[^"]+\.js)"', page).group(1)
    request = urllib.request.Request(f"{proxy['url']}/{script}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        sent, encoding, vary = answer.read(), answer.headers["Content-Encoding"], answer.headers["Vary"]
    app = sorted(proxy["apps"])[0]
    plain = urllib.request.urlopen(f"http://{app}/{script}", timeout=10).read()
    assert encoding == "gzip" and "Accept-Encoding" in vary
    assert gzip.decompress(sent) == plain and len(sent) < len(plain) / 2

    port = int(proxy["url"].rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/_stcore/stream", headers={
        "Host": f"127.0.0.1:{port}", "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": proxy["url"],
        "Sec-WebSocket-Extensions": "permessage-deflate; client_max_window_bits"})
    answer = connection.getresponse()
    status, extensions = answer.status, answer.headers.get("Sec-WebSocket-Extensions", "")
    connection.close()
    assert status == 101 and "permessage-deflate" in extensions
