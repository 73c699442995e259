"""Cost control figures on small hand-made workspaces, every answer worked out here.

Each workspace is a real .xlsx written by openpyxl and imported into a real DuckDB
workspace, so the figures go through the same import as a user's cost report.
"""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd
import pytest

from svcops import cost
from svcops.filters import Filters
from svcops.i18n import Message, render
from svcops.ingest import import_paths

D = date
NA = None


def _line(period, amount, cc, cat, service=NA, budget=NA):
    return {
        "period": period,
        "amount": amount,
        "cost_center": cc,
        "category": cat,
        "service": service,
        "budget": budget,
    }


# ---------------------------------------------------------------- breakdown, variance
# Jan 2025 is the period. Dec 2024 is the month before; Jan 2024 a year earlier.
LINES = [
    _line(D(2024, 1, 1), 800.0, "Desk", "Staff", "Shared", 900.0),
    _line(D(2024, 12, 1), 1200.0, "Desk", "Staff", "Shared", 900.0),
    _line(D(2025, 1, 1), 1000.0, "Desk", "Staff", "Shared", 900.0),
    _line(D(2025, 1, 15), 200.0, "Desk", "Tools", "Portal", 250.0),  # posted mid-month
    _line(D(2025, 1, 1), 500.0, "Net", "Staff", "Shared", 500.0),
    _line(D(2025, 1, 1), 300.0, "Net", "Contract", "VPN", NA),  # spend with no budget
]
JAN = Filters(start=D(2025, 1, 10), end=D(2025, 1, 20))  # whole months: January 2025


@pytest.fixture
def lines_ws(ws, workbook):
    import_paths(ws, [workbook({"costs": LINES})])
    return ws


def test_a_period_counts_the_whole_months_it_touches(lines_ws):
    m = cost.months_of(lines_ws, JAN)
    assert (m.first, m.last, m.n) == (D(2025, 1, 1), D(2025, 1, 1), 1)
    assert (m.previous().first, m.year_ago().first) == (D(2024, 12, 1), D(2024, 1, 1))
    # an open period is the report's whole span
    whole = cost.months_of(lines_ws, Filters())
    assert (whole.first, whole.last, whole.n) == (D(2024, 1, 1), D(2025, 1, 1), 13)


def test_breakdown_by_cost_centre_with_share_and_changes(lines_ws):
    b = cost.breakdown(lines_ws, JAN, "cost_center").set_index("name")
    # Desk: 1000 + 200 = 1200; Net: 500 + 300 = 800; total 2000.
    assert b.loc["Desk", "amount"] == 1200.0 and b.loc["Net", "amount"] == 800.0
    assert list(b.index) == ["Desk", "Net"]  # largest first
    assert b.loc["Desk", "share"] == pytest.approx(0.6)
    assert b.loc["Net", "share"] == pytest.approx(0.4)
    # Dec 2024: Desk 1200, Net nothing (a reported month: it spent 0).
    assert b.loc["Desk", "previous"] == 1200.0 and b.loc["Desk", "change"] == 0.0
    assert b.loc["Desk", "change_pct"] == 0.0
    assert b.loc["Net", "previous"] == 0.0 and b.loc["Net", "change"] == 800.0
    assert math.isnan(b.loc["Net", "change_pct"])  # no % change from nothing
    # Jan 2024: Desk 800 -> +400, +50 %.
    assert b.loc["Desk", "year_ago"] == 800.0 and b.loc["Desk", "yoy"] == 400.0
    assert b.loc["Desk", "yoy_pct"] == pytest.approx(0.5)


def test_breakdown_drills_from_cost_centre_to_category(lines_ws):
    b = cost.breakdown(lines_ws, JAN, "category", within=("cost_center", "Net"))
    assert dict(zip(b["name"], b["amount"], strict=True)) == {"Staff": 500.0, "Contract": 300.0}
    assert b["share"].tolist() == pytest.approx([500 / 800, 300 / 800])


def test_breakdown_by_service(lines_ws):
    b = cost.breakdown(lines_ws, JAN, "service")
    assert dict(zip(b["name"], b["amount"], strict=True)) == {
        "Shared": 1500.0,
        "VPN": 300.0,
        "Portal": 200.0,
    }


def test_comparisons_before_the_report_began_have_no_value(lines_ws):
    b = cost.breakdown(lines_ws, Filters(start=D(2024, 1, 1), end=D(2024, 1, 31)))
    assert b["amount"].tolist() == [800.0]
    assert b["previous"].isna().all() and b["year_ago"].isna().all()


