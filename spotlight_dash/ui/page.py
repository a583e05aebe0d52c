"""What every page starts and ends with: the store's state, the filter bar, the footer.

The filters live in the URL (a copied link reopens the same view) and in the session, so they
stay when the user moves to another page. A session reads the link once; after that the view it
remembers (updated by the filter widgets) is the truth, and the URL follows it.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import pandas as pd
import streamlit as st

from spotlight_dash import formatting as fmt
from spotlight_dash import labels, provenance, scope, table_layout, viewstate
from spotlight_dash.exports import chart_files
from spotlight_dash.queries import Filters
from spotlight_dash.ui import data, language
from spotlight_dash.markdown_text import Markdown, escape
from spotlight_dash.ui.language import t

T = TypeVar("T")
REMEMBERED = "view_filters"
PAGE_CHARTS = "page_charts"  # the charts chart_block drew in this run: name -> ChartFiles
TABLES_DRAWN = "tables_drawn"  # how many tables this run drew: their download buttons' keys
# A table longer than this shows its first rows and offers the whole of it as a file: a browser given
# 12,000 rows (Agencies at scale 1000) waits for megabytes nobody scrolls through.
TABLE_ROWS_SHOWN = 1000
ALL = "all"
MISSING_CELL = "—"
# A pages/ folder next to app.py puts Streamlit in its old pages-folder mode until some script calls
# st.navigation: a freshly started server runs a deep link's page (/reach) alone, and so does AppTest
# on every run of app.py after its first. app.py marks the run of its page; a page run without the
# mark runs app.py itself, which opens the page inside the frame (language, sign-in, navigation).
IN_THE_FRAME = "run_by_app_py"
APP_SCRIPT = Path(__file__).resolve().parents[2] / "app.py"


@dataclass(frozen=True)
class View:
    snapshot: data.Snapshot
    filters: Filters
    choices: viewstate.Choices
    description: str  # the filters in words, for subtitles
    lang: str = labels.DEFAULT

    def q(self, name: str, **overrides) -> pd.DataFrame:
        return data.run_query(self.snapshot.path, name, replace(self.filters, **overrides))

    def at_snapshot(self, path: str) -> "View":
        """The same view of an earlier snapshot (to compare the figures with)."""
        return replace(self, snapshot=replace(self.snapshot, path=path))

    def scoped(self, query_names, **overrides) -> scope.Scoped:
        return scope.scoped(self.q, query_names, replace(self.filters, **overrides))

    @cached_property
    def sources(self) -> pd.DataFrame:
        """Every source row (a figure's sources may lie outside the filters), read once per run."""
        return data.run_query(self.snapshot.path, "sources", Filters())

    @cached_property
    def period_labels(self) -> dict[str, str]:
        return provenance.period_names(data.run_query(self.snapshot.path, "periods", Filters()), self.lang)

    def dated(self, frames) -> str:
        """The period these figures report on and when they were loaded (the snapshot's date is not theirs)."""
        return provenance.dates_line(provenance.reported_periods(frames), self.period_labels,
                                     data.data_as_of(self.snapshot.path, self.lang), self.snapshot.version, self.lang)

    @property
    def as_of(self) -> str:
        """The dates of every figure this page drew so far."""
        drawn = st.session_state.get(PAGE_CHARTS, {})
        return self.dated([frame for files in drawn.values() for frame in files.frames.values()])

    def t(self, key: str, **values) -> Markdown:
        return language.markdown(key, self.lang, **values)


def snapshot_or_stop() -> data.Snapshot:
    """The current snapshot; says what is wrong with the store, and stops when nothing is readable."""
    snapshot = data.current_snapshot()
    for problem in snapshot.problems:
        st.warning(t("store.problem", problem=problem), icon=":material/warning:")
    if snapshot.path is None:
        st.info(t("store.empty"))
        st.stop()
    return snapshot


def _choices(snapshot: data.Snapshot, lang: str) -> viewstate.Choices:
    return viewstate.choices_from(lambda name: data.run_query(snapshot.path, name, Filters()), lang)


@contextmanager
def inside_the_app() -> Iterator[None]:
    """app.py runs its page inside this: the page then knows it has app.py's frame, for this run only."""
    st.session_state[IN_THE_FRAME] = True
    try:
        yield
    finally:
        st.session_state.pop(IN_THE_FRAME, None)


def _url_path() -> str | None:
    """The page's URL path as the browser shows it ("reach" of /reach), or None."""
    url = st.context.url
    return url.rstrip("/").rsplit("/", 1)[-1] if url and url.count("/") > 2 else None


def _streamlit_runs_app_py() -> bool:
    """Whether the script Streamlit runs is app.py (a page's path is read from that script's folder)."""
    try:
        st.Page(APP_SCRIPT.name)
    except st.errors.StreamlitAPIException:
        return False
    return True


def _inside_the_app_frame() -> None:
    """A page run alone in the pages-folder mode runs app.py in its place, in this same run (a rerun
    would lose a button's click). Calling st.navigation ends that mode for the whole server. Its pages
    are app.py, once more under this page's URL path, which a deep link asks for by name (a default
    page has no URL path, and a name among no pages shows "Page not found"); app.py's own navigation
    then finds the page. A page Streamlit runs as its main script says where it belongs instead."""
    if st.session_state.get(IN_THE_FRAME):
        return
    if not _streamlit_runs_app_py():
        st.error(t("page.outside_the_app"), icon=":material/error:")
        st.stop()
    here = _url_path()
    pages = [st.Page(APP_SCRIPT, default=True)]
    if here and here != APP_SCRIPT.stem:  # the default page's own (hidden) URL path
        pages.append(st.Page(APP_SCRIPT, url_path=here))
    st.navigation(pages, position="hidden").run()
    st.stop()  # the page ran inside app.py


def frame(title: str, question: str | None = None) -> None:
    """A page's title and question, once the page is inside app.py's frame."""
    _inside_the_app_frame()
    st.session_state[PAGE_CHARTS] = {}
    st.session_state[TABLES_DRAWN] = 0
    st.title(title)
    if question:
        st.caption(question)


def start(title: str, question: str | None = None) -> View:
    """Page title, store warnings and the filter bar; returns the view the page draws."""
    frame(title, question)
    snapshot = snapshot_or_stop()
    lang = language.current()
    choices = _choices(snapshot, lang)
    remembered = st.session_state.get(REMEMBERED)
    # The link is read once per session (a pasted link is a new session); after that the
    # remembered view, updated by the widgets, is the truth, also across page switches.
    parsed, notices = viewstate.parse({} if remembered else st.query_params, choices, remembered)
    values = {}
    with st.sidebar:
        st.subheader(t("filter.heading"))
        for name in viewstate.FILTER_NAMES:
            key = f"filter_{name}"
            # "all" stands for None: a selectbox shows None as an empty placeholder, not as a choice.
            options = choices.options(name) if name == "programme" else [ALL, *choices.options(name)]
            st.session_state[key] = ALL if getattr(parsed, name) is None else getattr(parsed, name)
            chosen = st.selectbox(viewstate.filter_label(name, lang), options, key=key, on_change=_remember, args=(name,),
                                  format_func=lambda v, n=name: choices.label(n, None if v == ALL else v))
            values[name] = None if chosen == ALL else chosen
        for notice in notices:
            link_notice(notice)
        st.caption(t("filter.share"))
    filters = Filters(**values)
    st.session_state[REMEMBERED] = filters
    _write_url(filters)
    return View(snapshot, filters, choices, viewstate.describe(filters, choices), lang)


def link_notice(notice: str, where=None) -> None:
    """A link value that was dropped: the notice repeats the value, so it is shown as text, never as Markdown."""
    (where or st).warning(escape(notice), icon=":material/link_off:")


def from_link(name: str, parse: Callable[[str], T | None], what: str, where=None) -> T | None:
    """A page's own link value (``since``, ``slide``, ``indicator``) through its viewstate parser;
    a value that does not parse is dropped with the usual notice, and None is returned."""
    raw = st.query_params.get(name)
    if raw is None or raw == "":
        return None
    value = parse(raw)
    if value is None:
        link_notice(viewstate.ignored_notice(what, raw, language.current()), where)
    return value


def _remember(name: str) -> None:
    chosen = st.session_state[f"filter_{name}"]
    current = st.session_state.get(REMEMBERED) or Filters()
    st.session_state[REMEMBERED] = replace(current, **{name: None if chosen == ALL else chosen})


def _write_url(filters: Filters) -> None:
    wanted = viewstate.to_params(filters)
    for name in viewstate.FILTER_NAMES:
        if name in wanted:
            if st.query_params.get(name) != wanted[name]:
                st.query_params[name] = wanted[name]
        elif name in st.query_params:
            del st.query_params[name]


def footer(view: View) -> None:
    st.divider()
    zip_button(view)
    st.caption(t("footer.text", as_of=view.as_of, description=view.description))


def query_section(view: View, heading: str, query: str, empty: str, caption: str | None = None,
                  keep=None, **column_config) -> pd.DataFrame:
    """A table of one query's rows at the level they are reported at (``scope``): rows broader than
    the chosen country, pillar or RUNO say so above the table. ``keep`` picks rows of the frame."""
    scoped = view.scoped([query])
    frame = scoped.frames[query] if keep is None else keep(scoped.frames[query])
    table_section(heading, frame, empty, " ".join(p for p in (scoped.sentence(view.lang), caption) if p) or None,
                  **column_config)
    return frame


def table_section(heading: str, frame: pd.DataFrame, empty: str, caption: str | None = None,
                  drop: tuple[str, ...] = ("programme_id",), **column_config) -> None:
    """A heading and a read-only table, or what is missing and how to add it.

    The texts are Markdown from ``t``; any other string is escaped (shown as it is)."""
    st.subheader(escape(heading))
    if frame.empty:
        st.info(escape(empty), icon=":material/info:")
        return
    if caption:
        st.caption(escape(caption))
    table(frame.drop(columns=[c for c in drop if c in frame.columns]), **column_config)


def _written_out_figures(numbers: pd.Series, shown: pd.Series) -> bool:
    """Whether a column of figures was written out as text (grouped digits), so it still aligns right."""
    return (pd.api.types.is_numeric_dtype(numbers) and not pd.api.types.is_bool_dtype(numbers)
            and not pd.api.types.is_numeric_dtype(shown))


def table(frame: pd.DataFrame, **column_config) -> None:
    """A read-only table as a reader reads it: headers, numbers, dates and codes in the reader's
    language (``formatting.for_reading``); a column's own config may name it. A long one shows its
    first ``TABLE_ROWS_SHOWN`` rows, says so, and offers every row as a spreadsheet."""
    lang = language.current()
    whole, frame = frame, frame.head(TABLE_ROWS_SHOWN)
    if len(whole) > len(frame):
        _whole_table(whole, lang)
    shown = fmt.for_reading(frame, lang)
    headers = {}
    for name in shown.columns:
        config = column_config.get(name)
        if isinstance(config, dict):
            config = {**config, "label": config.get("label") or labels.column(name, lang)}
            if config.get("type_config", {}).get("type") == "number" and _written_out_figures(frame[name], shown[name]):
                # pandas 3 gives written-out text its own "str" dtype, not object: a number column would
                # read "7,0" back as 70 and "10 757,8" as a cell it cannot parse.
                config["type_config"] = {"type": "text"}  # already written out for the reader's language
                config["alignment"] = config.get("alignment") or "right"  # still a column of figures
            headers[name] = config
        elif config is None and _written_out_figures(frame[name], shown[name]):
            headers[name] = st.column_config.TextColumn(labels.column(name, lang), alignment="right")
        else:
            headers[name] = config or labels.column(name, lang)
    fitted = table_layout.layout(shown, {name: labels.column(name, lang) for name in shown.columns},
                                 {name: c.get("width") for name, c in headers.items() if isinstance(c, dict)})
    for name in {*fitted.widths, fitted.pinned} - {None}:
        config = headers[name] if isinstance(headers[name], dict) else {"label": headers[name]}
        headers[name] = {**config, **({"width": fitted.widths[name]} if name in fitted.widths else {}),
                         **({"pinned": True} if name == fitted.pinned else {})}
    # A missing cell is a dash, as in a printed report, not Streamlit's "None" (which reads like a
    # value); "not reported" in words would spill over narrow columns.
    st.dataframe(shown, hide_index=True, width="stretch", column_config=headers, placeholder=MISSING_CELL,
                 row_height=fitted.row_height)


def link(page_file: str, label: str, icon: str, where=None) -> None:
    """A link to another page of the app (the session, and an editor's sign-in, stay with it)."""
    try:
        (where or st).page_link(page_file, label=label, icon=icon)
    except st.errors.StreamlitAPIException:  # a page run on its own (the page tests) has no navigation to link within
        (where or st).caption(label)


def _whole_table(whole: pd.DataFrame, lang: str) -> None:
    """"The first 1,000 of 12,000 rows" and the whole table as XLSX (formula-safe), made on click."""
    st.session_state[TABLES_DRAWN] = number = st.session_state.get(TABLES_DRAWN, 0) + 1
    note, download = st.columns([3, 1])
    note.caption(t("page.rows_shown", shown=fmt.number(TABLE_ROWS_SHOWN, lang=lang), rows=fmt.number(len(whole), lang=lang)))
    about = [(labels.t("page.rows_about", lang), labels.t("page.rows_about_text", lang, rows=fmt.number(len(whole), lang=lang)))]
    download.download_button(t("page.rows_download"), icon=":material/download:", on_click="ignore",
                             key=f"whole-table-{number}", file_name=f"spotlight-ca_table_{number}{labels.file_suffix(lang)}.xlsx",
                             data=lambda: chart_files.workbook(about, {"data": labels.with_headers(fmt.in_words(whole, lang), lang)},
                                                               labels.t("about.sheet", lang)),
                             mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def opened_popover(where, label: str, icon: str, key: str):
    """A popover button; the popover itself only while it is open, else None (opening it reruns the page)."""
    popover = where.popover(label, icon=icon, key=key, on_change="rerun")
    return popover if popover.open else None


def zip_button(view: View) -> None:
    """Every chart drawn on this page as PNG (wide) with its data and alt text, in one ZIP."""
    shown: dict[str, chart_files.ChartFiles] = st.session_state.get(PAGE_CHARTS, {})
    drawable = {n: f for n, f in shown.items() if f.figure() is not None}
    if not drawable:
        return

    def build() -> bytes:
        out = {}
        for files in drawable.values():
            out[f"{files.base_name}.png"] = files.image("png", "wide")
            out[f"{files.base_name}.xlsx"] = files.xlsx()
            out[f"{files.base_name}.txt"] = files.alt_text().encode("utf-8")
        return chart_files.zip_files(out)

    page_name = "-".join(sorted(drawable))[:60]
    st.download_button(t("page.zip", count=len(drawable)), data=build, on_click="ignore",
                       file_name=f"spotlight-ca_charts_v{view.snapshot.version:04d}_{len(drawable)}.zip",
                       mime="application/zip", icon=":material/folder_zip:", key=f"zip-{page_name}")
