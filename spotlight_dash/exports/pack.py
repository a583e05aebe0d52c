"""The Steering Committee pack, as PPTX (editable text and tables) and as PDF, from one outline."""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass, field

import pandas as pd

from spotlight_dash import formatting, kpis, labels, provenance, queries, store, viewstate
from spotlight_dash import minutes as records
from spotlight_dash.exports import actions_file
from spotlight_dash.exports.chart_files import ChartFiles
from spotlight_dash.exports.context import StoreView

FONT_DIR = "/usr/share/fonts/truetype/dejavu"  # fonts-dejavu-core, installed by the README's commands


# The committee's notes are plain text as written, up to 2,000 characters: clipped to fit, and the
# slide says the full text is in the actions spreadsheet under the note's number.
BESIDE_CLIP, TABLE_CLIP = 240, 300  # characters of a note beside its chart, and in the record's table
BESIDE_LINES = 24  # what the column beside a chart holds, in lines of about BESIDE_CHARS characters
BESIDE_CHARS = 46
TABLE_BUDGET = 300  # points of table rows on one slide (PPTX at 11 pt: a line 13.2 pt, a row's margins 7.2 pt)
RECORD_WIDTHS = [1.0, 1.3, 6.0, 2.2, 2.0, 1.6]  # note no., kind, text, owner, due, meeting date
REASON_WIDTHS = [1.2, 5.0, 1.4, 3.6]  # indicator, title, status, reason


@dataclass
class Slide:
    title: str
    lines: list[str] = field(default_factory=list)
    charts: list[ChartFiles] = field(default_factory=list)
    table: pd.DataFrame | None = None
    # The committee's notes made on this slide's figures, drawn in a column beside them:
    # (heading, text as written or clipped), newest meeting first.
    notes: list[tuple[str, str]] = field(default_factory=list)
    widths: list[float] | None = None  # the table's columns, relative; None: equal
    # The documents its figures come from ("Source: Annual report 2020 (Budget)"), at the foot of a slide
    # that shows figures as text or a table; a chart's picture carries its own source line.
    source: str = ""


@dataclass
class Properties:
    """The document's properties, as a file manager, PowerPoint's Info pane or a PDF reader shows them."""
    title: str
    subject: str
    language: str  # a language tag: "en-GB", "ru-RU"


class Outline(list):
    """The slides, with the properties of the document both formats write."""

    def __init__(self, slides: list[Slide], properties: Properties):
        super().__init__(slides)
        self.properties = properties


def _headline(view: StoreView) -> list[kpis.KPI]:
    return kpis.headline(view)


