"""Daily demand forecasts: the model that missed least in a backtest, never worse than
repeating last week.

:func:`forecast_daily` backtests four candidates on the same days (rolling
origins at the end of the history) and uses the one with the lowest MAE:

- ``seasonal_naive``: the last week repeated (the baseline);
- ``weekly_profile``: the last four weeks' mean weekly total spread over the
  weekdays by the last thirteen weeks' weekday shares (suits a few tickets a day);
- ``prophet``: Prophet (weekly seasonality; yearly only with at least two years of
  history; public holidays from the ``holidays`` package, built offline);
- ``combined``: the mean of Prophet and the naive repeat.

Prophet and the mean are tried only with at least eight weeks of history holding
tickets on at least four weeks' worth of days; otherwise ``message`` says why.
:func:`forecast_many` runs several series across processes. Results are cached
(see ``cache``).
"""

from __future__ import annotations

import functools
import logging
import math
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any, Literal

import numpy as np
import pandas as pd

from ..i18n import Message
from ..i18n.errors import InputError
from .backtest import (
    Backtest,
    Folds,
    Predictor,
    choose,
    run_folds,
    score,
    seasonal_naive,
    summarise,
    weekly_profile,
)
from .cache import cache_get, cache_key, cache_put
from .inputs import EMPTY_HISTORY_MESSAGE, check_horizon, clean_history, is_count

#: Shortest history (days) Prophet is fitted on; below this the weekly shape
#: rests on too few weeks and the seasonal naive forecast is as good.
MIN_PROPHET_DAYS = 56
#: Days with tickets Prophet needs besides: a weekly shape fitted to a few scattered
#: tickets is noise.
MIN_PROPHET_ACTIVE_DAYS = 28
#: Days of week-on-week differences that set the naive repeat's likely range.
NAIVE_SIGMA_DAYS = 91
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

_SEED = 20240101

Growth = Literal["linear", "flat"]
SeasonalityMode = Literal["multiplicative", "additive"]


@dataclass(frozen=True, eq=False)
class ForecastResult:
    """A daily forecast with its accuracy.

    ``forecast``: ``ds`` (dates after the history), ``yhat``, ``yhat_lower``,
    ``yhat_upper`` in tickets per day, never negative; the interval covers
    ``interval_width`` of outcomes. ``history``: the cleaned daily series
    (``ds``, ``y``) the model saw. ``backtest``: :class:`Backtest` of the model
    used, with every candidate's scores. ``model``: the model used, one of
    ``"seasonal_naive"``, ``"weekly_profile"``, ``"combined"``, ``"prophet"``.
    ``message``: why Prophet was not tried or not used (a
    :class:`~svcops.i18n.Message`, ``resource.fallback.*``), else None.

    Results are shared by the cache; treat the frames as read-only.
    """

    forecast: pd.DataFrame
    history: pd.DataFrame
    backtest: Backtest
    model: str
    message: Message | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able summary: forecast rows with ISO dates, and backtest scores.

        Scores that could not be computed (NaN) become None. ``model``: the model
        used; ``days`` / ``first_day`` / ``last_day``: the days scored.
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
            for name in ("mae", "baseline_mae", "wape", "baseline_wape", "mape", "baseline_mape")
        }
        scored = {
            "days": bt.days,
            "first_day": None if bt.first_day is None else bt.first_day.isoformat(),
            "last_day": None if bt.last_day is None else bt.last_day.isoformat(),
        }
        return {"model": self.model, "forecast": rows, "backtest": {**scores, **scored}}


