"""A time with a UTC offset of hours only (``2026-12-15 16:00:00+08``, as PostgreSQL
writes a ``timestamptz`` and many database exports copy it) keeps its wall-clock time,
as ``+08:00`` does: the offset was recognised but not taken off, so every such value
was set aside as not a date and time."""

from __future__ import annotations

from datetime import datetime

from svcops.ingest import import_paths
from svcops.store import Workspace


def test_offsets_of_hours_only_are_read(tmp_path):
    path = tmp_path / "tickets.csv"
    path.write_text(
        "Ticket ID,Created,Resolved,Priority\n"
        "A1,2026-12-15 16:00:00+08,2026-12-15 18:30:00+08,P2\n"
        "A2,2026-12-16 09:00:00-03,,P3\n"
        "A3,2026-12-16 10:15:00+05:30,2026-12-16 11:00:00+0530,P1\n",
        encoding="utf-8",
    )
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (3, 0)
        frame = ws.query("SELECT ticket_id, created_at, resolved_at FROM tickets")
        got = {r.ticket_id: (r.created_at, r.resolved_at) for r in frame.itertuples()}
    assert got["A1"] == (datetime(2026, 12, 15, 16, 0), datetime(2026, 12, 15, 18, 30))
    assert got["A2"][0] == datetime(2026, 12, 16, 9, 0)
    assert got["A3"] == (datetime(2026, 12, 16, 10, 15), datetime(2026, 12, 16, 11, 0))
