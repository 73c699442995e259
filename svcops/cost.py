"""Cost control (服务成本控制): where the money goes, and where it will end the year.

Pure functions over a workspace's ``costs`` (the cost report: one row per posting or
per account and month), ``budget`` (budgets in a separate sheet), ``roster`` (hours
and hourly cost) and ``tickets``. All amounts are in the workspace's one currency,
never converted; the page and the CLI only label them.

Periods: the cost report is monthly, so every cost figure counts **whole months**: a
period's months are the calendar months from the month of its first day to the month
of its last (:func:`months_of`). A posting dated mid-month counts in its month.
"Reported" months are those from the report's first month to its last: inside that
span a month with no posting spent 0; after it a month is not reported yet (no value).

Budgets: the ``budget`` sheet when one was uploaded (then it is the whole budget);
else the ``budget`` column of the cost report (summed over its lines). A line is a (cost centre, category)
pair; a missing cost centre or category reads :data:`NO_VALUE`.

Variance is ``actual - budget``: positive is an overspend (**unfavourable** for a
cost), negative an underspend (**favourable**). A line with actuals and no budget is
``unbudgeted`` (its whole actual is unfavourable variance; no relative variance); a
budget line with no actuals is favourable by its whole budget.

The cost report is not split by team, channel, category of ticket or priority, so
figures from it ignore the global dimension filters; :func:`dimension_note` says so.
Definitions of every figure: docs/cost.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import numpy as np
import pandas as pd

from .filters import Filters
from .headlines import NO_VALUE
from .i18n import Message
from .store import Workspace
from .tickets import CREATED_IN, DONE_IN, kpi_sql, query, tickets_cte

__all__ = [
    "BREAKDOWN_BY",
    "LABOUR_PATTERN",
    "Bridge",
    "Decomposition",
    "Months",
    "Outlook",
    "WhatIf",
    "availability",
    "breakdown",
    "currencies",
    "bridge",
    "cost_quality",
    "decompose_labour",
    "decomposition_steps",
    "dimension_note",
    "fiscal_year",
    "labour_categories",
    "labour_reconciliation",
    "long_months",
    "month_end",
    "monthly_budget",
    "months_of",
    "outlook",
    "outlook_lines",
    "reported_months",
    "team_costs",
    "trend_filters",
    "unit_costs",
    "variance",
    "what_if",
]

BREAKDOWN_BY = ("cost_center", "category", "service")
# Categories that are labour (staff pay) in cost reports, English and Chinese.
LABOUR_PATTERN = re.compile(
    r"staff|salar|wage|payroll|labou?r|personnel|people|employee|人工|人力|工资|薪|人员",
    re.IGNORECASE,
)
# How many categories the bridge shows before it folds the rest into "others".
BRIDGE_STEPS = 6
# Why a labour split is missing, and what its units are, per basis.
_NO_SPLIT = {
    "hours": "cost.why.no_hours",
    "tickets": "cost.why.no_tickets",
    "channel": "cost.why.no_handle",
    "priority": "cost.why.no_handle",
}
_UNITS = {
    "hours": "cost.why.unit.hours",
    "tickets": "cost.why.unit.tickets",
    "channel": "cost.why.unit.channel",
    "priority": "cost.why.unit.priority",
}
# Two-sided 95 % normal quantile for the seasonal forecast's band.
_Z95 = 1.959964

_MONTH = "CAST(date_trunc('month', period) AS DATE)"


def _first(d: date) -> date:
    return date(d.year, d.month, 1)


def _add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    return date(k // 12, k % 12 + 1, 1)


def month_end(m: date) -> date:
    """The last day of the month starting ``m``."""
    return _add_months(m, 1) - timedelta(days=1)


def _count(lo: date, hi: date) -> int:
    """Months from ``lo`` to ``hi`` inclusive (both firsts of months)."""
    return (hi.year - lo.year) * 12 + hi.month - lo.month + 1


@dataclass(frozen=True)
class Months:
    """Whole months ``first``..``last`` (firsts of months, inclusive), ``n`` of them."""

    first: date
    last: date

    @property
    def n(self) -> int:
        return _count(self.first, self.last)

    def shifted(self, months: int) -> Months:
        return Months(_add_months(self.first, months), _add_months(self.last, months))

    def previous(self) -> Months:
        """The same number of months just before."""
        return self.shifted(-self.n)

    def year_ago(self) -> Months:
        return self.shifted(-12)

    def list(self) -> list[date]:
        return [_add_months(self.first, i) for i in range(self.n)]


def trend_filters(filters: Filters, months: int = 12) -> Filters:
    """``filters`` widened to the ``months`` whole months ending with its period's last
    month (same dimensions), for a trend by month; an open end stays open."""
    if filters.end is None:
        return filters
    first = _add_months(_first(filters.end), 1 - months)
    start = first if filters.start is None or filters.start > first else filters.start
    return Filters(
        start=start,
        end=filters.end,
        teams=filters.teams,
        channels=filters.channels,
        categories=filters.categories,
        priorities=filters.priorities,
    )


def reported_months(ws: Workspace) -> Months | None:
    """The cost report's first and last month with spend, or None when it has no rows.

    Lines of 0 are left out of the span: finance exports list the whole year with the
    months to come at an actual of 0 beside their budget, and those months are not
    reported yet (not a spend of 0). A report of nothing but 0 spans all its months."""
    row = ws.query(
        f"""SELECT coalesce(min({_MONTH}) FILTER (WHERE amount <> 0), min({_MONTH})) AS lo,
                   coalesce(max({_MONTH}) FILTER (WHERE amount <> 0), max({_MONTH})) AS hi
            FROM costs"""
    ).iloc[0]
    if pd.isna(row["lo"]):
        return None
    return Months(pd.Timestamp(row["lo"]).date(), pd.Timestamp(row["hi"]).date())


def months_of(ws: Workspace, filters: Filters) -> Months | None:
    """The whole months of ``filters``' period; an open end is the cost report's first
    or last month. None when the report is empty and the period is open."""
    rep = reported_months(ws)
    if rep is None and (filters.start is None or filters.end is None):
        return None
    lo = _first(filters.start) if filters.start else rep.first  # type: ignore[union-attr]
    hi = _first(filters.end) if filters.end else rep.last  # type: ignore[union-attr]
    return Months(min(lo, hi), max(lo, hi))


@dataclass(frozen=True)
class Availability:
    """What the page can show: row counts of the tables it reads, and whether the cost
    report names cost centres, categories and services."""

    costs: int
    budget_lines: int
    roster_costed: int
    tickets: int
    has_service: bool
    labour_lines: int


def availability(ws: Workspace) -> Availability:
    """Row counts: cost report lines, budget lines (sheet or column), roster shifts with
    an hourly cost, tickets; whether any cost line names a service; how many cost lines
    are labour (:data:`LABOUR_PATTERN`)."""
    cats = ws.query("SELECT category, count(*) AS n FROM costs GROUP BY 1")
    labour = int(cats.loc[cats["category"].map(_is_labour), "n"].sum()) if len(cats) else 0
    return Availability(
        costs=int(ws.scalar("SELECT count(*) FROM costs")),
        budget_lines=int(
            ws.scalar(
                "SELECT (SELECT count(*) FROM budget) "
                "+ (SELECT count(*) FROM costs WHERE budget IS NOT NULL)"
            )
        ),
        roster_costed=int(ws.scalar("SELECT count(*) FROM roster WHERE hourly_cost IS NOT NULL")),
        tickets=int(ws.scalar("SELECT count(*) FROM tickets")),
        has_service=bool(ws.scalar("SELECT count(service) FROM costs")),
        labour_lines=labour,
    )


def currencies(ws: Workspace) -> list[str]:
    """The currencies the cost report's lines name (its ``currency`` column, trimmed and
    upper-cased), sorted; empty when it names none. More than one means its amounts
    are summed across currencies: nothing is converted, so the page warns. A
    read-only workspace stored before the column existed (the cached sample) names
    none."""
    has_column = ws.scalar(
        "SELECT count(*) FROM information_schema.columns "
        "WHERE table_name = 'costs' AND column_name = 'currency'"
    )
    if not has_column:
        return []
    frame = ws.query(
        "SELECT DISTINCT upper(trim(currency)) AS c FROM costs "
        "WHERE currency IS NOT NULL AND trim(currency) <> '' ORDER BY 1"
    )
    return [str(c) for c in frame["c"]]


def _is_labour(category: object) -> bool:
    return isinstance(category, str) and bool(LABOUR_PATTERN.search(category))


def labour_categories(ws: Workspace) -> list[str]:
    """The cost report's categories that count as labour (:data:`LABOUR_PATTERN`), sorted."""
    names = ws.query("SELECT DISTINCT category FROM costs WHERE category IS NOT NULL")["category"]
    return sorted(c for c in names if _is_labour(c))


