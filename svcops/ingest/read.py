"""Read uploaded files into Arrow tables, one per sheet, losing nothing.

Workbooks are read with fastexcel (calamine underneath), the fastest well-kept
reader here. It guesses each column's type from the first rows and turns a cell
that does not fit into null, but reports every such cell; a column with any is
read again as text, so every cell arrives as the user typed it.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import os
import re
import tempfile
import zipfile
import zlib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path

import duckdb
import fastexcel
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..i18n import Message, say
from ..i18n.errors import MessageError
from .guard import ReadCrashed, guarded
from .header import locate_table, trailing_summary_rows

# A column blank in its first rows is read as text, as we want; the reader says so in a
# warning per column, which would otherwise reach the app's console on every import.
logging.getLogger("fastexcel.types.dtype").setLevel(logging.ERROR)

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
SUPPORTED_SUFFIXES = WORKBOOK_SUFFIXES | TEXT_SUFFIXES | {".zip"}

# A real export compresses 5-20x; beyond this ratio (and above a floor, so tiny
# files with repetitive XML are fine) a workbook is treated as a decompression bomb.
MAX_COMPRESSION_RATIO = 100
_BOMB_FLOOR_BYTES = 256 * 1024 * 1024


class IngestError(MessageError):
    """A file that cannot be imported.

    ``message``: a Message naming the file and the problem, for the page to word in
    the user's language; ``str()`` is its English wording (what the CLI prints).
    """


# An uploaded file: its bytes, or the path of a file on disk. A workbook on disk is read
# from there, so its bytes are never held in memory while the sheet is being parsed.
Source = bytes | Path


def source_size(data: Source) -> int:
    return data.stat().st_size if isinstance(data, Path) else len(data)


def source_bytes(data: Source) -> bytes:
    return data.read_bytes() if isinstance(data, Path) else data


def _head(data: Source, n: int = 8) -> bytes:
    if isinstance(data, Path):
        with data.open("rb") as f:
            return f.read(n)
    return data[:n]


# The megabyte of every upload limit: Streamlit's (its ``server.maxUploadSize`` and its
# uploader's "200MB per file" count 1,048,576 bytes), so the two never disagree.
MB = 1024 * 1024
DEFAULT_MAX_UPLOAD_MB = 200


def max_upload_mb(ceiling: float | None = None) -> float:
    """The upload size limit in MB (:data:`MB`): SVCOPS_MAX_UPLOAD_MB, default 200; a
    value that is not a positive number is ignored. ``ceiling``: a limit it may not
    exceed (the app passes its server's, which refuses larger bodies before svcops
    sees them)."""
    try:
        wanted = float(os.environ.get("SVCOPS_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB))
    except ValueError:
        wanted = DEFAULT_MAX_UPLOAD_MB
    if not 0 < wanted < float("inf"):
        wanted = DEFAULT_MAX_UPLOAD_MB
    return wanted if ceiling is None else min(wanted, ceiling)


def max_upload_bytes(ceiling: float | None = None) -> int:
    """:func:`max_upload_mb` in bytes."""
    return int(max_upload_mb(ceiling) * MB)


@dataclass(frozen=True)
class RawSheet:
    """One sheet as read: ``data`` has the header's column names and a ``_row``
    column holding each row's number in the original sheet (1-based, as Excel shows,
    counted from the first non-blank row: readers trim leading blank rows).
    ``summary_rows``: row numbers of trailing total rows, to be set aside, not imported.
    ``header_row``: 1-based row of the header; ``header_confidence`` 0..1."""

    file_name: str
    sheet: str
    data: pa.Table
    summary_rows: tuple[int, ...] = ()
    header_row: int = 1
    header_confidence: float = 1.0
    notes: tuple[Message, ...] = ()  # how the sheet was read, for the import report


def check_size(name: str, size: int) -> None:
    limit = max_upload_bytes()
    if size > limit:
        raise IngestError(
            say("ingest.error.too_large", file=name, size_mb=size / MB, limit_mb=limit / MB)
        )
    if size == 0:
        raise IngestError(say("ingest.error.empty", file=name))


def _check_zip_bomb(name: str, data: Source) -> None:
    size = source_size(data)
    try:
        with zipfile.ZipFile(data if isinstance(data, Path) else io.BytesIO(data)) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
    except zipfile.BadZipFile as exc:
        raise IngestError(say("ingest.error.damaged", file=name)) from exc
    if unpacked > max(_BOMB_FLOOR_BYTES, MAX_COMPRESSION_RATIO * size):
        raise IngestError(
            say("ingest.error.bomb", file=name, unpacked_gb=unpacked / 1e9, size_mb=size / 1e6)
        )


# Rows read from the top of a sheet to find its header, and from the end to find totals.
_PROBE_ROWS = 50
_TAIL_ROWS = 10
_SCAN_ROWS = 16_384


_MIXED_COLUMN = re.compile(r"could not determine dtype for column (.+)$", re.MULTILINE)


def _load_sheet(reader: fastexcel.ExcelReader, sheet: str, **options) -> pa.RecordBatch:
    """Load a sheet losing no cell: a column holding cells that do not fit the type
    guessed for it (text in a date column, say) is read again, as text.

    The reader guesses each column's type from its first 1,000 rows and reports every
    cell it could not convert; asking it to scan every row up front instead costs about
    a fifth of the read on a full sheet, and most exports need no second read. A column
    whose first rows mix types the reader cannot reconcile (times and durations) is
    refused by it outright, and read as text too. A formula's error (``#DIV/0!``,
    ``#REF!``) is no value of any type: its column is read as text and the cell holds
    the error as Excel shows it, to be set aside as a CSV's would be (the reader gives
    such a cell as empty, and a cost of #DIV/0! vanished unseen); ``#N/A`` is a
    missing-value marker and stays empty. One coercion goes unreported: a
    TRUE/FALSE cell in a column of numbers reads as 1/0, and a number in a column of
    TRUE/FALSE as true unless 0.
    """
    as_text: fastexcel.DTypeMap = {}
    while True:
        try:
            loaded = reader.load_sheet(sheet, dtypes=as_text or None, **options)
            batch, errors = loaded.to_arrow_with_errors()
        except fastexcel.UnsupportedColumnTypeCombinationError as exc:
            found = _MIXED_COLUMN.search(str(exc))
            name = found.group(1).strip() if found else None
            if name is None or name in as_text:
                raise
            as_text[name] = "string"
            continue
        failed: dict[int, dict[int, str]] = {}  # column index -> {row: the error's text}
        bad = set()
        for e in errors.errors if errors else ():
            error = _EXCEL_ERROR.search(e.detail)
            if error is None:
                bad.add(e.position[1])
            elif error[1] != "NA":
                bad.add(e.position[1])
                text = _EXCEL_ERRORS.get(error[1], f"#{error[1].upper()}")
                failed.setdefault(e.position[1], {})[e.offset_position[0]] = text
        more = {
            c.name: "string"
            for c in loaded.selected_columns
            if c.index in bad and c.name not in as_text
        }
        if not more:
            return _with_errors_shown(batch, loaded.selected_columns, failed)
        del batch, loaded
        as_text.update(more)


_EXCEL_ERROR = re.compile(r"got 'Error\((\w+)\)'")
# The reader's names of Excel's error values, and the errors as a cell shows them.
_EXCEL_ERRORS = {
    "Div0": "#DIV/0!",
    "Value": "#VALUE!",
    "Ref": "#REF!",
    "Name": "#NAME?",
    "Null": "#NULL!",
    "Num": "#NUM!",
    "GettingData": "#GETTING_DATA",
}


def _with_errors_shown(
    batch: pa.RecordBatch, columns: list, failed: dict[int, dict[int, str]]
) -> pa.RecordBatch:
    """``batch`` with each formula error of ``failed`` (column index -> {row: text}) in
    its cell of a text column, where the reader left the cell empty."""
    if not failed:
        return batch
    arrays = list(batch.columns)
    for place, column in enumerate(columns):
        cells = failed.get(column.index)
        if not cells:
            continue
        mask = np.zeros(batch.num_rows, dtype=bool)
        rows = sorted(r for r in cells if 0 <= r < batch.num_rows)
        mask[rows] = True
        values = pa.array([cells[r] for r in rows], arrays[place].type)
        arrays[place] = pc.replace_with_mask(arrays[place], pa.array(mask), values)
    return pa.RecordBatch.from_arrays(arrays, schema=batch.schema)


def _unnamed(name: str) -> bool:
    return name.startswith("__UNNAMED__")


def _grid(table: pa.Table, rows: int, *, header: bool) -> list[list[object]]:
    """The top of a loaded sheet as Python values (the header names as row 0)."""
    body = [list(r.values()) for r in table.slice(0, rows).to_pylist()]
    if not header:
        return body
    names = [None if _unnamed(n) else n for n in table.column_names]
    return [names, *body]


def _tail(table: pa.Table) -> list[list[object]]:
    start = max(0, table.num_rows - _TAIL_ROWS)
    return [list(r.values()) for r in table.slice(start).to_pylist()]


def _sheet(
    name: str, sheet: str, table: pa.Table, first_row: int, header_row: int, confidence: float
) -> RawSheet:
    """Number the rows, and find trailing total rows to set aside."""
    if "_row" in table.column_names:  # a column of the file's own: named by its place
        table = table.rename_columns(
            [f"_row ({i + 1})" if n == "_row" else n for i, n in enumerate(table.column_names)]
        )
    table = _with_row_numbers(table, first_row)
    names = [n for n in table.column_names if n != "_row"]
    tail = _tail(table.drop_columns(["_row"]))
    rows = table.column("_row").slice(table.num_rows - len(tail)).to_pylist()
    summary = tuple(rows[i] for i in trailing_summary_rows(tail, names))
    if isinstance(table, pa.RecordBatch):
        table = pa.Table.from_batches([table])
    # Every field nullable: the reader marks some all-null columns otherwise, which
    # Arrow then cannot rebuild when the sheet comes back from the reading process.
    table = table.cast(pa.schema([f.with_nullable(True) for f in table.schema]))
    return RawSheet(name, sheet, table, summary, header_row, confidence)


def _sliced(sheet: RawSheet) -> RawSheet:
    """The sheet's table in slices (no copy), so DuckDB scans it on every core (one batch
    is one thread). Done where the sheet is used, not in the reading process: each
    slice would be sent from there with the whole of the buffers it shares."""
    table = sheet.data
    batches = table.to_batches(max_chunksize=_SCAN_ROWS)
    return replace(sheet, data=pa.Table.from_batches(batches, table.schema))


def read_workbook(name: str, data: Source) -> list[RawSheet]:
    head = _head(data)
    if not head.startswith(b"PK"):
        # An OLE container named .xlsx: a password-protected workbook holds the stream
        # EncryptedPackage; without it, it is an old .xls under a new name, which the
        # reader opens by its content.
        if head.startswith(b"\xd0\xcf\x11\xe0") and _encrypted_package(data):
            raise IngestError(say("ingest.error.encrypted", file=name))
    else:
        _check_zip_bomb(name, data)
    # In a child process with a memory ceiling: a sheet can make the reader allocate
    # far more than the file's size, and a failed allocation would end the app.
    # The sheets come back as Arrow files the parent maps into memory, not through the
    # pipe: pickling a million-row sheet there and back cost seconds.
    with tempfile.TemporaryDirectory(prefix="svcops-read-", dir=_SHARED_DIR) as folder:
        try:
            sheets: list[RawSheet] = guarded(name, _read_to_files, name, data, folder)
        except ReadCrashed as exc:
            raise IngestError(exc.message) from None
        except RuntimeError as exc:
            raise IngestError(say("ingest.error.unreadable", file=name, detail=str(exc))) from None
        return [_sliced(_mapped(s)) for s in sheets]


# Memory-backed where the system has it, so the sheets never touch a disk.
_SHARED_DIR = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


def _read_to_files(name: str, data: Source, folder: str) -> list[RawSheet]:
    """In the reading process: every sheet of the workbook, its table written to an
    Arrow file in ``folder`` (the sheet's ``data`` then names the file)."""
    sheets = []
    for i, sheet in enumerate(_read_workbook(name, data)):
        path = os.path.join(folder, f"{i}.arrow")
        table = sheet.data
        if isinstance(table, pa.RecordBatch):
            table = pa.Table.from_batches([table])
        with pa.OSFile(path, "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        sheets.append(replace(sheet, data=path))
    return sheets


def _mapped(sheet: RawSheet) -> RawSheet:
    """A sheet whose ``data`` names an Arrow file (:func:`_read_to_files`), with the table
    mapped from it, not copied: the columns are the file's own pages, which outlive the
    file's name (its folder is removed at once) until the table is let go."""
    if not isinstance(sheet.data, str):
        return sheet
    with pa.memory_map(sheet.data, "r") as source:
        table = pa.ipc.open_file(source).read_all()
    return replace(sheet, data=table)


_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def _encrypted_package(data: Source) -> bool:
    """Whether an OLE container names the stream Office keeps an encrypted workbook in."""
    return _ENCRYPTED_PACKAGE in source_bytes(data)


def _read_workbook(name: str, data: Source) -> list[RawSheet]:
    """Every sheet of a workbook (what :func:`read_workbook` runs in the child)."""
    try:
        reader = fastexcel.read_excel(str(data) if isinstance(data, Path) else data)
    except Exception as exc:  # fastexcel raises its own hierarchy for damaged files
        raise IngestError(
            say("ingest.error.unreadable", file=name, detail=_first_line(exc))
        ) from exc
    sheets = []
    for sheet in reader.sheet_names:
        try:
            sheets.append(_read_sheet(name, reader, sheet))
        except IngestError:
            raise
        except Exception as exc:
            raise IngestError(
                say(
                    "ingest.error.sheet_unreadable", file=name, sheet=sheet, detail=_first_line(exc)
                )
            ) from exc
    return sheets


def _header_text(value: object) -> str | None:
    """A header cell that is not text, as text: a date as its month (``2025-01``) when
    it is a month's first day (a finance matrix's month columns), else as the day; a
    whole number without a decimal point; None for anything else."""
    if isinstance(value, datetime):
        if value.time() != time(0):
            return None
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%Y-%m" if value.day == 1 else "%Y-%m-%d")
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return str(int(value))
    return None


def _dated_headers(reader: fastexcel.ExcelReader, sheet: str, table: pa.Table) -> pa.Table:
    """The reader names a header cell that holds a date or a number (a cost centre x
    month matrix's ``Jan-25`` columns are real dates) as unnamed; name such columns by
    their cells (:func:`_header_text`), read once more without a header."""
    unnamed = [i for i, n in enumerate(table.column_names) if _unnamed(n)]
    if not unnamed:
        return table
    first = reader.load_sheet(sheet, header_row=None, n_rows=1).to_arrow()
    if first.num_rows == 0 or first.num_columns != table.num_columns:
        return table
    cells = [first.column(i)[0].as_py() for i in range(first.num_columns)]
    names = list(table.column_names)
    for i in unnamed:
        text = _header_text(cells[i])
        if text is not None and text not in names:
            names[i] = text
    return table.rename_columns(names)


def _read_sheet(name: str, reader: fastexcel.ExcelReader, sheet: str) -> RawSheet:
    """One pass when the first row is the header (the common export); a second,
    positioned read only for report-style sheets with title rows or a two-row header,
    because the reader parses the whole sheet whatever it is asked for."""
    try:
        table = _load_sheet(reader, sheet)
    except fastexcel.FastExcelError as exc:
        if "empty" in str(exc).lower() or "no rows" in str(exc).lower():
            return RawSheet(name, sheet, pa.table({"_row": pa.array([], pa.int64())}))
        raise
    if table.num_columns == 0:  # a blank sheet (Excel's own Sheet2): a Table like the rest
        return RawSheet(name, sheet, _with_row_numbers(pa.Table.from_batches([table]), 2))
    table = _dated_headers(reader, sheet, table)
    loc = locate_table(_grid(table, _PROBE_ROWS, header=True))
    if loc.header_row == 0 and loc.data_start == 1:
        renamed = table.rename_columns(loc.names)
        return _sheet(name, sheet, renamed, 2, 1, loc.confidence)
    table = _load_sheet(
        reader, sheet, header_row=None, skip_rows=loc.data_start, column_names=loc.names
    )
    return _sheet(name, sheet, table, loc.data_start + 1, loc.header_row + 1, loc.confidence)


def read_text(name: str, data: Source) -> list[RawSheet]:
    """A CSV/TSV/TXT file as one sheet. The encoding, delimiter and the header (below any
    title lines) come from the top of the file; DuckDB's CSV reader parses the whole of
    it on every core, as text, straight from the file: the text is never held in Python
    as one string. A file not in UTF-8 is transcoded first, in pieces, into a UTF-8 copy
    in memory-backed storage."""
    with tempfile.TemporaryDirectory(prefix="svcops-csv-", dir=_SHARED_DIR) as folder:
        path = _utf8_file(name, data, folder, _encoding(name, data))
        try:
            return [_sliced(_read_utf8(name, path))]
        except _NotUtf8:
            # The top read as UTF-8, a later line did not: a GBK (or Windows-1252) export
            # with an ASCII top.
            # A top with UTF-8 beyond ASCII is UTF-8 with stray bytes further down: in no
            # one encoding, and either legacy one would garble the top's characters.
            if not _top(path).isascii():
                raise IngestError(say("ingest.error.encoding", file=name)) from None
            legacy = _legacy_encoding(_not_utf8_lines(data))
            return [_sliced(_read_utf8(name, _utf8_file(name, data, folder, legacy)))]


class _LongLine(Exception):
    """A file DuckDB's reader does not take, read with pandas instead: a line longer than
    it takes (``max_line_size``), or lines that end in more than one way (CRLF and LF, as
    when two exports are joined), at whose first line end of the other kind it stops."""


class _NotUtf8(Exception):
    """The CSV reader met bytes that are not UTF-8."""


# Read from the top of a text file to learn its encoding, delimiter and header.
_HEAD_BYTES = 1_000_000
_CHUNK_BYTES = 8 * MB


def _chunks(data: Source):
    if isinstance(data, bytes):
        for i in range(0, len(data), _CHUNK_BYTES):
            yield data[i : i + _CHUNK_BYTES]
        return
    with data.open("rb") as f:
        while chunk := f.read(_CHUNK_BYTES):
            yield chunk


def _encoding(name: str, data: Source) -> str:
    """UTF-16 (by its byte-order mark, or its zero bytes when it has none), else UTF-8
    when the top of the file reads as UTF-8 (the reader checks the rest), else GB18030
    (GBK's superset) or Windows-1252 (see :func:`_legacy_encoding`)."""
    head = _head(data, _HEAD_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if (no_bom := _utf16_without_bom(head)) is not None:
        return no_bom
    if len(head) == _HEAD_BYTES:  # cut at a line's end, never inside a character
        head = head[: head.rfind(b"\n") + 1] or head
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not merely a character cut at the end
            return _legacy_encoding(head)
        return "utf-8"


# Symbols a Windows-1252 text has beside its accented letters.
_CP1252_SYMBOLS = set("€£¥°§±²³µ·¹º»«¼½¾×÷‘’‚“”„–—…•™©®¢¤¦¨¬¯´¸¿¡ª")


def _legacy_encoding(sample: bytes) -> str:
    """The encoding of text that is not UTF-8: GB18030 (GBK's superset), unless it reads
    as Western text in Windows-1252 (Excel's "CSV" on a Western Windows) and not as
    Chinese. Chinese text in GBK is almost all GB2312 characters; 'Müller' or 'Søren'
    in Windows-1252 also decodes as GBK, into rare characters outside GB2312 ('M黮ler',
    'S鴕en'), which is how such files were imported, without a word."""
    # A stray invalid byte in a GBK file does not make it Western: it is judged by the
    # characters that do decode (and refused when transcoded).
    wide = [c for c in sample.decode("gb18030", errors="replace") if ord(c) > 127]
    wide = [c for c in wide if c != "\ufffd"]
    if wide and sum(_in_gb2312(c) for c in wide) >= 0.5 * len(wide):
        return "gb18030"
    try:
        western = sample.decode("cp1252")
    except UnicodeDecodeError:
        return "gb18030"  # neither: refused when transcoding, naming the encodings
    wide = [c for c in western if ord(c) > 127]
    letters = sum(c.isalpha() or c in _CP1252_SYMBOLS for c in wide)
    return "cp1252" if wide and letters >= 0.9 * len(wide) else "gb18030"


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _not_utf8_lines(data: Source, limit: int = 65_536) -> bytes:
    """Up to ``limit`` bytes of the lines of the file that are not UTF-8, to tell their
    encoding by (:func:`_legacy_encoding`)."""
    found: list[bytes] = []
    size = 0
    rest = b""
    for chunk in _chunks(data):
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        for line in lines:
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                found.append(line)
                size += len(line)
                if size >= limit:
                    return b"\n".join(found)
    if rest and not rest.isascii():
        found.append(rest)
    return b"\n".join(found)


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 written without a byte-order mark (some exporters and PowerShell's
    ``Out-File -Encoding Unicode`` piped elsewhere): text of Latin letters and digits has
    a zero byte in every other place, the high byte of each character; in UTF-8 or GBK
    text a zero byte is a stray. Little- or big-endian by where the zeros are. (Read as
    UTF-8, every header came out with a NUL between its letters and no table matched.)"""
    sample = head[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    if odd >= 0.4 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.4 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None


def _utf8_file(name: str, data: Source, folder: str, encoding: str) -> Path:
    """The text as a UTF-8 file the CSV reader can open: the upload's own file when it
    is UTF-8 on disk (by a link of a plain name, so no character of its name reads as a
    pattern), else a copy in ``folder``, transcoded in pieces."""
    target = Path(folder) / f"{encoding}.csv"
    if encoding == "utf-8":
        if isinstance(data, Path):
            target.symlink_to(data.resolve())
        else:
            target.write_bytes(data)
        return target
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with target.open("wb") as out:
            for chunk in _chunks(data):
                out.write(decoder.decode(chunk).encode("utf-8"))
            out.write(decoder.decode(b"", final=True).encode("utf-8"))
    except UnicodeDecodeError:
        raise IngestError(say("ingest.error.encoding", file=name)) from None
    return target


def _top(path: Path) -> str:
    """The top of a UTF-8 file as text, whole lines only (the first byte-order mark
    dropped)."""
    head = _head(path, _HEAD_BYTES)
    if len(head) == _HEAD_BYTES:
        head = head[: head.rfind(b"\n") + 1] or head
    return head.decode("utf-8-sig", errors="replace")


def _read_utf8(name: str, path: Path) -> RawSheet:
    top = _top(path)
    sep = _delimiter(name, top)
    lines = top.splitlines()[: _PROBE_ROWS * 4]
    # As many columns as the widest of the first lines: a title line above the header
    # (one field) must not fix the width the rest is read with.
    width = max(max((len(r) for r in csv.reader(lines, delimiter=sep)), default=1), 1)
    # The first rows as the reader sees them, a blank line as a row of its own, so every
    # row keeps its number in the file; and where each ends in the text.
    grid: list[list[object]] = []
    ends: list[int] = []
    read = 0

    def lines_of_top():
        nonlocal read
        for line in io.StringIO(top, newline=""):  # lines end at LF, CRLF or CR
            read += len(line)
            yield line

    try:
        for record in csv.reader(lines_of_top(), delimiter=sep):
            cells: list[object] = [v if v != "" else None for v in record]
            grid.append(cells + [None] * (width - len(record)))
            ends.append(read)
            if len(grid) == _PROBE_ROWS:
                break
    except csv.Error:
        pass  # a field still open at the end of the top: the rows before it are enough
    loc = locate_table(grid)
    stem = Path(name).stem
    above = ends[loc.data_start - 1] if 0 < loc.data_start <= len(ends) else 0
    start = len(top[:above].encode("utf-8")) + (3 if _head(path, 3) == codecs.BOM_UTF8 else 0)
    parsed: pa.Table | None = None
    failed: Exception | None = None
    exact = width == 1
    long_line = False  # a line over DuckDB's 2 MB, or mixed line ends: read row by row
    if not exact:
        # The reader parses on every core while this thread looks for blank lines (numpy
        # lets go of the interpreter while it scans).
        with ThreadPoolExecutor(max_workers=1) as pool:
            blank_below = pool.submit(_blank_line_below, path, start)
            try:
                parsed = _parse(name, path, sep, width)
            except (IngestError, _NotUtf8) as exc:
                failed = exc
            except _LongLine:
                long_line = True
            exact = blank_below.result() or long_line
    if exact:
        # The reader skips blank lines (rows of several columns), which would renumber
        # the rows below one: such files are read row by row, blank lines kept.
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _NotUtf8 from None
        frame = _frame_exact(name, text, sep, width)
        body = frame.iloc[loc.data_start :].reset_index(drop=True)
        body.columns = loc.names
        table = pa.Table.from_pandas(body, preserve_index=False)
    elif failed is not None or parsed is None:
        raise failed or RuntimeError("no table")
    else:
        # The reader skipped the blank lines above the table (there are none below it).
        blank = [None] * width
        above_rows = loc.data_start - sum(1 for row in grid[: loc.data_start] if row == blank)
        table = parsed.slice(above_rows).rename_columns(loc.names)
    return _sheet(name, stem, table, loc.data_start + 1, loc.header_row + 1, loc.confidence)


def _blank_line_below(path: Path, start: int) -> bool:
    """Whether a blank line lies in the file from byte ``start`` (where the table's rows
    begin) on, blank lines at the very end aside. Line ends are found in pieces with
    numpy: two line feeds in a row, or apart by a carriage return (CRLF), or two
    carriage returns in a row in a file of CR line ends."""
    size = path.stat().st_size
    with path.open("rb") as f:
        f.seek(max(0, size - 65_536))
        tail = f.read()
        end = size - (len(tail) - len(tail.rstrip(b"\r\n")))  # trailing line ends: no row
        position = max(0, start - 1)  # the line end of the row above counts
        while position < end:
            f.seek(position)
            chunk = np.frombuffer(f.read(min(_CHUNK_BYTES, end - position)), np.uint8)
            feeds = np.flatnonzero(chunk == 10)
            if feeds.size:
                gaps = np.diff(feeds)
                if (gaps == 1).any() or (chunk[feeds[:-1][gaps == 2] + 1] == 13).any():
                    return True
            elif (np.diff(np.flatnonzero(chunk == 13)) == 1).any():
                return True
            if position + chunk.size >= end or chunk.size < 3:
                return False
            position += chunk.size - 2  # a blank line across two pieces is still seen
    return False


def _parse(name: str, path: Path, sep: str, width: int) -> pa.Table:
    """Every row of a UTF-8 CSV file as text (a missing cell as null), in file order,
    with columns ``c0..``: DuckDB's reader, told the layout instead of guessing it."""
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width)) + "}"
    options = (
        f"header = false, auto_detect = false, delim = {_sql_text(sep)}, quote = '\"', "
        f"escape = '\"', null_padding = true, columns = {columns}"
    )
    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")
        query = f"SELECT * FROM read_csv({_sql_text(str(path))}, {options}"
        try:
            return con.sql(query + ")").to_arrow_table()
        except duckdb.Error as exc:
            if "quoted new lines" not in str(exc):
                raise
            # A quoted field holding a line break: read in one pass, not in parallel.
            return con.sql(query + ", parallel = false)").to_arrow_table()
    except duckdb.Error as exc:
        text = str(exc)
        if "Invalid unicode" in text:
            raise _NotUtf8 from None
        if "Maximum line size" in text or "state machine reached an invalid state" in text:
            raise _LongLine from None
        raise IngestError(
            say("ingest.error.csv_unreadable", file=name, detail=_csv_error(text))
        ) from None
    finally:
        con.close()


_LINE = re.compile(r"CSV Error on Line: (\d+)")
_COLUMNS = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


def _csv_error(text: str) -> str:
    """The reader's error in one line: which line, and what is wrong with it."""
    line, columns = _LINE.search(text), _COLUMNS.search(text)
    if line and columns:
        return f"Expected {columns[1]} fields in line {line[1]}, saw {columns[2]}"
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    problem = next((ln for ln in lines[1:] if not ln.startswith(("Original Line", "*"))), "")
    where = f"line {line[1]}: " if line else ""
    return where + (problem or (lines[0] if lines else "unreadable"))


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _frame_exact(name: str, text: str, sep: str, width: int) -> pd.DataFrame:
    """Every row of the text, blank lines included, as text (pandas; the whole file in
    memory: only for files whose blank lines the fast reader would drop)."""
    try:
        return pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            header=None,
            names=range(width),
            skip_blank_lines=False,
            on_bad_lines="error",
        ).replace("", None)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
        raise IngestError(
            say("ingest.error.csv_unreadable", file=name, detail=_first_line(exc))
        ) from exc


