"""Chart builders for the resource page: forecast, weekday x time heatmaps, weekly FTE."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import altair as alt
import pandas as pd

from .common import category_axis, number_axis, number_format
from .theme import BAD, NEUTRAL, PALETTE

_BAND_OPACITY = 0.18


def forecast_chart(
    history: pd.DataFrame,
    forecast: pd.DataFrame,
    title: str,
    axis: dict[str, str],
    scale: alt.Scale | None = None,
    labels: Mapping[str, str] | None = None,
):
    """Recent history (line) and forecast (dashed line over its interval band) per ``series``.

    ``history``: ``series, ds, y``; ``forecast``: ``series, ds, yhat, yhat_lower, yhat_upper``.
    The legend names each series (its colour, from the history line) and, given
    ``labels`` (``actual``, ``forecast``, ``band``: e.g. "80% interval"), tells the solid
    history from the dashed forecast and the shaded band. ``axis``: titles of ``period``,
    ``tickets``, ``series``, ``forecast``, ``lower`` and ``upper`` (axes and tooltips).
    """
    colour = alt.Color("series:N", title=None, scale=scale or alt.Undefined)
    # Every colour legend but the history line's is off, and legends resolve apart: in a
    # shared legend one layer's "no legend" removes it for all.
    quiet = alt.Color("series:N", legend=None, scale=scale or alt.Undefined)
    # One label form ("Oct 25", "10月 25") at any width: Vega's own mixes "Mon 07",
    # "October" and "Oct 25" on one axis when a wider font leaves room for fewer ticks.
    x = alt.X("ds:T", title=axis["period"], axis=alt.Axis(format="%b %d"))
    y_axis = number_axis(
        [history["y"], forecast["yhat_lower"], forecast["yhat_upper"]], ",.1f", zero=True
    )
    # What each layer is, for the legend: a field computed in the browser, so no column
    # is shipped for it.
    named: dict[str, tuple[str, str, str, Any]] = {}
    if labels is not None:
        dash = alt.StrokeDash(
            "kind:N",
            title=None,
            legend=alt.Legend(symbolType="stroke"),
            scale=alt.Scale(domain=[labels["actual"], labels["forecast"]], range=[[1, 0], [5, 3]]),
        )
        # a one-value opacity scale needs its range twice (a single value draws opaque)
        shade = alt.Opacity(
            "band:N",
            title=None,
            scale=alt.Scale(range=[_BAND_OPACITY, _BAND_OPACITY]),
            legend=alt.Legend(symbolType="square", symbolFillColor=NEUTRAL, symbolSize=150),
        )
        # the band's field has its own name: legends of one field merge across channels
        named = {
            "seen": ("kind", labels["actual"], "strokeDash", dash),
            "ahead": ("kind", labels["forecast"], "strokeDash", dash),
            "band": ("band", labels["band"], "opacity", shade),
        }

    def kind(chart: alt.Chart, layer: str) -> alt.Chart:
        if layer not in named:
            return chart
        name, label, channel, encoding = named[layer]
        return chart.transform_calculate(**{name: json.dumps(label)}).encode(**{channel: encoding})

    band = (
        alt.Chart(forecast)
        .mark_area(opacity=_BAND_OPACITY)
        .encode(
            x=x,
            y=alt.Y("yhat_lower:Q", title=axis["tickets"], axis=y_axis),
            y2="yhat_upper:Q",
            color=quiet,
        )
    )
    ahead = (
        alt.Chart(forecast)
        .mark_line(strokeDash=[5, 3])
        .encode(
            x=x,
            y="yhat:Q",
            color=quiet,
            tooltip=[
                alt.Tooltip("ds:T", title=axis["period"]),
                alt.Tooltip("series:N", title=axis["series"]),
                *(
                    alt.Tooltip(f"{c}:Q", title=axis[name], format=",.1f")
                    for c, name in (
                        ("yhat", "forecast"),
                        ("yhat_lower", "lower"),
                        ("yhat_upper", "upper"),
                    )
                ),
            ],
        )
    )
    seen = (
        alt.Chart(history)
        .mark_line()
        .encode(
            x=x,
            y="y:Q",
            color=colour,
            tooltip=[
                alt.Tooltip("ds:T", title=axis["period"]),
                alt.Tooltip("series:N", title=axis["series"]),
                alt.Tooltip("y:Q", title=axis["tickets"]),
            ],
        )
    )
    # lines first in the layer order, so the legend shows their full colours
    layered = alt.layer(kind(seen, "seen"), kind(ahead, "ahead"), kind(band, "band"))
    return layered.resolve_legend(color="independent").properties(title=title)


def heatmap(
    frame: pd.DataFrame,
    x: str,
    y: str,
    value: str,
    title: str,
    *,
    x_title: str,
    y_title: str,
    value_title: str,
    y_labels: list[str] | None = None,
    diverging: bool = False,
    fmt: str = ",.1f",
):
    """A weekday x time grid. ``value_title`` names the value in the tooltip; ``diverging``
    centres a red-blue scale on 0 (shortfall red)."""
    data = frame.copy()
    if y_labels is not None:
        data[y] = data[y].map(dict(enumerate(y_labels)))
    scale = alt.Scale(scheme="redblue", domainMid=0) if diverging else alt.Scale(scheme="blues")
    return (
        alt.Chart(data, title=title)
        .mark_rect()
        .encode(
            x=alt.X(f"{x}:O", title=x_title),
            y=alt.Y(f"{y}:O", title=y_title, sort=y_labels or "ascending"),
            color=alt.Color(
                f"{value}:Q",
                scale=scale,
                title=None,
                legend=alt.Legend(format=number_format(data[value], ",.1f")),
            ),
            tooltip=[
                alt.Tooltip(f"{y}:O", title=y_title),
                alt.Tooltip(f"{x}:O", title=x_title),
                alt.Tooltip(f"{value}:Q", title=value_title, format=fmt),
            ],
        )
    )


def weekly_bars(frame: pd.DataFrame, title: str, labels: dict[str, str], axis: dict[str, str]):
    """Required vs rostered FTE per week, side by side; ``frame``: week, required_fte,
    rostered_fte; ``labels``: names of those two; ``axis``: titles of ``fte``, ``week``
    and ``series``."""
    long = frame.assign(week=frame["week"].dt.strftime("%Y-%m-%d")).melt(
        id_vars="week",
        value_vars=["required_fte", "rostered_fte"],
        var_name="what",
        value_name="fte",
    )
    long["what"] = long["what"].map(labels)
    scale = alt.Scale(
        domain=[labels["required_fte"], labels["rostered_fte"]], range=[BAD, PALETTE[0]]
    )
    return (
        alt.Chart(long, title=title)
        .mark_bar()
        .encode(
            x=alt.X("week:O", title=None, axis=category_axis(long["week"])),
            xOffset=alt.XOffset("what:N", sort=[labels["required_fte"], labels["rostered_fte"]]),
            y=alt.Y("fte:Q", title=axis["fte"], axis=number_axis(long["fte"], ",.1f", zero=True)),
            color=alt.Color("what:N", scale=scale, title=None),
            tooltip=[
                alt.Tooltip("week:O", title=axis["week"]),
                alt.Tooltip("what:N", title=axis["series"]),
                alt.Tooltip("fte:Q", title=axis["fte"], format=",.1f"),
            ],
        )
    )
