"""A paged export repeats its header every few rows. Each repeat was set aside as a data
row whose values did not read ("Created" cannot be read as a date and time), which
told the user of a problem with their data; it is now set aside as what it is, a row
that repeats the header, and the rows around it are imported as before."""

from __future__ import annotations

import json

import xlsxwriter

from svcops.ingest import import_paths
from svcops.store import Workspace

HEADER = ["Ticket ID", "Created", "Priority", "Handle time", "Cost"]


def _rows():
    out = []
    for page in range(3):
        out.append(HEADER)
        for i in range(3):
            n = page * 3 + i
            out.append([f"T{n}", f"2026-02-{n + 1:02d} 09:00", "P2", 10 + n, 5 * n])
    return out


def _check(ws, report):
    # 9 tickets; rows 5 and 9 (the second and third pages' headers; row 1 is the header)
    assert (report.rows, report.rejected) == (9, 2)
    frame = ws.query("SELECT ticket_id, handle_minutes, cost FROM tickets ORDER BY created_at")
    assert list(frame.ticket_id) == [f"T{n}" for n in range(9)]
    assert list(frame.handle_minutes) == [10.0 + n for n in range(9)]
    assert ws.scalar("SELECT sum(cost) FROM tickets") == 5 * sum(range(9))
    listed = ws.query("SELECT row_number, reasons FROM rejects ORDER BY 1")
    keys = {int(n): [m["key"] for m in json.loads(r)] for n, r in listed.itertuples(index=False)}
    assert keys == {5: ["ingest.reason.header_repeat"], 9: ["ingest.reason.header_repeat"]}
    en = ws.rejects(lang="en")
    assert set(en.reason) == {"the row repeats the header (a paged export): not data"}
    zh = ws.rejects(lang="zh")
    assert set(zh.reason) == {"该行重复表头（分页导出）：不是数据"}


def test_a_csv_that_repeats_its_header(tmp_path):
    path = tmp_path / "tickets.csv"
    path.write_text("\n".join(",".join(map(str, r)) for r in _rows()) + "\n", encoding="utf-8")
    with Workspace(tmp_path / "w.duckdb") as ws:
        _check(ws, import_paths(ws, [path]))


def test_a_workbook_that_repeats_its_header(tmp_path):
    path = tmp_path / "tickets.xlsx"
    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet("Tickets")
        for i, row in enumerate(_rows()):
            sheet.write_row(i, 0, row)
    with Workspace(tmp_path / "w.duckdb") as ws:
        _check(ws, import_paths(ws, [path]))
