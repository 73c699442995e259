"""A CSV whose lines end in more than one way (CRLF from Excel, LF for lines added by a
script or another system, as when two exports are joined) imports every row, each with
its number in the file: DuckDB's reader stops at the first line end of the other kind,
and the whole file was refused as 'not a readable CSV file'."""

from __future__ import annotations

import json

import pytest

from svcops.ingest import import_paths
from svcops.ingest.read import IngestError
from svcops.store import Workspace


def test_crlf_and_lf_lines_in_one_file(tmp_path):
    path = tmp_path / "tickets.csv"
    path.write_bytes(
        b"Ticket ID;Created;Priority;Cost\r\n"
        b"A1;2026-12-01 09:00;P1;10\r\n"
        b"A2;;P2;20\n"  # a line joined from another file, its creation time missing
        b"A3;2026-12-01 11:00;P3;30\r\n"
        b"A4;2026-12-01 12:00;P4;40\n"
    )
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (3, 1)
        frame = ws.query("SELECT ticket_id, cost FROM tickets ORDER BY ticket_id")
        assert [(r.ticket_id, r.cost) for r in frame.itertuples()] == [
            ("A1", 10.0),
            ("A3", 30.0),
            ("A4", 40.0),
        ]
        rejects = ws.rejects()
        assert rejects.row_number.tolist() == [3]
        assert json.loads(rejects.data[0])["Ticket ID"] == "A2"


def test_a_longer_row_among_mixed_line_ends_is_still_refused(tmp_path):
    path = tmp_path / "tickets.csv"
    rows = b"".join(b"A%d,2026-12-01 09:00,P1\r\n" % i for i in range(300))
    path.write_bytes(b"Ticket ID,Created,Priority\n" + rows + b"B1,2026-12-01 10:00,P2,more\n")
    with Workspace(tmp_path / "w.duckdb") as ws, pytest.raises(IngestError) as caught:
        import_paths(ws, [path])
    assert str(caught.value).startswith("tickets.csv: ") and "\n" not in str(caught.value)
    assert "line 302" in str(caught.value)
