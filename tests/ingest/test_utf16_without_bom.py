"""A CSV in UTF-16 without a byte-order mark imports: read as UTF-8, every header had a
NUL between its letters, so no table matched and the error printed the NULs."""

from __future__ import annotations

import pytest

from svcops.ingest import import_paths
from svcops.store import Workspace

CSV = (
    "Ticket ID,Created,Priority,工单状态\n"
    "A1,2024-03-05 10:00,P1,已关闭\n"
    "A2,2024-03-06 11:30,P3,处理中\n"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(tmp_path, encoding):
    path = tmp_path / "tickets.csv"
    path.write_bytes(CSV.encode(encoding))
    assert not path.read_bytes().startswith((b"\xff\xfe", b"\xfe\xff"))
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (2, 0)
        frame = ws.query("SELECT ticket_id, priority, created_at FROM tickets ORDER BY 1")
        assert list(frame.ticket_id) == ["A1", "A2"]
        assert list(frame.priority) == ["P1", "P3"]
        assert str(frame.created_at[1]) == "2024-03-06 11:30:00"
