"""The generated window: its days, public holidays, opening hours and planted dates.

:class:`Calendar` holds day-level arrays every table generator reads (weekday,
holiday, understaffed week, opening minutes); ``SPIKES`` and
``UNDERSTAFFED_WEEKS`` are the dates whose effects the pages are meant to find.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import numpy as np

DEFAULT_END = date(2026, 10, 31)

# Planted incidents: day -> (category, subcategory, availability service,
# outage start "HH:MM", outage minutes). Tuesdays, no holidays, no understaffed weeks.
SPIKES: dict[date, tuple[str, str, str, str, int]] = {
    date(2025, 3, 11): ("Network", "VPN", "VPN", "09:10", 285),
    date(2025, 10, 7): ("Email", "Delivery", "Email", "08:40", 340),
    date(2026, 4, 14): ("Access", "MFA", "Portal", "10:05", 215),
    date(2026, 9, 15): ("Billing", "Payment failure", "ERP", "13:20", 260),
}
SPIKE_DATES: tuple[date, ...] = tuple(sorted(SPIKES))

# Mondays of the weeks whose roster loses ~30 % of its shifts (flu wave, training,
# attrition); load, resolution times and the phone queue follow.
UNDERSTAFFED_WEEKS: tuple[date, ...] = (
    date(2025, 1, 27),
    date(2025, 5, 12),
    date(2025, 9, 22),
    date(2026, 2, 23),
    date(2026, 6, 8),
    date(2026, 9, 28),
)

# Improvement initiatives that really move a KPI from their go-live day on, which the
# Innovation page should find (svcops.sample.registers.initiatives links them): the
# knowledge base revamp lifts the chance of a first-contact fix on the Service Desk
# by a quarter; the chat bot, which collects the details first, cuts handle time on chat
# by a quarter.
KB_GO_LIVE = date(2025, 12, 1)
KB_FCR_LIFT = 1.25
CHATBOT_GO_LIVE = date(2026, 3, 2)
CHATBOT_HANDLE = 0.75
# Password self-service: from its go-live, Access tickets move to the portal, reaching
# SELF_SERVICE_SHIFT of them (taken evenly from every channel) after SELF_SERVICE_RAMP days.
SELF_SERVICE_GO_LIVE = date(2026, 3, 16)
SELF_SERVICE_SHIFT = 0.3
SELF_SERVICE_RAMP = 120

# Phone and chat are staffed 07:00-20:00 on weekdays, 09:00-17:00 at weekends and
# on holidays; outside those hours contacts arrive by email or portal only.
OPEN = {"weekday": (7 * 60, 20 * 60), "weekend": (9 * 60, 17 * 60)}

# Volume levels follow calendar dates: growth is measured from this day, so a short
# window shows the same level as those dates in a long one.
GROWTH_REF = date(2024, 11, 1)


class Calendar:
    """Day-level arrays for the generated window."""

    def __init__(self, end: date, days: int):
        self.end = end
        self.start = end - timedelta(days=days - 1)
        self.n = days
        self.dates = np.arange(
            np.datetime64(self.start, "D"), np.datetime64(end, "D") + 1, dtype="datetime64[D]"
        )
        self.py_dates = [self.start + timedelta(days=i) for i in range(days)]
        self.weekday = np.array([d.weekday() for d in self.py_dates])
        us = holidays.US(years=range(self.start.year, end.year + 1))
        self.holiday = np.array([d in us for d in self.py_dates])
        self.weekend_like = (self.weekday >= 5) | self.holiday
        # Years since a fixed reference day, so a short window shows the same level as
        # the same dates in a long one.
        self.t_years = ((self.start - GROWTH_REF).days + np.arange(days)) / 365.25
        # Week number relative to the Monday on or before the start.
        self.week = (np.arange(days) + self.weekday[0]) // 7
        self.week_monday = [
            self.start - timedelta(days=int(self.weekday[0])) + timedelta(weeks=int(w))
            for w in range(int(self.week[-1]) + 1)
        ]
        under = set(UNDERSTAFFED_WEEKS)
        self.understaffed_week = np.array([m in under for m in self.week_monday])
        self.understaffed = self.understaffed_week[self.week]
        wk_open, we_open = OPEN["weekday"], OPEN["weekend"]
        self.open_min = np.where(self.weekend_like, we_open[0], wk_open[0])
        self.close_min = np.where(self.weekend_like, we_open[1], wk_open[1])
        self.end_minute = days * 1440 - 1  # 23:59 on the last day

    def index(self, d: date) -> int | None:
        i = (d - self.start).days
        return i if 0 <= i < self.n else None

    def to_datetime(self, minutes: np.ndarray) -> np.ndarray:
        """Minutes since the window start (float, NaN = missing) -> datetime64[us]."""
        base = np.datetime64(self.start, "m")
        out = np.full(minutes.shape, np.datetime64("NaT"), dtype="datetime64[us]")
        ok = ~np.isnan(minutes)
        out[ok] = (base + minutes[ok].astype(np.int64).astype("timedelta64[m]")).astype(
            "datetime64[us]"
        )
        return out


def hhmm(text: str) -> int:
    """Minutes since midnight of an "HH:MM" text."""
    h, m = text.split(":")
    return int(h) * 60 + int(m)
