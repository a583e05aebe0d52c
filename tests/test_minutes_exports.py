"""The committee's record in its exports: the pack's "Decisions and open actions" slide and the
notes beside their charts, and the actions spreadsheet; texts exactly as written, never run."""

import datetime as dt
import io
import shutil
import subprocess

import openpyxl
import pytest

from conftest import as_written_before_meetings
from spotlight_dash import schema, store
from spotlight_dash.exports import actions_file, pack
from spotlight_dash.exports.context import open_view
from spotlight_dash.ingest import minutes

needs_chromium = pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium is not installed (make test installs it)")

MEETING_DAY = dt.date(2026, 12, 3)
TODAY = dt.date(2027, 2, 1)  # the first action (due 15 Jan) is overdue, the second (1 Jun) is not
HOSTILE = '=HYPERLINK("http://evil.example","click")<b>x</b>'
DECISION = "UNFPA to present a recovery plan for pillar 3 delivery by March"
LONG = "The media figures for Tajikistan need a second look. " * 40  # 2,000 characters: the limit


def _record(lang: str = "en", close: bool = False) -> dict[str, int]:
    opened = minutes.open_meeting(MEETING_DAY, "Regional Steering Committee, 5th meeting", "coordinator")
    assert opened.ok, opened.report.lines()
    meeting = opened.row_id

    def note(kind, text, **given):
        written = minutes.record_note(meeting, kind, text, lang=lang, snapshot=store.current_state().version,
                                      user_name="coordinator", **given)
        assert written.ok, written.report.lines()
        return written.row_id

    ids = {"decision": note("decision", DECISION, chart="delivery-against-aim", link="programme=SI-CA-REG&year=2020"),
           "later": note("action", HOSTILE, chart="reach-against-target", owner="UNW", owner_person="Aigerim <b>K.</b>",
                         due=dt.date(2027, 6, 1)),
           "overdue": note("action", "Present the recovery plan", chart="delivery-against-aim", owner="UNFPA",
                           due=dt.date(2027, 1, 15), link="country=KGZ&year=2021"),
           "long": note("comment", LONG.strip()[:schema.NOTE_TEXT_LIMIT], chart="media-hits-by-country"),
           "kpi": note("comment", "Check the UNDP share", chart="kpi:budget")}
    if close:
        assert minutes.close_meeting(meeting, "coordinator").ok
    return ids


def _view(lang: str = "en"):
    view, notices = open_view({"programme": "SI-CA-REG", "year": "2020"}, lang=lang)
    assert notices == []
    return view


def _slides(lang: str = "en"):
    view = _view(lang)
    try:
        return pack.outline(view, today=TODAY)
    finally:
        view.close()


def _titled(slides, title):
    return next(s for s in slides if s.title == title)


def test_the_pack_lists_the_decisions_and_open_actions_after_its_cover(store_copy):
    ids = _record()
    slides = _slides()
    assert [s.title for s in slides][:3] == ["Steering Committee pack", "Decisions and open actions", "Headline figures"]
    record = slides[1]
    assert record.lines[0] == ("Decisions of Regional Steering Committee, 5th meeting (03 Dec 2026); every action "
                               "point still open, overdue first.")
    rows = record.table.to_dict("records")
    assert [r["note no."] for r in rows] == [ids["decision"], ids["overdue"], ids["later"]]
    assert [r["kind"] for r in rows] == ["Decision", "Action", "Action"]
    assert rows[0]["text"] == DECISION and rows[0]["owner"] == "" and rows[0]["due"] == ""
    assert rows[1]["owner"] == "UNFPA" and rows[1]["due"] == "15 Jan 2027 — overdue"
    assert rows[2]["text"] == HOSTILE and rows[2]["owner"] == "UN Women (Aigerim <b>K.</b>)"
    assert rows[2]["due"] == "01 Jun 2027"  # not overdue: no word
    assert all(r["meeting date"] == "03 Dec 2026" for r in rows)


def test_each_chart_slide_carries_the_notes_made_on_it(store_copy):
    ids = _record()
    slides = _slides()
    delivery = _titled(slides, "Delivery against the aim")
    assert delivery.notes == [
        (f"Decision no. {ids['decision']} · 03 Dec 2026", DECISION),
        (f"Action no. {ids['overdue']} · 03 Dec 2026 · seen for 2021 · Kyrgyzstan · UNFPA, due 15 Jan 2027 — overdue",
         "Present the recovery plan")]  # made on another selection than the pack's: it says which
    reach = _titled(slides, "Reach against targets")
    assert reach.notes == [(f"Action no. {ids['later']} · 03 Dec 2026 · UN Women (Aigerim <b>K.</b>), due 01 Jun 2027",
                            HOSTILE)]
    media = _titled(slides, "Communications: media hits")
    head, text = media.notes[0]
    assert head == f"Comment no. {ids['long']} · 03 Dec 2026"
    assert text.endswith("…") and len(text) <= pack.BESIDE_CLIP and LONG.startswith(text[:-1])
    assert media.notes[-1][1].startswith("A text ending in … is shortened: its full text is in the actions spreadsheet")
    assert _titled(slides, "Budget by RUNO").notes == []  # nothing was said about it
    assert _titled(slides, "Headline figures").notes == [  # several figures: each note says which
        (f"Comment no. {ids['kpi']} · 03 Dec 2026 · Total budget (USD)", "Check the UNDP share")]