def test_variance_signs_and_status_per_line(lines_ws):
    v = cost.variance(lines_ws, JAN, ("cost_center", "category"))
    rows = {(r.cost_center, r.category): r for r in v.itertuples()}
    # Largest overspend first: Net/Contract (no budget) 300, Desk/Staff +100,
    # Net/Staff 0, Desk/Tools -50.
    assert [(r.cost_center, r.category) for r in v.itertuples()] == [
        ("Net", "Contract"),
        ("Desk", "Staff"),
        ("Net", "Staff"),
        ("Desk", "Tools"),
    ]
    contract = rows[("Net", "Contract")]
    assert contract.actual == 300.0 and math.isnan(contract.budget)
    assert contract.variance == 300.0 and math.isnan(contract.variance_pct)
    assert contract.status == "unbudgeted"
    staff = rows[("Desk", "Staff")]
    assert (staff.variance, staff.status) == (100.0, "unfavourable")
    assert staff.variance_pct == pytest.approx(100 / 900)
    assert rows[("Net", "Staff")].status == "on_budget"
    tools = rows[("Desk", "Tools")]
    assert (tools.variance, tools.status) == (-50.0, "favourable")  # under budget is good
    assert tools.variance_pct == pytest.approx(-0.2)


def test_variance_by_cost_centre_sums_its_lines(lines_ws):
    v = cost.variance(lines_ws, JAN).set_index("cost_center")
    # Desk: 1200 against 900 + 250; Net: 800 against 500 (Contract has none).
    assert v.loc["Desk", "budget"] == 1150.0 and v.loc["Desk", "variance"] == 50.0
    assert v.loc["Net", "budget"] == 500.0 and v.loc["Net", "variance"] == 300.0
    assert v.loc["Net", "variance_pct"] == pytest.approx(0.6)


def test_bridge_walks_from_budget_to_actual_largest_step_first(lines_ws):
    b = cost.bridge(lines_ws, JAN, "category")
    # budget 900 + 250 + 500 = 1650; actual 2000. Steps by size: Contract +300,
    # Staff +100 (1500 against 1400), Tools -50.
    assert (b.budget, b.actual) == (1650.0, 2000.0)
    s = b.steps
    assert s["label"].tolist() == ["budget", "Contract", "Staff", "Tools", "actual"]
    assert s["amount"].tolist() == [1650.0, 300.0, 100.0, -50.0, 2000.0]
    assert s["start"].tolist() == [0.0, 1650.0, 1950.0, 2050.0, 0.0]
    assert s["end"].tolist() == [1650.0, 1950.0, 2050.0, 2000.0, 2000.0]
    folded = cost.bridge(lines_ws, JAN, "category", top=1).steps
    assert folded["label"].tolist() == ["budget", "Contract", "others", "actual"]
    assert folded["kind"].tolist() == ["total", "step", "others", "total"]
    assert folded["amount"].tolist() == [1650.0, 300.0, 50.0, 2000.0]  # +100 - 50
    assert folded["end"].iloc[-2] == 2000.0  # the walk lands on the actual


def test_no_bridge_without_a_budget(ws, workbook):
    import_paths(ws, [workbook({"costs": [_line(D(2025, 1, 1), 10.0, "A", "Staff")]})])
    assert cost.bridge(ws, JAN) is None


# ------------------------------------------------ budget sheet, fiscal year, outlook
# Fiscal year from April 2025. Spend: Apr 3000, May nothing, Jun 3000, Jul 3000.
# Budget sheet: Desk/Staff 2000 every month Apr 2025 - Mar 2026, Desk/Travel 100 in
# April only (a budget line with no actuals). The cost report's own budget column
# (9999) is ignored: an uploaded budget sheet is the whole budget.
SPEND = [
    _line(D(2025, 4, 1), 3000.0, "Desk", "Staff", budget=9999.0),
    _line(D(2025, 6, 1), 3000.0, "Desk", "Staff", budget=9999.0),
    _line(D(2025, 7, 1), 3000.0, "Desk", "Staff", budget=9999.0),
]
BUDGET = [
    {
        "period": D(2025 + (m < 4), m, 1),
        "budget": 2000.0,
        "cost_center": "Desk",
        "category": "Staff",
    }
    for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)
] + [{"period": D(2025, 4, 1), "budget": 100.0, "cost_center": "Desk", "category": "Travel"}]
APR_JUL = Filters(start=D(2025, 4, 1), end=D(2025, 7, 31))


@pytest.fixture
def fy_ws(ws, workbook):
    import_paths(ws, [workbook({"costs": SPEND, "budget": BUDGET})])
    return ws


