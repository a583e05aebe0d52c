"""Readers run in a child with limits: whatever a file makes a reader do, the caller gets one message.

The readers that fail are in hostile_readers.py; the one real failure is calamine itself, asked to
read a sheet with a value at XFD1048576 without the extent check in front of it: in the server's
process that aborted Streamlit for every session (issue 23).
"""

import logging
import os
import time

import hostile_readers
from spotlight_dash.ingest import sandbox
from spotlight_dash.ingest.report import IngestReport
from test_hostile_workbooks import STRAY_LAST_CELL, _edited, _replaced

READ_AGAIN = ("open the file in the program that made it and save it again; if that does not help, send it to the "
              "dashboard's maintainers")


def _read(reader, data=b"bytes", **limits):
    report = IngestReport()
    started = time.monotonic()
    rows = sandbox.read_apart(reader, data, "/uploads/figures.xlsx", report,
                              limits=sandbox.ReaderLimits(**limits) if limits else None)
    return rows, report.detailed_lines(), time.monotonic() - started


def test_what_a_reader_returns_and_reports_comes_back_from_the_child():
    rows, lines, _ = _read(hostile_readers.echoes, b"12345")
    assert rows == {"length": 5, "filename": "/uploads/figures.xlsx"}
    assert lines == ["warning: /uploads/figures.xlsx: a warning from the child -> nothing to do"]


def test_calamine_aborting_on_a_stray_cell_is_a_message_and_this_process_goes_on(store_copy):
    stray = _edited("Media", _replaced("</sheetData>", STRAY_LAST_CELL))
    rows, lines, seconds = _read(hostile_readers.calamine_grid, stray)
    assert rows is None
    assert lines == ["figures.xlsx: this file could not be read: reading it needs more memory than a reader may use "
                     f"(3 GB) -> {READ_AGAIN}"]
    assert seconds < 30
    assert os.getpid()  # still here: the abort was the child's


def test_a_reader_that_hangs_is_stopped_at_the_deadline():
    rows, lines, seconds = _read(hostile_readers.hangs, wall_seconds=2)
    assert rows is None and seconds < 10
    assert lines == [f"figures.xlsx: this file could not be read: reading it took longer than 2 seconds -> {READ_AGAIN}"]


def test_a_reader_that_spins_is_stopped_by_its_processor_time():
    rows, lines, seconds = _read(hostile_readers.spins, cpu_seconds=2, wall_seconds=60)
    assert rows is None and seconds < 30
    assert lines == ["figures.xlsx: this file could not be read: reading it needed more than 2 seconds of processor "
                     f"time -> {READ_AGAIN}"]


def test_a_reader_that_eats_memory_is_stopped_at_its_limit():
    rows, lines, _ = _read(hostile_readers.eats_memory, memory_bytes=256 * 2**20)
    assert rows is None
    assert lines == ["figures.xlsx: this file could not be read: reading it needs more memory than a reader may use "
                     f"(256 MB) -> {READ_AGAIN}"]


def test_a_reader_that_returns_too_much_is_stopped_at_the_output_limit():
    rows, lines, _ = _read(hostile_readers.returns_too_much, output_bytes=2**20)
    assert rows is None
    assert lines == ["figures.xlsx: this file could not be read: what it holds is larger than a reader may return "
                     f"(1 MB) -> {READ_AGAIN}"]


def test_a_reader_bug_is_a_message_for_the_user_and_a_traceback_in_the_log(caplog):
    with caplog.at_level(logging.WARNING, logger="spotlight_dash.ingest.sandbox"):
        rows, lines, _ = _read(hostile_readers.raises)
    assert rows is None
    assert lines == ["figures.xlsx: this file could not be read: the reader failed (KeyError: 'a bug in a reader') -> "
                     f"{READ_AGAIN}"]
    assert "Traceback" in caplog.text and "raise KeyError" in caplog.text
