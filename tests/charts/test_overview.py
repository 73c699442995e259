"""svcops.charts.overview: volume_chart (created vs resolved per period)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from svcops import charts
from svcops.charts import theme

from .spec import field, layers, mark, rows, tooltip_formats

LABELS = {"created": "Created", "resolved": "Resolved"}
AXIS = {"period": "Week", "tickets": "Tickets", "series": "Series"}


def _trend(created: list[float], resolved: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "period": pd.date_range("2024-01-01", periods=len(created), freq="D"),
            "created": created,
            "resolved": resolved,
            "backlog": 0,
        }
    )


def test_volume_is_two_coloured_lines_over_time():
    spec = charts.volume_chart(_trend([3, 4], [2, 4]), LABELS, "Volume", AXIS).to_dict()
    assert spec["title"] == "Volume"
    assert len(layers(spec)) == 1
    assert mark(spec) == "line"
    assert spec["mark"]["point"] is True
    assert field(spec, "x") == ("period", "temporal")
    assert field(spec, "y") == ("tickets", "quantitative")
    assert field(spec, "color") == ("series", "nominal")
    assert spec["encoding"]["x"]["title"] == "Week"
    assert spec["encoding"]["y"]["title"] == "Tickets"
    assert spec["encoding"]["color"]["title"] is None
    assert spec["encoding"]["color"]["scale"] == {
        "domain": ["Created", "Resolved"],
        "range": [theme.SERIES_COLOURS["created"], theme.SERIES_COLOURS["resolved"]],
    }
    assert tooltip_formats(spec) == {"period": None, "series": None, "tickets": ","}


def test_volume_ships_one_row_per_period_and_series_with_translated_labels():
    spec = charts.volume_chart(
        _trend([3, 4], [2, 5]), {"created": "新建", "resolved": "解决"}, "t", AXIS
    ).to_dict()
    shipped = rows(spec)
    assert len(shipped) == 4
    assert {r["series"] for r in shipped} == {"新建", "解决"}
    assert sorted(r["tickets"] for r in shipped) == [2, 3, 4, 5]
    assert set(shipped[0]) == {"period", "series", "tickets"}, "no other columns leave the server"


@pytest.mark.parametrize(("periods", "points"), [(60, True), (61, False)])
def test_volume_drops_the_points_beyond_sixty_periods(periods, points):
    spec = charts.volume_chart(_trend([1] * periods, [1] * periods), LABELS, "t", AXIS).to_dict()
    assert spec["mark"]["point"] is points
    assert len(rows(spec)) == 2 * periods


@pytest.mark.parametrize(
    "created, resolved",
    [([], []), ([3], [1]), ([np.nan, 2], [1, np.nan])],
    ids=["empty", "one-row", "nan"],
)
def test_volume_does_not_fail_on_small_or_missing_data(created, resolved):
    spec = charts.volume_chart(_trend(created, resolved), LABELS, "t", AXIS).to_dict()
    assert mark(spec) == "line"
    shipped = rows(spec)
    assert len(shipped) == 2 * len(created)
    assert sum(r["tickets"] is None for r in shipped) == int(np.isnan(created + resolved).sum())


def test_volume_zh_locale():
    chart = charts.volume_chart(_trend([3], [1]), LABELS, "t", AXIS)
    assert (
        charts.localised(chart, "zh").to_dict()["config"]["locale"]["time"]["shortDays"][0]
        == "周日"
    )
