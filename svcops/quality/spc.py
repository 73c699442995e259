"""Control charts and the Western Electric rules (statistical process control).

* :func:`individuals_chart` - the XmR chart (Montgomery, *Introduction to
  Statistical Quality Control*, ch. 6). Centre ``x̄`` = mean of the baseline
  points, ``MR̄`` = mean moving range ``|x_i - x_{i-1}|`` of consecutive baseline
  points, ``sigma = MR̄ / d2`` with ``d2 = 1.128`` (ranges of two), limits
  ``x̄ ± 3 sigma``. Its moving-range chart has centre ``MR̄``, UCL ``D4·MR̄`` with
  ``D4 = 3.267`` and LCL 0.
* :func:`p_chart` - share defective with varying daily ``n`` (ch. 7):
  ``p̄ = Σdefects / Σn`` over the baseline, ``sigma_i = sqrt(p̄(1-p̄)/n_i)``, limits
  ``p̄ ± 3 sigma_i`` clipped to [0, 1].

Both flag the Western Electric rules (*Statistical Quality Control Handbook*,
Western Electric, 1956), see :func:`western_electric`. Points are taken in date
order; a point that cannot be charted (no value, ``n = 0``) is left out of the
chart and listed in ``ControlChart.excluded`` with the reason, so the rules and
moving ranges run over the charted points only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ..i18n import Message

# Control-chart constants for ranges of n = 2 consecutive points (Montgomery,
# Appendix VI): d2 = E[range] / sigma, D4 = upper range-chart factor (D3 = 0).
D2 = 1.128
D4 = 3.267

# What each rule means, for the library's reader; the UI words the rule number
# through its i18n keys (quality.rule.1 .. 4).
RULE_DESCRIPTIONS: dict[int, str] = {
    1: "one point beyond 3 sigma",
    2: "2 of 3 consecutive points beyond 2 sigma on the same side",
    3: "4 of 5 consecutive points beyond 1 sigma on the same side",
    4: "8 consecutive points on the same side of the centre line",
}

_RULE_COLS = [f"rule_{r}" for r in RULE_DESCRIPTIONS]

# "No reason" in the per-row reason arrays: None as numpy takes it (a 0-d object array),
# spelt out because numpy's stubs do not accept a bare None where an array is expected.
_NO_REASON = np.array(None, dtype=object)


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
    ``baseline``: which points set the limits, a :class:`Message` (keys
    ``quality.baseline.all`` / ``.selected`` with ``n`` points, ``.range`` with
    ``start``, ``end`` and ``n``; ``_one`` variants when n is 1). ``excluded``:
    points left off the chart, columns ``date, reason``. ``note``: why there are no
    limits, a :class:`Message` (``quality.note.too_few_baseline`` with ``n``,
    ``quality.note.no_items``), else None; then limits are NaN and no rule fires.
    ``sigma_z``: Laney's σz (the spread of the p-chart z-scores between consecutive
    points, MR̄(z) / 1.128) on a p or p′ chart, else None. ``reason``: which chart this
    is and why, a :class:`Message` (``quality.why.*``), set by :func:`sla_chart` and
    :func:`volume_chart`, else None. ``grain``: ``"day"`` or ``"week"`` (a point is a
    Monday-to-Sunday week, dated by its Monday).

    ``kind`` ``"laney_p"`` (Laney p′) has the p-chart's columns; ``"weekday"`` (the
    weekday-adjusted individuals chart) has the individuals chart's columns, with
    per-point ``centre``, ``ucl``, ``lcl`` and ``sigma`` (its weekday's expected count,
    limits and sigma) and ``adjusted`` (``x̄`` plus the day's departure from its weekday's
    centre scaled to a day of average volume, see :func:`weekday_chart`), whose moving
    ranges and rules the chart uses; ``centre``, ``sigma`` and ``mr_bar`` are then those
    of an average day (weekday factor 1), in counts.
    """

    kind: str
    frame: pd.DataFrame
    centre: float
    sigma: float | None
    ucl: float | None
    lcl: float | None
    mr_bar: float | None
    mr_ucl: float | None
    baseline: Message
    excluded: pd.DataFrame
    note: Message | None = None
    sigma_z: float | None = None
    reason: Message | None = None
    grain: str = "day"

    def violations(self) -> pd.DataFrame:
        """Every (point, rule) flag: ``date, value, rule`` (1-4; the UI words it by its
        ``quality.rule.<n>`` key), ``description`` (English, :data:`RULE_DESCRIPTIONS`),
        sorted by date then rule."""
        parts = []
        for rule, text in RULE_DESCRIPTIONS.items():
            hit = self.frame[self.frame[f"rule_{rule}"]]
            parts.append(
                pd.DataFrame(
                    {"date": hit["date"], "value": hit["value"], "rule": rule, "description": text}
                )
            )
        out = pd.concat(parts, ignore_index=True)
        out["rule"] = out["rule"].astype("int64")
        return out.sort_values(["date", "rule"], kind="stable").reset_index(drop=True)

    def moving_range_chart(self) -> pd.DataFrame:
        """The MR chart of an individuals chart: ``date, moving_range, centre`` (MR̄),
        ``ucl`` (D4·MR̄), ``lcl`` (0), ``beyond_ucl`` (bool); from the second point on."""
        if self.kind not in ("individuals", "weekday"):
            raise ValueError("only an individuals chart has a moving-range chart")
        mr = self.frame.loc[self.frame["moving_range"].notna(), ["date", "moving_range"]]
        centre = np.nan if self.mr_bar is None else self.mr_bar
        ucl = np.nan if self.mr_ucl is None else self.mr_ucl
        return mr.assign(
            centre=centre, ucl=ucl, lcl=0.0, beyond_ucl=mr["moving_range"] > ucl
        ).reset_index(drop=True)


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


