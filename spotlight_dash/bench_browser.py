"""The browser benchmark: the real app over a SYNTHETIC store, driven in headless system Chromium.

``python -m spotlight_dash bench --browser --scale 1 1000`` times what a person waits for: the page
script, Streamlit's messages and plotly drawing every chart. Per page, p50 and p95 over ``--runs``:

- the first page of a new session (a new browser context, empty cache) to the last chart drawn;
- navigation between pages inside one session (a click in the sidebar);
- a filter change to the redrawn charts;
- Meeting mode's Next to the next slide drawn;
- a chart's PNG download and the Committee pack, click to file;
- the bytes of the first page (HTTP and websocket) and its time under a throttled network.

Beside each figure, the page script's own time at the same scale (AppTest, ui/page_timing.py, as
``bench`` measures it) and the server side of the exports (bench.time_export), so the browser's
share shows as a ratio. Everything is SYNTHETIC (spotlight_dash/synthetic.py) and says so.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from spotlight_dash import store, synthetic

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1400, "height": 1000}
# URL path -> page script (pages/<stem>.py). The Data page is left out: a viewer sees only its sign-in.
PAGES = {"": "overview", "meeting": "meeting", "delivery": "delivery", "results": "results", "reach": "reach",
         "communications": "communications", "civil_society": "civil_society", "context": "context",
         "agencies": "agencies", "sources": "sources"}
# Meeting mode hides the sidebar, so the navigation round leaves it out (its Next is timed instead).
NAVIGATION = [p for p in PAGES if p != "meeting"][1:] + [""]
FILTER_PAGES = ("", "delivery", "reach", "communications")
FILTER_LABEL = "Country"
# Chromium's network emulation, as a programme office in the region sees it.
THROTTLED = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 0.75e6 / 8}
TIMEOUT_MS = 180_000

# The page has settled: its heading is the expected one, the script has stopped (no status widget,
# no stale element, no skeleton), at least the expected number of charts are there and every one
# has plotly's SVG; with ``before``, the charts' text must also differ from what it was.
SETTLED_JS = """(want) => {
  if (document.querySelector('[data-testid=stSkeleton], [data-testid=stStatusWidget], [data-stale=true]'))
    return false;
  const main = document.querySelector('[data-testid=stMain]') || document.body;
  const h1 = main.querySelector('h1');
  if (!h1 || (want.heading && h1.innerText.trim() !== want.heading)) return false;
  if (want.url && !location.href.includes(want.url)) return false;
  const charts = main.querySelectorAll('[data-testid=stPlotlyChart]');
  if (charts.length < want.charts) return false;
  for (const c of charts) if (!c.querySelector('.js-plotly-plot .main-svg')) return false;
  if (want.before !== null && want.before !== undefined) {
    const now = Array.from(main.querySelectorAll('.js-plotly-plot')).map(p => p.textContent).join('|');
    if (now === want.before) return false;
  }
  return true;
}"""
CHART_TEXT_JS = """() => Array.from((document.querySelector('[data-testid=stMain]') || document.body)
  .querySelectorAll('.js-plotly-plot')).map(p => p.textContent).join('|')"""


def stats(samples: list[float]) -> dict:
    """p50 and p95 (linear between ranks, as numpy's default) of wall seconds."""
    if not samples:
        return {"p50": None, "p95": None, "n": 0}
    ordered = sorted(samples)

    def pct(q):
        rank = (len(ordered) - 1) * q
        low, high = math.floor(rank), math.ceil(rank)
        return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)

    return {"p50": round(pct(0.5), 4), "p95": round(pct(0.95), 4), "n": len(ordered)}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve(folder: Path):
    """`streamlit run app.py` on a free loopback port over the store in ``folder``; yields its URL."""
    port = _free_port()
    log = (folder.parent / "server.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.address", "127.0.0.1", "--server.port", str(port),
                             "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"],
                            cwd=store.REPO_ROOT, env={**os.environ, "SPOTLIGHT_STORE": str(folder)},
                            stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 90
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"the app did not answer /_stcore/health; see {log.name}")
                time.sleep(0.3)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # by its PID, whatever happened
        proc.wait(timeout=30)
        log.close()


