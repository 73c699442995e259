"""Issue 15, the forecast: accuracy judged by MAE and WAPE on the days actually scored, the
model chosen per series by its backtest (never worse than the naive weekly repeat), the
arrivals history ending at the last ticket created, and too short a history refused.

Constructed series whose scores are worked out by hand here; real Prophet fits, few.
"""

from __future__ import annotations

from datetime import date, datetime
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from svcops import resource
from svcops.filters import Filters
from svcops.forecast import describe_accuracy, forecast_daily
from svcops.forecast.backtest import score, weekly_profile
from svcops.i18n import render
from svcops.i18n.errors import InputError
from svcops.ingest import import_paths

WEEKLY = np.array([1.2, 1.1, 1.0, 1.0, 0.9, 0.4, 0.3])


def _series(values, start: str = "2024-01-01") -> pd.DataFrame:
    values = np.asarray(values, dtype=float)
    return pd.DataFrame({"ds": pd.date_range(start, periods=len(values)), "y": values})


# --------------------------------------------------------------------------- the measures


def test_mae_wape_mape_by_hand() -> None:
    # Errors 1, 0, 3, 0 on actuals 0, 2, 4, 0: MAE 4/4; WAPE 4 / 6 tickets; MAPE only
    # over the two days with tickets, (0/2 + 3/4) / 2 -- the 1 forecast on a zero day
    # costs MAPE nothing.
    got = score(np.array([0.0, 2.0, 4.0, 0.0]), np.array([1.0, 2.0, 1.0, 0.0]))
    assert got.mae == pytest.approx(1.0)
    assert got.wape == pytest.approx(4 / 6)
    assert got.mape == pytest.approx(0.375)
    assert got.rmse == pytest.approx(np.sqrt(10 / 4))
    # No tickets at all: there is no share of tickets to miss.
    none = score(np.zeros(3), np.array([1.0, 0.0, 2.0]))
    assert none.mae == pytest.approx(1.0) and np.isnan(none.wape) and np.isnan(none.mape)


def _zero_day_history() -> pd.DataFrame:
    """Four weeks from Monday 1 January 2024: 5 tickets on Wednesday 17 January, 2 on
    Sunday 28 January, none on any other day."""
    y = np.zeros(28)
    y[16], y[27] = 5, 2
    return _series(y)


def test_backtest_scores_zero_days_and_says_which_days() -> None:
    # One fold of 7 days from day 21 (Monday 22 January) to the end.
    result = forecast_daily(_zero_day_history(), 7, backtest_folds=1)
    bt = result.backtest
    assert (bt.folds, bt.days, bt.first_day, bt.last_day) == (
        1,
        7,
        date(2024, 1, 22),
        date(2024, 1, 28),
    )
    assert bt.ticket_days == 1
    # Naive repeat: 5 on Wednesday 24 January (none came), 0 on Sunday 28 (2 came):
    # errors 5 + 2 over 7 days, 7 / 2 tickets -- yet MAPE sees only Sunday, 100%.
    naive = bt.scores["seasonal_naive"]
    assert (naive.mae, naive.wape, naive.mape) == pytest.approx((1.0, 3.5, 1.0))
    # Weekly profile: 5 tickets in the three whole weeks, 5/3 a week, all on Wednesdays:
    # errors 5/3 + 2, over 7 days and over 2 tickets; Sunday again 100% for MAPE.
    profile = bt.scores["weekly_profile"]
    assert (profile.mae, profile.wape, profile.mape) == pytest.approx(
        ((5 / 3 + 2) / 7, (5 / 3 + 2) / 2, 1.0)
    )
    assert set(bt.scores) == {"seasonal_naive", "weekly_profile"}  # too short for Prophet
    assert result.model == bt.model == "weekly_profile"
    assert (bt.mae, bt.wape, bt.baseline_mae, bt.baseline_wape) == pytest.approx(
        (profile.mae, profile.wape, 1.0, 3.5)
    )
    # The forecast is that profile on all four weeks: 7 tickets, 7/4 a week, 5/7 of
    # them on Wednesdays and 2/7 on Sundays.
    ahead = result.forecast.set_index("ds")["yhat"]
    wednesday, sunday = pd.Timestamp("2024-01-31"), pd.Timestamp("2024-02-04")
    assert ahead[wednesday] == pytest.approx(1.25) and ahead[sunday] == pytest.approx(0.5)
    assert ahead.drop([wednesday, sunday]).eq(0).all()
    # Its band is z x the RMSE of its own backtest errors.
    z = NormalDist().inv_cdf(0.9)
    rmse = np.sqrt(((5 / 3) ** 2 + 2**2) / 7)
    band = result.forecast["yhat_upper"] - result.forecast["yhat"]
    assert band.iloc[2] == pytest.approx(z * rmse)


