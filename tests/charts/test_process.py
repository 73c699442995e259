"""svcops.charts.process: the process map, time per status, flow and handover matrix."""

from __future__ import annotations

import pandas as pd
import pytest

from svcops import charts
from svcops import process as P

from .spec import field, layers, mark, rows

EDGES = pd.DataFrame(
    [
        (P.START, "New", 10, 10, None),
        ("New", "Work", 8, 9, 2.0),
        ("Work", "Work", 2, 3, 0.5),
        ("Work", "New", 1, 1, 4.0),
        ("Work", "Closed", 8, 8, 3.0),
        ("New", "Closed", 2, 2, 1.0),
        ("Closed", P.END, 10, 10, None),
    ],
    columns=["source", "target", "cases", "events", "median_hours"],
).assign(
    mean_hours=lambda d: d["median_hours"],
    p90_hours=lambda d: d["median_hours"],
    total_hours=lambda d: d["median_hours"] * d["events"],
)
NODES = pd.DataFrame(
    {
        "activity": ["New", "Work", "Closed", P.START, P.END],
        "cases": [10, 8, 10, 10, 10],
        "events": [11, 12, 10, 10, 10],
        "median_hours": [2.0, 1.5, None, None, None],
        "mean_hours": [2.0, 1.5, None, None, None],
        "p90_hours": [3.0, 2.5, None, None, None],
        "total_hours": [20.0, 15.0, None, None, None],
        "q10_hours": [1.0, 0.5, None, None, None],
        "q25_hours": [1.5, 1.0, None, None, None],
        "q75_hours": [2.5, 2.0, None, None, None],
        "open_cases": [0, 1, 0, 0, 0],
    }
)


def _map(**kwargs) -> dict:
    lay = P.layout(EDGES)
    return charts.process_map_chart(lay, NODES, EDGES, **kwargs).to_dict(), lay


def test_map_layers_size_and_click_parameters():
    spec, lay = _map()
    drawn = layers(spec)
    assert [mark(layer) for layer in drawn] == [
        "line",
        "line",
        "text",
        "text",
        "rect",
        "text",
        "text",
        "circle",
        "text",
        "point",
    ]
    assert (spec["width"], spec["height"]) == (lay.width, lay.height)
    assert {p["name"]: p["select"]["fields"] for p in spec["params"]} == {
        "node": ["activity"],
        "edge": ["source", "target"],
    }
    # Pixels map one to one: x from 0 to the width, y downward.
    assert drawn[0]["encoding"]["x"]["scale"]["domain"] == [0, lay.width]
    assert drawn[0]["encoding"]["y"]["scale"]["domain"] == [lay.height, 0]
    # Edges as thick as they are frequent; curves through their control points.
    assert field(drawn[0], "strokeWidth") == ("events", "quantitative")
    assert drawn[0]["mark"]["interpolate"] == "basis"
    assert field(drawn[0], "detail")[0] == "edge" and field(drawn[0], "order")[0] == "point"
    assert field(drawn[9], "angle") == ("angle", "quantitative")


@pytest.mark.parametrize(
    ("colour", "column", "scheme"),
    [("frequency", "cases", "blues"), ("time", "median_hours", "orangered")],
)
def test_map_colours_activities_by_frequency_or_time(colour, column, scheme):
    spec, _ = _map(colour=colour)
    box = layers(spec)[4]
    assert field(box, "color") == (column, "quantitative")
    assert box["encoding"]["color"]["scale"]["scheme"] == scheme
    names = [r["activity"] for r in rows(spec, box)]
    assert P.START not in names and P.END not in names


def test_map_labels_names_and_units():
    names = {P.START: "Begin", P.END: "Finish", "New": "Nouveau"}
    spec, _ = _map(label="median", names=names, hours="{value:.1f} hrs", labelled=3)
    labels = rows(spec, layers(spec)[2])  # left- and right-aligned layers share them
    assert layers(spec)[2]["transform"] == [{"filter": "(datum.align === 'left')"}]
    written = sorted(r["text"] for r in labels)
    # The 3 most frequent edges are labelled (start 10, end 10, New -> Work 9); start
    # and end edges have no wait to write.
    assert written == ["", "", "2.0 hrs"]
    boxes = {r["activity"]: r for r in rows(spec, layers(spec)[5])}
    assert boxes["New"]["name"] == "Nouveau"
    assert boxes["New"]["value"] == "10"  # colour by frequency: tickets
    dots = {r["activity"]: r["name"] for r in rows(spec, layers(spec)[7])}
    assert dots == {P.START: "Begin", P.END: "Finish"}


def test_map_on_a_simplified_path_set_draws_only_kept_edges():
    kept = P.simplify(EDGES, 0.0)
    spec = charts.process_map_chart(P.layout(kept), NODES, kept).to_dict()
    drawn = {(r["source"], r["target"]) for r in rows(spec, layers(spec)[0])}
    assert drawn == set(zip(kept["source"], kept["target"], strict=True))
    assert ("Work", "New") not in drawn


def test_stage_chart_orders_by_median_and_leaves_out_start_and_end():
    spec = charts.stage_chart(NODES, "Time", axis_title="Hours").to_dict()
    drawn = layers(spec)
    assert [mark(layer) for layer in drawn] == ["rule", "bar", "tick"]
    assert drawn[0]["encoding"]["y"]["sort"] == ["New", "Work"]
    assert (field(drawn[0], "x")[0], drawn[0]["encoding"]["x2"]["field"]) == (
        "q10_hours",
        "p90_hours",
    )
    assert field(drawn[2], "x")[0] == "median_hours"
    assert {r["activity"] for r in rows(spec, drawn[0])} == {"New", "Work"}


def test_flow_chart_lines_and_open_area():
    frame = pd.DataFrame(
        {
            "date": pd.date_range("2024-01-01", periods=3),
            "arrivals": [3, 4, 5],
            "completions": [2, 4, 6],
            "wip": [1, 1, 0],
        }
    )
    labels = {"arrivals": "In", "completions": "Out", "wip": "Open"}
    spec = charts.flow_chart(frame, "Flow", labels, x_title="Day", y_title="Tickets").to_dict()
    drawn = layers(spec)
    assert [mark(layer) for layer in drawn] == ["area", "line"]
    assert drawn[0]["encoding"]["color"]["scale"]["domain"] == ["In", "Out", "Open"]
    assert spec["title"] == "Flow"


def test_handover_chart_writes_count_and_median_wait():
    matrix = pd.DataFrame(
        {
            "from_who": ["A", "B"],
            "to_who": ["B", "A"],
            "handovers": [3, 1],
            "cases": [2, 1],
            "median_hours": [2.0, None],
        }
    )
    spec = charts.handover_chart(matrix, "Handovers", hours="{value:.1f} h").to_dict()
    drawn = layers(spec)
    assert [mark(layer) for layer in drawn] == ["rect", "text"]
    assert sorted(r["text"] for r in rows(spec, drawn[1])) == ["1", "3 · 2.0 h"]
    assert field(drawn[0], "color") == ("handovers", "quantitative")
