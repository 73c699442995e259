"""Resource planning: from the workspace's demand to required staff against the roster.

The steps, each a function of data in and data out:

1. :func:`demand_history` — daily created tickets (per channel or team) up to the
   period end or the last ticket's creation day, whichever is earlier, obeying the
   global filters;
2. ``svcops.forecast`` forecasts each series (the model that missed least in a
   backtest: Prophet, the naive weekly repeat, their mean or a weekly profile);
3. :func:`handle_times` — handle time per channel from the data (interval
   statistics where uploaded, else tickets' ``handle_minutes``);
4. :func:`interval_plan` — forecast arrivals spread over 30-minute intervals by the
   observed intraday shape, then staff per interval: **Erlang C** for real-time
   channels (phone, chat), the **workload** model for deferred work (email,
   portal, everything else), plus the open backlog burned down over a few days;
5. :func:`rostered` — staff on shift per interval from the roster (or, when the
   roster does not reach into the forecast horizon, the last four weeks'
   typical week, stated as such);
6. :func:`gap_heatmap` and :func:`weekly_summary` — where and when the roster
   falls short, in FTE and cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from . import forecast as fc
from . import staffing
from .filters import Filters
from .i18n import Message
from .i18n.errors import InputError
from .kpi import resolve_period
from .store import Workspace
from .tickets import KPI_SQL, data_span, query, tickets_cte

# Contacts a person waits on the line for; everything else can queue for hours.
REALTIME_CHANNELS = frozenset(
    {
        "phone",
        "chat",
        "voice",
        "call",
        "calls",
        "telephone",
        "live chat",
        "messaging",
        "电话",
        "在线",
        "在线客服",
    }
)
DEFAULT_AHT_SECONDS = 600.0
# Weeks of recent data that set handle times, intraday shape and the typical roster.
RECENT_DAYS = 91
ROSTER_WEEKS = 4


@dataclass(frozen=True)
class PlanSettings:
    """What-if inputs of a staffing plan.

    ``service_level``/``answer_seconds``: target for real-time channels (0.8 and 20 =
    80% answered within 20 s). ``shrinkage``: share of paid time not available for
    contacts (breaks, training, absence), 0-1. ``max_occupancy``: cap on the share of
    time agents are busy, 0-1. ``volume_growth``: forecast volume changed by this
    fraction (+0.1 = 10% more). ``handle_time_factor``: handle times multiplied by
    this. ``backlog_burn_days``: days over which open deferred work is cleared.
    ``hours_per_fte_week``: paid hours of one full-time equivalent per week.
    """

    horizon_days: int = 28
    service_level: float = 0.8
    answer_seconds: float = 20.0
    shrinkage: float = 0.3
    max_occupancy: float = 0.85
    volume_growth: float = 0.0
    handle_time_factor: float = 1.0
    backlog_burn_days: float = 5.0
    hours_per_fte_week: float = 37.5
    interval_minutes: int = 30
    country: str | None = None
    aht_overrides: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 1 <= self.horizon_days <= 366:
            raise InputError("resource.horizon_range")
        if self.volume_growth <= -1:
            raise InputError("resource.growth_range")
        for name in ("handle_time_factor", "hours_per_fte_week", "backlog_burn_days"):
            if getattr(self, name) <= 0:
                raise InputError("resource.must_be.positive", name=name)
        # The queueing maths checks the rest with its own messages.
        staffing.required_agents(
            1,
            self.interval_minutes,
            60,
            self.service_level,
            self.answer_seconds,
            self.shrinkage,
            self.max_occupancy,
        )


def is_realtime(channel: str) -> bool:
    return str(channel).strip().lower() in REALTIME_CHANNELS


def _as_of(ws: Workspace, filters: Filters) -> date:
    """The period end; a workspace with interval statistics (a call log) but no tickets
    ends on its last interval's day, not today."""
    if filters.end is None and data_span(ws) is None:
        last = ws.scalar("SELECT max(interval_start) FROM intervals")
        if last is not None:
            return pd.Timestamp(last).date()
    return resolve_period(ws, filters).span()[1]


