"""Careless or hostile workbooks (issue 23): a cell that cannot be read as its figure is refused at its
Sheet!Cell, never stored as "not reported" or as another number, and a sheet that cannot be read
gives a message, never a traceback or a dead process.

Each case starts from the project's own export of the shipped store (which loads back as "nothing to
change") and edits one cell of its sheet XML, as Excel, LibreOffice or the .NET Open XML SDK would
write it.
"""

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from spotlight_dash import workbook_template
from spotlight_dash.ingest import pipeline

ROOT = Path(__file__).resolve().parents[1]
MEDIA_HITS = '<c r="I2" t="n"><v>77</v></c>'  # Media!I2: the programme's 77 media hits in 2020
UNW_BUDGET = '<c r="H2" t="n"><v>2541617</v></c>'  # Finance!H2: UN Women's approved budget, USD 2,541,617


def _export() -> bytes:
    _, current, _, _ = pipeline.current_tables()
    return workbook_template.export_bytes(current, "test")


def _sheet_member(book: zipfile.ZipFile, sheet: str) -> str:
    workbook_xml = book.read("xl/workbook.xml").decode()
    rel_id = re.search(rf'name="{re.escape(sheet)}"[^>]*r:id="(\w+)"', workbook_xml).group(1)
    rels = book.read("xl/_rels/workbook.xml.rels").decode()
    target = re.search(rf'Target="([^"]+)" Id="{rel_id}"', rels).group(1)
    return target.lstrip("/")


def _edited(sheet: str, edit) -> bytes:
    """The export with ``edit`` applied to the XML text of ``sheet``."""
    source = zipfile.ZipFile(io.BytesIO(_export()))
    member = _sheet_member(source, sheet)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == member:
                edited = edit(data.decode())
                assert edited != data.decode(), "the edit found nothing to change"
                data = edited.encode()
            target.writestr(info, data)
    return out.getvalue()


def _replaced(old: str, new: str):
    return lambda xml: xml.replace(old, new)


def _in_row_2(cell: str):
    """Adds a cell at the end of row 2."""
    return lambda xml: re.sub(r'(<row r="2"[^>]*>.*?)(</row>)', lambda m: m.group(1) + cell + m.group(2), xml,
                              count=1, flags=re.S)


def _prefixed(xml: str) -> str:
    """The sheet as the .NET Open XML SDK writes it: every element under the x: prefix."""
    xml = xml.replace('<worksheet xmlns="', '<worksheet xmlns:x="', 1)
    return re.sub(r"<(/?)([A-Za-z][\w]*)(?=[\s/>])", r"<\1x:\2", xml)


def _checked(data: bytes) -> tuple[str, list[str]]:
    result = pipeline.check_workbook(data, "export.xlsx")
    return result.status, result.report.detailed_lines()


def test_the_unedited_export_loads_back_unchanged(store_copy):
    assert _checked(_export()) == ("nothing to change", [])


@pytest.mark.parametrize("error", ["#DIV/0!", "#N/A", "#VALUE!", "#REF!"])
def test_an_excel_error_value_is_refused_at_its_cell_not_read_as_not_reported(store_copy, error):
    data = _edited("Media", _replaced(MEDIA_HITS, f'<c r="I2" t="e"><v>{error}</v></c>'))
    assert _checked(data) == ("problems", [
        f"Media!I2: count: the cell holds the Excel error {error}, not a value -> correct the formula or type the "
        "figure; leave the cell empty only if it was not reported"])


@pytest.mark.parametrize("cell", [
    '<c t="n" r="H2"><f>SUM(2541000,617)</f></c>',  # t before r
    '<c r="H2" t="n"><f>SUM(2541000,617)</f><v></v></c>',
    "<c t='n' s='0' r='H2'><f>SUM(2541000,617)</f><v/></c>",  # single quotes
], ids=["t-before-r", "empty-v", "single-quotes"])
@pytest.mark.parametrize("prefix", [False, True], ids=["plain", "x-prefixed"])
def test_a_formula_without_a_saved_value_is_refused_in_any_attribute_order_and_prefix(store_copy, cell, prefix):
    def edit(xml):
        xml = xml.replace(UNW_BUDGET, cell)
        return _prefixed(xml) if prefix else xml

    status, lines = _checked(_edited("Finance", edit))
    assert (status, lines) == ("problems", [
        "Finance!H2: amount: the formula =SUM(2541000,617) has no saved value -> open the file in Excel, let it "
        "calculate, save, and load it again; or type the value"])