def outline(view: StoreView, since: int | None = None, today: dt.date | None = None,
            meeting: dt.date | None = None) -> Outline:
    """What the pack says, slide by slide; both formats draw exactly this. ``today`` decides which
    action points are overdue (default: the machine's date); ``meeting`` is the date of the meeting
    the pack is for, on its cover (default: ``today``)."""
    t = labels.scoped("pack", view.lang)
    today = today or dt.date.today()
    meeting = meeting or today
    notes, meetings = _committee_record(view)
    sources = view.q("sources", programme=None)

    now = _headline(view)
    programme = view.choices.label("programme", view.filters.programme)
    slides = [Slide(t("title"), [programme, t("meeting", day=formatting.date(meeting, view.lang))])]
    slides.append(Slide(t("headline"), table=labels.with_headers(pd.DataFrame(
        [{"figure": k.label, "value": k.value if k.reported or k.sources_differ else view.t("kpi.not_reported"),
          "detail": k.detail}
         for k in now]), view.lang), source=_source(view, sources, [i for k in now for i in k.source_ids])))
    finance = view.q("finance_detail")
    pillar_note = t("no_pillar") if finance.empty or finance.pillar.isna().all() else ""
    # One chart a slide: readable from the back of the room and on a printed page.
    slides.append(Slide(t("budget"), [pillar_note] if pillar_note else [], [view.chart_files("budget-by-runo")]))
    slides.append(Slide(t("delivery"), [], [view.chart_files("delivery-against-aim")]))
    progress = view.q("indicator_progress")
    reasons = kpis.indicator_reasons(progress, view.lang)
    slides.append(Slide(t("indicators"), [t("indicators_count", count=len(reasons))],
                        [view.chart_files("indicators-by-rag")]))
    if not reasons.empty:
        slides.append(Slide(t("reasons"), table=labels.with_headers(reasons.head(14), view.lang),
                            source=_source(view, sources, provenance.source_ids([progress.head(14)])),
                            widths=REASON_WIDTHS))
        if view.lang != labels.DEFAULT:  # no shipped indicator has a title in the reader's language
            slides[-1].lines.append(t("titles_as_written"))
        if len(reasons) > 14:
            slides[-1].lines.append(t("more_indicators", count=len(reasons) - 14))
    slides.append(Slide(t("reach"), [t("reach_never_added")], [view.chart_files("reach-against-target")]))
    slides.append(Slide(t("media"), [], [view.chart_files("media-hits-by-country")]))
    slides.append(Slide(t("eu"), [], [view.chart_files("media-eu-acknowledgement")]))
    slides.append(_changes(view, now, since, sources))
    # Right after the cover, as a committee's agenda starts: what was decided and what is still to do.
    slides[1:1] = _record(view, notes, meetings, today)
    for slide in slides:
        on = [c.chart.name for c in slide.charts] or ([records.kpi_key(k.key) for k in now]
                                                      if slide.title == t("headline") else [])
        slide.notes = _beside(notes[notes.chart.isin(on)] if len(notes) and on else notes.iloc[0:0], view, today,
                              named=not slide.charts)  # the headline slide's notes say which figure
    # The cover's dates: the periods the pack's figures report on, and when they were loaded.
    period = _reporting_period(view, [f for s in slides for c in s.charts for f in c.frames.values()] + [progress])
    slides[0].lines += [t("period", period=period), t("filters", filters=view.description),
                        t("loaded", when=store.data_as_of(view.con, view.lang), version=view.version)]
    ids = {i for s in slides for c in s.charts for i in provenance.source_ids(c.frames.values())}
    ids |= {i for k in now for i in k.source_ids}
    used = sources[sources.source_id.isin(ids)]
    slides.append(Slide(t("sources"), [f"{r.citation} — {r.section}" if isinstance(r.section, str) else r.citation
                                    for r in used.drop_duplicates(["citation", "section"]).itertuples()]))
    day = formatting.date(meeting, view.lang)
    return Outline(slides, Properties(title=t("document_title", title=t("title"), programme=programme),
                                      subject=t("subject", day=day, period=period, version=view.version),
                                      language=t("language")))


def _source(view: StoreView, sources: pd.DataFrame, ids) -> str:
    """A slide's source line, as the charts word theirs; "Source: not recorded" when its figures cite none."""
    return provenance.source_line(sources, ids, lang=view.lang)


def _reporting_period(view: StoreView, frames: list[pd.DataFrame]) -> str:
    """The periods the pack's figures report on, by their names ("2020, Phase I (2020–2022)")."""
    named = provenance.period_names(view.q("periods"), view.lang)
    found = [named.get(p, p) for p in provenance.reported_periods(frames)]
    if not found:
        return formatting.not_reported(view.lang)
    more = labels.t("common.more", view.lang, count=len(found) - 4) if len(found) > 4 else ""
    return ", ".join(found[:4]) + more


