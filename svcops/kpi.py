"""Service KPIs computed in DuckDB from one Filters value. Definitions: docs/kpis.md.

A ticket counts as *done* at ``coalesce(resolved_at, closed_at)``; outcome KPIs
(SLA attainment, first-contact resolution, CSAT, resolution time, reopen rate) are
taken over the tickets done in the period, volume over the tickets created in it.
Rates are fractions 0-1; a KPI whose data is absent is None. The ticket KPIs are
the SQL expressions of :mod:`svcops.tickets`, shared with performance and quality.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from .filters import Filters
from .i18n import Message
from .store import Workspace
from .tickets import (
    DONE_IN,
    HAS_TARGET,
    KPI_SQL,
    REOPENED,
    SLA_BY_FLAG,
    SLA_BY_POLICY,
    SLA_MET,
    TICKET_COST_SQL,
    TIMED_TO_CLOSE,
    aliased,
    data_period,
    in_period,
    kpi_sql,
    query,
    resolve_period,
    tickets_cte,
)

__all__ = [
    "COUNT_KEYS",
    "DIRECTION",
    "Definitions",
    "EXTRA_KEYS",
    "KPI_KEYS",
    "RATE_KEYS",
    "SCORECARD_KEYS",
    "ScoreRow",
    "Scorecard",
    "breakdown",
    "compute",
    "data_period",
    "definitions",
    "dimension_values",
    "grain_for",
    "period_scorecard",
    "resolve_period",
    "trend",
]

# The KPI keys of `python -m svcops kpis --json`, in scorecard order.
KPI_KEYS = (
    "tickets",
    "resolved",
    "open_backlog",
    "sla_attainment",
    "fcr_rate",
    "csat_avg",
    "resolution_hours_median",
    "resolution_hours_p90",
    "reopen_rate",
    "availability",
    "cost_per_ticket",
)
# Shown on the scorecard too, but not part of the CLI's fixed key set.
EXTRA_KEYS = ("csat_top2_share",)
# The order of every scorecard (the Overview's and the Performance page's).
SCORECARD_KEYS: tuple[str, ...] = (*KPI_KEYS[:6], *EXTRA_KEYS, *KPI_KEYS[6:])

# +1: higher is better, -1: lower is better, 0: neither (volume).
DIRECTION = {
    "tickets": 0,
    "resolved": 1,
    "open_backlog": -1,
    "sla_attainment": 1,
    "fcr_rate": 1,
    "csat_avg": 1,
    "csat_top2_share": 1,
    "resolution_hours_median": -1,
    "resolution_hours_p90": -1,
    "reopen_rate": -1,
    "availability": 1,
    "cost_per_ticket": -1,
}
RATE_KEYS = {"sla_attainment", "fcr_rate", "reopen_rate", "availability", "csat_top2_share"}
COUNT_KEYS = {"tickets", "resolved", "open_backlog"}


def compute(ws: Workspace, filters: Filters) -> dict[str, float | int | None]:
    """All KPIs for the filtered period (open ends resolved against the data).

    Returns every key of :data:`KPI_KEYS` and :data:`EXTRA_KEYS`: counts as int,
    the rest as float (rates 0-1, CSAT 1-5, hours, currency), None without data.
    The ticket KPIs are :data:`svcops.tickets.KPI_SQL`.
    """
    f = resolve_period(ws, filters)
    cte, params = tickets_cte(ws, f)
    sql = (
        cte
        + f"""
    SELECT {aliased(KPI_SQL)},
      {TICKET_COST_SQL} AS ticket_cost
    FROM t"""
    )
    row = query(ws, sql, params).iloc[0].to_dict()
    out: dict[str, float | int | None] = {k: _clean(row[k]) for k in KPI_SQL}
    for k in COUNT_KEYS:
        out[k] = int(out[k] or 0)
    out["availability"] = _availability(ws, params["lo"], params["hi"])
    ticket_cost = _clean(row["ticket_cost"])
    if ticket_cost is not None:
        out["cost_per_ticket"] = ticket_cost / out["resolved"] if out["resolved"] else None
    else:
        out["cost_per_ticket"] = _cost_per_resolved_from_report(ws, f, cte, params)
    return {k: out.get(k) for k in (*KPI_KEYS, *EXTRA_KEYS)}


def _clean(value):
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    return float(value)


def _availability(ws: Workspace, lo: datetime, hi: datetime) -> float | None:
    row = ws.query(
        "SELECT sum(downtime_minutes) AS down, sum(coalesce(planned_minutes, 1440)) AS planned "
        "FROM availability WHERE date >= CAST($lo AS DATE) AND date < CAST($hi AS DATE)",
        {"lo": lo, "hi": hi},
    ).iloc[0]
    planned = _clean(row["planned"])
    if not planned:
        return None
    return 1.0 - (_clean(row["down"]) or 0.0) / planned


def _cost_per_resolved_from_report(ws: Workspace, f: Filters, cte: str, params: dict):
    """Cost report spend over the period / tickets done in it.

    Monthly amounts are spread evenly over their month's days; only months the cost
    report holds count, on both sides of the ratio, so a month not (yet) reported does
    not make tickets look cheap. The report is not split by team, channel, category or
    priority, so with such filters there is no honest figure: None.
    """
    if f.has_dimensions:
        return None
    row = query(
        ws,
        cte
        + f"""
        , m AS (
            SELECT date_trunc('month', period) AS m0, sum(amount) AS amount
            FROM costs GROUP BY 1
        ), o AS (
            SELECT m0, amount,
                   greatest(least(CAST($hi AS DATE), CAST(m0 + INTERVAL 1 MONTH AS DATE))
                            - greatest(CAST($lo AS DATE), CAST(m0 AS DATE)), 0) AS days,
                   CAST(m0 + INTERVAL 1 MONTH AS DATE) - CAST(m0 AS DATE) AS month_days
            FROM m
        )
        SELECT (SELECT sum(amount * days / month_days) FROM o WHERE days > 0) AS spend,
               (SELECT count(*) FROM t WHERE {in_period("done_at")}
                  AND date_trunc('month', done_at) IN (SELECT m0 FROM o WHERE days > 0)) AS done
        """,
        params,
    ).iloc[0]
    if pd.isna(row["spend"]) or not row["done"]:
        return None
    return float(row["spend"]) / int(row["done"])


@dataclass(frozen=True)
class ScoreRow:
    kpi: str
    value: float | int | None
    previous: float | int | None
    direction: int

    @property
    def delta(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def change(self) -> float | None:
        """Relative change (fraction), for counts and amounts."""
        if self.delta is None or not self.previous:
            return None
        return self.delta / abs(self.previous)

    @property
    def verdict(self) -> int:
        """+1 better, -1 worse, 0 same or not judged."""
        if self.delta is None or self.direction == 0 or abs(self.delta) < 1e-12:
            return 0
        return 1 if self.delta * self.direction > 0 else -1


@dataclass(frozen=True)
class Scorecard:
    period: Filters
    previous_period: Filters
    rows: tuple[ScoreRow, ...]

    def row(self, kpi: str) -> ScoreRow:
        return next(r for r in self.rows if r.kpi == kpi)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [
                {
                    "kpi": r.kpi,
                    "value": r.value,
                    "previous": r.previous,
                    "delta": r.delta,
                    "change": r.change,
                }
                for r in self.rows
            ]
        )


def period_scorecard(ws: Workspace, filters: Filters) -> Scorecard:
    """KPIs for the period and the previous period of equal length (this period vs the
    previous one; :func:`svcops.performance.target_scorecard` holds actuals against
    targets). Rows in scorecard order, values as :func:`compute`."""
    cur_f = resolve_period(ws, filters)
    prev_f = cur_f.previous()
    cur, prev = compute(ws, cur_f), compute(ws, prev_f)
    rows = tuple(ScoreRow(k, cur[k], prev[k], DIRECTION[k]) for k in SCORECARD_KEYS)
    return Scorecard(cur_f, prev_f, rows)


@dataclass(frozen=True)
class Definitions:
    """The choices behind the period's outcome figures, counted over the tickets done in
    it (dimension filters apply): ``done``; ``sla_by_flag`` judged by the source's own
    SLA flag, ``sla_by_policy`` by their target hours (own ``sla_hours`` or the priority
    policy); ``timed_to_close`` done with no resolve time, so timed to their close;
    ``reopened`` with ``reopen_count > 0``, counted once, at their final resolution."""

    done: int
    sla_by_flag: int
    sla_by_policy: int
    timed_to_close: int
    reopened: int

    def notes(self) -> tuple[Message, ...]:
        """What a reader should know to read the figures, as messages (``kpi.rule.*``):
        which rule SLA attainment follows, and the tickets timed to their close and
        reopened, each only when it applies."""
        out: list[Message] = []
        if self.sla_by_flag and self.sla_by_policy:
            out.append(
                Message(
                    "kpi.rule.sla_mixed", {"flag": self.sla_by_flag, "policy": self.sla_by_policy}
                )
            )
        elif self.sla_by_flag:
            out.append(Message("kpi.rule.sla_flag", {"n": self.sla_by_flag}))
        elif self.sla_by_policy:
            out.append(Message("kpi.rule.sla_policy", {"n": self.sla_by_policy}))
        if self.timed_to_close:
            out.append(
                Message("kpi.rule.timed_to_close", {"n": self.timed_to_close, "done": self.done})
            )
        if self.reopened:
            out.append(Message("kpi.rule.reopened", {"n": self.reopened}))
        return tuple(out)


def definitions(ws: Workspace, filters: Filters) -> Definitions:
    """:class:`Definitions` for the filtered period (open ends resolved against the data)."""
    cte, params = tickets_cte(ws, filters)
    row = query(
        ws,
        cte
        + f"""
    SELECT count(*) AS done,
           count(*) FILTER (WHERE {SLA_BY_FLAG}) AS sla_by_flag,
           count(*) FILTER (WHERE {SLA_BY_POLICY}) AS sla_by_policy,
           count(*) FILTER (WHERE {TIMED_TO_CLOSE}) AS timed_to_close,
           count(*) FILTER (WHERE {REOPENED}) AS reopened
    FROM t WHERE {DONE_IN}""",
        params,
    ).iloc[0]
    return Definitions(*(int(row[k]) for k in Definitions.__dataclass_fields__))


def grain_for(days: int) -> str:
    """Trend granularity that keeps a chart readable: day, week or month."""
    return "day" if days <= 92 else "week" if days <= 731 else "month"


def trend(ws: Workspace, filters: Filters, grain: str | None = None) -> pd.DataFrame:
    """Per-period series for the trend charts.

    Returns columns ``period`` (start of day/week/month), ``created``, ``resolved``,
    ``backlog`` (open at the end of the period), ``sla_attainment`` (0-1, tickets done
    in the period) and ``resolution_hours_median``.
    """
    f = resolve_period(ws, filters)
    grain = grain or grain_for(f.days or 1)
    cte, params = tickets_cte(ws, f)
    # Each bucket's own tickets: the WHERE and GROUP BY put them in it.
    k = kpi_sql(created="TRUE", done="TRUE")
    sql = (
        cte
        + f"""
    , created AS (
        SELECT date_trunc('{grain}', created_at) AS period, {k["tickets"]} AS created FROM t
        WHERE created_at < $hi GROUP BY 1
    ), done AS (
        SELECT date_trunc('{grain}', done_at) AS period, {k["resolved"]} AS resolved,
               {k["sla_attainment"]} AS sla_attainment,
               {k["resolution_hours_median"]} AS resolution_hours_median
        FROM t WHERE done_at < $hi GROUP BY 1
    ), spine AS (
        SELECT unnest(generate_series(date_trunc('{grain}', (SELECT min(created_at) FROM t)),
                                      date_trunc('{grain}', CAST($hi AS TIMESTAMP) - INTERVAL 1 SECOND),
                                      INTERVAL 1 {grain})) AS period
    ), joined AS (
        SELECT s.period, coalesce(c.created, 0) AS created, coalesce(d.resolved, 0) AS resolved,
               d.sla_attainment, d.resolution_hours_median
        FROM spine s LEFT JOIN created c USING (period) LEFT JOIN done d USING (period)
    )
    SELECT period, created, resolved,
           sum(created - resolved) OVER (ORDER BY period) AS backlog,
           sla_attainment, resolution_hours_median
    FROM joined
    ORDER BY period"""
    )
    frame = query(ws, sql, params)
    first = (
        pd.Timestamp(params["lo"])
        .to_period({"day": "D", "week": "W-SUN", "month": "M"}[grain])
        .start_time
    )
    frame = frame[frame["period"] >= first].reset_index(drop=True)
    for col in ("created", "resolved", "backlog"):
        frame[col] = frame[col].astype("int64")
    return frame


def breakdown(ws: Workspace, filters: Filters, dimension: str) -> pd.DataFrame:
    """Per value of ``dimension`` (a tickets column): created, and the SLA parts
    (``sla_n`` done with a target, ``sla_met``) for the period and the previous one.

    Columns: ``value, created, created_prev, sla_n, sla_met, sla_n_prev, sla_met_prev``.
    """
    f = resolve_period(ws, filters)
    cte, params = tickets_cte(ws, f)
    plo, _ = f.previous().bounds()
    periods = {"": ("$lo", "$hi"), "_prev": ("$plo", "$lo")}
    cols = []
    for suffix, (lo, hi) in periods.items():
        done = f"{in_period('done_at', lo, hi)} AND {HAS_TARGET}"
        # sla_met / sla_n is exactly the sla_attainment KPI over these tickets.
        cols += [
            f"count(*) FILTER (WHERE {in_period('created_at', lo, hi)}) AS created{suffix}",
            f"count(*) FILTER (WHERE {done}) AS sla_n{suffix}",
            f"count(*) FILTER (WHERE {done} AND {SLA_MET}) AS sla_met{suffix}",
        ]
    sql = (
        cte
        + f"""
    SELECT coalesce(CAST("{dimension}" AS VARCHAR), '(none)') AS value, {", ".join(cols)}
    FROM t GROUP BY 1 ORDER BY 1"""
    )
    order = ["value", "created", "created_prev", "sla_n", "sla_met", "sla_n_prev", "sla_met_prev"]
    return query(ws, sql, {**params, "plo": plo})[order]


def dimension_values(ws: Workspace) -> dict[str, list[str]]:
    """Every value of each filter dimension in the workspace, sorted (for pickers and colours)."""
    out = {}
    for column in ("team", "channel", "category", "priority"):
        rows = ws.query(
            f'SELECT DISTINCT "{column}" AS v FROM tickets WHERE "{column}" IS NOT NULL ORDER BY 1'
        )
        out[column] = [str(v) for v in rows["v"]]
    return out
