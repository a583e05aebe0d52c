"""The real app in the system Chromium: pages open without exceptions; a copied link reopens the view."""

import shutil
from pathlib import Path

import pytest

from browser_app import BROWSER_TESTS, PAGES, chromium, open_page, serve

pytestmark = BROWSER_TESTS
EDITOR_SECRET = "correct horse battery staple"


@pytest.fixture(scope="module")
def server(shipped_store, tmp_path_factory):
    # Its own copy of the store: the import test below writes to it.
    folder = tmp_path_factory.mktemp("browser") / "store"
    shutil.copytree(shipped_store, folder)
    with serve(folder, SPOTLIGHT_EDITOR_SECRET=EDITOR_SECRET) as url:
        yield url


@pytest.fixture(scope="module")
def page(server):
    with chromium() as browser:
        yield browser.new_page(viewport={"width": 1400, "height": 1000})


def _chart_text(page, title):
    # A chart's title is a heading of its card, above the plot.
    card = page.locator('[data-testid="stVerticalBlock"]', has=page.get_by_role("heading", name=title))
    chart = card.last.locator(".js-plotly-plot").first
    chart.wait_for(timeout=30_000)
    return chart.inner_text()


def test_a_deep_link_on_a_fresh_server_opens_inside_the_app(page, server):
    # Must run first against the module's server: the first request of all is a deep link.
    open_page(page, f"{server}/reach?country=KGZ", "Reach")
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Steering Committee" in nav and "Results framework" in nav and "\napp\n" not in f"\n{nav}\n"
    assert "country=KGZ" in page.url  # the link's filter survived the page running app.py in its place
    assert page.locator('[data-testid="stSidebar"]').get_by_text("Language · Язык").count() == 1


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_opens_without_exceptions(page, server, path):
    open_page(page, f"{server}/{path}", PAGES[path])


def test_the_overview_opens_by_its_name_too(page, server):
    open_page(page, f"{server}/overview", PAGES[""])
    assert page.get_by_text("Page not found").count() == 0


def test_overview_shows_the_total_budget(page, server):
    open_page(page, server, PAGES[""])
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "4,432,461"


def test_a_filter_change_changes_the_chart_and_the_copied_link_reopens_it(page, server):
    open_page(page, f"{server}/communications", "Communications")
    assert "Kyrgyzstan" in _chart_text(page, "Media hits by country")
    country = page.locator('[data-testid="stSelectbox"]', has_text="Country")
    # Scrolled to first, as a reader does: a list that opens while the sidebar scrolls closes again.
    country.scroll_into_view_if_needed()
    country.click()
    page.get_by_role("option", name="Kazakhstan", exact=True).click()
    page.wait_for_url("**country=KAZ**", timeout=30_000)
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=30_000)
    page.wait_for_timeout(500)
    assert "Kyrgyzstan" not in _chart_text(page, "Media hits by country")
    copied = page.url
    fresh = page.context.browser.new_page()
    try:
        open_page(fresh, copied, "Communications")
        text = _chart_text(fresh, "Media hits by country")
        assert "Kazakhstan" in text and "Kyrgyzstan" not in text
        box = fresh.locator('[data-testid="stSelectbox"]', has_text="Country")
        assert "Kazakhstan" in box.inner_text() + box.locator("input").input_value()
    finally:
        fresh.close()


def test_russian_is_chosen_once_stays_across_pages_and_travels_in_the_link(page, server):
    open_page(page, f"{server}/reach", "Reach")
    page.get_by_text("Русский", exact=True).click()
    page.wait_for_url("**lang=ru**", timeout=30_000)
    page.get_by_role("heading", name="Охват", exact=True).wait_for(timeout=30_000)
    assert "6\xa0407" in _chart_text(page, "Охват правообладателей")  # a Russian thousands separator
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Коммуникации").click()
    page.get_by_role("heading", name="Коммуникации", exact=True).wait_for(timeout=30_000)
    page.wait_for_url("**lang=ru**", timeout=30_000)
    assert "Казахстан" in _chart_text(page, "Упоминания в СМИ по странам")
    fresh = page.context.browser.new_page()
    try:
        open_page(fresh, page.url, "Коммуникации")
        assert "Кыргызстан" in _chart_text(fresh, "Упоминания в СМИ по странам")
    finally:
        fresh.close()


def test_a_link_with_bad_values_opens_with_a_notice(page, server):
    open_page(page, f"{server}/?programme=%3Cscript%3E&year=abc", PAGES[""])
    notices = page.get_by_text("in the link is not one of the choices")
    notices.nth(1).wait_for(timeout=10_000)
    assert notices.count() == 2
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "4,432,461"


def test_a_programme_with_nothing_reported_says_so(page, server):
    open_page(page, f"{server}/?programme=SI-KGZ", PAGES[""])
    assert "programme=SI-KGZ" in page.url
    assert page.get_by_text("Not reported", exact=True).count() >= 1


def test_a_charts_sources_open_on_click(page, server):
    # The popover is filled by the rerun its opening starts, not on every run of the page.
    open_page(page, f"{server}/communications?year=2020", "Communications")
    page.get_by_role("button", name="Sources and data", exact=True).first.click()
    body = page.locator('[data-testid="stPopoverBody"]')
    body.get_by_text("Media hits by country (INT = international outlets).").wait_for(timeout=30_000)
    # each source as text, the document's name and its quote whole; the chart's data as a table
    body.get_by_text("Annual Narrative Programme Report: Spotlight Regional Programme in Central Asia and "
                     "Afghanistan (reporting period 24 July 2020 - 31 December 2020) · Communications").first.wait_for()
    assert body.locator("blockquote").count() >= 1 and body.locator('[data-testid="stDataFrame"]').count() >= 1
    page.keyboard.press("Escape")


