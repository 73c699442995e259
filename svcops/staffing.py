"""Staffing maths: how many people a queue needs.

Two models live here.

**Erlang C** for live contacts (calls, chats) per interval. It is the M/M/c
queue: arrivals are Poisson, handle times are exponential, there are ``c``
identical agents, callers wait as long as it takes (no abandonment, no
retrials, no blocking) and the system is in steady state within the interval.
Because nobody abandons, Erlang C slightly over-states the agents needed when
real callers hang up; that is the usual, conservative planning choice.

- traffic intensity ``A = volume * aht_seconds / (interval_minutes * 60)`` in
  Erlangs (the average number of agents busy);
- probability of waiting ``P_w`` (Erlang C), computed from the Erlang B
  recursion ``B(0) = 1, B(n) = A*B(n-1) / (n + A*B(n-1))`` and
  ``C = c*B / (c - A*(1 - B))``. The recursion stays between 0 and 1, so it is
  stable for thousands of agents, unlike factorials or powers of ``A``;
- service level ``SL(t) = 1 - P_w * exp(-(c - A) * t / aht)``: the share of
  contacts answered within ``t`` seconds;
- average speed of answer ``ASA = P_w * aht / (c - A)`` in seconds;
- occupancy ``A / c``.

**Workload** for deferred work (email, tickets, back-office items) that can
wait hours: the hours of work arriving, plus a backlog burned down over a few
days, divided by the productive hours one full-time equivalent (FTE) gives.

Every function takes plain numbers or frames and returns values; inputs are
checked by one helper, :func:`_validate`, whose messages are part of the API:
each is a ``ValueError`` carrying a message key (``resource.must_be.*``, see
:class:`svcops.i18n.errors.InputError`) whose English wording is its text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

from .i18n.errors import InputError

__all__ = [
    "StaffingResult",
    "erlang_c",
    "required_agents",
    "service_level",
    "staffing_plan",
    "traffic_intensity",
    "workload_plan",
    "workload_staff",
]

# A ratio computed in floating point (A / c) can land a few ulps above a cap
# that it meets exactly in decimal, e.g. 8 / 10 against 0.8; this much slack
# keeps such exact hits on the right side of the cap.
_OCCUPANCY_SLACK = 1e-12
# The most offered traffic (Erlangs) one interval may carry: about as many agents as the
# largest contact centres have on one queue. The search walks one agent at a time, so a
# mistyped volume (1e9 calls in half an hour) would otherwise run for most of a minute.
MAX_TRAFFIC_ERLANGS = 100_000
# Beyond this the refusal does not print the traffic (a 300-digit or infinite number).
_SAYABLE_TRAFFIC = 1e12


@dataclass(frozen=True)
class _Range:
    """Allowed values of one input, and the key of the message that describes them."""

    key: str
    low: float
    low_ok: bool
    high: float = math.inf
    high_ok: bool = False
    whole: bool = False


_POSITIVE = _Range("resource.must_be.positive", 0, False)
_NON_NEGATIVE = _Range("resource.must_be.non_negative", 0, True)

_RULES: dict[str, _Range] = {
    "volume": _NON_NEGATIVE,
    "traffic_erlangs": _NON_NEGATIVE,
    "interval_minutes": _POSITIVE,
    "aht_seconds": _POSITIVE,
    "service_level": _Range("resource.must_be.fraction", 0, False, 1, False),
    "answer_seconds": _NON_NEGATIVE,
    "shrinkage": _Range("resource.must_be.below_one", 0, True, 1, False),
    "max_occupancy": _Range("resource.must_be.up_to_one", 0, False, 1, True),
    "agents": _Range("resource.must_be.whole", 0, True, whole=True),
    "handle_minutes": _POSITIVE,
    "productive_hours_per_fte": _POSITIVE,
    "backlog": _NON_NEGATIVE,
    "burn_down_days": _POSITIVE,
    "periods_per_day": _POSITIVE,
}


def _refusal(name: str) -> InputError:
    """The uniform error for a bad ``name``, e.g. "aht_seconds must be a positive number"."""
    return InputError(_RULES[name].key, name=name)


def _validate(**values: Any) -> None:
    """Raise ``ValueError`` with the uniform message of the first bad input.

    Each keyword is an input name from ``_RULES``. A value must be a finite
    real number (bools and strings are refused) inside that input's range;
    arrays and Series are checked element by element.
    """
    for name, value in values.items():
        rule = _RULES[name]
        if isinstance(value, np.ndarray | pd.Series):
            if value.dtype.kind not in "iuf":
                raise _refusal(name)
            x = np.asarray(value, dtype="float64")
        elif isinstance(value, bool | np.bool_) or not isinstance(value, Real):
            raise _refusal(name)
        else:
            x = np.asarray(float(value))
        inside = np.isfinite(x) & ((x >= rule.low) if rule.low_ok else (x > rule.low))
        inside &= (x <= rule.high) if rule.high_ok else (x < rule.high)
        if rule.whole:
            inside &= np.mod(x, 1) == 0
        if not bool(np.all(inside)):
            raise _refusal(name)


@dataclass(frozen=True)
class StaffingResult:
    """Erlang C staffing for one interval.

    Fields: ``agents`` on the phones; ``scheduled_agents`` to roster once
    shrinkage is added; ``service_level`` achieved with ``agents`` (fraction
    0–1 answered within the target time); ``occupancy`` (fraction 0–1);
    ``asa_seconds`` (average speed of answer); ``traffic_erlangs``;
    ``probability_wait`` (fraction of contacts that queue at all).
    """

    agents: int
    scheduled_agents: int
    service_level: float
    occupancy: float
    asa_seconds: float
    traffic_erlangs: float
    probability_wait: float

    def to_dict(self) -> dict[str, int | float]:
        """The six planning figures as a JSON-able dict (no ``probability_wait``)."""
        return {
            "agents": int(self.agents),
            "scheduled_agents": int(self.scheduled_agents),
            "service_level": float(self.service_level),
            "occupancy": float(self.occupancy),
            "asa_seconds": float(self.asa_seconds),
            "traffic_erlangs": float(self.traffic_erlangs),
        }


def traffic_intensity(volume: float, interval_minutes: float, aht_seconds: float) -> float:
    """Offered traffic in Erlangs: ``volume * aht_seconds / (interval_minutes * 60)``.

    ``volume`` is contacts arriving in the interval, ``interval_minutes`` its
    length, ``aht_seconds`` the average handle time (talk + hold + wrap-up).
    """
    _validate(volume=volume, interval_minutes=interval_minutes, aht_seconds=aht_seconds)
    return float(volume) * float(aht_seconds) / (float(interval_minutes) * 60.0)


def _erlang_b(traffic: float, agents: int) -> float:
    """Erlang B blocking probability by the stable recursion (0 agents -> 1)."""
    b = 1.0
    for n in range(1, agents + 1):
        b = traffic * b / (n + traffic * b)
    return b


def _erlang_c_from_b(traffic: float, agents: int, b: float) -> float:
    return agents * b / (agents - traffic * (1.0 - b))


def erlang_c(traffic_erlangs: float, agents: int) -> float:
    """Probability that a contact waits (Erlang C), fraction 0–1.

    ``traffic_erlangs`` is the offered load A, ``agents`` the number on the
    phones. With ``agents <= A`` the queue grows without bound and every
    contact waits, so the result is 1.0; with no traffic it is 0.0.
    """
    _validate(traffic_erlangs=traffic_erlangs, agents=agents)
    agents = int(agents)
    if traffic_erlangs == 0:
        return 0.0
    if agents <= traffic_erlangs:
        return 1.0
    return _erlang_c_from_b(traffic_erlangs, agents, _erlang_b(traffic_erlangs, agents))


def _service_level(p_wait: float, traffic: float, agents: int, aht: float, answer: float) -> float:
    return 1.0 - p_wait * math.exp(-(agents - traffic) * answer / aht)


def service_level(
    volume: float,
    interval_minutes: float,
    aht_seconds: float,
    agents: int,
    answer_seconds: float,
) -> float:
    """Share of contacts (0–1) answered within ``answer_seconds`` with ``agents`` staff.

    Inputs as in :func:`required_agents`; 0.0 when ``agents`` cannot carry the
    traffic (``agents <= A``), 1.0 when there is no volume.
    """
    _validate(answer_seconds=answer_seconds, agents=agents)
    traffic = traffic_intensity(volume, interval_minutes, aht_seconds)
    if traffic == 0:
        return 1.0
    if agents <= traffic:
        return 0.0
    p_wait = erlang_c(traffic, int(agents))
    return _service_level(p_wait, traffic, int(agents), float(aht_seconds), float(answer_seconds))


def required_agents(
    volume: float,
    interval_minutes: float,
    aht_seconds: float,
    service_level: float,
    answer_seconds: float,
    shrinkage: float = 0.0,
    max_occupancy: float = 1.0,
) -> StaffingResult:
    """Fewest agents meeting a service-level target under Erlang C.

    Inputs: ``volume`` contacts arriving in the interval (may be fractional,
    e.g. a forecast); ``interval_minutes``; ``aht_seconds`` average handle
    time; ``service_level`` target fraction (0–1, exclusive) to answer within
    ``answer_seconds`` (e.g. 0.8 and 20 for "80% in 20 s"); ``shrinkage`` the
    fraction of paid time not on the phones (breaks, training, absence);
    ``max_occupancy`` the highest acceptable busy fraction.

    Returns a :class:`StaffingResult` where ``agents`` is the smallest whole
    number above the traffic that meets the target and keeps occupancy at or
    below ``max_occupancy``, and ``scheduled_agents = ceil(agents / (1 -
    shrinkage))``. Zero volume needs zero agents (service level 1.0).
    """
    _validate(
        volume=volume,
        interval_minutes=interval_minutes,
        aht_seconds=aht_seconds,
        service_level=service_level,
        answer_seconds=answer_seconds,
        shrinkage=shrinkage,
        max_occupancy=max_occupancy,
    )
    return _required_agents(
        float(volume) * float(aht_seconds) / (float(interval_minutes) * 60.0),
        float(aht_seconds),
        float(service_level),
        float(answer_seconds),
        float(shrinkage),
        float(max_occupancy),
    )


def _required_agents(
    traffic: float,
    aht: float,
    target: float,
    answer: float,
    shrinkage: float,
    max_occupancy: float,
) -> StaffingResult:
    """Search on validated inputs; one Erlang B pass up to the answer."""
    if not traffic <= _SAYABLE_TRAFFIC:  # 1e-300-minute intervals, 1e308 s handle times
        raise InputError("resource.too_much_traffic_vast", most=MAX_TRAFFIC_ERLANGS)
    if traffic > MAX_TRAFFIC_ERLANGS:
        raise InputError("resource.too_much_traffic", traffic=traffic, most=MAX_TRAFFIC_ERLANGS)
    if traffic == 0:
        return StaffingResult(0, 0, 1.0, 0.0, 0.0, 0.0, 0.0)
    # Start at the first whole number above A (the queue is unstable below),
    # carrying Erlang B forward one agent at a time instead of restarting.
    agents = math.floor(traffic) + 1
    b = _erlang_b(traffic, agents)
    while True:
        p_wait = _erlang_c_from_b(traffic, agents, b)
        level = _service_level(p_wait, traffic, agents, aht, answer)
        occupancy = traffic / agents
        if level >= target and occupancy <= max_occupancy + _OCCUPANCY_SLACK:
            break
        agents += 1
        b = traffic * b / (agents + traffic * b)
    return StaffingResult(
        agents=agents,
        scheduled_agents=_scheduled(agents, shrinkage),
        service_level=level,
        occupancy=occupancy,
        asa_seconds=p_wait * aht / (agents - traffic),
        traffic_erlangs=traffic,
        probability_wait=p_wait,
    )


def _scheduled(agents: int, shrinkage: float) -> int:
    # Rounding guard: 9 / (1 - 0.1) is 10.000000000000002 in floating point,
    # which must schedule 10 people, not 11.
    return math.ceil(round(agents / (1.0 - shrinkage), 9))


_PLAN_COLUMNS = [
    "traffic_erlangs",
    "agents",
    "scheduled_agents",
    "service_level",
    "occupancy",
    "asa_seconds",
]


def staffing_plan(
    frame: pd.DataFrame,
    *,
    service_level: float,
    answer_seconds: float,
    shrinkage: float,
    max_occupancy: float,
    interval_minutes: float = 30,
    aht_seconds: float | None = None,
) -> pd.DataFrame:
    """Erlang C staffing for every interval of a frame.

    ``frame`` has one row per interval: ``interval_start`` (datetime; passed
    through, not used in the maths), ``volume`` (contacts offered in the
    interval) and optionally ``aht_seconds`` per row. Where that column is
    missing or empty, the ``aht_seconds`` argument is used; having neither is
    an error. Other arguments as in :func:`required_agents`.

    Returns a copy of ``frame`` with ``traffic_erlangs``, ``agents``,
    ``scheduled_agents`` (integers), ``service_level`` (achieved, 0–1),
    ``occupancy`` (0–1) and ``asa_seconds`` added. Rows with identical
    (volume, aht) are computed once.
    """
    if "volume" not in frame.columns:
        raise InputError("resource.missing_column", frame="frame", column="volume")
    _validate(
        interval_minutes=interval_minutes,
        service_level=service_level,
        answer_seconds=answer_seconds,
        shrinkage=shrinkage,
        max_occupancy=max_occupancy,
    )
    if aht_seconds is not None:
        _validate(aht_seconds=aht_seconds)
    volume = pd.to_numeric(frame["volume"], errors="coerce").astype("float64")
    if "aht_seconds" in frame.columns:
        aht = pd.to_numeric(frame["aht_seconds"], errors="coerce").astype("float64")
        if aht_seconds is not None:
            aht = aht.fillna(float(aht_seconds))
    elif aht_seconds is not None:
        aht = pd.Series(float(aht_seconds), index=frame.index, dtype="float64")
    else:
        raise InputError("resource.must_be.given", name="aht_seconds")

    _validate(volume=volume, aht_seconds=aht)
    seconds = float(interval_minutes) * 60.0
    uniques, codes = np.unique(
        np.column_stack([volume.to_numpy(), aht.to_numpy()]), axis=0, return_inverse=True
    )
    rows = []
    for vol, handle in uniques:
        result = _required_agents(
            vol * handle / seconds,
            handle,
            float(service_level),
            float(answer_seconds),
            float(shrinkage),
            float(max_occupancy),
        )
        rows.append([getattr(result, name) for name in _PLAN_COLUMNS])
    table = np.array(rows, dtype="float64").reshape(-1, len(_PLAN_COLUMNS))[codes.ravel()]
    out = frame.copy()
    for i, name in enumerate(_PLAN_COLUMNS):
        column = table[:, i]
        out[name] = column.astype("int64") if name.endswith("agents") else column
    return out


def workload_staff(
    volume: float | Iterable[float] | np.ndarray,
    handle_minutes: float | Iterable[float] | np.ndarray,
    productive_hours_per_fte: float,
    backlog: float | Iterable[float] | np.ndarray = 0,
    burn_down_days: float | None = None,
    *,
    shrinkage: float = 0.0,
    periods_per_day: float = 1.0,
) -> float | np.ndarray:
    """FTE needed for deferred work (email, tickets) in one period.

    ``FTE = (volume * handle_minutes / 60
    + backlog * handle_minutes / 60 / (burn_down_days * periods_per_day))
    / productive_hours_per_fte / (1 - shrinkage)``

    Inputs (scalars, or arrays that broadcast together):
    ``volume`` items arriving in the period; ``handle_minutes`` agent minutes
    per item; ``productive_hours_per_fte`` hours one FTE works on this queue
    in the period (e.g. 6.5 for a day after breaks and meetings);
    ``backlog`` items already waiting, cleared evenly over ``burn_down_days``
    days (required when any backlog > 0); ``shrinkage`` the fraction of paid
    time lost, for when ``productive_hours_per_fte`` is gross paid time (leave
    0 when it is already net); ``periods_per_day`` how many periods make a
    day (1 for daily rows; e.g. 20 for half-hour rows over a 10-hour working
    day) so the backlog is spread over the right number of periods.

    Returns FTE: a float for scalar inputs, else a float array.
    """
    hours = _workload_hours(volume, handle_minutes, backlog, burn_down_days, periods_per_day)
    _validate(productive_hours_per_fte=productive_hours_per_fte, shrinkage=shrinkage)
    fte = hours / float(productive_hours_per_fte) / (1.0 - float(shrinkage))
    return float(fte) if np.ndim(fte) == 0 else fte


def _workload_hours(
    volume: Any, handle_minutes: Any, backlog: Any, burn_down_days: Any, periods_per_day: Any
) -> np.ndarray:
    """Agent hours of work in one period: arrivals plus the backlog's share."""
    vol = _as_float_array(volume, "volume")
    handle = _as_float_array(handle_minutes, "handle_minutes")
    waiting = _as_float_array(backlog, "backlog")
    _validate(volume=vol, handle_minutes=handle, backlog=waiting, periods_per_day=periods_per_day)
    hours = vol * handle / 60.0
    if burn_down_days is None:
        if np.any(waiting > 0):
            raise InputError("resource.burn_down_needed")
        return hours
    _validate(burn_down_days=burn_down_days)
    return hours + waiting * handle / 60.0 / (float(burn_down_days) * float(periods_per_day))


