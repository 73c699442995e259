"""Performance against targets: red/amber/green status, target scorecard, rankings,
period comparisons and a composite index with stated weights.

Targets live in the workspace's ``targets`` table (SPEC "Data contract"): ``kpi``
(a key of :data:`svcops.kpi.DIRECTION`), ``target`` (in the KPI's unit: rates are
fractions 0-1, times in hours, cost in currency), ``direction`` (``higher`` or
``lower`` is better; blank = the KPI's natural direction), ``amber_margin``
(how far on the wrong side of the target still counts as amber, same unit; blank
= 0) and ``team`` (blank = every team). Actuals always come from
:func:`svcops.kpi.compute`, or the same SQL expressions (:data:`svcops.tickets.KPI_SQL`)
grouped, so a scorecard agrees with ``python -m svcops kpis`` for the same filters.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from numbers import Real

import numpy as np
import pandas as pd

from .filters import Filters
from .i18n import Message
from .i18n.errors import InputError
from .kpi import DIRECTION, RATE_KEYS, SCORECARD_KEYS, compute
from .store import Workspace
from .tickets import CREATED_IN, DONE_IN, KPI_SQL, aliased, query, resolve_period, tickets_cte

__all__ = [
    "ATTAINMENT_CAP",
    "DEFAULT_WEIGHTS",
    "RANKABLE_KPIS",
    "SCORECARD_KEYS",
    "STATUSES",
    "CompositeResult",
    "TargetsError",
    "compare_periods",
    "composite_index",
    "load_targets",
    "rankings",
    "save_targets",
    "status",
    "target_scorecard",
]

# KPIs a ranking can be computed for, per team or agent, in one grouped query.
RANKABLE_KPIS: tuple[str, ...] = (
    "sla_attainment",
    "fcr_rate",
    "csat_avg",
    "resolution_hours_median",
    "reopen_rate",
    "tickets",
    "resolved",
)

# A KPI far ahead of its target (cost per ticket at half the target) would let one
# KPI hide a miss elsewhere; each KPI's attainment counts at most 120%.
ATTAINMENT_CAP = 1.2

# Weights of the composite index when the user has not set any (they sum to 1).
DEFAULT_WEIGHTS: dict[str, float] = {
    "sla_attainment": 0.25,
    "csat_avg": 0.20,
    "fcr_rate": 0.15,
    "resolution_hours_median": 0.15,
    "reopen_rate": 0.10,
    "availability": 0.10,
    "cost_per_ticket": 0.05,
}

STATUSES = ("green", "amber", "red", "none")

# Values are sums and ratios of floats: 0.9 - 0.05 is 0.8500000000000001, so an
# actual of 0.85 against target 0.9 and margin 0.05 would miss "exactly at the
# margin" by one ulp. This relative slack keeps exact decimal hits on the boundary.
_SLACK = 1e-9

_DIRECTION_WORDS = {
    "higher": "higher",
    "higher is better": "higher",
    "high": "higher",
    "越高越好": "higher",
    "lower": "lower",
    "lower is better": "lower",
    "low": "lower",
    "越低越好": "lower",
}
# _sign's result -> direction word; 0 (None) has none.
_SIGN_WORDS: dict[int | None, str] = {1: "higher", -1: "lower"}
_TARGET_COLS = ["kpi", "target", "direction", "amber_margin", "team"]


class TargetsError(InputError):
    """Targets that cannot be used or saved (keys ``performance.error.*``)."""


# --------------------------------------------------------------------------- status


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _sign(direction) -> int | None:
    """+1 (higher is better), -1 (lower), None (not stated / neither)."""
    if _missing(direction):
        return None
    if isinstance(direction, Real) and not isinstance(direction, bool):
        if direction in (1, -1, 0):
            return int(float(direction)) or None  # a Real promises __float__, not __int__
        raise ValueError(f"direction must be 'higher' or 'lower' (got {direction!r})")
    word = _DIRECTION_WORDS.get(str(direction).strip().lower())
    if word is None:
        raise ValueError(f"direction must be 'higher' or 'lower' (got {direction!r})")
    return 1 if word == "higher" else -1


def status(
    value: float | None,
    target: float | None,
    direction: str | int | None,
    amber_margin: float | None = None,
) -> str:
    """Red/amber/green of one KPI value against its target.

    ``direction``: ``'higher'`` / ``'lower'`` (is better), or +1 / -1 as in
    :data:`svcops.kpi.DIRECTION`. Higher is better: ``green`` when value >= target,
    ``amber`` when target - margin <= value < target, ``red`` below. Lower is
    better, mirrored: green when value <= target, amber up to target + margin.
    Exactly at the target is green; exactly at the margin is amber (with a 1e-9
    relative slack for floating-point sums). ``amber_margin`` None counts as 0.
    Returns ``'none'`` when the value or target is missing, or there is no
    direction (0 or None).
    """
    if value is None or target is None or _missing(value) or _missing(target):
        return "none"
    sign = _sign(direction)
    if sign is None:
        return "none"
    margin = 0.0 if amber_margin is None or _missing(amber_margin) else float(amber_margin)
    if margin < 0:
        raise ValueError(f"amber_margin must be a non-negative number (got {amber_margin!r})")
    value, target = float(value), float(target)
    ahead = sign * (value - target)  # > 0: better than the target
    slack = _SLACK * max(1.0, abs(value), abs(target))
    if ahead >= -slack:
        return "green"
    if ahead >= -margin - slack:
        return "amber"
    return "red"


# --------------------------------------------------------------------------- targets


def _default_direction(kpi: str) -> str | None:
    return {1: "higher", -1: "lower"}.get(DIRECTION.get(kpi, 0))


def _kpi_key(value) -> str:
    """'SLA attainment' -> 'sla_attainment'."""
    return "" if _missing(value) else "_".join(str(value).strip().lower().replace("-", " ").split())


def _blank(value) -> bool:
    return _missing(value) or (isinstance(value, str) and not value.strip())


def _got(value):
    """A cell's value as an error message quotes it (a plain Python value)."""
    return value.item() if isinstance(value, np.generic) else value


