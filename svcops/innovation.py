"""Innovation management: is the improvement portfolio paying off?

Reads the ``initiatives`` register (one row per initiative, SPEC "Data contract") and,
for the benefits it measures, the ``tickets``. Definitions of every figure are in
docs/innovation.md.

* Business case (:func:`business_case`, :func:`business_cases`, :func:`portfolio_case`):
  ROI, NPV, IRR, simple and discounted payback from investment, running cost and
  expected annual benefit over a horizon of whole years, with sensitivities.
* Funnel (:func:`funnel`): initiatives by stage, conversion, kill rate, days in stage.
* Budget (:func:`budget_fit`): the initiatives that fit a budget, by NPV per unit of
  investment.
* Benefit realisation (:func:`measure`, :func:`measure_all`): the linked KPI before and
  after go-live on its segment of tickets, a Mann-Whitney test and the control chart's
  shift rule (:mod:`svcops.quality.spc`), the realised benefit in money.
* Adoption (:func:`adoption`): the share of the segment's tickets through the
  initiative's channel, per month, against its target.

Sign convention of every cash flow: from the organisation's side, money out negative
(investment, running cost), money in or saved positive (benefit). Year 0 is the start
of the business case (the investment, not discounted); years 1..H are end-of-year flows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from .filters import Filters
from .i18n import STRINGS, Message
from .quality.spc import individuals_chart
from .schema import TABLES, alias_index, normalise_header
from .store import Workspace
from .tickets import HAS_TARGET, kpi_sql, query, tickets_cte

__all__ = [
    "ADOPTION_MONTHS_BEFORE",
    "ALPHA",
    "SENSITIVITY_DELAYS",
    "SENSITIVITY_RATES",
    "VERDICTS",
    "KPIS",
    "MAX_YEARS",
    "MIN_DAYS",
    "PATH",
    "PENDING",
    "RATE_KPIS",
    "SEGMENT_COLUMNS",
    "STAGES",
    "Adoption",
    "BusinessCase",
    "Effect",
    "Funnel",
    "adoption",
    "budget_fit",
    "business_case",
    "business_cases",
    "cash_flows",
    "delay_sensitivity",
    "funnel",
    "initiatives",
    "irr",
    "kpi_days",
    "mann_whitney",
    "measure",
    "measure_all",
    "npv",
    "payback",
    "portfolio_case",
    "rate_sensitivity",
    "stage_of",
]

# --------------------------------------------------------------------------- register

#: The stage-gate path in order, then the way out.
PATH: tuple[str, ...] = ("idea", "assessment", "pilot", "rollout", "scaled")
STAGES: tuple[str, ...] = (*PATH, "stopped")
# How registers name the stages (folded: lower case, no spaces); anything else is
# "other" and counted apart.
_STAGE_WORDS: dict[str, str] = {
    **{s: s for s in STAGES},
    **dict.fromkeys(
        ("backlog", "proposed", "new", "idea", "ideation", "构想", "想法", "创意"), "idea"
    ),
    **dict.fromkeys(
        ("evaluation", "businesscase", "discovery", "assess", "评估", "论证", "可行性研究"),
        "assessment",
    ),
    **dict.fromkeys(("poc", "proofofconcept", "trial", "piloting", "试点", "试行"), "pilot"),
    **dict.fromkeys(
        ("implementation", "deploy", "deployment", "rollingout", "推广", "实施", "上线"),
        "rollout",
    ),
    **dict.fromkeys(
        ("done", "live", "complete", "completed", "bau", "scale", "规模化", "全面推广", "已完成"),
        "scaled",
    ),
    **dict.fromkeys(
        (
            "cancelled",
            "canceled",
            "killed",
            "rejected",
            "stop",
            "onhold",
            "终止",
            "已停止",
            "停止",
            "取消",
            "否决",
        ),
        "stopped",
    ),
}


def stage_of(value: object) -> str:
    """A register's stage value as one of :data:`STAGES`, or ``"other"``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "other"
    folded = "".join(str(value).lower().split()).replace("-", "").replace("_", "")
    return _STAGE_WORDS.get(folded, "other")


_DATES = ("start_date", "go_live_date", *(f"{s}_date" for s in (*PATH[1:], "stopped")))
_MONEY = ("investment", "expected_annual_benefit", "realised_benefit", "running_cost")


