"""Workbooks that would make the reader allocate hundreds of gigabytes, uploaded to the
running app: each is refused in one line naming it, and the server goes on serving.

(Built by tests/ingest/test_read_guard.py, where the reading process is tested alone.)"""

from __future__ import annotations

import re
import sys
import urllib.request
from pathlib import Path

from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from test_read_guard import tickets_workbook, understated  # noqa: E402


def _upload(page, name: str, blob: bytes) -> None:
    page.locator("input[type=file]").set_input_files(
        {"name": name, "mimeType": "application/octet-stream", "buffer": blob}
    )
    expect(page.get_by_text(name, exact=True)).to_be_visible()
    page.get_by_role("button", name="Import", exact=True).click()


def test_far_cell_and_forged_size_workbooks_are_refused_and_the_server_keeps_serving(server, page):
    page.goto(f"{server}/data")
    expect(page.get_by_role("heading", name="Data", exact=True)).to_be_visible()

    for name, blob in (
        ("far.xlsx", tickets_workbook("XFD1048576")),
        ("forged.xlsx", understated(1_000_000, 20, 4096)),
    ):
        _upload(page, name, blob)
        refusal = page.get_by_test_id("stAlertContentError")
        expect(refusal).to_contain_text(f"{name}: ")
        text = refusal.inner_text()
        assert text.count(name) == 1 and "Traceback" not in text, text
        expect(page.get_by_test_id("stException")).to_have_count(0)
        with urllib.request.urlopen(f"{server}/_stcore/health", timeout=5) as r:
            assert r.read() == b"ok"

    # The same server then imports a good file and shows the pages.
    _upload(page, "fine.xlsx", tickets_workbook())
    expect(page.get_by_text("Imported 20 rows from 1 file")).to_be_visible()
    page.goto(f"{server}/?source=own")
    expect(page.get_by_role("heading", name="Service overview", exact=True)).to_be_visible()


def test_remove_in_a_stale_session_removes_nothing(server, page):
    """Two sessions show upload 2; the first removes it; the second's Remove, pressed on
    the list it still shows, removes nothing (not upload 1) and says why."""
    page.goto(f"{server}/data?source=own")
    for name, prefix in (("first.xlsx", "A"), ("second.xlsx", "B")):
        _upload(page, name, tickets_workbook(prefix=prefix))
        # The newest upload is the one the Remove form offers once its import is stored
        # (the first import's "Imported 20 rows" may still be on the page meanwhile).
        expect(_remove_pick(page)).to_have_value(re.compile(rf"^\d+ · {re.escape(name)}$"))
    other = page.context.browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        for session in (page, other):
            session.goto(f"{server}/data?source=own")
            expect(_remove_pick(session)).to_have_value(re.compile(r"^\d+ · second\.xlsx$"))
        second = int(_remove_pick(page).input_value().split("·")[0])

        page.get_by_role("button", name="Remove upload", exact=True).click()
        expect(page.get_by_text(f"Removed upload {second}: 20 rows.")).to_be_visible()

        other.get_by_role("button", name="Remove upload", exact=True).click()
        expect(other.get_by_text(re.compile(r"^Nothing was removed"))).to_be_visible()
        # Upload 1 is still there, and now the only one to choose.
        expect(_remove_pick(other)).to_have_value(re.compile(r"^\d+ · first\.xlsx$"))
        other.goto(f"{server}/data?source=own")
        expect(_remove_pick(other)).to_have_value(re.compile(r"^\d+ · first\.xlsx$"))
        assert int(_remove_pick(other).input_value().split("·")[0]) == second - 1
    finally:
        other.close()


def _remove_pick(session):
    """The Remove form's pick (its value: the upload shown as chosen)."""
    return session.get_by_role("combobox", name="Upload to remove")