def test_a_prefixed_sheet_with_saved_values_is_read_like_any_other(store_copy):
    data = _edited("Finance", lambda xml: _prefixed(xml.replace(UNW_BUDGET, '<c r="H2"><f>SUM(2541000,617)</f>'
                                                                           "<v>2541617</v></c>")))
    assert _checked(data) == ("nothing to change", [])
    changed = _edited("Finance", lambda xml: _prefixed(xml.replace(UNW_BUDGET, '<c r="H2"><v>2541618</v></c>')))
    result = pipeline.check_workbook(changed, "export.xlsx")
    assert result.status == "valid"
    updated = result.comparison.tables["finance"].changed
    assert len(updated) == 1 and updated.iloc[0]["amount"] == 2541618


@pytest.mark.parametrize("cell, message", [
    ('<c r="I2" t="b"><v>1</v></c>', "count: TRUE is not a number -> enter the number, or leave the cell empty "
                                     "if it was not reported"),
    ('<c r="I2" t="inlineStr"><is><t>1_000</t></is></c>', "count: '1_000' is not a number as Excel reads one -> "
     "enter digits only, with a point for decimals (1234.5); no underscores or words"),
    ('<c r="I2" t="inlineStr"><is><t>Infinity</t></is></c>', "count: 'Infinity' is not a finite number -> enter a "
     "number, or leave the cell empty if it was not reported"),
    ('<c r="I2" t="n"><v>1180591620717411303424</v></c>', "count: 1,180,591,620,717,411,303,424 is too large to be "
     "a count -> check the figure: a count is at most 9,223,372,036,854,775,807"),
], ids=["TRUE", "1_000", "Infinity", "2**70"])
def test_what_excel_would_not_count_is_refused_in_a_count(store_copy, cell, message):
    assert _checked(_edited("Media", _replaced(MEDIA_HITS, cell))) == ("problems", [f"Media!I2: {message}"])


def test_a_number_typed_with_spaces_between_thousands_is_still_read(store_copy):
    result = pipeline.check_workbook(_edited("Finance", _replaced(
        UNW_BUDGET, '<c r="H2" t="inlineStr"><is><t>2 541 618</t></is></c>')), "export.xlsx")
    assert result.status == "valid" and result.comparison.tables["finance"].changed.iloc[0]["amount"] == 2541618


def test_a_value_under_a_column_with_no_header_is_refused_not_dropped(store_copy):
    data = _edited("Media", _in_row_2('<c r="L2" t="n"><v>5</v></c>'))
    assert _checked(data) == ("problems", [
        "Media!L2: a value under a column with no name in row 1 (L1 is empty), so it would be lost (the cell holds "
        "5.0) -> name the column in L1 (one of: programme_id, period_id, measure, country, pillar, media_type, "
        "outlet, published_on, count, source_id) or delete its values"])


def test_text_longer_than_a_cell_holds_is_refused_and_quoted_short(store_copy):
    long_text = "x" * 32_768
    data = _edited("Media", _replaced(MEDIA_HITS, f'<c r="G2" t="inlineStr"><is><t>{long_text}</t></is></c>'
                                      + MEDIA_HITS))
    status, lines = _checked(data)
    assert status == "problems" and len(lines) == 1
    assert lines[0].startswith("Media!G2: outlet: the text is 32,768 characters long, more than a cell can hold "
                               "(32,767); Excel and the export would cut it")
    assert len(lines[0]) < 400  # the value is quoted by its start and length, not echoed whole


def test_an_unknown_entity_in_a_cell_is_a_message_not_a_traceback(store_copy):
    data = _edited("Media", _replaced(MEDIA_HITS, '<c r="G2" t="inlineStr"><is><t>a&bogus;b</t></is></c>'
                                      + MEDIA_HITS))
    status, lines = _checked(data)
    assert status == "problems" and len(lines) == 1
    assert lines[0].startswith("Media!A1: the sheet 'Media' cannot be read (")
    assert lines[0].endswith("-> open the workbook in Excel and save it again")


STRAY_LAST_CELL = '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'


