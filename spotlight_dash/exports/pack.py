"""The Steering Committee pack, as PPTX (editable text and tables) and as PDF, from one outline."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pandas as pd

from spotlight_dash import kpis, labels, provenance, store
from spotlight_dash.exports.chart_files import ChartFiles
from spotlight_dash.exports.context import StoreView

FONT_DIR = "/usr/share/fonts/truetype/dejavu"  # fonts-dejavu-core, installed by the README's commands


@dataclass
class Slide:
    title: str
    lines: list[str] = field(default_factory=list)
    charts: list[ChartFiles] = field(default_factory=list)
    table: pd.DataFrame | None = None


def _headline(view: StoreView) -> list[kpis.KPI]:
    return kpis.headline(view)


def outline(view: StoreView, since: int | None = None) -> list[Slide]:
    """What the pack says, slide by slide; both formats draw exactly this."""
    t = labels.scoped("pack", view.lang)

    now = _headline(view)
    slides = [Slide(t("title"), [
        view.choices.label("programme", view.filters.programme),
        t("period", period=view.choices.label("year", view.filters.year)), t("filters", filters=view.description)])]
    slides.append(Slide(t("headline"), table=labels.with_headers(pd.DataFrame(
        [{"figure": k.label, "value": k.value if k.reported or k.sources_differ else view.t("kpi.not_reported"),
          "detail": k.detail}
         for k in now]), view.lang)))
    finance = view.q("finance_detail")
    pillar_note = t("no_pillar") if finance.empty or finance.pillar.isna().all() else ""
    # One chart a slide: readable from the back of the room and on a printed page.
    slides.append(Slide(t("budget"), [pillar_note] if pillar_note else [], [view.chart_files("budget-by-runo")]))
    slides.append(Slide(t("delivery"), [], [view.chart_files("delivery-against-aim")]))
    reasons = kpis.indicator_reasons(view.q("indicator_progress"), view.lang)
    slides.append(Slide(t("indicators"), [t("indicators_count", count=len(reasons))],
                        [view.chart_files("indicators-by-rag")]))
    if not reasons.empty:
        slides.append(Slide(t("reasons"), table=labels.with_headers(reasons.head(14), view.lang)))
        if len(reasons) > 14:
            slides[-1].lines.append(t("more_indicators", count=len(reasons) - 14))
    slides.append(Slide(t("reach"), [t("reach_never_added")], [view.chart_files("reach-against-target")]))
    slides.append(Slide(t("media"), [], [view.chart_files("media-hits-by-country")]))
    slides.append(Slide(t("eu"), [], [view.chart_files("media-eu-acknowledgement")]))
    slides.append(_changes(view, now, since))
    # The cover's dates: the periods the pack's figures report on, and when they were loaded.
    slides[0].lines.append(view.dated([f for s in slides for c in s.charts for f in c.frames.values()]))
    ids = {i for s in slides for c in s.charts for i in provenance.source_ids(c.frames.values())}
    ids |= {i for k in now for i in k.source_ids}
    sources = view.q("sources", programme=None)
    used = sources[sources.source_id.isin(ids)]
    slides.append(Slide(t("sources"), [f"{r.citation} — {r.section}" if isinstance(r.section, str) else r.citation
                                    for r in used.drop_duplicates(["citation", "section"]).itertuples()]))
    return slides


def _changes(view: StoreView, now: list[kpis.KPI], since: int | None) -> Slide:
    earlier = [v for v in store.versions() if v < view.version]
    since = since if since in earlier else (earlier[-1] if earlier else None)
    if since is None:
        return Slide(view.t("pack.changed"), [view.t("pack.no_earlier")])
    old = StoreView(store.open_reader(store.snapshot_path(since)), since, view.filters, view.choices)
    try:
        changes = kpis.compare(_headline(old), now, view.lang).drop(columns="changed")
    finally:
        old.close()
    return Slide(view.t("pack.changed_since", version=since), table=labels.with_headers(changes, view.lang).rename(
        columns={view.t("column.then"): view.t("overview.then", version=since),
                 view.t("column.now"): view.t("overview.now", version=view.version)}))


# ---- PPTX ------------------------------------------------------------------------------------


def to_pptx(slides: list[Slide]) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    blank = deck.slide_layouts[6]
    for number, content in enumerate(slides):
        slide = deck.slides.add_slide(blank)
        box = slide.shapes.add_textbox(Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.9))
        box.text_frame.text = content.title
        box.text_frame.paragraphs[0].runs[0].font.size = Pt(40 if number == 0 else 28)
        box.text_frame.paragraphs[0].runs[0].font.bold = True
        top = 1.2
        if content.lines:
            body = slide.shapes.add_textbox(Inches(0.5), Inches(top), Inches(12.3), Inches(0.4 * len(content.lines)))
            body.text_frame.word_wrap = True
            for i, line in enumerate(content.lines):
                paragraph = body.text_frame.paragraphs[0] if i == 0 else body.text_frame.add_paragraph()
                paragraph.text = line
                paragraph.font.size = Pt(24 if number == 0 else 16)
            top += 0.45 * len(content.lines) + (1.0 if number == 0 else 0.1)
        if content.charts:
            # As wide as the slide allows while the 16:9 picture still fits under the title.
            width = min(12.3 / len(content.charts), (7.5 - top - 0.2) * 16 / 9)
            for i, chart in enumerate(content.charts):
                left = Inches(0.5 + i * width)
                figure = chart.figure("wide")
                if figure is None:
                    note = slide.shapes.add_textbox(left, Inches(top), Inches(width - 0.2), Inches(2))
                    note.text_frame.word_wrap = True
                    note.text_frame.text = f"{chart.title}: {chart.empty}"
                    continue
                picture = slide.shapes.add_picture(io.BytesIO(chart.image("png", "wide")), left, Inches(top),
                                                   width=Inches(width - 0.2))
                picture._element.nvPicPr.cNvPr.set("descr", chart.alt_text())  # alt text, read by screen readers
                picture.name = chart.title
        if content.table is not None and not content.table.empty:
            _pptx_table(slide, content.table, top)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _pptx_table(slide, frame: pd.DataFrame, top: float) -> None:
    from pptx.util import Inches, Pt

    rows, columns = len(frame) + 1, len(frame.columns)
    shape = slide.shapes.add_table(rows, columns, Inches(0.5), Inches(top), Inches(12.3), Inches(0.4 * rows))
    table = shape.table
    for c, name in enumerate(frame.columns):
        table.cell(0, c).text = str(name)
    for r, row in enumerate(frame.itertuples(index=False), start=1):
        for c, value in enumerate(row):
            table.cell(r, c).text = "" if value is None or value != value else str(value)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size = Pt(12)


# ---- PDF -------------------------------------------------------------------------------------


def to_pdf(slides: list[Slide]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="landscape", format="A4", unit="mm")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_font("DejaVu", "", f"{FONT_DIR}/DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", f"{FONT_DIR}/DejaVuSans-Bold.ttf")
    pdf.set_title(slides[0].title)
    for number, content in enumerate(slides):
        pdf.add_page()
        pdf.set_font("DejaVu", "B", 26 if number == 0 else 20)
        pdf.multi_cell(0, 12, content.title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 16 if number == 0 else 11)
        for line in content.lines:
            pdf.multi_cell(0, 8 if number == 0 else 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        if content.charts:
            width = min(273 / len(content.charts), (210 - pdf.get_y() - 14) * 16 / 9)
            top = pdf.get_y()
            for i, chart in enumerate(content.charts):
                figure = chart.figure("wide")
                if figure is None:
                    pdf.set_xy(12 + i * width, top)
                    pdf.multi_cell(width - 4, 6, f"{chart.title}: {chart.empty}")
                    continue
                pdf.image(io.BytesIO(chart.image("png", "wide")), x=12 + i * width, y=top, w=width - 4,
                          alt_text=chart.alt_text(), title=chart.title)
            pdf.set_xy(pdf.l_margin, top + (width - 4) * 540 / 960 + 4)
        if content.table is not None and not content.table.empty:
            pdf.set_font("DejaVu", "", 9)
            with pdf.table(text_align="LEFT") as table:
                header = table.row()
                for name in content.table.columns:
                    header.cell(str(name))
                for row in content.table.itertuples(index=False):
                    cells = table.row()
                    for value in row:
                        cells.cell("" if value is None or value != value else str(value))
    return bytes(pdf.output())


def build(view: StoreView, fmt: str, since: int | None = None) -> bytes:
    slides = outline(view, since)
    return to_pptx(slides) if fmt == "pptx" else to_pdf(slides)
