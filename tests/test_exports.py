"""Exported files open and stand on their own: images per shape, data without formulas, the pack."""

import datetime as dt
import io
import shutil
import struct
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from conftest import ROOT
from spotlight_dash.exports import chart_files, images, pack
from spotlight_dash.exports.context import open_view

needs_chromium = pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium is not installed (make test installs it)")


@pytest.fixture
def view(use_shipped):
    opened, notices = open_view({"programme": "SI-CA-REG", "year": "2020"})
    assert notices == []
    yield opened
    opened.close()


@needs_chromium
@pytest.mark.parametrize("shape, size", [("wide", (1920, 1080)), ("square", (1440, 1440)), ("a4", (2246, 1588))])
def test_png_has_the_shape_asked_for_and_carries_its_alt_text(view, shape, size):
    png = view.chart_files("media-hits-by-country").image("png", shape)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == size
    assert "Kazakhstan 39".encode() in png and b"iTXt" in png


@needs_chromium
def test_svg_has_title_filters_source_line_and_description(view):
    svg = view.chart_files("media-hits-by-country").image("svg", "square").decode("utf-8")
    assert "<title>Media hits by country</title>" in svg and "<desc>Bar chart: Media hits by country" in svg
    assert "Source: Annual report 2020 (Communications and Visibility)" in svg
    assert "Spotlight Regional Programme in Central Asia and Afghanistan · 2020" in svg
    assert "Reported for 2020" in svg and "loaded " in svg and "v0001" in svg


