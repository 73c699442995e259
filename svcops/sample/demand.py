"""The demand model: tickets expected per day, and their hour-of-day and channel shape.

Tickets are drawn from it; the phone queue's calls without a ticket follow it too.
"""

from __future__ import annotations

import numpy as np

from .calendar import Calendar

# Relative arrivals per hour of day (lunch dip at 12:00; APAC and night owls after hours).
HOURLY_WEEKDAY = np.array(
    [
        0.15,
        0.10,
        0.08,
        0.08,
        0.10,
        0.20,
        0.45,
        1.20,
        2.60,
        3.40,
        3.50,
        3.20,
        2.20,
        2.90,
        3.30,
        3.10,
        2.70,
        1.90,
        1.10,
        0.70,
        0.50,
        0.40,
        0.30,
        0.20,
    ]
)
HOURLY_WEEKEND = np.array(
    [
        0.25,
        0.18,
        0.12,
        0.10,
        0.10,
        0.15,
        0.30,
        0.60,
        1.10,
        1.60,
        1.90,
        2.00,
        1.80,
        1.80,
        1.80,
        1.70,
        1.50,
        1.20,
        0.90,
        0.70,
        0.60,
        0.50,
        0.40,
        0.30,
    ]
)
_WEEKDAY_FACTOR = np.array([1.08, 1.04, 1.00, 0.98, 0.90, 0.30, 0.27])  # Mon..Sun
_BASE_WEEKDAY_VOLUME = 100.0  # tickets on an average weekday on calendar.GROWTH_REF
_GROWTH_PER_YEAR = 0.15
_HOLIDAY_FACTOR = 0.30


def expected_tickets(cal: Calendar) -> np.ndarray:
    """Tickets expected each day of the window: growth x weekday x season x holiday."""
    return (
        _BASE_WEEKDAY_VOLUME
        * (1 + _GROWTH_PER_YEAR) ** cal.t_years
        * _WEEKDAY_FACTOR[cal.weekday]
        * seasonality(cal)
        * np.where(cal.holiday, _HOLIDAY_FACTOR, 1.0)
    )


def seasonality(cal: Calendar) -> np.ndarray:
    """Yearly factor: January and September peaks, August and late-December lows."""
    doy = np.array([d.timetuple().tm_yday for d in cal.py_dates], dtype=float)

    def bump(center: float, width: float, amp: float) -> np.ndarray:
        dist = np.abs(doy - center)
        dist = np.minimum(dist, 365.25 - dist)
        return amp * np.exp(-0.5 * (dist / width) ** 2)

    return (
        1 + bump(12, 12, 0.16) + bump(253, 14, 0.14) + bump(220, 12, -0.17) + bump(362, 4.5, -0.35)
    )


def phone_share(t_years: np.ndarray) -> np.ndarray:
    """Share of staffed-hours contacts by phone; the portal takes 3 points a year."""
    return np.clip(0.38 - 0.03 * t_years, 0.15, 0.5)
