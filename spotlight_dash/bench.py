"""Benchmarks, always on SYNTHETIC data in a temporary store, never data/store.

- ``bench-import``: N SYNTHETIC finance rows in a workbook, validated and committed, timed beside
  openpyxl (read-only) merely reading the same file.
- ``bench --scale N``: a whole SYNTHETIC store at scale N (spotlight_dash/synthetic.py); each page's
  warm script time beside its named queries alone, each named query in DuckDB beside the same
  aggregation in pandas (pandas_baseline.py), the import benchmark, chart export, peak memory.

Everything synthetic is marked SYNTHETIC: file names, programmes, sources and their quotes, and
so every chart title drawn from it.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import xlsxwriter
from openpyxl import load_workbook

from spotlight_dash import codes, pandas_baseline, queries, schema, store, synthetic
from spotlight_dash.ingest import pipeline
from spotlight_dash.stopwatch import timed

SYNTHETIC_PROGRAMME = "SYNTHETIC-BENCH"
SYNTHETIC_SOURCE = "SYNTHETIC-bench-source"


def synthetic_workbook(path: Path, rows: int) -> Path:
    """A workbook with Programmes, Periods, Sources and ``rows`` Finance rows (unique keys)."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                           "strings_to_urls": False})
    date = book.add_format({"num_format": "yyyy-mm-dd"})

    def sheet(table: str, records: list[dict]):
        # By column name, so a column added to the schema cannot shift the values.
        columns = schema.TABLES[table].columns
        ws = book.add_worksheet(schema.TABLES[table].sheet)
        ws.write_row(0, 0, columns)
        for index, record in enumerate(records, start=1):
            for col, name in enumerate(columns):
                value = record.get(name)
                if value is not None:
                    ws.write(index, col, value, date if hasattr(value, "isoformat") else None)
        return ws

    import datetime as dt

    sheet("documents", [dict(document_id="SYNTHETIC-DOC", file="synthetic.xlsx", language="en",
                             title="SYNTHETIC benchmark data, not real figures", citation="SYNTHETIC data")])
    sheet("sources", [dict(source_id=SYNTHETIC_SOURCE, document_id="SYNTHETIC-DOC", section="SYNTHETIC",
                           quote="SYNTHETIC benchmark rows")])
    sheet("programmes", [dict(programme_id=SYNTHETIC_PROGRAMME, name="SYNTHETIC benchmark programme",
                              short_name="SYNTHETIC", source_id=SYNTHETIC_SOURCE)])
    sheet("periods", [dict(period_id=str(y), label=str(y), start_date=dt.date(y, 1, 1), end_date=dt.date(y, 12, 31))
                      for y in range(2019, 2031)])
    ws = book.add_worksheet(schema.TABLES["finance"].sheet)
    ws.write_row(0, 0, schema.TABLES["finance"].columns)
    runos, countries, kinds = codes.RUNOS, list(codes.COUNTRIES)[:5], ("approved", "expenditure", "transferred")
    for i in range(rows):
        ws.write_row(i + 1, 0, [SYNTHETIC_PROGRAMME, runos[i % 3], str(2019 + i % 12), kinds[i % 3], 1 + i % 6,
                                countries[i % 5], f"SYNTHETIC-{i:07d}", 1000.0 + (i % 997), "USD", False,
                                SYNTHETIC_SOURCE])
    book.close()
    return path


def time_import(rows: int = 100_000) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="spotlight-bench-") as tmp:
        folder = Path(tmp)
        path = synthetic_workbook(folder / f"SYNTHETIC-finance-{rows}.xlsx", rows)
        previous = os.environ.get("SPOTLIGHT_STORE")
        os.environ["SPOTLIGHT_STORE"] = str(folder / "store")
        try:
            started, cpu = time.perf_counter(), time.process_time()
            data = path.read_bytes()
            result = pipeline.import_workbook(data, path.name, "bench", accept_warnings=True)
            import_seconds, import_cpu = time.perf_counter() - started, time.process_time() - cpu
        finally:
            if previous is None:
                os.environ.pop("SPOTLIGHT_STORE")
            else:
                os.environ["SPOTLIGHT_STORE"] = previous
        if result.status != "committed":
            raise RuntimeError("the benchmark import failed: " + "; ".join(result.report.detailed_lines()[:5]))
        started, cpu = time.perf_counter(), time.process_time()
        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book[schema.TABLES["finance"].sheet]
        sheet.reset_dimensions()
        read_rows = sum(1 for _ in sheet.iter_rows(values_only=True))
        book.close()
        openpyxl_seconds, openpyxl_cpu = time.perf_counter() - started, time.process_time() - cpu
        return {"rows": rows, "file_mb": len(data) / 2**20, "import_seconds": import_seconds,
                "import_cpu_seconds": import_cpu, "openpyxl_read_seconds": openpyxl_seconds,
                "openpyxl_cpu_seconds": openpyxl_cpu, "openpyxl_rows": read_rows - 1}


