"""The filters a view is in, as they travel in a URL: parsed, checked and described (pure).

A URL is untrusted input: a value that is not one of the choices is dropped with a notice that
the page shows, never an exception. Each kind of value has one parser here (``url_number``,
``url_code``, ``url_choice``) that every page and the command line use: ``str.isdigit`` would let
"²" through to ``int()``, and ``int()`` refuses more than 4,300 digits, so a number is ASCII digits
of bounded length and in range, and a code is bounded and one of the known ones. ``to_params``
writes back only the filters that are set, so a copied link is short and reopens the same view.
The language travels beside them (``lang``).
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, replace
from typing import Callable, Mapping

import pandas as pd

from spotlight_dash import codes, labels
from spotlight_dash.queries import Filters

FILTER_NAMES = ("programme", "year", "country", "pillar", "runo")
COUNTRIES = tuple(c for c in codes.COUNTRIES if c != "INT")


def filter_label(name: str, lang: str = "en") -> str:
    return labels.t(f"filter.{name}", lang)


@dataclass(frozen=True)
class Choices:
    """What each filter can be set to; ``None`` (all) is always allowed except for programme."""

    programmes: dict[str, str]  # programme_id -> short name as stored, the default first
    years: tuple[int, ...]
    lang: str = "en"

    def options(self, name: str) -> list:
        return {"programme": list(self.programmes), "year": list(self.years), "country": list(COUNTRIES),
                "pillar": list(codes.PILLARS), "runo": list(codes.RUNOS)}[name]

    def programme_name(self, programme_id) -> str:
        """The name as stored (the source's words); in Russian the established name where the catalogue has it."""
        stored = self.programmes.get(programme_id, str(programme_id))
        return stored if self.lang == labels.DEFAULT else labels.t_or(f"programme.{programme_id}", self.lang, stored)

    def label(self, name: str, value) -> str:
        if value is None:
            return labels.t(f"filter.{name}.all", self.lang)
        if name == "programme":
            return self.programme_name(value)
        if name == "country":
            return codes.country_name(value, self.lang)
        if name == "runo":
            return codes.organisation_name(value, self.lang)
        if name == "pillar":
            return labels.t("filter.pillar.value", self.lang, number=value, name=codes.pillar_name(value, self.lang))
        return str(value)

    def in_language(self, lang: str) -> "Choices":
        return replace(self, lang=lang)


def choices_from(run: Callable[[str], pd.DataFrame], lang: str = "en") -> Choices:
    """The choices a store offers; ``run(name)`` runs a named query without filters."""
    programmes = run("programmes")
    names: dict[str, str] = {}
    for programme, short_name in zip(programmes.programme_id.tolist(), programmes.short_name.tolist()):
        names.setdefault(programme, short_name)  # a programme's first row, as the query orders them
    ordered = sorted(names.items(), key=lambda p: (p[0] != "SI-CA-REG", p[0]))
    return Choices(programmes=dict(ordered), years=tuple(int(y) for y in run("years").year.tolist()), lang=lang)


MAX_URL_VALUE = 80  # longer than any code or programme id; a longer value is dropped unread
MAX_ECHO = 40  # how much of a dropped value its notice repeats


def url_number(raw, low: int, high: int) -> int | None:
    """An integer from a URL: ASCII digits only, no longer than ``high`` has, within [low, high]; else None."""
    text = str(raw if raw is not None else "")
    text = text.strip() if len(text) <= MAX_URL_VALUE else ""
    if not text or len(text) > len(str(high)) or not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if low <= number <= high else None


def url_code(raw, allowed, upper: bool = False) -> str | None:
    """A code from a URL (programme id, country, RUNO, indicator): one of ``allowed``, bounded; else None."""
    text = str(raw if raw is not None else "")
    text = text.strip() if len(text) <= MAX_URL_VALUE else ""
    if not text or not text.isascii():
        return None  # every code is ASCII: .upper() of other scripts can turn one letter into two
    text = text.upper() if upper else text
    return text if text in allowed else None


def url_choice(raw, allowed) -> int | None:
    """A number from a URL that must be one of ``allowed`` (a year, a pillar, a snapshot version)."""
    numbers = [int(a) for a in allowed]
    if not numbers:
        return None
    number = url_number(raw, min(numbers), max(numbers))
    return number if number in numbers else None


def echo(raw) -> str:
    """A dropped value as its notice repeats it: cut short, control characters shown as spaces."""
    text = str(raw)[:MAX_ECHO]
    return "".join(c if c.isprintable() else " " for c in text)


def parse_filter(name: str, raw, choices: "Choices"):
    """One filter's value from a link (or the command line): a choice, or None."""
    if name in ("year", "pillar"):
        return url_choice(raw, choices.options(name))
    return url_code(raw, choices.options(name), upper=name in ("country", "runo"))


def parse(params: Mapping[str, str], choices: Choices, remembered: Filters | None = None) -> tuple[Filters, list[str]]:
    """Filters from URL parameters, falling back to the remembered view; plus notices for bad values."""
    values = {n: getattr(remembered, n) for n in FILTER_NAMES} if remembered else {n: None for n in FILTER_NAMES}
    notices = []
    for name in FILTER_NAMES:
        raw = params.get(name)
        if raw is None or raw == "":
            continue
        value = parse_filter(name, raw, choices)
        if value is not None:
            values[name] = value
        else:
            notices.append(ignored_notice(filter_label(name, choices.lang), raw, choices.lang))
    if values["programme"] not in choices.programmes:
        values["programme"] = next(iter(choices.programmes), None)
    return Filters(**values), notices


def ignored_notice(what: str, raw, lang: str = "en") -> str:
    """The usual notice for a link value that was dropped: what it was meant to set, and (part of) the value."""
    return labels.t("filter.ignored", lang, filter=what, value=echo(raw))


def to_params(filters: Filters) -> dict[str, str]:
    return {n: str(getattr(filters, n)) for n in FILTER_NAMES if getattr(filters, n) is not None}


def describe(filters: Filters, choices: Choices) -> str:
    """The subtitle of every chart and export: e.g. "Spotlight Central Asia · 2020 · all countries"."""
    parts = [choices.label("programme", filters.programme), choices.label("year", filters.year)]
    parts += [choices.label(n, getattr(filters, n)) for n in ("country", "pillar", "runo") if getattr(filters, n)]
    return " · ".join(parts)


def seen_for(link, filters: Filters, choices: Choices) -> str:
    """Where a note was made on another selection than the one it is read in (Kyrgyzstan, 2021): that
    selection's differences in words, so a remark about one country is not read as one about the region.
    ``link`` is the query string the note was made with; empty when it is the same selection."""
    if not isinstance(link, str) or not link:
        return ""
    made_on, _ = parse(dict(urllib.parse.parse_qsl(link)), choices)
    return " · ".join(choices.label(name, getattr(made_on, name)) for name in FILTER_NAMES
                      if getattr(made_on, name) != getattr(filters, name))


def with_values(filters: Filters, **values) -> Filters:
    return replace(filters, **values)