def _baseline_mask(frame: pd.DataFrame, dates: pd.Series, baseline) -> tuple[np.ndarray, str, dict]:
    """Bool mask over ``frame``'s rows, and the kind of baseline (``all``, ``selected``
    or ``range``) with its parameters, for :func:`_describe` (``None`` = all points)."""
    if baseline is None:
        return np.ones(len(frame), dtype=bool), "all", {}
    if isinstance(baseline, pd.Series) and baseline.dtype == bool:
        aligned = baseline.reindex(frame.index)
        if aligned.isna().any():
            raise ValueError("baseline mask does not cover every row of the frame")
        return aligned.to_numpy(dtype=bool), "selected", {}
    values = list(baseline) if not isinstance(baseline, str) else []
    if values and all(isinstance(v, bool | np.bool_) for v in values):
        if len(values) != len(frame):
            raise ValueError(f"baseline mask has {len(values)} values for {len(frame)} rows")
        return np.asarray(values, dtype=bool), "selected", {}
    if len(values) != 2:
        raise ValueError("baseline must be None, a (start, end) date pair or a boolean mask")
    start, end = (pd.Timestamp(v).normalize() for v in values)
    if start > end:
        raise ValueError(f"baseline start {start.date()} is after its end {end.date()}")
    day = dates.dt.normalize()
    mask = ((day >= start) & (day <= end)).to_numpy(dtype=bool)
    return mask, "range", {"start": start.date(), "end": end.date()}


def _describe(kind: str, params: dict, n: int) -> Message:
    """The baseline in words: kind and parameters from :func:`_baseline_mask`, n points."""
    return Message(f"quality.baseline.{kind}{'_one' if n == 1 else ''}", {**params, "n": n})


def _need(frame: pd.DataFrame, *cols: str) -> None:
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise ValueError(f"frame has no column(s) {', '.join(missing)}")


def _excluded(dates: pd.Series, reasons: pd.Series) -> pd.DataFrame:
    keep = reasons.notna()
    return (
        pd.DataFrame({"date": dates[keep], "reason": reasons[keep].astype(object)})
        .sort_values("date", kind="stable")
        .reset_index(drop=True)
    )


# --------------------------------------------------------------------------- charts


