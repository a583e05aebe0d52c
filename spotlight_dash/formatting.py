"""Numbers and dates as people read them, in English or Russian; a missing figure is "not
reported", never 0.

Russian uses a (no-break) space between thousands and a comma before decimals: 4 432 461 and
14,7 %; English 4,432,461 and 14.7 %.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

NOT_REPORTED = "not reported"
_NOT_REPORTED = {"en": NOT_REPORTED, "ru": "нет данных"}
_NO_CHANGE = {"en": "no change", "ru": "без изменений"}
_POINTS = {"en": "points", "ru": "п. п."}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Genitive, as a date is written: "22 ноября 2026".
_MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря")
_MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December")
_MONTH_NAMES_RU = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                   "ноябрь", "декабрь")
THOUSANDS_RU = "\u00a0"  # a no-break space: a figure never wraps between its digits


def is_missing(value) -> bool:
    """None, NaN, NaT and pandas' NA (nullable columns) are all "not reported"."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def not_reported(lang: str = "en") -> str:
    return _NOT_REPORTED.get(lang, NOT_REPORTED)


def _digits(value: float, decimals: int, lang: str) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "ru":
        text = text.replace(",", THOUSANDS_RU).replace(".", ",")
    return text


def number(value, decimals: int = 0, unit: str = "", lang: str = "en") -> str:
    if is_missing(value):
        return not_reported(lang)
    return f"{_digits(float(value), decimals, lang)} {unit}".strip()


def percent(value, decimals: int = 0, lang: str = "en") -> str:
    if is_missing(value):
        return not_reported(lang)
    return f"{_digits(float(value), decimals, lang)} %"


def signed(value, decimals: int = 0, unit: str = "", lang: str = "en") -> str:
    """A difference with its sign: "+1,200", "−3 % points", "no change"."""
    if is_missing(value):
        return not_reported(lang)
    if value == 0:
        return _NO_CHANGE.get(lang, _NO_CHANGE["en"])
    sign = "+" if value > 0 else "−"
    body = percent(abs(value), decimals, lang) if unit == "%" else number(abs(value), decimals, lang=lang)
    return sign + body + (f" {_POINTS.get(lang, _POINTS['en'])}" if unit == "%" else "")


def date(value: dt.date | dt.datetime | None, lang: str = "en", with_time: bool = False) -> str:
    """ "22 Nov 2026" / "22 ноября 2026" (with " 14:05" when asked)."""
    if is_missing(value):
        return not_reported(lang)
    month = (_MONTHS_RU if lang == "ru" else _MONTHS_EN)[value.month - 1]
    text = f"{value.day:02d} {month} {value.year}"
    if with_time and isinstance(value, dt.datetime):
        text += f" {value:%H:%M}"
    return text


def month(value: dt.date | dt.datetime, lang: str = "en") -> str:
    """A month on an axis: "November 2026" / "ноябрь 2026"."""
    return f"{(_MONTH_NAMES_RU if lang == 'ru' else _MONTH_NAMES_EN)[value.month - 1]} {value.year}"
