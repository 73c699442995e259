"""Daily series of the tickets for control charts, from the workspace.

Each series has one row per day of the period (open ends resolved against the
data) and uses the tickets CTE and KPI expressions of :mod:`svcops.tickets`, so
its totals agree with :func:`svcops.kpi.compute` for the same filters: the
dimension filters apply, outcomes count the tickets *done* that day.
"""

from __future__ import annotations

import pandas as pd

from ..filters import Filters
from ..store import Workspace
from ..tickets import (
    CREATED_IN,
    DONE_IN,
    HAS_TARGET,
    SLA_BREACHED,
    kpi_sql,
    query,
    tickets_cte,
)

# The KPIs of one day: the WHERE and GROUP BY put the tickets in it.
_DAY = kpi_sql(created="TRUE", done="TRUE")


def _days(ws: Workspace, filters: Filters) -> tuple[str, dict]:
    """The tickets CTE for the filters, a day spine CTE (``spine.date``), and their
    parameters."""
    cte, params = tickets_cte(ws, filters)
    sql = (
        cte
        + """
    , spine AS (
        SELECT CAST(unnest(range(CAST($lo AS TIMESTAMP), CAST($hi AS TIMESTAMP),
                                 INTERVAL 1 DAY)) AS DATE) AS date
    )"""
    )
    return sql, params


def daily_resolution_median(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """Median resolution time of the tickets done each day.

    Returns one row per day of the period: ``date``, ``value`` (median resolution
    hours of tickets done that day, ``quantile_cont`` as the KPI; NaN on a day with
    none), ``n`` (tickets done that day).
    """
    cte, params = _days(ws, filters)
    sql = (
        cte
        + f"""
    , d AS (
        SELECT CAST(done_at AS DATE) AS date, {_DAY["resolution_hours_median"]} AS value,
               {_DAY["resolved"]} AS n
        FROM t WHERE {DONE_IN} GROUP BY 1
    )
    SELECT s.date, d.value, coalesce(d.n, 0) AS n FROM spine s LEFT JOIN d USING (date)
    ORDER BY s.date"""
    )
    return _typed(query(ws, sql, params), value="float64", n="int64")


def daily_sla_breaches(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """SLA breaches per day, for a p-chart.

    Returns one row per day of the period: ``date``, ``defects`` (tickets done that
    day whose resolution hours exceed their target), ``n`` (tickets done that day
    with a target: own ``sla_hours``, else the priority policy; 0 on a day with
    none). ``1 - Σdefects/Σn`` over the period is the ``sla_attainment`` KPI.
    """
    cte, params = _days(ws, filters)
    sql = (
        cte
        + f"""
    , d AS (
        SELECT CAST(done_at AS DATE) AS date,
               count(*) FILTER (WHERE {SLA_BREACHED}) AS defects,
               count(*) AS n
        FROM t WHERE {DONE_IN} AND {HAS_TARGET} GROUP BY 1
    )
    SELECT s.date, coalesce(d.defects, 0) AS defects, coalesce(d.n, 0) AS n
    FROM spine s LEFT JOIN d USING (date) ORDER BY s.date"""
    )
    return _typed(query(ws, sql, params), defects="int64", n="int64")


def daily_volume(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """Tickets created per day: ``date``, ``value`` (tickets created that day, 0 on a
    day with none), one row per day of the period. The individuals chart of this
    series is where single-day incident spikes show up as rule-1 points."""
    cte, params = _days(ws, filters)
    sql = (
        cte
        + f"""
    , d AS (
        SELECT CAST(created_at AS DATE) AS date, {_DAY["tickets"]} AS value
        FROM t WHERE {CREATED_IN} GROUP BY 1
    )
    SELECT s.date, coalesce(d.value, 0) AS value FROM spine s LEFT JOIN d USING (date)
    ORDER BY s.date"""
    )
    return _typed(query(ws, sql, params), value="int64")


def _typed(frame: pd.DataFrame, **dtypes: str) -> pd.DataFrame:
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype(dtypes)
