"""Resource planning glue: demand, handle times, roster coverage, plan and weekly risk,
on small workspaces whose answers are worked out here."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from svcops import resource as rs
from svcops import staffing
from svcops.filters import Filters
from svcops.forecast import Backtest, ForecastResult
from svcops.i18n import render
from svcops.ingest import import_paths

D = datetime
END = Filters(end=date(2024, 3, 4))


def _ticket(tid, created, channel, team="Desk", handle=None, resolved=None):
    return {
        "ticket_id": tid,
        "created_at": created,
        "channel": channel,
        "team": team,
        "handle_minutes": handle,
        "resolved_at": resolved,
    }


TICKETS = [
    _ticket("A", D(2024, 3, 1, 9), "phone", resolved=D(2024, 3, 1, 10)),
    _ticket("B", D(2024, 3, 1, 10), "phone", resolved=D(2024, 3, 1, 11)),
    _ticket("C", D(2024, 3, 1, 11), "email", handle=10, resolved=D(2024, 3, 2, 9)),
    _ticket("D", D(2024, 3, 3, 9), "phone", team="Field", resolved=D(2024, 3, 3, 9, 30)),
    _ticket("E", D(2024, 3, 4, 9), "email", handle=20),  # open at the end
    _ticket("F", D(2024, 3, 4, 9, 30), "email"),  # open, no handle time
    _ticket("G", D(2024, 3, 4, 10), "chat", resolved=D(2024, 3, 4, 10, 20)),
]
INTERVALS = [
    {
        "interval_start": D(2024, 3, 1, 9),
        "channel": "phone",
        "offered": 12,
        "answered": 10,
        "aht_seconds": 300,
    },
    {
        "interval_start": D(2024, 3, 1, 9, 30),
        "channel": "phone",
        "offered": 30,
        "answered": 30,
        "aht_seconds": 600,
    },
]
ROSTER = [
    {
        "date": D(2024, 3, 4),
        "team": "Desk",
        "agent": "Ann",
        "shift_start": D(2024, 3, 4, 8),
        "shift_end": D(2024, 3, 4, 8, 15),
        "scheduled_hours": 0.25,
        "hourly_cost": 20,
    },
    {
        "date": D(2024, 3, 4),
        "team": "Desk",
        "agent": "Bo",
        "shift_start": D(2024, 3, 4, 8),
        "shift_end": D(2024, 3, 4, 9),
        "scheduled_hours": 1,
        "hourly_cost": 30,
    },
    {
        "date": D(2024, 3, 4),
        "team": "Field",
        "agent": "Cy",
        "shift_start": D(2024, 3, 4, 8),
        "shift_end": D(2024, 3, 4, 9),
        "scheduled_hours": 1,
        "hourly_cost": 40,
    },
]


@pytest.fixture
def res_ws(ws, workbook):
    import_paths(ws, [workbook({"tickets": TICKETS, "intervals": INTERVALS, "roster": ROSTER})])
    return ws


def test_demand_history_fills_missing_days_and_obeys_filters(res_ws):
    frame = rs.demand_history(res_ws, END, by="channel")
    phone = frame[frame.unique_id == "phone"]
    assert phone["ds"].dt.date.tolist() == [date(2024, 3, d) for d in (1, 2, 3, 4)]
    assert phone["y"].tolist() == [2, 0, 1, 0]
    total = rs.demand_history(res_ws, END)
    assert total["y"].tolist() == [3, 0, 1, 3] and set(total.unique_id) == {"all"}
    desk = rs.demand_history(res_ws, Filters(end=date(2024, 3, 4), teams=("Desk",)), "channel")
    assert desk[desk.unique_id == "phone"]["y"].tolist() == [2, 0, 0, 0]
    # History stops at the filters' end day.
    assert rs.demand_history(res_ws, Filters(end=date(2024, 3, 2)))["y"].tolist() == [3, 0]


def test_handle_time_per_channel_and_its_source(res_ws):
    aht = rs.handle_times(res_ws, END).set_index("channel")
    # phone from intervals, weighted by answered: (10*300 + 30*600) / 40
    assert aht.loc["phone", "aht_seconds"] == pytest.approx(525)
    assert aht.loc["phone", "source"] == "intervals"
    # email from tickets: mean of 10 and 20 minutes (the blank one does not count)
    assert aht.loc["email", "aht_seconds"] == pytest.approx(900)
    assert aht.loc["email", "source"] == "tickets"
    assert (aht.loc["chat", "aht_seconds"], aht.loc["chat", "source"]) == (600, "default")


def test_a_handle_time_of_zero_falls_back_to_the_default(ws, workbook):
    zero = [
        _ticket("Z1", D(2024, 3, 1, 9), "email", handle=0),
        _ticket("Z2", D(2024, 3, 2, 9), "phone", handle=0),
    ]
    import_paths(ws, [workbook({"tickets": zero})])
    aht = rs.handle_times(ws, END).set_index("channel")
    assert aht["aht_seconds"].tolist() == [600, 600]
    assert aht["source"].tolist() == ["default", "default"]
    forecasts = {"email": _result({"2024-03-05": 8}), "phone": _result({"2024-03-05": 8})}
    plan = rs.interval_plan(ws, END, forecasts, rs.PlanSettings(horizon_days=1))
    assert (plan.intervals["required"] > 0).any()


def test_rostered_counts_partial_intervals(res_ws):
    roster = rs.rostered(res_ws, END, D(2024, 3, 4, 8), D(2024, 3, 4, 9))
    assert roster.basis == "roster"
    # 08:00: Ann half (to 08:15) + Bo + Cy; 08:30: Bo + Cy
    assert roster.intervals["rostered"].tolist() == [2.5, 2.0]
    desk = rs.rostered(
        res_ws, Filters(end=date(2024, 3, 4), teams=("Desk",)), D(2024, 3, 4, 8), D(2024, 3, 4, 9)
    )
    assert desk.intervals["rostered"].tolist() == [1.5, 1.0]
    # cost: hours-weighted mean rate (0.25*20 + 1*30) / 1.25
    assert desk.hourly_cost == pytest.approx(28)


def test_typical_week_when_the_roster_ends_before_the_horizon(res_ws):
    roster = rs.rostered(res_ws, END, D(2024, 3, 11), D(2024, 3, 12))
    assert roster.basis == "typical_week"
    assert roster.last_shift == date(2024, 3, 4)  # what the page names as the roster's end
    at = roster.intervals.set_index("interval_start")["rostered"]
    # Four Mondays in the last four weeks (Feb 12 .. Mar 4), one with 2.5 staff at 08:00.
    assert at[D(2024, 3, 11, 8)] == pytest.approx(2.5 / 4)
    assert at[D(2024, 3, 11, 8, 30)] == pytest.approx(2.0 / 4)
    assert at[D(2024, 3, 11, 12)] == 0


def test_the_roster_end_the_page_names_is_the_filtered_teams_own(ws, workbook):
    """Field's shifts end a week before Desk's: filtered to Field, the typical week is
    Field's last four weeks, and the page must name the day they end, not Desk's."""
    field_early = [
        {
            **r,
            "date": D(2024, 2, 26),
            "shift_start": D(2024, 2, 26, 8),
            "shift_end": D(2024, 2, 26, 9),
        }
        if r["team"] == "Field"
        else r
        for r in ROSTER
    ]
    import_paths(ws, [workbook({"tickets": TICKETS, "roster": field_early})])
    field = rs.rostered(
        ws, Filters(end=date(2024, 3, 4), teams=("Field",)), D(2024, 3, 11), D(2024, 3, 12)
    )
    everyone = rs.rostered(ws, END, D(2024, 3, 11), D(2024, 3, 12))
    assert (field.basis, field.last_shift) == ("typical_week", date(2024, 2, 26))
    assert (everyone.basis, everyone.last_shift) == ("typical_week", date(2024, 3, 4))
    # Field's four weeks end on Feb 26: its one Monday shift (08:00-09:00) counts 1/4.
    at = field.intervals.set_index("interval_start")["rostered"]
    assert at[D(2024, 3, 11, 8)] == pytest.approx(1 / 4)


def test_no_roster_says_why(ws, workbook):
    import_paths(ws, [workbook({"tickets": TICKETS})])
    roster = rs.rostered(ws, END, D(2024, 3, 5), D(2024, 3, 6))
    assert (roster.basis, roster.reason.key) == (None, "resource.roster.none")
    assert render(roster.reason) == "no roster uploaded"
    assert roster.last_shift is None


def _result(days: dict[str, float]) -> ForecastResult:
    frame = pd.DataFrame({"ds": pd.to_datetime(list(days)), "yhat": list(days.values())})
    frame["yhat_lower"] = frame["yhat_upper"] = frame["yhat"]
    nan = float("nan")
    return ForecastResult(
        frame,
        frame.rename(columns={"yhat": "y"}),
        Backtest(nan, nan, nan, nan, 0, 7),
        "prophet",
        None,
    )


def test_plan_uses_erlang_for_phone_and_workload_for_email(res_ws):
    settings = rs.PlanSettings(
        horizon_days=2, shrinkage=0.25, max_occupancy=0.8, volume_growth=0.5, backlog_burn_days=1
    )
    forecasts = {
        "phone": _result({"2024-03-05": 40, "2024-03-06": 20}),
        "email": _result({"2024-03-05": 8, "2024-03-06": 8}),
    }
    plan = rs.interval_plan(res_ws, END, forecasts, settings)
    rows = plan.intervals
    daily = rows.groupby(["channel", rows.interval_start.dt.date])["volume"].sum()
    assert daily["phone", date(2024, 3, 5)] == pytest.approx(60)  # 40 x 1.5
    phone = rows[rows.channel == "phone"]
    for r in phone.itertuples():
        expected = staffing.required_agents(r.volume, 30, 525, 0.8, 20, 0.25, 0.8)
        assert (r.required, r.scheduled) == (expected.agents, expected.scheduled_agents)
    email = rows[rows.channel == "email"]
    # Workload: volume x 900 s / 1800 s per interval / 0.8; plus the 2 open emails
    # (E, F) x 900 s laid over the first day, all before shrinkage.
    busy = (email["required"] * 0.8).sum()
    assert busy == pytest.approx((16 * 1.5) * 900 / 1800 + 2 * 900 / 1800)
    assert email["scheduled"].sum() == pytest.approx(email["required"].sum() / 0.75)
    info = plan.channels.set_index("channel")
    assert info.loc["phone", "model"] == "erlang_c" and info.loc["email", "model"] == "workload"
    assert info.loc["email", "backlog"] == 2


def test_deferred_work_follows_rostered_hours_and_keeps_daily_totals():
    starts = pd.Series(pd.date_range("2024-03-05", periods=4, freq="6h"))
    work = pd.Series([1.0, 2.0, 3.0, 4.0])
    on_shift = pd.DataFrame({"interval_start": starts, "rostered": [0, 1, 3, 0]})
    out = rs._over_working_hours(starts, work, on_shift)
    assert out.tolist() == pytest.approx([0, 2.5, 7.5, 0])
    nobody = on_shift.assign(rostered=0)
    assert rs._over_working_hours(starts, work, nobody).tolist() == work.tolist()


def test_weekly_summary_and_totals_by_hand():
    settings = rs.PlanSettings(horizon_days=7, hours_per_fte_week=35)
    starts = pd.to_datetime(["2024-03-04 09:00", "2024-03-04 09:30", "2024-03-11 09:00"])
    comparison = pd.DataFrame(
        {
            "interval_start": starts,
            "volume": [1, 1, 1],
            "required": [1, 1, 1],
            "scheduled": [4.0, 2.0, 1.0],
            "rostered": [2.0, 3.0, 1.0],
        }
    )
    comparison["gap"] = comparison["rostered"] - comparison["scheduled"]
    plan = rs.Plan(pd.DataFrame(), pd.DataFrame(), settings)
    roster = rs.Roster(pd.DataFrame(), "roster", None, 30.0)
    weekly = rs.weekly_summary(comparison, plan, roster).set_index("week")
    w1 = weekly.loc[pd.Timestamp("2024-03-04")]
    assert w1.required_hours == pytest.approx(3.0)  # (4 + 2) x 0.5 h
    assert w1.rostered_hours == pytest.approx(2.5)
    assert w1.short_hours == pytest.approx(1.0)  # 2 short at 09:00; 09:30 surplus not netted
    assert w1.short_cost == pytest.approx(30.0)
    assert w1.required_fte == pytest.approx(3.0 / (35 / 7))  # one day of the week covered
    assert bool(w1.at_risk) and not bool(weekly.loc[pd.Timestamp("2024-03-11")].at_risk)
    total = rs.totals(weekly.reset_index())
    assert total.weeks_at_risk == [date(2024, 3, 4)]
    assert total.short_hours == pytest.approx(1.0)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"horizon_days": 0}, "horizon_days must be between 1 and 366"),
        ({"volume_growth": -1}, "volume_growth must be above -1"),
        ({"handle_time_factor": 0}, "handle_time_factor must be a positive number"),
        ({"shrinkage": 1.0}, "shrinkage"),
        ({"service_level": 1.0}, "service_level"),
    ],
)
def test_settings_are_checked(kwargs, message):
    with pytest.raises(ValueError, match=message):
        rs.PlanSettings(**kwargs)


def test_horizon_fte_is_the_mean_over_days_not_over_hours():
    weekly = pd.DataFrame(
        {
            "week": pd.to_datetime(["2024-03-04", "2024-03-11"]),
            "required_hours": [375.0, 750.0],
            "required_fte": [10.0, 20.0],
            "rostered_fte": [10.0, 10.0],
            "short_hours": [0.0, 375.0],
            "short_cost": [0.0, 0.0],
            "at_risk": [False, True],
            "days": [7, 7],
        }
    )
    total = rs.totals(weekly)
    assert total.required_fte == pytest.approx(15) and total.rostered_fte == pytest.approx(10)
