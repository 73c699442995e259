"""The Innovation page in a real browser on the sample: the two planted benefits are
confirmed, the billing claim is flagged, and picking an initiative redraws its KPI
around go-live (issue 13)."""

from __future__ import annotations

from playwright.sync_api import expect


def test_innovation_finds_the_real_effects_and_flags_the_claim(server, page):
    page.goto(f"{server}/innovation?source=sample")
    expect(page.get_by_role("heading", name="Innovation management", exact=True)).to_be_visible()
    expect(
        page.get_by_text(
            "Benefits confirmed by the tickets: 2 of the 3 initiatives linked to a KPI."
        )
    ).to_be_visible()
    expect(
        page.get_by_test_id("stAlert").filter(
            has_text="Billing dispute fast lane claims 35,000 a year, but the tickets do not"
        )
    ).to_be_visible()
    expect(page.get_by_text("First-contact resolution per day, Team = Service Desk")).to_have_count(
        1
    )
    pick = page.get_by_role("combobox", name="Initiative").first
    expect(pick).to_have_value("Knowledge base revamp")
    pick.click()
    page.keyboard.type("Chat bot")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Handle time (min) per day, Channel = chat")).to_have_count(1)
    expect(
        page.get_by_text("Chat bot for top 20 intents: Handle time (min) 15.87 before")
    ).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_innovation_in_chinese(server, page):
    page.goto(f"{server}/innovation?source=sample&lang=zh")
    expect(page.get_by_role("heading", name="服务创新管理", exact=True)).to_be_visible()
    expect(page.get_by_text("经工单证实的收益：关联指标的 3 个项目中有 2 个。")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
