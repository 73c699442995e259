"""How good a forecast is: a rolling-origin backtest against the seasonal-naive baseline.

:func:`rolling_backtest` scores any ``predict(train, dates)`` on origins at the
end of the history; :func:`seasonal_naive` is the baseline (the last week
repeated); :func:`describe_accuracy` turns the scores into a message key and
parameters for one plain sentence (``resource.accuracy.*``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..i18n import Message


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


def seasonal_naive(y: np.ndarray, horizon: int) -> np.ndarray:
    """The last observed week repeated: day ``T+h`` gets ``y[T+h-7*ceil(h/7)]``.

    With under a week of history, weekdays never seen get the history's mean.
    """
    steps = np.arange(1, horizon + 1)
    source = len(y) - 1 + steps - 7 * np.ceil(steps / 7).astype(int)
    fallback = float(np.mean(y)) if len(y) else 0.0
    return np.where(source >= 0, y[np.clip(source, 0, None)], fallback).astype("float64")


def rolling_backtest(
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
        baseline.append(seasonal_naive(y[:origin], horizon))
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


def describe_accuracy(backtest: Backtest) -> Message:
    """One plain sentence on a backtest, as a message key (``resource.accuracy.*``) and parameters.

    Percentages are compared when MAPE exists; when every scored day was zero,
    mean absolute errors are used instead (``*_count`` keys). Parameters: ``days``
    scored, ``mape``, ``baseline_mape`` (fractions), ``mae``, ``baseline_mae``
    (tickets a day). Word it with :func:`svcops.i18n.render`.
    """
    if backtest.folds == 0:
        return Message("resource.accuracy.unavailable", {})
    params: dict[str, float | int] = {
        "days": backtest.days,
        "mape": backtest.mape,
        "baseline_mape": backtest.baseline_mape,
        "mae": backtest.mae,
        "baseline_mae": backtest.baseline_mae,
    }
    if backtest.mae == backtest.baseline_mae and backtest.mape == backtest.baseline_mape:
        kind = "not_better_count" if math.isnan(backtest.mape) else "naive"
    elif math.isnan(backtest.mape):
        kind = "better_count" if backtest.mae < backtest.baseline_mae else "not_better_count"
    else:
        kind = "better" if backtest.mape < backtest.baseline_mape else "not_better"
    return Message(f"resource.accuracy.{kind}", params)
