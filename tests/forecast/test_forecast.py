"""Tests for svcops.forecast: real Prophet fits on seeded synthetic series, no mocks."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading

import holidays
import numpy as np
import pandas as pd
import pytest

from svcops.forecast import (
    Backtest,
    ForecastResult,
    cache_key,
    clear_cache,
    describe_accuracy,
    distribute,
    forecast_daily,
    forecast_many,
    intraday_profile,
)
from svcops.i18n import render

# Monday-first weekly shape of service demand: busy early week, quiet weekend.
WEEKLY = np.array([1.2, 1.1, 1.0, 1.0, 0.9, 0.4, 0.3])


def synthetic(
    days: int,
    *,
    seed: int = 0,
    start: str = "2023-01-02",
    level: float = 100.0,
    trend: float = 0.05,
    holiday_country: str | None = None,
    holiday_factor: float = 0.2,
) -> pd.DataFrame:
    """Poisson daily counts around ``(level + trend * t) * weekly shape``.

    With ``holiday_country``, that country's public holidays drop to
    ``holiday_factor`` of a normal day.
    """
    rng = np.random.default_rng(seed)
    ds = pd.date_range(start, periods=days, freq="D")
    mean = (level + trend * np.arange(days)) * WEEKLY[ds.day_of_week]
    if holiday_country:
        calendar = holidays.country_holidays(
            holiday_country, years=range(ds[0].year, ds[-1].year + 1)
        )
        mean = mean * np.where([d in calendar for d in ds.date], holiday_factor, 1.0)
    return pd.DataFrame({"ds": ds, "y": rng.poisson(np.clip(mean, 0, None)).astype(float)})


@pytest.fixture(scope="module")
def two_years() -> ForecastResult:
    return forecast_daily(synthetic(730, seed=0), 28)


# --------------------------------------------------------------------------- Prophet vs baseline


@pytest.mark.slow
def test_prophet_beats_seasonal_naive_in_backtest(two_years: ForecastResult) -> None:
    bt = two_years.backtest
    assert two_years.model == "prophet" and two_years.message is None
    assert (bt.folds, bt.horizon_days) == (4, 28)
    assert bt.mape < 0.85 * bt.baseline_mape
    assert bt.mae < 0.85 * bt.baseline_mae
    assert 0 < bt.mape < 0.2


@pytest.mark.slow
def test_forecast_follows_weekly_shape_and_trend(two_years: ForecastResult) -> None:
    forecast = two_years.forecast
    assert len(forecast) == 28
    assert forecast["ds"].iloc[0] == pd.Timestamp("2023-01-02") + pd.Timedelta(days=730)
    assert forecast["ds"].diff().dropna().eq(pd.Timedelta(days=1)).all()
    # Expected level at the end of history is ~136 a day; weekday means follow WEEKLY.
    by_weekday = forecast.groupby(forecast["ds"].dt.day_of_week)["yhat"].mean()
    expected = (100 + 0.05 * (730 + 14)) * WEEKLY
    np.testing.assert_allclose(by_weekday.to_numpy(), expected, rtol=0.12)
    assert (forecast["yhat_lower"] <= forecast["yhat"]).all()
    assert (forecast["yhat"] <= forecast["yhat_upper"]).all()
    assert (forecast["yhat_upper"] - forecast["yhat_lower"]).gt(0).all()


@pytest.mark.slow
def test_holidays_lower_the_forecast_on_a_known_holiday() -> None:
    # History to the end of November 2024 with US holidays at a fifth of a
    # normal day; 25 December 2024 (a Wednesday) lies in the horizon.
    history = synthetic(699, seed=3, start="2023-01-02", trend=0.03, holiday_country="US")
    assert history["ds"].iloc[-1] == pd.Timestamp("2024-11-30")
    with_holidays = forecast_daily(history, 35, country="US", backtest_folds=1)
    without = forecast_daily(history, 35, backtest_folds=1)
    christmas, week_before = pd.Timestamp("2024-12-25"), pd.Timestamp("2024-12-18")
    yhat = with_holidays.forecast.set_index("ds")["yhat"]
    plain = without.forecast.set_index("ds")["yhat"]
    assert yhat[christmas] < 0.6 * yhat[week_before]
    assert yhat[christmas] < 0.6 * plain[christmas]
    assert abs(plain[christmas] - plain[week_before]) < 0.15 * plain[week_before]
    assert with_holidays.backtest.mae < without.backtest.mae


def test_unknown_country_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown country code 'XX'"):
        forecast_daily(synthetic(70), 7, country="XX")


# --------------------------------------------------------------------------- fallback and input


def test_short_history_falls_back_to_seasonal_naive() -> None:
    # Rising by 1 a day: the repeat lags a week, the weekly profile's 4-week mean more.
    history = synthetic(30, seed=1).assign(y=lambda f: f["y"] + np.arange(30.0))
    result = forecast_daily(history, 14)
    assert result.model == "seasonal_naive"
    assert result.message.key == "resource.fallback.short_history"
    assert render(result.message) == (
        "Only 30 days of history; Prophet needs at least 56 days (8 weeks), "
        "so only the simple models were tried."
    )
    last_week = history["y"].to_numpy()[-7:]
    np.testing.assert_array_equal(result.forecast["yhat"], np.tile(last_week, 2))
    assert (result.forecast["yhat_lower"] <= result.forecast["yhat"]).all()
    assert (result.forecast["yhat_upper"] >= result.forecast["yhat"]).all()
    # The interval widens with each week ahead (sqrt of weeks).
    width = result.forecast["yhat_upper"] - result.forecast["yhat"]
    assert width.iloc[7] == pytest.approx(width.iloc[0] * np.sqrt(2))


def test_naive_backtest_folds_are_rolling_origins() -> None:
    # 50 days, 7-day horizon, 4 folds: origins at days 22, 29, 36 and 43.
    y = np.arange(50, dtype=float) + 1
    history = pd.DataFrame({"ds": pd.date_range("2024-01-01", periods=50), "y": y})
    bt = forecast_daily(history, 7).backtest
    assert (bt.folds, bt.horizon_days) == (4, 7)
    # The last week repeated misses a series rising by 1 a day by exactly 7.
    assert bt.baseline_mae == pytest.approx(7.0)
    expected_mape = np.mean([7 / y[t] for o in (22, 29, 36, 43) for t in range(o, o + 7)])
    assert bt.baseline_mape == pytest.approx(expected_mape)
    assert (bt.mape, bt.mae) == (bt.baseline_mape, bt.baseline_mae)


def test_backtest_skips_folds_that_do_not_fit() -> None:
    history = synthetic(20)
    bt = forecast_daily(history, 7, backtest_folds=4).backtest
    assert bt.folds == 1  # only the origin at day 13 leaves a week to train on
    # 14 days and a 14-day fold leave nothing to train on.
    empty = forecast_daily(synthetic(14), 14).backtest
    assert empty.folds == 0 and np.isnan(empty.mape) and np.isnan(empty.baseline_mae)


@pytest.mark.parametrize(
    "history",
    [
        pd.DataFrame({"ds": [], "y": []}),
        pd.DataFrame({"ds": pd.to_datetime([]), "y": pd.Series([], dtype=float)}),
    ],
)
def test_empty_history_is_an_error(history: pd.DataFrame) -> None:
    with pytest.raises(ValueError) as error:
        forecast_daily(history, 14)
    assert str(error.value) == "history is empty: no tickets in the selected range"


def test_missing_dates_count_as_zero_and_duplicates_add_up() -> None:
    history = pd.DataFrame(
        {
            "ds": ["2024-01-01", "2024-01-01 15:30", "2024-01-04", "2024-01-14"],
            "y": [3, 2, 7, 1],
        }
    )
    result = forecast_daily(history, 7)
    assert result.history["ds"].tolist() == list(pd.date_range("2024-01-01", "2024-01-14"))
    assert result.history["y"].tolist() == [5.0, 0.0, 0.0, 7.0] + [0.0] * 9 + [1.0]


@pytest.mark.parametrize(
    ("history", "message"),
    [
        (
            pd.DataFrame({"ds": ["2024-01-01", "soon"], "y": [1, 2]}),
            "1 row(s) whose 'ds' is not a date",
        ),
        (
            pd.DataFrame({"ds": ["2024-01-01", "2024-01-02"], "y": [1, "n/a"]}),
            "whose 'y' is not a number",
        ),
        (pd.DataFrame({"ds": ["2024-01-01", "2024-01-02"], "y": [1, -2]}), "negative 'y'"),
        (pd.DataFrame({"date": ["2024-01-01"], "y": [1]}), "must have columns 'ds' and 'y'"),
    ],
)
def test_bad_history_rows_are_reported(history: pd.DataFrame, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        forecast_daily(history, 7)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"horizon_days": 0}, "horizon_days must be a positive whole number"),
        ({"interval_width": 1.0}, "interval_width must be a number strictly between 0 and 1"),
        ({"backtest_folds": -1}, "backtest_folds must be a non-negative whole number"),
        ({"backtest_horizon": 0}, "backtest_horizon must be a positive whole number"),
        ({"growth": "logistic"}, "growth must be 'linear' or 'flat'"),
    ],
)
def test_invalid_parameters(kwargs: dict[str, object], message: str) -> None:
    args = {"horizon_days": 7, **kwargs}
    with pytest.raises(ValueError) as error:
        forecast_daily(synthetic(20), **args)  # type: ignore[arg-type]
    assert str(error.value) == message


def test_several_series_need_forecast_many() -> None:
    history = synthetic(20).assign(unique_id=["a", "b"] * 10)
    with pytest.raises(ValueError, match="use forecast_many"):
        forecast_daily(history, 7)


# --------------------------------------------------------------------------- output


@pytest.mark.parametrize("mode", ["multiplicative", "additive"])
def test_forecast_is_never_negative(mode: str) -> None:
    # Volume falling fast towards zero: a straight-line trend would go negative.
    history = synthetic(84, seed=5, level=60, trend=-0.7)
    result = forecast_daily(history, 42, backtest_folds=1, seasonality_mode=mode)  # type: ignore[arg-type]
    assert result.model == "prophet"
    values = result.forecast[["yhat", "yhat_lower", "yhat_upper"]]
    assert (values >= 0).all().all()
    assert values["yhat"].iloc[-7:].max() < 5
    if mode == "additive":
        assert (values["yhat"] == 0).any()


def test_to_dict_shape() -> None:
    result = forecast_daily(synthetic(70, seed=2), 10, backtest_folds=1)
    data = result.to_dict()
    assert set(data) == {"model", "forecast", "backtest"}
    assert data["model"] == result.model
    assert len(data["forecast"]) == 10
    first = data["forecast"][0]
    assert set(first) == {"date", "yhat", "yhat_lower", "yhat_upper"}
    assert first["date"] == "2023-03-13"
    assert dt.date.fromisoformat(first["date"])
    assert all(isinstance(first[k], float) for k in ("yhat", "yhat_lower", "yhat_upper"))
    scores = ("mae", "baseline_mae", "wape", "baseline_wape", "mape", "baseline_mape")
    assert set(data["backtest"]) == {*scores, "days", "first_day", "last_day"}
    assert all(isinstance(data["backtest"][k], float) for k in scores)
    assert 0 <= data["backtest"]["wape"] <= 1
    # One fold of 10 days: the last 10 days of the 70 from 2 January 2023.
    assert (data["backtest"]["days"], data["backtest"]["first_day"]) == (10, "2023-03-03")
    assert data["backtest"]["last_day"] == "2023-03-12"
    json.dumps(data, allow_nan=False)


def test_to_dict_without_backtest_uses_null() -> None:
    data = forecast_daily(synthetic(14), 14).to_dict()
    assert data["backtest"] == {
        "mae": None,
        "baseline_mae": None,
        "wape": None,
        "baseline_wape": None,
        "mape": None,
        "baseline_mape": None,
        "days": 0,
        "first_day": None,
        "last_day": None,
    }
    json.dumps(data, allow_nan=False)


# --------------------------------------------------------------------------- many series, cache


def test_forecast_many_equals_single_calls() -> None:
    frames = [
        synthetic(70, seed=10, level=80).assign(unique_id="email"),
        synthetic(77, seed=11, level=200, trend=0.2).assign(unique_id="phone"),
        synthetic(84, seed=12, level=30, trend=0).assign(unique_id="chat"),
    ]
    long = pd.concat(frames, ignore_index=True)
    clear_cache()
    many = forecast_many(long, 14, backtest_folds=1)
    assert list(many) == ["email", "phone", "chat"]
    assert all(forecast_many(long, 14, backtest_folds=1)[k] is many[k] for k in many)  # cached
    clear_cache()
    singles = {}
    for frame in frames:
        name = frame["unique_id"].iloc[0]
        single = singles[name] = forecast_daily(
            frame.drop(columns="unique_id"), 14, backtest_folds=1
        )
        got = many[name]
        assert got.model == single.model
        pd.testing.assert_frame_equal(got.forecast, single.forecast, rtol=1e-9)
        pd.testing.assert_frame_equal(got.history, single.history)
        assert got.backtest.folds == 1
        assert got.backtest == single.backtest
    # The single calls filled the cache under the same keys forecast_many
    # uses, so asking again fits nothing.
    again = forecast_many(long, 14, backtest_folds=1)
    assert all(again[name] is singles[name] for name in singles)


def test_forecast_many_from_a_worker_thread() -> None:
    # Streamlit runs scripts in a thread; the spawn pool must work from there.
    long = pd.concat(
        [synthetic(21, seed=s).assign(unique_id=f"team {s}") for s in range(3)], ignore_index=True
    )
    clear_cache()
    box: dict[str, object] = {}
    thread = threading.Thread(target=lambda: box.update(forecast_many(long, 7)))
    thread.start()
    thread.join(timeout=120)
    assert sorted(box) == ["team 0", "team 1", "team 2"]
    for s in range(3):
        got = box[f"team {s}"]
        assert isinstance(got, ForecastResult)
        single = forecast_daily(synthetic(21, seed=s), 7)
        assert got.model == single.model and got.backtest == single.backtest
        pd.testing.assert_frame_equal(got.forecast, single.forecast)


def test_forecast_many_single_series_runs_in_process() -> None:
    long = synthetic(20).assign(unique_id=7)
    result = forecast_many(long, 7)
    assert list(result) == ["7"] and result["7"].model == "seasonal_naive"


def test_forecast_many_rejects_unknown_options() -> None:
    long = synthetic(20).assign(unique_id="a")
    with pytest.raises(TypeError, match="horizon"):
        forecast_many(long, 7, horizon=3)


def test_cache_hit_returns_the_same_object() -> None:
    # How fast a hit is, is benchmarks/bench_forecast.py's to say.
    history = synthetic(70, seed=4)
    clear_cache()
    first = forecast_daily(history, 14, backtest_folds=2)
    second = forecast_daily(history.copy(), 14, backtest_folds=2)
    assert second is first
    assert forecast_daily(history, 14, backtest_folds=1) is not first


def test_cache_key_is_stable_and_sensitive() -> None:
    history = synthetic(30)
    key = cache_key(history, horizon_days=7, country="US")
    assert key == cache_key(history.copy(), country="US", horizon_days=7)
    assert key == cache_key(history.set_axis(range(100, 130)), horizon_days=7, country="US")
    assert key != cache_key(history, horizon_days=8, country="US")
    changed = history.copy()
    changed.loc[5, "y"] += 1
    assert key != cache_key(changed, horizon_days=7, country="US")
    assert len(key) == 64 and int(key, 16) >= 0


# --------------------------------------------------------------------------- accuracy sentence


def _scored(model: str, mae: float, base_mae: float) -> Backtest:
    """Two 28-day folds to 31 March 2024 with 1,000 tickets on 50 of the 56 days."""
    return Backtest(
        mape=0.06,
        baseline_mape=0.11,
        mae=mae,
        baseline_mae=base_mae,
        folds=2,
        horizon_days=28,
        wape=mae * 56 / 1000,
        baseline_wape=base_mae * 56 / 1000,
        first_day=dt.date(2024, 2, 5),
        last_day=dt.date(2024, 3, 31),
        ticket_days=50,
        model=model,
        scores={"seasonal_naive": None, "weekly_profile": None, "prophet": None},  # type: ignore[dict-item]
    )


def test_describe_accuracy_names_model_measure_and_days() -> None:
    message = describe_accuracy(_scored("prophet", 5.0, 9.0))
    assert message.key == "resource.accuracy.scored"
    assert render(message) == (
        "Model: Prophet, the best by MAE of the 3 tried in the backtest. On the 56 days scored "
        "(2024-02-05 to 2024-03-31) it missed by 5.0 tickets a day, 28% of the tickets (WAPE); "
        "the naive weekly repeat missed by 9.0 a day (50%). MAPE, on the 50 days with "
        "tickets: 6% against 11%."
    )


@pytest.mark.parametrize(
    ("backtest", "key"),
    [
        (_scored("combined", 5.0, 9.0), "resource.accuracy.scored"),
        (_scored("weekly_profile", 1234.5, 2345.6), "resource.accuracy.scored"),
        (_scored("seasonal_naive", 9.0, 9.0), "resource.accuracy.scored_naive"),
        (_scored("seasonal_naive", 9.0, 9.0), "resource.accuracy.brief_naive"),
        (
            Backtest(float("nan"), float("nan"), 0.5, 1.0, 1, 7, model="prophet"),
            "resource.accuracy.no_tickets",
        ),
        (Backtest(*[float("nan")] * 4, 0, 28), "resource.accuracy.unavailable"),
    ],
)
def test_describe_accuracy_keys_all_render(backtest: Backtest, key: str) -> None:
    got = describe_accuracy(backtest, brief=key.startswith("resource.accuracy.brief"))
    assert got.key == key
    sentence = render(got)
    assert sentence.endswith(".") and "{" not in sentence and "nan" not in sentence
    chinese = render(got, "zh")
    assert chinese.endswith("。") and "{" not in chinese and "nan" not in chinese


def test_large_errors_are_whole_tickets() -> None:
    sentence = render(describe_accuracy(_scored("weekly_profile", 1234.5, 2345.6)))
    assert "missed by 1,234 tickets a day" in sentence and "missed by 2,346 a day" in sentence


def test_accuracy_sentence_in_chinese() -> None:
    message = describe_accuracy(_scored("prophet", 5.0, 9.0))
    assert render(message, "zh") == (
        "模型：Prophet，在回测的 3 个模型中平均绝对误差（MAE）最小。在回测的 56 天"
        "（2024-02-05 至 2024-03-31）里，平均每天偏差 5.0 张，占工单量的 28%（WAPE）；"
        "按上周重复每天偏差 9.0 张（50%）。MAPE（仅计有工单的 50 天）：6%，按上周重复为 11%。"
    )


# --------------------------------------------------------------------------- intraday


def _arrivals(seed: int = 0) -> pd.Series:
    """Four weeks of ticket timestamps: weekdays peak mid-morning, weekends flat."""
    rng = np.random.default_rng(seed)
    stamps = []
    for day in pd.date_range("2024-03-04", periods=28):
        count = 400 if day.day_of_week < 5 else 60
        hours = rng.normal(10.5, 2.0, count) if day.day_of_week < 5 else rng.uniform(0, 24, count)
        stamps.append(day + pd.to_timedelta(np.clip(hours, 0, 23.99), unit="h"))
    return pd.Series(np.concatenate(stamps))


def test_intraday_profile_shares_sum_to_one_per_weekday() -> None:
    profile = intraday_profile(_arrivals(), interval_minutes=30)
    assert list(profile.columns) == ["weekday", "slot", "share"]
    assert len(profile) == 7 * 48
    assert profile["slot"].iloc[:3].tolist() == [dt.time(0, 0), dt.time(0, 30), dt.time(1, 0)]
    np.testing.assert_allclose(profile.groupby("weekday")["share"].sum(), 1.0)
    monday = profile[profile["weekday"] == 0].set_index("slot")["share"]
    assert monday.idxmax() in (dt.time(10, 0), dt.time(10, 30))


def test_intraday_profile_from_an_interval_frame_and_empty_weekday() -> None:
    # Only Mondays have data: other weekdays borrow the pooled shape.
    frame = pd.DataFrame(
        {
            "interval_start": pd.to_datetime(
                ["2024-03-04 09:00", "2024-03-04 10:00", "2024-03-11 10:00"]
            ),
            "offered": [10, 20, 10],
        }
    )
    profile = intraday_profile(frame, interval_minutes=60)
    assert len(profile) == 7 * 24
    monday = profile[profile["weekday"] == 0].set_index("slot")["share"]
    assert monday[dt.time(9)] == pytest.approx(0.25) and monday[dt.time(10)] == pytest.approx(0.75)
    sunday = profile[profile["weekday"] == 6].set_index("slot")["share"]
    assert sunday[dt.time(10)] == pytest.approx(0.75)


def test_intraday_profile_needs_arrivals() -> None:
    with pytest.raises(ValueError, match="no arrivals"):
        intraday_profile(pd.Series([], dtype="datetime64[ns]"))
    with pytest.raises(ValueError, match="divides a day"):
        intraday_profile(_arrivals(), interval_minutes=7)


def test_distribute_preserves_daily_totals() -> None:
    profile = intraday_profile(_arrivals(), interval_minutes=30)
    daily = pd.DataFrame(
        {"ds": pd.date_range("2024-04-01", periods=10), "yhat": np.linspace(50, 500, 10)}
    )
    intervals = distribute(daily, profile, interval_minutes=30)
    assert list(intervals.columns) == ["interval_start", "volume"]
    assert len(intervals) == 10 * 48
    assert intervals["interval_start"].is_monotonic_increasing
    assert intervals["interval_start"].iloc[1] - intervals["interval_start"].iloc[
        0
    ] == pd.Timedelta("30min")
    totals = intervals.groupby(intervals["interval_start"].dt.normalize())["volume"].sum()
    np.testing.assert_allclose(totals.to_numpy(), daily["yhat"].to_numpy())
    with pytest.raises(ValueError, match="15-minute grid"):
        distribute(daily, intraday_profile(_arrivals(), interval_minutes=10), interval_minutes=15)
