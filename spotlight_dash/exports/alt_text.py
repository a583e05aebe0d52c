"""Alt text for a chart: what it shows and its main values, from the figure itself (pure)."""

from __future__ import annotations

import html

import plotly.graph_objects as go

from spotlight_dash import formatting as fmt
from spotlight_dash import labels

MAX_VALUES = 12


def _value(v, lang: str) -> str:
    if fmt.is_missing(v):
        return fmt.not_reported(lang)
    return fmt.number(v, 0 if float(v) == int(float(v)) else 1, lang=lang)


def _clean(label) -> str:
    """A figure's text as words: its line breaks as spaces, and what charts escaped for plotly unescaped."""
    return html.unescape(str(label).replace("<br>", " "))


def describe(figure: go.Figure, title: str, filters: str, unit: str, source: str, lang: str = "en") -> str:
    """E.g. "Bar chart: Media hits by country (Spotlight … · 2020), in media hits. Kazakhstan 39; …"."""
    parts = []
    bars = [t for t in figure.data if t.type == "bar"]
    for trace in figure.data:
        horizontal = getattr(trace, "orientation", None) == "h"
        points, values = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
        if points is None or values is None:
            continue
        pairs = [f"{_clean(label)} {_value(value, lang)}" for label, value in zip(points, values)]
        more = len(pairs) - MAX_VALUES
        shown = "; ".join(pairs[:MAX_VALUES]) + (labels.t("common.more", lang, count=more) if more > 0 else "")
        name = f"{_clean(trace.name)}: " if trace.name and len(figure.data) > 1 else ""
        parts.append(name + shown)
    kind = labels.t("alt.bar_chart" if bars else "alt.chart", lang)
    return labels.t("alt.text", lang, kind=kind, title=title, filters=filters, unit=unit, values=". ".join(parts),
                    source=source)
