"""svcops.charts.quality: control_chart, pareto_chart and servqual_chart."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from svcops import charts
from svcops.charts import theme

from .spec import axis_format, field, layers, mark, rows, tooltip_formats

AXIS = {
    "period": "Day",
    "value": "Hours",
    "count": "Tickets",
    "cumulative": "Cumulative",
    "centre": "Centre",
    "ucl": "UCL",
    "lcl": "LCL",
    "category": "Team",
    "share": "Share",
    "score": "Score",
    "dimension": "Dimension",
    "series": "Series",
}


# ------------------------------------------------------------------------- control_chart


def _control(
    values: list[float], flags: list[bool] | None = None, *, limits: float = 1.0
) -> pd.DataFrame:
    n = len(values)
    return pd.DataFrame(
        {
            "date": pd.date_range("2024-03-01", periods=n, freq="D"),
            "value": values,
            "centre": [2.0] * n,
            "ucl": [2.0 + 2 * limits] * n,
            "lcl": [2.0 - 2 * limits] * n,
            "out_of_control": flags if flags is not None else [False] * n,
        }
    )


def test_control_layers_value_centre_limits_and_flagged_points():
    spec = charts.control_chart(
        _control([1.0, 2.0, 5.0], [False, False, True]), "AHT", AXIS, flagged_label="out of control"
    ).to_dict()
    assert spec["title"] == "AHT"
    drawn = layers(spec)
    assert len(drawn) == 5
    assert [mark(layer) for layer in drawn] == ["line", "line", "line", "line", "circle"]
    assert [field(layer, "y")[0] for layer in drawn] == ["value", "centre", "ucl", "lcl", "value"]
    assert all(field(layer, "x") == ("date", "temporal") for layer in drawn)
    assert all(field(layer, "y")[1] == "quantitative" for layer in drawn)
    assert drawn[0]["encoding"]["x"]["title"] == "Day"
    assert drawn[0]["encoding"]["y"]["title"] == "Hours"
    # One colour scale names every layer, so a legend above the plot explains them.
    legend = ["Hours", "out of control", "Centre", "UCL / LCL"]
    colours = [theme.PALETTE[0], theme.BAD, theme.GOOD, theme.BAD]
    for layer in drawn:
        colour = layer["encoding"]["color"]
        assert colour["field"] == "series"
        assert colour["scale"] == {"domain": legend, "range": colours}
        assert colour["legend"]["orient"] == "top" and colour["legend"]["title"] is None
    named = [layer["transform"][0]["calculate"] for layer in drawn]
    assert named[:4] == ['"Hours"', '"Centre"', '"UCL / LCL"', '"UCL / LCL"']
    assert named[4] == 'datum.out_of_control ? "out of control" : "Hours"'
    # The centre and limits step at the midpoint between points, so each point sits in
    # the middle of its own level (p-chart limits move with n, weekday ones by weekday).
    assert drawn[1]["mark"]["interpolate"] == "step"
    for limit in drawn[2:4]:
        assert limit["mark"]["interpolate"] == "step"
        assert limit["mark"]["strokeDash"] == [4, 3]
    assert drawn[4]["encoding"]["size"]["condition"] == {
        "test": "datum.out_of_control",
        "value": 80,
    }


def test_control_legend_names_are_quoted_not_evaluated():
    axis = {**AXIS, "value": 'Tickets "a" \\ b'}
    spec = charts.control_chart(_control([1.0, 2.0]), "t", axis, flagged_label="x' + y").to_dict()
    calc = layers(spec)[4]["transform"][0]["calculate"]
    assert calc == 'datum.out_of_control ? "x\' + y" : "Tickets \\"a\\" \\\\ b"'


def test_control_flags_carry_the_translated_label():
    spec = charts.control_chart(
        _control([1.0, 5.0], [False, True]), "t", AXIS, flagged_label="失控"
    ).to_dict()
    assert [r["flag"] for r in rows(spec)] == ["", "失控"]


@pytest.mark.parametrize(
    ("percent", "axis_fmt", "tip_fmt"), [(False, ",.0f", ",.1f"), (True, ".0%", ".1%")]
)
def test_control_number_formats(percent, axis_fmt, tip_fmt):
    spec = charts.control_chart(_control([0.2, 0.3]), "t", AXIS, percent=percent).to_dict()
    assert axis_format(layers(spec)[0], "y") == axis_fmt
    tips = tooltip_formats(layers(spec)[4])
    assert tips == {
        "date": None,
        "value": tip_fmt,
        "centre": tip_fmt,
        "ucl": tip_fmt,
        "lcl": tip_fmt,
        "flag": None,
    }


def test_control_ships_only_points_with_a_value():
    spec = charts.control_chart(_control([1.0, np.nan, 3.0, np.nan]), "t", AXIS).to_dict()
    assert [r["value"] for r in rows(spec)] == [1.0, 3.0]


@pytest.mark.parametrize(
    "frame, shipped",
    [
        (_control([]), 0),
        (_control([4.0]), 1),
        (_control([np.nan, np.nan]), 0),
        (_control([1.0, 2.0], limits=np.nan), 2),  # too few baseline points: no limits
    ],
    ids=["empty", "one-row", "all-nan", "nan-limits"],
)
def test_control_does_not_fail_on_small_or_missing_data(frame, shipped):
    spec = charts.control_chart(frame, "t", AXIS).to_dict()
    assert len(layers(spec)) == 5
    assert len(rows(spec)) == shipped


# ------------------------------------------------------------------------- pareto_chart


def _pareto(counts: dict[str, int]) -> pd.DataFrame:
    frame = pd.DataFrame({"team": list(counts), "count": list(counts.values())})
    total = frame["count"].sum()
    share = frame["count"] / total if total else pd.Series(np.nan, index=frame.index)
    cumulative = share.cumsum()
    return frame.assign(
        share=share,
        cumulative_share=cumulative,
        vital_few=(cumulative.shift(1, fill_value=0) < 0.8) & (total > 0),
    )


def test_pareto_bars_and_cumulative_line_on_two_axes():
    spec = charts.pareto_chart(
        _pareto({"Desk": 6, "Field": 3, "Apps": 1}), "team", "Reopens", AXIS
    ).to_dict()
    assert spec["title"] == "Reopens"
    bars, line = layers(spec)
    assert (mark(bars), mark(line)) == ("bar", "line")
    assert spec["resolve"] == {"scale": {"y": "independent"}}
    for layer in (bars, line):
        assert field(layer, "x") == ("team", "nominal")
        assert layer["encoding"]["x"]["sort"] == ["Desk", "Field", "Apps"], "largest first"
        assert layer["encoding"]["x"]["title"] is None
    assert field(bars, "y") == ("count", "quantitative")
    assert bars["encoding"]["y"]["title"] == "Tickets"
    assert bars["encoding"]["color"]["condition"] == {
        "test": "datum.vital_few",
        "value": theme.PALETTE[0],
    }
    assert tooltip_formats(bars) == {
        "team": None,
        "count": ",",
        "share": ".1%",
        "cumulative_share": ".1%",
    }
    assert field(line, "y") == ("cumulative_share", "quantitative")
    assert line["encoding"]["y"]["title"] == "Cumulative"
    assert axis_format(line, "y") == ".0%"
    assert line["encoding"]["y"]["scale"] == {"domain": [0, 1]}
    assert line["mark"]["color"] == theme.BAD
    # the points on the line in the line's colour, not the theme's blue of the bars
    assert line["mark"]["point"] == {"color": theme.BAD, "filled": True}


def test_pareto_ships_the_prepared_table_once():
    frame = _pareto({"Desk": 6, "Field": 3, "Apps": 1})
    spec = charts.pareto_chart(frame, "team", "t", AXIS).to_dict()
    assert len(spec["datasets"]) == 1, "bars and line share one copy of the data"
    assert [r["count"] for r in rows(spec)] == [6, 3, 1]
    assert [r["vital_few"] for r in rows(spec)] == [True, True, False]


@pytest.mark.parametrize(
    "counts",
    [{}, {"Desk": 4}, {"Desk": 0, "Field": 0}],
    ids=["empty", "one-row", "zero-total-nan-shares"],
)
def test_pareto_does_not_fail_on_small_or_missing_data(counts):
    spec = charts.pareto_chart(_pareto(counts), "team", "t", AXIS).to_dict()
    assert len(layers(spec)) == 2
    assert len(rows(spec)) == len(counts)
    assert layers(spec)[0]["encoding"]["x"]["sort"] == list(counts)


# ------------------------------------------------------------------------- servqual_chart

LABELS = {"expectation": "Expected", "perception": "Perceived"}


def _gaps(n: int, perception: float = 3.5) -> pd.DataFrame:
    names = ["tangibles", "reliability", "responsiveness", "assurance", "empathy"][:n]
    return pd.DataFrame(
        {
            "dimension": names,
            "expectation": [4.5] * n,
            "perception": [perception] * n,
            "gap": [perception - 4.5] * n,
        }
    )


def test_servqual_expectation_and_perception_side_by_side_per_dimension():
    spec = charts.servqual_chart(_gaps(5), "SERVQUAL", LABELS, AXIS).to_dict()
    assert spec["title"] == "SERVQUAL"
    assert len(layers(spec)) == 1
    assert mark(spec) == "bar"
    assert field(spec, "x") == ("dimension", "nominal")
    assert field(spec, "xOffset") == ("what", "nominal")
    assert field(spec, "y") == ("score", "quantitative")
    assert field(spec, "color") == ("what", "nominal")
    assert spec["encoding"]["y"]["title"] == "Score"
    assert spec["encoding"]["x"]["title"] is None
    assert spec["encoding"]["color"]["scale"] == {
        "domain": ["Expected", "Perceived"],
        "range": [theme.NEUTRAL, theme.PALETTE[0]],
    }
    assert tooltip_formats(spec)["score"] == ".2f"


def test_servqual_ships_two_rows_per_dimension_and_no_gap_column():
    shipped = rows(charts.servqual_chart(_gaps(5), "t", LABELS, AXIS).to_dict())
    assert len(shipped) == 10
    assert set(shipped[0]) == {"dimension", "what", "score"}
    assert {r["what"] for r in shipped} == {"Expected", "Perceived"}


@pytest.mark.parametrize(
    "frame, shipped, missing",
    [
        (_gaps(0), 0, 0),
        (_gaps(1), 2, 0),
        (_gaps(2, perception=np.nan), 4, 2),
    ],
    ids=["empty", "one-row", "nan"],
)
def test_servqual_does_not_fail_on_small_or_missing_data(frame, shipped, missing):
    out = rows(charts.servqual_chart(frame, "t", LABELS, AXIS).to_dict())
    assert len(out) == shipped
    assert sum(r["score"] is None for r in out) == missing