class Traffic:
    """Bytes and messages a page receives, and when (Chromium's monotonic clock, through CDP): HTTP as
    sent (compressed or not), websocket frames as they arrive."""

    def __init__(self, cdp):
        self.http_bytes = 0
        self.ws_bytes = 0
        self.ws_messages = 0
        self.started = None  # the document's request
        self.http_done = None  # the last HTTP response before the first websocket message
        self.first_message = self.last_message = None
        self.plotly_loaded = None  # Streamlit's plotly chunk (~4.7 MB of JavaScript), fetched on the first chart
        self._plotly_request = None
        cdp.on("Network.requestWillBeSent", self._request)
        cdp.on("Network.loadingFinished", self._loaded)
        cdp.on("Network.webSocketFrameReceived", self._frame)

    def _request(self, event):
        if self.started is None and event.get("type") == "Document":
            self.started = event["timestamp"]
        if "/PlotlyChart." in event.get("request", {}).get("url", ""):
            self._plotly_request = event["requestId"]

    def _loaded(self, event):
        self.http_bytes += int(event.get("encodedDataLength", 0))
        if self.first_message is None:
            self.http_done = event["timestamp"]
        if event["requestId"] == self._plotly_request:
            self.plotly_loaded = event["timestamp"]

    def _frame(self, event):
        self.ws_messages += 1
        data = event["response"].get("payloadData", "")
        # Binary frames (Streamlit's protobuf messages, opcode 2) come base64-encoded.
        self.ws_bytes += len(data) * 3 // 4 if event["response"].get("opcode") == 2 else len(data.encode())
        self.first_message = self.first_message or event["timestamp"]
        self.last_message = event["timestamp"]

    def breakdown(self) -> dict:
        """Seconds from the document's request: static files loaded, first and last websocket message,
        the plotly chunk loaded (None on a page without a chart)."""
        if self.started is None:
            return {}
        return {key: None if at is None else round(at - self.started, 4) for key, at in
                (("static_loaded_s", self.http_done), ("first_message_s", self.first_message),
                 ("last_message_s", self.last_message), ("plotly_loaded_s", self.plotly_loaded))}


class Session:
    """One browser context (a new user: empty cache, new Streamlit session) and its page."""

    def __init__(self, browser, throttled: bool = False):
        self.context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        self.cdp.send("Network.enable")
        if throttled:
            self.cdp.send("Network.emulateNetworkConditions", THROTTLED)
        self.traffic = Traffic(self.cdp)

    def settle(self, heading: str | None, charts: int, before: str | None = None, url: str | None = None):
        self.page.wait_for_function(SETTLED_JS, arg={"heading": heading, "charts": charts, "before": before,
                                                     "url": url}, timeout=TIMEOUT_MS)

    def chart_text(self) -> str:
        return self.page.evaluate(CHART_TEXT_JS)

    def close(self):
        self.context.close()


def _learn_pages(browser, url: str) -> dict[str, dict]:
    """Each page's heading and chart count, from a first visit that also waits for quiet (and warms
    the server: its caches, the snapshot's connection, the plotly bundle's first compile)."""
    learned = {}
    for path in PAGES:
        session = Session(browser)
        try:
            session.page.goto(f"{url}/{path}")
            session.settle(None, 0)
            session.page.wait_for_timeout(1500)  # charts still arriving would show up now
            session.settle(None, 0)
            heading = session.page.locator("[data-testid=stMain] h1").first.inner_text().strip()
            charts = session.page.locator("[data-testid=stMain] [data-testid=stPlotlyChart]").count()
            learned[path] = {"heading": heading, "charts": charts}
        finally:
            session.close()
    return learned


def _timed(action, settle) -> float:
    started = time.perf_counter()
    action()
    settle()
    return time.perf_counter() - started


