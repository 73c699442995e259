"""svcops.charts.common: series_chart (a measure over time) and bar_chart (plain bars)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from svcops import charts
from svcops.charts import theme

from .spec import axis_format, field, layers, mark, rows, tooltip_formats


def _trend(values: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "period": pd.date_range("2024-01-01", periods=len(values), freq="W-MON"),
            "sla_attainment": values,
            "backlog": list(range(len(values))),
        }
    )


# ------------------------------------------------------------------------- series_chart


def test_series_line_encodes_period_against_the_measure_with_the_given_titles():
    spec = charts.series_chart(
        _trend([0.5, 0.8, 0.9]), "sla_attainment", "SLA", "Share", x_title="Week"
    ).to_dict()
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
    spec = charts.series_chart(
        _trend([0.5, 0.8]), "sla_attainment", "t", "a", percent=percent
    ).to_dict()
    assert axis_format(spec, "y") == fmt
    assert tooltip_formats(spec)["sla_attainment"] == fmt


def test_series_area_is_zero_based_and_takes_the_colour():
    spec = charts.series_chart(
        _trend([1, 2]), "backlog", "Backlog", "Tickets", mark="area", colour=theme.PALETTE[1]
    ).to_dict()
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
    spec = charts.series_chart(
        _trend([0.5, np.nan, 0.9, np.nan]), "sla_attainment", "t", "a"
    ).to_dict()
    assert [r["sla_attainment"] for r in rows(spec)] == [0.5, 0.9]


@pytest.mark.parametrize(
    "values, shipped",
    [([], 0), ([0.7], 1), ([np.nan], 0), ([np.nan, np.nan], 0), ([0.1, np.nan], 1)],
    ids=["empty", "one-row", "one-nan", "all-nan", "some-nan"],
)
@pytest.mark.parametrize("kind", ["line", "area"])
def test_series_does_not_fail_on_small_or_missing_data(values, shipped, kind):
    spec = charts.series_chart(_trend(values), "sla_attainment", "t", "a", mark=kind).to_dict()
    assert mark(spec) == kind
    assert len(rows(spec)) == shipped


# ------------------------------------------------------------------------- bar_chart

BARS = pd.DataFrame({"team": ["Desk", "Field", "Apps"], "value": [0.91, 0.75, 0.6]})


def test_bar_vertical_puts_the_category_on_x():
    spec = charts.bar_chart(
        BARS,
        "team",
        "value",
        "SLA",
        x_title="Team",
        y_title="Share",
        percent=True,
        sort=["Apps", "Desk", "Field"],
    ).to_dict()
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
    spec = charts.bar_chart(
        BARS,
        "team",
        "value",
        "AHT",
        x_title="Team",
        y_title="Minutes",
        horizontal=True,
        colour="#123456",
    ).to_dict()
    assert field(spec, "y") == ("team", "nominal")
    assert field(spec, "x") == ("value", "quantitative")
    assert spec["encoding"]["y"]["title"] == "Team"
    assert spec["encoding"]["x"]["title"] == "Minutes"
    assert axis_format(spec, "x") == ",.2f"
    assert spec["mark"]["color"] == "#123456"
    assert spec["encoding"]["y"]["sort"] is None, "no sort given: bars keep the frame's order"


@pytest.mark.parametrize(
    "frame",
    [BARS.iloc[:0], BARS.iloc[:1], BARS.assign(value=[np.nan, 0.5, np.nan])],
    ids=["empty", "one-row", "nan"],
)
@pytest.mark.parametrize("horizontal", [False, True])
def test_bar_does_not_fail_on_small_or_missing_data(frame, horizontal):
    spec = charts.bar_chart(
        frame, "team", "value", "t", x_title="x", y_title="y", horizontal=horizontal
    ).to_dict()
    assert mark(spec) == "bar"
    shipped = rows(spec)
    assert len(shipped) == len(frame)
    assert [r["value"] for r in shipped] == [None if pd.isna(v) else v for v in frame["value"]]
    assert len(layers(spec)) == 1


# ------------------------------------------------------------------------- number axes


@pytest.mark.parametrize(
    "values, fmt, zero, expected",
    [
        ([0, 50, 100], ",.1f", False, ",d"),  # counts: integers, never 50.0
        ([3.0, 7.0, 12.0], ",.1f", False, ",d"),  # whole floats are counts too
        ([1.5, 13.1, 42.7], ",.1f", False, ",.0f"),  # hours 0-40: no decimals
        ([1400.25, 1401.5], ",.1f", False, ",.1f"),  # a narrow span keeps its decimals
        ([1400.25, 1401.5], ",.1f", True, ",.0f"),  # ...unless the axis starts at 0
        ([0.5, 0.8], ",.1f", False, ",.1f"),  # small values: the builder's format
        ([0.91, 0.75, 0.6], ",.2f", True, ",.2f"),
        ([0.2, 0.9], ".0%", False, ".0%"),  # percent formats stay
        ([], ",.1f", False, ",.1f"),  # nothing drawn
        ([np.nan, np.inf], ",.1f", False, ",.1f"),
        ([np.nan, 4.0], ",.1f", False, ",d"),  # missing values are skipped
        ([[0.2, 0.3], [0.0, 4.0]], ",.1f", False, ",.0f"),  # several series share one axis
    ],
    ids=[
        "counts",
        "whole-floats",
        "hours",
        "narrow",
        "narrow-zero",
        "small",
        "bars-small",
        "percent",
        "empty",
        "no-finite",
        "nan-and-count",
        "limits",
    ],
)
def test_number_format_cases(values, fmt, zero, expected):
    parts = (
        [pd.Series(v, dtype="float64") for v in values]
        if values and isinstance(values[0], list)
        else pd.Series(values, dtype="float64")
    )
    assert charts.number_format(parts, fmt, zero=zero) == expected


@pytest.mark.parametrize(
    "values, fmt, step",
    [
        ([0, 1, 2], ",.1f", 1),
        ([1.5, 42.7], ",.1f", 1),
        ([0.5, 0.8], ",.1f", 0.1),
        ([0.5, 0.8], ",.2f", 0.01),
        ([0.2, 0.9], ".0%", 0.01),
        ([0.2, 0.9], ".1%", 0.001),
    ],
)
def test_number_axis_never_steps_finer_than_its_format_shows(values, fmt, step):
    # A step finer than the format's last digit prints two ticks alike (0, 0, 1, 1).
    axis = charts.number_axis(pd.Series(values, dtype="float64"), fmt).to_dict()
    assert axis["tickMinStep"] == pytest.approx(step)
    assert axis["format"] == charts.number_format(pd.Series(values, dtype="float64"), fmt)


def test_number_axis_takes_further_settings():
    assert charts.number_axis([1.0], ",.1f", title="x").to_dict()["title"] == "x"


@pytest.mark.parametrize(
    "names, angle",
    [
        (["1", "2", "3"], 0),
        (["Billing"], 0),
        (["responsiveness", "empathy"], -30),
        (["2026-10-26"], -30),
        ([], 0),
    ],
)
def test_category_axis_keeps_every_label_and_slants_long_ones(names, angle):
    axis = charts.category_axis(names).to_dict()
    assert axis["labelOverlap"] is False
    assert axis["labelLimit"] >= 240
    assert axis["labelAngle"] == angle
    assert charts.category_axis(names, labelAngle=0).to_dict()["labelAngle"] == 0


def test_series_of_counts_reads_as_integers():
    spec = charts.series_chart(
        _trend([1, 2]).assign(backlog=[100, 50]), "backlog", "t", "a", mark="area"
    ).to_dict()
    assert axis_format(spec, "y") == ",d"
    assert spec["encoding"]["y"]["axis"]["tickMinStep"] == 1
    assert tooltip_formats(spec)["backlog"] == ",d"


def test_series_of_hours_reads_without_decimals_and_tells_them_on_hover():
    spec = charts.series_chart(_trend([1.5, 13.1, 42.7]), "sla_attainment", "t", "a").to_dict()
    assert axis_format(spec, "y") == ",.0f"
    assert tooltip_formats(spec)["sla_attainment"] == ",.1f"


def test_bar_category_labels_are_all_kept():
    spec = charts.bar_chart(
        BARS, "team", "value", "t", x_title="x", y_title="y", horizontal=True
    ).to_dict()
    axis = spec["encoding"]["y"]["axis"]
    assert axis["labelOverlap"] is False and axis["labelAngle"] == 0
    vertical = charts.bar_chart(BARS, "team", "value", "t", x_title="x", y_title="y").to_dict()
    assert vertical["encoding"]["x"]["axis"]["labelOverlap"] is False


def test_bar_of_counts_reads_as_integers():
    spec = charts.bar_chart(
        BARS.assign(value=[3, 40, 7]), "team", "value", "t", x_title="x", y_title="y"
    ).to_dict()
    assert axis_format(spec, "y") == ",d"
    assert tooltip_formats(spec)["value"] == ",d"
