"""The import benchmark's SYNTHETIC workbook is a valid import (else the benchmark measures a refusal)."""

from spotlight_dash import bench


def test_the_benchmark_workbook_imports_and_openpyxl_reads_every_row(tmp_path, monkeypatch):
    figures = bench.time_import(rows=300)  # raises when the import does not commit
    assert figures["rows"] == 300 and figures["openpyxl_rows"] == 300
