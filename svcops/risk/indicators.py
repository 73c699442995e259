"""Key risk indicators (KRIs) measured from the workspace's operational data.

Each indicator is computed for consecutive periods of ``period_days`` days (default
7) that end on the filters' last day: period 0 is the latest, ``[end - 6, end]``;
period 1 the seven days before, and so on (``PERIODS`` = 12 of them). The filters'
team, channel, category and priority apply; their start does not (the indicators
always look back the same number of periods, so a trend and a run of red periods
can be seen whatever the period picked).

Every indicator reuses the ticket definitions of :mod:`svcops.tickets` (the tickets
CTE and the KPI expressions) and the quality module's control chart; none is
re-derived. All of them are "higher is worse"; ``status`` is green below ``amber``,
amber from ``amber``, red from ``red``. Definitions, with what each leaves out, are
in docs/risk.md.

========================  =====================================================  ========
key                       value per period                                        scope
========================  =====================================================  ========
sla_breach_rate           1 - SLA attainment of the tickets done in the period    all
backlog_growth            (open at period end - open 4 periods earlier)           team
                          / max(open 4 periods earlier, 20)
backlog_ageing            share of the open tickets at period end that have       team
                          been open longer than ``AGE_DAYS`` (14) days
p1_resolution_hours       median resolution hours of the P1 tickets done          all
reopen_rate               the reopen-rate KPI of the tickets done                 all
volume_anomalies          days whose created count lies beyond the 3-sigma        all
                          limits of the Quality page's chart of the daily volume
                          over all the periods (weekday-adjusted when a weekly
                          cycle would widen the plain one; Western Electric rule 1)
single_agent_share        the share of a category's done tickets resolved by      category
                          its busiest agent (categories with >= 20 done)
reassignment_rate         share of the tickets created in the period that         all
                          changed team at least once (uploaded event log only)
downtime_share            1 - the availability KPI (downtime / planned minutes)    all
cost_overrun              the year-end outlook's projected overspend as a share   all
                          of the fiscal year's budget (straight line, as of the
                          period's last month; negative is under budget)
forecast_understaffing    share of the required staff hours the roster leaves     all
                          short, per forecast week (the Resource page's plan)
========================  =====================================================  ========

``forecast_understaffing`` looks ahead: its periods are the 7-day periods of the
Resource page's default plan (``resource.PlanSettings()``: 28 days from the day after
the filters' last day), period 0 the first. Red for ``periods`` weeks in a row from the
first means the roster is forecast short for that long. ``cost_overrun`` reads the
cost report, which is not split by team, channel, category or priority: those filters
do not apply to it; its fiscal year starts in the workspace's ``cost.fy_start`` month.

A scoped indicator is measured per team (or category); its row on the page is the
scope that is worst (longest red run, then status, then value).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

import numpy as np
import pandas as pd

from ..filters import Filters
from ..i18n import Message
from ..kpi import compute
from ..quality import daily_volume, volume_chart
from ..store import Workspace
from ..tickets import KPI_SQL, in_period, kpi_sql, query, tickets_cte
from .register import RiskError, select

__all__ = [
    "AGE_DAYS",
    "ahead_span",
    "DEFAULTS",
    "INDICATORS",
    "MIN_BACKLOG_BASE",
    "MIN_CATEGORY_TICKETS",
    "PERIODS",
    "PERIOD_DAYS",
    "GROWTH_LAG",
    "Indicator",
    "KriResult",
    "indicators",
    "load_thresholds",
    "save_thresholds",
    "shortfall_periods",
    "status",
    "windows",
]

PERIODS = 12
PERIOD_DAYS = 7
AGE_DAYS = 14
GROWTH_LAG = 4
MIN_BACKLOG_BASE = 20
MIN_CATEGORY_TICKETS = 20
STATUS_ORDER = {"red": 3, "amber": 2, "green": 1, "none": 0}


@dataclass(frozen=True)
class Indicator:
    """An indicator's fixed facts: ``unit`` (``share`` 0-1, ``hours``, ``days``),
    ``scope`` (None, ``team`` or ``category``), default ``amber`` / ``red`` thresholds
    and ``periods`` (red this many periods in a row suggests a review); ``ahead``: its
    periods are forecast ones, from the day after the filters' last day."""

    key: str
    unit: str
    amber: float
    red: float
    periods: int = 3
    scope: str | None = None
    needs: tuple[str, ...] = ()
    ahead: bool = False


