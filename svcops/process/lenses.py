"""Service-desk lenses: rework and reopen loops; handovers, reassignments and ping-pong.

Over the ordered events of the cases started in the period (:mod:`.log`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..filters import Filters
from ..store import Workspace
from .log import CALENDAR, Clock, EventLog, Through, event_log

# Who a handover passes work between: the events' team, or the person (resource).
HANDOVER_LEVELS = ("team", "resource")
# Reassignment buckets of the lens: 0, 1, 2 and 3 or more.
BUCKETS = ("0", "1", "2", "3+")


@dataclass(frozen=True)
class Rework:
    """Rework of the cases in scope.

    ``activities``: ``activity``, ``cases`` (cases doing it), ``repeat_cases`` (doing it
    twice or more), ``repeat_share`` (0-1 of ``cases``), ``repeats`` (events beyond
    each case's first), ``self_loops`` (times it directly followed itself),
    ``self_loop_cases``; most repeated first.
    ``loops``: reopen loops, ``from_activity, to_activity, times, cases``: a case going
    on after a resolving or closing activity (``from_activity``), or doing an activity
    that says it was reopened. Empty when ``reopen_source`` is ``"tickets"``.
    ``cases``; ``rework_cases`` (any activity repeated); ``reopened`` (cases reopened
    at least once); ``reopen_source``: ``"events"`` (from the loops), or
    ``"tickets"`` (events derived from tickets: from their ``reopen_count``).
    """

    activities: pd.DataFrame
    loops: pd.DataFrame
    cases: int
    rework_cases: int
    reopened: int
    reopen_source: str


def rework(
    ws: Workspace, filters: Filters, through: Through | None = None, clock: Clock = CALENDAR
) -> Rework:
    """Activities repeated within a case, self-loops and reopen loops (:class:`Rework`)."""
    with event_log(ws, filters, clock, through) as log:
        return rework_of(log)


def rework_of(log: EventLog) -> Rework:
    """:func:`rework` of an :class:`~.log.EventLog`."""
    log.table("ac")
    log.table("acts")
    long = log.query("""
    WITH loops AS (
        SELECT o.cid, o.prev_activity, o.activity
        FROM oe o JOIN acts a ON a.activity = o.activity
             LEFT JOIN acts p ON p.activity = o.prev_activity
        WHERE (p.done AND NOT a.done) OR a.reopens
    )
    SELECT 'activity' AS kind, activity AS a, NULL AS b, count(*) AS n1,
           count(*) FILTER (WHERE n > 1) AS n2, sum(n) - count(*) AS n3,
           sum(self_loops) AS n4, count(*) FILTER (WHERE self_loops > 0) AS n5
    FROM ac GROUP BY activity
    UNION ALL
    SELECT 'loop', prev_activity, activity, count(*), count(DISTINCT cid), NULL, NULL, NULL
    FROM loops GROUP BY prev_activity, activity
    UNION ALL
    SELECT 'total', NULL, NULL, count(*), NULL, NULL, NULL, NULL FROM oe WHERE pos = 1
    UNION ALL
    SELECT 'rework', NULL, NULL, count(*), NULL, NULL, NULL, NULL
    FROM (SELECT cid FROM ac WHERE n > 1 GROUP BY cid)
    UNION ALL
    SELECT 'reopened', NULL, NULL, count(DISTINCT cid), NULL, NULL, NULL, NULL FROM loops
    UNION ALL
    SELECT 'reopen_count', NULL, NULL, count(*), NULL, NULL, NULL, NULL
    FROM oe WHERE pos = 1 AND reopened""")

    def one(kind: str, col: str = "n1") -> int:
        rows = long.loc[long["kind"] == kind, col]
        return int(rows.iloc[0]) if len(rows) and pd.notna(rows.iloc[0]) else 0

    acts = long[long["kind"] == "activity"].rename(
        columns={
            "a": "activity",
            "n1": "cases",
            "n2": "repeat_cases",
            "n3": "repeats",
            "n4": "self_loops",
            "n5": "self_loop_cases",
        }
    )
    acts = acts.astype(
        {c: "int64" for c in ("cases", "repeat_cases", "repeats", "self_loops", "self_loop_cases")}
    )
    acts["repeat_share"] = acts["repeat_cases"] / acts["cases"]
    acts = acts.sort_values(
        ["repeat_cases", "self_loops", "activity"], ascending=[False, False, True], kind="stable"
    )
    acts = acts[
        [
            "activity",
            "cases",
            "repeat_cases",
            "repeat_share",
            "repeats",
            "self_loops",
            "self_loop_cases",
        ]
    ].reset_index(drop=True)
    derived = log.source == "tickets"
    loops = long[long["kind"] == "loop"].rename(
        columns={"a": "from_activity", "b": "to_activity", "n1": "times", "n2": "cases"}
    )
    loops = loops[["from_activity", "to_activity", "times", "cases"]].astype(
        {"times": "int64", "cases": "int64"}
    )
    loops = loops.sort_values(
        ["times", "from_activity", "to_activity"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)
    if derived:
        loops = loops.iloc[0:0]
    return Rework(
        acts,
        loops,
        one("total"),
        one("rework"),
        one("reopen_count") if derived else one("reopened"),
        "tickets" if derived else "events",
    )


@dataclass(frozen=True)
class Handovers:
    """Who passes work to whom, at the level ``by`` (``"team"`` or ``"resource"``).

    A handover is an event whose ``by`` differs from the case's last known one before it
    (events without one are passed over). ``reassignments``: ``handovers`` (one of
    :data:`BUCKETS`), ``cases``, ``share`` (0-1 of the cases in scope).
    ``matrix``: ``from_who, to_who, handovers, cases, median_hours`` (hours between the
    last event before the handover and the first after it, as the clock measures them),
    most handovers first. ``ping_pong``: ``a, b`` (a pair, in name order), ``cases``
    (cases where work went a -> b -> a or b -> a -> b), ``bounces`` (times it went back),
    most cases first. ``cases``; ``known`` (the events name a team or person at all);
    ``no_handover_share``: of the done cases, the share (0-1) finished without any
    handover (None when none is done); ``ping_pong_cases``.
    """

    by: str
    reassignments: pd.DataFrame
    matrix: pd.DataFrame
    ping_pong: pd.DataFrame
    cases: int
    known: bool
    no_handover_share: float | None
    ping_pong_cases: int


def handovers(
    ws: Workspace,
    filters: Filters,
    through: Through | None = None,
    clock: Clock = CALENDAR,
    by: str = "team",
) -> Handovers:
    """Reassignments per case, the handover matrix and ping-pong pairs (:class:`Handovers`)."""
    with event_log(ws, filters, clock, through) as log:
        return handovers_of(log, by)


def handovers_of(log: EventLog, by: str = "team") -> Handovers:
    """:func:`handovers` of an :class:`~.log.EventLog`."""
    if by not in HANDOVER_LEVELS:
        raise ValueError(f"by must be one of {', '.join(HANDOVER_LEVELS)}")
    long = log.query(f"""
    WITH hand AS (
        SELECT cid, pos, {by}_before AS from_who, {by} AS to_who, wait,
               lag({by}_before) OVER (PARTITION BY cid ORDER BY pos) AS prev_from
        FROM oe WHERE {by} IS NOT NULL AND {by}_before IS NOT NULL AND {by} <> {by}_before
    ),
    per_case AS (
        SELECT c.cid, c.complete, count(h.pos) AS n,
               count(h.pos) FILTER (WHERE h.prev_from = h.to_who) AS bounces
        FROM (SELECT cid, bool_or(complete) AS complete FROM oe GROUP BY cid) c
        LEFT JOIN hand h USING (cid) GROUP BY c.cid, c.complete
    )
    SELECT 'bucket' AS kind, CAST(least(n, 3) AS VARCHAR) AS a, NULL AS b,
           count(*) AS n1, NULL::BIGINT AS n2, NULL::DOUBLE AS x
    FROM per_case GROUP BY 2
    UNION ALL
    SELECT 'matrix', from_who, to_who, count(*), count(DISTINCT cid),
           quantile_cont(wait, 0.5)
    FROM hand GROUP BY from_who, to_who
    UNION ALL
    SELECT 'pingpong', least(from_who, to_who), greatest(from_who, to_who),
           count(DISTINCT cid), count(*), NULL
    FROM hand WHERE prev_from = to_who GROUP BY 2, 3
    UNION ALL
    SELECT 'total', NULL, NULL, count(*), count(*) FILTER (WHERE complete),
           count(*) FILTER (WHERE complete AND n = 0)
    FROM per_case
    UNION ALL
    SELECT 'pingpong_cases', NULL, NULL, count(*) FILTER (WHERE bounces > 0), NULL, NULL
    FROM per_case
    UNION ALL
    SELECT 'known', NULL, NULL, count({by}), NULL, NULL FROM oe""")
    total = long[long["kind"] == "total"]
    cases = int(total["n1"].iloc[0]) if len(total) else 0
    done = int(total["n2"].iloc[0]) if len(total) and pd.notna(total["n2"].iloc[0]) else 0
    alone = float(total["x"].iloc[0]) if done else 0.0
    counts = dict(
        zip(
            long.loc[long["kind"] == "bucket", "a"],
            long.loc[long["kind"] == "bucket", "n1"],
            strict=True,
        )
    )
    buckets = pd.DataFrame(
        {"handovers": list(BUCKETS), "cases": [int(counts.get(k[0], 0)) for k in BUCKETS]}
    )
    buckets["share"] = buckets["cases"] / cases if cases else 0.0
    matrix = long[long["kind"] == "matrix"].rename(
        columns={
            "a": "from_who",
            "b": "to_who",
            "n1": "handovers",
            "n2": "cases",
            "x": "median_hours",
        }
    )
    matrix = (
        matrix[["from_who", "to_who", "handovers", "cases", "median_hours"]]
        .astype({"handovers": "int64", "cases": "int64", "median_hours": "float64"})
        .sort_values(
            ["handovers", "from_who", "to_who"], ascending=[False, True, True], kind="stable"
        )
        .reset_index(drop=True)
    )
    pong = long[long["kind"] == "pingpong"].rename(columns={"n1": "cases", "n2": "bounces"})
    pong = pong[["a", "b", "cases", "bounces"]].astype({"cases": "int64", "bounces": "int64"})
    pong = pong.sort_values(
        ["cases", "a", "b"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)

    def one(kind: str) -> int:
        rows = long.loc[long["kind"] == kind, "n1"]
        return int(rows.iloc[0]) if len(rows) else 0

    return Handovers(
        by,
        buckets,
        matrix,
        pong,
        cases,
        one("known") > 0,
        alone / done if done else None,
        one("pingpong_cases"),
    )
