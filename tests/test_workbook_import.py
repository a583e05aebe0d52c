"""Loading figures from Excel: template, export round trip, every problem with its cell, safety."""

import io
import os
import signal
import subprocess
import sys
import time
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from conftest import ROOT
from spotlight_dash import schema, store, workbook_template
from spotlight_dash.ingest import pipeline, workbook
from workbook_fixtures import FINANCE, book, finance_row

IV = schema.TABLES["indicator_values"].columns
PERIODS = schema.TABLES["periods"].columns


def _lines(data, name="figures.xlsx", **kw):
    return pipeline.check_workbook(data, name, **kw).report.detailed_lines()


def _cli(*args, folder, **kw):
    env = {**os.environ, "SPOTLIGHT_STORE": str(folder)}
    return subprocess.run([sys.executable, "-m", "spotlight_dash", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180, **kw)


def test_export_then_import_into_an_empty_store_gives_back_every_table_exactly(store_copy, tmp_path, monkeypatch):
    _, before, _, _ = pipeline.current_tables()
    exported = workbook_template.export_bytes(before, "test")
    monkeypatch.setenv("SPOTLIGHT_STORE", str(tmp_path / "empty"))
    result = pipeline.import_workbook(exported, "export.xlsx", "tester")
    assert result.status == "committed" and result.version == 1
    _, after, runs, _ = pipeline.current_tables()
    for name, frame in before.items():
        pd.testing.assert_frame_equal(after[name], frame, obj=name)
    run = runs.iloc[-1]
    assert (run.run_kind, run.user_name, run.file) == ("import", "tester", "export.xlsx")
    assert len(run.sha256) == 64 and '"finance": 9' in run.rows_json
    again = pipeline.import_workbook(exported, "export.xlsx", "tester")
    assert again.status == "nothing to change" and again.version is None
    assert store.versions() == [1]  # the same file twice: no second snapshot


def test_every_imported_row_can_say_which_file_sheet_and_row_it_came_from(store_copy):
    data = book({"finance": [FINANCE, finance_row(activity_id="ACT-7")]})
    result = pipeline.import_workbook(data, "q3-figures.xlsx", "tester")
    assert result.status == "committed"
    row = dict(zip(FINANCE, finance_row(activity_id="ACT-7")), pillar=None, country=None)
    found = pipeline.row_source("finance", row)
    assert (found["file"], found["sheet"], found["row_number"]) == ("q3-figures.xlsx", "Finance", 2)
    assert found["sha256"] == result.sha256 and found["version"] == result.version


def test_template_has_a_sheet_per_table_with_units_and_dropdowns_that_refuse_other_values(use_shipped):
    _, current, _, _ = pipeline.current_tables()
    wb = load_workbook(io.BytesIO(workbook_template.template_bytes(current)))
    assert wb.sheetnames[0] == "Instructions" and "Sources" in wb.sheetnames
    assert {t.sheet for t in schema.TABLES.values() if t.in_workbook} <= set(wb.sheetnames)
    assert not {t.sheet for t in schema.TABLES.values() if not t.in_workbook} & set(wb.sheetnames)  # IATI: XML only
    assert wb["Lists"].sheet_state == "hidden"
    finance = wb["Finance"]
    headers = [c.value for c in finance[1]]
    assert headers[FINANCE.index("amount")] == "amount (currency)"
    assert "required" in finance["A1"].comment.text
    rules = {str(dv.sqref).split(":")[0]: dv for dv in finance.data_validations.dataValidation}
    organisation = rules["B2"]
    assert organisation.type == "list" and organisation.showErrorMessage and organisation.errorStyle == "stop"
    assert organisation.formula1 == "'Lists'!$K$2:$K$5"  # UNW, UNFPA, UNDP, EU
    assert rules["C2"].formula1.startswith("'Periods'!$A$2:$A$")  # periods: the Periods sheet, which holds the store's
    assert [r[0].value for r in wb["Periods"].iter_rows(min_row=2)][:2] == ["2019", "2020"]
    assert wb["Finance"].max_row == 1  # fact sheets start empty


def test_every_problem_in_a_file_is_reported_at_once_with_sheet_cell_value_and_fix(store_copy):
    data = book({
        "finance": [FINANCE,
                    finance_row(amount="lots"),
                    finance_row(source_id=None),
                    finance_row(country="Kazakstan"),
                    finance_row(organisation="UN Womn"),
                    finance_row(pillar=7),
                    finance_row(period_id="2O21"),
                    finance_row(amount=-5, activity_id="A-1"),
                    finance_row(amount="inf", activity_id="A-2"),
                    finance_row(activity_id="dup"), finance_row(activity_id="dup")],
        "indicator_values": [IV, ["SI-CA-REG", "3.2.20", "2021", "actual", None, None, None, 5, None, "AR2020-ind-3.2.2"]],
        "delivery_rates": [schema.TABLES["delivery_rates"].columns,
                           ["SI-CA-REG", "2021", "reported", "UNW", 120, None, "AR2020-budget-unw"]],
        "periods": [PERIODS, ["2031", "2031", "2031-12-31", "2031-01-01"], ["2032", "2032", "end of 2032", "2032-12-31"]],
        "Budget": [["a"], [1]],
        "reach": [[c.replace("reach_type", "reach type") for c in schema.TABLES["reach"].columns]],
    })
    lines = _lines(data)
    expected = [
        "Finance!H2: amount: Input should be a valid number, unable to parse string as a number (the cell holds 'lots')"
        " -> enter a number without text or units; leave it empty if it was not reported",
        "Finance!K3: source_id: required value is empty -> fill in source_id; it is required",
        "Finance!F4: country: unknown country 'Kazakstan'; did you mean \"Kazakhstan (KAZ)\"? "
        "(allowed: KAZ, KGZ, TJK, TKM, UZB, AFG, REG, INT) -> use Kazakhstan (KAZ)",
        "Finance!B5: organisation: unknown organisation 'UN Womn'; did you mean \"UN Women (UNW)\"? "
        "(allowed: UNW, UNFPA, UNDP, EU) -> use UN Women (UNW)",
        "Finance!E6: pillar: unknown pillar 7 (allowed: 1, 2, 3, 4, 5, 6) -> use one of the allowed codes (see the template's dropdown)",
        "Finance!C7: period_id '2O21' is not in periods; did you mean '2021'? -> add it to the Periods sheet first, or correct the code",
        "Finance!H8: amount: Input should be greater than or equal to 0 (the cell holds -5.0) "
        "-> enter a value within the allowed range; leave it empty if it was not reported",
        "Finance!H9: amount: 'inf' is not a finite number -> enter a number, or leave the cell empty if it was not reported",
        "Finance!A11: duplicate key in finance: programme_id=SI-CA-REG, organisation=UNW, period_id=2021, kind=expenditure, "
        "activity_id=dup, currency=USD, source_id=AR2020-budget-unw also at Finance!A10 -> keep one of the two rows, or change a key column",
        "Indicator values!B2: indicator_code '3.2.20' is not in indicators; did you mean '3.2.2'? "
        "-> add it to the Indicators sheet first, or correct the code",
        "Delivery rates!E2: rate_pct: Input should be less than or equal to 100 (the cell holds 120.0) "
        "-> enter a value within the allowed range; leave it empty if it was not reported",
        "Periods!C2: start_date 2031-12-31 is after end_date 2031-01-01 (the cell holds '2031-12-31') -> swap the dates or correct one of them",
        "Periods!C3: start_date: 'end of 2032' is not a date -> enter a date as YYYY-MM-DD, e.g. 2021-06-30",
        "Budget!A1: unknown sheet 'Budget' -> rename it to one of the template's sheets (Documents, Sources, Periods, "
        "Programmes, Dates, Results, Indicators, Indicator values, Finance, Delivery rates, Reach, Media, Campaigns, "
        "Events, Grants, Reference group, SDG indicators, SDG values) or delete it",
        "Reach!D1: reach type: unknown column 'reach type' in Reach; did you mean 'reach_type'? -> rename it to one of: "
        "programme_id, period_id, kind, reach_type, sex, age_group, component, country, count, note, source_id",
        "Reach!L1: reach_type: missing required column 'reach_type' -> add the column to row 1 (copy the header from the template)",
    ]
    assert sorted(lines) == sorted(expected)
    before = store.versions()
    result = pipeline.import_workbook(data, "figures.xlsx", "tester")
    assert result.status == "problems" and store.versions() == before  # nothing written
    table = result.problems
    assert list(table.columns) == ["severity", "sheet", "cell", "column", "value", "problem", "how_to_fix"]
    assert table[(table.sheet == "Finance") & (table.cell == "H2")].iloc[0][["column", "value"]].tolist() == ["amount", "lots"]


def test_highlighted_workbook_marks_and_explains_each_problem_cell(store_copy):
    data = book({"finance": [FINANCE, finance_row(country="Kazakstan")]})
    result = pipeline.check_workbook(data, "figures.xlsx")
    marked = load_workbook(io.BytesIO(workbook_template.highlight_problems(data, result.report.problems)))
    cell = marked["Finance"]["F2"]
    assert cell.fill.fgColor.rgb.endswith("F4B6B6")
    assert "unknown country 'Kazakstan'" in cell.comment.text and "use Kazakhstan (KAZ)" in cell.comment.text
    assert marked["Finance"]["A2"].comment is None
    assert workbook_template.highlight_problems(b"not a workbook", []) is None


def test_codes_with_stray_spaces_or_other_case_are_normalised_not_refused(store_copy):
    data = book({"finance": [FINANCE, finance_row(organisation=" unw ", country="kaz ", kind="Expenditure",
                                                   activity_id="ACT-1")]})
    result = pipeline.import_workbook(data, "figures.xlsx", "tester")
    assert result.status == "committed", result.report.detailed_lines()
    added = result.comparison.tables["finance"].added
    assert added[["organisation", "country", "kind"]].iloc[0].tolist() == ["UNW", "KAZ", "expenditure"]


@pytest.mark.parametrize("epoch, expected", [(None, "2023-01-01"), (CALENDAR_MAC_1904, "2027-01-02")])
def test_excel_serial_dates_are_read_with_the_workbook_epoch(store_copy, epoch, expected):
    data = book({"periods": [PERIODS, ["2031", "2031", 44927, 45000]]}, epoch=epoch)  # General-format numbers
    result = pipeline.check_workbook(data, "periods.xlsx")
    assert result.report.ok, result.report.detailed_lines()
    start = result.comparison.tables["periods"].added.start_date.iloc[0]
    assert str(start.date()) == expected


def test_formula_without_saved_value_and_merged_cells_are_refused(store_copy):
    wb_bytes = book({"finance": [FINANCE, finance_row(amount="=SUM(1,2)"), finance_row(activity_id="X"),
                                 finance_row(activity_id="Y")]})
    wb = load_workbook(io.BytesIO(wb_bytes))
    wb["Finance"].merge_cells("F3:G3")
    buffer = io.BytesIO()
    wb.save(buffer)
    lines = _lines(buffer.getvalue())
    assert "Finance!H2: amount: the formula =SUM(1,2) has no saved value -> open the file in Excel, let it calculate, " \
           "save, and load it again; or type the value" in lines
    assert "Finance!F3: country: merged cells F3:G3 in the data area; only the first cell of a merge keeps its value " \
           "-> unmerge the cells (Home > Merge & Center) and fill in every cell" in lines
    assert len(lines) == 2


def test_text_that_looks_like_a_formula_is_kept_as_text_and_exported_as_text(store_copy):
    row = finance_row(activity_id="ACT-9")
    data = book({"finance": [FINANCE, row]})
    wb = load_workbook(io.BytesIO(data))
    for ref, text in (("G2", "=HYPERLINK(\"http://x\")"), ("K2", "AR2020-budget-unw")):
        wb["Finance"][ref].value = text
        wb["Finance"][ref].data_type = "s"
    buffer = io.BytesIO()
    wb.save(buffer)
    result = pipeline.import_workbook(buffer.getvalue(), "figures.xlsx", "tester")
    assert result.status == "committed", result.report.detailed_lines()
    _, current, _, _ = pipeline.current_tables()
    assert "=HYPERLINK(\"http://x\")" in set(current["finance"].activity_id)
    exported = workbook_template.export_bytes(current)
    sheet_xml = zipfile.ZipFile(io.BytesIO(exported)).read("xl/worksheets/sheet10.xml")
    assert b"<f>" not in sheet_xml and b"HYPERLINK" in sheet_xml
    cell = next(c for r in load_workbook(io.BytesIO(exported))["Finance"].iter_rows() for c in r
                if c.value == "=HYPERLINK(\"http://x\")")
    assert cell.data_type == "s" and cell.quotePrefix


def test_a_sheet_whose_dimension_lies_is_read_to_its_real_last_row(store_copy):
    data = book({"finance": [FINANCE, *[finance_row(activity_id=f"ACT-{i}") for i in range(5)]]})
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                content = content.replace(b'<dimension ref="A1:L6"/>', b'<dimension ref="A1:A1"/>')
            zout.writestr(info, content)
    assert b'ref="A1:A1"' in zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml")
    result = pipeline.check_workbook(out.getvalue(), "figures.xlsx")
    assert len(result.comparison.tables["finance"].added) == 5


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()


def test_files_that_are_not_plain_workbooks_are_refused_before_any_parsing(store_copy):
    good = book({"finance": [FINANCE, finance_row()]})
    members = {i.filename: zipfile.ZipFile(io.BytesIO(good)).read(i.filename)
               for i in zipfile.ZipFile(io.BytesIO(good)).infolist()}
    cases = {
        "figures.xlsm": (good, "figures.xlsm: the workbook contains macros (.xlsm); macros are never loaded "
                               "-> save it as Excel Workbook (.xlsx), which leaves the macros out"),
        "locked.xlsx": (workbook.OLE_MAGIC + b"\0" * 600, "locked.xlsx: the file is password-protected (encrypted) or an "
                        "old Excel 97-2003 .xls file -> remove the password (File > Info > Protect Workbook) and save as "
                        "Excel Workbook (.xlsx)"),
        "notes.xlsx": (b"programme_id,amount\n", "notes.xlsx: the file is not an Excel workbook (.xlsx) -> save it from "
                       "Excel as Excel Workbook (.xlsx), or start from the template"),
        "linked.xlsx": (_zip({**members, "xl/externalLinks/externalLink1.xml": b"<externalLink/>"}),
                        "linked.xlsx: the workbook links to other files (external links), whose values could change "
                        "unseen -> break the links (Data > Edit Links > Break Link), save, and load it again"),
    }
    for name, (data, message) in cases.items():
        assert _lines(data, name) == [message], name


def test_size_row_and_unzipped_caps(store_copy):
    good = book({"finance": [FINANCE, *[finance_row(activity_id=f"A{i}") for i in range(3)]]})
    small = workbook.Limits(max_file_bytes=1000)
    assert _lines(good, limits=small) == [
        f"figures.xlsx: the file is {len(good) / 2**20:.1f} MB, above the limit of 0 MB -> split the rows into "
        "several workbooks and load them one after the other"]
    assert _lines(good, limits=workbook.Limits(max_rows_per_sheet=2)) == [
        "Finance!A1: the sheet has 3 rows, above the limit of 2 -> split the rows into several workbooks and load "
        "them one after the other"]
    bomb = _zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"<row>" + b"0" * 3 * 2**20})
    assert len(bomb) < 20_000
    assert _lines(bomb, limits=workbook.Limits(max_unzipped_bytes=2 * 2**20)) == [
        "figures.xlsx: the file expands to more than 2 MB when unzipped, too much for a data workbook (a zip bomb?) "
        "-> remove what is not data (images, other sheets) or split the workbook"]


