"""Alt text for a chart: what it shows and its main values, from the figure itself (pure)."""

from __future__ import annotations

import plotly.graph_objects as go

from spotlight_dash import formatting as fmt

MAX_VALUES = 12


def _value(v) -> str:
    if fmt.is_missing(v):
        return fmt.NOT_REPORTED
    return fmt.number(v, 0 if float(v) == int(float(v)) else 1)


def _clean(label) -> str:
    return str(label).replace("<br>", " ")


def describe(figure: go.Figure, title: str, filters: str, unit: str, source: str) -> str:
    """E.g. "Bar chart: Media hits by country (Spotlight … · 2020), in media hits. Kazakhstan 39; …"."""
    parts = []
    bars = [t for t in figure.data if t.type == "bar"]
    for trace in figure.data:
        horizontal = getattr(trace, "orientation", None) == "h"
        labels, values = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
        if labels is None or values is None:
            continue
        pairs = [f"{_clean(label)} {_value(value)}" for label, value in zip(labels, values)]
        shown = "; ".join(pairs[:MAX_VALUES]) + (f"; and {len(pairs) - MAX_VALUES} more" if len(pairs) > MAX_VALUES else "")
        name = f"{trace.name}: " if trace.name and len(figure.data) > 1 else ""
        parts.append(name + shown)
    kind = "Bar chart" if bars else "Chart"
    return f"{kind}: {title} ({filters}), in {unit}. " + ". ".join(parts) + f". {source}."