def test_sentence_names_the_measure_the_model_and_the_days_scored() -> None:
    backtest = forecast_daily(_zero_day_history(), 7, backtest_folds=1).backtest
    message = describe_accuracy(backtest)
    assert message.key == "resource.accuracy.scored"
    assert render(message) == (
        "Model: weekly profile, the best by MAE of the 2 tried in the backtest. On the 7 days "
        "scored (2024-01-22 to 2024-01-28) it missed by 0.524 tickets a day, 183% of the "
        "tickets (WAPE); the naive weekly repeat missed by 1.0 a day (350%). MAPE, on the 1 "
        "days with tickets: 100% against 100%."
    )
    assert render(message, "zh").startswith(
        "模型：周量分摊，在回测的 2 个模型中平均绝对误差（MAE）最小。在回测的 7 天"
        "（2024-01-22 至 2024-01-28）里，平均每天偏差 0.524 张，占工单量的 183%（WAPE）"
    )
    # A presenter's screen gets the short form: model, measure and days, no MAPE.
    brief = describe_accuracy(backtest, brief=True)
    assert brief.key == "resource.accuracy.brief"
    assert render(brief) == (
        "weekly profile, missed by 0.524 tickets a day (183% of the tickets, WAPE) on the 7 "
        "days to 2024-01-28; the naive weekly repeat by 1.0 (350%)."
    )
    assert render(brief, "zh") == (
        "周量分摊：截至 2024-01-28 的 7 天回测中每天偏差 0.524 张（WAPE 183%）；"
        "按上周重复为 1.0 张（350%）。"
    )


def test_days_scored_are_the_folds_that_fit() -> None:
    # 50 days, 7-day folds, 10 asked: only origins leaving a week to train on are
    # scored (days 8 to 49, six folds), and the sentence gives exactly those days.
    history = _series(np.arange(50) + 1.0)
    bt = forecast_daily(history, 7, backtest_folds=10).backtest
    assert (bt.folds, bt.days) == (6, 42)
    assert (bt.first_day, bt.last_day) == (date(2024, 1, 9), date(2024, 2, 19))
    assert "On the 42 days scored (2024-01-09 to 2024-02-19)" in render(describe_accuracy(bt))


# --------------------------------------------------------------------------- the model chosen


def test_weekly_profile_is_the_weekly_mean_spread_by_weekday_shares() -> None:
    # 13 whole weeks; the last 4 hold 10, 20, 30, 40 tickets: 25 a week. Over 13 weeks
    # Mondays took 3/4 of the tickets and Fridays 1/4.
    y = np.zeros(91)
    for week, total in enumerate([4] * 9 + [10, 20, 30, 40]):
        y[7 * week] = total * 0.75
        y[7 * week + 4] = total * 0.25
    history = _series(y)  # starts on a Monday
    ahead = pd.date_range(history["ds"].iloc[-1] + pd.Timedelta(days=1), periods=7)
    got = weekly_profile(history, ahead)
    np.testing.assert_allclose(got, [25 * 0.75, 0, 0, 0, 25 * 0.25, 0, 0])


@pytest.fixture(scope="module")
def trend() -> pd.DataFrame:
    """24 weeks of 400 tickets a day rising by 4 a day, in the weekly shape."""
    rng = np.random.default_rng(0)
    ds = pd.date_range("2024-01-01", periods=168)
    mean = (400 + 4 * np.arange(168)) * WEEKLY[ds.day_of_week]
    return pd.DataFrame({"ds": ds, "y": rng.poisson(mean).astype(float)})


def test_prophet_is_chosen_where_trend_and_week_are_clear(trend) -> None:
    result = forecast_daily(trend, 28)
    bt = result.backtest
    assert set(bt.scores) == {"seasonal_naive", "weekly_profile", "prophet", "combined"}
    assert result.model == bt.model == "prophet" and result.message is None
    assert bt.mae == min(s.mae for s in bt.scores.values())
    # The naive repeat lags the trend by a week, about 4 x 7 = 28 tickets a day.
    assert bt.mae < 0.7 * bt.baseline_mae and bt.wape < 0.7 * bt.baseline_wape
    assert (bt.folds, bt.days) == (4, 112)  # origins from day 56, Prophet's minimum


