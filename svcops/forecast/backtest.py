"""How good a forecast is: a rolling-origin backtest of every candidate model on the same days.

:func:`run_folds` scores any number of ``predict(train, dates)`` functions on the
same origins at the end of the history; :func:`score` measures one model's
errors (MAE, WAPE, MAPE); :func:`choose` picks the candidate that missed least;
:func:`seasonal_naive` (the last week repeated) is the baseline and
:func:`weekly_profile` the low-volume model; :func:`describe_accuracy` turns the
chosen model's scores into a message key and parameters for one plain sentence
(``resource.accuracy.*``).

The measures, over the days scored (every day of every fold, zero days included):

- **MAE**: mean of ``|actual - forecast|``, in tickets a day;
- **WAPE**: the sum of ``|actual - forecast|`` over the sum of ``actual``: the share
  of the tickets the forecast got wrong. Days without tickets count in full, so
  forecasting tickets on them costs what it should;
- **MAPE**: the mean of ``|actual - forecast| / actual`` over the days *with*
  tickets only (a zero day has no percentage error). Shown beside, never used to
  judge: it leaves zero days out, so over-forecasting them is free.

On the same days MAE and WAPE rank models alike (WAPE is MAE times days over
tickets); the choice uses MAE.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from ..i18n import Message

#: The candidate models, simplest first: on a tie the simpler one is chosen.
MODELS = ("seasonal_naive", "weekly_profile", "combined", "prophet")
#: The baseline every figure is compared with.
BASELINE = "seasonal_naive"
#: Weeks whose mean total is the weekly level of :func:`weekly_profile`.
PROFILE_LEVEL_WEEKS = 4
#: Weeks whose weekday shares spread that total over the days.
PROFILE_SHAPE_WEEKS = 13

Predictor = Callable[[pd.DataFrame, pd.DatetimeIndex], np.ndarray]


@dataclass(frozen=True)
class Score:
    """One model's errors over the days scored: ``mae`` (tickets a day), ``wape`` and
    ``mape`` (fractions, 0.06 = 6%; NaN when no scored day had tickets) and ``rmse``
    (tickets a day, for the interval of models without their own)."""

    mae: float
    wape: float
    mape: float
    rmse: float


@dataclass(frozen=True)
class Backtest:
    """Rolling-origin backtest scores of the chosen model and of the baseline, pooled
    over all folds.

    ``mape`` / ``baseline_mape``: mean absolute percentage error as a fraction of the
    model and of the seasonal-naive baseline, over the scored days whose actual is
    above 0 (``ticket_days`` of them). ``mae`` / ``baseline_mae``: mean absolute error
    in tickets per day over every scored day. ``wape`` / ``baseline_wape``: the sum
    of absolute errors over the sum of actuals (every scored day). ``folds``: origins
    actually scored (0 when history was too short: then every score is NaN).
    ``horizon_days``: days scored after each origin. ``first_day`` / ``last_day``:
    the first and last day scored (the scored days are every day between).
    ``model``: the model scored (see :data:`MODELS`). ``scores``: every candidate's
    :class:`Score` on the same days, by model name.
    """

    mape: float
    baseline_mape: float
    mae: float
    baseline_mae: float
    folds: int
    horizon_days: int
    wape: float = math.nan
    baseline_wape: float = math.nan
    first_day: date | None = None
    last_day: date | None = None
    ticket_days: int = 0
    model: str = BASELINE
    scores: Mapping[str, Score] = field(default_factory=dict, compare=False)

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


def weekly_profile(train: pd.DataFrame, dates: pd.DatetimeIndex) -> np.ndarray:
    """A weekly total spread over the days by the weekday shape, for low-volume series.

    The weekly total is the mean of the last :data:`PROFILE_LEVEL_WEEKS` (4) whole
    weeks of ``train`` (``ds``, ``y``); each weekday's share of it is that weekday's
    share of the tickets in the last :data:`PROFILE_SHAPE_WEEKS` (13) whole weeks
    (a seventh each when those weeks hold no tickets). With under a week of
    history, the mean day is repeated.
    """
    y = train["y"].to_numpy(dtype="float64")
    weeks = len(y) // 7
    if weeks == 0:
        return np.full(len(dates), float(np.mean(y)) if len(y) else 0.0)
    level = y[-7 * min(weeks, PROFILE_LEVEL_WEEKS) :].sum() / min(weeks, PROFILE_LEVEL_WEEKS)
    shape_days = 7 * min(weeks, PROFILE_SHAPE_WEEKS)
    recent = y[-shape_days:]
    weekday = pd.DatetimeIndex(train["ds"].iloc[-shape_days:]).day_of_week.to_numpy()
    per_weekday = np.bincount(weekday, weights=recent, minlength=7)
    shares = per_weekday / per_weekday.sum() if per_weekday.sum() > 0 else np.full(7, 1 / 7)
    return level * shares[dates.day_of_week.to_numpy()]


@dataclass(frozen=True)
class Folds:
    """What :func:`run_folds` scored: the actual counts of every scored day in order,
    each model's forecasts of them, and which days they were."""

    actual: np.ndarray
    predicted: dict[str, np.ndarray]
    folds: int
    horizon: int
    first_day: date | None
    last_day: date | None