def dimension_note(filters: Filters) -> Message | None:
    """Said when dimension filters are set: the cost report is not split by them."""
    if not filters.has_dimensions:
        return None
    return Message("cost.note.not_split")


# --------------------------------------------------------------------- actual, budget
def _actual_sql(by: tuple[str, ...]) -> str:
    cols = "".join(f", coalesce({c}, '{NO_VALUE}') AS {c}" for c in by)
    return (
        f"SELECT {_MONTH} AS month{cols}, sum(amount) AS actual FROM costs "
        f"WHERE {_MONTH} BETWEEN $lo AND $hi GROUP BY ALL"
    )


def _budget_sql(by: tuple[str, ...]) -> str:
    """Budget per month and ``by`` (cost_center / category): the budget sheet when one
    was uploaded, else the cost report's budget column."""
    cols = "".join(f", coalesce({c}, '{NO_VALUE}') AS {c}" for c in by)
    return f"""
        SELECT {_MONTH} AS month{cols}, sum(budget) AS budget FROM budget
        WHERE {_MONTH} BETWEEN $lo AND $hi GROUP BY ALL
        UNION ALL
        SELECT {_MONTH} AS month{cols}, sum(budget) AS budget FROM costs
        WHERE budget IS NOT NULL AND {_MONTH} BETWEEN $lo AND $hi
          AND NOT EXISTS (SELECT 1 FROM budget)
        GROUP BY ALL"""


def _bounds(m: Months) -> dict[str, date]:
    return {"lo": m.first, "hi": m.last}


def _by_key(ws: Workspace, m: Months, by: tuple[str, ...]) -> pd.DataFrame:
    """Actual and budget of the months ``m`` per ``by``: columns ``*by, actual,
    budget`` (actual 0 for a budget line with no actuals; budget NaN for a line with
    no budget)."""
    keys = ", ".join(by) if by else ""
    sel = f"{keys}, " if by else ""
    join = " AND ".join(f"a.{c} = b.{c}" for c in by) if by else "TRUE"
    coalesced = "".join(f"coalesce(a.{c}, b.{c}) AS {c}, " for c in by)
    group = f"GROUP BY {keys}" if by else ""
    sql = f"""
        WITH a AS (SELECT {sel}sum(actual) AS actual FROM ({_actual_sql(by)}) {group}),
             b AS (SELECT {sel}sum(budget) AS budget FROM ({_budget_sql(by)}) {group})
        SELECT {coalesced}coalesce(a.actual, 0.0) AS actual, b.budget
        FROM a FULL OUTER JOIN b ON {join}"""
    return ws.query(sql, _bounds(m))


