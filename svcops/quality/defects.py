"""Where defects come from: Pareto tables, generic and per defect type of the tickets.

Defects are counted over the tickets done in the period with the tickets CTE and
the SLA rule of :mod:`svcops.tickets` (dimension filters apply).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..filters import Filters
from ..store import Workspace
from ..tickets import DONE_IN, HAS_TARGET, LOW_CSAT, REOPENED, SLA_BREACHED, query, tickets_cte
from .spc import _need

# Defect types of the Pareto, in display order. The texts say what each counts, for
# the library's reader; the UI words a type by its quality.defect.<type> key.
DEFECT_TYPES: dict[str, str] = {
    "sla_breach": "SLA breached (resolution hours > target)",
    "reopen": "reopened (reopen_count > 0)",
    "low_csat": "low CSAT (score <= 2)",
    "total": "all defects",
}

# Tickets columns a defect Pareto may be grouped by (a whitelist: the name goes into SQL).
_PARETO_DIMENSIONS = (
    "category",
    "subcategory",
    "team",
    "agent",
    "channel",
    "priority",
    "region",
    "customer_segment",
)
# The share of defects the "vital few" account for.
VITAL_SHARE = 0.8
# Cumulative shares are sums of floats; this much slack keeps an exact 80% at 80%.
_SHARE_SLACK = 1e-12


def pareto(frame: pd.DataFrame, category_col: str, count_col: str) -> pd.DataFrame:
    """Pareto table: categories by count, largest first.

    ``frame``: ``category_col`` and ``count_col`` (non-negative numbers; a category
    listed twice is summed). Ties keep alphabetical order. Returns
    ``category_col, count_col, share`` (0-1 of the total), ``cumulative_share`` and
    ``vital_few``: True for the categories up to and including the one where the
    cumulative share first reaches 80% (all False when the total is 0).
    """
    _need(frame, category_col, count_col)
    counts = pd.to_numeric(frame[count_col])
    if (counts < 0).any():
        raise ValueError(f"{count_col} must be non-negative")
    out = (
        frame.assign(**{count_col: counts})
        .groupby(category_col, sort=True, dropna=False)[count_col]
        .sum()
        .reset_index()
    )
    out = out.sort_values(count_col, ascending=False, kind="stable").reset_index(drop=True)
    total = float(out[count_col].sum())
    if total == 0:
        share = pd.Series(np.nan, index=out.index)
        vital = pd.Series(False, index=out.index)
    else:
        share = out[count_col] / total
        cum = share.cumsum()
        reached = cum >= VITAL_SHARE - _SHARE_SLACK
        # Up to and including the first category at which 80% is reached.
        vital = ~reached.shift(1, fill_value=False).cummax()
    cumulative = share.cumsum()
    return out.assign(share=share, cumulative_share=cumulative, vital_few=vital.astype(bool))


def defect_pareto(ws: Workspace, filters: Filters, by: str = "category") -> pd.DataFrame:
    """Where defects come from: a Pareto per defect type over one tickets column.

    Defects of the tickets done in the period (dimension filters apply):
    ``sla_breach`` (resolution hours > target), ``reopen`` (``reopen_count > 0``),
    ``low_csat`` (``csat <= 2``), and ``total`` (their sum: a ticket that was both
    late and reopened counts twice, once per defect). ``by``: one of
    category, subcategory, team, agent, channel, priority, region, customer_segment;
    a blank value shows as ``(none)``.

    Returns a long frame: ``defect``, ``<by>``, ``count``, ``share``,
    ``cumulative_share``, ``vital_few`` (see :func:`pareto`), Pareto order within
    each defect type, types in :data:`DEFECT_TYPES` order. Values with no defect of
    a type have no row for it.
    """
    if by not in _PARETO_DIMENSIONS:
        raise ValueError(f"by must be one of {', '.join(_PARETO_DIMENSIONS)}")
    cte, params = tickets_cte(ws, filters)
    sql = (
        cte
        + f"""
    SELECT coalesce(CAST("{by}" AS VARCHAR), '(none)') AS "{by}",
           count(*) FILTER (WHERE {HAS_TARGET} AND {SLA_BREACHED}) AS sla_breach,
           count(*) FILTER (WHERE {REOPENED}) AS reopen,
           count(*) FILTER (WHERE {LOW_CSAT}) AS low_csat
    FROM t WHERE {DONE_IN} GROUP BY 1 ORDER BY 1"""
    )
    wide = query(ws, sql, params)
    wide["total"] = wide["sla_breach"] + wide["reopen"] + wide["low_csat"]
    parts = []
    for defect in DEFECT_TYPES:
        part = wide.loc[wide[defect] > 0, [by, defect]].rename(columns={defect: "count"})
        parts.append(pareto(part, by, "count").assign(defect=defect))
    cols = ["defect", by, "count", "share", "cumulative_share", "vital_few"]
    out = pd.concat(parts, ignore_index=True)[cols]
    return out.astype(
        {"count": "int64", "share": "float64", "cumulative_share": "float64", "vital_few": bool}
    )
