"""Charts: pure functions from query frames to plotly figures, and the registry of them.

A chart names the queries it needs; ``Chart.figure(frames, meta)`` draws it with its title, a
subtitle naming the filters, the unit, and a bottom line "Source: ... · Data as of ...". A chart
with nothing reported returns None and the page shows ``Chart.empty``: what is missing and where
it would come from. No Streamlit, no DuckDB, no I/O here.

Charts are drawn as plain dicts and become one ``go.Figure`` at the end, unvalidated: plotly's
validating constructors and updates were most of a page's drawing time (4-24 ms a chart, against
1-2 ms from dicts). tests/test_charts.py validates every chart's spec instead.
"""

from __future__ import annotations

import copy
import html
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import pandas as pd
import plotly.graph_objects as go
from plotly import subplots

from spotlight_dash import codes, labels, metrics, style
from spotlight_dash import formatting as fmt

Frames = dict[str, pd.DataFrame]
# A figure before its title and footer: {"data": [trace dicts], "layout": {...}}, and optionally
# "note": what the reader must know about what is drawn, shown under the subtitle.
Spec = dict


@dataclass(frozen=True)
class ChartMeta:
    """What surrounds a chart: the filters in force, where the figures come from, when."""

    filters: str  # e.g. "Spotlight Central Asia · 2020 · all countries"
    source: str  # e.g. "Source: Annual report 2020 (Media and visibility)"
    as_of: str  # e.g. "Data as of 22 Nov 2026 · snapshot v0003"
    synthetic: bool = False
    font_scale: float = 1.0  # meeting mode draws larger
    lang: str = labels.DEFAULT


@dataclass(frozen=True)
class Chart:
    """A chart's words are in the labels' catalogue: chart.<name>.title, .unit and .empty."""

    name: str  # used in URLs, file names and `python -m spotlight_dash chart NAME`
    queries: tuple[str, ...]
    # (frames, lang) -> the chart's traces and layout as plain dicts, or None with nothing to draw
    draw: Callable[[Frames, str], Spec | None]

    def title(self, lang: str = labels.DEFAULT) -> str:
        return labels.t(f"chart.{self.name}.title", lang)

    def unit(self, lang: str = labels.DEFAULT) -> str:
        return labels.t(f"chart.{self.name}.unit", lang, rag_thresholds=metrics.rag_thresholds_text(lang))

    def empty(self, lang: str = labels.DEFAULT) -> str:
        """What is missing and how to add it."""
        return labels.t(f"chart.{self.name}.empty", lang)

    def figure(self, frames: Frames, meta: ChartMeta, height: int = 440) -> go.Figure | None:
        spec = self.draw(frames, meta.lang)
        return None if spec is None else finish(spec, self.title(meta.lang), self.unit(meta.lang), meta, height)


_SEPARATORS = {"en": ".,", "ru": ",\u00a0"}  # plotly's decimal then thousands mark: 4 432 461 and 14,7


def finish(spec: Spec, title: str, unit: str, meta: ChartMeta, height: int) -> go.Figure:
    """The drawn spec with heading, subtitle, footer and the house template, as one unvalidated figure."""
    scale = meta.font_scale
    prefix = _t("synthetic", meta.lang) + " · " if meta.synthetic else ""
    # Wrapped, not cut: a half-width chart on screen and an exported square both keep every word,
    # in Russian too, whose words run longer. The top margin grows with the lines of the heading.
    heading = _wrap(prefix + title, 34)
    # The filters and the sources hold names from the data: plotly reads its text as HTML (<b>, <a href>),
    # so theirs is escaped; the chart's own words keep their markup.
    subtitle = _wrap_plain(f"{meta.filters} · {unit}", 54) + (f"<br>{_wrap(spec['note'], 54)}" if spec.get("note") else "")
    # The footer starts where the plot starts, right of any bar labels, and sits under any slanted
    # axis labels: both take room from it.
    side_labels, slanted_labels = _axis_label_lengths(spec)
    footer = _wrap_plain(f"{meta.source} · {meta.as_of}", max(30, 62 - side_labels))
    below = int((72 + 5 * slanted_labels) * scale)
    heading_lines, subtitle_lines, footer_lines = (text.count("<br>") + 1 for text in (heading, subtitle, footer))
    top = int((64 + 26 * heading_lines + 19 * subtitle_lines) * scale)
    bottom = int(12 * scale) + below + int(14 * footer_lines * scale)
    # Longer headings and footers get room of their own: the plot keeps the height it had with one
    # line each (a chart may ask for more room than the page's default).
    extra = top + bottom - int((64 + 26 + 19 + 12 + 72 + 14) * scale)
    layout = _plain_layout(spec["layout"])  # a copy: the nested dicts changed below are never the spec's own
    layout["template"] = style.TEMPLATE_JSON
    _update(layout, dict(
        separators=_SEPARATORS[meta.lang],
        title=dict(text=heading, subtitle=dict(text=subtitle), y=1, yanchor="top", pad=dict(t=int(18 * scale))),
        font=dict(size=14 * scale),
        height=int((layout.get("height") or height) * scale) + extra,
        margin=dict(t=top, b=bottom, l=20, r=30),
    ))
    layout["annotations"] = [*layout.get("annotations", ()), dict(
        text=footer, showarrow=False, xref="paper", yref="paper",
        x=0, y=0, yshift=-below, xanchor="left", yanchor="top",
        font=dict(size=11 * scale, color=style.NOTE), align="left")]
    return go.Figure(data=[_plain_trace(trace) for trace in spec["data"]], layout=layout, _validate=False)


