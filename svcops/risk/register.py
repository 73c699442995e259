"""The risk register: scores, bands, the 5x5 heat map, overdue mitigations, stale
reviews, a person's score changes and what changed since the last review.

Reads ``risks`` (the uploaded register) and ``risk_history`` (scores set since, one
row per risk and day; the newest is the risk's current score). Every date is judged
against ``as_of``, the day the page looks from (the period's last day).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

from ..i18n.errors import InputError
from ..store import Workspace
from .scale import LEVELS

__all__ = [
    "BANDS",
    "BASES",
    "CLOSED_STATUSES",
    "DEFAULT_APPETITE",
    "DEFAULT_REVIEW_DAYS",
    "Bands",
    "RiskError",
    "changes_since",
    "heat_cells",
    "load_history",
    "movements",
    "parse_indicators",
    "record_score",
    "register",
    "top_risks",
]

BANDS = ("critical", "high", "medium", "low")
# The three ratings a heat map can show.
BASES = ("inherent", "residual", "target")
DEFAULT_REVIEW_DAYS = 90
# A register's review cycle longer than this (ten years) is no cycle but a typo (days
# typed as a date serial, say); it reads as missing. Without the cap a cycle of millions
# of days put the next review past the year 9999 and the page failed.
MAX_REVIEW_DAYS = 3650
# A residual score at or above this is outside the risk appetite (the page's default).
DEFAULT_APPETITE = 12
# Statuses that take a risk off the open register (folded: lower case, no spaces).
CLOSED_STATUSES = frozenset({"closed", "retired", "done", "已关闭", "关闭", "已结束", "已解除"})


class RiskError(InputError):
    """A band setting or a score change the page refuses (keys ``risk.error.*``)."""


@dataclass(frozen=True)
class Bands:
    """Score bands: a score (likelihood x impact, 1-25) at or above ``critical`` is
    critical, else at or above ``high`` high, else at or above ``medium`` medium, else
    low. Defaults 20 / 12 / 6."""

    critical: int = 20
    high: int = 12
    medium: int = 6

    def __post_init__(self) -> None:
        for name in ("critical", "high", "medium"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | np.integer):
                raise RiskError("risk.error.band_whole", band=name, got=value)
            if not 2 <= value <= 25:
                raise RiskError("risk.error.band_range", band=name, got=int(value))
        if not self.critical > self.high > self.medium:
            raise RiskError(
                "risk.error.band_order", critical=self.critical, high=self.high, medium=self.medium
            )

    def band(self, score: float | None) -> str | None:
        """The band of one score; None for a missing score."""
        if score is None or (isinstance(score, float) and math.isnan(score)):
            return None
        if score >= self.critical:
            return "critical"
        if score >= self.high:
            return "high"
        if score >= self.medium:
            return "medium"
        return "low"


def _fold(text: object) -> str:
    return re.sub(r"\s+", "", str(text).strip().lower())


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or value != value


def is_closed(status: object) -> bool:
    return not _missing(status) and _fold(status) in CLOSED_STATUSES


_SPLIT = re.compile(r"[,;，；、\n]+")


def _bare(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text.strip().lower())


@functools.cache
def _indicator_names() -> dict[str, str]:
    """Every indicator by its key and by the names the page shows it under (English and
    Chinese), bare (:func:`_bare`), for a register that links them by name."""
    from ..i18n import STRINGS
    from .indicators import INDICATORS  # imports this module

    names = {}
    for key in INDICATORS:
        for said in STRINGS.get(f"risk.kri.{key}", {}).values():
            names[_bare(said)] = key
        names[_bare(key)] = key
    return names


def parse_indicators(text: object) -> tuple[str, ...]:
    """The indicator keys a register cell names: ``"backlog_growth; reopen_rate"`` ->
    ``("backlog_growth", "reopen_rate")`` (lower case, spaces and hyphens as underscores).
    An indicator may be named as the page names it, in English or Chinese
    (``"Single-agent dependency"``, ``"重开率"``); another name is kept as written, folded."""
    if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA:
        return ()
    names = _indicator_names()
    keys = []
    for part in _SPLIT.split(str(text)):
        key = names.get(_bare(part)) or "_".join(part.strip().lower().replace("-", " ").split())
        if key and key not in keys:
            keys.append(key)
    return tuple(keys)


# --------------------------------------------------------------------------- history


_HISTORY_COLS = [
    "risk_id",
    "changed_on",
    "likelihood",
    "impact",
    "residual_likelihood",
    "residual_impact",
    "status",
    "changed_by",
    "note",
]


def select(ws: Workspace, table: str, columns: list[str], tail: str = "") -> pd.DataFrame:
    """``SELECT columns FROM table tail``, a column the workspace lacks read as NULL and
    a table it lacks as no rows: a read-only workspace written before they existed
    (the sample's cached copy) cannot gain them."""
    have = set(
        ws.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
        )["column_name"]
    )
    if not have:
        return pd.DataFrame(columns=columns)
    picked = ", ".join(f'"{c}"' if c in have else f'NULL AS "{c}"' for c in columns)
    return ws.query(f'SELECT {picked} FROM "{table}" {tail}')


