"""Apache POI's 74 odd workbooks (fuzzed, Strict OOXML, namespace-prefixed, encrypted, external
links, XML bombs, duplicate parts) through the import check: none crashes, hangs or is accepted.

Each file's outcome is written down below, and, as an independent reading, every sheet in which
openpyxl finds a value is named by a problem (or the whole file is refused), so no sheet with
values passes as empty. None of these files is a Spotlight workbook, so each is refused; what
matters is that the refusal says what the file is.
"""

import re
import time
import warnings
from pathlib import Path

import openpyxl
import pytest

from spotlight_dash.ingest import pipeline

POI = Path(__file__).resolve().parents[2] / "shared" / "reference" / "external" / "xlsx-poi"
pytestmark = pytest.mark.skipif(not POI.is_dir(), reason="../shared/reference/external/xlsx-poi is not here")

# file -> the start of its first problem (place and message)
EXPECTED = {
    '1_NoIden.xlsx': "시트_테스트(1)!A1: unknown sheet '시트_테스트(1)'",
    '46535.xlsx':
        '46535.xlsx: the workbook links to other files (external links), whose values could change unseen',
    '47889.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    '51585.xlsx': '51585.xlsx: this is not a Spotlight workbook',
    '55864.xlsx': "Tabelle1!A1: unknown sheet 'Tabelle1'",
    '56295.xlsx': "pets!A1: unknown sheet 'pets'",
    '57893-many-merges.xlsx': '57893-many-merges.xlsx: this is not a Spotlight workbook',
    '58325_db.xlsx': "MetasNM001!A1: unknown sheet 'MetasNM001'",
    '59021.xlsx': "ERIS Rates & Codes!A1: unknown sheet 'ERIS Rates & Codes'",
    '59746_NoRowNums.xlsx': "Features!A1: unknown sheet 'Features'",
    '62272.xlsx': "Tabelle1!A1: unknown sheet 'Tabelle1'",
    '64508.xlsx': "sheet1!A1: unknown sheet 'sheet1'",
    '65016.xlsx': "26 Mar 2014 11_11_02!A1: unknown sheet '26 Mar 2014 11_11_02'",
    '66365.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    'AverageTaxRates.xlsx': "Avgtxfull!A1: unknown sheet 'Avgtxfull'",
    'BrNotClosed.xlsx': 'BrNotClosed.xlsx: this is not a Spotlight workbook',
    'CVLKRA-KYC_Download_File_Structure_V3.1.xlsx': "KYC HEADER!A1: unknown sheet 'KYC HEADER'",
    'ConditionalFormattingSamples.xlsx': "Home!A1: unknown sheet 'Home'",
    'CustomXMLMappings.xlsx': "Foglio1!A1: unknown sheet 'Foglio1'",
    'DataValidationListTooLong.xlsx': "Sheet0!A1: unknown sheet 'Sheet0'",
    'DateFormatTests.xlsx': "Flags!A1: unknown sheet 'Flags'",
    'ExcelTables.xlsx': "ExcelTable!A1: unknown sheet 'ExcelTable'",
    'Excel_file_with_trash_item.xlsx': "Teams!A1: unknown sheet 'Teams'",
    'FormulaEvalTestData_Copy.xlsx': "EverythingTests!A1: unknown sheet 'EverythingTests'",
    'InlineString.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    'InlineStrings.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    'MalformedSSTCount.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    'SampleSS.strict.xlsx': "First Sheet!A1: unknown sheet 'First Sheet'",
    'SimpleStrict.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    'Tables.xlsx': "Exp1!A1: unknown sheet 'Exp1'",
    'TwoSheetsOneHidden.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    'WithChartSheet.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    'WithEmbeded.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    'bug64512_embed.xlsx': 'bug64512_embed.xlsx: this is not a Spotlight workbook',
    'chart_sheet.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    'clusterfuzz-testcase-minimized-POIFuzzer-5040805309710336.xlsx':
        'clusterfuzz-testcase-minimized-POIFuzzer-5040805309710336.xlsx: the workbook is damaged',
    'clusterfuzz-testcase-minimized-POIXSSFFuzzer-4828727001088000.xlsx':
        'clusterfuzz-testcase-minimized-POIXSSFFuzzer-4828727001088000.xlsx: the workbook is damaged',
    'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5089447305609216.xlsx':
        'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5089447305609216.xlsx: the file is not an Excel workbook',
    'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5185049589579776.xlsx':
        'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5185049589579776.xlsx: the workbook is damaged',
    'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5265527465181184.xlsx':
        'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5265527465181184.xlsx: the workbook is damaged',
    'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx':
        'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx: the workbook is damaged',
    'clusterfuzz-testcase-minimized-POIXSSFFuzzer-6123461607817216.xlsx':
        'clusterfuzz-testcase-minimized-POIXSSFFuzzer-6123461607817216.xlsx: the file is not an Excel workbook',
    'clusterfuzz-testcase-minimized-POIXSSFFuzzer-6419366255919104.xlsx':
        'clusterfuzz-testcase-minimized-POIXSSFFuzzer-6419366255919104.xlsx: the file is not an Excel workbook',
    'clusterfuzz-testcase-minimized-POIXSSFFuzzer-6448258963341312.xlsx':
        'clusterfuzz-testcase-minimized-POIXSSFFuzzer-6448258963341312.xlsx: the workbook is damaged',
    'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5025401116950528.xlsx':
        'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5025401116950528.xlsx: the workbook is damaged',
    'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5542865479270400.xlsx':
        'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5542865479270400.xlsx: the file is not an Excel workbook',
    'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx':
        'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx: the file is not an Excel workbook',
    'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-6504225896792064.xlsx':
        'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-6504225896792064.xlsx: the workbook is damaged',
    'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-6594557414080512.xlsx':
        'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-6594557414080512.xlsx: the file is not an Excel workbook',
    'craftonhills.edu_programreview_report.aspx_goalpriorityreport_0011d159-1eeb-4b63-8833-867b0926e5f3.xlsx':
        "Report!A1: unknown sheet 'Report'",
    'crash-274d6342e4842d61be0fb48eaadad6208ae767ae.xlsx':
        'crash-274d6342e4842d61be0fb48eaadad6208ae767ae.xlsx: the workbook is damaged',
    'crash-9bf3cd4bd6f50a8a9339d363c2c7af14b536865c.xlsx':
        'crash-9bf3cd4bd6f50a8a9339d363c2c7af14b536865c.xlsx: the file is password-protected',
    'duplicate-filename-case-insensitive.xlsx':
        'duplicate-filename-case-insensitive.xlsx: the workbook holds two parts named xl/worksheets/sheet1.xml and xl/worksheets/Sheet1.xml',
    'duplicate-filename.xlsx':
        'duplicate-filename.xlsx: the workbook holds two parts named xl/worksheets/sheet1.xml and xl/worksheets/sheet1.xml',
    'link-external-workbook-a.xlsx': "Sheet0!A1: unknown sheet 'Sheet0'",
    'link-external-workbook-b.xlsx': 'link-external-workbook-b.xlsx: the workbook links to other files',
    'noSharedStringTable.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    'no_drawing_patriarch.xlsx': "Лист 1!A1: unknown sheet 'Лист 1'",
    'poc-shared-strings.xlsx':
        "Tabelle1!A1: the sheet 'Tabelle1' cannot be read (Range is missing the expected row component.)",
    'poc-xmlbomb-empty.xlsx':
        'poc-xmlbomb-empty.xlsx: the workbook cannot be read (Cannot detect file format)',
    'poc-xmlbomb.xlsx': 'poc-xmlbomb.xlsx: the workbook cannot be read (Cannot detect file format)',
    'protected_passtika.xlsx': 'protected_passtika.xlsx: the file is password-protected',
    'reordered_sheets.xlsx': "Sheet2!A1: unknown sheet 'Sheet2'",
    'right-to-left.xlsx': "English!A1: unknown sheet 'English'",
    'sample.strict.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    'sheetProtection_allLocked.xlsx': 'sheetProtection_allLocked.xlsx: this is not a Spotlight workbook',
    'simple-monthly-budget.xlsx': "Simple Monthly Budget!A1: unknown sheet 'Simple Monthly Budget'",
    'style-alternate-content.xlsx': "Sheet2!A1: unknown sheet 'Sheet2'",
    'template.xlsx': 'template.xlsx: this is not a Spotlight workbook',
    'unicodeSheetName.xlsx': "Sheet・1!A1: unknown sheet 'Sheet・1'",
    'workbookProtection-workbook_password-2013.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
    'xlsx-corrupted.xlsx': 'xlsx-corrupted.xlsx: the workbook cannot be read (Cannot detect file format)',
    'xlsx-jdbc.xlsx': "Sheet_number_1!A1: unknown sheet 'Sheet_number_1'",
    'xxe_in_schema.xlsx': "Sheet1!A1: unknown sheet 'Sheet1'",
}
FILE_LEVEL = ("the workbook", "the file", "this is not a Spotlight workbook")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    results = {}
    for path in sorted(POI.glob("*.xlsx")):
        started = time.monotonic()
        result = pipeline.check_workbook(path.read_bytes(), path.name)
        results[path.name] = (result.status, result.report.detailed_lines(), time.monotonic() - started)
    return results