def test_naive_repeat_is_chosen_on_a_sparse_series_it_forecasts_best() -> None:
    # Tickets on Monday to Wednesday only, the level changing every two weeks:
    # 2 6 1 5 3 4 2 6. Four 7-day folds score the last 28 days (days 84-111): the
    # repeat misses only the first week after each change, by 4 - 2 on three days
    # (origin 84) and 6 - 2 on three days (origin 98): 18 tickets over 28 days.
    ds = pd.date_range("2024-01-01", periods=112)
    levels = np.repeat([2, 6, 1, 5, 3, 4, 2, 6], 14)
    y = levels * np.array([1, 1, 1, 0, 0, 0, 0])[ds.day_of_week]
    result = forecast_daily(pd.DataFrame({"ds": ds, "y": y.astype(float)}), 7)
    bt = result.backtest
    assert "prophet" in bt.scores  # Prophet was tried, and lost
    assert result.model == bt.model == "seasonal_naive"
    assert bt.baseline_mae == pytest.approx(18 / 28) and bt.mae == bt.baseline_mae
    # WAPE: 18 over those days' tickets, two weeks of 3 x 2 and two of 3 x 6: 48.
    assert bt.baseline_wape == pytest.approx(18 / 48)
    assert all(s.mae > bt.mae for m, s in bt.scores.items() if m != "seasonal_naive")
    message = describe_accuracy(bt)
    assert message.key == "resource.accuracy.scored_naive"
    assert render(message).startswith("Model: naive weekly repeat, the best by MAE of the 4")
    np.testing.assert_array_equal(result.forecast["yhat"], y[-7:])


# --------------------------------------------------------------------------- the history used


def test_history_ends_at_the_last_ticket_created(ws, workbook) -> None:
    # Created 1 to 20 March, one a day; the last closed on 10 April: the closing
    # weeks hold no arrivals and must not be read as days without any.
    rows = [
        {
            "ticket_id": f"T{d}",
            "created_at": datetime(2024, 3, d, 9),
            "closed_at": datetime(2024, 4, 10, 9) if d == 20 else datetime(2024, 3, d, 17),
            "channel": "email",
        }
        for d in range(1, 21)
    ]
    import_paths(ws, [workbook({"tickets": rows})])
    history = resource.demand_history(ws, Filters())
    assert history["ds"].min() == pd.Timestamp("2024-03-01")
    assert history["ds"].max() == pd.Timestamp("2024-03-20")
    assert history["y"].tolist() == [1] * 20
    assert resource.arrivals_end(ws, Filters()) == date(2024, 3, 20)
    # An earlier end chosen by the user still wins.
    assert resource.demand_history(ws, Filters(end=date(2024, 3, 15)))["ds"].max() == (
        pd.Timestamp("2024-03-15")
    )
    result = resource.forecast_demand(ws, Filters(), resource.PlanSettings(horizon_days=7))
    assert result["all"].forecast["ds"].iloc[0] == pd.Timestamp("2024-03-21")


def test_a_few_hours_of_history_are_refused(ws, workbook) -> None:
    # 500 requests in three hours of one evening: no forecast "500 a day" from that.
    stamps = pd.date_range("2024-05-26 23:10", "2024-05-27 02:08", periods=500)
    rows = [{"ticket_id": f"R{i}", "created_at": s.to_pydatetime()} for i, s in enumerate(stamps)]
    import_paths(ws, [workbook({"tickets": rows})])
    with pytest.raises(InputError) as caught:
        resource.forecast_demand(ws, Filters(), resource.PlanSettings(horizon_days=7))
    assert caught.value.message.key == "resource.history.too_short"
    assert str(caught.value) == (
        "only 2 day(s) of arrivals (2024-05-26 to 2024-05-27); a forecast needs at least 14 "
        "days (two weeks)"
    )
    assert render(caught.value.message, "zh") == (
        "可用于预测的到达数据仅 2 天（2024-05-26 至 2024-05-27）；预测至少需要 14 天（两周）"
    )
    # Thirteen days are refused, fourteen are forecast.
    with pytest.raises(InputError, match="only 13 day"):
        forecast_daily(_series(np.ones(13)), 7)
    assert forecast_daily(_series(np.ones(14)), 7).model == "seasonal_naive"


def test_naive_range_follows_recent_weeks_not_a_level_long_gone() -> None:
    # Six weeks swinging between 300 and 0 a day, then fourteen weeks of 2 a day. The
    # repeat is exact on the recent weeks (every model else misses), and its likely
    # range comes from the last 13 weeks' week-on-week differences: all 0.
    y = np.concatenate([np.repeat([300.0, 0.0] * 3, 7), np.full(98, 2.0)])
    result = forecast_daily(_series(y), 14)
    assert result.model == "seasonal_naive" and result.backtest.mae == 0
    forecast = result.forecast
    assert (forecast["yhat"] == 2).all()
    assert (forecast["yhat_upper"] == 2).all() and (forecast["yhat_lower"] == 2).all()
