"""Files that import, or are refused in one line naming them: archives with lock files,
damaged members and archives inside archives; a column of the file's own called
``_row``; a file name with a newline in it."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from svcops.i18n import render
from svcops.ingest import import_files
from svcops.ingest.read import IngestError
from svcops.store import Workspace

TICKETS = (
    b"ticket_id,created_at,priority\n"
    b"A1,2025-01-06 09:00,P3\nA2,2025-01-07 10:30,P2\nA3,2025-01-08 11:45,P1\n"
)


@pytest.fixture
def ws():
    with Workspace() as w:
        yield w


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in members.items():
            zf.writestr(name, blob)
    return buf.getvalue()


def test_an_office_lock_file_in_an_archive_is_skipped_like_macos_junk(ws):
    # Office's lock file: the owner's name in a 162-byte file that is no workbook.
    lock = b"\x05Alice" + b"\x00" * 156
    blob = _zip({"march/tickets.csv": TICKETS, "march/~$tickets.xlsx": lock})
    report = import_files(ws, [("march.zip", blob)])
    assert [(s.file, s.rows) for s in report.sheets] == [("march.zip/march/tickets.csv", 3)]


def test_an_archive_inside_an_archive_is_opened(ws):
    inner = _zip({"tickets.csv": TICKETS})
    report = import_files(ws, [("outer.zip", _zip({"inner.zip": inner}))])
    assert [(s.file, s.rows) for s in report.sheets] == [("outer.zip/inner.zip/tickets.csv", 3)]
    assert ws.row_counts()["tickets"] == 3


def test_three_archives_deep_is_refused_in_one_line(ws):
    deepest = _zip({"tickets.csv": TICKETS})
    blob = _zip({"b.zip": _zip({"c.zip": deepest})})
    with pytest.raises(IngestError) as caught:
        import_files(ws, [("a.zip", blob)])
    assert caught.value.message.key == "ingest.error.zip_too_deep"
    assert str(caught.value).startswith("a.zip/b.zip/c.zip: ")
    assert ws.row_counts()["tickets"] == 0


def test_a_damaged_member_is_refused_in_one_line_and_nothing_is_imported(ws):
    blob = bytearray(_zip({"good.csv": TICKETS, "bad.csv": TICKETS.replace(b"A", b"B") * 50}))
    # Corrupt bad.csv's compressed bytes (its CRC then fails, or inflating does).
    with zipfile.ZipFile(io.BytesIO(bytes(blob))) as zf:
        info = zf.getinfo("bad.csv")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 5, start + 25):
        blob[i] ^= 0xFF
    with pytest.raises(IngestError) as caught:
        import_files(ws, [("exports.zip", bytes(blob))])
    text = str(caught.value)
    assert caught.value.message.key == "ingest.error.zip_member_damaged"
    assert text.startswith("exports.zip/bad.csv: ") and "\n" not in text
    assert ws.row_counts()["tickets"] == 0  # the good member is not imported alone


def test_a_column_headed_row_imports_and_the_row_numbers_stay_the_files(ws):
    csv = b"ticket_id,created_at,_row,priority\nA1,2025-01-06 09:00,17,P3\nA2,not a date,18,P2\n"
    report = import_files(ws, [("rows.csv", csv)])
    (sheet,) = report.sheets
    assert (sheet.rows, sheet.rejected) == (1, 1)
    # The rejected row is the file's line 3, not the column's 18.
    assert ws.rejects()["row_number"].tolist() == [3]


def test_a_newline_in_a_file_name_keeps_its_message_on_one_line(ws):
    with pytest.raises(IngestError) as caught:
        import_files(ws, [("bad\nname\r.csv", b"ticket_id,created_at\n")])
    text = str(caught.value)
    assert "\n" not in text and "\r" not in text
    assert text.startswith("bad name .csv: ")
    report = import_files(ws, [("march\ttickets.csv", TICKETS)])
    assert ws.uploads()["file_name"].tolist() == ["march tickets.csv"]
    assert report.sheets[0].file == "march tickets.csv"


def test_a_csv_with_title_lines_above_its_header_imports(ws):
    csv = (
        b"Incident report: March 2025\n"
        b"Exported 2025-04-01 by svc-admin\n"
        b"\n"
        b"ticket_id,created_at,priority,status\n"
        b"A1,2025-03-03 09:00,P3,Closed\n"
        b"A2,2025-03-04 10:30,P2,Open\n"
    )
    report = import_files(ws, [("report.csv", csv)])
    (sheet,) = report.sheets
    assert (sheet.table, sheet.rows, sheet.rejected) == ("tickets", 2, 0)
    got = ws.query("SELECT ticket_id, priority FROM tickets ORDER BY ticket_id")
    assert got.values.tolist() == [["A1", "P3"], ["A2", "P2"]]


@pytest.mark.parametrize(
    ("sep", "encoding"), [(";", "utf-8"), ("\t", "utf-16"), ("|", "gb18030"), (",", "utf-8")]
)
def test_a_title_line_above_a_csv_not_split_by_commas_imports(ws, sep, encoding):
    # The sniffer cannot tell the delimiter once a title line sits on top, and the comma
    # it fell back to left a semicolon (European Excel) or tab export as one column.
    lines = [
        "Incident report: March 2025, all teams",
        "",
        sep.join(["ticket_id", "created_at", "priority", "status"]),
        sep.join(["A1", "2025-03-03 09:00", "P3", "Closed"]),
        sep.join(["A2", "2025-03-04 10:30", "P2", "Open"]),
    ]
    report = import_files(ws, [("report.csv", "\n".join(lines).encode(encoding))])
    (sheet,) = report.sheets
    assert (sheet.table, sheet.rows, sheet.rejected) == ("tickets", 2, 0)
    got = ws.query("SELECT ticket_id, priority, lower(status) FROM tickets ORDER BY 1")
    assert got.values.tolist() == [["A1", "P3", "closed"], ["A2", "P2", "open"]]


@pytest.mark.parametrize(
    ("setting", "ceiling", "mb"),
    [
        (None, None, 200),
        ("500", None, 500),
        ("500", 200, 200),  # never above the server's own limit
        ("1.5", None, 1.5),
        ("abc", None, 200),  # not a number: the default, not an error
        ("-3", None, 200),
        ("inf", None, 200),
    ],
)
def test_one_upload_limit_in_one_unit(monkeypatch, setting, ceiling, mb):
    from svcops.ingest.read import MB, max_upload_bytes, max_upload_mb

    if setting is None:
        monkeypatch.delenv("SVCOPS_MAX_UPLOAD_MB", raising=False)
    else:
        monkeypatch.setenv("SVCOPS_MAX_UPLOAD_MB", setting)
    assert max_upload_mb(ceiling) == mb
    assert max_upload_bytes(ceiling) == int(mb * MB) and MB == 1_048_576


def test_the_size_refusal_states_size_and_limit_in_the_same_megabytes(monkeypatch):
    from svcops.ingest.read import check_size

    monkeypatch.delenv("SVCOPS_MAX_UPLOAD_MB", raising=False)
    check_size("ok.xlsx", 205_000_000)  # 195.5 MB of 1,048,576 bytes: under 200
    check_size("edge.xlsx", 200 * 1_048_576)  # exactly the limit
    with pytest.raises(IngestError) as caught:
        check_size("big.xlsx", 210_000_000)
    assert str(caught.value).startswith(
        "big.xlsx: the file is 200.3 MB, over the upload limit of 200 MB"
    )


def test_a_sheet_no_table_matches_is_reported_and_its_rows_kept(ws, tmp_path):
    from openpyxl import Workbook

    from svcops.ingest import import_paths

    wb = Workbook()
    sheet = wb.active
    sheet.title = "tickets"
    sheet.append(["ticket_id", "created_at", "priority"])
    sheet.append(["A1", "2025-01-06 09:00", "P3"])
    notes = wb.create_sheet("Notes")
    notes.append(["remark", "who"])
    notes.append(["check this", "bob"])
    notes.append(["+cmd|' /C calc'!A0", "amy"])
    path = tmp_path / "two sheets.xlsx"
    wb.save(path)

    report = import_paths(ws, [path])
    assert [(s.sheet, s.rows) for s in report.sheets] == [("tickets", 1)]
    ((file, skipped, reason),) = report.skipped
    # The report says where the rows went, not only that the sheet was skipped.
    assert (file, skipped, reason.key) == ("two sheets.xlsx", "Notes", "ingest.skip.kept")
    assert (reason.params["reason"].key, reason.params["rows"]) == ("ingest.skip.no_table", 2)
    assert render(reason) == (
        "no table matches its columns (remark, who); its rows (2) are kept as rows set aside, "
        "not imported"
    )
    assert render(reason, "zh").endswith("；其 2 行已作为未导入的行原样保留")
    # The sheet is listed with the upload, and its two rows are kept, as uploaded.
    uploads = ws.uploads()
    listed = uploads[["sheet", "table_name", "rows", "rejected"]].astype(object)
    assert listed.where(listed.notna(), None).values.tolist() == [
        ["Notes", None, 0, 2],
        ["tickets", "tickets", 1, 0],
    ]
    assert uploads["upload_id"].nunique() == 1
    aside = ws.rejects()
    assert aside[["sheet", "row_number", "action"]].values.tolist() == [
        ["Notes", 2, "not imported"],
        ["Notes", 3, "not imported"],
    ]
    assert json.loads(aside["data"].iloc[1]) == {"remark": "+cmd|' /C calc'!A0", "who": "amy"}
    assert aside["reason"].iloc[0].startswith("no table matches this sheet")
    # Removing the upload takes the kept rows with it.
    ws.remove_upload(int(uploads["upload_id"].iloc[0]))
    assert ws.rejects().empty and ws.uploads().empty


def test_a_cost_matrix_whose_month_headers_are_excel_dates_imports(ws):
    """Finance's cost centre x month matrix, its month headers real date cells shown as
    Jan-25: each filled cell becomes a cost row of that month."""
    from datetime import datetime

    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    sheet.title = "Costs"
    sheet.append(["Cost centre", "Category"] + [datetime(2025, m, 1) for m in (1, 2, 3)])
    sheet.append(["Service Desk", "Staff", 1000, 1100, 1200])
    sheet.append(["Applications", "Contractors", 500, None, 700])
    for cell in sheet[1][2:]:
        cell.number_format = "mmm-yy"
    buf = io.BytesIO()
    wb.save(buf)
    report = import_files(ws, [("matrix.xlsx", buf.getvalue())])
    assert [(s.table, s.rows) for s in report.sheets] == [("costs", 5)]
    got = ws.query(
        "SELECT cost_center, strftime(period, '%Y-%m') AS month, amount FROM costs "
        "ORDER BY cost_center, period"
    )
    assert got.values.tolist() == [
        ["Applications", "2025-01", 500.0],
        ["Applications", "2025-03", 700.0],
        ["Service Desk", "2025-01", 1000.0],
        ["Service Desk", "2025-02", 1100.0],
        ["Service Desk", "2025-03", 1200.0],
    ]


@pytest.mark.parametrize("name", ["old.xlsx", "old.xls"])
def test_an_ole_workbook_is_called_password_protected_only_when_it_is(ws, name):
    # Every OLE container named .xlsx was refused as password-protected, though an old
    # .xls saved under a new name is one too; only Office's EncryptedPackage stream says
    # a workbook is encrypted (whatever its suffix).
    from tests.ingest.test_exports import _cfb, built, encrypted_xlsx

    legacy = _cfb({"Workbook": b"\x09\x08" + b"\0" * 200})
    with pytest.raises(IngestError) as caught:
        import_files(ws, [(name, legacy)])
    assert caught.value.message.key == "ingest.error.unreadable"
    assert str(caught.value).startswith(f"{name}: not a readable workbook (")
    with pytest.raises(IngestError) as caught:
        import_files(ws, [(name, encrypted_xlsx(built("servicenow")[0]))])
    assert caught.value.message.key == "ingest.error.encrypted"
