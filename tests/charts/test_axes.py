"""Every builder in svcops.charts: each number axis (and legend) has a format, counts read
as integers, and no two ticks can read the same (a minimum step no finer than the format
shows); category labels are never dropped for overlap."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from svcops import charts

DAYS = pd.date_range("2024-03-01", periods=6, freq="D")
AXIS = {
    "period": "Day",
    "value": "Tickets",
    "count": "Tickets",
    "cumulative": "Share",
    "tickets": "Tickets",
    "centre": "Centre",
    "ucl": "UCL",
    "lcl": "LCL",
    "category": "Team",
    "share": "Share",
    "series": "Series",
    "score": "Score",
    "dimension": "Dimension",
    "forecast": "Forecast",
    "lower": "Low",
    "upper": "High",
    "fte": "FTE",
    "week": "Week",
}


def _control(values):
    return pd.DataFrame(
        {
            "date": DAYS,
            "value": values,
            "centre": 100.5,
            "ucl": 180.2,
            "lcl": 20.8,
            "out_of_control": False,
        }
    )


def _pareto():
    return pd.DataFrame(
        {
            "team": ["a", "b", "c"],
            "count": [60, 30, 10],
            "share": [0.6, 0.3, 0.1],
            "cumulative_share": [0.6, 0.9, 1.0],
            "vital_few": [True, True, False],
        }
    )


def _forecast():
    history = pd.DataFrame({"series": "x", "ds": DAYS, "y": [40.0, 52, 61, 38, 47, 55]})
    ahead = pd.DataFrame(
        {
            "series": "x",
            "ds": DAYS + pd.Timedelta(days=6),
            "yhat": 50.2,
            "yhat_lower": 30.1,
            "yhat_upper": 70.4,
        }
    )
    return history, ahead


def _process_charts():
    """The process builders on test_process's small log."""
    from svcops import process as P

    from .test_process import EDGES, NODES

    frame = pd.DataFrame(
        {
            "date": pd.date_range("2024-01-01", periods=3),
            "arrivals": [3, 4, 5],
            "completions": [2, 4, 6],
            "wip": [1, 1, 0],
        }
    )
    matrix = pd.DataFrame(
        {
            "from_who": ["A", "B"],
            "to_who": ["B", "A"],
            "handovers": [3, 1],
            "cases": [2, 1],
            "median_hours": [2.0, None],
        }
    )
    return {
        "process_map": lambda: charts.process_map_chart(P.layout(EDGES), NODES, EDGES),
        "process_stages": lambda: charts.stage_chart(NODES, "t", axis_title="h"),
        "process_flow": lambda: charts.flow_chart(
            frame,
            "t",
            {"arrivals": "In", "completions": "Out", "wip": "Open"},
            x_title="d",
            y_title="n",
        ),
        "process_handovers": lambda: charts.handover_chart(matrix, "t"),
    }


BUILT = {
    "series_count": lambda: charts.series_chart(
        pd.DataFrame({"period": DAYS, "backlog": [100, 50, 75, 80, 90, 60]}),
        "backlog",
        "t",
        "a",
        mark="area",
    ),
    "series_hours": lambda: charts.series_chart(
        pd.DataFrame({"period": DAYS, "h": [1.5, 13.1, 42.7, 8.2, 9.9, 20.0]}), "h", "t", "a"
    ),
    "series_share": lambda: charts.series_chart(
        pd.DataFrame({"period": DAYS, "s": [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]}),
        "s",
        "t",
        "a",
        percent=True,
    ),
    "bar_share": lambda: charts.bar_chart(
        pd.DataFrame({"team": ["a", "b"], "v": [0.5, 0.8]}),
        "team",
        "v",
        "t",
        x_title="x",
        y_title="y",
        percent=True,
        horizontal=True,
    ),
    "bar_hours": lambda: charts.bar_chart(
        pd.DataFrame({"team": ["a", "b"], "v": [12.4, 30.1]}),
        "team",
        "v",
        "t",
        x_title="x",
        y_title="y",
        horizontal=True,
    ),
    "volume": lambda: charts.volume_chart(
        pd.DataFrame(
            {
                "period": DAYS,
                "created": [100, 50, 60, 70, 80, 90],
                "resolved": [90, 55, 65, 75, 85, 95],
            }
        ),
        {"created": "C", "resolved": "R"},
        "t",
        AXIS,
    ),
    "control_counts": lambda: charts.control_chart(_control([100, 50, 75, 80, 150, 60]), "t", AXIS),
    "control_small": lambda: charts.control_chart(
        _control([0.2, 0.5, 0.3, 0.4, 0.6, 0.1]).assign(centre=0.35, ucl=0.9, lcl=0.0), "t", AXIS
    ),
    "control_share": lambda: charts.control_chart(
        _control([0.02, 0.05, 0.03, 0.04, 0.06, 0.01]).assign(centre=0.035, ucl=0.09, lcl=0.0),
        "t",
        AXIS,
        percent=True,
    ),
    "pareto": lambda: charts.pareto_chart(_pareto(), "team", "t", AXIS),
    "servqual": lambda: charts.servqual_chart(
        pd.DataFrame(
            {
                "dimension": ["tangibles", "empathy"],
                "expectation": [6.1, 5.8],
                "perception": [5.7, 5.3],
            }
        ),
        "t",
        {"expectation": "E", "perception": "P"},
        AXIS,
    ),
    "forecast": lambda: charts.forecast_chart(*_forecast(), "t", AXIS),
    "heatmap": lambda: charts.heatmap(
        pd.DataFrame({"hour": [0, 1, 2], "weekday": [0, 0, 1], "v": [0.5, 4.2, 8.1]}),
        "hour",
        "weekday",
        "v",
        "t",
        x_title="x",
        y_title="y",
        value_title="v",
    ),
    "weekly": lambda: charts.weekly_bars(
        pd.DataFrame(
            {
                "week": pd.date_range("2024-01-01", periods=3, freq="W-MON"),
                "required_fte": [9.2, 18.7, 16.3],
                "rostered_fte": [3.5, 18.4, 18.4],
            }
        ),
        "t",
        {"required_fte": "R", "rostered_fte": "S"},
        AXIS,
    ),
}
BUILT.update(_process_charts())


