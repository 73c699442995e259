"""Control charts that fit service data (issue #15): Laney's p′ chart, the automatic p / p′
choice, the weekday-adjusted and weekly volume charts, worked by hand."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest

from svcops import quality as q
from svcops.filters import Filters
from svcops.i18n import render
from svcops.sample import SPIKE_DATES

RULES = [f"rule_{r}" for r in range(1, 5)]


def _counts(defects, n, start="2024-03-01"):
    return pd.DataFrame(
        {"date": pd.date_range(start, periods=len(n), freq="D"), "defects": defects, "n": n}
    )


# --------------------------------------------------------------------------- Laney p′

# Five days, p̄ = 200 / 1000 = 0.2, so sigma_i = sqrt(0.16 / n_i):
#   n = 100 -> 0.04, n = 400 -> 0.02, n = 200 -> sqrt(0.0008) = 0.0282843
#   p = 0.10, 0.25, 0.30, 0.15, 0.15
#   z = -0.1/0.04 = -2.5, 0.05/0.02 = 2.5, 0.1/0.04 = 2.5, -0.05/0.0282843 = -1.767767 (x2)
#   moving ranges of z: 5, 0, 4.267767, 0 -> mean 2.316942 -> sigma_z = 2.316942 / 1.128
SMALL = _counts([10, 100, 30, 30, 30], [100, 400, 100, 200, 200])
SIGMA_Z = (5 + 0 + (2.5 + 0.05 / math.sqrt(0.0008)) + 0) / 4 / 1.128  # 2.054026


def test_laney_p_prime_limits_worked_by_hand():
    """Laney (2002), "Improved control charts for attributes", Quality Engineering 14(4)
    531-537, in the form Minitab documents ("Methods and formulas for Laney P′ Chart"):
    z_i = (p_i - p̄) / sigma_pi, sigma_z = MR̄(z) / 1.128, limits p̄ ± 3 sigma_pi sigma_z
    clipped to [0, 1]. No published example with its data and limits was reachable
    here, so the figures are worked by hand from those formulas (see above)."""
    assert SIGMA_Z == pytest.approx(2.054026, abs=1e-6)
    chart = q.p_chart(SMALL, "defects", "n", laney=True)
    assert chart.kind == "laney_p"
    assert chart.centre == pytest.approx(0.2)
    assert chart.sigma_z == pytest.approx(SIGMA_Z)
    f = chart.frame
    # n = 100: 0.2 ± 3 x 0.04 x 2.054026 = 0.2 ± 0.246483 -> [0 (clipped), 0.446483]
    # n = 400: 0.2 ± 3 x 0.02 x 2.054026 = 0.2 ± 0.123242 -> [0.076758, 0.323242]
    # n = 200: 0.2 ± 3 x 0.0282843 x 2.054026 = 0.2 ± 0.174289 -> [0.025711, 0.374289]
    assert f["ucl"].tolist() == pytest.approx(
        [0.446483, 0.323242, 0.446483, 0.374289, 0.374289], abs=1e-6
    )
    assert f["lcl"].tolist() == pytest.approx([0.0, 0.076758, 0.0, 0.025711, 0.025711], abs=1e-6)
    assert f["sigma"].tolist() == pytest.approx(
        [0.04 * SIGMA_Z, 0.02 * SIGMA_Z, 0.04 * SIGMA_Z, math.sqrt(0.0008) * SIGMA_Z]
        + [math.sqrt(0.0008) * SIGMA_Z]
    )
    # The p-chart's 2-of-3-beyond-2-sigma (z 2.5, 2.5 on days 2 and 3) is ordinary on p′:
    # z / sigma_z = 1.217 there.
    plain = q.p_chart(SMALL, "defects", "n")
    assert plain.kind == "p" and plain.sigma_z == pytest.approx(SIGMA_Z)
    assert plain.frame["rule_2"].tolist() == [False, False, True, False, False]
    assert plain.frame["ucl"].tolist() == pytest.approx([0.32, 0.26, 0.32, 0.284853, 0.284853])
    assert not f[RULES].any().any()


def test_laney_sigma_z_uses_baseline_pairs_only():
    # Baseline days 1-3: moving ranges 5 and 0 -> sigma_z = 2.5 / 1.128 (p̄ from those 3
    # days = 140 / 600 changes z too, so compute from the function's own z definition).
    z = np.array([-2.5, 2.5, 2.5, -1.0, 7.0])
    assert q.laney_sigma_z(z, [True, True, True, False, False]) == pytest.approx(2.5 / 1.128)
    assert q.laney_sigma_z(z) == pytest.approx((5 + 0 + 3.5 + 8) / 4 / 1.128)
    assert q.laney_sigma_z([1.0]) is None
    assert q.laney_sigma_z([1.0, 2.0], [True, False]) is None
    assert q.laney_sigma_z([np.inf, 1.0, 2.0]) == pytest.approx(1 / 1.128)


# --------------------------------------------------------------------------- p or p′


def test_overdispersion_bound_values():
    # 1 + 2.326 x 0.9094 / sqrt(k - 1): k = 10 -> 1 + 2.1152644 / 3 = 1.705088
    assert q.overdispersion_bound(10) == pytest.approx(1.705088, abs=1e-6)
    assert q.overdispersion_bound(5) == pytest.approx(1 + 2.1152644 / 2)
    # The 10% floor takes over from k = 449 (2.1152644 / sqrt(448) = 0.09994 < 0.1).
    assert q.overdispersion_bound(448) == pytest.approx(1 + 2.1152644 / math.sqrt(447))
    assert q.overdispersion_bound(448) > 1.1
    assert q.overdispersion_bound(449) == 1.1 == q.OVERDISPERSION_FLOOR
    assert q.overdispersion_bound(1) == math.inf


def _alternating(a: int, days: int = 10) -> pd.DataFrame:
    """n = 1000 a day, defects 200 + a, 200 - a, ...: p̄ = 0.2, sigma = sqrt(0.16/1000) =
    0.0126491, z = ±a / 12.6491, every moving range 2a / 12.6491, so
    sigma_z = 2a / (12.6491 x 1.128) = a / 7.134100."""
    return _counts([200 + a * (-1) ** i for i in range(days)], [1000] * days)


@pytest.mark.parametrize(
    ("a", "kind", "sigma_z"),
    [
        (12, "p", 12 / 7.134100),  # 1.682062 <= 1.705088: binomial noise on 10 points
        (13, "laney_p", 13 / 7.134100),  # 1.822234 > 1.705088: overdispersed
        (2, "p", 2 / 7.134100),  # under-dispersion keeps the p-chart
    ],
)
def test_auto_choice_at_its_boundary(a, kind, sigma_z):
    chart = q.sla_chart(_alternating(a))
    assert chart.sigma_z == pytest.approx(sigma_z, rel=1e-5)
    assert chart.kind == kind
    assert chart.reason.key == f"quality.why.{'laney' if kind == 'laney_p' else 'p'}_auto"
    assert chart.reason.params["bound"] == pytest.approx(1.705088, abs=1e-6)
    assert chart.reason.params["n"] == 10
    # The user's choice wins either way, and says so.
    forced = q.sla_chart(_alternating(a), chart="p" if kind == "laney_p" else "laney")
    assert forced.kind != kind and forced.reason.key.endswith("_user")


def test_auto_choice_wording_in_both_languages():
    chart = q.sla_chart(_alternating(13))
    en, zh = render(chart.reason), render(chart.reason, "zh")
    assert en.startswith("Laney p′ chart: the variation between consecutive points is 1.82×")
    assert "above 1.71 on 10 points" in en
    assert "1.82" in zh and "1.71" in zh and "p′" in zh
    assert render(q.sla_chart(_alternating(12)).reason).startswith("p-chart:")


def test_weekly_sla_chart_sums_whole_weeks_and_leaves_partial_ones_out():
    # 2024-03-01 is a Friday: Fri-Sun partial, then 2 whole weeks, then Mon-Tue partial.
    days = 3 + 14 + 2
    frame = _counts([1] * days, [10] * days)
    frame.loc[3:9, "defects"] = 3  # week of Mon 4 March: 21 of 70
    chart = q.sla_chart(frame, grain="week", chart="p")
    assert chart.grain == "week"
    assert chart.frame["date"].dt.date.tolist() == [date(2024, 3, 4), date(2024, 3, 11)]
    assert chart.frame["defects"].tolist() == [21, 7]
    assert chart.frame["n"].tolist() == [70, 70]
    assert chart.centre == pytest.approx(28 / 140)
    assert chart.excluded["reason"].tolist() == [
        "partial week: 3 of 7 days",
        "partial week: 2 of 7 days",
    ]
    # A baseline range takes the weeks lying wholly inside it.
    base = q.sla_chart(frame, grain="week", baseline=(date(2024, 3, 1), date(2024, 3, 12)))
    assert base.frame["baseline"].tolist() == [True, False]
    assert base.centre == pytest.approx(21 / 70)
    with pytest.raises(ValueError, match="grain"):
        q.sla_chart(frame, grain="month")


# --------------------------------------------------------------------------- volume

# A service week: Monday to Sunday means 130, 140, 120, 115, 105, 10, 10 (mean 90), with
# deviations d = 4, -7, 6, -4.6, 7, -1, 1 added in weeks 1 and 3 and taken off in weeks
# 2 and 4, so the weekday means are exactly m and the factors m / 90.
M = np.array([130, 140, 120, 115, 105, 10, 10.0])
DEV = np.array([4, -7, 6, -4.6, 7, -1, 1])


def _weekly_cycle(weeks: int = 4) -> pd.DataFrame:
    values = np.concatenate([M + DEV * (-1) ** w for w in range(weeks)])
    return pd.DataFrame(
        {"date": pd.date_range("2024-03-04", periods=len(values), freq="D"), "value": values}
    )


def test_weekday_adjusted_chart_worked_by_hand_has_no_false_flags():
    frame = _weekly_cycle()
    # The plain XmR chart: moving ranges within weeks 1 and 3: 1, 7, 15.6, 1.6, 103, 2
    # (130.2); within weeks 2 and 4: 21, 33, 5.6, 21.6, 87, 2 (170.2); Sunday to Monday
    # 115, 125, 115. MR̄ = 955.8 / 27 = 35.4, sigma 31.382979, LCL 90 - 94.148936 < 0,
    # and 2-of-3 beyond 2 sigma fires on the weekdays: the weekly cycle, not a cause.
    plain = q.individuals_chart(frame, "value")
    assert plain.mr_bar == pytest.approx(35.4)
    assert plain.lcl == pytest.approx(90 - 3 * 35.4 / 1.128)
    assert plain.lcl < 0
    assert plain.frame["rule_2"].sum() == 4
    # Weekday-adjusted: level x̄ = 90, factor f = m / 90, a day's residual is its
    # deviation scaled to an average day, r = d / sqrt(f) = d sqrt(90 / m) (a count's
    # noise grows with the square root of its mean): Monday 4 sqrt(90/130) = 3.328201,
    # Tuesday -7 sqrt(90/140) = -5.612486, Wednesday 6 sqrt(0.75) = 5.196152, Thursday
    # -4.6 sqrt(90/115) = -4.069398, Friday 7 sqrt(90/105) = 6.480741, Saturday -1 x 3,
    # Sunday 1 x 3; adjusted = 90 + r.
    chart = q.weekday_chart(frame, "value")
    assert chart.kind == "weekday"
    assert chart.frame["adjusted"].tolist()[:7] == pytest.approx(
        [93.328201, 84.387514, 95.196152, 85.930602, 96.480741, 87.0, 93.0], abs=1e-6
    )
    # Moving ranges within a week 8.940687, 10.808639, 9.265550, 10.550139, 9.480741, 6
    # (55.045755), Sunday to Monday |3 + 3.328201| = 6.328201 (the signs flip each week):
    mr_bar = (4 * 55.045755 + 3 * 6.328201) / 27  # 8.858060
    sigma = mr_bar / 1.128  # 7.852890, the sigma of an average (f = 1) day
    assert chart.centre == pytest.approx(90)
    assert chart.mr_bar == pytest.approx(mr_bar)
    assert chart.sigma == pytest.approx(sigma)
    f = chart.frame
    # Drawn in tickets: a Saturday expects 90 x 10/90 = 10, sigma 7.852890 x sqrt(1/9)
    # = 2.617630, limits 10 ± 3 x 2.617630 = 10 ± 7.852890 (a quiet day's noise is
    # relatively larger; scaling sigma by f drew 10 ± 3.318280 here).
    saturday = f[f["date"].dt.day_of_week == 5].iloc[0]
    assert saturday["centre"] == pytest.approx(10)
    assert saturday["sigma"] == pytest.approx(sigma / 3)
    assert saturday["lcl"] == pytest.approx(10 - sigma)  # 2.147110
    assert saturday["ucl"] == pytest.approx(10 + sigma)  # 17.852890
    # Tuesday: 140 ± 3 sigma sqrt(140/90) = 140 ± 29.382825.
    tuesday = f[f["date"].dt.day_of_week == 1].iloc[0]
    assert tuesday["centre"] == pytest.approx(140)
    assert tuesday["lcl"] == pytest.approx(110.617175, abs=1e-5)
    assert tuesday["ucl"] == pytest.approx(169.382825, abs=1e-5)
    assert not f[RULES].any().any()
    assert (f["lcl"] >= 0).all()
    mr = chart.moving_range_chart()
    assert mr["centre"].iloc[0] == pytest.approx(mr_bar)


def test_volume_chart_auto_adjusts_for_a_weekly_cycle_and_not_without_one():
    cycle = q.volume_chart(_weekly_cycle())
    assert cycle.kind == "weekday"
    assert cycle.reason.key == "quality.why.weekday_auto"
    assert cycle.reason.params["raw"] == pytest.approx(35.4 / 1.128)
    assert cycle.reason.params["adjusted"] == pytest.approx(
        (4 * 55.045755 + 3 * 6.328201) / 27 / 1.128  # 7.852890
    )
    # The decision: 7.852890 / 90, undone for factors fitted to four of each weekday
    # (/ sqrt(1 - 1/4)) = 9.067737 / 90, against 31.382979 / 90: a 71% cut (>= 20%).
    assert render(cycle.reason).startswith("Adjusted for the day of the week")
    # The same deviations around a flat 90 a day: no cycle, so no adjustment (the weekday
    # means are all 90, the factors 1, the two sigmas equal).
    flat = _weekly_cycle().assign(value=np.concatenate([90 + DEV * (-1) ** w for w in range(4)]))
    plain = q.volume_chart(flat)
    assert plain.kind == "individuals" and plain.reason.key == "quality.why.day_auto"
    assert plain.reason.params["raw"] == pytest.approx(plain.reason.params["adjusted"])
    # The user's choice wins.
    assert q.volume_chart(_weekly_cycle(), chart="day").kind == "individuals"
    assert q.volume_chart(flat, chart="weekday").kind == "weekday"


def test_never_a_negative_lower_limit_for_a_count():
    for chart in ("auto", "day", "weekday", "week"):
        out = q.volume_chart(_weekly_cycle(), chart=chart)
        assert (out.frame["lcl"] >= 0).all(), chart
        assert out.lcl is None or out.lcl >= 0


def test_weekday_chart_needs_two_of_every_weekday():
    short = q.weekday_chart(_weekly_cycle(1), "value")
    assert short.note is not None and short.note.key == "quality.note.weekday_short"
    assert not short.frame["out_of_control"].any()
    assert render(short.note, "zh") == "按星期几调整需要基准期内每个星期几至少两天"
    # too short to adjust: "auto" keeps the plain daily chart
    assert q.volume_chart(_weekly_cycle(1)).kind == "individuals"


def test_weekday_with_no_tickets_ever_is_charted_at_zero():
    frame = _weekly_cycle()
    sundays = frame["date"].dt.day_of_week == 6
    frame.loc[sundays, "value"] = 0.0
    frame.loc[frame.index[-1], "value"] = 3.0  # the last Sunday has 3 tickets
    chart = q.weekday_chart(frame, "value", baseline=[True] * 27 + [False])
    f = chart.frame
    assert (f.loc[sundays, "centre"] == 0).all() and (f.loc[sundays, "lcl"] == 0).all()
    assert f["rule_1"].tolist() == [False] * 27 + [True]


def test_weekly_volume_totals():
    # Friday 1 March to Tuesday 19 March 2024: two whole weeks, partial ends left out.
    frame = pd.DataFrame(
        {"date": pd.date_range("2024-03-01", periods=19, freq="D"), "value": range(19)}
    )
    weeks, partial = q.weekly(frame, ["value"])
    assert weeks["date"].dt.date.tolist() == [date(2024, 3, 4), date(2024, 3, 11)]
    assert weeks["value"].tolist() == [sum(range(3, 10)), sum(range(10, 17))]  # 42, 91
    assert partial["date"].dt.date.tolist() == [date(2024, 2, 26), date(2024, 3, 18)]
    chart = q.volume_chart(frame, chart="week")
    assert chart.grain == "week" and chart.kind == "individuals"
    assert chart.centre == pytest.approx((42 + 91) / 2)
    assert chart.mr_bar == pytest.approx(49)
    assert chart.lcl == 0  # 66.5 - 3 x 49 / 1.128 < 0, floored
    assert chart.reason.key == "quality.why.week_user"
    assert len(chart.excluded) == 2


# --------------------------------------------------------------------------- sample


def test_sample_sla_chart_is_laney_and_flags_a_few_days(sample_ws):
    """The sample's daily SLA-breach rate: a p-chart puts about a hundred of 730 days
    outside its limits (day-to-day variation is about 1.5x binomial); the automatic
    choice is p′, which leaves a few percent of days outside, mostly weekends (whose
    breach rate is about twice the weekdays': a real pattern, not noise)."""
    sla = q.daily_sla_breaches(sample_ws, Filters())
    assert len(sla) == 730

    def outside(c):
        f = c.frame
        return f[(f["value"] > f["ucl"]) | (f["value"] < f["lcl"])]

    p = q.p_chart(sla, "defects", "n")
    auto = q.sla_chart(sla)
    assert auto.kind == "laney_p" and auto.sigma_z > 1.4
    assert len(outside(p)) >= 90
    beyond = outside(auto)
    assert 5 <= len(beyond) <= 0.06 * 730
    assert (beyond["date"].dt.day_of_week >= 5).mean() > 0.5
    weeks = q.sla_chart(sla, grain="week")
    assert weeks.kind == "laney_p" and len(outside(weeks)) <= 10


def test_sample_volume_chart_is_weekday_adjusted_and_keeps_the_spikes(sample_ws):
    vol = q.daily_volume(sample_ws, Filters())
    chart = q.volume_chart(vol)
    assert chart.kind == "weekday"
    assert (chart.frame["lcl"] > 0).all()
    rule_1 = set(chart.frame.loc[chart.frame["rule_1"], "date"].dt.date)
    assert set(SPIKE_DATES) <= rule_1
    # The plain chart's LCL is below 0 (floored) and its sigma twice the adjusted one.
    assert chart.reason.params["raw"] > 1.5 * chart.reason.params["adjusted"]


def test_too_short_to_choose_says_so():
    one_week = q.volume_chart(_weekly_cycle(1))
    assert one_week.reason.key == "quality.why.day_short"
    assert render(one_week.reason).startswith("Daily counts (XmR): too few days")
    one_day = q.sla_chart(_counts([1], [10]))
    assert one_day.kind == "p" and one_day.reason.key == "quality.why.p_short"
    assert "nan" not in render(one_day.reason, "zh")
    # a weekly chart of a period holding no whole week
    assert q.sla_chart(_counts([1] * 5, [10] * 5), grain="week").reason.key == (
        "quality.why.p_short"
    )


def test_the_bound_matches_sigma_z_under_pure_binomial_variation():
    """0.9094 / sqrt(k - 1) is the standard deviation of MR̄(z) / 1.128 for independent
    standard normal z (derived in spc.py); a simulation agrees, and purely binomial
    28-day series seldom pick p′ (the normal approximation's 1% is nearer 2% there)."""
    rng = np.random.default_rng(15)
    z = rng.standard_normal((20000, 28))
    sigma_z = np.abs(np.diff(z, axis=1)).mean(axis=1) / 1.128
    assert sigma_z.mean() == pytest.approx(1, abs=0.005)
    assert sigma_z.std() == pytest.approx(0.9094 / math.sqrt(27), rel=0.03)
    # Binomial days of 30-150 tickets at a 19% breach rate, standardised as a p-chart does.
    n = rng.integers(30, 150, (2000, 28))
    p = rng.binomial(n, 0.19) / n
    p_bar = (p * n).sum(axis=1, keepdims=True) / n.sum(axis=1, keepdims=True)
    zs = (p - p_bar) / np.sqrt(p_bar * (1 - p_bar) / n)
    picked = np.array([q.laney_sigma_z(row) for row in zs]) > q.overdispersion_bound(28)
    assert picked.mean() <= 0.04
