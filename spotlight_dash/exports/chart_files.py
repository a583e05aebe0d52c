"""Everything one chart exports: images in three shapes, its data as XLSX/CSV with an "about" part.

Works from query frames and a ChartMeta, so the page (cached frames) and the command line
(frames straight from the store) produce the same files.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field, replace

import pandas as pd
import plotly.graph_objects as go
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from spotlight_dash import charts, formatting, labels, provenance, safe_cells
from spotlight_dash.exports import alt_text, images
from spotlight_dash.queries import Filters


@dataclass(frozen=True)
class ChartFiles:
    chart: charts.Chart
    frames: dict[str, pd.DataFrame]
    meta: charts.ChartMeta
    filters: Filters
    version: int | None
    sources: pd.DataFrame  # every source row, for the about sheet
    # Drawing is most of a page's time: the spec is drawn once, and the page's plot, the alt text,
    # the page ZIP and the pack lay it out from there.
    drawn: dict = field(default_factory=dict, compare=False, repr=False)
    described: dict = field(default_factory=dict, compare=False, repr=False)  # the alt text, once made

    @classmethod
    def make(cls, name: str, frames: dict[str, pd.DataFrame], filters: Filters, description: str,
             sources: pd.DataFrame, as_of: str, version: int | None, font_scale: float = 1.0,
             lang: str = labels.DEFAULT, dark: bool = False) -> "ChartFiles":
        ids = provenance.source_ids(frames.values())
        # Benchmark stores cite SYNTHETIC-* sources; their charts say so in the title.
        synthetic = any(i.upper().startswith("SYNTHETIC") for i in ids)
        meta = charts.ChartMeta(description, provenance.source_line(sources, ids, lang=lang), as_of, synthetic,
                                font_scale, lang, dark)
        return cls(charts.CHARTS[name], frames, meta, filters, version, sources)

    @property
    def lang(self) -> str:
        return self.meta.lang

    @property
    def title(self) -> str:
        return self.chart.title(self.lang)

    @property
    def empty(self) -> str:
        return self.chart.empty(self.lang)

    @property
    def base_name(self) -> str:
        return charts.export_name(self.chart.name, self.filters, self.version) + labels.file_suffix(self.lang)

    @property
    def spec(self) -> charts.Spec | None:
        """The chart's traces and layout before its words; None with nothing to draw. Drawn once."""
        if "spec" not in self.drawn:
            self.drawn["spec"] = self.chart.spec(self.frames, self.lang)
        return self.drawn["spec"]

    @property
    def words(self) -> charts.Words:
        return self.chart.words(self.meta, self.spec)

    def figure_at(self, height: int, at_most: bool = False) -> go.Figure | None:
        """The plot for the page, which writes the chart's words around it. Shared: do not modify it."""
        key = ("plot", height, at_most)
        if key not in self.drawn:
            self.drawn[key] = None if self.spec is None else charts.plot_only(self.spec, self.meta, height, at_most)
        return self.drawn[key]

    def figure(self, shape: str = "wide") -> go.Figure | None:
        """The figure for an export: words inside, wrapped to the shape's width, always light."""
        key = ("file", shape)
        if key not in self.drawn:
            width, height = images.SHAPES[shape]
            meta = replace(self.meta, dark=False, font_scale=1.0)
            self.drawn[key] = None if self.spec is None else charts.finish(self.spec, self.words, meta, height, width)
        return self.drawn[key]

    def alt_text(self) -> str:
        if "alt" not in self.described:
            figure = self.figure()
            self.described["alt"] = (f"{self.title} ({self.meta.filters}): {self.empty}" if figure is None else
                                      alt_text.describe(figure, self.title, self.meta.filters, self.chart.unit(self.lang),
                                                        self.meta.source, self.lang))
        return self.described["alt"]

    def image(self, fmt: str, shape: str = "wide") -> bytes:
        figure = self.figure(shape)
        if figure is None:
            raise images.ExportUnavailable(labels.t("export.nothing_to_draw", self.lang, empty=self.empty))
        return images.render(figure, fmt, shape, self.alt_text(), self.title)

    def about(self) -> list[tuple[str, str]]:
        ids = provenance.source_ids(self.frames.values())
        t = labels.scoped("about", self.lang)

        rows = [(t("title"), self.title), (t("filters"), self.meta.filters), (t("unit"), self.chart.unit(self.lang)),
                (t("data"), self.meta.as_of)]
        rows += [(t("synthetic"), t("synthetic_text"))] if self.meta.synthetic else []
        rows += [(t("source"), line) for line in _source_lines(self.sources, ids)]
        rows += [(t("alt_text"), self.alt_text())]
        rows += [(t("table", name=name), labels.t(f"query.{name}", self.lang)) for name in self.frames]
        return rows

    def tables(self) -> dict[str, pd.DataFrame]:
        """The chart's data in the file's language: headers, codes in words, countries and organisations by
        name (figures stay numbers; the sheet names stay the query names)."""
        return {name: labels.with_headers(formatting.in_words(frame, self.lang, keep_codes=True), self.lang)
                for name, frame in self.frames.items()}

    def xlsx(self) -> bytes:
        return workbook(self.about(), self.tables(), labels.t("about.sheet", self.lang))

    def csv(self) -> bytes:
        """One CSV: the about lines as comments (# ...), then each table under its name."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for key, value in self.about():
            writer.writerow([safe_cells.safe_for_csv(f"# {key}: {value}")])
        for name, frame in self.tables().items():
            writer.writerow([])
            writer.writerow([f"# {name}"])
            writer.writerow(list(frame.columns))
            for row in frame.itertuples(index=False):
                writer.writerow([_csv_cell(v) for v in row])
        return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8 (Cyrillic) right


def _csv_cell(value):
    return "" if fmt_missing(value) else safe_cells.safe_for_csv(value)


def fmt_missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _source_lines(sources: pd.DataFrame, ids) -> list[str]:
    rows = sources[sources.source_id.isin(list(ids))]
    lines = []
    for row in rows.itertuples():
        where = row.location if isinstance(row.location, str) else (row.section or "")
        quote = f" — “{row.quote}”" if isinstance(row.quote, str) else ""
        lines.append(f"{row.source_id}: {row.citation} ({where}){quote}")
    return lines


def workbook(about: list[tuple[str, str]], frames: dict[str, pd.DataFrame], about_title: str = "about",
             widths: dict[str, float] | None = None) -> bytes:
    """An XLSX with an "about" sheet first and one sheet per table; no cell is ever a formula.

    ``widths``: a column's width by its header; a column wider than 40 wraps its text.
    """
    book = Workbook()
    sheet = book.active
    sheet.title = about_title
    for key, value in about:
        sheet.append([None, None])
        safe_cells.write_value(sheet.cell(sheet.max_row, 1), key).font = Font(bold=True)
        safe_cells.write_value(sheet.cell(sheet.max_row, 2), value)
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 18, 120
    for name, frame in frames.items():
        table = book.create_sheet(name[:31])
        for column, header in enumerate(frame.columns, start=1):
            safe_cells.write_value(table.cell(1, column), header).font = Font(bold=True)
        for r, row in enumerate(frame.itertuples(index=False), start=2):
            for column, value in enumerate(row, start=1):
                if not fmt_missing(value):  # not reported stays an empty cell, never 0
                    safe_cells.write_value(table.cell(r, column), _plain(value))
        for column, header in enumerate(frame.columns, start=1):
            if widths and header in widths:
                letter = get_column_letter(column)
                table.column_dimensions[letter].width = widths[header]
                if widths[header] > 40:
                    for cell in table[letter][1:]:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
        table.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _plain(value):
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def zip_files(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()
