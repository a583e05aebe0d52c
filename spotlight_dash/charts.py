"""Charts: pure functions from query frames to plotly figures, and the registry of them.

A chart names the queries it needs; ``Chart.figure(frames, meta)`` draws it with its title, a
subtitle naming the filters, the unit, and a bottom line "Source: ... · Data as of ...". A chart
with nothing reported returns None and the page shows ``Chart.empty``: what is missing and where
it would come from. No Streamlit, no DuckDB, no I/O here.
"""

from __future__ import annotations

import copy
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
    draw: Callable[[Frames, str], go.Figure | None]  # (frames, lang)

    def title(self, lang: str = labels.DEFAULT) -> str:
        return labels.t(f"chart.{self.name}.title", lang)

    def unit(self, lang: str = labels.DEFAULT) -> str:
        return labels.t(f"chart.{self.name}.unit", lang, rag_thresholds=metrics.rag_thresholds_text(lang))

    def empty(self, lang: str = labels.DEFAULT) -> str:
        """What is missing and how to add it."""
        return labels.t(f"chart.{self.name}.empty", lang)

    def figure(self, frames: Frames, meta: ChartMeta, height: int = 440) -> go.Figure | None:
        fig = self.draw(frames, meta.lang)
        return None if fig is None else finish(fig, self.title(meta.lang), self.unit(meta.lang), meta, height)


_SEPARATORS = {"en": ".,", "ru": ",\u00a0"}  # plotly's decimal then thousands mark: 4 432 461 and 14,7


def finish(fig: go.Figure, title: str, unit: str, meta: ChartMeta, height: int) -> go.Figure:
    scale = meta.font_scale
    prefix = _t("synthetic", meta.lang) + " · " if meta.synthetic else ""
    # Wrapped, not cut: a half-width chart on screen and an exported square both keep every word,
    # in Russian too, whose words run longer. The top margin grows with the lines of the heading.
    heading = _wrap(prefix + title, 34)
    subtitle = _wrap(f"{meta.filters} · {unit}", 54)
    # The footer starts where the plot starts, right of any bar labels, and sits under any slanted
    # axis labels: both take room from it.
    side_labels, slanted_labels = _axis_label_lengths(fig)
    footer = _wrap(f"{meta.source} · {meta.as_of}", max(30, 62 - side_labels))
    below = int((72 + 5 * slanted_labels) * scale)
    heading_lines, subtitle_lines, footer_lines = (text.count("<br>") + 1 for text in (heading, subtitle, footer))
    top = int((64 + 26 * heading_lines + 19 * subtitle_lines) * scale)
    bottom = int(12 * scale) + below + int(14 * footer_lines * scale)
    # Longer headings and footers get room of their own: the plot keeps the height it had with one
    # line each (a chart may ask for more room than the page's default).
    extra = top + bottom - int((64 + 26 + 19 + 12 + 72 + 14) * scale)
    # One figure built from plain dicts at the end: each update_layout or add_annotation goes through
    # plotly's validation and batch machinery again (4-15 ms a chart); one construction costs ~2 ms.
    layout = fig.layout.to_plotly_json()  # not to_dict(): it turns arrays into base64, unreadable for alt text
    layout["template"] = style.TEMPLATE_JSON  # replaces plotly's default one, never merged into it
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
        font=dict(size=11 * scale, color="#555555"), align="left")]
    return go.Figure(data=[trace.to_plotly_json() for trace in fig.data], layout=layout, _validate=False)


def _axis_label_lengths(fig: go.Figure) -> tuple[int, int]:
    """The longest category label beside horizontal bars, and under an x axis that slants them."""
    def longest(values) -> int:
        return max((len(str(v)) for v in values if v is not None), default=0) if values is not None else 0

    side = max((longest(t.y) for t in fig.data if getattr(t, "orientation", None) == "h"), default=0)
    slanted = max((longest(t.x) for t in fig.data if getattr(t, "orientation", None) != "h"), default=0)
    return side, slanted if fig.layout.xaxis.tickangle not in (None, 0) else 0


def _update(target: dict, changes: dict) -> None:
    """What update_layout does to a layout, on plain dicts: nested dicts merge, anything else replaces."""
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _update(target[key], value)
        else:
            target[key] = value


