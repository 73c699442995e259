"""Altair chart builders, ``(frame, ...) -> alt.Chart``, and the one svcops theme.

Frames arrive aggregated (from DuckDB); no builder ships raw ticket rows to the
browser. Colours: a team, channel or priority keeps its colour on every page,
because the scale's domain is the workspace's full sorted list of that
dimension's values, not just the ones currently filtered in.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

THEME = "svcops"
FONT = "Source Sans Pro, Noto Sans CJK SC, Microsoft YaHei, sans-serif"

# Okabe-Ito (colour-blind safe) first, then Tableau 10 for longer lists.
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#76B7B2", "#EDC948", "#FF9DA7", "#9C755F",
)
PRIORITY_COLOURS = {"P1": "#C0392B", "P2": "#E67E22", "P3": "#2E86C1", "P4": "#7F8C8D"}
SERIES_COLOURS = {"created": "#0072B2", "resolved": "#009E73"}
GOOD, BAD, NEUTRAL = "#1A7F37", "#C0392B", "#6E7781"


@alt.theme.register(THEME, enable=True)
def _theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            "view": {"stroke": None, "continuousHeight": 260},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "gridColor": "#EAECEF",
                     "domainColor": "#8C959F", "tickColor": "#8C959F"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
            "title": {"fontSize": 15, "anchor": "start", "fontWeight": 600},
            "range": {"category": list(PALETTE)},
            "line": {"strokeWidth": 2},
        }
    }


def colour_scale(dimension: str, values: list[str]) -> alt.Scale:
    """A stable colour scale for a dimension, from the workspace's full value list."""
    domain = sorted({str(v) for v in values})
    if dimension == "priority":
        known = [v for v in domain if v in PRIORITY_COLOURS]
        rest = [v for v in domain if v not in PRIORITY_COLOURS]
        return alt.Scale(domain=known + rest,
                         range=[PRIORITY_COLOURS[v] for v in known]
                         + [PALETTE[i % len(PALETTE)] for i in range(len(rest))])
    return alt.Scale(domain=domain, range=[PALETTE[i % len(PALETTE)] for i in range(len(domain))])


def volume_chart(trend: pd.DataFrame, labels: dict[str, str], title: str, axis: dict[str, str]):
    """Created vs resolved per period: two lines. ``trend`` from ``kpi.trend``."""
    long = trend.melt(id_vars="period", value_vars=["created", "resolved"],
                      var_name="series", value_name="tickets")
    long["series"] = long["series"].map(labels)
    scale = alt.Scale(domain=[labels["created"], labels["resolved"]],
                      range=[SERIES_COLOURS["created"], SERIES_COLOURS["resolved"]])
    return (
        alt.Chart(long, title=title)
        .mark_line(point=len(trend) <= 60)
        .encode(
            x=alt.X("period:T", title=axis["period"]),
            y=alt.Y("tickets:Q", title=axis["tickets"]),
            color=alt.Color("series:N", scale=scale, title=None),
            tooltip=[alt.Tooltip("period:T", title=axis["period"]), "series:N",
                     alt.Tooltip("tickets:Q", format=",")],
        )
    )


def series_chart(frame: pd.DataFrame, column: str, title: str, axis_title: str, *,
                 percent: bool = False, mark: str = "line", colour: str = PALETTE[0],
                 x_title: str = "Period"):
    """One measure over ``period`` as a line or an area (backlog)."""
    fmt = ".0%" if percent else ",.1f"
    base = alt.Chart(frame.dropna(subset=[column]), title=title)
    marked = base.mark_area(opacity=0.35, line={"color": colour}, color=colour) if mark == "area" \
        else base.mark_line(color=colour, point=len(frame) <= 60)
    return marked.encode(
        x=alt.X("period:T", title=x_title),
        y=alt.Y(f"{column}:Q", title=axis_title, axis=alt.Axis(format=fmt),
                scale=alt.Scale(zero=mark == "area")),
        tooltip=[alt.Tooltip("period:T", title=x_title), alt.Tooltip(f"{column}:Q", format=fmt)],
    )


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