def _download(page, button, timeout=90_000):
    with page.expect_download(timeout=timeout) as info:
        button.click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def test_chart_page_and_pack_downloads_arrive_andopen_page(page, server):
    import io
    import struct
    import zipfile

    from pptx import Presentation

    open_page(page, f"{server}/communications?year=2020", "Communications")
    page.get_by_role("button", name="Download", exact=True).first.click()
    popover = page.locator('[data-testid="stPopoverBody"]').filter(has_text="Alt text")
    name, png = _download(page, popover.get_by_role("button", name="PNG", exact=True))
    assert name == "spotlight-ca_media-hits-by-country_2020_v0001_wide.png"
    assert struct.unpack(">II", png[16:24]) == (1920, 1080)
    assert b"Kazakhstan 39" in png  # the alt text travels inside the file
    name, xlsx = _download(page, popover.get_by_role("button", name="Data (XLSX)"))
    assert name.endswith(".xlsx") and xlsx[:2] == b"PK"
    page.keyboard.press("Escape")

    name, archive = _download(page, page.get_by_role("button", name="every chart of this page"))
    names = zipfile.ZipFile(io.BytesIO(archive)).namelist()
    assert "spotlight-ca_media-hits-by-country_2020_v0001.png" in names and len(names) == 9

    open_page(page, server, PAGES[""])
    name, pptx = _download(page, page.get_by_role("button", name="Pack (PPTX)"))
    deck = Presentation(io.BytesIO(pptx))
    titles = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes
              if shape.has_text_frame and shape.text_frame.text][:1]
    assert titles == ["Steering Committee pack"] and len(deck.slides) >= 10


def _exported_workbook(kazakhstan_hits: int) -> bytes:
    import io

    import openpyxl

    from spotlight_dash import workbook_template
    from spotlight_dash.ingest import pipeline

    _, current, _, _ = pipeline.current_tables()
    book = openpyxl.load_workbook(io.BytesIO(workbook_template.export_bytes(current)))
    media = book["Media"]
    for row in media.iter_rows(min_row=2):
        if row[2].value == "hits" and row[3].value == "KAZ":
            row[8].value = kazakhstan_hits
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_meeting_mode_fits_a_projector_and_keys_change_the_slide(page, server):
    """A 1366×768 projector shows a whole chart slide, source line included; ←/→ and a clicker's
    PageUp/PageDown change slides; "Leave" goes back to the dashboard."""
    where = page.locator('[data-testid="stMarkdownContainer"]', has_text=" / 7 ·").first
    page.set_viewport_size({"width": 1366, "height": 768})
    try:
        open_page(page, f"{server}/meeting?slide=1", "Steering Committee")
        last_card = page.locator('[data-testid="stMetric"]').last.bounding_box()
        assert last_card["y"] + last_card["height"] <= 768, last_card  # the headline figures, whole
        for key, slide in (("ArrowRight", 2), ("PageDown", 3), ("PageUp", 2)):
            page.keyboard.press(key)
            page.wait_for_function(f"document.body.innerText.includes('{slide} / 7 ·')", timeout=30_000)
        page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=30_000)
        assert "2 / 7" in where.inner_text()
        source = page.get_by_text("Source: Annual report 2020", exact=False).first
        source.wait_for(timeout=30_000)
        box = source.bounding_box()
        assert box["y"] + box["height"] <= 768, box  # on screen without scrolling
        page.get_by_role("link", name="Leave").click()
        page.get_by_role("heading", name=PAGES[""], exact=True).wait_for(timeout=30_000)
    finally:
        page.set_viewport_size({"width": 1400, "height": 1000})


def test_a_viewer_cannot_reach_the_data_page_even_by_url(page, server):
    page.goto(f"{server}/data")
    page.wait_for_timeout(3000)
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    assert "Data" not in page.locator('[data-testid="stSidebarNav"]').inner_text().split("\n")


def test_an_editor_loads_a_workbook_sees_the_change_and_can_undo_it(page, server, use_shipped, tmp_path):
    open_page(page, server, PAGES[""])
    page.get_by_text("Editor", exact=True).click()
    page.get_by_label("Editor secret").fill(EDITOR_SECRET)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Data").click()
    page.get_by_role("heading", name="1 · Get the workbook").wait_for(timeout=30_000)

    bad = tmp_path / "not-a-workbook.xlsx"
    bad.write_text("name,count\nKazakhstan,39\n")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(bad))
    page.get_by_text("Nothing was written").wait_for(timeout=60_000)

    changed = tmp_path / "media-2020.xlsx"
    changed.write_bytes(_exported_workbook(41))  # built from the shipped store: the same content as the server's
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(changed))
    page.get_by_text("What loading media-2020.xlsx changes").wait_for(timeout=60_000)
    # 41 makes the countries add up to 79 of the 77 hits: a warning to acknowledge, not an error.
    load = page.get_by_role("button", name="Load these changes as a new snapshot")
    assert page.get_by_text("1 warning(s)").count() == 1 and load.is_disabled()
    page.get_by_text("I have read the warnings and want to load the file").click()
    load.click()
    page.get_by_text("as snapshot v0002").first.wait_for(timeout=60_000)

    viewer = page.context.browser.new_page()
    try:
        open_page(viewer, f"{server}/communications", "Communications")
        assert "41" in _chart_text(viewer, "Media hits by country")
    finally:
        viewer.close()

    page.get_by_role("button", name="Undo it").click()
    page.get_by_text("Undone: snapshot v0003 is current").wait_for(timeout=60_000)
