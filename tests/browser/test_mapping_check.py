"""The Data page's mapping check on an in-house sheet with terse headers (issue 17): the
running app says, for each column recognised from its values, why it was taken, and
imports the sheet as tickets with that mapping."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import openpyxl
from playwright.sync_api import expect


def _terse_workbook(path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Weekly"
    ws.append(["No.", "Raised", "Done", "Sev", "Grp"])
    t0 = datetime(2026, 3, 2, 9)
    for i in range(10):
        raised = t0 + timedelta(hours=5 * i)
        team = ["Desk", "Network"][i % 2]
        ws.append([f"Q{100 + i}", raised, raised + timedelta(hours=2 + i), f"P{1 + i % 3}", team])
    wb.save(path)


def test_the_mapping_check_says_why_each_column_was_taken(server, page, tmp_path):
    book = tmp_path / "weekly.xlsx"
    _terse_workbook(book)
    page.goto(f"{server}/data?source=own")
    page.locator("input[type=file]").set_input_files(str(book))
    expect(page.get_by_text("weekly.xlsx")).to_be_visible()
    page.get_by_role("button", name="Check the mapping first").click()
    expect(page.get_by_text("weekly.xlsx / Weekly → tickets (10 rows)")).to_be_visible()
    for why in (
        "no header names its columns: taken for tickets from its values; check the mapping",
        "Raised → created_at: dates and times, never later than Done",
        "Done → resolved_at: dates and times, never earlier than Raised",
        "Sev → priority: priority words: P1, P2, P3",
        "Grp → team: a small set of names: Desk, Network",
    ):
        expect(page.get_by_text(why, exact=True)).to_be_visible()
    page.get_by_role("button", name="Import with this mapping").click()
    expect(page.get_by_text(re.compile(r"Imported 10 rows from 1 file"))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def _shown(page, selector: str) -> str:
    """What an element shows: its own text, or the text our stylesheet puts in its
    place (``::after``) when its own is hidden (font size 0)."""
    return page.eval_on_selector(
        selector,
        """e => getComputedStyle(e).fontSize === '0px'
            ? JSON.parse(getComputedStyle(e, '::after').content) : e.textContent""",
    )


def test_the_uploader_speaks_the_page_language(server, page):
    """Streamlit words the uploader's button and limit line in English only; in Chinese
    the page shows its own words there, and the English page keeps Streamlit's."""
    button = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
    limit = '[data-testid="stFileUploaderDropzoneInstructions"] span'
    page.goto(f"{server}/data?lang=zh")
    expect(page.get_by_text("上传文件", exact=True)).to_be_visible()
    page.wait_for_selector(limit)
    assert _shown(page, button) == "选择文件"
    assert _shown(page, limit) == (
        "每个文件不超过 200 MB • CSV, ODS, TSV, TXT, XLS, XLSB, XLSM, XLSX, ZIP"
    )
    page.goto(f"{server}/data?lang=en")
    expect(page.get_by_text("Upload files", exact=True)).to_be_visible()
    page.wait_for_selector(limit)
    assert _shown(page, button) == "Upload"
    assert _shown(page, limit).startswith("200MB per file")