INDICATORS: dict[str, Indicator] = {
    i.key: i
    for i in (
        Indicator("sla_breach_rate", "share", 0.25, 0.35, needs=("sla",)),
        Indicator("backlog_growth", "share", 0.50, 1.00, scope="team"),
        Indicator("backlog_ageing", "share", 0.10, 0.25, scope="team"),
        Indicator("p1_resolution_hours", "hours", 4.0, 8.0, needs=("priority",)),
        Indicator("reopen_rate", "share", 0.08, 0.12, needs=("reopen_count",)),
        Indicator("volume_anomalies", "days", 1.0, 2.0),
        Indicator("single_agent_share", "share", 0.45, 0.60, scope="category", needs=("agent",)),
        Indicator("reassignment_rate", "share", 0.35, 0.50, needs=("events",)),
        Indicator("downtime_share", "share", 0.005, 0.01, needs=("availability",)),
        Indicator("cost_overrun", "share", 0.02, 0.05, needs=("costs", "budget")),
        Indicator(
            "forecast_understaffing", "share", 0.05, 0.10, periods=2, needs=("roster",), ahead=True
        ),
    )
}
DEFAULTS = pd.DataFrame(
    [(i.key, i.amber, i.red, i.periods) for i in INDICATORS.values()],
    columns=["indicator", "amber", "red", "periods"],
)


def status(value: float | None, amber: float, red: float) -> str:
    """``red`` when value >= red, ``amber`` when value >= amber, else ``green``;
    ``none`` without a value (None, NaN; higher is worse)."""
    if value is None or value != value:
        return "none"
    if value >= red:
        return "red"
    if value >= amber:
        return "amber"
    return "green"


# --------------------------------------------------------------------------- thresholds


def load_thresholds(ws: Workspace) -> pd.DataFrame:
    """Every indicator's thresholds: ``indicator, amber, red, periods, stored`` (the
    workspace's where stored, else the defaults of :data:`INDICATORS`), in
    :data:`INDICATORS` order. Stored rows for unknown indicators are left out.

    A stored row :func:`validate_thresholds` would refuse (an imported sheet is not
    checked as an edit is: amber above red, a negative threshold, periods 0 or more
    than :data:`PERIODS`) is not used: that indicator keeps its defaults, ``stored``
    False and ``ignored`` True, so the page can say so."""
    stored = select(ws, "kri_thresholds", ["indicator", "amber", "red", "periods"])
    stored["indicator"] = stored["indicator"].map(_key)
    stored = stored.drop_duplicates("indicator", keep="last").set_index("indicator")
    rows = []
    for ind in INDICATORS.values():
        default = {"indicator": ind.key, "amber": ind.amber, "red": ind.red}
        row = {**default, "periods": ind.periods, "stored": False, "ignored": False}
        if ind.key in stored.index:
            got = stored.loc[ind.key]
            mine = dict(row)
            for col in ("amber", "red", "periods"):
                if not pd.isna(got[col]):
                    mine[col] = got[col]
            try:
                validate_thresholds(pd.DataFrame([mine]))
            except RiskError:
                row["ignored"] = True
            else:
                row = {**mine, "stored": True}
        rows.append(row)
    out = pd.DataFrame(rows)
    out["periods"] = out["periods"].astype("int64")
    out[["amber", "red"]] = out[["amber", "red"]].astype("float64")
    return out


def _key(value: object) -> str:
    return "_".join(str(value).strip().lower().replace("-", " ").split())


def _number(value: object, field: str, row: int) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number) or number < 0:
        raise RiskError("risk.error.threshold", row=row, field=field, got=str(value))
    return number


