"""The one svcops Altair theme, its colours, stable colour scales and the zh chart locale.

A team, channel or priority keeps its colour on every page, because a colour
scale's domain is the workspace's full sorted list of that dimension's values,
not just the ones currently filtered in.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt

THEME = "svcops"
FONT = "Source Sans Pro, Noto Sans CJK SC, Microsoft YaHei, sans-serif"

# Okabe-Ito (colour-blind safe) first, then Tableau 10 for longer lists.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
    "#4E79A7",
    "#F28E2B",
    "#59A14F",
    "#B07AA1",
    "#76B7B2",
    "#EDC948",
    "#FF9DA7",
    "#9C755F",
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
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "gridColor": "#EAECEF",
                "domainColor": "#8C959F",
                "tickColor": "#8C959F",
            },
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
            "title": {"fontSize": 15, "anchor": "start", "fontWeight": 600},
            "range": {"category": list(PALETTE)},
            "line": {"strokeWidth": 2},
        }
    }


def colour_scale(
    dimension: str, values: list[str], shown: Callable[[str], object] | None = None
) -> alt.Scale:
    """A stable colour scale for a dimension, from the workspace's full value list.

    ``shown``: how the chart names each value (a channel's key ``phone`` in the page's
    language); the colours are given by the values themselves, so a channel keeps its
    colour in either language."""
    domain = sorted({str(v) for v in values})
    if dimension == "priority":
        known = [v for v in domain if v in PRIORITY_COLOURS]
        rest = [v for v in domain if v not in PRIORITY_COLOURS]
        domain = known + rest
        colours = [PRIORITY_COLOURS[v] for v in known] + [
            PALETTE[i % len(PALETTE)] for i in range(len(rest))
        ]
    else:
        colours = [PALETTE[i % len(PALETTE)] for i in range(len(domain))]
    if shown is not None:
        domain = [str(shown(v)) for v in domain]
    return alt.Scale(domain=domain, range=colours)


# d3 time and number formats for Simplified Chinese (month and weekday names on axes).
ZH_LOCALE = {
    "number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["¥", ""]},
    "time": {
        "dateTime": "%Y年%-m月%-d日 %A %X",
        "date": "%Y/%-m/%-d",
        "time": "%H:%M:%S",
        "periods": ["上午", "下午"],
        "days": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
        "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
        "months": [
            "一月",
            "二月",
            "三月",
            "四月",
            "五月",
            "六月",
            "七月",
            "八月",
            "九月",
            "十月",
            "十一月",
            "十二月",
        ],
        "shortMonths": [f"{m}月" for m in range(1, 13)],
    },
}


# Presenter mode: text readable on a shared screen at 1280 x 720 (the theme's 12 px
# is not), taller plots, and bands tall enough that every category label fits.
PRESENTER = {
    "axis": {"labelFontSize": 16, "titleFontSize": 17, "labelLimit": 320},
    "legend": {"labelFontSize": 16, "titleFontSize": 16, "symbolSize": 180, "labelLimit": 320},
    "title": {"fontSize": 22},
    "view": {"continuousHeight": 340, "discreteHeight": {"step": 36}},
}

# The plot keeps its height (the theme's) and the chart grows by its titles, axes and
# legend; only the width fits the container. Streamlit otherwise fits the whole chart
# into a fixed height, so a long axis title or a legend squeezes the plot and pushes
# the chart's title out of its box.
AUTOSIZE = {"type": "fit-x", "contains": "padding"}


def localised(chart, lang: str, presenter: bool = False):
    """The chart with axis dates and numbers in ``lang`` and, for ``presenter`` mode,
    the larger text of :data:`PRESENTER` (per chart, not a global theme, so sessions
    in different languages or modes never see each other's setting). The chart itself
    is left unchanged; in English outside presenter mode it is returned as it is."""
    config: dict = {}
    if lang == "zh":
        config["locale"] = ZH_LOCALE
    if presenter:
        config.update(PRESENTER)
    return chart.configure(**config) if config else chart


def sized(chart):
    """The chart sized as :data:`AUTOSIZE` says (what ``ui.page.chart`` draws)."""
    return chart.properties(autosize=AUTOSIZE)
