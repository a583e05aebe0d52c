"""The README's picture: the Overview on the shipped data, in headless Chromium (`make screenshot`).

Builds the shipped data into a temporary store, serves the app on a free loopback port, waits
until the page has finished drawing its charts, saves docs/overview.png and stops the server.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "overview.png"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
HEADING = "Are we on track?"  # the Overview's heading: the page has opened
VIEWPORT = {"width": 1400, "height": 1100}  # the headline figures and the first charts


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_health(url: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the app did not answer {url}/_stcore/health within {seconds:.0f} s")


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="spotlight-screenshot-") as tmp:
        env = {**os.environ, "SPOTLIGHT_STORE": str(Path(tmp) / "store")}
        subprocess.run([sys.executable, "-m", "spotlight_dash", "build"], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                                   "--server.address", "127.0.0.1", "--server.port", str(port),
                                   "--server.fileWatcherType", "none"],
                                  cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_for_health(url)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
                page = browser.new_page(viewport=VIEWPORT)
                page.goto(url)
                page.get_by_role("heading", name=HEADING, exact=True).wait_for(timeout=60_000)
                page.wait_for_function("!document.querySelector('[data-testid=stSkeleton]')"
                                       " && !document.querySelector('[data-testid=stStatusWidget]')", timeout=60_000)
                page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
                page.wait_for_timeout(1500)  # plotly's transitions end
                page.screenshot(path=str(OUT))
                browser.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)  # the server we started, by its PID
            server.wait(timeout=20)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