def load_history(ws: Workspace) -> pd.DataFrame:
    """Every score change: ``risk_id, changed_on (date), likelihood, impact,
    residual_likelihood, residual_impact, status, changed_by, note``, oldest first."""
    frame = select(ws, "risk_history", _HISTORY_COLS, "ORDER BY risk_id, changed_on")
    frame["changed_on"] = pd.to_datetime(frame["changed_on"]).dt.date
    return frame


def _level(value: object, field: str, required: bool) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        if required:
            raise RiskError("risk.error.level", field=field, got="")
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise RiskError("risk.error.level", field=field, got=str(value))
    if value != round(float(value)) or int(value) not in LEVELS:
        raise RiskError("risk.error.level", field=field, got=str(value))
    return int(value)


def record_score(
    ws: Workspace,
    risk_id: str,
    changed_on: date,
    likelihood: int,
    impact: int,
    residual_likelihood: int | None = None,
    residual_impact: int | None = None,
    status: str | None = None,
    changed_by: str | None = None,
    note: str | None = None,
) -> None:
    """Keep a person's decision on a risk's score, dated: a later row for the same risk
    is its current score; a second change on the same day replaces the first.

    Levels are whole numbers 1-5 (:class:`RiskError` ``risk.error.level`` otherwise);
    the risk must be in the register (``risk.error.unknown_risk``); a read-only
    workspace (the sample) refuses (``risk.error.read_only``). The row belongs to no
    upload: removing the register's upload keeps the decisions.
    """
    values = {
        "likelihood": _level(likelihood, "likelihood", True),
        "impact": _level(impact, "impact", True),
        "residual_likelihood": _level(residual_likelihood, "residual_likelihood", False),
        "residual_impact": _level(residual_impact, "residual_impact", False),
    }
    if ws.read_only:
        raise RiskError("risk.error.read_only")
    if not ws.scalar("SELECT count(*) FROM risks WHERE risk_id = ?", [risk_id]):
        raise RiskError("risk.error.unknown_risk", risk=risk_id)

    def text(v: object) -> str | None:
        return None if v is None or not str(v).strip() else str(v).strip()

    with ws.transaction() as cur:
        cur.execute(
            "DELETE FROM risk_history WHERE risk_id = ? AND changed_on = ?", [risk_id, changed_on]
        )
        cur.execute(
            f"INSERT INTO risk_history ({', '.join(_HISTORY_COLS)}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                risk_id,
                changed_on,
                *values.values(),
                text(status),
                text(changed_by),
                text(note),
            ],
        )


# --------------------------------------------------------------------------- register

REGISTER_COLUMNS = [
    "risk_id",
    "title",
    "category",
    "owner",
    "status",
    "closed",
    "likelihood",
    "impact",
    "score",
    "band",
    "residual_likelihood",
    "residual_impact",
    "residual_score",
    "residual_band",
    "residual_given",
    "target_likelihood",
    "target_impact",
    "target_score",
    "mitigation",
    "due_date",
    "overdue",
    "days_overdue",
    "last_review",
    "review_cycle_days",
    "next_review",
    "stale",
    "raised_on",
    "indicators",
    "changed_on",
]