def test_a_stray_value_in_the_last_cell_of_a_sheet_is_refused_before_it_is_read(store_copy):
    data = _edited("Media", _replaced("</sheetData>", STRAY_LAST_CELL))
    assert _checked(data) == ("problems", [
        "Media!A1048576: the sheet reaches row 1,048,576, above the limit of 200,000 rows -> if that row holds a "
        "stray value, delete it (Ctrl+End in Excel goes to the last cell); otherwise split the rows into several "
        "workbooks"])
    far_right = _edited("Media", _in_row_2('<c r="XFD2" t="n"><v>1</v></c>'))
    assert _checked(far_right) == ("problems", [
        "Media!XFD2: a value at XFD2, far to the right of any table's columns -> delete the stray value (Ctrl+End in "
        "Excel goes to the last cell) and save"])


def test_the_command_line_refuses_the_stray_cell_workbook_with_exit_1(store_copy, tmp_path):
    path = tmp_path / "stray.xlsx"
    path.write_bytes(_edited("Media", _replaced("</sheetData>", STRAY_LAST_CELL)))
    done = subprocess.run([sys.executable, "-m", "spotlight_dash", "import", "--dry-run", str(path)], cwd=ROOT,
                          env={**os.environ, "SPOTLIGHT_STORE": str(store_copy)}, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1, done.stderr
    assert "Media!A1048576: the sheet reaches row 1,048,576" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_workbook_with_no_template_sheet_or_no_rows_is_refused_not_called_unchanged(store_copy):
    blank = io.BytesIO()
    Workbook().save(blank)
    status, lines = _checked(blank.getvalue())
    assert status == "problems" and len(lines) == 1
    assert lines[0].startswith("export.xlsx: this is not a Spotlight workbook: none of its sheets ('Sheet') is one "
                               "of the template's (Documents, Sources, Periods,")
    status, lines = _checked(workbook_template.template_bytes())
    assert status == "problems" and len(lines) == 1
    assert lines[0].startswith("Documents!A2: the workbook holds no rows: Documents, Sources, Periods,")


def test_a_merge_over_the_whole_sheet_is_reported_once_without_marking_17_billion_cells(store_copy):
    whole_sheet = '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    status, lines = _checked(_edited("Media", _replaced("</sheetData>", whole_sheet)))
    assert (status, lines) == ("problems", [
        "Media!A1: programme_id: merged cells A1:XFD1048576 in the data area; only the first cell of a merge keeps its value -> "
        "unmerge the cells (Home > Merge & Center) and fill in every cell"])


def _cli(*args, folder):
    return subprocess.run([sys.executable, "-m", "spotlight_dash", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "SPOTLIGHT_STORE": str(folder)})


def test_the_command_line_measures_a_file_before_reading_it(store_copy, tmp_path):
    huge = tmp_path / "huge.xlsx"
    with huge.open("wb") as stream:
        stream.truncate(3 * 2**30)  # 3 GB on paper, nothing on disk: only a size check can be this quick
    done = _cli("import", "--dry-run", str(huge), folder=store_copy)
    assert (done.returncode, done.stderr) == (1, "huge.xlsx: the file is 3072.0 MB, above the limit of 25 MB -> "
                                                 "split the rows into several workbooks and load them one after the "
                                                 "other\n1 error(s) in huge.xlsx; nothing was written\n")
    for command, limit, fix in [("import", 25, "split the rows into several workbooks and load them one after the "
                                 "other"), ("iati", 60, "split the activities into several files")]:
        endless = _cli(command, "/dev/zero", folder=store_copy)  # no size, no end: read to the limit and no further
        assert (endless.returncode, endless.stderr) == (1, f"zero: the file is larger than the limit of {limit} MB -> "
                                                           f"{fix}\n1 error(s) in zero; nothing was written\n")


@pytest.mark.parametrize("formatting", [
    '<row r="1048576" ht="16.5"/></sheetData>',  # as in POI's style-alternate-content.xlsx
    '<row r="1048576" s="1" customFormat="1"><c r="A1048576" s="1"/><c r="XFD1048576" s="1"></c></row></sheetData>',
], ids=["empty-row", "styled-cells"])
def test_formatting_without_values_at_the_end_of_a_sheet_is_no_stray_value(store_copy, formatting):
    assert _checked(_edited("Media", _replaced("</sheetData>", formatting))) == ("nothing to change", [])


def test_styled_empty_cells_far_to_the_right_are_no_stray_values(store_copy):
    styled = "".join(f'<c r="{column}2" s="1"/>' for column in ("BA", "ZZ", "XFD"))  # as in POI's 51585.xlsx
    assert _checked(_edited("Media", _in_row_2(styled))) == ("nothing to change", [])
