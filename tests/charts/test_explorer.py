"""The SQL explorer's quick chart: which columns it picks, and what it draws."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from svcops import charts
from svcops.charts.explorer import BAR_ROWS, QuickChart

from .spec import field, layers, mark, rows

TEAMS = pd.DataFrame({"team": ["B", "A", None], "tickets": [5, 3, 1]})
MONTHS = pd.DataFrame({"month": pd.to_datetime(["2024-02-01", "2024-01-01"]), "sla": [0.75, 0.5]})


def bars():
    pick = charts.quick_chart_columns(TEAMS)
    return charts.quick_chart(TEAMS, pick, "tickets by team")


def line():
    pick = charts.quick_chart_columns(MONTHS)
    return charts.quick_chart(MONTHS, pick, "sla by month")


def builders():
    """The quick chart both ways, for tests/charts/test_axes.py."""
    return {"explorer_bars": bars, "explorer_line": line}


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (TEAMS, QuickChart("team", "tickets", "bar", 3)),
        (MONTHS, QuickChart("month", "sla", "line", 2)),
        # dates as Python dates (DuckDB's DATE), numbers after a text column
        (
            pd.DataFrame({"n": [1.5], "day": [date(2024, 1, 1)], "x": ["a"], "v": [2]}),
            QuickChart("day", "v", "line", 1),
        ),
        # a whole-number label (a year) before the measure
        (
            pd.DataFrame({"year": [2023, 2024], "cost": [1.0, 2.0]}),
            QuickChart("year", "cost", "bar", 2),
        ),
        # many categories: the first BAR_ROWS are drawn
        (
            pd.DataFrame({"k": [str(i) for i in range(80)], "v": range(80)}),
            QuickChart("k", "v", "bar", BAR_ROWS),
        ),
    ],
)
def test_the_first_label_column_and_the_next_number_column_are_picked(frame, expected):
    assert charts.quick_chart_columns(frame) == expected


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame({"team": ["A"], "agent": ["x"]}),  # no numbers
        pd.DataFrame({"v": [1.5], "team": ["A"]}),  # the numbers come before the labels
        pd.DataFrame({"team": pd.Series([], dtype=object), "n": pd.Series([], dtype="int64")}),
        pd.DataFrame([[1, 2]], columns=["a", "a"]),  # two columns of one name
    ],
)
def test_no_chart_without_labels_then_numbers(frame):
    assert charts.quick_chart_columns(frame) is None


def test_bars_keep_the_result_order_and_name_the_axes_by_its_columns():
    spec = bars().to_dict()
    (layer,) = layers(spec)
    assert mark(layer) == "bar"
    assert field(layer, "x") == ("x", "nominal") and field(layer, "y") == ("y", "quantitative")
    assert (
        layer["encoding"]["x"]["title"] == "team" and layer["encoding"]["y"]["title"] == "tickets"
    )
    assert layer["encoding"]["x"]["sort"] is None  # the query's ORDER BY decides
    assert [r["x"] for r in rows(spec)] == ["B", "A", ""]


def test_dates_draw_a_line_in_date_order():
    spec = line().to_dict()
    (layer,) = layers(spec)
    assert mark(layer) == "line"
    assert field(layer, "x") == ("period", "temporal")
    assert layer["encoding"]["x"]["title"] == "month"
    assert [r["y"] for r in rows(spec)] == [0.5, 0.75]


def test_a_column_name_with_dots_is_safe():
    frame = pd.DataFrame({"t.team": ["A"], "count(*)": [3]})
    pick = charts.quick_chart_columns(frame)
    spec = charts.quick_chart(frame, pick, "x").to_dict()
    assert layers(spec)[0]["encoding"]["y"]["title"] == "count(*)"