def _committee_record(view: StoreView) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The notes and meetings; a snapshot written before meetings were recorded has neither table,
    and its pack is the pack it always was."""
    if not {"notes", "meetings"} <= store.table_names(view.con):
        return tuple(pd.DataFrame(columns=list(queries.QUERIES[name].columns)) for name in ("notes", "meetings"))
    return view.q("notes"), view.q("meetings")


def _latest_meetings(meetings: pd.DataFrame) -> pd.DataFrame:
    """The meeting(s) whose decisions the pack recalls: the latest closed one, and any newer one still
    open (the meeting in progress, whose decisions are being taken)."""
    closed = [i for i, done in enumerate(meetings.closed.astype(bool)) if done]
    return meetings.iloc[:closed[0] + 1] if closed else meetings


def _record(view: StoreView, notes: pd.DataFrame, meetings: pd.DataFrame, today: dt.date) -> list[Slide]:
    """ "Decisions and open actions": the latest meeting's decisions and every action point still open.

    With no meeting ever recorded the slide is left out: the committee has not used the record, and
    a slide saying "nothing decided" would misreport it. Once meetings are recorded the slide is
    always there, and says in words when nothing was decided and nothing is open: that is news a
    committee wants (every action closed), not an empty page.
    """
    if meetings.empty:
        return []
    lang = view.lang
    t = labels.scoped("pack", lang)
    latest = _latest_meetings(meetings)
    named = t("record_and").join(t("record_meeting", title=m.title, day=formatting.date(pd.Timestamp(m.held_on), lang))
                                 for m in latest.iloc[::-1].itertuples())
    decided = records.decisions(notes)
    decided = decided[decided.meeting_id.isin(latest.meeting_id)] if len(decided) else decided
    still_open = records.actions(notes, today)
    if decided.empty and still_open.empty:
        return [Slide(t("record"), [t("record_none", meetings=named)])]
    rows, clipped = [], False
    for d in decided.itertuples():
        text, cut = actions_file.clip(d.text, TABLE_CLIP)
        rows.append((d.note_id, records.kind_word("decision", lang), text, "", "",
                     formatting.date(pd.Timestamp(d.held_on), lang)))
        clipped |= cut
    for a in still_open.itertuples():
        text, cut = actions_file.clip(a.text, TABLE_CLIP)
        rows.append((a.note_id, records.kind_word("action", lang), text,
                     records.owner_name(a.owner, a.owner_person, lang),
                     records.due_words(a.due, a.overdue, lang), formatting.date(a.held_on, lang)))
        clipped |= cut
    columns = [labels.column(c, lang) for c in ("note_id", "kind", "text", "owner", "due", "held_on")]
    parts = _fit_rows(rows)
    slides = []
    for number, part in enumerate(parts, start=1):
        title = t("record") if len(parts) == 1 else t("record_part", part=number, parts=len(parts))
        lines = [t("record_intro", meetings=named)] + ([t("clipped")] if clipped else [])
        slides.append(Slide(title, lines, table=pd.DataFrame(part, columns=columns), widths=RECORD_WIDTHS))
    return slides


def _text_lines(text: str, width: int) -> int:
    return sum(max(1, math.ceil(len(part) / width)) for part in text.split("\n"))


def _fit_rows(rows: list[tuple]) -> list[list[tuple]]:
    """The record's rows in slides that each hold what fits: every cell's lines measured at the PPTX
    table's 11 pt in its column (DejaVu Sans, wider than the theme's Calibri); the PDF's rows are lower."""
    from PIL import ImageFont

    font = ImageFont.truetype(f"{FONT_DIR}/DejaVuSans.ttf", 11)
    columns = [(12.3 * share / sum(RECORD_WIDTHS) - 0.2) * 72 for share in RECORD_WIDTHS]  # less the cell margins
    parts, used = [[]], 0.0
    for row in rows:
        height = max(_wrapped(str(cell), font, width) for cell, width in zip(row, columns)) * 13.2 + 7.2
        if parts[-1] and used + height > TABLE_BUDGET:
            parts.append([])
            used = 0.0
        parts[-1].append(row)
        used += height
    return parts


def _beside(notes: pd.DataFrame, view: StoreView, today: dt.date, named: bool = False) -> list[tuple[str, str]]:
    """The notes made on a slide's figures, as (heading, text) in the column beside them: newest
    meeting first, as many as the column holds; the rest counted, long texts clipped."""
    lang = view.lang
    t = labels.scoped("pack", lang)
    shown, used, clipped = [], 0, False
    for n in notes.itertuples():
        head = t("note_head", kind=records.kind_word(n.kind, lang), number=n.note_id,
                 day=formatting.date(pd.Timestamp(n.held_on), lang))
        if named:
            head += " · " + records.place_name(n.chart, lang)
        if seen := viewstate.seen_for(n.link, view.filters, view.choices):
            head += " · " + labels.t("record.seen_for", lang, selection=seen)
        if n.kind == "action":
            late = n.status == "open" and not formatting.is_missing(n.due) and pd.Timestamp(n.due).date() < today
            head += " · " + t("note_action", owner=records.owner_name(n.owner, n.owner_person, lang),
                              due=records.due_words(pd.Timestamp(n.due), late, lang))
            if n.status != "open":
                head += " · " + records.status_word(n.status, lang)
        text, cut = actions_file.clip(n.text, BESIDE_CLIP)
        lines = _text_lines(head, BESIDE_CHARS) + _text_lines(text, BESIDE_CHARS) + 1
        if shown and used + lines > BESIDE_LINES - 3:  # room for the closing lines
            shown.append(("", t("note_more", count=len(notes) - len(shown))))
            break
        shown.append((head, text))
        used += lines
        clipped |= cut
    if clipped:
        shown.append(("", t("clipped")))
    return shown