def validate_thresholds(frame: pd.DataFrame) -> pd.DataFrame:
    """An edited thresholds table checked and normalised (``indicator, amber, red,
    periods``). The first bad row raises :class:`RiskError`: an unknown indicator, a
    threshold that is not a number >= 0, amber above red, periods not a whole number
    1-``PERIODS``, an indicator twice. Rows are numbered from 1."""
    rows, seen = [], set()
    for i, rec in enumerate(frame.to_dict("records"), start=1):
        key = _key(rec.get("indicator", ""))
        if key not in INDICATORS:
            raise RiskError(
                "risk.error.indicator",
                row=i,
                got=str(rec.get("indicator")),
                known=", ".join(INDICATORS),
            )
        if key in seen:
            raise RiskError("risk.error.indicator_twice", row=i, indicator=key)
        seen.add(key)
        amber = _number(rec.get("amber"), "amber", i)
        red = _number(rec.get("red"), "red", i)
        if amber > red:
            raise RiskError("risk.error.amber_above_red", row=i, amber=amber, red=red)
        periods = rec.get("periods")
        try:
            whole = float(periods) == round(float(periods))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            whole = False
        if isinstance(periods, bool) or not whole or not 1 <= int(float(periods)) <= PERIODS:  # type: ignore[arg-type]
            raise RiskError("risk.error.periods", row=i, got=str(periods), most=PERIODS)
        rows.append(
            {"indicator": key, "amber": amber, "red": red, "periods": int(float(periods))}  # type: ignore[arg-type]
        )
    return pd.DataFrame(rows, columns=["indicator", "amber", "red", "periods"])


def save_thresholds(ws: Workspace, frame: pd.DataFrame) -> pd.DataFrame:
    """Replace the stored thresholds with ``frame`` (validated first; nothing is written
    when a row is bad, or on a read-only workspace). Returns what was saved. Rows
    belong to no upload, like saved targets."""
    clean = validate_thresholds(frame)
    if ws.read_only:
        raise RiskError("risk.error.read_only")
    with ws.transaction() as cur:
        cur.execute("DELETE FROM kri_thresholds")
        cur.execute("DELETE FROM _superseded_kri_thresholds")
        if len(clean):
            cur.executemany(
                "INSERT INTO kri_thresholds (indicator, amber, red, periods) VALUES (?, ?, ?, ?)",
                [tuple(r) for r in clean.itertuples(index=False)],
            )
    return clean


# --------------------------------------------------------------------------- periods


def windows(end: date, periods: int = PERIODS, days: int = PERIOD_DAYS) -> pd.DataFrame:
    """The periods ending on ``end``: ``k`` (0 = latest), ``start`` and ``end`` (dates,
    inclusive), ``lo`` / ``hi`` (timestamps, half-open ``[start 00:00, end + 1 00:00)``)."""
    rows = []
    for k in range(periods):
        last = end - timedelta(days=k * days)
        first = last - timedelta(days=days - 1)
        rows.append(
            {
                "k": k,
                "start": first,
                "end": last,
                "lo": datetime.combine(first, time()),
                "hi": datetime.combine(last + timedelta(days=1), time()),
            }
        )
    return pd.DataFrame(rows)


def _values_cte(w: pd.DataFrame) -> str:
    rows = ", ".join(
        f"({int(r['k'])}, TIMESTAMP '{r['lo']:%Y-%m-%d %H:%M:%S}', "
        f"TIMESTAMP '{r['hi']:%Y-%m-%d %H:%M:%S}')"
        for r in w.to_dict("records")
    )
    return f", w AS (SELECT * FROM (VALUES {rows}) v(k, lo, hi))"


def _scope(column: str) -> str:
    return f"coalesce(CAST(\"{column}\" AS VARCHAR), '(none)')"


# --------------------------------------------------------------------------- measures


def _rates(ws: Workspace, f: Filters, w: pd.DataFrame) -> pd.DataFrame:
    """Per period: sla breach rate, reopen rate, P1 median resolution hours."""
    cte, params = tickets_cte(ws, f)
    done = in_period("done_at", "w.lo", "w.hi")
    k = kpi_sql(created=in_period("created_at", "w.lo", "w.hi"), done=done)
    p1 = kpi_sql(done=f"{done} AND priority = 'P1'")
    sql = (
        cte
        + _values_cte(w)
        + f"""
    SELECT w.k, 1 - {k["sla_attainment"]} AS sla_breach_rate,
           {k["reopen_rate"]} AS reopen_rate,
           {p1["resolution_hours_median"]} AS p1_resolution_hours
    FROM w LEFT JOIN t ON t.done_at >= w.lo AND t.done_at < w.hi
    GROUP BY w.k"""
    )
    out = query(ws, sql, params)
    return out.melt(id_vars="k", var_name="indicator", value_name="value").assign(scope=None)


