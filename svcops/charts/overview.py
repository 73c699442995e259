"""Chart builders for the service overview page."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .common import number_axis
from .theme import SERIES_COLOURS


def volume_chart(trend: pd.DataFrame, labels: dict[str, str], title: str, axis: dict[str, str]):
    """Created vs resolved per period: two lines. ``trend`` from ``kpi.trend``; ``labels``:
    the two series' names; ``axis``: titles of ``period``, ``tickets`` and ``series``."""
    long = trend.melt(
        id_vars="period",
        value_vars=["created", "resolved"],
        var_name="series",
        value_name="tickets",
    )
    long["series"] = long["series"].map(labels)
    scale = alt.Scale(
        domain=[labels["created"], labels["resolved"]],
        range=[SERIES_COLOURS["created"], SERIES_COLOURS["resolved"]],
    )
    return (
        alt.Chart(long, title=title)
        .mark_line(point=len(trend) <= 60)
        .encode(
            x=alt.X("period:T", title=axis["period"]),
            y=alt.Y("tickets:Q", title=axis["tickets"], axis=number_axis(long["tickets"], ",.1f")),
            color=alt.Color("series:N", scale=scale, title=None),
            tooltip=[
                alt.Tooltip("period:T", title=axis["period"]),
                alt.Tooltip("series:N", title=axis["series"]),
                alt.Tooltip("tickets:Q", title=axis["tickets"], format=","),
            ],
        )
    )