def initiatives(ws: Workspace) -> pd.DataFrame:
    """The register with every canonical column (a workspace stored before a column
    existed gets it empty), ``stage`` normalised (:func:`stage_of`; the value as
    uploaded in ``stage_raw``), dates as ``datetime.date`` or None, sorted by id.
    Money in the register's currency, shares 0-1."""
    frame = ws.query("SELECT * FROM initiatives ORDER BY initiative_id")
    frame = frame.reindex(columns=TABLES["initiatives"].column_names)
    frame["stage_raw"] = frame["stage"]
    frame["stage"] = [stage_of(v) for v in frame["stage"]]
    for col in _DATES:
        frame[col] = [None if pd.isna(v) else pd.Timestamp(v).date() for v in frame[col]]
    for col in (*_MONEY, "adoption_rate", "target_adoption", "benefit_per_unit"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
    frame["linked_kpi"] = [_folded(v, _kpi_names()) for v in frame["linked_kpi"]]
    frame["segment_by"] = [_folded(v, _segment_names()) for v in frame["segment_by"]]
    return frame.reset_index(drop=True)


def _folded(value: Any, names: dict[str, str]) -> Any:
    """A register's KPI or segment column as its key (``names``: folded name -> key),
    or the text as typed (trimmed) when it names none; blanks stay blank."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return value
    text = str(value).strip()
    return names.get(normalise_header(text), text) if text else None


def _kpi_names() -> dict[str, str]:
    """How registers name the KPIs of :data:`KPIS` (folded by ``normalise_header``): the
    key, the page's names in English and Chinese, and common short names."""
    names: dict[str, str] = {}
    extra = {
        "tickets": ("ticket volume", "volume", "工单量", "工单数"),
        "fcr_rate": ("fcr", "first contact resolution", "首解率"),
        "sla_attainment": ("sla", "sla met", "sla 达成率"),
        "resolution_hours_median": ("resolution time", "mttr", "解决时长"),
        "reopen_rate": ("reopens",),
        "csat_avg": ("csat", "customer satisfaction", "满意度"),
        "handle_minutes": ("handle time", "aht", "average handle time", "处理时长"),
    }
    for key in KPIS:
        words = [key, *extra.get(key, ())]
        words += list(STRINGS.get(f"kpi.{key}", {}).values())
        if key == "handle_minutes":  # not a ticket KPI: named by this page
            words += list(STRINGS["innovation.kpi.handle_minutes"].values())
        for word in words:
            names.setdefault(normalise_header(word), key)
    return names


def _segment_names() -> dict[str, str]:
    """How registers name the ticket columns of :data:`SEGMENT_COLUMNS`: the column and
    its import aliases (English and Chinese), folded."""
    return {k: v for k, v in alias_index(TABLES["tickets"]).items() if v in SEGMENT_COLUMNS}


# --------------------------------------------------------------------------- finance


def cash_flows(
    investment: float,
    annual_benefit: float,
    running_cost: float = 0.0,
    years: int = 5,
    delay: float = 0.0,
) -> np.ndarray:
    """Yearly net cash flows ``CF_0 .. CF_years`` of one business case.

    ``CF_0 = -investment``; for year t >= 1,
    ``CF_t = annual_benefit * clip(t - delay, 0, 1) - running_cost``: the benefit starts
    ``delay`` years late (a delay of 0.5 halves year 1's benefit), the running cost is
    paid every year. Amounts in currency; NaN inputs count as 0.
    """
    if years < 1:
        raise ValueError("years must be at least 1")
    if delay < 0:
        raise ValueError("delay must not be negative")
    inv, ben, run = (
        0.0 if pd.isna(v) else float(v) for v in (investment, annual_benefit, running_cost)
    )
    t = np.arange(1, years + 1, dtype="float64")
    flows = ben * np.clip(t - delay, 0.0, 1.0) - run
    return np.concatenate([[-inv], flows])


def npv(rate: float, flows) -> float:
    """Net present value ``sum_t CF_t / (1 + rate)^t`` for t = 0..H: the first flow is
    year 0 and is NOT discounted (numpy-financial's ``npv``; Excel's ``NPV(rate, v1..)``
    discounts its first value, so Excel's equivalent is ``CF_0 + NPV(rate, CF_1..CF_H)``).
    ``rate``: a fraction per year (0.08), above -1."""
    if rate <= -1:
        raise ValueError("rate must be above -1")
    flows = np.asarray(flows, dtype="float64")
    return float(np.sum(flows / (1.0 + rate) ** np.arange(len(flows))))


def irr(flows) -> float | None:
    """Internal rate of return: the ``rate`` at which :func:`npv` is 0, a fraction per
    year; None when no rate above -100 % does it (all flows of one sign, no benefit).

    Solved as numpy-financial does: the real positive roots ``x`` of
    ``sum_t CF_t x^t = 0`` give ``rate = 1/x - 1``; when a stream changes sign more than
    once and has several, the one nearest 0 is returned.
    """
    flows = np.asarray(flows, dtype="float64")
    if not ((flows > 0).any() and (flows < 0).any()):
        return None
    roots = np.roots(flows[::-1])
    real = roots[(np.abs(roots.imag) <= 1e-10 * np.maximum(1.0, np.abs(roots))) & (roots.real > 0)]
    if real.size == 0:
        return None
    rates = 1.0 / real.real - 1.0
    return float(rates[np.argmin(np.abs(rates))])


def payback(flows, rate: float | None = None) -> float | None:
    """Years until the cumulative cash flow (discounted at ``rate`` when given) reaches 0
    for good (after its last year below 0), interpolated linearly within the year it
    does (flows spread evenly over the year); 0 when it is never below 0 (nothing
    invested and no net cost); None when it is still below 0 at the flows' horizon
    (an initiative with no investment whose running cost exceeds its benefit never
    pays back)."""
    flows = np.asarray(flows, dtype="float64")
    if rate is not None:
        flows = flows / (1.0 + rate) ** np.arange(len(flows))
    cum = np.cumsum(flows)
    below = np.flatnonzero(cum < 0)
    if below.size == 0:
        return 0.0
    last = int(below[-1])
    if last == len(flows) - 1:
        return None
    return float(last + (-cum[last]) / flows[last + 1])


@dataclass(frozen=True)
class BusinessCase:
    """One business case over ``years`` at ``rate``.

    ``flows``: CF_0..CF_H (currency; see :func:`cash_flows`). ``roi``: the horizon's
    net gain over the investment, ``sum(CF_0..CF_H) / investment`` (a fraction; None
    without investment). ``npv`` (currency), ``irr`` (fraction per year, None when
    there is none), ``payback_years`` / ``discounted_payback_years`` (None when not
    reached within the horizon).
    """

    flows: tuple[float, ...]
    rate: float
    years: int
    investment: float
    roi: float | None
    npv: float
    irr: float | None
    payback_years: float | None
    discounted_payback_years: float | None


def business_case(
    investment: float,
    annual_benefit: float,
    running_cost: float = 0.0,
    *,
    years: int = 5,
    rate: float = 0.08,
    delay: float = 0.0,
) -> BusinessCase:
    """The :class:`BusinessCase` of one initiative (inputs as :func:`cash_flows`)."""
    flows = cash_flows(investment, annual_benefit, running_cost, years, delay)
    return _case(flows, rate, years)


def _case(flows: np.ndarray, rate: float, years: int) -> BusinessCase:
    invested = -float(flows[0])
    return BusinessCase(
        flows=tuple(float(v) for v in flows),
        rate=rate,
        years=years,
        investment=invested,
        roi=float(flows.sum()) / invested if invested > 0 else None,
        npv=npv(rate, flows),
        irr=irr(flows),
        payback_years=payback(flows),
        discounted_payback_years=payback(flows, rate),
    )


def business_cases(
    ws: Workspace, rate: float = 0.08, years: int = 5, delay: float = 0.0
) -> pd.DataFrame:
    """Every initiative's business case.

    Returns one row per initiative: ``initiative_id, name, stage, investment,
    running_cost, expected_annual_benefit, realised_benefit, adoption_rate`` (as in
    the register, money blank counted as 0 in the case), ``roi, npv, irr,
    payback_years, discounted_payback_years`` (see :class:`BusinessCase`) and
    ``npv_per_investment`` (NPV / investment, None without investment).
    """
    ini = initiatives(ws)
    rows = []
    for inv, ben, run in _money_columns(ini):
        case = business_case(inv, ben, run, years=years, rate=rate, delay=delay)
        rows.append(
            {
                "roi": case.roi,
                "npv": case.npv,
                "irr": case.irr,
                "payback_years": case.payback_years,
                "discounted_payback_years": case.discounted_payback_years,
                "npv_per_investment": case.npv / case.investment if case.investment > 0 else None,
            }
        )
    keep = [
        "initiative_id",
        "name",
        "stage",
        "category",
        "investment",
        "running_cost",
        "expected_annual_benefit",
        "realised_benefit",
        "adoption_rate",
    ]
    out = pd.concat(
        [
            ini[keep].reset_index(drop=True),
            pd.DataFrame(rows, index=range(len(ini)), columns=_CASE_COLS),
        ],
        axis=1,
    )
    for col in _CASE_COLS:
        out[col] = pd.to_numeric(out[col]).astype("float64")
    return out


_CASE_COLS = [
    "roi",
    "npv",
    "irr",
    "payback_years",
    "discounted_payback_years",
    "npv_per_investment",
]


def _money_columns(ini: pd.DataFrame):
    """(investment, expected annual benefit, running cost) per initiative, as floats."""
    cols = ("investment", "expected_annual_benefit", "running_cost")
    return zip(*(ini[c].to_numpy(dtype="float64") for c in cols), strict=True)


def _active(ini: pd.DataFrame) -> pd.DataFrame:
    return ini[ini["stage"] != "stopped"]


def portfolio_case(
    ws: Workspace, rate: float = 0.08, years: int = 5, delay: float = 0.0
) -> BusinessCase | None:
    """The business case of the active portfolio (every initiative not stopped): the
    year-by-year sum of their cash flows, each counted from its own year 0. None when
    there is no active initiative."""
    ini = _active(initiatives(ws))
    if ini.empty:
        return None
    total = np.zeros(years + 1)
    for inv, ben, run in _money_columns(ini):
        total += cash_flows(inv, ben, run, years, delay)
    return _case(total, rate, years)


#: The longest horizon the CLI accepts (years); the IRR solves a polynomial of this degree.
MAX_YEARS = 100

#: The discount rates of :func:`rate_sensitivity` (fractions per year).
SENSITIVITY_RATES: tuple[float, ...] = tuple(round(0.01 * i, 2) for i in range(0, 21))
#: The benefit delays of :func:`delay_sensitivity` (years).
SENSITIVITY_DELAYS: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0)


