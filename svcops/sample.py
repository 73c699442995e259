"""Seeded sample workspace: realistic service-operations data for every canonical table.

``generate(seed)`` returns one DataFrame per canonical table (SPEC "Data contract",
canonical column names, ``events`` left out because it is derived from tickets);
``write_workbook(frames, path)`` writes them as one sheet per table, byte-identical
for the same frames; ``write_sample(out_dir, seed)`` does both.

The data carries relationships the pages are meant to find:

* demand grows ~15 %/year, with weekly and yearly seasonality and US public
  holidays (``holidays`` package) at ~30 % of a normal day;
* ``SPIKES`` / ``SPIKE_DATES``: four single-day incidents at ~2.5-3x normal volume,
  concentrated in one category, with an outage of the matching service in
  ``availability``, a queue collapse in ``intervals`` and contractor spend in ``costs``;
* ``UNDERSTAFFED_WEEKS``: six weeks whose roster has ~30 % fewer shifts, so
  resolution is slower, SLA attainment lower, the phone service level worse and
  the month's staff cost lower (costs follow the roster exactly);
* every ticket's agent is someone rostered for that team that day (or the next
  rostered day when the ticket arrives while the team is off).

Choices worth knowing:

* ``intervals`` holds only the staffed phone intervals (weekdays 07:00-20:00,
  weekends and holidays 09:00-17:00); phone tickets arrive only then. A staffed
  interval with no calls has ``offered`` 0 and blank AHT, ASA and service level.
  ``service_level`` = calls answered within 20 s / calls offered.
* The roster is a desk rota (agents also do project work), ~640 h a week, so that
  required staff from Erlang C and cost per ticket (~$35-45) are of the same order
  as the ticket workload.
* Staff costs carry service "Shared"; tooling and contractor lines name a service.
* Volume levels follow calendar dates (growth is anchored on 2024-11-01), so a short
  window shows the same level as those dates in a long one; planted dates outside
  the window are simply absent.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import holidays
import numpy as np
import pandas as pd
import xlsxwriter

__all__ = [
    "COLUMNS",
    "SPIKES",
    "SPIKE_DATES",
    "UNDERSTAFFED_WEEKS",
    "generate",
    "write_sample",
    "write_workbook",
]

DEFAULT_END = date(2026, 10, 31)
SAMPLE_FILENAME = "svcops_sample.xlsx"

# Canonical columns per table, in SPEC order (tickets without ``cost``: the sample
# has no per-ticket cost; cost per ticket comes from ``costs``).
COLUMNS: dict[str, tuple[str, ...]] = {
    "tickets": (
        "ticket_id", "created_at", "first_response_at", "resolved_at", "closed_at", "status",
        "channel", "category", "subcategory", "priority", "team", "agent", "customer_segment",
        "region", "sla_hours", "first_contact_resolved", "reopen_count", "csat",
        "handle_minutes",
    ),
    "intervals": (
        "interval_start", "offered", "channel", "answered", "abandoned", "aht_seconds",
        "asa_seconds", "service_level",
    ),
    "roster": (
        "date", "team", "agent", "shift_start", "shift_end", "scheduled_hours", "worked_hours",
        "hourly_cost",
    ),
    "costs": ("period", "amount", "cost_center", "category", "service", "budget"),
    "availability": ("date", "service", "planned_minutes", "downtime_minutes"),
    "risks": (
        "risk_id", "title", "likelihood", "impact", "category", "owner", "residual_likelihood",
        "residual_impact", "status", "mitigation", "due_date", "last_review",
    ),
    "initiatives": (
        "initiative_id", "name", "stage", "owner", "start_date", "investment",
        "expected_annual_benefit", "realised_benefit", "adoption_rate", "category",
    ),
    "surveys": (
        "response_id", "date", "ticket_id", "csat", "nps",
        *(
            f"{d}_{side}"
            for d in ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
            for side in ("expectation", "perception")
        ),
    ),
    "targets": ("kpi", "target", "direction", "amber_margin", "team"),
}

# Planted incidents: day -> (category, subcategory, availability service,
# outage start "HH:MM", outage minutes). Tuesdays, no holidays, no understaffed weeks.
SPIKES: dict[date, tuple[str, str, str, str, int]] = {
    date(2025, 3, 11): ("Network", "VPN", "VPN", "09:10", 285),
    date(2025, 10, 7): ("Email", "Delivery", "Email", "08:40", 340),
    date(2026, 4, 14): ("Access", "MFA", "Portal", "10:05", 215),
    date(2026, 9, 15): ("Billing", "Payment failure", "ERP", "13:20", 260),
}
SPIKE_DATES: tuple[date, ...] = tuple(sorted(SPIKES))

# Mondays of the weeks whose roster loses ~30 % of its shifts (flu wave, training,
# attrition); load, resolution times and the phone queue follow.
UNDERSTAFFED_WEEKS: tuple[date, ...] = (
    date(2025, 1, 27),
    date(2025, 5, 12),
    date(2025, 9, 22),
    date(2026, 2, 23),
    date(2026, 6, 8),
    date(2026, 9, 28),
)
_UNDERSTAFF_CUT = 0.30

TEAMS: tuple[str, ...] = (
    "Service Desk", "Network Ops", "Applications", "Billing Support", "Field Service",
)
AGENTS: dict[str, tuple[str, ...]] = {
    "Service Desk": (
        "Maria Gonzalez", "James Carter", "Aisha Khan", "Tom Becker", "Li Wei", "Sofia Rossi",
        "Daniel Okafor", "Emma Lindqvist", "Ravi Patel", "Chloe Martin", "Lucas Silva",
    ),
    "Network Ops": (
        "Ahmed Hassan", "Grace Kim", "Marek Nowak", "Olivia Brown", "Kenji Sato", "Fatima Zahra",
    ),
    "Applications": (
        "Hannah Schmidt", "Carlos Mendes", "Priya Nair", "Ben Cohen", "Yuki Tanaka",
        "Elena Petrova", "Samuel Adeyemi", "Laura Dubois",
    ),
    "Billing Support": (
        "Nora Jensen", "David Miller", "Mei Lin", "Omar Farouk", "Isabel Costa", "Peter Novak",
    ),
    "Field Service": (
        "Jack Wilson", "Ana Ribeiro", "Lukas Meyer", "Zoe Campbell", "Mohammed Ali",
        "Ingrid Berg", "Ryan O'Connor",
    ),
}

# Desk rota per team: (start "HH:MM", paid hours) per shift; the shift lasts 30 min
# longer (unpaid break) when paid hours > 6. Weekend/holiday cover is thinner.
# Loaded hourly cost band (USD) per team. Service Desk gains a mid shift from the
# growth date so capacity roughly follows demand.
_ROTA: dict[str, dict] = {
    "Service Desk": {
        "weekday": (("07:00", 8), ("07:00", 8), ("08:00", 8), ("09:00", 8), ("11:30", 8),
                    ("11:30", 8)),
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

CHANNELS: tuple[str, ...] = ("phone", "email", "chat", "portal")
# Phone and chat are staffed 07:00-20:00 on weekdays, 09:00-17:00 at weekends and
# on holidays; outside those hours contacts arrive by email or portal only.
_OPEN = {"weekday": (7 * 60, 20 * 60), "weekend": (9 * 60, 17 * 60)}

# category: (share, subcategories, {team: affinity})
_CATEGORIES: dict[str, tuple[float, tuple[str, ...], dict[str, float]]] = {
    "Access": (0.16, ("Password reset", "Account unlock", "Permission request", "MFA"),
               {"Service Desk": 0.85, "Applications": 0.10, "Network Ops": 0.05}),
    "Hardware": (0.11, ("Laptop", "Monitor", "Peripheral", "Mobile device"),
                 {"Field Service": 0.70, "Service Desk": 0.30}),
    "Software": (0.17, ("Install request", "Application error", "Licence", "Update"),
                 {"Applications": 0.60, "Service Desk": 0.40}),
    "Network": (0.09, ("VPN", "Wi-Fi", "Connectivity", "Firewall"),
                {"Network Ops": 0.80, "Service Desk": 0.20}),
    "Email": (0.08, ("Mailbox", "Delivery", "Calendar", "Spam"),
              {"Service Desk": 0.55, "Applications": 0.45}),
    "Billing": (0.10, ("Invoice query", "Refund", "Payment failure", "Plan change"),
                {"Billing Support": 0.90, "Service Desk": 0.10}),
    "Account": (0.09, ("New user", "Profile update", "Offboarding"),
                {"Service Desk": 0.60, "Billing Support": 0.40}),
    "Printing": (0.05, ("Printer offline", "Toner", "Print queue"),
                 {"Field Service": 0.60, "Service Desk": 0.40}),
    "Security": (0.04, ("Phishing report", "Malware", "Lost device", "Access review"),
                 {"Network Ops": 0.60, "Service Desk": 0.40}),
    "Other": (0.11, ("General enquiry", "Feedback", "How-to"),
              {"Service Desk": 0.90, "Applications": 0.10}),
}
# Resolution-time multiplier by category (hardware needs a visit, resets are quick).
_CATEGORY_EFFORT = {"Hardware": 1.5, "Printing": 1.2, "Access": 0.6, "Software": 1.1,
                    "Billing": 1.1}

PRIORITIES: tuple[str, ...] = ("P1", "P2", "P3", "P4")
_PRIORITY_P = (0.02, 0.10, 0.50, 0.38)
_PRIORITY_BY_CATEGORY = {
    "Security": (0.08, 0.22, 0.50, 0.20),
    "Network": (0.04, 0.14, 0.52, 0.30),
    "Printing": (0.005, 0.045, 0.45, 0.50),
}
_PRIORITY_SPIKE = (0.06, 0.34, 0.52, 0.08)
SLA_HOURS = (4.0, 8.0, 24.0, 72.0)
_RESOLVE_MEDIAN_H = np.array([2.0, 6.0, 18.0, 40.0])
_RESOLVE_SIGMA = np.array([0.7, 0.7, 0.6, 0.6])
_FIRST_RESPONSE_MEDIAN_MIN = np.array([10.0, 30.0, 60.0, 120.0])  # email / portal
_HANDLE_MEDIAN_MIN = np.array([10.0, 12.0, 15.0, 20.0])  # phone, email, chat, portal
_HANDLE_BY_PRIORITY = np.array([1.8, 1.35, 1.0, 0.85])
_FCR_BY_CHANNEL = np.array([0.60, 0.25, 0.58, 0.20])
_FCR_BY_PRIORITY = np.array([0.3, 0.6, 1.0, 1.05])
_MAX_RESOLUTION_MIN = 30 * 1440

SEGMENTS = ("Enterprise", "SMB", "Consumer")
REGIONS = ("North America", "EMEA", "APAC")

# Relative arrivals per hour of day (lunch dip at 12:00; APAC and night owls after hours).
_HOURLY_WEEKDAY = np.array([
    0.15, 0.10, 0.08, 0.08, 0.10, 0.20, 0.45, 1.20, 2.60, 3.40, 3.50, 3.20,
    2.20, 2.90, 3.30, 3.10, 2.70, 1.90, 1.10, 0.70, 0.50, 0.40, 0.30, 0.20,
])
_HOURLY_WEEKEND = np.array([
    0.25, 0.18, 0.12, 0.10, 0.10, 0.15, 0.30, 0.60, 1.10, 1.60, 1.90, 2.00,
    1.80, 1.80, 1.80, 1.70, 1.50, 1.20, 0.90, 0.70, 0.60, 0.50, 0.40, 0.30,
])
_WEEKDAY_FACTOR = np.array([1.08, 1.04, 1.00, 0.98, 0.90, 0.30, 0.27])  # Mon..Sun
_BASE_WEEKDAY_VOLUME = 100.0  # tickets on an average weekday on _GROWTH_REF
_GROWTH_REF = date(2024, 11, 1)
_GROWTH_PER_YEAR = 0.15
_HOLIDAY_FACTOR = 0.30
_SPIKE_EXTRA = 1.7  # extra tickets on a spike day, as a multiple of the normal day
# Calls that never become tickets, relative to phone tickets (offered ~ 1.5x phone tickets).
_CALLS_WITHOUT_TICKET = 0.5
_PHONE_SHARE_OF_DESK = 0.9  # fraction of on-shift Service Desk agents taking calls
_PHONE_AHT_SECONDS = 640.0
_SL_THRESHOLD_SECONDS = 20.0
_MAX_ASA_SECONDS = 300.0

AVAILABILITY_SERVICES = ("Email", "Telephony", "Portal", "VPN", "ERP")

# Fixed document timestamp so the same frames give the same bytes.
_DOC_CREATED = datetime(2026, 11, 1, 0, 0, 0)
_DATE_COLUMNS = frozenset({"date", "period", "due_date", "last_review", "start_date"})
_EXCEL_EPOCH = np.datetime64("1899-12-30T00:00:00", "us")


# --------------------------------------------------------------------------- calendar


class _Calendar:
    """Day-level arrays for the generated window."""

    def __init__(self, end: date, days: int):
        self.end = end
        self.start = end - timedelta(days=days - 1)
        self.n = days
        self.dates = np.arange(
            np.datetime64(self.start, "D"), np.datetime64(end, "D") + 1, dtype="datetime64[D]"
        )
        self.py_dates = [self.start + timedelta(days=i) for i in range(days)]
        self.weekday = np.array([d.weekday() for d in self.py_dates])
        us = holidays.US(years=range(self.start.year, end.year + 1))
        self.holiday = np.array([d in us for d in self.py_dates])
        self.weekend_like = (self.weekday >= 5) | self.holiday
        # Years since a fixed reference day, so a short window shows the same level as
        # the same dates in a long one.
        self.t_years = ((self.start - _GROWTH_REF).days + np.arange(days)) / 365.25
        # Week number relative to the Monday on or before the start.
        self.week = (np.arange(days) + self.weekday[0]) // 7
        self.week_monday = [
            self.start - timedelta(days=int(self.weekday[0])) + timedelta(weeks=int(w))
            for w in range(int(self.week[-1]) + 1)
        ]
        under = set(UNDERSTAFFED_WEEKS)
        self.understaffed_week = np.array([m in under for m in self.week_monday])
        self.understaffed = self.understaffed_week[self.week]
        wk_open, we_open = _OPEN["weekday"], _OPEN["weekend"]
        self.open_min = np.where(self.weekend_like, we_open[0], wk_open[0])
        self.close_min = np.where(self.weekend_like, we_open[1], wk_open[1])
        self.end_minute = days * 1440 - 1  # 23:59 on the last day

    def index(self, d: date) -> int | None:
        i = (d - self.start).days
        return i if 0 <= i < self.n else None

    def to_datetime(self, minutes: np.ndarray) -> np.ndarray:
        """Minutes since the window start (float, NaN = missing) -> datetime64[us]."""
        base = np.datetime64(self.start, "m")
        out = np.full(minutes.shape, np.datetime64("NaT"), dtype="datetime64[us]")
        ok = ~np.isnan(minutes)
        out[ok] = (base + minutes[ok].astype(np.int64).astype("timedelta64[m]")).astype(
            "datetime64[us]"
        )
        return out


def _seasonality(cal: _Calendar) -> np.ndarray:
    """Yearly factor: January and September peaks, August and late-December lows."""
    doy = np.array([d.timetuple().tm_yday for d in cal.py_dates], dtype=float)

    def bump(center: float, width: float, amp: float) -> np.ndarray:
        dist = np.abs(doy - center)
        dist = np.minimum(dist, 365.25 - dist)
        return amp * np.exp(-0.5 * (dist / width) ** 2)

    return 1 + bump(12, 12, 0.16) + bump(253, 14, 0.14) + bump(220, 12, -0.17) + bump(
        362, 4.5, -0.35
    )


def _pick(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One categorical draw per row of ``probs`` (rows need not be normalised)."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(len(probs)) * cum[:, -1]
    return np.minimum((u[:, None] >= cum).sum(axis=1), probs.shape[1] - 1)


def _phone_share(t_years: np.ndarray) -> np.ndarray:
    """Share of staffed-hours contacts by phone; the portal takes 3 points a year."""
    return np.clip(0.38 - 0.03 * t_years, 0.15, 0.5)


def _hhmm(text: str) -> int:
    h, m = text.split(":")
    return int(h) * 60 + int(m)


# --------------------------------------------------------------------------- roster


def _roster(cal: _Calendar, rng: np.random.Generator) -> pd.DataFrame:
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
                rows.append((di, ti, pool[int(ai)], _hhmm(start), hours))

    n = len(rows)
    day = np.array([r[0] for r in rows])
    team_idx = np.array([r[1] for r in rows])
    agent = np.array([r[2] for r in rows], dtype=object)
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

    rate = np.array([base_rate[a] for a in agent])
    raise_day = cal.index(_PAY_RISE_FROM)
    if raise_day is not None:
        rate = np.where(day >= raise_day, np.round(rate * 1.03, 2), rate)
    elif _PAY_RISE_FROM < cal.start:
        rate = np.round(rate * 1.03, 2)

    frame = pd.DataFrame(
        {
            "date": cal.dates[day].astype("datetime64[us]"),
            "team": pd.array(np.array(TEAMS)[team_idx], dtype="str"),
            "agent": pd.array(agent.astype(str), dtype="str"),
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


# --------------------------------------------------------------------------- tickets


def _tickets(
    cal: _Calendar, roster: pd.DataFrame, rng: np.random.Generator
) -> tuple[pd.DataFrame, dict]:
    """Tickets plus internals the interval table needs (expected phone demand, spike calls)."""
    n_days = cal.n
    lam = (
        _BASE_WEEKDAY_VOLUME
        * (1 + _GROWTH_PER_YEAR) ** cal.t_years
        * _WEEKDAY_FACTOR[cal.weekday]
        * _seasonality(cal)
        * np.where(cal.holiday, _HOLIDAY_FACTOR, 1.0)
    )
    lam = lam * rng.gamma(150.0, 1 / 150.0, n_days)  # day-to-day overdispersion
    counts = rng.poisson(lam)

    categories = list(_CATEGORIES)
    cat_share = np.array([_CATEGORIES[c][0] for c in categories])
    prof_wd = _HOURLY_WEEKDAY / _HOURLY_WEEKDAY.sum()
    prof_we = _HOURLY_WEEKEND / _HOURLY_WEEKEND.sum()

    day = np.repeat(np.arange(n_days), counts)
    n = len(day)
    we = cal.weekend_like[day]
    u = rng.random(n)
    hour = np.where(
        we,
        np.searchsorted(np.cumsum(prof_we), u, side="right"),
        np.searchsorted(np.cumsum(prof_wd), u, side="right"),
    ).clip(0, 23)
    minute = hour * 60 + rng.integers(0, 60, n)
    cat = rng.choice(len(categories), size=n, p=cat_share)
    sub = np.full(n, -1)
    spike_service = np.full(n, -1)
    spike_end = np.full(n, -1)

    # Planted incidents: extra tickets in one category from the outage start on.
    extra_parts = []
    for d, (c, s, svc, start, minutes) in SPIKES.items():
        di = cal.index(d)
        if di is None:
            continue
        k = int(rng.poisson(lam[di] * _SPIKE_EXTRA))
        s0 = _hhmm(start)
        offs = np.minimum(rng.exponential(150.0, k), 1439 - s0).astype(int)
        extra_parts.append(
            (
                np.full(k, di),
                s0 + offs,
                np.full(k, categories.index(c)),
                np.full(k, _CATEGORIES[c][1].index(s)),
                np.full(k, AVAILABILITY_SERVICES.index(svc)),
                np.full(k, di * 1440 + s0 + minutes),
            )
        )
    is_spike = np.zeros(n, dtype=bool)
    if extra_parts:
        parts = list(zip(*extra_parts, strict=True))
        day = np.concatenate([day, *parts[0]])
        minute = np.concatenate([minute, *parts[1]])
        cat = np.concatenate([cat, *parts[2]])
        sub = np.concatenate([sub, *parts[3]])
        spike_service = np.concatenate([spike_service, *parts[4]])
        spike_end = np.concatenate([spike_end, *parts[5]])
        is_spike = np.concatenate([is_spike, np.ones(len(day) - n, dtype=bool)])
    created = day * 1440 + minute
    order = np.argsort(created, kind="stable")
    day, minute, cat, sub, created = day[order], minute[order], cat[order], sub[order], created[order]
    spike_service, spike_end, is_spike = spike_service[order], spike_end[order], is_spike[order]
    n = len(day)

    # Subcategory (spikes keep theirs).
    n_sub = np.array([len(_CATEGORIES[c][1]) for c in categories])
    draw = (rng.random(n) * n_sub[cat]).astype(int)
    sub = np.where(sub >= 0, sub, draw)
    sub_names = np.array(
        [_CATEGORIES[categories[c]][1][s] for c, s in zip(cat.tolist(), sub.tolist(), strict=True)],
        dtype=object,
    )

    # Channel: phone/chat only while staffed; portal gains share from phone over time.
    t = cal.t_years[day]
    is_open = (minute >= cal.open_min[day]) & (minute < cal.close_min[day])
    p_open = np.column_stack(
        [_phone_share(t), np.full(n, 0.22), np.full(n, 0.15), 0.63 - _phone_share(t)]
    )
    email_outage = AVAILABILITY_SERVICES.index("Email")
    p_spike = np.where(
        (spike_service == email_outage)[:, None], [0.50, 0.0, 0.25, 0.25], [0.45, 0.10, 0.20, 0.25]
    )
    probs = np.where(is_spike[:, None], p_spike, p_open)
    probs = np.where(is_open[:, None], probs, [0.0, 0.4, 0.0, 0.6])
    channel = _pick(rng, probs)

    # Team from category affinity.
    affinity = np.array(
        [[_CATEGORIES[c][2].get(team, 0.0) for team in TEAMS] for c in categories]
    )
    team = _pick(rng, affinity[cat])

    # Priority.
    prio_table = np.array([_PRIORITY_BY_CATEGORY.get(c, _PRIORITY_P) for c in categories])
    prio_probs = np.where(is_spike[:, None], _PRIORITY_SPIKE, prio_table[cat])
    prio = _pick(rng, prio_probs)
    sla = np.array(SLA_HOURS)[prio]

    # Agent: someone of that team working that day, else the next day the team works.
    working = roster[roster["worked_hours"] > 0]
    all_agents = [a for t_ in TEAMS for a in AGENTS[t_]]
    agent_code = {a: i for i, a in enumerate(all_agents)}
    key_r = working["_day"].to_numpy() * len(TEAMS) + working["_team"].to_numpy()
    order_r = np.argsort(key_r, kind="stable")
    key_sorted = key_r[order_r]
    agents_sorted = np.array([agent_code[a] for a in working["agent"]])[order_r]
    n_keys = n_days * len(TEAMS)
    first = np.searchsorted(key_sorted, np.arange(n_keys), side="left")
    count = np.searchsorted(key_sorted, np.arange(n_keys), side="right") - first
    eff_day = np.empty((len(TEAMS), n_days), dtype=int)
    days_idx = np.arange(n_days)
    for ti in range(len(TEAMS)):
        has = count[days_idx * len(TEAMS) + ti] > 0
        nxt = np.minimum.accumulate(np.where(has, days_idx, n_days)[::-1])[::-1]
        prv = np.maximum.accumulate(np.where(has, days_idx, -1))
        eff_day[ti] = np.where(nxt < n_days, nxt, np.maximum(prv, 0))
    key_t = eff_day[team, day] * len(TEAMS) + team
    cnt = count[key_t]
    pick = first[key_t] + (rng.random(n) * np.maximum(cnt, 1)).astype(int)
    fallback = np.array([agent_code[AGENTS[TEAMS[ti]][0]] for ti in range(len(TEAMS))])
    agent = np.where(cnt > 0, agents_sorted[np.minimum(pick, len(agents_sorted) - 1)],
                     fallback[team])
    speed = np.exp(rng.normal(0, 0.2, len(all_agents)))[agent]  # >1 = slower agent
    skill = rng.uniform(0.85, 1.15, len(all_agents))[agent]

    # Load: tickets per worked hour in the creation week, relative to the usual week.
    week = cal.week[day]
    n_weeks = len(cal.week_monday)
    week_tickets = np.bincount(week, minlength=n_weeks)
    week_hours = np.bincount(
        cal.week[roster["_day"].to_numpy()], weights=roster["worked_hours"].to_numpy(),
        minlength=n_weeks,
    )
    ratio = week_tickets / np.maximum(week_hours, 1.0)
    load = np.clip((ratio / np.median(ratio)) ** 1.6, 0.7, 2.6)[week]

    # First contact resolution.
    spike_fcr = np.where(is_spike, 0.5, 1.0)
    p_fcr = np.clip(_FCR_BY_CHANNEL[channel] * _FCR_BY_PRIORITY[prio] * skill * spike_fcr, 0, 0.95)
    fcr = rng.random(n) < p_fcr

    # Agent effort (minutes).
    handle = (
        _HANDLE_MEDIAN_MIN[channel]
        * _HANDLE_BY_PRIORITY[prio]
        * np.sqrt(speed)
        * np.exp(rng.normal(0, 0.45, n))
    )
    handle = np.maximum(np.round(handle, 1), 1.0)

    # First response: live channels answer in minutes; email/portal wait for opening
    # hours (except P1, which is on call) and queue longer when the desk is loaded.
    live = (channel == 0) | (channel == 2)
    next_open = np.where(
        minute < cal.open_min[day],
        day * 1440 + cal.open_min[day],
        (day + 1) * 1440 + np.append(cal.open_min, cal.open_min[-1])[day + 1],
    )
    queue_from = np.where(is_open | (prio == 0), created, next_open)
    fr_live = created + np.exp(rng.normal(np.log(1.5), 0.7, n)) * load
    fr_queue = queue_from + np.exp(rng.normal(np.log(_FIRST_RESPONSE_MEDIAN_MIN[prio]), 0.9, n)) * load
    first_resp = np.ceil(np.where(live, fr_live, fr_queue))
    first_resp = np.maximum(first_resp, created + 1)

    # Resolution.
    cat_effort = np.array([_CATEGORY_EFFORT.get(c, 1.0) for c in categories])[cat]
    res_h = (
        _RESOLVE_MEDIAN_H[prio] * load * speed * cat_effort
        * np.exp(rng.normal(0, 1, n) * _RESOLVE_SIGMA[prio])
    )
    resolved = created + res_h * 60
    # Incident tickets are resolved in bulk once the outage is fixed.
    bulk = np.maximum(spike_end, created) + np.exp(rng.normal(np.log(45), 0.8, n))
    resolved = np.where(is_spike & (created < spike_end), bulk, resolved)
    wrap = rng.uniform(0, 5, n)
    resolved = np.where(fcr, first_resp + handle + wrap, np.maximum(resolved, first_resp + handle))
    # Reopens: rarer after first-contact fixes, commoner under load; each adds a day or so.
    u = rng.random(n)
    scale = np.where(fcr, 0.6, 1.15) * np.sqrt(load)
    reopen = np.where(u < 0.01 * scale, 2, np.where(u < 0.06 * scale, 1, 0))
    extra = np.exp(rng.normal(np.log(20 * 60), 0.7, (n, 2)))
    resolved = resolved + np.where(reopen >= 1, extra[:, 0], 0) + np.where(reopen >= 2, extra[:, 1], 0)
    resolved = np.ceil(np.minimum(resolved, created + _MAX_RESOLUTION_MIN))
    resolved = np.maximum(resolved, first_resp)

    is_resolved = resolved <= cal.end_minute
    resolved_out = np.where(is_resolved, resolved, np.nan)
    closed = resolved + rng.integers(0, 3 * 1440 + 1, n)
    closed_out = np.where(is_resolved & (closed <= cal.end_minute), closed, np.nan)
    fr_out = np.where(first_resp <= cal.end_minute, first_resp, np.nan)
    status = np.where(
        is_resolved,
        np.where(np.isnan(closed_out), "Resolved", "Closed"),
        np.where(np.isnan(fr_out), "Open", "In Progress"),
    )
    fcr = fcr & is_resolved
    reopen = np.where(is_resolved, reopen, 0)

    # CSAT on ~25 % of resolved tickets; breaches and reopens score lower.
    breached = (resolved - created) > sla * 60
    unhappy = breached | (reopen > 0)
    good = np.array([0.02, 0.03, 0.08, 0.30, 0.57])
    bad = np.array([0.14, 0.16, 0.25, 0.27, 0.18])
    score = _pick(rng, np.where(unhappy[:, None], bad, good)) + 1.0
    answered = is_resolved & (rng.random(n) < 0.25)
    csat = np.where(answered, score, np.nan)

    # Region follows the clock: after-hours tickets come more from APAC and EMEA.
    daytime = (minute >= 7 * 60) & (minute < 19 * 60)
    region = _pick(rng, np.where(daytime[:, None], [0.55, 0.30, 0.15], [0.20, 0.35, 0.45]))
    segment = rng.choice(len(SEGMENTS), size=n, p=[0.30, 0.42, 0.28])

    tickets = pd.DataFrame(
        {
            "ticket_id": pd.array([f"INC{1001 + i:07d}" for i in range(n)], dtype="str"),
            "created_at": cal.to_datetime(created.astype(float)),
            "first_response_at": cal.to_datetime(fr_out),
            "resolved_at": cal.to_datetime(resolved_out),
            "closed_at": cal.to_datetime(closed_out),
            "status": pd.array(status, dtype="str"),
            "channel": pd.array(np.array(CHANNELS)[channel], dtype="str"),
            "category": pd.array(np.array(categories)[cat], dtype="str"),
            "subcategory": pd.array(sub_names.astype(str), dtype="str"),
            "priority": pd.array(np.array(PRIORITIES)[prio], dtype="str"),
            "team": pd.array(np.array(TEAMS)[team], dtype="str"),
            "agent": pd.array(np.array(all_agents)[agent], dtype="str"),
            "customer_segment": pd.array(np.array(SEGMENTS)[segment], dtype="str"),
            "region": pd.array(np.array(REGIONS)[region], dtype="str"),
            "sla_hours": sla,
            "first_contact_resolved": fcr,
            "reopen_count": reopen.astype(np.int64),
            "csat": csat,
            "handle_minutes": handle,
        }
    )
    internals = {
        "lam": lam,
        "day": day,
        "minute": minute,
        "channel": channel,
        "is_spike": is_spike,
    }
    return tickets, internals


# --------------------------------------------------------------------------- intervals


def _erlang_c(a: np.ndarray, k: np.ndarray, aht: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Erlang C service level (answered within the threshold) and ASA for ``k`` agents.

    Overloaded intervals (k <= a) have no steady state; callers abandon instead, so
    we return a low service level and a long wait.
    """
    k = np.maximum(k, 1)
    b = np.ones_like(a)
    b_at_k = np.ones_like(a)
    for j in range(1, int(k.max()) + 1):
        b = a * b / (j + a * b)
        b_at_k = np.where(k == j, b, b_at_k)
    ok = k > a
    denom = np.where(ok, k - a * (1 - b_at_k), 1.0)
    c = np.where(ok, k * b_at_k / denom, 1.0)
    gap = np.where(ok, k - a, 1.0)
    sl = np.where(ok, 1 - c * np.exp(-gap * _SL_THRESHOLD_SECONDS / aht), 0.0)
    # Callers hang up long before the steady-state wait near saturation: cap it.
    asa = np.where(ok, np.minimum(c * aht / gap, _MAX_ASA_SECONDS), _MAX_ASA_SECONDS)
    sl = np.maximum(sl, 0.15)
    return sl, asa