def print_import_benchmark(rows: int = 100_000) -> dict[str, float]:
    figures = time_import(rows)
    print(f"SYNTHETIC workbook: {figures['rows']:,} finance rows, {figures['file_mb']:.1f} MB")
    # CPU time beside wall time: on a shared machine the wall time also measures the neighbours.
    print(f"import (read + validate + rules + diff + commit): {figures['import_seconds']:6.2f} s wall"
          f"  {figures['import_cpu_seconds']:6.2f} s CPU")
    print(f"openpyxl read-only, values only, nothing else:     {figures['openpyxl_read_seconds']:6.2f} s wall"
          f"  {figures['openpyxl_cpu_seconds']:6.2f} s CPU")
    return figures


# ---- the benchmark at scale -------------------------------------------------------------------

EXPORT_CHART = "budget-by-runo"


@contextmanager
def _store_env(folder: Path):
    previous = os.environ.get("SPOTLIGHT_STORE")
    os.environ["SPOTLIGHT_STORE"] = str(folder)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SPOTLIGHT_STORE", None)
        else:
            os.environ["SPOTLIGHT_STORE"] = previous


def time_queries(path: Path, runs: int) -> list[dict]:
    """Every named query in DuckDB (as the default view asks it), beside pandas on frames in memory."""
    con = store.open_reader(path)
    try:
        programmes = queries.run_query(con.cursor(), "programmes").programme_id.tolist()
        filters = queries.Filters(programme=programmes[0] if programmes else None)
        tables = store.read_tables(con)
        tables.update(store.read_tables(con, ["organisations", "countries"]))
        out = []
        for name in sorted(queries.QUERIES):
            cur = con.cursor()
            duck, duck_cpu = timed(lambda: queries.run_query(cur, name, filters), runs)
            row = {"name": name, "duckdb_s": duck, "duckdb_cpu_s": duck_cpu, "pandas_s": None}
            baseline = pandas_baseline.BASELINES.get(name)
            if baseline is not None:
                row["pandas_s"], row["pandas_cpu_s"] = timed(lambda: baseline(tables, filters), runs)
                row["same_figures"] = pandas_baseline.agrees(name, queries.run_query(cur, name, filters),
                                                             baseline(tables, filters))
            cur.close()
            out.append(row)
        return out
    finally:
        con.close()


def time_export(runs: int) -> dict:
    """A PNG of one chart once the browser is up (the click), and the whole Committee pack (PPTX)."""
    from spotlight_dash.exports import context, images, pack

    view, _ = context.open_view({})
    try:
        files = view.chart_files(EXPORT_CHART)
        files.image("png", "wide")  # starts the browser: the first export of a process pays it
        png, png_cpu = timed(lambda: files.image("png", "wide"), runs)
        wall, cpu = time.perf_counter(), time.process_time()
        pack.build(view, "pptx")
        return {"png_warm_s": png, "png_cpu_s": png_cpu, "pack_s": time.perf_counter() - wall,
                "pack_cpu_s": time.process_time() - cpu}
    except images.ExportUnavailable as exc:
        return {"png_warm_s": None, "pack_s": None, "note": str(exc)}
    finally:
        view.close()


IATI_FILE = store.REPO_ROOT / "tests" / "fixtures" / "iati" / "undp_central_asia_afghanistan_2021_extract.xml"


def time_iati_import() -> float | None:
    """The real 949 KB UNDP file (not synthetic) imported into an empty temporary store, wall seconds."""
    if not IATI_FILE.exists():
        return None
    with tempfile.TemporaryDirectory(prefix="spotlight-bench-iati-") as tmp, _store_env(Path(tmp) / "store"):
        started = time.perf_counter()
        result = pipeline.import_iati(IATI_FILE.read_bytes(), IATI_FILE.name, "bench", accept_warnings=True)
        seconds = time.perf_counter() - started
    if result.status != "committed":
        raise RuntimeError("the IATI benchmark import failed: " + "; ".join(result.report.detailed_lines()[:3]))
    return seconds


def default_import_rows(scale: float) -> int:
    return int(min(100_000, max(1_000, 100 * scale)))


