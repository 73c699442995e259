"""Chart builders for the resource page: forecast, weekday x time heatmaps, weekly FTE."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .theme import BAD, PALETTE


def forecast_chart(history: pd.DataFrame, forecast: pd.DataFrame, title: str,
                   axis: dict[str, str], scale: alt.Scale | None = None):
    """Recent history (line) and forecast (line over its interval band) per ``series``.

    ``history``: ``series, ds, y``; ``forecast``: ``series, ds, yhat, yhat_lower, yhat_upper``.
    """
    colour = alt.Color("series:N", title=None, scale=scale or alt.Undefined)
    x = alt.X("ds:T", title=axis["period"])
    band_colour = alt.Color("series:N", legend=None, scale=scale or alt.Undefined)
    band = alt.Chart(forecast).mark_area(opacity=0.18).encode(
        x=x, y=alt.Y("yhat_lower:Q", title=axis["tickets"]), y2="yhat_upper:Q",
        color=band_colour)
    ahead = alt.Chart(forecast).mark_line(strokeDash=[5, 3]).encode(
        x=x, y="yhat:Q", color=colour,
        tooltip=[alt.Tooltip("ds:T", title=axis["period"]), "series:N",
                 alt.Tooltip("yhat:Q", format=",.1f"), alt.Tooltip("yhat_lower:Q", format=",.1f"),
                 alt.Tooltip("yhat_upper:Q", format=",.1f")])
    seen = alt.Chart(history).mark_line().encode(
        x=x, y="y:Q", color=colour,
        tooltip=[alt.Tooltip("ds:T", title=axis["period"]), "series:N", "y:Q"])
    # lines first in the layer order, so the legend shows their full colours
    return alt.layer(seen, ahead, band).properties(title=title)


def heatmap(frame: pd.DataFrame, x: str, y: str, value: str, title: str, *,
            x_title: str, y_title: str, y_labels: list[str] | None = None,
            diverging: bool = False, fmt: str = ",.1f"):
    """A weekday x time grid. ``diverging`` centres a red-blue scale on 0 (shortfall red)."""
    data = frame.copy()
    if y_labels is not None:
        data[y] = data[y].map(dict(enumerate(y_labels)))
    scale = alt.Scale(scheme="redblue", domainMid=0) if diverging else alt.Scale(scheme="blues")
    return alt.Chart(data, title=title).mark_rect().encode(
        x=alt.X(f"{x}:O", title=x_title),
        y=alt.Y(f"{y}:O", title=y_title, sort=y_labels or "ascending"),
        color=alt.Color(f"{value}:Q", scale=scale, title=None),
        tooltip=[alt.Tooltip(f"{y}:O", title=y_title), alt.Tooltip(f"{x}:O", title=x_title),
                 alt.Tooltip(f"{value}:Q", format=fmt)],
    )


def weekly_bars(frame: pd.DataFrame, title: str, labels: dict[str, str], axis_title: str):
    """Required vs rostered FTE per week, side by side; ``frame``: week, required_fte,
    rostered_fte."""
    long = frame.assign(week=frame["week"].dt.strftime("%Y-%m-%d")).melt(
        id_vars="week", value_vars=["required_fte", "rostered_fte"], var_name="what",
        value_name="fte")
    long["what"] = long["what"].map(labels)
    scale = alt.Scale(domain=[labels["required_fte"], labels["rostered_fte"]],
                      range=[BAD, PALETTE[0]])
    return alt.Chart(long, title=title).mark_bar().encode(
        x=alt.X("week:O", title=None, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("what:N", sort=[labels["required_fte"], labels["rostered_fte"]]),
        y=alt.Y("fte:Q", title=axis_title),
        color=alt.Color("what:N", scale=scale, title=None),
        tooltip=["week:O", "what:N", alt.Tooltip("fte:Q", format=",.1f")],
    )