def test_a_budget_line_with_no_actuals_is_favourable_by_its_whole_budget(fy_ws):
    v = cost.variance(fy_ws, Filters(start=D(2025, 4, 1), end=D(2025, 4, 30)), ("category",))
    rows = v.set_index("category")
    assert rows.loc["Staff", "budget"] == 2000.0  # the sheet's, not the column's 9999
    assert rows.loc["Staff", "variance"] == 1000.0
    assert rows.loc["Travel", "actual"] == 0.0 and rows.loc["Travel", "variance"] == -100.0
    assert rows.loc["Travel", "status"] == "favourable"
    assert rows.loc["Travel", "variance_pct"] == -1.0


def test_fiscal_year_starting_in_april():
    fy = cost.fiscal_year(D(2026, 2, 1), 4)
    assert (fy.first, fy.last) == (D(2025, 4, 1), D(2026, 3, 1))
    assert cost.fiscal_year(D(2026, 4, 1), 4).first == D(2026, 4, 1)
    assert cost.fiscal_year(D(2026, 2, 1), 1).first == D(2026, 1, 1)
    with pytest.raises(ValueError):
        cost.fiscal_year(D(2026, 2, 1), 13)


def test_month_by_month_with_a_month_of_no_spend_and_months_not_reported(fy_ws):
    fy, m = cost.monthly_budget(fy_ws, APR_JUL, fy_start=4)
    assert (fy.first, fy.last) == (D(2025, 4, 1), D(2026, 3, 1))
    assert len(m) == 12
    assert m["actual"].tolist()[:4] == [3000.0, 0.0, 3000.0, 3000.0]  # May spent nothing
    assert m["actual"].iloc[4:].isna().all()  # Aug onwards: not reported yet
    assert m["budget"].tolist()[:2] == [2100.0, 2000.0]
    assert m["variance"].tolist()[:4] == [900.0, -2000.0, 1000.0, 1000.0]
    # year to date at July: 9000 spent against 2100 + 2000 * 3 = 8100.
    jul = m.iloc[3]
    assert (jul["ytd_actual"], jul["ytd_budget"], jul["ytd_variance"]) == (9000.0, 8100.0, 900.0)
    assert math.isnan(m["ytd_actual"].iloc[4])


def test_outlook_run_rate_projection_and_budget_exhaustion_date(fy_ws):
    o = cost.outlook(fy_ws, APR_JUL, fy_start=4)
    assert o.as_of == D(2025, 7, 1) and o.months_elapsed == 4
    assert o.ytd == 9000.0
    assert o.run_rate == 2250.0  # 9000 / 4 months
    assert o.straight_line == 27000.0  # 9000 + 2250 * 8
    assert o.budget == 24100.0  # 2000 * 12 + 100
    assert o.over == 2900.0
    # Daily rate: 9000 over Apr 1 - Jul 31 (30 + 31 + 30 + 31 = 122 days) = 73.77/day.
    # 24100 / 73.77 = 326.7 days, so spend reaches the budget by the end of the 327th
    # day: Apr 1 + 326 days. Apr 1 -> Mar 1 2026 is 334 days; 8 days earlier is Feb 21.
    assert o.exhausted_on == D(2026, 2, 21) and not o.already_exhausted
    assert 326 * 9000 / 122 < 24100 <= 327 * 9000 / 122
    assert math.isnan(o.seasonal) and o.seasonal_reason == Message("cost.outlook.no_last_year")


def test_outlook_in_a_calendar_year_and_a_budget_that_lasts(ws, workbook):
    # Jan-Apr 2025 at 1500 a month (120 days), budget 12000 for the year.
    rows = [_line(D(2025, m, 1), 1500.0, "A", "Staff") for m in (1, 2, 3, 4)]
    budget = [
        {"period": D(2025, m, 1), "budget": 1000.0, "cost_center": "A", "category": "Staff"}
        for m in range(1, 13)
    ]
    import_paths(ws, [workbook({"costs": rows, "budget": budget})])
    o = cost.outlook(ws, Filters(start=D(2025, 1, 1), end=D(2025, 4, 30)))
    assert (o.ytd, o.run_rate, o.straight_line, o.budget, o.over) == (
        6000.0,
        1500.0,
        18000.0,
        12000.0,
        6000.0,
    )
    # 6000 / 120 days = 50 a day; 12000 / 50 = 240 days: Jan 1 + 239 = Aug 28.
    assert o.exhausted_on == D(2025, 8, 28)
    # Half the spend: 25 a day lasts 480 days, past the year's end.
    import_paths(ws, [workbook({"costs": [{**r, "amount": 750.0} for r in rows]}, "half.xlsx")])
    half = cost.outlook(ws, Filters(start=D(2025, 1, 1), end=D(2025, 4, 30)))
    assert half.ytd == 3000.0 and half.exhausted_on is None and half.over == -3000.0


