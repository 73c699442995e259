"""Risk management charts: the 5x5 heat map (cells with counts and risk ids, movement
arrows, the risk-appetite line, clickable cells) and a key risk indicator's series
against its amber and red thresholds."""

from __future__ import annotations

import math
from collections.abc import Mapping

import altair as alt
import pandas as pd

from .common import number_axis

# Band colours: soft enough that the count written on a cell stays readable.
_BAND_COLOURS = {
    "low": "#CDEBC5",
    "medium": "#FBE7A1",
    "high": "#F8C08A",
    "critical": "#EE8B80",
}
_STATUS_COLOURS = {"green": "#1A7F37", "amber": "#D29922", "red": "#C0392B", "none": "#8C959F"}
_ARROW = "#24292F"
_APPETITE = "#6F42C1"
# Risk ids written in a cell before "+n".
_IDS_SHOWN = 4
# Where in a cell (impact, likelihood offsets) arrows start and end.
_ARROW_AT = (0.36, -0.3)


def _ids_text(ids: str, more: str, shown: int = _IDS_SHOWN) -> str:
    """The ids written in a cell: up to ``shown``, two a line, then "+n" (on a line of
    its own after a full line, so no line is wider than two ids and a count)."""
    parts = [p for p in ids.split(", ") if p]
    first = parts[:shown]
    lines = [", ".join(first[i : i + 2]) for i in range(0, len(first), 2)]
    if len(parts) > shown:
        rest = more.format(n=len(parts) - shown)
        if len(first) % 2:
            lines[-1] += " " + rest
        else:
            lines.append(rest)
    return "\n".join(lines)


def _appetite_edges(appetite: int) -> pd.DataFrame:
    """Segments of the boundary between the cells whose score is below ``appetite`` and
    those at or above it: ``x, y, x2, y2`` in cell units (cell (i, l) spans i±0.5, l±0.5).
    """
    inside = {(i, li): i * li >= appetite for i in range(1, 6) for li in range(1, 6)}
    segs = []
    for i in range(1, 6):
        for li in range(1, 6):
            if not inside[(i, li)]:
                continue
            # The cell's left edge borders a cell below the appetite (or the matrix edge).
            if i > 1 and not inside[(i - 1, li)]:
                segs.append((i - 0.5, li - 0.5, i - 0.5, li + 0.5))
            if li > 1 and not inside[(i, li - 1)]:
                segs.append((i - 0.5, li - 0.5, i + 0.5, li - 0.5))
    return pd.DataFrame(segs, columns=["x", "y", "x2", "y2"])


