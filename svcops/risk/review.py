"""Breach to review: indicators that stayed red mark the risks linked to them.

An indicator red for at least its ``periods`` periods in a row, up to the latest
(:class:`svcops.risk.indicators.KriResult` ``summary.review``), marks every open risk
whose register row links it (``indicators``) "likelihood review suggested", with the
evidence: which indicator, where (team or category), its latest value and how many
periods it has been red. A person then decides (a changed score is kept with its date,
:func:`svcops.risk.register.record_score`); the suggestion stays as long as the
indicator stays red.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ..filters import Filters
from ..i18n import Message
from ..store import Workspace
from .indicators import INDICATORS, KriResult, indicators, load_thresholds
from .register import (
    DEFAULT_APPETITE,
    DEFAULT_REVIEW_DAYS,
    Bands,
    changes_since,
    heat_cells,
    load_history,
    movements,
    out_of_appetite,
    register,
)

__all__ = ["RiskView", "analyse", "suggestions"]


def suggestions(reg: pd.DataFrame, kri: KriResult) -> pd.DataFrame:
    """One row per open risk and red-for-long-enough indicator it links:
    ``risk_id, title, indicator, scope, value, red_run, periods, evidence`` (a Message,
    ``risk.review.evidence``). Risks that link an unknown indicator are not marked
    (:func:`unknown_links` lists them)."""
    due = kri.summary[kri.summary["review"]].set_index("indicator")
    rows = []
    for rec in reg[~reg["closed"]].to_dict("records"):
        for key in rec["indicators"]:
            if key not in due.index:
                continue
            ind = due.loc[key]
            rows.append(
                {
                    "risk_id": rec["risk_id"],
                    "title": rec["title"],
                    "indicator": key,
                    "scope": ind["scope"],
                    "value": ind["value"],
                    "red_run": int(ind["red_run"]),
                    "periods": int(ind["periods"]),
                    "evidence": Message(
                        "risk.review.evidence_ahead"
                        if INDICATORS[key].ahead
                        else "risk.review.evidence",
                        {
                            "indicator": Message(f"risk.kri.{key}", {}),
                            "run": int(ind["red_run"]),
                        },
                    ),
                }
            )
    cols = ["risk_id", "title", "indicator", "scope", "value", "red_run", "periods", "evidence"]
    return pd.DataFrame(rows, columns=cols)


def unknown_links(reg: pd.DataFrame) -> pd.DataFrame:
    """Register rows that name an indicator this page does not know: ``risk_id, indicator``."""
    rows = [
        {"risk_id": r, "indicator": k}
        for r, keys in zip(reg["risk_id"], reg["indicators"], strict=True)
        for k in keys
        if k not in INDICATORS
    ]
    return pd.DataFrame(rows, columns=["risk_id", "indicator"])


@dataclass(frozen=True)
class RiskView:
    """Everything the page and the CLI show for one set of filters and settings:
    ``register`` (:func:`register`, plus ``out_of_appetite`` and ``review``, True for
    a risk with a review suggestion), ``cells`` (basis -> :func:`heat_cells`), ``moves``
    (inherent -> residual, :func:`movements`), ``kri``, ``suggestions``, ``changes``
    (:func:`changes_since` ``since``) and ``unknown`` (links to unknown indicators)."""

    as_of: date
    since: date
    register: pd.DataFrame
    cells: dict[str, pd.DataFrame]
    moves: pd.DataFrame
    kri: KriResult
    suggestions: pd.DataFrame
    changes: pd.DataFrame
    unknown: pd.DataFrame
    has_register: bool
    has_tickets: bool


def analyse(
    ws: Workspace,
    filters: Filters,
    bands: Bands | None = None,
    appetite: int = DEFAULT_APPETITE,
    since: date | None = None,
    review_days: int = DEFAULT_REVIEW_DAYS,
    thresholds: pd.DataFrame | None = None,
    history: pd.DataFrame | None = None,
    kri: KriResult | None = None,
) -> RiskView:
    """The register (as of the filters' last day), its heat-map cells (inherent,
    residual, target), the inherent-to-residual moves, the indicators, the review
    suggestions and what changed since ``since`` (default: 30 days before).
    ``thresholds`` / ``history``: as :func:`load_thresholds` / :func:`load_history`
    (the page reads them uncached and passes them, since editing them does not change
    the data's version); None reads the workspace's. ``kri``: the indicators already
    measured for these filters and thresholds (:func:`indicators`, the costly part,
    which the page caches on its own); None measures them."""
    bands = bands or Bands()
    if kri is None:
        kri = indicators(ws, filters, load_thresholds(ws) if thresholds is None else thresholds)
    as_of = kri.windows["end"].iloc[0]
    history = load_history(ws) if history is None else history
    reg = register(ws, as_of, bands, review_days, history=history)
    reg = reg.assign(out_of_appetite=out_of_appetite(reg, appetite))
    since = since or (pd.Timestamp(as_of) - pd.Timedelta(days=30)).date()
    marked = suggestions(reg, kri)
    reg = reg.assign(review=reg["risk_id"].isin(set(marked["risk_id"])))
    return RiskView(
        as_of=as_of,
        since=since,
        register=reg,
        cells={b: heat_cells(reg, b, bands) for b in ("inherent", "residual", "target")},
        moves=movements(reg),
        kri=kri,
        suggestions=marked,
        changes=changes_since(ws, since, as_of, bands, history=history),
        unknown=unknown_links(reg),
        has_register=ws.has_rows("risks"),
        has_tickets=ws.has_rows("tickets"),
    )
