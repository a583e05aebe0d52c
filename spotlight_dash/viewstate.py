"""The filters a view is in, as they travel in a URL: parsed, checked and described (pure).

A URL is untrusted input: a value that is not one of the choices is dropped with a notice that
the page shows, never an exception. ``to_params`` writes back only the filters that are set, so a
copied link is short and reopens the same view. The language travels beside them (``lang``).
"""

from __future__ import annotations

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


def _coerce(name: str, raw: str):
    text = raw.strip()
    if name in ("year", "pillar"):
        return int(text) if text.isdigit() else text
    return text.upper() if name in ("country", "runo") else text


def parse(params: Mapping[str, str], choices: Choices, remembered: Filters | None = None) -> tuple[Filters, list[str]]:
    """Filters from URL parameters, falling back to the remembered view; plus notices for bad values."""
    values = {n: getattr(remembered, n) for n in FILTER_NAMES} if remembered else {n: None for n in FILTER_NAMES}
    notices = []
    for name in FILTER_NAMES:
        raw = params.get(name)
        if raw is None or raw == "":
            continue
        value = _coerce(name, str(raw))
        if value in choices.options(name):
            values[name] = value
        else:
            notices.append(labels.t("filter.ignored", choices.lang, filter=filter_label(name, choices.lang),
                                    value=str(raw)[:40]))
    if values["programme"] not in choices.programmes:
        values["programme"] = next(iter(choices.programmes), None)
    return Filters(**values), notices


def to_params(filters: Filters) -> dict[str, str]:
    return {n: str(getattr(filters, n)) for n in FILTER_NAMES if getattr(filters, n) is not None}


def describe(filters: Filters, choices: Choices) -> str:
    """The subtitle of every chart and export: e.g. "Spotlight Central Asia · 2020 · all countries"."""
    parts = [choices.label("programme", filters.programme), choices.label("year", filters.year)]
    parts += [choices.label(n, getattr(filters, n)) for n in ("country", "pillar", "runo") if getattr(filters, n)]
    return " · ".join(parts)


def with_values(filters: Filters, **values) -> Filters:
    return replace(filters, **values)
