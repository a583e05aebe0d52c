"""Markdown from the data or the link, rendered by the real app in Chromium: no image, no link, no
formatting, and no request to any other address than the app's own (issue 23, item 3)."""

import urllib.parse
import urllib.request

import pytest

from browser_app import BROWSER_TESTS, PAGES, chromium, serve
from spotlight_dash import store
from spotlight_dash.markdown_text import WORD_JOINER
from test_plain_text import PLANTED, plant

pytestmark = BROWSER_TESTS
IMAGE = "![x](http://127.0.0.1:8999/u.png)"  # the app's own machine, another port: still not the app
LINK = "[Sign in again](http://outside.invalid/)"


@pytest.fixture(scope="module")
def planted_server(shipped_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("planted-browser") / "store"
    with store.open_reader(store.current_state(shipped_store).path) as con:
        frames, runs = store.read_tables(con), store.read_runs(con)
    plant(frames)
    store.commit(frames, store.Run("import", "planted.xlsx", "0" * 64, "tests", runs.iloc[-1].started_at), runs,
                 folder)
    with serve(folder) as url:
        yield url


@pytest.fixture(scope="module")
def browser_page(planted_server):
    """A page that records every request it makes to anywhere but the app itself."""
    app = urllib.parse.urlsplit(planted_server).netloc
    elsewhere: list[str] = []
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1400})
        page.on("request", lambda request: elsewhere.append(request.url)
                if urllib.parse.urlsplit(request.url).scheme in ("http", "https", "ws", "wss")
                and urllib.parse.urlsplit(request.url).netloc != app else None)
        yield page, elsewhere


def _open(page, url, heading):
    page.goto(url)
    page.get_by_role("heading", name=heading, exact=True).wait_for(timeout=30_000)
    page.wait_for_function("!document.querySelector('[data-testid=stSkeleton]')"
                           " && !document.querySelector('[data-testid=stStatusWidget]')", timeout=30_000)
    page.wait_for_timeout(500)  # an image in a rendered Markdown body starts loading once it is in the page


def _made_from_outside_text(page) -> dict[str, list[str]]:
    """What the planted Markdown would have turned into: images, links and bold text in the page."""
    return page.evaluate("""() => ({
        images: [...document.querySelectorAll('img')].map(i => i.src).filter(s => !s.startsWith(location.origin)
                                                                              && !s.startsWith('data:')),
        links: [...document.querySelectorAll('a[href]')].map(a => a.href).filter(h => !h.startsWith(location.origin)),
        bold: [...document.querySelectorAll('strong, b')].map(b => b.textContent).filter(t => /bold|html|Sign in/.test(t)),
        // plotly reads its texts as HTML too: <b> becomes a bold tspan, <a href> an SVG link
        chart_bold: [...document.querySelectorAll('.js-plotly-plot tspan')].filter(t =>
            /bold/.test(t.getAttribute('style') || '') && /html/.test(t.textContent)).map(t => t.textContent),
        chart_links: [...document.querySelectorAll('.js-plotly-plot a')].map(a => a.getAttribute('xlink:href')
                                                                                 || a.getAttribute('href')),
    })""")


NOTHING = {"images": [], "links": [], "bold": [], "chart_bold": [], "chart_links": []}


def _shows(page, text: str) -> bool:
    """Whether the page comes to show ``text`` as a reader sees it (the invisible word joiners that
    break autolinks left out); waits, so that a page still drawing its footer is not judged early."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function("text => document.body.innerText.replaceAll(joiner, '').includes(text)"
                               .replace("joiner", repr(WORD_JOINER)), arg=text, timeout=30_000)
    except PlaywrightTimeout:
        return False
    return True


@pytest.mark.parametrize("path", list(PAGES))
def test_stored_markdown_is_plain_text_in_the_browser(browser_page, planted_server, path):
    page, elsewhere = browser_page
    _open(page, f"{planted_server}/{path}", PAGES[path])
    assert _shows(page, PLANTED)  # the words are there, as they were written
    assert page.locator('[data-testid="stException"]').count() == 0
    assert _made_from_outside_text(page) == NOTHING
    assert elsewhere == []


@pytest.mark.parametrize("path", ["", "meeting", "results"])
def test_markdown_in_the_link_is_plain_text_in_its_notice(browser_page, planted_server, path):
    page, elsewhere = browser_page
    query = urllib.parse.urlencode({"country": IMAGE, "programme": LINK, "slide": IMAGE, "indicator": LINK})
    _open(page, f"{planted_server}/{path}?{query}", PAGES[path])
    assert _shows(page, f"“{IMAGE}”")  # the notice repeats the value as it is
    assert _made_from_outside_text(page) == NOTHING
    assert elsewhere == []
