"""IATI 2.03 activity files: safe reading, schema warnings, the standard's rules, figures checked by hand."""

import hashlib
import io
import os
import subprocess
import sys
import time

import re

import pandas as pd
import pytest

from conftest import ROOT, page_alone
from spotlight_dash import queries, store
from spotlight_dash.ingest import iati, pipeline
from spotlight_dash.ingest.report import IngestReport

FIXTURES = ROOT / "tests" / "fixtures" / "iati"
SHARED_IATI = ROOT.parent / "shared" / "reference" / "iati"
UNW = "spotlight_unwomen_undp_ec_2021_extract.xml"
UNDP = "undp_central_asia_afghanistan_2021_extract.xml"
EXAMPLE = "activity-standard-example-annotated.xml"


def _load(name: str, **kw) -> pipeline.IatiImportResult:
    return pipeline.import_iati((FIXTURES / name).read_bytes(), name, "tester", accept_warnings=True, **kw)


def _q(name: str, **filters) -> pd.DataFrame:
    with store.open_reader(store.current_state().path) as con:
        return queries.run_query(con.cursor(), name, queries.Filters(**filters))


def _activity(body: str, attrs: str = 'default-currency="USD"', version: str = "2.03") -> bytes:
    return (f'<?xml version="1.0"?>\n<iati-activities version="{version}">\n<iati-activity {attrs}>\n'
            f"<iati-identifier>TEST-1</iati-identifier>\n{body}\n</iati-activity>\n</iati-activities>\n").encode()


def _budget(kind, start, end, value, currency=None, status="2"):
    cur = f' currency="{currency}"' if currency else ""
    return (f'<budget type="{kind}" status="{status}"><period-start iso-date="{start}"/><period-end iso-date="{end}"/>'
            f'<value value-date="{start}"{cur}>{value}</value></budget>')


def _transaction(code, date, value, currency=None):
    cur = f' currency="{currency}"' if currency else ""
    return (f'<transaction><transaction-type code="{code}"/><transaction-date iso-date="{date}"/>'
            f'<value value-date="{date}"{cur}>{value}</value></transaction>')


def _check(data: bytes, name="test.xml"):
    return pipeline.check_iati(data, name)


@pytest.mark.parametrize("name", [UNW, UNDP, EXAMPLE, "organisation-standard-example-annotated.xml",
                                  "schema-test-19-budget.xml", "schema-test-21-transaction.xml",
                                  "schema-test-24-results.xml", "PROVENANCE_activities.json"])
def test_the_fixture_copies_are_the_shared_reference_files_unchanged(name):
    shared = next((p for p in (SHARED_IATI / "real" / name, SHARED_IATI / "examples" / name) if p.exists()), None)
    if not SHARED_IATI.exists() or shared is None:
        pytest.skip("../shared/reference/iati is not on this machine")
    assert (FIXTURES / name).read_bytes() == shared.read_bytes()


@pytest.mark.parametrize("name", ["iati-activities-schema.xsd", "iati-common.xsd", "xml.xsd"])
def test_the_xsd_copies_are_the_shared_schema_unchanged(name):
    shared = SHARED_IATI / "schema-2.03" / name
    if not shared.exists():
        pytest.skip("../shared/reference/iati is not on this machine")
    assert (iati.SCHEMA_DIR / name).read_bytes() == shared.read_bytes()


def test_undp_tajikistan_spotlight_output_2020_matches_the_figures_computed_by_hand(store_copy):
    result = _load(UNW)
    assert result.status == "committed"
    delivery = _q("iati_delivery").set_index(["iati_identifier", "year"])
    row = delivery.loc[("XM-DAC-41114-OUTPUT-00118435", 2020)]
    # budget: <budget status="2" type="2"> 2020-01-01..2020-12-31, <value currency="USD">906320 (revised, committed)
    assert (row.currency, row.budget) == ("USD", 906320.0)
    # expenditure: the ten <transaction> with <transaction-type code="4"> dated 2020:
    # 13355 + 2724 + 1371 + 45175 - 10566 (a correction, kept) + 8158 + 7181 + 24117 + 25539 + 15845 = 132899
    assert row.expenditure == 132899.0
    assert row.delivery_rate == pytest.approx(100 * 132899 / 906320)  # 14.66 %
    # the three disbursements (type 3) of 2020 (17514 + 13383 + 7508) are not expenditure
    finance = _q("iati_finance").set_index(["iati_identifier", "year"]).loc[("XM-DAC-41114-OUTPUT-00118435", 2020)]
    assert finance.disbursement == 38405.0 and finance.budget_status == "committed"
    assert finance.source_ids == f"iati:{UNW}"