def _date(value: object) -> date | None:
    if _missing(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(str(value)).date()


def _plus_days(day: date, days: int) -> date:
    """``day`` + ``days``; the last representable day when that is past the year 9999."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max


def register(
    ws: Workspace,
    as_of: date,
    bands: Bands = Bands(),
    review_days: int = DEFAULT_REVIEW_DAYS,
    history: pd.DataFrame | None = None,
    history_until: date | None = None,
) -> pd.DataFrame:
    """The register as it stands on ``as_of``, one row per risk (columns
    :data:`REGISTER_COLUMNS`), open risks first, highest residual score first.

    * ``likelihood, impact`` (inherent, 1-5) and ``residual_*``: the register's, or the
      newest score change (``history``, as :func:`load_history`; None reads the
      workspace's) up to ``history_until`` (None: all of them), ``changed_on`` its
      date; its status too when it gives one. A missing residual rating counts as the inherent
      one (no reduction claimed), ``residual_given`` False.
    * ``score`` = likelihood x impact (1-25), ``band`` by ``bands``; the same for the
      residual and (where both target ratings are given) the target.
    * ``closed``: status Closed (or 已关闭 ...). ``overdue``: an open risk whose
      mitigation ``due_date`` is before ``as_of``; ``days_overdue`` = as_of - due_date.
    * ``next_review`` = last_review + review_cycle_days (a blank cycle, or one not in
      1-:data:`MAX_REVIEW_DAYS`: ``review_days``);
      ``stale``: an open risk whose next review is before ``as_of``, or that was
      never reviewed.
    * ``indicators``: the linked indicator keys (:func:`parse_indicators`).
    """
    raw = select(
        ws,
        "risks",
        [
            "risk_id",
            "title",
            "category",
            "owner",
            "status",
            "likelihood",
            "impact",
            "residual_likelihood",
            "residual_impact",
            "target_likelihood",
            "target_impact",
            "mitigation",
            "due_date",
            "last_review",
            "review_cycle_days",
            "raised_on",
            "indicators",
        ],
    )
    history = load_history(ws) if history is None else history
    if history_until is not None:
        history = history[history["changed_on"] <= history_until]
    latest = history.groupby("risk_id").tail(1).set_index("risk_id")
    rows = []
    for rec in raw.to_dict("records"):
        rid = rec["risk_id"]
        changed_on = None
        if rid in latest.index:
            h = latest.loc[rid]
            changed_on = h["changed_on"]
            rec["likelihood"], rec["impact"] = int(h["likelihood"]), int(h["impact"])
            for col in ("residual_likelihood", "residual_impact", "status"):
                if not pd.isna(h[col]):
                    rec[col] = h[col]
        lik, imp = int(rec["likelihood"]), int(rec["impact"])
        given = not (pd.isna(rec["residual_likelihood"]) or pd.isna(rec["residual_impact"]))
        r_lik = int(rec["residual_likelihood"]) if given else lik
        r_imp = int(rec["residual_impact"]) if given else imp
        has_target = not (pd.isna(rec["target_likelihood"]) or pd.isna(rec["target_impact"]))
        closed = is_closed(rec["status"])
        due = _date(rec["due_date"])
        overdue = (not closed) and due is not None and due < as_of
        last = _date(rec["last_review"])
        cycle = (
            int(rec["review_cycle_days"])
            if not pd.isna(rec["review_cycle_days"])
            and 0 < rec["review_cycle_days"] <= MAX_REVIEW_DAYS
            else review_days
        )
        next_review = None if last is None else _plus_days(last, cycle)
        stale = (not closed) and (next_review is None or next_review < as_of)
        rows.append(
            {
                "risk_id": rid,
                "title": rec["title"],
                "category": rec["category"],
                "owner": rec["owner"],
                "status": rec["status"],
                "closed": closed,
                "likelihood": lik,
                "impact": imp,
                "score": lik * imp,
                "band": bands.band(lik * imp),
                "residual_likelihood": r_lik,
                "residual_impact": r_imp,
                "residual_score": r_lik * r_imp,
                "residual_band": bands.band(r_lik * r_imp),
                "residual_given": given,
                "target_likelihood": int(rec["target_likelihood"]) if has_target else None,
                "target_impact": int(rec["target_impact"]) if has_target else None,
                "target_score": int(rec["target_likelihood"] * rec["target_impact"])
                if has_target
                else None,
                "mitigation": rec["mitigation"],
                "due_date": due,
                "overdue": overdue,
                "days_overdue": (as_of - due).days if overdue and due else None,
                "last_review": last,
                "review_cycle_days": cycle,
                "next_review": next_review,
                "stale": stale,
                "raised_on": _date(rec["raised_on"]),
                "indicators": parse_indicators(rec["indicators"]),
                "changed_on": changed_on,
            }
        )
    frame = pd.DataFrame(rows, columns=REGISTER_COLUMNS)
    for col in ("target_likelihood", "target_impact", "target_score", "days_overdue"):
        frame[col] = frame[col].astype("Int64")
    # Typed even when empty (a workspace without a register), so masks stay masks.
    frame = frame.astype(
        {c: "bool" for c in ("closed", "residual_given", "overdue", "stale")}
        | {
            c: "int64"
            for c in (
                "likelihood",
                "impact",
                "score",
                "residual_likelihood",
                "residual_impact",
                "residual_score",
                "review_cycle_days",
            )
        }
    )
    return frame.sort_values(
        ["closed", "residual_score", "score", "risk_id"],
        ascending=[True, False, False, True],
        kind="stable",
    ).reset_index(drop=True)


def top_risks(reg: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` open risks with the highest residual score (then inherent score, then id)."""
    open_ = reg[~reg["closed"]]
    return open_.sort_values(
        ["residual_score", "score", "risk_id"], ascending=[False, False, True], kind="stable"
    ).head(n)


# --------------------------------------------------------------------------- heat map


def _rating(reg: pd.DataFrame, basis: str) -> tuple[str, str]:
    if basis not in BASES:
        raise RiskError("risk.error.basis", got=basis)
    return {
        "inherent": ("likelihood", "impact"),
        "residual": ("residual_likelihood", "residual_impact"),
        "target": ("target_likelihood", "target_impact"),
    }[basis]


def heat_cells(
    reg: pd.DataFrame, basis: str = "residual", bands: Bands = Bands(), open_only: bool = True
) -> pd.DataFrame:
    """The 25 cells of the 5x5 matrix for one rating (``inherent``, ``residual`` or
    ``target``): ``likelihood, impact, score, band, count, ids`` (the risk ids in the
    cell, comma-separated, in register order). Closed risks are left out unless
    ``open_only`` is False; risks without a target rating are left out of ``target``."""
    lik, imp = _rating(reg, basis)
    rows = reg[~reg["closed"]] if open_only else reg
    rows = rows[rows[lik].notna() & rows[imp].notna()]
    cells = []
    for li in LEVELS:
        for im in LEVELS:
            ids = rows.loc[(rows[lik] == li) & (rows[imp] == im), "risk_id"].tolist()
            cells.append(
                {
                    "likelihood": li,
                    "impact": im,
                    "score": li * im,
                    "band": bands.band(li * im),
                    "count": len(ids),
                    "ids": ", ".join(ids),
                }
            )
    return pd.DataFrame(cells)


def movements(reg: pd.DataFrame, to: str = "residual", open_only: bool = True) -> pd.DataFrame:
    """Arrows from each risk's inherent cell to its residual (or target) cell, grouped:
    ``from_likelihood, from_impact, to_likelihood, to_impact, count, ids``. Risks that
    stay in their cell have no arrow; biggest groups first."""
    t_lik, t_imp = _rating(reg, to)
    rows = reg[~reg["closed"]] if open_only else reg
    rows = rows[rows[t_lik].notna() & rows[t_imp].notna()]
    rows = rows[(rows["likelihood"] != rows[t_lik]) | (rows["impact"] != rows[t_imp])]
    cols = ["from_likelihood", "from_impact", "to_likelihood", "to_impact", "count", "ids"]
    if rows.empty:
        return pd.DataFrame(columns=cols).astype({c: "int64" for c in cols[:5]})
    moved = pd.DataFrame(
        {
            "from_likelihood": rows["likelihood"].astype("int64"),
            "from_impact": rows["impact"].astype("int64"),
            "to_likelihood": rows[t_lik].astype("int64"),
            "to_impact": rows[t_imp].astype("int64"),
            "risk_id": rows["risk_id"],
        }
    )
    out = (
        moved.groupby(cols[:4], sort=False)
        .agg(count=("risk_id", "size"), ids=("risk_id", ", ".join))
        .reset_index()
    )
    return out.sort_values(
        ["count", *cols[:4]], ascending=[False, True, True, True, True]
    ).reset_index(drop=True)


# --------------------------------------------------------------------------- changes

CHANGES = ("new", "closed", "up", "down", "overdue")


def changes_since(
    ws: Workspace,
    since: date,
    as_of: date,
    bands: Bands = Bands(),
    history: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """What changed between the last review (``since``) and ``as_of``, one row per risk
    and change: ``risk_id, title, change, before, after, on``.

    * ``new``: raised after ``since`` (``raised_on``); ``before`` blank, ``after`` its
      residual score.
    * ``closed``: closed now, and either a score change after ``since`` closed it or
      (without one) its last review is after ``since``.
    * ``up`` / ``down``: its residual score now against the one it had on ``since``
      (the newest change on or before it, else the register's), when a change after
      ``since`` (kept in ``risk_history``) moved it.
    * ``overdue``: an open risk whose mitigation fell due after ``since`` and before
      ``as_of``.

    Order: the change kinds as listed, then the biggest move, then id.
    """
    history = load_history(ws) if history is None else history
    now = register(ws, as_of, bands, history=history)
    then = register(ws, since, bands, history=history, history_until=since)
    after = history[history["changed_on"] > since]
    changed = set(after["risk_id"])
    before_score = dict(zip(then["risk_id"], then["residual_score"], strict=True))
    before_closed = dict(zip(then["risk_id"], then["closed"], strict=True))
    rows = []
    for rec in now.to_dict("records"):
        rid, score = rec["risk_id"], int(rec["residual_score"])
        base = {"risk_id": rid, "title": rec["title"]}
        raised = rec["raised_on"]
        if raised is not None and since < raised <= as_of:
            rows.append({**base, "change": "new", "before": None, "after": score, "on": raised})
        if rec["closed"]:
            if rid in changed:
                if not before_closed.get(rid, False):
                    rows.append(
                        {
                            **base,
                            "change": "closed",
                            "before": before_score.get(rid),
                            "after": score,
                            "on": rec["changed_on"],
                        }
                    )
            elif rec["last_review"] is not None and since < rec["last_review"] <= as_of:
                rows.append(
                    {
                        **base,
                        "change": "closed",
                        "before": None,
                        "after": score,
                        "on": rec["last_review"],
                    }
                )
        elif rid in changed and before_score.get(rid) is not None:
            old = int(before_score[rid])
            if score != old:
                rows.append(
                    {
                        **base,
                        "change": "up" if score > old else "down",
                        "before": old,
                        "after": score,
                        "on": rec["changed_on"],
                    }
                )
        due = rec["due_date"]
        if not rec["closed"] and due is not None and since < due < as_of:
            rows.append({**base, "change": "overdue", "before": None, "after": score, "on": due})
    frame = pd.DataFrame(rows, columns=["risk_id", "title", "change", "before", "after", "on"])
    if frame.empty:
        return frame.astype({"before": "Int64", "after": "Int64"})
    frame["before"] = frame["before"].astype("Int64")
    frame["after"] = frame["after"].astype("Int64")
    move = (frame["after"] - frame["before"]).abs().fillna(0)
    frame = frame.assign(_k=frame["change"].map(CHANGES.index), _m=-move)
    return (
        frame.sort_values(["_k", "_m", "risk_id"], kind="stable")
        .drop(columns=["_k", "_m"])
        .reset_index(drop=True)
    )


def out_of_appetite(reg: pd.DataFrame, appetite: int = DEFAULT_APPETITE) -> pd.Series:
    """Open risks whose residual score is at or above ``appetite`` (True/False per row)."""
    return (~reg["closed"]) & (reg["residual_score"] >= appetite)


def rating_text(likelihood: Any, impact: Any) -> str:
    """A rating as the register shows it, ``"4 × 3"``; empty when either is missing."""
    if pd.isna(likelihood) or pd.isna(impact):
        return ""
    return f"{likelihood} × {impact}"


def text_or_none(value: Any) -> str | None:
    """A cell as text, None when missing (a score before a risk existed, say)."""
    return None if pd.isna(value) else str(value)
