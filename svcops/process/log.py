"""The event log an analysis reads: which source, which cases, in what order, how long.

:func:`event_log` opens an :class:`EventLog`: the ordered events of the cases in
scope, worked out once (window functions over ``events``) into a temporary table
``oe`` that every analysis of a page then reads. One row per event:

* ``cid`` (a number per case), ``case_id``, ``activity``, ``ts``, ``team``, ``resource``;
* ``pos`` (1 = the case's first event), ``prev_activity``, ``next_activity`` (NULL at
  the ends);
* ``dur``: hours from this event to the next (the time the case spent in this activity
  or status; NULL for its last event) and ``wait``: hours from the previous event to
  this one (NULL for its first), both measured as the :class:`Clock` says;
* ``team_before`` / ``resource_before``: the case's last team / resource named before
  this event (events naming none are passed over);
* ``complete`` (the case's ticket is done: resolved or closed), ``breached`` (it missed
  its SLA target, by :mod:`svcops.tickets`' rule) and ``reopened`` (its
  ``reopen_count`` is above 0).

Events come from the uploaded ``events`` table when it has rows; otherwise they are
derived from the tickets' own timestamps: Created (``created_at``), First response,
Resolved and Closed, in that order when two are equal. Events of one case are ordered
by time, then by upload and the position the file had them in (``store.SEQ_COL``),
then by activity name (rows of a workspace written before positions were kept).

A case is a ticket: events join the tickets (``ticket_id = case_id``) that pass the
dimension filters, and the period selects the tickets created in it (as every page
counts volume). Each case is followed through all its events, also those after the
period's end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import duckdb
import pandas as pd

from ..filters import Filters
from ..ingest import CLOSING_ACTIVITY, UNDONE_ACTIVITY, activity_kind_sql
from ..store import SEQ_COL, Workspace
from ..tickets import CREATED_IN, HAS_TARGET, REOPENED, SLA_BREACHED, tickets_cte

# The artificial first and last node of every case on the map.
START, END = "__start__", "__end__"

# In ``oe``, activities, teams and resources are of these ENUM types (made per event log,
# in text order, so sorting and least/greatest are those of the text): grouping a million
# events by small integers instead of text is what keeps the page fast.
ACTIVITY, WHO = "process_activity", "process_who"

# Activities derived from a ticket's timestamps: (activity, tickets column), in the
# order equal times are put in.
DERIVED = (
    ("Created", "created_at"),
    ("First response", "first_response_at"),
    ("Resolved", "resolved_at"),
    ("Closed", "closed_at"),
)

# Statuses in which a case waits for someone outside the team (the customer, a vendor):
# the time spent in them is what "leave out waiting time" removes. Waiting to be
# assigned is the team's own queue and stays in.
WAITING = r"(on.?hold|pending|await|wait|suspend|挂起|等待|暂停|待客户)"
_NOT_WAITING = r"(assign|分派|分配)"
# An activity that says the case was sent back after it was resolved.
REOPEN = r"(reopen|re-open|重开|重新打开)"

# Business hours: weekdays from OPEN_HOUR to CLOSE_HOUR (wall-clock), less the public
# holidays of the chosen country.
OPEN_HOUR, CLOSE_HOUR = 9, 17


@dataclass(frozen=True)
class Clock:
    """How durations are measured: calendar hours, or ``business`` hours (weekdays
    09:00-17:00 less ``country``'s public holidays, an ISO code such as "US"); with
    ``skip_waiting``, time spent in waiting statuses (:data:`WAITING`) counts 0."""

    business: bool = False
    country: str | None = None
    skip_waiting: bool = False


# Calendar hours, waiting included: the default clock.
CALENDAR = Clock()


@dataclass(frozen=True)
class Through:
    """Cases that pass through one activity (``target`` None) or one edge ``source ->
    target`` (either may be :data:`START` / :data:`END`). ``kept``: the activities of a
    simplified map the edge was picked on (the case's other events are passed over, so
    ``A -> C`` holds for ``A, B, C`` when B is not kept); empty for all."""

    source: str
    target: str | None = None
    kept: tuple[str, ...] = ()


def event_source(ws: Workspace) -> str | None:
    """``"events"`` when the workspace has an uploaded event log, ``"tickets"`` when
    events are derived from ticket timestamps, None when there are no tickets."""
    if ws.has_rows("events"):
        return "events"
    return "tickets" if ws.has_rows("tickets") else None


def is_waiting(activity: str) -> bool:
    """Whether time in ``activity`` is waiting time (:data:`WAITING`)."""
    low = activity.lower()
    return bool(re.search(WAITING, low)) and not re.search(_NOT_WAITING, low)


def is_done(activity: str) -> bool:
    """Whether ``activity`` resolves or closes a case, as the importer reads it (its
    closing words, unless the name denies or undoes one: "Resolution rejected")."""
    low = activity.lower()
    return bool(re.search(CLOSING_ACTIVITY, low)) and not re.search(UNDONE_ACTIVITY, low)


def done_like(column: str) -> str:
    """SQL: ``column`` names an activity that resolves or closes a case (the importer's
    rule, :func:`svcops.ingest.activity_kind_sql`)."""
    return activity_kind_sql(column)[2]


def reopen_like(column: str) -> str:
    """SQL: ``column`` names an activity that reopens a case."""
    return f"regexp_matches(lower({column}), '{REOPEN}')"


def _waiting_like(column: str) -> str:
    return (
        f"(regexp_matches(lower({column}), '{WAITING}') AND NOT "
        f"regexp_matches(lower({column}), '{_NOT_WAITING}'))"
    )


def _source_sql(ws: Workspace, source: str) -> str:
    """case_id, activity, ts, resource, team, up, seq of every event of the source."""
    if source == "events":
        has_seq = ws.scalar(
            "SELECT count(*) FROM information_schema.columns "
            "WHERE table_name = 'events' AND column_name = ?",
            [SEQ_COL],
        )
        seq = SEQ_COL if has_seq else "NULL::BIGINT"
        return (
            f"SELECT case_id, activity, timestamp AS ts, resource, team, _upload_id AS up, "
            f"{seq} AS seq FROM events WHERE case_id IS NOT NULL AND timestamp IS NOT NULL "
            f"AND activity IS NOT NULL"
        )
    return " UNION ALL ".join(
        f"SELECT ticket_id AS case_id, '{name}' AS activity, {col} AS ts, agent AS resource, "
        f"team, 0 AS up, {i} AS seq FROM tickets WHERE {col} IS NOT NULL"
        for i, (name, col) in enumerate(DERIVED)
    )


@lru_cache(maxsize=64)
def _holidays(country: str, first: int, last: int) -> tuple[date, ...]:
    import holidays

    return tuple(sorted(holidays.country_holidays(country, years=range(first, last + 1))))


def _calendar_sql(ws: Workspace, source: str, clock: Clock) -> tuple[str, dict]:
    """CTE ``cal``: one row per day over the source's span, ``dd``, ``working`` and
    ``before`` (business seconds before the day), and its parameters."""
    span = ws.query(f"SELECT min(ts) AS lo, max(ts) AS hi FROM ({_source_sql(ws, source)})")
    lo, hi = span["lo"].iloc[0], span["hi"].iloc[0]
    days: list[date] = []
    if clock.country and pd.notna(lo) and pd.notna(hi):
        days = list(_holidays(clock.country, lo.year, hi.year))
    day = (CLOSE_HOUR - OPEN_HOUR) * 3600
    sql = f""",
    cal0 AS (
        SELECT d::DATE AS dd, isodow(d) <= 5 AND NOT list_contains($holidays, d::DATE) AS working
        FROM generate_series((SELECT min(ts) FROM ev)::DATE::TIMESTAMP,
                             (SELECT max(ts) FROM ev)::DATE::TIMESTAMP, INTERVAL 1 DAY) g(d)
    ),
    cal AS (
        SELECT dd, working, coalesce(sum(CASE WHEN working THEN {day} ELSE 0 END)
               OVER (ORDER BY dd ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
        FROM cal0
    )"""
    return sql, {"holidays": days}


def _hours(clock: Clock, frm: str, to: str, state: str) -> str:
    """SQL: hours from the event at ``frm`` to the one at ``to`` (column prefixes such
    as ``prev_`` / ``next_`` / empty) while the case was in ``state``."""
    if clock.business:
        raw = f"({to}b - {frm}b) / 3600.0"
    else:
        raw = f"date_diff('second', {frm}ts, {to}ts) / 3600.0"
    if clock.skip_waiting:
        return f"CASE WHEN {_waiting_like(state)} THEN 0.0 ELSE {raw} END"
    return raw


def _scope_sql(cases: str) -> str:
    if cases == "created":
        return CREATED_IN
    if cases == "open":  # in the system at some time in the period
        return "created_at < $hi AND (done_at IS NULL OR done_at >= $lo)"
    raise ValueError("cases must be 'created' or 'open'")


def _through_sql(through: Through, params: dict) -> str:
    """A condition over ordered rows that holds for the events marking the passage."""
    params["through_a"] = through.source
    if through.target is None:
        return "activity::VARCHAR = $through_a"
    params["through_b"] = through.target
    if through.source == START:
        return "pos = 1 AND activity::VARCHAR = $through_b"
    if through.target == END:
        return "next_activity IS NULL AND complete AND activity::VARCHAR = $through_a"
    return "activity::VARCHAR = $through_a AND next_activity::VARCHAR = $through_b"


def log_sql(
    ws: Workspace,
    filters: Filters,
    clock: Clock = CALENDAR,
    through: Through | None = None,
    *,
    cases: str = "created",
    kept: tuple[str, ...] = (),
) -> tuple[str, dict]:
    """The SELECT that gives the ordered events (see the module docstring), and its
    parameters. ``cases``: ``"created"`` - tickets created in the period; ``"open"`` -
    tickets in the system at some time in it (created before its end, not done before
    its start). ``through``: only cases passing through that activity or edge.
    ``kept``: only the events of these activities (the map's activity slider); the
    order, times and edges are then those of the kept events. Empty: all."""
    source = event_source(ws) or "tickets"
    cte, params = tickets_cte(ws, filters)
    cal = ""
    if clock.business:
        cal, more = _calendar_sql(ws, source, clock)
        params.update(more)
        b = (
            "k.before + CASE WHEN k.working THEN least(greatest(epoch(e.ts - e.ts::DATE::TIMESTAMP)"
            f" - {OPEN_HOUR * 3600}, 0), {(CLOSE_HOUR - OPEN_HOUR) * 3600}) ELSE 0 END"
        )
        stamped = f"SELECT e.*, {b} AS b FROM ev e JOIN cal k ON k.dd = e.ts::DATE"
        b_cols = "x.b, lag(x.b) OVER w AS prev_b, lead(x.b) OVER w AS next_b,"
    else:
        stamped, b_cols = "SELECT * FROM ev", ""
    where = ""
    if kept:
        params["kept"] = list(kept)
        where = "WHERE list_contains($kept, activity::VARCHAR)"
    sql = (
        cte
        + f""",
    ev AS (SELECT case_id, activity::{ACTIVITY} AS activity, ts, resource::{WHO} AS resource,
                  team::{WHO} AS team, up, seq FROM ({_source_sql(ws, source)})){cal},
    scope AS (
        SELECT row_number() OVER () AS cid, ticket_id AS case_id,
               done_at IS NOT NULL AS complete,
               coalesce({HAS_TARGET} AND {SLA_BREACHED}, false) AS breached,
               coalesce({REOPENED}, false) AS reopened
        FROM t WHERE {_scope_sql(cases)}
    ),
    ordered AS (
        SELECT s.cid, x.case_id, x.activity, x.ts, x.team, x.resource, s.complete,
               s.breached, s.reopened, {b_cols}
               row_number() OVER w AS pos,
               lag(x.activity) OVER w AS prev_activity,
               lead(x.activity) OVER w AS next_activity,
               lag(x.ts) OVER w AS prev_ts, lead(x.ts) OVER w AS next_ts,
               last_value(x.team IGNORE NULLS) OVER before AS team_before,
               last_value(x.resource IGNORE NULLS) OVER before AS resource_before
        FROM (SELECT * FROM ({stamped}) y {where}) x JOIN scope s USING (case_id)
        WINDOW w AS (PARTITION BY s.cid ORDER BY x.ts, x.up, x.seq, x.activity),
               before AS (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    ),
    timed AS {"MATERIALIZED" if through is not None else ""} (
        SELECT cid, case_id, activity, ts, team, resource, complete, breached, reopened, pos,
               prev_activity, next_activity, team_before, resource_before,
               {_hours(clock, "", "next_", "activity")} AS dur,
               {_hours(clock, "prev_", "", "prev_activity")} AS wait
        FROM ordered
    )"""
    )
    if through is None:
        return sql + " SELECT * FROM timed", params
    passing = "timed"
    if set(through.kept) != set(kept):  # the passage is judged on other events
        only = ""
        if through.kept:
            params["through_kept"] = list(through.kept)
            only = "WHERE list_contains($through_kept, e.activity::VARCHAR)"
        passing = f"""(SELECT s.cid, e.activity, s.complete,
            row_number() OVER w AS pos, lead(e.activity) OVER w AS next_activity
            FROM ev e JOIN scope s USING (case_id) {only}
            WINDOW w AS (PARTITION BY s.cid ORDER BY e.ts, e.up, e.seq, e.activity))"""
    condition = _through_sql(through, params)
    return (
        sql
        + f""" SELECT * FROM timed WHERE cid IN (
        SELECT cid FROM {passing} p WHERE {condition})""",
        params,
    )


def _used(sql: str, params: dict) -> dict:
    """The parameters ``sql`` names (DuckDB refuses others)."""
    named = set(re.findall(r"\$(\w+)", sql))
    return {k: v for k, v in params.items() if k in named}


# Tables worked out from ``oe`` when an analysis first asks (EventLog.table), then shared.
_DERIVED = {
    # Per activity and case: times done, times directly repeated, the case late (SLA),
    # the case waiting in it now (its last event, not done).
    "ac": """SELECT activity, cid, count(*) AS n,
                    count(*) FILTER (WHERE next_activity = activity) AS self_loops,
                    bool_or(breached) AS breached,
                    bool_or(next_activity IS NULL AND NOT complete) AS waiting_here
             FROM oe GROUP BY activity, cid""",
    # Per activity: whether it resolves or closes a case, reopens one, or waits.
    "acts": f"""SELECT activity, {done_like("activity")} AS done,
                       {reopen_like("activity")} AS reopens, {_waiting_like("activity")} AS waits
                FROM (SELECT DISTINCT activity FROM oe)""",
}


class EventLog:
    """The ordered events of one scope, in the temporary table ``oe`` of a cursor of
    its own (see :func:`event_log`); ``source``: ``"events"`` or ``"tickets"``."""

    def __init__(self, cur: duckdb.DuckDBPyConnection, source: str):
        self._cur, self.source = cur, source
        self._made: set[str] = set()

    def query(self, sql: str, params: dict | None = None) -> pd.DataFrame:
        """Run ``sql`` (over ``oe``) with those of ``params`` it names; names come back
        as text (object columns), not as the categories DuckDB makes of its ENUMs."""
        frame = self._cur.execute(sql, _used(sql, params or {})).df()
        for column in frame.select_dtypes("category"):
            frame[column] = frame[column].astype(object)
        return frame

    def table(self, name: str) -> str:
        """A table derived from ``oe`` (``"ac"``: per activity and case; ``"acts"``: per
        activity, see ``_DERIVED``), made on first use and shared by later analyses."""
        if name not in self._made:
            self._cur.execute(f"CREATE TEMP TABLE {name} AS {_DERIVED[name]}")
            self._made.add(name)
        return name


@contextmanager
def event_log(
    ws: Workspace,
    filters: Filters,
    clock: Clock = CALENDAR,
    through: Through | None = None,
    *,
    cases: str = "created",
    kept: tuple[str, ...] = (),
) -> Iterator[EventLog]:
    """The ordered events of a scope (:func:`log_sql`'s arguments), worked out once for
    the analyses that read them; the table goes when the block ends."""
    sql, params = log_sql(ws, filters, clock, through, cases=cases, kept=kept)
    source = event_source(ws) or "tickets"
    cur = ws.cursor()
    try:
        names = f"SELECT case_id, activity, team, resource FROM ({_source_sql(ws, source)})"
        cur.execute(
            f"""CREATE TEMP TYPE {ACTIVITY} AS ENUM (
                SELECT a FROM (SELECT DISTINCT activity AS a FROM ({names})
                               UNION SELECT unnest(['{START}', '{END}'])) ORDER BY a)"""
        )
        cur.execute(
            f"""CREATE TEMP TYPE {WHO} AS ENUM (
                SELECT w FROM (SELECT team AS w FROM ({names}) UNION SELECT resource FROM ({names}))
                WHERE w IS NOT NULL ORDER BY w)"""
        )
        cur.execute(f"CREATE TEMP TABLE oe AS {sql}", _used(sql, params))
        yield EventLog(cur, event_source(ws) or "tickets")
    finally:
        cur.close()


def event_span(ws: Workspace) -> tuple[date, date] | None:
    """The first and last day a ticket with events was created (all tickets for events
    derived from their timestamps); None when there are none."""
    if event_source(ws) == "events":
        sql = (
            "SELECT min(created_at) AS lo, max(created_at) AS hi FROM tickets "
            "WHERE ticket_id IN (SELECT case_id FROM events)"
        )
    else:
        sql = "SELECT min(created_at) AS lo, max(created_at) AS hi FROM tickets"
    row = ws.query(sql).iloc[0]
    return None if pd.isna(row["lo"]) else (row["lo"].date(), row["hi"].date())
