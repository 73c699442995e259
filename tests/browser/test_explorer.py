"""The SQL explorer in a real browser: type a query, run it, see the result table and
its chart, and reopen the same view from the link the page wrote."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from openpyxl import load_workbook
from playwright.sync_api import expect

QUERY = "SELECT team, count(*) AS tickets FROM tickets GROUP BY team ORDER BY tickets DESC"


def _settled(page) -> None:
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)


def test_type_run_see_the_table_and_reopen_from_the_link(server, page):
    page.goto(f"{server}/sql?source=sample")
    editor = page.get_by_label("Query")
    expect(editor).to_be_visible()
    _settled(page)
    editor.fill(QUERY)
    editor.press("Control+Enter")  # the text area hands its value over
    _settled(page)
    page.get_by_role("button", name="Run", exact=True).click()
    # Five teams in the sample: the table, its row count and the quick chart.
    expect(page.get_by_text("5 rows in", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stDataFrame").last).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(1)
    expect(page.get_by_text("Quick chart: tickets by team")).to_be_visible()
    _settled(page)
    # The files are made when their button is clicked (not on every rerun).
    with page.expect_download() as got:
        page.get_by_role("button", name="Download CSV").click()
    lines = Path(got.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == '"team","tickets"' and lines[1] == '"Service Desk",33141'
    _settled(page)
    with page.expect_download() as got:
        page.get_by_role("button", name="Download Excel").click()
    sheet = load_workbook(io.BytesIO(Path(got.value.path()).read_bytes())).active
    assert [c.value for c in sheet[2]] == ["Service Desk", 33141]
    link = page.url
    assert parse_qs(urlparse(link).query)["q"] == [QUERY]

    # The link opens the query in the editor and runs it again, in a fresh session.
    context = page.context.browser.new_context(viewport={"width": 1280, "height": 720})
    again = context.new_page()
    try:
        again.goto(link)
        expect(again.get_by_label("Query")).to_have_value(QUERY)
        expect(again.get_by_text("5 rows in", exact=False)).to_be_visible()
        expect(again.get_by_test_id("stVegaLiteChart")).to_have_count(1)
        grid = again.get_by_test_id("stDataFrame").last
        expect(grid).to_be_visible()
        # The first row is the largest team; the grid draws on a canvas, so ask its copy
        # of the data (the accessible table the grid keeps beside it: column-row ids).
        expect(grid.get_by_test_id("glide-cell-0-0")).to_have_text("Service Desk")
        expect(grid.get_by_test_id("glide-cell-1-0")).to_have_text("33141")  # drawn 33,141
    finally:
        context.close()