def _changes(view: StoreView, now: list[kpis.KPI], since: int | None, sources: pd.DataFrame) -> Slide:
    earlier = [v for v in store.versions() if v < view.version]
    since = since if since in earlier else (earlier[-1] if earlier else None)
    if since is None:
        return Slide(view.t("pack.changed"), [view.t("pack.no_earlier")])
    old = StoreView(store.open_reader(store.snapshot_path(since)), since, view.filters, view.choices)
    try:
        then = _headline(old)
        changes = kpis.compare(then, now, view.lang).drop(columns="changed")
    finally:
        old.close()
    # The figures then and now: the documents behind both (a correction cites the newer one).
    cited = [i for k in then + now for i in k.source_ids]
    return Slide(view.t("pack.changed_since", version=since), table=labels.with_headers(changes, view.lang).rename(
        columns={view.t("column.then"): view.t("overview.then", version=since),
                 view.t("column.now"): view.t("overview.now", version=view.version)}),
        source=_source(view, sources, cited))


# ---- PPTX ------------------------------------------------------------------------------------


def _properties(slides: list[Slide]) -> Properties:
    """An outline's properties; a list of some of its slides (a test's) is titled by its first."""
    return getattr(slides, "properties", None) or Properties(slides[0].title, "", "")


def to_pptx(slides: list[Slide]) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    about = _properties(slides)
    core = deck.core_properties
    core.title, core.subject, core.language = about.title, about.subject, about.language
    core.last_modified_by = ""  # python-pptx's template names its own author there
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
        # With notes, the figure leaves the right-hand column to them.
        room = 8.3 if content.notes else 12.3
        if content.notes:
            _pptx_notes(slide, content.notes, 0.5 + room + 0.2, top, 12.3 - room - 0.2)
        if content.charts:
            # As wide as the slide allows while the 16:9 picture still fits between the title and the foot.
            width = min(room / len(content.charts), (FOOT_TOP - top - 0.05) * 16 / 9)
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
            _pptx_table(slide, content.table, top, room, content.widths)
        _pptx_foot(slide, content.source, _page_words(number + 1, len(slides), about.language))
        if about.language:
            _pptx_language(slide, about.language)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


FOOT_TOP = 6.95  # inches: the line at a slide's foot, under everything else (the slide is 7.5 high)


def _page_words(number, total, language: str) -> str:
    return labels.t("pack.page", "ru" if language.startswith("ru") else "en", number=number, total=total)


def _pptx_foot(slide, source: str, page: str) -> None:
    """The slide's source line (when it shows figures as text) at its foot, and its page number on the right."""
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    for name, text, left, width, align in (("source", source, 0.5, 10.8, PP_ALIGN.LEFT),
                                           ("page number", page, 11.5, 1.3, PP_ALIGN.RIGHT)):
        if not text:
            continue
        box = slide.shapes.add_textbox(Inches(left), Inches(FOOT_TOP), Inches(width), Inches(0.4))
        box.name = name
        box.text_frame.word_wrap = True
        paragraph = box.text_frame.paragraphs[0]
        paragraph.text, paragraph.alignment = text, align
        for run in paragraph.runs:
            run.font.size, run.font.color.rgb = Pt(10), RGBColor(0x55, 0x55, 0x55)


def _pptx_language(slide, language: str) -> None:
    """Every run marked with the pack's language: PowerPoint checks the spelling, a screen reader
    pronounces, in it."""
    frames = [shape.text_frame for shape in slide.shapes if shape.has_text_frame]
    frames += [cell.text_frame for shape in slide.shapes if shape.has_table
               for row in shape.table.rows for cell in row.cells]
    for frame in frames:
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font._rPr.set("lang", language)