def test_a_budget_already_spent_says_the_day_it_ran_out(ws, workbook):
    # FY Apr: budget 5000; Apr 3000, May nothing, Jun 3000. June's 2000 of 3000 runs
    # it out two thirds into June's 30 days: day 20, June 20.
    import_paths(
        ws,
        [
            workbook(
                {
                    "costs": SPEND[:2],
                    "budget": [{"period": D(2025, 4, 1), "budget": 5000.0, "cost_center": "Desk"}],
                }
            )
        ],
    )
    o = cost.outlook(ws, Filters(start=D(2025, 4, 1), end=D(2025, 6, 30)), fy_start=4)
    assert o.ytd == 6000.0 and o.already_exhausted and o.exhausted_on == D(2025, 6, 20)


def test_seasonal_forecast_scales_last_year_with_a_band(ws, workbook):
    # Last fiscal year (Apr 2024 - Mar 2025): 1000 a month, 2000 in December.
    last = [
        _line(D(2024 + (m < 4), m, 1), 2000.0 if m == 12 else 1000.0, "A", "Staff")
        for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)
    ]
    # This year Apr-Jul: 1100, 900, 1200, 1200 = 4400 against 4000: ratio 1.1.
    this = [
        _line(D(2025, m, 1), a, "A", "Staff")
        for m, a in zip((4, 5, 6, 7), (1100.0, 900.0, 1200.0, 1200.0), strict=True)
    ]
    import_paths(ws, [workbook({"costs": last + this})])
    o = cost.outlook(ws, APR_JUL, fy_start=4)
    # Aug-Mar last year: 7 * 1000 + 2000 = 9000; scaled by 1.1 -> 9900.
    assert o.seasonal == pytest.approx(4400 + 9900)
    # Monthly ratios 1.1, 0.9, 1.2, 1.2: sd (n - 1) = sqrt((0 + .04 + .01 + .01) / 3).
    sd = math.sqrt(0.06 / 3)
    assert o.seasonal_low == pytest.approx(4400 + 9000 * (1.1 - 1.959964 * sd))
    assert o.seasonal_high == pytest.approx(4400 + 9000 * (1.1 + 1.959964 * sd))
    assert o.seasonal_reason is None
    dec = o.months.set_index("month").loc["2025-12-01"]
    assert dec["seasonal"] == pytest.approx(2200.0) and dec["straight_line"] == 1100.0


# --------------------------------------------------- unit costs, labour, decomposition
def _ticket(i, created, resolved=NA, handle=NA):
    return {
        "ticket_id": f"T{i}",
        "created_at": created,
        "resolved_at": resolved,
        "handle_minutes": handle,
    }


# Jan 2025: 4 tickets created, 2 resolved in Jan, 2 in Feb. Feb: 5 created, 1 resolved in Feb.
TICKETS = [
    _ticket(1, datetime(2025, 1, 2, 9), datetime(2025, 1, 2, 12), 30),
    _ticket(2, datetime(2025, 1, 5, 9), datetime(2025, 1, 6, 9), 30),
    _ticket(3, datetime(2025, 1, 20, 9), datetime(2025, 2, 3, 9), 30),
    _ticket(4, datetime(2025, 1, 31, 23), datetime(2025, 2, 1, 1), 30),
    *[_ticket(5 + i, datetime(2025, 2, 10 + i, 9), NA, 60) for i in range(4)],
    _ticket(9, datetime(2025, 2, 20, 9), datetime(2025, 2, 21, 9), 60),
]
COSTS_JF = [
    _line(D(2025, 1, 1), 3000.0, "Desk", "Staff"),
    _line(D(2025, 1, 1), 1000.0, "Desk", "Tooling"),
    _line(D(2025, 2, 1), 3520.0, "Desk", "Salaries"),
    _line(D(2025, 3, 1), 500.0, "Desk", "Tooling"),  # March: no tickets at all
]


def _shift(day, team, hours, rate, agent="x"):
    return {
        "date": day,
        "team": team,
        "agent": agent,
        "scheduled_hours": hours,
        "worked_hours": hours,
        "hourly_cost": rate,
    }


# Jan: A 100 h at 20 (2000), B 50 h at 40 (2000). Feb: A 120 h at 22 (2640), B 30 h at
# 40 (1200), C (new) 10 h at 30 (300).
ROSTER = [
    _shift(D(2025, 1, 6), "A", 100.0, 20.0),
    _shift(D(2025, 1, 7), "B", 50.0, 40.0),
    _shift(D(2025, 2, 3), "A", 120.0, 22.0),
    _shift(D(2025, 2, 4), "B", 30.0, 40.0),
    _shift(D(2025, 2, 5), "C", 10.0, 30.0),
]
FEB = Filters(start=D(2025, 2, 1), end=D(2025, 2, 28))


@pytest.fixture
def ops_ws(ws, workbook):
    import_paths(ws, [workbook({"tickets": TICKETS, "costs": COSTS_JF, "roster": ROSTER})])
    return ws