def test_undp_turkmenistan_water_activity_2017_matches_the_figures_computed_by_hand(store_copy):
    assert _load(UNDP).status == "committed"
    row = _q("iati_delivery").set_index(["iati_identifier", "year"]).loc[("XM-DAC-41114-OUTPUT-00090400", 2017)]
    # <budget type="2" status="2"> 2017-01-01..2017-12-31: 2348117 USD; one type-4 transaction dated 2017-12-31: 1891356
    assert (row.currency, row.budget, row.expenditure) == ("USD", 2348117.0, 1891356.0)
    assert row.delivery_rate == pytest.approx(80.5478, abs=1e-4)


def test_identifier_with_a_space_is_kept_verbatim(store_copy):
    _load(UNW)
    assert "XM-DAC-41146-PAP _O_1.1" in set(_q("iati_activities").iati_identifier)


def test_un_women_file_imports_with_the_schema_violation_as_a_warning_with_path_and_line(store_copy):
    result = pipeline.import_iati((FIXTURES / UNW).read_bytes(), UNW, "tester")
    assert result.status == "warnings" and result.version is None  # not written until accepted
    lines = result.report.detailed_lines()
    assert (f"warning: {UNW}: iati-activity[XM-DAC-41146-ALB_D_4.1]/country-budget-items/budget-item (line 2141): does not follow "
            "the IATI 2.03 schema: Element 'budget-item', attribute 'vocabulary': The attribute 'vocabulary' is not "
            "allowed. -> the file still loads; tell the publisher") in lines
    assert len(result.report.warnings) == 3 and result.report.ok
    assert _load(UNW).status == "committed"


def test_every_iati_row_can_say_which_file_element_and_line_it_came_from(store_copy):
    _load(UNW)
    results = _q("iati_indicator_results")
    assert results.file.eq(UNW).all() and results.line.notna().all()
    row = pipeline.row_source("iati_activities", {"iati_identifier": "XM-DAC-41114-OUTPUT-00118435"})
    assert (row["file"], row["sheet"], row["row_number"]) == (UNW, "/iati-activities/iati-activity[9]", 1776)
    assert row["sha256"] == hashlib.sha256((FIXTURES / UNW).read_bytes()).hexdigest()


def test_official_example_imports_and_the_schema_test_documents_are_refused_for_their_empty_identifiers(store_copy):
    assert _load(EXAMPLE).status == "committed"
    assert "AA-AAA-123456789-ABC123" in set(_q("iati_activities").iati_identifier)
    for name in ("schema-test-19-budget.xml", "schema-test-21-transaction.xml", "schema-test-24-results.xml"):
        result = _load(name)
        assert result.status == "problems"
        assert any("the activity has no iati-identifier" in line for line in result.report.detailed_lines())


def test_revised_budget_replaces_the_original_for_the_same_period_and_is_never_added(store_copy):
    body = (_budget(1, "2020-01-01", "2020-12-31", 1000, status="1") + _budget(2, "2020-01-01", "2020-12-31", 800)
            + _budget(1, "2021-01-01", "2021-12-31", 500, status="1") + _transaction(4, "2020-06-30", 400))
    result = pipeline.import_iati(_activity(body), "budgets.xml", "tester", accept_warnings=True)
    assert result.status == "committed", result.report.detailed_lines()
    delivery = _q("iati_delivery").set_index("year")
    assert delivery.loc[2020, "budget"] == 800.0 and delivery.loc[2020, "delivery_rate"] == 50.0
    assert delivery.loc[2021, "budget"] == 500.0  # no revision for 2021: the original counts
    assert pd.isna(delivery.loc[2021, "delivery_rate"])  # no expenditure: missing, not 0
    finance = _q("iati_finance").set_index("year")
    assert finance.loc[2020, "budget_status"] == "committed" and finance.loc[2021, "budget_status"] == "indicative"


def test_negative_transaction_is_kept_as_a_correction(store_copy):
    body = _budget(2, "2020-01-01", "2020-12-31", 1000) + _transaction(4, "2020-03-31", 300) + _transaction(4, "2020-07-31", -100)
    assert pipeline.import_iati(_activity(body), "neg.xml", "tester", accept_warnings=True).status == "committed"
    assert _q("iati_delivery").expenditure.tolist() == [200.0]


