"""Demand forecasting: daily volumes ahead, how good the forecast is, and intraday shape.

Input contract (Prophet / Nixtla long format): a frame with ``ds`` (date),
``y`` (count of tickets or contacts that day) and, for several series,
``unique_id``. Missing dates count as 0; several rows on one date are summed.

- :func:`forecast_daily` fits Prophet (weekly seasonality; yearly only with at
  least two years of history; public holidays from the ``holidays`` package,
  built offline) and scores it with a rolling-origin backtest against a
  seasonal-naive baseline. With less than eight weeks of history it falls
  back to the seasonal naive forecast and says why.
- :func:`forecast_many` runs several series across processes.
- :func:`describe_accuracy` turns a backtest into a message key and
  parameters for a plain sentence; :func:`render_message` renders English.
- :func:`intraday_profile` and :func:`distribute` split daily volumes into
  intervals by the observed weekday × time-of-day shape.

Results are cached in-process by :func:`cache_key`, so repeating a call with
identical data and parameters returns the same object at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import math
import multiprocessing
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any, Literal

import numpy as np
import pandas as pd

__all__ = [
    "ACCURACY_MESSAGES",
    "Backtest",
    "ForecastResult",
    "cache_key",
    "clear_cache",
    "describe_accuracy",
    "distribute",
    "forecast_daily",
    "forecast_many",
    "intraday_profile",
    "render_message",
]

#: Shortest history (days) Prophet is fitted on; below this the weekly shape
#: rests on too few weeks and the seasonal naive forecast is as good.
MIN_PROPHET_DAYS = 56
#: Yearly seasonality needs two full cycles to be told apart from trend.
MIN_YEARLY_DAYS = 730
#: Share of the history where Prophet may bend its trend. Its default, 0.8,
#: freezes the trend over the last fifth of history (months, for two years of
#: data); demand shifts that recent are what a staffing forecast must follow.
CHANGEPOINT_RANGE = 0.9
#: Longest default backtest horizon: four weeks keeps each fold recent.
DEFAULT_BACKTEST_HORIZON = 28
#: Posterior samples for the final forecast's interval; backtest fits only
#: need ``yhat``, so they draw none.
UNCERTAINTY_SAMPLES = 1000
EMPTY_HISTORY_MESSAGE = "history is empty: no tickets in the selected range"

_CACHE_VERSION = "svcops.forecast/2"
_CACHE_SIZE = 64
_SEED = 20240101

Growth = Literal["linear", "flat"]
SeasonalityMode = Literal["multiplicative", "additive"]


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Backtest:
    """Rolling-origin backtest scores, pooled over all folds.

    ``mape`` / ``baseline_mape``: mean absolute percentage error as a fraction
    (0.06 = 6%) of the model and of the seasonal naive baseline, over days
    whose actual is above 0 (a zero actual has no percentage error; those
    days still count in MAE). ``mae`` / ``baseline_mae``: mean absolute error
    in tickets per day. ``folds``: origins actually scored (0 when history
    was too short: then every score is NaN). ``horizon_days``: days scored
    after each origin.
    """

    mape: float
    baseline_mape: float
    mae: float
    baseline_mae: float
    folds: int
    horizon_days: int

    @property
    def days(self) -> int:
        """Number of days scored (``folds * horizon_days``)."""
        return self.folds * self.horizon_days


@dataclass(frozen=True, eq=False)
class ForecastResult:
    """A daily forecast with its accuracy.

    ``forecast``: ``ds`` (dates after the history), ``yhat``, ``yhat_lower``,
    ``yhat_upper`` in tickets per day, never negative; the interval covers
    ``interval_width`` of outcomes. ``history``: the cleaned daily series
    (``ds``, ``y``) the model saw. ``backtest``: :class:`Backtest`. ``model``:
    ``"prophet"`` or ``"seasonal_naive"``. ``message``: plain English reason
    when the seasonal naive fallback was used, else None.

    Results are shared by the cache; treat the frames as read-only.
    """

    forecast: pd.DataFrame
    history: pd.DataFrame
    backtest: Backtest
    model: str
    message: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able summary: forecast rows with ISO dates, and backtest scores.

        Scores that could not be computed (NaN) become None.
        """
        rows = [
            {
                "date": ds.strftime("%Y-%m-%d"),
                "yhat": float(yhat),
                "yhat_lower": float(lower),
                "yhat_upper": float(upper),
            }
            for ds, yhat, lower, upper in self.forecast[
                ["ds", "yhat", "yhat_lower", "yhat_upper"]
            ].itertuples(index=False)
        ]
        bt = self.backtest
        scores = {
            name: _json_float(getattr(bt, name))
            for name in ("mape", "baseline_mape", "mae", "baseline_mae")
        }
        return {"forecast": rows, "backtest": scores}


