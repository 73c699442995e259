"""A new user's first minutes in the running app: every page opens by its own URL path,
nothing is fetched from anywhere but the app, and a real export uploaded on the Data
page opens on a period that holds its tickets.

Every request the browser makes is recorded, and any that would leave 127.0.0.1 is
aborted (the network is as good as unreachable) and fails the test that made it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
HELPDESK = ROOT.parent / "shared" / "realdata" / "helpdesk_ticketing_log" / "Helpdesk.csv"
PATHS = [
    "",
    "overview",
    "process",
    "resource",
    "quality",
    "performance",
    "cost",
    "innovation",
    "risk",
    "data",
    "sql",
    "report",
]
HEADINGS = {
    "": ("Service overview", "服务总览"),
    "overview": ("Service overview", "服务总览"),
    "process": ("Process design", "服务流程设计"),
    "cost": ("Cost control", "服务成本控制"),
    "innovation": ("Innovation management", "服务创新管理"),
    "risk": ("Risk management", "服务风险管理"),
    "quality": ("Quality control", "质量控制"),
    "performance": ("Performance evaluation", "绩效评估"),
    "resource": ("Resource management", "资源管理"),
    "data": ("Data", "数据"),
    "sql": ("SQL explorer", "SQL 查询"),
    "report": ("Review pack", "评审资料包"),
}


def _local(url: str) -> bool:
    return url.startswith(("data:", "blob:")) or urlparse(url).hostname == "127.0.0.1"


@pytest.fixture(scope="module")
def _recorded(page):
    """Every request that tried to leave 127.0.0.1 (each aborted), over the module."""
    tried: list[str] = []

    def block(route):
        if _local(route.request.url):
            route.continue_()
        else:
            tried.append(route.request.url)
            route.abort("internetdisconnected")

    page.context.route("**/*", block)
    # Requests a route does not see (a service worker's) are still heard here.
    page.context.on("request", lambda r: None if _local(r.url) else tried.append(r.url))
    return tried


@pytest.fixture
def outside(_recorded):
    """The requests that tried to leave 127.0.0.1 during this test."""
    _recorded.clear()
    return _recorded


def _heading(page, path: str, lang: str = "en"):
    name = HEADINGS[path][lang == "zh"]
    return page.get_by_role("heading", name=name, exact=True)


def _opened(page, path: str, lang: str = "en") -> None:
    """The page at ``path`` shows its heading (and its first chart, for a ticket page),
    and no exception and no "Page not found"."""
    expect(_heading(page, path, lang), f"/{path} ({lang})").to_be_visible()
    if path not in ("data", "sql", "report"):  # those draw a chart once asked to
        # (Charts in a closed expander are there but hidden: any shown one will do.)
        chart = page.locator("[data-testid=stVegaLiteChart]:visible").first
        expect(chart, f"a chart on /{path} ({lang})").to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)


def test_every_page_opens_cold_by_its_own_path(server, page, outside):
    # The check can fail: a path no page answers to says so.
    page.goto(f"{server}/no-such-page")
    expect(page.get_by_text("Page not found")).to_be_visible()
    for path in PATHS:
        page.goto(f"{server}/{path}")
        _opened(page, path)
    # /overview is the overview at "/", and keeps the link's filters and language.
    page.goto(f"{server}/overview?source=sample&lang=zh&start=2026-09-01&end=2026-09-30")
    _opened(page, "overview", "zh")
    page.wait_for_url(re.compile(r"/\?.*start=2026-09-01.*end=2026-09-30"))
    assert urlparse(page.url).path == "/"
    assert outside == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_request_leaves_the_machine(server, page, outside, lang):
    for path in PATHS:
        page.goto(f"{server}/{path}?source=sample&lang={lang}")
        _opened(page, path, lang)
        page.wait_for_load_state("networkidle")
    page.goto(f"{server}/?source=sample&lang={lang}&present=1")
    _opened(page, "", lang)
    page.wait_for_load_state("networkidle")
    assert outside == []


def _metric(page, label: str):
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def test_a_real_export_opens_on_a_period_that_holds_its_tickets(server, page, outside):
    if not HELPDESK.exists():
        pytest.skip(
            f"the public helpdesk log is not at {HELPDESK} (../shared/realdata is "
            "absent on this machine)"
        )
    # What the rule gives, worked out from the file: a ticket is created at its first
    # event (wall-clock time, the offset dropped as the importer does); the period is
    # the 28 days ending on the last day a ticket was created.
    log = pd.read_csv(HELPDESK, usecols=["case:concept:name", "time:timestamp"])
    created = (
        pd.to_datetime(log["time:timestamp"].str[:19])
        .groupby(log["case:concept:name"])
        .min()
        .dt.date
    )
    end = created.max()
    start = end - pd.Timedelta(days=27)
    in_period = int(((created >= start) & (created <= end)).sum())
    assert in_period > 0

    page.goto(f"{server}/data?source=sample")
    expect(_heading(page, "data")).to_be_visible()
    page.locator("input[type=file]").set_input_files(str(HELPDESK))
    expect(page.get_by_text("Helpdesk.csv")).to_be_visible()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text(re.compile(r"Imported [\d,]+ rows from 1 file"))).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_label("My workspace")).to_be_checked()
    # Right after the import the original file on offer is the new upload's.
    expect(page.get_by_role("combobox", name="Original file of upload")).to_have_value(
        re.compile(r"· Helpdesk\.csv$")
    )

    page.get_by_role("link", name="Overview").click()
    expect(_heading(page, "")).to_be_visible()
    expect(_metric(page, "Tickets created")).to_have_text(f"{in_period:,}")
    expect(sidebar.get_by_role("combobox", name="Quick range")).to_have_value("Last 28 days")
    query = parse_qs(urlparse(page.url).query)
    assert query["source"] == ["own"]
    assert (query["start"], query["end"]) == ([str(start)], [str(end)])
    # The log has no priority or SLA target: the SLA trend is said in words, not drawn.
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(3)
    expect(page.get_by_text(re.compile(r"no ticket in this period has the data"))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert outside == []
