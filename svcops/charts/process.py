"""Chart builders for the Process design page: the process map (from a computed layout),
time in each status, the flow of tickets and the handover matrix.

The map is drawn in pixels: its layout (``svcops.process.layout``) places boxes and
edge control points, and the chart's scales map those pixels one to one, so it is
drawn at its own size (not stretched to the container) and arrow heads point true.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import altair as alt
import pandas as pd

from .common import category_axis, number_axis, number_format
from .theme import BAD, GOOD, NEUTRAL, PALETTE

# What an edge's label can show: the column of the map's edges, and whether it is hours.
_EDGE_LABELS: dict[str, tuple[str, bool]] = {
    "cases": ("cases", False),
    "events": ("events", False),
    "median": ("median_hours", True),
    "mean": ("mean_hours", True),
    "p90": ("p90_hours", True),
    "total": ("total_hours", True),
}
# What colours the activities: tickets passing through, or the median time spent in it.
_NODE_COLOURS: dict[str, tuple[str, Literal["blues", "orangered"]]] = {
    "frequency": ("cases", "blues"),
    "time": ("median_hours", "orangered"),
}
_EDGE_COLOUR = "#8C959F"
# Fill shares above this get white text.
_DARK = 0.55
_STROKE = (1.2, 9.0)


def _hours(template: str, value: float) -> str:
    return "" if pd.isna(value) else template.format(value=value)


def process_map_chart(
    layout,
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    colour: str = "frequency",
    label: str = "cases",
    names: Mapping[str, str] | None = None,
    hours: str = "{value:,.1f} h",
    titles: Mapping[str, str] | None = None,
    labelled: int = 30,
):
    """The process map: boxes for activities (start and end as dots), edges as curves
    as thick as they are frequent, with an arrow head and a label each.

    ``layout``: a ``svcops.process.MapLayout`` of ``edges``; ``nodes``: the map's nodes
    (``activity, cases, events, median_hours, ...``); ``edges``: the edges drawn
    (``source, target, cases, events, median_hours, mean_hours, p90_hours,
    total_hours``). ``colour``: a key of ``_NODE_COLOURS``; ``label``: a key of
    ``_EDGE_LABELS``; ``names``: display names of activities (others show as they
    are); ``hours``: the template an hours value is written with (``{value}``);
    ``titles``: tooltip and legend titles by column name; ``labelled``: how many edges,
    the most frequent, get a label (a dense map stays legible; every edge has a tooltip).

    Clicking selects: parameter ``node`` (field ``activity``) on a box, ``edge``
    (fields ``source``, ``target``) on an edge.
    """
    names = dict(names or {})
    titles = dict(titles or {})
    width, height = layout.width, layout.height
    font = 11 * layout.scale
    x_scale = alt.Scale(domain=[0, width], nice=False, zero=False)
    y_scale = alt.Scale(domain=[height, 0], nice=False, zero=False)
    x, y = alt.X("x:Q", scale=x_scale, axis=None), alt.Y("y:Q", scale=y_scale, axis=None)

    def name(value: str) -> str:
        return names.get(value, value)

    box = layout.nodes.merge(nodes, on="activity", how="left")
    box["name"] = box["activity"].map(name)
    ends = box["activity"].isin(["__start__", "__end__"])
    value_col, scheme = _NODE_COLOURS[colour]
    acts = box[~ends].copy()
    top = acts[value_col].max() if len(acts) else 0
    acts["shade"] = (acts[value_col] / top).fillna(0) if top and top == top else 0.0
    acts["value"] = [
        f"{int(c):,}" if colour == "frequency" else _hours(hours, h)
        for c, h in zip(acts["cases"], acts["median_hours"], strict=True)
    ]

    span = edges[["source", "target", "events"]]
    paths = layout.paths.merge(edges, on=["source", "target"], how="inner")
    arrows = layout.arrows.merge(span, on=["source", "target"], how="inner")
    column, is_hours = _EDGE_LABELS[label]
    marks = layout.labels.merge(edges, on=["source", "target"], how="inner")
    marks = marks.sort_values("events", ascending=False, kind="stable").head(labelled)
    marks["text"] = [
        _hours(hours, v) if is_hours else ("" if pd.isna(v) else f"{int(v):,}")
        for v in marks[column]
    ]
    lo, hi = (span["events"].min(), span["events"].max()) if len(span) else (0, 1)
    stroke = alt.Scale(domain=[lo, max(hi, lo + 1)], range=list(_STROKE))
    edge_tip = [
        alt.Tooltip("source_name:N", title=titles.get("source", "source")),
        alt.Tooltip("target_name:N", title=titles.get("target", "target")),
        alt.Tooltip("cases:Q", format=",d", title=titles.get("cases", "cases")),
        alt.Tooltip("events:Q", format=",d", title=titles.get("events", "events")),
    ] + [
        alt.Tooltip(f"{c}:Q", format=",.1f", title=titles.get(c, c))
        for c in ("median_hours", "mean_hours", "p90_hours", "total_hours")
    ]
    for frame in (paths, marks):
        frame["source_name"] = frame["source"].map(name)
        frame["target_name"] = frame["target"].map(name)
    node_pick = alt.selection_point(name="node", fields=["activity"], on="click", clear="dblclick")
    edge_pick = alt.selection_point(
        name="edge", fields=["source", "target"], on="click", clear="dblclick"
    )
    detail = alt.Detail("edge:N")
    order = alt.Order("point:Q")
    lines = (
        alt.Chart(paths)
        .mark_line(interpolate="basis", color=_EDGE_COLOUR, strokeCap="round", opacity=0.85)
        .encode(
            x=x,
            y=y,
            detail=detail,
            order=order,
            strokeWidth=alt.StrokeWidth("events:Q", scale=stroke, legend=None),
            tooltip=edge_tip,
        )
    )
    # A wide, almost invisible copy of each edge: what a click lands on.
    hits = (
        alt.Chart(paths)
        .mark_line(interpolate="basis", color=_EDGE_COLOUR, opacity=0.01, strokeWidth=14)
        .encode(x=x, y=y, detail=detail, order=order, tooltip=edge_tip)
        .add_params(edge_pick)
    )
    heads = (
        alt.Chart(arrows)
        .mark_point(
            shape="triangle-up", filled=True, color="#57606A", opacity=0.9, size=70 * layout.scale
        )
        .encode(x=x, y=y, angle=alt.Angle("angle:Q", scale=None))
    )

    def written(align: Literal["left", "right"]) -> alt.Chart:
        return (
            alt.Chart(marks)
            .transform_filter(alt.datum.align == align)
            .mark_text(align=align, baseline="middle", fontSize=font, color="#24292F")
            .encode(x=x, y=y, text="text:N")
        )

    node_tip = (
        [
            alt.Tooltip("name:N", title=titles.get("activity", "activity")),
            alt.Tooltip("cases:Q", format=",d", title=titles.get("cases", "cases")),
            alt.Tooltip("events:Q", format=",d", title=titles.get("events", "events")),
        ]
        + [
            alt.Tooltip(f"{c}:Q", format=",.1f", title=titles.get(c, c))
            for c in ("median_hours", "p90_hours", "total_hours")
        ]
        + [alt.Tooltip("open_cases:Q", format=",d", title=titles.get("open_cases", "open"))]
    )
    legend = alt.Legend(
        title=titles.get(f"legend_{colour}", value_col),
        orient="bottom",
        format=number_format(acts[value_col], ",.1f"),
        labelOverlap="greedy",
        gradientLength=220 * layout.scale,
    )
    boxes = (
        alt.Chart(acts)
        .mark_rect(cornerRadius=6, stroke="#57606A", strokeWidth=1)
        .encode(
            x=alt.X("x0:Q", scale=x_scale, axis=None),
            x2="x1:Q",
            y=alt.Y("y0:Q", scale=y_scale, axis=None),
            y2="y1:Q",
            color=alt.Color(f"{value_col}:Q", scale=alt.Scale(scheme=scheme), legend=legend),
            strokeWidth=alt.condition(node_pick, alt.value(2.5), alt.value(1)),
            tooltip=node_tip,
        )
        .add_params(node_pick)
    )
    ink = alt.condition(f"datum.shade > {_DARK}", alt.value("white"), alt.value("#24292F"))
    limit = max(layout.box - 10, 30)
    title_text = (
        alt.Chart(acts)
        .mark_text(baseline="bottom", fontSize=font + 1, fontWeight=600, limit=limit, dy=1)
        .encode(x=x, y=y, text="name:N", color=ink, tooltip=node_tip)
    )
    value_text = (
        alt.Chart(acts)
        .mark_text(baseline="top", fontSize=font, dy=3, limit=limit)
        .encode(x=x, y=y, text="value:N", color=ink, tooltip=node_tip)
    )
    dots = (
        alt.Chart(box[ends])
        .mark_circle(size=420 * layout.scale**2, opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "activity:N",
                scale=alt.Scale(domain=["__start__", "__end__"], range=[GOOD, BAD]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("name:N", title=titles.get("activity", "activity")),
                alt.Tooltip("cases:Q", format=",d", title=titles.get("cases", "cases")),
            ],
        )
    )
    dot_text = (
        alt.Chart(box[ends])
        .mark_text(fontSize=font, dx=18 * layout.scale, align="left", color=NEUTRAL)
        .encode(x=x, y=y, text="name:N")
    )
    return alt.layer(
        lines,
        hits,
        written("left"),
        written("right"),
        boxes,
        title_text,
        value_text,
        dots,
        dot_text,
        heads,
    ).properties(width=width, height=height)


def stage_chart(
    nodes: pd.DataFrame,
    title: str,
    *,
    names: Mapping[str, str] | None = None,
    axis_title: str = "hours",
    titles: Mapping[str, str] | None = None,
):
    """Time in each activity: a thin bar from P10 to P90, a thick one over the quartiles
    and a tick at the median, the longest median on top. ``nodes``: ``activity,
    q10_hours, q25_hours, median_hours, q75_hours, p90_hours``; activities without a
    time (only ever last) are left out."""
    names = dict(names or {})
    titles = dict(titles or {})
    data = nodes.dropna(subset=["median_hours"]).copy()
    data = data[~data["activity"].isin(["__start__", "__end__"])]
    data["name"] = data["activity"].map(lambda a: names.get(a, a))
    order = data.sort_values("median_hours", ascending=False)["name"].tolist()
    y = alt.Y("name:N", sort=order, title=None, axis=category_axis(order, labelAngle=0))
    scale = alt.Scale(type="symlog", constant=1)
    axis = number_axis(
        [data[c] for c in ("q10_hours", "p90_hours")], ",.1f", zero=True, title=axis_title
    )
    tip = [alt.Tooltip("name:N", title=titles.get("activity", "activity"))] + [
        alt.Tooltip(f"{c}:Q", format=",.1f", title=titles.get(c, c))
        for c in ("q10_hours", "q25_hours", "median_hours", "q75_hours", "p90_hours")
    ]
    base = alt.Chart(data)
    return alt.layer(
        base.mark_rule(color=PALETTE[4], strokeWidth=2).encode(
            y=y, x=alt.X("q10_hours:Q", scale=scale, axis=axis), x2="p90_hours:Q", tooltip=tip
        ),
        base.mark_bar(color=PALETTE[0], height=12, opacity=0.8).encode(
            y=y, x=alt.X("q25_hours:Q", scale=scale), x2="q75_hours:Q", tooltip=tip
        ),
        base.mark_tick(color="black", thickness=2, size=16).encode(
            y=y, x=alt.X("median_hours:Q", scale=scale), tooltip=tip
        ),
    ).properties(title=title)


def flow_chart(
    frame: pd.DataFrame, title: str, labels: Mapping[str, str], *, x_title: str, y_title: str
):
    """Tickets created and done per day (lines) and open at each day's end (area), on one
    axis of tickets. ``frame``: ``date, arrivals, completions, wip``; ``labels``: the
    legend's names of those three."""
    long = frame.melt(
        id_vars="date",
        value_vars=["arrivals", "completions", "wip"],
        var_name="what",
        value_name="tickets",
    )
    long["series"] = long["what"].map(labels)
    domain = [labels["arrivals"], labels["completions"], labels["wip"]]
    colours = alt.Scale(domain=domain, range=[PALETTE[0], PALETTE[2], "#A9C4DE"])
    x = alt.X("date:T", title=x_title)
    y_axis = number_axis(long["tickets"], ",.0f", zero=True)
    tip = [
        alt.Tooltip("date:T", title=x_title),
        alt.Tooltip("series:N", title=" "),
        alt.Tooltip("tickets:Q", format=",d", title=y_title),
    ]
    base = alt.Chart(long)
    return alt.layer(
        base.transform_filter(alt.datum.what == "wip")
        .mark_area(opacity=0.45)
        .encode(
            x=x,
            y=alt.Y("tickets:Q", title=y_title, axis=y_axis),
            color=alt.Color("series:N", scale=colours, title=None),
            tooltip=tip,
        ),
        base.transform_filter(alt.datum.what != "wip")
        .mark_line(strokeWidth=1.6)
        .encode(
            x=x, y="tickets:Q", color=alt.Color("series:N", scale=colours, title=None), tooltip=tip
        ),
    ).properties(title=title)


