"""One chart on a page: the figure or its empty state, what it ignores, and where it comes from."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from spotlight_dash import charts, labels, provenance
from spotlight_dash.exports import images
from spotlight_dash.exports.chart_files import ChartFiles
from spotlight_dash.exports.context import described
from spotlight_dash.markdown_text import escape
from spotlight_dash.ui import notes, page
from spotlight_dash.ui.language import t
from spotlight_dash.ui.page import PAGE_CHARTS, View


def show(view: View, name: str, font_scale: float = 1.0, height: int = 440, at_most: bool = False,
         **overrides) -> None:
    chart = charts.CHARTS[name]
    # The figures at the level they are reported at: a chart of programme-wide figures says so in its
    # subtitle, never under the chosen country's name.
    scoped = view.scoped(chart.queries, **overrides)
    frames = scoped.frames
    ids = provenance.source_ids(frames.values())
    files = ChartFiles.make(name, frames, scoped.filters, described(scoped, view.choices, view.lang), view.sources,
                            view.dated(frames.values()), view.snapshot.version, font_scale, view.lang,
                            dark=dark_theme())
    figure = files.figure_at(height, at_most)  # drawn once: the alt text and the page's ZIP reuse it
    st.session_state.setdefault(PAGE_CHARTS, {})[name] = files  # for the page's ZIP download
    with st.container(border=True):
        # The chart's words are the page's text, not the figure's: they wrap to any screen (a phone's
        # too), follow the theme and are read by screen readers. Plain text, escaped for Markdown.
        words = files.words
        heading(words.title, large=font_scale > 1)
        if figure is None:
            st.info(escape(chart.empty(view.lang)), icon=":material/info:")
        else:
            st.caption(escape(words.subtitle) + (f"  \n{escape(words.note)}" if words.note else ""))
            st.plotly_chart(figure, theme=None, width="stretch", key=f"chart-{name}",
                            config={"displaylogo": False, "toImageButtonOptions": {"filename": files.base_name}})
            st.caption(escape(words.footer))
        if scoped.broader:
            st.caption(scoped.sentence(view.lang))
        sourced, download = st.columns(2)
        # The sources are made only while their popover is open: a page would otherwise build and send
        # every chart's tables on each run, for popovers that are mostly never opened. Downloads stay
        # ready: a click on a freshly filled button could race the rerun that fills it.
        if ids and (popover := page.opened_popover(sourced, view.t("chart.sources_and_data"), ":material/source:",
                                                     f"sources-{name}")) is not None:
            with popover:
                source_list(view.sources, ids)
                for query_name, frame in frames.items():
                    st.caption(view.t(f"query.{query_name}"))
                    page.table(frame)
        if figure is not None:  # a card with nothing to draw has nothing to download either
            with download.popover(view.t("chart.download"), icon=":material/download:"):
                downloads(files, has_figure=True)
        notes.under(view, name)


def warm_up() -> None:
    """An empty plot nobody sees, so the browser loads the plotting library now, not when the first chart
    comes (Meeting mode's first slide has none: its Next waited a second for the library)."""
    with st.container(key="plot-warm-up", height=1, border=False):
        st.plotly_chart(charts.empty_figure(), key="plot-warm-up-figure", config={"staticPlot": True})


def dark_theme() -> bool:
    """Whether the reader's page is dark (their system's setting or the app menu's): the plot follows."""
    try:
        return st.context.theme.type == "dark"
    except Exception:  # noqa: BLE001 - no browser behind the run (AppTest): the light page
        return False


def heading(text: str, large: bool = False) -> None:
    """A chart's title: a heading of the page (no link anchor: it is not a section to link to)."""
    (st.header if large else st.subheader)(escape(text), anchor=False)


def downloads(files: ChartFiles, has_figure: bool) -> None:
    """Image in three shapes, data as XLSX/CSV, and the alt text; files are made on click."""
    key = files.chart.name
    if has_figure and not images.available():
        st.caption(t("chart.no_images"))
    elif has_figure:
        shape = st.radio(t("chart.shape"), list(images.SHAPES), format_func=lambda s: labels.t(f"shape.{s}", files.lang),
                         key=f"shape-{key}", horizontal=True)
        for fmt, column in zip(("png", "svg", "pdf"), st.columns(3)):
            column.download_button(fmt.upper(), data=lambda f=fmt: files.image(f, shape), mime=images.MIME[fmt],
                                   file_name=f"{files.base_name}_{shape}.{fmt}", key=f"{fmt}-{key}",
                                   on_click="ignore", width="stretch")
    xlsx, csv = st.columns(2)
    xlsx.download_button(t("chart.data_xlsx"), data=files.xlsx, file_name=f"{files.base_name}.xlsx", key=f"xlsx-{key}",
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         on_click="ignore", width="stretch")
    csv.download_button(t("chart.data_csv"), data=files.csv, file_name=f"{files.base_name}.csv", mime="text/csv",
                        key=f"csv-{key}", on_click="ignore", width="stretch")
    st.caption(t("chart.alt_text"))
    st.text(files.alt_text())


def source_list(sources: pd.DataFrame, ids) -> None:
    """A figure's sources as text that wraps in a popover's narrow box: each document and section, then
    its quote whole, and the file's place or the source's id. A table there cut the document's name
    after a few words and left the quote out of sight, behind a sideways scroll."""
    for row in provenance.rows_for(sources, ids).itertuples():
        st.markdown("**" + " · ".join(escape(v) for v in (row.document, row.section) if isinstance(v, str)) + "**")
        if isinstance(row.quote, str):
            st.markdown("\n".join("> " + escape(line) for line in row.quote.splitlines() if line.strip()))
        st.caption(" · ".join(escape(v) for v in (row.file_sheet_row, row.source_id) if isinstance(v, str)))
    # Where the definitions are, and something to focus: a box that scrolls must be reachable by keyboard.
    page.link("pages/sources.py", t("nav.sources"), ":material/menu_book:")


def columns(view: View, left: list[str], right: list[str]) -> None:
    """Charts in two columns, for half-width charts that read side by side."""
    for column, names in zip(st.columns(2), (left, right)):
        with column:
            for name in names:
                show(view, name)