def rate_sensitivity(
    ws: Workspace, years: int = 5, delay: float = 0.0, rates: tuple[float, ...] = SENSITIVITY_RATES
) -> pd.DataFrame:
    """Portfolio NPV at each discount rate: ``rate`` (fraction), ``npv`` (currency).
    Empty without an active initiative."""
    rows = []
    for rate in rates:
        case = portfolio_case(ws, rate, years, delay)
        if case is None:
            break
        rows.append({"rate": rate, "npv": case.npv})
    return pd.DataFrame(rows, columns=["rate", "npv"]).astype("float64")


def delay_sensitivity(
    ws: Workspace,
    rate: float = 0.08,
    years: int = 5,
    delays: tuple[float, ...] = SENSITIVITY_DELAYS,
) -> pd.DataFrame:
    """Portfolio NPV when every benefit starts ``delay`` years late: ``delay`` (years),
    ``npv`` (currency). Empty without an active initiative."""
    rows = []
    for d in delays:
        case = portfolio_case(ws, rate, years, d)
        if case is None:
            break
        rows.append({"delay": d, "npv": case.npv})
    return pd.DataFrame(rows, columns=["delay", "npv"]).astype("float64")


# --------------------------------------------------------------------------- funnel


@dataclass(frozen=True)
class Funnel:
    """The portfolio by stage.

    ``frame``: one row per stage of :data:`STAGES` (and ``other`` when the register
    has unknown stages): ``stage``, ``count`` (initiatives now in it), ``investment``
    (their investment, currency), ``reached`` (initiatives that ever entered it; a
    stage of the path is reached by every initiative now in it or further on, and by a
    stopped one that has its date), ``conversion`` (reached the next stage of the path
    / reached this one; None for the last and for ``stopped``), ``stopped_here``
    (stopped initiatives whose last stage was this one), ``kill_rate`` (stopped_here /
    (stopped_here + reached the next stage)), ``median_days`` (median days from entering
    the stage to entering the next one reached, over the initiatives that left it and
    have both dates), ``left`` (how many such stays), ``median_days_now`` (median days
    in the stage so far of those still in it, to ``as_of``).
    ``total``, ``stopped``: counts. ``kill_rate``: stopped / total (None when empty).
    ``has_dates``: whether any stage-entry date exists (else the day columns are empty).
    """

    frame: pd.DataFrame
    total: int
    stopped: int
    kill_rate: float | None
    has_dates: bool


