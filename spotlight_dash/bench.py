"""Benchmark of a workbook import: N SYNTHETIC finance rows, validated and committed, timed beside
openpyxl (read-only) merely reading the same file. Runs in a temporary store, never data/store.

The rows are marked SYNTHETIC in the file name, the programme, the source and its quote.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import xlsxwriter
from openpyxl import load_workbook

from spotlight_dash import codes, schema
from spotlight_dash.ingest import pipeline

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