def _json_float(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


# --------------------------------------------------------------------------- cache

_cache: OrderedDict[str, ForecastResult] = OrderedDict()
_cache_lock = threading.Lock()


def cache_key(history: pd.DataFrame, **params: Any) -> str:
    """Stable SHA-256 hex digest of a frame's values, columns and dtypes plus params.

    Equal data with equal parameters gives the same key across processes and
    runs (row order matters, the index does not). Parameter values must be
    JSON-able or have a stable ``repr``.
    """
    digest = hashlib.sha256(_CACHE_VERSION.encode())
    digest.update(json.dumps([[str(c), str(t)] for c, t in history.dtypes.items()]).encode())
    digest.update(pd.util.hash_pandas_object(history, index=False).to_numpy().tobytes())
    digest.update(json.dumps(params, sort_keys=True, default=repr).encode())
    return digest.hexdigest()


def clear_cache() -> None:
    """Forget every cached forecast in this process."""
    with _cache_lock:
        _cache.clear()


def _cache_get(key: str) -> ForecastResult | None:
    with _cache_lock:
        result = _cache.get(key)
        if result is not None:
            _cache.move_to_end(key)
        return result


def _cache_put(key: str, result: ForecastResult) -> None:
    with _cache_lock:
        _cache[key] = result
        _cache.move_to_end(key)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)


# --------------------------------------------------------------------------- input


def _clean_history(history: pd.DataFrame) -> pd.DataFrame:
    """One row per calendar day from first to last date: ``ds`` (midnight), ``y`` (float)."""
    if not isinstance(history, pd.DataFrame):
        raise TypeError("history must be a pandas DataFrame with columns 'ds' and 'y'")
    missing = [c for c in ("ds", "y") if c not in history.columns]
    if missing:
        raise ValueError(f"history must have columns 'ds' and 'y' (missing: {', '.join(missing)})")
    if history.empty:
        raise ValueError(EMPTY_HISTORY_MESSAGE)
    if "unique_id" in history.columns and history["unique_id"].nunique(dropna=False) > 1:
        raise ValueError("history has several unique_id values; use forecast_many for many series")
    ds = history["ds"]
    if not pd.api.types.is_datetime64_any_dtype(ds):
        # Per-value parsing: dates and date-times may be mixed in one column.
        ds = pd.to_datetime(ds, errors="coerce", format="mixed")
    if ds.dt.tz is not None:
        ds = ds.dt.tz_localize(None)
    bad = int(ds.isna().sum())
    if bad:
        raise ValueError(f"history has {bad} row(s) whose 'ds' is not a date")
    y = pd.to_numeric(history["y"], errors="coerce")
    bad = int((y.isna() & history["y"].notna()).sum())
    if bad:
        raise ValueError(f"history has {bad} row(s) whose 'y' is not a number")
    bad = int((y < 0).sum())
    if bad:
        raise ValueError(f"history has {bad} row(s) with a negative 'y'; counts cannot be negative")
    # A day without a count is a day without tickets.
    daily = y.fillna(0.0).astype("float64").groupby(ds.dt.normalize().to_numpy()).sum()
    # One time unit whatever came in (dates, strings, datetimes), so equal
    # series hash equal for the cache.
    days = pd.date_range(daily.index.min(), daily.index.max(), freq="D").as_unit("ns")
    daily = daily.reindex(days, fill_value=0.0)
    return pd.DataFrame({"ds": days, "y": daily.to_numpy()})