def test_cost_per_ticket_and_per_resolved_ticket_by_month(ops_ws):
    u = cost.unit_costs(ops_ws, Filters(start=D(2025, 1, 1), end=D(2025, 3, 31)))
    assert u["opex"].tolist() == [4000.0, 3520.0, 500.0]
    assert u["labour"].tolist() == [3000.0, 3520.0, 0.0]  # Staff, Salaries; not Tooling
    assert u["tickets"].tolist() == [4, 5, 0]
    assert u["resolved"].tolist() == [2, 3, 0]  # T3, T4 and T9 are done in February
    assert u["cost_per_ticket"].tolist()[:2] == [1000.0, 704.0]  # 4000 / 4, 3520 / 5
    assert u["cost_per_resolved"].tolist()[:2] == pytest.approx([2000.0, 3520 / 3])
    assert u["cost_per_ticket"].iloc[2] != u["cost_per_ticket"].iloc[2]  # no tickets: NaN


def test_a_whole_month_agrees_with_the_overview_kpi(ops_ws):
    from svcops.kpi import compute

    jan = Filters(start=D(2025, 1, 1), end=D(2025, 1, 31))
    assert cost.unit_costs(ops_ws, jan)["cost_per_resolved"].tolist() == [2000.0]
    assert compute(ops_ws, jan)["cost_per_ticket"] == pytest.approx(2000.0)


def test_unit_costs_are_not_split_by_dimension_filters(ops_ws):
    f = Filters(start=D(2025, 1, 1), end=D(2025, 1, 31), teams=("A",))
    u = cost.unit_costs(ops_ws, f)
    assert u["opex"].tolist() == [4000.0]
    assert u["cost_per_ticket"].isna().all()
    assert cost.dimension_note(f) == Message("cost.note.not_split")
    assert cost.dimension_note(JAN) is None


def test_roster_labour_against_the_report_labour_lines(ops_ws):
    r = cost.labour_reconciliation(ops_ws, Filters(start=D(2025, 1, 1), end=D(2025, 2, 28)))
    assert r["roster_hours"].tolist() == [150.0, 160.0]
    assert r["roster_cost"].tolist() == [4000.0, 4140.0]
    assert r["report_labour"].tolist() == [3000.0, 3520.0]
    assert r["difference"].tolist() == [-1000.0, -620.0]
    assert r["difference_pct"].tolist() == pytest.approx([-0.25, -620 / 4140])


def test_labour_change_split_into_volume_mix_and_rate_sums_to_the_cent(ops_ws):
    d = cost.decompose_labour(ops_ws, FEB)  # February against January
    # C0 = 4000 over V0 = 150 h; C1 = 4140 over V1 = 160 h: change +140.
    assert (d.base, d.current, d.change) == (4000.0, 4140.0, 140.0)
    # volume: (160 - 150) * 4000 / 150 = 266.67
    assert d.volume == 266.67
    # mix: Feb hours at Jan rates (C new: its own 30) - 160 * 4000/150
    #    = 120*20 + 30*40 + 10*30 - 4266.67 = 3900 - 4266.67 = -366.67
    assert d.mix == -366.67
    # rate: Feb hours x (Feb rate - Jan rate) = 120 * 2 + 30 * 0 + 10 * 0 = 240
    assert d.rate == 240.0
    assert round(d.volume + d.mix + d.rate, 2) == d.change
    assert d.has_mix
    pts = d.points
    assert pts["volume"] == pytest.approx(266.67 / 40)
    assert pts["mix"] == pytest.approx(-366.67 / 40)
    assert pts["rate"] == pytest.approx(6.0)
    said = render(d.message)
    assert said.startswith("Labour cost rose 3.5% (+140.00): volume +6.7 points, mix -9.2 points")
    assert "rate +6.0 points" in said
    assert "人工成本上升 3.5%" in render(d.message, "zh")


def test_labour_change_per_ticket_has_volume_and_rate_only(ops_ws):
    d = cost.decompose_labour(ops_ws, FEB, basis="tickets")
    # Jan: 3000 over 4 tickets = 750; Feb: 3520 over 5 = 704.
    assert (d.base, d.current, d.change) == (3000.0, 3520.0, 520.0)
    assert d.volume == 750.0  # (5 - 4) * 750
    assert d.mix == 0.0 and not d.has_mix
    assert d.rate == -230.0  # 5 * (704 - 750)
    assert "points, mix" not in render(d.message)


def test_no_split_without_the_data_says_why(ops_ws):
    jan = cost.decompose_labour(ops_ws, Filters(start=D(2025, 1, 1), end=D(2025, 1, 31)))
    assert jan == Message("cost.why.no_hours")  # no roster in December
    assert cost.decompose_labour(
        ops_ws, Filters(start=D(2025, 2, 1), end=D(2025, 2, 28), teams=("A",)), basis="tickets"
    ) == Message("cost.why.no_tickets")