def _entries(r) -> dict[str, date]:
    """The days an initiative entered each stage, from its date columns."""
    out = {"idea": r["start_date"]}
    for s in (*PATH[1:], "stopped"):
        out[s] = r[f"{s}_date"]
    return {s: d for s, d in out.items() if isinstance(d, date)}


def funnel(ws: Workspace, as_of: date | None = None) -> Funnel:
    """:class:`Funnel` of the register; ``as_of`` (default today) ends the stays of
    initiatives still in their stage."""
    as_of = as_of or date.today()
    ini = initiatives(ws)
    stages = list(STAGES) + (["other"] if (ini["stage"] == "other").any() else [])
    reached = dict.fromkeys(stages, 0)
    stopped_here = dict.fromkeys(PATH, 0)
    stays: dict[str, list[int]] = {s: [] for s in stages}
    now: dict[str, list[int]] = {s: [] for s in stages}
    has_dates = False
    for _, r in ini.iterrows():
        stage = r["stage"]
        entered = _entries(r)
        has_dates = has_dates or bool(entered)
        if stage in PATH:
            path = list(PATH[: PATH.index(stage) + 1])
        elif stage == "stopped":
            dated = [s for s in PATH if s in entered]
            path = list(PATH[: PATH.index(dated[-1]) + 1]) if dated else ["idea"]
            stopped_here[path[-1]] += 1
        else:
            path = []
        for s in path:
            reached[s] += 1
        if stage in ("stopped", "other"):
            reached[stage] += 1
        # Days in each stage left: to the next stage entered (or the stop).
        order = [s for s in (*PATH, "stopped") if s in entered]
        # A stay that ends before it starts (dates typed out of order) or one entered
        # after ``as_of`` says nothing about days in stage: left out.
        for a, b in zip(order, order[1:], strict=False):
            if entered[b] >= entered[a]:
                stays[a].append((entered[b] - entered[a]).days)
        if order and stage in STAGES and order[-1] == stage and stage != "stopped":
            if as_of >= entered[stage]:
                now[stage].append((as_of - entered[stage]).days)
    counts = ini["stage"].value_counts()
    money = ini.groupby("stage")["investment"].sum(min_count=1)
    rows = []
    for s in stages:
        nxt = PATH[PATH.index(s) + 1] if s in PATH[:-1] else None
        went_on = reached[nxt] if nxt else 0
        killed = stopped_here.get(s) if s in PATH else None
        decided = (killed or 0) + (went_on or 0)
        rows.append(
            {
                "stage": s,
                "count": int(counts.get(s, 0)),
                "investment": float(money.get(s, np.nan)) if s in money.index else 0.0,
                "reached": reached[s],
                "conversion": went_on / reached[s] if nxt and reached[s] else None,
                "stopped_here": killed,
                "kill_rate": (killed or 0) / decided if s in PATH and nxt and decided else None,
                "median_days": float(np.median(stays[s])) if stays[s] else None,
                "left": len(stays[s]),
                "median_days_now": float(np.median(now[s])) if now[s] else None,
            }
        )
    frame = pd.DataFrame(rows)
    for col in ("conversion", "kill_rate", "median_days", "median_days_now", "investment"):
        frame[col] = pd.to_numeric(frame[col]).astype("float64")
    frame["stopped_here"] = pd.to_numeric(frame["stopped_here"]).astype("Int64")
    total = len(ini)
    stopped = int(counts.get("stopped", 0))
    return Funnel(frame, total, stopped, stopped / total if total else None, has_dates)


# --------------------------------------------------------------------------- budget


#: The stages whose initiatives still wait for funding: :func:`budget_fit`'s default.
PENDING: tuple[str, ...] = ("idea", "assessment", "pilot")


def budget_fit(
    cases: pd.DataFrame, budget: float, stages: tuple[str, ...] = PENDING
) -> pd.DataFrame:
    """The initiatives that fit ``budget`` (currency), ranked by NPV per unit of
    investment (the profitability index less 1).

    ``cases``: :func:`business_cases`' frame. Candidates: stage in ``stages``, an
    investment above 0 and an NPV above 0. Walking down the ranking (ties: larger NPV,
    then id), each candidate is taken when its investment still fits what is left of
    the budget; one that does not fit is skipped and smaller ones further down may
    still be taken (a greedy choice, not the best of every combination).

    Returns the candidates in rank order with ``rank`` (1..), ``fits`` (bool),
    ``cumulative_investment`` and ``cumulative_npv`` (of the taken ones up to this row)
    beside the ``cases`` columns.
    """
    cand = cases[
        cases["stage"].isin(stages) & (cases["investment"] > 0) & (cases["npv"] > 0)
    ].copy()
    cand = cand.sort_values(
        ["npv_per_investment", "npv", "initiative_id"],
        ascending=[False, False, True],
        kind="stable",
    ).reset_index(drop=True)
    left, spent, gained = float(budget), 0.0, 0.0
    fits, cum_i, cum_n = [], [], []
    for inv, gain in zip(
        cand["investment"].to_numpy(float), cand["npv"].to_numpy(float), strict=True
    ):
        take = bool(inv <= left + 1e-9)
        if take:
            left -= inv
            spent += inv
            gained += gain
        fits.append(take)
        cum_i.append(spent)
        cum_n.append(gained)
    cand.insert(0, "rank", np.arange(1, len(cand) + 1, dtype="int64"))
    cand["fits"] = pd.Series(fits, dtype="bool")
    cand["cumulative_investment"] = pd.Series(cum_i, dtype="float64")
    cand["cumulative_npv"] = pd.Series(cum_n, dtype="float64")
    return cand


