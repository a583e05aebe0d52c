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
