"""The bytes of a first page as they cross the network, for a server already running.

    python scripts/page_weight.py http://127.0.0.1:8501 [--pages overview agencies] [--throttled | --link 1.6 150]

Puts a counting TCP relay in front of the server (a Streamlit process or nginx from `make serve`),
opens each page in a new headless Chromium context (new session, empty cache) and prints, per page,
one JSON line: the bytes received on the wire over HTTP and over the WebSocket (compressed, if the
server compresses), the WebSocket's messages as the page reads them (uncompressed), the largest
files, the seconds to the last chart drawn and the load average. `bench --browser` reports what
Chromium sees (CDP), which is the messages before their compression; this counts what a slow link
carries; `--link MBPS RTT_MS` throttles those bytes in the relay (Chromium's own emulation,
`--throttled`, seems to count the WebSocket's messages unpacked). Each page is visited once first (to learn its heading and charts and to warm the server).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spotlight_dash import bench_browser  # noqa: E402


class Relay:
    """127.0.0.1:<free port> -> the server; counts the bytes sent back on each connection."""

    def __init__(self, host: str, port: int, mbps: float | None = None, rtt_ms: float = 0):
        self.host, self.port, self.connections = host, port, []
        # --link: one shared downlink of ``mbps`` for every connection, and ``rtt_ms`` before each request
        self.rate, self.rtt, self.link_free = (mbps * 1e6 / 8 if mbps else None), rtt_ms / 1000, 0.0
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait()

    def _run(self, ready):
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._relay, "127.0.0.1", 0))
        self.listening = server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    async def _relay(self, client_reader, client_writer):
        server_reader, server_writer = await asyncio.open_connection(self.host, self.port)
        counted = {"request": b"", "down": 0}
        self.connections.append(counted)

        async def pipe(reader, writer, down: bool):
            try:
                while chunk := await reader.read(16384 if self.rate else 65536):
                    if down:
                        counted["down"] += len(chunk)
                        if self.rate:
                            now = self.loop.time()
                            self.link_free = max(now, self.link_free) + len(chunk) / self.rate
                            await asyncio.sleep(self.link_free - now)
                    else:
                        if len(counted["request"]) < 200:
                            counted["request"] += chunk[:200]
                        if self.rtt:
                            await asyncio.sleep(self.rtt)
                    writer.write(chunk)
                    await writer.drain()
            except OSError:
                pass
            finally:
                writer.close()

        await asyncio.gather(pipe(client_reader, server_writer, False), pipe(server_reader, client_writer, True))

    def take(self) -> tuple[int, int]:
        """(HTTP bytes, WebSocket bytes) received since the last take."""
        connections, self.connections = self.connections, []
        websocket = sum(c["down"] for c in connections if b"/_stcore/stream" in c["request"])
        return sum(c["down"] for c in connections) - websocket, websocket


def measure(browser, relay: Relay, path: str, throttled: bool) -> dict:
    url = f"http://localhost:{relay.listening}/{path}"
    link, (relay.rate, relay.rtt) = (relay.rate, relay.rtt), (None, 0)  # the learning visit at full speed
    first = bench_browser.Session(browser)
    try:
        first.page.goto(url, timeout=bench_browser.TIMEOUT_MS)
        first.settle(None, 0)
        first.page.wait_for_timeout(1500)
        first.settle(None, 0)
        heading = first.page.locator("[data-testid=stMain] h1").first.inner_text().strip()
        charts = first.page.locator("[data-testid=stMain] [data-testid=stPlotlyChart]").count()
    finally:
        first.close()
    time.sleep(1)
    relay.take()
    relay.rate, relay.rtt = link
    session = bench_browser.Session(browser, throttled=throttled)
    names, files = {}, []
    session.cdp.on("Network.requestWillBeSent",
                   lambda e: names.__setitem__(e["requestId"], e["request"]["url"].rsplit("/", 1)[-1]))
    session.cdp.on("Network.loadingFinished",
                   lambda e: files.append((int(e.get("encodedDataLength", 0)), names.get(e["requestId"]))))
    try:
        started = time.perf_counter()
        session.page.goto(url, timeout=bench_browser.TIMEOUT_MS)
        session.settle(heading, charts)
        seconds = time.perf_counter() - started
        session.page.wait_for_timeout(1000)  # the last frames in flight
        http, websocket = relay.take()
        return {"page": path or "overview", "charts": charts, "throttled": throttled,
                "link": None if not link[0] else f"{link[0] * 8 / 1e6:g} Mbps, {link[1] * 1000:g} ms", "seconds": round(seconds, 2),
                "wire_http_bytes": http, "wire_websocket_bytes": websocket,
                "websocket_messages_bytes": session.traffic.ws_bytes, "websocket_messages": session.traffic.ws_messages,
                "largest_files": sorted(files, reverse=True)[:6], "breakdown": session.traffic.breakdown(),
                "load_average": [round(x, 2) for x in os.getloadavg()]}
    finally:
        session.close()
        time.sleep(1)
        relay.take()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="the running server, e.g. http://127.0.0.1:8501 or make serve's nginx")
    parser.add_argument("--pages", nargs="+", default=["overview", "agencies"],
                        help="URL paths (overview is the start page)")
    parser.add_argument("--throttled", action="store_true",
                        help="Chromium's network emulation: 1.6 Mbps down, 150 ms round trip, as bench --browser")
    parser.add_argument("--link", nargs=2, type=float, metavar=("MBPS", "RTT_MS"),
                        help="throttle in the relay instead, on the bytes as sent (e.g. --link 1.6 150)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    target = urllib.parse.urlsplit(args.url)
    relay = Relay(target.hostname or "127.0.0.1", target.port or 80, *(args.link or (None, 0)))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=bench_browser.CHROMIUM, headless=True,
                                    args=bench_browser.CHROMIUM_ARGS)
        try:
            for page in args.pages:
                print(json.dumps(measure(browser, relay, "" if page == "overview" else page, args.throttled)),
                      flush=True)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
