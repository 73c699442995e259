"""A number column takes finite numbers only: "inf", "-Infinity" and "1e309" (which a
reader turns into infinity) would make every sum and mean infinite, and a whole number
too large for the store ended the import. Each is set aside from its column with the
reason, and the row is kept."""

from __future__ import annotations

import json

import openpyxl
import pandas as pd

from svcops.ingest import import_paths
from svcops.store import Workspace

CSV = (
    "ticket_id,created_at,priority,reopen_count,handle_minutes,cost\n"
    "A1,2026-01-01 08:00,P1,1e300,inf,1e309\n"
    "A2,2026-01-01 09:00,P2,2,-Infinity,5\n"
    'A3,2026-01-01 09:00,P2,3,NaN,"1,000.5"\n'
)


def _stored(ws: Workspace) -> dict[str, tuple]:
    frame = ws.query("SELECT ticket_id, reopen_count, handle_minutes, cost FROM tickets")
    return {
        r.ticket_id: tuple(None if pd.isna(v) else v for v in r[1:])
        for r in frame.itertuples(index=False)
    }


def _reasons(ws: Workspace) -> dict[int, list[tuple[str, str, str]]]:
    rows = ws.query("SELECT row_number, action, reasons FROM rejects ORDER BY row_number")
    assert set(rows.action) <= {"value set to empty"}
    return {
        int(r.row_number): [
            (m["key"], m["params"]["column"], m["params"]["value"]) for m in json.loads(r.reasons)
        ]
        for r in rows.itertuples(index=False)
    }


def test_infinite_and_out_of_range_numbers_are_set_aside_with_the_reason(tmp_path):
    path = tmp_path / "tickets.csv"
    path.write_text(CSV, encoding="utf-8")
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (3, 0)  # every row kept
        assert _stored(ws) == {
            "A1": (None, None, None),
            "A2": (2, None, 5.0),
            "A3": (3, None, 1000.5),  # NaN is a missing-value marker: empty, no reason
        }
        assert _reasons(ws) == {
            2: [
                ("ingest.reason.integer", "reopen_count", "1e300"),
                ("ingest.reason.number", "handle_minutes", "inf"),
                ("ingest.reason.number", "cost", "1e309"),
            ],
            3: [("ingest.reason.number", "handle_minutes", "-Infinity")],
        }
        # The KPIs see finite numbers only.
        total, mean = ws.query("SELECT sum(cost), avg(handle_minutes) FROM tickets").iloc[0]
        assert total == 1005.5 and pd.isna(mean)


def test_a_workbook_number_column_with_infinity_written_as_text(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "tickets"
    sheet.append(["ticket_id", "created_at", "priority", "cost"])
    sheet.append(["B1", "2026-02-01 08:00", "P3", 12.5])
    sheet.append(["B2", "2026-02-01 09:00", "P3", "Infinity"])
    sheet.append(["B3", "2026-02-01 10:00", "P3", 7])
    path = tmp_path / "tickets.xlsx"
    book.save(path)
    with Workspace(tmp_path / "w.duckdb") as ws:
        assert import_paths(ws, [path]).rows == 3
        costs = ws.query("SELECT ticket_id, cost FROM tickets ORDER BY ticket_id")
        assert [None if pd.isna(c) else c for c in costs.cost] == [12.5, None, 7.0]
        assert _reasons(ws) == {3: [("ingest.reason.number", "cost", "Infinity")]}
