"""Every view of a KPI agrees: kpi.compute, both scorecards, rankings, the trend, the
control-chart series and the CSAT figures, on one small workspace worked out by hand.

They all select the expressions of svcops/tickets.py; this table checks that no
page computes its own version of a KPI.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, datetime

import pandas as pd
import pytest

from svcops import quality
from svcops.filters import Filters
from svcops.kpi import SCORECARD_KEYS, compute, period_scorecard, trend
from svcops.performance import RANKABLE_KPIS, rankings, target_scorecard
from svcops.store import Workspace

D = datetime


def _t(
    tid,
    created,
    done=None,
    priority="P3",
    team="A",
    *,
    closed=None,
    sla=None,
    fcr=None,
    csat=None,
    reopen=None,
):
    return {
        "ticket_id": tid,
        "created_at": created,
        "resolved_at": done,
        "closed_at": closed,
        "priority": priority,
        "team": team,
        "sla_hours": sla,
        "first_contact_resolved": fcr,
        "csat": csat,
        "reopen_count": reopen,
    }


# Policy: P1 4 h, P2 8 h, P3 24 h, P4 72 h. Resolution hours and SLA outcome per ticket.
TICKETS = [
    _t(
        "F1", D(2024, 2, 27, 10), D(2024, 3, 1, 10), "P3", "A", fcr=False, csat=3, reopen=0
    ),  # 72 h (29 Feb), breached
    _t(
        "F2", D(2024, 2, 28, 9), D(2024, 2, 28, 11), "P1", "B", fcr=True, csat=5, reopen=0
    ),  # 2 h, met
    _t(
        "M1", D(2024, 3, 4, 9), D(2024, 3, 4, 11), "P1", "A", fcr=True, csat=5, reopen=0
    ),  # 2 h, met
    _t(
        "M2", D(2024, 3, 4, 10), D(2024, 3, 5, 10), "P3", "A", fcr=False, csat=4, reopen=1
    ),  # 24 h = target: met
    _t(
        "M3", D(2024, 3, 5, 8), None, "P2", "B", closed=D(2024, 3, 5, 20), csat=2, reopen=0
    ),  # closed only, 12 h, breached
    _t(
        "M4", D(2024, 3, 5, 9), D(2024, 3, 5, 10, 30), "P1", "A", sla=1, fcr=True
    ),  # 1.5 h > own 1 h: breached
    _t(
        "M5", D(2024, 3, 5, 12), D(2024, 3, 5, 14), "P4", "B", fcr=True, csat=5, reopen=0
    ),  # 2 h, met
    _t("M6", D(2024, 3, 6, 9), None, "P3", "A"),  # open
    _t(
        "M7", D(2024, 3, 10, 22), D(2024, 3, 12, 22), "P4", "B", fcr=False, csat=4, reopen=0
    ),  # 48 h, met
    _t(
        "M8", D(2024, 3, 20, 9), D(2024, 3, 20, 15), None, "A", fcr=False, csat=1, reopen=2
    ),  # 6 h, no target
    _t(
        "M9", D(2024, 3, 31, 20), D(2024, 4, 1, 8), "P3", "A", fcr=True, csat=4, reopen=0
    ),  # 12 h, done in April
]


@dataclass(frozen=True)
class Case:
    name: str
    filters: Filters
    grain: str | None  # a trend grain that makes the period exactly one bucket
    by_hand: dict


MARCH = Filters(start=date(2024, 3, 1), end=date(2024, 3, 31))
CASES = [
    # Feb 27 .. Apr 1: all 11 created; 10 done (M6 open); SLA: F1 M3 M4 breached, M8 no
    # target, the other 6 met.
    Case(
        "whole history",
        Filters(),
        None,
        {"tickets": 11, "resolved": 10, "open_backlog": 1, "sla_attainment": 6 / 9},
    ),
    # Created M1..M9; done F1 M1 M2 M3 M4 M5 M7 M8; open at Apr 1: M6, M9.
    # SLA met M1 M2 M5 M7 of 7 with a target; FCR known 7, true M1 M4 M5;
    # CSAT 3 5 4 2 5 4 1; hours 1.5 2 2 6 12 24 48 72 (p90 at position 0.9 x 7 = 6.3);
    # reopen known 7, M2 M8 > 0.
    Case(
        "one month",
        MARCH,
        "month",
        {
            "tickets": 9,
            "resolved": 8,
            "open_backlog": 2,
            "sla_attainment": 4 / 7,
            "fcr_rate": 3 / 7,
            "csat_avg": 24 / 7,
            "csat_top2_share": 4 / 7,
            "resolution_hours_median": (6 + 12) / 2,
            "resolution_hours_p90": 48 + 0.3 * 24,
            "reopen_rate": 2 / 7,
        },
    ),
    # Team A: created M1 M2 M4 M6 M8 M9; done F1 M1 M2 M4 M8 (hours 72 2 24 1.5 6);
    # SLA met M1 M2 of F1 M1 M2 M4.
    Case(
        "one team",
        replace(MARCH, teams=("A",)),
        "month",
        {
            "tickets": 6,
            "resolved": 5,
            "open_backlog": 2,
            "sla_attainment": 2 / 4,
            "fcr_rate": 2 / 5,
            "csat_avg": 13 / 4,
            "resolution_hours_median": 6,
        },
    ),
    # Mon 4 .. Sun 10 March: created M1..M7; done M1..M5; open at the end: M6, M7.
    Case(
        "one week",
        Filters(start=date(2024, 3, 4), end=date(2024, 3, 10)),
        "week",
        {
            "tickets": 7,
            "resolved": 5,
            "open_backlog": 2,
            "sla_attainment": 3 / 5,
            "resolution_hours_median": 2,
        },
    ),
    # 5 March: created M3 M4 M5; done M2 M3 M4 M5 (24, 12, 1.5, 2 h); nothing open at the end.
    Case(
        "one day",
        Filters(start=date(2024, 3, 5), end=date(2024, 3, 5)),
        "day",
        {
            "tickets": 3,
            "resolved": 4,
            "open_backlog": 0,
            "sla_attainment": 2 / 4,
            "resolution_hours_median": (2 + 12) / 2,
        },
    ),
]

# A target for every scorecard KPI, so target_scorecard lists each one's actual.
TARGETS = pd.DataFrame(
    [
        {
            "kpi": k,
            "target": 0.5
            if k in ("sla_attainment", "fcr_rate", "reopen_rate", "availability", "csat_top2_share")
            else 1.0,
            "direction": "higher",
        }
        for k in SCORECARD_KEYS
    ]
)


@pytest.fixture(scope="module")
def ws():
    w = Workspace()
    cur = w.cursor()
    cur.register("new_rows", pd.DataFrame(TICKETS))
    cur.execute("INSERT INTO tickets BY NAME SELECT * FROM new_rows")
    cur.close()
    yield w
    w.close()


def _same(actual, expected) -> bool:
    if expected is None:
        return actual is None or (isinstance(actual, float) and math.isnan(actual))
    return actual is not None and actual == pytest.approx(expected)


def _trend_value(ws, case: Case, kpi: str):
    """The KPI as the trend shows it, or None when the trend has no such series."""
    column = {
        "tickets": "created",
        "resolved": "resolved",
        "open_backlog": "backlog",
        "sla_attainment": "sla_attainment",
        "resolution_hours_median": "resolution_hours_median",
    }.get(kpi)
    if column is None:
        return None
    frame = trend(ws, case.filters, case.grain)
    if case.grain is None:
        # Several buckets: only the counts add up to the period's figure.
        totals = {
            "created": frame["created"].sum(),
            "resolved": frame["resolved"].sum(),
            "backlog": frame["backlog"].iloc[-1],
        }
        return totals.get(column)
    assert len(frame) == 1, case.name
    return frame[column].iloc[0]


def _chart_value(ws, case: Case, kpi: str):
    """The KPI from the quality page's daily series and CSAT figures, or None."""
    f = case.filters
    if kpi == "tickets":
        return quality.daily_volume(ws, f)["value"].sum()
    if kpi == "resolved":
        return quality.daily_resolution_median(ws, f)["n"].sum()
    if kpi == "sla_attainment":
        sla = quality.daily_sla_breaches(ws, f)
        chart = quality.p_chart(sla, "defects", "n")
        assert chart.centre == pytest.approx(sla["defects"].sum() / sla["n"].sum())
        return 1 - chart.centre
    if kpi == "resolution_hours_median" and case.grain == "day":
        return quality.daily_resolution_median(ws, f)["value"].iloc[0]
    if kpi in ("csat_avg", "csat_top2_share"):
        dist = quality.csat_distribution(ws, f)  # the fixture's scores are whole
        if kpi == "csat_avg":
            return (dist["score"] * dist["count"]).sum() / dist["count"].sum()
        return dist.loc[dist["score"] >= 4, "share"].sum()
    return None