# --------------------------------------------------------------------------- measured KPIs

# The KPIs a benefit can be measured on: key -> (direction: +1 higher is better, -1 lower
# is better; what one day's value counts: "created" tickets or tickets "done" that day).
# Every one but handle time is svcops.tickets' expression; handle time (agent effort
# minutes per ticket done) has no KPI there, so it is written here.
KPIS: dict[str, tuple[int, str]] = {
    "tickets": (-1, "created"),
    "fcr_rate": (1, "done"),
    "sla_attainment": (1, "done"),
    "resolution_hours_median": (-1, "done"),
    "reopen_rate": (-1, "done"),
    "csat_avg": (1, "done"),
    "handle_minutes": (-1, "done"),
}
#: The KPIs of :data:`KPIS` that are shares 0-1.
RATE_KPIS = frozenset({"fcr_rate", "sla_attainment", "reopen_rate"})
_DAY = kpi_sql(created="TRUE", done="TRUE")
_HANDLE = "avg(handle_minutes)"
# Tickets a day's value is taken over (the exposure a per-ticket benefit is paid on).
_COUNTED = {
    "fcr_rate": "count(first_contact_resolved)",
    "sla_attainment": f"count(*) FILTER (WHERE {HAS_TARGET})",
    "resolution_hours_median": "count(res_hours)",
    "reopen_rate": "count(reopen_count)",
    "csat_avg": "count(csat)",
    "handle_minutes": "count(handle_minutes)",
}
#: The ticket columns a segment can be: ``segment_by`` names one, ``segment`` its value.
SEGMENT_COLUMNS: tuple[str, ...] = (
    "team",
    "channel",
    "category",
    "subcategory",
    "priority",
    "customer_segment",
    "region",
    "agent",
)
#: Days with a value needed on each side of go-live to judge a change.
MIN_DAYS = 14
#: Significance level of the before/after test.
ALPHA = 0.05


def _kpi_expr(kpi: str) -> str:
    return _HANDLE if kpi == "handle_minutes" else _DAY[kpi]


def _segment_sql(segment_by: str | None, segment: str | None) -> tuple[str, dict]:
    if not segment_by or segment is None:
        return "TRUE", {}
    if segment_by not in SEGMENT_COLUMNS:
        raise ValueError(f"segment_by must be one of {', '.join(SEGMENT_COLUMNS)}")
    # A register's segment is typed by hand: matched without case or outer spaces.
    column = f'lower(trim(CAST("{segment_by}" AS VARCHAR)))'
    return f"{column} = lower(trim($segment))", {"segment": segment}


def kpi_days(
    ws: Workspace,
    filters: Filters,
    kpi: str,
    start: date,
    end: date,
    segment_by: str | None = None,
    segment: str | None = None,
) -> pd.DataFrame:
    """One KPI per day on a segment of the tickets, days ``start``..``end`` inclusive.

    The filters' dimensions apply (not their dates: the days are given). ``kpi``: a
    key of :data:`KPIS`. Returns ``date`` (Timestamp), ``value`` (the KPI that day in
    its unit: tickets created for ``tickets``, a share 0-1, hours, a score or minutes;
    NaN on a day with no ticket counted), ``n`` (tickets the value is taken over: created
    that day for ``tickets``, else done that day with the fact known).
    """
    if kpi not in KPIS:
        raise ValueError(f"kpi must be one of {', '.join(KPIS)}")
    cte, params = tickets_cte(ws, Filters(start=start, end=end, **_dims(filters)))
    seg, seg_params = _segment_sql(segment_by, segment)
    stamp = "created_at" if KPIS[kpi][1] == "created" else "done_at"
    counted = "count(*)" if kpi == "tickets" else _COUNTED[kpi]
    sql = (
        cte
        + f"""
    , spine AS (
        SELECT CAST(unnest(range(CAST($lo AS TIMESTAMP), CAST($hi AS TIMESTAMP),
                                 INTERVAL 1 DAY)) AS DATE) AS date
    ), d AS (
        SELECT CAST({stamp} AS DATE) AS date, {_kpi_expr(kpi)} AS value, {counted} AS n
        FROM t WHERE {stamp} >= $lo AND {stamp} < $hi AND {seg} GROUP BY 1
    )
    SELECT s.date, d.value, coalesce(d.n, 0) AS n FROM spine s LEFT JOIN d USING (date)
    ORDER BY s.date"""
    )
    out = query(ws, sql, {**params, **seg_params})
    out["date"] = pd.to_datetime(out["date"])
    out["value"] = pd.to_numeric(out["value"]).astype("float64")
    if kpi == "tickets":
        out["value"] = out["value"].fillna(0.0)
    else:
        out.loc[out["n"] == 0, "value"] = np.nan
    return out.astype({"n": "int64"})


