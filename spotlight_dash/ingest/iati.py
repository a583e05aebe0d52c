"""Reader for IATI 2.03 activity files: the agencies' own publications of budgets, spending and results.

The file is untrusted. It is parsed by lxml with no network, no DTD and no entity expansion,
and a file that declares a DOCTYPE or an entity is refused before parsing (a "billion laughs"
file never expands). The XSD (copied into ``spotlight_dash/iati/schema-2.03``) is applied, but
published files break it in small ways, so each violation is a warning with its element path
and line. Only what stops a figure from being read is an error: an activity without an
identifier, an amount with no value, no date or no currency. Everything else (a baseline year
9999, a country without a code, a sector at 102 %, a 1.x code in a 2.0x file) is a warning that
says what was kept, and the rest of the file loads.

Rows come out as RawRows whose Place is the file, the line and the element path, so every
stored figure can say where it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from lxml import etree

from spotlight_dash import codes
from spotlight_dash.ingest import iati_budgets as budgets
from spotlight_dash.ingest import iati_values as values
from spotlight_dash.ingest.report import IngestReport, Place, RawRow, too_large

MB = 2**20
MAX_FILE_BYTES = 60 * MB
SPLIT_ACTIVITIES = "split the activities into several files"
SCHEMA_DIR = Path(__file__).resolve().parents[1] / "iati" / "schema-2.03"
SPOTLIGHT_FUND = "mptfo-spotlight initiative fund"  # a funding participant named so marks a Spotlight output
DECLARATION = re.compile(r"<!(DOCTYPE|ENTITY)", re.I)
DECLARATION_BYTES = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
WIDE_ENCODINGS = {b"\xff\xfe\x00\x00": "utf-32-le", b"\x00\x00\xfe\xff": "utf-32-be", b"\xff\xfe": "utf-16-le",
                  b"\xfe\xff": "utf-16-be", b"<\x00\x00\x00": "utf-32-le", b"\x00\x00\x00<": "utf-32-be",
                  b"<\x00": "utf-16-le", b"\x00<": "utf-16-be"}
ENCODING_DECLARED = re.compile(rb"""^(\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
# Encodings in which "<!DOCTYPE" is the same bytes as in ASCII, so the check above sees it.
ASCII_COMPATIBLE = re.compile(r"(utf-?8|us-ascii|ascii|iso-8859-[0-9]+|latin-?1|windows-125[0-8]|cp125[0-8])", re.I)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PUBLISHER = "tell the publisher; the rest of the file loads"
SAME_SCHEMA_WARNINGS_SHOWN = 5  # a schema break repeated 400 times is said five times, then counted
MEASURES = {"1": "unit", "2": "percentage", "3": "nominal", "4": "ordinal", "5": "qualitative"}


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True)


@lru_cache(maxsize=1)
def activity_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-activities-schema.xsd"), _parser()))


def source_id_for(filename: str) -> str:
    return f"iati:{filename}"