def breakdown(
    ws: Workspace,
    filters: Filters,
    by: str = "cost_center",
    *,
    within: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """Spend of the period's months per ``by`` (``cost_center``, ``category`` or
    ``service``), optionally ``within`` one value of another column (drill from a
    cost centre to its categories: ``within=("cost_center", "Service Desk")``).

    Returns one row per value, largest first: ``name``; ``amount`` (currency);
    ``share`` of the total (0-1); ``previous`` (the same number of months just
    before) and ``change`` (``amount - previous``) and ``change_pct`` (fraction of
    ``previous``; NaN when it is 0); ``year_ago`` (the same months a year earlier),
    ``yoy`` and ``yoy_pct``. A value with spend only in a comparison period has
    ``amount`` 0. Empty when the report is empty.
    """
    if by not in BREAKDOWN_BY:
        raise ValueError(f"by must be one of {BREAKDOWN_BY}")
    m = months_of(ws, filters)
    cols = ["name", "amount", "share", "previous", "change", "change_pct"]
    cols += ["year_ago", "yoy", "yoy_pct"]
    if m is None:
        return pd.DataFrame(columns=cols)
    where, params = "TRUE", {}
    if within is not None:
        column, value = within
        if column not in BREAKDOWN_BY:
            raise ValueError(f"within must name one of {BREAKDOWN_BY}")
        where = f"coalesce({column}, '{NO_VALUE}') = $within"
        params["within"] = value
    p, y = m.previous(), m.year_ago()
    sql = f"""
        SELECT coalesce({by}, '{NO_VALUE}') AS name,
          coalesce(sum(amount) FILTER (WHERE {_MONTH} BETWEEN $lo AND $hi), 0) AS amount,
          coalesce(sum(amount) FILTER (WHERE {_MONTH} BETWEEN $plo AND $phi), 0) AS previous,
          coalesce(sum(amount) FILTER (WHERE {_MONTH} BETWEEN $ylo AND $yhi), 0) AS year_ago
        FROM costs WHERE {where}
          AND ({_MONTH} BETWEEN $lo AND $hi OR {_MONTH} BETWEEN $plo AND $phi
               OR {_MONTH} BETWEEN $ylo AND $yhi)
        GROUP BY 1"""
    frame = ws.query(
        sql,
        {
            **params,
            **_bounds(m),
            "plo": p.first,
            "phi": p.last,
            "ylo": y.first,
            "yhi": y.last,
        },
    )
    rep = reported_months(ws)
    total = frame["amount"].sum()
    frame["share"] = frame["amount"] / total if total else np.nan
    # A comparison period the report does not cover has no value (not a spend of 0).
    for col, period in (("previous", p), ("year_ago", y)):
        if rep is None or period.first < rep.first:
            frame[col] = np.nan
    frame["change"] = frame["amount"] - frame["previous"]
    frame["change_pct"] = frame["change"] / frame["previous"].where(frame["previous"] != 0)
    frame["yoy"] = frame["amount"] - frame["year_ago"]
    frame["yoy_pct"] = frame["yoy"] / frame["year_ago"].where(frame["year_ago"] != 0)
    frame = frame.sort_values(["amount", "name"], ascending=[False, True], kind="stable")
    return frame[cols].reset_index(drop=True)


def _status(variance: float, budget: float) -> str:
    if budget != budget:  # NaN: no budget
        return "unbudgeted"
    if abs(variance) < 0.005:
        return "on_budget"
    return "unfavourable" if variance > 0 else "favourable"


def variance(
    ws: Workspace, filters: Filters, by: tuple[str, ...] = ("cost_center",)
) -> pd.DataFrame:
    """Budget against actual over the period's months that the cost report covers
    (from its first month with spend to its last: :func:`reported_months`), per line.

    ``by``: the line, ``("cost_center",)``, ``("category",)`` or ``("cost_center",
    "category")``. Returns ``*by, actual, budget, variance`` (``actual - budget``;
    with no budget the whole actual), ``variance_pct`` (``variance / budget``; NaN
    without a budget or with a budget of 0), ``status`` (``favourable`` when under
    budget, ``unfavourable`` over it, ``on_budget`` within half a cent,
    ``unbudgeted`` without a budget); largest overspend first.
    """
    if any(c not in ("cost_center", "category") for c in by) or not by:
        raise ValueError("by: cost_center and/or category (budgets have no service)")
    m = months_of(ws, filters)
    rep = reported_months(ws)
    cols = [*by, "actual", "budget", "variance", "variance_pct", "status"]
    if m is None or rep is None:
        return pd.DataFrame(columns=cols)
    # Budget against actual over the same months: the period's months the report
    # covers (a budget of months not reported yet is not an underspend).
    m = Months(max(m.first, rep.first), min(m.last, rep.last))
    if m.first > m.last:
        return pd.DataFrame(columns=cols)
    frame = _by_key(ws, m, tuple(by))
    frame["variance"] = frame["actual"] - frame["budget"].fillna(0.0)
    frame["variance_pct"] = frame["variance"] / frame["budget"].where(frame["budget"] != 0)
    frame["status"] = [
        _status(v, b) for v, b in zip(frame["variance"], frame["budget"], strict=True)
    ]
    frame = frame.sort_values(["variance", *by], ascending=[False, *[True] * len(by)])
    return frame[cols].reset_index(drop=True)


def fiscal_year(month: date, start_month: int = 1) -> Months:
    """The fiscal year holding ``month`` when years start in ``start_month`` (1-12)."""
    if not 1 <= start_month <= 12:
        raise ValueError("the fiscal year's first month is 1-12")
    year = month.year if month.month >= start_month else month.year - 1
    first = date(year, start_month, 1)
    return Months(first, _add_months(first, 11))


def monthly_budget(
    ws: Workspace, filters: Filters, fy_start: int = 1
) -> tuple[Months, pd.DataFrame] | None:
    """Month by month over the fiscal year holding the period's last month.

    Returns the fiscal year and one row per month: ``month`` (first day), ``actual``
    (NaN for a month after the report's last: not reported yet; 0 for a reported
    month without postings), ``budget`` (NaN without one), ``variance``
    (``actual - budget``, NaN unless both exist), ``ytd_actual`` / ``ytd_budget`` /
    ``ytd_variance`` (fiscal year to date, running sums; NaN after the last reported
    month). None when the report is empty and the period open.
    """
    m = months_of(ws, filters)
    rep = reported_months(ws)
    if m is None:
        return None
    fy = fiscal_year(m.last, fy_start)
    a = _by_key_monthly(ws, fy)
    frame = pd.DataFrame({"month": fy.list()})
    frame = frame.merge(a, on="month", how="left")
    reported = pd.Series([rep is not None and rep.first <= x <= rep.last for x in frame["month"]])
    frame["actual"] = frame["actual"].where(reported)
    frame.loc[reported & frame["actual"].isna(), "actual"] = 0.0
    frame["variance"] = frame["actual"] - frame["budget"]
    done = frame["actual"].notna()
    frame["ytd_actual"] = frame["actual"].fillna(0).cumsum().where(done)
    # The budget of months before the report began is not compared with spend no one
    # reported: year to date counts the same months on both sides.
    since = pd.Series([rep is not None and x >= rep.first for x in frame["month"]])
    frame["ytd_budget"] = frame["budget"].where(since).fillna(0).cumsum().where(done)
    frame["ytd_variance"] = frame["ytd_actual"] - frame["ytd_budget"]
    frame["month"] = pd.to_datetime(frame["month"])
    return fy, frame


def _by_key_monthly(ws: Workspace, m: Months) -> pd.DataFrame:
    sql = f"""
        WITH a AS (SELECT month, sum(actual) AS actual FROM ({_actual_sql(())}) GROUP BY 1),
             b AS (SELECT month, sum(budget) AS budget FROM ({_budget_sql(())}) GROUP BY 1)
        SELECT coalesce(a.month, b.month) AS month, a.actual, b.budget
        FROM a FULL OUTER JOIN b ON a.month = b.month"""
    frame = ws.query(sql, _bounds(m))
    frame["month"] = [pd.Timestamp(x).date() for x in frame["month"]]
    return frame


@dataclass(frozen=True)
class Bridge:
    """The walk from budget to actual: ``steps`` rows ``label``, ``kind`` (``total``
    for the budget and actual bars, ``step`` for a category, ``others`` for the
    folded tail), ``amount`` (the bar's value: a total, or a step's variance),
    ``start`` and ``end`` (where the bar starts and ends on the axis), in drawing
    order; ``budget`` and ``actual`` totals (currency)."""

    steps: pd.DataFrame
    budget: float
    actual: float


def bridge(
    ws: Workspace, filters: Filters, by: str = "category", top: int = BRIDGE_STEPS
) -> Bridge | None:
    """Budget to actual, by ``by`` (``category`` or ``cost_center``): the budget bar,
    then one step per value's variance, largest (by size) first, the values after
    ``top`` folded into one ``others`` step, then the actual bar. Only lines of the
    period's months; a line without a budget steps by its whole actual. None without
    any budget in the period."""
    lines = variance(ws, filters, (by,))
    if lines.empty or lines["budget"].isna().all():
        return None
    budget = float(lines["budget"].fillna(0).sum())
    actual = float(lines["actual"].sum())
    ordered = lines.assign(size=lines["variance"].abs()).sort_values(
        ["size", by], ascending=[False, True], kind="stable"
    )
    shown = ordered.head(top)
    rows = [("budget", "total", budget)]
    rows += [(str(n), "step", float(v)) for n, v in zip(shown[by], shown["variance"], strict=True)]
    tail = ordered.iloc[top:]
    if len(tail):
        rows.append(("others", "others", float(tail["variance"].sum())))
    steps = pd.DataFrame(rows, columns=["label", "kind", "amount"])
    level = budget
    starts, ends = [], []
    for kind, amount in zip(steps["kind"], steps["amount"], strict=True):
        if kind == "total":
            starts.append(0.0)
            ends.append(amount)
        else:
            starts.append(level)
            level += amount
            ends.append(level)
    steps["start"], steps["end"] = starts, ends
    steps = pd.concat(
        [steps, pd.DataFrame([("actual", "total", actual, 0.0, actual)], columns=steps.columns)],
        ignore_index=True,
    )
    return Bridge(steps, budget, actual)


# -------------------------------------------------------------------------- unit costs
def _labour_sql() -> str:
    """SQL condition: the cost line's category is labour (:data:`LABOUR_PATTERN`)."""
    return f"regexp_matches(coalesce(category, ''), '(?i){LABOUR_PATTERN.pattern}')"


def unit_costs(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """Cost per ticket by month (MetricNet/HDI: the operating expense of the month /
    the tickets of the month), over the period's months.

    Returns ``month``, ``opex`` (every cost line; NaN for a month not reported),
    ``labour`` (the labour lines), ``tickets`` (created in the month), ``resolved``
    (done in the month), ``cost_per_ticket`` (``opex / tickets``),
    ``cost_per_resolved`` (``opex / resolved``); NaN where a side is missing or 0.
    Tickets follow the dimension filters, but the cost report does not: with
    dimension filters set the ratios are NaN (no honest figure; see
    :func:`dimension_note`).
    """
    m = months_of(ws, filters)
    cols = ["month", "opex", "labour", "tickets", "resolved"]
    cols += ["cost_per_ticket", "cost_per_resolved"]
    if m is None:
        return pd.DataFrame(columns=cols)
    frame = pd.DataFrame({"month": m.list()})
    spend = ws.query(
        f"""SELECT {_MONTH} AS month, sum(amount) AS opex,
                coalesce(sum(amount) FILTER (WHERE {_labour_sql()}), 0) AS labour
            FROM costs WHERE {_MONTH} BETWEEN $lo AND $hi GROUP BY 1""",
        _bounds(m),
    )
    spend["month"] = [pd.Timestamp(x).date() for x in spend["month"]]
    counts = _ticket_months(ws, filters, m)
    frame = frame.merge(spend, on="month", how="left").merge(counts, on="month", how="left")
    rep = reported_months(ws)
    reported = pd.Series([rep is not None and rep.first <= x <= rep.last for x in frame["month"]])
    for col in ("opex", "labour"):
        frame[col] = frame[col].where(~reported | frame[col].notna(), 0.0).where(reported)
    for col in ("tickets", "resolved"):
        frame[col] = frame[col].fillna(0).astype("int64")
    frame["cost_per_ticket"] = frame["opex"] / frame["tickets"].where(frame["tickets"] > 0)
    frame["cost_per_resolved"] = frame["opex"] / frame["resolved"].where(frame["resolved"] > 0)
    if filters.has_dimensions:
        frame["cost_per_ticket"] = frame["cost_per_resolved"] = np.nan
    frame["month"] = pd.to_datetime(frame["month"])
    return frame[cols]


def _ticket_months(ws: Workspace, filters: Filters, m: Months) -> pd.DataFrame:
    """Tickets created and done per month of ``m`` (dimension filters applied)."""
    whole = replace(filters, start=m.first, end=month_end(m.last))
    cte, params = tickets_cte(ws, whole)
    sql = (
        cte
        + f"""
        , c AS (SELECT CAST(date_trunc('month', created_at) AS DATE) AS month, count(*) AS tickets
                FROM t WHERE {CREATED_IN} GROUP BY 1),
          d AS (SELECT CAST(date_trunc('month', done_at) AS DATE) AS month, count(*) AS resolved
                FROM t WHERE {DONE_IN} GROUP BY 1)
        SELECT coalesce(c.month, d.month) AS month, coalesce(c.tickets, 0) AS tickets,
               coalesce(d.resolved, 0) AS resolved
        FROM c FULL OUTER JOIN d ON c.month = d.month"""
    )
    frame = query(ws, sql, params)
    frame["month"] = [pd.Timestamp(x).date() for x in frame["month"]]
    return frame


def _roster_sql(hours: str) -> str:
    if hours not in ("worked", "scheduled"):
        raise ValueError("hours: worked or scheduled")
    # Worked hours where the roster has them, else the scheduled ones.
    return "coalesce(worked_hours, scheduled_hours)" if hours == "worked" else "scheduled_hours"


def labour_reconciliation(ws: Workspace, filters: Filters, hours: str = "worked") -> pd.DataFrame:
    """Roster labour cost (``hours`` x ``hourly_cost``) against the cost report's
    labour lines, per month of the period.

    ``hours``: ``worked`` (worked hours, the scheduled ones where a shift has none) or
    ``scheduled``. Returns ``month``, ``roster_hours`` (of shifts with an hourly
    cost), ``roster_cost``, ``report_labour`` (NaN for a month not reported),
    ``difference`` (``report_labour - roster_cost``), ``difference_pct`` (of the
    roster cost). The roster's team filter applies when teams are filtered; the
    report's labour lines are not split by team.
    """
    m = months_of(ws, filters)
    cols = ["month", "roster_hours", "roster_cost", "report_labour", "difference"]
    cols.append("difference_pct")
    if m is None:
        return pd.DataFrame(columns=cols)
    h = _roster_sql(hours)
    teams, params = _team_condition(filters)
    roster = ws.query(
        f"""SELECT CAST(date_trunc('month', date) AS DATE) AS month,
                sum({h}) AS roster_hours, sum({h} * hourly_cost) AS roster_cost
            FROM roster WHERE hourly_cost IS NOT NULL AND {teams}
              AND CAST(date_trunc('month', date) AS DATE) BETWEEN $lo AND $hi GROUP BY 1""",
        {**params, **_bounds(m)},
    )
    roster["month"] = [pd.Timestamp(x).date() for x in roster["month"]]
    units = unit_costs(ws, Filters(start=m.first, end=m.last))
    units["month"] = [x.date() for x in units["month"]]
    frame = pd.DataFrame({"month": m.list()}).merge(roster, on="month", how="left")
    frame = frame.merge(
        units[["month", "labour"]].rename(columns={"labour": "report_labour"}),
        on="month",
        how="left",
    )
    frame["difference"] = (frame["report_labour"] - frame["roster_cost"]).round(2) + 0.0
    frame["difference_pct"] = frame["difference"] / frame["roster_cost"].where(
        frame["roster_cost"] > 0
    )
    frame["month"] = pd.to_datetime(frame["month"])
    return frame[cols]


def _team_condition(filters: Filters) -> tuple[str, dict[str, object]]:
    if not filters.teams:
        return "TRUE", {}
    names = [f"team_{i}" for i in range(len(filters.teams))]
    return (
        f"team IN ({', '.join('$' + n for n in names)})",
        dict(zip(names, filters.teams, strict=True)),
    )


# ------------------------------------------------------------------ why the cost moved
@dataclass(frozen=True)
class Decomposition:
    """The change in labour cost from ``base`` to ``current`` (currency) split into
    effects that sum to ``change`` to the cent: ``volume`` (more hours or tickets at
    the base rate), ``mix`` (a shift between segments with different rates; 0.0 when
    the basis has no segments) and ``rate`` (cost per hour or per ticket).

    ``basis``: ``hours`` (roster hours x hourly cost, segments = teams) or
    ``tickets`` (the cost report's labour lines / tickets created). ``base_volume``
    / ``current_volume`` in hours or tickets; ``segments`` per team (hours basis):
    ``segment, base_volume, current_volume, base_cost, current_cost``.
    ``message``: the sentence; ``points``: each effect in points of the base cost.
    """

    basis: str
    base_months: Months
    current_months: Months
    base: float
    current: float
    change: float
    volume: float
    mix: float
    rate: float
    base_volume: float
    current_volume: float
    has_mix: bool
    segments: pd.DataFrame = field(repr=False)
    message: Message = field(repr=False)

    @property
    def points(self) -> dict[str, float]:
        if not self.base:
            return {k: math.nan for k in ("volume", "mix", "rate")}
        return {k: 100.0 * getattr(self, k) / self.base for k in ("volume", "mix", "rate")}


def _cents(x: float) -> float:
    return round(float(x), 2) + 0.0  # + 0.0: no "-0.0"


def decompose_labour(
    ws: Workspace,
    filters: Filters,
    *,
    basis: str = "hours",
    compare: str = "previous",
    hours: str = "worked",
) -> Decomposition | Message:
    """Why labour cost moved between the comparison months (``compare``: ``previous``
    months of equal length, or the ``year_ago`` months) and the period's months.

    Sequential price-volume-mix split (each effect at the other factors' base
    values, then the next): with ``V`` volume, ``s_i`` segment shares of it and
    ``r_i`` segment rates (cost per unit), ``C = V * sum(s_i * r_i)``::

        volume = (V1 - V0) * R0                 R0 = C0 / V0
        mix    = V1 * sum((s1_i - s0_i) * r0_i)
        rate   = V1 * sum(s1_i * (r1_i - r0_i))

    which sum to ``C1 - C0`` exactly (a segment new in the current months takes its
    current rate as its base rate, so it counts in mix, not rate). Effects are
    rounded to the cent and ``rate`` takes the rounding remainder, so the three sum
    to ``change`` to the cent.

    ``basis``: ``hours`` (the roster: ``hours`` x ``hourly_cost``, segments = teams,
    the team filter applied) or ``tickets`` (the cost report's labour lines over
    the tickets created; no segments: the report is not split by channel or
    priority), or ``channel`` / ``priority`` (the same labour lines shared out to the
    tickets' channels or priorities by their handle minutes: segments, so a mix
    effect; needs handle minutes). Returns a :class:`Decomposition`, or a Message saying why there is
    none (no data in one of the periods).
    """
    m = months_of(ws, filters)
    if m is None:
        return Message("cost.why.no_data")
    base_m = m.previous() if compare == "previous" else m.year_ago()
    if basis == "hours":
        seg = _roster_segments(ws, filters, base_m, m, hours)
    elif basis == "tickets":
        seg = _ticket_segment(ws, filters, base_m, m)
    elif basis in ("channel", "priority"):
        seg = _ticket_segments(ws, filters, base_m, m, basis)
    else:
        raise ValueError("basis: hours, tickets, channel or priority")
    if seg is None or seg.empty:
        return Message(_NO_SPLIT[basis])
    v0, v1 = seg["base_volume"].sum(), seg["current_volume"].sum()
    c0, c1 = seg["base_cost"].sum(), seg["current_cost"].sum()
    if v0 <= 0 or v1 <= 0 or c0 <= 0:
        return Message(_NO_SPLIT[basis])
    r0 = np.where(
        seg["base_volume"] > 0,
        seg["base_cost"] / seg["base_volume"].where(seg["base_volume"] > 0),
        seg["current_cost"] / seg["current_volume"].where(seg["current_volume"] > 0),
    )
    s0, s1 = seg["base_volume"] / v0, seg["current_volume"] / v1
    change = _cents(c1 - c0)
    volume = _cents((v1 - v0) * c0 / v0)
    mix = _cents(v1 * float(np.sum((s1 - s0) * r0)))
    rate = _cents(change - volume - mix)
    dec = Decomposition(
        basis=basis,
        base_months=base_m,
        current_months=m,
        base=float(c0),
        current=float(c1),
        change=change,
        volume=volume,
        mix=mix,
        rate=rate,
        base_volume=float(v0),
        current_volume=float(v1),
        has_mix=len(seg) > 1,
        segments=seg.reset_index(drop=True),
        message=Message("cost.why.none"),
    )
    pts = dec.points
    key = "cost.why.sentence_mix" if dec.has_mix else "cost.why.sentence"
    direction = (
        "cost.why.rose" if change > 0 else "cost.why.fell" if change < 0 else "cost.why.flat"
    )
    message = Message(
        key,
        {
            "direction": Message(direction),
            "pct": abs(change) / c0,
            "change": change,
            "volume": pts["volume"],
            "mix": pts["mix"],
            "rate": pts["rate"],
            "unit": Message(_UNITS[basis]),
        },
    )
    return Decomposition(**{**dec.__dict__, "message": message})


def decomposition_steps(d: Decomposition) -> pd.DataFrame:
    """The split as bridge steps (the frame :class:`Bridge` ``.steps`` has): ``base``
    (total), ``volume``, ``mix`` (when the basis has segments), ``rate``, ``current``
    (total); ``start`` / ``end`` where each bar starts and ends."""
    rows = [("base", "total", d.base, 0.0, d.base)]
    level = d.base
    for name in ("volume", "mix", "rate") if d.has_mix else ("volume", "rate"):
        amount = getattr(d, name)
        rows.append((name, "step", amount, level, level + amount))
        level += amount
    rows.append(("current", "total", d.current, 0.0, d.current))
    return pd.DataFrame(rows, columns=["label", "kind", "amount", "start", "end"])


def _roster_segments(
    ws: Workspace, filters: Filters, base: Months, cur: Months, hours: str
) -> pd.DataFrame | None:
    h = _roster_sql(hours)
    teams, params = _team_condition(filters)
    month = "CAST(date_trunc('month', date) AS DATE)"
    return ws.query(
        f"""SELECT coalesce(team, '{NO_VALUE}') AS segment,
              coalesce(sum({h}) FILTER (WHERE {month} BETWEEN $blo AND $bhi), 0) AS base_volume,
              coalesce(sum({h}) FILTER (WHERE {month} BETWEEN $lo AND $hi), 0) AS current_volume,
              coalesce(sum({h} * hourly_cost) FILTER (WHERE {month} BETWEEN $blo AND $bhi), 0)
                  AS base_cost,
              coalesce(sum({h} * hourly_cost) FILTER (WHERE {month} BETWEEN $lo AND $hi), 0)
                  AS current_cost
            FROM roster WHERE hourly_cost IS NOT NULL AND {teams}
              AND ({month} BETWEEN $blo AND $bhi OR {month} BETWEEN $lo AND $hi)
            GROUP BY 1 ORDER BY 1""",
        {**params, **_bounds(cur), "blo": base.first, "bhi": base.last},
    )


def _ticket_segment(
    ws: Workspace, filters: Filters, base: Months, cur: Months
) -> pd.DataFrame | None:
    if filters.has_dimensions:
        return None  # the cost report's labour is not split by the filtered dimensions
    rows = []
    for months in (base, cur):
        units = unit_costs(ws, Filters(start=months.first, end=months.last))
        if units["labour"].isna().any():
            return None  # a month not reported
        rows.append((float(units["tickets"].sum()), float(units["labour"].sum())))
    (v0, c0), (v1, c1) = rows
    return pd.DataFrame(
        {
            "segment": ["tickets"],
            "base_volume": [v0],
            "current_volume": [v1],
            "base_cost": [c0],
            "current_cost": [c1],
        }
    )


def _ticket_segments(
    ws: Workspace, filters: Filters, base: Months, cur: Months, by: str
) -> pd.DataFrame | None:
    """Per channel or priority: tickets created in each period and the period's labour
    lines shared out by the handle minutes of those tickets (a ticket without handle
    minutes weighs the period's mean). None without handle minutes, labour or a
    reported month, or with dimension filters."""
    if filters.has_dimensions:
        return None
    frames = []
    for months, side in ((base, "base"), (cur, "current")):
        units = unit_costs(ws, Filters(start=months.first, end=months.last))
        if units["labour"].isna().any() or not units["labour"].sum():
            return None
        labour = float(units["labour"].sum())
        cte, params = tickets_cte(ws, _whole(Filters(), months))
        per = query(
            ws,
            cte
            + f"""
            , c AS (SELECT coalesce({by}, '{NO_VALUE}') AS segment, handle_minutes
                    FROM t WHERE {CREATED_IN})
            SELECT segment, count(*) AS volume,
                   sum(coalesce(handle_minutes, (SELECT avg(handle_minutes) FROM c))) AS weight
            FROM c GROUP BY 1""",
            params,
        )
        if per.empty or per["weight"].isna().all() or not per["weight"].sum():
            return None
        per[f"{side}_cost"] = labour * per["weight"] / per["weight"].sum()
        frames.append(
            per.rename(columns={"volume": f"{side}_volume"})[
                ["segment", f"{side}_volume", f"{side}_cost"]
            ]
        )
    seg = frames[0].merge(frames[1], on="segment", how="outer").fillna(0.0)
    return seg.sort_values("segment").reset_index(drop=True)


# --------------------------------------------------------------------------- outlook
@dataclass(frozen=True)
class Outlook:
    """Where spend ends the fiscal year ``fy`` if it goes on as so far.

    ``as_of``: the last month counted (the period's last month, or the report's last
    when earlier); ``months_elapsed``: the months counted, from the fiscal year's start
    (or the report's first month when the report starts later) through ``as_of``;
    ``months_unreported``: the fiscal year's months before the report's first (not in
    the report: no spend known, not a spend of 0); ``ytd`` actual spend of the months
    counted; ``run_rate`` (``ytd / months_elapsed``, per month); ``straight_line``
    (``ytd + run_rate * every month not counted``: the months left and the months
    unreported); ``budget`` (the fiscal
    year's whole budget; NaN without one) and ``budget_months`` (how many of its 12
    months have one: fewer than 12 makes ``over`` and ``exhausted_on`` too gloomy); ``over`` (``straight_line - budget``:
    positive is a projected overspend); ``exhausted_on`` (the day the budget runs
    out at the daily rate so far, ``ytd / days elapsed``; the day cumulative actual
    spend passed it when it already has; None when it lasts the year or there is no
    budget); ``seasonal`` (last fiscal year's same months scaled by this year's
    ratio to last year so far), ``seasonal_low`` / ``seasonal_high`` (a 95 % band from
    the spread of the monthly ratios) and ``seasonal_over``; NaN with
    ``seasonal_reason`` when last year is not fully reported. ``months``: per month
    ``month, actual, budget, straight_line, seasonal, seasonal_low, seasonal_high``
    (the forecasts for months after ``as_of``).
    """

    fy: Months
    as_of: date
    months_elapsed: int
    months_unreported: int
    ytd: float
    run_rate: float
    straight_line: float
    budget: float
    budget_months: int
    over: float
    exhausted_on: date | None
    already_exhausted: bool
    seasonal: float
    seasonal_low: float
    seasonal_high: float
    seasonal_over: float
    seasonal_reason: Message | None
    months: pd.DataFrame = field(repr=False)


def outlook(ws: Workspace, filters: Filters, fy_start: int = 1) -> Outlook | Message:
    """Year-end outlook for the fiscal year holding the period's last month (the
    report's last month when it ends earlier); see :class:`Outlook`. A Message when
    the report has no month in that fiscal year."""
    m = months_of(ws, filters)
    rep = reported_months(ws)
    if m is None or rep is None:
        return Message("cost.outlook.no_data")
    as_of = min(m.last, rep.last)
    fy = fiscal_year(as_of, fy_start)
    if as_of < fy.first or rep.last < fy.first or as_of < rep.first:
        return Message("cost.outlook.no_data")
    done = _by_key_monthly(ws, fy)
    frame = pd.DataFrame({"month": fy.list()}).merge(done, on="month", how="left")
    # Months before the report's first are not reported (no spend known): they are
    # not counted in the run rate and are projected at it, like the months left.
    counted = Months(max(fy.first, rep.first), as_of)
    unreported = frame["month"] < counted.first
    is_done = (frame["month"] <= as_of) & ~unreported
    frame["actual"] = frame["actual"].where(~is_done | frame["actual"].notna(), 0.0)
    frame.loc[~is_done, "actual"] = np.nan
    n = counted.n
    early = int(unreported.sum())
    ytd = float(frame.loc[is_done, "actual"].sum())
    run_rate = ytd / n
    left = 12 - n
    straight = ytd + run_rate * left
    budget = float(frame["budget"].sum()) if frame["budget"].notna().any() else math.nan
    over = straight - budget
    exhausted, already = _exhaustion(frame, fy, as_of, ytd, budget, run_rate * early)
    frame["straight_line"] = np.where(is_done, np.nan, run_rate)

    seasonal = low = high = math.nan
    reason: Message | None = None
    prior = fiscal_year(_add_months(fy.first, -12), fy.first.month)
    if prior.first < rep.first:
        reason = Message("cost.outlook.no_last_year")
        frame["seasonal"] = frame["seasonal_low"] = frame["seasonal_high"] = np.nan
    else:
        last = _by_key_monthly(ws, prior)
        last_actual = {
            _add_months(k, 12): v for k, v in zip(last["month"], last["actual"], strict=True)
        }
        base = np.array([last_actual.get(x, np.nan) for x in frame["month"]], dtype=float)
        base = np.nan_to_num(base, nan=0.0)
        done_base = base[is_done.to_numpy()]
        if done_base.sum() <= 0:
            reason = Message("cost.outlook.no_last_year")
            frame["seasonal"] = frame["seasonal_low"] = frame["seasonal_high"] = np.nan
        else:
            ratio = ytd / done_base.sum()
            monthly = frame.loc[is_done, "actual"].to_numpy() / np.where(
                done_base > 0, done_base, np.nan
            )
            monthly = monthly[np.isfinite(monthly)]
            sd = float(np.std(monthly, ddof=1)) if len(monthly) > 1 else 0.0
            rest = np.where(is_done, np.nan, base)
            frame["seasonal"] = rest * ratio
            frame["seasonal_low"] = rest * max(ratio - _Z95 * sd, 0.0)
            frame["seasonal_high"] = rest * (ratio + _Z95 * sd)
            seasonal = ytd + float(np.nansum(frame["seasonal"]))
            low = ytd + float(np.nansum(frame["seasonal_low"]))
            high = ytd + float(np.nansum(frame["seasonal_high"]))
    frame["month"] = pd.to_datetime(frame["month"])
    return Outlook(
        fy=fy,
        as_of=as_of,
        months_elapsed=n,
        months_unreported=early,
        ytd=ytd,
        run_rate=run_rate,
        straight_line=straight,
        budget=budget,
        budget_months=int(frame["budget"].notna().sum()),
        over=over,
        exhausted_on=exhausted,
        already_exhausted=already,
        seasonal=seasonal,
        seasonal_low=low,
        seasonal_high=high,
        seasonal_over=seasonal - budget,
        seasonal_reason=reason,
        months=frame[
            ["month", "actual", "budget", "straight_line", "seasonal", "seasonal_low"]
            + ["seasonal_high"]
        ],
    )


def outlook_lines(o: Outlook) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The outlook as cumulative spend through its fiscal year, for a chart.

    Returns ``lines`` (``month, series, value``: ``actual`` for the months counted,
    ``straight_line`` and ``seasonal`` from the last counted month to the year's
    end, each starting at the spend so far) and ``band`` (``month, low, high``: the
    seasonal 95 % band, cumulative, from the last counted month; empty without a
    seasonal forecast)."""
    m = o.months
    done = m["actual"].notna()
    cum = m["actual"].fillna(0).cumsum()
    rows = [(t, "actual", v) for t, v in zip(m.loc[done, "month"], cum[done], strict=True)]
    last = m.loc[done, "month"].iloc[-1]
    after = m["month"] > last
    ahead = m.loc[after, "month"].tolist()
    band = pd.DataFrame(columns=["month", "low", "high"])
    for series in ("straight_line", "seasonal"):
        steps = m.loc[after, series]
        if steps.isna().all() and len(steps):
            continue
        # The months before the report (straight line only) count from the last month.
        start = o.ytd + float(np.nansum(m.loc[m["month"] < last, series]))
        values = start + steps.cumsum()
        rows += [(last, series, start)]
        rows += [(t, series, v) for t, v in zip(ahead, values, strict=True)]
    if not m.loc[after, "seasonal_low"].isna().all() and len(ahead):
        band = pd.DataFrame(
            {
                "month": [last, *ahead],
                "low": [o.ytd, *(o.ytd + m.loc[after, "seasonal_low"].cumsum())],
                "high": [o.ytd, *(o.ytd + m.loc[after, "seasonal_high"].cumsum())],
            }
        )
    return pd.DataFrame(rows, columns=["month", "series", "value"]).assign(
        month=lambda f: pd.to_datetime(f["month"])
    ), band


def long_months(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """``frame``'s ``columns`` by ``month`` as a long frame ``month, series, value``
    (series = the column's name), for a chart of several monthly lines."""
    return frame.melt(
        id_vars=["month"], value_vars=list(columns), var_name="series", value_name="value"
    )


def _exhaustion(
    frame: pd.DataFrame,
    fy: Months,
    as_of: date,
    ytd: float,
    budget: float,
    unreported: float = 0.0,
) -> tuple[date | None, bool]:
    """The day the fiscal year's budget runs out, and whether that has already happened.

    Already spent: the day within the month where cumulative spend passed the budget,
    the month's spend taken as even over its days. Else at the daily rate so far
    (``ytd`` / days from the fiscal year's start to the end of ``as_of``), the first
    day by whose end spend reaches the budget; None when that is after the year's end
    or nothing is spent. ``unreported``: the spend assumed for the fiscal year's months
    before the report (at the run rate), added to ``ytd`` for the daily rate only: the
    budget has run out only when the reported spend alone passed it."""
    if not budget == budget:  # NaN: no budget
        return None, False
    if ytd >= budget:
        spent = 0.0
        for month, actual in zip(frame["month"], frame["actual"], strict=True):
            if month > as_of:
                break
            if actual != actual:  # a month before the report: nothing known
                continue
            if actual > 0 and spent + actual >= budget:
                days = (month_end(month) - month).days + 1
                day = math.ceil((budget - spent) / actual * days)
                return month + timedelta(days=max(day, 1) - 1), True
            spent += actual
        return None, False
    days = (month_end(as_of) - fy.first).days + 1
    daily = (ytd + unreported) / days
    if daily <= 0:
        return None, False
    day = fy.first + timedelta(days=math.ceil(budget / daily - 1e-9) - 1)
    return (day if day <= month_end(fy.last) else None), False


# --------------------------------------------------------------- cost against quality
def cost_quality(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """Cost per resolved ticket against CSAT and SLA attainment, by month of the period.

    Returns ``month``, ``cost_per_resolved`` (:func:`unit_costs`), ``csat_avg``
    (mean score 1-5 of the tickets done in the month) and ``sla_attainment`` (0-1,
    of those with a target), from :data:`svcops.tickets.kpi_sql`. Months without a
    cost or without tickets are left out.
    """
    units = unit_costs(ws, filters)
    cols = ["month", "cost_per_resolved", "csat_avg", "sla_attainment"]
    if units.empty:
        return pd.DataFrame(columns=cols)
    m = months_of(ws, filters)
    assert m is not None
    whole = replace(filters, start=m.first, end=month_end(m.last))
    cte, params = tickets_cte(ws, whole)
    k = kpi_sql(created="TRUE", done="TRUE")
    quality = query(
        ws,
        cte
        + f"""
        SELECT CAST(date_trunc('month', done_at) AS DATE) AS month,
               {k["csat_avg"]} AS csat_avg, {k["sla_attainment"]} AS sla_attainment
        FROM t WHERE {DONE_IN} GROUP BY 1""",
        params,
    )
    quality["month"] = pd.to_datetime(quality["month"])
    frame = units[["month", "cost_per_resolved"]].merge(quality, on="month", how="inner")
    return frame.dropna(subset=["cost_per_resolved"])[cols].reset_index(drop=True)


def team_costs(ws: Workspace, filters: Filters, hours: str = "worked") -> pd.DataFrame:
    """Roster labour cost per team against the team's tickets and their quality, over
    the period's whole months: what the roster lets attribute, since the cost report
    is not split by team.

    Returns per team (roster or tickets): ``team``, ``roster_hours`` and
    ``roster_cost`` (``hours`` x hourly cost, shifts with a cost), ``tickets``
    (created), ``resolved`` (done), ``labour_per_resolved`` (``roster_cost /
    resolved``; NaN without either), ``csat_avg`` (1-5) and ``sla_attainment`` (0-1)
    of the tickets done; dearest per resolved ticket first. Tickets follow every
    filter, the roster the team filter.
    """
    m = months_of(ws, filters)
    cols = ["team", "roster_hours", "roster_cost", "tickets", "resolved"]
    cols += ["labour_per_resolved", "csat_avg", "sla_attainment"]
    if m is None:
        return pd.DataFrame(columns=cols)
    h = _roster_sql(hours)
    teams, tparams = _team_condition(filters)
    roster = ws.query(
        f"""SELECT coalesce(team, '{NO_VALUE}') AS team, sum({h}) AS roster_hours,
                   sum({h} * hourly_cost) AS roster_cost
            FROM roster WHERE hourly_cost IS NOT NULL AND {teams}
              AND CAST(date_trunc('month', date) AS DATE) BETWEEN $lo AND $hi GROUP BY 1""",
        {**tparams, **_bounds(m)},
    )
    cte, params = tickets_cte(ws, _whole(filters, m))
    k = kpi_sql()  # over the period [$lo, $hi): created in it, done in it
    tickets = query(
        ws,
        cte
        + f"""
        SELECT coalesce(team, '{NO_VALUE}') AS team, {k["tickets"]} AS tickets,
               {k["resolved"]} AS resolved, {k["csat_avg"]} AS csat_avg,
               {k["sla_attainment"]} AS sla_attainment
        FROM t WHERE ({CREATED_IN}) OR ({DONE_IN}) GROUP BY 1""",
        params,
    )
    frame = roster.merge(tickets, on="team", how="outer")
    for col in ("tickets", "resolved"):
        frame[col] = frame[col].fillna(0).astype("int64")
    frame["labour_per_resolved"] = frame["roster_cost"] / frame["resolved"].where(
        frame["resolved"] > 0
    )
    frame = frame.sort_values(
        ["labour_per_resolved", "team"], ascending=[False, True], na_position="last"
    )
    return frame[cols].reset_index(drop=True)


def _whole(filters: Filters, m: Months) -> Filters:
    """``filters``' dimensions over the whole months ``m``."""
    return Filters(
        start=m.first,
        end=month_end(m.last),
        teams=filters.teams,
        channels=filters.channels,
        categories=filters.categories,
        priorities=filters.priorities,
    )


# --------------------------------------------------------------------------- what-if
@dataclass(frozen=True)
class WhatIf:
    """The staffing of the period priced, and again with changed volume and handle
    time at the same utilisation.

    ``tickets`` (created per month), ``handle_minutes`` (mean per ticket),
    ``roster_hours`` and ``hourly_cost`` (mean, roster hours with a cost) per month
    of the period; ``utilisation`` = ticket workload hours / roster hours;
    ``fte_hours`` hours of one FTE a month; ``fte`` = roster hours / fte_hours;
    ``cost`` = roster hours x hourly cost (per month). ``new_*``: with ``tickets x
    (1 + volume_change)`` and ``handle_minutes x (1 + handle_change)``, the hours
    needed at the same utilisation and their cost; ``delta_cost`` per month.
    """

    tickets: float
    handle_minutes: float
    roster_hours: float
    hourly_cost: float
    utilisation: float
    fte_hours: float
    fte: float
    cost: float
    new_hours: float
    new_fte: float
    new_cost: float
    delta_cost: float


def what_if(
    ws: Workspace,
    filters: Filters,
    volume_change: float = 0.0,
    handle_change: float = 0.0,
    fte_hours: float = 160.0,
) -> WhatIf | Message:
    """Price the staffing of the period's months (per month) and a changed forecast
    volume or handle time (fractions: 0.1 = +10 %); see :class:`WhatIf`. A Message
    when the roster has no costed hours or the tickets no handle time."""
    m = months_of(ws, filters)
    if m is None:
        return Message("cost.whatif.no_data")
    whole = replace(filters, start=m.first, end=month_end(m.last))
    cte, params = tickets_cte(ws, whole)
    row = query(
        ws,
        cte + f" SELECT count(*) AS n, avg(handle_minutes) AS aht FROM t WHERE {CREATED_IN}",
        params,
    ).iloc[0]
    teams, tparams = _team_condition(filters)
    r = ws.query(
        f"""SELECT sum(coalesce(worked_hours, scheduled_hours)) AS hours,
                   sum(coalesce(worked_hours, scheduled_hours) * hourly_cost) AS cost
            FROM roster WHERE hourly_cost IS NOT NULL AND {teams}
              AND CAST(date_trunc('month', date) AS DATE) BETWEEN $lo AND $hi""",
        {**tparams, **_bounds(m)},
    ).iloc[0]
    if pd.isna(r["hours"]) or not r["hours"] or not row["n"] or pd.isna(row["aht"]):
        return Message("cost.whatif.no_data")
    n = m.n
    tickets = float(row["n"]) / n
    aht = float(row["aht"])
    hours = float(r["hours"]) / n
    rate = float(r["cost"]) / float(r["hours"])
    util = tickets * aht / 60.0 / hours
    new_tickets = tickets * (1 + volume_change)
    new_aht = aht * (1 + handle_change)
    new_hours = new_tickets * new_aht / 60.0 / util if util > 0 else hours
    return WhatIf(
        tickets=tickets,
        handle_minutes=aht,
        roster_hours=hours,
        hourly_cost=rate,
        utilisation=util,
        fte_hours=fte_hours,
        fte=hours / fte_hours,
        cost=hours * rate,
        new_hours=new_hours,
        new_fte=new_hours / fte_hours,
        new_cost=new_hours * rate,
        delta_cost=(new_hours - hours) * rate,
    )