def test_mixed_currencies_are_never_added(store_copy):
    body = (_budget(2, "2020-01-01", "2020-12-31", 1000) + _budget(2, "2020-01-01", "2020-12-31", 900, "EUR")
            + _transaction(4, "2020-05-31", 100) + _transaction(4, "2020-05-31", 90, "EUR"))
    assert pipeline.import_iati(_activity(body), "mixed.xml", "tester", accept_warnings=True).status == "committed"
    delivery = _q("iati_delivery").set_index("currency")
    assert sorted(delivery.index) == ["EUR", "USD"]
    assert (delivery.loc["USD", "budget"], delivery.loc["USD", "expenditure"]) == (1000.0, 100.0)
    assert (delivery.loc["EUR", "budget"], delivery.loc["EUR", "expenditure"]) == (900.0, 90.0)
    totals = _q("iati_delivery_by_organisation")
    assert sorted(totals.currency) == ["EUR", "USD"] and totals.budget.max() == 1000.0


def test_empty_result_value_stays_missing_and_dimensions_measure_and_direction_are_kept(store_copy):
    body = ('<result type="1"><title><narrative>R</narrative></title>'
            '<indicator measure="2" ascending="0"><title><narrative>Share</narrative></title>'
            '<baseline year="2019" value="40"/>'
            '<period><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/>'
            '<target value="30"><dimension name="sex" value="female"/></target><actual value=""/></period>'
            '</indicator></result>')
    assert pipeline.import_iati(_activity(body), "results.xml", "tester", accept_warnings=True).status == "committed"
    values = _q("iati_indicator_results").set_index("kind")
    assert (values.loc["baseline", "baseline_year"], values.loc["baseline", "value"]) == (2019, 40.0)
    assert values.loc["target", "dimensions"] == "sex=female" and values.loc["target", "value"] == 30.0
    assert pd.isna(values.loc["actual", "value"])  # empty: not reported, never 0
    assert (values.loc["actual", "measure"], bool(values.loc["actual", "ascending"])) == ("percentage", False)


def test_iati_version_1_is_refused_with_a_clear_message():
    lines = _check(_activity("", version="1.05")).report.detailed_lines()
    assert lines == ["test.xml: iati-activities/@version (line 2): this file is IATI version 1.05; only IATI 2.0x files are read "
                     "-> download the publisher's 2.03 file (IATI 1.x was retired in 2019)"]


def test_a_file_that_is_not_iati_is_refused_with_a_clear_message():
    lines = _check(b"<?xml version='1.0'?><rss><channel/></rss>", "feed.xml").report.detailed_lines()
    assert lines == ["feed.xml: this is not an IATI activity file: its root element is <rss>, not <iati-activities> "
                     "-> choose an IATI 2.03 activity file (.xml) from the publisher"]
    assert _check(b"not xml at all", "x.xml").status == "problems"


def test_a_file_with_entities_is_refused_without_expanding_them(monkeypatch):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
            b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]><iati-activities version="2.03"><iati-activity>'
            b"<iati-identifier>&lol2;&xxe;</iati-identifier></iati-activity></iati-activities>")
    parsed = []
    monkeypatch.setattr(iati.etree, "fromstring", lambda *a, **k: parsed.append(a) or None)
    report = IngestReport()
    iati.read_iati(bomb, "test.xml", report)  # in this process, where the parser is watched
    assert parsed == []  # refused before the parser saw it
    assert "declares a DOCTYPE or entities" in report.detailed_lines()[0]
    result = _check(bomb)
    assert result.status == "problems" and "declares a DOCTYPE or entities" in result.report.detailed_lines()[0]


def test_the_parser_itself_never_expands_entities():
    # Second line of defence, should the declaration check ever be bypassed.
    tree = iati.etree.fromstring(b'<!DOCTYPE a [<!ENTITY e "expanded">]><a>&e;</a>', iati._parser())
    assert "expanded" not in (tree.text or "")


