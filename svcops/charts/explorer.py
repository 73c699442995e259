"""The SQL explorer's quick chart: the first two suitable columns of a query's result.

The first column of labels or dates (text, a date or time, a yes/no, a whole number)
is the x axis; the first column of numbers after it is the y axis. Dates draw a line,
anything else bars in the result's own order (the query's ORDER BY decides).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from .common import bar_chart, series_chart

# Bars beyond this many are not drawn (their labels would overprint); a line takes more.
BAR_ROWS = 50
LINE_ROWS = 5_000


@dataclass(frozen=True)
class QuickChart:
    """Which columns to draw: ``x`` and ``y`` (column names of the result), ``kind``
    (``"line"`` over dates, ``"bar"`` otherwise) and ``rows`` (how many rows are
    drawn: the first ones, at most :data:`BAR_ROWS` bars or :data:`LINE_ROWS` points)."""

    x: str
    y: str
    kind: str
    rows: int


def _temporal(series: pd.Series) -> bool:
    if pd.api.types.is_datetime64_any_dtype(series):
        return True
    values = series.dropna()
    return (
        series.dtype == object
        and len(values) > 0
        and all(isinstance(v, (date, datetime)) for v in values)
    )


def _numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _label(series: pd.Series) -> bool:
    return (
        _temporal(series)
        or pd.api.types.is_bool_dtype(series)
        or pd.api.types.is_integer_dtype(series)
        or pd.api.types.is_string_dtype(series)
        or isinstance(series.dtype, pd.CategoricalDtype)
    )


def quick_chart_columns(frame: pd.DataFrame) -> QuickChart | None:
    """The columns a quick chart of ``frame`` draws, or None when it has no column of
    labels or dates followed by a column of numbers (or no rows)."""
    if frame.empty or len(set(frame.columns)) != len(frame.columns):
        return None
    columns = list(frame.columns)
    for i, x in enumerate(columns):
        if not _label(frame[x]):
            continue
        y = next((c for c in columns[i + 1 :] if _numeric(frame[c])), None)
        if y is None:
            return None
        kind = "line" if _temporal(frame[x]) else "bar"
        cap = LINE_ROWS if kind == "line" else BAR_ROWS
        return QuickChart(str(x), str(y), kind, min(len(frame), cap))
    return None


def quick_chart(frame: pd.DataFrame, pick: QuickChart, title: str):
    """``pick.y`` by ``pick.x`` over the first ``pick.rows`` rows of ``frame``: a line
    over dates, bars otherwise (a missing label reads as an empty one). The axes are
    titled with the result's own column names; a missing y is not drawn."""
    data = frame[[pick.x, pick.y]].head(pick.rows).copy()
    data.columns = ["x", "y"]  # any name a query gives (dots, colons) is safe as a field
    data["y"] = pd.to_numeric(data["y"], errors="coerce").astype("float64")
    if pick.kind == "line":
        data["x"] = pd.to_datetime(data["x"])
        return series_chart(
            data.rename(columns={"x": "period"}).sort_values("period"),
            "y",
            title,
            pick.y,
            x_title=pick.x,
        )
    data["x"] = [("" if pd.isna(v) else str(v)) for v in data["x"]]
    return bar_chart(data, "x", "y", title, x_title=pick.x, y_title=pick.y, sort=None)
