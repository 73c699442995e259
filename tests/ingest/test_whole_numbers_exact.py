"""A whole-number column takes its digits exactly: read through a double, 2**53 + 1
(9007199254740993) was stored as 9007199254740992 without a word, and BIGINT's largest
value (9223372036854775807) was set aside as out of range although the column takes it."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pyarrow as pa

from svcops.ingest import import_paths
from svcops.ingest.coerce import typed
from svcops.store import Workspace

CSV = (
    "ticket_id,created_at,priority,reopen_count\n"
    "A1,2026-01-01 08:00,P1,9007199254740993\n"
    "A2,2026-01-01 09:00,P2,9223372036854775807\n"
    "A3,2026-01-01 09:00,P2,9223372036854775808\n"
    'A4,2026-01-01 09:00,P2," -9,223,372,036,854,775,808 "\n'
    "A5,2026-01-01 09:00,P2,+7\n"
    "A6,2026-01-01 09:00,P2,2.0\n"
    "A7,2026-01-01 09:00,P2,2.5\n"
)


def test_whole_numbers_are_stored_digit_for_digit(tmp_path):
    path = tmp_path / "tickets.csv"
    path.write_text(CSV, encoding="utf-8")
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (7, 0)
        frame = ws.query("SELECT ticket_id, reopen_count FROM tickets ORDER BY ticket_id")
        stored = {
            r.ticket_id: None if pd.isna(r.reopen_count) else int(r.reopen_count)
            for r in frame.itertuples(index=False)
        }
        assert stored == {
            "A1": 2**53 + 1,
            "A2": 2**63 - 1,
            "A3": None,  # one past BIGINT's largest: set aside from the column
            "A4": -(2**63),
            "A5": 7,
            "A6": 2,
            "A7": None,
        }
        rows = ws.query("SELECT row_number, reasons FROM rejects ORDER BY row_number")
        reasons = {
            int(r.row_number): [(m["key"], m["params"]["value"]) for m in json.loads(r.reasons)]
            for r in rows.itertuples(index=False)
        }
        assert reasons == {
            4: [("ingest.reason.integer", "9223372036854775808")],
            8: [("ingest.reason.integer", "2.5")],
        }


def test_an_integer_arrow_column_is_not_rounded_through_a_double():
    # An event log's reopen count arrives as int64 (a count), so might any integer column.
    data = pa.table(
        {
            "n": pa.array([2**53 + 1, 2**63 - 1, -3], pa.int64()),
            "u": pa.array([2**64 - 1, 5, 0], pa.uint64()),
        }
    )
    con = duckdb.connect()
    con.register("data", data)
    got = con.execute(
        f"SELECT {typed('n', pa.int64(), 'BIGINT')}, {typed('u', pa.uint64(), 'BIGINT')} FROM data"
    ).fetchall()
    assert got == [(2**53 + 1, None), (2**63 - 1, 5), (-3, 0)]
