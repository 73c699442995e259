"""The Cost control page in a real browser (issue 12): on the sample it names the planted
overspend, draws its charts with no error, and changing the breakdown redraws it."""

from __future__ import annotations

from playwright.sync_api import expect


def test_cost_page_shows_the_planted_overspend_and_redraws(server, page):
    page.goto(f"{server}/cost?source=sample")
    expect(page.get_by_role("heading", name="Cost control", exact=True)).to_be_visible()
    expect(page.get_by_text("Largest overspend: Applications / Contractors")).to_be_visible()
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(8)
    bridge = charts.nth(2)
    expect(bridge.locator("svg text", has_text="Contractors").first).to_be_attached()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    by = page.get_by_test_id("stRadio").filter(has_text="Break down by")
    by.get_by_text("Category", exact=True).click()
    expect(charts.first.locator("svg text", has_text="Spend by category")).to_be_attached()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_cost_page_in_chinese(server, page):
    page.goto(f"{server}/cost?source=sample&lang=zh")
    expect(page.get_by_role("heading", name="服务成本控制", exact=True)).to_be_visible()
    expect(page.get_by_text("超支最多：Applications / Contractors")).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(8)
    expect(page.get_by_test_id("stException")).to_have_count(0)