# Where a figure holds text from the data (categories, bar labels, series, subplot and axis names). plotly
# reads all of it as HTML: a campaign called "<a href=…>" would be a link on the chart, "<b>" bold.
_TRACE_TEXT = ("x", "y", "text", "hovertext", "name", "labels", "customdata")
_AXIS_TEXT = ("categoryarray", "tickvals", "ticktext")


def _plain_text(value):
    """Text for plotly shown as written: escaped, except the line breaks ("<br>") the charts put in."""
    if isinstance(value, str):
        return "<br>".join(html.escape(part, quote=False) for part in value.split("<br>"))
    if isinstance(value, (list, tuple)):
        return [_plain_text(v) for v in value]
    if isinstance(value, (pd.Series, pd.Index)) and not pd.api.types.is_numeric_dtype(value.dtype):
        return [_plain_text(v) for v in value]
    if getattr(value, "dtype", None) is not None and getattr(value.dtype, "kind", "") in "OUS":
        return [_plain_text(v) for v in value]
    return value  # numbers and dates: nothing to escape (and their arrays stay compact)


def _plain_trace(trace: dict) -> dict:
    return {key: _plain_text(value) if key in _TRACE_TEXT else value for key, value in trace.items()}


def _plain_layout(layout: dict) -> dict:
    plain = {}
    for key, value in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(value, dict):
            value = {k: _plain_text(v) if k in _AXIS_TEXT else v for k, v in value.items()}
            title = value.get("title")
            if isinstance(title, dict) and "text" in title:  # an axis may be named by the data (a unit)
                value["title"] = {**title, "text": _plain_text(title["text"])}
        elif key == "annotations":
            value = [{k: _plain_text(v) if k in ("text", "x", "y") else v for k, v in note.items()} for note in value]
        plain[key] = value
    return plain


def _axis_label_lengths(spec: Spec) -> tuple[int, int]:
    """The longest category label beside horizontal bars, and under an x axis that slants them."""
    def longest(values) -> int:
        return max((len(str(v)) for v in values if v is not None), default=0) if values is not None else 0

    side = max((longest(t.get("y")) for t in spec["data"] if t.get("orientation") == "h"), default=0)
    slanted = max((longest(t.get("x")) for t in spec["data"] if t.get("orientation") != "h"), default=0)
    return side, slanted if spec["layout"].get("xaxis", {}).get("tickangle") not in (None, 0) else 0


def _update(target: dict, changes: dict) -> None:
    """What update_layout does to a layout, on plain dicts: nested dicts merge, anything else replaces."""
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _update(target[key], value)
        else:
            target[key] = value


def make_subplots(rows: int, cols: int, subplot_titles=(), **options) -> tuple[dict, tuple[tuple[dict, ...], ...]]:
    """plotly's make_subplots as a layout dict, and for each [row][col] the axes a trace there names
    (e.g. ``{"xaxis": "x2", "yaxis": "y2"}``). Computed once per grid: plotly takes ~10 ms a figure,
    yet axis domains and title positions depend only on the grid, never on the figures."""
    placeholders = tuple(f"\0{i}" if title else "" for i, title in enumerate(subplot_titles))
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in options.items()))
    layout, axes = _grid(rows, cols, placeholders, key)
    layout = copy.deepcopy(layout)
    titles = dict(zip(placeholders, subplot_titles))
    for annotation in layout.get("annotations", ()):
        annotation["text"] = titles[annotation["text"]]
    return layout, axes


@lru_cache(maxsize=64)
def _grid(rows: int, cols: int, placeholders: tuple[str, ...], options: tuple) -> tuple[dict, tuple]:
    fig = subplots.make_subplots(rows=rows, cols=cols, subplot_titles=placeholders, **dict(options))
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)  # finish sets the house one
    axes = tuple(tuple(_trace_axes(fig.get_subplot(row, col)) for col in range(1, cols + 1))
                 for row in range(1, rows + 1))
    return layout, axes


