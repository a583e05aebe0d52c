"""The browser benchmark runs end to end at scale 1 in the system Chromium and writes its figures in
the agreed shape, every one a positive number.

Not a timed test: no figure is compared with a target here (docs/benchmark.md gives the figures).
"""

import json
import os
import subprocess
import sys

from browser_app import BROWSER_TESTS
from conftest import ROOT

pytestmark = BROWSER_TESTS

PAGES = {"overview", "meeting", "delivery", "results", "reach", "communications", "civil_society", "context",
         "agencies", "sources"}


def _positive_timing(value) -> bool:
    return set(value) >= {"p50", "p95", "n"} and value["n"] >= 1 and 0 < value["p50"] <= value["p95"]


def test_browser_bench_at_scale_1_writes_every_figure_in_the_agreed_json_shape(tmp_path):
    out = tmp_path / "bench-browser.json"
    result = subprocess.run([sys.executable, "-m", "spotlight_dash", "bench", "--browser", "--scale", "1",
                             "--runs", "1", "--json", str(out)], cwd=ROOT, capture_output=True, text=True,
                            timeout=1500, env={**os.environ, "SPOTLIGHT_STORE": str(tmp_path / "never-used")})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "SYNTHETIC store, scale 1: browser benchmark" in result.stdout
    figures = json.loads(out.read_text())
    assert figures["data"] == "SYNTHETIC" and figures["scale"] == 1 and figures["runs"] == 1
    assert set(figures) == {"data", "scale", "runs", "load_average", "browser_seconds", "pages", "filter_change",
                            "meeting_next", "png_download", "pack_download", "throttled_first_page"}

    pages = {p["page"]: p for p in figures["pages"]}
    assert set(pages) == PAGES
    for name, p in pages.items():
        assert _positive_timing(p["first_page_s"]), name
        assert p["http_bytes"] > 0 and p["websocket_bytes"] > 0 and p["websocket_messages"] > 0, name
        assert p["script_warm_s"] > 0 and p["script_cached_s"] > 0, name
        # Where the first page's time goes, in the order it happens: files, then the script's messages.
        parts = p["breakdown"]
        assert 0 < parts["static_loaded_s"] and 0 < parts["first_message_s"] <= parts["last_message_s"], name
        if p["charts"]:
            assert parts["plotly_loaded_s"] > 0, name
        # Meeting mode hides the sidebar, so it is not in the navigation round; every other page is.
        assert (p["navigation_s"] is None) if name == "meeting" else _positive_timing(p["navigation_s"]), name
    assert pages["overview"]["charts"] >= 4  # charts were found and waited for, not an empty page timed

    assert {f["page"] for f in figures["filter_change"]} == {"overview", "delivery", "reach", "communications"}
    assert all(_positive_timing(f) and f["script_warm_s"] > 0 for f in figures["filter_change"])
    assert _positive_timing(figures["meeting_next"]) and figures["meeting_next"]["script_cached_s"] > 0
    png, pack = figures["png_download"], figures["pack_download"]
    assert png["first_s"] > 0 and _positive_timing(png) and png["server_png_s"] > 0
    assert _positive_timing(pack) and pack["server_pack_s"] > 0
    throttled = figures["throttled_first_page"]
    assert _positive_timing(throttled) and throttled["bytes"] > 0
    # The throttled first page cannot beat the same page unthrottled: the emulation took effect.
    assert throttled["p50"] > pages["overview"]["first_page_s"]["p50"]
    assert not (tmp_path / "never-used").exists()  # the benchmark keeps to its own temporary store
