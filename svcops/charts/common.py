"""Generic chart builders more than one page draws: a measure over time, plain bars."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .theme import PALETTE


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
