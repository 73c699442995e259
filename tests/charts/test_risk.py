"""Risk charts: the heat map's cells, arrows, appetite line and click selection; an
indicator's series against its thresholds."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from svcops import charts
from svcops.charts.risk import _appetite_edges, _arrows
from svcops.risk import Bands, heat_cells, movements

TITLES = {
    "likelihood": "L",
    "impact": "I",
    "score": "S",
    "band": "B",
    "count": "N",
    "ids": "Ids",
    "more": "+{n}",
    "from": "From",
    "to": "To",
    "appetite": "Appetite",
    "end": "End",
    "value": "V",
    "status": "St",
    "threshold": "Th",
    "amber": "A",
    "red": "R",
}


def _register() -> pd.DataFrame:
    # R1: 4x5 -> 2x5; R2: 4x5 -> 2x5; R3: 1x1 stays; R4 closed 5x5 -> 5x5.
    return pd.DataFrame(
        {
            "risk_id": ["R1", "R2", "R3", "R4", "R5", "R6", "R7"],
            "closed": [False, False, False, True, False, False, False],
            "likelihood": [4, 4, 1, 5, 3, 3, 3],
            "impact": [5, 5, 1, 5, 3, 3, 3],
            "residual_likelihood": [2, 2, 1, 5, 3, 3, 3],
            "residual_impact": [5, 5, 1, 5, 3, 3, 3],
            "target_likelihood": [1, None, None, None, None, None, None],
            "target_impact": [5, None, None, None, None, None, None],
        }
    )


def cells() -> pd.DataFrame:
    return heat_cells(_register(), "residual", Bands())


def heat():
    return charts.risk_heat_chart(
        cells(),
        movements(_register()),
        TITLES,
        appetite=12,
        bands={"low": "Lo", "medium": "Me", "high": "Hi", "critical": "Cr"},
    )


def kri():
    series = pd.DataFrame(
        {
            "end": pd.date_range("2026-01-04", periods=4, freq="7D"),
            "value": [0.1, 0.2, 0.3, 0.6],
            "status": ["green", "amber", "amber", "red"],
        }
    )
    return charts.kri_chart(series, 0.2, 0.5, TITLES, percent=True)


def _layers(spec: dict) -> list[dict]:
    return spec["layer"]


def _data(spec: dict, layer: dict) -> list[dict]:
    return spec["datasets"][layer.get("data", spec.get("data"))["name"]]


def test_heat_map_cells_carry_count_and_ids():
    spec = heat().to_dict()
    rects = _layers(spec)[0]
    rows = _data(spec, rects)
    assert len(rows) == 25
    by_cell = {(r["likelihood"], r["impact"]): r for r in rows}
    # R5, R6, R7 share 3 x 3 (three ids, all written); R1 and R2 moved to 2 x 5.
    assert by_cell[(3, 3)]["count"] == 3 and by_cell[(3, 3)]["ids_text"] == "R5, R6\nR7"
    assert by_cell[(2, 5)]["count"] == 2 and by_cell[(2, 5)]["ids_text"] == "R1, R2"
    # The closed R4 is not on the map; an empty cell writes no count.
    assert by_cell[(5, 5)]["count"] == 0 and by_cell[(5, 5)]["count_text"] == ""
    assert by_cell[(2, 5)]["band_name"] == "Me"  # 10: medium (6-11)
    params = rects.get("params") or spec["params"]
    assert params[0]["name"] == "cell"
    assert params[0]["select"]["fields"] == ["likelihood", "impact"]


def test_five_or_more_ids_are_cut_to_four_and_a_count():
    frame = cells()
    frame.loc[0, ["count", "ids"]] = [5, "A, B, C, D, E"]
    spec = charts.risk_heat_chart(frame, None, TITLES).to_dict()
    rows = _data(spec, _layers(spec)[0])
    assert rows[0]["ids_text"] == "A, B\nC, D\n+1"
    # Presenting, two ids and the count; an odd number shown keeps the count beside.
    spec = charts.risk_heat_chart(frame, None, TITLES, ids_shown=2).to_dict()
    assert _data(spec, _layers(spec)[0])[0]["ids_text"] == "A, B\n+3"
    spec = charts.risk_heat_chart(frame, None, TITLES, ids_shown=3).to_dict()
    assert _data(spec, _layers(spec)[0])[0]["ids_text"] == "A, B\nC +2"


def test_arrows_run_from_inherent_to_residual_cell():
    moves = movements(_register())
    # R1 and R2 move together (one arrow of 2); R3 stays; R4 is closed.
    assert moves.to_dict("records") == [
        {
            "from_likelihood": 4,
            "from_impact": 5,
            "to_likelihood": 2,
            "to_impact": 5,
            "count": 2,
            "ids": "R1, R2",
        }
    ]
    arrow = _arrows(moves, TITLES).iloc[0]
    # Straight down (likelihood falls, impact stays): the head points down (180 degrees).
    assert arrow["angle"] == pytest.approx(180.0)
    # Both ends in the cells' lower right: inside the likelihood-4 cell and the 2 cell.
    assert 3.5 <= arrow["y0"] < 4.0 and 1.5 <= arrow["y1"] < 2.0
    assert 5.0 < arrow["x0"] < 5.5 and arrow["x1"] == pytest.approx(arrow["x0"])
    # Impact grows by one, likelihood by one: up and to the right, 45 degrees.
    diag = pd.DataFrame(
        [
            {
                "from_likelihood": 1,
                "from_impact": 1,
                "to_likelihood": 2,
                "to_impact": 2,
                "count": 1,
                "ids": "X",
            }
        ]
    )
    assert _arrows(diag, TITLES).iloc[0]["angle"] == pytest.approx(45.0)


def test_appetite_line_encloses_the_scores_at_or_above_it():
    edges = _appetite_edges(12)
    # Cells at or above 12: (3,4),(3,5),(4,3),(4,4),(4,5),(5,3),(5,4),(5,5) as (impact, L).
    # The boundary: left edges of (3,4),(3,5),(4,3); bottom edges of (4,3),(5,3),(3,4).
    segs = {tuple(round(v, 1) for v in row) for row in edges.itertuples(index=False)}
    assert segs == {
        (2.5, 3.5, 2.5, 4.5),
        (2.5, 4.5, 2.5, 5.5),
        (3.5, 2.5, 3.5, 3.5),
        (3.5, 2.5, 4.5, 2.5),
        (4.5, 2.5, 5.5, 2.5),
        (2.5, 3.5, 3.5, 3.5),
    }
    assert _appetite_edges(26).empty
    spec = heat().to_dict()
    assert any(layer["mark"].get("strokeDash") for layer in _layers(spec))


def test_kri_chart_draws_thresholds_and_status_colours():
    spec = kri().to_dict()
    rules, line, points = _layers(spec)
    assert [r["value"] for r in _data(spec, rules)] == [0.2, 0.5]
    assert points["encoding"]["color"]["scale"]["range"] == ["#1A7F37", "#D29922", "#C0392B"]
    assert line["encoding"]["y"]["axis"]["format"] == ".0%"
    assert not math.isnan(_data(spec, points)[-1]["value"])


def builders():
    """For the axis and tooltip checks of every builder (tests/charts/test_axes.py)."""
    return {"risk_heat": heat, "risk_kri": kri}
