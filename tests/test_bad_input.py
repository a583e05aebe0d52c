"""Random values, types and shapes thrown at the workbook reader: never a crash, only reported problems.

Small examples and a fixed budget (hypothesis, max_examples ~30, no deadline) keep the suite fast.
IATI files get the same treatment once the IATI reader exists (issue 5).
"""

import datetime as dt
import io
import zipfile

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from spotlight_dash import schema
from spotlight_dash.ingest import pipeline
from workbook_fixtures import FINANCE, book, finance_row

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
STATUSES = {"problems", "warnings", "valid", "nothing to change"}

# Text openpyxl can store (no control characters or lone surrogates), formula-looking text included.
text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.sampled_from(["=1+1", "+SUM(A1)", "-2", "@x", "KAZ", " kaz ", "UNW", "2021", "SI-CA-REG", "1e309", "NaN",
                     "<script>alert(1)</script>", "Kazakstan", "expenditure", "USD", "TRUE", ""]),
)
cell = st.one_of(
    st.none(), st.booleans(), text,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 12, 31)),
)


# The byte-level tests run against the empty store of each test (nothing to compare with, and fast);
# the cell-level ones against the shipped store, so that references and codes are really checked.


def _check(data: bytes):
    result = pipeline.check_workbook(data, "random.xlsx")
    assert result.status in STATUSES
    for line in result.report.detailed_lines():
        placed = line.removeprefix("warning: ")  # a warning says so first, then its place
        assert placed.startswith("random.xlsx") or "!" in placed.split(":")[0], line  # every problem has its place
    if result.status == "problems":
        assert result.report.errors and result.comparison is None
    return result




@SETTINGS
@given(rows=st.lists(st.lists(cell, min_size=0, max_size=len(FINANCE) + 2), min_size=0, max_size=4))
def test_random_cells_under_the_finance_headers_are_reported_never_raised(use_shipped, rows):
    _check(book({"finance": [FINANCE, *rows]}))


@SETTINGS
@given(headers=st.lists(st.one_of(st.sampled_from(FINANCE), text, st.integers(), st.none()), max_size=14),
       rows=st.lists(st.lists(cell, max_size=14), max_size=3),
       sheet=st.one_of(st.sampled_from([t.sheet for t in schema.TABLES.values()]), text.filter(bool)))
def test_random_headers_and_sheet_names_are_reported_never_raised(use_shipped, headers, rows, sheet):
    try:
        data = book({sheet[:31]: [headers, *rows]})
    except ValueError:  # a sheet name Excel itself refuses ([]:*?/\): no workbook to test
        return
    _check(data)


@SETTINGS
@given(column=st.sampled_from(FINANCE), value=cell)
@example(column="amount", value=2_541_618.0)  # found by hypothesis: a warning (above budget) has its place too
def test_any_value_in_any_column_of_a_good_row_is_checked_never_raised(use_shipped, column, value):
    _check(book({"finance": [FINANCE, finance_row(activity_id="PROP-1"), finance_row(**{column: value})]}))


@SETTINGS
@given(data=st.binary(max_size=2048))
def test_random_bytes_are_refused_with_a_message(data):
    result = _check(data)
    assert result.status == "problems"


@SETTINGS
@given(cut=st.integers(min_value=1, max_value=4000), flip=st.integers(min_value=0, max_value=4000))
def test_truncated_or_damaged_workbooks_are_refused_with_a_message(cut, flip):
    good = bytearray(book({"finance": [FINANCE, finance_row()]}))
    damaged = bytearray(good[: max(1, len(good) - cut)])
    if flip < len(damaged):
        damaged[flip] ^= 0xFF
    _check(bytes(damaged))


@SETTINGS
@given(members=st.dictionaries(st.sampled_from(["xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml",
                                                "xl/_rels/workbook.xml.rels", "docProps/app.xml"]),
                               st.binary(max_size=300), max_size=5))
@example(members={"xl/workbook.xml": b""})  # raised ParseError before the reader caught it
def test_zips_with_random_members_are_refused_with_a_message(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    assert _check(out.getvalue()).status == "problems"
