"""Sheets that are not tickets are not taken for tickets from their values (issue 17,
svcops/ingest/infer.py): lists with a unique code, two ordered dates and a small set of
names are everywhere -- rosters, interval reports, registers, invoices. Each workbook
here was taken for tickets before the rules below; each is written with openpyxl and
read through the real import path."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import openpyxl
import pytest

from svcops.ingest import IngestError, import_files, preview
from svcops.store import Workspace

T0 = datetime(2026, 3, 2, 8, 0)


def _xlsx(header: list[str], rows: list[list[object]]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(header)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _roster_with_shift_codes():
    # S1/S2/S3 read as priority codes (like Sev 1); every shift 8 hours: a schedule.
    header = ["Line", "From", "To", "Shift", "Crew"]
    rows = []
    for i in range(12):
        start = T0 + timedelta(hours=8 * i)
        rows.append([f"L{i}", start, start + timedelta(hours=8), f"S{i % 3 + 1}", "AB"[i % 2]])
    return header, rows


def _interval_report():
    # 30-minute slots with a queue name: the same gap on every row, no priority.
    header = ["Slot", "From", "To", "Calls", "Q"]
    rows = [
        [
            f"I{i}",
            T0 + timedelta(minutes=30 * i),
            T0 + timedelta(minutes=30 * i + 30),
            i,
            "AB"[i % 2],
        ]
        for i in range(12)
    ]
    return header, rows


def _risk_register():
    # Calendar days only (no time of day), High/Medium/Low ratings, owners.
    header = ["Ref", "Logged", "Done", "Rating", "Owner"]
    rows = []
    for i in range(12):
        day = (T0 + timedelta(days=3 * i)).date()
        rows.append(
            [
                f"R-{i:02d}",
                day,
                day + timedelta(days=5 + i),
                ["High", "Medium", "Low"][i % 3],
                "Ops" if i % 2 else "IT",
            ]
        )
    return header, rows


def _invoices():
    # Timestamps whose gap varies, a small set of vendors, but no priority words.
    header = ["Invoice", "Issued", "Paid", "Vendor", "Amount"]
    rows = []
    for i in range(12):
        at = T0 + timedelta(hours=5 * i)
        rows.append([f"INV{500 + i}", at, at + timedelta(hours=20 + 3 * i), "ABC"[i % 3], 100 * i])
    return header, rows


def _four_tickets():
    # Ticket-shaped, but four rows are too few to tell tickets by their values.
    header = ["Ref", "In", "Out", "Lvl", "Who"]
    rows = [
        [
            f"R{i}",
            T0 + timedelta(hours=i),
            T0 + timedelta(hours=2 * i + 1),
            ["High", "Low"][i % 2],
            "Desk",
        ]
        for i in range(4)
    ]
    return header, rows


@pytest.mark.parametrize(
    "sheet", [_roster_with_shift_codes, _interval_report, _risk_register, _invoices, _four_tickets]
)
def test_a_list_that_is_not_tickets_is_not_taken_for_tickets(sheet):
    header, rows = sheet()
    data = _xlsx(header, rows)
    with pytest.raises(IngestError, match="no table matches its columns"):
        preview(None, [("list.xlsx", data)])
    ws = Workspace(":memory:")
    with pytest.raises(IngestError):
        import_files(ws, [("list.xlsx", data)])
    assert ws.row_counts().get("tickets", 0) == 0


def test_a_terse_chinese_sheet_with_chinese_priority_words_is_still_tickets():
    header = ["单号", "提出", "完成", "级别", "组"]
    rows = [
        [
            f"GD{i:04d}",
            T0 + timedelta(hours=i),
            T0 + timedelta(hours=2 * i + 3),
            ["紧急", "高", "中", "低"][i % 4],
            ["一线", "二线"][i % 2],
        ]
        for i in range(8)
    ]
    ws = Workspace(":memory:")
    (sheet,) = import_files(ws, [("周报.xlsx", _xlsx(header, rows))]).sheets
    assert (sheet.table, sheet.rows) == ("tickets", 8)
    assert {c: sheet.mapping[c] for c in ("created_at", "resolved_at", "priority", "team")} == {
        "created_at": "提出",
        "resolved_at": "完成",
        "priority": "级别",
        "team": "组",
    }
    # 紧急 高 中 低 -> P1 P2 P3 P4, two of each.
    got = ws.query("SELECT priority, count(*) AS n FROM tickets GROUP BY 1 ORDER BY 1")
    assert got.to_dict("records") == [{"priority": f"P{k}", "n": 2} for k in range(1, 5)]


def test_jiras_own_columns_win_over_custom_fields_of_the_same_name_wherever_they_stand():
    # Columns re-ordered in Jira's export: the custom fields come first. Jira's own
    # Priority and Issue Type are the priority and category; the custom field named
    # Priority (a business rating) and the request type are left unmapped.
    header = [
        "Issue key",
        "Custom field (Priority)",
        "Custom field (Request Type)",
        "Created",
        "Priority",
        "Issue Type",
    ]
    lines = [",".join(header)]
    for i in range(3):
        lines.append(f"ITSM-{i},Gold,Get IT help,2026-03-02 0{i}:00,Low,Incident")
    ws = Workspace(":memory:")
    (sheet,) = import_files(ws, [("jira.csv", "\r\n".join(lines).encode())]).sheets
    assert sheet.mapping["priority"] == "Priority"
    assert sheet.mapping["category"] == "Issue Type"
    got = ws.query("SELECT DISTINCT priority, category FROM tickets")
    assert got.to_dict("records") == [{"priority": "P4", "category": "Incident"}]


# ----------------------------------------------- a bare ID beside a date (created_from_values)
# A ticket id recognised by its header and one column of dates was enough to take a sheet
# for tickets. A bare ID, No. or Number beside a date is any list: each of these was
# imported as tickets, its date as created_at.


def _staff_roster():
    # Employee ids repeat on each day; the shift start holds a time of day.
    header = ["ID", "Name", "Date", "Shift start", "Shift end"]
    rows = []
    for day in range(3):
        for k, name in enumerate(["Ana", "Ben", "Cy"]):
            start = T0 + timedelta(days=day, hours=4 * k)
            rows.append([f"E{101 + k}", name, start.date(), start, start + timedelta(hours=8)])
    return "Staff", header, rows


def _invoice_list():
    header = ["ID", "Invoice date", "Vendor", "Amount"]
    rows = [
        [f"INV-{500 + i}", (T0 + timedelta(days=2 * i)).date(), "ABC"[i % 3], 120.0 * (i + 1)]
        for i in range(7)
    ]
    return "Invoices", header, rows


def _asset_list():
    header = ["ID", "Description", "Purchase date", "Location"]
    rows = [
        [f"A{i:03d}", ["Laptop", "Monitor", "Dock"][i % 3], T0 + timedelta(days=40 * i), "HQ"]
        for i in range(5)
    ]
    return "Assets", header, rows


def _number_and_total():
    header = ["Number", "Date", "Total"]
    rows = [[f"{9000 + i}", (T0 + timedelta(days=i)).date(), 10 * i] for i in range(6)]
    return "Orders", header, rows


# A ticket export whose creation column no header names: Ticket ID and Logged (a date
# and time column) -- the shape the fallback is there for.
INCIDENTS = (
    ["Ticket ID", "Summary", "Logged", "Assignee"],
    [[f"V{i}", "printer", T0 + timedelta(hours=i), "ana"] for i in range(4)],
)


def _beside_incidents(name: str, header: list, rows: list) -> bytes:
    """A workbook of the incidents and, beside them, sheet ``name``."""
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Incidents"
    for row in [INCIDENTS[0], *INCIDENTS[1]]:
        first.append(row)
    sheet = wb.create_sheet(name)
    for row in [header, *rows]:
        sheet.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_staff_roster_beside_incidents_is_a_roster_not_tickets():
    """ID, Name, Date, Shift start, Shift end: a roster whose hours are its shifts'
    lengths (8 h each), never tickets."""
    name, header, rows = _staff_roster()
    ws = Workspace(":memory:")
    report = import_files(ws, [("export.xlsx", _beside_incidents(name, header, rows))])
    assert [(s.sheet, s.table, s.rows) for s in report.sheets] == [
        ("Incidents", "tickets", 4),
        ("Staff", "roster", 9),
    ]
    assert ws.scalar("SELECT count(*) FROM tickets") == 4
    assert ws.query("SELECT DISTINCT scheduled_hours FROM roster").scheduled_hours.tolist() == [8.0]


@pytest.mark.parametrize("other", [_invoice_list, _asset_list, _number_and_total])
def test_a_bare_id_beside_a_date_is_not_taken_for_tickets(other):
    name, header, rows = other()
    ws = Workspace(":memory:")
    report = import_files(ws, [("export.xlsx", _beside_incidents(name, header, rows))])
    # Only the incidents are tickets; the other sheet's rows are kept as uploaded, set
    # aside as "not imported", one per row.
    assert [(s.sheet, s.table, s.rows) for s in report.sheets] == [("Incidents", "tickets", 4)]
    assert ws.scalar("SELECT count(*) FROM tickets") == 4
    assert [(s, str(r).split(";")[0]) for _f, s, r in report.skipped] == [
        (name, f"no table matches its columns ({', '.join(header)})")
    ]
    aside = ws.rejects()
    assert (aside.sheet == name).all() and (aside.action == "not imported").all()
    assert aside.row_number.tolist() == list(range(2, len(rows) + 2))


@pytest.mark.parametrize(
    "header, created",
    [
        # The id's header names a ticket.
        (["Ticket ID", "Summary", "Logged"], "Logged"),
        (["Incident number", "Raised", "Owner"], "Raised"),
        (["工单编号", "登记时间", "处理人"], "登记时间"),
        # A bare id, with a column that only tickets have: a status, a priority, a subject.
        (["ID", "Status", "Logged"], "Logged"),
        (["No", "Priority", "Raised"], "Raised"),
        (["Key", "Summary", "When"], "When"),
    ],
)
def test_a_ticket_export_that_names_no_creation_column_still_imports(header, created):
    values = {"Status": "Open", "Priority": "High", "Summary": "printer jams"}
    rows = [
        [
            f"T{i}"
            if h == header[0]
            else T0 + timedelta(hours=i)
            if h == created
            else values.get(h, "ana")
            for h in header
        ]
        for i in range(3)
    ]
    ws = Workspace(":memory:")
    (sheet,) = import_files(ws, [("tickets.xlsx", _xlsx(header, rows))]).sheets
    assert (sheet.table, sheet.rows, sheet.mapping["created_at"]) == ("tickets", 3, created)
    got = ws.query("SELECT created_at FROM tickets ORDER BY ticket_id").created_at.tolist()
    assert got == [T0 + timedelta(hours=i) for i in range(3)]
