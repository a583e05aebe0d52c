"""The benchmark command runs end to end at scale 1 and writes its figures in the agreed shape.

Not a timed test: no figure is compared with a threshold here (the README gives the figures).
"""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from spotlight_dash import pandas_baseline, queries, store, synthetic


def test_bench_at_scale_1_writes_every_figure_in_the_agreed_json_shape(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, "-m", "spotlight_dash", "bench", "--scale", "1", "--runs", "1",
                             "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "SPOTLIGHT_STORE": str(tmp_path / "never-used")})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "SYNTHETIC store, scale 1" in result.stdout and "FIGURES DIFFER" not in result.stdout
    figures = json.loads(out.read_text())
    assert set(figures) == {"scale", "pages", "queries", "import", "iati_import_s", "export", "peak_rss_mb"}
    assert figures["scale"] == 1 and figures["iati_import_s"] > 0  # the real UNDP file was imported
    pages = {p["page"]: p for p in figures["pages"]}
    assert {"overview", "delivery", "communications", "sources"} <= set(pages)
    assert all(set(p) == {"page", "warm_s", "queries_s"} and p["warm_s"] > 0 and p["queries_s"] > 0
               for p in pages.values()), "a page failed under the benchmark"
    named = {q["name"]: q for q in figures["queries"]}
    assert set(named) == set(queries.QUERIES)
    assert all(set(q) == {"name", "duckdb_s", "pandas_s"} for q in named.values())
    assert all(named[n]["pandas_s"] > 0 for n in pandas_baseline.BASELINES)
    assert set(figures["import"]) == {"rows", "seconds", "openpyxl_read_s"} and figures["import"]["rows"] >= 1000
    assert set(figures["export"]) == {"png_warm_s", "pack_s"}
    assert figures["peak_rss_mb"] > 0
    assert not (tmp_path / "never-used").exists()  # the benchmark keeps to its own temporary store


def test_synthetic_store_is_marked_synthetic_everywhere(tmp_path):
    version, frames = synthetic.build_store(tmp_path / "store", 1)
    for name in ("programmes", "sources", "documents"):
        ids = frames[name].iloc[:, 0]
        assert ids.str.startswith("SYNTHETIC").all(), name
    assert frames["programmes"].name.str.contains("SYNTHETIC").all()
    assert frames["sources"].quote.str.contains("SYNTHETIC").all()
    assert frames["documents"].title.str.contains("SYNTHETIC").all()
    assert all(frame.source_id.str.startswith("SYNTHETIC").all() for frame in frames.values() if "source_id" in frame)


@pytest.mark.parametrize("filters", [{}, {"year": 2020}, {"country": "KAZ"}, {"runo": "UNW"}])
def test_pandas_yardstick_gives_the_same_figures_as_the_named_queries_on_the_shipped_data(shipped_store, filters):
    con = store.open_reader(store.current_state(shipped_store).path)
    try:
        tables = store.read_tables(con)
        tables.update(store.read_tables(con, ["organisations", "countries"]))
        for programme in ("SI-CA-REG", "SI-KGZ"):
            f = queries.Filters(programme=programme, **filters)
            for name, baseline in pandas_baseline.BASELINES.items():
                duck = queries.run_query(con.cursor(), name, f)
                assert pandas_baseline.agrees(name, duck, baseline(tables, f)), (name, f)
    finally:
        con.close()
