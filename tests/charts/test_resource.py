"""svcops.charts.resource: forecast_chart, heatmap and weekly_bars."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from svcops import charts
from svcops.charts import theme

from .spec import field, layers, mark, rows, tooltip_formats

AXIS = {
    "period": "Day",
    "tickets": "Tickets",
    "series": "Channel",
    "forecast": "Forecast",
    "lower": "Low",
    "upper": "High",
    "fte": "FTE",
    "week": "Week",
}
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


# ------------------------------------------------------------------------- forecast_chart


def _history(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "series": ["Email"] * n,
            "ds": pd.date_range("2024-01-01", periods=n, freq="D"),
            "y": np.arange(n, dtype=float),
        }
    )


def _ahead(n: int, yhat: float = 5.0) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "series": ["Email"] * n,
            "ds": pd.date_range("2024-02-01", periods=n, freq="D"),
            "yhat": [yhat] * n,
            "yhat_lower": [yhat - 1] * n,
            "yhat_upper": [yhat + 1] * n,
        }
    )


def test_forecast_history_line_then_dashed_forecast_then_band():
    spec = charts.forecast_chart(_history(3), _ahead(2), "Forecast", AXIS).to_dict()
    assert spec["title"] == "Forecast"
    seen, ahead, band = layers(spec)
    assert [mark(layer) for layer in (seen, ahead, band)] == ["line", "line", "area"]
    assert ahead["mark"]["strokeDash"] == [5, 3]
    assert band["mark"]["opacity"] == 0.18
    for layer in (seen, ahead, band):
        assert field(layer, "x") == ("ds", "temporal")
        assert layer["encoding"]["x"]["title"] == "Day"
        assert field(layer, "color") == ("series", "nominal")
    assert field(seen, "y") == ("y", "quantitative")
    assert field(ahead, "y") == ("yhat", "quantitative")
    assert field(band, "y") == ("yhat_lower", "quantitative")
    assert band["encoding"]["y2"] == {"field": "yhat_upper"}
    assert band["encoding"]["y"]["title"] == "Tickets"
    assert band["encoding"]["color"]["legend"] is None, "one legend, from the lines"
    assert tooltip_formats(ahead) == {
        "ds": None,
        "series": None,
        "yhat": ",.1f",
        "yhat_lower": ",.1f",
        "yhat_upper": ",.1f",
    }


def test_forecast_ships_history_and_forecast_as_they_came():
    spec = charts.forecast_chart(_history(3), _ahead(2), "t", AXIS).to_dict()
    seen, ahead, band = layers(spec)
    assert len(rows(spec, seen)) == 3
    assert len(rows(spec, ahead)) == 2
    assert rows(spec, band) == rows(spec, ahead)
    assert len(spec["datasets"]) == 2


def test_forecast_takes_the_stable_colour_scale_on_every_layer():
    scale = charts.colour_scale("channel", ["Phone", "Email", "Chat"])
    spec = charts.forecast_chart(_history(2), _ahead(2), "t", AXIS, scale).to_dict()
    for layer in layers(spec):
        assert layer["encoding"]["color"]["scale"] == {
            "domain": ["Chat", "Email", "Phone"],
            "range": list(theme.PALETTE[:3]),
        }


def test_forecast_without_a_scale_leaves_colours_to_the_theme():
    spec = charts.forecast_chart(_history(2), _ahead(2), "t", AXIS).to_dict()
    assert all("scale" not in layer["encoding"]["color"] for layer in layers(spec))


@pytest.mark.parametrize(
    "history, ahead",
    [
        (_history(0), _ahead(0)),
        (_history(1), _ahead(1)),
        (_history(3), _ahead(2, np.nan)),
    ],
    ids=["empty", "one-row", "nan"],
)
def test_forecast_does_not_fail_on_small_or_missing_data(history, ahead):
    spec = charts.forecast_chart(history, ahead, "t", AXIS).to_dict()
    seen, forecast, _ = layers(spec)
    assert len(rows(spec, seen)) == len(history)
    assert len(rows(spec, forecast)) == len(ahead)


# ------------------------------------------------------------------------- heatmap


def _heat(column: str, values: list[float]) -> pd.DataFrame:
    n = len(values)
    return pd.DataFrame(
        {"hour": [h % 24 for h in range(n)], "weekday": [h // 24 for h in range(n)], column: values}
    )


def test_heatmap_is_an_ordinal_grid_with_weekday_names():
    spec = charts.heatmap(
        _heat("volume", [1.0, 2.0, 3.0]),
        "hour",
        "weekday",
        "volume",
        "Volume",
        x_title="Hour",
        y_title="Weekday",
        value_title="v",
        y_labels=WEEKDAYS,
    ).to_dict()
    assert spec["title"] == "Volume"
    assert len(layers(spec)) == 1
    assert mark(spec) == "rect"
    assert field(spec, "x") == ("hour", "ordinal")
    assert field(spec, "y") == ("weekday", "ordinal")
    assert field(spec, "color") == ("volume", "quantitative")
    assert spec["encoding"]["x"]["title"] == "Hour"
    assert spec["encoding"]["y"]["title"] == "Weekday"
    assert spec["encoding"]["y"]["sort"] == WEEKDAYS, "Monday first, not alphabetical"
    assert spec["encoding"]["color"]["scale"] == {"scheme": "blues"}
    assert tooltip_formats(spec) == {"weekday": None, "hour": None, "volume": ",.1f"}
    assert [r["weekday"] for r in rows(spec)] == ["Mon", "Mon", "Mon"]


def test_heatmap_keeps_numbers_without_labels_and_sorts_ascending():
    frame = _heat("volume", [1.0] * 30)
    spec = charts.heatmap(
        frame, "hour", "weekday", "volume", "t", x_title="x", y_title="y", value_title="v"
    ).to_dict()
    assert spec["encoding"]["y"]["sort"] == "ascending"
    assert sorted({r["weekday"] for r in rows(spec)}) == [0, 1]
    assert frame["weekday"].max() == 1, "the caller's frame is not relabelled"


def test_heatmap_diverging_centres_red_blue_on_zero():
    spec = charts.heatmap(
        _heat("gap", [-1.5, 0.0, 2.0]),
        "hour",
        "weekday",
        "gap",
        "Gap",
        x_title="Hour",
        y_title="Weekday",
        value_title="v",
        y_labels=WEEKDAYS,
        diverging=True,
        fmt="+.1f",
    ).to_dict()
    assert spec["encoding"]["color"]["scale"] == {"scheme": "redblue", "domainMid": 0}
    assert tooltip_formats(spec)["gap"] == "+.1f"
    assert len(rows(spec)) == 3


@pytest.mark.parametrize("values", [[], [4.0], [np.nan, 1.0]], ids=["empty", "one-row", "nan"])
@pytest.mark.parametrize("diverging", [False, True])
def test_heatmap_does_not_fail_on_small_or_missing_data(values, diverging):
    spec = charts.heatmap(
        _heat("gap", values),
        "hour",
        "weekday",
        "gap",
        "t",
        x_title="x",
        y_title="y",
        value_title="v",
        y_labels=WEEKDAYS,
        diverging=diverging,
    ).to_dict()
    shipped = rows(spec)
    assert len(shipped) == len(values)
    assert sum(r["gap"] is None for r in shipped) == int(np.isnan(values).sum())


# ------------------------------------------------------------------------- weekly_bars

LABELS = {"required_fte": "Required", "rostered_fte": "Rostered"}


def _weekly(required: list[float], rostered: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "week": pd.date_range("2024-01-01", periods=len(required), freq="W-MON"),
            "required_fte": required,
            "rostered_fte": rostered,
            "short_hours": 0.0,
        }
    )


def test_weekly_bars_required_and_rostered_side_by_side():
    spec = charts.weekly_bars(_weekly([3.0, 4.0], [3.5, 3.0]), "Weekly", LABELS, AXIS).to_dict()
    assert spec["title"] == "Weekly"
    assert len(layers(spec)) == 1
    assert mark(spec) == "bar"
    assert field(spec, "x") == ("week", "ordinal")
    assert spec["encoding"]["x"]["title"] is None
    assert field(spec, "xOffset") == ("what", "nominal")
    assert spec["encoding"]["xOffset"]["sort"] == ["Required", "Rostered"]
    assert field(spec, "y") == ("fte", "quantitative")
    assert spec["encoding"]["y"]["title"] == "FTE"
    assert spec["encoding"]["color"]["scale"] == {
        "domain": ["Required", "Rostered"],
        "range": [theme.BAD, theme.PALETTE[0]],
    }
    assert tooltip_formats(spec) == {"week": None, "what": None, "fte": ",.1f"}


def test_weekly_bars_ship_two_rows_a_week_with_the_week_as_a_date_string():
    shipped = rows(charts.weekly_bars(_weekly([3.0, 4.0], [3.5, 3.0]), "t", LABELS, AXIS).to_dict())
    assert len(shipped) == 4
    assert set(shipped[0]) == {"week", "what", "fte"}
    assert sorted({r["week"] for r in shipped}) == ["2024-01-01", "2024-01-08"]


@pytest.mark.parametrize(
    "required, rostered",
    [([], []), ([2.0], [1.0]), ([np.nan], [1.0])],
    ids=["empty", "one-row", "nan"],
)
def test_weekly_bars_do_not_fail_on_small_or_missing_data(required, rostered):
    shipped = rows(charts.weekly_bars(_weekly(required, rostered), "t", LABELS, AXIS).to_dict())
    assert len(shipped) == 2 * len(required)
    assert sum(r["fte"] is None for r in shipped) == int(np.isnan(required + rostered).sum())


# ------------------------------------------------------------------------- forecast legend

NAMES = {"actual": "Actual", "forecast": "Forecast", "band": "Likely range"}


def test_forecast_legend_names_the_series_from_the_history_line():
    # In a shared legend, one layer's "legend: null" drops the legend for all: the
    # colour legends resolve apart, and only the history line's shows.
    scale = charts.colour_scale("channel", ["Email", "Chat"])
    spec = charts.forecast_chart(_history(3), _ahead(2), "t", AXIS, scale, NAMES).to_dict()
    seen, ahead, band = layers(spec)
    assert spec["resolve"] == {"legend": {"color": "independent"}}
    assert "legend" not in seen["encoding"]["color"], "the history line's legend shows"
    assert ahead["encoding"]["color"]["legend"] is None
    assert band["encoding"]["color"]["legend"] is None


def test_forecast_legend_tells_history_forecast_and_band_apart():
    spec = charts.forecast_chart(_history(3), _ahead(2), "t", AXIS, labels=NAMES).to_dict()
    seen, ahead, band = layers(spec)
    for layer, label in ((seen, "Actual"), (ahead, "Forecast")):
        dash = layer["encoding"]["strokeDash"]
        assert dash["field"] == "kind"
        assert dash["scale"] == {"domain": ["Actual", "Forecast"], "range": [[1, 0], [5, 3]]}
        assert layer["transform"] == [{"calculate": f'"{label}"', "as": "kind"}]
    shade = band["encoding"]["opacity"]
    assert shade["field"] == "band" and shade["legend"]["symbolType"] == "square"
    assert shade["scale"]["range"] == [band["mark"]["opacity"]] * 2, "the band's own shade"
    assert band["transform"] == [{"calculate": '"Likely range"', "as": "band"}]
    assert len(spec["datasets"]) == 2, "the legend's names are computed, not shipped"


def test_forecast_legend_names_survive_quotes():
    names = {**NAMES, "actual": 'Say "hi" \\ there'}
    spec = charts.forecast_chart(_history(1), _ahead(1), "t", AXIS, labels=names).to_dict()
    assert layers(spec)[0]["transform"][0]["calculate"] == '"Say \\"hi\\" \\\\ there"'


def test_forecast_without_labels_has_only_the_series_legend():
    spec = charts.forecast_chart(_history(2), _ahead(2), "t", AXIS).to_dict()
    assert all(
        "strokeDash" not in layer["encoding"] and "opacity" not in layer["encoding"]
        for layer in layers(spec)
    )


def test_forecast_count_axis_reads_as_whole_tickets():
    spec = charts.forecast_chart(_history(30), _ahead(2, yhat=25.3), "t", AXIS).to_dict()
    axis = layers(spec)[2]["encoding"]["y"]["axis"]
    assert axis == {"format": ",.0f", "tickMinStep": 1}


def test_forecast_dates_read_one_way_at_any_width():
    # Vega's default labels mix "Mon 07", "October" and "Oct 25" on one axis (seen in
    # presenter mode): every layer's time axis says month and day.
    spec = charts.forecast_chart(_history(3), _ahead(2), "t", AXIS).to_dict()
    formats = {layer["encoding"]["x"]["axis"]["format"] for layer in spec["layer"]}
    assert formats == {"%b %d"}