def _pptx_notes(slide, notes: list[tuple[str, str]], left: float, top: float, width: float) -> None:
    """The notes beside the figure: each heading in bold, then its text as written (plain text:
    PowerPoint shows "<b>" or "=HYPERLINK(" as those characters)."""
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Inches, Pt

    height = FOOT_TOP - top - 0.05  # above the page number
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    box.name = "notes"
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE  # a viewer that lays text out shrinks it rather than overflow
    # And the size written is one that fits, measured (less the box's insets), whatever the viewer does.
    size = _fitting_size(notes, (width - 0.2) * 72, (height - 0.1) * 72)
    first = True
    for head, text in notes:
        for words, bold in ((head, True), (text, False)):
            if not words:
                continue
            paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            paragraph.text = words  # a line feed in the text becomes a line break, as written
            for run in paragraph.runs:
                run.font.size, run.font.bold = Pt(size), bold
            if not bold:
                paragraph.space_after = Pt(NOTE_GAP)


NOTE_GAP = 6  # points after each note's text


def _fitting_size(notes: list[tuple[str, str]], width: float, height: float, largest: int = 11,
                  smallest: int = 7) -> int:
    """The largest font size (points) at which the notes fill no more than ``width`` x ``height`` points,
    wrapped word by word as a viewer does, measured with DejaVu Sans: wider than the theme's Calibri,
    so the estimate errs on the side of room to spare."""
    from PIL import ImageFont

    for size in range(largest, smallest, -1):
        fonts = {True: ImageFont.truetype(f"{FONT_DIR}/DejaVuSans-Bold.ttf", size),
                 False: ImageFont.truetype(f"{FONT_DIR}/DejaVuSans.ttf", size)}
        lines = sum(_wrapped(words, fonts[bold], width) for head, text in notes
                    for words, bold in ((head, True), (text, False)) if words)
        if lines * size * 1.2 + NOTE_GAP * len(notes) <= height:
            return size
    return smallest


def _wrapped(text: str, font, width: float) -> int:
    """How many lines ``text`` takes at ``width`` points; a word wider than the line is broken."""
    count = 0
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if font.getlength(candidate) <= width:
                line = candidate
                continue
            if line:
                count += 1
            while font.getlength(word) > width:  # a long unbroken word fills whole lines
                cut = max(1, int(len(word) * width / font.getlength(word)))
                word = word[cut:]
                count += 1
            line = word
        count += 1
    return count


def _pptx_table(slide, frame: pd.DataFrame, top: float, width: float = 12.3, widths: list[float] | None = None) -> None:
    from pptx.util import Inches, Pt

    rows, columns = len(frame) + 1, len(frame.columns)
    shape = slide.shapes.add_table(rows, columns, Inches(0.5), Inches(top), Inches(width), Inches(0.4 * rows))
    table = shape.table
    if widths:
        for c, share in enumerate(widths):
            table.columns[c].width = Inches(width * share / sum(widths))
    for c, name in enumerate(frame.columns):
        table.cell(0, c).text = str(name)
    for r, row in enumerate(frame.itertuples(index=False), start=1):
        for c, value in enumerate(row):
            table.cell(r, c).text = "" if value is None or value != value else str(value)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size = Pt(11 if widths else 12)


# ---- PDF -------------------------------------------------------------------------------------


PDF_MARGIN = 16  # mm at the foot of a page, for its source line and page number


def _pdf_document():
    from fpdf import FPDF

    class Document(FPDF):
        """A page's foot: its source line (set per slide) on the left, "3 / 12" on the right."""
        source, language = "", "en"

        def footer(self):
            self.set_text_color(85, 85, 85)
            if self.source:
                self.set_font("DejaVu", "", 8)
                self.set_xy(self.l_margin, self.h - PDF_MARGIN + 2)
                self.multi_cell(240, 3.6, self.source, align="L")
            self.set_font("DejaVu", "", 10)
            self.set_xy(self.w - self.r_margin - 30, self.h - PDF_MARGIN + 2)
            # {nb}: the number of pages, filled in when the file is written.
            self.cell(30, 4.2, _page_words(self.page_no(), "{nb}", self.language), align="R")
            self.set_text_color(0, 0, 0)

    return Document(orientation="landscape", format="A4", unit="mm")


