"""Reader for the shipped dataset: ``data/<folder>/<table>.csv``, one folder per source."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from spotlight_dash import schema
from spotlight_dash.ingest.report import IngestReport, Place, RawRow

SKIPPED_FOLDERS = {"store"}


def data_files(data_dir: Path) -> list[Path]:
    return sorted(
        p for p in data_dir.rglob("*.csv") if not SKIPPED_FOLDERS & set(p.relative_to(data_dir).parts)
    )


def fingerprint(data_dir: Path) -> str:
    """SHA-256 over every data file's name and bytes, so a build says exactly what it read."""
    digest = hashlib.sha256()
    for path in data_files(data_dir):
        digest.update(str(path.relative_to(data_dir)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def read_directory(data_dir: Path, report: IngestReport) -> dict[str, list[RawRow]]:
    rows: dict[str, list[RawRow]] = {name: [] for name in schema.TABLES}
    for path in data_files(data_dir):
        label = str(path.relative_to(data_dir.parent))
        table = schema.TABLES.get(path.stem)
        if table is None:
            report.add(Place(label), f"unknown table {path.stem!r}",
                       f"name the file after one of: {', '.join(schema.TABLES)}")
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            unknown = [c for c in header if c not in table.columns]
            missing = [c for c in table.columns
                       if schema.column_meta(table.name, c)["required"] and c not in header]
            for column in unknown:
                report.add(Place(label, 1, column), f"unknown column {column!r} in {table.name}",
                           f"use the columns: {', '.join(table.columns)}")
            for column in missing:
                report.add(Place(label, 1, column), f"missing required column {column!r}",
                           "add the column to the header row")
            if unknown or missing:
                continue
            for line, record in enumerate(reader, start=2):
                values = {k: (v if v != "" else None) for k, v in record.items() if k is not None}
                if None in record:
                    report.add(Place(label, line), "more cells than columns in this row",
                               "quote cells that contain commas")
                    continue
                rows[table.name].append(RawRow(table.name, values, Place(label, line)))
    return rows