def run_folds(
    history: pd.DataFrame,
    *,
    folds: int,
    horizon: int,
    min_train: int,
    predictors: Mapping[str, Predictor],
) -> Folds:
    """Forecast ``folds`` rolling origins with every predictor in ``predictors``.

    Origins sit ``horizon`` days apart at the end of history; fold ``i`` trains on
    everything before its origin and forecasts the ``horizon`` days from it.
    Folds whose training part is shorter than ``min_train`` days (or than one
    week, which the baseline needs) are skipped: the days scored are always the
    last ``folds * horizon`` days of the history. Forecasts are clipped at 0.
    """
    y = history["y"].to_numpy(dtype="float64")
    n = len(y)
    actual: list[np.ndarray] = []
    predicted: dict[str, list[np.ndarray]] = {name: [] for name in predictors}
    first: pd.Timestamp | None = None
    used = 0
    for i in range(folds, 0, -1):
        origin = n - i * horizon
        if origin < max(min_train, 7):
            continue
        train = history.iloc[:origin]
        dates = pd.DatetimeIndex(history["ds"].iloc[origin : origin + horizon])
        first = dates[0] if first is None else first
        actual.append(y[origin : origin + horizon])
        for name, predict in predictors.items():
            predicted[name].append(np.clip(predict(train, dates), 0.0, None))
        used += 1
    if not used:
        return Folds(
            np.array([]), {name: np.array([]) for name in predictors}, 0, horizon, None, None
        )
    return Folds(
        np.concatenate(actual),
        {name: np.concatenate(parts) for name, parts in predicted.items()},
        used,
        horizon,
        None if first is None else first.date(),
        history["ds"].iloc[-1].date(),
    )


def score(actual: np.ndarray, predicted: np.ndarray) -> Score:
    """MAE, WAPE, MAPE and RMSE of ``predicted`` against ``actual`` (NaN without days)."""
    if not len(actual):
        nan = math.nan
        return Score(nan, nan, nan, nan)
    error = np.abs(actual - predicted)
    total = float(actual.sum())
    return Score(
        mae=float(error.mean()),
        wape=float(error.sum() / total) if total > 0 else math.nan,
        mape=_mape(actual, predicted),
        rmse=float(np.sqrt(np.mean(error**2))),
    )


def _mape(actual: np.ndarray, predicted: np.ndarray) -> float:
    """Mean |error| / actual over days with actual > 0, as a fraction; NaN if none."""
    scored = actual > 0
    if not scored.any():
        return float("nan")
    return float(np.mean(np.abs(actual[scored] - predicted[scored]) / actual[scored]))


def choose(scores: Mapping[str, Score]) -> str:
    """The model with the lowest MAE; on a tie the simplest (order of :data:`MODELS`)."""
    ranked = [m for m in MODELS if m in scores and not math.isnan(scores[m].mae)]
    if not ranked:
        return BASELINE
    return min(ranked, key=lambda m: (scores[m].mae, MODELS.index(m)))


def summarise(folds: Folds, model: str) -> Backtest:
    """The :class:`Backtest` of ``model`` against the baseline on ``folds``."""
    scores = {name: score(folds.actual, p) for name, p in folds.predicted.items()}
    nan = math.nan
    own = scores.get(model, Score(nan, nan, nan, nan))
    base = scores.get(BASELINE, Score(nan, nan, nan, nan))
    return Backtest(
        mape=own.mape,
        baseline_mape=base.mape,
        mae=own.mae,
        baseline_mae=base.mae,
        folds=folds.folds,
        horizon_days=folds.horizon,
        wape=own.wape,
        baseline_wape=base.wape,
        first_day=folds.first_day,
        last_day=folds.last_day,
        ticket_days=int((folds.actual > 0).sum()),
        model=model,
        scores=scores,
    )


def significant(value: float) -> float | int:
    """``value`` to three significant figures, or a whole number from 100 up."""
    if math.isnan(value) or value == 0:
        return value
    if abs(value) >= 100:
        return round(value)
    return round(value, 2 - math.floor(math.log10(abs(value))))


def describe_accuracy(backtest: Backtest, *, brief: bool = False) -> Message:
    """One plain sentence on a backtest, as a message key (``resource.accuracy.*``) and
    parameters: the model used and how many were tried (``count``), the days scored
    (how many, first and last), its MAE and WAPE and the naive weekly repeat's, and
    MAPE beside them. MAEs are rounded to three significant figures (whole
    tickets from 100 up), so two close errors do not print alike.

    Keys: ``scored`` (a model compared with the weekly repeat), ``scored_naive`` (the
    weekly repeat itself was chosen), ``no_tickets`` (no scored day had tickets: no
    WAPE or MAPE), ``unavailable`` (nothing scored). ``brief``: the short form for a
    presenter's screen (``brief``, ``brief_naive``: model, days scored, MAE and WAPE;
    no MAPE). Word it with :func:`svcops.i18n.render`.
    """
    if backtest.folds == 0:
        return Message("resource.accuracy.unavailable", {})
    params: dict[str, object] = {
        "model": Message(f"resource.forecast_model.{backtest.model}", {}),
        "count": len(backtest.scores),
        "days": backtest.days,
        "first": backtest.first_day,
        "last": backtest.last_day,
        "ticket_days": backtest.ticket_days,
        "mae": significant(backtest.mae),
        "baseline_mae": significant(backtest.baseline_mae),
        "wape": backtest.wape,
        "baseline_wape": backtest.baseline_wape,
        "mape": backtest.mape,
        "baseline_mape": backtest.baseline_mape,
    }
    if math.isnan(backtest.wape):
        kind = "no_tickets"
    elif backtest.model == BASELINE:
        kind = "brief_naive" if brief else "scored_naive"
    else:
        kind = "brief" if brief else "scored"
    return Message(f"resource.accuracy.{kind}", params)