def test_cost_against_quality_by_month(ws, workbook):
    tickets = [
        {**_ticket(1, datetime(2025, 1, 2), datetime(2025, 1, 2, 4)), "sla_hours": 8, "csat": 5},
        {**_ticket(2, datetime(2025, 1, 3), datetime(2025, 1, 4, 1)), "sla_hours": 8, "csat": 2},
    ]
    import_paths(ws, [workbook({"tickets": tickets, "costs": COSTS_JF[:2]})])
    q = cost.cost_quality(ws, Filters(start=D(2025, 1, 1), end=D(2025, 1, 31)))
    assert q["cost_per_resolved"].tolist() == [2000.0]  # 4000 / 2
    assert q["csat_avg"].tolist() == [3.5]
    assert q["sla_attainment"].tolist() == [0.5]  # 4 h met, 25 h missed


def test_what_if_prices_the_staffing_at_the_same_utilisation(ops_ws):
    w = cost.what_if(ops_ws, FEB, volume_change=0.2, handle_change=0.0, fte_hours=160.0)
    # Feb: 5 tickets x 60 min = 5 h of work in 160 roster hours costing 4140.
    assert (w.tickets, w.handle_minutes, w.roster_hours) == (5.0, 60.0, 160.0)
    assert w.utilisation == pytest.approx(5 / 160)
    assert w.hourly_cost == pytest.approx(4140 / 160)
    assert w.fte == 1.0 and w.cost == pytest.approx(4140.0)
    # +20 % volume at the same utilisation: 192 hours, 1.2 FTE, +828 a month.
    assert w.new_hours == pytest.approx(192.0) and w.new_fte == pytest.approx(1.2)
    assert w.delta_cost == pytest.approx(828.0)


def test_empty_workspace_gives_empty_answers(ws):
    assert cost.months_of(ws, Filters()) is None
    assert cost.breakdown(ws, Filters()).empty
    assert cost.variance(ws, Filters()).empty
    assert cost.bridge(ws, Filters()) is None
    assert cost.monthly_budget(ws, Filters()) is None
    assert cost.outlook(ws, Filters()) == Message("cost.outlook.no_data")
    assert cost.decompose_labour(ws, Filters()) == Message("cost.why.no_data")
    assert cost.what_if(ws, Filters()) == Message("cost.whatif.no_data")
    a = cost.availability(ws)
    assert (a.costs, a.budget_lines, a.roster_costed, a.tickets) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    "category, labour",
    [("Staff", True), ("Salaries", True), ("人工成本", True), ("工资", True), ("Tooling", False)],
)
def test_labour_lines_are_known_by_category(category, labour):
    assert bool(cost.LABOUR_PATTERN.search(category)) is labour


def test_roster_labour_per_resolved_ticket_by_team(ws, workbook):
    tickets = [
        {**_ticket(1, datetime(2025, 2, 3), datetime(2025, 2, 3, 2)), "team": "A", "sla_hours": 8},
        {**_ticket(2, datetime(2025, 2, 4), datetime(2025, 2, 5)), "team": "A", "sla_hours": 8},
        {**_ticket(3, datetime(2025, 2, 4), datetime(2025, 2, 4, 5)), "team": "B", "csat": 4},
        {**_ticket(4, datetime(2025, 2, 6), NA), "team": "D"},  # open, no roster
    ]
    import_paths(ws, [workbook({"tickets": tickets, "roster": ROSTER})])
    t = cost.team_costs(ws, FEB).set_index("team")
    # Feb roster: A 120 h at 22 = 2640, B 30 h at 40 = 1200, C 10 h at 30 = 300.
    assert t.loc["A", "roster_cost"] == 2640.0 and t.loc["A", "resolved"] == 2
    assert t.loc["A", "labour_per_resolved"] == 1320.0
    assert t.loc["A", "sla_attainment"] == 0.5  # 2 h met, 24 h missed
    assert t.loc["B", "labour_per_resolved"] == 1200.0 and t.loc["B", "csat_avg"] == 4.0
    assert math.isnan(t.loc["C", "labour_per_resolved"])  # rostered, no tickets
    assert t.loc["D", "tickets"] == 1 and math.isnan(t.loc["D", "roster_cost"])
    assert list(t.index[:2]) == ["A", "B"]  # dearest per resolved ticket first


