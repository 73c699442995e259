"""A Chinese 12-hour time writes the half of the day before the time: 上午 (morning) and
下午 (afternoon), as Excel shows a date in a zh-CN locale (``2026/12/4 下午 2:30:00``)
and Chinese systems export it (``2026年12月4日 下午2:00``). Such values are read as the
times they are; they were set aside as not dates, and a column of them moved the header
onto a data row further down, so the file was refused as matching no table."""

from __future__ import annotations

import csv
from datetime import datetime

from svcops.ingest import import_paths
from svcops.store import Workspace


def test_morning_and_afternoon_before_the_time(tmp_path):
    path = tmp_path / "工单.csv"
    rows = [
        ("A1", "2026年12月4日 下午2:00", "2026年12月5日 上午9:15"),
        ("A2", "2026年12月4日下午12:30", "2026年12月4日 下午11:59"),
        ("A3", "2026/12/5 上午 12:05:00", "2026/12/5 下午 02:30:00"),
        ("A4", "2026-12-06 14:00", ""),
    ]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["Ticket ID", "Created", "Resolved", "Priority", "Status"])
        writer.writerows((*r, "P2", "Closed") for r in rows)
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (4, 0)
        assert ws.query("SELECT count(*) AS n FROM rejects").n[0] == 0
        frame = ws.query("SELECT ticket_id, created_at, resolved_at FROM tickets")
        got = {
            r.ticket_id: (r.created_at, None if r.resolved_at != r.resolved_at else r.resolved_at)
            for r in frame.itertuples()
        }
    assert got == {
        "A1": (datetime(2026, 12, 4, 14, 0), datetime(2026, 12, 5, 9, 15)),
        "A2": (datetime(2026, 12, 4, 12, 30), datetime(2026, 12, 4, 23, 59)),
        "A3": (datetime(2026, 12, 5, 0, 5), datetime(2026, 12, 5, 14, 30)),
        "A4": (datetime(2026, 12, 6, 14, 0), None),
    }
