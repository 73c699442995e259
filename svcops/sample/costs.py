"""Monthly cost lines: staff (from the roster), facilities, tooling and contractors;
and the budget sheet.

Planted for the Cost control page: the Applications cost centre's ERP upgrade
contractors overrun their budget from ``OVERRUN_FROM`` (about 2.8 times plan: the
largest unfavourable variance of every month from then on); the contractor rate card
rises ``RATE_RISE`` from ``RATE_RISE_FROM`` (mid-year, not in the budget); seasonality:
facilities cost more in winter (heating) and high summer (cooling), tooling trues up
licence counts every April, contractors are busiest before the year-end freeze. Staff
cost follows the roster exactly (worked hours x hourly cost, whose own pay rise is on
1 January 2026), so roster hours explain labour cost.
"""

from __future__ import annotations

from datetime import date
from typing import cast

import numpy as np
import pandas as pd

from .calendar import SPIKE_DATES, SPIKES, UNDERSTAFFED_WEEKS, Calendar
from .roster import AGENTS, TEAMS

# Tooling lines: (cost centre, service, monthly plan in USD).
_TOOLING = (
    ("Service Desk", "Telephony", 2400.0),
    ("Service Desk", "Portal", 3100.0),
    ("Network Ops", "VPN", 1800.0),
    ("Applications", "ERP", 2600.0),
    ("Applications", "Email", 1500.0),
    ("Billing Support", "ERP", 900.0),
    ("Field Service", "Telephony", 700.0),
)
_FACILITIES_PER_AGENT = 180.0
_CONTRACTORS = {"Applications": 2500.0, "Field Service": 3000.0, "Network Ops": 800.0}

OVERRUN_CENTRE = "Applications"
OVERRUN_FROM = date(2026, 3, 1)
_OVERRUN = 2.8  # actual / plan of the overrunning contractors
RATE_RISE_FROM = date(2026, 7, 1)
RATE_RISE = 0.10  # contractor rate card
# Contractor demand by month: busiest before the year-end change freeze.
_CONTRACTOR_SEASON = {11: 1.2, 12: 1.1, 8: 0.85}
# Facilities beyond plan: heating in January and February, cooling in July and August.
_FACILITIES_SEASON = {1: 1.12, 2: 1.12, 7: 1.06, 8: 1.06}
# The budget sheet runs this many months past the last month of data (a budget is set
# for the whole year ahead, whatever month the fiscal year starts in).
BUDGET_AHEAD = 12
_NEXT_YEAR_UPLIFT = 1.03