def individuals_chart(
    frame: pd.DataFrame,
    value_col: str,
    *,
    date_col: str = "date",
    baseline=None,
    floor: float | None = None,
) -> ControlChart:
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
    mask, kind, about = _baseline_mask(frame, dates, baseline)
    reason = pd.Series(
        np.where(dates.isna(), "no date", np.where(values.isna(), "no value", _NO_REASON)),
        index=frame.index,
    )
    ok = reason.isna().to_numpy()
    data = pd.DataFrame({"date": dates[ok], "value": values[ok], "baseline": mask[ok]})
    if data["date"].duplicated().any():
        first = data.loc[data["date"].duplicated(), "date"].iloc[0]
        raise ValueError(
            f"{date_col} repeats {first.date()}: an individuals chart takes one value per date"
        )
    data = data.sort_values("date", kind="stable").reset_index(drop=True)
    x = data["value"].to_numpy()
    base = data["baseline"].to_numpy()
    mr = np.concatenate([[np.nan], np.abs(np.diff(x))]) if len(x) else x
    pair_in_base = np.concatenate([[False], base[1:] & base[:-1]]) if len(x) else base
    note = None
    if pair_in_base.sum() == 0:
        centre = float(x[base].mean()) if base.any() else np.nan
        mr_bar = sigma = np.nan
        note = Message("quality.note.too_few_baseline", {"n": int(base.sum())})
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
    cols = [
        "date",
        "value",
        "centre",
        "ucl",
        "lcl",
        "sigma",
        "moving_range",
        "baseline",
        *_RULE_COLS,
        "out_of_control",
    ]

    def opt(v: float) -> float | None:
        return None if np.isnan(v) else float(v)

    return ControlChart(
        kind="individuals",
        frame=data[cols],
        centre=centre,
        sigma=opt(sigma),
        ucl=opt(ucl),
        lcl=opt(lcl),
        mr_bar=opt(mr_bar),
        mr_ucl=opt(D4 * mr_bar),
        baseline=_describe(kind, about, int(base.sum())),
        excluded=_excluded(dates, reason),
        note=note,
    )


def p_chart(
    frame: pd.DataFrame,
    defects_col: str,
    n_col: str,
    *,
    date_col: str = "date",
    baseline=None,
    laney: bool = False,
) -> ControlChart:
    """p-chart of the share defective per date, with limits that follow each day's n.

    ``frame``: ``date_col``, ``defects_col`` (defective items, a count) and ``n_col``
    (items judged, a count). ``value`` = defects / n (0-1). Left off the chart and
    listed in ``excluded`` with the reason: rows with a missing date, defects or n;
    ``n = 0`` (no items that day: no share to chart); negative counts; defects > n.
    ``baseline``: as in :func:`individuals_chart`; p̄ = Σdefects / Σn over the
    baseline points. Per point: ``sigma = sqrt(p̄(1-p̄)/n)``, UCL = min(p̄ + 3 sigma, 1),
    LCL = max(p̄ - 3 sigma, 0). The rules use each point's own sigma.

    Returns a :class:`ControlChart` (``kind="p"``) whose frame adds ``defects, n``;
    its ``sigma_z`` is Laney's σz over the baseline (see :func:`laney_sigma_z`).

    ``laney=True`` gives Laney's p′ chart (Laney 2002, *Improved control charts for
    attributes*, Quality Engineering 14(4)): ``z_i = (p_i - p̄) / sigma_i`` as above,
    ``sigma_z`` = mean moving range of consecutive baseline z / 1.128, limits
    ``p̄ ± 3 sigma_i sigma_z`` clipped to [0, 1]; the rules use ``sigma_i sigma_z``
    (``kind="laney_p"``). With ``sigma_z = 1`` it is the p-chart.

    With hundreds of items a day the binomial limits are narrow, and ordinary
    day-to-day variation in the mix (overdispersion) can put many points outside
    them; read rule-1 points on such a chart as "a different day", not each as an
    incident.
    """
    _need(frame, date_col, defects_col, n_col)
    dates = pd.to_datetime(frame[date_col])
    defects = pd.to_numeric(frame[defects_col]).astype("float64")
    n = pd.to_numeric(frame[n_col]).astype("float64")
    mask, kind, about = _baseline_mask(frame, dates, baseline)
    conditions = [
        dates.isna(),
        defects.isna() | n.isna(),
        (defects < 0) | (n < 0),
        n == 0,
        defects > n,
    ]
    reasons = [
        "no date",
        "defects or n missing",
        "negative count",
        "n = 0: no items to judge",
        "more defects than items",
    ]
    reason = pd.Series(np.select(conditions, reasons, default=_NO_REASON), index=frame.index)
    ok = reason.isna().to_numpy()
    data = pd.DataFrame(
        {"date": dates[ok], "defects": defects[ok], "n": n[ok], "baseline": mask[ok]}
    ).sort_values("date", kind="stable")
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
        note = Message("quality.note.no_items", {})
    else:
        p_bar = float(data.loc[base, "defects"].sum()) / n_base
    sigma = np.sqrt(p_bar * (1 - p_bar) / data["n"].to_numpy())
    sigma_z = laney_sigma_z(_standardise(data["value"].to_numpy(), p_bar, sigma), base)
    if laney and sigma_z is not None:
        sigma = sigma * sigma_z
    data = data.assign(
        centre=p_bar,
        ucl=np.minimum(p_bar + 3 * sigma, 1.0),
        lcl=np.maximum(p_bar - 3 * sigma, 0.0),
        sigma=sigma,
    )
    data = _flag(data, _standardise(data["value"].to_numpy(), p_bar, sigma))
    cols = [
        "date",
        "value",
        "defects",
        "n",
        "centre",
        "ucl",
        "lcl",
        "sigma",
        "baseline",
        *_RULE_COLS,
        "out_of_control",
    ]
    return ControlChart(
        kind="laney_p" if laney else "p",
        frame=data[cols],
        centre=p_bar,
        sigma=None,
        ucl=None,
        lcl=None,
        mr_bar=None,
        mr_ucl=None,
        baseline=_describe(kind, about, int(base.sum())),
        excluded=_excluded(dates, reason),
        note=note,
        sigma_z=sigma_z,
    )


