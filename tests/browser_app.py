"""The real app on loopback and the system Chromium, shared by the browser tests."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_TESTS = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed (make test installs it)"),
]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
# Each page's path and the heading that says it has opened.
PAGES = {"": "Are we on track?", "meeting": "Steering Committee", "actions": "Decisions and actions", "delivery": "Delivery",
         "results": "Results framework", "reach": "Reach", "communications": "Communications",
         "civil_society": "Civil society", "context": "Context", "agencies": "Agencies (IATI)",
         "sources": "Sources and methodology"}


@contextlib.contextmanager
def chromium():
    """The system Chromium, headless, as every browser test launches it."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(page, url: str, heading: str) -> None:
    """Go to ``url`` and wait until its heading shows and its script has finished (no skeleton, no
    "running" widget), with no exception on the page."""
    page.goto(url)
    page.get_by_role("heading", name=heading, exact=True).wait_for(timeout=30_000)
    page.wait_for_function("!document.querySelector('[data-testid=stSkeleton]')"
                           " && !document.querySelector('[data-testid=stStatusWidget]')", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0, url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve(folder: Path, port: int | None = None, options: tuple[str, ...] = (), log_name: str = "server.log",
          **env: str):
    """`streamlit run app.py` on a loopback port (a free one unless given) over the store in ``folder``,
    with more ``--option value`` pairs; yields its URL. The server's stderr goes to ``log_name`` beside
    the store, to read when a test fails."""
    port = port or free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.address", "127.0.0.1", "--server.port", str(port), *options],
                            cwd=ROOT, env={**os.environ, "SPOTLIGHT_STORE": str(folder), **env},
                            stdout=subprocess.DEVNULL, stderr=(folder.parent / log_name).open("w"),
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