def _cost_charts():
    """The cost builders on tests/charts/test_cost.py's frames."""
    from . import test_cost as C

    return {
        "cost_bridge": C.bridge,
        "cost_variance": C.variance,
        "cost_monthly": C.monthly,
        "cost_outlook": C.outlook,
        "cost_quadrant": C.quadrant,
    }


BUILT.update(_cost_charts())


def _innovation_charts():
    """The innovation builders on tests/charts/test_innovation.py's frames."""
    from . import test_innovation as I

    return {
        "innovation_funnel": I.funnel,
        "innovation_sensitivity": I.sensitivity,
        "innovation_bubble": I.bubble,
        "innovation_budget": I.budget,
        "innovation_effect": I.effect,
        "innovation_adoption": I.adoption,
    }


BUILT.update(_innovation_charts())


def _risk_charts():
    """The risk builders on tests/charts/test_risk.py's frames."""
    from . import test_risk as R

    return R.builders()


BUILT.update(_risk_charts())


def _explorer_charts():
    """The SQL explorer's quick chart on tests/charts/test_explorer.py's frames."""
    from . import test_explorer as E

    return E.builders()


BUILT.update(_explorer_charts())


def _guides(spec: dict):
    """Every (channel, encoding) of every layer."""
    for layer in spec.get("layer", [spec]):
        yield from layer.get("encoding", {}).items()


def _decimals(fmt: str) -> int:
    found = re.search(r"\.(\d+)", fmt)
    return (int(found.group(1)) if found else 0) + (2 if fmt.endswith("%") else 0)


@pytest.mark.parametrize("name", sorted(BUILT))
def test_every_number_axis_has_a_format_and_no_repeated_ticks(name):
    spec = BUILT[name]().to_dict()
    checked = 0
    for channel, enc in _guides(spec):
        if not isinstance(enc, dict) or enc.get("type") != "quantitative":
            continue
        if channel in ("x", "y") and enc.get("axis"):
            axis = enc["axis"]
            assert "format" in axis, f"{channel} of {name} has no number format"
            assert axis["tickMinStep"] >= 10.0 ** -_decimals(axis["format"]) - 1e-12, (
                f"{name}: ticks finer than {axis['format']} shows would repeat"
            )
            checked += 1
        if channel == "color":
            assert enc["legend"]["format"]
            checked += 1
    assert checked, f"{name} draws no number axis"


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("series_count", ",d"),
        ("volume", ",d"),
        ("pareto", ",d"),
        ("series_hours", ",.0f"),
        ("bar_hours", ",.0f"),
        ("control_counts", ",.0f"),
        ("control_small", ",.1f"),
        ("forecast", ",.0f"),
        ("weekly", ",.0f"),
        ("servqual", ",.0f"),
    ],
)
def test_counts_and_hours_read_without_empty_decimals(name, fmt):
    spec = BUILT[name]().to_dict()
    formats = {
        enc["axis"]["format"]
        for channel, enc in _guides(spec)
        if channel in ("x", "y")
        and isinstance(enc, dict)
        and enc.get("axis")
        and enc.get("type") == "quantitative"
        and "format" in enc["axis"]
    }
    assert fmt in formats


@pytest.mark.parametrize("name", ["bar_share", "servqual", "weekly"])
def test_category_labels_are_never_dropped_for_overlap(name):
    spec = BUILT[name]().to_dict()
    axes = [
        enc["axis"]
        for channel, enc in _guides(spec)
        if channel in ("x", "y")
        and isinstance(enc, dict)
        and enc.get("type") in ("nominal", "ordinal")
        and enc.get("axis")
    ]
    assert axes and all(a["labelOverlap"] is False for a in axes)


def test_the_table_of_builders_covers_every_builder():
    builders = {
        n for n in charts.__all__ if n.endswith("_chart") or n in ("heatmap", "weekly_bars")
    }
    used = {
        "series_chart",
        "bar_chart",
        "volume_chart",
        "control_chart",
        "pareto_chart",
        "servqual_chart",
        "forecast_chart",
        "heatmap",
        "weekly_bars",
        "process_map_chart",
        "stage_chart",
        "flow_chart",
        "handover_chart",
        "bridge_chart",
        "variance_chart",
        "monthly_lines_chart",
        "outlook_chart",
        "quadrant_chart",
        "funnel_chart",
        "sensitivity_chart",
        "bubble_chart",
        "budget_chart",
        "effect_chart",
        "adoption_chart",
        "risk_heat_chart",
        "kri_chart",
        "quick_chart",
    }
    assert builders == used