def test_labour_change_by_channel_has_a_mix_effect(ws, workbook):
    # Jan: labour 1200; phone 2 x 60 min, email 2 x 30 min -> phone 800, email 400
    # (shared by handle minutes). Feb: labour 1500; phone 3 x 60, email 1 x 30 ->
    # phone 1500 * 180/210, email 1500 * 30/210.
    def tk(i, day, channel, minutes):
        return {**_ticket(i, day, NA, minutes), "channel": channel}

    tickets = [
        tk(1, datetime(2025, 1, 6), "phone", 60),
        tk(2, datetime(2025, 1, 7), "phone", 60),
        tk(3, datetime(2025, 1, 8), "email", 30),
        tk(4, datetime(2025, 1, 9), "email", 30),
        tk(5, datetime(2025, 2, 3), "phone", 60),
        tk(6, datetime(2025, 2, 4), "phone", 60),
        tk(7, datetime(2025, 2, 5), "phone", 60),
        tk(8, datetime(2025, 2, 6), "email", 30),
    ]
    costs = [
        _line(D(2025, 1, 1), 1200.0, "Desk", "Staff"),
        _line(D(2025, 2, 1), 1500.0, "Desk", "Staff"),
    ]
    import_paths(ws, [workbook({"tickets": tickets, "costs": costs})])
    d = cost.decompose_labour(ws, FEB, basis="channel")
    assert (d.base, d.current, d.change) == (1200.0, 1500.0, 300.0)
    assert d.volume == 0.0  # 4 tickets both months
    # mix: 4 x ((0.75 - 0.5) x 400 + (0.25 - 0.5) x 200) = 4 x 50 = 200
    assert d.mix == 200.0
    # rate: 4 x (0.75 x (428.57 - 400) + 0.25 x (214.29 - 200)) = 4 x 25 = 100
    assert d.rate == 100.0 and d.has_mix
    seg = d.segments.set_index("segment")
    assert seg.loc["phone", "base_cost"] == 800.0
    assert seg.loc["phone", "current_cost"] == pytest.approx(1500 * 180 / 210)
    assert "mix +16.7 points" in render(d.message)
    # no handle minutes: no split by channel
    ws.query("UPDATE tickets SET handle_minutes = NULL")
    assert cost.decompose_labour(ws, FEB, basis="channel") == Message("cost.why.no_handle")


def test_outlook_when_the_report_starts_after_the_fiscal_year_starts(ws, workbook):
    # Calendar fiscal year; the report starts in June 2025: Jun 1200, Jul 1800. Jan-May
    # are not in the report (not a spend of 0). Budget 1000 a month, 12000 a year.
    rows = [_line(D(2025, 6, 1), 1200.0, "A", "Staff"), _line(D(2025, 7, 1), 1800.0, "A", "Staff")]
    budget = [
        {"period": D(2025, m, 1), "budget": 1000.0, "cost_center": "A", "category": "Staff"}
        for m in range(1, 13)
    ]
    import_paths(ws, [workbook({"costs": rows, "budget": budget})])
    o = cost.outlook(ws, Filters(start=D(2025, 6, 1), end=D(2025, 7, 31)))
    # Two months counted: 3000 / 2 = 1500 a month (not 3000 / 7 = 428.57).
    assert (o.months_elapsed, o.months_unreported, o.ytd, o.run_rate) == (2, 5, 3000.0, 1500.0)
    # The ten months not counted (Jan-May before the report, Aug-Dec after) at the run
    # rate: 3000 + 10 x 1500 = 18000, 6000 over the 12000 budget.
    assert (o.straight_line, o.over) == (18000.0, 6000.0)
    assert o.months["straight_line"].sum() == 15000.0
    # Spend to July's end with Jan-May at the run rate: 3000 + 5 x 1500 = 10500 over
    # Jan 1 - Jul 31 (212 days) = 49.53 a day; 12000 / 49.53 = 242.3 days, so the 243rd
    # day: Jan 1 + 242 days = Aug 31.
    assert o.exhausted_on == D(2025, 8, 31) and not o.already_exhausted
    assert 242 * 10500 / 212 < 12000 <= 243 * 10500 / 212
    lines, _ = cost.outlook_lines(o)
    straight = lines[lines["series"] == "straight_line"]
    # The straight line runs from July's end (3000 + the 5 months before the report at
    # the run rate) to December, ending at the straight-line year end.
    assert straight["month"].min() == pd.Timestamp("2025-07-01")
    assert straight["value"].iloc[-1] == 18000.0
    assert lines[lines["series"] == "actual"]["month"].min() == pd.Timestamp("2025-06-01")
    # Month by month, year to date compares June-July on both sides: 3000 against 2000,
    # not against Jan-Jul's 7000 budget.
    _, m = cost.monthly_budget(ws, Filters(start=D(2025, 6, 1), end=D(2025, 7, 31)))
    jul = m.set_index("month").loc["2025-07-01"]
    assert (jul["ytd_actual"], jul["ytd_budget"], jul["ytd_variance"]) == (3000.0, 2000.0, 1000.0)
    assert m["ytd_actual"].iloc[:5].isna().all()  # Jan-May: not reported