def _trace_axes(subplot) -> dict:
    """{"xaxis": "x2", "yaxis": "y2"} for the panel whose axes are layout.xaxis2 and layout.yaxis2."""
    return {name: getattr(subplot, name).plotly_name.replace("axis", "") for name in ("xaxis", "yaxis")}


def _axis_layout(panel: dict, xaxis: dict | None = None, yaxis: dict | None = None) -> dict:
    """Layout changes for one panel's axes: the trace's "x2"/"y2" name the layout's xaxis2/yaxis2."""
    changes = {"x": xaxis, "y": yaxis}
    return {f"{axis}axis{panel[f'{axis}axis'][1:]}": change for axis, change in changes.items() if change}


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width, break_on_hyphens=False)) or text


def _wrap_plain(text: str, width: int) -> str:
    """Wrapped like ``_wrap``, each line escaped for plotly (wrapped first: a break never splits "&lt;")."""
    lines = textwrap.wrap(text, width, break_on_hyphens=False) or [text]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _t(key: str, lang: str, **values) -> str:
    return labels.t(f"chart.{key}", lang, **values)


def _label(value, lang: str, decimals: int = 0) -> str:
    return fmt.number(value, decimals, lang=lang)


def _disputed(df: pd.DataFrame, value: str) -> pd.DataFrame:
    """Rows whose figure two sources state differently: no bar (the statements may not be added or
    picked), and ``_differ_notes`` say so where the bar would stand."""
    if "sources_differ" not in df:
        return df.iloc[0:0]
    return df[df[value].isna() & df.sources_differ.fillna(False).astype(bool)]


def _differ_notes(categories, lang: str, horizontal: bool = False, **axes) -> list[dict]:
    where = (lambda c: dict(x=0, y=c, xanchor="left")) if horizontal else (lambda c: dict(x=c, y=0, yanchor="bottom"))
    return [dict(text=_t("sources_differ", lang), showarrow=False, font=dict(color=style.NOTE), **where(c), **axes)
            for c in categories]


# ---- delivery --------------------------------------------------------------------------------


def budget_by_runo(frames: Frames, lang: str) -> Spec | None:
    df = frames["budget_by_runo"]
    df = df[df.currency == "USD"]
    if df.empty:
        return None
    names = [codes.organisation_name(o, lang) for o in df.organisation]
    differ = set(_disputed(df, "approved").organisation)
    colours = [style.RUNO_COLOURS.get(o, style.MUTED) for o in df.organisation]
    bars = [
        dict(type="bar", y=names, x=df.approved, name=_t("spotlight_funds", lang), orientation="h",
             marker=dict(color=colours), text=[_label(v, lang) for v in df.approved], textposition="inside",
             insidetextanchor="middle"),
        # The contribution is a thin sliver: its figure goes beside the bar, not inside it.
        dict(type="bar", y=names, x=df.agency_contribution, name=_t("agency_contribution", lang), orientation="h",
             marker=dict(color=colours), opacity=0.45, textposition="none"),
    ]
    # Where two sources state the Spotlight funds differently, there is no bar, and the note says so.
    notes = [dict(showarrow=False, text=(_t("sources_differ", lang) + " · " if code in differ else "")
                  + _t("plus_agency", lang, amount=_label(contribution, lang)),
                  x=(approved if pd.notna(approved) else 0) + (contribution if pd.notna(contribution) else 0),
                  xanchor="left", xshift=6, y=name)
             for code, name, approved, contribution in zip(df.organisation, names, df.approved, df.agency_contribution)]
    # Room on the right for the longest note, whose length depends on the language.
    room = 1.3 + 0.022 * max(len(note["text"]) for note in notes)
    return dict(data=bars, layout=dict(
        barmode="stack", yaxis=dict(autorange="reversed"), annotations=notes,
        xaxis=dict(title=dict(text=_t("usd", lang)),
                   range=[0, float((df.approved.fillna(0) + df.agency_contribution.fillna(0)).max()) * room])))