def test_no_meeting_recorded_leaves_the_slide_out_and_nothing_open_says_so(store_copy):
    assert "Decisions and open actions" not in [s.title for s in _slides()]
    opened = minutes.open_meeting(MEETING_DAY, "Regional Steering Committee, 5th meeting", "coordinator")
    minutes.record_note(opened.row_id, "comment", "A quiet meeting", lang="en", snapshot=1, user_name="c")
    record = _titled(_slides(), "Decisions and open actions")
    assert record.table is None
    assert record.lines == ["No decisions were recorded at Regional Steering Committee, 5th meeting (03 Dec 2026), "
                            "and no action point is open."]


def test_many_open_actions_go_on_as_many_slides_as_they_need_and_no_page_spills(store_copy, tmp_path):
    opened = minutes.open_meeting(MEETING_DAY, "Regional Steering Committee, 5th meeting", "coordinator")
    for number in range(14):
        text = f"Поручение {number}: " + "подготовить план восстановления освоения средств по компоненту 3 " * (1 + number % 6)
        assert minutes.record_note(opened.row_id, "action", text, lang="ru", snapshot=1, owner=("UNW", "UNDP")[number % 2],
                                   owner_person="Айгерим К." if number % 3 else None, due=dt.date(2027, 3, 1),
                                   user_name="c").ok
    parts = [s for s in _slides("ru") if s.title.startswith("Решения и открытые поручения")]
    assert len(parts) > 1 and parts[0].title == f"Решения и открытые поручения (1/{len(parts)})"
    assert sum(len(s.table) for s in parts) == 14
    (tmp_path / "record.pdf").write_bytes(pack.to_pdf(parts))
    info = subprocess.run(["pdfinfo", str(tmp_path / "record.pdf")], capture_output=True, text=True, check=True).stdout
    assert f"Pages:           {len(parts)}" in info  # each slide's rows fit its page


def test_the_record_slide_reads_in_russian(store_copy):
    _record(lang="ru")
    slides = _slides("ru")
    record = slides[1]
    assert record.title == "Решения и открытые поручения"
    assert list(record.table.columns) == ["№ заметки", "вид", "текст", "ответственный", "срок", "дата заседания"]
    rows = record.table.to_dict("records")
    assert rows[1]["срок"] == "15 января 2027 — просрочено" and rows[2]["ответственный"].startswith("ООН-Женщины")
    delivery = next(s for s in slides if s.charts and s.charts[0].chart.name == "delivery-against-aim")
    assert delivery.notes[0][0].startswith("Решение № ")
    assert "· для выборки: 2021 · Кыргызстан · ЮНФПА, срок 15 января 2027 — просрочено" in delivery.notes[1][0]


def _texts_of(deck):
    return [(slide, shape) for slide in deck.slides for shape in slide.shapes]


@needs_chromium
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_pptx_and_pdf_packs_show_the_notes_as_written(store_copy, tmp_path, lang):
    ids = _record(lang)
    view = _view(lang)
    try:
        slides = pack.outline(view, today=TODAY)
    finally:
        view.close()
    deck = __import__("pptx").Presentation(io.BytesIO(pack.to_pptx(slides)))
    record = deck.slides[1]
    table = next(shape.table for shape in record.shapes if shape.has_table)
    texts = [table.cell(r, 2).text for r in range(1, len(table.rows))]
    assert texts == [DECISION, "Present the recovery plan", HOSTILE]  # the text as typed, not a link, not bold
    reach = next(s for s in deck.slides if any(sh.name.startswith(("Rights holders", "Охват")) for sh in s.shapes
                                               if sh.shape_type == 13))
    notes = next(shape for shape in reach.shapes if shape.name == "notes")
    assert HOSTILE in [p.text for p in notes.text_frame.paragraphs]
    assert all(shape.left + shape.width <= deck.slide_width for shape in reach.shapes)  # nothing off the slide

    (tmp_path / "pack.pdf").write_bytes(pack.to_pdf(slides))
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "pack.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) == len(slides)  # no page spilled over
    assert '=HYPERLINK("http://evil.example","click")<b>x</b>' in pages[1]
    assert f"{ids['later']}" in pages[1]
    word = "просрочено" if lang == "ru" else "overdue"
    assert word in pages[1]