def _team(value) -> str | None:
    if _missing(value):
        return None
    text = str(value).strip()
    return text or None


def load_targets(ws: Workspace) -> pd.DataFrame:
    """The workspace's targets, tidied for display and for :func:`target_scorecard`.

    Returns ``kpi, target, direction ('higher'/'lower'; the KPI's natural direction
    when blank, None for a KPI that has none, e.g. tickets), amber_margin (0 when
    blank), team (None = all teams)`` and ``problem`` (None, or a tuple of
    :class:`Message` saying what is wrong with an uploaded row, keys
    ``performance.problem.*``: unknown KPI, unreadable direction or negative margin;
    such a row shows status 'none' or uses the default). Scorecard order, team-wide
    rows first.
    """
    raw = ws.query("SELECT kpi, target, direction, amber_margin, team FROM targets")
    rows = []
    for rec in raw.to_dict("records"):
        kpi, problems = _kpi_key(rec["kpi"]), []
        if kpi not in DIRECTION:
            problems.append(Message("performance.problem.kpi", {"kpi": _got(rec["kpi"])}))
        direction = _default_direction(kpi)
        if not _missing(rec["direction"]):
            try:
                direction = _SIGN_WORDS[_sign(rec["direction"])]
            except (ValueError, KeyError):
                problems.append(
                    Message("performance.problem.direction", {"direction": _got(rec["direction"])})
                )
        margin = 0.0 if _missing(rec["amber_margin"]) else float(rec["amber_margin"])
        if margin < 0:
            problems.append(Message("performance.problem.margin", {"margin": margin}))
            margin = 0.0
        target = None if _missing(rec["target"]) else float(rec["target"])
        rows.append(
            {
                "kpi": kpi,
                "target": target,
                "direction": direction,
                "amber_margin": margin,
                "team": _team(rec["team"]),
                "problem": tuple(problems) or None,
            }
        )
    out = pd.DataFrame(rows, columns=[*_TARGET_COLS, "problem"])
    return _sort_targets(out)


