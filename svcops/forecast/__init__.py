"""Demand forecasting: daily volumes ahead, how good the forecast is, and intraday shape.

Input contract (Prophet / Nixtla long format): a frame with ``ds`` (date),
``y`` (count of tickets or contacts that day) and, for several series,
``unique_id``. Missing dates count as 0; several rows on one date are summed.

- ``model``: :func:`forecast_daily` (Prophet with public holidays, or the
  seasonal naive fallback, with a backtest), :func:`forecast_many` (several
  series across processes), :class:`ForecastResult`;
- ``backtest``: the rolling-origin :class:`Backtest` against the seasonal-naive
  baseline, and :func:`describe_accuracy`, its one-sentence summary as a message key;
- ``cache``: :func:`cache_key` and the in-process LRU (:func:`clear_cache`);
- ``intraday``: :func:`intraday_profile` and :func:`distribute` split daily
  volumes into intervals by the observed weekday x time-of-day shape;
- ``inputs``: the history's cleaning and checks.

Analyses speak in keys: fallback reasons, accuracy sentences and refused inputs
are :class:`svcops.i18n.Message` values keyed ``resource.*`` (strings in
``svcops/i18n/resource.py``); word them with :func:`svcops.i18n.render`.
"""

from __future__ import annotations

from .backtest import Backtest, describe_accuracy
from .cache import cache_key, clear_cache
from .inputs import EMPTY_HISTORY_MESSAGE
from .intraday import distribute, intraday_profile
from .model import (
    CHANGEPOINT_RANGE,
    DEFAULT_BACKTEST_HORIZON,
    MIN_PROPHET_DAYS,
    MIN_YEARLY_DAYS,
    UNCERTAINTY_SAMPLES,
    ForecastResult,
    forecast_daily,
    forecast_many,
)

__all__ = [
    "CHANGEPOINT_RANGE",
    "DEFAULT_BACKTEST_HORIZON",
    "EMPTY_HISTORY_MESSAGE",
    "MIN_PROPHET_DAYS",
    "MIN_YEARLY_DAYS",
    "UNCERTAINTY_SAMPLES",
    "Backtest",
    "ForecastResult",
    "cache_key",
    "clear_cache",
    "describe_accuracy",
    "distribute",
    "forecast_daily",
    "forecast_many",
    "intraday_profile",
]