def _backlog(ws: Workspace, f: Filters, w: pd.DataFrame) -> pd.DataFrame:
    """Per period and team: backlog growth over ``GROWTH_LAG`` periods, and the share of
    the open backlog older than ``AGE_DAYS`` days. ``w`` has ``GROWTH_LAG`` more
    periods than are reported."""
    cte, params = tickets_cte(ws, f)
    # The open_backlog KPI (open at $hi) at each period's end instead.
    open_at = KPI_SQL["open_backlog"].replace("$hi", "w.hi")
    aged = open_at.replace("WHERE ", f"WHERE created_at < w.hi - INTERVAL {AGE_DAYS} DAY AND ", 1)
    sql = (
        cte
        + _values_cte(w)
        + f"""
    SELECT w.k, {_scope("team")} AS scope, {open_at} AS open, {aged} AS aged
    FROM w JOIN t ON t.created_at < w.hi
    GROUP BY 1, 2"""
    )
    got = query(ws, sql, params)
    if got.empty:
        return pd.DataFrame(columns=["k", "indicator", "scope", "value"])
    grid = got.pivot_table(index="scope", columns="k", values=["open", "aged"], fill_value=0)
    rows = []
    n = len(w) - GROWTH_LAG
    for scope in grid.index:
        for k in range(n):
            open_ = float(grid.loc[scope, ("open", k)]) if ("open", k) in grid.columns else 0.0
            aged_n = float(grid.loc[scope, ("aged", k)]) if ("aged", k) in grid.columns else 0.0
            lag = k + GROWTH_LAG
            base = float(grid.loc[scope, ("open", lag)]) if ("open", lag) in grid.columns else 0.0
            growth = (open_ - base) / max(base, MIN_BACKLOG_BASE)
            rows.append({"k": k, "indicator": "backlog_growth", "scope": scope, "value": growth})
            rows.append(
                {
                    "k": k,
                    "indicator": "backlog_ageing",
                    "scope": scope,
                    "value": aged_n / open_ if open_ else np.nan,
                }
            )
    return pd.DataFrame(rows)


def _reassignments(ws: Workspace, f: Filters, w: pd.DataFrame) -> pd.DataFrame:
    """Per period: the share of the tickets created in it that changed team at least
    once (the process module's handovers), from an uploaded event log only."""
    # Imported here: svcops.process imports the importer, which imports svcops.risk.scale.
    from ..process import event_source, handovers

    if event_source(ws) != "events":
        return pd.DataFrame(columns=["k", "indicator", "scope", "value"])
    rows = []
    for r in w.to_dict("records"):
        moved = handovers(ws, replace(f, start=r["start"], end=r["end"])).reassignments
        cases = int(moved["cases"].sum())
        none = int(moved.loc[moved["handovers"] == "0", "cases"].sum())
        value = (cases - none) / cases if cases else np.nan
        rows.append({"k": r["k"], "indicator": "reassignment_rate", "scope": None, "value": value})
    return pd.DataFrame(rows)


def _downtime(ws: Workspace, w: pd.DataFrame) -> pd.DataFrame:
    """Per period: 1 - the availability KPI (downtime over planned minutes, all
    services; the availability table is not split by team or category)."""
    if not ws.has_rows("availability"):
        return pd.DataFrame(columns=["k", "indicator", "scope", "value"])
    rows = []
    for r in w.to_dict("records"):
        up = compute(ws, Filters(start=r["start"], end=r["end"]))["availability"]
        value = np.nan if up is None else 1.0 - float(up)
        rows.append({"k": r["k"], "indicator": "downtime_share", "scope": None, "value": value})
    return pd.DataFrame(rows)