class _Activity:
    """Builds the rows of one <iati-activity>, each with its line and element path."""

    def __init__(self, element, tree, filename: str, source_id: str, report: IngestReport, legacy: dict):
        self.element, self.tree, self.filename, self.source_id, self.report = element, tree, filename, source_id, report
        self.legacy = legacy  # 1.x codes met in the file: one warning per kind, said once at the end
        self.identifier = (element.findtext("iati-identifier") or "").strip()
        published = (element.get("default-currency") or "").strip()
        self.default_currency = values.currency(published)
        if published and not self.default_currency:
            self.warn(element, f"default-currency {values.shown(published)} is not a currency code; values without a currency "
                      "of their own have none", attribute="default-currency")
        self.seen: dict[tuple, int] = {}

    def place(self, element) -> Place:
        return Place(self.filename, element.sourceline, path=self.tree.getpath(element))

    def row(self, table: str, element, reported=(), **values) -> RawRow:
        return RawRow(table, {"iati_identifier": self.identifier, **values, "source_id": self.source_id},
                      self.place(element), reported=set(reported))

    def occurrence(self, *key) -> int:
        """1 for the first element with these values in the activity, 2 for an identical repeat ..."""
        self.seen[key] = self.seen.get(key, 0) + 1
        return self.seen[key]

    def where(self, element, attribute: str | None = None) -> Place:
        """The element as a reader finds it: iati-activity[its identifier]/result[2]/indicator/@measure, and its line."""
        return Place(self.filename, element.sourceline,
                     path=readable_path(self.tree.getpath(element), {self.tree.getpath(self.element): self.identifier})
                     + (f"/@{attribute}" if attribute else ""))

    def problem(self, element, message: str, fix: str = "", severity: str = "error", value=None,
                attribute: str | None = None) -> None:
        self.report.add(self.where(element, attribute), message, fix, value, severity)

    def warn(self, element, message: str, fix: str = PUBLISHER, attribute: str | None = None) -> None:
        self.problem(element, message, fix, "warning", attribute=attribute)

    def old_code(self, element, attribute: str, published: str, code: str, meaning: str) -> None:
        """Note a 1.x code read as its 2.0x code; read_iati says it once per kind, with how many."""
        key = (element.tag, attribute, published.strip())
        if key not in self.legacy:
            self.legacy[key] = [0, self.where(element, attribute), code, meaning]
        self.legacy[key][0] += 1

    def day(self, element, attribute: str, what: str, required: bool) -> dt.date | None:
        """The date in ``attribute``; a missing or unreadable one is an error when the figure needs it."""
        text = None if element is None else element.get(attribute)
        day, why = values.date(text)
        if required and day is None and not why:
            why = f"there is no {attribute}"
        if why:
            if required:
                self.problem(element, f"{what}: {why}", values.DATE_FIX, attribute=attribute)
            else:
                self.warn(element, f"{what}: {why}; it is kept without this date", attribute=attribute)
        return day

    def amount(self, value_element, what: str) -> tuple[float | None, str | None, dt.date | None, bool]:
        """(value, currency, value-date, whether the amount can be read) of a <value>."""
        text = (value_element.text or "").strip()
        number, why = values.decimal(text) if text else (None, "is empty")
        if why:
            self.problem(value_element, f"{what} value {values.shown(text)} {why}" if text else f"the {what} value is empty",
                         values.DECIMAL_FIX)
        published = (value_element.get("currency") or "").strip()
        currency = values.currency(published) if published else self.default_currency
        if currency is None:
            self.problem(value_element, f"{what} currency {values.shown(published)} is not a currency code" if published else
                         f"{what} has no currency: neither the value nor the activity names one",
                         "the value needs a currency attribute (e.g. USD) or the activity a default-currency",
                         attribute="currency" if published else None)
        value_date = self.day(value_element, "value-date", f"{what} value-date", required=False)
        return number, currency, value_date, not why and currency is not None

    def percentage(self, element, what: str) -> float | None:
        text = (element.get("percentage") or "").strip()
        if not text:
            return None
        number, why = values.decimal(text)
        if why or not 0 <= number <= 100:
            self.warn(element, f"{what} percentage {values.shown(text, quoted=False)} is not a share between 0 and 100; the {what} is kept "
                      "without a percentage", attribute="percentage")
            return None
        return number


ACTIVITY_PATH = re.compile(r"^/iati-activities/iati-activity(\[[0-9]+\])?")


def readable_path(path: str, identifiers: dict[str, str]) -> str:
    """/iati-activities/iati-activity[9]/result/indicator -> iati-activity[XM-DAC-41114-OUTPUT-00118435]/result/indicator.

    ``identifiers`` maps an activity's own path to its identifier; an activity without one keeps its position.
    """
    found = ACTIVITY_PATH.match(path or "")
    if not found or not identifiers.get(found.group(0)):
        return path
    return f"iati-activity[{identifiers[found.group(0)]}]" + path[found.end():]


def _narrative(element) -> str | None:
    """The first non-empty narrative, English preferred."""
    if element is None:
        return None
    texts = [(n.get(XML_LANG, "").lower(), (n.text or "").strip()) for n in element.findall("narrative")]
    texts = [(lang, text) for lang, text in texts if text]
    for lang, text in texts:
        if lang in ("en", ""):
            return text
    return texts[0][1] if texts else None


def _flag(text: str | None, default: bool) -> bool:
    text = (text or "").strip().lower()
    return default if not text else text in ("1", "true")


def _result_value(text: str | None) -> tuple[float | None, str | None]:
    """(number, text as published when not a number); an empty value stays missing, never 0."""
    text = (text or "").strip()
    if not text:
        return None, None
    number, _ = values.decimal(text)
    return (None, text) if number is None else (number, None)


