"""The Data page in Chromium with files that once took the server down or hid their cause (issue 23).

A workbook with one value at XFD1048576 aborted Streamlit for every session; a full disk while
loading showed only a redacted error. Here each is uploaded by an editor while another session
goes on, and the health endpoint is asked after.
"""

import shutil
import subprocess
import urllib.request

import pytest

from browser_app import BROWSER_TESTS, PAGES, chromium, serve
from test_faults import _mount_tmpfs, _workbook_with_media_hits
from test_hostile_workbooks import STRAY_LAST_CELL, _edited, _replaced

pytestmark = BROWSER_TESTS
SECRET = "a secret for the hostile uploads"


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def _settled(page):
    page.wait_for_function("!document.querySelector('[data-testid=stSkeleton]')"
                           " && !document.querySelector('[data-testid=stStatusWidget]')", timeout=60_000)


def _editor_on_the_data_page(browser, url):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.get_by_role("heading", name=PAGES[""], exact=True).wait_for(timeout=60_000)
    page.get_by_text("Editor", exact=True).click()
    page.get_by_label("Editor secret").fill(SECRET)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Data").click()
    page.get_by_role("heading", name="1 · Get the workbook").wait_for(timeout=60_000)
    return page


def _upload(page, path):
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(path))


def _healthy(url) -> bool:
    return urllib.request.urlopen(f"{url}/_stcore/health", timeout=10).read() == b"ok"


def test_a_stray_cell_workbook_is_refused_and_every_session_goes_on(browser, use_shipped, tmp_path):
    stray = tmp_path / "stray-cell.xlsx"
    stray.write_bytes(_edited("Media", _replaced("</sheetData>", STRAY_LAST_CELL)))
    folder = tmp_path / "store"
    shutil.copytree(use_shipped, folder)
    with serve(folder, SPOTLIGHT_EDITOR_SECRET=SECRET) as url:
        editor = _editor_on_the_data_page(browser, url)
        viewer = browser.new_page()
        _upload(editor, stray)
        # The problem table is a canvas grid: its cells are in the page for screen readers, not "visible".
        editor.get_by_text("the sheet reaches row 1,048,576").first.wait_for(state="attached", timeout=60_000)
        assert editor.get_by_text("Nothing was written").count() >= 1
        viewer.goto(f"{url}/communications")
        viewer.get_by_role("heading", name="Communications", exact=True).wait_for(timeout=60_000)
        _settled(viewer)
        card = viewer.locator('[data-testid="stVerticalBlock"]',
                              has=viewer.get_by_role("heading", name="Media hits by country", exact=True))
        assert "39" in card.last.locator(".js-plotly-plot").first.inner_text()
        assert viewer.locator('[data-testid="stException"]').count() == 0
        assert _healthy(url)
        editor.close()
        viewer.close()


def test_a_full_disk_while_loading_names_the_cause_and_says_nothing_changed(browser, use_shipped, tmp_path):
    shipped_store = use_shipped
    disk = tmp_path / "disk"
    snapshot_mb = next(shipped_store.glob("v*.duckdb")).stat().st_size / 2**20
    if not _mount_tmpfs(disk, f"{int(snapshot_mb * 1.5) + 1}m"):  # room for one snapshot, not two
        pytest.skip("cannot mount a small tmpfs here (needs root): test_faults injects ENOSPC instead")
    try:
        folder = disk / "store"
        shutil.copytree(shipped_store, folder)
        more_hits = tmp_path / "more-hits.xlsx"
        more_hits.write_bytes(_workbook_with_media_hits(80))
        with serve(folder, SPOTLIGHT_EDITOR_SECRET=SECRET) as url:
            editor = _editor_on_the_data_page(browser, url)
            _upload(editor, more_hits)
            editor.get_by_text("What loading more-hits.xlsx changes").wait_for(timeout=60_000)
            editor.get_by_role("button", name="Load these changes as a new snapshot").click()
            notice = editor.get_by_text("the new snapshot could not be written").first
            notice.wait_for(timeout=60_000)
            text = notice.inner_text()
            assert f"the disk holding {folder} is full" in text
            assert "Nothing was changed: snapshot v0001 is still current" in text
            assert editor.locator('[data-testid="stException"]').count() == 0
            assert _healthy(url)
            editor.close()
        assert sorted(p.name for p in folder.iterdir()) == [".lock", "CURRENT", "v0001.duckdb"]
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
