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

from spotlight_dash import codes, metrics, style
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


@dataclass(frozen=True)
class Chart:
    name: str  # used in URLs, file names and `python -m spotlight_dash chart NAME`
    title: str
    unit: str
    queries: tuple[str, ...]
    empty: str  # what is missing and how to add it
    draw: Callable[[Frames], go.Figure | None]

    def figure(self, frames: Frames, meta: ChartMeta, height: int = 440) -> go.Figure | None:
        fig = self.draw(frames)
        return None if fig is None else finish(fig, self.title, self.unit, meta, height)


def finish(fig: go.Figure, title: str, unit: str, meta: ChartMeta, height: int) -> go.Figure:
    scale = meta.font_scale
    prefix = "SYNTHETIC DATA · " if meta.synthetic else ""
    # Wrapped, not cut: a half-width chart on screen and an exported square both keep every word.
    subtitle = _wrap(f"{meta.filters} · {unit}", 62)
    footer = _wrap(f"{meta.source} · {meta.as_of}", 72)
    footer_lines = footer.count("<br>") + 1
    # One figure built from plain dicts at the end: each update_layout or add_annotation goes through
    # plotly's validation and batch machinery again (4-15 ms a chart); one construction costs ~2 ms.
    layout = fig.layout.to_plotly_json()  # not to_dict(): it turns arrays into base64, unreadable for alt text
    _update(layout, dict(
        template=style.TEMPLATE,
        title=dict(text=prefix + title, subtitle=dict(text=subtitle)),
        font=dict(size=14 * scale),
        height=int((layout.get("height") or height) * scale),  # a chart may ask for the room it needs
        margin=dict(t=int((132 + 20 * subtitle.count("<br>")) * scale), b=int((84 + 14 * footer_lines) * scale),
                    l=20, r=30),
    ))
    layout["annotations"] = [*layout.get("annotations", ()), dict(
        text=footer, showarrow=False, xref="paper", yref="paper",
        x=0, y=0, yshift=-int(72 * scale), xanchor="left", yanchor="top",
        font=dict(size=11 * scale, color="#555555"), align="left")]
    return go.Figure(data=[trace.to_plotly_json() for trace in fig.data], layout=layout)


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


def _label(value, decimals: int = 0) -> str:
    return fmt.number(value, decimals)


def _name(table: dict, code) -> str:
    return table[code].name if code in table else str(code)


# ---- delivery --------------------------------------------------------------------------------


def budget_by_runo(frames: Frames) -> go.Figure | None:
    df = frames["budget_by_runo"]
    df = df[df.currency == "USD"]
    if df.empty:
        return None
    fig = go.Figure()
    names = [_name(codes.ORGANISATIONS, o) for o in df.organisation]
    colours = [style.RUNO_COLOURS.get(o, style.MUTED) for o in df.organisation]
    fig.add_bar(y=names, x=df.approved, name="Spotlight funds", orientation="h", marker_color=colours,
                text=[_label(v) for v in df.approved], textposition="inside", insidetextanchor="middle")
    # The contribution is a thin sliver: its figure goes beside the bar, not inside it.
    fig.add_bar(y=names, x=df.agency_contribution, name="Agency contribution", orientation="h",
                marker_color=colours, opacity=0.45, textposition="none")
    # Layout set in one update: each separate plotly update validates the whole layout again.
    notes = [dict(x=(approved if pd.notna(approved) else 0) + (contribution if pd.notna(contribution) else 0), y=name,
                  xanchor="left", showarrow=False, xshift=6, text=f"+ {_label(contribution)} agency")
             for name, approved, contribution in zip(names, df.approved, df.agency_contribution)]
    fig.update_layout(barmode="stack", yaxis=dict(autorange="reversed"), xaxis_title="USD", annotations=notes,
                      xaxis_range=[0, float((df.approved.fillna(0) + df.agency_contribution.fillna(0)).max()) * 1.45])
    return fig


def delivery_against_aim(frames: Frames) -> go.Figure | None:
    df = frames["delivery"]
    df = df[df.organisation.isna()]
    rates = df.delivery_rate_pct.astype("Float64").fillna(df.reported_rate_pct.astype("Float64"))
    shown = df[rates.notna()]
    if shown.empty:
        return None
    stated = shown.delivery_rate_pct.isna()
    fig = go.Figure()
    fig.add_bar(x=shown.period_id, y=rates[rates.notna()], marker_color=style.SPOTLIGHT_PURPLE,
                text=[f"{fmt.percent(r)}{' (stated)' if s else ''}" for r, s in zip(rates[rates.notna()], stated)],
                textposition="outside", name="Delivery rate")
    aims = df.dropna(subset=["target_rate_pct"])
    aim = aims.target_rate_pct.iloc[-1] if len(aims) else metrics.DELIVERY_AIM_PCT
    aim_when = f" by end of {aims.period_id.iloc[-1]}" if len(aims) else ""
    fig.add_hline(y=aim, line_dash="dash", line_color=style.MUTED,
                  annotation_text=f"Aim: {fmt.percent(aim)}{aim_when}", annotation_position="top left")
    fig.update_layout(yaxis=dict(range=[0, 100], title="% of budget spent"), showlegend=False,
                      xaxis=dict(title="Period", type="category"))
    return fig