def _activity_dates(a: _Activity) -> dict[str, dt.date | None]:
    dates: dict[str, dt.date | None] = {}
    for element in a.element.findall("activity-date"):
        published = (element.get("type") or "").strip()
        code, old = values.activity_date_type(published)
        if code is None:
            a.warn(element, f"activity-date type {values.shown(published)} is not an IATI ActivityDateType; the date is left out",
                   attribute="type")
            continue
        column = values.ACTIVITY_DATE_TYPES[code]
        if old:
            a.old_code(element, "type", published, code, column.replace("_", " "))
        day = a.day(element, "iso-date", f"activity-date ({column.replace('_', ' ')})", required=False)
        dates.setdefault(column, day)
    return dates


def _participants(a: _Activity, rows) -> bool:
    """The participating organisations' rows; whether the Spotlight fund is among the funders."""
    spotlight = False
    for org in a.element.findall("participating-org"):
        published = (org.get("role") or "").strip()
        code, old = values.organisation_role(published)
        if code is None:
            a.warn(org, f"participating-org role {values.shown(published)} is not an IATI OrganisationRole (1-4); the "
                   "organisation is left out of the participants", attribute="role")
            continue
        role = codes.IATI_ORG_ROLES[code]
        if old:
            a.old_code(org, "role", published, code, role)
        name, ref = _narrative(org), (org.get("ref") or "").strip() or None
        spotlight |= role == "funding" and SPOTLIGHT_FUND in (name or "").lower()
        if a.occurrence("participating-org", role, ref, name) > 1:
            continue  # the same organisation in the same role twice says nothing more
        rows["iati_participants"].append(a.row("iati_participants", org, role=role, org_ref=ref, org_name=name,
                                               org_type=org.get("type")))
    return spotlight


def _countries_and_sectors(a: _Activity, rows) -> None:
    for country in a.element.findall("recipient-country"):
        code = (country.get("code") or "").strip().upper()
        if not code:
            named = _narrative(country)
            said = f" (its narrative says {values.shown(named)})" if named else ""
            a.warn(country, f"recipient-country has no code{said}; it is left out of the country breakdown",
                   attribute="code")
            continue
        if a.occurrence("recipient-country", code) > 1:
            a.warn(country, f"recipient country {values.shown(code, quoted=False)} is listed twice; the first is kept")
            continue
        rows["iati_countries"].append(a.row("iati_countries", country, country_code=code,
                                            country_name=_narrative(country),
                                            percentage=a.percentage(country, "recipient country")))
    for sector in a.element.findall("sector"):
        vocabulary, code = (sector.get("vocabulary") or "1").strip(), (sector.get("code") or "").strip()
        if not code:
            a.warn(sector, "the sector has no code; it is left out of the sectors", attribute="code")
            continue
        if a.occurrence("sector", vocabulary, code) > 1:
            continue
        rows["iati_sectors"].append(a.row("iati_sectors", sector, vocabulary=vocabulary, code=code,
                                          name=_narrative(sector), percentage=a.percentage(sector, "sector")))


def _coded(a: _Activity, element, attribute: str, known: dict[str, str], default: str, what: str) -> str:
    """A code of a small codelist; an unknown one is read as the standard's default, with a warning."""
    published = (element.get(attribute) or "").strip()
    if not published:
        return known[default]
    if published not in known:
        a.warn(element, f"{what} {values.shown(published)} is not an IATI code; read as {known[default]} (the standard's "
               "default)", attribute=attribute)
        return known[default]
    return known[published]


def _years(*read: budgets.Budget) -> str:
    years = sorted({b.start.year for b in read})
    return " and ".join(map(str, years))


def _budgets(a: _Activity, rows) -> list[budgets.Budget]:
    read_so_far: list[budgets.Budget] = []
    for budget in a.element.findall("budget"):
        value_el = budget.find("value")
        if value_el is None:
            a.problem(budget, "the budget has no value", "ask the publisher to correct the file")
            continue
        value, currency, value_date, readable = a.amount(value_el, "budget")
        # The standard's defaults: type 1 (original), status 1 (indicative).
        kind = _coded(a, budget, "type", codes.IATI_BUDGET_TYPES, "1", "budget type")
        status = _coded(a, budget, "status", codes.IATI_BUDGET_STATUSES, "1", "budget status")
        ends = []
        for tag in ("period-start", "period-end"):
            element = budget.find(tag)
            if element is None:
                a.problem(budget, f"the budget has no {tag}, so its period is unknown", values.DATE_FIX)
                ends.append(None)
            else:
                ends.append(a.day(element, "iso-date", f"budget {tag}", required=True))
        start, end = ends
        if not readable or start is None or end is None:
            continue
        read = budgets.Budget(budget, kind, start, end, currency, value)
        if budgets.inverted(read):
            a.warn(budget, f"the budget ends on {end} before it starts on {start}; it is left out of every figure "
                   f"({currency} {value:,.2f})", "ask the publisher to correct the budget's period")
            continue
        read_so_far.append(read)
        rows["iati_budgets"].append(a.row(
            "iati_budgets", budget, budget_type=kind, status=status, period_start=start, period_end=end,
            occurrence=a.occurrence("budget", kind, start, end), value=value, currency=currency,
            value_date=value_date))
    _warn_about_budget_periods(a, read_so_far)
    return read_so_far