def risk_heat_chart(
    cells: pd.DataFrame,
    moves: pd.DataFrame | None,
    titles: Mapping[str, str],
    *,
    appetite: int | None = None,
    bands: Mapping[str, str] | None = None,
    title: str = "",
    size: int = 460,
    ids_shown: int = _IDS_SHOWN,
) -> alt.LayerChart:
    """The 5x5 matrix, impact across (1-5), likelihood up (1-5).

    ``cells``: :func:`svcops.risk.heat_cells` (``likelihood, impact, score, band,
    count, ids``); each cell is coloured by its band, shows its count and up to four
    ids. ``moves``: :func:`svcops.risk.movements` drawn as arrows from the inherent to
    the residual cell (None: no arrows). ``appetite``: the score from which a risk is
    outside the appetite, drawn as a line round those cells. ``titles``: the words
    for ``likelihood, impact, score, band, count, ids, more`` (``more``: "+{n}
    more"), ``from``, ``to``, ``appetite``; ``bands``: band -> its name. A click on a
    cell selects it (selection ``cell``, fields likelihood and impact).
    """
    bands = bands or {}
    data = cells.copy()
    data["x"], data["x2"] = data["impact"] - 0.5, data["impact"] + 0.5
    data["y"], data["y2"] = data["likelihood"] - 0.5, data["likelihood"] + 0.5
    data["band_name"] = data["band"].map(lambda b: bands.get(b, b))
    data["count_text"] = data["count"].map(lambda n: f"{int(n):,}" if n else "")
    data["ids_text"] = data["ids"].map(
        lambda s: _ids_text(s, titles.get("more", "+{n}"), ids_shown)
    )
    # The count in the cell's upper part, its ids below it (arrows run lower down).
    data["count_y"], data["ids_y"] = data["likelihood"] + 0.22, data["likelihood"] + 0.05
    axis_values = list(range(1, 6))
    x_axis = alt.Axis(format="d", values=axis_values, tickMinStep=1, grid=False)
    y_axis = alt.Axis(format="d", values=axis_values, tickMinStep=1, grid=False)
    scale = alt.Scale(domain=[0.5, 5.5], nice=False, zero=False)
    x = alt.X("x:Q", title=titles.get("impact", "impact"), axis=x_axis, scale=scale)
    y = alt.Y("y:Q", title=titles.get("likelihood", "likelihood"), axis=y_axis, scale=scale)
    pick = alt.selection_point(
        name="cell", fields=["likelihood", "impact"], on="click", clear="dblclick"
    )
    order = [b for b in ("low", "medium", "high", "critical")]
    colour = alt.Color(
        "band_name:N",
        scale=alt.Scale(
            domain=[bands.get(b, b) for b in order], range=[_BAND_COLOURS[b] for b in order]
        ),
        legend=alt.Legend(title=titles.get("band", "band"), orient="bottom"),
    )
    tip = [
        alt.Tooltip("likelihood:Q", title=titles.get("likelihood", "likelihood"), format="d"),
        alt.Tooltip("impact:Q", title=titles.get("impact", "impact"), format="d"),
        alt.Tooltip("score:Q", title=titles.get("score", "score"), format="d"),
        alt.Tooltip("band_name:N", title=titles.get("band", "band")),
        alt.Tooltip("count:Q", title=titles.get("count", "count"), format=",d"),
        alt.Tooltip("ids:N", title=titles.get("ids", "ids")),
    ]
    base = alt.Chart(data)
    rects = (
        base.mark_rect(stroke="white", strokeWidth=2)
        .encode(
            x=x,
            x2="x2:Q",
            y=y,
            y2="y2:Q",
            color=colour,
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.45)),
            tooltip=tip,
        )
        .add_params(pick)
    )
    counts = base.mark_text(fontSize=20, fontWeight="bold", color="#24292F").encode(
        x=alt.X("impact:Q", scale=scale, axis=x_axis, title=titles.get("impact", "impact")),
        y=alt.Y("count_y:Q", scale=scale, axis=y_axis, title=titles.get("likelihood", "")),
        text="count_text:N",
        tooltip=tip,
    )
    # The ids grow with the matrix (a cell is about size / 5 wide): 10 px at 460, 13 px
    # at presenter mode's 600, so "R-018, R-025" still fits a cell on one line.
    ids = base.mark_text(
        fontSize=round(size / 46, 1), dy=10, baseline="top", lineBreak="\n", color="#24292F"
    ).encode(
        x=alt.X("impact:Q", scale=scale, axis=x_axis, title=titles.get("impact", "impact")),
        y=alt.Y("likelihood:Q", scale=scale, axis=y_axis, title=titles.get("likelihood", "")),
        text="ids_text:N",
        tooltip=tip,
    )
    layers: list[alt.Chart] = [rects]
    if appetite is not None:
        edges = _appetite_edges(appetite)
        if len(edges):
            layers.append(
                alt.Chart(edges.assign(what=titles.get("appetite", "appetite")))
                .mark_rule(color=_APPETITE, strokeWidth=3, strokeDash=[6, 3])
                .encode(
                    x=alt.X("x:Q", scale=scale, axis=x_axis, title=titles.get("impact", "")),
                    y=alt.Y("y:Q", scale=scale, axis=y_axis, title=titles.get("likelihood", "")),
                    x2="x2:Q",
                    y2="y2:Q",
                    tooltip=[alt.Tooltip("what:N", title=titles.get("appetite", "appetite"))],
                )
            )
    if moves is not None and len(moves):
        arrows = _arrows(moves, titles)
        arrow_tip = [
            alt.Tooltip("ids:N", title=titles.get("ids", "ids")),
            alt.Tooltip("count:Q", title=titles.get("count", "count"), format=",d"),
            alt.Tooltip("from_text:N", title=titles.get("from", "from")),
            alt.Tooltip("to_text:N", title=titles.get("to", "to")),
        ]
        layers.append(
            alt.Chart(arrows)
            .mark_rule(color=_ARROW, opacity=0.55)
            .encode(
                x=alt.X("x0:Q", scale=scale, axis=x_axis, title=titles.get("impact", "")),
                y=alt.Y("y0:Q", scale=scale, axis=y_axis, title=titles.get("likelihood", "")),
                x2="x1:Q",
                y2="y1:Q",
                strokeWidth=alt.StrokeWidth(
                    "count:Q", scale=alt.Scale(range=[1.5, 5]), legend=None
                ),
                tooltip=arrow_tip,
            )
        )
        layers.append(
            alt.Chart(arrows)
            .mark_point(shape="triangle-up", filled=True, color=_ARROW, size=80, opacity=0.75)
            .encode(
                x=alt.X("x1:Q", scale=scale, axis=x_axis, title=titles.get("impact", "")),
                y=alt.Y("y1:Q", scale=scale, axis=y_axis, title=titles.get("likelihood", "")),
                angle=alt.Angle("angle:Q", scale=None),
                tooltip=arrow_tip,
            )
        )
    layers += [counts, ids]
    return alt.LayerChart(layer=layers, title=title, width=size, height=size)