def expenditure_against_aim(frames: Frames) -> go.Figure | None:
    df = frames["delivery"].dropna(subset=["expenditure"])
    if df.empty:
        return None
    who = [("All RUNOs" if pd.isna(o) else _name(codes.ORGANISATIONS, o)) + f" {p}"
           for o, p in zip(df.organisation, df.period_id)]
    fig = go.Figure()
    fig.add_bar(x=who, y=df.expenditure, name="Expenditure", marker_color=style.SPOTLIGHT_PURPLE,
                text=[_label(v) + (" (interim)" if i else "") for v, i in zip(df.expenditure, df.expenditure_is_interim)])
    fig.add_bar(x=who, y=df.aim_amount, name="Needed for the aim", marker_color=style.MUTED,
                text=[_label(v) for v in df.aim_amount])
    fig.update_layout(barmode="group", yaxis_title=f"{df.currency.iloc[0]}")
    return fig


# ---- results -----------------------------------------------------------------------------


def indicators_by_rag(frames: Frames) -> go.Figure | None:
    df = frames["indicator_progress"]
    if df.empty:
        return None
    counts = df.rag.value_counts()
    levels = list(metrics.RAG_LEVELS)
    fig = go.Figure(go.Bar(y=levels, x=[int(counts.get(level, 0)) for level in levels], orientation="h",
                           marker_color=[style.RAG_COLOURS[level] for level in levels],
                           text=[int(counts.get(level, 0)) for level in levels], textposition="outside"))
    fig.update_layout(yaxis=dict(autorange="reversed"), xaxis_title="Indicators", showlegend=False)
    return fig


def indicator_history(frames: Frames) -> go.Figure | None:
    df = frames["indicator_history"].dropna(subset=["value"])
    if df.empty:
        return None
    fig = go.Figure()
    colours = {"baseline": style.MUTED, "target": style.OKABE_ITO["orange"], "milestone": style.OKABE_ITO["sky"],
               "actual": style.SPOTLIGHT_PURPLE}
    for kind, rows in df.groupby("kind", sort=False):
        fig.add_scatter(x=rows.period_label, y=rows.value, mode="markers+text+lines" if kind == "actual" else "markers+text",
                        name=kind, marker=dict(size=12, color=colours.get(kind, style.TEXT)),
                        text=[_label(v, 1 if v % 1 else 0) for v in rows.value], textposition="top center")
    fig.update_layout(yaxis=dict(title=df.unit.iloc[0], rangemode="tozero"), xaxis=dict(title="Period", type="category"))
    return fig


# ---- reach -------------------------------------------------------------------------------


def reach_against_target(frames: Frames) -> go.Figure | None:
    df = frames["reach_against_target"]
    if df.empty or (df.actual.isna().all() and df.target.isna().all()):
        return None
    types = [t for t in ("direct", "indirect") if t in set(df.reach_type)]
    # One panel per type with its own axis: direct and indirect are never added or stacked.
    fig = make_subplots(rows=1, cols=len(types), subplot_titles=[f"{t.capitalize()} rights holders" for t in types])
    bars, axes = [], {}
    for i, reach_type in enumerate(types, start=1):  # traces and axes gathered, then added in one go each
        rows = df[df.reach_type == reach_type]
        actual = rows.dropna(subset=["actual"]).tail(1)
        target = rows.dropna(subset=["target"]).tail(1)
        x = [f"Reached {actual.period_id.iloc[0]}" if len(actual) else "Reached", "Target"]
        y = [actual.actual.iloc[0] if len(actual) else None, target.target.iloc[0] if len(target) else None]
        share = actual.share_of_target_pct.iloc[0] if len(actual) else None
        text = [f"{_label(y[0])}<br>{fmt.percent(share, 1)} of target" if y[0] is not None else fmt.NOT_REPORTED,
                _label(y[1])]
        bars.append(go.Bar(x=x, y=[0 if v is None else v for v in y], text=text, textposition="outside",
                           cliponaxis=False, marker_color=[style.REACH_COLOURS[reach_type], style.MUTED],
                           showlegend=False))
        axes[f"yaxis{'' if i == 1 else i}"] = dict(title_text="people", rangemode="tozero")
    fig = _add_panels(fig, bars, [1] * len(types), list(range(1, len(types) + 1)), **axes)
    return fig