def delivery_against_aim(frames: Frames, lang: str) -> Spec | None:
    df = frames["delivery"]
    df = df[df.organisation.isna()]
    rates = df.delivery_rate_pct.astype("Float64").fillna(df.reported_rate_pct.astype("Float64"))
    shown = df[rates.notna()]
    differ = _disputed(df.assign(rate=rates), "rate")
    if shown.empty and differ.empty:
        return None
    stated = shown.delivery_rate_pct.isna()
    bar = dict(type="bar", x=shown.period_id, y=rates[rates.notna()], marker=dict(color=style.SPOTLIGHT_PURPLE),
               text=[fmt.percent(r, lang=lang) + (_t("stated", lang) if s else "")
                     for r, s in zip(rates[rates.notna()], stated)],
               textposition="outside", name=_t("delivery_rate", lang))
    aims = df.dropna(subset=["target_rate_pct"])
    aim = aims.target_rate_pct.iloc[-1] if len(aims) else metrics.DELIVERY_AIM_PCT
    aim_when = _t("by_end_of", lang, period=aims.period_id.iloc[-1]) if len(aims) else ""
    # The aim across the plot, with its words above its left end: what fig.add_hline draws.
    line = dict(line=dict(color=style.MUTED, dash="dash"), type="line", x0=0, x1=1, xref="x domain",
                y0=aim, y1=aim, yref="y")
    note = dict(showarrow=False, text=_t("aim", lang, aim=fmt.percent(aim, lang=lang)) + aim_when, x=0,
                xanchor="left", xref="x domain", y=aim, yanchor="bottom", yref="y")
    return dict(data=[bar], layout=dict(
        shapes=[line], annotations=[note, *_differ_notes(list(differ.period_id), lang)],
        yaxis=dict(range=[0, 100], title=dict(text=_t("budget_spent", lang))),
        showlegend=False, xaxis=dict(title=dict(text=_t("period", lang)), type="category")))


def expenditure_against_aim(frames: Frames, lang: str) -> Spec | None:
    df = frames["delivery"].dropna(subset=["expenditure"])
    if df.empty:
        return None
    who = [(_t("all_runos", lang) if pd.isna(o) else codes.organisation_name(o, lang)) + f" {p}"
           for o, p in zip(df.organisation, df.period_id)]
    bars = [
        dict(type="bar", x=who, y=df.expenditure, name=_t("expenditure", lang),
             marker=dict(color=style.SPOTLIGHT_PURPLE),
             text=[_label(v, lang) + (_t("interim", lang) if i else "")
                   for v, i in zip(df.expenditure, df.expenditure_is_interim)]),
        dict(type="bar", x=who, y=df.aim_amount, name=_t("needed_for_aim", lang), marker=dict(color=style.MUTED),
             text=[_label(v, lang) for v in df.aim_amount]),
    ]
    return dict(data=bars, layout=dict(barmode="group", yaxis=dict(title=dict(text=f"{df.currency.iloc[0]}"))))


# ---- results -----------------------------------------------------------------------------


def indicators_by_rag(frames: Frames, lang: str) -> Spec | None:
    df = frames["indicator_progress"]
    if df.empty:
        return None
    counts = df.rag.value_counts()
    levels = list(metrics.RAG_LEVELS)
    bar = dict(type="bar", y=[metrics.rag_name(level, lang) for level in levels],
               x=[int(counts.get(level, 0)) for level in levels], orientation="h",
               marker=dict(color=[style.RAG_COLOURS[level] for level in levels]),
               text=[str(int(counts.get(level, 0))) for level in levels], textposition="outside")  # text is text
    xaxis = dict(title=dict(text=_t("indicators", lang)))
    if len(df) <= 10:
        xaxis["dtick"] = 1  # whole indicators: no "0.5" ticks on a short axis
    return dict(data=[bar], layout=dict(yaxis=dict(autorange="reversed"), showlegend=False, xaxis=xaxis))


def indicator_history(frames: Frames, lang: str) -> Spec | None:
    df = frames["indicator_history"].dropna(subset=["value"])
    if df.empty:
        return None
    colours = {"baseline": style.MUTED, "target": style.OKABE_ITO["orange"], "milestone": style.OKABE_ITO["sky"],
               "actual": style.SPOTLIGHT_PURPLE}
    points = [dict(type="scatter", x=rows.period_label, y=rows.value,
                   mode="markers+text+lines" if kind == "actual" else "markers+text",
                   name=labels.t(f"kpi.value_kind.{kind}", lang),
                   marker=dict(color=colours.get(kind, style.TEXT), size=12),
                   text=[_label(v, lang, 1 if v % 1 else 0) for v in rows.value], textposition="top center")
              for kind, rows in df.groupby("kind", sort=False)]
    return dict(data=points, layout=dict(yaxis=dict(title=dict(text=df.unit.iloc[0]), rangemode="tozero"),
                                         xaxis=dict(title=dict(text=_t("period", lang)), type="category")))


# ---- reach -------------------------------------------------------------------------------