def has_intervals(ws: Workspace) -> bool:
    """Whether the workspace holds interval statistics (enough to plan with, tickets or
    not)."""
    return bool(ws.scalar("SELECT count(*) > 0 FROM intervals"))


# Channels only interval statistics hold (a call log imported on its own): no ticket
# has them, so their arrivals are the intervals' offered contacts.
_CALL_CHANNELS = "channel NOT IN (SELECT DISTINCT coalesce(channel, '(none)') FROM tickets)"


def _interval_arrivals(
    ws: Workspace, filters: Filters, by: str | None, end: datetime
) -> pd.DataFrame:
    """Daily offered contacts of the channels only interval statistics hold, before
    ``end``, as ``unique_id, ds, y`` (none by team, nor under a team, category or
    priority filter: intervals have none of those)."""
    empty = pd.DataFrame({"unique_id": [], "ds": [], "y": []})
    if by == "team" or filters.teams or filters.categories or filters.priorities:
        return empty
    frame = ws.query(
        "SELECT channel, CAST(interval_start AS DATE) AS ds, sum(offered) AS y FROM intervals "
        f"WHERE interval_start < $end AND {_CALL_CHANNELS} GROUP BY 1, 2",
        {"end": end},
    )
    if filters.channels:
        frame = frame[frame["channel"].isin(filters.channels)]
    frame["unique_id"] = frame["channel"] if by == "channel" else "all"
    return frame.groupby(["unique_id", "ds"])["y"].sum().reset_index()


def arrivals_end(ws: Workspace, filters: Filters) -> date:
    """Last day of arrivals history: the filters' end day (default: the data's last
    day), but never after the day the workspace's last ticket was created (dimension
    filters aside: a channel quiet on the last days did have no arrivals)."""
    end = _as_of(ws, filters)
    span = data_span(ws)
    return end if span is None else min(end, span.last_created)


def demand_history(ws: Workspace, filters: Filters, by: str | None = None) -> pd.DataFrame:
    """Daily created tickets up to the history's end, every day present (zeros filled).

    The history ends on the filters' end day or on the day the last ticket of the
    workspace was created, whichever is earlier: an export goes on recording closures
    of older tickets after its last new one, and those days say nothing about
    arrivals (see :func:`arrivals_end`).
    ``by``: None (one series ``all``), ``"channel"`` or ``"team"``. Dimension filters
    apply; the start date does not (a forecast wants all the history it can get).
    Channels that only interval statistics hold (a call log) add their daily offered
    contacts (:func:`_interval_arrivals`).
    Returns ``unique_id, ds, y``.
    """
    if by not in (None, "channel", "team"):
        raise InputError("resource.by_choice")
    end = arrivals_end(ws, filters) + timedelta(days=1)
    dims, params = filters.dims_sql()
    group = f"coalesce(CAST(\"{by}\" AS VARCHAR), '(none)')" if by else "'all'"
    frame = ws.query(
        f"SELECT {group} AS unique_id, CAST(created_at AS DATE) AS ds, count(*) AS y "
        f"FROM tickets WHERE {dims} AND created_at < $end GROUP BY 1, 2 ORDER BY 1, 2",
        {**params, "end": datetime.combine(end, datetime.min.time())},
    )
    calls = _interval_arrivals(ws, filters, by, datetime.combine(end, datetime.min.time()))
    if not calls.empty:
        frame = pd.concat([frame, calls]).groupby(["unique_id", "ds"])["y"].sum().reset_index()
    if frame.empty:
        return frame.assign(ds=pd.to_datetime(frame["ds"]))
    frame["ds"] = pd.to_datetime(frame["ds"])
    days = pd.date_range(frame["ds"].min(), end - timedelta(days=1), freq="D")
    full = pd.MultiIndex.from_product(
        [frame["unique_id"].unique(), days], names=["unique_id", "ds"]
    )
    out = frame.set_index(["unique_id", "ds"]).reindex(full, fill_value=0).reset_index()
    out["y"] = out["y"].astype("int64")
    return out