_DELIMITERS = ",\t;|"


def _delimiter(name: str, text: str) -> str:
    """The CSV's delimiter: the sniffer's; when it cannot tell (it cannot whenever a
    title line sits above the header), the candidate that splits the most of the first
    lines into the same number (two or more) of fields; else tab for .tsv/.txt, comma."""
    try:
        return csv.Sniffer().sniff(text[:20_000], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        pass
    lines = [ln for ln in text[:1_000_000].splitlines()[: _PROBE_ROWS * 4] if ln.strip()]
    best, best_lines = None, 0
    for sep in _DELIMITERS:
        widths = Counter(len(r) for r in csv.reader(lines, delimiter=sep))
        widths.pop(1, None)
        lines_alike = max(widths.values(), default=0)
        if lines_alike > best_lines:
            best, best_lines = sep, lines_alike
    if best is not None:
        return best
    return "\t" if name.lower().endswith((".tsv", ".txt")) else ","


def _junk(member: str) -> bool:
    """Files an archive carries that are nobody's data: macOS resource forks, dot files,
    and the lock files Office leaves beside an open workbook (``~$name.xlsx``)."""
    base = Path(member).name
    return member.startswith("__MACOSX/") or base.startswith((".", "~$"))


_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its maker wrote it. A name not flagged as UTF-8 is read by
    zipfile as code page 437; Windows' own zip and most Chinese tools write the system
    code page instead (GBK), and some write UTF-8 without the flag: such a name came out
    as '╣ñ╡Ñ╡╝│÷.csv' for 工单导出.csv. Taken as UTF-8 when its bytes are valid UTF-8, as
    GBK when they read as GBK into Chinese characters only, else as code page 437."""
    name = info.filename
    if info.flag_bits & 0x800 or name.isascii():
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        gbk = raw.decode("gbk")
    except UnicodeDecodeError:
        return name
    if all(_CJK.match(c) for c in gbk if not c.isascii()):
        return gbk
    return name


# An archive inside an archive is opened; one inside that is refused.
_ZIP_DEPTH = 2


def read_zip(name: str, data: Source, depth: int = 1) -> list[RawSheet]:
    """Every supported file inside a .zip (folders and junk skipped, see :func:`_junk`;
    an archive inside it opened in turn), named ``archive.zip/member``. Sizes are checked
    before unpacking; a member that does not unpack as its headers say is refused."""
    _check_zip_bomb(name, data)
    sheets: list[RawSheet] = []
    try:
        zf = zipfile.ZipFile(data if isinstance(data, Path) else io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise IngestError(say("ingest.error.damaged", file=name)) from exc
    with zf:
        members = [
            i
            for i in zf.infolist()
            if not i.is_dir()
            and not _junk(i.filename)
            and Path(i.filename).suffix.lower() in SUPPORTED_SUFFIXES
        ]
        if not members:
            raise IngestError(say("ingest.error.zip_empty", file=name))
        for info in members:
            member = f"{name}/{printable_name(_member_name(info))}"
            if info.flag_bits & 0x1:
                raise IngestError(say("ingest.error.zip_encrypted", file=member))
            try:
                blob = zf.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
                raise IngestError(
                    say("ingest.error.zip_member_damaged", file=member, detail=_first_line(exc))
                ) from exc
            if Path(info.filename).suffix.lower() == ".zip":
                if depth >= _ZIP_DEPTH:
                    raise IngestError(say("ingest.error.zip_too_deep", file=member))
                sheets.extend(read_zip(member, blob, depth + 1))
            else:
                sheets.extend(read_file(member, blob))
    return sheets


# Control characters (a newline, a tab) in an uploaded file's name: shown and stored as
# a space, so every message about the file stays one line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable_name(name: str) -> str:
    """An uploaded file's name with control characters replaced by spaces."""
    return _CONTROL.sub(" ", name)


def read_file(name: str, data: Source) -> list[RawSheet]:
    """Read one uploaded file (by its display name, and its bytes or path) into sheets.
    A file whose suffix does not say what it holds is read as what it holds: text saved
    as ``.xls`` (many systems name their tab-separated "Excel" export so), a workbook
    renamed ``.csv``; its sheets' notes say so."""
    check_size(name, source_size(data))
    suffix = Path(name).suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        if not _head(data).startswith((b"PK", _OLE)) and _looks_like_text(data):
            return _noted(read_text(name, data), say("ingest.note.read_as_text", file=name))
        return read_workbook(name, data)
    if suffix in TEXT_SUFFIXES:
        if _holds_workbook(data):
            return _noted(read_workbook(name, data), say("ingest.note.read_as_workbook", file=name))
        return read_text(name, data)
    if suffix == ".zip":
        return read_zip(name, data)
    supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
    if not suffix:
        raise IngestError(say("ingest.error.no_suffix", file=name, supported=supported))
    raise IngestError(
        say("ingest.error.unsupported", file=name, suffix=suffix, supported=supported)
    )


_OLE = b"\xd0\xcf\x11\xe0"  # an OLE container: an old .xls workbook


def _looks_like_text(data: Source) -> bool:
    """Whether a file named as a workbook holds a table as text: lines split by a
    delimiter (``,``, tab, ``;``, ``|``), no zero bytes (but UTF-16's), not markup (an
    HTML page named .xls is no table we read)."""
    head = _head(data, 65_536)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head) is not None:
        return True
    start = head.lstrip(codecs.BOM_UTF8).lstrip()
    first, newline, _ = start.partition(b"\n")
    return (
        b"\x00" not in head
        and not start.startswith(b"<")
        and bool(newline)
        and any(sep.encode() in first for sep in _DELIMITERS)
    )


def _holds_workbook(data: Source) -> bool:
    """Whether a file named as text is a workbook: an OLE container, or a zip holding an
    Office or OpenDocument package."""
    head = _head(data)
    if head.startswith(_OLE):
        return True
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(data if isinstance(data, Path) else io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    return "[Content_Types].xml" in names or "mimetype" in names


def _noted(sheets: list[RawSheet], note: Message) -> list[RawSheet]:
    return [replace(s, notes=(*s.notes, note)) for s in sheets]


def _with_row_numbers(table: pa.Table, first_row: int) -> pa.Table:
    rows = pa.array(np.arange(first_row, first_row + table.num_rows, dtype=np.int64))
    return table.append_column("_row", rows)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
