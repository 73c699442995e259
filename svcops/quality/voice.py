"""What customers say: CSAT of the tickets done, NPS and SERVQUAL from surveys.

CSAT figures use the tickets CTE of :mod:`svcops.tickets` (tickets done in the
period, dimension filters apply), so they agree with the ``csat_avg`` and
``csat_top2_share`` KPIs. Survey-based figures are filtered by date only,
because a survey row carries no team, channel, category or priority.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from numbers import Real

import numpy as np
import pandas as pd

from ..filters import Filters
from ..kpi import grain_for
from ..schema import SERVQUAL_DIMENSIONS
from ..store import Workspace
from ..tickets import DONE_IN, LOW_CSAT, kpi_sql, query, resolve_period, tickets_cte

# The KPIs of one period of a trend: the WHERE and GROUP BY put the tickets in it.
_BUCKET = kpi_sql(created="TRUE", done="TRUE")


def csat_distribution(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """How many scores of each value 1-5 the tickets done in the period got.

    Same tickets as the ``csat_avg`` KPI (done in the period, with a score; the
    dimension filters apply). A score that is not whole is counted at its nearest
    whole value (halves round up: 4.5 counts as 5).
    Returns five rows, ``score`` 1..5, ``count`` and ``share`` (0-1 of the scored
    tickets; NaN when there are none).
    """
    cte, params = tickets_cte(ws, filters)
    sql = (
        cte
        + f"""
    SELECT CAST(round(csat) AS BIGINT) AS score, count(*) AS count FROM t
    WHERE {DONE_IN} AND csat IS NOT NULL GROUP BY 1"""
    )
    counts = query(ws, sql, params).set_index("score")["count"]
    out = pd.DataFrame({"score": np.arange(1, 6, dtype="int64")})
    out["count"] = out["score"].map(counts).fillna(0).astype("int64")
    total = int(out["count"].sum())
    out["share"] = out["count"] / total if total else np.nan
    return out


def csat_trend(ws: Workspace, filters: Filters, grain: str | None = None) -> pd.DataFrame:
    """CSAT per day, week or month (``grain``; default by period length, as the KPI trend).

    Returns one row per period (start of day / Monday of the week / first of the
    month, datetime): ``responses`` (scored tickets done in it), ``csat_avg`` (1-5,
    NaN with no responses), ``top2_share`` (share scoring 4-5) and ``low_share``
    (share scoring 2 or less), both 0-1.
    """
    f = resolve_period(ws, filters)
    grain = grain or grain_for(f.days or 1)
    if grain not in ("day", "week", "month"):
        raise ValueError("grain must be 'day', 'week' or 'month'")
    cte, params = tickets_cte(ws, f)
    sql = (
        cte
        + f"""
    , spine AS (
        SELECT unnest(range(date_trunc('{grain}', CAST($lo AS TIMESTAMP)),
                            CAST($hi AS TIMESTAMP), INTERVAL 1 {grain})) AS period
    ), d AS (
        SELECT date_trunc('{grain}', done_at) AS period, count(*) AS responses,
               {_BUCKET["csat_avg"]} AS csat_avg,
               {_BUCKET["csat_top2_share"]} AS top2_share,
               avg(CASE WHEN {LOW_CSAT} THEN 1.0 ELSE 0.0 END) AS low_share
        FROM t WHERE {DONE_IN} AND csat IS NOT NULL GROUP BY 1
    )
    SELECT CAST(s.period AS TIMESTAMP) AS period, coalesce(d.responses, 0) AS responses,
           d.csat_avg, d.top2_share, d.low_share
    FROM spine s LEFT JOIN d ON d.period = s.period ORDER BY 1"""
    )
    out = query(ws, sql, params)
    return out.astype(
        {
            "responses": "int64",
            "csat_avg": "float64",
            "top2_share": "float64",
            "low_share": "float64",
        }
    )


@dataclass(frozen=True)
class NpsResult:
    """Net Promoter Score of ``n`` answers on the 0-10 scale.

    Promoters score 9-10, passives 7-8, detractors 0-6 (a score that is not
    whole is classed by the same thresholds: 8.5 is a passive). Shares are
    fractions 0-1; ``nps`` = (promoter share - detractor share) x 100, in points
    from -100 to 100. Shares and ``nps`` are None when ``n`` is 0.
    """

    n: int
    promoters: int
    passives: int
    detractors: int
    promoter_share: float | None
    passive_share: float | None
    detractor_share: float | None
    nps: float | None


def nps(scores: Iterable[float | None]) -> NpsResult:
    """NPS of 0-10 answers; None and NaN are skipped. A score outside 0-10, or
    not a number, raises ``ValueError``."""
    kept: list[float] = []
    for s in scores:
        if s is None or (isinstance(s, float) and np.isnan(s)):
            continue
        if isinstance(s, bool | np.bool_) or not isinstance(s, Real) or not 0 <= s <= 10:
            raise ValueError(f"NPS scores must be numbers from 0 to 10 (got {s!r})")
        kept.append(float(s))
    x = np.asarray(kept)
    n = len(x)
    pro, det = int((x >= 9).sum()), int((x < 7).sum())
    pas = n - pro - det
    if not n:
        return NpsResult(0, 0, 0, 0, None, None, None, None)
    return NpsResult(n, pro, pas, det, pro / n, pas / n, det / n, 100.0 * (pro - det) / n)


def _survey_dates(filters: Filters) -> tuple[str, dict]:
    """Date condition on surveys: only the bounds the filters give (open = no bound)."""
    parts, params = ["TRUE"], {}
    if filters.start:
        parts.append("date >= $start")
        params["start"] = filters.start
    if filters.end:
        parts.append("date < $end_excl")
        params["end_excl"] = filters.end + timedelta(days=1)
    return " AND ".join(parts), params


def nps_from_surveys(ws: Workspace, filters: Filters) -> NpsResult:
    """NPS of the ``surveys.nps`` answers dated in the period.

    Filtered by date only: a survey row has no team, channel, category or
    priority, so the dimension filters do not apply. Open period ends take
    every survey on that side.
    """
    where, params = _survey_dates(filters)
    frame = ws.query(f"SELECT nps FROM surveys WHERE {where} AND nps IS NOT NULL", params)
    return nps(frame["nps"].tolist())


def servqual_gaps(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """SERVQUAL gap per dimension from surveys dated in the period (date filter only).

    For each of tangibles, reliability, responsiveness, assurance and empathy, over
    the responses that rated both ``<dimension>_expectation`` and
    ``<dimension>_perception``: ``expectation`` and ``perception`` (mean scores, the
    survey's scale, usually 1-7), ``gap`` = perception - expectation (negative:
    service falls short of what customers expect) and ``n`` (responses).
    Dimensions nobody rated are left out; no ratings at all gives an empty frame
    with these columns.
    """
    where, params = _survey_dates(filters)
    selects = []
    for d in SERVQUAL_DIMENSIONS:
        both = f"{d}_expectation IS NOT NULL AND {d}_perception IS NOT NULL"
        selects += [
            f"avg({d}_expectation) FILTER (WHERE {both}) AS {d}__e",
            f"avg({d}_perception) FILTER (WHERE {both}) AS {d}__p",
            f"count(*) FILTER (WHERE {both}) AS {d}__n",
        ]
    row = ws.query(f"SELECT {', '.join(selects)} FROM surveys WHERE {where}", params).iloc[0]
    rows = [
        {
            "dimension": d,
            "expectation": float(row[f"{d}__e"]),
            "perception": float(row[f"{d}__p"]),
            "n": int(row[f"{d}__n"]),
        }
        for d in SERVQUAL_DIMENSIONS
        if row[f"{d}__n"]
    ]
    out = pd.DataFrame(rows, columns=["dimension", "expectation", "perception", "n"])
    out.insert(3, "gap", out["perception"] - out["expectation"])
    return out.astype(
        {"expectation": "float64", "perception": "float64", "gap": "float64", "n": "int64"}
    )
