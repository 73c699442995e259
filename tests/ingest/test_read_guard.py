"""Workbooks that make the reader allocate far more than their size are refused in one
line naming the file, and the process that asked goes on reading other files.

The reader (calamine) builds the rectangle from a sheet's first to its last cell before
converting anything; it runs in a child process with a memory ceiling
(svcops.ingest.guard), so an allocation that fails ends the child, not the app.
"""

from __future__ import annotations

import io
import os
import signal
import struct
import zipfile
from datetime import datetime

import pytest
from openpyxl import Workbook

from svcops.ingest import guard, import_files
from svcops.ingest.guard import DEFAULT_READ_MEMORY_MB, read_memory_bytes
from svcops.ingest.read import IngestError, _read_workbook, read_file
from svcops.store import Workspace


def tickets_workbook(far_cell: str | None = None, prefix: str = "INC") -> bytes:
    """20 tickets (ids ``prefix`` and a number); with ``far_cell``, one more cell there."""
    wb = Workbook()
    ws = wb.active
    ws.title = "tickets"
    ws.append(["ticket_id", "created_at", "priority", "status"])
    for i in range(20):
        ws.append([f"{prefix}{i:04d}", datetime(2025, 1, 1 + i, 9), "P3", "Closed"])
    if far_cell:
        ws[far_cell] = "x"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def understated(rows: int, columns: int, claimed: int) -> bytes:
    """A workbook whose one sheet holds ``rows`` x ``columns`` cells but whose zip
    headers (local and central) say the sheet unpacks to ``claimed`` bytes."""
    cell = b"<c><v>1</v></c>" * columns
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>" + (b"<row>" + cell + b"</row>") * rows + b"</sheetData></worksheet>"
    )
    source = zipfile.ZipFile(io.BytesIO(tickets_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for info in source.infolist():
            data = sheet if info.filename == "xl/worksheets/sheet1.xml" else source.read(info)
            zf.writestr(info.filename, data)
    blob = bytearray(out.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(blob))) as zf:
        target = zf.getinfo("xl/worksheets/sheet1.xml")
        central = zf.start_dir
    # Local file header: uncompressed size at offset 22.
    struct.pack_into("<I", blob, target.header_offset + 22, claimed)
    # Central directory entries: signature, then uncompressed size at offset 24.
    at = central
    while blob[at : at + 4] == b"PK\x01\x02":
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", blob, at + 28)
        name = bytes(blob[at + 46 : at + 46 + name_len]).decode()
        if name == target.filename:
            struct.pack_into("<I", blob, at + 24, claimed)
        at += 46 + name_len + extra_len + comment_len
    return bytes(blob)


def test_a_cell_at_the_last_column_and_row_is_refused_in_one_line_naming_the_file():
    with pytest.raises(IngestError) as caught:
        read_file("far.xlsx", tickets_workbook("XFD1048576"))
    assert caught.value.message.key == "ingest.error.read_memory"
    text = str(caught.value)
    assert text.startswith("far.xlsx: not imported") and "\n" not in text
    # The process that asked reads the next file as before.
    (sheet,) = read_file("fine.xlsx", tickets_workbook())
    assert sheet.data.num_rows == 20


def test_a_workbook_whose_headers_understate_its_size_is_refused(monkeypatch):
    # 1,000,000 rows of 20 cells: the reader needs well over 1 GB more for them, from a
    # file of a few megabytes that claims its sheet unpacks to 4 kB.
    monkeypatch.setenv("SVCOPS_READ_MEMORY_MB", "1024")
    blob = understated(1_000_000, 20, 4096)
    assert len(blob) < 10_000_000
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        assert sum(i.file_size for i in zf.infolist()) < 100_000  # passes the size check
    with pytest.raises(IngestError) as caught:
        read_file("forged.xlsx", blob)
    assert caught.value.message.key in {"ingest.error.read_memory", "ingest.error.unreadable"}
    assert str(caught.value).startswith("forged.xlsx: ")
    assert "\n" not in str(caught.value)


def test_an_import_of_the_far_cell_workbook_leaves_the_workspace_as_it_was(tmp_path):
    with Workspace(tmp_path / "w.duckdb") as ws:
        import_files(ws, [("fine.xlsx", tickets_workbook())])
        before = ws.row_counts(), len(ws.uploads())
        with pytest.raises(IngestError, match=r"^far\.xlsx: "):
            import_files(ws, [("far.xlsx", tickets_workbook("XFD1048576"))])
        assert (ws.row_counts(), len(ws.uploads())) == before


def test_the_guarded_read_returns_what_reading_in_process_returns():
    blob = tickets_workbook()
    (guarded,) = read_file("a.xlsx", blob)
    (direct,) = _read_workbook("a.xlsx", blob)
    assert guarded.data.equals(direct.data)
    assert (guarded.header_row, guarded.summary_rows) == (direct.header_row, direct.summary_rows)
    # Sliced for DuckDB's threads in this process, not in the reading one.
    assert guarded.data.num_rows == 20


@pytest.mark.parametrize(
    ("setting", "mib"),
    [
        (None, DEFAULT_READ_MEMORY_MB),
        ("512", 512),
        ("abc", DEFAULT_READ_MEMORY_MB),
        ("-1", DEFAULT_READ_MEMORY_MB),
        ("0", DEFAULT_READ_MEMORY_MB),
        ("inf", DEFAULT_READ_MEMORY_MB),  # once an OverflowError on every workbook
        ("nan", DEFAULT_READ_MEMORY_MB),
    ],
)
def test_the_memory_ceiling_comes_from_the_environment(monkeypatch, setting, mib):
    if setting is None:
        monkeypatch.delenv("SVCOPS_READ_MEMORY_MB", raising=False)
    else:
        monkeypatch.setenv("SVCOPS_READ_MEMORY_MB", setting)
    import os

    physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    assert read_memory_bytes() == min(mib * 1024 * 1024, physical * 3 // 4)


def _killed_by(signum):
    def reader(*_):
        os.kill(os.getpid(), signum)

    return reader


def _exits(*_):
    os._exit(0)


@pytest.mark.parametrize(
    ("reader", "key", "says"),
    [
        # An allocation that fails aborts; the OOM killer kills: both are memory.
        (_killed_by(signal.SIGABRT), "ingest.error.read_memory", "of memory"),
        (_killed_by(signal.SIGKILL), "ingest.error.read_memory", "of memory"),
        # A crash or a silent exit is not, and was once worded as one.
        (_killed_by(signal.SIGSEGV), "ingest.error.read_crashed", "exit -11"),
        (_exits, "ingest.error.read_crashed", "exit 0"),
    ],
)
def test_a_reader_that_dies_is_refused_for_what_killed_it(reader, key, says):
    with pytest.raises(guard.ReadCrashed) as caught:
        guard.guarded("x.xlsx", reader)
    assert caught.value.message.key == key
    assert str(caught.value).startswith("x.xlsx: not imported") and says in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("nbytes", "text"),
    [(8 * 1024**3, "8.0 GB"), (1024**3, "1.0 GB"), (512 * 1024**2, "512 MB"), (1024**2, "1 MB")]
    + [(1000, "1 MB")],
)
def test_the_ceiling_is_named_in_a_unit_that_shows_it(nbytes, text):
    # SVCOPS_READ_MEMORY_MB=1 once read "more than the 0.0 GB of memory".
    assert guard._size(nbytes) == text


def test_a_workbook_with_excels_blank_extra_sheets_imports(tmp_path):
    # A blank sheet came back from the reading process as a RecordBatch, and slicing it
    # for DuckDB failed with AttributeError: every workbook still carrying Excel's empty
    # Sheet2 / Sheet3 was refused with a traceback.
    book = Workbook()
    book.active.title = "Tickets"
    book.active.append(["Ticket ID", "Created"])
    book.active.append(["T-1", datetime(2024, 3, 1, 9)])
    book.create_sheet("Sheet2")
    book.create_sheet("Sheet3")["C3"].style = "Good"  # formatted, still no value
    blob = io.BytesIO()
    book.save(blob)
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_files(ws, [("book.xlsx", blob.getvalue())])
        assert [(s.sheet, s.table, s.rows) for s in report.sheets] == [("Tickets", "tickets", 1)]
        assert [(f, s, m.key) for f, s, m in report.skipped] == [
            ("book.xlsx", "Sheet2", "ingest.skip.empty"),
            ("book.xlsx", "Sheet3", "ingest.skip.empty"),
        ]
        assert ws.scalar("SELECT ticket_id FROM tickets") == "T-1"


def _told_to_stop(*_):
    os.kill(os.getpid(), signal.SIGTERM)
    return "read on"


def test_a_reader_told_to_stop_stops_whatever_the_app_does_with_the_signal():
    # Streamlit handles SIGTERM (it stops its server); the forked reader inherited that
    # handler, so terminating it (as multiprocessing does to a daemon child at exit)
    # ran the app's handler in the child and the read went on.
    calls = []
    before = signal.signal(signal.SIGTERM, lambda *_: calls.append(1))
    try:
        with pytest.raises(guard.ReadCrashed) as caught:
            guard.guarded("x.xlsx", _told_to_stop)
    finally:
        signal.signal(signal.SIGTERM, before)
    assert "exit -15" in str(caught.value)
    assert calls == []  # and the parent's handler never ran here


def _answers_and_lingers(*_):
    import threading
    import time

    threading.Thread(target=time.sleep, args=(60,)).start()  # not a daemon
    return "answer"


def test_a_reader_that_answers_but_does_not_exit_does_not_hold_the_import():
    # The parent joined its child without a limit, and the child's way out waited for
    # every thread it had started (or for a stdout lock held by another thread of the
    # app at the fork): the import hung after its answer was in.
    import time

    started = time.monotonic()
    assert guard.guarded("x.xlsx", _answers_and_lingers) == "answer"
    assert time.monotonic() - started < 30