def forecast_demand(
    ws: Workspace,
    filters: Filters,
    settings: PlanSettings,
    by: str | None = None,
    *,
    max_workers: int | None = None,
) -> dict[str, fc.ForecastResult]:
    """Forecast every series of :func:`demand_history` ``settings.horizon_days`` ahead
    (``max_workers`` as in :func:`svcops.forecast.forecast_many`)."""
    history = demand_history(ws, filters, by)
    if history.empty:
        raise InputError(fc.EMPTY_HISTORY_MESSAGE)
    return fc.forecast_many(
        history, settings.horizon_days, max_workers=max_workers, country=settings.country
    )


def handle_times(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """Handle time per channel over the 13 weeks to the end of arrivals (:func:`arrivals_end`).

    Returns ``channel, aht_seconds, source`` where source is ``intervals``
    (answered-weighted mean AHT of interval statistics for that channel),
    ``tickets`` (mean ``handle_minutes``) or ``default`` (600 s when the data has
    neither, or only a mean of zero or less). Channels are those of the filtered tickets,
    and those only interval statistics hold (a call log).
    """
    end = datetime.combine(arrivals_end(ws, filters) + timedelta(days=1), datetime.min.time())
    start = end - timedelta(days=RECENT_DAYS)
    dims, params = filters.dims_sql()
    params = {**params, "lo": start, "hi": end}
    tickets = ws.query(
        f"SELECT coalesce(channel, '(none)') AS channel, avg(handle_minutes) * 60 AS t_aht "
        f"FROM tickets WHERE {dims} AND created_at >= $lo AND created_at < $hi GROUP BY 1",
        params,
    )
    calls = ws.query(  # channels only interval statistics hold (a call log)
        f"SELECT DISTINCT channel FROM intervals WHERE {_CALL_CHANNELS} "
        "AND interval_start >= $lo AND interval_start < $hi",
        {"lo": start, "hi": end},
    )
    if filters.channels:
        calls = calls[calls["channel"].isin(filters.channels)]
    if not (filters.teams or filters.categories or filters.priorities) and not calls.empty:
        tickets = pd.concat([tickets, calls.assign(t_aht=np.nan)], ignore_index=True)
    intervals = ws.query(
        "SELECT coalesce(channel, '(none)') AS channel, "
        "sum(aht_seconds * coalesce(answered, offered)) / nullif(sum(coalesce(answered, offered)) "
        "FILTER (WHERE aht_seconds IS NOT NULL), 0) AS i_aht FROM intervals "
        "WHERE interval_start >= $lo AND interval_start < $hi GROUP BY 1",
        {"lo": start, "hi": end},
    )
    out = tickets.merge(intervals, on="channel", how="left")
    # A mean handle time of zero or less measures nothing (and the staffing maths
    # refuses it): such a channel is planned at the default instead.
    out[["t_aht", "i_aht"]] = out[["t_aht", "i_aht"]].where(out[["t_aht", "i_aht"]] > 0)
    out["source"] = np.where(
        out["i_aht"].notna(), "intervals", np.where(out["t_aht"].notna(), "tickets", "default")
    )
    out["aht_seconds"] = out["i_aht"].fillna(out["t_aht"]).fillna(DEFAULT_AHT_SECONDS)
    return out[["channel", "aht_seconds", "source"]].sort_values("channel", ignore_index=True)


def arrival_profile(
    ws: Workspace, filters: Filters, channel: str, interval_minutes: int = 30
) -> tuple[pd.DataFrame, str]:
    """Weekday x time-of-day shape of a channel's arrivals over the 13 weeks to the end of arrivals.

    From interval statistics (``offered``) where they exist for the channel, else from
    the tickets' ``created_at``; a channel without tickets in those 13 weeks (one that
    fell quiet: its forecast is mostly 0, but it may have a backlog) takes the shape of
    all its arrivals before the end (source ``tickets_all``), so one quiet channel does
    not stop the whole plan. Returns (profile, source).
    """
    end = datetime.combine(arrivals_end(ws, filters) + timedelta(days=1), datetime.min.time())
    lo = end - timedelta(days=RECENT_DAYS)
    calls = ws.query(
        "SELECT interval_start, offered FROM intervals WHERE channel = $c AND offered > 0 "
        "AND interval_start >= $lo AND interval_start < $hi",
        {"c": channel, "lo": lo, "hi": end},
    )
    if not calls.empty:
        return fc.intraday_profile(calls, interval_minutes), "intervals"
    dims, params = filters.dims_sql()
    stamps = ws.query(
        f"SELECT created_at FROM tickets WHERE {dims} AND coalesce(channel, '(none)') = $c "
        "AND created_at >= $lo AND created_at < $hi",
        {**params, "c": channel, "lo": lo, "hi": end},
    )
    if stamps.empty:
        stamps = ws.query(
            f"SELECT created_at FROM tickets WHERE {dims} AND coalesce(channel, '(none)') = $c "
            "AND created_at < $hi",
            {**params, "c": channel, "hi": end},
        )
        return fc.intraday_profile(stamps["created_at"], interval_minutes), "tickets_all"
    return fc.intraday_profile(stamps["created_at"], interval_minutes), "tickets"


def open_backlog(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """Open tickets per channel when the plan starts: ``channel, backlog``.

    Counted at the end of :func:`arrivals_end`'s day, the eve of the forecast's first
    day, not at the period end: when an export goes on recording closures after its
    last new ticket, those closures are the backlog being worked, and the plan that
    starts after the last arrival must clear what was open then.
    """
    # The open_backlog KPI's own expression, grouped by channel (svcops.tickets); only the
    # period's end matters to it.
    if data_span(ws) is None:  # no tickets (a call log alone): nothing is open
        return pd.DataFrame({"channel": pd.Series(dtype=str), "backlog": pd.Series(dtype=int)})
    at = replace(filters, start=None, end=arrivals_end(ws, filters))
    cte, params = tickets_cte(ws, at)
    return query(
        ws,
        cte
        + f"""
        SELECT coalesce(channel, '(none)') AS channel, {KPI_SQL["open_backlog"]} AS backlog
        FROM t GROUP BY 1 HAVING backlog > 0""",
        params,
    )


@dataclass(frozen=True)
class Plan:
    """A staffing plan: ``intervals`` has ``interval_start, channel, model ('erlang_c' or
    'workload'), volume, aht_seconds, required`` (staff busy with contacts, before
    shrinkage) and ``scheduled`` (staff to roster, after shrinkage); ``channels`` says
    per channel which model, handle time and source were used."""

    intervals: pd.DataFrame
    channels: pd.DataFrame
    settings: PlanSettings


def interval_plan(
    ws: Workspace,
    filters: Filters,
    forecasts: dict[str, fc.ForecastResult],
    settings: PlanSettings,
    roster: Roster | None = None,
) -> Plan:
    """Required staff per interval for per-channel forecasts (see the module docstring).

    Erlang C channels need whole agents per interval (``required`` = Erlang C agents
    under the service-level target and occupancy cap; ``scheduled`` = that /
    (1 - shrinkage), rounded up). Deferred work pools across the day, so its staff
    is fractional (:func:`svcops.staffing.workload_staff`): hours of work over the
    hours one person gives an interval at the occupancy cap, and the open backlog is
    spread over the first ``backlog_burn_days`` days in proportion to arrivals.
    Deferred work waits for working hours: with a roster, each day's deferred work
    is laid over that day's intervals in proportion to the staff on shift (days
    with nobody on shift keep the arrival shape); without one, it follows arrivals.
    """
    aht = handle_times(ws, filters).set_index("channel")
    backlog = open_backlog(ws, filters).set_index("channel")["backlog"]
    frames, rows = [], []
    for channel, result in forecasts.items():
        daily = result.forecast[["ds", "yhat"]].copy()
        daily["yhat"] = daily["yhat"] * (1 + settings.volume_growth)
        profile, shape_source = arrival_profile(ws, filters, channel, settings.interval_minutes)
        frame = fc.distribute(daily, profile, settings.interval_minutes)
        base = settings.aht_overrides.get(
            channel, aht["aht_seconds"].get(channel, DEFAULT_AHT_SECONDS)
        )
        handle = float(base) * settings.handle_time_factor
        source = (
            "what-if"
            if channel in settings.aht_overrides
            else aht["source"].get(channel, "default")
        )
        if is_realtime(channel):
            planned = staffing.staffing_plan(
                frame,
                service_level=settings.service_level,
                answer_seconds=settings.answer_seconds,
                shrinkage=settings.shrinkage,
                max_occupancy=settings.max_occupancy,
                interval_minutes=settings.interval_minutes,
                aht_seconds=handle,
            )
            frame = frame.assign(
                required=planned["agents"].astype(float),
                scheduled=planned["scheduled_agents"].astype(float),
                model="erlang_c",
            )
        else:
            items = frame["volume"] + _backlog_worked(
                frame, float(backlog.get(channel, 0)), settings.backlog_burn_days
            )
            if roster is not None and roster.basis is not None:
                items = _over_working_hours(frame["interval_start"], items, roster.intervals)
            required, scheduled = _workload_staff(items, handle, settings)
            frame = frame.assign(required=required, scheduled=scheduled, model="workload")
        frames.append(frame.assign(channel=channel, aht_seconds=handle))
        rows.append(
            {
                "channel": channel,
                "model": "erlang_c" if is_realtime(channel) else "workload",
                "aht_seconds": handle,
                "aht_source": source,
                "shape_source": shape_source,
                "backlog": int(backlog.get(channel, 0)),
            }
        )
    intervals = pd.concat(frames, ignore_index=True)[
        ["interval_start", "channel", "model", "volume", "aht_seconds", "required", "scheduled"]
    ]
    return Plan(intervals, pd.DataFrame(rows), settings)


def _backlog_worked(frame: pd.DataFrame, waiting: float, burn_days: float) -> pd.Series:
    """Open items worked in each interval: ``waiting`` spread over the intervals of the
    first ``burn_days`` days in proportion to their arrivals (``volume``); 0 elsewhere."""
    burn_end = frame["interval_start"].min().normalize() + pd.Timedelta(days=burn_days)
    early = frame["volume"].where(frame["interval_start"] < burn_end, 0)
    if not waiting or early.sum() <= 0:
        return pd.Series(0.0, index=frame.index)
    return early / early.sum() * waiting


def _workload_staff(
    items: pd.Series, handle_seconds: float, settings: PlanSettings
) -> tuple[float | np.ndarray, float | np.ndarray]:
    """Staff for deferred work by :func:`svcops.staffing.workload_staff`: ``items`` worked
    per interval at ``handle_seconds`` each. One person on shift for an interval works its
    length times the occupancy cap. Returns (required, scheduled): before and after
    shrinkage, fractional (deferred work pools across people)."""
    productive_hours = settings.interval_minutes / 60 * settings.max_occupancy
    args = (items.to_numpy(dtype="float64"), handle_seconds / 60, productive_hours)
    return (
        staffing.workload_staff(*args),
        staffing.workload_staff(*args, shrinkage=settings.shrinkage),
    )


def _over_working_hours(starts: pd.Series, work: pd.Series, on_shift: pd.DataFrame) -> pd.Series:
    """Re-lay each day's total ``work`` over the intervals in proportion to staff on shift."""
    staff = starts.map(on_shift.set_index("interval_start")["rostered"]).fillna(0.0)
    day = starts.dt.normalize()
    day_work = work.groupby(day).transform("sum")
    day_staff = staff.groupby(day).transform("sum")
    return pd.Series(
        np.where(day_staff > 0, day_work * staff / day_staff.where(day_staff > 0, 1), work),
        index=work.index,
    )


@dataclass(frozen=True)
class Roster:
    """Staff on shift per interval: ``intervals`` has ``interval_start, rostered``.

    ``basis``: ``"roster"`` (shifts dated in the horizon), ``"typical_week"`` (the
    last four weeks of shifts averaged by weekday and time, because the roster does
    not reach into the horizon), or ``None`` (no usable roster; ``reason`` says why,
    as a message key ``resource.roster.*``). ``hourly_cost``: mean hourly cost of
    recent shifts, or None. ``last_shift``: the day the roster's last shift is worked (of
    the teams the filters keep: the four weeks of a typical week end then), or None
    without a usable roster.
    """

    intervals: pd.DataFrame
    basis: str | None
    reason: Message | None
    hourly_cost: float | None
    last_shift: date | None = None


def rostered(
    ws: Workspace, filters: Filters, start: datetime, end: datetime, interval_minutes: int = 30
) -> Roster:
    """Staff on shift in each interval of [start, end), from the roster's shift times.

    A shift covering part of an interval counts for that part (a shift ending at
    08:15 is 0.5 of the 08:00-08:30 interval). Team filters apply to the roster.
    """
    empty = pd.DataFrame(
        {"interval_start": pd.Series(dtype="datetime64[us]"), "rostered": pd.Series(dtype=float)}
    )
    if not ws.has_rows("roster"):
        return Roster(empty, None, Message("resource.roster.none", {}), None)
    params = {f"team_{i}": team for i, team in enumerate(filters.teams)}

    def team_cond(alias: str = "") -> str:
        if not filters.teams:
            return "TRUE"
        return f"{alias}team IN ({', '.join('$' + k for k in params)})"

    teams = team_cond()
    usable = ws.scalar(
        f"SELECT count(*) FROM roster WHERE {teams} AND shift_start IS NOT NULL "
        "AND shift_end > shift_start",
        params,
    )
    if not usable:
        return Roster(empty, None, Message("resource.roster.no_times", {}), None)
    cost = ws.scalar(
        f"SELECT sum(hourly_cost * scheduled_hours) / nullif(sum(scheduled_hours) "
        f"FILTER (WHERE hourly_cost IS NOT NULL), 0) FROM roster WHERE {teams}",
        params,
    )
    last = ws.scalar(f"SELECT max(shift_end) FROM roster WHERE {teams}", params)
    # What the page names as the roster's end: the day the last shift of the teams the
    # filters keep is worked, where the typical week's four weeks end too (a shift
    # ending at midnight is its evening's, as the four weeks below take it).
    last_shift = (
        (pd.Timestamp(last) - pd.Timedelta(microseconds=1)).date() if last is not None else None
    )
    covered = last is not None and pd.Timestamp(last) >= pd.Timestamp(end) - pd.Timedelta(days=1)
    if covered:
        lo, hi, basis = start, end, "roster"
    else:
        # The four whole weeks ending with the roster's last day.
        hi = (
            pd.Timestamp(last) - pd.Timedelta(microseconds=1)
        ).normalize().to_pydatetime() + timedelta(days=1)
        lo, basis = hi - timedelta(weeks=ROSTER_WEEKS), "typical_week"
    step = f"INTERVAL {int(interval_minutes)} MINUTE"
    frame = ws.query(
        f"""
        WITH slots AS (
            SELECT unnest(generate_series(CAST($lo AS TIMESTAMP), CAST($hi AS TIMESTAMP) - {step},
                                          {step})) AS interval_start
        )
        SELECT s.interval_start,
               -- greatest()/least() skip NULLs, so an interval nobody covers must be
               -- filtered out explicitly or its NULL row would count as a full person.
               coalesce(sum(date_diff('second', greatest(r.shift_start, s.interval_start),
                                      least(r.shift_end, s.interval_start + {step})))
                        FILTER (WHERE r.shift_start IS NOT NULL)
                        / {int(interval_minutes) * 60}.0, 0) AS rostered
        FROM slots s LEFT JOIN roster r
          ON r.shift_start < s.interval_start + {step} AND r.shift_end > s.interval_start
             AND {team_cond("r.")}
        GROUP BY 1 ORDER BY 1""",
        {**params, "lo": lo, "hi": hi},
    )
    cost = None if cost is None or pd.isna(cost) else float(cost)
    if basis == "roster":
        return Roster(frame, basis, None, cost, last_shift)
    # Typical week: mean by weekday and time over the last four weeks, laid on the horizon.
    frame["key"] = list(
        zip(frame["interval_start"].dt.day_of_week, frame["interval_start"].dt.time, strict=True)
    )
    typical = frame.groupby("key")["rostered"].mean()
    slots = pd.date_range(start, end, freq=f"{interval_minutes}min", inclusive="left")
    keys = list(zip(slots.day_of_week, slots.time, strict=True))
    values = [typical.get(k, 0.0) for k in keys]
    return Roster(
        pd.DataFrame({"interval_start": slots, "rostered": values}), basis, None, cost, last_shift
    )


def compare(plan: Plan, roster: Roster) -> pd.DataFrame:
    """Per interval: ``interval_start, volume, required, scheduled, rostered, gap``
    (rostered - scheduled; negative = short), all channels summed."""
    total = plan.intervals.groupby("interval_start", as_index=False)[
        ["volume", "required", "scheduled"]
    ].sum()
    if roster.basis is None:
        return total.assign(rostered=np.nan, gap=np.nan)
    merged = total.merge(roster.intervals, on="interval_start", how="left")
    merged["rostered"] = merged["rostered"].fillna(0.0)
    merged["gap"] = merged["rostered"] - merged["scheduled"]
    return merged


def gap_heatmap(comparison: pd.DataFrame) -> pd.DataFrame:
    """Mean over the horizon per ``weekday`` (0 = Monday) x ``hour``: ``scheduled``,
    ``rostered``, ``gap`` (staff; negative = short)."""
    frame = comparison.assign(
        weekday=comparison["interval_start"].dt.day_of_week,
        hour=comparison["interval_start"].dt.hour,
    )
    # Sum the intervals of an hour per day (staff-hours), then average the days.
    per_day = (
        frame.assign(day=frame["interval_start"].dt.normalize())
        .groupby(["day", "weekday", "hour"], as_index=False)[["scheduled", "rostered", "gap"]]
        .mean()
    )
    return per_day.groupby(["weekday", "hour"], as_index=False)[
        ["scheduled", "rostered", "gap"]
    ].mean()


# A week is at risk when the roster falls short of this share of required hours.
AT_RISK_SHORTFALL = 0.05


def weekly_summary(comparison: pd.DataFrame, plan: Plan, roster: Roster) -> pd.DataFrame:
    """Per week (Monday): ``required_hours`` (scheduled staff x interval hours),
    ``rostered_hours``, ``short_hours`` (sum of shortfalls by interval: hours when
    fewer were on shift than needed, not offset by surpluses elsewhere),
    ``required_fte``, ``rostered_fte``, ``gap_fte`` (rostered - required), ``short_cost``
    (short hours x mean hourly cost), ``at_risk`` (short hours > 5% of required) and
    ``days`` (days of the horizon in the week)."""
    hours = plan.settings.interval_minutes / 60
    frame = comparison.assign(week=comparison["interval_start"].dt.to_period("W-SUN").dt.start_time)
    frame["short"] = (-frame["gap"]).clip(lower=0)
    weekly = frame.groupby("week", as_index=False).agg(
        required_hours=("scheduled", "sum"),
        rostered_hours=("rostered", "sum"),
        short_hours=("short", "sum"),
        days=("interval_start", lambda s: s.dt.date.nunique()),
    )
    for col in ("required_hours", "rostered_hours", "short_hours"):
        weekly[col] = weekly[col] * hours
    fte_hours = plan.settings.hours_per_fte_week * weekly["days"] / 7
    weekly["required_fte"] = weekly["required_hours"] / fte_hours
    weekly["rostered_fte"] = weekly["rostered_hours"] / fte_hours
    weekly["gap_fte"] = weekly["rostered_fte"] - weekly["required_fte"]
    weekly["short_cost"] = (
        weekly["short_hours"] * roster.hourly_cost if roster.hourly_cost is not None else np.nan
    )
    weekly["at_risk"] = weekly["short_hours"] > AT_RISK_SHORTFALL * weekly["required_hours"]
    if roster.basis is None:
        for col in ("rostered_hours", "short_hours", "rostered_fte", "gap_fte", "short_cost"):
            weekly[col] = np.nan
        weekly["at_risk"] = False
    return weekly


def horizon_bounds(forecasts: dict[str, fc.ForecastResult]) -> tuple[datetime, datetime]:
    """First forecast day 00:00 and the day after the last, over all series."""
    days = pd.concat([r.forecast["ds"] for r in forecasts.values()])
    return (
        days.min().normalize().to_pydatetime(),
        (days.max().normalize() + pd.Timedelta(days=1)).to_pydatetime(),
    )


def chart_frames(
    results: dict[str, fc.ForecastResult], weeks: int = 8
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Long frames for a forecast chart: the last ``weeks`` of history (``series, ds, y``)
    and the forecasts (``series, ds, yhat, yhat_lower, yhat_upper``)."""
    seen, ahead = [], []
    for name, r in results.items():
        recent = r.history[r.history["ds"] > r.history["ds"].max() - pd.Timedelta(weeks=weeks)]
        seen.append(recent.assign(series=name))
        ahead.append(r.forecast.assign(series=name))
    return pd.concat(seen, ignore_index=True), pd.concat(ahead, ignore_index=True)


def intraday_heat(plan: Plan) -> pd.DataFrame:
    """Mean forecast arrivals per ``weekday`` x ``slot`` ("HH:MM"), all channels summed."""
    total = plan.intervals.groupby("interval_start", as_index=False)["volume"].sum()
    total["weekday"] = total["interval_start"].dt.day_of_week
    total["slot"] = total["interval_start"].dt.strftime("%H:%M")
    total["day"] = total["interval_start"].dt.normalize()
    return total.groupby(["weekday", "slot"], as_index=False)["volume"].mean()


@dataclass(frozen=True)
class Totals:
    required_fte: float
    rostered_fte: float | None
    short_hours: float | None
    short_cost: float | None
    weeks_at_risk: list[date]


def totals(weekly: pd.DataFrame) -> Totals:
    """Horizon totals: mean FTE per week (weighted by the days each week covers: a
    one-day partial week counts a seventh), hours and cost short."""
    weights = weekly["days"] if "days" in weekly else pd.Series(7, index=weekly.index)
    req = float(weekly["required_fte"].mul(weights).sum() / weights.sum()) if weights.sum() else 0.0
    has_roster = weekly["rostered_fte"].notna().any()
    return Totals(
        required_fte=req,
        rostered_fte=float(weekly["rostered_fte"].mul(weights).sum() / weights.sum())
        if has_roster and weights.sum()
        else None,
        short_hours=float(weekly["short_hours"].sum()) if has_roster else None,
        short_cost=float(weekly["short_cost"].sum())
        if weekly["short_cost"].notna().any()
        else None,
        weeks_at_risk=[w.date() for w in weekly.loc[weekly["at_risk"], "week"]],
    )
