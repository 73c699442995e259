"""The event log: a ServiceNow-like state history of the last months' tickets.

Each ticket becomes New -> Assigned -> In Progress -> ... -> Resolved -> Closed: New at
the ticket's creation, its last Resolved at its resolution and Closed at its closing;
what happens in between is drawn here. Planted for the Process design page to find:

* ``BOTTLENECK_TEAM`` (Field Service) leaves its tickets in Assigned for most of their
  life (waiting for a visit): the map's slowest edge is its Assigned -> In Progress;
* handovers: a share of tickets starts at the Service Desk and is passed on to the
  team that resolves it; ``PING_PONG`` (Applications and Network Ops) pass some
  Network, Software and Email tickets back and forth before one keeps them;
* reopen loops: a ticket with ``reopen_count`` k is Resolved, Reopened and worked
  again k times before its last resolution;
* waiting: some tickets wait in Pending Customer or On Hold;
* live contacts (phone, chat) are assigned in the minute they are created, so New
  and Assigned share a timestamp and only the file's order tells which came first.

Only tickets created in the last ``DAYS`` days get events (an audit-log export covers
months, not years). Events never come after the last ticket timestamp of the data.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .roster import AGENTS, TEAMS

DAYS = 183
BOTTLENECK_TEAM = "Field Service"
PING_PONG = ("Applications", "Network Ops")
_PING_PONG_CATEGORIES = ("Network", "Software", "Email")
# How often: a ticket for another team passes through the Service Desk first; a
# ping-pong ticket is bounced (and bounced twice); a ticket waits for its customer / is
# put on hold.
_VIA_DESK, _BOUNCE, _TWICE, _PENDING, _HOLD = 0.45, 0.30, 0.25, 0.18, 0.06


def generate(tickets: pd.DataFrame, rng: np.random.Generator, days: int = DAYS) -> pd.DataFrame:
    """The event log of the tickets created in the last ``days`` days of ``tickets``.

    ``tickets``: the sample's tickets (``ticket_id, created_at, first_response_at,
    resolved_at, closed_at, channel, category, team, agent, reopen_count``). Returns
    ``case_id, activity, timestamp, resource, team`` (the canonical events columns),
    ordered by case and then as the events happened; events of one case with equal
    timestamps are in the order they happened. Timestamps have minute precision.
    """
    columns = ["case_id", "activity", "timestamp", "resource", "team"]
    if tickets.empty:
        return pd.DataFrame(columns=columns)
    last = max(
        tickets[c].max()
        for c in ("created_at", "first_response_at", "resolved_at", "closed_at")
        if tickets[c].notna().any()
    )
    cutoff = tickets["created_at"].max().normalize() - pd.Timedelta(days=days - 1)
    chosen = tickets[tickets["created_at"] >= cutoff].reset_index(drop=True)
    origin = chosen["created_at"].min().floor("D")

    def minutes(col: str) -> np.ndarray:
        stamps = chosen[col]
        out = ((stamps - origin) / pd.Timedelta(minutes=1)).to_numpy(dtype=float)
        return np.where(stamps.isna().to_numpy(), np.nan, out)

    created, resolved, closed = (minutes(c) for c in ("created_at", "resolved_at", "closed_at"))
    data_end = (last - origin) / pd.Timedelta(minutes=1)
    n = len(chosen)
    draws = rng.random((n, 8))
    rows: list[tuple[str, str, float, str | None, str | None]] = []
    for i, t in enumerate(chosen.itertuples(index=False)):
        rows.extend(_case(t, created[i], resolved[i], closed[i], data_end, draws[i], rng))
    frame = pd.DataFrame(rows, columns=["case_id", "activity", "minute", "resource", "team"])
    frame["timestamp"] = (origin + pd.to_timedelta(np.floor(frame["minute"]), unit="min")).astype(
        "datetime64[us]"
    )
    return frame[columns]


def _agent(team: str, u: float) -> str:
    pool = AGENTS[team]
    return pool[min(int(u * len(pool)), len(pool) - 1)]


def _route(t: Any, draws: np.ndarray) -> list[str]:
    """The teams a ticket is assigned to, in order; the last one resolves it."""
    final = t.team
    route = [final]
    if final in PING_PONG and t.category in _PING_PONG_CATEGORIES and draws[1] < _BOUNCE:
        other = PING_PONG[1 - PING_PONG.index(final)]
        route = [final, other, final] if draws[2] >= _TWICE else [other, final, other, final]
    if final != TEAMS[0] and draws[0] < _VIA_DESK:
        route = [TEAMS[0], *route]
    return route


# How long a case stays in each step, relative to the others (drawn per case around it).
_WEIGHT = {
    "Assigned": 1.0,
    "In Progress": 2.0,
    "Pending Customer": 2.0,
    "On Hold": 1.5,
    "Resolved": 1.5,
    "Reopened": 0.5,
}
_BOTTLENECK_WEIGHT = 9.0


def _steps(
    t: Any, route: list[str], draws: np.ndarray, rng: np.random.Generator
) -> list[tuple[str, str, str | None, float]]:
    """The case's steps after New, up to its last resolution: (activity, team, who,
    weight of the time until the next step)."""
    steps: list[tuple[str, str, str | None, float]] = []
    for j, team in enumerate(route):
        queue = _BOTTLENECK_WEIGHT if team == BOTTLENECK_TEAM else _WEIGHT["Assigned"]
        who = t.agent if j == len(route) - 1 else _agent(team, rng.random())
        steps += [
            ("Assigned", team, None, queue),
            ("In Progress", team, who, _WEIGHT["In Progress"]),
        ]
    team, who = route[-1], t.agent
    for state, p, u in (("Pending Customer", _PENDING, draws[5]), ("On Hold", _HOLD, draws[6])):
        if u < p:
            steps += [
                (state, team, who, _WEIGHT[state]),
                ("In Progress", team, who, _WEIGHT["In Progress"]),
            ]
    for _ in range(int(t.reopen_count)):
        steps += [
            ("Resolved", team, who, _WEIGHT["Resolved"]),
            ("Reopened", team, None, _WEIGHT["Reopened"]),
            ("In Progress", team, who, _WEIGHT["In Progress"]),
        ]
    return steps


def _case(
    t: Any,
    created: float,
    resolved: float,
    closed: float,
    data_end: float,
    draws: np.ndarray,
    rng: np.random.Generator,
) -> list[tuple[str, str, float, str | None, str | None]]:
    case = t.ticket_id
    route = _route(t, draws)
    # Live contacts are routed in the minute they arrive; others wait in the queue.
    live = t.channel in ("phone", "chat")
    done = resolved == resolved
    last = resolved if done else data_end
    assigned = created if live else min(created + 1 + 30 * draws[3], (created + last) / 2)
    steps = _steps(t, route, draws, rng)
    weights = np.array([w for *_, w in steps]) * rng.gamma(4.0, 0.25, len(steps))
    # An open case is about half-way through its plan when the data ends.
    finish = resolved if done else data_end + (data_end - assigned) * (1 + draws[7])
    at = assigned + (finish - assigned) * np.concatenate(
        [[0.0], np.cumsum(weights)[:-1] / weights.sum()]
    )
    rows: list[tuple[str, str, float, str | None, str | None]] = [
        (case, "New", created, None, None)
    ]  # logged, not yet with a team
    rows += [
        (case, a, float(m), who, team)
        for (a, team, who, _), m in zip(steps, at, strict=True)
        if m <= data_end
    ]
    if done:
        rows.append((case, "Resolved", resolved, t.agent, route[-1]))
        if closed == closed:
            rows.append((case, "Closed", closed, None, route[-1]))
    return rows