def handover_chart(
    matrix: pd.DataFrame,
    title: str,
    *,
    hours: str = "{value:,.1f} h",
    titles: Mapping[str, str] | None = None,
):
    """Who hands work to whom: a cell per (from, to) pair coloured by the number of
    handovers, written with it and the median wait. ``matrix``: ``from_who, to_who,
    handovers, cases, median_hours``."""
    titles = dict(titles or {})
    data = matrix.copy()
    data["text"] = [
        f"{int(n):,} · {_hours(hours, h)}" if pd.notna(h) else f"{int(n):,}"
        for n, h in zip(data["handovers"], data["median_hours"], strict=True)
    ]
    top = data["handovers"].max() if len(data) else 0
    data["dark"] = data["handovers"] > _DARK * top
    names = sorted(set(data["from_who"]) | set(data["to_who"]))
    x = alt.X("to_who:N", sort=names, title=titles.get("to_who", "to"), axis=category_axis(names))
    y = alt.Y(
        "from_who:N",
        sort=names,
        title=titles.get("from_who", "from"),
        axis=category_axis(names, labelAngle=0),
    )
    tip = [
        alt.Tooltip("from_who:N", title=titles.get("from_who", "from")),
        alt.Tooltip("to_who:N", title=titles.get("to_who", "to")),
        alt.Tooltip("handovers:Q", format=",d", title=titles.get("handovers", "handovers")),
        alt.Tooltip("cases:Q", format=",d", title=titles.get("cases", "cases")),
        alt.Tooltip(
            "median_hours:Q", format=",.1f", title=titles.get("median_hours", "median hours")
        ),
    ]
    base = alt.Chart(data)
    return alt.layer(
        base.mark_rect().encode(
            x=x,
            y=y,
            color=alt.Color(
                "handovers:Q",
                scale=alt.Scale(scheme="blues"),
                title=titles.get("handovers", "handovers"),
                legend=alt.Legend(format=number_format(data["handovers"], ",d")),
            ),
            tooltip=tip,
        ),
        base.mark_text(fontSize=11).encode(
            x=x,
            y=y,
            text="text:N",
            tooltip=tip,
            color=alt.condition("datum.dark", alt.value("white"), alt.value("#24292F")),
        ),
    ).properties(title=title, height=alt.Step(30))