def _single_agent(ws: Workspace, f: Filters, w: pd.DataFrame) -> pd.DataFrame:
    """Per period and category: the busiest agent's share of the tickets done; of two
    agents as busy, the one first by name (the rows come sorted: a group's order was
    DuckDB's, and the agent named changed from run to run)."""
    cte, params = tickets_cte(ws, f)
    k = kpi_sql(done=in_period("done_at", "w.lo", "w.hi"))
    sql = (
        cte
        + _values_cte(w)
        + f"""
    SELECT w.k, {_scope("category")} AS scope, agent, {k["resolved"]} AS n
    FROM w JOIN t ON t.done_at >= w.lo AND t.done_at < w.hi
    WHERE agent IS NOT NULL
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3"""
    )
    got = query(ws, sql, params)
    if got.empty:
        return pd.DataFrame(columns=["k", "indicator", "scope", "value", "agent"])
    per = got.groupby(["k", "scope"])
    top = got.loc[per["n"].idxmax()].set_index(["k", "scope"])
    total = per["n"].sum()
    out = pd.DataFrame(
        {
            "value": np.where(total >= MIN_CATEGORY_TICKETS, top["n"] / total, np.nan),
            "agent": top["agent"],
        }
    ).reset_index()
    return out.assign(indicator="single_agent_share")


def _volume(ws: Workspace, f: Filters, w: pd.DataFrame) -> pd.DataFrame:
    """Per period: days whose created count is beyond the control limits (rule 1)."""
    first, last = w["start"].min(), w["end"].max()
    daily = daily_volume(ws, replace(f, start=first, end=last))
    if daily.empty or daily["value"].sum() == 0:
        return pd.DataFrame(columns=["k", "indicator", "scope", "value"])
    # The Quality page's chart of daily volume: against each day's own weekday when a
    # weekly cycle would otherwise widen the limits (and flag every Monday).
    chart = volume_chart(daily, "value")
    flags = chart.frame[["date", "rule_1"]]
    rows = []
    for r in w.itertuples():
        inside = flags[(flags["date"].dt.date >= r.start) & (flags["date"].dt.date <= r.end)]
        rows.append(
            {
                "k": r.k,
                "indicator": "volume_anomalies",
                "scope": None,
                "value": float(inside["rule_1"].sum()),
            }
        )
    return pd.DataFrame(rows)


def _cost_overrun(ws: Workspace, w: pd.DataFrame) -> pd.DataFrame:
    """Per period: the cost page's year-end outlook as of the period's last month,
    its projected overspend over the fiscal year's budget (``Outlook.over / budget``;
    NaN without a positive budget or without a reported month in that fiscal year)."""
    # Imported here: svcops.cost imports svcops.tickets' helpers as this module does,
    # and is only needed when the workspace has a cost report.
    from ..cost import outlook

    stored = ws.setting("cost.fy_start")
    fy_start = int(stored) if stored and stored.isdigit() and 1 <= int(stored) <= 12 else 1
    rows, seen = [], {}
    for r in w.to_dict("records"):
        month = (r["end"].year, r["end"].month)
        if month not in seen:
            o = outlook(ws, Filters(end=r["end"]), fy_start)
            ok = not isinstance(o, Message) and math.isfinite(o.budget) and o.budget > 0
            seen[month] = o.over / o.budget if ok else np.nan  # type: ignore[union-attr]
        rows.append({"k": r["k"], "indicator": "cost_overrun", "scope": None, "value": seen[month]})
    return pd.DataFrame(rows)


def _understaffing(ws: Workspace, f: Filters, end: date) -> pd.DataFrame:
    """Per 7-day period of the Resource page's default plan (the defaults of
    :class:`svcops.resource.PlanSettings`, with the same forecasts, so a cached fit is
    reused), from the first forecast day: the staff hours short (``scheduled -
    rostered`` where positive, interval by interval, as
    :func:`svcops.resource.weekly_summary` counts them) over the staff hours required,
    with the period's own ``start`` / ``end``. Nothing without a roster with shift
    times, or when the plan cannot be made (too little history, a channel with no
    recent arrivals)."""
    from .. import resource
    from ..i18n.errors import InputError

    empty = pd.DataFrame(columns=["k", "indicator", "scope", "value", "start", "end"])
    if not ws.has_rows("roster"):
        return empty
    settings = resource.PlanSettings()
    f = replace(f, end=end)
    try:
        forecasts = resource.forecast_demand(
            ws,
            f,
            resource.PlanSettings(horizon_days=settings.horizon_days),
            "channel",
            max_workers=1,
        )
        if not forecasts:
            return empty
        lo, hi = resource.horizon_bounds(forecasts)
        roster = resource.rostered(ws, f, lo, hi, settings.interval_minutes)
        if roster.basis is None:
            return empty
        plan = resource.interval_plan(ws, f, forecasts, settings, roster)
    except (InputError, ValueError):
        return empty
    return shortfall_periods(resource.compare(plan, roster), lo.date(), hi.date())