# --------------------------------------------------------------------------- Laney p′

# The charts :func:`sla_chart` and :func:`volume_chart` draw ("auto" picks one), the
# grains of a share chart, and the ``quality.why.<reason>`` keys that say which and why.
SLA_CHARTS = ("auto", "laney", "p")
VOLUME_CHARTS = ("auto", "weekday", "day", "week")
GRAINS = ("day", "week")
REASONS = (
    "p_auto",
    "laney_auto",
    "p_user",
    "laney_user",
    "weekday_auto",
    "day_auto",
    "weekday_user",
    "day_user",
    "week_user",
    "p_short",
    "day_short",
)


# The spread of sigma_z = MR̄(z) / 1.128 when the z are independent standard normal
# (pure binomial variation): Var|z_i+1 - z_i| = 2 - 4/π, and consecutive ranges
# covary by (4/π)(√0.75 + 0.5·arcsin 0.5) - 4/π, so with m moving ranges
# SD(sigma_z) ≈ √((2 - 4/π + 2·0.1628) / m) / 1.128 = 0.9094 / √m.
_SIGMA_Z_SD = 0.9094
# One-sided 99% normal quantile: sigma_z above 1 + 2.326 SD is not binomial noise.
_Z99 = 2.326
# Below this sigma_z the p′ limits are within 10% of the p-chart's: not worth a
# different chart even when the excess is statistically clear (thousands of points).
OVERDISPERSION_FLOOR = 1.10


def laney_sigma_z(z, baseline=None) -> float | None:
    """Laney's σz: mean moving range of consecutive z-scores / 1.128 (d2).

    ``z``: the p-chart's standardised points ``(p_i - p̄) / sigma_i`` in date order;
    ``baseline``: bool mask (None = all); only moving ranges whose two points are both
    in the baseline and finite count. None when there is no such pair."""
    z = np.asarray(z, dtype="float64")
    base = np.ones(len(z), dtype=bool) if baseline is None else np.asarray(baseline, dtype=bool)
    if len(z) < 2:
        return None
    ok = base[1:] & base[:-1] & np.isfinite(z[1:]) & np.isfinite(z[:-1])
    if not ok.any():
        return None
    return float(np.abs(np.diff(z))[ok].mean() / D2)


