"""Edge cases of the weekday-adjusted chart and its automatic choice found in review:
a week that repeats exactly, a series with no spread, and weekday factors fitted to
the same few days (values worked out by hand below)."""

import numpy as np
import pandas as pd
import pytest

from svcops.quality import sla_chart, volume_chart, weekday_chart

# One week of created counts that has no simple ratios between its days.
WEEK = [393, 142, 160, 324, 325, 348, 434]


def _days(values, start="2024-01-01"):  # 2024-01-01 is a Monday
    return pd.DataFrame(
        {"date": pd.date_range(start, periods=len(values), freq="D"), "value": values}
    )


def test_a_week_repeated_exactly_has_no_out_of_control_day():
    # Each day is exactly its weekday's average: adjusted counts are all the level
    # (305.142857...), no spread, nothing out of control. Dividing by the factors
    # leaves rounding noise of ~1e-14 that must not read as infinitely many sigma.
    chart = weekday_chart(_days(WEEK * 7), "value")
    assert chart.sigma == 0.0
    assert chart.mr_bar == 0.0
    assert not chart.frame["out_of_control"].any()
    assert not chart.moving_range_chart()["beyond_ucl"].any()
    assert chart.frame["centre"].to_numpy() == pytest.approx(WEEK * 7, rel=1e-12)
    # The automatic choice takes it (the plain chart's sigma is all weekly cycle).
    auto = volume_chart(_days(WEEK * 7))
    assert auto.kind == "weekday"
    assert not auto.frame["out_of_control"].any()


def test_a_departure_from_an_exact_weekly_repeat_is_the_only_flag():
    # Baseline: five exact weeks (no spread). Week six repeats them except Wednesday
    # 2024-02-07, one ticket more: the only point away from its weekday's centre.
    values = WEEK * 6
    values[37] += 1
    frame = _days(values)
    chart = weekday_chart(frame, "value", baseline=("2024-01-01", "2024-02-04"))
    flagged = chart.frame.loc[chart.frame["out_of_control"], "date"]
    assert list(flagged) == [pd.Timestamp("2024-02-07")]
    assert chart.frame.loc[37, "rule_1"]


def test_a_series_with_no_spread_has_no_weekly_cycle():
    # 5 tickets every day: both sigmas are 0; 0 is not "20% less than" 0.
    chart = volume_chart(_days([5] * 28))
    assert chart.kind == "individuals"
    assert chart.reason.key == "quality.why.day_auto"
    assert not chart.frame["out_of_control"].any()


def test_factors_fitted_to_two_weeks_do_not_make_a_weekly_cycle():
    # Two weeks with no weekly cycle (the values run 100, 80, 120 round and round).
    x = [100, 80, 120, 100, 80, 120, 100, 120, 100, 80, 120, 100, 80, 100]
    # Plain chart: moving ranges ten of 20 and three of 40, MR̄ = 320/13, sigma =
    # MR̄/1.128 = 21.82 around a mean of 100.
    raw = 320 / 13 / 1.128
    # Weekday means Mon..Sun 110, 90, 100, 110, 90, 100, 100 (mean 100), so the factors
    # are 1.1, 0.9, 1, 1.1, 0.9, 1, 1; the residuals r = (x - 100 f) / sqrt(f) are
    # -10/sqrt(1.1) = -9.534626, -10/sqrt(0.9) = -10.540926, 20, -9.534626, -10.540926,
    # 20, 0, then 9.534626, 10.540926, -20, 9.534626, 10.540926, -20, 0. Moving ranges
    # 1.006300, 30.540926, 29.534626, 1.006300, 30.540926, 20, 9.534626, 1.006300,
    # 30.540926, 29.534626, 1.006300, 30.540926, 20 (234.792778): sigma 234.792778 / 13
    # / 1.128 = 16.0115, 27% below the plain 21.82, past the 20% cut as it stands.
    f = np.array([1.1, 0.9, 1.0, 1.1, 0.9, 1.0, 1.0] * 2)
    adjusted = 100 + (np.array(x) - 100 * f) / np.sqrt(f)
    assert adjusted.mean() == pytest.approx(100)
    adj = np.abs(np.diff(adjusted)).mean() / 1.128
    assert adj == pytest.approx(234.792778 / 13 / 1.128)
    assert adj == pytest.approx(16.0115, abs=1e-4)
    assert adj / raw <= 0.8
    # But factors fitted to two days each absorb half the variance of pure noise
    # (sqrt(1 - 1/2) of its sigma): undone, 16.01 / sqrt(1/2) = 22.64 is no cut at all.
    assert adj / np.sqrt(0.5) / raw > 0.8
    chart = volume_chart(_days(x))
    assert chart.kind == "individuals"
    assert chart.reason.key == "quality.why.day_auto"
    assert chart.reason.params["raw"] == pytest.approx(raw)
    assert chart.reason.params["adjusted"] == pytest.approx(adj)


def test_a_strong_weekly_cycle_on_two_weeks_is_still_adjusted():
    # Weekends at a tenth of the weekdays: the adjustment cuts sigma far more than the
    # fitting alone could (the same two-week length as above).
    x = [100, 104, 98, 101, 97, 10, 9, 102, 99, 100, 103, 96, 11, 10]
    assert volume_chart(_days(x)).kind == "weekday"


