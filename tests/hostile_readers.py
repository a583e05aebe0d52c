"""Readers that fail in every way a reader of untrusted bytes can, for tests/test_sandbox.py.

Module-level functions with a reader's signature, so that the sandbox's child can import them."""

import io
import time

from python_calamine import CalamineWorkbook


def hangs(data, filename, report):
    time.sleep(3600)


def spins(data, filename, report):
    while True:
        pass


def eats_memory(data, filename, report):
    hoard = []
    while True:
        hoard.append(bytearray(2**26))


def returns_too_much(data, filename, report):
    return b"x" * 2**25


def raises(data, filename, report):
    raise KeyError("a bug in a reader")


def calamine_grid(data, filename, report):
    """Every sheet's values as calamine reads them, with no look at the sheet's extent first."""
    book = CalamineWorkbook.from_object(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def echoes(data, filename, report):
    from spotlight_dash.ingest.report import Place
    report.add(Place(filename), "a warning from the child", "nothing to do", severity="warning")
    return {"length": len(data), "filename": filename}