def _warn_about_budget_periods(a: _Activity, read: list[budgets.Budget]) -> None:
    """What iati_budgets says the figures will do with budgets that overlap or run over several years."""
    overlapping = budgets.overlapping_pairs(read)
    for first, second in overlapping:
        a.warn(second.element, f"this {second.kind} budget ({second.period}, {second.currency} {second.value:,.2f}) "
               f"overlaps the {first.kind} budget on line {first.element.sourceline} ({first.period}, "
               f"{first.currency} {first.value:,.2f}); they are not added, and the activity's budget for "
               f"{_years(first, second)} is shown as not reported",
               "ask the publisher which budget is right; IATI budget periods must not overlap")
    in_conflict = {id(b) for pair in overlapping for b in pair}
    for budget in read:
        if budget.several_years and id(budget) not in in_conflict and not budgets.replaced(budget, read):
            a.warn(budget.element, f"the budget's period {budget.period} is longer than a year (IATI rule 7.5.3 "
                   f"asks for a year at most); its {budget.currency} {budget.value:,.2f} is compared with the "
                   "expenditure over the same period, never counted in one year or split by days")


def _warn_about_token_budgets(a: _Activity, read: list[budgets.Budget], transactions: list[RawRow]) -> None:
    expenditure = [(t.values["transaction_date"], t.values["currency"], t.values["value"]) for t in transactions
                   if t.values.get("transaction_type") == "4" and t.values.get("transaction_date")
                   and t.values.get("value") is not None]
    for budget in read:
        spent = budgets.spent_within(budget, expenditure)
        if budgets.token(budget, spent) and not budgets.replaced(budget, read):
            a.warn(budget.element, f"the budget for {budget.period} is {budget.currency} {budget.value:,.2f}, less than "
                   f"1 % of the {budget.currency} {spent:,.2f} of expenditure dated within it; both are kept as "
                   f"published, so that period's delivery rate reads {100 * spent / budget.value:,.0f} %")


def _transactions(a: _Activity, rows) -> None:
    for transaction in a.element.findall("transaction"):
        type_el, value_el, date_el = (transaction.find(t) for t in ("transaction-type", "value", "transaction-date"))
        if value_el is None or type_el is None:
            a.problem(transaction, "the transaction has no " + ("value" if value_el is None else "transaction-type"),
                      "ask the publisher to correct the file")
            continue
        value, currency, value_date, readable = a.amount(value_el, "transaction")
        published = (type_el.get("code") or "").strip()
        code, old = values.transaction_type(published)
        if old:
            a.old_code(type_el, "code", published, code, codes.IATI_TRANSACTION_TYPES[code])
        elif code is None:
            a.warn(type_el, f"transaction type {values.shown(published)} is not an IATI TransactionType (1-13); the transaction "
                   "is kept as published and counted in no total", attribute="code")
            code = published or None
        date = a.day(date_el, "iso-date", "transaction-date", required=value_date is None) \
            if date_el is not None else None
        date = date or value_date
        if date is None and date_el is None:
            a.problem(transaction, "the transaction has neither a transaction-date nor a value-date, so its year is "
                      "unknown", values.DATE_FIX)
        if not readable or date is None or code is None:
            continue
        rows["iati_transactions"].append(a.row(
            "iati_transactions", transaction, transaction_type=code,
            transaction_type_name=codes.IATI_TRANSACTION_TYPES.get(code), transaction_date=date,
            currency=currency, value=value, occurrence=a.occurrence("transaction", code, date, currency, value),
            value_date=value_date, provider_org=_narrative(transaction.find("provider-org")),
            receiver_org=_narrative(transaction.find("receiver-org"))))