def _as_float_array(value: Any, name: str) -> np.ndarray:
    try:
        return np.asarray(value, dtype="float64")
    except (TypeError, ValueError):
        raise _refusal(name) from None


def workload_plan(
    frame: pd.DataFrame,
    *,
    productive_hours_per_fte: float,
    handle_minutes: float | None = None,
    backlog: float = 0,
    burn_down_days: float | None = None,
    shrinkage: float = 0.0,
    periods_per_day: float = 1.0,
) -> pd.DataFrame:
    """:func:`workload_staff` for every row (day or interval) of a frame.

    ``frame`` has ``volume`` (items arriving in the row's period) and
    optionally ``handle_minutes`` per row (the argument fills gaps, or stands
    in for a missing column). ``backlog`` is the backlog waiting now; every
    row carries its share of clearing it over ``burn_down_days``. Other
    arguments as in :func:`workload_staff`.

    Returns a copy of ``frame`` with ``workload_hours`` (agent hours of work
    in the period, backlog share included) and ``fte`` added.
    """
    if "volume" not in frame.columns:
        raise InputError("resource.missing_column", frame="frame", column="volume")
    volume = pd.to_numeric(frame["volume"], errors="coerce").to_numpy(dtype="float64")
    if "handle_minutes" in frame.columns:
        handle = pd.to_numeric(frame["handle_minutes"], errors="coerce").astype("float64")
        if handle_minutes is not None:
            handle = handle.fillna(float(handle_minutes))
        handle_arr = handle.to_numpy()
    elif handle_minutes is not None:
        handle_arr = np.full(len(frame), float(handle_minutes))
    else:
        raise InputError("resource.must_be.given", name="handle_minutes")
    _validate(
        backlog=backlog, productive_hours_per_fte=productive_hours_per_fte, shrinkage=shrinkage
    )
    hours = _workload_hours(volume, handle_arr, backlog, burn_down_days, periods_per_day)
    out = frame.copy()
    out["workload_hours"] = hours
    out["fte"] = hours / float(productive_hours_per_fte) / (1.0 - float(shrinkage))
    return out
