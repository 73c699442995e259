"""Intraday shape: split daily volumes into intervals by the observed weekday x time-of-day shape.

:func:`intraday_profile` measures the shape from arrival timestamps or interval
statistics; :func:`distribute` lays a daily forecast over it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from ..i18n.errors import InputError
from .inputs import is_count


def intraday_profile(
    timestamps_or_interval_frame: pd.DataFrame | pd.Series | pd.DatetimeIndex | Any,
    interval_minutes: int = 30,
) -> pd.DataFrame:
    """Weekday × time-of-day shape of arrivals.

    Input: either arrival timestamps (Series, DatetimeIndex or list; one
    arrival each, e.g. ``tickets.created_at``) or an interval frame with
    ``interval_start`` and ``volume`` (or ``offered``, as in the intervals
    table). Timezone-aware times are read as local wall-clock time.

    Returns every ``weekday`` (0 = Monday … 6 = Sunday) × ``slot``
    (``datetime.time`` start of each ``interval_minutes`` slot of the day)
    with ``share``: that slot's fraction of the weekday's volume, summing to 1
    per weekday. A weekday with no volume at all borrows the all-days shape.
    """
    minutes = _check_interval(interval_minutes)
    data = timestamps_or_interval_frame
    if isinstance(data, pd.DataFrame):
        if "interval_start" not in data.columns:
            raise InputError(
                "resource.missing_column", frame="interval frame", column="interval_start"
            )
        weight_col = next((c for c in ("volume", "offered") if c in data.columns), None)
        if weight_col is None:
            raise InputError(
                "resource.missing_columns", frame="interval frame", column="volume", other="offered"
            )
        times = pd.Series(pd.to_datetime(data["interval_start"], errors="coerce"))
        weights = pd.to_numeric(data[weight_col], errors="coerce").fillna(0.0).to_numpy()
    else:
        times = pd.Series(pd.to_datetime(pd.Series(data), errors="coerce"))
        weights = np.ones(len(times))
    if times.dt.tz is not None:
        times = times.dt.tz_localize(None)
    valid = times.notna().to_numpy()
    times, weights = times[valid], weights[valid]
    per_day = 24 * 60 // minutes
    slot_index = (times.dt.hour * 60 + times.dt.minute).to_numpy() // minutes
    cell = times.dt.day_of_week.to_numpy() * per_day + slot_index
    counts = np.bincount(cell, weights=weights, minlength=7 * per_day).reshape(7, per_day)
    if counts.sum() <= 0:
        raise InputError("resource.intraday.no_arrivals")
    pooled = counts.sum(axis=0) / counts.sum()
    totals = counts.sum(axis=1, keepdims=True)
    shares = np.where(totals > 0, counts / np.where(totals > 0, totals, 1.0), pooled)
    slots = [dt.time(m // 60, m % 60) for m in range(0, 24 * 60, minutes)]
    return pd.DataFrame(
        {
            "weekday": np.repeat(np.arange(7), per_day),
            "slot": slots * 7,
            "share": shares.ravel(),
        }
    )


def distribute(
    daily_forecast: pd.DataFrame,
    profile: pd.DataFrame,
    interval_minutes: int = 30,
) -> pd.DataFrame:
    """Split daily volumes into intervals by an :func:`intraday_profile`.

    ``daily_forecast``: ``ds`` (date) and ``yhat`` (volume that day), e.g.
    ``ForecastResult.forecast``. ``profile``: ``weekday``, ``slot``, ``share``
    on an ``interval_minutes`` grid.

    Returns ``interval_start`` (datetime) and ``volume`` (expected arrivals in
    the interval, fractional), ordered by time; each day's volumes sum to its
    ``yhat``.
    """
    minutes = _check_interval(interval_minutes)
    for column in ("weekday", "slot", "share"):
        if column not in profile.columns:
            raise InputError("resource.missing_column", frame="profile", column=column)
    slot_minutes = np.array([t.hour * 60 + t.minute for t in profile["slot"]])
    if (slot_minutes % minutes).any():
        raise InputError("resource.intraday.grid", minutes=minutes)
    for column in ("ds", "yhat"):
        if column not in daily_forecast.columns:
            raise InputError("resource.missing_column", frame="daily_forecast", column=column)
    days = pd.DataFrame(
        {
            "day": pd.to_datetime(daily_forecast["ds"]).dt.normalize(),
            "yhat": pd.to_numeric(daily_forecast["yhat"], errors="coerce").fillna(0.0),
        }
    )
    days["weekday"] = days["day"].dt.day_of_week
    shape = pd.DataFrame(
        {
            "weekday": profile["weekday"].astype("int64"),
            "offset": pd.to_timedelta(slot_minutes, unit="min"),
            "share": profile["share"].astype("float64"),
        }
    )
    merged = days.merge(shape, on="weekday", how="left")
    if merged["share"].isna().any():
        raise InputError("resource.intraday.weekdays")
    out = pd.DataFrame(
        {
            "interval_start": merged["day"] + merged["offset"],
            "volume": merged["yhat"] * merged["share"],
        }
    )
    return out.sort_values("interval_start", kind="stable").reset_index(drop=True)


def _check_interval(interval_minutes: int) -> int:
    if not is_count(interval_minutes) or interval_minutes < 1 or (24 * 60) % interval_minutes:
        raise InputError("resource.intraday.interval")
    return int(interval_minutes)