def reach_against_target(frames: Frames, lang: str) -> Spec | None:
    df = frames["reach_against_target"]
    if df.empty or (df.actual.isna().all() and df.target.isna().all()):
        return None
    types = [t for t in ("direct", "indirect") if t in set(df.reach_type)]
    # One panel per type with its own axis: direct and indirect are never added or stacked.
    layout, panels = make_subplots(rows=1, cols=len(types),
                                   subplot_titles=[_t(f"{t}_rights_holders", lang) for t in types])
    bars, notes = [], []
    records = _records(df, *df.columns)  # a dozen rows: plain Python is ten times quicker than pandas here
    for i, reach_type in enumerate(types, start=1):
        rows = [r for r in records if r["reach_type"] == reach_type]
        actual = next((r for r in reversed(rows) if not fmt.is_missing(r["actual"])), None)  # the latest period's
        target = next((r for r in reversed(rows) if not fmt.is_missing(r["target"])), None)
        reached = _t("reached", lang)
        x = [f"{reached} {actual['period_id']}" if actual else reached, _t("target", lang)]
        y = [actual["actual"] if actual else None, target["target"] if target else None]
        share = actual["share_of_target_pct"] if actual else None
        differ = any(r.get("sources_differ") for r in rows if fmt.is_missing(r["actual"]))
        text = [_t("of_target", lang, value=_label(y[0], lang), share=fmt.percent(share, 1, lang))
                if y[0] is not None else fmt.not_reported(lang), _label(y[1], lang)]
        axes = panels[0][i - 1]
        bars.append(dict(type="bar", x=x, y=y, text=text, textposition="outside", cliponaxis=False,
                         marker=dict(color=[style.REACH_COLOURS[reach_type], style.MUTED]), showlegend=False, **axes))
        # A figure nobody reported has no bar, not a bar at 0: the words stand where it would be.
        # Two sources that state it differently say so: it is reported, but not as one number.
        notes += [dict(text=_t("sources_differ", lang) if differ and i == 0 else fmt.not_reported(lang), x=label, y=0,
                       xref=axes["xaxis"], yref=axes["yaxis"], yanchor="bottom", showarrow=False,
                       font=dict(color=style.NOTE))
                  for i, (label, value) in enumerate(zip(x, y)) if value is None]
        _update(layout, _axis_layout(axes, yaxis=dict(rangemode="tozero", title=dict(text=_t("people", lang)))))
    layout["annotations"] = [*layout.get("annotations", ()), *notes]
    return dict(data=bars, layout=layout)


BREAKDOWN_GROUPS = 20


def reach_breakdown(reach_type: str) -> Callable[[Frames, str], Spec | None]:
    def draw(frames: Frames, lang: str) -> Spec | None:
        df = frames["reach"]
        df = df[(df.kind == "actual") & (df.reach_type == reach_type) & df["count"].notna()
                & (df.sex.notna() | df.component.notna() | df.country.notna() | df.age_group.notna())]
        if df.empty:
            return None
        # Plain Python from here: a few hundred rows, for which pandas' every step costs more than the work.
        rows = _records(df, "period_id", "component", "country", "sex", "age_group", "count")
        # Periods side by side would read as groups: without a year chosen, the latest is drawn.
        periods = list(dict.fromkeys(r["period_id"] for r in rows))  # in period order, as the query sorts them
        notes = [] if len(periods) == 1 else [_t("latest_period", lang, period=periods[-1])]
        rows = [r for r in rows if r["period_id"] == periods[-1]]
        ages = {a: _t(f"age.{a}", lang) for a in {_text(r["age_group"]) for r in rows} if a}
        # Several age groups of one component would be bars drawn over each other: each gets its own row.
        age_in_label = len(ages) > 1
        for r in rows:
            country, age = _text(r["country"]), ages.get(_text(r["age_group"]), "")
            r["what"] = ((_text(r["component"]) or "") + (f" ({codes.country_name(country, lang)})" if country else "")
                         + (f" · {age}" if age_in_label and age else ""))
            r["text"] = _label(r["count"], lang) + (f" {age}" if age and not age_in_label else "")
        # Hundreds of groups would be bars no one can read: the largest are drawn, and say so.
        largest: dict[str, float] = {}
        for r in rows:
            largest[r["what"]] = max(largest.get(r["what"], r["count"]), r["count"])
        if len(largest) > BREAKDOWN_GROUPS:
            notes.append(_t("largest_groups", lang, shown=BREAKDOWN_GROUPS, total=fmt.number(len(largest), lang=lang)))
            drawn = set(sorted(largest, key=largest.get, reverse=True)[:BREAKDOWN_GROUPS])
            rows = [r for r in rows if r["what"] in drawn]
        by_sex: dict[str, list[dict]] = {}
        for r in rows:
            by_sex.setdefault(_text(r["sex"]) or "all", []).append(r)
        bars = [dict(type="bar", y=[r["what"] for r in group], x=[r["count"] for r in group],
                     name=_t(f"sex.{sex}", lang), orientation="h",
                     marker=dict(color=style.SEX_COLOURS.get(sex, style.MUTED)),
                     text=[r["text"] for r in group], textposition="auto")
                for sex, group in by_sex.items()]
        return dict(data=bars, layout=dict(barmode="group", xaxis=dict(title=dict(text=_t("people", lang))),
                                           yaxis=dict(autorange="reversed")), note=" ".join(notes))
    return draw


