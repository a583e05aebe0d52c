"""Numbers and dates as people read them, in English or Russian; a missing figure is "not
reported", never 0.

Russian uses a (no-break) space between thousands and a comma before decimals: 4 432 461 and
14,7 %; English 4,432,461 and 14.7 %.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from spotlight_dash import labels

THOUSANDS_RU = "\u00a0"  # a no-break space: a figure never wraps between its digits


def is_missing(value) -> bool:
    """None, NaN, NaT and pandas' NA (nullable columns) are all "not reported"."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def not_reported(lang: str = "en") -> str:
    return labels.t("format.not_reported", lang)


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
        return labels.t("format.no_change", lang)
    sign = "+" if value > 0 else "−"
    body = percent(abs(value), decimals, lang) if unit == "%" else number(abs(value), decimals, lang=lang)
    return sign + body + (" " + labels.t("format.points", lang) if unit == "%" else "")


def date(value: dt.date | dt.datetime | None, lang: str = "en", with_time: bool = False) -> str:
    """ "22 Nov 2026" / "22 ноября 2026" (with " 14:05" when asked)."""
    if is_missing(value):
        return not_reported(lang)
    text = f"{value.day:02d} {labels.t(f'format.date_month.{value.month}', lang)} {value.year}"
    if with_time and isinstance(value, dt.datetime):
        text += f" {value:%H:%M}"
    return text


def month(value: dt.date | dt.datetime, lang: str = "en") -> str:
    """A month on an axis: "November 2026" / "ноябрь 2026"."""
    return f"{labels.t(f'format.month.{value.month}', lang)} {value.year}"


# Table columns whose values are codes a reader knows by a name (``labels`` value.*), or whose
# numbers are not quantities (a year is not "2,020").
CODED_COLUMNS = ("kind", "measure", "reach_type", "sex", "age_group", "event_type", "level", "direction")
NOT_QUANTITIES = ("year", "version", "line", "source_row", "pillar", "result_no", "indicator_no", "occurrence")


# Columns of codes that a reader reads in words: ``in_words`` turns them into the language's words.
WORDED_COLUMNS = (*CODED_COLUMNS, "country", "organisation", "country_name", "organisation_name", "rag",
                  *labels.WORDED_BY_THE_TEAM)


def in_words(frame: pd.DataFrame, lang: str = "en", keep_codes: bool = False) -> pd.DataFrame:
    """Codes in words, countries and organisations by name and the dataset team's words, in ``lang``;
    figures and dates stay values (a spreadsheet's cells stay numbers). Missing stays missing. ``keep_codes``: a country or organisation
    code beside its name column stays a code (a data file's key), and the name column is in ``lang``."""
    from spotlight_dash import codes  # here: codes reads labels, which reads nothing of this module
    out = team_words(frame, lang).copy()
    namers = {"country": codes.country_name, "organisation": codes.organisation_name}
    for name in out.columns:
        column = out[name]
        if name in CODED_COLUMNS:
            out[name] = [None if is_missing(v) else labels.t_or(f"value.{v}", lang, str(v)) for v in column]
        elif name in namers and not (keep_codes and f"{name}_name" in frame.columns):
            out[name] = [None if is_missing(v) else namers[name](v, lang) for v in column]
        elif (coded := name.removesuffix("_name")) != name and coded in namers and coded in frame.columns:
            # The store's names are English: the name comes from the code, in the reader's language.
            out[name] = [shown if is_missing(code) else namers[coded](code, lang)
                         for code, shown in zip(frame[coded], column)]
        elif name == "rag":
            out[name] = [None if is_missing(v) else labels.t_or(f"rag.{v}", lang, str(v)) for v in column]
    return out


def team_words(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Only the dataset team's words (components, units, period names, notes) in ``lang``: what a chart
    draws as categories. Codes and names a chart words itself."""
    worded = [name for name in labels.WORDED_BY_THE_TEAM if name in frame.columns]
    if lang == labels.DEFAULT or not worded:
        return frame
    return frame.assign(**{name: [labels.dataset_word(v, lang) for v in frame[name]] for name in worded})


def for_reading(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A table as a reader reads it: amounts and counts grouped for the language, dates as dates, codes
    in words, countries and organisations by name. Missing stays missing (the table shows a dash).
    A code beside its name column goes: in words both would read the same name twice."""
    out = in_words(frame, lang).drop(columns=[c for c in ("country", "organisation")
                                              if c in frame.columns and f"{c}_name" in frame.columns])
    for name in out.columns:
        column = out[name]
        if name in WORDED_COLUMNS or pd.api.types.is_bool_dtype(column):
            continue
        elif pd.api.types.is_numeric_dtype(column) and not any(word in name for word in NOT_QUANTITIES):
            out[name] = [None if is_missing(v) else number(v, 0 if float(v).is_integer() else 1, lang=lang)
                         for v in column]
        elif pd.api.types.is_datetime64_any_dtype(column) or (
                column.dtype == object and any(isinstance(v, dt.date) for v in column.head(20))):
            out[name] = [None if is_missing(v) else date(v, lang, with_time=_has_time(v)) for v in column]
    return out


def _has_time(value) -> bool:
    return isinstance(value, dt.datetime) and (value.hour, value.minute) != (0, 0)
