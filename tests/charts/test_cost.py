"""Cost control chart builders, tested by pieces of their ``to_dict()``."""

from __future__ import annotations

import pandas as pd

from svcops import charts
from svcops.charts.theme import BAD, GOOD

STEPS = pd.DataFrame(
    {
        "label": ["Budget", "Contract", "Staff", "Tools", "Actual"],
        "kind": ["total", "step", "step", "step", "total"],
        "amount": [1650.0, 300.0, 100.0, -50.0, 2000.0],
        "start": [0.0, 1650.0, 1950.0, 2050.0, 0.0],
        "end": [1650.0, 1950.0, 2050.0, 2000.0, 2000.0],
    }
)
LINES = pd.DataFrame(
    {
        "cost_center": ["Desk", "Net", "Field", "Apps"],
        "variance": [120.5, -40.25, 0.0, 300.0],
        "status": ["unfavourable", "favourable", "on_budget", "unbudgeted"],
    }
)
MONTHS = pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"])


def bridge():
    return charts.bridge_chart(STEPS, "t", step_title="Step", value_title="Amount")


def variance():
    return charts.variance_chart(
        LINES,
        "cost_center",
        "t",
        name_title="Cost centre",
        value_title="Actual - budget",
        status_title="Status",
        status_labels={
            "favourable": "Under",
            "unfavourable": "Over",
            "on_budget": "On",
            "unbudgeted": "None",
        },
    )


def monthly():
    long = pd.DataFrame(
        {
            "month": list(MONTHS) * 2,
            "series": ["actual"] * 3 + ["budget"] * 3,
            "value": [10.5, 12.25, None, 11.0, 11.0, 11.0],
        }
    )
    return charts.monthly_lines_chart(
        long,
        "t",
        x_title="Month",
        y_title="Amount",
        series_title="Series",
        series_labels={"actual": "Actual", "budget": "Budget"},
    )


def outlook():
    lines = pd.DataFrame(
        {
            "month": [MONTHS[0], MONTHS[1], MONTHS[1], MONTHS[2]],
            "series": ["actual", "actual", "seasonal", "seasonal"],
            "value": [100.0, 210.0, 210.0, 330.0],
        }
    )
    band = pd.DataFrame({"month": MONTHS[1:], "low": [210.0, 300.0], "high": [210.0, 360.0]})
    return charts.outlook_chart(
        lines,
        band,
        320.0,
        "t",
        x_title="Month",
        y_title="Spend",
        series_title="Series",
        series_labels={
            "actual": "Actual",
            "seasonal": "Seasonal",
            "low": "Low",
            "high": "High",
            "budget": "Budget",
        },
    )


def quadrant():
    frame = pd.DataFrame(
        {"month": MONTHS, "cost_per_resolved": [40.5, 38.2, 44.9], "sla": [0.9, 0.8, 0.95]}
    )
    return charts.quadrant_chart(
        frame,
        "cost_per_resolved",
        "sla",
        "t",
        x_title="Cost per resolved",
        y_title="SLA",
        label_title="Month",
        percent_y=True,
    )


def test_bridge_floats_steps_in_the_given_order_rises_red_falls_green():
    spec = bridge().to_dict()
    bars = spec["layer"][0]
    assert bars["mark"]["type"] == "bar"
    enc = bars["encoding"]
    assert enc["x"]["sort"] == ["Budget", "Contract", "Staff", "Tools", "Actual"]
    assert enc["y"]["field"] == "start" and enc["y2"]["field"] == "end"
    assert enc["color"]["scale"]["domain"] == ["total", "rise", "fall"]
    assert enc["color"]["scale"]["range"][1:] == [BAD, GOOD]
    data = spec["datasets"][spec["data"]["name"]] if "datasets" in spec else None
    tones = [row["tone"] for row in data] if data else []
    assert tones == ["total", "rise", "rise", "fall", "total"]
    # the axis spans the steps with room (not from zero): 1650 - 0.8 * 400 .. 2050 + 320
    assert enc["y"]["scale"]["domain"] == [1330.0, 2370.0]
    assert spec["layer"][1]["mark"]["type"] == "text"


def test_bridge_can_start_at_zero():
    spec = charts.bridge_chart(STEPS, "t", step_title="s", value_title="v", zero=True).to_dict()
    assert spec["layer"][0]["encoding"]["y"]["scale"]["domain"][0] == 0.0


def test_variance_colours_follow_what_is_good_for_a_cost():
    enc = variance().to_dict()["encoding"]
    scale = enc["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == {
        "Under": GOOD,
        "Over": BAD,
        "On": "#6E7781",
        "None": "#8E44AD",
    }
    assert enc["y"]["sort"] == ["Apps", "Desk", "Field", "Net"]  # largest overspend on top
    assert enc["x"]["field"] == "variance" and enc["x"]["axis"]["format"] == ",.0f"


def test_monthly_lines_name_their_series_and_skip_missing_months():
    spec = monthly().to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == ["Actual", "Budget"]
    assert spec["encoding"]["x"]["axis"]["format"] == "%Y-%m"
    rows = spec["datasets"][spec["data"]["name"]]
    assert len(rows) == 5  # the missing actual is not drawn


def test_outlook_layers_band_lines_and_the_budget_rule():
    spec = outlook().to_dict()
    marks = [
        layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        for layer in spec["layer"]
    ]
    assert marks == ["area", "line", "rule", "text"]  # the budget rule is labelled
    assert spec["layer"][2]["mark"]["strokeDash"] == [6, 4]


def test_quadrant_has_median_rules_and_percent_quality_axis():
    spec = quadrant().to_dict()
    kinds = [layer["mark"]["type"] for layer in spec["layer"]]
    assert kinds == ["point", "text", "rule", "rule"]
    assert spec["layer"][0]["encoding"]["y"]["axis"]["format"] == ".0%"
    medians = spec["datasets"][spec["layer"][2]["data"]["name"]]
    assert medians == [{"mx": 40.5, "my": 0.9}]


def test_quadrant_by_team_labels_points_with_the_team():
    frame = pd.DataFrame({"team": ["Desk", "Net"], "cost": [19.1, 45.4], "csat": [4.2, 3.9]})
    spec = charts.quadrant_chart(
        frame, "cost", "csat", "t", x_title="c", y_title="q", label_title="Team", label="team"
    ).to_dict()
    assert spec["layer"][1]["encoding"]["text"] == {"field": "team", "type": "nominal"}
    assert spec["layer"][0]["encoding"]["tooltip"][0] == {
        "field": "team",
        "type": "nominal",
        "title": "Team",
    }
