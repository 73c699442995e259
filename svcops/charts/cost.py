"""Cost control charts: the budget-to-actual bridge, variance bars, month lines, the
year-end outlook and cost against quality. Frames come prepared by ``svcops.cost``;
every title and label is the caller's, in the page's language."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from .common import category_axis, number_axis
from .theme import BAD, GOOD, NEUTRAL, PALETTE

# Variance colours: what is good for a cost (under budget) is green.
_STATUS_COLOURS = {
    "favourable": GOOD,
    "unfavourable": BAD,
    "on_budget": NEUTRAL,
    "unbudgeted": "#8E44AD",
}
_TOTAL = PALETTE[0]
# The bridge's value axis leaves this share of the steps' span below and above them,
# so a step of 2 % of the budget is not a sliver at the top of a bar from zero.
_BRIDGE_PAD = 0.8


def bridge_chart(
    steps: pd.DataFrame,
    title: str,
    *,
    step_title: str,
    value_title: str,
    zero: bool = False,
):
    """A waterfall of ``steps`` (:class:`svcops.cost.Bridge` ``.steps``, its ``label``
    already worded): totals in blue from the axis, steps floating from ``start`` to
    ``end``, rises red and falls green (for a cost, a rise is worse), each labelled
    with its amount. ``zero``: start the value axis at 0; by default it spans the
    steps with room around them (the totals then run off the bottom, a broken axis
    the caller says so beside)."""
    data = steps.copy()
    data["tone"] = [
        "total" if k == "total" else ("rise" if a > 0 else "fall")
        for k, a in zip(data["kind"], data["amount"], strict=True)
    ]
    data["top"] = data[["start", "end"]].max(axis=1)
    levels = pd.concat([data["end"], data.loc[data["kind"] != "total", "start"]])
    lo, hi = float(levels.min()), float(levels.max())
    pad = (hi - lo) * _BRIDGE_PAD or abs(hi) * 0.05 or 1.0
    domain = [0.0, hi + pad] if zero else [max(lo - pad, 0.0) if lo >= 0 else lo - pad, hi + pad]
    order = data["label"].tolist()
    y_axis = number_axis([data["start"], data["end"]], ",.2f", zero=zero)
    base = alt.Chart(data, title=title).encode(
        x=alt.X("label:N", title=step_title, sort=order, axis=category_axis(order)),
    )
    bars = base.mark_bar(clip=True).encode(
        y=alt.Y("start:Q", title=value_title, axis=y_axis, scale=alt.Scale(domain=domain)),
        y2="end:Q",
        color=alt.Color(
            "tone:N",
            scale=alt.Scale(domain=["total", "rise", "fall"], range=[_TOTAL, BAD, GOOD]),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip("label:N", title=step_title),
            alt.Tooltip("amount:Q", title=value_title, format=",.2f"),
        ],
    )
    text = base.mark_text(dy=-8, fontSize=11).encode(
        y=alt.Y("top:Q", scale=alt.Scale(domain=domain)),
        text=alt.Text("amount:Q", format=",.0f"),
    )
    return alt.layer(bars, text)


def variance_chart(
    frame: pd.DataFrame,
    name: str,
    title: str,
    *,
    name_title: str,
    value_title: str,
    status_title: str,
    status_labels: Mapping[str, str],
):
    """Horizontal bars of each line's ``variance`` (actual - budget), coloured by its
    ``status`` (under budget green, over red, without a budget purple), largest
    overspend on top; the legend names the statuses in ``status_labels``' words."""
    data = frame.copy()
    data["status_label"] = [status_labels.get(s, s) for s in data["status"]]
    present = [s for s in _STATUS_COLOURS if s in set(data["status"])]
    order = data.sort_values("variance", ascending=False)[name].tolist()
    return (
        alt.Chart(data, title=title)
        .mark_bar()
        .encode(
            y=alt.Y(
                f"{name}:N",
                title=name_title,
                sort=order,
                axis=category_axis(order, labelAngle=0),
                scale=alt.Scale(paddingInner=0.25),
            ),
            x=alt.X("variance:Q", title=value_title, axis=number_axis(data["variance"], ",.2f")),
            color=alt.Color(
                "status_label:N",
                title=None,
                scale=alt.Scale(
                    domain=[status_labels.get(s, s) for s in present],
                    range=[_STATUS_COLOURS[s] for s in present],
                ),
            ),
            tooltip=[
                alt.Tooltip(f"{name}:N", title=name_title),
                alt.Tooltip("variance:Q", title=value_title, format=",.2f"),
                alt.Tooltip("status_label:N", title=status_title),
            ],
        )
    )


