"""Issue 15, definitions under inputs the first tests did not try: activity names that
deny or undo a resolution, BPI 2013's 'Completed-Closed', SLA verdicts written as words.

Small constructed event logs and exports, imported through the real importer into a real
workspace; each expected value is worked out by hand beside it.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from svcops import kpi
from svcops.filters import Filters
from svcops.ingest import import_files, import_paths


def _at(day: int, hour: int = 0) -> datetime:
    return datetime(2024, 3, day, hour)


def _log_csv(rows) -> bytes:
    frame = pd.DataFrame(rows, columns=["case_id", "activity", "timestamp"])
    return frame.to_csv(index=False).encode()


# Each case with (resolved_at, closed_at, reopen_count) worked out by hand.
CASES = {
    # The caller rejects the resolution and it is resolved again at once: two
    # resolutions (2nd, 5th), one reopen; the rejection itself resolves nothing.
    "rejected": (
        [("Open", 1), ("Resolve", 2), ("Resolution rejected", 3), ("Resolve", 5), ("Closed", 6)],
        (_at(5), _at(6), 1),
    ),
    # "Not resolved" / "Not fixed" are no resolution: closed without one, timed to the
    # close, no reopen count (none was ever resolved).
    "not_resolved": ([("Open", 1), ("Not resolved", 2), ("Closed", 3)], (None, _at(3), None)),
    "not_fixed": ([("Open", 1), ("Not fixed", 2), ("Closed", 3)], (None, _at(3), None)),
    "zh_fix_failed": ([("新建", 1), ("修复失败", 2), ("已关闭", 5)], (None, _at(5), None)),
    # A denied close does not close: the case is still open after it.
    "close_denied": (
        [("Open", 1), ("Resolved", 2), ("Reopened - not closed", 3)],
        (None, None, 0),
    ),
    "zh_close_refused": (
        [("新建", 1), ("已解决", 2), ("关闭申请被拒", 3)],
        (None, None, 0),
    ),
    # BPI 2013 (Volvo IT): Completed-Resolved, then Completed-Closed days later. The
    # close is not a second resolution: resolved on the 3rd, closed on the 9th.
    "bpi": (
        [
            ("Queued-Awaiting Assignment", 1),
            ("Accepted-In Progress", 2),
            ("Completed-Resolved", 3),
            ("Completed-Closed", 9),
        ],
        (_at(3), _at(9), 0),
    ),
    # ...and reopened once: resolved 3rd, worked 4th, resolved 5th, closed 9th.
    "bpi_reopened": (
        [
            ("Queued-Awaiting Assignment", 1),
            ("Completed-Resolved", 3),
            ("Accepted-In Progress", 4),
            ("Completed-Resolved", 5),
            ("Completed-Closed", 9),
        ],
        (_at(5), _at(9), 1),
    ),
    # BPI's Completed-Cancelled closes (cancelled is not a word that undoes).
    "bpi_cancelled": (
        [("Queued-Awaiting Assignment", 1), ("Completed-Cancelled", 2)],
        (None, _at(2), None),
    ),
    # Completed on its own (no close word) still resolves.
    "completed": ([("Open", 1), ("Completed", 2), ("Closed", 4)], (_at(2), _at(4), 0)),
}


@pytest.fixture
def edge_ws(ws):
    rows = [(case, name, _at(day)) for case, (events, _) in CASES.items() for name, day in events]
    import_files(ws, [("log.csv", _log_csv(rows))])
    return ws


def _none(v):
    return None if pd.isna(v) else v


@pytest.mark.parametrize("case", list(CASES))
def test_activities_that_deny_or_only_close(edge_ws, case):
    row = edge_ws.query(
        "SELECT resolved_at, closed_at, reopen_count FROM tickets WHERE ticket_id = ?", [case]
    ).iloc[0]
    got = (_none(row["resolved_at"]), _none(row["closed_at"]), _none(row["reopen_count"]))
    assert got == CASES[case][1]


# --------------------------------------------------------------------------- SLA verdict words


def _verdict_tickets(header: str, verdicts: list) -> list[dict]:
    """Four P1 tickets (policy 4 h) resolved after 1, 2, 3 and 5 hours: the policy meets
    three of them, 3/4. The source's verdict is what the test puts in ``header``."""
    return [
        {
            "Ticket ID": f"T{i}",
            "Created": _at(2, 8),
            "Resolved": _at(2, 8 + hours),
            "Priority": "P1",
            header: verdicts[i],
        }
        for i, hours in enumerate((1, 2, 3, 5))
    ]