def _intervals(
    cal: _Calendar, internals: dict, roster: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    """30-minute phone queue statistics for the staffed intervals only."""
    n_days = cal.n
    slots = np.arange(48)
    day_grid = np.repeat(np.arange(n_days), 48)
    slot_grid = np.tile(slots, n_days)
    start_min = slot_grid * 30
    staffed = (start_min >= cal.open_min[day_grid]) & (start_min < cal.close_min[day_grid])

    is_phone = internals["channel"] == 0
    slot_of = internals["day"] * 48 + internals["minute"] // 30
    phone_tickets = np.bincount(slot_of[is_phone], minlength=n_days * 48)
    spike_phone = np.bincount(slot_of[is_phone & internals["is_spike"]], minlength=n_days * 48)

    # Expected phone tickets per slot from the demand model (without the incident).
    prof_wd = _HOURLY_WEEKDAY / _HOURLY_WEEKDAY.sum()
    prof_we = _HOURLY_WEEKEND / _HOURLY_WEEKEND.sum()
    prof = np.where(cal.weekend_like[day_grid], prof_we[slot_grid // 2], prof_wd[slot_grid // 2])
    p_phone = _phone_share(cal.t_years[day_grid])
    expected = internals["lam"][day_grid] * prof / 2 * p_phone
    extra = rng.poisson(_CALLS_WITHOUT_TICKET * (expected + spike_phone))
    offered = np.where(staffed, phone_tickets + extra, 0)

    # Service Desk agents on shift (present) per slot; a share of them takes calls.
    desk = roster[(roster["_team"] == 0) & (roster["worked_hours"] > 0)]
    s0 = desk["_start"].to_numpy() // 30
    s1 = desk["_end"].to_numpy() // 30
    lengths = s1 - s0
    covered = np.repeat(s0, lengths) + (
        np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    )
    on_shift = np.bincount(covered, minlength=n_days * 48)[: n_days * 48]
    agents = np.maximum(_PHONE_SHARE_OF_DESK * on_shift, 1.0)

    aht_true = _PHONE_AHT_SECONDS * np.exp(rng.normal(0, 0.08, n_days * 48))
    a = offered * aht_true / 1800.0
    k_lo = np.floor(agents)
    frac = agents - k_lo
    sl_lo, asa_lo = _erlang_c(a, k_lo, aht_true)
    sl_hi, asa_hi = _erlang_c(a, k_lo + 1, aht_true)
    sl = (1 - frac) * sl_lo + frac * sl_hi
    asa = (1 - frac) * asa_lo + frac * asa_hi

    p_abandon = np.clip(0.01 + 0.05 * asa / 60.0, 0, 0.5)
    abandoned = rng.binomial(offered, p_abandon)
    answered = offered - abandoned
    within = rng.binomial(answered, np.clip(sl / (1 - p_abandon), 0, 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        service_level = np.where(offered > 0, within / np.maximum(offered, 1), np.nan)
        noise = np.exp(rng.normal(0, 0.45 / np.sqrt(np.maximum(answered, 1))))
        aht = np.where(answered > 0, np.round(aht_true * noise), np.nan)
        asa_obs = np.where(
            answered > 0, np.round(asa * np.exp(rng.normal(0, 0.3, len(asa))), 1), np.nan
        )

    keep = staffed
    minutes = (day_grid * 1440 + start_min)[keep].astype(float)
    return pd.DataFrame(
        {
            "interval_start": cal.to_datetime(minutes),
            "offered": offered[keep].astype(np.int64),
            "channel": pd.array(np.full(int(keep.sum()), "phone"), dtype="str"),
            "answered": answered[keep].astype(np.int64),
            "abandoned": abandoned[keep].astype(np.int64),
            "aht_seconds": aht[keep],
            "asa_seconds": asa_obs[keep],
            "service_level": np.round(service_level[keep], 4),
        }
    )


# --------------------------------------------------------------------------- costs


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


def _costs(cal: _Calendar, roster: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Monthly cost lines; Staff = roster worked hours x hourly cost per team and month."""
    month = roster["date"].dt.to_period("M")
    staff = (
        (roster["worked_hours"] * roster["hourly_cost"])
        .groupby([roster["team"], month])
        .sum()
    )
    periods = pd.period_range(cal.start, cal.end, freq="M")
    spike_months = {pd.Period(d, "M"): SPIKES[d] for d in SPIKE_DATES if cal.index(d) is not None}
    under_months = {pd.Period(m, "M") for m in UNDERSTAFFED_WEEKS if cal.index(m) is not None}

    # Staff budget: one flat monthly plan per team and calendar year, set near the
    # year's average actual, so months with more working days overrun it.
    staff_plan: dict[tuple[str, int], float] = {}
    for (team, per), value in staff.items():
        staff_plan.setdefault((team, per.year), 0.0)
        staff_plan[(team, per.year)] += value
    months_in_year = {}
    for per in periods:
        months_in_year[per.year] = months_in_year.get(per.year, 0) + 1
    plan_bias = {k: float(rng.uniform(0.99, 1.05)) for k in sorted(staff_plan)}

    rows = []
    for per in periods:
        year_uplift = 1.06 ** (per.year - cal.start.year)
        for team in TEAMS:
            amount = round(float(staff.get((team, per), 0.0)), 2)
            plan = staff_plan.get((team, per.year), 0.0) / months_in_year[per.year]
            rows.append((per, amount, team, "Staff", "Shared",
                         round(plan * plan_bias.get((team, per.year), 1.0), -2)))
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
            service = "VPN" if team == "Network Ops" else "ERP" if team == "Applications" else (
                "Portal")
            spike = spike_months.get(per)
            if spike and team == "Network Ops":
                actual += 6500.0  # incident response contractors
            rows.append((per, round(actual, 2), team, "Contractors", service, round(plan, -1)))
        if per in under_months:
            # Agency staff backfilling the short week: unplanned.
            rows.append((per, round(float(rng.uniform(3500, 5500)), 2), "Service Desk",
                         "Contractors", "Portal", 0.0))

    frame = pd.DataFrame(rows, columns=["period", "amount", "cost_center", "category",
                                        "service", "budget"])
    frame["period"] = frame["period"].dt.to_timestamp().astype("datetime64[us]")
    for col in ("cost_center", "category", "service"):
        frame[col] = frame[col].astype("str")
    return frame


# --------------------------------------------------------------------------- availability


def _availability(cal: _Calendar, rng: np.random.Generator) -> pd.DataFrame:
    """Daily planned and down minutes per service: rare short outages plus the incidents."""
    n_svc = len(AVAILABILITY_SERVICES)
    down = np.where(
        rng.random((cal.n, n_svc)) < 0.012,
        np.minimum(np.round(rng.lognormal(np.log(25), 0.8, (cal.n, n_svc))), 240),
        0.0,
    )
    for d, (_c, _s, svc, _start, minutes) in SPIKES.items():
        di = cal.index(d)
        if di is not None:
            down[di, AVAILABILITY_SERVICES.index(svc)] = float(minutes)
    return pd.DataFrame(
        {
            "date": np.repeat(cal.dates, n_svc).astype("datetime64[us]"),
            "service": pd.array(np.tile(AVAILABILITY_SERVICES, cal.n), dtype="str"),
            "planned_minutes": np.full(cal.n * n_svc, 1440.0),
            "downtime_minutes": down.ravel(),
        }
    )


# --------------------------------------------------------------------------- registers


# (title, category, owner, inherent likelihood, inherent impact, mitigation)
_RISKS = (
    ("Single VPN concentrator failure", "Technology", "Victor Hale", 3, 5,
     "Deploy second concentrator in active-active"),
    ("Key-person dependency on ERP integration", "People", "Sunita Rao", 4, 4,
     "Cross-train two engineers; document runbooks"),
    ("Service Desk attrition above plan", "People", "Claire Donovan", 4, 3,
     "Retention bonus and career ladder"),
    ("Telephony platform end of support", "Technology", "Claire Donovan", 3, 4,
     "Migrate to cloud contact centre"),
    ("Phishing campaign compromises accounts", "Security", "Andrew Frost", 4, 5,
     "MFA everywhere; phishing simulations"),
    ("Ransomware on file shares", "Security", "Andrew Frost", 2, 5,
     "Immutable backups; EDR rollout"),
    ("Billing run fails at month end", "Operational", "Marcus Webb", 2, 4,
     "Automated pre-run checks and rollback"),
    ("SLA penalties from enterprise contracts", "Financial", "Julia Moreau", 3, 4,
     "Early-warning dashboard on breach trend"),
    ("Email relay blacklisted", "Technology", "Sunita Rao", 2, 3,
     "SPF/DKIM/DMARC enforcement"),
    ("Field van fleet breakdowns", "Operational", "Helen Park", 3, 2,
     "Preventive maintenance contract"),
    ("Spare parts shortage for laptops", "Supplier", "Helen Park", 3, 3,
     "Second supplier; buffer stock"),
    ("Knowledge base out of date", "Process", "Claire Donovan", 4, 2,
     "Article owners and quarterly review"),
    ("Portal outage during peak season", "Technology", "Sunita Rao", 2, 4,
     "Load testing before September peak"),
    ("Data protection breach in ticket notes", "Compliance", "Andrew Frost", 2, 5,
     "PII masking in ticket tool"),
    ("Budget cut to tooling", "Financial", "Julia Moreau", 3, 3,
     "Business case for tooling consolidation"),
    ("Vendor lock-in on ERP hosting", "Supplier", "Sunita Rao", 3, 3,
     "Exit plan and data export tests"),
    ("Power failure at main site", "Facilities", "Helen Park", 1, 4,
     "UPS and generator testing"),
    ("Understaffing during flu season", "People", "Claire Donovan", 4, 3,
     "Flexible pool and overtime agreement"),
    ("Change without approval causes outage", "Process", "Victor Hale", 3, 4,
     "Change advisory board and freeze windows"),
    ("Monitoring gaps on network edge", "Technology", "Victor Hale", 3, 3,
     "Extend monitoring to branch routers"),
    ("Customer data in shadow IT tools", "Compliance", "Andrew Frost", 3, 3,
     "SaaS discovery and policy"),
    ("Backlog growth after product launch", "Operational", "Julia Moreau", 3, 3,
     "Launch readiness checklist with support"),
    ("Chat bot gives wrong answers", "Technology", "Claire Donovan", 2, 2,
     "Human review of bot intents"),
    ("Contractor rates increase", "Financial", "Julia Moreau", 4, 2,
     "Framework agreement with fixed rates"),
    ("Certificate expiry on customer portal", "Technology", "Sunita Rao", 3, 4,
     "Automated certificate renewal"),
    ("Field engineer safety incident", "Health & safety", "Helen Park", 2, 4,
     "Lone-worker app and training"),
    ("Billing disputes escalate to regulator", "Compliance", "Marcus Webb", 2, 4,
     "Dispute SLA and root-cause reviews"),
    ("Loss of APAC follow-the-sun partner", "Supplier", "Julia Moreau", 2, 3,
     "Second partner shortlisted"),
    ("Aging laptops raise hardware tickets", "Technology", "Helen Park", 4, 2,
     "Refresh programme over two years"),
    ("Single agent handles all VIP tickets", "People", "Claire Donovan", 3, 3,
     "VIP pool of three agents"),
)


def _risks(cal: _Calendar, rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for i, (title, category, owner, lik, imp, mitigation) in enumerate(_RISKS, start=1):
        status = str(rng.choice(["Open", "Mitigating", "Closed", "Accepted"],
                                p=[0.35, 0.4, 0.15, 0.10]))
        reduce_l = int(rng.integers(0, 3)) if status in ("Mitigating", "Closed") else int(
            rng.integers(0, 2))
        reduce_i = int(rng.integers(0, 2)) if status != "Accepted" else 0
        res_l = max(1, lik - reduce_l)
        res_i = max(1, imp - reduce_i)
        # A quarter of the reviews are overdue (older than 90 days at the data end).
        age = int(rng.integers(100, 260)) if rng.random() < 0.25 else int(rng.integers(3, 85))
        last_review = cal.end - timedelta(days=age)
        due = cal.end + timedelta(days=int(rng.integers(-75, 200)))
        if status == "Closed":
            due = cal.end - timedelta(days=int(rng.integers(20, 200)))
        rows.append((f"R-{i:03d}", title, lik, imp, category, owner, res_l, res_i, status,
                     mitigation, due, last_review))
    frame = pd.DataFrame(rows, columns=list(COLUMNS["risks"]))
    return _finish_register(frame, ("due_date", "last_review"))


# (name, category, stage, owner)
_INITIATIVES = (
    ("Password self-service reset", "Self-service", "scaled", "Claire Donovan"),
    ("Knowledge base revamp", "Knowledge", "scaled", "Claire Donovan"),
    ("Chat bot for top 20 intents", "Automation", "rollout", "Sunita Rao"),
    ("Auto-routing by category", "Automation", "scaled", "Julia Moreau"),
    ("Field service scheduling app", "Tooling", "rollout", "Helen Park"),
    ("Billing dispute fast lane", "Process", "rollout", "Marcus Webb"),
    ("Proactive outage notifications", "Process", "rollout", "Victor Hale"),
    ("Swarming for P2 incidents", "Process", "pilot", "Julia Moreau"),
    ("Agent desktop consolidation", "Tooling", "pilot", "Claire Donovan"),
    ("Predictive staffing model", "Analytics", "pilot", "Julia Moreau"),
    ("Customer portal redesign", "Self-service", "pilot", "Sunita Rao"),
    ("VPN health auto-remediation", "Automation", "assessment", "Victor Hale"),
    ("Shift-left to Service Desk for Access", "Process", "assessment", "Claire Donovan"),
    ("Sentiment analysis on emails", "Analytics", "assessment", "Sunita Rao"),
    ("Remote hands partner for field", "Sourcing", "assessment", "Helen Park"),
    ("Voice biometrics for phone ID", "Tooling", "idea", "Andrew Frost"),
    ("Gamified agent quality scores", "People", "idea", "Claire Donovan"),
    ("Follow-the-sun APAC desk", "Sourcing", "idea", "Julia Moreau"),
    ("Printer fleet outsourcing", "Sourcing", "stopped", "Helen Park"),
    ("Blockchain asset register", "Tooling", "stopped", "Marcus Webb"),
)
_STAGE_AGE_DAYS = {"idea": (10, 90), "assessment": (40, 150), "pilot": (90, 240),
                   "rollout": (180, 420), "scaled": (360, 700), "stopped": (150, 500)}
_STAGE_ADOPTION = {"idea": (0.0, 0.0), "assessment": (0.0, 0.0), "pilot": (0.05, 0.25),
                   "rollout": (0.30, 0.70), "scaled": (0.70, 0.95), "stopped": (0.0, 0.15)}


def _initiatives(cal: _Calendar, rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for i, (name, category, stage, owner) in enumerate(_INITIATIVES, start=1):
        lo, hi = _STAGE_AGE_DAYS[stage]
        start = cal.end - timedelta(days=int(rng.integers(lo, hi)))
        investment = round(float(rng.uniform(15_000, 240_000)), -3)
        expected = round(investment * float(rng.uniform(0.35, 1.6)), -3)
        a_lo, a_hi = _STAGE_ADOPTION[stage]
        adoption = round(float(rng.uniform(a_lo, a_hi)), 2)
        if stage == "scaled":
            realised = round(expected * float(rng.uniform(0.6, 1.1)), -3)
        elif stage == "rollout":
            realised = round(expected * adoption * float(rng.uniform(0.5, 1.0)), -3)
        else:
            realised = np.nan
        rows.append((f"I-{i:02d}", name, stage, owner, start, investment, expected, realised,
                     adoption, category))
    frame = pd.DataFrame(rows, columns=list(COLUMNS["initiatives"]))
    return _finish_register(frame, ("start_date",))


def _finish_register(frame: pd.DataFrame, date_cols: tuple[str, ...]) -> pd.DataFrame:
    for col in frame.columns:
        if col in date_cols:
            frame[col] = pd.to_datetime(frame[col]).astype("datetime64[us]")
        elif frame[col].dtype == object:
            frame[col] = frame[col].astype("str")
    return frame


# --------------------------------------------------------------------------- surveys


_SERVQUAL_EXPECTATION = {"tangibles": 5.4, "reliability": 6.5, "responsiveness": 6.2,
                         "assurance": 6.0, "empathy": 5.8}
_SERVQUAL_GAP = {"tangibles": 0.2, "reliability": 1.3, "responsiveness": 0.9,
                 "assurance": 0.4, "empathy": 0.6}


def _surveys(cal: _Calendar, tickets: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Survey responses for resolved tickets that carry a CSAT score (same score)."""
    rated = tickets[tickets["csat"].notna()]
    n = min(len(rated), max(50, round(3000 * cal.n / 730)))
    chosen = np.sort(rng.choice(len(rated), size=n, replace=False))
    sample = rated.iloc[chosen]
    delay = np.minimum(rng.geometric(0.5, n) - 1, 5).astype("timedelta64[D]")
    day = sample["resolved_at"].to_numpy().astype("datetime64[D]") + delay
    day = np.minimum(day, np.datetime64(cal.end, "D"))
    csat = sample["csat"].to_numpy().astype(np.int64)
    nps_centre = np.array([0, 2.0, 4.5, 6.5, 8.0, 9.3])[csat]
    nps = np.clip(np.round(nps_centre + rng.normal(0, 1.2, n)), 0, 10).astype(np.int64)
    data = {
        "date": day.astype("datetime64[us]"),
        "ticket_id": sample["ticket_id"].to_numpy(),
        "csat": csat,
        "nps": nps,
    }
    for dim, mu in _SERVQUAL_EXPECTATION.items():
        exp = np.clip(np.round(rng.normal(mu, 0.6, n)), 1, 7)
        perc = np.clip(
            np.round(exp - _SERVQUAL_GAP[dim] + 0.5 * (csat - 4) + rng.normal(0, 0.7, n)), 1, 7
        )
        data[f"{dim}_expectation"] = exp.astype(np.int64)
        data[f"{dim}_perception"] = perc.astype(np.int64)
    frame = pd.DataFrame(data).sort_values(["date", "ticket_id"], kind="stable")
    frame.insert(0, "response_id", [f"SR{i:05d}" for i in range(1, n + 1)])
    frame["response_id"] = frame["response_id"].astype("str")
    frame["ticket_id"] = frame["ticket_id"].astype("str")
    return frame.reset_index(drop=True)[list(COLUMNS["surveys"])]


def _targets() -> pd.DataFrame:
    rows = [
        ("sla_attainment", 0.90, "higher", 0.05, None),
        ("fcr_rate", 0.60, "higher", 0.05, None),
        ("csat_avg", 4.2, "higher", 0.2, None),
        ("resolution_hours_median", 12.0, "lower", 4.0, None),
        ("reopen_rate", 0.05, "lower", 0.02, None),
        ("availability", 0.995, "higher", 0.003, None),
        ("cost_per_ticket", 30.0, "lower", 5.0, None),
        # Field work needs a visit: a looser resolution target for that team.
        ("sla_attainment", 0.85, "higher", 0.05, "Field Service"),
        ("resolution_hours_median", 24.0, "lower", 6.0, "Field Service"),
    ]
    frame = pd.DataFrame(rows, columns=list(COLUMNS["targets"]))
    for col in ("kpi", "direction", "team"):
        frame[col] = frame[col].astype("str")
    return frame


# --------------------------------------------------------------------------- public API


def generate(
    seed: int = 7, *, days: int = 730, end: date = DEFAULT_END
) -> dict[str, pd.DataFrame]:
    """Generate the sample workspace.

    Args:
        seed: random seed; the same seed gives the same frames.
        days: length of the window in days, ending on ``end`` (inclusive).
        end: last day of data; tickets still unresolved then are open.

    Returns:
        ``{table: DataFrame}`` for tickets, intervals, roster, costs, availability, risks,
        initiatives, surveys and targets, each with exactly ``COLUMNS[table]``.
        Timestamps are naive ``datetime64[us]`` (minute precision), dates are midnight,
        money in USD, durations in the unit the column name says.
    """
    if not isinstance(days, int) or days < 14:
        raise ValueError("days must be an integer of at least 14")
    cal = _Calendar(end, days)
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(8)]
    roster = _roster(cal, streams[0])
    tickets, internals = _tickets(cal, roster, streams[1])
    frames = {
        "tickets": tickets,
        "intervals": _intervals(cal, internals, roster, streams[2]),
        "roster": roster,
        "costs": _costs(cal, roster, streams[3]),
        "availability": _availability(cal, streams[4]),
        "risks": _risks(cal, streams[5]),
        "initiatives": _initiatives(cal, streams[6]),
        "surveys": _surveys(cal, tickets, streams[7]),
        "targets": _targets(),
    }
    return {name: frame[list(COLUMNS[name])].reset_index(drop=True)
            for name, frame in frames.items()}


def write_workbook(frames: dict[str, pd.DataFrame], path: str | Path) -> Path:
    """Write one sheet per frame (sheet name = table name, header = column names).

    Datetimes become real Excel dates (``yyyy-mm-dd`` for date columns, otherwise
    ``yyyy-mm-dd hh:mm``); missing values are blank cells; text is always written as
    text (never a formula). Document properties and zip member timestamps are fixed,
    so the same frames give byte-identical files. Returns the path.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(
        str(path),
        {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
         "strings_to_urls": False},
    )
    workbook.set_properties(
        {"title": "svcops sample workspace", "author": "svcops", "company": "svcops",
         "comments": "Generated by svcops.sample", "created": _DOC_CREATED}
    )
    header_fmt = workbook.add_format({"bold": True})
    date_fmt = workbook.add_format({"num_format": "yyyy-mm-dd"})
    datetime_fmt = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for name, frame in frames.items():
        sheet = workbook.add_worksheet(name)
        writers = []
        for ci, col in enumerate(frame.columns):
            values, kind = _column_values(frame[col])
            fmt = None
            width = max(len(str(col)) + 2, 10)
            if kind == "datetime":
                fmt = date_fmt if col in _DATE_COLUMNS else datetime_fmt
                width = max(width, 11 if col in _DATE_COLUMNS else 17)
                write = sheet.write_number
            elif kind == "bool":
                write = sheet.write_boolean
            elif kind == "number":
                write = sheet.write_number
            else:
                longest = frame[col].astype("str").str.len().max() if len(frame) else 0
                width = min(max(width, int(longest if longest == longest else 0) + 2), 50)
                write = sheet.write_string
            sheet.set_column(ci, ci, width)
            writers.append((values, write, fmt))
        sheet.freeze_panes(1, 0)
        for ci, col in enumerate(frame.columns):
            sheet.write_string(0, ci, str(col), header_fmt)
        for ri in range(len(frame)):
            row = ri + 1
            for ci, (values, write, fmt) in enumerate(writers):
                value = values[ri]
                if value is not None:
                    write(row, ci, value, fmt)
    workbook.close()
    return path


def _column_values(series: pd.Series) -> tuple[list, str]:
    """Python values ready for xlsxwriter (None = blank) and the column kind."""
    if pd.api.types.is_datetime64_any_dtype(series):
        stamps = series.to_numpy(dtype="datetime64[us]")
        serial = (stamps - _EXCEL_EPOCH).astype("timedelta64[us]").astype(np.int64) / 86_400e6
        serial = np.where(np.isnat(stamps), np.nan, serial)
        return _none_for_nan(serial), "datetime"
    if pd.api.types.is_bool_dtype(series):
        return [None if v is pd.NA else bool(v) for v in series.tolist()], "bool"
    if pd.api.types.is_numeric_dtype(series):
        return _none_for_nan(series.to_numpy(dtype=float, na_value=np.nan)), "number"
    return [None if (v is None or v is pd.NA or v != v or v == "") else str(v)
            for v in series.tolist()], "text"


def _none_for_nan(values: np.ndarray) -> list:
    out = values.astype(object)
    out[np.isnan(values)] = None
    return out.tolist()


def write_sample(out_dir: str | Path, seed: int = 7) -> Path:
    """Generate the sample workspace and write ``out_dir/svcops_sample.xlsx``."""
    return write_workbook(generate(seed), Path(out_dir) / SAMPLE_FILENAME)