def _arrows(moves: pd.DataFrame, titles: Mapping[str, str]) -> pd.DataFrame:
    """Arrow geometry: from the inherent cell to the residual cell, each end at the
    cell's lower right (:data:`_ARROW_AT`, clear of the count and ids written in the
    upper middle), pulled in a little so the head sits inside the residual cell;
    ``angle`` in degrees clockwise from up (Vega's triangle points up)."""
    rows = []
    dx_at, dy_at = _ARROW_AT
    for r in moves.to_dict("records"):
        x0, y0 = float(r["from_impact"]) + dx_at, float(r["from_likelihood"]) + dy_at
        x1, y1 = float(r["to_impact"]) + dx_at, float(r["to_likelihood"]) + dy_at
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy)
        ux, uy = dx / length, dy / length
        rows.append(
            {
                "x0": x0 + ux * 0.1,
                "y0": y0 + uy * 0.1,
                "x1": x1 - ux * 0.15,
                "y1": y1 - uy * 0.15,
                "angle": (90 - math.degrees(math.atan2(dy, dx))) % 360,
                "count": int(r["count"]),
                "ids": r["ids"],
                "from_text": f"{int(r['from_likelihood'])} × {int(r['from_impact'])}",
                "to_text": f"{int(r['to_likelihood'])} × {int(r['to_impact'])}",
            }
        )
    return pd.DataFrame(rows)


def kri_chart(
    series: pd.DataFrame,
    amber: float,
    red: float,
    titles: Mapping[str, str],
    *,
    percent: bool = False,
    title: str = "",
    statuses: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """One indicator over its periods (``end``, ``value``, ``status``), with dashed
    amber and red threshold lines; points coloured by status. ``titles``: ``end``
    (the period's last day), ``value``, ``status``, ``amber``, ``red``; ``statuses``:
    status -> its name."""
    statuses = statuses or {}
    data = series.dropna(subset=["value"]).copy()
    data["status_name"] = data["status"].map(lambda s: statuses.get(s, s))
    fmt = ".0%" if percent else ",.1f"
    axis = number_axis([data["value"], [amber, red]], fmt, zero=True)
    tip_fmt = ",d" if axis.format == ",d" else fmt
    y = alt.Y("value:Q", title=titles.get("value", "value"), axis=axis, scale=alt.Scale(zero=True))
    x = alt.X("end:T", title=titles.get("end", "period"))
    order = ["green", "amber", "red"]
    colour = alt.Color(
        "status_name:N",
        scale=alt.Scale(
            domain=[statuses.get(s, s) for s in order], range=[_STATUS_COLOURS[s] for s in order]
        ),
        legend=alt.Legend(title=titles.get("status", "status")),
    )
    tip = [
        alt.Tooltip("end:T", title=titles.get("end", "period")),
        alt.Tooltip("value:Q", title=titles.get("value", "value"), format=tip_fmt),
        alt.Tooltip("status_name:N", title=titles.get("status", "status")),
    ]
    line = alt.Chart(data).mark_line(color="#57606A").encode(x=x, y=y, tooltip=tip)
    points = (
        alt.Chart(data).mark_point(filled=True, size=70).encode(x=x, y=y, color=colour, tooltip=tip)
    )
    limits = pd.DataFrame(
        {
            "value": [amber, red],
            "what": [titles.get("amber", "amber"), titles.get("red", "red")],
            "status": ["amber", "red"],
        }
    )
    rules = (
        alt.Chart(limits)
        .mark_rule(strokeDash=[5, 4], strokeWidth=1.5)
        .encode(
            y=alt.Y("value:Q", axis=axis, title=titles.get("value", "value")),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(
                    domain=["amber", "red"],
                    range=[_STATUS_COLOURS["amber"], _STATUS_COLOURS["red"]],
                ),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("what:N", title=titles.get("threshold", "threshold")),
                alt.Tooltip("value:Q", title=titles.get("value", "value"), format=tip_fmt),
            ],
        )
    )
    return alt.layer(rules, line, points, title=title).resolve_scale(color="independent")