def to_pdf(slides: list[Slide]) -> bytes:
    pdf = _pdf_document()
    pdf.set_auto_page_break(auto=True, margin=PDF_MARGIN)
    pdf.add_font("DejaVu", "", f"{FONT_DIR}/DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", f"{FONT_DIR}/DejaVuSans-Bold.ttf")
    about = _properties(slides)
    pdf.set_title(about.title)
    if about.subject:
        pdf.set_subject(about.subject)
    if about.language:
        pdf.set_lang(about.language)
        pdf.language = about.language
    for number, content in enumerate(slides):
        pdf.add_page()  # draws the foot of the page before with that page's source line
        pdf.source = content.source
        pdf.set_font("DejaVu", "B", 26 if number == 0 else 20)
        # Left-aligned: fpdf's multi_cell justifies by default, stretching a short line's gaps.
        pdf.multi_cell(0, 12, content.title, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 16 if number == 0 else 11)
        for line in content.lines:
            pdf.multi_cell(0, 8 if number == 0 else 6, line, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        room = 185 if content.notes else 273  # with notes, the figure leaves the right-hand column to them
        if content.notes:
            _pdf_notes(pdf, content.notes, 12 + room + 5, pdf.get_y(), 273 - room - 5)
        if content.charts:
            width = min(room / len(content.charts), (210 - pdf.get_y() - PDF_MARGIN - 2) * 16 / 9)
            top = pdf.get_y()
            for i, chart in enumerate(content.charts):
                figure = chart.figure("wide")
                if figure is None:
                    pdf.set_xy(12 + i * width, top)
                    pdf.multi_cell(width - 4, 6, f"{chart.title}: {chart.empty}", align="L")
                    continue
                pdf.image(io.BytesIO(chart.image("png", "wide")), x=12 + i * width, y=top, w=width - 4,
                          alt_text=chart.alt_text(), title=chart.title)
            pdf.set_xy(pdf.l_margin, top + (width - 4) * 540 / 960 + 4)
        if content.table is not None and not content.table.empty:
            pdf.set_font("DejaVu", "", 9)
            shares = content.widths or [1] * len(content.table.columns)
            # The record's rows at the PDF's usual line spacing would not fit what fits on the PPTX slide.
            spacing = {"line_height": 4.4} if content.widths else {}
            with pdf.table(text_align="LEFT", width=room, align="LEFT", col_widths=shares, **spacing) as table:
                header = table.row()
                for name in content.table.columns:
                    header.cell(str(name))
                for row in content.table.itertuples(index=False):
                    cells = table.row()
                    for value in row:
                        cells.cell("" if value is None or value != value else str(value))
    return bytes(pdf.output())


def _pdf_notes(pdf, notes: list[tuple[str, str]], left: float, top: float, width: float) -> None:
    """The notes beside the figure, as plain text (multi_cell without markdown: nothing is interpreted).
    The column is sized by BESIDE_LINES; it never spills onto a page of its own."""
    y = pdf.get_y()
    pdf.set_auto_page_break(False)
    pdf.set_xy(left, top)
    for head, text in notes:
        for words, style in ((head, "B"), (text, "")):
            if words:
                pdf.set_font("DejaVu", style, 9)
                pdf.set_x(left)
                pdf.multi_cell(width, 4.6, words, align="L", new_x="LEFT", new_y="NEXT")
        pdf.ln(1.5)
    pdf.set_auto_page_break(True, margin=PDF_MARGIN)
    pdf.set_font("DejaVu", "", 11)
    pdf.set_xy(pdf.l_margin, y)


def build(view: StoreView, fmt: str, since: int | None = None, today: dt.date | None = None,
          meeting: dt.date | None = None) -> bytes:
    """The pack as PPTX or PDF; ``today`` decides which action points are overdue (default: today),
    ``meeting`` is the meeting date on its cover (default: ``today``)."""
    slides = outline(view, since, today, meeting)
    return to_pptx(slides) if fmt == "pptx" else to_pdf(slides)
