"""Names crafted as Markdown, HTML and formulas, uploaded through the Data page of the
running app: every page shows them as text in Chromium (no link, Material icon, bold,
heading, image, colour or LaTeX comes of them, and no script runs), chart tooltips
too; every download hands them back as text a spreadsheet will not run; and tables
and charts offer no download of their own.

(The AppTest twin is tests/app/test_hostile_text.py; this file has another name
because pytest cannot collect two test modules of one name from folders that are not
packages.)"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from hostile import FORMULAS, HOSTILE, TRIGGERS, hostile_workbook
from openpyxl import load_workbook
from playwright.sync_api import expect

# Sidebar link and heading of every page.
PAGES = {
    "": ("Overview", "Service overview"),
    "process": ("Process design", "Process design"),
    "quality": ("Quality control", "Quality control"),
    "performance": ("Performance evaluation", "Performance evaluation"),
    "resource": ("Resource management", "Resource management"),
    "cost": ("Cost control", "Cost control"),
    "innovation": ("Innovation management", "Innovation management"),
    "risk": ("Risk management", "Risk management"),
    "data": ("Data", "Data"),
    "sql": ("SQL explorer", "SQL explorer"),
    "report": ("Review pack", "Review pack"),
}
# Pages that draw tables or charts from the upload's tickets (the cost, innovation and risk
# pages hold only what their own registers and reports would add, and say so).
DRAWN = {"", "process", "quality", "performance", "resource"}
# What Streamlit's Markdown would have made of the names, as found in the page.
MADE = """() => ({
  links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
           .filter(h => /evil|^mailto:/.test(h)),
  markdownIcons: document.querySelectorAll('[data-testid=stMarkdownContainer] span[role=img], '
                                           + '[data-testid=stCaptionContainer] span[role=img]').length,
  icons: [...document.querySelectorAll('[data-testid=stIconMaterial]')].map(i => i.innerText.trim())
           .filter(t => t === 'home'),
  emphasis: [...document.querySelectorAll('strong, b, em, del')].map(e => e.innerText)
              .filter(t => /bold|html/.test(t)),
  headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => h.innerText.trim())
              .filter(t => t === 'head'),
  images: document.querySelectorAll('img[src="x"], [data-testid=stMain] img').length,
  styled: document.querySelectorAll('.katex, .stMarkdownColoredText, '
                                    + '.stMarkdownColoredBackground').length,
})"""
NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


def _settled(page, path: str) -> None:
    """The page at ``path`` has drawn its heading and its script has finished."""
    expect(page.get_by_role("heading", name=PAGES[path][1], exact=True)).to_be_visible()
    expect(page.locator("[data-testid=stApp][data-test-script-state=notRunning]")).to_have_count(1)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def _open_expanders(page) -> None:
    closed = page.locator("[data-testid=stExpander] details:not([open]) > summary")
    for _ in range(closed.count()):  # each click leaves one fewer closed
        closed.first.click()


def _downloaded_cells(page, button) -> tuple[str, list]:
    """The file behind a download button: its name and every cell (CSV) or every
    formula cell (xlsx: a cell of type formula, which a spreadsheet would run)."""
    with page.expect_download() as info:
        button.click()
    name = info.value.suggested_filename
    path = Path(info.value.path())
    if name.endswith(".csv"):
        text = path.read_text(encoding="utf-8-sig")
        return name, [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    book = load_workbook(io.BytesIO(path.read_bytes()))
    return name, [
        c.value for sheet in book for row in sheet.iter_rows() for c in row if c.data_type == "f"
    ]


def _tooltips(page, chart) -> list[str]:
    """The tooltip of every bar of ``chart`` (its inner HTML), each bar hovered in turn."""
    chart.scroll_into_view_if_needed()
    bars = chart.locator("svg g.mark-rect path")
    expect(bars.first).to_be_visible()
    seen = []
    for bar in bars.all():
        box = bar.bounding_box()  # low in the bar, clear of the cumulative line
        page.mouse.move(0, 0)  # leave the last bar first (its mouseout hides the tip)
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.8)
        tip = page.locator("#vg-tooltip-element.visible")
        expect(tip).to_be_visible()
        seen.append(tip.inner_html())
    return seen


def test_hostile_names_are_text_everywhere_and_no_download_runs_them(server, page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    # The sample's pages draw no "home" icon of their own, so one on the hostile
    # upload's pages could only come from the name ":material/home:".
    for path in PAGES:
        page.goto(f"{server}/{path}?source=sample")
        _settled(page, path)
        assert page.evaluate(MADE)["icons"] == [], path

    page.goto(f"{server}/data?source=sample")
    _settled(page, "data")
    page.locator("input[type=file]").set_input_files(
        {
            "name": "hostile.xlsx",
            "mimeType": "application/octet-stream",
            "buffer": hostile_workbook(),
        }
    )
    expect(page.get_by_text("hostile.xlsx")).to_be_visible()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text(re.compile(r"Imported [\d,]+ rows from 1 file"))).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_label("My workspace")).to_be_checked()

    csv_cells: list[str] = []
    for path, (link, _heading) in PAGES.items():
        sidebar.get_by_role("link", name=link, exact=True).click()
        _settled(page, path)
        expect(sidebar.get_by_label("My workspace")).to_be_checked()
        _open_expanders(page)
        made = page.evaluate(MADE)
        assert made["links"] == [] and made["markdownIcons"] == 0, (path, made)
        assert made["emphasis"] == [] and made["headings"] == [], (path, made)
        # (The SQL explorer's schema panel greys its own column descriptions.)
        own_grey = path == "sql"
        assert made["images"] == 0 and (made["styled"] == 0 or own_grey), (path, made)
        assert made["icons"] == [], (path, made)

        # The tables and charts offer no CSV download or copy (the toolbar is there).
        toolbar = page.locator("[data-testid=stElementToolbar] button")
        labels = {b.get_attribute("aria-label") for b in toolbar.all()}
        if path in DRAWN:
            assert "Fullscreen" in labels, (path, labels)
        assert not {"Download as CSV", "Copy to clipboard"} & labels, (path, labels)

        for button in page.get_by_test_id("stDownloadButton").locator("button").all():
            name, cells = _downloaded_cells(page, button)
            if name.endswith(".csv"):
                live = [c for c in cells if c.startswith(TRIGGERS) and not NUMBER.fullmatch(c)]
                assert live == [], (name, live)
                csv_cells += cells
            else:
                assert cells == [], (name, cells)  # no formula cell in a workbook

    # The names did reach the pages as text, and the downloads as neutralised text.
    sidebar.get_by_role("link", name="Overview", exact=True).click()
    _settled(page, "")
    body = page.locator("[data-testid=stMain]").inner_text().replace("\u2060", "")
    assert f"most of the change is in {HOSTILE[0]}" in body
    assert {"'" + name for name in FORMULAS} <= set(csv_cells)

    # Chart tooltips show the names as text (the Pareto chart names every category).
    sidebar.get_by_role("link", name="Quality control", exact=True).click()
    _settled(page, "quality")
    tips = _tooltips(page, page.get_by_test_id("stVegaLiteChart").last)
    assert any("&lt;b&gt;html&lt;/b&gt;" in tip for tip in tips), tips
    assert not [tip for tip in tips if re.search(r"<(b|img|a)\b", tip)], tips
    assert dialogs == []