def bench_scale(scale: float, runs: int = 5, import_rows: int | None = None) -> dict:
    """Every figure at one scale; the keys of ``public`` are exactly those of --json."""
    with tempfile.TemporaryDirectory(prefix="spotlight-bench-SYNTHETIC-") as tmp:
        folder = Path(tmp) / "store"
        wall, cpu = time.perf_counter(), time.process_time()
        version, frames = synthetic.build_store(folder, scale)
        built = {"seconds": time.perf_counter() - wall, "cpu_seconds": time.process_time() - cpu,
                 "rows": {name: len(frame) for name, frame in frames.items()}}
        del frames
        path = store.snapshot_path(version, folder)
        with _store_env(folder):
            from spotlight_dash.ui.page_timing import time_pages  # Streamlit stays in ui/

            pages = time_pages(path, runs)
            query_rows = time_queries(path, runs)
            export = time_export(max(1, min(runs, 3)))
    imported = time_import(import_rows or default_import_rows(scale))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    public = {
        "scale": int(scale) if float(scale).is_integer() else scale,
        "pages": [{k: p.get(k) for k in ("page", "warm_s", "queries_s")} for p in pages],
        "queries": [{k: q[k] for k in ("name", "duckdb_s", "pandas_s")} for q in query_rows],
        "import": {"rows": imported["rows"], "seconds": imported["import_seconds"],
                   "openpyxl_read_s": imported["openpyxl_read_seconds"]},
        "iati_import_s": time_iati_import(),
        "export": {"png_warm_s": export["png_warm_s"], "pack_s": export["pack_s"]},
        "peak_rss_mb": round(peak, 1),
    }
    return {"public": public, "pages": pages, "queries": query_rows, "import": imported, "export": export,
            "built": built}


def _s(value) -> str:
    return "   -   " if value is None else f"{value:7.3f}"


def print_scale(figures: dict) -> None:
    public, built = figures["public"], figures["built"]
    rows = built["rows"]
    print(f"\n== SYNTHETIC store, scale {public['scale']}: {len(rows)} tables, media {rows['media']:,} rows, "
          f"finance {rows['finance']:,}, indicators {rows['indicators']:,}, programmes {rows['programmes']} "
          f"(built in {built['seconds']:.1f} s wall, {built['cpu_seconds']:.1f} s CPU)")
    print("\npages: warm script (query cache emptied before each run) | cache kept | its named queries alone"
          " (median, wall / CPU s)")
    for p in figures["pages"]:
        if "error" in p:
            print(f"  {p['page']:<16} ERROR {p['error']}")
            continue
        compared = (f"page = {p['warm_s'] / p['queries_s']:.1f}x its queries" if p["queries"]
                    else "no query to compare with")  # e.g. the Data page before sign-in
        print(f"  {p['page']:<16} {_s(p['warm_s'])} / {_s(p['warm_cpu_s'])} | {_s(p['cached_s'])} / "
              f"{_s(p['cached_cpu_s'])} | {_s(p['queries_s'])} / {_s(p['queries_cpu_s'])}"
              f"  ({p['queries']} queries; {compared})")
    print("\nnamed queries, default view (first programme): DuckDB | pandas on frames in memory (median wall / CPU s)")
    for q in figures["queries"]:
        pandas_part = "" if q["pandas_s"] is None else (
            f" | {_s(q['pandas_s'])} / {_s(q['pandas_cpu_s'])}  pandas/DuckDB {q['pandas_s'] / q['duckdb_s']:.1f}x"
            f"{'' if q['same_figures'] else '  FIGURES DIFFER'}")
        print(f"  {q['name']:<22} {_s(q['duckdb_s'])} / {_s(q['duckdb_cpu_s'])}{pandas_part}")
    imp = figures["import"]
    print(f"\nimport of a SYNTHETIC workbook, {imp['rows']:,} finance rows ({imp['file_mb']:.1f} MB): "
          f"{imp['import_seconds']:.2f} s wall, {imp['import_cpu_seconds']:.2f} s CPU "
          f"({imp['rows'] / imp['import_seconds']:,.0f} rows/s); openpyxl read alone {imp['openpyxl_read_seconds']:.2f} s "
          f"wall, {imp['openpyxl_cpu_seconds']:.2f} s CPU")
    iati_s = figures["public"]["iati_import_s"]
    print("IATI import of the real UNDP file (949 KB): " + ("file not found" if iati_s is None else f"{iati_s:.2f} s wall"))
    exp = figures["export"]
    if exp["png_warm_s"] is None:
        print(f"export: unavailable ({exp.get('note')})")
    else:
        print(f"export: PNG of {EXPORT_CHART}, browser warm {exp['png_warm_s']:.2f} s wall ({exp['png_cpu_s']:.2f} s CPU "
              f"here; the browser's own CPU is not counted); Committee pack PPTX {exp['pack_s']:.2f} s wall "
              f"({exp['pack_cpu_s']:.2f} s CPU)")
    print(f"peak RSS of this process so far: {public['peak_rss_mb']:.0f} MB")


def run(scales: list[float], runs: int = 5, import_rows: int | None = None, json_file: str | None = None) -> list[dict]:
    results = []
    for scale in scales:
        figures = bench_scale(scale, runs, import_rows)
        print_scale(figures)
        results.append(figures["public"])
    if json_file:
        payload = results[0] if len(results) == 1 else results
        Path(json_file).write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {json_file}")
    return results