@dataclass(frozen=True)
class _Options:
    """Validated model options of :func:`forecast_daily` (all but the horizon)."""

    country: str | None = None
    interval_width: float = 0.8
    backtest_folds: int = 4
    backtest_horizon: int | None = None
    growth: Growth = "linear"
    seasonality_mode: SeasonalityMode = "multiplicative"

    def __post_init__(self) -> None:
        width = self.interval_width
        if isinstance(width, bool) or not isinstance(width, int | float) or not 0 < width < 1:
            raise ValueError("interval_width must be a number strictly between 0 and 1")
        if not _is_count(self.backtest_folds) or self.backtest_folds < 0:
            raise ValueError("backtest_folds must be a non-negative whole number")
        horizon = self.backtest_horizon
        if horizon is not None and (not _is_count(horizon) or horizon < 1):
            raise ValueError("backtest_horizon must be a positive whole number")
        if self.growth not in ("linear", "flat"):
            raise ValueError("growth must be 'linear' or 'flat'")
        if self.seasonality_mode not in ("multiplicative", "additive"):
            raise ValueError("seasonality_mode must be 'multiplicative' or 'additive'")
        if self.country is not None:
            import holidays

            if self.country not in holidays.list_supported_countries():
                raise ValueError(
                    f"unknown country code {self.country!r}: use an ISO code such as "
                    "'US', 'GB', 'CN' or 'DE'"
                )

    def key(self, clean: pd.DataFrame, horizon_days: int) -> str:
        """Cache key of a forecast of ``clean`` with these options."""
        return cache_key(
            clean,
            horizon_days=int(horizon_days),
            country=self.country,
            interval_width=float(self.interval_width),
            backtest_folds=int(self.backtest_folds),
            backtest_horizon=None if self.backtest_horizon is None else int(self.backtest_horizon),
            growth=self.growth,
            seasonality_mode=self.seasonality_mode,
        )


def _check_horizon(horizon_days: int) -> None:
    if not _is_count(horizon_days) or horizon_days < 1:
        raise ValueError("horizon_days must be a positive whole number")


def _is_count(value: Any) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


# --------------------------------------------------------------------------- models


def _seasonal_naive(y: np.ndarray, horizon: int) -> np.ndarray:
    """The last observed week repeated: day ``T+h`` gets ``y[T+h-7*ceil(h/7)]``.

    With under a week of history, weekdays never seen get the history's mean.
    """
    steps = np.arange(1, horizon + 1)
    source = len(y) - 1 + steps - 7 * np.ceil(steps / 7).astype(int)
    fallback = float(np.mean(y)) if len(y) else 0.0
    return np.where(source >= 0, y[np.clip(source, 0, None)], fallback).astype("float64")


def _naive_forecast(history: pd.DataFrame, horizon: int, interval_width: float) -> pd.DataFrame:
    """Seasonal naive forecast with a normal interval from weekly-difference residuals.

    The interval half-width is ``z * sigma * sqrt(k)``, with ``sigma`` the RMS
    of ``y[t] - y[t-7]`` and ``k`` the number of weeks ahead (Hyndman &
    Athanasopoulos, FPP3 §5.5). Under two weeks of history there are no
    residuals and the interval is the point forecast.
    """
    y = history["y"].to_numpy()
    yhat = _seasonal_naive(y, horizon)
    residuals = y[7:] - y[:-7]
    sigma = float(np.sqrt(np.mean(residuals**2))) if len(residuals) else 0.0
    z = NormalDist().inv_cdf(0.5 + interval_width / 2)
    weeks = np.ceil(np.arange(1, horizon + 1) / 7)
    half = z * sigma * np.sqrt(weeks)
    return _forecast_frame(_future_dates(history, horizon), yhat, yhat - half, yhat + half)


def _future_dates(history: pd.DataFrame, horizon: int) -> pd.DatetimeIndex:
    start = history["ds"].iloc[-1] + pd.Timedelta(days=1)
    return pd.date_range(start, periods=horizon, freq="D")


def _forecast_frame(
    dates: pd.DatetimeIndex, yhat: np.ndarray, lower: np.ndarray, upper: np.ndarray
) -> pd.DataFrame:
    clip = functools.partial(np.clip, a_min=0.0, a_max=None)
    return pd.DataFrame(
        {
            "ds": dates,
            "yhat": clip(np.asarray(yhat, dtype="float64")),
            "yhat_lower": clip(np.asarray(lower, dtype="float64")),
            "yhat_upper": clip(np.asarray(upper, dtype="float64")),
        }
    )