def _records(df: pd.DataFrame, *columns: str) -> list[dict]:
    """Rows as dicts, a column at a time (to_dict("records") reads Arrow-backed text cell by cell)."""
    values = [df[column].tolist() for column in columns]
    return [dict(zip(columns, row)) for row in zip(*values)]


def _text(value) -> str | None:
    """A text cell, or None for a missing one (None, NaN or pandas' NA)."""
    return value if isinstance(value, str) else None


# ---- communications ----------------------------------------------------------------------


def _bars_by_country(df: pd.DataFrame, value: str, label: str, lang: str) -> Spec:
    names = [codes.country_name(c, lang) for c in df.country]
    bar = dict(type="bar", x=names, y=df[value], marker=dict(color=style.SPOTLIGHT_PURPLE),
               text=[_label(v, lang) if not fmt.is_missing(v) else "" for v in df[value]], textposition="outside",
               cliponaxis=False)
    return dict(data=[bar], layout=dict(
        yaxis=dict(title=dict(text=label)), showlegend=False,
        xaxis=dict(title=dict(text=""), tickangle=-30 if max(map(len, names)) > 9 else 0)))


def media_hits_by_country(frames: Frames, lang: str) -> Spec | None:
    every = frames["media_hits_by_country"]
    df, differ = every.dropna(subset=["hits"]), _disputed(every, "hits")
    if df.empty and differ.empty:
        return None
    spec = _bars_by_country(pd.concat([df, differ]), "hits", _t("media_hits", lang), lang)
    spec["layout"]["annotations"] = _differ_notes([codes.country_name(c, lang) for c in differ.country], lang)
    return spec


def media_hits_by_pillar(frames: Frames, lang: str) -> Spec | None:
    df = frames["media_hits_by_pillar"].dropna(subset=["hits"])
    if df.empty:
        return None
    bar = dict(type="bar", x=[_t("pillar", lang, number=p) for p in df.pillar], y=df.hits,
               text=[_label(v, lang) for v in df.hits],
               marker=dict(color=[style.PILLAR_COLOURS.get(int(p), style.MUTED) for p in df.pillar]),
               textposition="outside", cliponaxis=False)
    return dict(data=[bar], layout=dict(yaxis=dict(title=dict(text=_t("media_hits", lang))), showlegend=False))


def media_hits_by_month(frames: Frames, lang: str) -> Spec | None:
    df = frames["media_hits_by_month"].dropna(subset=["hits"])
    if df.empty:
        return None
    months = [fmt.month(m, lang) for m in pd.to_datetime(df.month)]
    bar = dict(type="bar", x=months, y=df.hits, marker=dict(color=style.SPOTLIGHT_PURPLE))
    return dict(data=[bar], layout=dict(yaxis=dict(title=dict(text=_t("media_hits", lang))),
                                        xaxis=dict(title=dict(text=""), type="category"), showlegend=False))


def media_eu_acknowledgement(frames: Frames, lang: str) -> Spec | None:
    df = frames["media_summary"]
    df = df[df.measure.isin(["hits", "hits_eu_acknowledged", "hits_investment_described"])].dropna(subset=["count"])
    if df.empty:
        return None
    bar = dict(
        type="bar", y=[f"{_t(f'measure.{m}', lang)} ({p})" for m, p in zip(df.measure, df.period_id)], x=df["count"],
        orientation="h",
        marker=dict(color=[style.OKABE_ITO["sky"] if m != "hits" else style.SPOTLIGHT_PURPLE for m in df.measure]),
        text=[_label(c, lang) + ("" if pd.isna(s) else f" ({fmt.percent(s, lang=lang)})")
              for c, s in zip(df["count"], df.share_of_hits_pct)],
        textposition="outside", cliponaxis=False)
    # Room on the right for the figure and its share written beside the longest bar.
    return dict(data=[bar], layout=dict(
        yaxis=dict(autorange="reversed"), showlegend=False,
        xaxis=dict(title=dict(text=_t("media_hits", lang)), range=[0, float(df["count"].max()) * 1.4])))


