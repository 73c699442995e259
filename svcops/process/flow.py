"""Flow: work in progress, arrivals and completions, and Little's law.

Flow is counted in tickets, as the Overview counts them (docs/kpis.md): a ticket
arrives when it is created and leaves when it is done (resolved, else closed); in
between it is work in progress (the open backlog). Unlike the map, the flow counts
every ticket in the system during the period, also those created before it. Times
are calendar hours: Little's law relates calendar time. With a ``through`` filter,
only the tickets whose events pass through that activity or edge count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pandas as pd

from ..filters import Filters
from ..i18n import Message
from ..store import Workspace
from ..tickets import CREATED_IN, DONE_IN, query, resolve_period, tickets_cte
from .log import CALENDAR, Through, event_log

# Little's law "holds" when average WIP and arrival rate x time in system agree within
# this factor; a system whose arrivals and completions differ by more than STEADY of
# its arrivals is not in a steady state (its backlog grows or drains).
AGREE = 1.25
STEADY = 0.10


@dataclass(frozen=True)
class LittleCheck:
    """Little's law over the period: ``wip`` (L, time-average tickets open),
    ``arrival_rate`` (λ, tickets created per day), ``time_in_system`` (W, mean days
    from creation to done of the tickets created in the period and done),
    ``predicted`` (λ x W, tickets), ``ratio`` (L / λW; None without W), ``arrivals``,
    ``completions`` (tickets done in the period), ``wip_start`` / ``wip_end`` (open
    when the period starts / ends), ``open_now`` (of the period's arrivals, those not
    done at all), ``days`` (the period's length) and ``message``: the check in words."""

    wip: float
    arrival_rate: float
    time_in_system: float | None
    predicted: float | None
    ratio: float | None
    arrivals: int
    completions: int
    wip_start: int
    wip_end: int
    open_now: int
    days: int
    message: Message


def _run(ws: Workspace, filters: Filters, through: Through | None, select: str) -> pd.DataFrame:
    """``select`` over ``tp``: the tickets CTE's rows, only those passing ``through``."""
    cte, params = tickets_cte(ws, filters)
    if through is None:
        return query(ws, cte + ", tp AS (SELECT * FROM t)" + select, params)
    with event_log(ws, filters, CALENDAR, through, cases="open") as log:
        sql = cte + ", tp AS (SELECT * FROM t WHERE ticket_id IN (SELECT case_id FROM oe))"
        return log.query(sql + select, params)


def flow(ws: Workspace, filters: Filters, through: Through | None = None) -> pd.DataFrame:
    """Per day of the period: ``date``, ``arrivals`` (tickets created), ``completions``
    (tickets done) and ``wip`` (tickets open at the end of the day)."""
    f = resolve_period(ws, filters)
    long = _run(
        ws,
        f,
        through,
        f"""
    SELECT 'arrived' AS kind, created_at::DATE AS date, count(*) AS n FROM tp
    WHERE {CREATED_IN} GROUP BY 2
    UNION ALL
    SELECT 'done', done_at::DATE, count(*) FROM tp WHERE {DONE_IN} GROUP BY 2
    UNION ALL
    SELECT 'before', NULL, count(*) FROM tp
    WHERE created_at < $lo AND (done_at IS NULL OR done_at >= $lo)""",
    )
    first, last = f.span()
    out = pd.DataFrame({"date": pd.date_range(first, last, freq="D")})
    for kind, column in (("arrived", "arrivals"), ("done", "completions")):
        part = long[long["kind"] == kind]
        counts = dict(zip(pd.to_datetime(part["date"]), part["n"], strict=True))
        out[column] = out["date"].map(counts).fillna(0).astype("int64")
    before = long.loc[long["kind"] == "before", "n"]
    start = int(before.iloc[0]) if len(before) else 0
    out["wip"] = start + (out["arrivals"] - out["completions"]).cumsum()
    return out


def little(ws: Workspace, filters: Filters, through: Through | None = None) -> LittleCheck:
    """Little's law over the period (:class:`LittleCheck`): L, the time-average of the
    tickets open, against λW, the arrival rate times the mean time in the system of the
    tickets created in the period and done. It says whether the two agree (within
    :data:`AGREE`) and whether the system was in a steady state: arrivals and
    completions within :data:`STEADY` of each other; a growing backlog is flagged.
    """
    f = resolve_period(ws, filters)
    lo, hi = f.bounds()
    row = _run(
        ws,
        f,
        through,
        f"""
    SELECT
      coalesce(sum(date_diff('second', greatest(created_at, $lo),
                             least(coalesce(done_at, $hi), $hi))), 0) / 3600.0 AS open_hours,
      count(*) FILTER (WHERE {CREATED_IN}) AS arrivals,
      count(*) FILTER (WHERE {DONE_IN}) AS completions,
      avg(res_hours) FILTER (WHERE {CREATED_IN} AND done_at IS NOT NULL) AS w_hours,
      count(*) FILTER (WHERE created_at < $lo AND (done_at IS NULL OR done_at >= $lo))
          AS wip_start,
      count(*) FILTER (WHERE created_at < $hi AND (done_at IS NULL OR done_at >= $hi))
          AS wip_end,
      count(*) FILTER (WHERE {CREATED_IN} AND done_at IS NULL) AS open_now
    FROM tp WHERE created_at < $hi AND (done_at IS NULL OR done_at >= $lo)""",
    ).iloc[0]
    hours = (hi - lo) / timedelta(hours=1)
    days = int(round(hours / 24))
    wip = float(row["open_hours"]) / hours
    arrivals, completions = int(row["arrivals"]), int(row["completions"])
    rate = arrivals / hours
    w = None if pd.isna(row["w_hours"]) else float(row["w_hours"])
    predicted = None if w is None else rate * w
    ratio = wip / predicted if predicted else None
    start, end, still = int(row["wip_start"]), int(row["wip_end"]), int(row["open_now"])
    params = {
        "wip": wip,
        "rate": rate * 24,
        "w": (w or 0.0) / 24,
        "predicted": predicted or 0.0,
        "arrivals": arrivals,
        "completions": completions,
        "start": start,
        "end": end,
        "open": still,
        "days": days,
    }
    return LittleCheck(
        wip,
        rate * 24,
        None if w is None else w / 24,
        predicted,
        ratio,
        arrivals,
        completions,
        start,
        end,
        still,
        days,
        Message(_verdict(arrivals, completions, wip, ratio), params),
    )


def _verdict(arrivals: int, completions: int, wip: float, ratio: float | None) -> str:
    """The key of the sentence that states the check."""
    if arrivals == 0 and wip == 0:
        return "process.little.empty"
    if arrivals and arrivals - completions > STEADY * arrivals:
        return "process.little.growing"
    if arrivals and completions - arrivals > STEADY * arrivals:
        return "process.little.shrinking"
    if ratio is None:
        return "process.little.no_done"
    return "process.little.holds" if 1 / AGREE <= ratio <= AGREE else "process.little.differs"
