"""Every IATI file in ../shared/reference (the standard's examples and codelists, the agencies' real extracts and the
whole d-portal downloads in external/iati) goes through the reader with its outcome written down here, and the
totals of the two d-portal files are held against sums taken from the XML by plain lxml, not by the reader.
"""

import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from conftest import ROOT
from spotlight_dash import queries, store
from spotlight_dash.ingest import pipeline

REFERENCE = ROOT.parent / "shared" / "reference"
EXTERNAL = REFERENCE / "external" / "iati"
NOT_ACTIVITIES = ("this is not an IATI activity file: its root element is <codelist>, not <iati-activities> -> choose "
                  "an IATI 2.03 activity file (.xml) from the publisher")
NO_IDENTIFIER = "the activity has no iati-identifier -> every activity needs its identifier"
ONE_X = "is an IATI 1.x code; it is read as the 2.0x code"
SEVERAL_YEARS = "a budget longer than a year (IATI rule 7.5.3)"
TOKEN_BUDGET = "a budget below 1 % of the expenditure within its period"

# name -> (status of the dry run, the errors' text after the place, warnings by kind: the message with the
# element's place, identifiers, years and counts taken out).
OUTCOMES = {
    **{name: ("problems", [NOT_ACTIVITIES], {}) for name in (
        "ActivityDateType.xml", "ActivityStatus.xml", "BudgetStatus.xml", "BudgetType.xml", "OrganisationRole.xml",
        "TransactionType.xml", "Country.xml", "Currency.xml", "IndicatorMeasure.xml", "IndicatorVocabulary.xml",
        "OrganisationType.xml", "PolicyMarker.xml", "PolicySignificance.xml", "Region.xml", "ResultType.xml",
        "ResultVocabulary.xml", "Sector.xml", "SectorCategory.xml", "SectorVocabulary.xml")},
    "activity-standard-example-annotated.xml": ("valid", [], {}),
    "organisation-standard-example-annotated.xml": ("problems", [
        "this is an IATI organisation file (iati-organisations), not an activity file; it holds no activities to load "
        "-> load the publisher's activity file (iati-activities)"], {}),
    # The schema's own test documents leave iati-identifier empty (no figure of them can be stored) and write
    # version="xx".
    **{name: ("problems", [NO_IDENTIFIER], {"the version is 'xx', not 2.0x; the file is read as IATI 2.03": 1})
       for name in ("schema-test-19-budget.xml", "schema-test-21-transaction.xml", "schema-test-24-results.xml")},
    "spotlight_unwomen_undp_ec_2021_extract.xml": ("valid", [], {"does not follow the IATI 2.03 schema": 3}),
    # UNDP budgets three outputs at USD 1.00 for 2021 beside USD 16,192 to 148,705 spent
    "undp_central_asia_afghanistan_2021_extract.xml": ("valid", [], {TOKEN_BUDGET: 3}),
    # UNICEF: baselines of year 9999 (with periods 9999-01-01..9999-12-31), recipient-country "HQ" without a code,
    # and the schema breaks of its locations (each kind said five times, then counted).
    "hdx_dportal_114.xml": ("valid", [], {
        "year 9999 is not a year; the baseline is kept without a year": 20,
        "indicator period-start: 9999-01-01 is outside the years 1900-2100; it is kept without this date": 20,
        "indicator period-end: 9999-12-31 is outside the years 1900-2100; it is kept without this date": 20,
        "recipient-country has no code (its narrative says 'HQ'); it is left out of the country breakdown": 2,
        "recipient-country has no code (its narrative says 'EAPR'); it is left out of the country breakdown": 1,
        TOKEN_BUDGET: 8,  # USD 2 and 10 beside hundreds of thousands to millions spent
        "does not follow the IATI 2.03 schema": 30}),
    # IADB, OFID, AfDB, the EC ...: OFID's 1.x codes (transaction types C and D, roles FUNDING and IMPLEMENTING,
    # START-ACTUAL), one warning per kind.
    "hdx_dportal_97.xml": ("valid", [], {
        f"activity-date/@type START-ACTUAL {ONE_X} 2 (actual start) in all 3 element(s) of the file that use it": 1,
        f"participating-org/@role FUNDING {ONE_X} 1 (funding) in all 6 element(s) of the file that use it": 1,
        f"participating-org/@role IMPLEMENTING {ONE_X} 4 (implementing) in all 3 element(s) of the file that use it": 1,
        f"transaction-type/@code C {ONE_X} 2 (outgoing commitment) in all 9 element(s) of the file that use it": 1,
        f"transaction-type/@code D {ONE_X} 3 (disbursement) in all 129 element(s) of the file that use it": 1,
        # the EC's budgets of EUR 0 up to 2050, the World Bank trust funds' and the IFRC's (MDR) two-year appeals
        SEVERAL_YEARS: 18,
        "does not follow the IATI 2.03 schema": 13}),
}