def _breaches(defects, n, start="2024-01-03"):  # a Wednesday
    return pd.DataFrame(
        {"date": pd.date_range(start, periods=len(n), freq="D"), "defects": defects, "n": n}
    )


@pytest.mark.parametrize("asked", ["laney", "p", "auto"])
def test_a_single_day_gets_the_p_chart_whatever_was_asked(asked):
    # One day, 2 breaches of 5: no pair of points, no σz to measure or widen by, so
    # the binomial limits 0.4 ± 3·√(0.4·0.6/5) = 0.4 ± 0.657, clipped to [0, 1].
    chart = sla_chart(_breaches([2], [5]), chart=asked)
    assert chart.kind == "p"
    assert chart.reason.key == "quality.why.p_short"
    assert chart.frame["ucl"].tolist() == [1.0]
    assert chart.frame["lcl"].tolist() == [0.0]


def test_a_weekly_laney_chart_of_partial_weeks_only_says_why_it_has_no_limits():
    # Wednesday to Saturday: no complete week, so no point, no σz.
    chart = sla_chart(_breaches([1, 2, 0, 1], [5, 6, 4, 5]), chart="laney", grain="week")
    assert chart.kind == "p"
    assert chart.reason.key == "quality.why.p_short"
    assert chart.note.key == "quality.note.no_items"
    assert chart.frame.empty and len(chart.excluded) == 1


@pytest.mark.parametrize("asked", ["weekday", "day", "auto"])
def test_four_days_cannot_be_adjusted_for_their_weekday(asked):
    # Wednesday to Saturday: one of four weekdays, none of the others: no factors. The
    # plain XmR chart: mean 10, moving ranges 2, 4, 2 -> MR̄ 8/3, sigma 2.364.
    chart = volume_chart(_days([10, 12, 8, 10], start="2024-01-03"), chart=asked)
    assert chart.kind == "individuals"
    assert chart.reason.key == "quality.why.day_short"
    assert chart.sigma == pytest.approx(8 / 3 / 1.128)
    assert chart.ucl == pytest.approx(10 + 3 * 8 / 3 / 1.128)


def test_a_weekly_chart_words_its_baseline_as_the_dates_asked_for():
    # 2024-01-03 (Wed) to 2024-01-28 (Sun): whole weeks from 01-08, 01-15, 01-22; the
    # baseline 01-03..01-21 holds the weeks of 01-08 and 01-15 wholly.
    frame = _breaches([1] * 26, [5] * 26)
    chart = sla_chart(frame, grain="week", baseline=("2024-01-03", "2024-01-21"))
    assert chart.frame["baseline"].tolist() == [True, True, False]
    assert chart.baseline.key == "quality.baseline.range"
    assert dict(chart.baseline.params) == {
        "start": pd.Timestamp("2024-01-03").date(),
        "end": pd.Timestamp("2024-01-21").date(),
        "n": 2,
    }
    volume = volume_chart(
        _days([3] * 26, start="2024-01-03"), chart="week", baseline=("2024-01-03", "2024-01-21")
    )
    assert volume.baseline == chart.baseline


def test_pure_poisson_noise_on_quiet_weekends_is_rarely_flagged():
    # 80 series of 12 weeks of Poisson counts, no cause at all: weekday mean 100,
    # Saturday 20, Sunday 10. A count's spread grows with the square root of its mean
    # (a Sunday's sigma is sqrt(10) = 3.2 against a weekday's 10), so a day's limits are
    # x̄ f ± 3 sigma sqrt(f); with sigma x f they were 10 ± 3 x 10 / 10 = 10 ± 3 on a
    # Sunday, and rule 1 fired on ~15% of Sundays (~5% of Saturdays) instead of the
    # nominal 0.27%. Exact Poisson tails beyond the ideal limits (10 ± 9.49, 20 ± 13.4,
    # 100 ± 30): P(X >= 20 | 10) = 0.35%, P(X >= 34 | 20) = 0.25%, P(X >= 131 | 100)
    # + P(X <= 69 | 100) = 0.23%; fitted factors and sigma add a little noise. This seed
    # gives 2 of 960 Sundays (0.21%), 6 of 960 Saturdays, 4 of 4,800 weekdays and 12 of
    # 6,720 days in all (0.18%); sigma x f gave 144 Sundays (15%), 37 Saturdays, no
    # weekday (its weekday limits too wide) and 181 days (2.7%).
    rng = np.random.default_rng(20261202)
    dates = pd.date_range("2024-01-01", periods=84, freq="D")  # a Monday, 12 weeks
    weekday = dates.day_of_week.to_numpy()
    mean = np.array([100, 100, 100, 100, 100, 20, 10])[weekday]
    flags = np.zeros((80, 84), dtype=bool)
    for i in range(80):
        chart = weekday_chart(pd.DataFrame({"date": dates, "value": rng.poisson(mean)}), "value")
        flags[i] = chart.frame["rule_1"].to_numpy()
    sunday = flags[:, weekday == 6].mean()
    saturday = flags[:, weekday == 5].mean()
    assert sunday < 0.01
    assert saturday < 0.01
    assert flags[:, weekday < 5].any()  # weekday limits not too wide either
    assert 0.001 < flags.mean() < 0.006
