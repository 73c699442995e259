"""Quality control: SPC control charts, CSAT and NPS, defect Pareto, SERVQUAL gaps.

Control charts (Montgomery, *Introduction to Statistical Quality Control*, ch. 6-7):

* :func:`individuals_chart` - the XmR chart. Centre ``x̄`` = mean of the baseline
  points, ``MR̄`` = mean moving range ``|x_i - x_{i-1}|`` of consecutive baseline
  points, ``sigma = MR̄ / d2`` with ``d2 = 1.128`` (ranges of two), limits
  ``x̄ ± 3 sigma``. Its moving-range chart has centre ``MR̄``, UCL ``D4·MR̄`` with
  ``D4 = 3.267`` and LCL 0.
* :func:`p_chart` - share defective with varying daily ``n``: ``p̄ = Σdefects / Σn``
  over the baseline, ``sigma_i = sqrt(p̄(1-p̄)/n_i)``, limits ``p̄ ± 3 sigma_i``
  clipped to [0, 1].

Both flag the Western Electric rules (*Statistical Quality Control Handbook*,
Western Electric, 1956), see :func:`western_electric`. Points are taken in date
order; a point that cannot be charted (no value, ``n = 0``) is left out of the
chart and listed in ``ControlChart.excluded`` with the reason, so the rules and
moving ranges run over the charted points only.

Workspace helpers compute their series in DuckDB over the tickets *done* in the
period (``coalesce(resolved_at, closed_at)``, as in :mod:`svcops.kpi`) and obey
the dimension filters; survey-based figures are filtered by date only, because
a survey row carries no team, channel, category or priority.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from numbers import Real

import numpy as np
import pandas as pd

from .filters import Filters
from .kpi import _TICKETS_CTE, grain_for, resolve_period
from .schema import SERVQUAL_DIMENSIONS
from .store import Workspace

__all__ = [
    "D2",
    "D4",
    "DEFECT_TYPES",
    "RULE_DESCRIPTIONS",
    "VITAL_SHARE",
    "ControlChart",
    "NpsResult",
    "csat_distribution",
    "csat_trend",
    "daily_resolution_median",
    "daily_sla_breaches",
    "daily_volume",
    "defect_pareto",
    "individuals_chart",
    "nps",
    "nps_from_surveys",
    "p_chart",
    "pareto",
    "servqual_gaps",
    "western_electric",
]

# Control-chart constants for ranges of n = 2 consecutive points (Montgomery,
# Appendix VI): d2 = E[range] / sigma, D4 = upper range-chart factor (D3 = 0).
D2 = 1.128
D4 = 3.267

RULE_DESCRIPTIONS: dict[int, str] = {
    1: "one point beyond 3 sigma",
    2: "2 of 3 consecutive points beyond 2 sigma on the same side",
    3: "4 of 5 consecutive points beyond 1 sigma on the same side",
    4: "8 consecutive points on the same side of the centre line",
}

# Defect types of the Pareto, in display order (labels are for the UI's i18n keys).
DEFECT_TYPES: dict[str, str] = {
    "sla_breach": "SLA breached (resolution hours > target)",
    "reopen": "reopened (reopen_count > 0)",
    "low_csat": "low CSAT (score <= 2)",
    "total": "all defects",
}

# Tickets columns a defect Pareto may be grouped by (a whitelist: the name goes into SQL).
_PARETO_DIMENSIONS = ("category", "subcategory", "team", "agent", "channel", "priority",
                      "region", "customer_segment")
# The share of defects the "vital few" account for.
VITAL_SHARE = 0.8
# Cumulative shares are sums of floats; this much slack keeps an exact 80% at 80%.
_SHARE_SLACK = 1e-12

_RULE_COLS = [f"rule_{r}" for r in RULE_DESCRIPTIONS]


# --------------------------------------------------------------------------- result


@dataclass(frozen=True, eq=False)
class ControlChart:
    """A control chart with its rule flags.

    ``kind``: ``"individuals"`` or ``"p"``.
    ``frame``: one row per charted point, in date order: ``date``, ``value`` (the
    metric's unit; a share 0-1 on a p-chart), ``centre``, ``ucl``, ``lcl``,
    ``sigma`` (per point on a p-chart), ``baseline`` (bool: the point is in the
    baseline), ``rule_1`` .. ``rule_4`` (bool), ``out_of_control`` (any rule).
    An individuals chart adds ``moving_range`` (NaN on the first point); a p-chart
    adds ``defects`` and ``n``.
    ``centre``: x̄ or p̄. ``sigma``: the individuals sigma (None on a p-chart, where
    it varies with n). ``ucl`` / ``lcl``: the individuals limits (None on a p-chart).
    ``mr_bar`` / ``mr_ucl``: moving-range centre and UCL (individuals only).
    ``baseline``: which points set the limits, in words. ``excluded``: points left
    off the chart, columns ``date, reason``. ``note``: why there are no limits
    (too few baseline points), else None; then limits are NaN and no rule fires.
    """

    kind: str
    frame: pd.DataFrame
    centre: float
    sigma: float | None
    ucl: float | None
    lcl: float | None
    mr_bar: float | None
    mr_ucl: float | None
    baseline: str
    excluded: pd.DataFrame
    note: str | None = None

    def violations(self) -> pd.DataFrame:
        """Every (point, rule) flag: ``date, value, rule`` (1-4), ``description``,
        sorted by date then rule."""
        parts = []
        for rule, text in RULE_DESCRIPTIONS.items():
            hit = self.frame[self.frame[f"rule_{rule}"]]
            parts.append(pd.DataFrame({"date": hit["date"], "value": hit["value"],
                                       "rule": rule, "description": text}))
        out = pd.concat(parts, ignore_index=True)
        out["rule"] = out["rule"].astype("int64")
        return out.sort_values(["date", "rule"], kind="stable").reset_index(drop=True)

    def moving_range_chart(self) -> pd.DataFrame:
        """The MR chart of an individuals chart: ``date, moving_range, centre`` (MR̄),
        ``ucl`` (D4·MR̄), ``lcl`` (0), ``beyond_ucl`` (bool); from the second point on."""
        if self.kind != "individuals":
            raise ValueError("only an individuals chart has a moving-range chart")
        mr = self.frame.loc[self.frame["moving_range"].notna(), ["date", "moving_range"]]
        centre = np.nan if self.mr_bar is None else self.mr_bar
        ucl = np.nan if self.mr_ucl is None else self.mr_ucl
        return mr.assign(centre=centre, ucl=ucl, lcl=0.0,
                         beyond_ucl=mr["moving_range"] > ucl).reset_index(drop=True)


# --------------------------------------------------------------------------- rules


def western_electric(z: Iterable[float]) -> pd.DataFrame:
    """Western Electric rules on standardised points ``z = (value - centre) / sigma``.

    Returns one row per point with bool columns ``rule_1`` .. ``rule_4``:

    1. ``|z| > 3``: one point beyond 3 sigma.
    2. 2 of 3 consecutive points with ``z > 2`` (or all ``< -2``) on the same side.
    3. 4 of 5 consecutive points with ``z > 1`` (or ``< -1``) on the same side.
    4. 8 consecutive points with ``z > 0`` (or ``< 0``).

    A rule flags the point that *completes* it: the last point of the run, and only
    when that point is itself one of the qualifying points (2 of 3 beyond 2 sigma
    followed by a point near the centre flags the second beyond-point, not the
    third). Each later point that still completes the rule is flagged too (the 9th
    point on one side flags again). Windows are cut short at the start of the
    series, so two opening points beyond 2 sigma already fire rule 2. A point
    exactly on a limit or on the centre line is not beyond it, and breaks a
    rule-4 run. NaN z fires nothing. Beyond 3 sigma also counts as beyond 2 and 1.
    """
    z = np.asarray(list(z) if not isinstance(z, np.ndarray | pd.Series) else z, dtype="float64")
    out = {"rule_1": np.abs(z) > 3}
    for rule, (needed, window, limit) in {2: (2, 3, 2.0), 3: (4, 5, 1.0)}.items():
        hit = np.zeros(len(z), dtype=bool)
        for side in (1.0, -1.0):
            beyond = side * z > limit
            cum = np.concatenate([[0], np.cumsum(beyond)])
            idx = np.arange(len(z))
            count = cum[idx + 1] - cum[np.maximum(idx + 1 - window, 0)]
            hit |= beyond & (count >= needed)
        out[f"rule_{rule}"] = hit
    hit = np.zeros(len(z), dtype=bool)
    for side in (1.0, -1.0):
        on_side = side * z > 0
        cum = np.cumsum(on_side)
        # Run length = count since the last point not on this side.
        last_break = np.maximum.accumulate(np.where(on_side, 0, cum))
        hit |= (cum - last_break) >= 8
    out["rule_4"] = hit
    return pd.DataFrame(out)


def _standardise(values: np.ndarray, centre: float, sigma) -> np.ndarray:
    """``(value - centre) / sigma`` per point. With sigma 0 (no variation in the
    baseline) any departure from the centre is infinitely far, a point on it is 0."""
    diff = values - centre
    sigma = np.broadcast_to(np.asarray(sigma, dtype="float64"), diff.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = diff / sigma
    zero = sigma == 0
    return np.where(zero & (diff == 0), 0.0, np.where(zero, np.copysign(np.inf, diff), z))


def _flag(frame: pd.DataFrame, z: np.ndarray) -> pd.DataFrame:
    rules = western_electric(z)
    for col in _RULE_COLS:
        frame[col] = rules[col].to_numpy()
    frame["out_of_control"] = rules.any(axis=1).to_numpy()
    return frame


# --------------------------------------------------------------------------- baseline


def _baseline_mask(frame: pd.DataFrame, dates: pd.Series, baseline) -> tuple[np.ndarray, str]:
    """Bool mask over ``frame``'s rows and its description (``None`` = all points)."""
    if baseline is None:
        return np.ones(len(frame), dtype=bool), "all points"
    if isinstance(baseline, pd.Series) and baseline.dtype == bool:
        aligned = baseline.reindex(frame.index)
        if aligned.isna().any():
            raise ValueError("baseline mask does not cover every row of the frame")
        return aligned.to_numpy(dtype=bool), "selected points"
    values = list(baseline) if not isinstance(baseline, str) else []
    if values and all(isinstance(v, bool | np.bool_) for v in values):
        if len(values) != len(frame):
            raise ValueError(f"baseline mask has {len(values)} values for {len(frame)} rows")
        return np.asarray(values, dtype=bool), "selected points"
    if len(values) != 2:
        raise ValueError("baseline must be None, a (start, end) date pair or a boolean mask")
    start, end = (pd.Timestamp(v).normalize() for v in values)
    if start > end:
        raise ValueError(f"baseline start {start.date()} is after its end {end.date()}")
    day = dates.dt.normalize()
    mask = ((day >= start) & (day <= end)).to_numpy(dtype=bool)
    return mask, f"{start.date()} to {end.date()}"


def _describe(text: str, n: int) -> str:
    return f"{text} ({n} point{'s' if n != 1 else ''})"


def _need(frame: pd.DataFrame, *cols: str) -> None:
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise ValueError(f"frame has no column(s) {', '.join(missing)}")


def _excluded(dates: pd.Series, reasons: pd.Series) -> pd.DataFrame:
    keep = reasons.notna()
    return pd.DataFrame({"date": dates[keep], "reason": reasons[keep].astype(object)}) \
        .sort_values("date", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- charts


def individuals_chart(frame: pd.DataFrame, value_col: str, *, date_col: str = "date",
                      baseline=None, floor: float | None = None) -> ControlChart:
    """Individuals / moving-range (XmR) chart of one value per date.

    ``frame``: ``date_col`` (one row per date) and ``value_col`` (numbers, any unit).
    Rows with no value or no date are left off and listed in ``excluded``.
    ``baseline``: None (all points), an inclusive ``(start, end)`` date pair, or a
    boolean mask over ``frame``'s rows; the centre and MR̄ come from those points
    only, and MR̄ uses only moving ranges whose two points are both in the baseline.
    ``floor``: lower bound for the LCL (e.g. 0 for hours, which cannot be negative);
    None leaves a negative LCL as it is. The floor moves the drawn limit only;
    the rules still use the centre and sigma.

    Returns a :class:`ControlChart` (``kind="individuals"``); see its columns there.
    """
    _need(frame, date_col, value_col)
    dates = pd.to_datetime(frame[date_col])
    values = pd.to_numeric(frame[value_col]).astype("float64")
    mask, text = _baseline_mask(frame, dates, baseline)
    reason = pd.Series(np.where(dates.isna(), "no date",
                                np.where(values.isna(), "no value", None)), index=frame.index)
    ok = reason.isna().to_numpy()
    data = pd.DataFrame({"date": dates[ok], "value": values[ok], "baseline": mask[ok]})
    if data["date"].duplicated().any():
        first = data.loc[data["date"].duplicated(), "date"].iloc[0]
        raise ValueError(f"{date_col} repeats {first.date()}: an individuals chart takes "
                         "one value per date")
    data = data.sort_values("date", kind="stable").reset_index(drop=True)
    x = data["value"].to_numpy()
    base = data["baseline"].to_numpy()
    mr = np.concatenate([[np.nan], np.abs(np.diff(x))]) if len(x) else x
    pair_in_base = np.concatenate([[False], base[1:] & base[:-1]]) if len(x) else base
    note = None
    if pair_in_base.sum() == 0:
        centre = float(x[base].mean()) if base.any() else np.nan
        mr_bar = sigma = np.nan
        note = ("the baseline needs at least 2 consecutive points to estimate sigma; "
                f"it has {int(base.sum())}")
    else:
        centre = float(x[base].mean())
        mr_bar = float(mr[pair_in_base].mean())
        sigma = mr_bar / D2
    ucl, lcl = centre + 3 * sigma, centre - 3 * sigma
    if floor is not None and not np.isnan(lcl):
        lcl = max(lcl, float(floor))
    data["moving_range"] = mr
    data = data.assign(centre=centre, ucl=ucl, lcl=lcl, sigma=sigma)
    data = _flag(data, _standardise(x, centre, sigma))
    cols = ["date", "value", "centre", "ucl", "lcl", "sigma", "moving_range", "baseline",
            *_RULE_COLS, "out_of_control"]

    def opt(v: float) -> float | None:
        return None if np.isnan(v) else float(v)

    return ControlChart(
        kind="individuals", frame=data[cols], centre=centre, sigma=opt(sigma),
        ucl=opt(ucl), lcl=opt(lcl), mr_bar=opt(mr_bar),
        mr_ucl=opt(D4 * mr_bar), baseline=_describe(text, int(base.sum())),
        excluded=_excluded(dates, reason), note=note,
    )


def p_chart(frame: pd.DataFrame, defects_col: str, n_col: str, *, date_col: str = "date",
            baseline=None) -> ControlChart:
    """p-chart of the share defective per date, with limits that follow each day's n.

    ``frame``: ``date_col``, ``defects_col`` (defective items, a count) and ``n_col``
    (items judged, a count). ``value`` = defects / n (0-1). Left off the chart and
    listed in ``excluded`` with the reason: rows with a missing date, defects or n;
    ``n = 0`` (no items that day: no share to chart); negative counts; defects > n.
    ``baseline``: as in :func:`individuals_chart`; p̄ = Σdefects / Σn over the
    baseline points. Per point: ``sigma = sqrt(p̄(1-p̄)/n)``, UCL = min(p̄ + 3 sigma, 1),
    LCL = max(p̄ - 3 sigma, 0). The rules use each point's own sigma.

    Returns a :class:`ControlChart` (``kind="p"``) whose frame adds ``defects, n``.

    With hundreds of items a day the binomial limits are narrow, and ordinary
    day-to-day variation in the mix (overdispersion) can put many points outside
    them; read rule-1 points on such a chart as "a different day", not each as an
    incident.
    """
    _need(frame, date_col, defects_col, n_col)
    dates = pd.to_datetime(frame[date_col])
    defects = pd.to_numeric(frame[defects_col]).astype("float64")
    n = pd.to_numeric(frame[n_col]).astype("float64")
    mask, text = _baseline_mask(frame, dates, baseline)
    conditions = [dates.isna(), defects.isna() | n.isna(), (defects < 0) | (n < 0), n == 0,
                  defects > n]
    reasons = ["no date", "defects or n missing", "negative count",
               "n = 0: no items to judge", "more defects than items"]
    reason = pd.Series(np.select(conditions, reasons, default=None), index=frame.index)
    ok = reason.isna().to_numpy()
    data = pd.DataFrame({"date": dates[ok], "defects": defects[ok], "n": n[ok],
                         "baseline": mask[ok]}).sort_values("date", kind="stable")
    data = data.reset_index(drop=True)
    data.insert(1, "value", data["defects"] / data["n"])
    for col in ("defects", "n"):  # counts stay whole numbers when they are
        if (data[col] % 1 == 0).all():
            data[col] = data[col].astype("int64")
    base = data["baseline"].to_numpy()
    note = None
    n_base = float(data.loc[base, "n"].sum())
    if n_base == 0:
        p_bar = np.nan
        note = "the baseline has no items to judge; no limits"
    else:
        p_bar = float(data.loc[base, "defects"].sum()) / n_base
    sigma = np.sqrt(p_bar * (1 - p_bar) / data["n"].to_numpy())
    data = data.assign(centre=p_bar, ucl=np.minimum(p_bar + 3 * sigma, 1.0),
                       lcl=np.maximum(p_bar - 3 * sigma, 0.0), sigma=sigma)
    data = _flag(data, _standardise(data["value"].to_numpy(), p_bar, sigma))
    cols = ["date", "value", "defects", "n", "centre", "ucl", "lcl", "sigma", "baseline",
            *_RULE_COLS, "out_of_control"]
    return ControlChart(
        kind="p", frame=data[cols], centre=p_bar, sigma=None, ucl=None, lcl=None,
        mr_bar=None, mr_ucl=None, baseline=_describe(text, int(base.sum())),
        excluded=_excluded(dates, reason), note=note,
    )


# --------------------------------------------------------------------------- daily series


def _period(ws: Workspace, filters: Filters) -> tuple[str, dict]:
    """The tickets CTE for the filters, a day spine CTE, and their parameters."""
    f = resolve_period(ws, filters)
    lo, hi = f.bounds()
    dims, params = f.dims_sql("tk")
    sql = _TICKETS_CTE.format(dims=dims) + """
    , spine AS (
        SELECT CAST(unnest(range(CAST($lo AS TIMESTAMP), CAST($hi AS TIMESTAMP),
                                 INTERVAL 1 DAY)) AS DATE) AS date
    )"""
    return sql, {**params, "lo": lo, "hi": hi}


def daily_resolution_median(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """Median resolution time of the tickets done each day.

    Returns one row per day of the period: ``date``, ``value`` (median resolution
    hours of tickets done that day, ``quantile_cont`` as the KPI; NaN on a day with
    none), ``n`` (tickets done that day).
    """
    cte, params = _period(ws, filters)
    sql = cte + """
    , d AS (
        SELECT CAST(done_at AS DATE) AS date, quantile_cont(res_hours, 0.5) AS value,
               count(*) AS n
        FROM t WHERE done_at >= $lo AND done_at < $hi GROUP BY 1
    )
    SELECT s.date, d.value, coalesce(d.n, 0) AS n FROM spine s LEFT JOIN d USING (date)
    ORDER BY s.date"""
    return _typed(ws.query(sql, params), value="float64", n="int64")


def daily_sla_breaches(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """SLA breaches per day, for a p-chart.

    Returns one row per day of the period: ``date``, ``defects`` (tickets done that
    day whose resolution hours exceed their target), ``n`` (tickets done that day
    with a target: own ``sla_hours``, else the priority policy; 0 on a day with
    none). ``1 - Σdefects/Σn`` over the period is the ``sla_attainment`` KPI.
    """
    cte, params = _period(ws, filters)
    sql = cte + """
    , d AS (
        SELECT CAST(done_at AS DATE) AS date,
               count(*) FILTER (WHERE res_hours > sla_target) AS defects,
               count(*) AS n
        FROM t WHERE done_at >= $lo AND done_at < $hi AND sla_target IS NOT NULL GROUP BY 1
    )
    SELECT s.date, coalesce(d.defects, 0) AS defects, coalesce(d.n, 0) AS n
    FROM spine s LEFT JOIN d USING (date) ORDER BY s.date"""
    return _typed(ws.query(sql, params), defects="int64", n="int64")


def daily_volume(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """Tickets created per day: ``date``, ``value`` (tickets created that day, 0 on a
    day with none), one row per day of the period. The individuals chart of this
    series is where single-day incident spikes show up as rule-1 points."""
    cte, params = _period(ws, filters)
    sql = cte + """
    , d AS (
        SELECT CAST(created_at AS DATE) AS date, count(*) AS value
        FROM t WHERE created_at >= $lo AND created_at < $hi GROUP BY 1
    )
    SELECT s.date, coalesce(d.value, 0) AS value FROM spine s LEFT JOIN d USING (date)
    ORDER BY s.date"""
    return _typed(ws.query(sql, params), value="int64")


def _typed(frame: pd.DataFrame, **dtypes: str) -> pd.DataFrame:
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype(dtypes)


# --------------------------------------------------------------------------- CSAT and NPS


def csat_distribution(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """How many scores of each value 1-5 the tickets done in the period got.

    Same tickets as the ``csat_avg`` KPI (done in the period, with a score; the
    dimension filters apply). A score that is not whole is counted at its nearest
    whole value (halves round up: 4.5 counts as 5).
    Returns five rows, ``score`` 1..5, ``count`` and ``share`` (0-1 of the scored
    tickets; NaN when there are none).
    """
    f = resolve_period(ws, filters)
    lo, hi = f.bounds()
    dims, params = f.dims_sql("tk")
    sql = _TICKETS_CTE.format(dims=dims) + """
    SELECT CAST(round(csat) AS BIGINT) AS score, count(*) AS count FROM t
    WHERE done_at >= $lo AND done_at < $hi AND csat IS NOT NULL GROUP BY 1"""
    counts = ws.query(sql, {**params, "lo": lo, "hi": hi}).set_index("score")["count"]
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
    lo, hi = f.bounds()
    dims, params = f.dims_sql("tk")
    sql = _TICKETS_CTE.format(dims=dims) + f"""
    , spine AS (
        SELECT unnest(range(date_trunc('{grain}', CAST($lo AS TIMESTAMP)),
                            CAST($hi AS TIMESTAMP), INTERVAL 1 {grain})) AS period
    ), d AS (
        SELECT date_trunc('{grain}', done_at) AS period, count(*) AS responses,
               avg(csat) AS csat_avg,
               avg(CASE WHEN csat >= 4 THEN 1.0 ELSE 0.0 END) AS top2_share,
               avg(CASE WHEN csat <= 2 THEN 1.0 ELSE 0.0 END) AS low_share
        FROM t WHERE done_at >= $lo AND done_at < $hi AND csat IS NOT NULL GROUP BY 1
    )
    SELECT CAST(s.period AS TIMESTAMP) AS period, coalesce(d.responses, 0) AS responses,
           d.csat_avg, d.top2_share, d.low_share
    FROM spine s LEFT JOIN d ON d.period = s.period ORDER BY 1"""
    out = ws.query(sql, {**params, "lo": lo, "hi": hi})
    return out.astype({"responses": "int64", "csat_avg": "float64", "top2_share": "float64",
                       "low_share": "float64"})


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
    kept = []
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


# --------------------------------------------------------------------------- Pareto


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
    out = (frame.assign(**{count_col: counts}).groupby(category_col, sort=True, dropna=False)
           [count_col].sum().reset_index())
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
    f = resolve_period(ws, filters)
    lo, hi = f.bounds()
    dims, params = f.dims_sql("tk")
    sql = _TICKETS_CTE.format(dims=dims) + f"""
    SELECT coalesce(CAST("{by}" AS VARCHAR), '(none)') AS "{by}",
           count(*) FILTER (WHERE sla_target IS NOT NULL AND res_hours > sla_target)
               AS sla_breach,
           count(*) FILTER (WHERE reopen_count > 0) AS reopen,
           count(*) FILTER (WHERE csat <= 2) AS low_csat
    FROM t WHERE done_at >= $lo AND done_at < $hi GROUP BY 1 ORDER BY 1"""
    wide = ws.query(sql, {**params, "lo": lo, "hi": hi})
    wide["total"] = wide["sla_breach"] + wide["reopen"] + wide["low_csat"]
    parts = []
    for defect in DEFECT_TYPES:
        part = wide.loc[wide[defect] > 0, [by, defect]].rename(columns={defect: "count"})
        parts.append(pareto(part, by, "count").assign(defect=defect))
    cols = ["defect", by, "count", "share", "cumulative_share", "vital_few"]
    out = pd.concat(parts, ignore_index=True)[cols]
    return out.astype({"count": "int64", "share": "float64", "cumulative_share": "float64",
                       "vital_few": bool})


# --------------------------------------------------------------------------- SERVQUAL


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
        selects += [f"avg({d}_expectation) FILTER (WHERE {both}) AS {d}__e",
                    f"avg({d}_perception) FILTER (WHERE {both}) AS {d}__p",
                    f"count(*) FILTER (WHERE {both}) AS {d}__n"]
    row = ws.query(f"SELECT {', '.join(selects)} FROM surveys WHERE {where}", params).iloc[0]
    rows = [{"dimension": d, "expectation": float(row[f"{d}__e"]),
             "perception": float(row[f"{d}__p"]), "n": int(row[f"{d}__n"])}
            for d in SERVQUAL_DIMENSIONS if row[f"{d}__n"]]
    out = pd.DataFrame(rows, columns=["dimension", "expectation", "perception", "n"])
    out.insert(3, "gap", out["perception"] - out["expectation"])
    return out.astype({"expectation": "float64", "perception": "float64", "gap": "float64",
                       "n": "int64"})

