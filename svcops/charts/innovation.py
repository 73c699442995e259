"""Chart builders for the Innovation page: funnel, sensitivity, value against cost, the
budget cut, a KPI before and after go-live, adoption against target."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from .common import category_axis, number_axis
from .theme import BAD, GOOD, NEUTRAL, PALETTE


def funnel_chart(frame: pd.DataFrame, title: str, axis: dict[str, str]):
    """Horizontal bars of ``count`` per ``stage`` (its label already in the page's
    language), in the frame's order; ``investment`` in the tooltip. ``axis``: titles of
    ``stage``, ``count`` and ``investment``."""
    order = frame["stage"].tolist()
    return (
        alt.Chart(frame, title=title)
        .mark_bar(color=PALETTE[0])
        .encode(
            y=alt.Y("stage:N", sort=order, title=None, axis=category_axis(order, labelAngle=0)),
            x=alt.X(
                "count:Q",
                title=axis["count"],
                axis=number_axis(frame["count"], ",d", zero=True),
            ),
            tooltip=[
                alt.Tooltip("stage:N", title=axis["stage"]),
                alt.Tooltip("count:Q", title=axis["count"], format=",d"),
                alt.Tooltip("investment:Q", title=axis["investment"], format=",.0f"),
            ],
        )
    )


def sensitivity_chart(
    frame: pd.DataFrame, x: str, chosen: float, title: str, axis: dict[str, str], *, percent: bool
):
    """Portfolio ``npv`` against ``x`` (``rate`` or ``delay``) as a line with points, a
    zero line, and the chosen value marked. ``axis``: titles of ``x``, ``npv`` and
    ``chosen``."""
    fmt = ".0%" if percent else ",.2f"
    marked = frame.assign(chosen=(frame[x] - chosen).abs() < 1e-9)
    base = alt.Chart(marked)
    x_enc = alt.X(f"{x}:Q", title=axis["x"], axis=number_axis(frame[x], fmt, zero=True))
    y_enc = alt.Y(
        "npv:Q", title=axis["npv"], axis=number_axis([frame["npv"], pd.Series([0.0])], ",.0f")
    )
    line = base.mark_line(color=PALETTE[0], point=True).encode(
        x=x_enc,
        y=y_enc,
        tooltip=[
            alt.Tooltip(f"{x}:Q", title=axis["x"], format=fmt),
            alt.Tooltip("npv:Q", title=axis["npv"], format=",.0f"),
        ],
    )
    here = (
        base.transform_filter("datum.chosen")
        .mark_point(color=BAD, size=120, filled=True)
        .encode(
            x=x_enc,
            y="npv:Q",
            tooltip=[
                alt.Tooltip(f"{x}:Q", title=axis["chosen"], format=fmt),
                alt.Tooltip("npv:Q", title=axis["npv"], format=",.0f"),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color=NEUTRAL).encode(y="y:Q")
    return alt.layer(zero, line, here).properties(title=title)


def bubble_chart(frame: pd.DataFrame, title: str, axis: dict[str, str], groups: list[str]):
    """Investment (x) against expected annual benefit (y), one bubble per initiative,
    its area by ``adoption_rate`` (0-1), its colour by ``group`` (whether it fits the
    budget; ``groups`` in legend order: fits, does not fit, not a candidate); a dashed
    line where the benefit equals the investment (paid back in a year). ``frame``:
    ``name, stage, investment, expected_annual_benefit, adoption_rate, npv, group``.
    ``axis``: titles of ``investment``, ``benefit``, ``adoption``, ``name``, ``stage``,
    ``npv`` and ``group``."""
    data = frame.dropna(subset=["investment", "expected_annual_benefit"]).assign(
        adoption_rate=lambda d: d["adoption_rate"].fillna(0.0)
    )
    top = float(max(data["investment"].max(), data["expected_annual_benefit"].max(), 1.0))
    colours = alt.Scale(domain=groups, range=[GOOD, PALETTE[1], NEUTRAL][: len(groups)])
    bubbles = (
        alt.Chart(data)
        .mark_circle(opacity=0.75, stroke="white", strokeWidth=1)
        .encode(
            x=alt.X(
                "investment:Q",
                title=axis["investment"],
                axis=number_axis(data["investment"], ",.0f", zero=True),
            ),
            y=alt.Y(
                "expected_annual_benefit:Q",
                title=axis["benefit"],
                axis=number_axis(data["expected_annual_benefit"], ",.0f", zero=True),
            ),
            size=alt.Size(
                "adoption_rate:Q",
                title=axis["adoption"],
                scale=alt.Scale(domain=[0, 1], range=[60, 900]),
                legend=alt.Legend(format=".0%"),
            ),
            color=alt.Color("group:N", title=axis["group"], scale=colours),
            tooltip=[
                alt.Tooltip("name:N", title=axis["name"]),
                alt.Tooltip("stage:N", title=axis["stage"]),
                alt.Tooltip("investment:Q", title=axis["investment"], format=",.0f"),
                alt.Tooltip("expected_annual_benefit:Q", title=axis["benefit"], format=",.0f"),
                alt.Tooltip("adoption_rate:Q", title=axis["adoption"], format=".0%"),
                alt.Tooltip("npv:Q", title=axis["npv"], format=",.0f"),
            ],
        )
    )
    diagonal = (
        alt.Chart(pd.DataFrame({"x": [0.0, top], "y": [0.0, top]}))
        .mark_line(color=NEUTRAL, strokeDash=[4, 3], strokeWidth=1)
        .encode(x="x:Q", y="y:Q")
    )
    return alt.layer(diagonal, bubbles).properties(title=title)


def budget_chart(
    frame: pd.DataFrame, budget: float, title: str, axis: dict[str, str], groups: list[str]
):
    """The ranked candidates of ``innovation.budget_fit`` as bars of their investment in
    rank order, coloured by ``group`` (fits / does not fit: ``groups``), the running total
    of every candidate's investment as a line, and the budget as a horizontal rule.
    ``frame``: ``initiative_id, name, investment, running_total, npv_per_investment,
    group``; bars are labelled by id (names are long), named in the tooltip. ``axis``:
    titles of ``id``, ``name``, ``investment``, ``cumulative``, ``ratio``, ``budget``,
    ``group``."""
    order = frame["initiative_id"].tolist()
    x = alt.X("initiative_id:N", sort=order, title=axis["id"], axis=category_axis(order))
    y_axis = number_axis([frame["running_total"], pd.Series([budget])], ",.0f", zero=True)
    colours = alt.Scale(domain=groups, range=[GOOD, PALETTE[1]][: len(groups)])
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y("investment:Q", title=axis["investment"], axis=y_axis),
            color=alt.Color("group:N", title=axis["group"], scale=colours),
            tooltip=[
                alt.Tooltip("name:N", title=axis["name"]),
                alt.Tooltip("investment:Q", title=axis["investment"], format=",.0f"),
                alt.Tooltip("npv_per_investment:Q", title=axis["ratio"], format=",.2f"),
                alt.Tooltip("running_total:Q", title=axis["cumulative"], format=",.0f"),
            ],
        )
    )
    line = (
        alt.Chart(frame)
        .mark_line(color=NEUTRAL, point=True)
        .encode(
            x=x,
            y="running_total:Q",
            tooltip=[
                alt.Tooltip("name:N", title=axis["name"]),
                alt.Tooltip("running_total:Q", title=axis["cumulative"], format=",.0f"),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"budget": [float(budget)], "label": [axis["budget"]]}))
        .mark_rule(color=BAD, strokeDash=[6, 3], strokeWidth=1.5)
        .encode(
            y="budget:Q",
            tooltip=[alt.Tooltip("budget:Q", title=axis["budget"], format=",.0f")],
        )
    )
    return alt.layer(bars, line, rule).properties(title=title)


def effect_chart(
    frame: pd.DataFrame,
    go_live: date,
    title: str,
    axis: dict[str, str],
    *,
    percent: bool = False,
):
    """The linked KPI per day around go-live: the values as a line with points (a run of
    8 on one side after go-live in red), the control chart's centre and limits from the
    days before, and go-live as a vertical rule. ``frame``: ``Effect.series`` (``date,
    value, n, after, centre, ucl, lcl, rule_4``). ``axis``: titles of ``day``, ``value``,
    ``centre``, ``ucl``, ``lcl``, ``go_live`` and ``shift``."""
    fmt = ".1%" if percent else ",.1f"
    # Every KPI measured is 0 or more: a limit below 0 is drawn at 0.
    data = frame.dropna(subset=["value"]).assign(
        lcl=lambda d: d["lcl"].clip(lower=0.0),
        rule_4=lambda d: d["rule_4"].fillna(False).astype(bool),
        flag=lambda d: d["rule_4"].map({True: axis["shift"], False: ""}),
    )
    x = alt.X("date:T", title=axis["day"])
    y_axis = number_axis(
        [data[c] for c in ("value", "centre", "ucl", "lcl")], ".0%" if percent else ",.1f"
    )
    base = alt.Chart(data)
    limits = base.mark_line(strokeDash=[4, 3], color=BAD, strokeWidth=1.2)
    live = pd.DataFrame({"date": [pd.Timestamp(go_live)], "label": [axis["go_live"]]})
    return alt.layer(
        base.mark_line(color=NEUTRAL, strokeWidth=1).encode(
            x=x,
            y=alt.Y("value:Q", title=axis["value"], axis=y_axis, scale=alt.Scale(zero=False)),
        ),
        base.mark_line(color=GOOD, strokeWidth=1.2).encode(x=x, y="centre:Q"),
        limits.encode(x=x, y="ucl:Q"),
        limits.encode(x=x, y="lcl:Q"),
        base.mark_circle(opacity=1).encode(
            x=x,
            y="value:Q",
            color=alt.condition("datum.rule_4", alt.value(BAD), alt.value(PALETTE[0])),
            size=alt.condition("datum.rule_4", alt.value(60), alt.value(22)),
            tooltip=[
                alt.Tooltip("date:T", title=axis["day"]),
                *(
                    alt.Tooltip(f"{c}:Q", title=axis[c], format=fmt)
                    for c in ("value", "centre", "ucl", "lcl")
                ),
                alt.Tooltip("flag:N", title=" "),
            ],
        ),
        alt.Chart(live)
        .mark_rule(color=PALETTE[3], strokeWidth=2)
        .encode(x="date:T", tooltip=[alt.Tooltip("date:T", title=axis["go_live"])]),
    ).properties(title=title)


def adoption_chart(
    frame: pd.DataFrame,
    target: float | None,
    go_live: date | None,
    title: str,
    axis: dict[str, str],
):
    """Monthly adoption ``share`` (0-1) as a line with points, the target as a horizontal
    rule and go-live as a vertical one. ``frame``: ``Adoption.frame`` (``period, share,
    n``). ``axis``: titles of ``month``, ``share``, ``tickets``, ``target``, ``go_live``."""
    values = [frame["share"]] + ([pd.Series([target])] if target is not None else [])
    x = alt.X("period:T", title=axis["month"], axis=alt.Axis(format="%Y-%m"))
    layers = [
        alt.Chart(frame)
        .mark_line(color=PALETTE[0], point=True)
        .encode(
            x=x,
            y=alt.Y(
                "share:Q",
                title=axis["share"],
                axis=number_axis(values, ".0%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            tooltip=[
                alt.Tooltip("period:T", title=axis["month"], format="%Y-%m"),
                alt.Tooltip("share:Q", title=axis["share"], format=".1%"),
                alt.Tooltip("n:Q", title=axis["tickets"], format=",d"),
            ],
        )
    ]
    if target is not None:
        layers.append(
            alt.Chart(pd.DataFrame({"target": [target]}))
            .mark_rule(color=GOOD, strokeDash=[6, 3], strokeWidth=1.5)
            .encode(
                y="target:Q",
                tooltip=[alt.Tooltip("target:Q", title=axis["target"], format=".0%")],
            )
        )
    if go_live is not None:
        layers.append(
            alt.Chart(pd.DataFrame({"date": [pd.Timestamp(go_live)]}))
            .mark_rule(color=PALETTE[3], strokeWidth=2)
            .encode(x="date:T", tooltip=[alt.Tooltip("date:T", title=axis["go_live"])])
        )
    return alt.layer(*layers).properties(title=title)
