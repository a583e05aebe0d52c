"""Where figures come from: the source ids a frame cites, and the line a chart carries (pure)."""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from spotlight_dash import labels


def source_ids(frames: Iterable[pd.DataFrame]) -> list[str]:
    """Every source a set of query results cites (``source_id`` or ``source_ids`` "a;b" columns)."""
    found: dict[str, None] = {}
    for frame in frames:
        for column in ("source_id", "source_ids"):
            if column in frame.columns:
                for cell in frame[column].dropna().unique():  # a million rows cite a handful of sources
                    found.update((s, None) for s in str(cell).split(";") if s)
    return list(found)


def rows_for(sources: pd.DataFrame, ids: Iterable[str]) -> pd.DataFrame:
    """The source rows a user sees behind a figure: document, section, quote, or file and row."""
    wanted = list(ids)
    rows = sources[sources.source_id.isin(wanted)]
    return rows[["source_id", "title", "section", "quote", "location"]].rename(
        columns={"title": "document", "location": "file_sheet_row"})


def source_line(sources: pd.DataFrame, ids: Iterable[str], limit: int = 3, lang: str = "en") -> str:
    """ "Source: Annual report 2020 (Budget); MPTF factsheet" — documents in order, sections merged."""
    wanted = set(ids)
    # Plain lists, not pandas: a few ids among hundreds of sources, once for every chart of a page.
    rows = [row for row in zip(sources.source_id.tolist(), sources.citation.tolist(), sources.location.tolist(),
                               sources.section.tolist()) if row[0] in wanted]
    if not rows:
        return labels.t("source.not_recorded", lang)
    documents: dict[str, list[str]] = {}
    for source_id, citation, location, section in rows:
        name = citation if isinstance(citation, str) else (location or source_id)
        sections = documents.setdefault(name, [])
        if isinstance(section, str) and section not in sections:
            sections.append(section)
    parts = []
    for name, sections in documents.items():
        shown = ", ".join(sections[:2]) + (", …" if len(sections) > 2 else "")
        parts.append(f"{name} ({shown})" if shown else name)
    more = labels.t("common.more", lang, count=len(parts) - limit) if len(parts) > limit else ""
    return labels.t("source.line", lang, documents="; ".join(parts[:limit]) + more)


PERIOD_COLUMNS = ("period_id", "target_period_id", "actual_period_id", "year", "period_ids")


def reported_periods(frames: Iterable[pd.DataFrame]) -> list[str]:
    """The periods the figures of some query results report on, as they name them ("2020", "PHASE-I")."""
    found: dict[str, None] = {}
    for frame in frames:
        for column in PERIOD_COLUMNS:
            if column in frame.columns:
                found.update((p, None) for cell in frame[column].dropna().unique() for p in str(cell).split(";") if p)
    return sorted(found)


def period_names(periods: pd.DataFrame, lang: str) -> dict[str, str]:
    """Each period's name ("Phase I (2020–2022)") in ``lang``, from the ``periods`` query."""
    return {p: labels.dataset_word(name, lang) for p, name in zip(periods.period_id.tolist(), periods.label.tolist())}


def dates_line(periods: list[str], period_labels: dict[str, str], loaded: str, version: int | None,
               lang: str = "en") -> str:
    """The two dates of a figure, named for what they are: the period it reports on, and when it was loaded
    ("Reported for 2020 · loaded 2 Dec 2026 · snapshot v0001"); a load is not the figures' date."""
    snapshot = labels.t("common.loaded", lang, when=loaded, version=version or 0)
    if not periods:
        return snapshot
    named = [period_labels.get(p, p) for p in periods]
    shown = ", ".join(named[:4]) + (labels.t("common.more", lang, count=len(named) - 4) if len(named) > 4 else "")
    return labels.t("common.reported_for", lang, periods=shown, loaded=snapshot)


def disagreements_in_words(frame: pd.DataFrame, sources: pd.DataFrame, period_labels: dict[str, str],
                           lang: str = "en") -> pd.DataFrame:
    """The ``disagreements`` query as a reader reads it: what the figure is, each statement with its
    "more than" and currency, and the document it comes from; never a code or a raw number."""
    from spotlight_dash import codes, formatting  # here: both read labels, as this module does

    def word(part: str) -> str:
        if part in codes.COUNTRIES:
            return codes.country_name(part, lang)
        if part in codes.ORGANISATIONS:
            return codes.organisation_name(part, lang)
        return period_labels.get(part) or labels.t_or(f"value.{part}", lang, part)

    def statement(row) -> str:
        try:
            value = float(row.value)
        except ValueError:  # a date
            return formatting.date(pd.Timestamp(row.value).date(), lang)
        text = formatting.number(value, 0 if value.is_integer() else 1, lang=lang)
        if isinstance(row.currency, str):
            text = f"{text} {row.currency}"
        return labels.t("disagreement.more_than", lang, value=text) if row.is_lower_bound else text

    cited = dict(zip(sources.source_id, sources.citation))
    sections = dict(zip(sources.source_id, sources.section))
    rows = [{"figure": " · ".join(word(p) for p in str(r.claim).split(" · ") if p),
             "statement": statement(r),
             "document": " — ".join(str(x) for x in (cited.get(r.source_id), sections.get(r.source_id))
                                    if isinstance(x, str)) or r.source_id,
             "quote": r.quote} for r in frame.itertuples()]
    return pd.DataFrame(rows, columns=["figure", "statement", "document", "quote"])