def test_a_zip_directory_that_understates_sizes_does_not_get_past_the_budget(store_copy):
    bomb = bytearray(_zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"0" * 3 * 2**20}))
    # Shrink the stated uncompressed size (central directory: offset 24 of each entry) to 10 bytes.
    start = bomb.rfind(b"PK\x01\x02")
    bomb[start + 24:start + 28] = (10).to_bytes(4, "little")
    lines = _lines(bytes(bomb), limits=workbook.Limits(max_unzipped_bytes=2 * 2**20))
    assert lines and ("zip bomb" in lines[0] or "damaged" in lines[0])


def test_warnings_are_shown_and_commit_only_when_acknowledged(store_copy):
    data = book({
        "finance": [FINANCE, finance_row(amount=3_000_000, activity_id=None)],
        "indicator_values": [IV, ["SI-CA-REG", "3.2.2", "2022", "target", None, None, None, 10, None, "AR2020-ind-3.2.2"],
                             ["SI-CA-REG", "3.2.2", "2023", "baseline", None, None, None, 100, None, "AR2020-ind-3.2.2"],
                             ["SI-CA-REG", "3.3.3", "2022", "actual", None, None, None, 9000, None, "AR2020-ind-3.3.3"]],
    })
    result = pipeline.import_workbook(data, "figures.xlsx", "tester")
    assert result.status == "warnings" and result.version is None
    warnings = result.report.detailed_lines()
    assert "warning: Finance!H2: amount: expenditure 3,000,000 USD is above the budget of 2,541,617 USD for UNW " \
           "(the cell holds 3000000.0) -> check the amount and the currency; accept the warning if the overspend is real" in warnings
    assert "warning: Indicator values!H2: value: the target 10 is below the baseline 100, but higher is better for " \
           "indicator 3.2.2 (the cell holds 10.0) -> check the target, the baseline and the indicator's direction" in warnings
    assert any(line.startswith("warning: Indicator values!H4: value: the value 9000 is far outside this indicator's history")
               for line in warnings)
    accepted = pipeline.import_workbook(data, "figures.xlsx", "tester", accept_warnings=True)
    assert accepted.status == "committed"