@needs_chromium
def test_pdf_renders(view, tmp_path):
    pdf = view.chart_files("reach-against-target").image("pdf", "a4")
    (tmp_path / "chart.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "20", str(tmp_path / "chart.pdf"), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 1000


def test_alt_text_states_what_the_chart_shows_and_its_values(view):
    text = view.chart_files("reach-against-target").alt_text()
    assert text.startswith("Bar chart: Rights holders reached against the targets")
    assert "Reached 2020 6,407" in text and "Target 45,739,739" in text


def test_chart_data_workbook_has_an_about_sheet_and_no_formulas(view):
    book = openpyxl.load_workbook(io.BytesIO(view.chart_files("media-hits-by-country").xlsx()))
    assert book.sheetnames == ["about", "media_hits_by_country"]
    about = {row[0]: row[1] for row in book["about"].iter_rows(values_only=True)}
    assert about["title"] == "Media hits by country" and "snapshot v0001" in about["data"]
    assert "Annual report 2020" in about["source"]
    rows = list(book["media_hits_by_country"].iter_rows(values_only=True))
    assert ("SI-CA-REG", "2020", "KAZ", "Kazakhstan", 39, False, "AR2020-media-country") in rows


def test_text_that_looks_like_a_formula_is_written_as_text():
    hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2", "@SUM(A1)", "\tTAB", "\rCR"]
    data = chart_files.workbook([("title", "=1+1")], {"rows": pd.DataFrame({"note": hostile, "n": range(6)})})
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert [c.value for c in book["rows"]["A"][1:]] == hostile  # read back unchanged


def test_csv_is_formula_safe_and_keeps_not_reported_empty(view):
    files = view.chart_files("media-hits-by-country")
    hostile = chart_files.ChartFiles(files.chart, {"media_hits_by_country": pd.DataFrame(
        {"country": ["=cmd|' /C calc'!A0"], "hits": [None]})}, files.meta, files.filters, 1, files.sources)
    text = hostile.csv().decode("utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in text and "\n'=cmd" in text.replace('"', "")
    assert text.rstrip().endswith(",")  # the missing figure stays empty, never 0


@needs_chromium
def test_the_committee_pack_as_pptx_has_every_part_with_editable_text_and_alt_text(view):
    deck = __import__("pptx").Presentation(io.BytesIO(pack.build(view, "pptx")))
    titles = [slide.shapes[0].text_frame.text for slide in deck.slides]
    assert titles[:3] == ["Steering Committee pack", "Headline figures", "Budget by RUNO"]
    for expected in ("Indicators by status", "Indicators: status and reasons", "Reach against targets",
                     "Communications: media hits", "Sources"):
        assert expected in titles
    assert any(t.startswith("What changed") for t in titles)
    pictures = [shape for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 6
    assert all(p._element.nvPicPr.cNvPr.get("descr", "").startswith("Bar chart:") for p in pictures)
    headline = next(s for s in deck.slides if s.shapes[0].text_frame.text == "Headline figures")
    table = next(shape.table for shape in headline.shapes if shape.has_table)
    assert table.cell(1, 1).text == "4,432,461"


@needs_chromium
def test_the_committee_pack_as_pdf_renders_every_page(view, tmp_path):
    (tmp_path / "pack.pdf").write_bytes(pack.build(view, "pdf"))
    subprocess.run(["pdftoppm", "-png", "-r", "15", str(tmp_path / "pack.pdf"), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) == len(pack.outline(view))


def test_a_hanging_export_times_out_with_a_clear_message(monkeypatch, view):
    engine = images._Engine()
    monkeypatch.setattr(images, "TIMEOUT_S", 0.2)

    def hang():
        # Hangs, then gives up instead of rendering: the abandoned worker must not go on to share
        # the process's real browser with the tests that follow (their answers would cross).
        __import__("time").sleep(2)
        raise RuntimeError("the test's hang is over")

    monkeypatch.setattr(engine, "_start", hang)
    monkeypatch.setattr(images, "ENGINE", engine)
    with pytest.raises(images.ExportUnavailable, match="did not finish within 0 s"):
        view.chart_files("media-hits-by-country").image("png", "wide")


def test_cli_lists_charts_and_writes_a_named_file(use_shipped, tmp_path):
    listed = subprocess.run([sys.executable, "-m", "spotlight_dash", "chart", "--list"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split()
    assert "media-hits-by-country" in listed and "reach-against-target" in listed
    out = subprocess.run([sys.executable, "-m", "spotlight_dash", "chart", "budget-by-runo", "--format", "csv",
                          "--year", "2020", "-o", str(tmp_path / "b.csv")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "2541617" in (tmp_path / "b.csv").read_text(encoding="utf-8-sig")


@needs_chromium
def test_cyrillic_survives_into_the_exported_pdf_and_svg(view, tmp_path):
    files = view.chart_files("media-hits-by-country")
    russian = chart_files.ChartFiles.make("media-hits-by-country", files.frames, files.filters,
                                          "Региональная программа · Казахстан", files.sources, files.meta.as_of, 1)
    assert "Региональная программа · Казахстан" in russian.image("svg", "wide").decode("utf-8")
    (tmp_path / "ru.pdf").write_bytes(russian.image("pdf", "wide"))
    text = subprocess.run(["pdftotext", str(tmp_path / "ru.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Региональная программа" in text


MEETING = dt.date(2027, 2, 1)
# What the pack of the shipped 2020 regional figures says, in each language: its cover's meeting date
# and reporting period, its first table slide's source line, its language tag and its title.
PACK_WORDS = {
    "en": ("Meeting: 01 Feb 2027", "Reporting period: 2020, Phase I (2020–2022)", "Filters: ",
           "Source: Annual report 2020 (Programme Cost (US$)", "en-GB",
           "Steering Committee pack — Spotlight Regional Programme in Central Asia and Afghanistan"),
    "ru": ("Заседание: 01 февраля 2027", "Отчётный период: 2020, Фаза I (2020–2022)", "Фильтры: ",
           "Источник: Annual report 2020 (Programme Cost (US$)", "ru-RU",
           "Материалы для Руководящего комитета — Региональная программа Инициативы «Луч света» в Центральной Азии "
           "и Афганистане"),
}


def _pdf_words(path, page):
    """Each word of a PDF page with its box, in points: (x min, y min, x max, word)."""
    import re

    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [(float(x0), float(y0), float(x1), word) for x0, y0, x1, word in
            re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html)]


@needs_chromium
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_pack_has_its_meeting_date_period_page_numbers_source_lines_and_properties(use_shipped, tmp_path, lang):
    from pptx import Presentation
    from pptx.util import Emu

    meeting, period, filters, source, tag, title = PACK_WORDS[lang]
    view, _ = open_view({"programme": "SI-CA-REG", "year": "2020"}, lang=lang)
    try:
        slides = pack.outline(view, meeting=MEETING)
    finally:
        view.close()
    total = len(slides)

    deck = Presentation(io.BytesIO(pack.to_pptx(slides)))
    cover = [p.text for shape in deck.slides[0].shapes if shape.has_text_frame for p in shape.text_frame.paragraphs]
    assert meeting in cover and period in cover
    named = [{shape.name: shape for shape in slide.shapes} for slide in deck.slides]
    assert [shapes["page number"].text_frame.text for shapes in named] == [f"{n} / {total}" for n in range(1, total + 1)]
    tables = [shapes for shapes in named if any(s.has_table for s in shapes.values())]
    assert len(tables) == 2  # the headline figures, the indicators' reasons: each says where its figures come from
    assert tables[0]["source"].text_frame.text.startswith(source)
    assert all(shapes["source"].text_frame.text.startswith(source[:9]) for shapes in tables)
    for shapes in named:  # no picture runs into the foot, nothing leaves the slide
        foot = shapes["page number"].top
        assert all(s.top + s.height <= foot for s in shapes.values() if s.shape_type == 13)
        assert all(s.top + s.height <= deck.slide_height and s.left + s.width <= deck.slide_width + Emu(1)
                   for s in shapes.values())
    core = deck.core_properties
    assert core.title == title and core.language == tag and core.last_modified_by == ""
    assert meeting.split(": ")[1] in core.subject and period.split(": ")[1] in core.subject
    assert deck.slides[0].shapes[0].text_frame.paragraphs[0].runs[0].font._rPr.get("lang") == tag

    path = tmp_path / "pack.pdf"
    path.write_bytes(pack.to_pdf(slides))
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")[:-1]
    assert len(pages) == total
    foot = [" ".join(page.rstrip().splitlines()[-2:]) for page in pages]  # a source line may take two lines
    assert all(f"{n} / {total}" in foot[n - 1] for n in range(1, total + 1))
    assert meeting in pages[0] and period in pages[0]
    assert source in " ".join(pages[1].split())  # the headline figures' table, its source line at the foot
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert f"Title:           {title}\n" in info and f"Subject:         {core.subject}\n" in info
    assert f"/Lang ({tag})".encode() in path.read_bytes()
    # The cover's filters line is set as written: a space between words, not stretched to the margin.
    words = _pdf_words(path, 1)
    first = next(i for i, w in enumerate(words) if w[3] == filters.strip())
    line = [w for w in words[first:] if abs(w[1] - words[first][1]) < 1]
    assert len(line) > 3 and max(b[0] - a[2] for a, b in zip(line, line[1:])) < 8  # a space at 16 pt: ~5 pt


def test_the_cover_meeting_date_is_the_day_of_the_pack_unless_given(use_shipped):
    view, _ = open_view({"programme": "SI-CA-REG", "year": "2020"})
    try:
        assert "Meeting: 03 Dec 2026" in pack.outline(view, today=dt.date(2026, 12, 3))[0].lines
    finally:
        view.close()
