"""Interval statistics: the phone queue per 30 minutes, for the staffed intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .calendar import Calendar
from .demand import HOURLY_WEEKDAY, HOURLY_WEEKEND, phone_share

# Calls that never become tickets, relative to phone tickets (offered ~ 1.5x phone tickets).
_CALLS_WITHOUT_TICKET = 0.5
_PHONE_SHARE_OF_DESK = 0.9  # fraction of on-shift Service Desk agents taking calls
_PHONE_AHT_SECONDS = 640.0
_SL_THRESHOLD_SECONDS = 20.0
_MAX_ASA_SECONDS = 300.0


def _erlang_c(a: np.ndarray, k: np.ndarray, aht: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Erlang C service level (answered within the threshold) and ASA for ``k`` agents.

    Overloaded intervals (k <= a) have no steady state; callers abandon instead, so
    we return a low service level and a long wait.
    """
    k = np.maximum(k, 1)
    b = np.ones_like(a)
    b_at_k = np.ones_like(a)
    for j in range(1, int(k.max()) + 1):
        b = a * b / (j + a * b)
        b_at_k = np.where(k == j, b, b_at_k)
    ok = k > a
    denom = np.where(ok, k - a * (1 - b_at_k), 1.0)
    c = np.where(ok, k * b_at_k / denom, 1.0)
    gap = np.where(ok, k - a, 1.0)
    sl = np.where(ok, 1 - c * np.exp(-gap * _SL_THRESHOLD_SECONDS / aht), 0.0)
    # Callers hang up long before the steady-state wait near saturation: cap it.
    asa = np.where(ok, np.minimum(c * aht / gap, _MAX_ASA_SECONDS), _MAX_ASA_SECONDS)
    sl = np.maximum(sl, 0.15)
    return sl, asa


def generate(
    cal: Calendar, internals: dict, roster: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    """30-minute phone queue statistics for the staffed intervals only."""
    n_days = cal.n
    slots = np.arange(48)
    day_grid = np.repeat(np.arange(n_days), 48)
    slot_grid = np.tile(slots, n_days)
    start_min = slot_grid * 30
    staffed = (start_min >= cal.open_min[day_grid]) & (start_min < cal.close_min[day_grid])

    is_phone = internals["channel"] == 0
    slot_of = internals["day"] * 48 + internals["minute"] // 30
    phone_tickets = np.bincount(slot_of[is_phone], minlength=n_days * 48)
    spike_phone = np.bincount(slot_of[is_phone & internals["is_spike"]], minlength=n_days * 48)

    # Expected phone tickets per slot from the demand model (without the incident).
    prof_wd = HOURLY_WEEKDAY / HOURLY_WEEKDAY.sum()
    prof_we = HOURLY_WEEKEND / HOURLY_WEEKEND.sum()
    prof = np.where(cal.weekend_like[day_grid], prof_we[slot_grid // 2], prof_wd[slot_grid // 2])
    p_phone = phone_share(cal.t_years[day_grid])
    expected = internals["lam"][day_grid] * prof / 2 * p_phone
    extra = rng.poisson(_CALLS_WITHOUT_TICKET * (expected + spike_phone))
    offered = np.where(staffed, phone_tickets + extra, 0)

    # Service Desk agents on shift (present) per slot; a share of them takes calls.
    desk = roster[(roster["_team"] == 0) & (roster["worked_hours"] > 0)]
    s0 = desk["_start"].to_numpy() // 30
    s1 = desk["_end"].to_numpy() // 30
    lengths = s1 - s0
    covered = np.repeat(s0, lengths) + (
        np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    )
    on_shift = np.bincount(covered, minlength=n_days * 48)[: n_days * 48]
    agents = np.maximum(_PHONE_SHARE_OF_DESK * on_shift, 1.0)

    aht_true = _PHONE_AHT_SECONDS * np.exp(rng.normal(0, 0.08, n_days * 48))
    a = offered * aht_true / 1800.0
    k_lo = np.floor(agents)
    frac = agents - k_lo
    sl_lo, asa_lo = _erlang_c(a, k_lo, aht_true)
    sl_hi, asa_hi = _erlang_c(a, k_lo + 1, aht_true)
    sl = (1 - frac) * sl_lo + frac * sl_hi
    asa = (1 - frac) * asa_lo + frac * asa_hi

    p_abandon = np.clip(0.01 + 0.05 * asa / 60.0, 0, 0.5)
    abandoned = rng.binomial(offered, p_abandon)
    answered = offered - abandoned
    within = rng.binomial(answered, np.clip(sl / (1 - p_abandon), 0, 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        service_level = np.where(offered > 0, within / np.maximum(offered, 1), np.nan)
        noise = np.exp(rng.normal(0, 0.45 / np.sqrt(np.maximum(answered, 1))))
        aht = np.where(answered > 0, np.round(aht_true * noise), np.nan)
        asa_obs = np.where(
            answered > 0, np.round(asa * np.exp(rng.normal(0, 0.3, len(asa))), 1), np.nan
        )

    keep = staffed
    minutes = (day_grid * 1440 + start_min)[keep].astype(float)
    return pd.DataFrame(
        {
            "interval_start": cal.to_datetime(minutes),
            "offered": offered[keep].astype(np.int64),
            "channel": pd.array(np.full(int(keep.sum()), "phone"), dtype="str"),
            "answered": answered[keep].astype(np.int64),
            "abandoned": abandoned[keep].astype(np.int64),
            "aht_seconds": aht[keep],
            "asa_seconds": asa_obs[keep],
            "service_level": np.round(service_level[keep], 4),
        }
    )