def time_first_pages(browser, url, learned, runs) -> dict[str, dict]:
    out = {}
    for path, want in learned.items():
        samples, http, ws, messages, parts = [], [], [], [], []
        for _ in range(runs):
            session = Session(browser)
            try:
                samples.append(_timed(lambda: session.page.goto(f"{url}/{path}"),
                                      lambda: session.settle(want["heading"], want["charts"])))
                http.append(session.traffic.http_bytes)
                ws.append(session.traffic.ws_bytes)
                messages.append(session.traffic.ws_messages)
                parts.append(session.traffic.breakdown())
            finally:
                session.close()
        # Where the time goes, medians: static files, the websocket's first and last message (the
        # rest, to the first page's p50, is plotly drawing after the last message).
        breakdown = {key: stats([p[key] for p in parts if p.get(key) is not None])["p50"]
                     for key in ("static_loaded_s", "first_message_s", "last_message_s", "plotly_loaded_s")}
        out[path] = {"first_page_s": stats(samples), "http_bytes": int(stats(http)["p50"]),
                     "websocket_bytes": int(stats(ws)["p50"]), "websocket_messages": int(stats(messages)["p50"]),
                     "breakdown": breakdown}
    return out


def time_navigation(browser, url, learned, runs) -> dict[str, dict]:
    samples: dict[str, list[float]] = {path: [] for path in NAVIGATION}
    session = Session(browser)
    try:
        session.page.goto(url)
        session.settle(learned[""]["heading"], learned[""]["charts"])
        links = session.page.eval_on_selector_all("[data-testid=stSidebarNav] a", "els => els.map(e => e.href)")
        by_path = {urllib.parse.urlsplit(href).path.strip("/"): href for href in links}
        for _ in range(runs):
            for path in NAVIGATION:
                want = learned[path]
                link = session.page.locator(f'[data-testid=stSidebarNav] a[href="{by_path[path]}"]')
                samples[path].append(_timed(link.click, lambda: session.settle(want["heading"], want["charts"])))
    finally:
        session.close()
    return {path: stats(values) for path, values in samples.items()}


def _choose(session, label: str, index: int) -> None:
    session.page.locator("[data-testid=stSelectbox]", has_text=label).first.click()
    options = session.page.get_by_role("option")
    options.nth(index % options.count()).click()


def time_filter_changes(browser, url, learned, runs) -> dict[str, dict]:
    """The sidebar's country filter, each run to another value (all countries, then each country)."""
    out = {}
    for path in FILTER_PAGES:
        want, samples = learned[path], []
        session = Session(browser)
        try:
            session.page.goto(f"{url}/{path}")
            session.settle(want["heading"], want["charts"])
            session.page.locator("[data-testid=stSelectbox]", has_text=FILTER_LABEL).first.click()
            count = session.page.get_by_role("option").count()
            session.page.keyboard.press("Escape")
            for run in range(runs):
                before = session.chart_text()
                samples.append(_timed(lambda: _choose(session, FILTER_LABEL, 1 + run % (count - 1) if run % 2 == 0 else 0),
                                      lambda: session.settle(want["heading"], want["charts"], before)))
        finally:
            session.close()
        out[path] = stats(samples)
    return out


def time_meeting_next(browser, url, learned, runs) -> dict:
    """Next from slide 1 to the last, again and again until ``runs`` clicks are timed."""
    want, samples = learned["meeting"], []
    while len(samples) < runs:
        session = Session(browser)
        try:
            session.page.goto(f"{url}/meeting?slide=1")
            session.settle(want["heading"], 0)
            slide = 1
            while len(samples) < runs and session.page.get_by_role("button", name="Next").is_enabled():
                before, slide = session.chart_text(), slide + 1
                samples.append(_timed(session.page.get_by_role("button", name="Next").click,
                                      lambda: session.settle(want["heading"], 1, before, f"slide={slide}")))
        finally:
            session.close()
    return stats(samples)