def test_spotlight_activities_are_offered_for_linking_and_linked_only_when_asked(store_copy):
    result = _load(UNW)
    assert result.spotlight_activities == ["XM-DAC-41114-OUTPUT-00109099", "XM-DAC-41114-OUTPUT-00118237",
                                           "XM-DAC-41114-OUTPUT-00118435"]
    assert _q("iati_activities").programme_id.isna().all()  # nothing linked silently
    linked = pipeline.import_iati((FIXTURES / UNW).read_bytes(), UNW, "tester", accept_warnings=True, programme_id="SI-KGZ")
    assert linked.status == "committed" and linked.linked == result.spotlight_activities
    activities = _q("iati_activities", programme="SI-KGZ")
    assert sorted(activities.iati_identifier) == result.spotlight_activities
    again = _load(UNW)  # a later import without --programme keeps the links
    assert again.status == "nothing to change"
    unknown = pipeline.check_iati((FIXTURES / UNW).read_bytes(), UNW, programme_id="SI-NOPE")
    assert unknown.status == "problems" and "programme_id 'SI-NOPE' is not in programmes" in unknown.report.detailed_lines()[-1]


def test_a_newer_file_replaces_the_activity_rows_and_leaves_other_activities_alone(store_copy):
    first = _activity(_transaction(4, "2020-01-31", 10) + _transaction(4, "2020-02-28", 20))
    assert pipeline.import_iati(first, "a.xml", "tester", accept_warnings=True).status == "committed"
    _load(EXAMPLE)
    newer = pipeline.import_iati(_activity(_transaction(4, "2020-01-31", 10)), "a.xml", "tester", accept_warnings=True)
    assert newer.comparison.text().startswith("iati_transactions: +0 added, 0 changed, -1 removed")
    delivery = _q("iati_delivery").set_index("iati_identifier")
    assert delivery.loc["TEST-1", "expenditure"] == 10.0 and "AA-AAA-123456789-ABC123" in delivery.index


def test_the_949_kb_undp_file_imports(store_copy, capsys):
    data = (FIXTURES / UNDP).read_bytes()
    assert len(data) == 949165
    started = time.perf_counter()
    result = _load(UNDP)
    elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(f"\n{UNDP} ({len(data):,} bytes) checked and committed in {elapsed:.2f} s")
    assert result.status == "committed" and result.rows["iati_activities"] == 89


