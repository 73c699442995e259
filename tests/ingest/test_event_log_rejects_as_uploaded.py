"""A tickets row an event log gives (each case's latest event) that is set aside keeps
the row as uploaded: the sheet's own columns, not the columns the import works out for
it (the case's first event, last activity, resolve and close times, reopens)."""

from __future__ import annotations

import json

from svcops.ingest import import_files
from svcops.store import Workspace

# Cases C1 and C2 both name ticket T1 (their latest rows are 3 and 5): T1 is one ticket,
# and the earlier case's latest row is set aside as a duplicate of row 5. C3's SLA is no
# number: its value is set to empty and its row listed.
CSV = b"""Case ID,Activity,Timestamp,Ticket number,Priority,SLA hours
C1,Open,2026-01-05 09:00,T1,P1,8
C1,Resolved,2026-01-05 10:00,T1,P1,8
C2,Open,2026-01-05 09:30,T1,P2,8
C2,Closed,2026-01-05 11:00,T1,P2,8
C3,Open,2026-01-05 09:40,T3,P2,soon
"""


def test_a_tickets_row_of_an_event_log_set_aside_is_the_row_as_uploaded():
    ws = Workspace(":memory:")
    report = import_files(ws, [("ev.csv", CSV)])
    assert [(s.table, s.rows, s.rejected) for s in report.sheets] == [
        ("events", 5, 0),
        ("tickets", 2, 1),
    ]
    aside = ws.query(
        "SELECT row_number, action, data FROM rejects ORDER BY row_number, action"
    ).to_dict("records")
    assert [(r["row_number"], r["action"]) for r in aside] == [
        (3, "rejected"),
        (6, "value set to empty"),
    ]
    by_row = {r["row_number"]: json.loads(r["data"]) for r in aside}
    assert by_row[3] == {
        "Case ID": "C1",
        "Activity": "Resolved",
        "Timestamp": "2026-01-05 10:00",
        "Ticket number": "T1",
        "Priority": "P1",
        "SLA hours": "8",
    }
    assert by_row[6] == {
        "Case ID": "C3",
        "Activity": "Open",
        "Timestamp": "2026-01-05 09:40",
        "Ticket number": "T3",
        "Priority": "P2",
        "SLA hours": "soon",
    }