def _reference_files() -> list[Path]:
    return sorted(REFERENCE.glob("iati/**/*.xml")) + sorted(EXTERNAL.glob("*.xml"))


def _kind(message: str) -> str:
    """A warning as written down above: schema breaks and several-year budgets are counted together, the rest by
    their text."""
    if message.startswith("does not follow the IATI 2.03 schema"):
        return "does not follow the IATI 2.03 schema"
    if message.startswith("the budget's period ") and "is longer than a year (IATI rule 7.5.3" in message:
        return SEVERAL_YEARS
    if message.startswith("the budget for ") and "less than 1 % of the" in message:
        return TOKEN_BUDGET
    return message


def test_every_reference_iati_file_is_listed_here():
    if not REFERENCE.exists():
        pytest.skip("../shared/reference is not on this machine")
    assert sorted(p.name for p in _reference_files()) == sorted(OUTCOMES)


@pytest.mark.parametrize("path", _reference_files(), ids=lambda p: p.name)
def test_each_reference_file_gives_its_written_down_outcome_within_ten_seconds(path):
    status, errors, warnings = OUTCOMES[path.name]
    started = time.perf_counter()
    result = pipeline.check_iati(path.read_bytes(), path.name)
    assert time.perf_counter() - started < 10
    assert result.status == status
    assert [p.line().split(": ", 1)[1].split("): ", 1)[-1] for p in result.report.errors] == errors
    kinds = Counter(_kind(p.message) for p in result.report.warnings)
    assert kinds == Counter(warnings)
    for problem in result.report.problems:  # XML is spoken of in elements and lines, never cells
        text = problem.line()
        assert "cell" not in text and "fill in" not in text and "should match pattern" not in text, text


@pytest.mark.parametrize("name", ["hdx_dportal_114.xml", "hdx_dportal_97.xml"])
def test_the_command_line_dry_run_of_each_d_portal_file_imports_with_warnings_and_no_traceback(name, tmp_path):
    if not (EXTERNAL / name).exists():
        pytest.skip("../shared/reference/external is not on this machine")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "spotlight_dash", "iati", str(EXTERNAL / name), "--dry-run"],
                          cwd=ROOT, env={"SPOTLIGHT_STORE": str(tmp_path), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=60)
    assert time.perf_counter() - started < 10
    assert "Traceback" not in done.stderr and done.returncode == 1  # warnings not yet accepted
    assert "warning(s); nothing was written" in done.stderr and " error(s) " not in done.stderr
    accepted = subprocess.run([sys.executable, "-m", "spotlight_dash", "iati", str(EXTERNAL / name), "--dry-run",
                               "--accept-warnings"], cwd=ROOT, env={"SPOTLIGHT_STORE": str(tmp_path), "PATH": "/usr/bin:/bin"},
                              capture_output=True, text=True, timeout=60)
    assert accepted.returncode == 0 and "dry run: the file is valid; nothing was written" in accepted.stdout


