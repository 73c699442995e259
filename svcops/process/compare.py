"""Where work waits (bottlenecks) and what changed between two maps (compare).

Both are worked from :class:`~.dfg.ProcessMap` values, without another query.
"""

from __future__ import annotations

import pandas as pd

from .dfg import ProcessMap
from .log import END, START, is_done

# What an edge of a comparison did between the two maps.
CHANGES = ("appeared", "vanished", "both")


def bottlenecks(pm: ProcessMap) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Edges and activities ranked by total waiting hours (count x mean wait).

    Returns ``(edges, activities)``. ``edges``: ``source, target, events, mean_hours,
    p90_hours, total_hours, breach_share`` (0-1: of the cases in scope that missed
    their SLA target, the share that followed this edge; None when none did) and
    ``after_done`` (the wait follows a resolving or closing activity: the ticket no
    longer waits for the team), the largest ``total_hours`` first; start and end edges
    left out. ``activities``: ``activity, events, median_hours, p90_hours,
    total_hours, breach_share, after_done`` (time in the activity until the next
    event), likewise.
    """

    def share(late: pd.Series) -> pd.Series | float:
        return late / pm.breached if pm.breached else float("nan")

    edges = pm.edges[~pm.edges["source"].isin([START]) & ~pm.edges["target"].isin([END])]
    edges = edges.assign(
        breach_share=share(edges["breached_cases"]),
        after_done=edges["source"].map(is_done).astype(bool),
    )
    edges = edges.sort_values(
        ["total_hours", "source", "target"], ascending=[False, True, True], kind="stable"
    )[
        [
            "source",
            "target",
            "events",
            "mean_hours",
            "p90_hours",
            "total_hours",
            "breach_share",
            "after_done",
        ]
    ]
    nodes = pm.nodes[~pm.nodes["activity"].isin([START, END])]
    nodes = nodes.assign(
        breach_share=share(nodes["breached_cases"]),
        after_done=nodes["activity"].map(is_done).astype(bool),
    )
    nodes = nodes.sort_values(["total_hours", "activity"], ascending=[False, True], kind="stable")[
        [
            "activity",
            "events",
            "median_hours",
            "p90_hours",
            "total_hours",
            "breach_share",
            "after_done",
        ]
    ]
    return edges.reset_index(drop=True), nodes.reset_index(drop=True)


def compare_maps(before: ProcessMap, after: ProcessMap) -> pd.DataFrame:
    """Edge by edge, how ``after`` differs from ``before`` (two periods or segments).

    Returns ``source, target, change`` (``"appeared"``: only in ``after``,
    ``"vanished"``: only in ``before``, ``"both"``), ``cases_before``,
    ``cases_after``, ``share_before`` / ``share_after`` (0-1 of each map's cases),
    ``share_change`` (after - before, in share points), ``median_before``,
    ``median_after`` and ``median_change`` (hours; None when either has no time).
    Appeared and vanished edges first, then by the size of the share change.
    """
    cols = ["source", "target", "cases", "median_hours"]
    merged = before.edges[cols].merge(
        after.edges[cols],
        on=["source", "target"],
        how="outer",
        suffixes=("_before", "_after"),
        indicator=True,
    )
    merged["change"] = (
        merged["_merge"]
        .map({"left_only": "vanished", "right_only": "appeared", "both": "both"})
        .astype(str)
    )
    for side, pm in (("before", before), ("after", after)):
        cases = merged[f"cases_{side}"].fillna(0).astype("int64")
        merged[f"cases_{side}"] = cases
        merged[f"share_{side}"] = cases / pm.cases if pm.cases else 0.0
        merged = merged.rename(columns={f"median_hours_{side}": f"median_{side}"})
    merged["share_change"] = merged["share_after"] - merged["share_before"]
    merged["median_change"] = merged["median_after"] - merged["median_before"]
    merged["rank"] = merged["change"].map({"appeared": 0, "vanished": 0, "both": 1})
    merged["size"] = merged["share_change"].abs()
    merged = merged.sort_values(
        ["rank", "size", "source", "target"], ascending=[True, False, True, True], kind="stable"
    )
    return merged[
        [
            "source",
            "target",
            "change",
            "cases_before",
            "cases_after",
            "share_before",
            "share_after",
            "share_change",
            "median_before",
            "median_after",
            "median_change",
        ]
    ].reset_index(drop=True)


def team_waits(pm: ProcessMap) -> pd.DataFrame:
    """Where each team's tickets wait: a :class:`~.dfg.ProcessMap`'s ``teams`` (``activity,
    team, events, median_hours, p90_hours, total_hours``, largest total first), less the
    time after a resolving or closing activity (the ticket no longer waits for a team)."""
    return pm.teams[~pm.teams["activity"].map(is_done).astype(bool)].reset_index(drop=True)