def _dims(filters: Filters) -> dict:
    return {
        "teams": filters.teams,
        "channels": filters.channels,
        "categories": filters.categories,
        "priorities": filters.priorities,
    }


def _pooled(
    ws: Workspace,
    filters: Filters,
    kpi: str,
    start: date,
    end: date,
    segment_by: str | None,
    segment: str | None,
) -> tuple[float | None, int]:
    """The KPI over all the segment's tickets of ``start``..``end`` (not a mean of days),
    and the tickets it is taken over."""
    cte, params = tickets_cte(ws, Filters(start=start, end=end, **_dims(filters)))
    seg, seg_params = _segment_sql(segment_by, segment)
    stamp = "created_at" if KPIS[kpi][1] == "created" else "done_at"
    counted = "count(*)" if kpi == "tickets" else _COUNTED[kpi]
    sql = (
        cte
        + f" SELECT {_kpi_expr(kpi)} AS value, {counted} AS n FROM t"
        + f" WHERE {stamp} >= $lo AND {stamp} < $hi AND {seg}"
    )
    row = query(ws, sql, {**params, **seg_params}).iloc[0]
    value = None if pd.isna(row["value"]) else float(row["value"])
    return value, int(row["n"])


def mann_whitney(a, b) -> tuple[float, float]:
    """Mann-Whitney U test of two independent samples, two-sided, by the normal
    approximation with the tie correction and a continuity correction of 0.5.

    Returns ``(U, p)``: ``U`` = R_a - n_a(n_a+1)/2 (R_a: the sum of ``a``'s ranks in
    the pooled sample, ties given their mean rank); ``p`` = P(|Z| >= |z|) with
    ``z = (U - n_a n_b / 2 -+ 0.5) / sigma``,
    ``sigma^2 = n_a n_b / 12 * ((n + 1) - sum(t^3 - t) / (n (n - 1)))``
    (t: the size of each group of ties). p is 1 when every value is equal; NaN
    values are dropped; ValueError when a sample is empty.
    """
    x = np.asarray(a, dtype="float64")
    y = np.asarray(b, dtype="float64")
    x, y = x[~np.isnan(x)], y[~np.isnan(y)]
    n1, n2 = len(x), len(y)
    if not n1 or not n2:
        raise ValueError("both samples need at least one value")
    pooled = np.concatenate([x, y])
    ranks = pd.Series(pooled).rank(method="average").to_numpy()
    u = float(ranks[:n1].sum() - n1 * (n1 + 1) / 2)
    n = n1 + n2
    _, ties = np.unique(pooled, return_counts=True)
    tie = float(np.sum(ties.astype("float64") ** 3 - ties))
    var = n1 * n2 / 12.0 * ((n + 1) - tie / (n * (n - 1))) if n > 1 else 0.0
    if var <= 0:
        return u, 1.0
    diff = u - n1 * n2 / 2.0
    z = (diff - math.copysign(0.5, diff)) / math.sqrt(var) if diff else 0.0
    if abs(diff) <= 0.5:
        z = 0.0
    return u, float(math.erfc(abs(z) / math.sqrt(2)))


#: What :func:`measure` concludes (``Effect.verdict``), worded by ``innovation.verdict.*``.
VERDICTS = ("confirmed", "worse", "unclear", "no_change", "no_data", "not_live", "no_link")


@dataclass(frozen=True)
class Effect:
    """The measured effect of one initiative on its linked KPI.

    ``before`` / ``after``: the KPI over the segment's tickets of the ``window`` days
    before go-live and the ``window`` days from go-live on (clipped to the data), in the
    KPI's unit; ``change`` = after - before; ``improvement`` = change signed so that
    positive is better. ``days_before`` / ``days_after``: days with a value;
    ``tickets_after``: tickets the after value is taken over. ``p_value``: the
    Mann-Whitney test of the daily values before against after. ``shift``: the
    individuals control chart of the daily values, limits from the before days, has a
    rule-4 run (8 days in a row on one side of the centre line) after go-live on the
    better side; ``worse_shift`` the same on the worse side. ``verdict``: one of
    :data:`VERDICTS` - ``confirmed`` (p < ALPHA, better, and a better-side shift),
    ``worse`` (p < ALPHA, worse, and a worse-side shift), ``unclear`` (the test and the
    chart disagree), ``no_change`` (neither), ``no_data`` (fewer than MIN_DAYS days on
    a side), ``not_live`` (no go-live, or it is after the data), ``no_link`` (no KPI
    linked, or one this page cannot measure). ``realised``: the measured benefit per
    year in currency = improvement x tickets a year (``tickets_after`` scaled to 365
    days; 365 days for ``tickets``, whose unit is tickets a day) x ``benefit_per_unit``;
    given whenever there is a change and a value per unit (None otherwise): the
    verdict says whether to believe it.
    ``reason``: why there is no measurement, a Message, else None.
    """

    initiative_id: str
    name: str
    kpi: str | None
    segment_by: str | None
    segment: str | None
    go_live: date | None
    window: int
    before: float | None = None
    after: float | None = None
    change: float | None = None
    improvement: float | None = None
    days_before: int = 0
    days_after: int = 0
    tickets_after: int = 0
    p_value: float | None = None
    shift: bool = False
    worse_shift: bool = False
    verdict: str = "no_link"
    realised: float | None = None
    expected: float | None = None
    claimed: float | None = None
    reason: Message | None = None
    series: pd.DataFrame = field(default_factory=pd.DataFrame, compare=False, repr=False)


