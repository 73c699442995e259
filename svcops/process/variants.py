"""Variants: the distinct paths cases take, from start to their last event."""

from __future__ import annotations

import pandas as pd

from ..filters import Filters
from ..store import Workspace
from .log import CALENDAR, Clock, EventLog, Through, event_log

# Joins a variant's activities into one text (the CLI's and the download's spelling).
ARROW = " → "


def variants(
    ws: Workspace, filters: Filters, through: Through | None = None, clock: Clock = CALENDAR
) -> pd.DataFrame:
    """Every variant of the tickets created in the period, the most common first.

    Returns ``variant`` (1 = the most common), ``activities`` (the case's activities in
    order, joined by :data:`ARROW`), ``steps`` (events per case), ``cases``, ``share``
    (0-1 of the cases in scope), ``cumulative`` (0-1, the share the variants up to this
    one cover) and ``median_hours`` (throughput time of the variant's done cases: the
    hours from first to last event as the clock measures them; NULL when none is done).
    Ties in ``cases`` are ordered by ``activities``.
    """
    with event_log(ws, filters, clock, through) as log:
        return variants_of(log)


def variants_of(log: EventLog) -> pd.DataFrame:
    """:func:`variants` of an :class:`~.log.EventLog`."""
    # Cases are grouped by a fingerprint of their (position, activity) pairs - two
    # independent 64-bit hash sums, so two different paths share one with odds of
    # about 2^-128 - instead of by the joined text, which would sort every case's
    # events (the costly part on a million events); only one case per variant is
    # then spelled out.
    out = log.query(f"""
    WITH traces AS (
        SELECT cid, sum(hash(pos, activity)) AS h1, sum(hash(activity, pos, 'v')) AS h2,
               count(*) AS steps, bool_or(complete) AS complete,
               coalesce(sum(dur), 0) AS hours
        FROM oe GROUP BY cid
    ),
    kinds AS (
        SELECT min(cid) AS cid, steps, count(*) AS cases,
               quantile_cont(hours, 0.5) FILTER (WHERE complete) AS median_hours
        FROM traces GROUP BY h1, h2, steps
    ),
    spelled AS (
        SELECT cid, string_agg(activity, '{ARROW}' ORDER BY pos) AS activities
        FROM oe WHERE cid IN (SELECT cid FROM kinds) GROUP BY cid
    )
    SELECT activities, steps, cases, median_hours FROM kinds JOIN spelled USING (cid)""")
    out = out.sort_values(
        ["cases", "activities"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)
    total = out["cases"].sum()
    out.insert(0, "variant", range(1, len(out) + 1))
    out["share"] = out["cases"] / total if total else 0.0
    out["cumulative"] = out["share"].cumsum()
    return out[
        ["variant", "activities", "steps", "cases", "share", "cumulative", "median_hours"]
    ].astype({"steps": "int64", "cases": "int64", "median_hours": "float64"})


def case_durations(
    ws: Workspace, filters: Filters, through: Through | None = None, clock: Clock = CALENDAR
) -> pd.DataFrame:
    """One row per ticket created in the period that has events: ``case_id``,
    ``started`` (its first event), ``events``, ``hours`` (first to last event, as the
    clock measures them) and ``complete``; by ``case_id``."""
    with event_log(ws, filters, clock, through) as log:
        return log.query("""
        SELECT case_id, min(ts) AS started, count(*) AS events,
               coalesce(sum(dur), 0) AS hours, bool_or(complete) AS complete
        FROM oe GROUP BY case_id ORDER BY case_id""")


def variant_pareto(table: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """The ``top`` variants of a :func:`variants` table as a Pareto frame:
    ``variant`` (its number, as text), ``count`` (cases), ``share``,
    ``cumulative_share`` and ``vital_few`` (the variants up to the one where the
    cumulative share first reaches 80%)."""
    from ..quality import VITAL_SHARE

    part = table.head(top)
    reached = part["cumulative"] >= VITAL_SHARE
    return pd.DataFrame(
        {
            "variant": [f"#{v}" for v in part["variant"]],
            "count": part["cases"],
            "share": part["share"],
            "cumulative_share": part["cumulative"],
            "vital_few": ~reached.shift(1, fill_value=False).cummax(),
        }
    )
