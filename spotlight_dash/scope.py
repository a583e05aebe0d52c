"""What a figure is for: the filters its rows honour, and the chosen ones it is broader than (pure).

A reader who picks Kazakhstan reads every figure on the screen as Kazakhstan's. A figure that is
not broken down by country must say so in its own label ("whole programme: not reported by
country"), never sit under the country's name. Two ways a figure is broader than the selection:
its query has no such dimension (media totals have no country), or it has one but nothing was
reported at that level (the budget is stated for the programme, not by country): then the figure
steps back to the level that was reported, and says so.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass, replace
from typing import Callable

import pandas as pd

from spotlight_dash import labels, queries
from spotlight_dash.queries import Filters

NARROWING = ("year", "country", "pillar", "runo")  # the filters that narrow a figure within a programme
# A breakdown a figure may step back from when nothing is reported at its level. Not the year: a
# figure of another period is another figure ("not reported for 2021" is the truth).
BREAKDOWNS = ("country", "pillar", "runo")


@dataclass(frozen=True)
class Scoped:
    frames: dict[str, pd.DataFrame]
    filters: Filters  # what the figures are for
    broader: tuple[str, ...] = ()  # filters the user chose that these figures are not broken down by

    @property
    def whole_programme(self) -> bool:
        """Broader than the selection and not narrowed by any country, pillar or RUNO at all."""
        return bool(set(self.broader) & set(BREAKDOWNS)) and not any(getattr(self.filters, d) for d in BREAKDOWNS)

    def note(self, lang: str = labels.DEFAULT) -> str:
        """e.g. "whole programme: not reported by country", or "not reported by RUNO" for Kazakhstan's media
        hits (which have no RUNO); empty when the figures are as narrow as chosen."""
        if not self.broader:
            return ""
        dims = labels.t("chart.or", lang).join(labels.t(f"filter.{d}.lower", lang) for d in self.broader)
        key = "scope.whole_programme" if self.whole_programme else "scope.not_by"
        return labels.t(key, lang, filters=dims)

    def sentence(self, lang: str = labels.DEFAULT) -> str:
        """The note as a sentence under a chart or above a table ("Whole programme: not reported by country.")."""
        note = self.note(lang)
        return note[:1].upper() + note[1:] + "." if note else ""


def scoped(run: Callable[..., pd.DataFrame], query_names, filters: Filters) -> Scoped:
    """The frames of ``query_names`` for ``filters`` (``run(name, **filters)`` runs one), at the
    narrowest level the figures are reported at."""
    names = list(query_names)
    applied = set().union(*(queries.QUERIES[q].filters for q in names))
    unapplied = tuple(d for d in NARROWING if getattr(filters, d) is not None and d not in applied)
    narrowed = replace(filters, **{d: None for d in unapplied})
    frames = {q: run(q, **asdict(narrowed)) for q in names}
    chosen = tuple(d for d in BREAKDOWNS if getattr(narrowed, d) is not None)
    if chosen and all(frame.empty for frame in frames.values()):
        # Step back as little as possible: UN Women's budget is not by country, but it is UN Women's.
        for size in range(1, len(chosen) + 1):
            for dropped in itertools.combinations(chosen, size):
                wider = replace(narrowed, **{d: None for d in dropped})
                wider_frames = {q: run(q, **asdict(wider)) for q in names}
                if any(not frame.empty for frame in wider_frames.values()):
                    return Scoped(wider_frames, wider, tuple(d for d in NARROWING if d in unapplied or d in dropped))
    return Scoped(frames, narrowed, unapplied)