def _download_seconds(page, button) -> float:
    started = time.perf_counter()
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        button.click()
    info.value.path()  # waits until the file is whole on disk
    return time.perf_counter() - started


def time_downloads(browser, url, learned, runs) -> dict:
    """The first chart of the Overview as PNG (the first click of the server's life apart: it starts
    the export browser), then the Committee pack (PPTX)."""
    session = Session(browser)
    try:
        page = session.page
        page.goto(url)
        session.settle(learned[""]["heading"], learned[""]["charts"])
        png = []
        for _ in range(runs + 1):
            page.get_by_role("button", name="Download", exact=True).first.click()
            popover = page.locator("[data-testid=stPopoverBody]").filter(has_text="Alt text")
            png.append(_download_seconds(page, popover.get_by_role("button", name="PNG", exact=True)))
            page.keyboard.press("Escape")
            session.settle(learned[""]["heading"], learned[""]["charts"])
        pack = [_download_seconds(page, page.get_by_role("button", name="Pack (PPTX)")) for _ in range(runs)]
    finally:
        session.close()
    return {"png_first_s": round(png[0], 4), "png_s": stats(png[1:]), "pack_s": stats(pack)}


def time_throttled(browser, url, learned, runs) -> dict:
    want, samples, http = learned[""], [], []
    for _ in range(runs):
        session = Session(browser, throttled=True)
        try:
            samples.append(_timed(lambda: session.page.goto(url, timeout=TIMEOUT_MS),
                                  lambda: session.settle(want["heading"], want["charts"])))
            http.append(session.traffic.http_bytes + session.traffic.ws_bytes)
        finally:
            session.close()
    return {**stats(samples), "bytes": int(stats(http)["p50"])}


def script_times(path: Path, folder: Path, runs: int) -> tuple[dict, dict]:
    """The page scripts' own time (AppTest) and the exports' server side, at this scale."""
    from spotlight_dash import bench
    with bench._store_env(folder):
        from spotlight_dash.ui.page_timing import time_pages  # Streamlit stays in ui/

        pages = {p["page"]: p for p in time_pages(path, runs)}
        export = bench.time_export(max(1, min(runs, 3)))
    return pages, export


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def bench_scale(scale: float, runs: int, throttled_runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="spotlight-bench-browser-SYNTHETIC-") as tmp:
        folder = Path(tmp) / "store"
        version, frames = synthetic.build_store(folder, scale)
        del frames
        load_before = load_average()
        scripts, export = script_times(store.snapshot_path(version, folder), folder, max(3, min(runs, 5)))
        started = time.perf_counter()
        with serve(folder) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                learned = _learn_pages(browser, url)
                first = time_first_pages(browser, url, learned, runs)
                navigation = time_navigation(browser, url, learned, runs)
                filters = time_filter_changes(browser, url, learned, runs)
                meeting = time_meeting_next(browser, url, learned, runs)
                downloads = time_downloads(browser, url, learned, runs)
                throttled = time_throttled(browser, url, learned, throttled_runs)
            finally:
                browser.close()
        seconds = time.perf_counter() - started

    def script(path, key="cached_s"):
        timing = scripts.get(PAGES[path], {})
        return None if timing.get(key) is None else round(timing[key], 4)

    return {
        "data": "SYNTHETIC",
        "scale": int(scale) if float(scale).is_integer() else scale,
        "runs": runs,
        "load_average": {"before": load_before, "after": load_average()},
        "browser_seconds": round(seconds, 1),
        "pages": [{"page": PAGES[path], "charts": learned[path]["charts"], **first[path],
                   "navigation_s": navigation.get(path), "script_warm_s": script(path, "warm_s"),
                   "script_cached_s": script(path)} for path in PAGES],
        "filter_change": [{"page": PAGES[path], **filters[path], "script_warm_s": script(path, "warm_s")}
                          for path in FILTER_PAGES],
        "meeting_next": {**meeting, "script_cached_s": script("meeting")},
        "png_download": {"first_s": downloads["png_first_s"], **downloads["png_s"],
                         "server_png_s": export.get("png_warm_s")},
        "pack_download": {**downloads["pack_s"], "server_pack_s": export.get("pack_s")},
        "throttled_first_page": {"page": "overview", **throttled, "network": "1.6 Mbps down, 0.75 Mbps up, 150 ms RTT"},
    }


