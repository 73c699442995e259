"""Per-call logs (issue 17): one row per call imports as the calls it holds and as
contact-centre interval statistics per 30 minutes (svcops/ingest/calls.py,
docs/imports.md). Every figure here is worked out by hand from the constructed log."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import openpyxl
import pytest

from svcops.i18n import render
from svcops.ingest import import_files
from svcops.store import Workspace

HEADER = ["call_id", "date", "vru_entry", "q_start", "ser_start", "ser_exit", "outcome", "server"]
# As the bank's ACD writes it: a date column, times of day, 0:00:00 for "did not happen".
CALLS = [
    # A 09:00-09:30: c1 wait 10 handle 240; c2 wait 30 handle 300; c3 served without
    # queueing (wait 0, placed at its answer 09:20:12) handle 120; c4 hung up in queue;
    # c5 hung up in the voice menu (never queued: not offered).
    ["c1", "2026-03-02", "9:00:05", "9:00:15", "9:00:25", "9:04:25", "AGENT", "ANA"],
    ["c2", "2026-03-02", "9:10:00", "9:10:10", "9:10:40", "9:15:40", "AGENT", "BEN"],
    ["c3", "2026-03-02", "9:20:00", "0:00:00", "9:20:12", "9:22:12", "AGENT", "ANA"],
    ["c4", "2026-03-02", "9:25:00", "9:25:10", "0:00:00", "0:00:00", "HANG", "NO_SERVER"],
    ["c5", "2026-03-02", "9:28:00", "0:00:00", "0:00:00", "0:00:00", "HANG", "NO_SERVER"],
    # B 09:30-10:00: c6 arrived 09:29:50 but queued 09:30:05 (counts in B) wait 25
    # handle 360; c7 wait 60 handle 120; c8 hung up in queue; c9 PHANTOM (not counted);
    # c10 wait 5 handle 600 (ends after 10:00, still counted where it queued).
    ["c6", "2026-03-02", "9:29:50", "9:30:05", "9:30:30", "9:36:30", "AGENT", "BEN"],
    ["c7", "2026-03-02", "9:40:00", "9:40:10", "9:41:10", "9:43:10", "AGENT", "ANA"],
    ["c8", "2026-03-02", "9:45:00", "9:45:10", "0:00:00", "0:00:00", "HANG", "NO_SERVER"],
    ["c9", "2026-03-02", "9:50:00", "9:50:05", "9:50:10", "9:50:40", "PHANTOM", "NO_SERVER"],
    ["c10", "2026-03-02", "9:55:00", "9:55:05", "9:55:10", "10:05:10", "AGENT", "BEN"],
    # No arrival time: cannot be placed, set aside with the reason.
    ["c11", "2026-03-02", "", "9:58:00", "9:58:30", "9:59:00", "AGENT", "ANA"],
]


def _csv(rows: list[list[str]], header: list[str] = HEADER, sep: str = "\t") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


@pytest.fixture
def imported():
    ws = Workspace(":memory:")
    report = import_files(ws, [("calls_march.txt", _csv(CALLS))])
    return ws, report


def test_a_call_log_imports_as_calls_and_intervals(imported):
    ws, report = imported
    assert [(s.table, s.rows, s.rejected) for s in report.sheets] == [
        ("calls", 10, 1),
        ("intervals", 2, 0),
    ]
    got = ws.query(
        "SELECT strftime(interval_start, '%H:%M') AS at, channel, offered, answered, "
        "abandoned, aht_seconds, asa_seconds, service_level FROM intervals ORDER BY 1"
    )
    assert got.to_dict("records") == [
        # offered 4 = 3 answered + 1 abandoned; AHT (240+300+120)/3; ASA (10+30+0)/3;
        # answered within 20 s: c1, c3 of 4 offered.
        {
            "at": "09:00",
            "channel": "phone",
            "offered": 4,
            "answered": 3,
            "abandoned": 1,
            "aht_seconds": 220.0,
            "asa_seconds": pytest.approx(40 / 3),
            "service_level": 0.5,
        },
        # AHT (360+120+600)/3; ASA (25+60+5)/3; within 20 s: c10 only.
        {
            "at": "09:30",
            "channel": "phone",
            "offered": 4,
            "answered": 3,
            "abandoned": 1,
            "aht_seconds": 360.0,
            "asa_seconds": 30.0,
            "service_level": 0.25,
        },
    ]


def test_each_call_is_kept_with_how_it_counts(imported):
    ws, _ = imported
    calls = ws.query(
        "SELECT call_id, strftime(interval_start, '%H:%M') AS at, counted_as, wait_seconds, "
        "handle_seconds, agent FROM calls ORDER BY arrived_at"
    )
    rows = {r["call_id"]: r for r in calls.to_dict("records")}
    assert len(rows) == 10
    assert {k: (r["at"], r["counted_as"]) for k, r in rows.items()} == {
        "c1": ("09:00", "answered"),
        "c2": ("09:00", "answered"),
        "c3": ("09:00", "answered"),
        "c4": ("09:00", "abandoned"),
        "c5": ("09:00", "not_offered"),
        "c6": ("09:30", "answered"),
        "c7": ("09:30", "answered"),
        "c8": ("09:30", "abandoned"),
        "c9": ("09:30", "not_counted"),
        "c10": ("09:30", "answered"),
    }
    assert rows["c3"]["wait_seconds"] == 0 and rows["c3"]["handle_seconds"] == 120
    assert rows["c6"]["wait_seconds"] == 25 and rows["c10"]["handle_seconds"] == 600
    rejected = ws.query("SELECT data, reasons FROM rejects")
    assert len(rejected) == 1 and '"c11"' in rejected.data[0]
    assert "arrived_at" in rejected.reasons[0]


def test_reimporting_the_log_replaces_its_calls_and_intervals(imported):
    ws, _ = imported
    import_files(ws, [("calls_march.txt", _csv(CALLS))])
    assert ws.row_counts()["calls"] == 10
    assert ws.scalar("SELECT sum(offered) FROM intervals") == 8


def test_durations_in_the_log_win_over_clock_differences():
    # A log that gives queue and service seconds (switch clocks drift): those are used.
    header = [*HEADER, "q_time", "ser_time"]
    rows = [[*CALLS[0], "9", "241"], [*CALLS[1], "31", "299"], [*CALLS[3], "12", "0"]]
    ws = Workspace(":memory:")
    import_files(ws, [("calls.txt", _csv(rows, header))])
    got = ws.query("SELECT offered, answered, aht_seconds, asa_seconds FROM intervals")
    assert got.to_dict("records") == [
        {"offered": 3, "answered": 2, "aht_seconds": 270.0, "asa_seconds": 20.0}
    ]


def test_a_log_with_full_timestamps_and_no_outcome_or_queue_column():
    # A CDR export: arrival and answer as date-times; no answer time = abandoned, the
    # wait runs from arrival.
    header = ["Call ID", "Call Start", "Answer Time", "Call End", "Agent"]
    rows = [
        ["1", "2026-03-02 14:01:00", "2026-03-02 14:01:30", "2026-03-02 14:05:30", "ANA"],
        ["2", "2026-03-02 14:20:00", "", "", ""],
        ["3", "2026-03-02 14:40:00", "2026-03-02 14:40:10", "2026-03-02 14:42:10", "BEN"],
    ]
    ws = Workspace(":memory:")
    import_files(ws, [("cdr.csv", _csv(rows, header, sep=","))])
    got = ws.query(
        "SELECT strftime(interval_start, '%H:%M') AS at, offered, answered, abandoned, "
        "aht_seconds, asa_seconds, service_level FROM intervals ORDER BY 1"
    )
    assert got.to_dict("records") == [
        {
            "at": "14:00",
            "offered": 2,
            "answered": 1,
            "abandoned": 1,
            "aht_seconds": 240.0,
            "asa_seconds": 30.0,
            "service_level": 0.0,
        },
        {
            "at": "14:30",
            "offered": 1,
            "answered": 1,
            "abandoned": 0,
            "aht_seconds": 120.0,
            "asa_seconds": 10.0,
            "service_level": 1.0,
        },
    ]


def test_a_long_log_keeps_each_calls_own_times():
    # Past the reader's first chunk (16,384 rows) the date + time-of-day columns were
    # combined out of row order: later calls got other calls' times.
    start = datetime(2026, 3, 2, 0, 0, 0)
    rows = []
    for i in range(20_000):
        at = start + timedelta(seconds=4 * i)
        rows.append([f"k{i}", at.strftime("%Y-%m-%d"), at.strftime("%-H:%M:%S"), "AGENT"])
    ws = Workspace(":memory:")
    import_files(ws, [("long.txt", _csv(rows, ["call_id", "date", "vru_entry", "outcome"]))])
    wrong = ws.scalar(
        "SELECT count(*) FROM calls WHERE arrived_at <> TIMESTAMP '2026-03-02 00:00:00' "
        "+ to_seconds(4 * CAST(substr(call_id, 2) AS BIGINT))"
    )
    assert ws.row_counts()["calls"] == 20_000 and wrong == 0


# ------------------------------------------- time columns headed with time words, one date
# An ACD report with a date column and times of day headed as times ("Queue entry time",
# "Time answered"), and no arrival column: a call arrives when it enters the queue.
DAY = datetime(2026, 3, 2)
# (queue entry, seconds waited, seconds handled; None: the caller hung up in the queue)
HEADED_CALLS = [
    # 09:00-09:30: 12 offered, 3 abandoned; waits 10/20/30 three times each (sum 180,
    # ASA 20, 6 within 20 s: SL 6/12); handles 100/200/300 three times each (AHT 200).
    # The last entered at 09:29:50 and is answered at 09:30:20: it counts at 09:00.
    ("09:00:00", 10, 100),
    ("09:02:30", 20, 200),
    ("09:05:00", 30, 300),
    ("09:07:30", None, None),
    ("09:10:00", 10, 100),
    ("09:12:30", 20, 200),
    ("09:15:00", None, None),
    ("09:17:30", 30, 300),
    ("09:20:00", 10, 100),
    ("09:22:30", None, None),
    ("09:25:00", 20, 200),
    ("09:29:50", 30, 300),
    # 09:30-10:00: 12 offered, 2 abandoned; waits 5 five times and 45 five times (ASA
    # 25, 5 within 20 s: SL 5/12); handles 60 five times and 300 five times (AHT 180).
    # The last ends at 10:04:45, after its half-hour.
    ("09:30:00", 5, 60),
    ("09:32:00", 45, 300),
    ("09:34:00", 5, 60),
    ("09:36:00", None, None),
    ("09:38:00", 45, 300),
    ("09:40:00", 5, 60),
    ("09:42:00", 45, 300),
    ("09:44:00", 5, 60),
    ("09:46:00", None, None),
    ("09:48:00", 45, 300),
    ("09:50:00", 5, 60),
    ("09:59:00", 45, 300),
]


def _headed_rows(as_text: bool) -> list[list[object]]:
    rows = []
    for entry, wait, handle in HEADED_CALLS:
        queued = datetime.combine(DAY, datetime.strptime(entry, "%H:%M:%S").time())
        answered = queued + timedelta(seconds=wait) if wait is not None else None
        ended = answered + timedelta(seconds=handle) if answered is not None else None
        moments = [queued, answered, ended]
        if as_text:  # 9:00:00, as the ACD writes it; blank when it did not happen
            rows.append(
                ["2026-03-02", *(f"{m:%-H:%M:%S}" if m else "" for m in moments)]
                + ["Answered" if wait is not None else "Abandoned"]
            )
        else:  # Excel date and time cells
            rows.append(
                [DAY.date(), *(m.time() if m else None for m in moments)]
                + ["Handled" if wait is not None else "Abandoned"]
            )
    return rows


def _headed_book(header: list[str], rows: list[list[object]]) -> bytes:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "ACD"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "name, data",
    [
        (
            "acd.csv",
            _csv(
                _headed_rows(as_text=True),
                ["Date", "Queue entry time", "Service start time", "Service end time", "Outcome"],
                sep=",",
            ),
        ),
        (
            "acd.xlsx",
            _headed_book(
                ["Call date", "Time entered queue", "Time answered", "Time ended", "Result"],
                _headed_rows(as_text=False),
            ),
        ),
    ],
)
def test_time_columns_headed_as_times_beside_one_date_column(name, data):
    ws = Workspace(":memory:")
    report = import_files(ws, [(name, data)])
    assert [(s.table, s.rows, s.rejected) for s in report.sheets] == [
        ("calls", 24, 0),
        ("intervals", 2, 0),
    ]
    notes = [render(n, "en") for n in report.sheets[0].notes]
    assert any(
        "the log has no arrival time, so each call arrives when it enters" in n for n in notes
    )
    got = ws.query(
        "SELECT strftime(interval_start, '%H:%M') AS at, offered, answered, abandoned, "
        "aht_seconds, asa_seconds, service_level FROM intervals ORDER BY 1"
    )
    assert got.to_dict("records") == [
        {
            "at": "09:00",
            "offered": 12,
            "answered": 9,
            "abandoned": 3,
            "aht_seconds": 200.0,
            "asa_seconds": 20.0,
            "service_level": 0.5,
        },
        {
            "at": "09:30",
            "offered": 12,
            "answered": 10,
            "abandoned": 2,
            "aht_seconds": 180.0,
            "asa_seconds": 25.0,
            "service_level": pytest.approx(5 / 12),
        },
    ]
    # Each call on its day: the arrival is the queue entry; the last ends at 10:04:45.
    calls = ws.query("SELECT arrived_at, queued_at, ended_at FROM calls ORDER BY queued_at")
    assert (calls.arrived_at == calls.queued_at).all()
    assert calls.queued_at.iloc[0] == datetime(2026, 3, 2, 9, 0)
    assert calls.ended_at.max() == datetime(2026, 3, 2, 10, 4, 45)
    assert ws.rejects().empty
