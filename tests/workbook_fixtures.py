"""Small workbooks built in the tests, each with one thing wrong (or right) in a known cell."""

import io

from openpyxl import Workbook

from spotlight_dash import schema

FINANCE = schema.TABLES["finance"].columns
GOOD_FINANCE = ["SI-CA-REG", "UNW", "2021", "expenditure", None, None, None, 1000, "USD", False, "AR2020-budget-unw", False]


def finance_row(**changes):
    row = dict(zip(FINANCE, GOOD_FINANCE))
    row.update(changes)
    return [row[c] for c in FINANCE]


def book(sheets: dict, epoch=None) -> bytes:
    """sheets: name -> rows (row 1 = headers); a table name may be given instead of its sheet name."""
    wb = Workbook()
    wb.remove(wb.active)
    if epoch is not None:
        wb.epoch = epoch
    for name, rows in sheets.items():
        ws = wb.create_sheet(schema.TABLES[name].sheet if name in schema.TABLES else name)
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
