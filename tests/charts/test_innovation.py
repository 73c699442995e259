"""Innovation chart builders, tested by pieces of their ``to_dict()``."""

from __future__ import annotations

from datetime import date

import pandas as pd

from svcops import charts
from svcops.charts.theme import BAD, GOOD

FUNNEL = pd.DataFrame(
    {
        "stage": ["Idea", "Assessment", "Pilot"],
        "count": [3, 4, 2],
        "investment": [1000.0, 2500.0, 900.0],
    }
)
SENS = pd.DataFrame({"rate": [0.0, 0.05, 0.08, 0.1], "npv": [500.0, 300.0, 180.0, 90.0]})
CASES = pd.DataFrame(
    {
        "name": ["A", "B", "C"],
        "stage": ["Idea", "Pilot", "Scaled"],
        "investment": [100.0, 200.0, 50.0],
        "expected_annual_benefit": [80.0, 300.0, 10.0],
        "adoption_rate": [0.0, 0.5, None],
        "npv": [150.0, 400.0, -5.0],
        "group": ["fits", "does not fit", "other"],
    }
)
FIT = pd.DataFrame(
    {
        "initiative_id": ["I-2", "I-1"],
        "name": ["B", "A"],
        "investment": [200.0, 100.0],
        "running_total": [200.0, 300.0],
        "npv_per_investment": [2.0, 1.5],
        "group": ["fits", "does not fit"],
    }
)
DAYS = pd.DataFrame(
    {
        "date": pd.date_range("2025-01-01", periods=4),
        "value": [10.0, 11.0, 7.0, 6.5],
        "n": [3, 3, 3, 3],
        "after": [False, False, True, True],
        "centre": [10.5] * 4,
        "ucl": [13.0] * 4,
        "lcl": [8.0] * 4,
        "rule_4": [False, False, False, True],
    }
)
ADOPTION = pd.DataFrame(
    {
        "period": pd.to_datetime(["2025-01-01", "2025-02-01"]),
        "share": [0.1, 0.25],
        "n": [100, 120],
        "after": [False, True],
    }
)
AXIS = {
    "stage": "Stage",
    "count": "Initiatives",
    "investment": "Investment",
    "x": "Discount rate",
    "npv": "NPV",
    "chosen": "chosen",
    "benefit": "Benefit",
    "adoption": "Adoption",
    "name": "Initiative",
    "id": "ID",
    "group": "Budget",
    "cumulative": "Cumulative",
    "ratio": "NPV / investment",
    "budget": "Budget line",
    "day": "Day",
    "value": "Minutes",
    "centre": "Centre",
    "ucl": "UCL",
    "lcl": "LCL",
    "go_live": "Go-live",
    "shift": "run of 8",
    "month": "Month",
    "share": "Share",
    "tickets": "Tickets",
    "target": "Target",
}


def funnel():
    return charts.funnel_chart(FUNNEL, "t", AXIS)


def sensitivity():
    return charts.sensitivity_chart(SENS, "rate", 0.08, "t", AXIS, percent=True)


def bubble():
    return charts.bubble_chart(CASES, "t", AXIS, ["fits", "does not fit", "other"])


def budget():
    return charts.budget_chart(FIT, 250.0, "t", AXIS, ["fits", "does not fit"])


def effect():
    return charts.effect_chart(DAYS, date(2025, 1, 3), "t", AXIS)


def adoption():
    return charts.adoption_chart(ADOPTION, 0.3, date(2025, 2, 1), "t", AXIS)


def _layers(spec):
    return spec.get("layer", [spec])


def test_funnel_keeps_the_stage_order():
    spec = funnel().to_dict()
    y = spec["encoding"]["y"]
    assert y["sort"] == ["Idea", "Assessment", "Pilot"] and y["axis"]["labelOverlap"] is False
    assert spec["encoding"]["x"]["field"] == "count"


def test_sensitivity_marks_the_chosen_rate():
    spec = sensitivity().to_dict()
    layers = _layers(spec)
    assert layers[2]["mark"]["color"] == BAD
    assert layers[2]["transform"] == [{"filter": "datum.chosen"}]
    chosen = [r for r in spec["datasets"][layers[1]["data"]["name"]] if r["chosen"]]
    assert [r["rate"] for r in chosen] == [0.08]


def test_bubble_sizes_by_adoption_and_colours_by_budget():
    spec = bubble().to_dict()
    bubbles = _layers(spec)[1]["encoding"]
    assert bubbles["size"]["field"] == "adoption_rate"
    assert bubbles["size"]["scale"]["domain"] == [0, 1]
    assert bubbles["color"]["scale"]["domain"] == ["fits", "does not fit", "other"]
    assert bubbles["color"]["scale"]["range"][0] == GOOD
    # The blank adoption draws as the smallest bubble, not dropped.
    assert len(spec["datasets"][_layers(spec)[1]["data"]["name"]]) == 3


def test_budget_line_is_a_rule_at_the_budget():
    spec = budget().to_dict()
    rule = _layers(spec)[2]
    assert rule["mark"]["type"] == "rule" and rule["encoding"]["y"]["field"] == "budget"
    assert spec["datasets"][rule["data"]["name"]][0]["budget"] == 250.0
    assert _layers(spec)[0]["encoding"]["x"]["sort"] == ["I-2", "I-1"]


def test_effect_marks_go_live_and_the_run():
    spec = effect().to_dict()
    layers = _layers(spec)
    rule = layers[-1]
    assert rule["mark"]["type"] == "rule" and rule["encoding"]["x"]["field"] == "date"
    points = layers[4]["encoding"]
    assert points["color"]["condition"]["test"] == "datum.rule_4"


def test_adoption_has_target_and_go_live():
    spec = adoption().to_dict()
    layers = _layers(spec)
    assert layers[0]["encoding"]["y"]["scale"]["domain"] == [0, 1]
    assert layers[1]["encoding"]["y"]["field"] == "target"
    assert layers[2]["encoding"]["x"]["field"] == "date"
    # Without a target or go-live only the line is drawn.
    bare = charts.adoption_chart(ADOPTION, None, None, "t", AXIS).to_dict()
    assert len(_layers(bare)) == 1


def test_effect_draws_a_negative_limit_at_zero():
    days = DAYS.assign(lcl=-2.5)
    spec = charts.effect_chart(days, date(2025, 1, 3), "t", AXIS).to_dict()
    rows = spec["datasets"][_layers(spec)[0]["data"]["name"]]
    assert {r["lcl"] for r in rows} == {0.0}