def reach_breakdown(reach_type: str) -> Callable[[Frames], go.Figure | None]:
    def draw(frames: Frames) -> go.Figure | None:
        df = frames["reach"]
        df = df[(df.kind == "actual") & (df.reach_type == reach_type) & df["count"].notna()
                & (df.sex.notna() | df.component.notna() | df.country.notna() | df.age_group.notna())]
        if df.empty:
            return None
        fig = go.Figure()
        what = df.component.fillna("") + [f" ({_name(codes.COUNTRIES, c)})" if isinstance(c, str) else "" for c in df.country]
        for sex, rows in df.assign(what=what, sex=df.sex.fillna("all")).groupby("sex", sort=False):
            fig.add_bar(y=rows.what, x=rows["count"], name=sex, orientation="h",
                        marker_color=style.SEX_COLOURS.get(sex, style.MUTED),
                        text=[f"{_label(v)} {a or ''}".strip() for v, a in zip(rows["count"], rows.age_group.fillna(""))],
                        textposition="auto")
        fig.update_layout(barmode="group", xaxis_title="people", yaxis=dict(autorange="reversed"))
        return fig
    return draw


# ---- communications ----------------------------------------------------------------------


def _bars_by_country(df: pd.DataFrame, value: str, label: str) -> go.Figure:
    names = [_name(codes.COUNTRIES, c) for c in df.country]
    fig = go.Figure(go.Bar(x=names, y=df[value], marker_color=style.SPOTLIGHT_PURPLE,
                           text=[_label(v) for v in df[value]], textposition="outside", cliponaxis=False))
    fig.update_layout(yaxis_title=label, xaxis_title="", showlegend=False)
    return fig


def media_hits_by_country(frames: Frames) -> go.Figure | None:
    df = frames["media_hits_by_country"].dropna(subset=["hits"])
    return None if df.empty else _bars_by_country(df, "hits", "media hits")


def media_hits_by_pillar(frames: Frames) -> go.Figure | None:
    df = frames["media_hits_by_pillar"].dropna(subset=["hits"])
    if df.empty:
        return None
    fig = go.Figure(go.Bar(x=[f"Pillar {p}" for p in df.pillar], y=df.hits, text=[_label(v) for v in df.hits],
                           marker_color=[style.PILLAR_COLOURS.get(int(p), style.MUTED) for p in df.pillar],
                           textposition="outside", cliponaxis=False))
    fig.update_layout(yaxis_title="media hits", showlegend=False)
    return fig


def media_hits_by_month(frames: Frames) -> go.Figure | None:
    df = frames["media_hits_by_month"].dropna(subset=["hits"])
    if df.empty:
        return None
    fig = go.Figure(go.Bar(x=df.month, y=df.hits, marker_color=style.SPOTLIGHT_PURPLE))
    fig.update_layout(yaxis_title="media hits", xaxis=dict(title="", tickformat="%b %Y"), showlegend=False)
    return fig


def media_eu_acknowledgement(frames: Frames) -> go.Figure | None:
    df = frames["media_summary"]
    df = df[df.measure.isin(["hits", "hits_eu_acknowledged", "hits_investment_described"])].dropna(subset=["count"])
    if df.empty:
        return None
    labels = {"hits": "All media hits", "hits_eu_acknowledged": "Acknowledge the EU",
              "hits_investment_described": "Describe the EU investment"}
    fig = go.Figure(go.Bar(
        y=[f"{labels[m]} ({p})" for m, p in zip(df.measure, df.period_id)], x=df["count"], orientation="h",
        marker_color=[style.OKABE_ITO["sky"] if m != "hits" else style.SPOTLIGHT_PURPLE for m in df.measure],
        text=[_label(c) + ("" if pd.isna(s) else f" ({fmt.percent(s)})") for c, s in zip(df["count"], df.share_of_hits_pct)],
        textposition="outside", cliponaxis=False))
    fig.update_layout(yaxis=dict(autorange="reversed"), xaxis_title="media hits", showlegend=False)
    return fig


