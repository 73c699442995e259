"""A time column headed as a span up to a moment ("Time to answer", "Time before
abandon") is a duration, though its header holds a moment word: it does not take the
row's date, as "Talk time" does not (split_times.combine_date_and_time). It took it,
and a 25-second wait beside a 14:00 queue entry became 00:00:25 on the next day."""

from __future__ import annotations

import pyarrow as pa

from svcops.ingest.read import RawSheet
from svcops.ingest.split_times import combine_date_and_time


def test_a_span_up_to_a_moment_is_a_duration():
    raw = RawSheet(
        "log.csv",
        "log",
        pa.table(
            {
                "Call date": ["2024-03-01", "2024-03-01"],
                "Queue entry time": ["14:00:00", "23:59:00"],
                "Time to answer": ["0:00:25", "0:01:30"],
                "Time answered": ["14:00:25", "0:00:30"],
                "Time before abandon": ["0:00:00", "0:00:00"],
                "_row": [2, 3],
            }
        ),
    )
    out = combine_date_and_time(raw)
    got = out.data.to_pydict()
    assert got["Queue entry time"] == ["2024-03-01 14:00:00", "2024-03-01 23:59:00"]
    assert got["Time answered"] == ["2024-03-01 14:00:25", "2024-03-02 00:00:30"]
    assert got["Time to answer"] == ["0:00:25", "0:01:30"]
    assert got["Time before abandon"] == ["0:00:00", "0:00:00"]
    assert [str(n) for n in out.notes] == [
        "Call date + Queue entry time: read together as one date and time",
        "Call date + Time answered: read together as one date and time",
    ]
