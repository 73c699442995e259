"""Monthly cost lines: staff (from the roster), facilities, tooling and contractors."""

from __future__ import annotations

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
            fac = fac_plan * rng.normal(0.98, 0.03) * (1.12 if per.month in (1, 2) else 1.0)
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
            actual = plan * float(rng.lognormal(-0.12, 0.25))
            service = (
                "VPN" if team == "Network Ops" else "ERP" if team == "Applications" else ("Portal")
            )
            spike = spike_months.get(per)
            if spike and team == "Network Ops":
                actual += 6500.0  # incident response contractors
            rows.append((per, round(actual, 2), team, "Contractors", service, round(plan, -1)))
        if per in under_months:
            # Agency staff backfilling the short week: unplanned.
            rows.append(
                (
                    per,
                    round(float(rng.uniform(3500, 5500)), 2),
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