def make_subplots(rows: int, cols: int, subplot_titles=(), **options) -> go.Figure:
    """plotly's make_subplots, its layout computed once per grid: building it costs ~10 ms a figure,
    yet axis domains and title positions depend only on the grid, never on the figures."""
    placeholders = tuple(f"\0{i}" if title else "" for i, title in enumerate(subplot_titles))
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in options.items()))
    layout, grid_ref, grid_str = _grid(rows, cols, placeholders, key)
    layout = copy.deepcopy(layout)
    titles = dict(zip(placeholders, subplot_titles))
    for annotation in layout.get("annotations", ()):
        annotation["text"] = titles[annotation["text"]]
    fig = go.Figure(layout=layout)
    # As make_subplots does, so that add_traces(rows=, cols=) and update_yaxes(row=, col=) find the panels.
    fig.__dict__["_grid_ref"], fig.__dict__["_grid_str"] = grid_ref, grid_str
    return fig


def _add_panels(fig: go.Figure, traces: list, rows: list[int], cols: list[int], **layout) -> go.Figure:
    """``fig.add_traces(traces, rows=rows, cols=cols)`` then ``fig.update_layout(**layout)``, built as one
    new figure from plain dicts: plotly validates each of those calls again (~10 ms a chart)."""
    spec = fig.layout.to_plotly_json()
    spec.pop("template", None)  # the default one, applied again unvalidated; validating it costs ~5 ms
    _update(spec, layout)
    data = [{**trace.to_plotly_json(), **fig._grid_ref[row - 1][col - 1][0].trace_kwargs}
            for trace, row, col in zip(traces, rows, cols)]
    new = go.Figure(data=data, layout=spec)
    new.__dict__["_grid_ref"], new.__dict__["_grid_str"] = fig._grid_ref, fig._grid_str
    return new


@lru_cache(maxsize=64)
def _grid(rows: int, cols: int, placeholders: tuple[str, ...], options: tuple) -> tuple[dict, list, str]:
    fig = subplots.make_subplots(rows=rows, cols=cols, subplot_titles=placeholders, **dict(options))
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)  # go.Figure applies the default template, as make_subplots' figure had
    return layout, fig._grid_ref, fig._grid_str


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width, break_on_hyphens=False)) or text


def _t(key: str, lang: str, **values) -> str:
    return labels.t(f"chart.{key}", lang, **values)


def _label(value, lang: str, decimals: int = 0) -> str:
    return fmt.number(value, decimals, lang=lang)


# ---- delivery --------------------------------------------------------------------------------