class _YearlyWarningFilter(logging.Filter):
    """Drop Prophet's "yearly seasonality with less than 730 days" warning.

    Prophet counts the span (last minus first date, 729 days for 730 daily
    rows); we turn yearly seasonality on at 730 days of history on purpose.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Yearly seasonality is enabled with less")


@functools.cache
def _prophet_class() -> type:
    """Import Prophet once, quietly (no plotly notice, no cmdstanpy chatter)."""
    logging.getLogger("prophet.plot").setLevel(logging.CRITICAL)
    logging.getLogger("prophet").addFilter(_YearlyWarningFilter())
    from cmdstanpy.utils import get_logger
    from prophet import Prophet

    # cmdstanpy resets its logger to DEBUG the first time it is fetched, so
    # fetch it first, then quieten it.
    get_logger().setLevel(logging.WARNING)
    return Prophet


@functools.lru_cache(maxsize=32)
def _holiday_frame(country: str, first_year: int, last_year: int) -> pd.DataFrame:
    """Prophet ``holidays`` frame (``holiday``, ``ds``) from the offline ``holidays`` package."""
    import holidays

    calendar = holidays.country_holidays(
        country, years=range(first_year, last_year + 1), language="en_US"
    )
    rows = [(name, pd.Timestamp(day)) for day, name in sorted(calendar.items())]
    return pd.DataFrame(rows, columns=["holiday", "ds"])


@contextmanager
def _seeded_numpy(seed: int) -> Iterator[None]:
    """Prophet draws its interval from numpy's global RNG; make it repeatable."""
    state = np.random.get_state()
    np.random.seed(seed)
    try:
        yield
    finally:
        np.random.set_state(state)


def _prophet_predict(
    train: pd.DataFrame,
    dates: pd.DatetimeIndex,
    options: _Options,
    uncertainty_samples: int,
) -> pd.DataFrame:
    """Fit Prophet on ``train`` (``ds``, ``y``) and predict ``dates``.

    Multiplicative seasonality is fitted as an additive model of
    ``log(1 + y)`` and transformed back, so trend, weekly, yearly and holiday
    effects all multiply (Prophet's own multiplicative mode adds the
    seasonal effects to one another before scaling the trend); interval
    bounds, being quantiles, transform back exactly.

    Returns ``ds``, ``yhat`` and, when ``uncertainty_samples`` > 0,
    ``yhat_lower`` / ``yhat_upper`` on the count scale, not yet clipped.
    """
    prophet = _prophet_class()
    holidays = None
    if options.country:
        # A copy: Prophet writes to the frame it is given, and ours is cached.
        holidays = _holiday_frame(options.country, train["ds"].iloc[0].year, dates[-1].year).copy()
    model = prophet(
        growth=options.growth,
        weekly_seasonality=True,
        yearly_seasonality=len(train) >= MIN_YEARLY_DAYS,
        daily_seasonality=False,
        changepoint_range=CHANGEPOINT_RANGE,
        holidays=holidays,
        interval_width=options.interval_width,
        uncertainty_samples=uncertainty_samples,
    )
    log_scale = options.seasonality_mode == "multiplicative"
    fit = train[["ds", "y"]]
    if log_scale:
        fit = fit.assign(y=np.log1p(fit["y"]))
    model.fit(fit)
    with _seeded_numpy(_SEED):
        predicted = model.predict(pd.DataFrame({"ds": dates}))
    columns = [c for c in ("yhat", "yhat_lower", "yhat_upper") if c in predicted.columns]
    out = predicted[["ds", *columns]].copy()
    if log_scale:
        out[columns] = np.expm1(out[columns])
    return out


# --------------------------------------------------------------------------- backtest


def _backtest(
    history: pd.DataFrame,
    *,
    folds: int,
    horizon: int,
    min_train: int,
    predict: Callable[[pd.DataFrame, pd.DatetimeIndex], np.ndarray],
) -> Backtest:
    """Score ``predict(train, dates) -> yhat`` on ``folds`` rolling origins.

    Origins sit ``horizon`` days apart at the end of history; fold ``i``
    trains on everything before its origin and scores the ``horizon`` days
    from it. Folds whose training part is shorter than ``min_train`` days
    (or than one week, which the baseline needs) are skipped.
    """
    y = history["y"].to_numpy()
    n = len(y)
    actual, model, baseline = [], [], []
    used = 0
    for i in range(folds, 0, -1):
        origin = n - i * horizon
        if origin < max(min_train, 7):
            continue
        train = history.iloc[:origin]
        dates = pd.DatetimeIndex(history["ds"].iloc[origin : origin + horizon])
        actual.append(y[origin : origin + horizon])
        model.append(np.clip(predict(train, dates), 0.0, None))
        baseline.append(_seasonal_naive(y[:origin], horizon))
        used += 1
    if not used:
        nan = float("nan")
        return Backtest(nan, nan, nan, nan, 0, horizon)
    a, m, b = (np.concatenate(x) for x in (actual, model, baseline))
    return Backtest(
        mape=_mape(a, m),
        baseline_mape=_mape(a, b),
        mae=float(np.mean(np.abs(a - m))),
        baseline_mae=float(np.mean(np.abs(a - b))),
        folds=used,
        horizon_days=horizon,
    )


