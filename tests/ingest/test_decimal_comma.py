"""A number written with a decimal comma (a semicolon CSV from a European Excel) is read
as that number: every comma was dropped, so 12,5 was stored as 125 and 1.234,10 as
1.2341, without a word. Thousands commas (1,234.50) still read as before."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pytest

from svcops.ingest import import_paths
from svcops.ingest.coerce import number_of
from svcops.ingest.matrix import _numbers
from svcops.store import Workspace

CSV = (
    "Ticket ID;Created;Priority;Cost;Reopen count\n"
    "A1;2026-01-01 08:00;P1;12,5;2\n"
    "A2;2026-01-01 09:00;P2;1.234,10;1\n"
    "A3;2026-01-01 09:00;P2;0,75;0\n"
    "A4;2026-01-01 09:00;P2;-3,25;1,5\n"
    "A5;2026-01-01 09:00;P2;1,2,3;0\n"
    "A6;2026-01-01 09:00;P2;1,234.50;3\n"
)


def test_decimal_commas_are_read_as_decimals(tmp_path):
    path = tmp_path / "tickets.csv"
    path.write_text(CSV, encoding="utf-8")
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert report.rows == 6
        frame = ws.query("SELECT ticket_id, cost, reopen_count FROM tickets ORDER BY ticket_id")
        got = {
            r.ticket_id: (
                None if pd.isna(r.cost) else r.cost,
                None if pd.isna(r.reopen_count) else int(r.reopen_count),
            )
            for r in frame.itertuples(index=False)
        }
        assert got == {
            "A1": (12.5, 2),
            "A2": (1234.10, 1),
            "A3": (0.75, 0),
            "A4": (-3.25, None),  # 1,5 is one and a half: not a whole number of reopens
            "A5": (None, 0),  # commas that make no number: set aside from the column
            "A6": (1234.50, 3),
        }
        rows = ws.query("SELECT row_number, reasons FROM rejects ORDER BY row_number")
        reasons = {
            int(r.row_number): [m["params"]["value"] for m in json.loads(r.reasons)]
            for r in rows.itertuples(index=False)
        }
        assert reasons == {5: ["1,5"], 6: ["1,2,3"]}


@pytest.mark.parametrize(
    ("text", "number"),
    [("1,234", 1234.0), ("12,5", 12.5), ("1.234.567,89", 1234567.89), ("0,750", 0.75)],
)
def test_number_of_reads_commas_as_the_import_does(text, number):
    assert number_of(text) == number


def test_a_month_column_of_amounts_reads_decimal_commas():
    column = pa.chunked_array([pa.array(["1.200,50", "300", "-"])])
    assert _numbers(column).to_pylist() == [1200.5, 300.0, None]


def test_a_column_with_decimal_commas_reads_1_234_as_a_decimal_too(tmp_path):
    # 12,5 and 0,75 show the column writes decimals with a comma: its 1,250 is 1.25.
    # A column with 1,234.50 in it writes thousands with a comma: its 1,250 is 1250.
    path = tmp_path / "tickets.csv"
    path.write_text(
        "Ticket ID;Created;Priority;Cost;Handle time (min)\n"
        "A1;2026-01-01 08:00;P1;12,5;1,250\n"
        "A2;2026-01-01 09:00;P2;1,250;1,234.50\n"
        "A3;2026-01-01 09:00;P2;0,75;2\n",
        encoding="utf-8",
    )
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (3, 0)
        frame = ws.query("SELECT ticket_id, cost, handle_minutes FROM tickets ORDER BY 1")
        assert list(frame.cost) == [12.5, 1.25, 0.75]
        assert list(frame.handle_minutes) == [1250.0, 1234.5, 2.0]


def test_a_month_column_with_decimal_commas_reads_1_234_as_a_decimal_too():
    column = pa.chunked_array([pa.array(["1,250", "0,5"])])
    assert _numbers(column).to_pylist() == [1.25, 0.5]


def test_csat_scores_with_decimal_commas(tmp_path):
    # 4,5 was no score: the whole column was kept as written only, every rating lost.
    path = tmp_path / "tickets.csv"
    path.write_text(
        "Ticket ID;Created;Priority;CSAT\n"
        "A1;2026-01-01 08:00;P1;4\n"
        "A2;2026-01-01 08:00;P1;4,5\n"
        "A3;2026-01-01 08:00;P1;1\n"
        "A4;2026-01-01 08:00;P1;5\n"
        "A5;2026-01-01 08:00;P1;2,5\n",
        encoding="utf-8",
    )
    with Workspace(tmp_path / "w.duckdb") as ws:
        import_paths(ws, [path])
        frame = ws.query("SELECT csat FROM tickets ORDER BY ticket_id")
        assert list(frame.csat) == [4.0, 4.5, 1.0, 5.0, 2.5]  # a 1-5 scale, as is


def test_thousands_grouped_with_spaces(tmp_path):
    # French and Nordic exports group thousands with a (no-break, narrow no-break) space:
    # every such value was set aside as not a number.
    path = tmp_path / "tickets.csv"
    path.write_text(
        "Ticket ID;Created;Priority;Cost\n"
        "A1;2026-01-01 08:00;P1;1\u00a0234,50\n"
        "A2;2026-01-01 08:00;P1;12,5\n"
        "A3;2026-01-01 08:00;P1;2 000\n"
        "A4;2026-01-01 08:00;P1;1\u202f000\u202f000,25\n"
        "A5;2026-01-01 08:00;P1;12 34\n",  # no group of three: not a number
        encoding="utf-8",
    )
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert report.rows == 5
        frame = ws.query("SELECT cost FROM tickets ORDER BY ticket_id")
        assert [None if pd.isna(v) else v for v in frame.cost] == [
            1234.5,
            12.5,
            2000.0,
            1000000.25,
            None,
        ]
        (value,) = ws.query(
            "SELECT json_extract_string(reasons, '$[0].params.value') v FROM rejects"
        ).v
        assert value == "12 34"
    assert number_of("1\u00a0234,5") == 1234.5
