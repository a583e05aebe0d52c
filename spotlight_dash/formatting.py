"""Numbers as people read them; a missing figure is "not reported", never 0."""

from __future__ import annotations

import pandas as pd

NOT_REPORTED = "not reported"


def is_missing(value) -> bool:
    """None, NaN, NaT and pandas' NA (nullable columns) are all "not reported"."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def number(value, decimals: int = 0, unit: str = "") -> str:
    if is_missing(value):
        return NOT_REPORTED
    text = f"{float(value):,.{decimals}f}"
    return f"{text} {unit}".strip()


def percent(value, decimals: int = 0) -> str:
    if is_missing(value):
        return NOT_REPORTED
    return f"{float(value):.{decimals}f} %"


def signed(value, decimals: int = 0, unit: str = "") -> str:
    """A difference with its sign: "+1,200", "−3 %", "no change"."""
    if is_missing(value):
        return NOT_REPORTED
    if value == 0:
        return "no change"
    sign = "+" if value > 0 else "−"
    body = percent(abs(value), decimals) if unit == "%" else number(abs(value), decimals)
    return sign + body + (" points" if unit == "%" else "")
