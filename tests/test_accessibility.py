"""Every page in both languages, at 1440 px and on a 390 px phone, with a chart's "Sources and data"
open and the editor's Data page, passes axe-core with no serious or critical violation of the app's own
content; RAG status is never told by colour alone; every chart has its data as a table beside it.

axe-core comes from tests/axe (package-lock.json pins it; scripts/system-deps.sh runs `npm ci` there,
as `make test` does first) and is injected into the real app in the system Chromium."""

import pytest

from browser_app import BROWSER_TESTS, PAGES, chromium, open_page, serve
from conftest import ROOT
from spotlight_dash import labels, metrics

pytestmark = BROWSER_TESTS
AXE = ROOT / "tests" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
FAILING = ("serious", "critical")
# Each page's heading in Russian, from the same catalogue the pages read.
RUSSIAN = {english: russian for english, russian in labels.TEXTS.values()}

# What Streamlit's own markup causes, not our content: (axe rule id, CSS selector the failing node
# matches, why). A node is let through only when it matches the selector given for its rule; every
# other serious or critical node fails the test. Found with axe-core 4.14.1 on Streamlit 1.67.
STREAMLIT_CAUSES = [
    # The sidebar navigation that st.navigation draws with sections: Streamlit puts each section in a
    # <div> (with its <header>) directly inside <ul data-testid="stSidebarNavItems">, so the <ul> has
    # children a list may not have ...
    ("list", '[data-testid="stSidebarNavItems"]',
     "Streamlit's sidebar navigation wraps each section in a <div> inside its <ul>"),
    # ... and each page's <li> has that <div>, not the <ul>, for parent.
    ("listitem", '[data-testid="stSidebarNavItems"] li',
     "Streamlit's sidebar navigation puts its <li> inside a section <div>, not directly in the <ul>"),
]

# Runs axe on the page and returns the serious and critical nodes that no allow-list entry explains,
# as {rule, impact, help, target, html}.
AXE_RUN = """async ([failing, allowed]) => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  const left = [];
  for (const violation of result.violations) {
    if (!failing.includes(violation.impact)) continue;
    for (const node of violation.nodes) {
      const target = node.target.length === 1 ? node.target[0] : null;
      const element = typeof target === "string" ? document.querySelector(target) : null;
      const explained = element && allowed.some(([rule, selector]) => rule === violation.id && element.matches(selector));
      if (!explained) left.push({rule: violation.id, impact: violation.impact, help: violation.help,
                                 target: node.target, html: node.html.slice(0, 300)});
    }
  }
  return left;
}"""


@pytest.fixture(scope="module")
def server(shipped_store):
    with serve(shipped_store, log_name="accessibility-server.log", SPOTLIGHT_EDITOR_SECRET=EDITOR_SECRET) as url:
        yield url


@pytest.fixture(scope="module")
def page(server):
    with chromium() as browser:
        yield browser.new_page(viewport={"width": 1440, "height": 900})


LAPTOP, PHONE = {"width": 1440, "height": 900}, {"width": 390, "height": 844}
EDITOR_SECRET = "accessible editor secret"


