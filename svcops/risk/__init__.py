"""Risk management: the risk register, its heat map, and key risk indicators measured
from the workspace's own operational data.

* :mod:`.scale` - likelihood and impact as 1-5 or words (English, Chinese);
* :mod:`.register` - scores, bands, heat-map cells, movement, overdue mitigations,
  stale reviews, score history and what changed since the last review;
* :mod:`.indicators` - key risk indicators per period, with stored thresholds;
* :mod:`.review` - breach to review, and everything the page shows in one call.

Definitions of every figure: docs/risk.md.
"""

from .indicators import (
    INDICATORS,
    PERIOD_DAYS,
    PERIODS,
    Indicator,
    KriResult,
    ahead_span,
    indicators,
    load_thresholds,
    save_thresholds,
    scope_key,
    scoped_series,
    shortfall_periods,
    validate_thresholds,
    windows,
)
from .register import (
    BANDS,
    BASES,
    CHANGES,
    DEFAULT_APPETITE,
    DEFAULT_REVIEW_DAYS,
    Bands,
    RiskError,
    changes_since,
    heat_cells,
    load_history,
    movements,
    out_of_appetite,
    parse_indicators,
    rating_text,
    record_score,
    register,
    text_or_none,
    top_risks,
)
from .review import RiskView, analyse, suggestions, unknown_links
from .scale import SCALE_COLUMNS, scale_value, scale_vocab

__all__ = [
    "ahead_span",
    "BANDS",
    "BASES",
    "CHANGES",
    "DEFAULT_APPETITE",
    "DEFAULT_REVIEW_DAYS",
    "INDICATORS",
    "PERIODS",
    "PERIOD_DAYS",
    "SCALE_COLUMNS",
    "Bands",
    "Indicator",
    "KriResult",
    "RiskError",
    "RiskView",
    "analyse",
    "changes_since",
    "heat_cells",
    "indicators",
    "load_history",
    "load_thresholds",
    "movements",
    "out_of_appetite",
    "parse_indicators",
    "record_score",
    "register",
    "save_thresholds",
    "rating_text",
    "scale_value",
    "scope_key",
    "scoped_series",
    "shortfall_periods",
    "scale_vocab",
    "suggestions",
    "text_or_none",
    "top_risks",
    "unknown_links",
    "validate_thresholds",
    "windows",
]