def budget_by_runo(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["budget_by_runo"]
    df = df[df.currency == "USD"]
    if df.empty:
        return None
    fig = go.Figure()
    names = [codes.organisation_name(o, lang) for o in df.organisation]
    colours = [style.RUNO_COLOURS.get(o, style.MUTED) for o in df.organisation]
    fig.add_bar(y=names, x=df.approved, name=_t("spotlight_funds", lang), orientation="h", marker_color=colours,
                text=[_label(v, lang) for v in df.approved], textposition="inside", insidetextanchor="middle")
    # The contribution is a thin sliver: its figure goes beside the bar, not inside it.
    fig.add_bar(y=names, x=df.agency_contribution, name=_t("agency_contribution", lang), orientation="h",
                marker_color=colours, opacity=0.45, textposition="none")
    # Layout set in one update: each separate plotly update validates the whole layout again.
    notes = [dict(x=(approved if pd.notna(approved) else 0) + (contribution if pd.notna(contribution) else 0), y=name,
                  xanchor="left", showarrow=False, xshift=6,
                  text=_t("plus_agency", lang, amount=_label(contribution, lang)))
             for name, approved, contribution in zip(names, df.approved, df.agency_contribution)]
    # Room on the right for the longest note, whose length depends on the language.
    room = 1.3 + 0.022 * max(len(note["text"]) for note in notes)
    fig.update_layout(barmode="stack", yaxis=dict(autorange="reversed"), xaxis_title=_t("usd", lang), annotations=notes,
                      xaxis_range=[0, float((df.approved.fillna(0) + df.agency_contribution.fillna(0)).max()) * room])
    return fig


def delivery_against_aim(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["delivery"]
    df = df[df.organisation.isna()]
    rates = df.delivery_rate_pct.astype("Float64").fillna(df.reported_rate_pct.astype("Float64"))
    shown = df[rates.notna()]
    if shown.empty:
        return None
    stated = shown.delivery_rate_pct.isna()
    fig = go.Figure()
    fig.add_bar(x=shown.period_id, y=rates[rates.notna()], marker_color=style.SPOTLIGHT_PURPLE,
                text=[fmt.percent(r, lang=lang) + (_t("stated", lang) if s else "")
                      for r, s in zip(rates[rates.notna()], stated)],
                textposition="outside", name=_t("delivery_rate", lang))
    aims = df.dropna(subset=["target_rate_pct"])
    aim = aims.target_rate_pct.iloc[-1] if len(aims) else metrics.DELIVERY_AIM_PCT
    aim_when = _t("by_end_of", lang, period=aims.period_id.iloc[-1]) if len(aims) else ""
    fig.add_hline(y=aim, line_dash="dash", line_color=style.MUTED,
                  annotation_text=_t("aim", lang, aim=fmt.percent(aim, lang=lang)) + aim_when,
                  annotation_position="top left")
    fig.update_layout(yaxis=dict(range=[0, 100], title=_t("budget_spent", lang)), showlegend=False,
                      xaxis=dict(title=_t("period", lang), type="category"))
    return fig


def expenditure_against_aim(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["delivery"].dropna(subset=["expenditure"])
    if df.empty:
        return None
    who = [(_t("all_runos", lang) if pd.isna(o) else codes.organisation_name(o, lang)) + f" {p}"
           for o, p in zip(df.organisation, df.period_id)]
    fig = go.Figure()
    fig.add_bar(x=who, y=df.expenditure, name=_t("expenditure", lang), marker_color=style.SPOTLIGHT_PURPLE,
                text=[_label(v, lang) + (_t("interim", lang) if i else "")
                      for v, i in zip(df.expenditure, df.expenditure_is_interim)])
    fig.add_bar(x=who, y=df.aim_amount, name=_t("needed_for_aim", lang), marker_color=style.MUTED,
                text=[_label(v, lang) for v in df.aim_amount])
    fig.update_layout(barmode="group", yaxis_title=f"{df.currency.iloc[0]}")
    return fig


# ---- results -----------------------------------------------------------------------------


def indicators_by_rag(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["indicator_progress"]
    if df.empty:
        return None
    counts = df.rag.value_counts()
    levels = list(metrics.RAG_LEVELS)
    fig = go.Figure(go.Bar(y=[metrics.rag_name(level, lang) for level in levels],
                           x=[int(counts.get(level, 0)) for level in levels], orientation="h",
                           marker_color=[style.RAG_COLOURS[level] for level in levels],
                           text=[int(counts.get(level, 0)) for level in levels], textposition="outside"))
    # Whole indicators: no "0.5" ticks on a short axis.
    fig.update_layout(yaxis=dict(autorange="reversed"), showlegend=False,
                      xaxis=dict(title=_t("indicators", lang), dtick=1 if len(df) <= 10 else None))
    return fig


def indicator_history(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["indicator_history"].dropna(subset=["value"])
    if df.empty:
        return None
    fig = go.Figure()
    colours = {"baseline": style.MUTED, "target": style.OKABE_ITO["orange"], "milestone": style.OKABE_ITO["sky"],
               "actual": style.SPOTLIGHT_PURPLE}
    for kind, rows in df.groupby("kind", sort=False):
        fig.add_scatter(x=rows.period_label, y=rows.value, mode="markers+text+lines" if kind == "actual" else "markers+text",
                        name=labels.t(f"kpi.value_kind.{kind}", lang), marker=dict(size=12, color=colours.get(kind, style.TEXT)),
                        text=[_label(v, lang, 1 if v % 1 else 0) for v in rows.value], textposition="top center")
    fig.update_layout(yaxis=dict(title=df.unit.iloc[0], rangemode="tozero"),
                      xaxis=dict(title=_t("period", lang), type="category"))
    return fig


# ---- reach -------------------------------------------------------------------------------


def reach_against_target(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["reach_against_target"]
    if df.empty or (df.actual.isna().all() and df.target.isna().all()):
        return None
    types = [t for t in ("direct", "indirect") if t in set(df.reach_type)]
    # One panel per type with its own axis: direct and indirect are never added or stacked.
    fig = make_subplots(rows=1, cols=len(types), subplot_titles=[_t(f"{t}_rights_holders", lang) for t in types])
    bars, axes = [], {}
    for i, reach_type in enumerate(types, start=1):  # traces and axes gathered, then added in one go each
        rows = df[df.reach_type == reach_type]
        actual = rows.dropna(subset=["actual"]).tail(1)
        target = rows.dropna(subset=["target"]).tail(1)
        reached = _t("reached", lang)
        x = [f"{reached} {actual.period_id.iloc[0]}" if len(actual) else reached, _t("target", lang)]
        y = [actual.actual.iloc[0] if len(actual) else None, target.target.iloc[0] if len(target) else None]
        share = actual.share_of_target_pct.iloc[0] if len(actual) else None
        text = [_t("of_target", lang, value=_label(y[0], lang), share=fmt.percent(share, 1, lang))
                if y[0] is not None else fmt.not_reported(lang), _label(y[1], lang)]
        bars.append(go.Bar(x=x, y=[0 if v is None else v for v in y], text=text, textposition="outside",
                           cliponaxis=False, marker_color=[style.REACH_COLOURS[reach_type], style.MUTED],
                           showlegend=False))
        axes[f"yaxis{'' if i == 1 else i}"] = dict(title_text=_t("people", lang), rangemode="tozero")
    fig = _add_panels(fig, bars, [1] * len(types), list(range(1, len(types) + 1)), **axes)
    return fig


def reach_breakdown(reach_type: str) -> Callable[[Frames, str], go.Figure | None]:
    def draw(frames: Frames, lang: str) -> go.Figure | None:
        df = frames["reach"]
        df = df[(df.kind == "actual") & (df.reach_type == reach_type) & df["count"].notna()
                & (df.sex.notna() | df.component.notna() | df.country.notna() | df.age_group.notna())]
        if df.empty:
            return None
        fig = go.Figure()
        what = df.component.fillna("") + [f" ({codes.country_name(c, lang)})" if isinstance(c, str) else ""
                                          for c in df.country]
        for sex, rows in df.assign(what=what, sex=df.sex.fillna("all")).groupby("sex", sort=False):
            fig.add_bar(y=rows.what, x=rows["count"], name=_t(f"sex.{sex}", lang), orientation="h",
                        marker_color=style.SEX_COLOURS.get(sex, style.MUTED),
                        text=[f"{_label(v, lang)} {_t(f'age.{a}', lang) if a else ''}".strip()
                              for v, a in zip(rows["count"], rows.age_group.fillna(""))],
                        textposition="auto")
        fig.update_layout(barmode="group", xaxis_title=_t("people", lang), yaxis=dict(autorange="reversed"))
        return fig
    return draw


# ---- communications ----------------------------------------------------------------------


def _bars_by_country(df: pd.DataFrame, value: str, label: str, lang: str) -> go.Figure:
    names = [codes.country_name(c, lang) for c in df.country]
    fig = go.Figure(go.Bar(x=names, y=df[value], marker_color=style.SPOTLIGHT_PURPLE,
                           text=[_label(v, lang) for v in df[value]], textposition="outside", cliponaxis=False))
    fig.update_layout(yaxis_title=label, xaxis=dict(title="", tickangle=-30 if max(map(len, names)) > 9 else 0),
                      showlegend=False)
    return fig


def media_hits_by_country(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["media_hits_by_country"].dropna(subset=["hits"])
    return None if df.empty else _bars_by_country(df, "hits", _t("media_hits", lang), lang)


def media_hits_by_pillar(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["media_hits_by_pillar"].dropna(subset=["hits"])
    if df.empty:
        return None
    fig = go.Figure(go.Bar(x=[_t("pillar", lang, number=p) for p in df.pillar], y=df.hits,
                           text=[_label(v, lang) for v in df.hits],
                           marker_color=[style.PILLAR_COLOURS.get(int(p), style.MUTED) for p in df.pillar],
                           textposition="outside", cliponaxis=False))
    fig.update_layout(yaxis_title=_t("media_hits", lang), showlegend=False)
    return fig


def media_hits_by_month(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["media_hits_by_month"].dropna(subset=["hits"])
    if df.empty:
        return None
    months = [fmt.month(m, lang) for m in pd.to_datetime(df.month)]
    fig = go.Figure(go.Bar(x=months, y=df.hits, marker_color=style.SPOTLIGHT_PURPLE))
    fig.update_layout(yaxis_title=_t("media_hits", lang), xaxis=dict(title="", type="category"), showlegend=False)
    return fig


def media_eu_acknowledgement(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["media_summary"]
    df = df[df.measure.isin(["hits", "hits_eu_acknowledged", "hits_investment_described"])].dropna(subset=["count"])
    if df.empty:
        return None
    fig = go.Figure(go.Bar(
        y=[f"{_t(f'measure.{m}', lang)} ({p})" for m, p in zip(df.measure, df.period_id)], x=df["count"], orientation="h",
        marker_color=[style.OKABE_ITO["sky"] if m != "hits" else style.SPOTLIGHT_PURPLE for m in df.measure],
        text=[_label(c, lang) + ("" if pd.isna(s) else f" ({fmt.percent(s, lang=lang)})")
              for c, s in zip(df["count"], df.share_of_hits_pct)],
        textposition="outside", cliponaxis=False))
    # Room on the right for the figure and its share written beside the longest bar.
    fig.update_layout(yaxis=dict(autorange="reversed"), showlegend=False,
                      xaxis=dict(title=_t("media_hits", lang), range=[0, float(df["count"].max()) * 1.4]))
    return fig


def campaigns_compared(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["campaigns"]
    measures = [m for m in ("views", "engagements", "followers", "posts", "stories") if df[m].notna().any()]
    if df.empty or not measures:
        return None
    # Views, engagements and posts are different units: one small panel per measure, never stacked.
    fig = make_subplots(rows=len(measures), cols=1, subplot_titles=[_t(f"campaign.{m}", lang) for m in measures],
                        vertical_spacing=0.35 / len(measures))
    names = list(df.name)
    order = [_short(n, 40) for n in reversed(names)]
    bars, axes = [], {}
    for i, measure in enumerate(measures, start=1):  # traces and axes gathered, then added in one go each
        rows = df.dropna(subset=[measure])
        bars.append(go.Bar(y=[_short(n, 40) for n in rows.name], x=rows[measure], orientation="h",
                           text=[_label(v, lang) for v in rows[measure]], textposition="outside", cliponaxis=False,
                           marker_color=style.SPOTLIGHT_PURPLE, hovertext=rows.name, showlegend=False))
        suffix = "" if i == 1 else str(i)
        axes[f"yaxis{suffix}"] = dict(categoryorder="array", categoryarray=order)
        axes[f"xaxis{suffix}"] = dict(range=[0, float(rows[measure].max()) * 1.2])
    fig = _add_panels(fig, bars, list(range(1, len(measures) + 1)), [1] * len(measures),
                      height=160 + 60 * sum(int(df[m].notna().sum()) for m in measures) + 40 * len(measures), **axes)
    return fig


def _short(text: str, width: int = 22) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# ---- civil society -----------------------------------------------------------------------


def grants_by_country(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["grants"]
    df = df[df.country.notna() & df.kind.isin(["applications_received", "grants_awarded"]) & df["count"].notna()]
    if df.empty:
        return None
    fig = go.Figure()
    for kind, colour in (("applications_received", style.MUTED), ("grants_awarded", style.SPOTLIGHT_PURPLE)):
        rows = df[df.kind == kind]
        fig.add_bar(x=[codes.country_name(c, lang) for c in rows.country], y=rows["count"], name=_t(f"grants.{kind}", lang),
                    marker_color=colour, text=[_label(v, lang) for v in rows["count"]], textposition="outside",
                    cliponaxis=False)
    fig.update_layout(barmode="group", yaxis_title=_t("number", lang))
    return fig


def reference_group(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["reference_group"]
    df = df[df.country.notna()].dropna(subset=["members"])
    return None if df.empty else _bars_by_country(df, "members", _t("members", lang), lang)


# ---- context -----------------------------------------------------------------------------


def sdg_context(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["sdg_values"].dropna(subset=["value"])
    df = df[df.age.isna()] if df.age.isna().any() else df  # all ages, where published
    if df.empty:
        return None
    codes_shown = list(dict.fromkeys(df.sdg_code))
    per_code = [df[df.sdg_code == c].what.nunique() for c in codes_shown]
    fig = make_subplots(rows=len(codes_shown), cols=1, row_heights=per_code, vertical_spacing=0.07,
                        shared_xaxes=True,
                        subplot_titles=[_t("sdg", lang, code=c, country=codes.country_name(df[df.sdg_code == c].country.iloc[0], lang))
                                        for c in codes_shown])
    years = sorted(set(df.year))
    colours = dict(zip(years, [style.OKABE_ITO[c] for c in ("blue", "orange", "green", "sky", "vermillion", "purple")] * 5))
    bars, rows_of, axes = [], [], {}
    for i, code in enumerate(codes_shown, start=1):  # traces and axes gathered, then added in one go each
        rows = df[df.sdg_code == code]
        for year in years:
            series = rows[rows.year == year]
            if series.empty:
                continue
            bars.append(go.Bar(y=[labels.t_or(f"sdg.what.{w}", lang, w) for w in series.what], x=series.value,
                               name=str(year), orientation="h",
                               marker_color=colours[year], text=[fmt.percent(v, 1, lang) for v in series.value],
                               textposition="outside", cliponaxis=False, legendgroup=str(year), legendrank=year,
                               showlegend=i == next(k for k, c in enumerate(codes_shown, 1)
                                                    if year in set(df[df.sdg_code == c].year))))
            rows_of.append(i)
        suffix = "" if i == 1 else str(i)
        axes[f"yaxis{suffix}"] = dict(autorange="reversed")
        axes[f"xaxis{suffix}"] = dict(rangemode="tozero", range=[0, float(df.value.max()) * 1.2],
                                      **({"title_text": _t("share_of_women", lang)} if i == len(codes_shown) else {}))
    # Panel titles on the left, the years' legend on the right: long (Russian) titles never run into it.
    for title in fig.layout.annotations:
        title.update(x=0, xanchor="left")
    fig = _add_panels(fig, bars, rows_of, [1] * len(bars), barmode="group", legend=dict(x=1, xanchor="right"),
                      height=200 + 34 * sum(per_code) * max(1, len(years) // 2), **axes)
    return fig


# ---- agencies (IATI) ----------------------------------------------------------------------


def iati_delivery_by_organisation(frames: Frames, lang: str) -> go.Figure | None:
    df = frames["iati_delivery_by_organisation"].dropna(subset=["budget", "expenditure"], how="all")
    if df.empty:
        return None
    runo_of = {iati_id: runo for runo, iati_id in codes.ORGANISATION_IATI_IDS.items()}
    currencies = list(dict.fromkeys(df.currency))
    # Amounts stay in their own currency: one panel each, never added across currencies.
    fig = make_subplots(rows=len(currencies), cols=1, subplot_titles=currencies, vertical_spacing=0.18)
    others = iter([style.OKABE_ITO[c] for c in ("purple", "vermillion", "sky", "black")] * 4)
    colours: dict[str, str] = {}
    for i, currency in enumerate(currencies, start=1):
        for (ref, name), rows in df[df.currency == currency].groupby(["reporting_org_ref", "reporting_org_name"]):
            colour = colours.setdefault(ref, style.RUNO_COLOURS.get(runo_of.get(ref)) or next(others))
            years = rows.year.astype(str)
            fig.add_bar(x=years, y=rows.expenditure, name=_t("iati_expenditure", lang, organisation=_short(name, 30)),
                        marker_color=colour, hovertext=[fmt.percent(r, lang=lang) for r in rows.delivery_rate],
                        row=i, col=1)
            fig.add_scatter(x=years, y=rows.budget, name=_t("iati_budget", lang, organisation=_short(name, 30)),
                            mode="lines+markers",
                            line=dict(color=colour, dash="dot"), marker=dict(symbol="diamond"), row=i, col=1)
        fig.update_yaxes(title_text=currency, rangemode="tozero", row=i, col=1)
        fig.update_xaxes(type="category", categoryorder="category ascending", row=i, col=1)
    # Up to eight series: listed beside the plot, where they do not cover the subtitle.
    fig.update_layout(barmode="group", height=260 + 260 * len(currencies),
                      legend=dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top"))
    return fig


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