def _sheets(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def _notes_and_meetings():
    view = _view()
    try:
        return view.q("notes"), view.q("meetings")
    finally:
        view.close()


def test_the_actions_spreadsheet_lists_overdue_first_and_keeps_every_text_as_text(store_copy):
    ids = _record(close=True)
    minutes.set_status(ids["later"], "done", "coordinator")
    reopened = minutes.open_meeting(dt.date(2027, 1, 20), "6th meeting", "coordinator")
    minutes.record_note(reopened.row_id, "action", "+1 more report", lang="en", snapshot=1, owner="UNDP",
                        due=dt.date(2027, 4, 1), user_name="c")
    notes, meetings = _notes_and_meetings()
    book = _sheets(actions_file.actions_workbook(notes, meetings, "en", TODAY, version=12))
    assert book.sheetnames == ["about", "actions", "decisions", "comments"]
    actions = list(book["actions"].iter_rows(values_only=True))
    assert actions[0] == ("due", "overdue", "owner", "owner (person)", "text", "status", "meeting", "meeting date",
                          "on", "note no.")
    assert [row[4] for row in actions[1:]] == ["Present the recovery plan", "+1 more report", HOSTILE]  # done last
    assert actions[1][:2] == (dt.datetime(2027, 1, 15), "overdue") and actions[1][5] == "open"
    assert actions[3][2:4] == ("UN Women", "Aigerim <b>K.</b>") and actions[3][5] == "done"
    assert actions[3][8] == "Rights holders reached against the targets"
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    hostile = next(c for c in book["actions"]["E"] if c.value == HOSTILE)
    plus = next(c for c in book["actions"]["E"] if c.value == "+1 more report")
    assert hostile.data_type == "s" and plus.data_type == "s"
    decisions = list(book["decisions"].iter_rows(values_only=True))
    assert decisions[1][1:4] == ("Regional Steering Committee, 5th meeting", DECISION, "Delivery rate against the 70 % aim")
    assert list(book["comments"].iter_rows(values_only=True))[1][2] == LONG.strip()[:2000]  # the full text
    about = {row[0]: row[1] for row in book["about"].iter_rows(values_only=True)}
    assert about["snapshot"] == "read from snapshot v0012"
    assert about["texts"].startswith("Every text is exactly as written")
    assert about["meetings"] == "2 recorded; the latest: 6th meeting, 20 Jan 2027"
    assert "01 Feb 2027" in about["overdue"]


def test_the_actions_spreadsheet_reads_in_russian(store_copy):
    _record(lang="ru")
    notes, meetings = _notes_and_meetings()
    book = _sheets(actions_file.actions_workbook(notes, meetings, "ru", TODAY, version=3))
    assert book.sheetnames == ["о данных", "поручения", "решения", "комментарии"]
    header = next(book["поручения"].iter_rows(values_only=True))
    assert header[:5] == ("срок", "просрочено", "ответственный", "ответственный (лицо)", "текст")
    first = list(book["поручения"].iter_rows(values_only=True))[1]
    assert first[1] == "просрочено" and first[2] == "ЮНФПА" and first[5] == "открыто"
    assert actions_file.file_name(3, "ru") == "spotlight-ca_committee-actions_v0003_ru.xlsx"


def test_an_empty_record_still_makes_a_spreadsheet_that_says_so(store_copy):
    notes, meetings = _notes_and_meetings()
    book = _sheets(actions_file.actions_workbook(notes, meetings, "en", TODAY))
    assert [len(list(book[name].iter_rows())) for name in ("actions", "decisions", "comments")] == [1, 1, 1]
    about = {row[0]: row[1] for row in book["about"].iter_rows(values_only=True)}
    assert about["meetings"] == "No meeting recorded yet." and about["snapshot"] == "not recorded"


def test_notes_too_long_for_their_column_are_written_smaller_in_the_pptx():
    column = (3.6 * 72, 5.9 * 72)  # the column beside a chart, in points
    assert pack._fitting_size([("Comment no. 1 · 03 Dec 2026", "Check the UNDP share")], *column) == 11
    assert pack._fitting_size([("Comment no. 1", "one line\n" * 40)], *column) < 11


def test_a_snapshot_written_before_meetings_existed_still_makes_its_pack(store_copy):
    path = store.snapshot_path(store.current_state().version)
    as_written_before_meetings(path)
    slides = _slides()
    assert slides[1].title == "Headline figures" and not any(s.notes for s in slides)
