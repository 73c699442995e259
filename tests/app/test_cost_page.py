"""The Cost control page on the workspaces a user may have (issue 12): the sample, a cost
report alone, a cost report with a team filter, presenting, a fiscal year from April."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from svcops.ingest import import_files
from svcops.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
PAGE = "views/cost.py"


def _xlsx(sheets: dict[str, list[dict]]) -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for name, rows in sheets.items():
            pd.DataFrame(rows).to_excel(writer, sheet_name=name, index=False)
    return buf.getvalue()


def _run(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update(query)
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _text(at: AppTest) -> str:
    return " ".join(
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [i.value for i in at.info]
        + [w.value for w in at.warning]
    )


@pytest.fixture
def own(tmp_path, monkeypatch):
    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    return path


# A cost report alone: Jan-Apr 2025, Desk staff over budget, Net tooling under.
LINES = [
    {
        "period": date(2025, m, 1),
        "amount": a,
        "cost_center": cc,
        "category": cat,
        "budget": b,
    }
    for m in (1, 2, 3, 4)
    for cc, cat, a, b in (("Desk", "Staff", 1200.0, 1000.0), ("Net", "Tooling", 400.0, 500.0))
]


@pytest.fixture
def cost_only(own):
    with Workspace(own) as ws:
        import_files(ws, [("costs.xlsx", _xlsx({"costs": LINES}))])
    return own


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_cost_report_alone_shows_spend_budget_and_outlook(cost_only, lang):
    at = _run(source="own", lang=lang)
    said = _text(at)
    metrics = {m.label: m.value for m in at.metric}
    if lang == "en":
        # the whole report: 4 x (1200 + 400) = 6400 against 4 x 1500 = 6000
        assert metrics["Actual"] == "6,400" and metrics["Budget"] == "6,000"
        assert metrics["Over / under budget"] == "+400"
        assert "Largest overspend: Desk / Staff, 800 over budget" in said
        # the run rate, 1600 a month, gives 19,200 for the year; the budget covers only
        # January to April (6000), and the page says so
        assert metrics["Year end, straight line"] == "19,200"
        assert "The budget covers only 4 of the fiscal year's 12 months" in said
        assert "No tickets" in said and "No roster with hourly cost" in said
    else:
        assert metrics["实际"] == "6,400" and "超支最多：Desk / Staff" in said
        assert "尚无工单" in said and "尚无含时薪的排班表" in said
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    # breakdown, variance, bridge, month by month, outlook; no ticket or roster charts
    assert len(specs) == 5


def test_the_currency_is_a_label_shown_as_typed(cost_only):
    at = _run(source="own")
    at.session_state["cost_currency"] = "**€** [x](http://e.vil)"
    at.run()
    caption = next(c.value for c in at.caption if "never converted" in c.value)
    assert "\\*\\*€\\*\\*" in caption and "\\[x\\]" in caption  # escaped, not bold or a link
    assert {m.label: m.value for m in at.metric}["Actual"] == "6,400"  # nothing converted


def test_a_fiscal_year_from_april(cost_only):
    at = _run(source="own")
    at.session_state["cost_fy_start"] = 4
    at.run()
    assert not at.exception
    said = _text(at)
    # Jan-Apr 2025 fall in two fiscal years; the last month, April, starts FY 2025-04.
    assert "Fiscal year 2025-04 to 2026-03, 1 of 12 months reported" in said
    assert {m.label: m.value for m in at.metric}["Spent so far this fiscal year"] == "1,600"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_report_starting_after_the_fiscal_year_says_so(cost_only, lang):
    at = _run(source="own", lang=lang)
    at.session_state["cost_fy_start"] = 12
    at.run()
    assert not at.exception
    said = _text(at)
    metrics = {m.label: m.value for m in at.metric}
    # FY Dec 2024 - Nov 2025; the report starts in January: December is not in it, so
    # the run rate is 6400 / 4 = 1600 (not 6400 / 5) and the year end 6400 + 8 x 1600.
    if lang == "en":
        assert "4 of 12 months reported" in said
        assert "The cost report starts in 2025-01" in said and "the months before it (1)" in said
        assert metrics["Year end, straight line"] == "19,200"
    else:
        assert "成本报表从 2025-01 开始" in said and "此前的 1 个月" in said
        assert "19,200" in metrics.values()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_report_in_two_currencies_warns(own, lang):
    lines = [
        {**line, "currency": "USD" if line["cost_center"] == "Desk" else "EUR"} for line in LINES
    ]
    with Workspace(own) as ws:
        import_files(ws, [("costs.xlsx", _xlsx({"costs": lines}))])
    at = _run(source="own", lang=lang)
    warned = " ".join(w.value for w in at.warning)
    if lang == "en":
        assert "in 2 currencies (EUR, USD)" in warned and "nothing is converted" in warned
    else:
        assert "涉及 2 种币种（EUR, USD）" in warned


def test_a_report_in_one_currency_does_not_warn(cost_only):
    assert not any("currencies" in w.value for w in _run(source="own").warning)


def test_team_filters_say_the_cost_report_is_not_split(own):
    at = _run(source="sample", team="Service Desk")
    said = _text(at)
    assert "The cost report is not split by team" in said
    assert "Cost per ticket is not shown with team" in said


def test_presenting_hides_the_controls_and_keeps_the_findings(own):
    at = _run(source="sample", present="1")
    assert not [r for r in at.radio if r.key and r.key.startswith("cost_")]
    assert not [s for s in at.slider if s.key and s.key.startswith("cost_")]
    assert "Largest overspend: Applications / Contractors" in _text(at)
    assert len(at.get("vega_lite_chart")) == 8


def test_a_period_the_cost_report_does_not_cover_says_which_months_it_does(own):
    tickets = [
        {"ticket_id": f"T{i}", "created_at": pd.Timestamp(2024, 6, 3 + i, 9)} for i in range(5)
    ]
    with Workspace(own) as ws:
        import_files(ws, [("both.xlsx", _xlsx({"tickets": tickets, "costs": LINES}))])
    at = _run(source="own")  # the default period: the tickets' last days, June 2024
    said = [i.value for i in at.info]
    assert any("The cost report covers 2025-01 to 2025-04" in s for s in said)
    assert len(at.get("vega_lite_chart")) == 0


def test_names_from_the_report_are_shown_as_text(own):
    hostile = "[x](http://e.vil) **Desk**"
    rows = [{**r, "cost_center": hostile} if r["cost_center"] == "Desk" else r for r in LINES]
    with Workspace(own) as ws:
        import_files(ws, [("costs.xlsx", _xlsx({"costs": rows}))])
    at = _run(source="own")
    said = next(m.value for m in at.markdown if "Largest overspend" in m.value)
    assert "\\[x\\]" in said and "\\*\\*Desk\\*\\*" in said  # not a link, not bold


def test_currency_and_fiscal_year_are_kept_in_the_workspace(cost_only):
    """Set on the page, the currency and the fiscal year's first month are the
    workspace's: a new session (another user, tomorrow) opens with them."""
    at = _run(source="own")
    at.text_input(key="cost_currency").set_value("EUR").run()
    at.selectbox(key="cost_fy_start").set_value(4).run()
    assert not at.exception
    again = _run(source="own")  # a new session of the same workspace
    assert again.session_state["cost_currency"] == "EUR"
    assert again.session_state["cost_fy_start"] == 4
    assert "Fiscal year 2025-04 to 2026-03" in _text(again)


def test_the_sample_keeps_no_settings(own):
    at = _run(source="sample")
    at.text_input(key="cost_currency").set_value("EUR").run()
    assert not at.exception
    assert _run(source="sample").session_state["cost_currency"] == ""
