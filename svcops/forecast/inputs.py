"""What forecasts take in: a daily count history cleaned to one row a day, and count checks.

Inputs are refused with a :class:`~svcops.i18n.errors.InputError` (a ``ValueError``
keyed ``resource.*``), so a page can word the reason in its user's language.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..i18n import Message
from ..i18n.errors import InputError

#: Why there is nothing to forecast: no tickets in the selected range.
EMPTY_HISTORY_MESSAGE = Message("resource.history.empty", {})
#: Shortest history (days from the first to the last day) a forecast is made from:
#: two weeks, one to repeat and one to test the repeat on. A few hours of an
#: export (one day) would otherwise be forecast as that day, flat, for months.
MIN_HISTORY_DAYS = 14


def clean_history(history: pd.DataFrame) -> pd.DataFrame:
    """One row per calendar day from first to last date: ``ds`` (midnight), ``y`` (float).

    Refuses (``resource.history.too_short``) a history of under
    :data:`MIN_HISTORY_DAYS` days.
    """
    if not isinstance(history, pd.DataFrame):
        raise TypeError("history must be a pandas DataFrame with columns 'ds' and 'y'")
    missing = [c for c in ("ds", "y") if c not in history.columns]
    if missing:
        raise InputError("resource.history.columns", missing=", ".join(missing))
    if history.empty:
        raise InputError(EMPTY_HISTORY_MESSAGE)
    if "unique_id" in history.columns and history["unique_id"].nunique(dropna=False) > 1:
        raise InputError("resource.history.several_series")
    ds = history["ds"]
    if not pd.api.types.is_datetime64_any_dtype(ds):
        # Per-value parsing: dates and date-times may be mixed in one column.
        ds = pd.to_datetime(ds, errors="coerce", format="mixed")
    if ds.dt.tz is not None:
        ds = ds.dt.tz_localize(None)
    bad = int(ds.isna().sum())
    if bad:
        raise InputError("resource.history.bad_dates", count=bad)
    y = pd.to_numeric(history["y"], errors="coerce")
    # Text that is no number, and an infinite count (which would make every forecast NaN).
    bad = int((y.isna() & history["y"].notna()).sum() + np.isinf(y).sum())
    if bad:
        raise InputError("resource.history.bad_counts", count=bad)
    bad = int((y < 0).sum())
    if bad:
        raise InputError("resource.history.negative", count=bad)
    # A day without a count is a day without tickets.
    daily = y.fillna(0.0).astype("float64").groupby(ds.dt.normalize().to_numpy()).sum()
    # One time unit whatever came in (dates, strings, datetimes), so equal
    # series hash equal for the cache.
    days = pd.date_range(daily.index.min(), daily.index.max(), freq="D").as_unit("ns")
    daily = daily.reindex(days, fill_value=0.0)
    if len(days) < MIN_HISTORY_DAYS:
        raise InputError(
            "resource.history.too_short",
            days=len(days),
            first=days[0].date(),
            last=days[-1].date(),
            min_days=MIN_HISTORY_DAYS,
        )
    return pd.DataFrame({"ds": days, "y": daily.to_numpy()})


def check_horizon(horizon_days: int) -> None:
    if not is_count(horizon_days) or horizon_days < 1:
        raise InputError("resource.must_be.positive_whole", name="horizon_days")


def is_count(value: Any) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)