# ---- totals held against the file -----------------------------------------------------------------------

# Taken from the IATI 2.01 changelog, written out again here so the test does not lean on the reader's table.
OLD_TRANSACTION_TYPES = {"IF": "1", "C": "2", "D": "3", "E": "4", "IR": "5", "LR": "6", "R": "7", "QP": "8",
                         "QS": "9", "CG": "10"}
KINDS = {"2": "commitment", "11": "commitment", "3": "disbursement", "4": "expenditure"}


def _totals_from_the_xml(path: Path) -> dict[tuple[str, str], dict[str, float]]:
    """(reporting-org ref, currency) -> commitment, disbursement, expenditure and budget summed with XPath."""
    totals: dict = defaultdict(lambda: defaultdict(float))
    for activity in etree.parse(str(path)).getroot().xpath("iati-activity"):
        org = activity.xpath("string(reporting-org/@ref)")
        default = activity.get("default-currency")
        for transaction in activity.xpath("transaction"):
            code = transaction.xpath("string(transaction-type/@code)")
            kind = KINDS.get(OLD_TRANSACTION_TYPES.get(code, code))
            if kind:
                currency = transaction.xpath("string(value/@currency)") or default
                totals[(org, currency)][kind] += float(transaction.xpath("string(value)"))
        budgets = [(b.get("type") or "1", b.xpath("string(period-start/@iso-date)")[:10],
                    b.xpath("string(period-end/@iso-date)")[:10], b.xpath("string(value/@currency)") or default,
                    float(b.xpath("string(value)"))) for b in activity.xpath("budget")]
        revised = {(start, end) for kind, start, end, _, _ in budgets if kind == "2"}
        for kind, start, end, currency, value in budgets:
            if kind == "2" or (start, end) not in revised:  # a revision replaces the original of its period
                totals[(org, currency)]["budget"] += value
    return totals


def _stored_totals() -> dict[tuple[str, str], dict[str, float]]:
    with store.open_reader(store.current_state().path) as con:
        finance = queries.run_query(con.cursor(), "iati_finance")
    totals: dict = defaultdict(lambda: defaultdict(float))
    for row in finance.itertuples():
        # Every budget is on exactly one row (a several-year budget on its own period's row); every transaction is
        # on its year's row, and again on a several-year budget's row when it falls in that period.
        kinds = ("budget",) if pd.isna(row.year) else ("commitment", "disbursement", "expenditure", "budget")
        for kind in kinds:
            value = getattr(row, kind)
            if not pd.isna(value):  # not reported: not a zero
                totals[(row.reporting_org_ref, row.currency)][kind] += float(value)
    return totals


@pytest.mark.parametrize("name", ["hdx_dportal_97.xml", "hdx_dportal_114.xml"])
def test_every_total_of_a_d_portal_file_matches_the_xml_summed_by_xpath(name):
    path = EXTERNAL / name
    if not path.exists():
        pytest.skip("../shared/reference/external is not on this machine")
    assert pipeline.import_iati(path.read_bytes(), name, "tester", accept_warnings=True).status == "committed"
    expected, stored = _totals_from_the_xml(path), _stored_totals()
    assert {key for key, kinds in expected.items() if any(kinds.values())} \
        == {key for key, kinds in stored.items() if any(kinds.values())}
    for key, kinds in expected.items():
        for kind, value in kinds.items():
            assert stored[key][kind] == pytest.approx(value, abs=0.01), (key, kind)


def test_ofids_1x_commitments_and_disbursements_are_counted():
    path = EXTERNAL / "hdx_dportal_97.xml"
    if not path.exists():
        pytest.skip("../shared/reference/external is not on this machine")
    pipeline.import_iati(path.read_bytes(), path.name, "tester", accept_warnings=True)
    ofid = _stored_totals()[("XI-IATI-OFID", "USD")]
    assert ofid["commitment"] == pytest.approx(50_000_000) and ofid["disbursement"] == pytest.approx(2_059_404.18)