def _sort_targets(frame: pd.DataFrame) -> pd.DataFrame:
    order = {k: i for i, k in enumerate(SCORECARD_KEYS)}
    key = frame.assign(
        _o=frame["kpi"].map(order).fillna(len(order)),
        _t=frame["team"].notna(),
        _n=frame["team"].fillna(""),
    )
    key = key.sort_values(["_o", "_t", "_n", "kpi"], kind="stable")
    return key.drop(columns=["_o", "_t", "_n"]).reset_index(drop=True)


def _validate_targets(frame: pd.DataFrame) -> pd.DataFrame:
    """Check every row of an edited targets frame; return it normalised.

    The first bad row raises :class:`TargetsError` (keys ``performance.error.*``,
    parameters ``row``, numbered from 1, and the offending value ``got``). A row
    with every column blank (the editor's empty new row) is skipped. Extra columns
    are ignored.
    """
    missing = [c for c in ("kpi", "target") if c not in frame.columns]
    if missing:
        raise TargetsError(Message("performance.error.columns", {"columns": ", ".join(missing)}))
    rows: list[dict[str, object]] = []
    seen: dict[tuple[str, str | None], int] = {}  # (kpi, team) -> first row number
    for i, rec in enumerate(frame.to_dict("records"), start=1):
        values = [rec.get(c) for c in _TARGET_COLS]
        if all(_blank(v) for v in values):
            continue

        def fail(problem: str, row: int = i, **params) -> TargetsError:
            return TargetsError(Message(f"performance.error.{problem}", {"row": row, **params}))

        kpi = _kpi_key(rec.get("kpi"))
        if kpi not in DIRECTION:
            kpis = ", ".join(SCORECARD_KEYS)
            if _blank(rec.get("kpi")):
                raise fail("kpi_blank", kpis=kpis)
            raise fail("kpi", kpis=kpis, got=_got(rec.get("kpi")))
        target = rec.get("target")
        if isinstance(target, str):
            try:
                target = float(target.strip())
            except ValueError:
                target = None
        if (
            _missing(target)
            or isinstance(target, bool)
            or not isinstance(target, Real)
            or not math.isfinite(target)
        ):
            if _blank(rec.get("target")):
                raise fail("target_blank")
            raise fail("target", got=_got(rec.get("target")))
        target = float(target)
        if kpi in RATE_KEYS and not 0 <= target <= 1:
            raise fail("rate", kpi=kpi, got=target)
        direction = rec.get("direction")
        if _blank(direction):
            direction = _default_direction(kpi)
            if direction is None:
                raise fail("no_direction", kpi=kpi)
        else:
            word = _DIRECTION_WORDS.get(str(direction).strip().lower())
            if word is None:
                raise fail("direction", got=_got(direction))
            direction = word
        margin = rec.get("amber_margin", None)
        if _blank(margin):
            margin = 0.0
        elif isinstance(margin, str):
            try:
                margin = float(margin.strip())
            except ValueError:
                margin = math.nan
        if (
            isinstance(margin, bool)
            or not isinstance(margin, Real)
            or not math.isfinite(margin)
            or margin < 0
        ):
            raise fail("margin", got=_got(rec.get("amber_margin")))
        team = _team(rec.get("team"))
        key = (kpi, team)
        if key in seen:
            if team:
                raise fail("duplicate_team", kpi=kpi, team=team, first=seen[key])
            raise fail("duplicate", kpi=kpi, first=seen[key])
        seen[key] = i
        rows.append(
            {
                "kpi": kpi,
                "target": target,
                "direction": direction,
                "amber_margin": float(margin),
                "team": team,
            }
        )
    return _sort_targets(pd.DataFrame(rows, columns=_TARGET_COLS))