def _f(value) -> str:
    return "    -  " if value is None else f"{value:7.3f}"


def _ratio(browser, script, what: str = "script") -> str:
    return "" if not browser or not script else f"  ({browser / script:5.1f}x {what})"


def print_scale(figures: dict) -> None:
    print(f"\n== SYNTHETIC store, scale {figures['scale']}: browser benchmark, {figures['runs']} runs, "
          f"load average {figures['load_average']['before']} before, {figures['load_average']['after']} after")
    print("first page of a new session (p50 / p95 s, to the last chart drawn) | KB over HTTP, KB / messages over "
          "the websocket | navigation in a session (p50 / p95) | page script alone, cache kept (AppTest)")
    for p in figures["pages"]:
        first, nav = p["first_page_s"], p["navigation_s"] or {}
        print(f"  {p['page']:<15} {_f(first['p50'])} / {_f(first['p95'])} | {p['http_bytes'] / 1024:7.0f} KB, "
              f"{p['websocket_bytes'] / 1024:6.0f} KB / {p['websocket_messages']:3d} | "
              f"{_f(nav.get('p50'))} / {_f(nav.get('p95'))} | {_f(p['script_cached_s'])}"
              f"{_ratio(nav.get('p50') or first['p50'], p['script_cached_s'])}  [{p['charts']} charts]")
    print("first page, where the time goes (p50 s from the document's request): static files loaded | first "
          "websocket message | last message | plotly's JavaScript loaded | last chart drawn")
    for p in figures["pages"]:
        b = p["breakdown"]
        print(f"  {p['page']:<15} {_f(b['static_loaded_s'])} | {_f(b['first_message_s'])} | "
              f"{_f(b['last_message_s'])} | {_f(b['plotly_loaded_s'])} | {_f(p['first_page_s']['p50'])}")
    print("filter change (country) to the redrawn charts, p50 / p95 s | page script, query cache emptied")
    for f in figures["filter_change"]:
        print(f"  {f['page']:<15} {_f(f['p50'])} / {_f(f['p95'])} | {_f(f['script_warm_s'])}"
              f"{_ratio(f['p50'], f['script_warm_s'])}")
    m = figures["meeting_next"]
    print(f"Meeting mode, Next to the next slide drawn: {_f(m['p50'])} / {_f(m['p95'])} | page script "
          f"{_f(m['script_cached_s'])}{_ratio(m['p50'], m['script_cached_s'])}")
    png, pack = figures["png_download"], figures["pack_download"]
    print(f"PNG download, click to file: first {_f(png['first_s'])}, then {_f(png['p50'])} / {_f(png['p95'])} | "
          f"server's export alone {_f(png['server_png_s'])}{_ratio(png['p50'], png['server_png_s'], 'server')}")
    print(f"Pack (PPTX) download, click to file: {_f(pack['p50'])} / {_f(pack['p95'])} | server's build alone "
          f"{_f(pack['server_pack_s'])}{_ratio(pack['p50'], pack['server_pack_s'], 'server')}")
    t = figures["throttled_first_page"]
    print(f"first page (overview) under a throttled network ({t['network']}): {_f(t['p50'])} / {_f(t['p95'])} "
          f"over {t['n']} runs, {t['bytes'] / 1024:.0f} KB")


def run(scales: list[float], runs: int = 10, throttled_runs: int | None = None, json_file: str | None = None) -> list[dict]:
    results = []
    for scale in scales:
        figures = bench_scale(scale, runs, throttled_runs or min(runs, 3))
        print_scale(figures)
        results.append(figures)
    if json_file:
        payload = results[0] if len(results) == 1 else results
        Path(json_file).write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {json_file} (SYNTHETIC)")
    return results
