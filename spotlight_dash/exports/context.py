"""Exports outside the page (command line, pack, benchmark): the current snapshot read directly."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import duckdb
import pandas as pd

from spotlight_dash import charts, labels, provenance, queries, scope, store, viewstate
from spotlight_dash.exports.chart_files import ChartFiles
from spotlight_dash.queries import Filters


@dataclass
class StoreView:
    con: duckdb.DuckDBPyConnection
    version: int
    filters: Filters
    choices: viewstate.Choices

    def q(self, name: str, **overrides) -> pd.DataFrame:
        cur = self.con.cursor()
        try:
            return queries.run_query(cur, name, replace(self.filters, **overrides))
        finally:
            cur.close()

    @property
    def lang(self) -> str:
        return self.choices.lang

    def t(self, key: str, **values) -> str:
        return labels.t(key, self.lang, **values)

    @property
    def description(self) -> str:
        return viewstate.describe(self.filters, self.choices)

    def dated(self, frames) -> str:
        """The period these figures report on and when they were loaded."""
        names = provenance.period_names(self.q("periods"), self.lang)
        return provenance.dates_line(provenance.reported_periods(frames), names, store.data_as_of(self.con, self.lang),
                                     self.version, self.lang)

    def chart_files(self, name: str, **overrides) -> ChartFiles:
        chart = charts.CHARTS[name]
        scoped = scope.scoped(self.q, chart.queries, replace(self.filters, **overrides))
        return ChartFiles.make(name, scoped.frames, scoped.filters, described(scoped, self.choices, self.lang),
                               self.q("sources", programme=None), self.dated(scoped.frames.values()), self.version,
                               lang=self.lang)

    def close(self) -> None:
        self.con.close()


def described(scoped: scope.Scoped, choices: viewstate.Choices, lang: str) -> str:
    """A chart's subtitle: the selection its figures are for, and what they are broader than."""
    return " · ".join(p for p in (viewstate.describe(scoped.filters, choices), scoped.note(lang)) if p)


def open_view(params: dict[str, str], folder: Path | None = None, version: int | None = None,
              lang: str = labels.DEFAULT) -> tuple[StoreView, list[str]]:
    """The current (or a given) snapshot with filters parsed like a link; plus notices for bad values."""
    state = store.current_state(folder)
    if state.path is None:
        raise store.StoreError("; ".join(state.problems) or "no snapshot: run `python -m spotlight_dash build`")
    path = store.snapshot_path(version, folder) if version else state.path
    con = store.open_reader(path)
    cur = con.cursor()
    try:
        choices = viewstate.choices_from(lambda name: queries.run_query(cur, name, Filters()), lang)
    finally:
        cur.close()
    filters, notices = viewstate.parse(params, choices)
    return StoreView(con, version or state.version, filters, choices), notices