def _text(v) -> str | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA else str(v)


def _day(v) -> date | None:
    return v if isinstance(v, date) else None


def _money(v) -> float | None:
    return None if v is None or pd.isna(v) else float(v)


def _span(ws: Workspace) -> tuple[date, date] | None:
    row = ws.query("SELECT min(created_at) AS lo, max(created_at) AS hi FROM tickets").iloc[0]
    return None if pd.isna(row["lo"]) else (row["lo"].date(), row["hi"].date())


def measure(ws: Workspace, filters: Filters, initiative_id: str, window: int = 90) -> Effect:
    """The :class:`Effect` of one initiative on the tickets (``window``: days each side
    of go-live, at least MIN_DAYS). The filters' dimensions apply; their dates do not
    (the windows around go-live decide). ``series``: the daily KPI with the control
    chart's columns (``kpi_days`` plus ``after``, ``centre``, ``ucl``, ``lcl``,
    ``rule_4``, ``out_of_control``), empty when nothing was measured."""
    if window < MIN_DAYS:
        raise ValueError(f"window must be at least {MIN_DAYS} days")
    ini = initiatives(ws)
    rows = ini[ini["initiative_id"] == initiative_id]
    if rows.empty:
        raise KeyError(f"no initiative {initiative_id!r}")
    return _measure(ws, filters, rows.iloc[0], window, _span(ws))


def _measure(ws, filters, r, window, span) -> Effect:
    kpi, seg_by, seg = _text(r["linked_kpi"]), _text(r["segment_by"]), _text(r["segment"])
    live = _day(r["go_live_date"])
    base = {
        "initiative_id": str(r["initiative_id"]),
        "name": str(r["name"]),
        "kpi": kpi,
        "segment_by": seg_by,
        "segment": seg,
        "go_live": live,
        "window": window,
        "expected": _money(r["expected_annual_benefit"]),
        "claimed": _money(r["realised_benefit"]),
    }
    if kpi is not None:
        kpi = kpi.strip()
        base["kpi"] = kpi
    if kpi not in KPIS:
        reason = "innovation.reason.no_kpi" if kpi is None else "innovation.reason.unknown_kpi"
        return Effect(**base, verdict="no_link", reason=Message(reason, {"kpi": kpi or ""}))
    if seg_by is not None and seg_by not in SEGMENT_COLUMNS:
        return Effect(
            **base,
            verdict="no_link",
            reason=Message("innovation.reason.unknown_segment", {"segment_by": seg_by}),
        )
    if span is None:
        return Effect(**base, verdict="no_data", reason=Message("innovation.reason.no_tickets", {}))
    if live is None or live > span[1]:
        key = "innovation.reason.no_go_live" if live is None else "innovation.reason.live_after"
        return Effect(**base, verdict="not_live", reason=Message(key, {"last": span[1]}))
    lo = max(span[0], live - timedelta(days=window))
    hi = min(span[1], live + timedelta(days=window - 1))
    days = kpi_days(ws, filters, kpi, lo, hi, seg_by, seg)
    days["after"] = days["date"] >= pd.Timestamp(live)
    valued = days.dropna(subset=["value"])
    before_v = valued.loc[~valued["after"], "value"]
    after_v = valued.loc[valued["after"], "value"]
    base.update(days_before=len(before_v), days_after=len(after_v))
    if len(before_v) < MIN_DAYS or len(after_v) < MIN_DAYS:
        return Effect(
            **base,
            verdict="no_data",
            reason=Message(
                "innovation.reason.few_days",
                {"before": len(before_v), "after": len(after_v), "min": MIN_DAYS},
            ),
            series=days,
        )
    before, _ = _pooled(ws, filters, kpi, lo, live - timedelta(days=1), seg_by, seg)
    after, n_after = _pooled(ws, filters, kpi, live, hi, seg_by, seg)
    direction = KPIS[kpi][0]
    change = None if before is None or after is None else after - before
    improvement = None if change is None else change * direction
    _, p = mann_whitney(before_v, after_v)
    chart = individuals_chart(valued, "value", baseline=valued["after"] == False)  # noqa: E712
    cf = chart.frame
    side = np.sign(cf["value"] - cf["centre"]) * direction
    after_rows = cf["date"] >= pd.Timestamp(live)
    shift = bool((cf["rule_4"] & after_rows & (side > 0)).any())
    worse_shift = bool((cf["rule_4"] & after_rows & (side < 0)).any())
    significant = p < ALPHA
    better = improvement is not None and improvement > 0
    if significant and better and shift:
        verdict = "confirmed"
    elif significant and not better and worse_shift:
        verdict = "worse"
    elif significant or shift or worse_shift:
        verdict = "unclear"
    else:
        verdict = "no_change"
    after_days = (hi - live).days + 1
    per_year = 365.0 if kpi == "tickets" else n_after * 365.0 / after_days
    unit = _money(r["benefit_per_unit"])
    realised = None if improvement is None or unit is None else improvement * per_year * unit
    series = days.merge(
        cf[["date", "centre", "ucl", "lcl", "rule_4", "out_of_control"]], on="date", how="left"
    )
    return Effect(
        **base,
        before=before,
        after=after,
        change=change,
        improvement=improvement,
        tickets_after=n_after,
        p_value=p,
        shift=shift,
        worse_shift=worse_shift,
        verdict=verdict,
        realised=realised,
        series=series,
    )


