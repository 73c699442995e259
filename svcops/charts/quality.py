"""Chart builders for the quality page: control chart, Pareto, SERVQUAL gaps."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from .common import category_axis, number_axis
from .theme import BAD, GOOD, NEUTRAL, PALETTE


def control_chart(
    frame: pd.DataFrame,
    title: str,
    axis: dict[str, str],
    *,
    percent: bool = False,
    flagged_label: str = "out of control",
):
    """A control chart from a ``ControlChart.frame``: values as a line with points, the
    centre line, and UCL/LCL; points where any Western Electric rule fires are red.
    ``axis``: titles of ``period``, ``value``, ``centre``, ``ucl`` and ``lcl`` (axes,
    tooltip and legend). The centre and limits step at the midpoint between points
    (``interpolate="step"``), so each point sits in the middle of its own level: a
    p-chart's limits move with each day's n, a weekday-adjusted chart's centre and limits
    with the weekday. A legend above the plot names the value, the flagged points, the
    centre line and the limits (UCL / LCL)."""
    fmt = ".1%" if percent else ",.1f"
    data = frame.dropna(subset=["value"]).assign(
        flag=lambda d: d["out_of_control"].map({True: flagged_label, False: ""})
    )
    limits_label = f"{axis['ucl']} / {axis['lcl']}"
    names = [axis["value"], flagged_label, axis["centre"], limits_label]
    # The four names must differ for the legend; a caller's clash keeps its own text.
    scale = alt.Scale(domain=list(dict.fromkeys(names)), range=[PALETTE[0], BAD, GOOD, BAD])
    legend = alt.Legend(title=None, orient="top", symbolType="circle", symbolOpacity=1)

    colour = alt.Color("series:N", scale=scale, legend=legend)

    def named(label: str) -> alt.Chart:
        """The layer's rows, named ``label`` in the shared colour scale (the legend)."""
        return base.transform_calculate(series=_js(label))

    x = alt.X("date:T", title=axis["period"])
    y_axis = number_axis(
        [data[c] for c in ("value", "centre", "ucl", "lcl")], ".0%" if percent else ",.1f"
    )
    base = alt.Chart(data)

    def limit(column: str) -> alt.Chart:
        return (
            named(limits_label)
            .mark_line(interpolate="step", strokeDash=[4, 3], strokeWidth=1.2)
            .encode(x=x, y=f"{column}:Q", color=colour)
        )

    return alt.layer(
        named(axis["value"])
        .mark_line(strokeWidth=1, opacity=0.6)
        .encode(x=x, y=alt.Y("value:Q", title=axis["value"], axis=y_axis), color=colour),
        named(axis["centre"])
        .mark_line(interpolate="step", strokeWidth=1.2)
        .encode(x=x, y="centre:Q", color=colour),
        limit("ucl"),
        limit("lcl"),
        base.mark_circle(size=36, opacity=1)
        .transform_calculate(
            series=f"datum.out_of_control ? {_js(flagged_label)} : {_js(axis['value'])}"
        )
        .encode(
            x=x,
            y="value:Q",
            color=colour,
            size=alt.condition("datum.out_of_control", alt.value(80), alt.value(22)),
            tooltip=[
                alt.Tooltip("date:T", title=axis["period"]),
                *(
                    alt.Tooltip(f"{c}:Q", title=axis[c], format=fmt)
                    for c in ("value", "centre", "ucl", "lcl")
                ),
                alt.Tooltip("flag:N", title=" "),
            ],
        ),
    ).properties(title=title)


def _js(text: str) -> str:
    """``text`` as a Vega expression string literal (JSON quoting: quotes and
    backslashes escaped, so user-facing words cannot break the expression)."""
    return json.dumps(text)


def pareto_chart(frame: pd.DataFrame, category: str, title: str, axis: dict[str, str]):
    """Bars of ``count`` per ``category`` (largest first) and the cumulative share line
    on a second axis; the vital few (to 80%) in full colour. ``axis``: titles of
    ``category``, ``count``, ``share`` and ``cumulative`` (axes and tooltip)."""
    order = frame[category].tolist()
    x = alt.X(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelAngle=-35))
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y(
                "count:Q", title=axis["count"], axis=number_axis(frame["count"], ",.1f", zero=True)
            ),
            color=alt.condition("datum.vital_few", alt.value(PALETTE[0]), alt.value("#A9C4DE")),
            # (a caller that names no category or share keeps the column's name)
            tooltip=[
                alt.Tooltip(f"{category}:N", title=axis.get("category", category)),
                alt.Tooltip("count:Q", title=axis["count"], format=","),
                alt.Tooltip("share:Q", title=axis.get("share", "share"), format=".1%"),
                alt.Tooltip("cumulative_share:Q", title=axis["cumulative"], format=".1%"),
            ],
        )
    )
    line = (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(color=BAD, filled=True), color=BAD)
        .encode(
            x=x,
            y=alt.Y(
                "cumulative_share:Q",
                title=axis["cumulative"],
                axis=number_axis(frame["cumulative_share"], ".0%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
        )
    )
    return alt.layer(bars, line).resolve_scale(y="independent").properties(title=title)


def servqual_chart(frame: pd.DataFrame, title: str, labels: dict[str, str], axis: dict[str, str]):
    """Expectation vs perception per SERVQUAL dimension, side by side; every dimension
    keeps its label (:func:`category_axis`). ``labels``: names of ``expectation`` and
    ``perception``; ``axis``: titles of ``score``, ``dimension`` and ``series``."""
    long = frame.melt(
        id_vars="dimension",
        value_vars=["expectation", "perception"],
        var_name="what",
        value_name="score",
    )
    long["what"] = long["what"].map(labels)
    scale = alt.Scale(
        domain=[labels["expectation"], labels["perception"]], range=[NEUTRAL, PALETTE[0]]
    )
    return (
        alt.Chart(long, title=title)
        .mark_bar()
        .encode(
            x=alt.X("dimension:N", title=None, axis=category_axis(frame["dimension"])),
            xOffset="what:N",
            y=alt.Y(
                "score:Q", title=axis["score"], axis=number_axis(long["score"], ",.1f", zero=True)
            ),
            color=alt.Color("what:N", scale=scale, title=None),
            tooltip=[
                alt.Tooltip("dimension:N", title=axis["dimension"]),
                alt.Tooltip("what:N", title=axis["series"]),
                alt.Tooltip("score:Q", title=axis["score"], format=".2f"),
            ],
        )
    )