def test_every_odd_workbook_is_refused_with_the_message_written_down(outcomes):
    assert sorted(outcomes) == sorted(EXPECTED)  # the folder holds the 74 files, no more, no fewer
    for name, (status, lines, seconds) in outcomes.items():
        assert status == "problems" and lines, name
        assert lines[0].startswith(EXPECTED[name]), (name, lines[0])
        assert seconds < 10, (name, seconds)
        assert all("Traceback" not in line and len(line) < 2000 for line in lines), name


def _sheets_with_values(path: Path) -> set[str] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, data_only=True)
    except Exception:  # noqa: BLE001 - a file openpyxl cannot open has no second reading here
        return None
    return {sheet.title for sheet in book.worksheets
            if any(cell.value is not None for row in sheet.iter_rows() for cell in row)}


def test_no_sheet_openpyxl_finds_values_in_passes_as_empty(outcomes):
    compared = 0
    for name, (_, lines, _) in outcomes.items():
        with_values = _sheets_with_values(POI / name)
        if with_values is None:
            continue
        compared += 1
        named = {line.split("!")[0] for line in lines if "!" in line.split(":")[0]}
        refused_whole = any(line.split(": ", 1)[1].startswith(FILE_LEVEL[:2]) for line in lines
                            if line.startswith(name + ":"))
        said_empty = any("this is not a Spotlight workbook" in line for line in lines)
        if refused_whole:
            continue
        assert not (said_empty and with_values), (name, with_values)
        assert with_values <= named, (name, with_values - named)
    assert compared >= 50  # most of the files do open in openpyxl
