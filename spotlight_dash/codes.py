"""The fixed code lists: countries, organisations, pillars and the small vocabularies.

Codes are upper-case where they are identifiers (``KAZ``, ``UNW``); vocabularies that name a
kind of row (``actual``, ``direct``) are lower-case. The store's reference tables are written
from here, so this module is the one place a new code is added.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    name_ru: str

    def name_in(self, lang: str) -> str:
        return self.name_ru if lang == "ru" else self.name


COUNTRIES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("KAZ", "Kazakhstan", "Казахстан"),
        Code("KGZ", "Kyrgyzstan", "Кыргызстан"),
        Code("TJK", "Tajikistan", "Таджикистан"),
        Code("TKM", "Turkmenistan", "Туркменистан"),
        Code("UZB", "Uzbekistan", "Узбекистан"),
        Code("AFG", "Afghanistan", "Афганистан"),
        Code("REG", "Regional (Central Asia)", "Региональный (Центральная Азия)"),
        Code("INT", "International", "Международный"),
    )
}

# Recipient UN organisations (RUNOs) and the donor; IATI identifiers below.
ORGANISATIONS: dict[str, Code] = {
    c.code: c
    for c in (
        Code("UNW", "UN Women", "ООН-Женщины"),
        Code("UNFPA", "UNFPA", "ЮНФПА"),
        Code("UNDP", "UNDP", "ПРООН"),
        Code("EU", "European Union", "Европейский союз"),
    )
}
ORGANISATION_IATI_IDS = {"UNW": "XM-DAC-41146", "UNFPA": "XM-DAC-41119", "UNDP": "XM-DAC-41114"}
RUNOS = ("UNW", "UNFPA", "UNDP")

# Spotlight Initiative's six pillars (outcome areas).
PILLARS: dict[int, Code] = {
    1: Code("1", "Laws and policies", "Законы и политика"),
    2: Code("2", "Institutions", "Институты"),
    3: Code("3", "Prevention and social norms", "Профилактика и социальные нормы"),
    4: Code("4", "Quality services", "Качественные услуги"),
    5: Code("5", "Data", "Данные"),
    6: Code("6", "Women's movement and civil society", "Женское движение и гражданское общество"),
}

INDICATOR_VALUE_KINDS = ("baseline", "target", "milestone", "actual")
FINANCE_KINDS = (
    "approved",
    "agency_contribution",
    "transferred",
    "expenditure",
    "budget_original",
    "budget_revised",
    "commitment",
    "disbursement",
    "donor_allocation",
)
DELIVERY_RATE_KINDS = ("reported", "target")
REACH_TYPES = ("direct", "indirect")
REACH_KINDS = ("actual", "target")
SEXES = ("female", "male")
AGE_GROUPS = ("adult", "youth", "child")
MEDIA_MEASURES = ("hits", "hits_eu_acknowledged", "hits_investment_described", "outlets")
GRANT_KINDS = ("applications_received", "grants_awarded", "grantee", "max_amount_per_grantee")
RESULT_LEVELS = ("impact", "outcome", "output")
DIRECTIONS = ("higher", "lower")
DATE_KINDS = ("pre_funding_approval", "approval", "start", "funds_received", "end")
EVENT_TYPES = ("launch", "conference", "consultation", "seminar", "meeting", "training")
# IATI 2.03 codelists (OrganisationRole, BudgetType, BudgetStatus, TransactionType), by code.
IATI_ORG_ROLES = {"1": "funding", "2": "accountable", "3": "extending", "4": "implementing"}
IATI_BUDGET_TYPES = {"1": "original", "2": "revised"}
IATI_BUDGET_STATUSES = {"1": "indicative", "2": "committed"}
IATI_TRANSACTION_TYPES = {
    "1": "incoming funds", "2": "outgoing commitment", "3": "disbursement", "4": "expenditure",
    "5": "interest payment", "6": "loan repayment", "7": "reimbursement", "8": "purchase of equity",
    "9": "sale of equity", "10": "credit guarantee", "11": "incoming commitment",
    "12": "outgoing pledge", "13": "incoming pledge",
}
IATI_VALUE_KINDS = ("baseline", "target", "actual")
# What the Steering Committee records in a meeting, and where an action point stands.
NOTE_KINDS = ("decision", "action", "comment")
ACTION_STATUSES = ("open", "done", "dropped")

# Which vocabulary each coded column draws from; the validator, the template's dropdowns and
# the near-miss suggestions all read this table.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "country": tuple(COUNTRIES),
    "organisation": tuple(ORGANISATIONS),
    "indicator_value_kind": INDICATOR_VALUE_KINDS,
    "finance_kind": FINANCE_KINDS,
    "delivery_rate_kind": DELIVERY_RATE_KINDS,
    "reach_type": REACH_TYPES,
    "reach_kind": REACH_KINDS,
    "sex": SEXES,
    "age_group": AGE_GROUPS,
    "media_measure": MEDIA_MEASURES,
    "grant_kind": GRANT_KINDS,
    "result_level": RESULT_LEVELS,
    "direction": DIRECTIONS,
    "date_kind": DATE_KINDS,
    "event_type": EVENT_TYPES,
    "note_kind": NOTE_KINDS,
    "action_status": ACTION_STATUSES,
}
UPPER_CASE_VOCABULARIES = {"country", "organisation"}


def country_name(code, lang: str = "en") -> str:
    return COUNTRIES[code].name_in(lang) if code in COUNTRIES else str(code)


def organisation_name(code, lang: str = "en") -> str:
    return ORGANISATIONS[code].name_in(lang) if code in ORGANISATIONS else str(code)


def pillar_name(number, lang: str = "en") -> str:
    return PILLARS[number].name_in(lang) if number in PILLARS else str(number)


def vocabulary_names(vocabulary: str) -> dict[str, str]:
    """Human names that a user might type instead of the code (``Kazakhstan`` for ``KAZ``)."""
    table = {"country": COUNTRIES, "organisation": ORGANISATIONS}.get(vocabulary, {})
    return {c.name.casefold(): c.code for c in table.values()}


def normalise_code(vocabulary: str, raw: str) -> str | None:
    """The code for ``raw`` after trimming spaces and fixing case, or None when unknown."""
    text = " ".join(str(raw).split())
    allowed = VOCABULARIES[vocabulary]
    candidate = text.upper() if vocabulary in UPPER_CASE_VOCABULARIES else text.lower()
    if candidate in allowed:
        return candidate
    return vocabulary_names(vocabulary).get(text.casefold())


def suggest_code(vocabulary: str, raw: str) -> str | None:
    """The closest allowed code or name for a near miss ("Kazakstan" -> "Kazakhstan")."""
    text = " ".join(str(raw).split())
    names = vocabulary_names(vocabulary)
    pool = {**{c.casefold(): c for c in VOCABULARIES[vocabulary]}, **{n: n for n in names}}
    match = difflib.get_close_matches(text.casefold(), list(pool), n=1, cutoff=0.75)
    if not match:
        return None
    if match[0] in names:
        code = names[match[0]]
        name = next(c.name for c in (COUNTRIES | ORGANISATIONS).values() if c.code == code)
        return f"{name} ({code})"
    return pool[match[0]]
