"""The filters a view is in, as they travel in a URL: parsed, checked and described (pure).

A URL is untrusted input: a value that is not one of the choices is dropped with a notice that
the page shows, never an exception. ``to_params`` writes back only the filters that are set, so a
copied link is short and reopens the same view.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Mapping

import pandas as pd

from spotlight_dash import codes
from spotlight_dash.queries import Filters

FILTER_NAMES = ("programme", "year", "country", "pillar", "runo")
LABELS = {"programme": "Programme", "year": "Year", "country": "Country", "pillar": "Pillar", "runo": "RUNO"}
ALL = {"year": "all years", "country": "all countries", "pillar": "all pillars", "runo": "all RUNOs"}


@dataclass(frozen=True)
class Choices:
    """What each filter can be set to; ``None`` (all) is always allowed except for programme."""

    programmes: dict[str, str]  # programme_id -> short name, the default first
    years: tuple[int, ...]
    countries: dict[str, str] = field(default_factory=lambda: {
        c: code.name for c, code in codes.COUNTRIES.items() if c != "INT"})
    pillars: dict[int, str] = field(default_factory=lambda: {p: c.name for p, c in codes.PILLARS.items()})
    runos: dict[str, str] = field(default_factory=lambda: {r: codes.ORGANISATIONS[r].name for r in codes.RUNOS})

    def options(self, name: str) -> list:
        return {"programme": list(self.programmes), "year": list(self.years), "country": list(self.countries),
                "pillar": list(self.pillars), "runo": list(self.runos)}[name]

    def label(self, name: str, value) -> str:
        if value is None:
            return ALL.get(name, "all")
        names = {"programme": self.programmes, "country": self.countries, "runo": self.runos}.get(name)
        if name == "pillar":
            return f"Pillar {value}: {self.pillars.get(value, '')}".rstrip(": ")
        return names.get(value, str(value)) if names else str(value)


def choices_from(run: Callable[[str], pd.DataFrame]) -> Choices:
    """The choices a store offers; ``run(name)`` runs a named query without filters."""
    programmes = run("programmes").drop_duplicates("programme_id")
    ordered = sorted(zip(programmes.programme_id, programmes.short_name), key=lambda p: (p[0] != "SI-CA-REG", p[0]))
    return Choices(programmes=dict(ordered), years=tuple(int(y) for y in run("years").year))


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
            shown = str(raw)[:40]
            notices.append(f"{LABELS[name]} “{shown}” in the link is not one of the choices; it was ignored.")
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


def not_applied(filters: Filters, query_filters: tuple[str, ...]) -> list[str]:
    """The filters set by the user that a query has no dimension for (its figures ignore them)."""
    return [LABELS[n].lower() for n in FILTER_NAMES
            if getattr(filters, n) is not None and n not in query_filters and n != "programme"]


def with_values(filters: Filters, **values) -> Filters:
    return replace(filters, **values)
