"""The day the page names as the roster's end is the day its last shift is worked, the
last day of the typical week's four weeks: a shift that ends at midnight (16:00-24:00 on
Sunday 3 March) ends the roster on 3 March, not on the Monday its end time falls on."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from svcops import resource as rs
from svcops.filters import Filters
from svcops.ingest import import_paths

D = datetime

ROSTER = [
    {
        "date": D(2024, 3, 3),
        "team": "Desk",
        "agent": "Ann",
        "shift_start": D(2024, 3, 3, 16),
        "shift_end": D(2024, 3, 4, 0),
        "scheduled_hours": 8,
        "hourly_cost": 20,
    },
    {
        "date": D(2024, 2, 26),
        "team": "Desk",
        "agent": "Bo",
        "shift_start": D(2024, 2, 26, 8),
        "shift_end": D(2024, 2, 26, 9),
        "scheduled_hours": 1,
        "hourly_cost": 30,
    },
]


def test_a_roster_whose_last_shift_ends_at_midnight_ends_that_day(ws, workbook):
    import_paths(ws, [workbook({"roster": ROSTER})])
    # Horizon: Sunday 10 and Monday 11 March, past the roster: a typical week.
    got = rs.rostered(ws, Filters(end=date(2024, 3, 4)), D(2024, 3, 10), D(2024, 3, 12))
    assert (got.basis, got.last_shift) == ("typical_week", date(2024, 3, 3))
    at = got.intervals.set_index("interval_start")["rostered"]
    # The four weeks are 5 Feb - 3 Mar: Ann's one Sunday evening over four Sundays, and
    # Bo's Monday (26 Feb) 08:00-09:00 over four Mondays; 4 March holds nothing.
    assert at[D(2024, 3, 10, 16)] == pytest.approx(1 / 4)
    assert at[D(2024, 3, 10, 23, 30)] == pytest.approx(1 / 4)
    assert at[D(2024, 3, 11, 8)] == pytest.approx(1 / 4)
    assert at[D(2024, 3, 11, 0)] == 0