def _json_float(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


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
            raise InputError("resource.must_be.fraction", name="interval_width")
        if not is_count(self.backtest_folds) or self.backtest_folds < 0:
            raise InputError("resource.must_be.whole", name="backtest_folds")
        horizon = self.backtest_horizon
        if horizon is not None and (not is_count(horizon) or horizon < 1):
            raise InputError("resource.must_be.positive_whole", name="backtest_horizon")
        if self.growth not in ("linear", "flat"):
            raise InputError(
                "resource.must_be.either", name="growth", first="linear", second="flat"
            )
        if self.seasonality_mode not in ("multiplicative", "additive"):
            raise InputError(
                "resource.must_be.either",
                name="seasonality_mode",
                first="multiplicative",
                second="additive",
            )
        if self.country is not None:
            import holidays

            if self.country not in holidays.list_supported_countries():
                raise InputError("resource.unknown_country", code=self.country)

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


def _naive_forecast(history: pd.DataFrame, horizon: int, interval_width: float) -> pd.DataFrame:
    """Seasonal naive forecast with a normal interval from weekly-difference residuals.

    The interval half-width is ``z * sigma * sqrt(k)``, with ``sigma`` the RMS
    of ``y[t] - y[t-7]`` over the last :data:`NAIVE_SIGMA_DAYS` (91) days and ``k``
    the number of weeks ahead (Hyndman & Athanasopoulos, FPP3 §5.5): recent
    differences only, so a level the series left long ago (UCI's phone calls: hundreds
    a day for three months, then one or two) does not widen today's range. Under two
    weeks of history there are no residuals and the interval is the point forecast.
    """
    y = history["y"].to_numpy()
    yhat = seasonal_naive(y, horizon)
    residuals = (y[7:] - y[:-7])[-NAIVE_SIGMA_DAYS:]
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

    The model is chosen by the backtest (see the module docstring): the candidate
    with the lowest MAE over the days scored, the simpler on a tie. Prophet is a
    candidate when the history covers at least ``MIN_PROPHET_DAYS`` (56) days with
    tickets on at least ``MIN_PROPHET_ACTIVE_DAYS`` (28): weekly seasonality; yearly seasonality from 730 days of history;
    public holidays of ``country`` (ISO code such as "US", "GB", "CN", "DE");
    trend ``growth`` "linear" or "flat"; an ``interval_width`` prediction
    interval. ``seasonality_mode`` "multiplicative" (default) makes weekly,
    yearly and holiday effects proportional to the level, as ticket volumes
    behave: the model is fitted to ``log(1 + y)``, so ``yhat`` is a median-type
    forecast, a little below the mean when daily counts are small (about 2%
    at 20 a day). "additive" fits ``y`` itself. When Prophet is not tried, or
    fails, ``message`` says why (a key).

    The backtest scores ``backtest_folds`` rolling origins of
    ``backtest_horizon`` days (default ``min(28, horizon_days)``), refitting every
    candidate at each origin. With ``backtest_folds=0`` nothing is compared:
    Prophet is used when it may be, else the naive repeat.

    Returns a :class:`ForecastResult`; an identical call (same data, same
    parameters) returns the same cached object. Raises a ``ValueError`` (a
    :class:`~svcops.i18n.errors.InputError`, keyed) for an empty history
    ("history is empty: no tickets in the selected range"), one shorter than
    ``MIN_HISTORY_DAYS`` (14) days, or invalid parameters.
    """
    check_horizon(horizon_days)
    options = _Options(
        country, interval_width, backtest_folds, backtest_horizon, growth, seasonality_mode
    )
    return _forecast_cached(clean_history(history), int(horizon_days), options)


def _forecast_cached(clean: pd.DataFrame, horizon_days: int, options: _Options) -> ForecastResult:
    key = options.key(clean, horizon_days)
    cached = cache_get(key)
    if cached is not None:
        return cached
    result = _forecast_clean(clean, horizon_days, options)
    cache_put(key, result)
    return result


def _forecast_clean(clean: pd.DataFrame, horizon_days: int, options: _Options) -> ForecastResult:
    """The uncached work of :func:`forecast_daily` on a cleaned series.

    Every candidate model is backtested on the same days; the one with the lowest
    MAE is used (ties go to the simpler). Prophet (and the Prophet + naive mean)
    are candidates only on a long enough history with enough days of tickets.
    """
    bt_horizon = options.backtest_horizon or min(DEFAULT_BACKTEST_HORIZON, horizon_days)
    days = len(clean)
    active = int((clean["y"] > 0).sum())
    message: Message | None = None
    if days < MIN_PROPHET_DAYS:
        message = Message(
            "resource.fallback.short_history",
            {"days": days, "min_days": MIN_PROPHET_DAYS, "min_weeks": MIN_PROPHET_DAYS // 7},
        )
    elif active < MIN_PROPHET_ACTIVE_DAYS:
        message = Message(
            "resource.fallback.sparse_history",
            {"active": active, "days": days, "min_active": MIN_PROPHET_ACTIVE_DAYS},
        )
    simple: dict[str, Predictor] = {
        "seasonal_naive": lambda train, dates: seasonal_naive(train["y"].to_numpy(), len(dates)),
        "weekly_profile": weekly_profile,
    }
    folds: Folds | None = None
    if message is None:
        fitted: list[np.ndarray] = []

        def prophet(train: pd.DataFrame, dates: pd.DatetimeIndex) -> np.ndarray:
            fitted.append(_prophet_predict(train, dates, options, 0)["yhat"].to_numpy())
            return fitted[-1]

        def combined(train: pd.DataFrame, dates: pd.DatetimeIndex) -> np.ndarray:
            # The fold's Prophet forecast, fitted just before (dicts keep order).
            naive = seasonal_naive(train["y"].to_numpy(), len(dates))
            return (np.clip(fitted[-1], 0.0, None) + naive) / 2

        try:
            folds = run_folds(
                clean,
                folds=options.backtest_folds,
                horizon=bt_horizon,
                min_train=MIN_PROPHET_DAYS,
                predictors={**simple, "prophet": prophet, "combined": combined},
            )
        except RuntimeError as error:  # Stan's optimiser can fail on pathological series
            message = Message("resource.fallback.fit_failed", {"error": str(error)})
        else:
            if folds.folds == 0 and options.backtest_folds > 0:
                # No origin leaves Prophet its minimum history: nothing to compare it
                # on, so the simple models are compared on the origins they can use.
                message = Message(
                    "resource.fallback.untestable",
                    {"days": days, "min_days": MIN_PROPHET_DAYS + bt_horizon},
                )
    if message is not None:
        folds = run_folds(
            clean,
            folds=options.backtest_folds,
            horizon=bt_horizon,
            min_train=7,
            predictors=simple,
        )
    assert folds is not None
    if folds.folds:
        model = choose({name: score(folds.actual, p) for name, p in folds.predicted.items()})
    else:  # nothing scored (no backtest asked for, or too little history)
        model = "seasonal_naive" if message is not None else "prophet"
    backtest = summarise(folds, model)
    try:
        forecast = _final_forecast(clean, horizon_days, options, model, backtest)
    except RuntimeError as error:
        message = Message("resource.fallback.fit_failed", {"error": str(error)})
        model = "seasonal_naive"
        backtest = summarise(folds, model) if folds.folds else backtest
        forecast = _naive_forecast(clean, horizon_days, options.interval_width)
    return ForecastResult(forecast, clean, backtest, model, message)


def _final_forecast(
    clean: pd.DataFrame, horizon_days: int, options: _Options, model: str, backtest: Backtest
) -> pd.DataFrame:
    """The chosen ``model``'s forecast of the ``horizon_days`` after ``clean``.

    Prophet keeps its own interval and the naive repeat its residual-based one; the
    weekly profile and the Prophet + naive mean, which have none of their own, get
    ``yhat ± z × RMSE`` of their own backtest errors.
    """
    dates = _future_dates(clean, horizon_days)
    if model == "seasonal_naive":
        return _naive_forecast(clean, horizon_days, options.interval_width)
    if model == "prophet":
        predicted = _prophet_predict(clean, dates, options, UNCERTAINTY_SAMPLES)
        return _forecast_frame(
            dates,
            predicted["yhat"].to_numpy(),
            predicted["yhat_lower"].to_numpy(),
            predicted["yhat_upper"].to_numpy(),
        )
    if model == "weekly_profile":
        yhat = weekly_profile(clean, dates)
    else:  # combined
        prophet = _prophet_predict(clean, dates, options, 0)["yhat"].to_numpy()
        naive = seasonal_naive(clean["y"].to_numpy(), horizon_days)
        yhat = (np.clip(prophet, 0.0, None) + naive) / 2
    rmse = backtest.scores[model].rmse if model in backtest.scores else 0.0
    half = NormalDist().inv_cdf(0.5 + options.interval_width / 2) * rmse
    return _forecast_frame(dates, yhat, yhat - half, yhat + half)


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
        raise InputError("resource.missing_column", frame="history_long", column="unique_id")
    if history_long.empty:
        raise InputError(EMPTY_HISTORY_MESSAGE)
    check_horizon(horizon_days)
    try:
        options = _Options(**kw)
    except TypeError:
        unknown = ", ".join(sorted(set(kw) - set(_Options.__dataclass_fields__)))
        raise TypeError(f"forecast_many got unexpected keyword argument(s): {unknown}") from None
    names = history_long["unique_id"].drop_duplicates()
    if names.astype(str).nunique() != len(names):
        raise InputError("resource.history.unique_ids")
    horizon = int(horizon_days)
    results: dict[str, ForecastResult] = {}
    todo: dict[str, tuple[pd.DataFrame, str]] = {}
    for uid, group in history_long.groupby("unique_id", sort=False, dropna=False):
        clean = clean_history(group[["ds", "y"]])
        key = options.key(clean, horizon)
        cached = cache_get(key)
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
                    cache_put(todo[name][1], results[name])
        except BrokenProcessPool:
            logging.getLogger(__name__).warning(
                "forecast worker processes failed to start; fitting in this process"
            )
    for name, (clean, _key) in todo.items():
        if name not in results:
            results[name] = _forecast_cached(clean, horizon, options)
    return {str(uid): results[str(uid)] for uid in names}