def monthly_lines_chart(
    long: pd.DataFrame,
    title: str,
    *,
    x_title: str,
    y_title: str,
    series_title: str,
    series_labels: Mapping[str, str],
    colours: Mapping[str, str] | None = None,
):
    """Lines of ``value`` by ``month`` per ``series`` (a long frame), each series
    named by ``series_labels`` in the legend and tooltip; points on every month."""
    data = long.dropna(subset=["value"]).copy()
    data["series_label"] = [series_labels.get(s, s) for s in data["series"]]
    names = [s for s in series_labels if s in set(data["series"])]
    palette = colours or {}
    return (
        alt.Chart(data, title=title)
        .mark_line(point=True)
        .encode(
            x=alt.X("month:T", title=x_title, axis=alt.Axis(format="%Y-%m")),
            y=alt.Y("value:Q", title=y_title, axis=number_axis(data["value"], ",.2f")),
            color=alt.Color(
                "series_label:N",
                title=series_title,
                scale=alt.Scale(
                    domain=[series_labels[s] for s in names],
                    range=[palette.get(s, PALETTE[i % len(PALETTE)]) for i, s in enumerate(names)],
                ),
            ),
            tooltip=[
                alt.Tooltip("month:T", title=x_title, format="%Y-%m"),
                alt.Tooltip("series_label:N", title=series_title),
                alt.Tooltip("value:Q", title=y_title, format=",.2f"),
            ],
        )
    )


def outlook_chart(
    lines: pd.DataFrame,
    band: pd.DataFrame,
    budget: float | None,
    title: str,
    *,
    x_title: str,
    y_title: str,
    series_title: str,
    series_labels: Mapping[str, str],
):
    """Cumulative spend through the fiscal year: the actual months, the straight-line
    and seasonal projections (``lines``: ``month, series, value``), the seasonal 95 %
    band (``band``: ``month, low, high``) and the year's budget as a dashed rule."""
    colours = {
        "actual": PALETTE[0],
        "straight_line": PALETTE[1],
        "seasonal": PALETTE[2],
        "budget": BAD,
    }
    drawn = monthly_lines_chart(
        lines,
        title,
        x_title=x_title,
        y_title=y_title,
        series_title=series_title,
        series_labels=series_labels,
        colours=colours,
    )
    layers = []
    if len(band):
        layers.append(
            alt.Chart(band)
            .mark_area(opacity=0.18, color=PALETTE[2])
            .encode(
                x=alt.X("month:T", title=x_title),
                y=alt.Y("low:Q", title=y_title),
                y2="high:Q",
                tooltip=[
                    alt.Tooltip("month:T", title=x_title, format="%Y-%m"),
                    alt.Tooltip("low:Q", title=series_labels.get("low", "low"), format=",.0f"),
                    alt.Tooltip("high:Q", title=series_labels.get("high", "high"), format=",.0f"),
                ],
            )
        )
    layers.append(drawn)
    if budget is not None and budget == budget:
        rule = pd.DataFrame(
            {
                "budget": [budget],
                "month": [lines["month"].min()],
                "label": [series_labels.get("budget", "budget")],
            }
        )
        tip = [alt.Tooltip("budget:Q", title=series_labels.get("budget", "budget"), format=",.0f")]
        layers.append(
            alt.Chart(rule)
            .mark_rule(color=BAD, strokeDash=[6, 4])
            .encode(y="budget:Q", tooltip=tip)
        )
        layers.append(
            alt.Chart(rule)
            .mark_text(color=BAD, align="left", dy=-8, fontSize=11)
            .encode(x="month:T", y="budget:Q", text="label:N", tooltip=tip)
        )
    return alt.layer(*layers)


def quadrant_chart(
    frame: pd.DataFrame,
    x: str,
    y: str,
    title: str,
    *,
    x_title: str,
    y_title: str,
    label_title: str,
    label: str = "month",
    percent_y: bool = False,
):
    """One point per ``label`` (a month, or a team) of ``x`` (a cost) against ``y`` (a
    quality measure), with dashed rules at both medians, so the four quadrants read
    dearer/cheaper and better/worse; each point labelled (months as ``%Y-%m``)."""
    data = frame.dropna(subset=[x, y]).copy()
    y_fmt = ".0%" if percent_y else ",.2f"
    dated = pd.api.types.is_datetime64_any_dtype(data[label])
    name = (
        alt.Tooltip(f"{label}:T", title=label_title, format="%Y-%m")
        if dated
        else alt.Tooltip(f"{label}:N", title=label_title)
    )
    points = (
        alt.Chart(data, title=title)
        .mark_point(filled=True, size=90, color=PALETTE[0])
        .encode(
            x=alt.X(
                f"{x}:Q",
                title=x_title,
                axis=number_axis(data[x], ",.2f"),
                scale=alt.Scale(zero=False),
            ),
            y=alt.Y(
                f"{y}:Q",
                title=y_title,
                axis=number_axis(data[y], y_fmt),
                scale=alt.Scale(zero=False),
            ),
            tooltip=[
                name,
                alt.Tooltip(f"{x}:Q", title=x_title, format=",.2f"),
                alt.Tooltip(f"{y}:Q", title=y_title, format=y_fmt),
            ],
        )
    )
    text = alt.Text(f"{label}:T", format="%Y-%m") if dated else alt.Text(f"{label}:N")
    labels = points.mark_text(dx=7, align="left", fontSize=10, color=NEUTRAL).encode(text=text)
    medians = pd.DataFrame({"mx": [data[x].median()], "my": [data[y].median()]})
    vrule = alt.Chart(medians).mark_rule(strokeDash=[4, 4], color=NEUTRAL).encode(x="mx:Q")
    hrule = alt.Chart(medians).mark_rule(strokeDash=[4, 4], color=NEUTRAL).encode(y="my:Q")
    return alt.layer(points, labels, vrule, hrule)
