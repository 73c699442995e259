"""Each key risk indicator on a small workspace worked out by hand; thresholds stored
and refused; breach to review on the indicators and on the sample."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from svcops import risk
from svcops.filters import Filters
from svcops.risk.indicators import KriResult
from svcops.store import Workspace

D = datetime
END = date(2024, 3, 21)  # periods: k0 03-15..03-21, k1 03-08..03-14, k2 03-01..03-07
F = Filters(start=date(2024, 3, 1), end=END)


def _insert(ws: Workspace, rows: list[dict]) -> None:
    cur = ws.cursor()
    cur.register("new_rows", pd.DataFrame(rows))
    cur.execute("INSERT INTO tickets BY NAME SELECT * FROM new_rows")
    cur.close()


def _ticket(i, created, hours=None, **extra) -> dict:
    done = None if hours is None else created + timedelta(hours=hours)
    return {"ticket_id": f"T{i}", "created_at": created, "resolved_at": done, **extra}


@pytest.fixture
def ws():
    with Workspace() as w:
        yield w


def _values(result: KriResult, indicator: str, scope=None) -> list:
    s = result.series[result.series["indicator"] == indicator]
    s = s[s["scope"].isna()] if scope is None else s[s["scope"] == scope]
    return [None if pd.isna(v) else round(v, 6) for v in s.sort_values("k")["value"]]


def _kri(ws, periods=3, **kw):
    return risk.indicators(ws, F, periods=periods, **kw)


def test_periods_end_on_the_filters_last_day():
    w = risk.windows(END, 3)
    assert w[["k", "start", "end"]].values.tolist() == [
        [0, date(2024, 3, 15), END],
        [1, date(2024, 3, 8), date(2024, 3, 14)],
        [2, date(2024, 3, 1), date(2024, 3, 7)],
    ]
    assert w["hi"].iloc[0] == D(2024, 3, 22)


def test_sla_breach_reopen_and_p1_resolution(ws):
    rows = [
        # k0: P3 (24 h policy): 10 h met, 30 h breached, 24 h exactly met, 25 h breached.
        _ticket(1, D(2024, 3, 15, 8), 10, priority="P3", reopen_count=1),
        _ticket(2, D(2024, 3, 15, 8), 30, priority="P3", reopen_count=0),
        _ticket(3, D(2024, 3, 16, 8), 24, priority="P3", reopen_count=0),
        _ticket(4, D(2024, 3, 16, 8), 25, priority="P3"),  # reopens unknown
        # k0: P1 (4 h policy): 2 h met, 6 h breached; median 4 h.
        _ticket(5, D(2024, 3, 18, 8), 2, priority="P1", reopen_count=0),
        _ticket(6, D(2024, 3, 18, 8), 6, priority="P1", reopen_count=0),
        # k1: two P3 met, neither reopened; no P1.
        _ticket(7, D(2024, 3, 9, 8), 1, priority="P3", reopen_count=0),
        _ticket(8, D(2024, 3, 9, 8), 2, priority="P3", reopen_count=0),
        # Created in k2 but done in k1 (counts where it was done): 48 h, breached.
        _ticket(9, D(2024, 3, 7, 12), 48, priority="P3", reopen_count=2),
    ]
    _insert(ws, rows)
    k = _kri(ws)
    # k0: 3 breaches (T2, T4, T6) of 6; k1: 1 (T9) of 3; k2: nothing done.
    assert _values(k, "sla_breach_rate") == [0.5, round(1 / 3, 6), None]
    # k0: T1 of the 5 with a reopen count; k1: T9 of 3.
    assert _values(k, "reopen_rate") == [0.2, round(1 / 3, 6), None]
    assert _values(k, "p1_resolution_hours") == [4.0, None, None]
    summary = k.summary.set_index("indicator")
    # Defaults: SLA amber 0.25 red 0.35 -> k0 red; P1 amber 4 -> exactly 4 is amber.
    assert summary.loc["sla_breach_rate", ["status", "red_run"]].tolist() == ["red", 1]
    assert summary.loc["p1_resolution_hours", "status"] == "amber"
    assert summary.loc["reopen_rate", "status"] == "red"  # 0.2 >= 0.12


def test_backlog_growth_and_ageing_per_team(ws):
    rows = []
    # Team A: 30 tickets open since January (older than 14 days at every period end)...
    rows += [_ticket(i, D(2024, 1, 2, 9), team="A") for i in range(30)]
    # ...and 15 more from 2024-03-16 (k0), still open.
    rows += [_ticket(100 + i, D(2024, 3, 16, 9), team="A") for i in range(15)]
    # Team B: 25 open since 2024-02-20 (before k4's end, 2024-02-22), 10 of them done
    # on 2024-03-12 (k1).
    rows += [_ticket(200 + i, D(2024, 2, 20, 9), team="B") for i in range(15)]
    rows += [
        _ticket(
            300 + i,
            D(2024, 2, 20, 9),
            hours=(D(2024, 3, 12, 9) - D(2024, 2, 20, 9)).days * 24,
            team="B",
        )
        for i in range(10)
    ]
    _insert(ws, rows)
    k = _kri(ws)
    # A: open 45 at k0's end, 30 at the end 4 periods before (2024-02-22): (45-30)/30.
    # k1, k2: 30 against 30.
    assert _values(k, "backlog_growth", "A") == [0.5, 0.0, 0.0]
    # Ageing: k0 30 of 45 open > 14 days; k1 and k2 all 30.
    assert _values(k, "backlog_ageing", "A") == [round(30 / 45, 6), 1.0, 1.0]
    # B: open 15 at k0 and k1 ends, 25 at k2's end (03-08); 4 periods before each
    # (02-23, 02-16, 02-09): 25, 0, 0 -> (15-25)/25, (15-0)/20 (base floor 20), (25-0)/20.
    assert _values(k, "backlog_growth", "B") == [-0.4, 0.75, 1.25]
    # B at k0's end (03-22): created 02-20, 31 days before: all 15 aged; k2's end
    # (03-08): 17 days: all 25 aged.
    assert _values(k, "backlog_ageing", "B") == [1.0, 1.0, 1.0]
    summary = k.summary.set_index("indicator")
    # growth: A's 0.5 is amber, B's k0 is green; A ranks worst (status amber > green).
    assert summary.loc["backlog_growth", ["scope", "status", "red_run"]].tolist() == [
        "A",
        "amber",
        0,
    ]
    # ageing: both red all 3 periods; tie on the run and status, B's value 1.0 is higher.
    assert summary.loc["backlog_ageing", ["scope", "status", "red_run", "review"]].tolist() == [
        "B",
        "red",
        3,
        True,
    ]


def test_single_agent_share_per_category(ws):
    rows = []
    day = D(2024, 3, 18, 9)  # k0
    # Billing, k0: Nora 15 and Ann 5 of 20 done -> 0.75.
    rows += [_ticket(i, day, 1, category="Billing", agent="Nora") for i in range(15)]
    rows += [_ticket(20 + i, day, 1, category="Billing", agent="Ann") for i in range(5)]
    # Access, k0: 10 each of two agents -> 0.5; plus one without an agent (left out).
    rows += [_ticket(40 + i, day, 1, category="Access", agent="Bo") for i in range(10)]
    rows += [_ticket(60 + i, day, 1, category="Access", agent="Cy") for i in range(10)]
    rows += [_ticket(80, day, 1, category="Access")]
    # Billing, k1: 19 done, under the 20 a share needs -> no value.
    rows += [
        _ticket(100 + i, D(2024, 3, 11, 9), 1, category="Billing", agent="Nora") for i in range(19)
    ]
    _insert(ws, rows)
    k = _kri(ws)
    assert _values(k, "single_agent_share", "Billing") == [0.75, None]
    assert _values(k, "single_agent_share", "Access") == [0.5]
    agent = k.series[(k.series["indicator"] == "single_agent_share") & (k.series["k"] == 0)]
    assert dict(zip(agent["scope"], agent["agent"], strict=True)) == {
        "Access": "Bo",
        "Billing": "Nora",
    }
    summary = k.summary.set_index("indicator")
    assert summary.loc["single_agent_share", ["scope", "status"]].tolist() == ["Billing", "red"]


def test_volume_anomalies_are_rule_one_days_of_the_quality_chart(ws):
    # 2024-03-01..03-20 alternate 10 and 12 tickets a day; 03-21 has 40.
    # Mean 260/21 = 12.381; MR-bar (19 x 2 + 28) / 20 = 3.3; sigma 3.3/1.128 = 2.926;
    # UCL 12.381 + 8.777 = 21.16, LCL 3.60: only 03-21 lies beyond.
    rows, n = [], 0
    for d in range(21):
        count = 40 if d == 20 else (10 if d % 2 == 0 else 12)
        for _ in range(count):
            rows.append(_ticket(n, D(2024, 3, 1 + d, 10), 1))
            n += 1
    _insert(ws, rows)
    k = _kri(ws)
    assert _values(k, "volume_anomalies") == [1.0, 0.0, 0.0]
    assert k.summary.set_index("indicator").loc["volume_anomalies", "status"] == "amber"


def test_volume_anomalies_judge_a_day_against_its_own_weekday(ws):
    # Four weeks to Thursday 03-21: weekdays 100-104 tickets, weekends 10-11, and
    # Wednesday 03-20 has 135. A plain XmR chart's sigma is 27.4 a day (the weekly
    # cycle's jumps), so its UCL (76.8 + 82.2) misses 03-20; against its own weekday
    # (sigma 4.7 after adjusting) 03-20 is far beyond, and it is the only such day.
    rows, n = [], 0
    for i in range(28):
        day = END - timedelta(days=27 - i)
        count = 10 + i % 2 if day.weekday() >= 5 else 100 + 2 * (i % 3)
        if day == date(2024, 3, 20):
            count = 135
        for _ in range(count):
            rows.append(_ticket(n, datetime.combine(day, datetime.min.time()), 1))
            n += 1
    _insert(ws, rows)
    k = risk.indicators(ws, Filters(end=END), periods=4, forecast=False)
    assert _values(k, "volume_anomalies") == [1.0, 0.0, 0.0, 0.0]


def test_reassignment_rate_from_an_uploaded_event_log(ws):
    # Four tickets created in k0; their events: T1 A -> B (1 handover), T2 A -> A (0),
    # T3 A -> B -> A (2), T4 A only (0): 2 of 4 changed team.
    t0 = D(2024, 3, 18, 9)
    _insert(ws, [_ticket(i, t0, 5) for i in (1, 2, 3, 4)])
    teams = {1: "AB", 2: "AA", 3: "ABA", 4: "A"}
    events = [
        {
            "case_id": f"T{i}",
            "activity": f"step {j}",
            "timestamp": t0 + timedelta(hours=j),
            "team": team,
        }
        for i, path in teams.items()
        for j, team in enumerate(path)
    ]
    cur = ws.cursor()
    cur.register("new_events", pd.DataFrame(events))
    cur.execute("INSERT INTO events BY NAME SELECT * FROM new_events")
    cur.close()
    k = _kri(ws)
    assert _values(k, "reassignment_rate") == [0.5, None, None]  # k1, k2: no tickets created
    assert k.summary.set_index("indicator").loc["reassignment_rate", "status"] == "red"


def test_reassignment_rate_needs_an_event_log(ws):
    _insert(ws, [_ticket(1, D(2024, 3, 18, 9), 5, team="A")])
    summary = _kri(ws).summary.set_index("indicator")
    assert pd.isna(summary.loc["reassignment_rate", "value"])
    assert summary.loc["reassignment_rate", "note"].key == "risk.kri.none.reassignment_rate"


def test_downtime_share_is_one_minus_availability(ws):
    # k0: one service, 7 days of 1,440 planned minutes, 72 down: 72 / 10,080 = 0.714%;
    # k1: 7 days, none down; k2: no rows (no value).
    rows = [
        {
            "date": date(2024, 3, 15) + timedelta(days=d),
            "service": "Portal",
            "planned_minutes": 1440,
            "downtime_minutes": 72 if d == 2 else 0,
        }
        for d in range(7)
    ] + [
        {
            "date": date(2024, 3, 8) + timedelta(days=d),
            "service": "Portal",
            "planned_minutes": 1440,
            "downtime_minutes": 0,
        }
        for d in range(7)
    ]
    cur = ws.cursor()
    cur.register("new_rows", pd.DataFrame(rows))
    cur.execute("INSERT INTO availability BY NAME SELECT * FROM new_rows")
    cur.close()
    k = _kri(ws)
    assert _values(k, "downtime_share") == [round(72 / 10080, 6), 0.0, None]
    summary = k.summary.set_index("indicator")
    assert summary.loc["downtime_share", "status"] == "amber"  # 0.5% <= 0.714% < 1%
    # Without tickets the ticket indicators wait for them; downtime is measured.
    assert summary.loc["sla_breach_rate", "note"].key == "risk.kri.needs_tickets"
    assert summary.loc["downtime_share", "note"] is None


def test_filters_apply_to_the_indicators(ws):
    rows = [
        _ticket(1, D(2024, 3, 15, 8), 30, priority="P3", team="A"),
        _ticket(2, D(2024, 3, 15, 8), 10, priority="P3", team="B"),
    ]
    _insert(ws, rows)
    both = risk.indicators(ws, F, periods=1)
    only_b = risk.indicators(ws, Filters(start=F.start, end=END, teams=("B",)), periods=1)
    assert _values(both, "sla_breach_rate") == [0.5]
    assert _values(only_b, "sla_breach_rate") == [0.0]


def test_no_tickets_no_values_and_a_reason(ws):
    k = _kri(ws)
    assert k.series.empty
    assert (k.summary["status"] == "none").all()
    notes = {i: n.key for i, n in zip(k.summary["indicator"], k.summary["note"], strict=True)}
    assert notes.pop("downtime_share") == "risk.kri.none.downtime_share"
    assert notes.pop("cost_overrun") == "risk.kri.none.cost_overrun"
    assert set(notes.values()) == {"risk.kri.needs_tickets"}


# --------------------------------------------------------------------------- thresholds


def test_thresholds_default_then_stored(ws):
    defaults = risk.load_thresholds(ws)
    assert list(defaults["indicator"]) == list(risk.INDICATORS)
    assert not defaults["stored"].any()
    edited = defaults.drop(columns="stored")
    edited.loc[edited["indicator"] == "reopen_rate", ["amber", "red", "periods"]] = [0.3, 0.4, 2]
    risk.save_thresholds(ws, edited)
    back = risk.load_thresholds(ws).set_index("indicator")
    assert back.loc["reopen_rate", ["amber", "red", "periods"]].tolist() == [0.3, 0.4, 2]
    assert back["stored"].all()
    _insert(ws, [_ticket(1, D(2024, 3, 15, 8), 1, reopen_count=1)])
    # 1 of 1 reopened: red under the defaults, red (>= 0.4) here too; at 0.3/1.5 amber.
    assert _kri(ws).summary.set_index("indicator").loc["reopen_rate", "status"] == "red"
    edited.loc[edited["indicator"] == "reopen_rate", ["amber", "red"]] = [0.3, 1.5]
    got = _kri(ws, thresholds=edited).summary.set_index("indicator")
    assert got.loc["reopen_rate", "status"] == "amber"


@pytest.mark.parametrize(
    "change, key",
    [
        ({"indicator": "nope"}, "risk.error.indicator"),
        ({"amber": -1}, "risk.error.threshold"),
        ({"red": "high"}, "risk.error.threshold"),
        ({"amber": 0.5, "red": 0.4}, "risk.error.amber_above_red"),
        ({"periods": 0}, "risk.error.periods"),
        ({"periods": 2.5}, "risk.error.periods"),
    ],
)
def test_thresholds_that_cannot_be_saved(ws, change, key):
    frame = risk.load_thresholds(ws).drop(columns="stored").astype(object)
    for col, value in change.items():
        frame.loc[0, col] = value
    with pytest.raises(risk.RiskError) as err:
        risk.save_thresholds(ws, frame)
    assert err.value.message.key == key
    assert not risk.load_thresholds(ws)["stored"].any()


def test_an_indicator_twice_is_refused(ws):
    frame = risk.load_thresholds(ws).drop(columns="stored")
    with pytest.raises(risk.RiskError) as err:
        risk.save_thresholds(ws, pd.concat([frame, frame.head(1)]))
    assert err.value.message.key == "risk.error.indicator_twice"


# --------------------------------------------------------------------------- review


def _register(ws: Workspace, rows: list[tuple]) -> None:
    cur = ws.cursor()
    frame = pd.DataFrame(
        rows, columns=["risk_id", "title", "likelihood", "impact", "status", "indicators"]
    )
    cur.register("new_rows", frame)
    cur.execute("INSERT INTO risks BY NAME SELECT * FROM new_rows")
    cur.close()


def test_red_long_enough_marks_exactly_the_linked_open_risks(ws):
    # Team A ages: 30 old tickets open, ageing 1.0 every period (red, 3 in a row).
    _insert(ws, [_ticket(i, D(2024, 1, 2, 9), team="A") for i in range(30)])
    _register(
        ws,
        [
            ("R1", "linked, open", 3, 3, "Open", "backlog_ageing"),
            ("R2", "linked, closed", 3, 3, "Closed", "backlog_ageing"),
            ("R3", "linked to a green one", 3, 3, "Open", "reopen_rate"),
            ("R4", "not linked", 3, 3, "Open", None),
            ("R5", "linked, unknown key too", 3, 3, "Open", "backlog_ageing; made_up"),
        ],
    )
    view = risk.analyse(ws, F)
    assert view.suggestions["risk_id"].tolist() == ["R1", "R5"]
    row = view.suggestions.iloc[0]
    # Red in the 10 latest periods: the 11th ends on 2024-01-12 (at 00:00), only 10
    # days after the tickets of 2024-01-02 09:00 were created, so none is older than 14.
    assert (row["indicator"], row["scope"], row["red_run"]) == ("backlog_ageing", "A", 10)
    assert row["evidence"].key == "risk.review.evidence"
    assert set(view.register.loc[view.register["review"], "risk_id"]) == {"R1", "R5"}
    assert view.unknown.values.tolist() == [["R5", "made_up"]]
    # Red for 10 periods, but 11 asked for: no suggestion.
    th = risk.load_thresholds(ws).drop(columns="stored")
    th.loc[th["indicator"] == "backlog_ageing", "periods"] = 11
    assert risk.analyse(ws, F, thresholds=th).suggestions.empty
    # Over 3 periods it has been red 3 in a row: enough for 3.
    three = risk.indicators(ws, F, periods=3)
    got = three.summary.set_index("indicator").loc["backlog_ageing", ["red_run", "review"]]
    assert got.tolist() == [3, True]


def test_register_only_and_empty_workspaces(ws):
    view = risk.analyse(ws, Filters())
    assert not view.has_register and not view.has_tickets and view.register.empty
    assert view.suggestions.empty and (view.kri.summary["status"] == "none").all()
    _register(ws, [("R1", "only a register", 4, 5, "Open", "sla_breach_rate")])
    view = risk.analyse(ws, Filters())
    assert view.has_register and not view.has_tickets
    assert view.register["score"].tolist() == [20] and view.suggestions.empty


def test_the_sample_reviews_exactly_the_planted_risks(sample_ws):
    from svcops.tickets import resolve_period

    view = risk.analyse(sample_ws, resolve_period(sample_ws, Filters()))
    red = view.kri.summary[view.kri.summary["review"]]
    scopes = [risk.scope_key(s) for s in red["scope"]]
    assert dict(zip(red["indicator"], scopes, strict=True)) == {
        "backlog_growth": "Applications",
        "backlog_ageing": "Applications",
        "single_agent_share": "Billing",
        # the roster short of the forecast plan; the Applications contractors' overrun
        "forecast_understaffing": None,
        "cost_overrun": None,
    }
    assert sorted(set(view.suggestions["risk_id"])) == ["R-018", "R-022", "R-024", "R-030"]
    reg = view.register
    assert reg["overdue"].sum() == 1 and reg.loc[reg["overdue"], "risk_id"].item() == "R-005"
    assert 25 <= len(reg) <= 35


def test_imported_thresholds_an_edit_would_refuse_are_not_used(tmp_path):
    # A thresholds sheet is imported without the checks of the page's editor: periods 0
    # once marked every linked risk for review while its indicator was green, and a
    # negative red made the SLA breach rate red at 0%.
    from svcops.ingest import import_paths
    from tests.conftest import write_workbook

    rows = [
        {"Indicator": "reopen_rate", "Amber": 0.05, "Red": 0.1, "Periods": 0},
        {"Indicator": "sla_breach_rate", "Amber": -1, "Red": -0.5, "Periods": 2},
        {"Indicator": "backlog_growth", "Amber": None, "Red": 0.2, "Periods": 2},
        {"Indicator": "backlog_ageing", "Amber": 0.2, "Red": 0.1, "Periods": 2},
        {"Indicator": "p1_resolution_hours", "Amber": 2, "Red": 3, "Periods": 13},
        {"Indicator": "reassignment_rate", "Amber": 0.2, "Red": 0.3, "Periods": 12},
    ]
    path = write_workbook(tmp_path / "kri.xlsx", {"KRI thresholds": rows})
    with Workspace(tmp_path / "ws.duckdb") as ws:
        import_paths(ws, [path])
        assert ws.scalar("SELECT count(*) FROM kri_thresholds") == 6
        th = risk.load_thresholds(ws).set_index("indicator")
    cols = ["amber", "red", "periods", "stored", "ignored"]
    # Each bad row keeps the defaults of risk.INDICATORS; backlog_growth's blank amber
    # is its default 0.50, above the stored red 0.2.
    assert th.loc["reopen_rate", cols].tolist() == [0.08, 0.12, 3, False, True]
    assert th.loc["sla_breach_rate", cols].tolist() == [0.25, 0.35, 3, False, True]
    assert th.loc["backlog_growth", cols].tolist() == [0.5, 1.0, 3, False, True]
    assert th.loc["backlog_ageing", cols].tolist() == [0.1, 0.25, 3, False, True]
    assert th.loc["p1_resolution_hours", cols].tolist() == [4.0, 8.0, 3, False, True]
    # A good row is used as stored.
    assert th.loc["reassignment_rate", cols].tolist() == [0.2, 0.3, 12, True, False]
    assert not th.loc["downtime_share", "ignored"]


# --------------------------------------------------------------------------- cost overrun


def _money(ws: Workspace, table: str, rows: list[dict]) -> None:
    cur = ws.cursor()
    cur.register("new_rows", pd.DataFrame(rows))
    cur.execute(f"INSERT INTO {table} BY NAME SELECT * FROM new_rows")
    cur.close()


@pytest.fixture
def spend(ws):
    """Budget 1,000 a month from 2025-01 to 2027-12; spend 1,000 in January and
    February 2026 and 1,300 in March (the report's last month)."""
    months = pd.date_range("2025-01-01", "2027-12-01", freq="MS").date
    _money(ws, "budget", [{"period": m, "budget": 1000.0} for m in months])
    actual = {date(2026, 1, 1): 1000.0, date(2026, 2, 1): 1000.0, date(2026, 3, 1): 1300.0}
    _money(ws, "costs", [{"period": m, "amount": a} for m, a in actual.items()])
    return ws


def test_cost_overrun_is_the_outlook_over_budget_as_of_each_period(spend):
    k = risk.indicators(spend, Filters(end=date(2026, 3, 31)))
    # Periods k0-k4 end in March (k4: 02-25..03-03): spend so far 3,300 over 3 months,
    # run rate 1,100, straight line 13,200 against 12,000: 1,200 / 12,000 = 0.10.
    # k5-k8 end in February (2,000 over 2 months: 12,000, on budget), k9-k11 in January.
    assert _values(k, "cost_overrun") == [0.1] * 5 + [0.0] * 7
    row = k.summary.set_index("indicator").loc["cost_overrun"]
    # red from 5% (the default), five periods in a row: a review is due (3 periods).
    assert (row["status"], row["red_run"], bool(row["review"])) == ("red", 5, True)
    assert row["note"] is None
    # The cost report is not split by team: a team filter leaves the figure as it is.
    teams = risk.indicators(spend, Filters(end=date(2026, 3, 31), teams=("Desk",)))
    assert _values(teams, "cost_overrun") == _values(k, "cost_overrun")


def test_cost_overrun_follows_the_workspaces_fiscal_year(spend):
    spend.save_setting("cost.fy_start", "3")
    k = risk.indicators(spend, Filters(end=date(2026, 3, 31)), periods=6)
    # A fiscal year from March: as of March 2026 one month counted (1,300), straight
    # line 15,600 against 12,000 = 0.30. As of February the year is March 2025 -
    # February 2026, reported from January: 2,000 over 2 months, 12,000: on budget.
    assert _values(k, "cost_overrun") == [0.3] * 5 + [0.0]


def test_cost_overrun_needs_a_budget(ws):
    _money(ws, "costs", [{"period": date(2026, 1, 1), "amount": 10.0}])
    row = risk.indicators(ws, Filters(end=date(2026, 1, 31))).summary
    row = row.set_index("indicator").loc["cost_overrun"]
    assert pd.isna(row["value"]) and row["status"] == "none"
    assert row["note"].key == "risk.kri.none.cost_overrun"


# ----------------------------------------------------------------- forecast understaffing


def test_shortfall_periods_by_hand():
    starts = pd.to_datetime(
        ["2024-03-22 09:00", "2024-03-22 09:30", "2024-03-29 09:00", "2024-03-30 09:00"]
    )
    comparison = pd.DataFrame(
        {
            "interval_start": starts,
            "scheduled": [4.0, 2.0, 3.0, 1.0],
            "rostered": [1.0, 5.0, 3.0, 0.0],
        }
    )
    got = risk.shortfall_periods(comparison, date(2024, 3, 22), date(2024, 4, 2))
    # Period 0 (03-22..03-28): 3 short at 09:00; the surplus at 09:30 does not offset
    # it: 3 / (4 + 2) = 0.5. Period 1 (03-29..04-01, cut at the horizon): 1 / 4.
    assert got["value"].tolist() == [0.5, 0.25]
    assert got["start"].tolist() == [date(2024, 3, 22), date(2024, 3, 29)]
    assert got["end"].tolist() == [date(2024, 3, 28), date(2024, 4, 1)]


def _calls_and_roster(ws: Workspace, staff: float, hours: tuple[int, int]) -> None:
    """Eight weeks of phone calls, 12 a day at 10:00-15:30, ending on END; the last
    four weeks rostered with ``staff`` agents every day from ``hours[0]`` to ``hours[1]``."""
    rows, i = [], 0
    first = END - timedelta(days=55)
    for d in range(56):
        day = first + timedelta(days=d)
        for slot in range(12):
            created = datetime.combine(day, datetime.min.time()) + timedelta(
                hours=10, minutes=30 * slot
            )
            rows.append(_ticket(i, created, 0.1, channel="phone", team="Desk"))
            i += 1
    _insert(ws, rows)
    shifts = [
        {
            "date": day,
            "team": "Desk",
            "agent": f"A{a}",
            "shift_start": datetime.combine(day, datetime.min.time()) + timedelta(hours=hours[0]),
            "shift_end": datetime.combine(day, datetime.min.time()) + timedelta(hours=hours[1]),
            "scheduled_hours": float(hours[1] - hours[0]),
        }
        for day in (END - timedelta(days=d) for d in range(28))
        for a in range(int(staff))
    ]
    _money(ws, "roster", shifts)


def test_understaffing_reads_the_resource_plan_against_the_roster(ws):
    # Nobody on shift while the calls come (rostered 00:00-02:00 only): every staff
    # hour the plan requires is short, in each of the four planned weeks.
    _calls_and_roster(ws, staff=3, hours=(0, 2))
    k = risk.indicators(ws, Filters(end=END), periods=3)
    assert _values(k, "forecast_understaffing") == [1.0, 1.0, 1.0, 1.0]
    mine = k.series[k.series["indicator"] == "forecast_understaffing"].sort_values("k")
    # Its periods are the plan's weeks from the day after the filters' last day.
    assert mine["start"].tolist() == [END + timedelta(days=1 + 7 * i) for i in range(4)]
    row = k.summary.set_index("indicator").loc["forecast_understaffing"]
    assert (row["status"], row["red_run"], bool(row["review"])) == ("red", 4, True)


def test_understaffing_is_nil_when_the_roster_covers_the_plan(ws):
    _calls_and_roster(ws, staff=50, hours=(0, 23))
    k = risk.indicators(ws, Filters(end=END), periods=3)
    assert _values(k, "forecast_understaffing") == [0.0, 0.0, 0.0, 0.0]


def test_understaffing_needs_a_roster(ws):
    _insert(ws, [_ticket(1, D(2024, 3, 15, 8), 10)])
    row = risk.indicators(ws, F).summary.set_index("indicator").loc["forecast_understaffing"]
    assert pd.isna(row["value"]) and row["note"].key == "risk.kri.none.forecast_understaffing"


def test_a_forward_indicators_review_says_forecast_and_its_span(ws):
    _calls_and_roster(ws, staff=3, hours=(0, 2))
    k = risk.indicators(ws, Filters(end=END), periods=3)
    assert risk.ahead_span(k.series) == (END + timedelta(days=1), 28)
    reg = pd.DataFrame([{"risk_id": "R1", "title": "short", "closed": False}])
    reg["indicators"] = [("forecast_understaffing",)]
    got = risk.suggestions(reg, k)
    assert got["evidence"].iloc[0].key == "risk.review.evidence_ahead"
    assert risk.ahead_span(k.series[k.series["indicator"] != "forecast_understaffing"]) is None
