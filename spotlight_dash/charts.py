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
import math
import numbers
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
    dark: bool = False  # the page's dark theme: the page's plot follows it; exported files stay light


@dataclass(frozen=True)
class Words:
    """What surrounds a plot: in a file they are drawn inside the figure; on the page they are text
    around it, which wraps to any screen and follows the page's theme."""

    title: str  # the chart's own words (prefixed SYNTHETIC for benchmark data)
    subtitle: str  # the filters and the unit: names from the data, plain text
    note: str  # what the reader must know about what is drawn ("" when nothing)
    footer: str  # "Source: … · Data as of …"


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

    def words(self, meta: ChartMeta, spec: Spec | None = None) -> Words:
        prefix = _t("synthetic", meta.lang) + " · " if meta.synthetic else ""
        return Words(prefix + self.title(meta.lang), f"{meta.filters} · {self.unit(meta.lang)}",
                     (spec or {}).get("note") or "", f"{meta.source} · {meta.as_of}")

    def spec(self, frames: Frames, lang: str) -> Spec | None:
        """What ``draw`` makes of the frames, the dataset's own category words in ``lang``."""
        return self.draw({name: fmt.team_words(frame, lang) for name, frame in frames.items()}, lang)

    def figure(self, frames: Frames, meta: ChartMeta, height: int = 440, width: int = 960) -> go.Figure | None:
        """The figure as a file shows it, words included, laid out for ``width`` × ``height`` pixels."""
        spec = self.spec(frames, meta.lang)
        return None if spec is None else finish(spec, self.words(meta, spec), meta, height, width)

    def plot(self, frames: Frames, meta: ChartMeta, height: int = 440) -> go.Figure | None:
        """The plot alone, for a page that writes the words around it."""
        spec = self.spec(frames, meta.lang)
        return None if spec is None else plot_only(spec, meta, height)


_SEPARATORS = {"en": ".,", "ru": ",\u00a0"}  # plotly's decimal then thousands mark: 4 432 461 and 14,7
# The words of a figure, in pixels at font scale 1: heading, subtitle and footer sizes and line heights.
TITLE_PX, SUBTITLE_PX, FOOTER_PX, TICK_PX = 20, 14, 11, 14
TITLE_LINE, SUBTITLE_LINE, FOOTER_LINE = 26, 19, 14
SIDE_PAD = 16  # the title's left padding; the same room is kept on the right
LEGEND_RAISE_PX = 26  # a legend over panels stands this far above the plot, clear of the first panel's title


def _base_layout(spec: Spec, meta: ChartMeta) -> dict:
    layout = _plain_layout(spec["layout"])  # a copy: the nested dicts changed below are never the spec's own
    layout["template"] = style.TEMPLATE_JSON
    _update(layout, dict(separators=_SEPARATORS[meta.lang], font=dict(size=TICK_PX * meta.font_scale)))
    if meta.lang == "ru":
        _russian_value_ticks(layout, spec["data"])
    return layout


_RUSSIAN_SCALES = ((1e9, "млрд"), (1e6, "млн"), (1e3, "тыс."))


