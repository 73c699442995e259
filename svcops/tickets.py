"""The tickets CTE, the period and the KPI expressions: written once, used by every analysis.

Every query over tickets starts with :data:`TICKETS_CTE` (through :func:`tickets_cte`),
a CTE named ``t`` holding the tickets that pass the dimension filters, with every
``tickets`` column plus:

* ``done_at`` (timestamp): ``coalesce(resolved_at, closed_at)``, when the ticket
  counts as done (an export that only records closure still counts);
* ``res_hours`` (float, hours, seconds precision): ``done_at - created_at``; NULL when
  the ticket is not done, or was done before it was created (times out of order, see
  :func:`out_of_order`: such a ticket still counts as created and done, but enters no
  time-based figure);
* ``sla_target`` (float, hours): the ticket's own ``sla_hours``, else the
  workspace's ``sla_policy`` for its priority; NULL when neither exists;
* ``sla_flag`` (boolean): the source's own verdict, ``sla_met``, else ``NOT
  sla_breached``; NULL when the export carries neither. Where it is known it wins
  over ``sla_target`` (the source knows its clock: business hours, pauses, the
  target the ticket really had).

The period is bound as ``$lo`` / ``$hi``: the half-open timestamp range
``[start 00:00, day after end 00:00)`` of the resolved period. Conditions and
aggregates below are SQL text over ``t`` using those parameters; the KPI definitions
are in docs/kpis.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd

from .filters import Filters
from .store import Workspace

__all__ = [
    "CREATED_IN",
    "CSAT_TOP2",
    "DONE_IN",
    "DataSpan",
    "HAS_TARGET",
    "KPI_SQL",
    "LOW_CSAT",
    "REOPENED",
    "SLA_BREACHED",
    "SLA_BY_FLAG",
    "SLA_BY_POLICY",
    "SLA_MET",
    "TIMED_TO_CLOSE",
    "TICKETS_CTE",
    "TICKET_COST_SQL",
    "aliased",
    "data_period",
    "data_span",
    "in_period",
    "out_of_order",
    "kpi_sql",
    "period_activity",
    "query",
    "resolve_period",
    "tickets_cte",
]

TICKETS_CTE = """
WITH t AS (
    SELECT tk.*, coalesce(tk.resolved_at, tk.closed_at) AS done_at,
           CASE WHEN coalesce(tk.resolved_at, tk.closed_at) >= tk.created_at
                THEN date_diff('second', tk.created_at, coalesce(tk.resolved_at, tk.closed_at))
                     / 3600.0 END AS res_hours,
           coalesce(tk.sla_hours, p.sla_hours) AS sla_target,
           coalesce(tk.sla_met, NOT tk.sla_breached) AS sla_flag
    FROM tickets tk LEFT JOIN sla_policy p ON p.priority = tk.priority
    WHERE {dims}
)"""


def in_period(column: str, lo: str = "$lo", hi: str = "$hi") -> str:
    """``column`` in the half-open range [lo, hi) (SQL condition; bounds are parameters)."""
    return f"{column} >= {lo} AND {column} < {hi}"


# A ticket counts for volume in the period it was created in...
CREATED_IN = in_period("created_at")
# ...and for outcomes in the period it was done in.
DONE_IN = in_period("done_at")
# Which rule judges a ticket's SLA: the source's own flag where the export has one, else
# the target (own ``sla_hours`` or the priority policy) held against the resolution time.
SLA_BY_FLAG = "sla_flag IS NOT NULL"
SLA_BY_POLICY = "sla_flag IS NULL AND sla_target IS NOT NULL AND res_hours IS NOT NULL"
# A ticket the SLA rule can judge: one of the two applies.
HAS_TARGET = f"({SLA_BY_FLAG} OR ({SLA_BY_POLICY}))"
# Met by the source's verdict, else by time (meeting the target exactly counts as met).
SLA_MET = "coalesce(sla_flag, res_hours <= sla_target)"
SLA_BREACHED = f"NOT {SLA_MET}"
# A done ticket with no resolve time, timed to its close instead.
TIMED_TO_CLOSE = "resolved_at IS NULL AND closed_at IS NOT NULL"
REOPENED = "reopen_count > 0"
CSAT_TOP2 = "csat >= 4"
LOW_CSAT = "csat <= 2"


def _agg(expr: str, *conditions: str) -> str:
    """``expr FILTER (WHERE ...)`` over the conditions; ``TRUE`` ones are left out."""
    kept = [c for c in conditions if c != "TRUE"]
    return f"{expr} FILTER (WHERE {' AND '.join(kept)})" if kept else expr


def _share(condition: str) -> str:
    return f"avg(CASE WHEN {condition} THEN 1.0 ELSE 0.0 END)"


def kpi_sql(created: str = CREATED_IN, done: str = DONE_IN) -> dict[str, str]:
    """The ticket KPIs as SQL aggregates over ``t``, keyed by KPI name (svcops.kpi's keys).

    ``created`` / ``done``: the condition that puts a ticket in the period by its
    creation / by being done; the default is the period [$lo, $hi). Pass ``"TRUE"``
    when the query's WHERE and GROUP BY already select them (a trend bucket, a day).
    Units: ``tickets``, ``resolved``, ``open_backlog`` counts (open at $hi);
    ``sla_attainment``, ``fcr_rate``, ``csat_top2_share``, ``reopen_rate`` fractions
    0-1 of the done tickets where the fact is known; ``csat_avg`` the mean score
    (1-5); ``resolution_hours_median`` / ``_p90`` hours (``quantile_cont``).
    """
    return {
        "tickets": _agg("count(*)", created),
        "resolved": _agg("count(*)", done),
        "open_backlog": "count(*) FILTER (WHERE created_at < $hi AND (done_at IS NULL OR done_at >= $hi))",
        "sla_attainment": _agg(_share(SLA_MET), done, HAS_TARGET),
        "fcr_rate": _agg(
            _share("first_contact_resolved"), done, "first_contact_resolved IS NOT NULL"
        ),
        "csat_avg": _agg("avg(csat)", done),
        "csat_top2_share": _agg(_share(CSAT_TOP2), done, "csat IS NOT NULL"),
        "resolution_hours_median": _agg("quantile_cont(res_hours, 0.5)", done),
        "resolution_hours_p90": _agg("quantile_cont(res_hours, 0.9)", done),
        "reopen_rate": _agg(_share(REOPENED), done, "reopen_count IS NOT NULL"),
    }


# The KPIs over the period [$lo, $hi).
KPI_SQL: dict[str, str] = kpi_sql()
# Cost of the tickets done in the period (currency; NULL when no ticket carries a cost).
TICKET_COST_SQL = _agg("sum(cost)", DONE_IN)


def aliased(expressions: Mapping[str, str], keys=None) -> str:
    """``expr AS key, ...`` for a SELECT list: ``keys`` (default all) in their order."""
    return ",\n  ".join(f"{expressions[k]} AS {k}" for k in (keys or expressions))


# --------------------------------------------------------------------------- period


@dataclass(frozen=True)
class DataSpan:
    """The days a workspace's tickets cover: ``first`` (the first day a ticket was
    created), ``last`` (the last day with any activity: created, resolved or closed)
    and ``last_created`` (the last day a ticket was created)."""

    first: date
    last: date
    last_created: date

    def recent(self, days: int | None) -> tuple[date, date]:
        """The last ``days`` whole days that hold data, inclusive: they end on
        ``last_created`` and start ``days - 1`` days before, or on ``first`` when the
        history is shorter; ``days`` None is the whole span (``first`` to ``last``).

        Why ``last_created`` and not ``last``: an export keeps recording closures of
        older tickets for weeks after its last new one (the public helpdesk log: last
        ticket created 2013-11-28, last closed 2014-01-03), so a window ending on the
        last activity holds no new tickets and reads as volume falling to nothing. A
        window ending on the last creation still counts the work done in it.
        """
        if days is None:
            return self.first, self.last
        return max(self.first, self.last_created - timedelta(days=days - 1)), self.last_created


def data_span(ws: Workspace) -> DataSpan | None:
    """The days the tickets cover (:class:`DataSpan`), or None when there are none."""
    row = ws.query(
        "SELECT min(created_at) AS lo, max(created_at) AS created, greatest(max(created_at), "
        "max(resolved_at), max(closed_at)) AS hi FROM tickets"
    ).iloc[0]
    if pd.isna(row["lo"]):
        return None
    return DataSpan(row["lo"].date(), row["hi"].date(), row["created"].date())


def data_period(ws: Workspace) -> tuple[date, date] | None:
    """First and last day with ticket activity (created or done), or None when empty."""
    span = data_span(ws)
    return None if span is None else (span.first, span.last)


def period_activity(ws: Workspace, filters: Filters) -> int:
    """How many tickets passing ``filters``' dimensions were created or done in its
    period (open ends resolved against the data): 0 means the period has nothing to show."""
    cte, params = tickets_cte(ws, filters)
    return int(
        query(
            ws, cte + f" SELECT count(*) AS n FROM t WHERE ({CREATED_IN}) OR ({DONE_IN})", params
        )["n"].iloc[0]
    )


def resolve_period(ws: Workspace, filters: Filters) -> Filters:
    """``filters`` with an open start/end filled with the data's first/last day (today
    when there are no tickets)."""
    if filters.start and filters.end:
        return filters
    span = data_period(ws)
    if span is None:
        today = date.today()
        return replace(filters, start=filters.start or today, end=filters.end or today)
    return replace(filters, start=filters.start or span[0], end=filters.end or span[1])


def tickets_cte(ws: Workspace, filters: Filters) -> tuple[str, dict]:
    """``WITH t AS (...)`` for the filters' dimensions, and its parameters: the dimension
    values and ``lo`` / ``hi``, the bounds of the period (open ends resolved against
    the data). Run the query with :func:`query`, which passes only the parameters the
    SQL uses."""
    f = resolve_period(ws, filters)
    lo, hi = f.bounds()
    dims, params = f.dims_sql("tk")
    return TICKETS_CTE.format(dims=dims), {**params, "lo": lo, "hi": hi}


_PARAM = re.compile(r"\$(\w+)")


def query(ws: Workspace, sql: str, params: Mapping[str, object]) -> pd.DataFrame:
    """Run ``sql`` with the ``params`` it names (DuckDB refuses parameters it does not use)."""
    used = set(_PARAM.findall(sql))
    return ws.query(sql, {k: v for k, v in params.items() if k in used})


# --------------------------------------------------------------------------- data quality

# Ticket times that cannot be in this order, each with the key of its reason.
_OUT_OF_ORDER = (
    ("resolved_at < created_at", "data.quality.resolved_before_created"),
    ("closed_at < created_at", "data.quality.closed_before_created"),
    ("first_response_at < created_at", "data.quality.response_before_created"),
)


def out_of_order(ws: Workspace, limit: int = 1000) -> tuple[int, pd.DataFrame]:
    """Tickets whose times are out of order (done or answered before created): how many,
    and the first ``limit`` of them by upload and id, with columns ``upload_id``,
    ``ticket_id``, ``created_at``, ``first_response_at``, ``resolved_at``,
    ``closed_at`` and ``problem`` (a message key: the first rule broken). They stay in
    the workspace and count as created and done; no duration is taken from them."""
    case = " ".join(f"WHEN {cond} THEN '{key}'" for cond, key in _OUT_OF_ORDER)
    any_broken = " OR ".join(cond for cond, _ in _OUT_OF_ORDER)
    frame = ws.query(
        f"""SELECT _upload_id AS upload_id, ticket_id, created_at, first_response_at,
                   resolved_at, closed_at, CASE {case} END AS problem,
                   count(*) OVER () AS n
            FROM tickets WHERE {any_broken}
            ORDER BY upload_id, ticket_id LIMIT {int(limit)}"""
    )
    total = int(frame["n"].iloc[0]) if len(frame) else 0
    return total, frame.drop(columns="n")
