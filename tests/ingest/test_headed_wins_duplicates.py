"""A sheet recognised from its values that holds a ticket twice, beside a headed sheet
holding it too: both rows are set aside as the headed sheet's ticket. The earlier row
said "duplicate: row 4 of this sheet has the same key and was kept" while row 4 was
itself set aside, so no row of the sheet was kept."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import openpyxl

from svcops.ingest import import_files
from svcops.store import Workspace

T0 = datetime(2026, 3, 2, 9)


def _book() -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    headed = wb.create_sheet("Incidents")
    headed.append(["Number", "Opened", "Resolved", "Priority", "Assignment group"])
    for k, ticket in enumerate(["INC1001", "INC1002", "INC1004"]):
        headed.append(
            [ticket, T0 + timedelta(hours=2 * k), T0 + timedelta(hours=2 * k + 3), "P1", "Desk"]
        )
    weekly = wb.create_sheet("Weekly")  # terse headers: recognised from its values
    weekly.append(["No.", "Raised", "Done", "Sev", "Grp"])
    for k, ticket in enumerate(["INC1004", "INC1007", "INC1004", "INC1008", "INC1009"]):
        weekly.append(
            [
                ticket,
                T0 + timedelta(days=1, hours=k),
                T0 + timedelta(days=1, hours=2 * k + 1),
                ["P3", "P4"][k % 2],
                ["Network", "Field"][k % 2],
            ]
        )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_every_row_of_a_ticket_the_headed_sheet_holds_says_so():
    ws = Workspace(":memory:")
    report = import_files(ws, [("t.xlsx", _book())])
    assert [(s.sheet, s.rows, s.rejected) for s in report.sheets] == [
        ("Incidents", 3, 0),
        ("Weekly", 3, 2),
    ]
    got = ws.query("SELECT ticket_id, priority FROM tickets ORDER BY 1").values.tolist()
    assert got == [
        ["INC1001", "P1"],
        ["INC1002", "P1"],
        ["INC1004", "P1"],
        ["INC1007", "P4"],
        ["INC1008", "P4"],
        ["INC1009", "P3"],
    ]
    aside = ws.rejects()[["sheet", "row_number", "reason"]].values.tolist()
    why = (
        "ticket INC1004 is in sheet Incidents too, whose headers name its columns: that row is kept"
    )
    assert aside == [["Weekly", 2, why], ["Weekly", 4, why]]
    assert all('"No.":"INC1004"' in d for d in ws.rejects().data)
