"""The definitions every page, export and query uses: delivery rate, progress to target, RAG.

How users read them (both languages, also on the Sources page and in docs/definitions.md) is
``definitions(lang)``, the catalogue entry ``metrics.definitions``; the code below is the rule.
"""

from __future__ import annotations

import datetime as dt
import math

DELIVERY_AIM_PCT = 70.0  # the programme's stated aim, also stored with its source
RAG_GREEN_AT = 0.9
RAG_AMBER_AT = 0.6
RAG_LEVELS = ("green", "amber", "red", "no data")


def rag_name(level: str, lang: str = "en") -> str:
    from spotlight_dash import labels  # here, not above: the labels' catalogue reads the queries, which read this

    return labels.t(f"rag.{level}", lang)


def rag_thresholds_text(lang: str = "en") -> str:
    from spotlight_dash import labels

    return labels.t("rag.thresholds", lang, green=round(RAG_GREEN_AT * 100), amber=round(RAG_AMBER_AT * 100))


def definitions(lang: str = "en") -> str:
    from spotlight_dash import labels

    return labels.t("metrics.definitions", lang, green=round(RAG_GREEN_AT * 100), amber=round(RAG_AMBER_AT * 100))


# Alternative statements. Two rows of a fact table that agree on every column of the table's key
# but the source are two statements of one fact (the annual report's "more than 5 million USD"
# and the factsheet's "USD 4,248,584" for the EU's allocation): alternatives, never parts of a
# sum. Where they agree, the fact is their common value, citing both. Where they differ, the fact
# has no single value: it is shown as its statements, each with its source, and a total that
# would include it is shown as the range its statements span, never as their sum.
# queries._facts is this rule in SQL; every aggregating query reads its table through it.


def statements_agree(values) -> bool:
    """Whether the statements of one fact give one value (an empty statement states nothing)."""
    return len({v for v in values if not _missing(v)}) <= 1


def _missing(*values) -> bool:
    return any(v is None or (isinstance(v, float) and math.isnan(v)) for v in values)


def delivery_rate_pct(expenditure: float | None, budget: float | None) -> float | None:
    if _missing(expenditure, budget) or budget <= 0:
        return None
    return 100.0 * expenditure / budget


def progress_to_target(baseline: float | None, target: float | None, actual: float | None,
                       direction: str = "higher") -> float | None:
    """Share of the way from baseline to target (1.0 = reached), or None when undefined."""
    if _missing(baseline, target, actual) or target == baseline:
        return None
    if (direction == "higher") != (target > baseline):
        return None  # a target on the wrong side of its baseline: flagged by the import rules
    return (actual - baseline) / (target - baseline)


def expected_progress(start: dt.date, end: dt.date, on: dt.date) -> float:
    """Share of the target period elapsed on ``on`` (straight-line expectation), 0..1."""
    if on >= end:
        return 1.0
    if on <= start:
        return 0.0
    return (on - start).days / (end - start).days


def rag_status(progress: float | None, expected: float | None) -> str:
    if _missing(progress, expected):
        return "no data"
    if expected <= 0:
        return "green"
    ratio = progress / expected
    if ratio >= RAG_GREEN_AT:
        return "green"
    if ratio >= RAG_AMBER_AT:
        return "amber"
    return "red"