def test_cli_import_dry_run_undo_and_history(store_copy, tmp_path):
    good = tmp_path / "good.xlsx"
    good.write_bytes(book({"finance": [FINANCE, finance_row(activity_id="CLI-1")]}))
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(book({"finance": [FINANCE, finance_row(amount="lots", country="Kazakstan")]}))
    before = store.current_state(store_copy).version
    checked = _cli("import", str(bad), folder=store_copy)
    assert checked.returncode == 1
    assert "Finance!H2: amount: Input should be a valid number" in checked.stderr
    assert "Finance!F2: country: unknown country 'Kazakstan'" in checked.stderr
    assert "nothing was written" in checked.stderr
    dry = _cli("import", str(good), "--dry-run", folder=store_copy)
    assert dry.returncode == 0 and "finance: +1 added" in dry.stdout and "nothing was written" in dry.stdout
    assert store.current_state(store_copy).version == before
    done = _cli("import", str(good), "--user", "amina", folder=store_copy)
    assert done.returncode == 0, done.stderr
    assert store.current_state(store_copy).version == before + 1
    assert "nothing to change" in _cli("import", str(good), folder=store_copy).stdout
    history = _cli("imports", folder=store_copy).stdout
    assert "import   by amina  good.xlsx" in history and "rows: finance 1" in history
    undone = _cli("undo-import", folder=store_copy)
    assert undone.returncode == 0, undone.stderr
    with store.open_reader(store.current_state(store_copy).path) as con:
        assert "CLI-1" not in set(store.read_tables(con, ["finance"])["finance"].activity_id)
    assert "was made by a rollback, not an import" in _cli("undo-import", folder=store_copy).stderr
    template = tmp_path / "template.xlsx"
    assert _cli("template", str(template), folder=store_copy).returncode == 0
    assert "Finance" in load_workbook(template).sheetnames


