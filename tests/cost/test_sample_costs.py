"""The sample workbook plants what the Cost control page should find."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from svcops import cost, sample
from svcops.filters import Filters
from svcops.sample import costs as sample_costs


@pytest.mark.parametrize(
    "start, end",
    [
        (date(2026, 10, 1), date(2026, 10, 31)),  # the default: the last 28 days
        (date(2026, 8, 1), date(2026, 10, 31)),  # the last quarter
        (date(2026, 1, 1), date(2026, 10, 31)),  # the year to date
        (None, None),  # the whole history
    ],
)
def test_the_planted_overspend_is_the_largest_unfavourable_variance(sample_ws, start, end):
    f = Filters(start=start, end=end)
    centres = cost.variance(sample_ws, f)
    assert centres.iloc[0]["cost_center"] == sample_costs.OVERRUN_CENTRE
    assert centres.iloc[0]["status"] == "unfavourable"
    lines = cost.variance(sample_ws, f, ("cost_center", "category"))
    top = lines.iloc[0]
    assert (top["cost_center"], top["category"]) == (sample_costs.OVERRUN_CENTRE, "Contractors")
    assert top["variance"] > 1.5 * lines.iloc[1]["variance"] or start is None


def test_the_budget_sheet_covers_the_year_ahead(sample_ws):
    rep = cost.reported_months(sample_ws)
    last = sample_ws.scalar("SELECT max(period) FROM budget")
    assert pd.Timestamp(last).date() == date(2027, 10, 1)  # 12 months past 2026-10
    o = cost.outlook(sample_ws, Filters(end=date(2026, 10, 31)), fy_start=4)
    assert o.budget_months == 12 and rep.last == date(2026, 10, 1)


def test_the_mid_year_contractor_rate_rise_and_seasonality(monkeypatch):
    risen = sample.generate(7, days=200)["costs"]
    monkeypatch.setattr(sample_costs, "RATE_RISE", 0.0)
    flat = sample.generate(7, days=200)["costs"]
    contractors = risen["category"] == "Contractors"
    after = risen["period"] >= pd.Timestamp(sample_costs.RATE_RISE_FROM)
    ratio = risen["amount"] / flat["amount"]
    # the same draws: contractors cost 10 % more from July (to the cent), the rest alike
    assert ratio[contractors & after].round(3).eq(1.1).all() and (contractors & after).sum() > 0
    assert ratio[~(contractors & after)].round(6).eq(1.0).all()
    # seasonality: facilities above plan in winter and high summer, contractors in November
    c = sample.generate(7)["costs"]
    fac = c[c["category"] == "Facilities"]
    per_month = (fac["amount"] / fac["budget"]).groupby(fac["period"].dt.month).mean()
    assert per_month[1] > per_month[5] + 0.08 and per_month[7] > per_month[5] + 0.03