def test_a_budget_run_out_is_dated_by_reported_spend_only(ws, workbook):
    # One month reported, March 2025: 500 against a March budget of 400. The budget ran
    # out in March (400 / 500 of its 31 days: day 25), not in January by spend assumed
    # for the months before the report.
    import_paths(ws, [workbook({"costs": [_line(D(2025, 3, 1), 500.0, "A", "Staff", NA, 400.0)]})])
    o = cost.outlook(ws, Filters(start=D(2025, 3, 1), end=D(2025, 3, 31)))
    assert (o.months_elapsed, o.months_unreported, o.run_rate) == (1, 2, 500.0)
    assert o.already_exhausted and o.exhausted_on == D(2025, 3, 25)


def test_a_budget_of_zero_is_run_out_by_the_first_spend(ws, workbook):
    # Budgeted 0 (an unfunded line), spent 500 from February: gone on February 1st,
    # not "lasts the year".
    rows = [_line(D(2025, 1, 1), 0.0, "A", "Staff", NA, 0.0)]
    rows += [_line(D(2025, m, 1), 500.0, "A", "Staff", NA, 0.0) for m in (2, 3)]
    import_paths(ws, [workbook({"costs": rows})])
    o = cost.outlook(ws, Filters(start=D(2025, 1, 1), end=D(2025, 3, 31)))
    assert (o.budget, o.ytd) == (0.0, 1000.0)
    assert o.already_exhausted and o.exhausted_on == D(2025, 2, 1)


def test_months_to_come_listed_at_an_actual_of_0_are_not_reported(ws, workbook):
    # The whole year listed with its budget, 900 a month; actuals 1000 for Jan-Apr and
    # 0 for the months to come (as finance exports have them).
    rows = [
        _line(D(2025, m, 1), 1000.0 if m <= 4 else 0.0, "A", "Staff", NA, 900.0)
        for m in range(1, 13)
    ]
    import_paths(ws, [workbook({"costs": rows})])
    rep = cost.reported_months(ws)
    assert (rep.first, rep.last) == (D(2025, 1, 1), D(2025, 4, 1))
    o = cost.outlook(ws, Filters())
    # 4000 in 4 months: 1000 a month, 12000 for the year against 12 x 900 = 10800.
    assert (o.as_of, o.months_elapsed, o.run_rate) == (D(2025, 4, 1), 4, 1000.0)
    assert (o.straight_line, o.budget, o.over) == (12000.0, 10800.0, 1200.0)
    # 4000 over Jan 1 - Apr 30 (120 days) = 33.33 a day: 10800 / 33.33 = 324 days, the
    # 324th day: Jan 1 + 323 = Nov 20.
    assert o.exhausted_on == D(2025, 11, 20)
    assert o.months["actual"].iloc[4:].isna().all()  # May on: not reported yet


def test_a_report_of_nothing_but_0_spans_its_months(ws, workbook):
    rows = [_line(D(2025, m, 1), 0.0, "A", "Staff") for m in (1, 2)]
    import_paths(ws, [workbook({"costs": rows})])
    rep = cost.reported_months(ws)
    assert (rep.first, rep.last) == (D(2025, 1, 1), D(2025, 2, 1))


def test_budget_against_actual_only_over_the_months_reported(ws, workbook):
    # Budget 900 a month for all of 2025; spend 1000 a month reported for Jan-Apr.
    rows = [_line(D(2025, m, 1), 1000.0, "A", "Staff") for m in (1, 2, 3, 4)]
    budget = [
        {"period": D(2025, m, 1), "budget": 900.0, "cost_center": "A", "category": "Staff"}
        for m in range(1, 13)
    ]
    import_paths(ws, [workbook({"costs": rows, "budget": budget})])
    # The whole year asked for: Jan-Apr compared, 4000 against 3600 (not against 10800,
    # an underspend of 6800 that is only months not reported yet).
    v = cost.variance(ws, Filters(start=D(2025, 1, 1), end=D(2025, 12, 31)))
    assert v[["actual", "budget", "variance"]].values.tolist() == [[4000.0, 3600.0, 400.0]]
    assert v["status"].tolist() == ["unfavourable"]
    walk = cost.bridge(ws, Filters(start=D(2025, 1, 1), end=D(2025, 12, 31)))
    assert (walk.budget, walk.actual) == (3600.0, 4000.0)
    # A period wholly after the report: nothing to compare.
    assert cost.variance(ws, Filters(start=D(2025, 6, 1), end=D(2025, 6, 30))).empty