@pytest.mark.parametrize(
    ("header", "verdicts", "met"),
    [
        # Met on T0 and T2 only by the source: 2/4 (the policy would say 3/4).
        ("SLA met", ["Met", "Breached", "Met", "Not met"], 2 / 4),
        ("SLA status", ["Within SLA", "Breached", "within sla", "Missed"], 2 / 4),
        ("是否达标", ["达标", "超时", "达标", "未达标"], 2 / 4),
        # The same words in a breached column say the opposite: breached on T1, T3.
        ("SLA breached", ["Met", "Breached", "Met", "Breached"], 2 / 4),
        ("是否超时", ["未超时", "超时", "未超时", "已超时"], 2 / 4),
        # ServiceNow's task_sla "Has breached": breached on T3 only, 3/4.
        ("Has breached", ["false", "false", "false", "true"], 3 / 4),
    ],
)
def test_sla_verdicts_written_as_words_are_the_source_verdict(ws, workbook, header, verdicts, met):
    period = Filters(start=date(2024, 3, 1), end=date(2024, 3, 31))
    import_paths(ws, [workbook({"tickets": _verdict_tickets(header, verdicts)})])
    assert kpi.compute(ws, period)["sla_attainment"] == pytest.approx(met)
    d = kpi.definitions(ws, period)
    assert (d.sla_by_flag, d.sla_by_policy) == (4, 0)


# --------------------------------------------------------------------------- staffing bounds


@pytest.mark.parametrize(
    "args",
    [
        # 100 calls x 300 s in a 1e-300-minute interval: ~5e305 Erlangs, a 300-digit number.
        ("--volume", "100", "--aht-seconds", "300", "--interval-minutes", "1e-300"),
        # A 1e308-second handle time: infinite traffic.
        ("--volume", "100", "--aht-seconds", "1e308"),
    ],
)
def test_vast_traffic_is_refused_without_printing_it(capsys, args):
    from svcops.cli import main

    assert main(["staffing", *args]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == (
        "error: the interval's traffic (volume × handle time ÷ interval) is far more than "
        "the 100,000 Erlangs one queue can be planned for: check the volume, handle time "
        "and interval length\n"
    )


# --------------------------------------------------------------------------- a case across files

FEB = [
    # C1: opened 20 Feb, resolved 25 Feb, worked again 27 Feb: open at the end of February.
    ("C1", "Open", datetime(2024, 2, 20)),
    ("C1", "Resolve", datetime(2024, 2, 25)),
    ("C1", "Work", datetime(2024, 2, 27)),
    ("C2", "Open", datetime(2024, 2, 10)),
    ("C2", "Resolve", datetime(2024, 2, 11)),
    ("C2", "Closed", datetime(2024, 2, 18)),
]
# March's export carries on with C1: resolved again 2 March (its one reopen), closed 9 March.
MAR = [
    ("C1", "Resolve", datetime(2024, 3, 2)),
    ("C1", "Closed", datetime(2024, 3, 9)),
]


@pytest.mark.parametrize("order", ["feb_then_mar", "mar_then_feb"])
def test_a_case_running_on_into_the_next_file_keeps_its_history(ws, order):
    files = [("feb.csv", _log_csv(FEB)), ("mar.csv", _log_csv(MAR))]
    for name, data in files if order == "feb_then_mar" else files[::-1]:
        import_files(ws, [(name, data)])
    # The same February file again changes nothing (its events are merged, not doubled).
    import_files(ws, [("feb.csv", _log_csv(FEB))])
    got = ws.query(
        "SELECT ticket_id, created_at, resolved_at, closed_at, reopen_count FROM tickets ORDER BY 1"
    )
    assert got.values.tolist() == [
        ["C1", pd.Timestamp(2024, 2, 20), pd.Timestamp(2024, 3, 2), pd.Timestamp(2024, 3, 9), 1],
        ["C2", pd.Timestamp(2024, 2, 10), pd.Timestamp(2024, 2, 11), pd.Timestamp(2024, 2, 18), 0],
    ]
    assert ws.query("SELECT count(*) AS n FROM events")["n"].iloc[0] == 8


# --------------------------------------------------------------------------- caption wording


@pytest.mark.parametrize(
    ("flag", "policy"),
    [(1, 0), (0, 1), (1, 1)],
)
def test_the_sla_rule_reads_right_for_one_ticket(flag, policy):
    """'1 tickets' nowhere: the counts stand in brackets after what they count."""
    from svcops.i18n import render

    d = kpi.Definitions(
        done=flag + policy, sla_by_flag=flag, sla_by_policy=policy, timed_to_close=0, reopened=0
    )
    (note,) = d.notes()
    assert "1 tickets" not in render(note, "en")
    assert "1 张" in render(note, "zh")