def campaigns_compared(frames: Frames) -> go.Figure | None:
    df = frames["campaigns"]
    measures = [m for m in ("views", "engagements", "followers", "posts", "stories") if df[m].notna().any()]
    if df.empty or not measures:
        return None
    # Views, engagements and posts are different units: one small panel per measure, never stacked.
    fig = make_subplots(rows=len(measures), cols=1, subplot_titles=measures, vertical_spacing=0.35 / len(measures))
    names = list(df.name)
    order = [_short(n, 40) for n in reversed(names)]
    bars, axes = [], {}
    for i, measure in enumerate(measures, start=1):  # traces and axes gathered, then added in one go each
        rows = df.dropna(subset=[measure])
        bars.append(go.Bar(y=[_short(n, 40) for n in rows.name], x=rows[measure], orientation="h",
                           text=[_label(v) for v in rows[measure]], textposition="outside", cliponaxis=False,
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


def grants_by_country(frames: Frames) -> go.Figure | None:
    df = frames["grants"]
    df = df[df.country.notna() & df.kind.isin(["applications_received", "grants_awarded"]) & df["count"].notna()]
    if df.empty:
        return None
    fig = go.Figure()
    for kind, label, colour in (("applications_received", "Applications received", style.MUTED),
                                ("grants_awarded", "Grants awarded", style.SPOTLIGHT_PURPLE)):
        rows = df[df.kind == kind]
        fig.add_bar(x=[_name(codes.COUNTRIES, c) for c in rows.country], y=rows["count"], name=label,
                    marker_color=colour, text=[_label(v) for v in rows["count"]], textposition="outside",
                    cliponaxis=False)
    fig.update_layout(barmode="group", yaxis_title="number")
    return fig


def reference_group(frames: Frames) -> go.Figure | None:
    df = frames["reference_group"]
    df = df[df.country.notna()].dropna(subset=["members"])
    return None if df.empty else _bars_by_country(df, "members", "members")


# ---- context -----------------------------------------------------------------------------


def sdg_context(frames: Frames) -> go.Figure | None:
    df = frames["sdg_values"].dropna(subset=["value"])
    df = df[df.age.isna()] if df.age.isna().any() else df  # all ages, where published
    if df.empty:
        return None
    codes_shown = list(dict.fromkeys(df.sdg_code))
    per_code = [df[df.sdg_code == c].what.nunique() for c in codes_shown]
    fig = make_subplots(rows=len(codes_shown), cols=1, row_heights=per_code, vertical_spacing=0.07,
                        shared_xaxes=True,
                        subplot_titles=[f"SDG {c}" + (f" · {df[df.sdg_code == c].country.iloc[0]}") for c in codes_shown])
    years = sorted(set(df.year))
    colours = dict(zip(years, [style.OKABE_ITO[c] for c in ("blue", "orange", "green", "sky", "vermillion", "purple")] * 5))
    bars, rows_of, axes = [], [], {}
    for i, code in enumerate(codes_shown, start=1):  # traces and axes gathered, then added in one go each
        rows = df[df.sdg_code == code]
        for year in years:
            series = rows[rows.year == year]
            if series.empty:
                continue
            bars.append(go.Bar(y=series.what, x=series.value, name=str(year), orientation="h",
                               marker_color=colours[year], text=[_label(v, 1) + " %" for v in series.value],
                               textposition="outside", cliponaxis=False, legendgroup=str(year), legendrank=year,
                               showlegend=i == next(k for k, c in enumerate(codes_shown, 1)
                                                    if year in set(df[df.sdg_code == c].year))))
            rows_of.append(i)
        suffix = "" if i == 1 else str(i)
        axes[f"yaxis{suffix}"] = dict(autorange="reversed")
        axes[f"xaxis{suffix}"] = dict(rangemode="tozero", range=[0, float(df.value.max()) * 1.2],
                                      **({"title_text": "% of women"} if i == len(codes_shown) else {}))
    fig = _add_panels(fig, bars, rows_of, [1] * len(bars), barmode="group",
                      height=200 + 34 * sum(per_code) * max(1, len(years) // 2), **axes)
    return fig


# ---- agencies (IATI) ----------------------------------------------------------------------


def iati_delivery_by_organisation(frames: Frames) -> go.Figure | None:
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
            fig.add_bar(x=years, y=rows.expenditure, name=f"{_short(name, 30)}: expenditure", marker_color=colour,
                        hovertext=[fmt.percent(r) for r in rows.delivery_rate], row=i, col=1)
            fig.add_scatter(x=years, y=rows.budget, name=f"{_short(name, 30)}: budget", mode="lines+markers",
                            line=dict(color=colour, dash="dot"), marker=dict(symbol="diamond"), row=i, col=1)
        fig.update_yaxes(title_text=currency, rangemode="tozero", row=i, col=1)
        fig.update_xaxes(type="category", categoryorder="category ascending", row=i, col=1)
    # Up to eight series: listed beside the plot, where they do not cover the subtitle.
    fig.update_layout(barmode="group", height=260 + 260 * len(currencies),
                      legend=dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top"))
    return fig


_COUNTRY_EMPTY = ("Not reported for this selection. Figures come from a source document's text (data/<document>/) "
                  "or an imported workbook; the Data page explains how to add them.")

CHARTS: dict[str, Chart] = {c.name: c for c in (
    Chart("budget-by-runo", "Budget by recipient UN organisation", "USD", ("budget_by_runo",),
          "No budget reported for this selection. " + _COUNTRY_EMPTY, budget_by_runo),
    Chart("delivery-against-aim", "Delivery rate against the 70 % aim", "% of the approved budget spent",
          ("delivery",), "Neither expenditure nor a stated delivery rate is reported for this selection.", delivery_against_aim),
    Chart("expenditure-against-aim", "Expenditure against what the aim requires", "money, in each budget's currency",
          ("delivery",), "No expenditure is reported for this selection, so the gap to the aim in money cannot "
          "be computed. Expenditure comes from the agencies' financial reports (workbook or IATI import).",
          expenditure_against_aim),
    Chart("indicators-by-rag", "Indicators by status", "number of indicators; " + metrics.RAG_THRESHOLDS_TEXT,
          ("indicator_progress",),
          "No indicators are recorded for this selection.", indicators_by_rag),
    Chart("indicator-history", "Indicator history", "the indicator's unit", ("indicator_history",),
          "No values are reported for this indicator.", indicator_history),
    Chart("reach-against-target", "Rights holders reached against the targets", "people; direct and indirect never added",
          ("reach_against_target",), "No reach figures or targets are reported for this selection.", reach_against_target),
    Chart("reach-direct-breakdown", "Direct rights holders by sex, age group and component", "people",
          ("reach",), "No breakdown of direct reach is reported for this selection.", reach_breakdown("direct")),
    Chart("reach-indirect-breakdown", "Indirect rights holders by sex, age group and component", "people",
          ("reach",), "No breakdown of indirect reach is reported for this selection.", reach_breakdown("indirect")),
    Chart("media-hits-by-country", "Media hits by country", "media hits (INT = international outlets)",
          ("media_hits_by_country",), "No media hits by country are reported for this selection.", media_hits_by_country),
    Chart("media-hits-by-pillar", "Media hits by pillar", "media hits", ("media_hits_by_pillar",),
          "The documents do not break media hits down by pillar; a workbook with a pillar per hit would.",
          media_hits_by_pillar),
    Chart("media-hits-by-month", "Media hits by month", "media hits", ("media_hits_by_month",),
          "No dated media hits are recorded; a workbook with a publication date per hit would show them by month.",
          media_hits_by_month),
    Chart("media-eu-acknowledgement", "Media hits acknowledging the EU", "media hits (share of all hits)",
          ("media_summary",), "No media totals are reported for this selection.", media_eu_acknowledgement),
    Chart("campaigns-compared", "Campaigns and social media compared", "each measure on its own axis",
          ("campaigns",), "No campaign figures are reported for this selection.", campaigns_compared),
    Chart("grants-by-country", "Small grants: applications and awards by country", "number",
          ("grants",), "No small-grant figures by country are reported for this selection.", grants_by_country),
    Chart("reference-group", "Civil society reference group by country", "members",
          ("reference_group",), "The reference group's composition is not reported for this selection.", reference_group),
    Chart("iati-delivery-by-organisation", "The agencies' own figures: budget and expenditure by year",
          "bars: expenditure; dotted lines: budget; each currency on its own axis", ("iati_delivery_by_organisation",),
          "No IATI activity file is loaded for this selection. An editor loads an agency's IATI file on the Data "
          "page or with `python -m spotlight_dash iati FILE.xml`.", iati_delivery_by_organisation),
    Chart("sdg-context", "Violence against women and child marriage: national SDG data", "% of women",
          ("sdg_values",), "No national SDG data is loaded for this selection.", sdg_context),
)}


def export_name(name: str, filters, version: int | None) -> str:
    """What an exported file is called, e.g. ``spotlight-ca_media-hits-by-country_2020_v0007``."""
    parts = ["spotlight-ca", name, str(filters.year) if filters.year else "all-years"]
    parts += [str(v).lower() for v in (filters.country, filters.runo) if v]
    parts += [f"pillar-{filters.pillar}"] if filters.pillar else []
    if filters.programme and filters.programme != "SI-CA-REG":
        parts.insert(1, filters.programme.lower())
    return "_".join(parts + ([f"v{version:04d}"] if version else []))