def _cli(*args, folder):
    env = {**os.environ, "SPOTLIGHT_STORE": str(folder)}
    return subprocess.run([sys.executable, "-m", "spotlight_dash", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)


def test_cli_imports_like_a_workbook_and_prints_delivery_by_activity_and_year_as_csv(store_copy):
    warned = _cli("iati", str(FIXTURES / UNW), folder=store_copy)
    assert warned.returncode == 1 and "warning(s); nothing was written" in warned.stderr
    assert f"warning: {UNW}: iati-activity[XM-DAC-41146-NGA_D_2.8]/country-budget-items/budget-item (line 5171):" in warned.stderr
    assert "can be linked to a programme with --programme ID" in warned.stdout
    dry = _cli("iati", str(FIXTURES / UNW), "--accept-warnings", "--dry-run", folder=store_copy)
    assert dry.returncode == 0 and "dry run" in dry.stdout
    done = _cli("iati", str(FIXTURES / UNW), "--accept-warnings", folder=store_copy)
    assert done.returncode == 0 and "as snapshot v" in done.stdout
    out = _cli("query", "delivery", "--by", "activity,year", "--format", "csv", folder=store_copy)
    assert out.returncode == 0, out.stderr
    frame = pd.read_csv(io.StringIO(out.stdout))
    assert out.stdout.splitlines()[0] == ("iati_identifier,year,period_start,period_end,currency,budget,expenditure,"
                                          "delivery_rate,budgets_overlap")
    row = frame[(frame.iati_identifier == "XM-DAC-41114-OUTPUT-00118435") & (frame.year == 2020)].iloc[0]
    assert (row.budget, row.expenditure) == (906320.0, 132899.0)
    old = _cli("query", "delivery", "--format", "csv", folder=store_copy)
    assert old.stdout.splitlines()[0].startswith("programme_id,organisation,period_id")  # unchanged without --by
    bad = _cli("iati", str(FIXTURES / "organisation-standard-example-annotated.xml"), folder=store_copy)
    assert bad.returncode == 1 and "IATI organisation file" in bad.stderr


def test_the_agencies_page_shows_the_loaded_files_figures(tmp_path, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_STORE", str(tmp_path / "store"))
    pipeline.build(ROOT / "data", user_name="tests")
    pipeline.import_iati((FIXTURES / UNW).read_bytes(), UNW, "tests", accept_warnings=True)
    import streamlit as st
    st.cache_data.clear()
    at = page_alone("agencies").run()
    assert not at.exception, at.exception
    by_activity = next(d.value for d in at.dataframe if "iati_identifier" in d.value.columns and "budget" in d.value.columns)
    row = by_activity[(by_activity.iati_identifier == "XM-DAC-41114-OUTPUT-00118435") & (by_activity.year == 2020)]
    assert row[["budget", "expenditure"]].iloc[0].tolist() == ["906,320", "132,899"]  # grouped for the reader
    # The chart's title is a heading of its card, and its plot is drawn.
    assert any(h.value.startswith("The agencies' own figures") for h in at.subheader)
    assert any(c.proto.id.endswith("-chart-iati-delivery-by-organisation") for c in at.get("plotly_chart"))


@pytest.mark.parametrize("written", ["196241,50", "1.234,5", "1,234.5", "12 345"])
def test_a_decimal_comma_or_thousands_separator_is_refused_at_its_element_and_line_never_rescaled(written):
    body = _budget(2, "2015-01-01", "2015-12-31", written) + _transaction(4, "2015-06-30", 1000)
    result = _check(_activity(body))
    assert result.status == "problems" and result.comparison is None  # nothing would be written
    assert (f"test.xml: iati-activity[TEST-1]/budget/value (line 5): budget value {written!r} has a decimal comma or a "
            "thousands separator; it is refused, not guessed -> ask the publisher to write the value as IATI requires: "
            "digits, a point for decimals, no separators") in result.report.detailed_lines()


@pytest.mark.parametrize("written", ["1_000", "١٢٣", "１２３", "inf", "1e5"])
def test_numbers_only_python_reads_are_refused_not_read(written):
    # float() takes all of these (1_000 -> 1000.0, Arabic-Indic digits -> 123.0); xsd:decimal takes none.
    lines = _check(_activity(_transaction(4, "2020-06-30", written))).report.detailed_lines()
    assert f"test.xml: iati-activity[TEST-1]/transaction/value (line 5): transaction value {written!r} is not a number" \
        in " ".join(lines)


@pytest.mark.parametrize("year", ["9999", "²", "٢٠٢٠", "20200"])
def test_a_baseline_year_that_is_not_a_year_is_a_warning_and_the_baseline_is_kept(store_copy, year):
    body = ('<result type="1"><indicator measure="1"><title><narrative>I</narrative></title>'
            f'<baseline year="{year}" value="40"/></indicator></result>')
    result = pipeline.import_iati(_activity(body), "years.xml", "tester", accept_warnings=True)
    assert result.status == "committed"
    assert (f"warning: years.xml: iati-activity[TEST-1]/result/indicator/baseline/@year (line 5): year {year} is not a "
            "year; the baseline is kept without a year -> tell the publisher; the rest of the file loads") \
        in result.report.detailed_lines()
    baseline = _q("iati_indicator_results").iloc[0]
    assert baseline.value == 40.0 and pd.isna(baseline.baseline_year)


def test_a_utf16_file_with_a_doctype_is_refused_and_one_without_is_read():
    declared = '<?xml version="1.0" encoding="UTF-16"?>\n'
    bomb = declared + '<!DOCTYPE a [<!ENTITY e "x">]>' + _activity("").decode().split("\n", 1)[1]
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        lines = _check(bomb.encode(codec)).report.detailed_lines()
        assert lines and lines[0].startswith("test.xml: the file declares a DOCTYPE or entities"), (codec, lines)
    plain = (declared + _activity("").decode().split("\n", 1)[1]).encode("utf-16")
    assert _check(plain).report.ok
    utf7 = _activity("").replace(b'version="1.0"', b'version="1.0" encoding="UTF-7"')
    assert _check(utf7).report.detailed_lines() == [
        "test.xml: the file is in the UTF-7 encoding, which this reader does not take -> save the file as UTF-8 "
        "(or download it again from the publisher)"]


def test_what_carries_no_money_is_a_warning_and_the_rest_of_the_activity_loads(store_copy):
    body = ('<participating-org role="9" ref="XM-X"><narrative>Someone</narrative></participating-org>'
            '<recipient-country><narrative>HQ</narrative></recipient-country>'
            '<recipient-country code="KG" percentage="abc"/>'
            '<sector vocabulary="1" code="15180" percentage="102"/><sector vocabulary="1"/>'
            '<activity-date type="9" iso-date="2020-01-01"/><activity-date type="2" iso-date="2020-02-30"/>'
            + _budget(2, "2020-01-01", "2020-12-31", 1000) + _transaction(4, "2020-05-31", 250)
            + _transaction(99, "2020-05-31", 7))
    result = pipeline.import_iati(_activity(body), "lenient.xml", "tester", accept_warnings=True)
    assert result.status == "committed", result.report.detailed_lines()
    messages = [p.line().split(": ", 2)[2] for p in result.report.warnings if "IATI 2.03 schema" not in p.message]
    assert messages == [
        "iati-activity[TEST-1]/activity-date[1]/@type (line 5): activity-date type '9' is not an IATI ActivityDateType; "
        "the date is left out -> tell the publisher; the rest of the file loads",
        "iati-activity[TEST-1]/activity-date[2]/@iso-date (line 5): activity-date (actual start): 2020-02-30 is not a "
        "date of the calendar; it is kept without this date -> tell the publisher; the rest of the file loads",
        "iati-activity[TEST-1]/participating-org/@role (line 5): participating-org role '9' is not an IATI "
        "OrganisationRole (1-4); the organisation is left out of the participants -> tell the publisher; the rest of "
        "the file loads",
        "iati-activity[TEST-1]/recipient-country[1]/@code (line 5): recipient-country has no code (its narrative says "
        "'HQ'); it is left out of the country breakdown -> tell the publisher; the rest of the file loads",
        "iati-activity[TEST-1]/recipient-country[2]/@percentage (line 5): recipient country percentage abc is not a "
        "share between 0 and 100; the recipient country is kept without a percentage -> tell the publisher; the rest "
        "of the file loads",
        "iati-activity[TEST-1]/sector[1]/@percentage (line 5): sector percentage 102 is not a share between 0 and "
        "100; the sector is kept without a percentage -> tell the publisher; the rest of the file loads",
        "iati-activity[TEST-1]/sector[2]/@code (line 5): the sector has no code; it is left out of the sectors -> "
        "tell the publisher; the rest of the file loads",
        "iati-activity[TEST-1]/transaction[2]/transaction-type/@code (line 5): transaction type '99' is not an IATI "
        "TransactionType (1-13); the transaction is kept as published and counted in no total -> tell the publisher; "
        "the rest of the file loads",
    ]
    assert _q("iati_delivery").iloc[0][["budget", "expenditure"]].tolist() == [1000.0, 250.0]
    assert _q("iati_activities").countries.tolist() == ["KG"]


@pytest.mark.parametrize("body, error", [
    (_budget(2, "2020-01-01", "2020-12-31", ""), "iati-activity[TEST-1]/budget/value (line 5): the budget value is empty"),
    ('<budget type="2"><period-start iso-date="2020-01-01"/><value>5</value></budget>',
     "iati-activity[TEST-1]/budget (line 5): the budget has no period-end, so its period is unknown"),
    (_budget(2, "", "2020-12-31", 5),
     "iati-activity[TEST-1]/budget/period-start/@iso-date (line 5): budget period-start: there is no iso-date"),
    (_budget(2, "2020-01-01", "31/12/2020", 5),
     "iati-activity[TEST-1]/budget/period-end/@iso-date (line 5): budget period-end: '31/12/2020' is not a date "
     "written as YYYY-MM-DD"),
    ('<transaction><transaction-type code="4"/><value>5</value></transaction>',
     "iati-activity[TEST-1]/transaction (line 5): the transaction has neither a transaction-date nor a value-date, "
     "so its year is unknown"),
    (_transaction(4, "2020-01-01", 5, currency="dollars"),
     "iati-activity[TEST-1]/transaction/value/@currency (line 5): transaction currency 'dollars' is not a currency code"),
])
def test_what_stops_a_figure_from_being_read_is_refused_at_its_element(body, error):
    result = _check(_activity(body))
    assert result.status == "problems"
    assert [p.line().split(": ", 1)[1].split(" -> ")[0] for p in result.report.errors] == [error]


# IATI 1.x TransactionType names (the 1.05 codelist), against the 2.03 codelist's name of the code each is read as.
OLD_NAMES = {"C": "Commitment", "D": "Disbursement", "E": "Expenditure", "IF": "Incoming Funds",
             "IR": "Interest", "LR": "Loan Repayment", "R": "Reimbursement", "QP": "Purchase of Equity",
             "QS": "Sale of Equity", "CG": "Credit Guarantee"}


def test_every_1x_transaction_type_is_read_as_the_2x_code_of_the_same_name_in_the_shared_codelist():
    codelist = SHARED_IATI / "codelists" / "xml-embedded" / "TransactionType.xml"
    if not codelist.exists():
        pytest.skip("../shared/reference/iati is not on this machine")
    names = {item.findtext("code"): item.findtext("name/narrative")
             for item in iati.etree.parse(str(codelist)).iter("codelist-item")}
    from spotlight_dash.ingest import iati_values
    for old, name in OLD_NAMES.items():
        code, was_old = iati_values.transaction_type(old)
        assert was_old and name.lower() in names[code].lower(), (old, code, names[code])


@pytest.mark.parametrize("old, new, kind", [("C", "2", "commitment"), ("D", "3", "disbursement"),
                                            ("E", "4", "expenditure"), ("IF", "1", None)])
def test_1x_transaction_codes_are_counted_as_their_2x_codes_with_one_warning_per_kind(store_copy, old, new, kind):
    body = (_transaction(old, "2020-03-31", 100) + _transaction(old, "2020-04-30", 50)
            + '<participating-org role="Funding"><narrative>MPTFO-Spotlight Initiative Fund</narrative></participating-org>'
            + '<activity-date type="start-actual" iso-date="2020-01-15"/>')
    result = pipeline.import_iati(_activity(body), "old.xml", "tester", accept_warnings=True)
    assert result.status == "committed" and result.spotlight_activities == ["TEST-1"]
    warnings = [p.message for p in result.report.warnings if "1.x" in p.message]
    assert len(warnings) == 3 and (f"transaction-type/@code {old} is an IATI 1.x code; it is read as the 2.0x code {new}"
                                   in warnings[-1]) and "in all 2 element(s)" in warnings[-1]
    assert _q("iati_activities").iloc[0].iati_identifier == "TEST-1"
    if kind:
        assert _q("iati_finance").iloc[0][kind] == 150.0
    with store.open_reader(store.current_state().path) as con:
        stored = con.execute("SELECT transaction_type, actual_start FROM iati_transactions JOIN iati_activities "
                             "USING (iati_identifier)").fetchall()
    assert {row[0] for row in stored} == {new} and str(stored[0][1]) == "2020-01-15"


# ---- budgets: several years, overlaps, periods that end before they start (SYNTHETIC amounts) ----------------


def _import(body: str, name="budgets.xml", identifier="TEST-1") -> pipeline.IatiImportResult:
    data = _activity(body).replace(b"TEST-1", identifier.encode())
    result = pipeline.import_iati(data, name, "tester", accept_warnings=True)
    assert result.status == "committed", result.report.detailed_lines()
    return result


def test_a_budget_over_several_years_is_set_against_the_spending_of_its_own_period_never_one_year(store_copy):
    # The shape of UNOPS 41AAA-22482-001: one budget 2021-04-01..2025-12-31, which used to count wholly in 2021.
    body = (_budget(2, "2021-04-01", "2025-12-31", 9156342) + _transaction(4, "2021-09-30", 1000000)
            + _transaction(4, "2022-06-30", 2000000) + _transaction(4, "2026-03-31", 500))
    result = _import(body, identifier="41AAA-22482-001")
    assert ("warning: budgets.xml: iati-activity[41AAA-22482-001]/budget (line 5): the budget's period 2021-04-01 to "
            "2025-12-31 is longer than a year (IATI rule 7.5.3 asks for a year at most); its USD 9,156,342.00 is "
            "compared with the expenditure over the same period, never counted in one year or split by days -> tell "
            "the publisher; the rest of the file loads") in result.report.detailed_lines()
    delivery = _q("iati_delivery")
    period = delivery[delivery.year.isna()].iloc[0]
    assert (period.period_start, period.period_end) == (pd.Timestamp("2021-04-01"), pd.Timestamp("2025-12-31"))
    assert (period.budget, period.expenditure) == (9156342.0, 3000000.0)  # 2026's 500 is outside the period
    assert period.delivery_rate == pytest.approx(100 * 3000000 / 9156342)
    years = delivery[delivery.year.notna()].set_index("year")
    assert years.budget.isna().all()  # no year is given the budget, nor a share of it
    assert years.expenditure.to_dict() == {2021: 1000000.0, 2022: 2000000.0, 2026: 500.0}
    in_2023 = _q("iati_delivery", year=2023)  # the period covers 2023: its row shows, and only it
    assert in_2023.year.isna().all() and in_2023.budget.tolist() == [9156342.0]
    totals = _q("iati_delivery_by_organisation")
    assert totals[totals.year.isna()].budget.tolist() == [9156342.0]
    assert totals[totals.year == 2021].budget.isna().all()


def test_overlapping_budgets_are_never_added_and_the_year_is_not_reported(store_copy):
    body = (_budget(1, "2021-01-01", "2021-12-31", 2000) + _budget(1, "2021-07-01", "2021-12-31", 500)
            + _budget(1, "2022-01-01", "2022-12-31", 700) + _transaction(4, "2021-10-31", 1600))
    result = _import(body)
    assert ("warning: budgets.xml: iati-activity[TEST-1]/budget[2] (line 5): this original budget (2021-07-01 to "
            "2021-12-31, USD 500.00) overlaps the original budget on line 5 (2021-01-01 to 2021-12-31, USD 2,000.00); "
            "they are not added, and the activity's budget for 2021 is shown as not reported -> ask the publisher "
            "which budget is right; IATI budget periods must not overlap") in result.report.detailed_lines()
    delivery = _q("iati_delivery").set_index("year")
    assert pd.isna(delivery.loc[2021, "budget"]) and delivery.loc[2021, "budgets_overlap"]  # never 2,500
    assert pd.isna(delivery.loc[2021, "delivery_rate"]) and delivery.loc[2021, "expenditure"] == 1600.0
    assert delivery.loc[2022, "budget"] == 700.0 and not delivery.loc[2022, "budgets_overlap"]
    totals = _q("iati_delivery_by_organisation").set_index("year")
    assert pd.isna(totals.loc[2021, "budget"]) and totals.loc[2021, "budgets_overlap"]


def test_a_budget_that_ends_before_it_starts_is_left_out_with_a_warning_naming_the_activity(store_copy):
    body = _budget(2, "2021-12-31", "2021-01-01", 900) + _budget(2, "2022-01-01", "2022-12-31", 400)
    result = _import(body)
    assert ("warning: budgets.xml: iati-activity[TEST-1]/budget[1] (line 5): the budget ends on 2021-01-01 before it "
            "starts on 2021-12-31; it is left out of every figure (USD 900.00) -> ask the publisher to correct the "
            "budget's period") in result.report.detailed_lines()
    assert _q("iati_delivery").set_index("year").budget.to_dict() == {2022: 400.0}


def test_delivery_by_activity_and_year_leaves_out_rows_with_neither_budget_nor_expenditure(store_copy):
    body = (_budget(2, "2020-01-01", "2020-12-31", 1000) + _transaction(4, "2020-05-31", 100)
            + _transaction(3, "2021-05-31", 50) + _transaction(2, "2022-05-31", 70))
    _import(body)
    assert _q("iati_delivery").year.tolist() == [2020]
    assert _q("iati_finance").year.tolist() == [2020, 2021, 2022]  # the disbursement and commitment stay here


def test_a_huge_value_is_quoted_cut_short_in_its_message_not_echoed_whole():
    lines = _check(_activity(_transaction(4, "2020-06-30", "x" * 1_000_000))).report.detailed_lines()
    assert ("transaction value 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (1,000,000 characters)' is "
            "not a number") in " ".join(lines)
    assert sum(map(len, lines)) < 2000


def test_written_out_amounts_and_rates_are_shown_as_written_not_parsed_again(tmp_path, monkeypatch):
    """In Russian, 101,0 % was shown as 1010.0: the page's number format read the written-out text again."""
    import json

    monkeypatch.setenv("SPOTLIGHT_STORE", str(tmp_path / "store"))
    pipeline.build(ROOT / "data", user_name="tests")
    pipeline.import_iati((FIXTURES / UNW).read_bytes(), UNW, "tests", accept_warnings=True)
    import streamlit as st
    st.cache_data.clear()
    at = page_alone("agencies")
    at.query_params["lang"] = "ru"
    at.run()
    assert not at.exception, at.exception
    tables = [d for d in at.dataframe if "delivery_rate" in d.value.columns]
    assert tables
    for table in tables:
        config = json.loads(table.proto.columns)
        for column in ("budget", "expenditure", "delivery_rate"):
            assert config[column]["type_config"] == {"type": "text"}, (column, config[column])
        written = [v for v in table.value.delivery_rate if isinstance(v, str)]
        assert written and all(re.fullmatch(r"[0-9 ]+(,[0-9])?", v) for v in written), written