def save_targets(ws: Workspace, frame: pd.DataFrame) -> pd.DataFrame:
    """Replace the workspace's targets with ``frame`` (columns as in :func:`load_targets`).

    Every row is validated first; the first bad row raises :class:`TargetsError` (a
    ``ValueError``) naming the row (numbered from 1) and the field, and nothing is
    written; so does a read-only workspace. Then the old rows
    are deleted and the new ones written in one transaction. Saved rows belong to
    no upload (``_upload_id`` NULL): the editor's table is now the truth, so
    removing an old targets upload neither deletes nor brings back targets (its
    parked superseded rows are cleared too). Returns the normalised frame saved.
    """
    clean = _validate_targets(frame)
    if ws.read_only:
        raise TargetsError(Message("performance.error.read_only", {}))
    with ws.transaction() as cur:
        cur.execute("DELETE FROM targets")
        cur.execute("DELETE FROM _superseded_targets")
        if len(clean):
            cur.executemany(
                "INSERT INTO targets (kpi, target, direction, amber_margin, team) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    tuple(None if _missing(v) else v for v in row)
                    for row in clean[_TARGET_COLS].itertuples(index=False)
                ],
            )
    return clean


# --------------------------------------------------------------------------- scorecard


def _applicable(targets: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """One target per KPI: the filtered team's own when exactly one team is
    filtered and it has one, else the team-wide target."""
    team = filters.teams[0] if len(filters.teams) == 1 else None
    chosen = []
    for _kpi, rows in targets.groupby("kpi", sort=False):
        own = rows[rows["team"] == team] if team is not None else rows.iloc[0:0]
        wide = rows[rows["team"].isna()]
        pick = own if len(own) else wide
        if len(pick):
            chosen.append(pick.iloc[[0]])
    if not chosen:
        return targets.iloc[0:0]
    return pd.concat(chosen, ignore_index=True)


def target_scorecard(
    ws: Workspace, filters: Filters, targets: pd.DataFrame | None = None
) -> pd.DataFrame:
    """KPI actuals against the targets that apply to the filters (actuals vs targets;
    :func:`svcops.kpi.period_scorecard` holds this period against the previous one).

    ``targets``: a frame like :func:`load_targets` (e.g. the editor's unsaved table,
    validated as :func:`save_targets` does); None reads the workspace's.
    A team's own target applies when exactly that team is filtered; otherwise
    (no team, several teams, or no own target for that KPI) the team-wide target
    applies; other teams' targets never do.

    Returns one row per applicable target, in scorecard order: ``kpi``, ``team`` (of
    the target used; None = team-wide), ``actual`` (:func:`svcops.kpi.compute` for the
    same filters; None when there is no data), ``target``, ``direction``,
    ``amber_margin``, ``status`` (:func:`status`) and ``gap`` = actual - target
    (KPI units; positive is good when higher is better, bad when lower is better).
    """
    if targets is None:
        targets = load_targets(ws)
    else:
        targets = _validate_targets(targets)
    chosen = _sort_targets(_applicable(targets[_TARGET_COLS], filters))
    actual = compute(ws, filters)
    rows = []
    for rec in chosen.to_dict("records"):
        value = actual.get(rec["kpi"])
        target = None if _missing(rec["target"]) else rec["target"]
        rows.append(
            {
                "kpi": rec["kpi"],
                "team": rec["team"],
                "actual": value,
                "target": target,
                "direction": rec["direction"],
                "amber_margin": rec["amber_margin"],
                "status": status(value, target, rec["direction"], rec["amber_margin"]),
                "gap": None if value is None or target is None else value - target,
            }
        )
    out = pd.DataFrame(
        rows,
        columns=["kpi", "team", "actual", "target", "direction", "amber_margin", "status", "gap"],
    )
    return out.astype(
        {"actual": "float64", "target": "float64", "amber_margin": "float64", "gap": "float64"}
    )


# --------------------------------------------------------------------------- rankings


def rankings(
    ws: Workspace,
    filters: Filters,
    by: str = "team",
    kpi: str = "sla_attainment",
    min_volume: int = 30,
) -> pd.DataFrame:
    """A league table of one KPI per team or agent, from one grouped query.

    ``by``: ``'team'`` or ``'agent'`` (a blank value groups as ``(none)``). ``kpi``: one
    of :data:`RANKABLE_KPIS`, defined exactly as in :func:`svcops.kpi.compute` (so a
    team's value equals ``compute`` filtered to that team). ``min_volume``: tickets
    done in the period a group needs to be ranked, so three lucky tickets do not
    top the league.

    Returns ``<by>``, ``kpi``, ``value`` (KPI units), ``volume`` (tickets done in the
    period), ``eligible`` (volume >= min_volume and a value exists) and ``rank``
    (Int64; NA when not eligible): competition ranking ("1224": tied values share
    the best rank, the next rank skips), best first by the KPI's direction; tickets
    (no direction) ranks the most first. Values are compared rounded to 12 decimals,
    so equal ratios tie. Rows: ranked groups by rank then name, then the others.
    """
    if by not in ("team", "agent"):
        raise ValueError("by must be 'team' or 'agent'")
    if kpi not in RANKABLE_KPIS:
        raise ValueError(f"kpi must be one of {', '.join(RANKABLE_KPIS)}")
    if isinstance(min_volume, bool) or not isinstance(min_volume, Real) or min_volume < 0:
        raise ValueError("min_volume must be a non-negative number")
    cte, params = tickets_cte(ws, filters)
    # The same expressions as kpi.compute, grouped.
    sql = (
        cte
        + f"""
    SELECT coalesce(CAST("{by}" AS VARCHAR), '(none)') AS grp,
      {aliased(KPI_SQL, RANKABLE_KPIS)}
    FROM t WHERE ({CREATED_IN}) OR ({DONE_IN})
    GROUP BY 1"""
    )
    raw = query(ws, sql, params)
    value = raw[kpi].astype("float64")
    out = pd.DataFrame(
        {
            by: raw["grp"].astype(object),
            "kpi": kpi,
            "value": value,
            "volume": raw["resolved"].astype("int64"),
        }
    )
    out["eligible"] = (out["volume"] >= min_volume) & out["value"].notna()
    sign = DIRECTION[kpi] or 1
    score = (sign * out["value"]).round(12)
    out["rank"] = score.where(out["eligible"]).rank(method="min", ascending=False).astype("Int64")
    out = out.assign(_e=~out["eligible"], _s=-score.fillna(-np.inf))
    out = out.sort_values(["_e", "_s", by], kind="stable", na_position="last")
    return out.drop(columns=["_e", "_s"]).reset_index(drop=True)


# --------------------------------------------------------------------------- periods


def compare_periods(ws: Workspace, filters: Filters) -> pd.DataFrame:
    """Every KPI now, in the previous period and a year ago.

    The previous period is the same number of days just before (``Filters.previous``);
    a year ago is the same days 52 weeks (364 days) back (``Filters.year_ago``), so
    weekdays line up. Open period ends are resolved against the data first.

    Returns one row per KPI in scorecard order: ``kpi``, ``direction`` (+1/-1/0),
    ``current``, ``previous``, ``year_ago`` (KPI units; NaN without data),
    ``delta_previous`` / ``delta_year_ago`` (current minus the other, KPI units: for
    rates these are fractions, x100 for points) and ``change_previous`` /
    ``change_year_ago`` (relative change as a fraction of the other; NaN when it is 0).
    """
    f = resolve_period(ws, filters)
    cur, prev, ago = compute(ws, f), compute(ws, f.previous()), compute(ws, f.year_ago())
    out = pd.DataFrame(
        {
            "kpi": list(SCORECARD_KEYS),
            "direction": [DIRECTION[k] for k in SCORECARD_KEYS],
            "current": [cur[k] for k in SCORECARD_KEYS],
            "previous": [prev[k] for k in SCORECARD_KEYS],
            "year_ago": [ago[k] for k in SCORECARD_KEYS],
        }
    )
    for col in ("current", "previous", "year_ago"):
        out[col] = out[col].astype("float64")
    for other in ("previous", "year_ago"):
        delta = out["current"] - out[other]
        out[f"delta_{other}"] = delta
        out[f"change_{other}"] = delta / out[other].abs().where(out[other] != 0)
    return out


# --------------------------------------------------------------------------- composite


@dataclass(frozen=True, eq=False)
class CompositeResult:
    """A weighted performance index over several KPIs.

    ``index``: 0-120 (100 = every weighted KPI exactly on target), None when no KPI
    could be scored. ``table``: one row per KPI with a target or a weight: ``kpi``,
    ``actual``, ``target``, ``direction``, ``attainment`` (0-``cap``, NaN when not
    scored), ``weight`` (as given), ``weight_used`` (normalised to sum 1 over the
    scored KPIs; 0 otherwise), ``contribution`` (index points: weight_used x
    attainment x 100) and ``note`` (why a KPI was not scored: ``no_weight``,
    ``no_target``, ``no_actual`` or ``no_direction``, worded by the i18n keys
    ``performance.note.<note>``; else None).
    ``cap``: the attainment cap (1.2).
    """

    index: float | None
    table: pd.DataFrame
    cap: float = ATTAINMENT_CAP


def _attainment(actual: float, target: float, sign: int) -> float:
    num, den = (actual, target) if sign > 0 else (target, actual)
    if den == 0:
        # Target 0 met exactly (a zero reopen rate against a zero target) is 100%;
        # anything above a zero denominator is as good as it gets.
        ratio = 1.0 if num == 0 else ATTAINMENT_CAP
    else:
        ratio = num / den
    return float(min(max(ratio, 0.0), ATTAINMENT_CAP))


def composite_index(
    scorecard_frame: pd.DataFrame, weights: Mapping[str, float] | None = None
) -> CompositeResult:
    """Composite index from a :func:`target_scorecard` frame (``kpi, actual, target, direction``).

    Each KPI's attainment is actual/target when higher is better and target/actual
    when lower is better, clipped to 0..1.2 (see :data:`ATTAINMENT_CAP`); a zero
    denominator gives 1.0 when the numerator is 0 too, else 1.2. The index is the
    weighted mean of attainments x 100, the weights (default :data:`DEFAULT_WEIGHTS`)
    normalised to sum 1 over the KPIs that have a weight above 0, an actual, a
    target and a direction. Weights must be non-negative numbers (``ValueError``).
    """
    weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
    for k, w in weights.items():
        if isinstance(w, bool) or not isinstance(w, Real) or not math.isfinite(w) or w < 0:
            raise ValueError(f"weight for {k} must be a non-negative number (got {w!r})")
    rows = []
    seen = set()
    for rec in scorecard_frame.to_dict("records"):
        kpi = rec["kpi"]
        if kpi in seen:
            continue
        seen.add(kpi)
        rows.append(
            {
                "kpi": kpi,
                "actual": rec.get("actual"),
                "target": rec.get("target"),
                "direction": rec.get("direction"),
                "weight": float(weights.get(kpi, 0.0)),
            }
        )
    for kpi, w in weights.items():
        if kpi not in seen:
            rows.append(
                {"kpi": kpi, "actual": None, "target": None, "direction": None, "weight": float(w)}
            )
    for row in rows:
        sign = _sign(row["direction"]) if not _missing(row["direction"]) else None
        if row["weight"] <= 0:
            note = "no_weight"
        elif _missing(row["target"]):
            note = "no_target"
        elif _missing(row["actual"]):
            note = "no_actual"
        elif sign is None:
            note = "no_direction"
        else:
            note = None
        row["note"] = note
        row["attainment"] = (
            np.nan
            if note or sign is None
            else _attainment(float(row["actual"]), float(row["target"]), sign)
        )
    scored = sum(r["weight"] for r in rows if r["note"] is None)
    for row in rows:
        row["weight_used"] = row["weight"] / scored if row["note"] is None else 0.0
        row["contribution"] = (
            100 * row["weight_used"] * row["attainment"] if row["note"] is None else 0.0
        )
    table = pd.DataFrame(
        rows,
        columns=[
            "kpi",
            "actual",
            "target",
            "direction",
            "attainment",
            "weight",
            "weight_used",
            "contribution",
            "note",
        ],
    )
    table = table.astype(
        {
            "actual": "float64",
            "target": "float64",
            "attainment": "float64",
            "weight": "float64",
            "weight_used": "float64",
            "contribution": "float64",
        }
    )
    index = float(table["contribution"].sum()) if scored > 0 else None
    return CompositeResult(index=index, table=table)
