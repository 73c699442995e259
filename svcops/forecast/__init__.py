"""Demand forecasting: daily volumes ahead, how good the forecast is, and intraday shape.

Input contract (Prophet / Nixtla long format): a frame with ``ds`` (date),
``y`` (count of tickets or contacts that day) and, for several series,
``unique_id``. Missing dates count as 0; several rows on one date are summed.

- ``model``: :func:`forecast_daily` (the model that missed least in a backtest of
  Prophet with public holidays, the seasonal naive repeat, their mean and a weekly
  total spread by weekday), :func:`forecast_many` (several series across
  processes), :class:`ForecastResult`;
- ``backtest``: the rolling-origin :class:`Backtest` (MAE, WAPE, MAPE) of every
  candidate on the same days, and :func:`describe_accuracy`, its one-sentence
  summary as a message key;
- ``cache``: :func:`cache_key` and the in-process LRU (:func:`clear_cache`);
- ``intraday``: :func:`intraday_profile` and :func:`distribute` split daily
  volumes into intervals by the observed weekday x time-of-day shape;
- ``inputs``: the history's cleaning and checks.

Analyses speak in keys: fallback reasons, accuracy sentences and refused inputs
are :class:`svcops.i18n.Message` values keyed ``resource.*`` (strings in
``svcops/i18n/resource.py``); word them with :func:`svcops.i18n.render`.
"""

from __future__ import annotations

from .backtest import MODELS, Backtest, Score, describe_accuracy
from .cache import cache_key, clear_cache
from .inputs import EMPTY_HISTORY_MESSAGE, MIN_HISTORY_DAYS
from .intraday import distribute, intraday_profile
from .model import (
    CHANGEPOINT_RANGE,
    DEFAULT_BACKTEST_HORIZON,
    MIN_PROPHET_ACTIVE_DAYS,
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
    "MODELS",
    "MIN_HISTORY_DAYS",
    "MIN_PROPHET_ACTIVE_DAYS",
    "MIN_PROPHET_DAYS",
    "MIN_YEARLY_DAYS",
    "UNCERTAINTY_SAMPLES",
    "Backtest",
    "ForecastResult",
    "Score",
    "cache_key",
    "clear_cache",
    "describe_accuracy",
    "distribute",
    "forecast_daily",
    "forecast_many",
    "intraday_profile",
]
