"""Review mode in a real Chromium: start the review, move through three slides with the
buttons and the arrow keys, and reopen a slide from its link."""

from __future__ import annotations

import re

from playwright.sync_api import expect

PERIOD = "source=sample&lang=en&start=2026-09-01&end=2026-09-30"


def _heading(page):
    return page.locator("h2").first


def test_review_moves_through_slides_and_reopens_from_its_link(server, page):
    page.goto(f"{server}/report?{PERIOD}")
    page.get_by_role("button", name="Start the review").click()
    expect(page.get_by_text("Slide 1 of 8")).to_be_visible(timeout=180_000)
    expect(_heading(page)).to_have_text("Service overview")
    assert re.search(r"[?&]slide=1\b", page.url)

    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Slide 2 of 8")).to_be_visible()
    expect(_heading(page)).to_have_text("Process design")

    page.keyboard.press("ArrowRight")  # the Next button's shortcut
    expect(page.get_by_text("Slide 3 of 8")).to_be_visible()
    expect(_heading(page)).to_have_text("Resource management")
    expect(page).to_have_url(re.compile(r"[?&]slide=3\b"))

    page.keyboard.press("ArrowLeft")
    expect(page.get_by_text("Slide 2 of 8")).to_be_visible()

    # A link to a slide opens that slide (a new session freezes the link's filters).
    page.goto(f"{server}/report?{PERIOD}&slide=5")
    expect(page.get_by_text("Slide 5 of 8")).to_be_visible(timeout=180_000)
    expect(_heading(page)).to_have_text("Performance evaluation")
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible()