def _mape(actual: np.ndarray, predicted: np.ndarray) -> float:
    """Mean |error| / actual over days with actual > 0, as a fraction; NaN if none."""
    scored = actual > 0
    if not scored.any():
        return float("nan")
    return float(np.mean(np.abs(actual[scored] - predicted[scored]) / actual[scored]))


# --------------------------------------------------------------------------- forecast


def forecast_daily(
    history: pd.DataFrame,
    horizon_days: int,
    *,
    country: str | None = None,
    interval_width: float = 0.8,
    backtest_folds: int = 4,
    backtest_horizon: int | None = None,
    growth: Growth = "linear",
    seasonality_mode: SeasonalityMode = "multiplicative",
) -> ForecastResult:
    """Forecast a daily count series ``horizon_days`` ahead and backtest it.

    ``history``: ``ds`` (date or datetime; the time of day is dropped), ``y``
    (count that day), optionally one ``unique_id``. Missing dates and empty
    ``y`` count as 0; several rows on one date are summed; negative counts
    are an error.

    Prophet is used when the history covers at least ``MIN_PROPHET_DAYS`` (56)
    days: weekly seasonality; yearly seasonality from 730 days of history;
    public holidays of ``country`` (ISO code such as "US", "GB", "CN", "DE");
    trend ``growth`` "linear" or "flat"; an ``interval_width`` prediction
    interval. ``seasonality_mode`` "multiplicative" (default) makes weekly,
    yearly and holiday effects proportional to the level, as ticket volumes
    behave: the model is fitted to ``log(1 + y)``, so ``yhat`` is a median-type
    forecast, a little below the mean when daily counts are small (about 2%
    at 20 a day). "additive" fits ``y`` itself. With shorter history, or if
    Prophet fails, the last week is repeated and ``message`` says why.

    The backtest scores ``backtest_folds`` rolling origins of
    ``backtest_horizon`` days (default ``min(28, horizon_days)``) against the
    seasonal naive baseline, refitting the same model at each origin.

    Returns a :class:`ForecastResult`; an identical call (same data, same
    parameters) returns the same cached object. Raises ``ValueError`` for an
    empty history ("history is empty: no tickets in the selected range") or
    invalid parameters.
    """
    _check_horizon(horizon_days)
    options = _Options(
        country, interval_width, backtest_folds, backtest_horizon, growth, seasonality_mode
    )
    return _forecast_cached(_clean_history(history), int(horizon_days), options)


def _forecast_cached(clean: pd.DataFrame, horizon_days: int, options: _Options) -> ForecastResult:
    key = options.key(clean, horizon_days)
    cached = _cache_get(key)
    if cached is not None:
        return cached
    result = _forecast_clean(clean, horizon_days, options)
    _cache_put(key, result)
    return result


