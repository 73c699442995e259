"""The process map: a directly-follows graph with an artificial start and end.

An edge ``A -> B`` is one case doing B right after A (consecutive events of the
case, in the order of :mod:`.log`); every case has an edge from :data:`START` to its
first activity, and a case whose ticket is done has one from its last activity to
:data:`END`. Edge times are the hours between the two events (the time spent in A
before B), measured as the :class:`~.log.Clock` says; start and end edges have none.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

import pandas as pd

from ..filters import Filters
from ..store import Workspace
from .log import ACTIVITY, CALENDAR, END, START, Clock, EventLog, Through, event_log

# An edge's figures (what `python -m svcops process` prints), then what the page adds.
EDGE_FIGURES = [
    "source",
    "target",
    "cases",
    "events",
    "median_hours",
    "mean_hours",
    "p90_hours",
    "total_hours",
]
EDGE_COLUMNS = [*EDGE_FIGURES, "breached_cases"]
NODE_COLUMNS = [
    "activity",
    "cases",
    "events",
    "median_hours",
    "mean_hours",
    "p90_hours",
    "total_hours",
    "q10_hours",
    "q25_hours",
    "q75_hours",
    "open_cases",
    "breached_cases",
]


@dataclass(frozen=True)
class ProcessMap:
    """A directly-follows graph of the cases in scope.

    ``edges``: ``source, target`` (activity, or :data:`START` / :data:`END`), ``cases``
    (cases with the edge at least once), ``events`` (times it was followed),
    ``median_hours``, ``mean_hours``, ``p90_hours``, ``total_hours`` (hours between the
    two events; NULL for start and end edges), ``breached_cases`` (of ``cases``, how
    many missed their SLA target); most frequent first.
    ``nodes``: ``activity`` (with START and END rows), ``cases``, ``events``, the time
    spent in the activity until the case's next event (``median_hours``,
    ``mean_hours``, ``p90_hours``, ``total_hours``, ``q10_hours``, ``q25_hours``,
    ``q75_hours``), ``open_cases`` (cases not done whose last event is this one: where
    they wait now) and ``breached_cases``.
    ``teams``: the time in each activity by the team holding the case then: ``activity,
    team, events, median_hours, p90_hours, total_hours``, the largest total first (events
    naming no team are left out).
    ``cases``, ``complete``, ``breached``: cases in scope, done, and late (SLA).
    ``activities``: every activity of the scope, most frequent first; ``kept``: those
    drawn (all of them unless the map was simplified by activity).
    """

    edges: pd.DataFrame
    nodes: pd.DataFrame
    teams: pd.DataFrame
    cases: int
    complete: int
    breached: int
    activities: tuple[str, ...]
    kept: tuple[str, ...]

    @property
    def simplified(self) -> bool:
        return len(self.kept) < len(self.activities)


_MAP_SQL = f"""
    WITH steps AS MATERIALIZED (
        SELECT cid, activity AS source,
               CASE WHEN next_activity IS NOT NULL THEN next_activity
                    WHEN complete THEN '{END}'::{ACTIVITY} END AS target, dur, breached
        FROM oe
        UNION ALL
        SELECT cid, '{START}'::{ACTIVITY}, activity, NULL, breached FROM oe WHERE pos = 1
    ),
    per_case AS (
        SELECT source, target, count(*) AS cases,
               count(*) FILTER (WHERE breached) AS breached_cases
        FROM (SELECT source, target, cid, bool_or(breached) AS breached FROM steps
              WHERE target IS NOT NULL GROUP BY source, target, cid)
        GROUP BY source, target
    ),
    timing AS (
        SELECT source, target, count(*) AS events, quantile_cont(dur, [0.5, 0.9]) AS q,
               avg(dur) AS mean_hours, sum(dur) AS total_hours
        FROM steps WHERE target IS NOT NULL GROUP BY source, target
    ),
    act AS (
        SELECT activity, count(*) AS cases, sum(n) AS events,
               count(*) FILTER (WHERE waiting_here) AS open_cases,
               count(*) FILTER (WHERE breached) AS breached_cases
        FROM ac GROUP BY activity
    ),
    stay AS (
        SELECT activity, quantile_cont(dur, [0.1, 0.25, 0.5, 0.75, 0.9]) AS q,
               avg(dur) AS mean_hours, sum(dur) AS total_hours
        FROM oe GROUP BY activity
    )
    SELECT 'edge' AS kind, source, target, p.cases, t.events, t.q[1] AS median_hours,
           t.mean_hours, t.q[2] AS p90_hours, t.total_hours, NULL::DOUBLE AS q10_hours,
           NULL::DOUBLE AS q25_hours, NULL::DOUBLE AS q75_hours, NULL::BIGINT AS open_cases,
           p.breached_cases
    FROM per_case p JOIN timing t USING (source, target)
    UNION ALL
    SELECT 'node', activity, NULL, a.cases, a.events, s.q[3], s.mean_hours, s.q[5],
           s.total_hours, s.q[1], s.q[2], s.q[4], a.open_cases, a.breached_cases
    FROM act a JOIN stay s USING (activity)
    UNION ALL
    SELECT 'team', activity, team, NULL, count(*), quantile_cont(dur, 0.5), NULL,
           quantile_cont(dur, 0.9), sum(dur), NULL, NULL, NULL, NULL, NULL
    FROM oe WHERE team IS NOT NULL AND dur IS NOT NULL GROUP BY activity, team
    UNION ALL
    SELECT 'total', NULL, NULL, count(*), count(*) FILTER (WHERE complete), NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, count(*) FILTER (WHERE breached)
    FROM oe WHERE pos = 1"""


def process_map(
    ws: Workspace,
    filters: Filters,
    through: Through | None = None,
    clock: Clock = CALENDAR,
    activities: float = 1.0,
) -> ProcessMap:
    """The directly-follows graph of the tickets created in the period (see
    :class:`ProcessMap`). ``activities``: the share (0-1) of activities to draw, the
    most frequent first (by events; at least one); the others' events are passed over,
    so a case doing A, B, C with B left out has the edge A -> C.
    """
    with event_log(ws, filters, clock, through) as log:
        full = map_of(log)
    return simplified_by_activity(ws, filters, full, through, clock, activities)


def simplified_by_activity(
    ws: Workspace,
    filters: Filters,
    full: ProcessMap,
    through: Through | None,
    clock: Clock,
    activities: float,
) -> ProcessMap:
    """``full`` (the map of these arguments) with only the most frequent ``activities``
    share of its activities drawn (see :func:`process_map`)."""
    if not 0 <= activities <= 1:
        raise ValueError("activities must be a share between 0 and 1")
    order = full.activities
    keep = max(1, math.ceil(activities * len(order))) if order else 0
    if keep >= len(order):
        return full
    kept = order[:keep]
    with event_log(ws, filters, clock, through, kept=kept) as log:
        part = map_of(log)
    return ProcessMap(
        part.edges, part.nodes, part.teams, full.cases, full.complete, full.breached, order, kept
    )


def map_of(log: EventLog) -> ProcessMap:
    """The directly-follows graph of an :class:`~.log.EventLog` (all its activities)."""
    log.table("ac")
    long = log.query(_MAP_SQL)
    total = long[long["kind"] == "total"]
    cases = int(total["cases"].iloc[0]) if len(total) else 0
    complete = int(total["events"].iloc[0]) if len(total) else 0
    breached = int(total["breached_cases"].iloc[0]) if len(total) else 0
    edges = (
        long[long["kind"] == "edge"][EDGE_COLUMNS]
        .sort_values(["events", "source", "target"], ascending=[False, True, True], kind="stable")
        .reset_index(drop=True)
        .astype({"cases": "int64", "events": "int64", "breached_cases": "int64"})
    )
    nodes = long[long["kind"] == "node"].rename(columns={"source": "activity"})
    nodes = nodes[NODE_COLUMNS].sort_values(
        ["events", "activity"], ascending=[False, True], kind="stable"
    )
    late_done = int(edges.loc[edges["target"] == END, "breached_cases"].sum())
    ends = pd.DataFrame(
        {
            "activity": [START, END],
            "cases": [cases, complete],
            "events": [cases, complete],
            "open_cases": [0, 0],
            "breached_cases": [breached, late_done],
        }
    )
    nodes = pd.concat([nodes, ends], ignore_index=True).astype(
        {"cases": "int64", "events": "int64", "open_cases": "int64", "breached_cases": "int64"}
    )[NODE_COLUMNS]
    teams = long[long["kind"] == "team"].rename(columns={"source": "activity", "target": "team"})
    teams = teams[["activity", "team", "events", "median_hours", "p90_hours", "total_hours"]]
    teams = (
        teams.astype({"events": "int64"})
        .sort_values(
            ["total_hours", "activity", "team"], ascending=[False, True, True], kind="stable"
        )
        .reset_index(drop=True)
    )
    order = tuple(nodes.loc[~nodes["activity"].isin([START, END]), "activity"])
    return ProcessMap(edges, nodes, teams, cases, complete, breached, order, order)


# --------------------------------------------------------------------------- simplify


def _widest(edges: pd.DataFrame, root: str, forward: bool) -> dict[str, tuple[str, str]]:
    """For every node reachable from ``root`` (along edges, or against them when not
    ``forward``), the edge by which its widest path arrives: the path whose least
    frequent edge is as frequent as possible (ties: fewer hops, then by name)."""
    out: dict[str, list[tuple[int, str, str]]] = {}
    for s, t, n in zip(edges["source"], edges["target"], edges["events"], strict=True):
        a, b = (s, t) if forward else (t, s)
        if a != b:
            out.setdefault(a, []).append((int(n), b, f"{s}\x1f{t}"))
    best: dict[str, tuple[float, int]] = {root: (math.inf, 0)}
    via: dict[str, tuple[str, str]] = {}
    heap: list[tuple[float, int, str]] = [(-math.inf, 0, root)]
    done: set[str] = set()
    while heap:
        neg, hops, node = heapq.heappop(heap)
        if node in done:
            continue
        done.add(node)
        for n, nxt, key in sorted(out.get(node, [])):
            width = min(-neg, n)
            if nxt in done:
                continue
            if nxt not in best or (width, -(hops + 1)) > (best[nxt][0], -best[nxt][1]):
                best[nxt] = (width, hops + 1)
                via[nxt] = tuple(key.split("\x1f"))  # type: ignore[assignment]
                heapq.heappush(heap, (-width, hops + 1, nxt))
    return via


def simplify(edges: pd.DataFrame, paths: float) -> pd.DataFrame:
    """The edges a map simplified by path keeps: the most frequent ``paths`` share
    (0-1, by ``events``), plus for every node the edges of its widest path from
    :data:`START` and to :data:`END` (when it has one), so the map stays connected:
    every node is reached from the start, and every node from which any case went on
    to the end still leads there. ``edges``: a :class:`ProcessMap`'s ``edges``;
    returns a subset of its rows, in its order.
    """
    if not 0 <= paths <= 1:
        raise ValueError("paths must be a share between 0 and 1")
    ranked = edges.sort_values(
        ["events", "source", "target"], ascending=[False, True, True], kind="stable"
    )
    keep = set(
        zip(
            ranked["source"].head(math.ceil(paths * len(ranked))),
            ranked["target"].head(math.ceil(paths * len(ranked))),
            strict=True,
        )
    )
    for root, forward in ((START, True), (END, False)):
        via = _widest(edges, root, forward)
        for node in via:
            at = node
            while at != root:
                edge = via[at]
                keep.add(edge)
                at = edge[0] if forward else edge[1]
    mask = [(s, t) in keep for s, t in zip(edges["source"], edges["target"], strict=True)]
    return edges[mask]