def _russian_value_ticks(layout: dict, data: list[dict]) -> None:
    """plotly abbreviates 500,000 as "500k" and 2,500,000 as "2.5M" whatever the language: a Russian
    value axis of thousands and more gets its ticks placed as plotly would place about five and written
    as Russian writes them ("500 тыс.", "2,5 млн")."""
    tops: dict[str, float] = {}
    for trace in data:
        horizontal = trace.get("orientation") == "h"
        axis = (("xaxis" + str(trace.get("xaxis", "x"))[1:]) if horizontal
                else ("yaxis" + str(trace.get("yaxis", "y"))[1:]))
        values = trace.get("x" if horizontal else "y")
        figures = [float(v) for v in (list(values) if values is not None else ())
                   if isinstance(v, numbers.Real) and not isinstance(v, bool) and not fmt.is_missing(v)]
        tops[axis] = max(tops.get(axis, 0.0), *figures, 0.0)
    for axis, top in tops.items():
        shape = layout.get(axis, {})
        if top < 1000 or shape.get("type") in ("category", "log", "date") or "tickvals" in shape:
            continue
        step = _nice_step(top, most=4 if axis.startswith("xaxis") else 6)  # side by side on a phone: fewer
        ticks = [i * step for i in range(int(top // step) + 2)]
        layout[axis] = {**shape, "tickmode": "array", "tickvals": ticks, "ticktext": [_russian_tick(v) for v in ticks]}


def _nice_step(top: float, most: int = 6) -> float:
    """The smallest round step (1, 2, 2.5 or 5 times a power of ten) that reaches ``top`` in at most ``most``."""
    magnitude = 10 ** math.floor(math.log10(top / most))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if top / (m * magnitude) <= most)


def _russian_tick(value: float) -> str:
    for scale, word in _RUSSIAN_SCALES:
        if value >= scale:
            shown = value / scale
            decimals = next(d for d in (0, 1, 2) if round(shown, d) == round(shown, 3))  # 1,25 млн, not 1,2
            return f"{fmt.number(shown, decimals, lang='ru')} {word}"
    return fmt.number(value, lang="ru")


def finish(spec: Spec, words: Words, meta: ChartMeta, height: int, width: int = 960) -> go.Figure:
    """The drawn spec with heading, subtitle, footer and the house template, as one unvalidated figure,
    its words wrapped to ``width``: a wide image keeps its title on one line, a square wraps it."""
    scale = meta.font_scale
    usable = width - 2 * SIDE_PAD
    heading = _wrap_px(words.title, usable, TITLE_PX * scale, escape=False)
    # The filters and the sources hold names from the data: plotly reads its text as HTML (<b>, <a href>),
    # so theirs is escaped; the chart's own words keep their markup.
    subtitle = _wrap_px(words.subtitle, usable, SUBTITLE_PX * scale)
    if words.note:
        subtitle += "<br>" + _wrap_px(words.note, usable, SUBTITLE_PX * scale, escape=False)
    # The footer starts where the plot starts, right of any category labels beside horizontal bars, and
    # sits under the x axis's labels and title: both take room from it.
    side = _side_labels_px(spec, TICK_PX * scale)
    footer = _wrap_px(words.footer, max(usable * 0.4, width - SIDE_PAD - 40 * scale - side), FOOTER_PX * scale)
    below = int(_below_plot_px(spec, scale))
    heading_lines, subtitle_lines, footer_lines = (text.count("<br>") + 1 for text in (heading, subtitle, footer))
    raised = LEGEND_RAISE_PX if _raised_legend(spec) else 0  # a legend above the panels' titles
    top = int((64 + raised + TITLE_LINE * heading_lines + SUBTITLE_LINE * subtitle_lines) * scale)
    bottom = int(12 * scale) + below + int(FOOTER_LINE * footer_lines * scale)
    # Longer headings and footers get room of their own: the plot keeps the height it had with one
    # line each (a chart may ask for more room than the page's default).
    extra = top + bottom - int((64 + TITLE_LINE + SUBTITLE_LINE + 12 + 72 + FOOTER_LINE) * scale)
    layout = _base_layout(spec, meta)
    _update(layout, dict(
        # The heading's first line sits its padding below the top edge whatever the number of lines:
        # plotly anchors a title of several lines by its first baseline, so it is placed in pixels.
        title=dict(text=heading, subtitle=dict(text=subtitle, font=dict(size=SUBTITLE_PX * scale)),
                   font=dict(size=TITLE_PX * scale), y=1, yanchor="top", pad=dict(t=int(18 * scale))),
        height=int((layout.get("height") or height) * scale) + extra,
        margin=dict(t=top, b=bottom, l=20, r=30),
    ))
    layout["annotations"] = [*layout.get("annotations", ()), dict(
        text=footer, showarrow=False, xref="paper", yref="paper",
        x=0, y=0, yshift=-below, xanchor="left", yanchor="top",
        font=dict(size=FOOTER_PX * scale, color=style.NOTE), align="left")]
    return go.Figure(data=[_plain_trace(trace) for trace in spec["data"]], layout=layout, _validate=False)


def empty_figure() -> go.Figure:
    """A figure with nothing in it (no data, no words), for a page that wants plotly loaded early."""
    return go.Figure(layout=dict(height=10, margin=dict(t=0, b=0, l=0, r=0), xaxis=dict(visible=False),
                                 yaxis=dict(visible=False)))


def plot_only(spec: Spec, meta: ChartMeta, height: int, at_most: bool = False) -> go.Figure:
    """The plot without its words (the page writes them around it), in the page's theme. A chart that
    sizes itself (a bar a row) keeps its size, unless ``at_most``: a screen that must hold it whole
    (Meeting mode) allows no more than ``height``."""
    scale = meta.font_scale
    layout = _base_layout(spec, meta)
    # Room above the plot for a legend or the panels' titles, which stand just above it.
    above = any(note.get("yref") == "paper" and float(note.get("y", 0)) >= 0.99
                for note in layout.get("annotations", ())) or _has_legend(spec)
    raised = _raised_legend(spec)  # and room for a legend above those titles
    wanted = (layout.get("height") or height) + LEGEND_RAISE_PX * raised
    _update(layout, dict(
        title=dict(text=""),
        height=max(200, int(((min(wanted, height) if at_most else wanted) - 135) * scale)),
        margin=dict(t=int((40 + LEGEND_RAISE_PX * raised if above else 16) * scale), b=int(10 * scale), l=10, r=20),
    ))
    if meta.dark:
        _darken(layout)
    return go.Figure(data=[_plain_trace(trace) for trace in spec["data"]], layout=layout, _validate=False)


def _raised_legend(spec: Spec) -> bool:
    """Whether the legend stands above the panels' titles (higher than the plot's top edge)."""
    return float((spec["layout"].get("legend") or {}).get("y", 1)) > 1 and _has_legend(spec)


def _has_legend(spec: Spec) -> bool:
    if spec["layout"].get("showlegend") is False:
        return False
    return sum(1 for trace in spec["data"] if trace.get("showlegend") is not False and trace.get("name")) > 1


def _darken(layout: dict) -> None:
    """A page plot on the dark theme: no backgrounds of its own, light words, quiet grid lines."""
    layout["template"] = style.TEMPLATE_DARK_JSON
    for note in layout.get("annotations", ()):
        if note.get("font", {}).get("color") == style.NOTE:
            note["font"] = {**note["font"], "color": style.DARK_NOTE}
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            axis.setdefault("gridcolor", style.DARK_GRID)


def _wrap_px(text: str, width_px: float, px: float, escape: bool = True) -> str:
    """Text in lines no wider than ``width_px`` at ``px`` pixels, joined by plotly's "<br>"; each line
    escaped for plotly when it holds words from the data (wrapped first: a break never splits "&lt;")."""
    lines: list[str] = []
    for paragraph in text.split("<br>"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}" if line else word
            if style.text_width(trial, px) <= width_px:
                line = trial
                continue
            if line:
                lines.append(line)
            # A word wider than the line (a long address) is broken where it must be.
            while style.text_width(word, px) > width_px and len(word) > 1:
                cut = max(1, int(len(word) * width_px / style.text_width(word, px)) - 1)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return "<br>".join(html.escape(line, quote=False) if escape else line for line in lines)


def _side_labels_px(spec: Spec, px: float) -> float:
    """The widest category label beside horizontal bars (and an axis title there), in pixels."""
    widest = max((style.text_width(str(line), px) for t in spec["data"] if t.get("orientation") == "h"
                  for label in (t.get("y") if t.get("y") is not None else ()) if label is not None
                  for line in str(label).split("<br>")), default=0)
    titled = any(k.startswith("yaxis") and isinstance(v, dict) and (v.get("title") or {}).get("text")
                 for k, v in spec["layout"].items())
    return widest + (24 * px / TICK_PX if titled else 0)


def _below_plot_px(spec: Spec, scale: float) -> float:
    """Room under the plot for the x axis's labels (slanted ones reach lower, as do labels of several
    lines) and its title: the footer is drawn below it."""
    vertical = [t for t in spec["data"] if t.get("orientation") != "h" and t.get("x") is not None]
    labels_ = [str(v) for t in vertical for v in t["x"] if v is not None]
    lines = max((label.count("<br>") + 1 for label in labels_), default=1)
    below = 72 + TITLE_LINE * 0.7 * (lines - 1)
    if spec["layout"].get("xaxis", {}).get("tickangle") not in (None, 0) and labels_:
        widest = max(style.text_width(label, TICK_PX) for label in labels_)
        below = max(below, 44 + 0.5 * widest + TICK_PX)  # sin 30°: half the label's length goes down
    return below * scale


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


# ---- horizontal bars named above ----------------------------------------------------------------

NAME_CHARS = 36  # a name's line above its bar: fits a phone's plot (~300 px) at the ticks' size
BAR_LINE_PX = 20  # each further bar beside a name: a line of the figures' text, which stand beside their bars
NAME_LINES = 2  # longer names end in "…"; the hover and the chart's data keep them whole


def _name_lines(name: str) -> str:
    lines = textwrap.wrap(name, NAME_CHARS, break_on_hyphens=False) or [name]
    if len(lines) > NAME_LINES:
        lines = lines[:NAME_LINES]
        lines[-1] = _short(lines[-1] + " …", NAME_CHARS)
    return "<br>".join(lines)


def named_bars(names: list[str], traces: list[dict], stacked: bool = False, axes: dict | None = None
               ) -> tuple[list[dict], list[dict], dict, int]:
    """Horizontal bars with each name written above its bar, across the plot: a long name (a campaign,
    an SDG question) is read whole on a phone instead of being cut beside a bar with no room left.

    ``traces`` name their bars by ``y`` (the names); side by side unless ``stacked``. Returns the traces
    placed on a numbered axis (the name stays in ``customdata`` and the hover), the names as
    annotations, the y axis's layout, and the plot height in pixels the bars need."""
    axes = axes or {"xaxis": "x", "yaxis": "y"}
    xref, yref = axes["xaxis"], axes["yaxis"]
    wrapped = [_name_lines(n) for n in names]
    lines = max((w.count("<br>") + 1 for w in wrapped), default=1)
    side_by_side = 1 if stacked else max(1, len(traces))
    # The name's lines, then the bars: bars side by side get a line of their own each, so a bar's
    # figure beside it never runs into the next bar's.
    slot_px = 34 + 19 * lines + BAR_LINE_PX * (side_by_side - 1)
    name_part = (19 * lines + 4) / slot_px
    bar_part = 1 - name_part - 0.08 * (34 + 19 * lines) / slot_px
    position = {name: i for i, name in enumerate(names)}
    placed = []
    for j, trace in enumerate(traces):
        slot = 0 if stacked else j
        centre = -0.5 + name_part + (slot + 0.5) * bar_part / side_by_side
        placed.append({**trace, "y": [position[n] + centre if n in position else None for n in trace["y"]],
                       "width": bar_part / side_by_side * 0.9, "customdata": list(trace["y"]),
                       "hovertemplate": "%{customdata}: %{x}<extra></extra>", "orientation": "h",
                       "textposition": trace.get("textposition", "auto"), "cliponaxis": False,
                       **({"xaxis": xref, "yaxis": yref} if xref != "x" else {})})
    notes = [dict(text=w, x=0, xref=f"{xref} domain", y=i - 0.5, yref=yref, xanchor="left", yanchor="top",
                  align="left", showarrow=False) for i, w in enumerate(wrapped)]
    yaxis = dict(range=[len(names) - 0.5, -0.5], showticklabels=False, showgrid=False, zeroline=False,
                 ticks="", autorange=False)
    return placed, notes, yaxis, slot_px * len(names)


# ---- delivery --------------------------------------------------------------------------------


def budget_by_runo(frames: Frames, lang: str) -> Spec | None:
    df = frames["budget_by_runo"]
    df = df[df.currency == "USD"]
    if df.empty:
        return None
    runos = [codes.organisation_name(o, lang) for o in df.organisation]
    differ = set(_disputed(df, "approved").organisation)
    # Each organisation's name above its bar with its own contribution beside it: "+ 72,485 agency" is a
    # thin sliver's figure, and where two sources state the Spotlight funds differently there is no bar.
    names = [(_t("sources_differ", lang) + " · " if code in differ else "") + f"{name} · "
             + _t("plus_agency", lang, amount=_label(contribution, lang))
             for code, name, contribution in zip(df.organisation, runos, df.agency_contribution)]
    colours = [style.RUNO_COLOURS.get(o, style.MUTED) for o in df.organisation]
    bars, notes, yaxis, plot_px = named_bars(names, [
        dict(type="bar", y=names, x=df.approved, name=_t("spotlight_funds", lang), marker=dict(color=colours),
             text=[_label(v, lang) if pd.notna(v) else "" for v in df.approved], insidetextanchor="end"),
        dict(type="bar", y=names, x=df.agency_contribution, name=_t("agency_contribution", lang),
             marker=dict(color=colours), opacity=0.45, textposition="none"),
    ], stacked=True)
    return dict(data=bars, layout=dict(
        barmode="stack", yaxis=yaxis, annotations=notes, height=plot_px + 235,
        xaxis=dict(title=dict(text=_t("usd", lang)), rangemode="tozero")))


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
    # One panel per type with its own axis: direct and indirect are never added or stacked. The panels
    # stand one above the other: side by side, a phone has no room for their titles and figures.
    records = _records(df, *df.columns)  # a dozen rows: plain Python is ten times quicker than pandas here
    reached = _t("reached", lang)
    latest = {t: next((r for r in reversed(records) if r["reach_type"] == t and not fmt.is_missing(r["actual"])), None)
              for t in types}
    x_of = {t: [f"{reached} {latest[t]['period_id']}" if latest[t] else reached, _t("target", lang)] for t in types}
    # Panels of the same period share the x axis's labels, written once under the lowest.
    shared = len({tuple(x) for x in x_of.values()}) == 1
    panel_px, gap_px = 150, (50 if shared else 70)  # between panels: the title of the next (and the labels of one)
    total_px = panel_px * len(types) + gap_px * (len(types) - 1)
    layout, panels = make_subplots(rows=len(types), cols=1, vertical_spacing=gap_px / total_px if len(types) > 1 else 0,
                                   shared_xaxes=shared, subplot_titles=[_t(f"{t}_rights_holders", lang) for t in types])
    for title in layout["annotations"]:  # left, where the plot starts
        title.update(x=0, xanchor="left")
    bars, notes = [], []
    for i, reach_type in enumerate(types, start=1):
        rows = [r for r in records if r["reach_type"] == reach_type]
        actual = latest[reach_type]  # the latest period's
        target = next((r for r in reversed(rows) if not fmt.is_missing(r["target"])), None)
        x = x_of[reach_type]
        y = [actual["actual"] if actual else None, target["target"] if target else None]
        share = actual["share_of_target_pct"] if actual else None
        differ = any(r.get("sources_differ") for r in rows if fmt.is_missing(r["actual"]))
        text = [_t("of_target", lang, value=_label(y[0], lang), share=fmt.percent(share, 1, lang))
                if y[0] is not None else fmt.not_reported(lang), _label(y[1], lang)]
        axes = panels[i - 1][0]
        bars.append(dict(type="bar", x=x, y=y, text=text, textposition="outside", cliponaxis=False,
                         marker=dict(color=[style.REACH_COLOURS[reach_type], style.MUTED]), showlegend=False, **axes))
        # A figure nobody reported has no bar, not a bar at 0: the words stand where it would be.
        # Two sources that state it differently say so: it is reported, but not as one number.
        notes += [dict(text=_t("sources_differ", lang) if differ and i == 0 else fmt.not_reported(lang), x=label, y=0,
                       xref=axes["xaxis"], yref=axes["yaxis"], yanchor="bottom", showarrow=False,
                       font=dict(color=style.NOTE))
                  for i, (label, value) in enumerate(zip(x, y)) if value is None]
        # Headroom over the taller bar for its figure's two lines, inside the panel.
        highest = max((v for v in y if v is not None), default=None)
        # No axis title: the subtitle gives the unit, and two of them one above the other run together.
        yaxis = dict(rangemode="tozero")
        if highest:
            yaxis.update(range=[0, highest * 1.45], autorange=False)
        _update(layout, _axis_layout(axes, yaxis=yaxis))
    layout["annotations"] = [*layout.get("annotations", ()), *notes]
    layout["height"] = total_px + 235
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
        # The age group is part of a bar's name, above it: several of one component would otherwise be bars
        # drawn over each other, and beside the figure it made a label too long for a phone's plot.
        for r in rows:
            country, age = _text(r["country"]), ages.get(_text(r["age_group"]), "")
            r["what"] = ((_text(r["component"]) or "") + (f" ({codes.country_name(country, lang)})" if country else "")
                         + (f" · {age}" if age else ""))
            r["text"] = _label(r["count"], lang)
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
        traces = [dict(type="bar", y=[r["what"] for r in group], x=[r["count"] for r in group],
                       name=_t(f"sex.{sex}", lang), marker=dict(color=style.SEX_COLOURS.get(sex, style.MUTED)),
                       text=[r["text"] for r in group])
                  for sex, group in by_sex.items()]
        names = list(dict.fromkeys(r["what"] for r in rows))
        bars, labels_above, yaxis, plot_px = named_bars(names, traces)
        return dict(data=bars, layout=dict(barmode="overlay", xaxis=dict(title=dict(text=_t("people", lang))),
                                           yaxis=yaxis, annotations=labels_above, height=plot_px + 235),
                    note=" ".join(notes))
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
    names = [f"{_t(f'measure.{m}', lang)} ({p})" for m, p in zip(df.measure, df.period_id)]
    bars, notes, yaxis, plot_px = named_bars(names, [dict(
        type="bar", y=names, x=df["count"],
        marker=dict(color=[style.OKABE_ITO["sky"] if m != "hits" else style.SPOTLIGHT_PURPLE for m in df.measure]),
        text=[_label(c, lang) + ("" if pd.isna(s) else f" ({fmt.percent(s, lang=lang)})")
              for c, s in zip(df["count"], df.share_of_hits_pct)])])
    return dict(data=bars, layout=dict(
        yaxis=yaxis, annotations=notes, showlegend=False, height=plot_px + 235,
        xaxis=dict(title=dict(text=_t("media_hits", lang)), rangemode="tozero")))


def campaigns_compared(frames: Frames, lang: str) -> Spec | None:
    df = frames["campaigns"]
    measures = [m for m in ("views", "engagements", "followers", "posts", "stories") if df[m].notna().any()]
    if df.empty or not measures:
        return None
    # Views, engagements and posts are different units: one small panel per measure, never stacked. Each
    # panel is as tall as its campaigns need: their names stand above the bars, whole.
    rows_of = {m: df.dropna(subset=[m]) for m in measures}
    heights = [named_bars(list(rows_of[m].name), [])[3] for m in measures]
    gap_px = 80  # between panels: the axis of one and the title of the next
    total_px = sum(heights) + gap_px * (len(measures) - 1)
    layout, panels = make_subplots(rows=len(measures), cols=1, row_heights=heights,
                                   subplot_titles=[_t(f"campaign.{m}", lang) for m in measures],
                                   vertical_spacing=gap_px / total_px if len(measures) > 1 else 0)
    bars, names_above = [], []
    for i, measure in enumerate(measures, start=1):
        rows = rows_of[measure]
        names = list(rows.name)
        placed, notes, yaxis, _ = named_bars(names, [dict(
            type="bar", y=names, x=rows[measure], text=[_label(v, lang) for v in rows[measure]],
            marker=dict(color=style.SPOTLIGHT_PURPLE), showlegend=False)], axes=panels[i - 1][0])
        bars += placed
        names_above += notes
        _update(layout, _axis_layout(panels[i - 1][0], yaxis=yaxis, xaxis=dict(rangemode="tozero")))
    # Panel titles left, over the names: centred they would stand over a long name's end.
    for title in layout["annotations"]:
        title.update(x=0, xanchor="left")
    layout["annotations"] = [*layout["annotations"], *names_above]
    layout["height"] = total_px + 235
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
    what_of = {code: list(dict.fromkeys(labels.t_or(f"sdg.what.{w}", lang, w) for w in rows.what))
               for code, rows in by_code.items()}
    years = sorted(set(df.year))
    shown_years = {code: sorted(set(rows.year)) for code, rows in by_code.items()}
    heights = [named_bars(what_of[c], [{"y": []}] * len(shown_years[c]))[3] for c in by_code]
    gap_px = 60
    total_px = sum(heights) + gap_px * (len(by_code) - 1)
    layout, panels = make_subplots(
        rows=len(by_code), cols=1, row_heights=heights, shared_xaxes=True,
        vertical_spacing=gap_px / total_px if len(by_code) > 1 else 0,
        subplot_titles=[_t("sdg", lang, code=c, country=codes.country_name(rows.country.iloc[0], lang))
                        for c, rows in by_code.items()])
    colours = dict(zip(years, [style.OKABE_ITO[c] for c in ("blue", "orange", "green", "sky", "vermillion", "purple")] * 5))
    highest = float(df.value.max())
    in_legend: dict = {}  # each year listed once, from the first panel that has it
    bars, names_above = [], []
    for i, (code, rows) in enumerate(by_code.items(), start=1):
        traces = [dict(type="bar", y=[labels.t_or(f"sdg.what.{w}", lang, w) for w in series.what],
                       x=series.value, name=str(year), marker=dict(color=colours[year]),
                       text=[fmt.percent(v, 1, lang) for v in series.value], textposition="outside",
                       legendgroup=str(year), legendrank=year, showlegend=in_legend.setdefault(year, i) == i)
                  for year, series in rows.groupby("year")]
        placed, notes, yaxis, _ = named_bars(what_of[code], traces, axes=panels[i - 1][0])
        bars += placed
        names_above += notes
        xaxis = dict(range=[0, highest * 1.25], rangemode="tozero")
        if i == len(by_code):
            xaxis["title"] = dict(text=_t("share_of_women", lang))
        _update(layout, _axis_layout(panels[i - 1][0], yaxis=yaxis, xaxis=xaxis))
    # Panel titles on the left, over the names.
    for title in layout["annotations"]:
        title.update(x=0, xanchor="left")
    layout["annotations"] = [*layout["annotations"], *names_above]
    # The years' legend stands above the first panel's title, not over it.
    _update(layout, dict(barmode="overlay", height=total_px + 235,
                         legend=dict(y=1 + LEGEND_RAISE_PX / total_px, yanchor="bottom")))
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
