"""How IATI writes values and codes, and how the reader takes them.

Numbers are xsd:decimal (ASCII digits, a point, no separators), dates xsd:date. Python's own
``float()`` and ``str.isdigit()`` take far more ("1_000", "١٢٣", "inf", "²"), so they are not used
on published text.

IATI 2.01 made its codes language-neutral; files still carry the 1.x spellings (OFID writes
transaction types C and D inside a 2.03 file). The 1.x -> 2.0x tables below are the standard's own,
from the 2.01 changelog (IATI-Upgrades, en/upgrade-changelogs/integer-upgrade-to-2-01/2-01-changes.rst,
"Amended codes"): the 2.03 codelists in ../shared/reference/iati/codelists carry only the 2.0x codes.
The changelog spells the sale-of-equity code "Q3", a typo for 1.x's QS; both are read.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from spotlight_dash import codes
from spotlight_dash.ingest.report import clip

# xsd:decimal in ASCII digits.
DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
# Digits grouped by commas, points, spaces or apostrophes: a decimal comma or thousands separators,
# which cannot be read without guessing which is which (196241,50 is not 19,624,150).
SEPARATED = re.compile(r"[+-]?[0-9]+([,.' \u00a0\u202f][0-9]+)+")
# xsd:date: the day, then perhaps a time zone; some publishers write a whole dateTime.
DATE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2}|T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})?)?")
CURRENCY = re.compile(r"[A-Z]{3}")
FIRST_YEAR, LAST_YEAR = 1900, 2100  # the years a figure may belong to (the store's range)

DECIMAL_FIX = "ask the publisher to write the value as IATI requires: digits, a point for decimals, no separators"
DATE_FIX = "ask the publisher to write the date as YYYY-MM-DD"

# IATI 1.x code -> 2.0x code (2.01 changelog, "Amended codes").
TRANSACTION_TYPES_1X = {"IF": "1", "C": "2", "D": "3", "E": "4", "IR": "5", "LR": "6", "R": "7", "QP": "8",
                        "QS": "9", "Q3": "9", "CG": "10"}
ORG_ROLES_1X = {"FUNDING": "1", "ACCOUNTABLE": "2", "EXTENDING": "3", "IMPLEMENTING": "4"}
ACTIVITY_DATE_TYPES_1X = {"START-PLANNED": "1", "START-ACTUAL": "2", "END-PLANNED": "3", "END-ACTUAL": "4"}
ACTIVITY_DATE_TYPES = {"1": "planned_start", "2": "actual_start", "3": "planned_end", "4": "actual_end"}


SHOWN = 60  # characters of a published value repeated in a message (a 10 MB value is not echoed)


def shown(text: str, quoted: bool = True) -> str:
    """A published value as a message quotes it: cut to SHOWN characters, saying how long it was."""
    cut = clip(text, SHOWN)
    return repr(cut) if quoted else cut


def decimal(text: str) -> tuple[float | None, str | None]:
    """(the number, None), or (None, why it is not one) for an xsd:decimal as IATI writes it."""
    if DECIMAL.fullmatch(text):
        number = float(text)
        if math.isfinite(number):
            return number, None
        return None, "is too large to be an amount"
    if SEPARATED.fullmatch(text):
        return None, "has a decimal comma or a thousands separator; it is refused, not guessed"
    return None, "is not a number"


def date(text: str | None) -> tuple[dt.date | None, str | None]:
    """(the day, None), (None, None) when empty, or (None, why) for an xsd:date."""
    text = (text or "").strip()
    if not text:
        return None, None
    found = DATE.fullmatch(text) if text.isascii() else None
    if found:
        try:
            day = dt.date.fromisoformat(found.group(1))
        except ValueError:
            return None, f"{text} is not a date of the calendar"
        if FIRST_YEAR <= day.year <= LAST_YEAR:
            return day, None
        return None, f"{text} is outside the years {FIRST_YEAR}-{LAST_YEAR}"
    return None, f"{shown(text)} is not a date written as YYYY-MM-DD"


def year(text: str | None) -> int | None:
    """A year written in ASCII digits within the store's range, else None ("²".isdigit() is True)."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 4):
        return None
    number = int(text)
    return number if FIRST_YEAR <= number <= LAST_YEAR else None


def currency(text: str | None) -> str | None:
    text = (text or "").strip().upper()
    return text if CURRENCY.fullmatch(text) else None


def code_of(text: str | None, known: dict[str, str], old: dict[str, str]) -> tuple[str | None, bool]:
    """(the 2.0x code, whether it was a 1.x spelling) of a published code; (None, False) if it is neither."""
    text = (text or "").strip()
    if text in known:
        return text, False
    mapped = old.get(text.upper())
    return (mapped, True) if mapped else (None, False)


def transaction_type(text: str | None) -> tuple[str | None, bool]:
    return code_of(text, codes.IATI_TRANSACTION_TYPES, TRANSACTION_TYPES_1X)


def organisation_role(text: str | None) -> tuple[str | None, bool]:
    return code_of(text, codes.IATI_ORG_ROLES, ORG_ROLES_1X)


def activity_date_type(text: str | None) -> tuple[str | None, bool]:
    return code_of(text, ACTIVITY_DATE_TYPES, ACTIVITY_DATE_TYPES_1X)


def one_year_after(day: dt.date) -> dt.date:
    """The same day a year later (29 February -> 28 February), as DuckDB's `+ INTERVAL 1 YEAR` gives it."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