def _forecast_clean(clean: pd.DataFrame, horizon_days: int, options: _Options) -> ForecastResult:
    """The uncached work of :func:`forecast_daily` on a cleaned series."""
    bt_horizon = options.backtest_horizon or min(DEFAULT_BACKTEST_HORIZON, horizon_days)
    days = len(clean)
    if days < MIN_PROPHET_DAYS:
        message = (
            f"Only {days} days of history; a model forecast needs at least "
            f"{MIN_PROPHET_DAYS} days ({MIN_PROPHET_DAYS // 7} weeks), so the forecast "
            "repeats the last week."
        )
        return _naive_result(clean, horizon_days, options, bt_horizon, message)

    def predict(train: pd.DataFrame, dates: pd.DatetimeIndex) -> np.ndarray:
        return _prophet_predict(train, dates, options, 0)["yhat"].to_numpy()

    try:
        dates = _future_dates(clean, horizon_days)
        predicted = _prophet_predict(clean, dates, options, UNCERTAINTY_SAMPLES)
        backtest = _backtest(
            clean,
            folds=options.backtest_folds,
            horizon=bt_horizon,
            min_train=MIN_PROPHET_DAYS,
            predict=predict,
        )
    except RuntimeError as error:  # Stan's optimiser can fail on pathological series
        message = (
            f"The forecasting model could not be fitted ({error}); the forecast repeats "
            "the last week."
        )
        return _naive_result(clean, horizon_days, options, bt_horizon, message)
    forecast = _forecast_frame(
        dates,
        predicted["yhat"].to_numpy(),
        predicted["yhat_lower"].to_numpy(),
        predicted["yhat_upper"].to_numpy(),
    )
    return ForecastResult(forecast, clean, backtest, "prophet", None)


def _naive_result(
    clean: pd.DataFrame, horizon_days: int, options: _Options, bt_horizon: int, message: str
) -> ForecastResult:
    backtest = _backtest(
        clean,
        folds=options.backtest_folds,
        horizon=bt_horizon,
        min_train=7,
        predict=lambda train, dates: _seasonal_naive(train["y"].to_numpy(), len(dates)),
    )
    forecast = _naive_forecast(clean, horizon_days, options.interval_width)
    return ForecastResult(forecast, clean, backtest, "seasonal_naive", message)


def forecast_many(
    history_long: pd.DataFrame, horizon_days: int, *, max_workers: int | None = None, **kw: Any
) -> dict[str, ForecastResult]:
    """:func:`forecast_daily` for every ``unique_id`` of a long frame, across processes.

    ``history_long``: ``unique_id``, ``ds``, ``y``. ``kw``: the keyword
    options of :func:`forecast_daily`. Returns ``{str(unique_id):
    ForecastResult}`` in order of first appearance; each equals what
    :func:`forecast_daily` returns for that series alone.

    Series already in the cache are not refitted; the rest run in a
    spawn-context process pool with one worker per core (spawn is safe from
    a Streamlit script thread, where fork is not), or in this process when
    only one needs fitting. As with any spawn pool, a calling script must
    guard its entry point with ``if __name__ == "__main__":``. ``max_workers=1`` fits
    in this process (what a web app wants: no interpreters started per request); if
    the pool breaks (a worker cannot start), the remaining series are fitted here.
    """
    if "unique_id" not in history_long.columns:
        raise ValueError("history_long must have a 'unique_id' column")
    if history_long.empty:
        raise ValueError(EMPTY_HISTORY_MESSAGE)
    _check_horizon(horizon_days)
    try:
        options = _Options(**kw)
    except TypeError:
        unknown = ", ".join(sorted(set(kw) - set(_Options.__dataclass_fields__)))
        raise TypeError(f"forecast_many got unexpected keyword argument(s): {unknown}") from None
    names = history_long["unique_id"].drop_duplicates()
    if names.astype(str).nunique() != len(names):
        raise ValueError("unique_id values must stay distinct as text (e.g. not both 1 and '1')")
    horizon = int(horizon_days)
    results: dict[str, ForecastResult] = {}
    todo: dict[str, tuple[pd.DataFrame, str]] = {}
    for uid, group in history_long.groupby("unique_id", sort=False, dropna=False):
        clean = _clean_history(group[["ds", "y"]])
        key = options.key(clean, horizon)
        cached = _cache_get(key)
        if cached is not None:
            results[str(uid)] = cached
        else:
            todo[str(uid)] = (clean, key)
    workers = min(max_workers or os.cpu_count() or 1, len(todo))
    if workers > 1:
        context = multiprocessing.get_context("spawn")
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                futures = {
                    name: pool.submit(_forecast_clean, clean, horizon, options)
                    for name, (clean, _key) in todo.items()
                }
                for name, future in futures.items():
                    results[name] = future.result()
                    _cache_put(todo[name][1], results[name])
        except BrokenProcessPool:
            logging.getLogger(__name__).warning(
                "forecast worker processes failed to start; fitting in this process"
            )
    for name, (clean, _key) in todo.items():
        if name not in results:
            results[name] = _forecast_cached(clean, horizon, options)
    return {str(uid): results[str(uid)] for uid in names}


