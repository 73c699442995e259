"""svcops.charts.common: series_chart (a measure over time) and bar_chart (plain bars)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from svcops import charts
from svcops.charts import theme

from .spec import axis_format, field, layers, mark, rows, tooltip_formats


def _trend(values: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"period": pd.date_range("2024-01-01", periods=len(values), freq="W-MON"),
                         "sla_attainment": values, "backlog": list(range(len(values)))})


# ------------------------------------------------------------------------- series_chart


def test_series_line_encodes_period_against_the_measure_with_the_given_titles():
    spec = charts.series_chart(_trend([0.5, 0.8, 0.9]), "sla_attainment", "SLA", "Share",
                               x_title="Week").to_dict()
    assert spec["title"] == "SLA"
    assert mark(spec) == "line"
    assert spec["mark"]["point"] is True
    assert field(spec, "x") == ("period", "temporal")
    assert field(spec, "y") == ("sla_attainment", "quantitative")
    assert spec["encoding"]["x"]["title"] == "Week"
    assert spec["encoding"]["y"]["title"] == "Share"
    assert spec["encoding"]["y"]["scale"] == {"zero": False}


@pytest.mark.parametrize(("percent", "fmt"), [(True, ".0%"), (False, ",.1f")])
def test_series_number_format_on_axis_and_tooltip(percent, fmt):
    spec = charts.series_chart(_trend([0.5, 0.8]), "sla_attainment", "t", "a",
                               percent=percent).to_dict()
    assert axis_format(spec, "y") == fmt
    assert tooltip_formats(spec)["sla_attainment"] == fmt


def test_series_area_is_zero_based_and_takes_the_colour():
    spec = charts.series_chart(_trend([1, 2]), "backlog", "Backlog", "Tickets", mark="area",
                               colour=theme.PALETTE[1]).to_dict()
    assert mark(spec) == "area"
    assert spec["mark"]["color"] == theme.PALETTE[1]
    assert spec["mark"]["line"] == {"color": theme.PALETTE[1]}
    assert spec["encoding"]["y"]["scale"] == {"zero": True}


def test_series_line_colour_defaults_to_the_first_palette_colour():
    spec = charts.series_chart(_trend([1, 2]), "backlog", "t", "a").to_dict()
    assert spec["mark"]["color"] == theme.PALETTE[0]
    assert spec["encoding"]["x"]["title"] == "Period"


@pytest.mark.parametrize(("periods", "points"), [(60, True), (61, False)])
def test_series_points_are_dropped_beyond_sixty_periods(periods, points):
    spec = charts.series_chart(_trend([0.5] * periods), "sla_attainment", "t", "a").to_dict()
    assert spec["mark"]["point"] is points
    assert len(rows(spec)) == periods


def test_series_ships_only_the_rows_with_a_value():
    spec = charts.series_chart(_trend([0.5, np.nan, 0.9, np.nan]), "sla_attainment", "t",
                               "a").to_dict()
    assert [r["sla_attainment"] for r in rows(spec)] == [0.5, 0.9]


@pytest.mark.parametrize("values, shipped", [([], 0), ([0.7], 1), ([np.nan], 0),
                                              ([np.nan, np.nan], 0), ([0.1, np.nan], 1)],
                         ids=["empty", "one-row", "one-nan", "all-nan", "some-nan"])
@pytest.mark.parametrize("kind", ["line", "area"])
def test_series_does_not_fail_on_small_or_missing_data(values, shipped, kind):
    spec = charts.series_chart(_trend(values), "sla_attainment", "t", "a", mark=kind).to_dict()
    assert mark(spec) == kind
    assert len(rows(spec)) == shipped


# ------------------------------------------------------------------------- bar_chart

BARS = pd.DataFrame({"team": ["Desk", "Field", "Apps"], "value": [0.91, 0.75, 0.6]})


def test_bar_vertical_puts_the_category_on_x():
    spec = charts.bar_chart(BARS, "team", "value", "SLA", x_title="Team", y_title="Share",
                            percent=True, sort=["Apps", "Desk", "Field"]).to_dict()
    assert spec["title"] == "SLA"
    assert mark(spec) == "bar"
    assert spec["mark"]["color"] == theme.PALETTE[0]
    assert field(spec, "x") == ("team", "nominal")
    assert field(spec, "y") == ("value", "quantitative")
    assert spec["encoding"]["x"]["title"] == "Team"
    assert spec["encoding"]["y"]["title"] == "Share"
    assert spec["encoding"]["x"]["sort"] == ["Apps", "Desk", "Field"]
    assert axis_format(spec, "y") == ".0%"
    assert tooltip_formats(spec) == {"team": None, "value": ".0%"}
    assert len(rows(spec)) == 3


def test_bar_horizontal_swaps_the_axes_and_keeps_the_titles():
    spec = charts.bar_chart(BARS, "team", "value", "AHT", x_title="Team", y_title="Minutes",
                            horizontal=True, colour="#123456").to_dict()
    assert field(spec, "y") == ("team", "nominal")
    assert field(spec, "x") == ("value", "quantitative")
    assert spec["encoding"]["y"]["title"] == "Team"
    assert spec["encoding"]["x"]["title"] == "Minutes"
    assert axis_format(spec, "x") == ",.2f"
    assert spec["mark"]["color"] == "#123456"
    assert spec["encoding"]["y"]["sort"] is None, "no sort given: bars keep the frame's order"


@pytest.mark.parametrize("frame", [BARS.iloc[:0], BARS.iloc[:1],
                                   BARS.assign(value=[np.nan, 0.5, np.nan])],
                         ids=["empty", "one-row", "nan"])
@pytest.mark.parametrize("horizontal", [False, True])
def test_bar_does_not_fail_on_small_or_missing_data(frame, horizontal):
    spec = charts.bar_chart(frame, "team", "value", "t", x_title="x", y_title="y",
                            horizontal=horizontal).to_dict()
    assert mark(spec) == "bar"
    shipped = rows(spec)
    assert len(shipped) == len(frame)
    assert [r["value"] for r in shipped] == [None if pd.isna(v) else v for v in frame["value"]]
    assert len(layers(spec)) == 1