def overdispersion_bound(points: int) -> float:
    """The σz above which :func:`sla_chart` takes Laney's p′: the larger of
    :data:`OVERDISPERSION_FLOOR` and the one-sided 99% bound of σz under pure binomial
    variation, ``1 + 2.326 · 0.9094 / √(points - 1)`` (``points``: baseline points
    charted; the estimate is noisy on few points, so the bar is higher there)."""
    if points < 2:
        return float("inf")
    return max(OVERDISPERSION_FLOOR, 1 + _Z99 * _SIGMA_Z_SD / np.sqrt(points - 1))


def sla_chart(
    frame: pd.DataFrame,
    defects_col: str = "defects",
    n_col: str = "n",
    *,
    date_col: str = "date",
    baseline=None,
    chart: str = "auto",
    grain: str = "day",
) -> ControlChart:
    """The chart of a share defective: p or Laney p′, by day or by week.

    ``chart``: ``"p"``, ``"laney"`` or ``"auto"``: p′ when σz over the baseline
    exceeds :func:`overdispersion_bound` of the baseline points (more variation
    between consecutive points than the binomial model allows), else p. Under-dispersion
    (σz < 1) keeps the p-chart. ``grain``: ``"day"`` (a row per day) or ``"week"``
    (complete Monday-to-Sunday weeks, :func:`weekly`). The result's ``reason``
    says which chart and why (``quality.why.p_auto`` / ``laney_auto`` / ``p_user`` /
    ``laney_user`` with ``sigma_z``, ``bound``, ``n``; ``p_short`` and the p-chart,
    also when ``"laney"`` was asked for, when under two consecutive baseline points
    leave σz unmeasured)."""
    if chart not in SLA_CHARTS:
        raise ValueError(f"chart must be auto, p or laney, not {chart!r}")
    asked = baseline
    frame, baseline, partial = _at_grain(frame, [defects_col, n_col], date_col, baseline, grain)
    plain = p_chart(frame, defects_col, n_col, date_col=date_col, baseline=baseline)
    points = int(plain.frame["baseline"].sum())
    bound = overdispersion_bound(points)
    over = plain.sigma_z is not None and plain.sigma_z > bound
    # Under two consecutive baseline points there is no σz to measure, nor to widen
    # p′'s limits by: the p-chart, whichever was asked for.
    laney = plain.sigma_z is not None and (over if chart == "auto" else chart == "laney")
    out = p_chart(frame, defects_col, n_col, date_col=date_col, baseline=baseline, laney=laney)
    name = "laney" if laney else "p"
    how = "auto" if chart == "auto" else "user"
    if plain.sigma_z is None:
        how, name = "short", "p"
    reason = Message(
        f"quality.why.{name}_{how}",
        {
            "sigma_z": plain.sigma_z if plain.sigma_z is not None else float("nan"),
            "bound": bound,
            "n": points,
        },
    )
    return _regrain(out, reason, grain, partial, asked)


# --------------------------------------------------------------------------- weeks


def weekly(frame: pd.DataFrame, cols: list[str], date_col: str = "date"):
    """Sum ``cols`` of a one-row-per-day frame by Monday-to-Sunday week.

    Returns ``(weeks, partial)``: ``weeks`` has ``date_col`` (the week's Monday) and the
    sums, complete weeks only (all seven days present, a missing value counts as 0 only
    if its row is there); ``partial``: ``date, reason`` of the weeks left out because
    the data covers only some of their days (typically the period's first and last)."""
    _need(frame, date_col, *cols)
    day = pd.to_datetime(frame[date_col]).dt.normalize()
    week = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    data = frame[cols].apply(pd.to_numeric).assign(_week=week, _day=day)
    grouped = data.groupby("_week", sort=True)
    days = grouped["_day"].nunique()
    sums = grouped[cols].sum(min_count=1)
    whole = days == 7
    weeks = sums[whole].reset_index().rename(columns={"_week": date_col})
    part = days[~whole]
    partial = pd.DataFrame(
        {"date": part.index, "reason": [f"partial week: {d} of 7 days" for d in part]}
    )
    return weeks, partial


