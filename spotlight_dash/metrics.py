"""The definitions every page, export and query uses. Written out in the README.

- Delivery rate = expenditure / approved budget for the same programme, organisation and
  currency, in per cent. The approved budget is the Spotlight funding (``approved``), or the
  revised budget where one is recorded; agency contributions are shown beside it, not in it.
  With no expenditure or no budget reported, the rate is missing, never 0.
- Progress to target = (actual - baseline) / (target - baseline). Both differences carry their
  sign, so an indicator where lower is better (target below baseline) is honoured; a target on
  the wrong side of its baseline for the indicator's direction gives no progress (missing).
- RAG status compares progress with the progress expected by the date of the actual: green at
  or above 90 % of it, amber at or above 60 %, red below; "no data" when it cannot be computed.
- Direct and indirect reach are different populations counted differently: they are never
  added together into one number.
"""

from __future__ import annotations

import datetime as dt
import math

DELIVERY_AIM_PCT = 70.0  # the programme's stated aim, also stored with its source
RAG_GREEN_AT = 0.9
RAG_AMBER_AT = 0.6
RAG_LEVELS = ("green", "amber", "red", "no data")
RAG_THRESHOLDS_TEXT = (
    f"green: at least {RAG_GREEN_AT:.0%} of the progress expected by now; "
    f"amber: at least {RAG_AMBER_AT:.0%}; red: below {RAG_AMBER_AT:.0%}; "
    "no data: baseline, target or actual not reported"
)


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
