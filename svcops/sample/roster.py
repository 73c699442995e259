"""The roster: one row per desk shift, with leave, absence, overtime and pay."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from .calendar import Calendar, hhmm

# Share of a day's shifts cut in an understaffed week (calendar.UNDERSTAFFED_WEEKS).
_UNDERSTAFF_CUT = 0.30

TEAMS: tuple[str, ...] = (
    "Service Desk",
    "Network Ops",
    "Applications",
    "Billing Support",
    "Field Service",
)
AGENTS: dict[str, tuple[str, ...]] = {
    "Service Desk": (
        "Maria Gonzalez",
        "James Carter",
        "Aisha Khan",
        "Tom Becker",
        "Li Wei",
        "Sofia Rossi",
        "Daniel Okafor",
        "Emma Lindqvist",
        "Ravi Patel",
        "Chloe Martin",
        "Lucas Silva",
    ),
    "Network Ops": (
        "Ahmed Hassan",
        "Grace Kim",
        "Marek Nowak",
        "Olivia Brown",
        "Kenji Sato",
        "Fatima Zahra",
    ),
    "Applications": (
        "Hannah Schmidt",
        "Carlos Mendes",
        "Priya Nair",
        "Ben Cohen",
        "Yuki Tanaka",
        "Elena Petrova",
        "Samuel Adeyemi",
        "Laura Dubois",
    ),
    "Billing Support": (
        "Nora Jensen",
        "David Miller",
        "Mei Lin",
        "Omar Farouk",
        "Isabel Costa",
        "Peter Novak",
    ),
    "Field Service": (
        "Jack Wilson",
        "Ana Ribeiro",
        "Lukas Meyer",
        "Zoe Campbell",
        "Mohammed Ali",
        "Ingrid Berg",
        "Ryan O'Connor",
    ),
}

# Desk rota per team: (start "HH:MM", paid hours) per shift; the shift lasts 30 min
# longer (unpaid break) when paid hours > 6. Weekend/holiday cover is thinner.
# Loaded hourly cost band (USD) per team. Service Desk gains a mid shift from the
# growth date so capacity roughly follows demand.
_ROTA: dict[str, dict] = {
    "Service Desk": {
        "weekday": (
            ("07:00", 8),
            ("07:00", 8),
            ("08:00", 8),
            ("09:00", 8),
            ("11:30", 8),
            ("11:30", 8),
        ),
        "growth": (("09:00", 8),),
        "weekend": (("09:00", 8), ("09:00", 8)),
        "rate": 25.0,
    },
    "Network Ops": {
        "weekday": (("08:00", 8), ("10:00", 8)),
        "weekend": (("09:00", 4),),
        "rate": 40.0,
    },
    "Applications": {
        "weekday": (("08:30", 8), ("08:30", 8), ("09:00", 8)),
        "weekend": (),
        "rate": 42.0,
    },
    "Billing Support": {
        "weekday": (("08:00", 8), ("09:00", 8)),
        "weekend": (),
        "rate": 27.0,
    },
    "Field Service": {
        "weekday": (("07:30", 8), ("08:00", 8)),
        "weekend": (),
        "rate": 33.0,
    },
}
_GROWTH_SHIFT_FROM = date(2026, 1, 1)
_PAY_RISE_FROM = date(2026, 1, 1)  # +3 % on hourly cost


def generate(cal: Calendar, rng: np.random.Generator) -> pd.DataFrame:
    """One row per desk shift; internal columns ``_day``, ``_team``, ``_start``, ``_end``
    (minutes since window start) are dropped before output."""
    # Each agent takes about four weeks of leave a year, in one- or two-week blocks.
    n_weeks = len(cal.week_monday)
    leave: dict[str, np.ndarray] = {}
    for team in TEAMS:
        for agent in AGENTS[team]:
            on_leave = np.zeros(n_weeks, dtype=bool)
            blocks = max(1, round(n_weeks / 52 * 3))
            for w in rng.choice(n_weeks, size=min(blocks, n_weeks), replace=False):
                on_leave[w : w + int(rng.integers(1, 3))] = True
            leave[agent] = on_leave
    base_rate = {
        agent: round(_ROTA[team]["rate"] * float(rng.uniform(0.92, 1.10)), 2)
        for team in TEAMS
        for agent in AGENTS[team]
    }

    rows: list[tuple] = []
    for di, d in enumerate(cal.py_dates):
        week = cal.week[di]
        weekend = bool(cal.weekend_like[di])
        shifts: list[tuple[int, str, int]] = []  # (team index, start, paid hours)
        for ti, team in enumerate(TEAMS):
            rota = _ROTA[team]
            pattern = list(rota["weekend"] if weekend else rota["weekday"])
            if not weekend and d >= _GROWTH_SHIFT_FROM:
                pattern += list(rota.get("growth", ()))
            shifts += [(ti, start, hours) for start, hours in pattern]
        if cal.understaffed[di] and shifts:
            # Cut ~30 % of the day's shifts, never a team's last one.
            n_cut = round(_UNDERSTAFF_CUT * len(shifts))
            for _ in range(n_cut):
                per_team = np.bincount([s[0] for s in shifts], minlength=len(TEAMS))
                cuttable = [i for i, s in enumerate(shifts) if per_team[s[0]] > 1]
                if not cuttable:
                    break
                shifts.pop(int(rng.choice(cuttable)))
        for ti, team in enumerate(TEAMS):
            team_shifts = [s for s in shifts if s[0] == ti]
            if not team_shifts:
                continue
            pool = [a for a in AGENTS[team] if not leave[a][week]] or list(AGENTS[team])
            chosen = rng.choice(len(pool), size=min(len(team_shifts), len(pool)), replace=False)
            for (_, start, hours), ai in zip(team_shifts, chosen, strict=False):
                rows.append((di, ti, pool[int(ai)], hhmm(start), hours))

    n = len(rows)
    day = np.array([r[0] for r in rows])
    team_idx = np.array([r[1] for r in rows])
    agents = np.array([r[2] for r in rows], dtype=object)
    start_min = np.array([r[3] for r in rows]) + day * 1440
    paid = np.array([r[4] for r in rows], dtype=float)
    length_min = (paid * 60 + np.where(paid > 6, 30, 0)).astype(int)
    end_min = start_min + length_min

    # Absence and overtime: sick (0 h), partial absence, a little overtime (more of it
    # when short-staffed).
    u = rng.random(n)
    under = cal.understaffed[day]
    partial = rng.choice([1.0, 2.0, 3.0, 4.0], size=n)
    overtime = rng.choice([0.5, 1.0, 1.5, 2.0], size=n)
    worked = paid.copy()
    worked = np.where(u < 0.035, 0.0, worked)
    worked = np.where((u >= 0.035) & (u < 0.11), np.maximum(paid - partial, 0.0), worked)
    ot_p = np.where(under, 0.25, 0.06)
    worked = np.where((u >= 0.11) & (u < 0.11 + ot_p), paid + overtime, worked)

    rate = np.array([base_rate[a] for a in agents])
    raise_day = cal.index(_PAY_RISE_FROM)
    if raise_day is not None:
        rate = np.where(day >= raise_day, np.round(rate * 1.03, 2), rate)
    elif _PAY_RISE_FROM < cal.start:
        rate = np.round(rate * 1.03, 2)

    frame = pd.DataFrame(
        {
            "date": cal.dates[day].astype("datetime64[us]"),
            "team": pd.array(np.array(TEAMS)[team_idx], dtype="str"),
            "agent": pd.array(agents.astype(str), dtype="str"),
            "shift_start": cal.to_datetime(start_min.astype(float)),
            "shift_end": cal.to_datetime(end_min.astype(float)),
            "scheduled_hours": paid,
            "worked_hours": worked,
            "hourly_cost": rate,
            "_day": day,
            "_team": team_idx,
            "_start": start_min,
            "_end": end_min,
        }
    )
    return frame.sort_values(["_day", "_team", "_start", "agent"], kind="stable").reset_index(
        drop=True
    )