def campaigns_compared(frames: Frames, lang: str) -> Spec | None:
    df = frames["campaigns"]
    measures = [m for m in ("views", "engagements", "followers", "posts", "stories") if df[m].notna().any()]
    if df.empty or not measures:
        return None
    # Views, engagements and posts are different units: one small panel per measure, never stacked.
    layout, panels = make_subplots(rows=len(measures), cols=1,
                                   subplot_titles=[_t(f"campaign.{m}", lang) for m in measures],
                                   vertical_spacing=0.35 / len(measures))
    names = list(df.name)
    order = [_short(n, 40) for n in reversed(names)]
    bars = []
    for i, measure in enumerate(measures, start=1):
        rows = df.dropna(subset=[measure])
        bars.append(dict(type="bar", y=[_short(n, 40) for n in rows.name], x=rows[measure], orientation="h",
                         text=[_label(v, lang) for v in rows[measure]], textposition="outside", cliponaxis=False,
                         marker=dict(color=style.SPOTLIGHT_PURPLE), hovertext=rows.name, showlegend=False,
                         **panels[i - 1][0]))
        _update(layout, _axis_layout(panels[i - 1][0], yaxis=dict(categoryarray=order, categoryorder="array"),
                                     xaxis=dict(range=[0, float(rows[measure].max()) * 1.2])))
    layout["height"] = 160 + 60 * sum(int(df[m].notna().sum()) for m in measures) + 40 * len(measures)
    return dict(data=bars, layout=layout)


def _short(text: str, width: int = 22) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# ---- civil society -----------------------------------------------------------------------


def grants_by_country(frames: Frames, lang: str) -> Spec | None:
    df = frames["grants"]
    df = df[df.country.notna() & df.kind.isin(["applications_received", "grants_awarded"]) & df["count"].notna()]
    if df.empty:
        return None
    bars, notes = [], []
    countries = list(dict.fromkeys(df.country))  # every country the selection has a figure for
    names = [codes.country_name(c, lang) for c in countries]
    kinds = (("applications_received", style.MUTED), ("grants_awarded", style.SPOTLIGHT_PURPLE))
    for position, (kind, colour) in enumerate(kinds):
        counts = dict(zip(df[df.kind == kind].country, df[df.kind == kind]["count"]))
        bars.append(dict(type="bar", x=names, y=[counts.get(c) for c in countries],
                         name=_t(f"grants.{kind}", lang), marker=dict(color=colour),
                         text=[_label(counts[c], lang) if c in counts else "" for c in countries],
                         textposition="outside", cliponaxis=False))
        # Nobody reported it: no bar, and the words stand upright where the bar would be (left or right
        # half of the country's group), so it never reads as 0.
        notes += [dict(text=fmt.not_reported(lang), x=name, y=0, yanchor="bottom", textangle=-90, showarrow=False,
                       xshift=(-1 if position == 0 else 1) * 14, font=dict(color=style.NOTE, size=11))
                  for c, name in zip(countries, names) if c not in counts]
    return dict(data=bars, layout=dict(barmode="group", annotations=notes,
                                       yaxis=dict(title=dict(text=_t("number", lang)), rangemode="tozero")))


def reference_group(frames: Frames, lang: str) -> Spec | None:
    df = frames["reference_group"]
    df = df[df.country.notna()].dropna(subset=["members"])
    return None if df.empty else _bars_by_country(df, "members", _t("members", lang), lang)


# ---- context -----------------------------------------------------------------------------


