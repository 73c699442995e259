"""The risk heat map in a real browser: clicking a cell lists its risks (the tables
below follow), and "Show all risks" goes back (issue 14)."""

from __future__ import annotations

from playwright.sync_api import expect


def test_clicking_a_cell_lists_its_risks(server, page):
    page.goto(f"{server}/risk?source=sample")
    expect(page.get_by_role("heading", name="Heat map", exact=True)).to_be_visible()
    heat = (
        page.get_by_test_id("stVegaLiteChart")
        .filter(has=page.locator("svg text", has_text="Likelihood"))
        .first
    )
    heat.scroll_into_view_if_needed()
    # The residual cell likelihood 3 x impact 3 holds five risks,
    # R-016 and one more, written "+1".
    ids = heat.locator("svg text", has_text="R-018").first
    expect(ids).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    ids.click(force=True)
    alert = page.get_by_test_id("stAlert").filter(
        has_text="Likelihood 3 × impact 3 (Residual): 5 risks."
    )
    expect(alert).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.get_by_role("button", name="Show all risks").click()
    expect(alert).to_have_count(0)
