"""Chart images through one persistent Chromium per process (kaleido 1.x), with a timeout.

A browser start costs about 2.5 s, so the first export starts one and later exports reuse it
(about 0.2 s each). kaleido can hang; every export waits at most ``TIMEOUT_S`` and then says so
plainly, and the next export starts a fresh browser. The chart's own toolbar download in the
page does not depend on any of this.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import html
import os
import re
import shutil
import struct
import threading
import warnings
import zlib

import plotly.graph_objects as go

TIMEOUT_S = 20.0
# Logical size in CSS pixels; PNGs are drawn at PNG_SCALE for print and slides.
SHAPES = {"wide": (960, 540), "square": (720, 720), "a4": (1123, 794)}  # 16:9 · 1:1 · A4 landscape at 96 dpi
PNG_SCALE = 2
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}


class ExportUnavailable(RuntimeError):
    """The image engine could not render: Chromium missing, failing or too slow."""


class _Engine:
    def __init__(self):
        self._lock = threading.Lock()
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._started = False

    def _start(self) -> None:
        import kaleido

        kaleido.start_sync_server(silence_warnings=True, mathjax=False)  # no LaTeX in our charts
        self._started = True

    def _restart(self) -> None:
        # A hung render keeps its worker thread; a new pool and browser let later exports proceed.
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        if self._started:
            try:
                import kaleido

                kaleido.stop_sync_server(silence_warnings=True)
            except Exception:  # noqa: BLE001 - the old browser may already be gone
                pass
            self._started = False

    def render(self, figure: go.Figure, fmt: str, width: int, height: int, scale: float) -> bytes:
        with self._lock:
            if self._pool is None:
                self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaleido")
            pool = self._pool

            def work() -> bytes:
                if not self._started:
                    self._start()
                with warnings.catch_warnings():  # plotly warns that kaleido options go unused with a server
                    warnings.simplefilter("ignore", UserWarning)
                    return figure.to_image(format=fmt, width=width, height=height, scale=scale)

            future = pool.submit(work)
            try:
                return future.result(timeout=TIMEOUT_S)
            except concurrent.futures.TimeoutError:
                self._restart()
                raise ExportUnavailable(
                    f"The image export did not finish within {TIMEOUT_S:.0f} s. Try again; meanwhile the "
                    "camera icon in the chart's toolbar downloads a PNG directly from the browser.") from None
            except Exception as exc:  # noqa: BLE001 - any engine failure becomes one clear message
                self._restart()
                raise ExportUnavailable(
                    "The image export is unavailable on this server (Chromium could not render the chart: "
                    f"{str(exc)[:200]}). The camera icon in the chart's toolbar still downloads a PNG.") from exc

    def close(self) -> None:
        with self._lock:
            self._restart()


ENGINE = _Engine()
atexit.register(ENGINE.close)


def available() -> bool:
    """Whether a Chromium for kaleido is installed (kaleido also honours BROWSER_PATH)."""
    return bool(os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
                or shutil.which("google-chrome"))


def render(figure: go.Figure, fmt: str, shape: str, alt_text: str = "", title: str = "") -> bytes:
    """The figure as PNG, SVG or PDF in one of SHAPES, with its alt text embedded where the format allows."""
    if fmt not in MIME:
        raise ValueError(f"format must be one of {', '.join(MIME)}")
    width, height = SHAPES[shape]
    sized = go.Figure(figure).update_layout(width=width, height=height)
    data = ENGINE.render(sized, fmt, width, height, PNG_SCALE if fmt == "png" else 1)
    if fmt == "png" and alt_text:
        return png_with_text(data, {"Title": title, "Description": alt_text})
    if fmt == "svg" and alt_text:
        return svg_with_description(data, title, alt_text)
    return data


def png_with_text(png: bytes, texts: dict[str, str]) -> bytes:
    """Add iTXt chunks (UTF-8, so Cyrillic survives) right after the PNG header chunk."""
    chunks = b""
    for keyword, text in texts.items():
        if not text:
            continue
        body = keyword.encode("latin-1") + b"\0\0\0\0\0" + text.encode("utf-8")
        chunk_type = b"iTXt"
        chunks += struct.pack(">I", len(body)) + chunk_type + body + struct.pack(">I", zlib.crc32(chunk_type + body))
    header_end = 8 + 4 + 4 + 13 + 4  # signature + IHDR length, type, data, CRC
    return png[:header_end] + chunks + png[header_end:]


def svg_with_description(svg: bytes, title: str, description: str) -> bytes:
    """Give the SVG a <title> and <desc> and an accessible name, for screen readers and search."""
    text = svg.decode("utf-8")
    opening = re.search(r"<svg\b[^>]*>", text)
    if opening is None:
        return svg
    tag = opening.group(0)
    labelled = tag[:-1] + f' role="img" aria-label="{html.escape(title, quote=True)}">'
    inserted = f"<title>{html.escape(title)}</title><desc>{html.escape(description)}</desc>"
    return (text[: opening.start()] + labelled + inserted + text[opening.end():]).encode("utf-8")