def measure_all(ws: Workspace, filters: Filters, window: int = 90) -> pd.DataFrame:
    """:func:`measure` for every initiative with a linked KPI: one row each with
    ``initiative_id, name, kpi, segment_by, segment, go_live, before, after, change,
    improvement, days_before, days_after, p_value, shift, verdict, realised, expected,
    claimed`` and ``reason`` (a Message or None); see :class:`Effect`. ``supported``:
    the claimed benefit is backed by a confirmed change (False when a benefit is claimed
    and the verdict is anything else; None when nothing is claimed)."""
    ini = initiatives(ws)
    span = _span(ws)
    cols = [
        "initiative_id",
        "name",
        "kpi",
        "segment_by",
        "segment",
        "go_live",
        "before",
        "after",
        "change",
        "improvement",
        "days_before",
        "days_after",
        "p_value",
        "shift",
        "verdict",
        "realised",
        "expected",
        "claimed",
        "reason",
        "supported",
    ]
    rows = []
    for _, r in ini.iterrows():
        if _text(r["linked_kpi"]) is None:
            continue
        e = _measure(ws, filters, r, window, span)
        row = {c: getattr(e, c) for c in cols[:-1]}
        row["supported"] = None if not e.claimed else e.verdict == "confirmed"
        rows.append(row)
    out = pd.DataFrame(rows, columns=cols)
    for col in (
        "before",
        "after",
        "change",
        "improvement",
        "p_value",
        "realised",
        "expected",
        "claimed",
    ):
        out[col] = pd.to_numeric(out[col]).astype("float64")
    return out


# --------------------------------------------------------------------------- adoption

#: Months of history before go-live an adoption curve shows.
ADOPTION_MONTHS_BEFORE = 6


@dataclass(frozen=True)
class Adoption:
    """Adoption of one initiative's channel on its segment.

    ``frame``: one row per month, ``period`` (first day, Timestamp), ``share`` (tickets
    of the segment created that month through ``channel`` / all the segment's tickets
    created that month, 0-1), ``n`` (the segment's tickets), ``after`` (the month holds
    go-live or is later). ``target``: the register's target share (None when blank).
    ``current``: the share over the last 30 days of tickets (None without tickets).
    ``reason``: why there is no curve (Message) or None.
    """

    initiative_id: str
    channel: str | None
    go_live: date | None
    target: float | None
    current: float | None
    frame: pd.DataFrame
    reason: Message | None = None


def adoption(ws: Workspace, filters: Filters, initiative_id: str) -> Adoption:
    """The :class:`Adoption` of one initiative, from ADOPTION_MONTHS_BEFORE months before
    go-live (or the first ticket) to the last ticket; the filters' dimensions apply."""
    ini = initiatives(ws)
    rows = ini[ini["initiative_id"] == initiative_id]
    if rows.empty:
        raise KeyError(f"no initiative {initiative_id!r}")
    r = rows.iloc[0]
    channel, live = _text(r["adoption_channel"]), _day(r["go_live_date"])
    target = None if pd.isna(r["target_adoption"]) else float(r["target_adoption"])
    empty = pd.DataFrame(
        {
            "period": pd.Series(dtype="datetime64[us]"),
            "share": pd.Series(dtype="float64"),
            "n": pd.Series(dtype="int64"),
            "after": pd.Series(dtype="bool"),
        }
    )
    out: dict[str, Any] = {
        "initiative_id": initiative_id,
        "channel": channel,
        "go_live": live,
        "target": target,
    }
    if channel is None:
        return Adoption(
            **out, current=None, frame=empty, reason=Message("innovation.reason.no_channel", {})
        )
    span = _span(ws)
    if span is None:
        return Adoption(
            **out, current=None, frame=empty, reason=Message("innovation.reason.no_tickets", {})
        )
    start = span[0]
    if live is not None:
        first = (pd.Timestamp(live) - pd.DateOffset(months=ADOPTION_MONTHS_BEFORE)).date()
        start = max(start, first.replace(day=1))
    cte, params = tickets_cte(ws, Filters(start=start, end=span[1], **_dims(filters)))
    seg, seg_params = _segment_sql(_text(r["segment_by"]), _text(r["segment"]))
    sql = (
        cte
        + f"""
    SELECT date_trunc('month', created_at) AS period,
           avg(CASE WHEN lower(trim(channel)) = lower(trim($channel)) THEN 1.0 ELSE 0.0 END) AS share, count(*) AS n
    FROM t WHERE created_at >= $lo AND created_at < $hi AND {seg}
    GROUP BY 1 ORDER BY 1"""
    )
    frame = query(ws, sql, {**params, **seg_params, "channel": channel})
    frame["period"] = pd.to_datetime(frame["period"])
    frame["share"] = frame["share"].astype("float64")
    frame["n"] = frame["n"].astype("int64")
    frame["after"] = (
        frame["period"] >= pd.Timestamp(live).to_period("M").start_time
        if live is not None
        else False
    )
    recent = Filters(start=span[1] - timedelta(days=29), end=span[1], **_dims(filters))
    cte, params = tickets_cte(ws, recent)
    row = query(
        ws,
        cte
        + f""" SELECT avg(CASE WHEN lower(trim(channel)) = lower(trim($channel)) THEN 1.0 ELSE 0.0 END) AS share
        FROM t WHERE created_at >= $lo AND created_at < $hi AND {seg}""",
        {**params, **seg_params, "channel": channel},
    ).iloc[0]
    current = None if pd.isna(row["share"]) else float(row["share"])
    reason = Message("innovation.reason.no_segment_tickets", {}) if frame.empty else None
    return Adoption(**out, current=current, frame=frame.astype({"after": "bool"}), reason=reason)