def _axe_faults(page) -> str:
    """The serious and critical faults of the app's own content on the page as it is now, in words."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run scripts/system-deps.sh (make test does)")
    page.add_script_tag(path=str(AXE))
    left = page.evaluate(AXE_RUN, [list(FAILING), [[rule, selector] for rule, selector, _ in STREAMLIT_CAUSES]])
    return "\n".join(f"{n['rule']} ({n['impact']}: {n['help']}): {n['html']} at {n['target']}" for n in left)


@pytest.mark.parametrize("screen", [LAPTOP, PHONE], ids=["1440", "390"])
@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_has_no_serious_or_critical_axe_violation_of_its_own(page, server, path, lang, screen):
    page.set_viewport_size(screen)
    heading = PAGES[path] if lang == "en" else RUSSIAN[PAGES[path]]
    open_page(page, f"{server}/{path}?lang={lang}", heading)
    assert not _axe_faults(page)


# A chart's "Sources and data" (its source rows and figures as tables) and a headline card's "Source"
# (the documents and their quotes as text), each filled by the rerun its opening starts.
POPOVERS = {"chart.sources_and_data": '[data-testid="stDataFrame"]', "kpi.source": "a"}  # its last element: a link


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("offer", list(POPOVERS))
def test_an_open_sources_popover_has_no_serious_or_critical_axe_violation(page, server, lang, offer):
    page.set_viewport_size(LAPTOP)
    open_page(page, f"{server}/?lang={lang}", PAGES[""] if lang == "en" else RUSSIAN[PAGES[""]])
    page.get_by_role("button", name=labels.t(offer, lang), exact=True).first.click()
    page.locator(f'[data-testid="stPopoverBody"] {POPOVERS[offer]}').first.wait_for(timeout=30_000)
    assert not _axe_faults(page)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_data_page_for_an_editor_has_no_serious_or_critical_axe_violation(page, server, lang):
    editor = page.context.browser.new_page(viewport=LAPTOP)  # a session of its own, signed in
    try:
        open_page(editor, f"{server}/?lang={lang}", PAGES[""] if lang == "en" else RUSSIAN[PAGES[""]])
        editor.get_by_text(labels.t("auth.editor", lang), exact=True).click()
        editor.get_by_label(labels.t("auth.secret", lang)).fill(EDITOR_SECRET)
        editor.get_by_role("button", name=labels.t("auth.sign_in", lang)).click()
        editor.get_by_role("link", name=labels.t("nav.data", lang)).click()
        editor.get_by_role("heading", name=labels.t("nav.data", lang), exact=True).wait_for(timeout=30_000)
        editor.locator('[data-testid="stFileUploader"]').first.wait_for(timeout=30_000)
        assert not _axe_faults(editor)
    finally:
        editor.close()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_rag_status_is_written_in_words_in_the_chart_and_the_table(page, server, lang):
    page.set_viewport_size(LAPTOP)
    words = {metrics.rag_name(level, lang) for level in metrics.RAG_LEVELS}
    open_page(page, f"{server}/results?lang={lang}", PAGES["results"] if lang == "en" else RUSSIAN[PAGES["results"]])
    # The chart's categories are the words themselves, not coloured bars under an unlabelled axis.
    chart = page.locator(".js-plotly-plot").first
    chart.wait_for(timeout=30_000)
    assert {tick.text_content() for tick in chart.locator(".ytick text").all()} == words
    # The indicator table's status column (its far right: scrolled to, as a reader does) says the word
    # beside the coloured mark.
    table = page.locator('[data-testid="stDataFrame"]').first
    table.locator(".dvn-scroller").evaluate("grid => { grid.scrollLeft = grid.scrollWidth; }")
    status = labels.column("status", lang)
    # The grid draws on a canvas; what a screen reader reads is its table of the columns in view.
    table.locator("th", has_text=status).first.wait_for(state="attached", timeout=10_000)
    headers = table.locator("th").all_text_contents()
    column = headers.index(status)
    rows = table.locator("tbody tr").all()
    assert rows
    for row in rows:
        cell = row.locator("td").nth(column).text_content()
        assert any(word in cell for word in words), cell


@pytest.mark.parametrize("path", [path for path in PAGES if path != "meeting"])
def test_every_chart_offers_its_data_as_a_table(page, server, path):
    page.set_viewport_size(LAPTOP)
    # Each chart's card has a "Sources and data" popover with the chart's figures as a table
    # (tests/test_browser.py opens one); a chart without one would be data a screen reader cannot reach.
    open_page(page, f"{server}/{path}", PAGES[path])
    charts = page.locator(".js-plotly-plot").count()
    offers = page.get_by_role("button", name="Sources and data", exact=True).count()
    assert offers >= charts, (charts, offers)