# --------------------------------------------------------------------------- accuracy text

#: English templates for :func:`describe_accuracy` keys; a UI may supply its
#: own translations with the same placeholders.
ACCURACY_MESSAGES: dict[str, str] = {
    "forecast.accuracy.better": (
        "On the last {days} days the forecast missed by {mape:.0%} a day; "
        "the naive weekly repeat missed by {baseline_mape:.0%}."
    ),
    "forecast.accuracy.not_better": (
        "On the last {days} days the forecast missed by {mape:.0%} a day, "
        "no better than the naive weekly repeat ({baseline_mape:.0%})."
    ),
    "forecast.accuracy.naive": (
        "On the last {days} days repeating the previous week missed by {mape:.0%} a day."
    ),
    "forecast.accuracy.better_count": (
        "On the last {days} days the forecast missed by {mae:.1f} a day; "
        "the naive weekly repeat missed by {baseline_mae:.1f}."
    ),
    "forecast.accuracy.not_better_count": (
        "On the last {days} days the forecast missed by {mae:.1f} a day, "
        "no better than the naive weekly repeat ({baseline_mae:.1f})."
    ),
    "forecast.accuracy.unavailable": (
        "There is not enough history yet to measure how accurate the forecast is."
    ),
}


def describe_accuracy(backtest: Backtest) -> tuple[str, dict[str, float | int]]:
    """A message key and parameters describing a backtest in one plain sentence.

    Keys are those of :data:`ACCURACY_MESSAGES`. Percentages are compared when
    MAPE exists; when every scored day was zero, mean absolute errors are
    used instead (``*_count`` keys). Parameters: ``days`` scored, ``mape``,
    ``baseline_mape`` (fractions), ``mae``, ``baseline_mae`` (tickets a day).
    """
    if backtest.folds == 0:
        return "forecast.accuracy.unavailable", {}
    params: dict[str, float | int] = {
        "days": backtest.days,
        "mape": backtest.mape,
        "baseline_mape": backtest.baseline_mape,
        "mae": backtest.mae,
        "baseline_mae": backtest.baseline_mae,
    }
    if backtest.mae == backtest.baseline_mae and backtest.mape == backtest.baseline_mape:
        if math.isnan(backtest.mape):
            return "forecast.accuracy.not_better_count", params
        return "forecast.accuracy.naive", params
    if math.isnan(backtest.mape):
        better = backtest.mae < backtest.baseline_mae
        return f"forecast.accuracy.{'better' if better else 'not_better'}_count", params
    better = backtest.mape < backtest.baseline_mape
    return f"forecast.accuracy.{'better' if better else 'not_better'}", params


def render_message(
    key: str, params: dict[str, Any], templates: dict[str, str] | None = None
) -> str:
    """Render a message key with its parameters (English unless ``templates`` given)."""
    return (templates or ACCURACY_MESSAGES)[key].format(**params)


# --------------------------------------------------------------------------- intraday


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
            raise ValueError("interval frame must have an 'interval_start' column")
        weight_col = next((c for c in ("volume", "offered") if c in data.columns), None)
        if weight_col is None:
            raise ValueError("interval frame must have a 'volume' or 'offered' column")
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
        raise ValueError("no arrivals to build an intraday profile from")
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
            raise ValueError(f"profile must have a '{column}' column")
    slot_minutes = np.array([t.hour * 60 + t.minute for t in profile["slot"]])
    if (slot_minutes % minutes).any():
        raise ValueError(f"profile slots are not on a {minutes}-minute grid")
    for column in ("ds", "yhat"):
        if column not in daily_forecast.columns:
            raise ValueError(f"daily_forecast must have a '{column}' column")
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
        raise ValueError("profile does not cover every weekday in daily_forecast")
    out = pd.DataFrame(
        {
            "interval_start": merged["day"] + merged["offset"],
            "volume": merged["yhat"] * merged["share"],
        }
    )
    return out.sort_values("interval_start", kind="stable").reset_index(drop=True)


def _check_interval(interval_minutes: int) -> int:
    if not _is_count(interval_minutes) or interval_minutes < 1 or (24 * 60) % interval_minutes:
        raise ValueError("interval_minutes must be a whole number of minutes that divides a day")
    return int(interval_minutes)
