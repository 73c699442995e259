"""Two call logs that share half-hours (issue 17, svcops/ingest/calls.py): the intervals
hold the calls of both, and removing either log leaves the figures of the calls that
remain. Before, the second log's figures replaced the first's for every half-hour they
shared, while both logs' calls stayed in ``calls``. Every figure worked out by hand."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import openpyxl
import pytest

from svcops.ingest import import_files
from svcops.store import Workspace

HEADER = ["call_id", "date", "vru_entry", "q_start", "ser_start", "ser_exit", "outcome", "server"]
# Queue A, 09:00-09:30: a1 answered (wait 10 s, handle 240 s), a2 hung up in the queue.
QUEUE_A = [
    ["a1", "2026-03-02", "9:00:05", "9:00:15", "9:00:25", "9:04:25", "AGENT", "ANA"],
    ["a2", "2026-03-02", "9:05:00", "9:05:10", "0:00:00", "0:00:00", "HANG", "NO_SERVER"],
]
# Queue B: b1 09:00-09:30 answered (wait 30 s, handle 300 s); b2 09:30-10:00 answered
# (wait 60 s, handle 120 s).
QUEUE_B = [
    ["b1", "2026-03-02", "9:10:00", "9:10:10", "9:10:40", "9:15:40", "AGENT", "BEN"],
    ["b2", "2026-03-02", "9:40:00", "9:40:10", "9:41:10", "9:43:10", "AGENT", "ANA"],
]
A_ONLY = {"09:00": (2, 1, 1, 240.0, 10.0, 0.5)}
B_ONLY = {"09:00": (1, 1, 0, 300.0, 30.0, 0.0), "09:30": (1, 1, 0, 120.0, 60.0, 0.0)}
# 09:00 with both: a1, b1 answered, a2 abandoned; AHT (240+300)/2, ASA (10+30)/2,
# within 20 s: a1 only, of 3 offered.
BOTH = {"09:00": (3, 2, 1, 270.0, 20.0, pytest.approx(1 / 3)), "09:30": B_ONLY["09:30"]}


def _log(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode()


def _intervals(ws: Workspace) -> dict:
    got = ws.query(
        "SELECT strftime(interval_start, '%H:%M') AS at, offered, answered, abandoned, "
        "aht_seconds, asa_seconds, service_level FROM intervals ORDER BY 1"
    )
    return {r[0]: tuple(r[1:]) for r in got.itertuples(index=False)}


def _two_logs() -> tuple[Workspace, int, int]:
    ws = Workspace(":memory:")
    (a, _) = import_files(ws, [("queue_a.txt", _log(QUEUE_A))]).sheets
    (b, _) = import_files(ws, [("queue_b.txt", _log(QUEUE_B))]).sheets
    return ws, a.upload_id, b.upload_id


def test_a_second_log_of_the_same_half_hour_adds_its_calls():
    ws, _, _ = _two_logs()
    assert ws.row_counts()["calls"] == 4
    assert _intervals(ws) == BOTH


def test_either_log_removed_leaves_the_figures_of_the_other():
    ws, a, b = _two_logs()
    ws.remove_upload(a)  # the older: the newer's rows had counted a1 and a2
    assert _intervals(ws) == B_ONLY
    ws, a, b = _two_logs()
    ws.remove_upload(b)  # the newer: the older's own figures come back
    assert _intervals(ws) == A_ONLY


def test_a_log_imported_again_is_not_counted_twice():
    ws, _, _ = _two_logs()
    import_files(ws, [("queue_a.txt", _log(QUEUE_A))])
    assert ws.row_counts()["calls"] == 4
    assert _intervals(ws) == BOTH


def test_an_intervals_sheet_of_the_same_half_hour_is_left_as_uploaded():
    # Interval statistics uploaded as such (not derived from calls) are not rewritten
    # when a call log is removed.
    ws, a, _ = _two_logs()
    sheet = "interval_start,channel,offered,answered\r\n2026-03-02 09:00,email,7,6\r\n"
    import_files(ws, [("email.csv", sheet.encode())])
    ws.remove_upload(a)
    got = ws.query("SELECT offered, answered FROM intervals WHERE channel = 'email'")
    assert got.to_dict("records") == [{"offered": 7, "answered": 6}]
    assert _intervals(ws)["09:30"] == B_ONLY["09:30"]


def test_a_wait_or_handle_time_in_the_wrong_order_or_missing_is_unknown_not_zero():
    # A CDR export with no durations: k1 answered 4 minutes "before" it queued, k2
    # answered with no answer or end time, k3 answered 2 s before it queued (clock
    # drift: wait 0), k4 ended 10 minutes before it was answered. Before, each gave a
    # wait or handle of 0: answered at once, within the service level.
    header = ["Call ID", "Call Start", "Queue Start", "Answer Time", "Call End", "Call Result"]
    day = "2026-03-02 "
    rows = [
        ["k1", day + "09:00:00", day + "09:05:00", day + "09:01:00", day + "09:06:00", "answered"],
        ["k2", day + "09:02:00", day + "09:02:10", "", "", "answered"],
        ["k3", day + "09:03:00", day + "09:03:10", day + "09:03:08", day + "09:05:08", "answered"],
        ["k4", day + "09:04:00", day + "09:04:10", day + "09:04:40", day + "08:54:40", "answered"],
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *rows])
    ws = Workspace(":memory:")
    import_files(ws, [("cdr.csv", out.getvalue().encode())])
    calls = ws.query("SELECT call_id, wait_seconds, handle_seconds FROM calls ORDER BY 1")
    got = {r.call_id: (r.wait_seconds, r.handle_seconds) for r in calls.itertuples()}
    nan = pytest.approx(float("nan"), nan_ok=True)
    assert got == {"k1": (nan, 300.0), "k2": (nan, nan), "k3": (0.0, 120.0), "k4": (30.0, nan)}
    # 4 offered, all answered; AHT (300+120)/2; ASA (0+30)/2; within 20 s: k3 only.
    assert _intervals(ws) == {"09:00": (4, 4, 0, 210.0, 15.0, 0.25)}


def test_a_log_pasted_twice_into_one_file_counts_each_call_once():
    ws = Workspace(":memory:")
    (calls, _) = import_files(ws, [("twice.txt", _log(QUEUE_A + QUEUE_B + QUEUE_A))]).sheets
    assert (calls.rows, calls.rejected) == (4, 2)
    assert _intervals(ws) == BOTH
    reasons = ws.query("SELECT reasons FROM rejects").reasons.tolist()
    assert len(reasons) == 2 and all("ingest.reason.duplicate" in r for r in reasons)


def test_a_tickets_export_with_a_call_start_and_an_agent_is_not_a_call_log():
    # A call-back list: each ticket with the time the customer was called. "Call start"
    # and "Agent name" are call-log headers, but nothing else of a call is there (no
    # queue, answer or end time, no duration, no outcome).
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["Ticket", "Created", "Call start", "Agent name", "Priority"])
    for i in range(6):
        sheet.append(
            [f"T{i}", datetime(2026, 3, 2, 8 + i), datetime(2026, 3, 2, 8 + i, 30), "Ana", "High"]
        )
    out = io.BytesIO()
    wb.save(out)
    ws = Workspace(":memory:")
    (got,) = import_files(ws, [("callbacks.xlsx", out.getvalue())]).sheets
    assert (got.table, got.rows) == ("tickets", 6)
    assert ws.row_counts().get("calls", 0) == 0 and ws.row_counts().get("intervals", 0) == 0