def test_removal_happens_only_for_the_table_named(store_copy):
    _, current, _, _ = pipeline.current_tables()
    kept = current["media"].iloc[:2]
    data = workbook_template.export_bytes({"media": kept})
    plain = pipeline.check_workbook(data, "media.xlsx")
    assert plain.status == "nothing to change"
    removing = pipeline.import_workbook(data, "media.xlsx", "tester", remove_missing=["media"])
    assert removing.status == "committed"
    assert len(removing.comparison.tables["media"].removed) == len(current["media"]) - 2
    _, after, _, _ = pipeline.current_tables()
    assert len(after["media"]) == 2 and len(after["finance"]) == len(current["finance"])


def test_sigkill_during_an_import_leaves_the_previous_snapshot_current(store_copy, tmp_path):
    path = tmp_path / "figures.xlsx"
    path.write_bytes(book({"finance": [FINANCE, finance_row(activity_id="KILL-1")]}))
    before = store.current_state(store_copy).version
    env = {**os.environ, "SPOTLIGHT_STORE": str(store_copy), "SPOTLIGHT_FAULT_PAUSE": "before-rename"}
    proc = subprocess.Popen([sys.executable, "-m", "spotlight_dash", "import", str(path)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 90
        while not list(store_copy.glob(".v*.duckdb.tmp-*")) and time.time() < deadline:
            time.sleep(0.05)
        assert list(store_copy.glob(".v*.duckdb.tmp-*")), "the import never reached its write"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    state = store.current_state(store_copy)
    assert state.version == before and state.healthy
    with store.open_reader(state.path) as con:
        assert "KILL-1" not in set(store.read_tables(con, ["finance"])["finance"].activity_id)
    assert _cli("import", str(path), folder=store_copy).returncode == 0
    assert store.current_state(store_copy).version == before + 1


def test_a_second_source_for_a_countrys_figure_is_not_added_to_the_breakdown(store_copy):
    import openpyxl

    _, current, _, _ = pipeline.current_tables()
    book = openpyxl.load_workbook(io.BytesIO(workbook_template.export_bytes(current)))
    media = book["Media"]
    headers = [cell.value.split(" (")[0] for cell in media[1]]
    kazakhstan = next(row for row in media.iter_rows(min_row=2, values_only=True)
                      if row[headers.index("country")] == "KAZ")
    media.append([40 if h == "count" else "AR2020-media-eu" if h == "source_id" else value
                  for h, value in zip(headers, kazakhstan)])  # a second statement of Kazakhstan's 39
    out = io.BytesIO()
    book.save(out)
    result = pipeline.check_workbook(out.getvalue(), "media.xlsx")
    # 39 or 40 for Kazakhstan, + 12 + 5 + 12 + 9, is not more than the 77 in total (39 + 40 + ... would be)
    assert result.status == "valid" and result.report.detailed_lines() == []
    assert len(result.comparison.tables["media"].added) == 1