def _at_grain(frame, cols, date_col, baseline, grain):
    """The frame (and a date-range baseline) at the grain; partial weeks left out."""
    if grain == "day":
        return frame, baseline, None
    if grain not in GRAINS:
        raise ValueError(f"grain must be day or week, not {grain!r}")
    weeks, partial = weekly(frame, cols, date_col)
    if baseline is not None:
        pair = list(baseline) if not isinstance(baseline, str | pd.Series) else []
        if len(pair) != 2 or any(isinstance(v, bool | np.bool_) for v in pair):
            raise ValueError("a weekly chart's baseline is None or a (start, end) date pair")
        start, end = (pd.Timestamp(v).normalize() for v in baseline)
        # a week belongs to the baseline when all its days do
        inside = (weeks[date_col] >= start) & (weeks[date_col] + pd.Timedelta(days=6) <= end)
        baseline = inside
    return weeks, baseline, partial


def _regrain(chart: ControlChart, reason: Message, grain: str, partial, asked=None) -> ControlChart:
    """The chart at its grain, with its reason; partial weeks added to ``excluded``.
    A weekly chart's baseline is worded as the date range asked for (``asked``) and
    the weeks wholly inside it, not as "selected points"."""
    if grain == "week" and asked is not None:
        start, end = (pd.Timestamp(v).date() for v in asked)
        n = int(chart.frame["baseline"].sum())
        chart = replace(chart, baseline=_describe("range", {"start": start, "end": end}, n))
    excluded = chart.excluded
    if partial is not None and len(partial):
        excluded = pd.concat([excluded, partial], ignore_index=True)
        excluded = excluded.sort_values("date", kind="stable").reset_index(drop=True)
    return replace(chart, reason=reason, grain=grain, excluded=excluded)


# --------------------------------------------------------------------------- weekday


# Weekday adjustment is used (on "auto") when it cuts the day-to-day sigma by at least
# this share: the weekly cycle then dominates the moving ranges and the centre line.
WEEKDAY_CUT = 0.20
# Relative size below which a weekday-adjusted spread or departure is rounding noise.
_NOISE = 1e-9


def weekday_factors(frame: pd.DataFrame, value_col: str, mask) -> pd.Series | None:
    """Each weekday's mean over the baseline days divided by the mean of the seven
    weekday means (index 0 = Monday .. 6 = Sunday). None unless every weekday has at
    least two baseline days or when the mean is 0."""
    day = pd.to_datetime(frame["date"]).dt.day_of_week
    base = pd.Series(np.asarray(mask, dtype=bool), index=frame.index)
    values = pd.to_numeric(frame[value_col])[base]
    counts = values.groupby(day[base]).count().reindex(range(7), fill_value=0)
    if (counts < 2).any():
        return None
    means = values.groupby(day[base]).mean().reindex(range(7))
    level = means.mean()
    if not level > 0:
        return None
    return means / level