def generate(cal: Calendar, roster: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Monthly cost lines; Staff = roster worked hours x hourly cost per team and month."""
    month = roster["date"].dt.to_period("M")
    staff = (roster["worked_hours"] * roster["hourly_cost"]).groupby([roster["team"], month]).sum()
    periods = pd.period_range(cal.start, cal.end, freq="M")
    spike_months = {pd.Period(d, "M"): SPIKES[d] for d in SPIKE_DATES if cal.index(d) is not None}
    under_months = {pd.Period(m, "M") for m in UNDERSTAFFED_WEEKS if cal.index(m) is not None}

    # Staff budget: one flat monthly plan per team and calendar year, set near the
    # year's average actual, so months with more working days overrun it.
    staff_plan: dict[tuple[str, int], float] = {}
    for key, value in staff.items():
        team, per = cast(tuple[str, pd.Period], key)  # staff is indexed by (team, month)
        staff_plan.setdefault((team, per.year), 0.0)
        staff_plan[(team, per.year)] += value
    months_in_year: dict[int, int] = {}
    for per in periods:
        months_in_year[per.year] = months_in_year.get(per.year, 0) + 1
    plan_bias = {k: float(rng.uniform(0.99, 1.05)) for k in sorted(staff_plan)}

    rows = []
    for per in periods:
        year_uplift = 1.06 ** (per.year - cal.start.year)
        # The contractor rate card: every contractor line costs more from mid-2026.
        card = 1 + RATE_RISE if per.start_time.date() >= RATE_RISE_FROM else 1.0
        for team in TEAMS:
            amount = round(float(staff.get((team, per), 0.0)), 2)
            plan = staff_plan.get((team, per.year), 0.0) / months_in_year[per.year]
            rows.append(
                (
                    per,
                    amount,
                    team,
                    "Staff",
                    "Shared",
                    round(plan * plan_bias.get((team, per.year), 1.0), -2),
                )
            )
            fac_plan = _FACILITIES_PER_AGENT * len(AGENTS[team]) * year_uplift
            fac = fac_plan * rng.normal(0.98, 0.03) * _FACILITIES_SEASON.get(per.month, 1.0)
            rows.append((per, round(fac, 2), team, "Facilities", "Shared", round(fac_plan, -1)))
        for team, service, monthly in _TOOLING:
            plan = monthly * year_uplift
            actual = plan * rng.normal(0.975, 0.02)
            if per.month == 4:  # annual true-up of licence counts
                actual *= rng.uniform(1.05, 1.25)
            spike = spike_months.get(per)
            if spike and spike[2] == service:
                actual *= 1.15  # emergency vendor support
            rows.append((per, round(actual, 2), team, "Tooling", service, round(plan, -1)))
        for team, monthly in _CONTRACTORS.items():
            plan = monthly * year_uplift
            actual = (
                plan * float(rng.lognormal(-0.12, 0.25)) * _CONTRACTOR_SEASON.get(per.month, 1.0)
            )
            if team == OVERRUN_CENTRE and per.start_time.date() >= OVERRUN_FROM:
                actual *= _OVERRUN  # the ERP upgrade's contractors stay on
            service = (
                "VPN" if team == "Network Ops" else "ERP" if team == "Applications" else ("Portal")
            )
            spike = spike_months.get(per)
            if spike and team == "Network Ops":
                actual += 6500.0  # incident response contractors
            rows.append(
                (per, round(actual * card, 2), team, "Contractors", service, round(plan, -1))
            )
        if per in under_months:
            # Agency staff backfilling the short week: unplanned.
            rows.append(
                (
                    per,
                    round(float(rng.uniform(3500, 5500)) * card, 2),
                    "Service Desk",
                    "Contractors",
                    "Portal",
                    0.0,
                )
            )

    frame = pd.DataFrame(
        rows, columns=["period", "amount", "cost_center", "category", "service", "budget"]
    )
    frame["period"] = frame["period"].dt.to_timestamp().astype("datetime64[us]")
    for col in ("cost_center", "category", "service"):
        frame[col] = frame[col].astype("str")
    return frame


def budget(cal: Calendar, lines: pd.DataFrame) -> pd.DataFrame:
    """The budget sheet: ``period, budget, cost_center, category`` per month, the plans
    of ``lines`` (``generate``'s budget column, summed per cost centre and category;
    unplanned lines left out) for the months of data, then :data:`BUDGET_AHEAD` months
    more at the last year's monthly plan (+3 % in a new calendar year)."""
    planned = lines[lines["budget"] > 0]
    frame = (
        planned.groupby(["period", "cost_center", "category"], sort=True)["budget"]
        .sum()
        .reset_index()
    )
    last = frame["period"].max()
    latest = frame[frame["period"] == last].drop(columns="period")
    ahead = []
    for k in range(1, BUDGET_AHEAD + 1):
        month = last + pd.DateOffset(months=k)
        uplift = _NEXT_YEAR_UPLIFT ** (month.year - last.year)
        ahead.append(latest.assign(period=month, budget=(latest["budget"] * uplift).round(-1)))
    out = pd.concat([frame, *ahead], ignore_index=True)
    out["period"] = out["period"].astype("datetime64[us]")
    return out[["period", "budget", "cost_center", "category"]].reset_index(drop=True)