def read_activity(a: _Activity, rows: dict[str, list[RawRow]]) -> None:
    el = a.element
    if not a.identifier:
        a.problem(el, "the activity has no iati-identifier", "every activity needs its identifier")
        return
    dates = _activity_dates(a)
    spotlight = _participants(a, rows)
    reporting, status = el.find("reporting-org"), el.find("activity-status")
    rows["iati_activities"].append(a.row(
        "iati_activities", el, reporting_org_ref=None if reporting is None else reporting.get("ref"),
        reporting_org_name=_narrative(reporting), title=_narrative(el.find("title")),
        default_currency=a.default_currency, activity_status=None if status is None else status.get("code"),
        **{column: dates.get(column) for column in values.ACTIVITY_DATE_TYPES.values()},
        spotlight_funded=spotlight, programme_id=None))
    _countries_and_sectors(a, rows)
    read_budgets = _budgets(a, rows)
    first_transaction = len(rows["iati_transactions"])
    _transactions(a, rows)
    _warn_about_token_budgets(a, read_budgets, rows["iati_transactions"][first_transaction:])
    for result_no, result in enumerate(el.findall("result"), start=1):
        for indicator_no, indicator in enumerate(result.findall("indicator"), start=1):
            _read_indicator(a, rows, result, result_no, indicator, indicator_no)


def _read_indicator(a: _Activity, rows, result, result_no: int, indicator, indicator_no: int) -> None:
    measure = (indicator.get("measure") or "").strip()
    rows["iati_indicators"].append(a.row(
        "iati_indicators", indicator, result_no=result_no, indicator_no=indicator_no,
        result_type=result.get("type"), result_title=_narrative(result.find("title")),
        title=_narrative(indicator.find("title")), measure=MEASURES.get(measure, measure or None),
        ascending=_flag(indicator.get("ascending"), True)))
    ids = {"result_no": result_no, "indicator_no": indicator_no}

    def value_row(element, kind, start=None, end=None, year=None):
        number, text = _result_value(element.get("value"))
        year_number = values.year(year)
        if (year or "").strip() and year_number is None:
            a.warn(element, f"year {values.shown(year.strip(), quoted=False)} is not a year; the {kind} is kept without a year", attribute="year")
        dimensions = "; ".join(f"{d.get('name')}={d.get('value')}" for d in element.findall("dimension")) or None
        rows["iati_indicator_values"].append(a.row(
            "iati_indicator_values", element, **ids, kind=kind, period_start=start, period_end=end,
            dimensions=dimensions, occurrence=a.occurrence("value", result_no, indicator_no, kind, start, end, dimensions),
            baseline_year=year_number, value=number, value_text=text, comment=_narrative(element.find("comment"))))

    for baseline in indicator.findall("baseline"):
        value_row(baseline, "baseline", year=baseline.get("year"))
    for period in indicator.findall("period"):
        start_el, end_el = period.find("period-start"), period.find("period-end")
        start = a.day(start_el, "iso-date", "indicator period-start", required=False) if start_el is not None else None
        end = a.day(end_el, "iso-date", "indicator period-end", required=False) if end_el is not None else None
        for kind in ("target", "actual"):
            for element in period.findall(kind):
                value_row(element, kind, start, end)


def _declares_entities(data: bytes) -> tuple[bool, str | None]:
    """(whether the file declares a DOCTYPE or an entity, or why its encoding keeps us from telling).

    UTF-16 and UTF-32 files are decoded first (in them "<!DOCTYPE" is not the ASCII bytes); a file
    declaring an encoding in which it could be spelled otherwise (UTF-7, EBCDIC ...) is refused.
    """
    for mark, codec in WIDE_ENCODINGS.items():
        if data.startswith(mark):
            return bool(DECLARATION.search(data.decode(codec, errors="replace"))), None
    declared = ENCODING_DECLARED.match(data[:400])
    if declared and not ASCII_COMPATIBLE.fullmatch(declared.group(2).decode("ascii")):
        name = declared.group(2).decode("ascii")
        if name.lower().replace("-", "") in ("utf16", "utf32", "ucs2", "ucs4"):
            return False, f"the file says it is {name}, but its first bytes are not; it cannot be read safely"
        return False, f"the file is in the {name} encoding, which this reader does not take"
    return bool(DECLARATION_BYTES.search(data)), None


