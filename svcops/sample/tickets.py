"""Tickets: arrivals from the demand model, with channel, team, priority, agent and timings."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .availability import AVAILABILITY_SERVICES
from .calendar import (
    CHATBOT_GO_LIVE,
    CHATBOT_HANDLE,
    KB_FCR_LIFT,
    KB_GO_LIVE,
    SELF_SERVICE_GO_LIVE,
    SELF_SERVICE_RAMP,
    SELF_SERVICE_SHIFT,
    SPIKES,
    Calendar,
    hhmm,
)
from .demand import HOURLY_WEEKDAY, HOURLY_WEEKEND, expected_tickets, phone_share
from .roster import AGENTS, TEAMS

CHANNELS: tuple[str, ...] = ("phone", "email", "chat", "portal")

# category: (share, subcategories, {team: affinity})
_CATEGORIES: dict[str, tuple[float, tuple[str, ...], dict[str, float]]] = {
    "Access": (
        0.16,
        ("Password reset", "Account unlock", "Permission request", "MFA"),
        {"Service Desk": 0.85, "Applications": 0.10, "Network Ops": 0.05},
    ),
    "Hardware": (
        0.11,
        ("Laptop", "Monitor", "Peripheral", "Mobile device"),
        {"Field Service": 0.70, "Service Desk": 0.30},
    ),
    "Software": (
        0.17,
        ("Install request", "Application error", "Licence", "Update"),
        {"Applications": 0.60, "Service Desk": 0.40},
    ),
    "Network": (
        0.09,
        ("VPN", "Wi-Fi", "Connectivity", "Firewall"),
        {"Network Ops": 0.80, "Service Desk": 0.20},
    ),
    "Email": (
        0.08,
        ("Mailbox", "Delivery", "Calendar", "Spam"),
        {"Service Desk": 0.55, "Applications": 0.45},
    ),
    "Billing": (
        0.10,
        ("Invoice query", "Refund", "Payment failure", "Plan change"),
        {"Billing Support": 0.90, "Service Desk": 0.10},
    ),
    "Account": (
        0.09,
        ("New user", "Profile update", "Offboarding"),
        {"Service Desk": 0.60, "Billing Support": 0.40},
    ),
    "Printing": (
        0.05,
        ("Printer offline", "Toner", "Print queue"),
        {"Field Service": 0.60, "Service Desk": 0.40},
    ),
    "Security": (
        0.04,
        ("Phishing report", "Malware", "Lost device", "Access review"),
        {"Network Ops": 0.60, "Service Desk": 0.40},
    ),
    "Other": (
        0.11,
        ("General enquiry", "Feedback", "How-to"),
        {"Service Desk": 0.90, "Applications": 0.10},
    ),
}
# Resolution-time multiplier by category (hardware needs a visit, resets are quick).
_CATEGORY_EFFORT = {
    "Hardware": 1.5,
    "Printing": 1.2,
    "Access": 0.6,
    "Software": 1.1,
    "Billing": 1.1,
}

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
_SPIKE_EXTRA = 1.7  # extra tickets on a spike day, as a multiple of the normal day


def _pick(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One categorical draw per row of ``probs`` (rows need not be normalised)."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(len(probs)) * cum[:, -1]
    return np.minimum((u[:, None] >= cum).sum(axis=1), probs.shape[1] - 1)


def _day_of(cal: Calendar, d) -> int:
    """Index of day ``d`` in the window (negative before it, ``cal.n`` or more after)."""
    return (d - cal.start).days


def generate(
    cal: Calendar, roster: pd.DataFrame, rng: np.random.Generator
) -> tuple[pd.DataFrame, dict]:
    """Tickets plus internals the interval table needs (expected phone demand, spike calls)."""
    n_days = cal.n
    lam = expected_tickets(cal)
    lam = lam * rng.gamma(150.0, 1 / 150.0, n_days)  # day-to-day overdispersion
    counts = rng.poisson(lam)

    categories = list(_CATEGORIES)
    cat_share = np.array([_CATEGORIES[c][0] for c in categories])
    prof_wd = HOURLY_WEEKDAY / HOURLY_WEEKDAY.sum()
    prof_we = HOURLY_WEEKEND / HOURLY_WEEKEND.sum()

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
        s0 = hhmm(start)
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
    day, minute, cat, sub, created = (
        day[order],
        minute[order],
        cat[order],
        sub[order],
        created[order],
    )
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
        [phone_share(t), np.full(n, 0.22), np.full(n, 0.15), 0.63 - phone_share(t)]
    )
    email_outage = AVAILABILITY_SERVICES.index("Email")
    p_spike = np.where(
        (spike_service == email_outage)[:, None], [0.50, 0.0, 0.25, 0.25], [0.45, 0.10, 0.20, 0.25]
    )
    probs = np.where(is_spike[:, None], p_spike, p_open)
    probs = np.where(is_open[:, None], probs, [0.0, 0.4, 0.0, 0.6])
    # Planted adoption: password self-service moves Access tickets to the portal.
    ramp = np.clip((day - _day_of(cal, SELF_SERVICE_GO_LIVE)) / SELF_SERVICE_RAMP, 0.0, 1.0)
    moved = SELF_SERVICE_SHIFT * ramp * (cat == categories.index("Access"))
    probs = probs * (1.0 - moved)[:, None] + moved[:, None] * np.eye(len(CHANNELS))[3]
    channel = _pick(rng, probs)

    # Team from category affinity.
    affinity = np.array([[_CATEGORIES[c][2].get(team, 0.0) for team in TEAMS] for c in categories])
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
    agent = np.where(
        cnt > 0, agents_sorted[np.minimum(pick, len(agents_sorted) - 1)], fallback[team]
    )
    speed = np.exp(rng.normal(0, 0.2, len(all_agents)))[agent]  # >1 = slower agent
    skill = rng.uniform(0.85, 1.15, len(all_agents))[agent]

    # Load: tickets per worked hour in the creation week, relative to the usual week.
    week = cal.week[day]
    n_weeks = len(cal.week_monday)
    week_tickets = np.bincount(week, minlength=n_weeks)
    week_hours = np.bincount(
        cal.week[roster["_day"].to_numpy()],
        weights=roster["worked_hours"].to_numpy(),
        minlength=n_weeks,
    )
    ratio = week_tickets / np.maximum(week_hours, 1.0)
    load = np.clip((ratio / np.median(ratio)) ** 1.6, 0.7, 2.6)[week]

    # First contact resolution.
    spike_fcr = np.where(is_spike, 0.5, 1.0)
    # Planted initiative effect: the knowledge base lifts Service Desk fixes from go-live.
    kb = np.where(
        (team == TEAMS.index("Service Desk")) & (day >= _day_of(cal, KB_GO_LIVE)), KB_FCR_LIFT, 1.0
    )
    p_fcr = np.clip(
        _FCR_BY_CHANNEL[channel] * _FCR_BY_PRIORITY[prio] * skill * spike_fcr * kb, 0, 0.95
    )
    fcr = rng.random(n) < p_fcr

    # Agent effort (minutes).
    handle = (
        _HANDLE_MEDIAN_MIN[channel]
        * _HANDLE_BY_PRIORITY[prio]
        * np.sqrt(speed)
        * np.exp(rng.normal(0, 0.45, n))
    )
    # Planted initiative effect: the chat bot shortens chats created from its go-live on.
    bot = (channel == CHANNELS.index("chat")) & (day >= _day_of(cal, CHATBOT_GO_LIVE))
    handle = np.where(bot, handle * CHATBOT_HANDLE, handle)
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
    fr_queue = (
        queue_from + np.exp(rng.normal(np.log(_FIRST_RESPONSE_MEDIAN_MIN[prio]), 0.9, n)) * load
    )
    first_resp = np.ceil(np.where(live, fr_live, fr_queue))
    first_resp = np.maximum(first_resp, created + 1)

    # Resolution.
    cat_effort = np.array([_CATEGORY_EFFORT.get(c, 1.0) for c in categories])[cat]
    res_h = (
        _RESOLVE_MEDIAN_H[prio]
        * load
        * speed
        * cat_effort
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
    resolved = (
        resolved + np.where(reopen >= 1, extra[:, 0], 0) + np.where(reopen >= 2, extra[:, 1], 0)
    )
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