def control_chart(frame: pd.DataFrame, title: str, axis: dict[str, str], *,
                  percent: bool = False, flagged_label: str = "out of control"):
    """A control chart from a ``ControlChart.frame``: values as a line with points, the
    centre line, and UCL/LCL (stepped, since p-chart limits vary with each day's n);
    points where any Western Electric rule fires are red."""
    fmt = ".1%" if percent else ",.1f"
    data = frame.dropna(subset=["value"]).assign(
        flag=lambda d: d["out_of_control"].map({True: flagged_label, False: ""}))
    x = alt.X("date:T", title=axis["period"])
    y_axis = alt.Axis(format=".0%" if percent else ",.0f")
    base = alt.Chart(data)
    limits = base.mark_line(interpolate="step-after", strokeDash=[4, 3], color=BAD,
                            strokeWidth=1.2)
    return alt.layer(
        base.mark_line(color=NEUTRAL, strokeWidth=1).encode(
            x=x, y=alt.Y("value:Q", title=axis["value"], axis=y_axis)),
        base.mark_line(color=GOOD, strokeWidth=1.2).encode(x=x, y="centre:Q"),
        limits.encode(x=x, y="ucl:Q"),
        limits.encode(x=x, y="lcl:Q"),
        base.mark_circle(size=36, opacity=1).encode(
            x=x, y="value:Q",
            color=alt.condition("datum.out_of_control", alt.value(BAD), alt.value(PALETTE[0])),
            size=alt.condition("datum.out_of_control", alt.value(80), alt.value(22)),
            tooltip=[alt.Tooltip("date:T", title=axis["period"]),
                     alt.Tooltip("value:Q", format=fmt), alt.Tooltip("centre:Q", format=fmt),
                     alt.Tooltip("ucl:Q", format=fmt), alt.Tooltip("lcl:Q", format=fmt),
                     alt.Tooltip("flag:N", title=" ")]),
    ).properties(title=title)


def pareto_chart(frame: pd.DataFrame, category: str, title: str, axis: dict[str, str]):
    """Bars of ``count`` per ``category`` (largest first) and the cumulative share line
    on a second axis; the vital few (to 80%) in full colour."""
    order = frame[category].tolist()
    x = alt.X(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelAngle=-35))
    bars = alt.Chart(frame).mark_bar().encode(
        x=x, y=alt.Y("count:Q", title=axis["count"]),
        color=alt.condition("datum.vital_few", alt.value(PALETTE[0]), alt.value("#A9C4DE")),
        tooltip=[f"{category}:N", alt.Tooltip("count:Q", format=","),
                 alt.Tooltip("share:Q", format=".1%"),
                 alt.Tooltip("cumulative_share:Q", format=".1%")])
    line = alt.Chart(frame).mark_line(point=True, color=BAD).encode(
        x=x, y=alt.Y("cumulative_share:Q", title=axis["cumulative"],
                     axis=alt.Axis(format=".0%"), scale=alt.Scale(domain=[0, 1])))
    return alt.layer(bars, line).resolve_scale(y="independent").properties(title=title)


def bar_chart(frame: pd.DataFrame, x: str, y: str, title: str, *, x_title: str, y_title: str,
              percent: bool = False, colour: str = PALETTE[0], horizontal: bool = False,
              sort: list[str] | str | None = None):
    """Plain bars of ``y`` per ``x`` (or sideways with ``horizontal``)."""
    fmt = ".0%" if percent else ",.2f"
    cat = alt.X(f"{x}:N", title=x_title, sort=sort) if not horizontal else \
        alt.Y(f"{x}:N", title=x_title, sort=sort)
    val = alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=fmt)) if not horizontal else \
        alt.X(f"{y}:Q", title=y_title, axis=alt.Axis(format=fmt))
    enc = {"x": cat, "y": val} if not horizontal else {"y": cat, "x": val}
    return alt.Chart(frame, title=title).mark_bar(color=colour).encode(
        **enc, tooltip=[f"{x}:N", alt.Tooltip(f"{y}:Q", format=fmt)])


def servqual_chart(frame: pd.DataFrame, title: str, labels: dict[str, str], axis_title: str):
    """Expectation vs perception per SERVQUAL dimension, side by side."""
    long = frame.melt(id_vars="dimension", value_vars=["expectation", "perception"],
                      var_name="what", value_name="score")
    long["what"] = long["what"].map(labels)
    scale = alt.Scale(domain=[labels["expectation"], labels["perception"]],
                      range=[NEUTRAL, PALETTE[0]])
    return alt.Chart(long, title=title).mark_bar().encode(
        x=alt.X("dimension:N", title=None, axis=alt.Axis(labelAngle=0)),
        xOffset="what:N", y=alt.Y("score:Q", title=axis_title),
        color=alt.Color("what:N", scale=scale, title=None),
        tooltip=["dimension:N", "what:N", alt.Tooltip("score:Q", format=".2f")])


# d3 time and number formats for Simplified Chinese (month and weekday names on axes).
ZH_LOCALE = {
    "number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["¥", ""]},
    "time": {
        "dateTime": "%Y年%-m月%-d日 %A %X", "date": "%Y/%-m/%-d", "time": "%H:%M:%S",
        "periods": ["上午", "下午"],
        "days": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
        "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
        "months": ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月",
                   "十月", "十一月", "十二月"],
        "shortMonths": [f"{m}月" for m in range(1, 13)],
    },
}


def localised(chart, lang: str):
    """The chart with axis dates and numbers in ``lang`` (per chart, not a global theme,
    so sessions in different languages never see each other's setting)."""
    return chart.configure(locale=ZH_LOCALE) if lang == "zh" else chart