@pytest.mark.parametrize("kpi", SCORECARD_KEYS)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_view_of_a_kpi_agrees(ws, case, kpi):
    f = case.filters
    value = compute(ws, f)[kpi]
    if kpi in case.by_hand:
        assert value == pytest.approx(case.by_hand[kpi])
    views = {
        "period_scorecard": period_scorecard(ws, f).row(kpi).value,
        "target_scorecard": target_scorecard(ws, f, TARGETS).set_index("kpi").loc[kpi, "actual"],
        "trend": _trend_value(ws, case, kpi),
        "quality": _chart_value(ws, case, kpi),
    }
    if kpi in ("csat_avg", "csat_top2_share") and case.grain is not None:
        row = quality.csat_trend(ws, f, case.grain)
        assert len(row) == 1
        views["csat_trend"] = row[
            {"csat_avg": "csat_avg", "csat_top2_share": "top2_share"}[kpi]
        ].iloc[0]
    if kpi in RANKABLE_KPIS and len(f.teams) == 1:
        ranked = rankings(ws, f, by="team", kpi=kpi, min_volume=0)
        assert ranked["team"].tolist() == list(f.teams)
        views["rankings"] = ranked["value"].iloc[0]
    for view, shown in views.items():
        if shown is not None or view in ("period_scorecard", "target_scorecard"):
            assert _same(shown, value), (view, shown, value)


@pytest.mark.parametrize("kpi", RANKABLE_KPIS)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_team_ranks_on_its_own_compute(ws, case, kpi):
    """A league table's row per team is compute filtered to that team, for every team."""
    league = rankings(ws, case.filters, by="team", kpi=kpi, min_volume=0).set_index("team")
    for team in league.index:
        alone = compute(ws, replace(case.filters, teams=(team,)))
        assert _same(league.loc[team, "value"], alone[kpi]), team
        assert league.loc[team, "volume"] == alone["resolved"]