def sdg_context(frames: Frames, lang: str) -> Spec | None:
    df = frames["sdg_values"].dropna(subset=["value"])
    df = df[df.age.isna()] if df.age.isna().any() else df  # all ages, where published
    if df.empty:
        return None
    # One panel per code, in the order given; each frame filtered once (it is most of the drawing time).
    by_code = dict(tuple(df.groupby("sdg_code", sort=False)))
    per_code = [rows.what.nunique() for rows in by_code.values()]
    layout, panels = make_subplots(
        rows=len(by_code), cols=1, row_heights=per_code, vertical_spacing=0.07, shared_xaxes=True,
        subplot_titles=[_t("sdg", lang, code=c, country=codes.country_name(rows.country.iloc[0], lang))
                        for c, rows in by_code.items()])
    years = sorted(set(df.year))
    colours = dict(zip(years, [style.OKABE_ITO[c] for c in ("blue", "orange", "green", "sky", "vermillion", "purple")] * 5))
    highest = float(df.value.max())
    in_legend: dict = {}  # each year listed once, from the first panel that has it
    bars = []
    for i, rows in enumerate(by_code.values(), start=1):
        for year, series in rows.groupby("year"):
            bars.append(dict(type="bar", y=[labels.t_or(f"sdg.what.{w}", lang, w) for w in series.what],
                             x=series.value, name=str(year), orientation="h", marker=dict(color=colours[year]),
                             text=[fmt.percent(v, 1, lang) for v in series.value], textposition="outside",
                             cliponaxis=False, legendgroup=str(year), legendrank=year,
                             showlegend=in_legend.setdefault(year, i) == i, **panels[i - 1][0]))
        xaxis = dict(range=[0, highest * 1.2], rangemode="tozero")
        if i == len(by_code):
            xaxis["title"] = dict(text=_t("share_of_women", lang))
        _update(layout, _axis_layout(panels[i - 1][0], yaxis=dict(autorange="reversed"), xaxis=xaxis))
    # Panel titles on the left, the years' legend on the right: long (Russian) titles never run into it.
    for title in layout["annotations"]:
        title.update(x=0, xanchor="left")
    _update(layout, dict(barmode="group", legend=dict(x=1, xanchor="right"),
                         height=200 + 34 * sum(per_code) * max(1, len(years) // 2)))
    return dict(data=bars, layout=layout)


# ---- agencies (IATI) ----------------------------------------------------------------------


def iati_delivery_by_organisation(frames: Frames, lang: str) -> Spec | None:
    df = frames["iati_delivery_by_organisation"].dropna(subset=["budget", "expenditure"], how="all")
    df = df[df.year.notna()]  # a budget over several years belongs to no year: its own row in the table, not a bar
    if df.empty:
        return None
    runo_of = {iati_id: runo for runo, iati_id in codes.ORGANISATION_IATI_IDS.items()}
    currencies = list(dict.fromkeys(df.currency))
    # Amounts stay in their own currency: one panel each, never added across currencies.
    layout, panels = make_subplots(rows=len(currencies), cols=1, subplot_titles=currencies, vertical_spacing=0.18)
    others = iter([style.OKABE_ITO[c] for c in ("purple", "vermillion", "sky", "black")] * 4)
    colours: dict[str, str] = {}
    traces = []
    for i, currency in enumerate(currencies, start=1):
        for (ref, name), rows in df[df.currency == currency].groupby(["reporting_org_ref", "reporting_org_name"]):
            colour = colours.setdefault(ref, style.RUNO_COLOURS.get(runo_of.get(ref)) or next(others))
            years = rows.year.astype(str)
            traces += [
                dict(type="bar", x=years, y=rows.expenditure, marker=dict(color=colour),
                     name=_t("iati_expenditure", lang, organisation=_short(name, 30)),
                     hovertext=[fmt.percent(r, lang=lang) for r in rows.delivery_rate], **panels[i - 1][0]),
                dict(type="scatter", x=years, y=rows.budget, name=_t("iati_budget", lang, organisation=_short(name, 30)),
                     mode="lines+markers", line=dict(color=colour, dash="dot"), marker=dict(symbol="diamond"),
                     **panels[i - 1][0]),
            ]
        _update(layout, _axis_layout(panels[i - 1][0], yaxis=dict(title=dict(text=currency), rangemode="tozero"),
                                     xaxis=dict(type="category", categoryorder="category ascending")))
    # Up to eight series: listed beside the plot, where they do not cover the subtitle.
    _update(layout, dict(barmode="group", height=260 + 260 * len(currencies),
                         legend=dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top")))
    return dict(data=traces, layout=layout)


CHARTS: dict[str, Chart] = {c.name: c for c in (
    Chart("budget-by-runo", ("budget_by_runo",), budget_by_runo),
    Chart("delivery-against-aim", ("delivery",), delivery_against_aim),
    Chart("expenditure-against-aim", ("delivery",), expenditure_against_aim),
    Chart("indicators-by-rag", ("indicator_progress",), indicators_by_rag),
    Chart("indicator-history", ("indicator_history",), indicator_history),
    Chart("reach-against-target", ("reach_against_target",), reach_against_target),
    Chart("reach-direct-breakdown", ("reach",), reach_breakdown("direct")),
    Chart("reach-indirect-breakdown", ("reach",), reach_breakdown("indirect")),
    Chart("media-hits-by-country", ("media_hits_by_country",), media_hits_by_country),
    Chart("media-hits-by-pillar", ("media_hits_by_pillar",), media_hits_by_pillar),
    Chart("media-hits-by-month", ("media_hits_by_month",), media_hits_by_month),
    Chart("media-eu-acknowledgement", ("media_summary",), media_eu_acknowledgement),
    Chart("campaigns-compared", ("campaigns",), campaigns_compared),
    Chart("grants-by-country", ("grants",), grants_by_country),
    Chart("reference-group", ("reference_group",), reference_group),
    Chart("iati-delivery-by-organisation", ("iati_delivery_by_organisation",), iati_delivery_by_organisation),
    Chart("sdg-context", ("sdg_values",), sdg_context),
)}


def export_name(name: str, filters, version: int | None) -> str:
    """What an exported file is called, e.g. ``spotlight-ca_media-hits-by-country_2020_v0007``."""
    parts = ["spotlight-ca", name, str(filters.year) if filters.year else "all-years"]
    parts += [str(v).lower() for v in (filters.country, filters.runo) if v]
    parts += [f"pillar-{filters.pillar}"] if filters.pillar else []
    if filters.programme and filters.programme != "SI-CA-REG":
        parts.insert(1, filters.programme.lower())
    return "_".join(parts + ([f"v{version:04d}"] if version else []))
