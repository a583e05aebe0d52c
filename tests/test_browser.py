"""The real app in the system Chromium: pages open without exceptions; a copied link reopens the view."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed (make test installs it)"),
]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def server(shipped_store):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "SPOTLIGHT_STORE": str(shipped_store)}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.address", "127.0.0.1", "--server.port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("the app did not answer /_stcore/health within 60 s")
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # by its PID, whatever happened
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser.new_page(viewport={"width": 1400, "height": 1000})
        browser.close()


def _open(page, url, ready):
    page.goto(url)
    page.wait_for_selector(ready, timeout=30_000)
    page.wait_for_timeout(500)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_overview_and_sources_open_without_exceptions(page, server):
    _open(page, server, '[data-testid="stMetric"]')
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "4,432,461"
    _open(page, f"{server}/sources", '[data-testid="stDataFrame"]')


def test_a_copied_link_reopens_the_same_programme(page, server):
    _open(page, f"{server}/?programme=SI-KGZ", '[data-testid="stMetric"]')
    assert "programme=SI-KGZ" in page.url
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "not reported"
    _open(page, f"{server}/?programme=%3Cscript%3E", '[data-testid="stMetric"]')
    assert "programme=SI-CA-REG" in page.url
    assert page.get_by_text("is not known").count() == 1
