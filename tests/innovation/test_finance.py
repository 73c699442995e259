"""Business-case arithmetic of svcops.innovation against published worked examples.

Sign convention throughout: money out negative, money in (or saved) positive; the
first flow is year 0 and is not discounted (numpy-financial's ``npv``), so Excel's
``NPV(rate, v1, ..., vn)``, which discounts its first value, is ``npv(rate, [0, v1..vn])``
and Excel's ``NPV(rate, CF1..CFn) + CF0`` is ``npv(rate, [CF0, CF1..CFn])``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from svcops import innovation as inn

# --------------------------------------------------------------------------- NPV


def test_npv_excel_example_1_first_value_discounted():
    # Microsoft Support, "NPV function", example 1: rate 10 %, an initial cost of
    # -10,000 one year from today, then 3,000, 4,200, 6,800: NPV = $1,188.44.
    # Excel discounts its first value, so it sits at year 1 behind a zero year 0.
    assert inn.npv(0.10, [0, -10_000, 3_000, 4_200, 6_800]) == pytest.approx(1_188.44, abs=0.005)
    # By hand: -10000/1.1 + 3000/1.21 + 4200/1.331 + 6800/1.4641
    assert inn.npv(0.10, [0, -10_000, 3_000, 4_200, 6_800]) == pytest.approx(
        -10_000 / 1.1 + 3_000 / 1.21 + 4_200 / 1.331 + 6_800 / 1.4641
    )


def test_npv_excel_example_2_investment_at_start():
    # Microsoft Support, "NPV function", example 2: rate 8 %, an investment of 40,000
    # at the start, returns 8,000, 9,200, 10,000, 12,000, 14,500:
    # NPV(A2, A4:A8) + A3 = $1,922.06; with a further loss of 9,000 in year 6: ($3,749.47).
    flows = [-40_000, 8_000, 9_200, 10_000, 12_000, 14_500]
    assert inn.npv(0.08, flows) == pytest.approx(1_922.06, abs=0.01)
    assert inn.npv(0.08, [*flows, -9_000]) == pytest.approx(-3_749.47, abs=0.01)


def test_npv_numpy_financial_docstring_example():
    # numpy-financial's npv docstring: rate 8 %, [-40_000, 5_000, 8_000, 12_000, 30_000]
    # gives 3065.22267 (its first flow at year 0, undiscounted, as here).
    assert inn.npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]) == pytest.approx(
        3_065.22267, abs=1e-5
    )


def test_npv_at_zero_rate_is_the_sum_and_rate_must_exceed_minus_one():
    assert inn.npv(0.0, [-100, 30, 40, 50]) == 20.0
    with pytest.raises(ValueError, match="above -1"):
        inn.npv(-1.0, [-100, 200])


# --------------------------------------------------------------------------- IRR


def test_irr_excel_example():
    # Microsoft Support, "IRR function": -70,000 then 12,000, 15,000, 18,000, 21,000,
    # 26,000. IRR after five years 8.7 % (0.086630948), after four years -2.1 %
    # (-0.021244848).
    flows = [-70_000, 12_000, 15_000, 18_000, 21_000, 26_000]
    assert inn.irr(flows) == pytest.approx(0.086630948, abs=1e-8)
    assert inn.irr(flows[:5]) == pytest.approx(-0.021244848, abs=1e-8)


@pytest.mark.parametrize(
    ("flows", "expected"),
    [
        # numpy-financial's irr docstring examples (after L. J. Gitman, Principles of
        # Managerial Finance, 2003, p. 348), to the 5 places printed there.
        ([-100, 39, 59, 55, 20], 0.28095),
        ([-100, 0, 0, 74], -0.0955),
        ([-100, 100, 0, -7], -0.0833),
        ([-100, 100, 0, 7], 0.06206),
        ([-5, 10.5, 1, -8, 1], 0.0886),
    ],
)
def test_irr_numpy_financial_examples(flows, expected):
    places = len(str(expected).split(".")[1])
    assert round(inn.irr(flows), places) == expected
    assert inn.npv(inn.irr(flows), flows) == pytest.approx(0.0, abs=1e-6)


def test_irr_of_a_single_period_by_hand():
    # -100 now, 110 in a year: 10 %.
    assert inn.irr([-100, 110]) == pytest.approx(0.10)


def test_no_irr_without_a_sign_change():
    assert inn.irr([-100, -10, -10]) is None  # no benefit: money only goes out
    assert inn.irr([0, 10, 10]) is None


# --------------------------------------------------------------------------- payback


def test_simple_and_discounted_payback_by_hand():
    flows = inn.cash_flows(1_000, 300, 0, years=5)
    assert flows.tolist() == [-1_000, 300, 300, 300, 300, 300]
    # Undiscounted: 900 back after 3 years, the last 100 in a third of year 4.
    assert inn.payback(flows) == pytest.approx(3 + 100 / 300)
    # At 10 %: year 1..5 worth 272.73, 247.93, 225.39, 204.90, 186.28; 950.95 back
    # after 4 years, the remaining 49.05 out of year 5's 186.28.
    pv = [300 / 1.1**t for t in range(1, 6)]
    assert sum(pv[:4]) == pytest.approx(950.9596, abs=1e-4)
    assert inn.payback(flows, 0.10) == pytest.approx(4 + (1_000 - sum(pv[:4])) / pv[4])
    assert inn.payback(flows, 0.10) == pytest.approx(4.2633, abs=1e-4)


def test_payback_never_reached_within_the_horizon():
    flows = inn.cash_flows(100, 10, 0, years=5)  # 50 of 100 back after 5 years
    assert inn.payback(flows) is None
    assert inn.payback(flows, 0.08) is None
    case = inn.business_case(100, 10, 0, years=5, rate=0.08)
    assert case.payback_years is None and case.discounted_payback_years is None
    assert case.roi == pytest.approx(-0.5)  # (50 - 100) / 100
    assert case.irr is not None and case.irr < 0
    assert inn.npv(case.irr, case.flows) == pytest.approx(0.0, abs=1e-9)


def test_payback_is_zero_without_investment():
    assert inn.payback([0, 10, 10]) == 0.0


def test_no_investment_but_a_net_cost_never_pays_back():
    # Nothing invested, 100 benefit, 300 running cost: -200 a year, never recovered.
    case = inn.business_case(0, 100, 300, years=5, rate=0.08)
    assert case.payback_years is None and case.discounted_payback_years is None
    # A net cost in year 1 (benefit delayed 1.5 years) recovered later: cumulative
    # 0, -100, -50, +150 -> below 0 last at the end of year 2, 50 of year 3's 200.
    assert inn.payback([0, -100, 50, 200]) == pytest.approx(2 + 50 / 200)
    # Paid back, then below 0 again, then back: counted from the last time below 0.
    assert inn.payback([-100, 150, -100, 100]) == pytest.approx(2 + 50 / 100)


# --------------------------------------------------------------------------- the case


def test_business_case_by_hand():
    # 1,000 invested, 300 a year for 5 years at 10 %: annuity factor (1 - 1.1^-5)/0.1.
    case = inn.business_case(1_000, 300, 0, years=5, rate=0.10)
    annuity = (1 - 1.1**-5) / 0.1
    assert annuity == pytest.approx(3.790787, abs=1e-6)
    assert case.npv == pytest.approx(-1_000 + 300 * annuity)
    assert case.npv == pytest.approx(137.24, abs=0.005)
    assert case.roi == pytest.approx(0.5)  # (1500 - 1000) / 1000
    assert case.investment == 1_000
    assert inn.npv(case.irr, case.flows) == pytest.approx(0.0, abs=1e-9)
    assert case.irr == pytest.approx(0.152382, abs=1e-6)


def test_business_case_without_benefit():
    # 500 invested, no benefit, 100 a year to run: every flow negative.
    case = inn.business_case(500, 0, 100, years=5, rate=0.10)
    assert list(case.flows) == [-500, -100, -100, -100, -100, -100]
    assert case.roi == pytest.approx(-2.0)  # (-500 - 500) / 500
    assert case.npv == pytest.approx(-500 - 100 * (1 - 1.1**-5) / 0.1)
    assert case.irr is None
    assert case.payback_years is None and case.discounted_payback_years is None
    # Nothing invested: no ROI.
    assert inn.business_case(0, 0, 0).roi is None


def test_missing_amounts_count_as_zero():
    assert inn.cash_flows(math.nan, 100, math.nan, years=2).tolist() == [0, 100, 100]


@pytest.mark.parametrize(
    ("delay", "expected"),
    [
        (0.0, [-100, 60, 60, 60]),
        (0.5, [-100, 30, 60, 60]),  # half of year 1's benefit
        (1.0, [-100, 0, 60, 60]),
        (2.5, [-100, 0, 0, 30]),
    ],
)
def test_benefit_delay(delay, expected):
    assert inn.cash_flows(100, 60, 0, years=3, delay=delay).tolist() == expected


def test_bad_horizon_and_delay():
    with pytest.raises(ValueError, match="years"):
        inn.cash_flows(1, 1, 0, years=0)
    with pytest.raises(ValueError, match="delay"):
        inn.cash_flows(1, 1, 0, years=1, delay=-1)


def test_discounted_payback_is_never_shorter():
    for inv, ben, run in [(1_000, 300, 50), (200, 150, 0), (5_000, 900, 100)]:
        flows = inn.cash_flows(inv, ben, run, years=10)
        simple, disc = inn.payback(flows), inn.payback(flows, 0.08)
        assert simple is not None and disc is not None and disc >= simple
    assert np.all(np.diff(inn.cash_flows(1, 1, 0, years=3)[1:]) == 0)