def weekday_chart(
    frame: pd.DataFrame,
    value_col: str,
    *,
    date_col: str = "date",
    baseline=None,
    floor: float | None = 0.0,
) -> ControlChart:
    """Weekday-adjusted individuals chart of a daily count.

    Each weekday's factor ``f_w`` = its mean over the baseline days / the mean of the
    seven weekday means (:func:`weekday_factors`; every weekday needs two baseline
    days) and ``x̄`` = the mean of ``value / f_w`` over the baseline days (the mean of
    the seven weekday means), so ``x̄ f_w`` is what weekday ``w`` expects. A count's
    noise grows with the square root of its mean (Poisson), so each day's departure
    is scaled by ``sqrt(f_w)``, not ``f_w``: the residual ``r = (value - x̄ f_w) /
    sqrt(f_w)`` is what a day of average volume (``f = 1``) would depart by, and
    ``adjusted = x̄ + r``. The XmR chart of ``adjusted`` gives ``sigma = MR̄ / 1.128``
    (baseline points and pairs only; the sigma of an average day, in counts) and the
    rules (``z = r / sigma``). Drawn in the count's own units: a day's centre is
    ``x̄ f_w``, its sigma ``sigma sqrt(f_w)``, its limits ``x̄ f_w ± 3 sigma
    sqrt(f_w)``, the LCL raised to ``floor`` (0: a count is never below it). Scaling
    the sigma by ``f_w`` itself would make quiet days' limits far too narrow (a Sunday
    at a tenth of a weekday's volume would fire rule 1 on about 15% of pure Poisson
    days, not 0.27%) and busy days' too wide. A weekday whose factor is
    0 (no baseline ticket ever on it) charts its days at 0 with no spread: a ticket
    there fires rule 1. Without factors the chart is returned with ``note``
    ``quality.note.weekday_short`` and no limits."""
    _need(frame, date_col, value_col)
    plain = individuals_chart(frame, value_col, date_col=date_col, baseline=baseline)
    data = plain.frame.copy()
    factors = weekday_factors(data, "value", data["baseline"])
    if factors is None:
        data[["centre", "ucl", "lcl", "sigma"]] = np.nan
        data["adjusted"] = np.nan
        data = _flag(data, np.full(len(data), np.nan))
        return replace(
            plain,
            kind="weekday",
            frame=data,
            centre=np.nan,
            sigma=None,
            ucl=None,
            lcl=None,
            mr_bar=None,
            mr_ucl=None,
            note=Message("quality.note.weekday_short", {}),
        )
    f = factors.reindex(data["date"].dt.day_of_week).to_numpy()
    x = data["value"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        base = data["baseline"].to_numpy() & (f > 0)
        level = float(np.mean(x[base] / f[base]))
        root = np.sqrt(f)
        adjusted = np.where(f > 0, level + (x - level * f) / root, np.nan)
    adj = individuals_chart(
        pd.DataFrame({"date": data["date"], "value": adjusted}),
        "value",
        baseline=data["baseline"].to_numpy(),
    )
    # individuals_chart leaves NaN (factor-0 weekday) rows out; put them back in place.
    a = adj.frame.set_index("date").reindex(data["date"])
    centre, sigma = adj.centre, adj.sigma if adj.sigma is not None else np.nan
    mr_bar, moving_range = adj.mr_bar, a["moving_range"].to_numpy()
    # Dividing by the factors leaves rounding noise (~1e-15 of the level) where the true
    # spread is 0 (a series that repeats its week exactly): a spread or a departure from
    # the centre within _NOISE of the centre is none, not an infinitely far point.
    tol = _NOISE * abs(centre) if np.isfinite(centre) else 0.0
    if sigma <= tol:
        sigma, mr_bar = 0.0, 0.0
    moving_range = np.where(moving_range <= tol, 0.0, moving_range)  # NaN stays NaN
    lcl = centre * f - 3 * sigma * root
    if floor is not None:
        lcl = np.maximum(lcl, float(floor))
    data = data.assign(
        centre=centre * f,
        ucl=centre * f + 3 * sigma * root,
        lcl=lcl,
        sigma=sigma * root,
        moving_range=moving_range,
        adjusted=adjusted,
    )
    z = _standardise(np.where(np.abs(adjusted - centre) <= tol, centre, adjusted), centre, sigma)
    zero_day = f == 0
    z = np.where(zero_day, np.where(x == 0, 0.0, np.inf), z)
    data = _flag(data, z)
    cols = [
        "date",
        "value",
        "adjusted",
        "centre",
        "ucl",
        "lcl",
        "sigma",
        "moving_range",
        "baseline",
        *_RULE_COLS,
        "out_of_control",
    ]
    return replace(
        adj,
        kind="weekday",
        frame=data[cols],
        sigma=None if adj.sigma is None else float(sigma),
        ucl=None,
        lcl=None,
        mr_bar=mr_bar,
        mr_ucl=None if mr_bar is None else D4 * mr_bar,
        baseline=plain.baseline,
        excluded=plain.excluded,
    )


def _fit_share(chart: ControlChart) -> float:
    """``mean(1 / k_w)`` over the seven weekdays, ``k_w`` the baseline days of weekday
    ``w`` with a value on a weekday-adjusted chart (NaN without factors): the share of
    the day-to-day variance its weekday factors absorb when there is no weekly cycle."""
    if chart.note is not None or chart.frame.empty:
        return float("nan")
    base = chart.frame[chart.frame["baseline"]]
    k = base.groupby(base["date"].dt.day_of_week)["value"].count().reindex(range(7))
    return float((1 / k).mean())


def volume_chart(
    frame: pd.DataFrame,
    value_col: str = "value",
    *,
    date_col: str = "date",
    baseline=None,
    chart: str = "auto",
) -> ControlChart:
    """The chart of a daily count (tickets created per day).

    ``chart``: ``"day"`` (the XmR chart of the daily counts), ``"weekday"``
    (:func:`weekday_chart`), ``"week"`` (the XmR chart of complete Monday-to-Sunday
    weekly totals, :func:`weekly`) or ``"auto"``: weekday-adjusted when adjusting cuts
    the day-to-day sigma by at least :data:`WEEKDAY_CUT` (a weekly cycle), else the
    plain daily chart. Every lower limit is floored at 0. The result's ``reason``:
    ``quality.why.<chart>_auto`` or ``_user`` with ``raw`` and ``adjusted`` (the two
    sigmas in counts a day, NaN when not computable: the plain chart's, and the adjusted
    chart's sigma of a day of average volume, weekday factor 1, whose limits on weekday
    ``w`` are ``± 3 sigma sqrt(f_w)``) and ``cut`` (the threshold). The decision compares
    the sigmas relative to their centres (the plain chart's daily mean, the adjusted
    chart's mean of weekday means ``x̄``, equal when the weeks are whole: both sigmas are
    then in counts on a day of the average volume), the adjusted one divided by
    ``sqrt(1 - mean(1/k_w))`` (``k_w``: baseline days of weekday ``w``): a residual
    ``(x - m̂_w) / sqrt(f_w)`` from a weekday mean ``m̂_w`` fitted to ``k_w`` days has
    variance ``sigma² (1 - 1/k_w)`` whatever the cycle when the noise is Poisson-like,
    so its moving ranges shrink by about that factor even without a cycle; a series
    with no spread at all has no cycle.
    ``quality.why.day_short`` and the plain daily chart, also when ``"weekday"`` was
    asked for, when the weekday adjustment cannot be worked out (fewer than two
    baseline days of some weekday, or no tickets)."""
    if chart not in VOLUME_CHARTS:
        raise ValueError(f"chart must be auto, day, weekday or week, not {chart!r}")
    how = "auto" if chart == "auto" else "user"
    if chart == "week":
        weeks, base, partial = _at_grain(frame, [value_col], date_col, baseline, "week")
        out = individuals_chart(weeks, value_col, date_col=date_col, baseline=base, floor=0)
        return _regrain(out, Message("quality.why.week_user", {}), "week", partial, baseline)
    plain = individuals_chart(frame, value_col, date_col=date_col, baseline=baseline, floor=0)
    adjusted = weekday_chart(frame, value_col, date_col=date_col, baseline=baseline)
    raw_sigma = plain.sigma if plain.sigma is not None else np.nan
    adj_sigma = adjusted.sigma if adjusted.sigma is not None else np.nan
    # The adjusted sigma is that of a day at the weekday means' mean (factor 1), the
    # plain sigma around the daily mean; compare them relative to their own centres.
    raw_cv = raw_sigma / plain.centre if plain.centre else np.nan
    adj_cv = adj_sigma / adjusted.centre if adjusted.centre else np.nan
    # The factors are fitted to the same days, which takes out part of the day-to-day
    # noise even without a cycle: a residual (x - m_w) / sqrt(f_w) from a mean fitted to
    # k_w days has variance sigma² (1 - 1/k_w), so the adjusted moving ranges shrink by
    # about sqrt(1 - mean(1/k_w)) (by 29% with two of each weekday).
    # The comparison undoes that shrinkage; a series with no spread has no cycle.
    adj_cv = adj_cv / np.sqrt(1 - _fit_share(adjusted))
    cycle = bool(raw_cv > 0 and adj_cv <= (1 - WEEKDAY_CUT) * raw_cv)
    use = ("weekday" if cycle else "day") if chart == "auto" else chart
    if np.isnan(adj_cv):
        # Too few of each weekday (or no tickets) to adjust, or to judge a weekly
        # cycle: the plain daily chart, whichever was asked for.
        use, how = "day", "short"
    out = adjusted if use == "weekday" else plain
    params = {"raw": float(raw_sigma), "adjusted": float(adj_sigma), "cut": WEEKDAY_CUT}
    return replace(out, reason=Message(f"quality.why.{use}_{how}", params))
