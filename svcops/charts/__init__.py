"""Altair chart builders, ``(frame, ...) -> alt.Chart``, one module per page area, and
the one svcops theme (``theme.py``).

Frames arrive aggregated (from DuckDB); no builder ships raw ticket rows to the
browser. Builders more than one page draws live in ``common.py``. Every public
name is re-exported here, so pages call ``charts.volume_chart(...)`` and
``charts.localised(...)`` without knowing which file a builder lives in.
"""

from __future__ import annotations

from .common import bar_chart, category_axis, number_axis, number_format, series_chart
from .cost import (
    bridge_chart,
    monthly_lines_chart,
    outlook_chart,
    quadrant_chart,
    variance_chart,
)
from .explorer import BAR_ROWS, LINE_ROWS, QuickChart, quick_chart, quick_chart_columns
from .innovation import (
    adoption_chart,
    bubble_chart,
    budget_chart,
    effect_chart,
    funnel_chart,
    sensitivity_chart,
)
from .overview import volume_chart
from .process import flow_chart, handover_chart, process_map_chart, stage_chart
from .quality import control_chart, pareto_chart, servqual_chart
from .resource import forecast_chart, heatmap, weekly_bars
from .risk import kri_chart, risk_heat_chart
from .theme import (
    AUTOSIZE,
    BAD,
    FONT,
    GOOD,
    NEUTRAL,
    PALETTE,
    PRESENTER,
    PRIORITY_COLOURS,
    SERIES_COLOURS,
    THEME,
    ZH_LOCALE,
    colour_scale,
    localised,
    sized,
)

__all__ = [
    "BAR_ROWS",
    "LINE_ROWS",
    "AUTOSIZE",
    "BAD",
    "FONT",
    "GOOD",
    "NEUTRAL",
    "PALETTE",
    "PRESENTER",
    "PRIORITY_COLOURS",
    "QuickChart",
    "SERIES_COLOURS",
    "THEME",
    "ZH_LOCALE",
    "adoption_chart",
    "bar_chart",
    "bridge_chart",
    "bubble_chart",
    "budget_chart",
    "category_axis",
    "colour_scale",
    "control_chart",
    "effect_chart",
    "flow_chart",
    "forecast_chart",
    "funnel_chart",
    "handover_chart",
    "heatmap",
    "kri_chart",
    "localised",
    "monthly_lines_chart",
    "number_axis",
    "number_format",
    "outlook_chart",
    "pareto_chart",
    "process_map_chart",
    "quadrant_chart",
    "quick_chart",
    "quick_chart_columns",
    "risk_heat_chart",
    "sensitivity_chart",
    "series_chart",
    "servqual_chart",
    "sized",
    "stage_chart",
    "variance_chart",
    "volume_chart",
    "weekly_bars",
]