def shortfall_periods(comparison: pd.DataFrame, first: date, after: date) -> pd.DataFrame:
    """``forecast_understaffing`` per 7-day period from ``first`` (the first planned day)
    to the day before ``after``, from :func:`svcops.resource.compare`'s per-interval
    ``scheduled`` and ``rostered`` staff: the staff short in each interval
    (``scheduled - rostered`` where positive; a surplus elsewhere does not offset it),
    summed over the period, over the staff scheduled (required) in it. Columns ``k``
    (0 = the first period), ``indicator``, ``scope`` (None), ``value`` (NaN when nothing
    is required), ``start`` and ``end`` (dates, inclusive; the last period may be
    shorter). Interval length cancels out of the ratio."""
    day = comparison["interval_start"].dt.normalize()
    block = (day - pd.Timestamp(first)).dt.days // PERIOD_DAYS
    short = (comparison["scheduled"] - comparison["rostered"]).clip(lower=0)
    sums = pd.DataFrame({"k": block, "short": short, "required": comparison["scheduled"]})
    sums = sums.groupby("k", as_index=False).sum()
    rows = []
    for k, short_hours, required in zip(
        sums["k"].astype(int).tolist(),
        sums["short"].astype(float).tolist(),
        sums["required"].astype(float).tolist(),
        strict=True,
    ):
        start = first + timedelta(days=k * PERIOD_DAYS)
        end = min(start + timedelta(days=PERIOD_DAYS - 1), after - timedelta(days=1))
        rows.append(
            {
                "k": k,
                "indicator": "forecast_understaffing",
                "scope": None,
                "value": short_hours / required if required > 0 else np.nan,
                "start": start,
                "end": end,
            }
        )
    return pd.DataFrame(rows, columns=["k", "indicator", "scope", "value", "start", "end"])


@dataclass(frozen=True)
class KriResult:
    """``series``: one row per indicator, scope and period: ``indicator, scope (None, a
    team or a category), k, start, end, value, status`` (and ``agent`` for the single
    agent share). ``summary``: one row per indicator: ``indicator, scope (its worst),
    value, status`` (of the latest period), ``red_run`` (periods in a row, up to the
    latest, that were red), ``amber, red, periods, unit``, ``review`` (red_run >=
    periods) and ``note`` (a Message saying why there is no value, or None).
    ``windows``: the periods (see :func:`windows`)."""

    series: pd.DataFrame
    summary: pd.DataFrame
    windows: pd.DataFrame


def _red_run(statuses: list[str]) -> int:
    """Periods in a row that are red, from the latest (statuses latest first)."""
    run = 0
    for s in statuses:
        if s != "red":
            break
        run += 1
    return run


