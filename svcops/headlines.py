"""Headline sentences written from the numbers: what changed, and where.

Each headline is a message key and its parameters (see ``svcops.i18n``), so the
UI can word it in any language. Where a change is explained by a group, the
group's share is an exact decomposition, not a guess:

* volume: total change = sum of each group's change in created tickets;
* SLA attainment: with N resolved-with-target tickets and M of them in target,
  attainment = sum_g M_g / N, so the change is sum_g (M_g/N - M_g'/N'), and each
  group's term is its contribution in points.
"""

from __future__ import annotations

import pandas as pd

from .filters import Filters
from .i18n import NO_VALUE, Message, value_word
from .kpi import Scorecard, breakdown, period_scorecard
from .store import Workspace

# Changes smaller than these read as "steady".
FLAT_VOLUME = 0.02
FLAT_POINTS = 0.5


# A headline is a Message: a ``headline.*`` key and its parameters.
Headline = Message


def volume_driver(
    ws: Workspace, filters: Filters, dimensions: tuple[str, ...] = ("category", "team", "channel")
) -> tuple[str, int] | None:
    """The (dimension value, change) that moved volume most, in the direction of the total;
    None when no dimension names it.

    A dimension whose largest change falls on tickets without a value (``(none)``: the
    export has no such column, or leaves it blank) names nothing: "most of the change is
    in (none)" would tell the reader nothing, and naming the runner-up would be untrue.
    """
    best = None
    for dim in dimensions:
        frame = breakdown(ws, filters, dim)
        total = int(frame["created"].sum() - frame["created_prev"].sum())
        frame = frame.assign(delta=frame["created"] - frame["created_prev"])
        sign = 1 if total >= 0 else -1
        # pandas-stubs: .loc takes no Hashable, the label type its own idxmax returns.
        top = frame.loc[(frame["delta"] * sign).idxmax()] if len(frame) else None  # type: ignore[call-overload]
        if top is None or top["value"] == NO_VALUE:
            continue
        if best is None or abs(top["delta"]) > abs(best[1]):
            best = (str(top["value"]), int(top["delta"]))
    return best


def sla_contributions(
    ws: Workspace, filters: Filters, dimension: str = "priority"
) -> pd.DataFrame | None:
    """Each group's contribution (in points) to the change in SLA attainment.

    Returns a frame ``value, points`` whose points sum to the total change, or None
    when either period has no resolved tickets with a target.
    """
    frame = breakdown(ws, filters, dimension)
    n, n_prev = frame["sla_n"].sum(), frame["sla_n_prev"].sum()
    if not n or not n_prev:
        return None
    points = 100 * (frame["sla_met"] / n - frame["sla_met_prev"] / n_prev)
    return frame.assign(points=points)[["value", "points"]]


def headlines(ws: Workspace, filters: Filters, card: Scorecard | None = None) -> list[Headline]:
    """Three to five sentences on the period against the previous one, as messages
    (keys ``headline.*``); ``card``: the period's :func:`svcops.kpi.period_scorecard`
    when already computed."""
    card = card or period_scorecard(ws, filters)
    f = card.period
    out: list[Headline] = []

    vol = card.row("tickets")
    if vol.previous:
        pct = vol.change or 0.0
        if abs(pct) < FLAT_VOLUME:
            out.append(
                Headline("headline.volume_flat", {"n": vol.value, "pct": pct, "days": f.days})
            )
        else:
            driver = volume_driver(ws, f)
            key = "headline.volume_up" if pct > 0 else "headline.volume_down"
            params = {"n": vol.value, "pct": abs(pct), "days": f.days}
            if driver is None:
                out.append(Headline(key + "_total", params))
            else:
                out.append(
                    Headline(key, {**params, "group": value_word(driver[0]), "gdelta": driver[1]})
                )
    elif vol.value:
        out.append(Headline("headline.volume_new", {"n": vol.value}))

    sla = card.row("sla_attainment")
    if sla.delta is not None:  # both periods have a value
        pts = 100 * sla.delta
        if abs(pts) < FLAT_POINTS:
            out.append(Headline("headline.sla_flat", {"value": sla.value, "pts": pts}))
        else:
            contrib = sla_contributions(ws, f)
            assert contrib is not None, "both periods have an attainment, so resolved tickets"
            sign = 1 if pts > 0 else -1
            # pandas-stubs: .loc takes no Hashable, the label type its own idxmax returns.
            top = contrib.loc[(contrib["points"] * sign).idxmax()]  # type: ignore[call-overload]
            key = "headline.sla_up" if pts > 0 else "headline.sla_down"
            params = {"value": sla.value, "pts": abs(pts)}
            if top["value"] == NO_VALUE:  # tickets without a priority: names nothing
                out.append(Headline(key + "_total", params))
            else:
                out.append(
                    Headline(
                        key, {**params, "group": str(top["value"]), "gpts": float(top["points"])}
                    )
                )

    backlog = card.row("open_backlog")
    # Before the data began (nothing created then, nothing open at its end) there is no
    # earlier backlog to compare with: "+73 since the previous period" would contradict
    # the volume line's "no earlier period".
    began_before = bool(vol.previous) or bool(backlog.previous)
    if backlog.previous is not None and began_before and (backlog.value or backlog.previous):
        out.append(
            Headline("headline.backlog", {"n": backlog.value, "delta": int(backlog.delta or 0)})
        )

    med, p90 = card.row("resolution_hours_median"), card.row("resolution_hours_p90")
    if med.value is not None and med.previous is not None and p90.value is not None:
        out.append(
            Headline(
                "headline.resolution",
                {"value": med.value, "previous": med.previous, "p90": p90.value},
            )
        )

    csat, top2 = card.row("csat_avg"), card.row("csat_top2_share")
    if csat.value is not None and csat.previous is not None and len(out) < 5:
        out.append(
            Headline(
                "headline.csat", {"value": csat.value, "delta": csat.delta, "top2": top2.value}
            )
        )
    return out[:5]
