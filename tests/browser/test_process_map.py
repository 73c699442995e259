"""The process map in a real browser: clicking an activity or a path follows only the
tickets that pass through it, the rest of the page with it, and "Show all tickets"
goes back (issue 11)."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_clicking_the_map_follows_its_tickets(server, page):
    page.goto(f"{server}/process?source=sample")
    expect(page.get_by_role("heading", name="Process design", exact=True)).to_be_visible()
    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart.locator("svg text", has_text="Pending Customer").first).to_be_visible()
    variants = page.get_by_text(re.compile(r"^\d[\d,]* variants; the")).first
    before = variants.inner_text()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    # An activity: its box's name.
    chart.locator("svg text", has_text="Pending Customer").first.click(force=True)
    alert = page.get_by_test_id("stAlert").filter(has_text="pass through Pending Customer")
    expect(alert).to_be_visible()
    expect(variants).not_to_have_text(before)  # the rest of the page follows
    # ...every ticket on the map now passes through it: no path bypasses the activity.
    expect(chart.locator("svg text", has_text="Pending Customer").first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    page.get_by_role("button", name="Show all tickets").click()
    expect(alert).to_have_count(0)
    expect(variants).to_have_text(before)

    # A path: a click on its line, just left of the label written beside it.
    chart = page.get_by_test_id("stVegaLiteChart").first
    label = chart.locator("svg text", has_text=re.compile(r"^2,849$")).first
    label.scroll_into_view_if_needed()
    box = label.bounding_box()
    page.mouse.click(box["x"] - 5, box["y"] + box["height"] / 2)
    expect(
        page.get_by_test_id("stAlert").filter(has_text="go from Assigned to In Progress")
    ).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