def _schema_warnings(tree, filename: str, identifiers: dict[str, str], report: IngestReport) -> None:
    """Each break of the XSD as a warning at its element; the same break past the fifth is counted, not repeated."""
    schema_ = activity_schema()
    if schema_.validate(tree):
        return
    seen: Counter = Counter()
    for entry in schema_.error_log:
        seen[entry.message] += 1
        if seen[entry.message] <= SAME_SCHEMA_WARNINGS_SHOWN:
            report.add(Place(filename, entry.line, path=readable_path(entry.path, identifiers)),
                       f"does not follow the IATI 2.03 schema: {entry.message}",
                       "the file still loads; tell the publisher", severity="warning")
    for message, count in seen.items():
        if count > SAME_SCHEMA_WARNINGS_SHOWN:
            report.add(Place(filename), f"does not follow the IATI 2.03 schema: {message} -- "
                       f"{count - SAME_SCHEMA_WARNINGS_SHOWN} more elements like the {SAME_SCHEMA_WARNINGS_SHOWN} above",
                       "the file still loads; tell the publisher", severity="warning")


def no_rows() -> dict[str, list[RawRow]]:
    """Every table this reader fills (and the file's `sources` row), with no rows yet."""
    from spotlight_dash import schema  # the registry names the tables

    return {name: [] for name in (*schema.IATI_TABLES, "sources")}


def read_iati(data: bytes, filename: str, report: IngestReport, sha256: str = "") -> dict[str, list[RawRow]]:
    """Rows of every IATI table (and the file's `sources` row); problems go to ``report``."""
    rows = no_rows()
    place = Place(filename)
    if len(data) > MAX_FILE_BYTES:
        report.add(place, too_large(len(data), MAX_FILE_BYTES), SPLIT_ACTIVITIES)
        return rows
    declares, encoding_problem = _declares_entities(data)
    if encoding_problem:
        report.add(place, encoding_problem, "save the file as UTF-8 (or download it again from the publisher)")
        return rows
    if declares:
        report.add(place, "the file declares a DOCTYPE or entities, which IATI files never need; refused unread "
                   "(entities can expand without limit or reach other files)",
                   "remove the <!DOCTYPE ...> declaration, or download the file again from the publisher")
        return rows
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as exc:
        report.add(Place(filename, exc.lineno, path="/"), f"the file is not well-formed XML ({exc.msg})",
                   "download the file again; an IATI file must be complete XML")
        return rows
    if tree.docinfo.internalDTD is not None or tree.docinfo.externalDTD is not None:  # however it was spelled
        report.add(place, "the file declares a DOCTYPE, which IATI files never need; refused",
                   "remove the <!DOCTYPE ...> declaration, or download the file again from the publisher")
        return rows
    root = tree.getroot()
    if root.tag == "iati-organisations":
        report.add(place, "this is an IATI organisation file (iati-organisations), not an activity file; it holds "
                   "no activities to load", "load the publisher's activity file (iati-activities)")
        return rows
    if root.tag != "iati-activities":
        report.add(place, f"this is not an IATI activity file: its root element is <{etree.QName(root).localname}>, "
                   "not <iati-activities>", "choose an IATI 2.03 activity file (.xml) from the publisher")
        return rows
    version = (root.get("version") or "").strip()
    version_place = Place(filename, root.sourceline, path="iati-activities/@version")
    if version.startswith("1"):
        report.add(version_place, f"this file is IATI version {version}; only IATI 2.0x files are read",
                   "download the publisher's 2.03 file (IATI 1.x was retired in 2019)")
        return rows
    if not version.startswith("2."):
        report.add(version_place, f"the version is {version!r}, not 2.0x; the file is read as IATI 2.03",
                   "check the figures with care", severity="warning")
    activities = root.findall("iati-activity")
    identifiers = {tree.getpath(a): (a.findtext("iati-identifier") or "").strip() for a in activities}
    _schema_warnings(tree, filename, identifiers, report)
    if not activities:
        report.add(place, "the file holds no <iati-activity>", "choose a file with activities")
        return rows
    source_id = source_id_for(filename)
    legacy: dict = {}
    for element in activities:
        read_activity(_Activity(element, tree, filename, source_id, report, legacy), rows)
    for (tag, attribute, published), (count, first, code, meaning) in legacy.items():
        report.add(first, f"{tag}/@{attribute} {published} is an IATI 1.x code; it is read as the 2.0x code {code} "
                   f"({meaning}) in all {count} element(s) of the file that use it",
                   "nothing to do; tell the publisher that 1.x codes were retired with version 2.01", severity="warning")
    rows["sources"].append(RawRow("sources", {
        "source_id": source_id, "document_id": None,
        "section": f"IATI {version or '2.03'} activity file, {len(activities)} activities",
        "quote": None, "location": f"{filename} (sha256 {sha256})" if sha256 else filename}, place))
    return rows
