"""Generic chart builders more than one page draws: a measure over time, plain bars;
and the number format of a measure's axis, which every builder uses."""

from __future__ import annotations

import re
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from .theme import PALETTE

# An axis spanning this much or more reads without decimals (hours 0-40, not 10.0).
_WHOLE_SPAN = 3
# Category labels longer than this are slanted on a horizontal axis.
_FLAT_LABEL = 8


def number_format(values: Any, fmt: str, *, zero: bool = False) -> str:
    """The d3 format of a measure's axis or legend: whole numbers (counts) ``,d``; a
    span of :data:`_WHOLE_SPAN` or more ``,.0f`` (hours 0-40, not 10.0); else ``fmt``.

    ``values``: every value drawn on the axis (a measure and its limits, bands or
    series), as an array or Series or a list of them; ``fmt``: the format for small
    spans (``",.1f"``; a percent format such as ``".0%"`` is kept as it is); ``zero``:
    the scale starts at 0 (bars, areas).
    """
    if fmt.endswith("%"):
        return fmt
    parts = values if isinstance(values, (list, tuple)) else [values]
    found = (
        np.concatenate([np.asarray(p, dtype="float64").ravel() for p in parts])
        if parts
        else np.array([])
    )
    found = found[np.isfinite(found)]
    if found.size and (found == np.round(found)).all():
        return ",d"
    lo, hi = (found.min(), found.max()) if found.size else (0.0, 0.0)
    span = max(hi, 0.0) - min(lo, 0.0) if zero else hi - lo
    return ",.0f" if span >= _WHOLE_SPAN else fmt


def number_axis(values: Any, fmt: str, *, zero: bool = False, **axis: Any) -> alt.Axis:
    """An axis in :func:`number_format`'s format whose ticks all read differently:
    ``tickMinStep`` is the smallest step the format shows (no ``0, 0, 1, 1``).
    ``axis``: further ``alt.Axis`` settings."""
    shown = number_format(values, fmt, zero=zero)
    step = 10.0 ** -(_decimals(shown) + (2 if shown.endswith("%") else 0))
    return alt.Axis(format=shown, tickMinStep=step, **axis)


def category_axis(names: Any, **axis: Any) -> alt.Axis:
    """An axis of categories (teams, weeks, dimensions) that keeps every label: none is
    hidden for overlap or cut short below 240 px, and on a horizontal axis names longer
    than :data:`_FLAT_LABEL` characters are slanted so neighbours never overprint.
    ``names``: the labels shown; ``axis``: further ``alt.Axis`` settings (``labelAngle``
    given there wins)."""
    longest = max((len(str(n)) for n in names), default=0)
    settings = {
        "labelOverlap": False,
        "labelLimit": 240,
        "labelAngle": 0 if longest <= _FLAT_LABEL else -30,
        **axis,
    }
    return alt.Axis(**settings)


def _decimals(fmt: str) -> int:
    """Digits after the point in a d3 format (``",.1f"`` -> 1, ``",d"`` -> 0)."""
    found = re.search(r"\.(\d+)", fmt)
    return int(found.group(1)) if found else 0


def series_chart(
    frame: pd.DataFrame,
    column: str,
    title: str,
    axis_title: str,
    *,
    percent: bool = False,
    mark: str = "line",
    colour: str = PALETTE[0],
    x_title: str = "Period",
):
    """One measure over ``period`` as a line or an area (backlog); the axis reads as
    :func:`number_axis` says, the tooltip with ``,.1f`` (whole numbers as they are)."""
    data = frame.dropna(subset=[column])
    fmt = ".0%" if percent else ",.1f"
    y_axis = number_axis(data[column], fmt, zero=mark == "area")
    tip = ",d" if y_axis.format == ",d" else fmt
    base = alt.Chart(data, title=title)
    marked = (
        base.mark_area(opacity=0.35, line={"color": colour}, color=colour)
        if mark == "area"
        else base.mark_line(color=colour, point=len(frame) <= 60)
    )
    return marked.encode(
        x=alt.X("period:T", title=x_title),
        y=alt.Y(f"{column}:Q", title=axis_title, axis=y_axis, scale=alt.Scale(zero=mark == "area")),
        tooltip=[
            alt.Tooltip("period:T", title=x_title),
            alt.Tooltip(f"{column}:Q", title=axis_title, format=tip),
        ],
    )


def bar_chart(
    frame: pd.DataFrame,
    x: str,
    y: str,
    title: str,
    *,
    x_title: str,
    y_title: str,
    percent: bool = False,
    colour: str = PALETTE[0],
    horizontal: bool = False,
    sort: list[str] | str | None = None,
):
    """Plain bars of ``y`` per ``x`` (or sideways with ``horizontal``); every category
    keeps its label (:func:`category_axis`)."""
    fmt = ".0%" if percent else ",.2f"
    value_axis = number_axis(frame[y], fmt, zero=True)
    tip = ",d" if value_axis.format == ",d" else fmt
    cat = (
        alt.X(f"{x}:N", title=x_title, sort=sort, axis=category_axis(frame[x]))
        if not horizontal
        else alt.Y(f"{x}:N", title=x_title, sort=sort, axis=category_axis(frame[x], labelAngle=0))
    )
    val = (
        alt.Y(f"{y}:Q", title=y_title, axis=value_axis)
        if not horizontal
        else alt.X(f"{y}:Q", title=y_title, axis=value_axis)
    )
    enc = {"x": cat, "y": val} if not horizontal else {"y": cat, "x": val}
    return (
        alt.Chart(frame, title=title)
        .mark_bar(color=colour)
        .encode(
            **enc,
            tooltip=[
                alt.Tooltip(f"{x}:N", title=x_title),
                alt.Tooltip(f"{y}:Q", title=y_title, format=tip),
            ],
        )
    )
