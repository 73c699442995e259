"""KPIs on a hand-made ticket set whose answers are worked out here, line by line."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from svcops.filters import Filters
from svcops.headlines import headlines, sla_contributions, volume_driver
from svcops.ingest import import_paths
from svcops.kpi import KPI_KEYS, compute, period_scorecard, trend

D = datetime
NA = None


def _t(
    tid,
    created,
    resolved=NA,
    priority="P3",
    *,
    closed=NA,
    sla=NA,
    fcr=NA,
    csat=NA,
    reopen=NA,
    team="A",
    category="Access",
    channel="phone",
):
    return {
        "ticket_id": tid,
        "created_at": created,
        "resolved_at": resolved,
        "closed_at": closed,
        "priority": priority,
        "sla_hours": sla,
        "first_contact_resolved": fcr,
        "csat": csat,
        "reopen_count": reopen,
        "team": team,
        "category": category,
        "channel": channel,
    }


# Period under test: 2024-03-01..03-07 (7 days); previous: 02-23..02-29 (2024 is a leap year).
TICKETS = [
    # done 03-01 after 2 h; P1 policy 4 h -> met
    _t("T1", D(2024, 3, 1, 9), D(2024, 3, 1, 11), "P1", fcr=True, csat=5, reopen=0),
    # done 03-03 after 24 h; own sla_hours 8 -> breached
    _t(
        "T2",
        D(2024, 3, 2, 10),
        D(2024, 3, 3, 10),
        "P3",
        sla=8,
        fcr=False,
        csat=2,
        reopen=1,
        category="Billing",
        channel="email",
    ),
    # still open
    _t("T3", D(2024, 3, 3, 8), NA, "P3", category="Billing", channel="email"),
    # created in the previous period, done 03-02 after 72 h (29 Feb!); P4 policy 72 h -> met
    # exactly at the target: a target is met when resolution time <= target
    _t("T4", D(2024, 2, 28, 12), D(2024, 3, 2, 12), "P4", reopen=0),
    # done after the period ends -> open at the period end
    _t("T5", D(2024, 3, 6, 9), D(2024, 3, 8, 9), "P3", category="Billing", channel="chat"),
    # no resolved_at, closed 03-05: done then, after 14 days = 336 h; P2 policy 8 h -> breached
    _t("T6", D(2024, 2, 20, 8), NA, "P2", closed=D(2024, 3, 5, 8), team="B"),
    # done after 15 minutes; P2 -> met
    _t(
        "T7",
        D(2024, 3, 7, 23, 30),
        D(2024, 3, 7, 23, 45),
        "P2",
        fcr=True,
        csat=4,
        reopen=0,
        team="B",
        category="Email",
        channel="chat",
    ),
    # created at exactly the end bound -> not in the period
    _t("T8", D(2024, 3, 8, 0, 0), NA, "P3"),
    # previous period: done after 4 h; P3 policy 24 h -> met
    _t("T9", D(2024, 2, 25, 10), D(2024, 2, 25, 14), "P3", fcr=True, csat=3, reopen=0),
]
AVAILABILITY = [
    {"date": D(2024, 3, 1), "service": "Email", "planned_minutes": 1440, "downtime_minutes": 144},
    {"date": D(2024, 3, 2), "service": "Email", "planned_minutes": NA, "downtime_minutes": 0},
    {"date": D(2024, 2, 29), "service": "Email", "planned_minutes": 1440, "downtime_minutes": 1440},
]
COSTS = [{"period": D(2024, 3, 1), "amount": 3100.0, "cost_center": "Desk", "category": "Staff"}]

PERIOD = Filters(start=date(2024, 3, 1), end=date(2024, 3, 7))


@pytest.fixture
def kpi_ws(ws, workbook):
    import_paths(ws, [workbook({"tickets": TICKETS, "availability": AVAILABILITY, "costs": COSTS})])
    return ws


def test_period_kpis_match_hand_computation(kpi_ws):
    k = compute(kpi_ws, PERIOD)
    assert k["tickets"] == 5  # T1 T2 T3 T5 T7 (T8 at the end bound is out)
    assert k["resolved"] == 5  # T1 T2 T4 T6(closed) T7
    assert k["open_backlog"] == 2  # T3 open, T5 done after the end
    assert k["sla_attainment"] == pytest.approx(3 / 5)  # T1 T4 T7 met; T2 T6 breached
    assert k["fcr_rate"] == pytest.approx(2 / 3)  # T1 yes, T2 no, T7 yes (T4, T6 unknown)
    assert k["csat_avg"] == pytest.approx((5 + 2 + 4) / 3)
    # resolution hours of done tickets: 2, 24, 72, 336, 0.25
    assert k["resolution_hours_median"] == pytest.approx(24)
    # quantile_cont: position 0.9*(5-1)=3.6 between 72 and 336
    assert k["resolution_hours_p90"] == pytest.approx(72 + 0.6 * (336 - 72))
    assert k["reopen_rate"] == pytest.approx(1 / 4)  # T2 reopened; T6 unknown
    assert k["availability"] == pytest.approx(1 - 144 / (1440 + 1440))  # blank planned = 1440
    # March costs 3,100 over 31 days = 100/day; 7 days = 700 over 5 done tickets
    assert k["cost_per_ticket"] == pytest.approx(140)
    assert set(k) >= set(KPI_KEYS)


def test_previous_period_and_deltas(kpi_ws):
    card = period_scorecard(kpi_ws, PERIOD)
    assert card.previous_period.start == date(2024, 2, 23)
    assert card.previous_period.end == date(2024, 2, 29)
    assert card.row("tickets").previous == 2  # T4, T9
    assert card.row("resolved").previous == 1  # T9
    assert card.row("open_backlog").previous == 2  # T4 and T6 open on 03-01 00:00
    assert card.row("open_backlog").delta == 0
    assert card.row("sla_attainment").previous == pytest.approx(1.0)
    assert card.row("sla_attainment").delta == pytest.approx(-0.4)
    assert card.row("sla_attainment").verdict == -1
    assert card.row("tickets").change == pytest.approx(1.5)
    assert card.row("availability").previous == pytest.approx(0.0)
    assert card.row("cost_per_ticket").previous is None  # no February cost report


def test_dimension_filters(kpi_ws):
    k = compute(kpi_ws, Filters(start=date(2024, 3, 1), end=date(2024, 3, 7), teams=("B",)))
    assert (k["tickets"], k["resolved"], k["open_backlog"]) == (1, 2, 0)
    assert k["sla_attainment"] == pytest.approx(1 / 2)
    assert k["cost_per_ticket"] is None  # cost report is not split by team
    k = compute(
        kpi_ws,
        Filters(
            start=date(2024, 3, 1),
            end=date(2024, 3, 7),
            priorities=("P3",),
            channels=("email", "chat"),
        ),
    )
    assert (k["tickets"], k["resolved"]) == (3, 1)  # T2 T3 T5 created; T2 done


def test_whole_history_when_no_dates(kpi_ws):
    k = compute(kpi_ws, Filters())
    assert (k["tickets"], k["resolved"], k["open_backlog"]) == (9, 7, 2)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(start=date(2030, 1, 1), end=date(2030, 1, 31)),
        Filters(teams=("nobody",)),
    ],
)
def test_empty_selection_gives_zero_counts_and_no_rates(kpi_ws, filters):
    k = compute(kpi_ws, filters)
    assert (k["tickets"], k["resolved"]) == (0, 0)
    for key in (
        "sla_attainment",
        "fcr_rate",
        "csat_avg",
        "resolution_hours_median",
        "reopen_rate",
        "cost_per_ticket",
    ):
        assert k[key] is None


def test_empty_workspace(ws):
    k = compute(ws, Filters())
    assert k["tickets"] == 0 and k["availability"] is None and k["sla_attainment"] is None


def test_trend_counts_and_backlog(kpi_ws):
    frame = trend(kpi_ws, PERIOD)
    assert frame["period"].dt.date.tolist() == [date(2024, 3, d) for d in range(1, 8)]
    assert frame["created"].tolist() == [1, 1, 1, 0, 0, 1, 1]
    assert frame["resolved"].tolist() == [1, 1, 1, 0, 1, 0, 1]
    # open at each day's end: start of 03-01 has T4 T6 open; then +created -done
    assert frame["backlog"].tolist() == [2, 2, 2, 2, 1, 2, 2]
    assert frame["backlog"].iloc[-1] == compute(kpi_ws, PERIOD)["open_backlog"]
    assert frame.loc[2, "sla_attainment"] == pytest.approx(0.0)  # 03-03: T2 breached


def test_weekly_trend_sums_to_period_totals(kpi_ws):
    frame = trend(kpi_ws, Filters(start=date(2024, 2, 19), end=date(2024, 3, 10)), grain="week")
    assert frame["period"].dt.day_of_week.eq(0).all()
    assert frame["created"].sum() == 9 and frame["resolved"].sum() == 7


def test_headline_decompositions_are_exact(kpi_ws):
    driver = volume_driver(kpi_ws, PERIOD)
    assert driver == ("Billing", 3)  # Billing 0 -> 3, total 2 -> 5
    contrib = sla_contributions(kpi_ws, PERIOD).set_index("value")["points"]
    assert contrib.sum() == pytest.approx(-40)  # 100% -> 60%
    assert contrib["P3"] == pytest.approx(0 - 100)
    assert contrib["P1"] == pytest.approx(20)
    lines = {h.key: h.params for h in headlines(kpi_ws, PERIOD)}
    assert lines["headline.volume_up"]["group"] == "Billing"
    assert lines["headline.volume_up"]["pct"] == pytest.approx(1.5)
    assert lines["headline.sla_down"]["group"] == "P3"
    assert lines["headline.sla_down"]["pts"] == pytest.approx(40)
    assert 3 <= len(lines) <= 5


def test_volume_headline_names_no_group_when_the_change_has_no_value(ws, workbook):
    # No team, category or channel columns: every ticket is in "(none)" in each
    # dimension, which explains nothing, so the sentence states the total alone.
    tickets = [{"ticket_id": f"P{i}", "created_at": D(2024, 2, 26, 9)} for i in range(2)] + [
        {"ticket_id": f"C{i}", "created_at": D(2024, 3, 4, 9)} for i in range(5)
    ]
    import_paths(ws, [workbook({"tickets": tickets})])
    assert volume_driver(ws, PERIOD) is None
    lines = {h.key: h.params for h in headlines(ws, PERIOD)}
    assert lines["headline.volume_up_total"] == {"n": 5, "pct": pytest.approx(1.5), "days": 7}
    assert "headline.volume_up" not in lines


def test_sla_headline_names_no_group_when_the_change_has_no_priority(ws, workbook):
    # Own targets, no priority: the whole change falls on "(none)", which names nothing.
    tickets = [
        {
            "ticket_id": f"P{i}",
            "created_at": D(2024, 2, 26, 9),
            "resolved_at": D(2024, 2, 26, 10),
            "sla_hours": 4,
        }
        for i in range(4)
    ] + [
        {
            "ticket_id": f"C{i}",
            "created_at": D(2024, 3, 4, 9),
            "resolved_at": D(2024, 3, 4, 10 + 5 * (i % 2)),
            "sla_hours": 4,
        }
        for i in range(4)
    ]
    import_paths(ws, [workbook({"tickets": tickets})])
    lines = {h.key: h.params for h in headlines(ws, PERIOD)}
    # 4 of 4 met before, 2 of 4 now: 100% -> 50%
    assert lines["headline.sla_down_total"] == {
        "value": pytest.approx(0.5),
        "pts": pytest.approx(50),
    }
    assert "headline.sla_down" not in lines


def test_no_backlog_comparison_before_the_data_began(ws, workbook):
    # All tickets created in the period; the previous period holds none, so nothing was
    # open at its end: the volume line says there is no earlier period, and no backlog
    # line may claim a change "since the previous period".
    tickets = [{"ticket_id": f"C{i}", "created_at": D(2024, 3, 4, 9)} for i in range(3)]
    import_paths(ws, [workbook({"tickets": tickets})])
    keys = [h.key for h in headlines(ws, PERIOD)]
    assert "headline.volume_new" in keys and "headline.backlog" not in keys


def test_volume_driver_skips_a_dimension_led_by_tickets_without_a_value(ws, workbook):
    # Category is blank on the tickets that grew (3 more), so category names nothing;
    # the team dimension names Desk (+3), which is the whole change.
    tickets = (
        [{"ticket_id": "P1", "created_at": D(2024, 2, 26, 9), "team": "Desk", "category": "Access"}]
        + [
            {"ticket_id": f"C{i}", "created_at": D(2024, 3, 4, 9), "team": "Desk", "category": None}
            for i in range(3)
        ]
        + [
            {
                "ticket_id": "C9",
                "created_at": D(2024, 3, 4, 9),
                "team": "Desk",
                "category": "Access",
            }
        ]
    )
    import_paths(ws, [workbook({"tickets": tickets})])
    assert volume_driver(ws, PERIOD) == ("Desk", 3)


def test_cost_per_ticket_counts_only_months_the_cost_report_holds(ws, workbook):
    tickets = [
        _t(f"{m}-{i}", D(2024, m, 10, 9), D(2024, m, 10, 10)) for m in (1, 2, 3) for i in range(10)
    ]
    costs = [{"period": D(2024, m, 1), "amount": 1000.0} for m in (1, 3)]  # no February
    import_paths(ws, [workbook({"tickets": tickets, "costs": costs})])
    k = compute(ws, Filters(start=date(2024, 1, 1), end=date(2024, 3, 31)))
    # 2,000 spent over January and March; 20 tickets done in those two months
    assert k["cost_per_ticket"] == pytest.approx(100)
