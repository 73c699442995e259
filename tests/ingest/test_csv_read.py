"""CSV files read by DuckDB's reader (issue 17, speed) keep every rule the text reader had:
the encoding (UTF-8 with or without a byte-order mark, UTF-16 by its mark, GBK/GB18030,
also when the first megabyte is plain ASCII), title lines above the header, the
delimiter, quoted line breaks, day- or month-first dates decided per column, short rows
padded (and set aside when a required value is missing) and each row's number in the
file, blank lines and all."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from svcops.ingest import import_files, import_paths
from svcops.ingest.read import IngestError, read_file
from svcops.store import Workspace


@pytest.fixture
def ws():
    with Workspace() as w:
        yield w


def _tickets(ws) -> list[list[object]]:
    frame = ws.query(
        "SELECT ticket_id, strftime(created_at, '%Y-%m-%d %H:%M'), priority, team "
        "FROM tickets ORDER BY ticket_id"
    )
    return [[None if v != v else v for v in row] for row in frame.values.tolist()]


def _rejected(ws) -> list[tuple[int, str]]:
    frame = ws.rejects()
    return [
        (int(r), json.loads(d)["ticket_id"])
        for r, d in zip(frame.row_number, frame.data, strict=True)
    ]


def test_gbk_headers_and_values_read_as_written(ws):
    text = "工单编号,创建时间,优先级,处理组\nA1,2025-03-03 09:00,高,一线支持\nA2,2025-03-04 10:30,低,二线\n"
    import_files(ws, [("工单.csv", text.encode("gbk"))])
    assert _tickets(ws) == [
        ["A1", "2025-03-03 09:00", "P2", "一线支持"],
        ["A2", "2025-03-04 10:30", "P4", "二线"],
    ]


def test_gbk_after_a_first_megabyte_of_ascii_is_still_gbk(ws, tmp_path):
    # The encoding is guessed from the top; the reader then finds bytes that are not UTF-8
    # far below it, and the file is read again as GBK rather than refused or garbled.
    rows = [f"T{i:06d},2025-03-03 09:00,P3,Team A" for i in range(40_000)]
    rows.append("Z1,2025-03-05 11:00,P1,二线")
    path = tmp_path / "big.csv"
    path.write_bytes(("ticket_id,created_at,priority,team\n" + "\n".join(rows)).encode("gbk"))
    assert path.stat().st_size > 1_000_000
    report = import_paths(ws, [path])
    assert report.rows == 40_001
    assert ws.query("SELECT team FROM tickets WHERE ticket_id = 'Z1'").team.tolist() == ["二线"]


def test_utf16_with_its_byte_order_mark_and_tabs(ws):
    text = "ticket_id\tcreated_at\tpriority\tteam\r\nA1\t2025-03-03 09:00\tP3\tService desk\r\n"
    blob = text.encode("utf-16")  # the mark first, little-endian: Excel's "Unicode text"
    assert blob.startswith(b"\xff\xfe")
    import_files(ws, [("export.txt", blob)])
    assert _tickets(ws) == [["A1", "2025-03-03 09:00", "P3", "Service desk"]]


def test_a_utf8_byte_order_mark_is_not_part_of_the_first_header(ws):
    blob = b"\xef\xbb\xbfticket_id,created_at\nA1,2025-03-03 09:00\n"
    (sheet,) = read_file("bom.csv", blob)
    assert sheet.data.column_names == ["ticket_id", "created_at", "_row"]
    assert import_files(ws, [("bom.csv", blob)]).rows == 1


def test_title_lines_above_the_header_keep_each_rows_number(ws):
    blob = (
        b"Incident report: March 2025\n"  # line 1
        b"\n"  # 2
        b"Exported by svc-admin\n"  # 3
        b"ticket_id;created_at;priority;team\n"  # 4: the header
        b"A1;2025-03-03 09:00;P3;Desk\n"  # 5
        b"A2;not a date;P2;Desk\n"  # 6: set aside
        b"A3;2025-03-05 10:00;P1;Desk\n"  # 7
        b"A4;;P1;Desk\n"  # 8: set aside, no creation time
    )
    (sheet,) = read_file("report.csv", blob)
    assert sheet.header_row == 4
    report = import_files(ws, [("report.csv", blob)])
    assert (report.rows, report.rejected) == (2, 2)
    assert _rejected(ws) == [(6, "A2"), (8, "A4")]
    assert [r[:3] for r in _tickets(ws)] == [
        ["A1", "2025-03-03 09:00", "P3"],
        ["A3", "2025-03-05 10:00", "P1"],
    ]


def test_a_quoted_line_break_is_one_row_and_the_rows_below_keep_their_numbers(ws):
    blob = (
        b"ticket_id,created_at,priority,description\n"
        b'A1,2025-03-03 09:00,P3,"first line\nsecond line, with a comma"\n'
        b"A2,2025-02-30 10:00,P2,plain\n"  # no 30 February: set aside
        b'A3,2025-03-05 10:00,P1,"a ""quoted"" word"\n'
        b"A4,2025-03-06 10:00,P3,x\n"
        b"A5,2025-03-07 10:00,P3,y\n"
    )
    (sheet,) = read_file("notes.csv", blob)
    rows = sheet.data.to_pylist()
    assert [r["description"] for r in rows] == [
        "first line\nsecond line, with a comma",
        "plain",
        'a "quoted" word',
        "x",
        "y",
    ]
    assert [r["_row"] for r in rows] == [2, 3, 4, 5, 6]
    import_files(ws, [("notes.csv", blob)])
    assert _rejected(ws) == [(3, "A2")]


def test_a_blank_line_inside_the_table_keeps_the_numbers_of_the_rows_below(ws):
    # DuckDB's reader drops blank lines; the rows below one must not move up.
    blob = (
        b"ticket_id,created_at,priority\r\n"
        b"A1,2025-03-03 09:00,P3\r\n"
        b"\r\n"
        b"A2,2025-03-04 10:00,P2\r\n"
        b"A3,yesterday,P1\r\n"
        b"\r\n\r\n"
    )
    import_files(ws, [("gaps.csv", blob)])
    assert _rejected(ws) == [(5, "A3")]
    assert [r[0] for r in _tickets(ws)] == ["A1", "A2"]


def test_short_rows_are_padded_and_set_aside_only_for_a_missing_required_value(ws):
    blob = (
        b"ticket_id,created_at,priority,team\n"
        b"A1,2025-03-03 09:00\n"  # no priority, no team: imported with blanks
        b"A2\n"  # no creation time: set aside with its row number
        b"A3,2025-03-05 10:00,P1,Desk\n"
    )
    report = import_files(ws, [("short.csv", blob)])
    assert (report.rows, report.rejected) == (2, 1)
    assert _rejected(ws) == [(3, "A2")]
    assert _tickets(ws) == [
        ["A1", "2025-03-03 09:00", None, None],
        ["A3", "2025-03-05 10:00", "P1", "Desk"],
    ]


def test_a_row_longer_than_the_header_is_refused_naming_its_line(ws):
    lines = ["ticket_id,created_at,priority"] + [f"A{i},2025-03-03 09:00,P3" for i in range(300)]
    lines.append("B1,2025-03-03 09:00,P3,extra,cells")
    with pytest.raises(IngestError) as caught:
        import_files(ws, [("long.csv", "\n".join(lines).encode())])
    text = str(caught.value)
    assert text.startswith("long.csv: ") and "\n" not in text
    assert "line 302" in text and "3 fields" in text
    assert ws.row_counts()["tickets"] == 0


def test_day_first_and_month_first_dates_are_decided_per_column(ws):
    # created_at is day-first (13/03 has no 13th month), resolved_at month-first (03/14).
    blob = (
        b"ticket_id,created_at,resolved_at\n"
        b"A1,13/03/2025 09:00,03/14/2025 10:00\n"
        b"A2,02/03/2025 08:00,02/04/2025 09:30\n"
    )
    import_files(ws, [("dates.csv", blob)])
    got = ws.query(
        "SELECT ticket_id, strftime(created_at, '%Y-%m-%d %H:%M'), "
        "strftime(resolved_at, '%Y-%m-%d %H:%M') FROM tickets ORDER BY 1"
    ).values.tolist()
    assert got == [
        ["A1", "2025-03-13 09:00", "2025-03-14 10:00"],
        ["A2", "2025-03-02 08:00", "2025-02-04 09:30"],
    ]


@pytest.mark.parametrize("sep", [";", "\t", "|"])
def test_the_delimiter_is_found_with_commas_inside_values(ws, sep):
    blob = sep.join(["ticket_id", "created_at", "priority", "category"]) + "\n"
    blob += sep.join(["A1", "2025-03-03 09:00", "P3", "Access, passwords"]) + "\n"
    import_files(ws, [("eu.csv", blob.encode())])
    got = ws.query("SELECT ticket_id, category FROM tickets").values.tolist()
    assert got == [["A1", "Access, passwords"]]


def test_a_file_name_that_reads_as_a_pattern_is_read_as_itself(ws, tmp_path):
    path = tmp_path / "tickets [march]*.csv"
    path.write_bytes(b"ticket_id,created_at\nA1,2025-03-03 09:00\n")
    assert import_paths(ws, [Path(path)]).rows == 1


def test_text_in_no_known_encoding_is_refused_in_one_line(ws):
    with pytest.raises(IngestError) as caught:
        import_files(ws, [("legacy.csv", b"ticket_id,created_at\nA1,\x80\x80\n")])
    assert caught.value.message.key == "ingest.error.encoding"


@pytest.mark.parametrize(
    ("cell", "clean"),
    [
        ("INC00000001", "INC00000001"),  # longer than any marker, nothing to trim
        ("  INC00000001 ", "INC00000001"),
        ("INC00000001 ", "INC00000001"),  # ASCII, a space at one end only
        ("INC00000001\u00a0", "INC00000001"),  # not ASCII: a no-break space at the end
        ("Desk\u00a0two\u3000x", "Desk\u00a0two\u3000x"),  # spaces inside stay
        ("\u00a0Service desk\u3000", "Service desk"),  # no-break and ideographic spaces
        ("\tService desk", "\tService desk"),  # trim removes spaces, not tabs
        (" N/A ", None),
        ("(Blank)", None),
        ("\u3000无", None),
        ("--", None),
        ("n.a", "n.a"),  # a dot is a dot, not "any character"
        ("?x", "?x"),
        ("P1", "P1"),
        ("", None),
    ],
)
def test_clean_text_trims_spaces_and_empties_missing_markers(cell, clean):
    from svcops.ingest.coerce import _clean_text

    got = duckdb.execute(f"SELECT {_clean_text('v')} FROM (SELECT ?::VARCHAR AS v)", [cell])
    assert got.fetchone()[0] == clean


def test_yes_no_words_read_as_booleans(ws):
    blob = (
        "ticket_id,created_at,first_contact_resolved\n"
        "A1,2025-03-03 09:00,Yes\nA2,2025-03-03 09:00,no\nA3,2025-03-03 09:00, TRUE \n"
        "A4,2025-03-03 09:00,0\nA5,2025-03-03 09:00,n.o\nA6,2025-03-03 09:00,\n"
    )
    report = import_files(ws, [("fcr.csv", blob.encode())])
    assert report.rows == 6
    got = ws.query(
        "SELECT CAST(first_contact_resolved AS VARCHAR) AS fcr FROM tickets ORDER BY ticket_id"
    )
    assert [None if v is None or v != v else v == "true" for v in got.fcr] == [
        True,
        False,
        True,
        False,
        None,  # not a yes/no word: set to empty, with a warning
        None,
    ]
    assert len(ws.rejects()) == 1


def test_gbk_below_an_ascii_top_in_a_file_with_blank_lines_is_still_gbk(ws, tmp_path):
    # The same late GBK, in a file read row by row (a blank line inside the table).
    rows = [f"T{i:06d},2025-03-03 09:00,P3,Team A" for i in range(40_000)]
    rows += ["", "Z1,2025-03-05 11:00,P1,二线"]
    path = tmp_path / "gaps.csv"
    path.write_bytes(("ticket_id,created_at,priority,team\n" + "\n".join(rows)).encode("gbk"))
    assert import_paths(ws, [path]).rows == 40_001
    assert ws.query("SELECT team FROM tickets WHERE ticket_id = 'Z1'").team.tolist() == ["二线"]
    assert ws.rejects().empty


def test_a_line_longer_than_the_readers_limit_still_imports(ws):
    # A 3 MB category (DuckDB's reader takes lines up to 2 MB): the file is read row
    # by row instead, as before, and both tickets keep their rows.
    text = (
        "ticket_id,created_at,category\n"
        "T1,2025-03-03 09:00," + "x" * 3_000_000 + "\n"
        "T2,2025-03-04 10:30,short\n"
    )
    import_files(ws, [("long.csv", text.encode())])
    got = ws.query("SELECT ticket_id, length(category) AS n FROM tickets ORDER BY 1")
    assert got.values.tolist() == [["T1", 3_000_000], ["T2", 5]]
