"""A date column of text dates with a few cells holding Excel serial day numbers (cells
left in General format, or a CSV saved from such a sheet) reads those cells as the days
they are: they were set aside as not dates, although a column of serials alone imports."""

from __future__ import annotations

from datetime import datetime

import openpyxl

from svcops.ingest import import_paths
from svcops.store import Workspace


def _created(ws: Workspace) -> dict[str, datetime]:
    frame = ws.query("SELECT ticket_id, created_at FROM tickets")
    return {r.ticket_id: r.created_at.to_pydatetime() for r in frame.itertuples(index=False)}


def test_a_serial_in_a_workbook_column_of_text_dates(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ticket ID", "Created", "Priority"])
    for i in range(1, 21):
        sheet.append([f"T{i}", f"{i:02d}/03/2024 10:00", "P2"])  # 13/03 on: day-first
    sheet.append(["T21", 45383.5, "P2"])  # 45292 is 2024-01-01; +91 days: 1 April, noon
    sheet.append(["T22", 18263, "P2"])  # 1949-12-31: outside the serials taken as dates
    path = tmp_path / "tickets.xlsx"
    book.save(path)
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (21, 1)
        created = _created(ws)
        assert created["T21"] == datetime(2024, 4, 1, 12, 0)
        assert created["T13"] == datetime(2024, 3, 13, 10, 0)
        assert "T22" not in created
        (value,) = ws.query(
            "SELECT json_extract_string(reasons, '$[0].params.value') AS v FROM rejects"
        ).v
        assert value == "18263"


def test_a_serial_in_a_csv_column_of_text_dates(tmp_path):
    path = tmp_path / "tickets.csv"
    path.write_text(
        "Ticket ID,Created,Priority\n"
        "A1,45356.5,P2\n"  # 2024-01-01 + 64 days = 5 March, noon
        "A2,2024-03-05 10:00,P2\n"
        "A3,2024-03-06 11:30,P2\n",
        encoding="utf-8",
    )
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (3, 0)
        assert _created(ws)["A1"] == datetime(2024, 3, 5, 12, 0)