def indicators(
    ws: Workspace,
    filters: Filters,
    thresholds: pd.DataFrame | None = None,
    periods: int = PERIODS,
    period_days: int = PERIOD_DAYS,
    forecast: bool = True,
) -> KriResult:
    """Every indicator for the ``periods`` periods ending on the filters' last day (see
    the module docstring). ``thresholds``: a frame like :func:`load_thresholds`
    (validated); None reads the workspace's. ``forecast`` False leaves out
    ``forecast_understaffing`` (its Prophet fits take seconds on a cold cache)."""
    thresholds = load_thresholds(ws) if thresholds is None else validate_thresholds(thresholds)
    # indicator -> {"amber", "red", "periods"}
    limits: dict[Any, dict[Any, Any]] = thresholds.set_index("indicator").to_dict("index")
    has_tickets = ws.has_rows("tickets")
    end = filters.end or (date.today() if not has_tickets else None)
    if end is None:
        from ..tickets import resolve_period

        end = resolve_period(ws, filters).end
    assert end is not None
    w = windows(end, periods, period_days)
    parts = []
    if has_tickets:
        wide = replace(filters, start=w["start"].min(), end=end)
        longer = windows(end, periods + GROWTH_LAG, period_days)
        parts = [
            _rates(ws, wide, w),
            _backlog(ws, replace(filters, start=longer["start"].min(), end=end), longer),
            _volume(ws, filters, w),
            _single_agent(ws, wide, w),
            _reassignments(ws, filters, w),
        ]
        if forecast:
            parts.append(_understaffing(ws, filters, end))
    if ws.has_rows("availability"):
        parts.append(_downtime(ws, w))
    if ws.has_rows("costs") and ws.has_rows("budget"):
        parts.append(_cost_overrun(ws, w))
    cols = ["indicator", "scope", "k", "start", "end", "value", "status", "agent"]
    series = pd.concat([p for p in parts if len(p)], ignore_index=True) if parts else None
    if series is None or series.empty:
        series = pd.DataFrame(columns=cols)
    else:
        if "agent" not in series.columns:
            series["agent"] = None
        series["value"] = pd.to_numeric(series["value"], errors="coerce").astype("float64")
        # A forward-looking indicator brings its own periods; the rest are w's.
        own = series["start"] if "start" in series.columns else pd.Series(pd.NA, series.index)
        dated = series.drop(columns=["start", "end"], errors="ignore").merge(
            w[["k", "start", "end"]], on="k", how="left"
        )
        dated_own = own.notna().to_numpy()
        for col in ("start", "end"):
            if col in series.columns:
                dated.loc[dated_own, col] = series.loc[dated_own, col].to_numpy()
        series = dated
        series["status"] = [
            status(v, limits[i]["amber"], limits[i]["red"])
            for i, v in zip(series["indicator"], series["value"], strict=True)
        ]
        series["k"] = series["k"].astype("int64")
        series = series[cols].sort_values(["indicator", "scope", "k"], na_position="first")
        series = series.reset_index(drop=True)
    summary = []
    for key, ind in INDICATORS.items():
        lim = limits[key]
        mine = series[series["indicator"] == key]
        best = None
        for scope, rows in mine.groupby(mine["scope"].fillna(""), sort=True):
            rows = rows.sort_values("k")
            latest = rows.iloc[0]
            if latest["k"] != 0:
                continue
            run = _red_run(list(rows["status"]))
            rank = (
                run,
                STATUS_ORDER[latest["status"]],
                -math.inf if pd.isna(latest["value"]) else latest["value"],
            )
            if best is None or rank > best[0]:
                best = (rank, scope or None, latest, run)
        note = None
        if not has_tickets and key not in ("downtime_share", "cost_overrun"):
            note = Message("risk.kri.needs_tickets", {})
        elif best is None or pd.isna(best[2]["value"]):
            note = Message(f"risk.kri.none.{key}", {})
        summary.append(
            {
                "indicator": key,
                "scope": None if best is None else best[1],
                "value": None
                if best is None or pd.isna(best[2]["value"])
                else float(best[2]["value"]),
                "status": "none" if best is None else best[2]["status"],
                "red_run": 0 if best is None else int(best[3]),
                "amber": float(lim["amber"]),
                "red": float(lim["red"]),
                "periods": int(lim["periods"]),
                "unit": ind.unit,
                "review": best is not None and best[3] >= int(lim["periods"]),
                "note": note,
            }
        )
    return KriResult(series, pd.DataFrame(summary), w)


def ahead_span(series: pd.DataFrame) -> tuple[date, int] | None:
    """The first day and the number of days the forward-looking indicators' periods
    cover, from :func:`indicators`' ``series``; None when none was measured."""
    ahead = series[series["indicator"].isin([k for k, i in INDICATORS.items() if i.ahead])]
    if ahead.empty:
        return None
    first, last = ahead["start"].min(), ahead["end"].max()
    return first, (last - first).days + 1


def scope_key(value: Any) -> str | None:
    """An indicator row's ``scope`` (a team or category) as text; None for an indicator
    measured over all tickets (a missing scope)."""
    return None if value is None or pd.isna(value) else str(value)


def scoped_series(series: pd.DataFrame, indicator: str, scope: Any) -> pd.DataFrame:
    """The periods of one indicator in one scope, from :func:`indicators`' ``series``
    (``scope`` None or missing: the series measured over all tickets)."""
    mine = series[series["indicator"] == indicator]
    key = scope_key(scope)
    return mine[mine["scope"].isna()] if key is None else mine[mine["scope"] == key]
