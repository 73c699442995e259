"""Read uploaded files into Arrow tables, one per sheet, losing nothing.

Workbooks are read with fastexcel (calamine underneath), the fastest well-kept
reader here. Its default coercion turns a cell that does not fit the column's
guessed type into null; we read strictly instead and fall back to text for the
columns that mix types, so every cell arrives as the user typed it.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import fastexcel
import pandas as pd
import pyarrow as pa

from .header import locate_table, trailing_summary_rows

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
SUPPORTED_SUFFIXES = WORKBOOK_SUFFIXES | TEXT_SUFFIXES | {".zip"}

# A real export compresses 5-20x; beyond this ratio (and above a floor, so tiny
# files with repetitive XML are fine) a workbook is treated as a decompression bomb.
MAX_COMPRESSION_RATIO = 100
_BOMB_FLOOR_BYTES = 256 * 1024 * 1024


class IngestError(Exception):
    """A file that cannot be imported; the message names the file and the problem."""


def max_upload_bytes() -> int:
    """Upload size limit, from SVCOPS_MAX_UPLOAD_MB (default 200 MB)."""
    return int(float(os.environ.get("SVCOPS_MAX_UPLOAD_MB", "200")) * 1024 * 1024)


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


def check_size(name: str, size: int) -> None:
    limit = max_upload_bytes()
    if size > limit:
        raise IngestError(
            f"{name}: the file is {size / 1e6:.1f} MB, over the upload limit of "
            f"{limit / 1e6:.0f} MB (set SVCOPS_MAX_UPLOAD_MB to change it)"
        )
    if size == 0:
        raise IngestError(f"{name}: the file is empty")


def _check_zip_bomb(name: str, blob: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
    except zipfile.BadZipFile as exc:
        raise IngestError(f"{name}: not a readable workbook (the file is damaged)") from exc
    if unpacked > max(_BOMB_FLOOR_BYTES, MAX_COMPRESSION_RATIO * len(blob)):
        raise IngestError(
            f"{name}: refused, it would unpack to {unpacked / 1e9:.1f} GB "
            f"from {len(blob) / 1e6:.1f} MB (a decompression bomb?)"
        )


_MIXED_COLUMN = re.compile(r"could not determine dtype for column (.+)$", re.MULTILINE)
# Rows read from the top of a sheet to find its header, and from the end to find totals.
_PROBE_ROWS = 50
_TAIL_ROWS = 10


def _load_sheet(reader: fastexcel.ExcelReader, sheet: str, **options) -> pa.Table:
    """Load a sheet strictly typed; a column mixing types is read as text instead."""
    as_text: dict = {}
    while True:
        try:
            loaded = reader.load_sheet(
                sheet, schema_sample_rows=None, dtype_coercion="strict",
                dtypes=as_text or None, **options
            )
            return loaded.to_arrow()
        except fastexcel.UnsupportedColumnTypeCombinationError as exc:
            found = _MIXED_COLUMN.search(str(exc))
            name = found.group(1).strip() if found else None
            if name is None or name in as_text:
                raise
            as_text[name] = "string"


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


def _sheet(name: str, sheet: str, table: pa.Table, first_row: int, header_row: int,
           confidence: float) -> RawSheet:
    """Number the rows, and find trailing total rows to set aside."""
    table = _with_row_numbers(table, first_row)
    names = [n for n in table.column_names if n != "_row"]
    tail = _tail(table.drop_columns(["_row"]))
    offset = table.num_rows - len(tail)
    rows = table.column("_row").to_pylist()
    summary = tuple(rows[offset + i] for i in trailing_summary_rows(tail, names))
    return RawSheet(name, sheet, table, summary, header_row, confidence)


def read_workbook(name: str, blob: bytes) -> list[RawSheet]:
    if not blob.startswith(b"PK"):
        if blob.startswith(b"\xd0\xcf\x11\xe0") and name.lower().endswith((".xlsx", ".xlsm")):
            raise IngestError(f"{name}: the workbook is password-protected (encrypted); "
                              "save a copy without a password and upload that")
    else:
        _check_zip_bomb(name, blob)
    try:
        reader = fastexcel.read_excel(blob)
    except Exception as exc:  # fastexcel raises its own hierarchy for damaged files
        raise IngestError(f"{name}: not a readable workbook ({_first_line(exc)})") from exc
    sheets = []
    for sheet in reader.sheet_names:
        try:
            sheets.append(_read_sheet(name, reader, sheet))
        except IngestError:
            raise
        except Exception as exc:
            raise IngestError(f"{name}, sheet {sheet!r}: cannot be read ({_first_line(exc)})") from exc
    return sheets


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
    if table.num_columns == 0:
        return RawSheet(name, sheet, _with_row_numbers(table, 2))
    loc = locate_table(_grid(table, _PROBE_ROWS, header=True))
    if loc.header_row == 0 and loc.data_start == 1:
        renamed = table.rename_columns(loc.names)
        return _sheet(name, sheet, renamed, 2, 1, loc.confidence)
    table = _load_sheet(reader, sheet, header_row=None, skip_rows=loc.data_start,
                        column_names=loc.names)
    return _sheet(name, sheet, table, loc.data_start + 1, loc.header_row + 1, loc.confidence)


def read_text(name: str, blob: bytes) -> list[RawSheet]:
    text = _decode(name, blob)
    try:
        sep = csv.Sniffer().sniff(text[:20_000], delimiters=",\t;|").delimiter
    except csv.Error:
        sep = "\t" if name.lower().endswith((".tsv", ".txt")) else ","
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False,
                            header=None, skip_blank_lines=False, on_bad_lines="error")
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise IngestError(f"{name}: not a readable CSV file ({_first_line(exc)})") from exc
    # Blank lines stay as rows so each row keeps its line number; importing skips them.
    grid = frame.head(_PROBE_ROWS).replace("", None).values.tolist()
    loc = locate_table(grid)
    body = frame.iloc[loc.data_start:].reset_index(drop=True)
    body.columns = loc.names
    table = pa.Table.from_pandas(body, preserve_index=False)
    stem = Path(name).stem
    return [_sheet(name, stem, table, loc.data_start + 1, loc.header_row + 1, loc.confidence)]


def read_zip(name: str, blob: bytes) -> list[RawSheet]:
    """Every supported file inside a .zip (folders, OS junk such as __MACOSX/ and dot
    files skipped), named ``archive.zip/member``. Sizes are checked before unpacking."""
    _check_zip_bomb(name, blob)
    sheets: list[RawSheet] = []
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        members = [i for i in zf.infolist() if not i.is_dir()
                   and not i.filename.startswith("__MACOSX/")
                   and not Path(i.filename).name.startswith(".")
                   and Path(i.filename).suffix.lower() in SUPPORTED_SUFFIXES - {".zip"}]
        if not members:
            raise IngestError(f"{name}: the archive holds no workbook or CSV file")
        for info in members:
            if info.flag_bits & 0x1:
                raise IngestError(f"{name}/{info.filename}: the archive member is encrypted")
            sheets.extend(read_file(f"{name}/{info.filename}", zf.read(info)))
    return sheets


def _decode(name: str, blob: bytes) -> str:
    if blob.startswith((b"\xff\xfe", b"\xfe\xff")):
        return blob.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return blob.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IngestError(f"{name}: the text is neither UTF-8, UTF-16 nor GBK/GB18030")


def read_file(name: str, blob: bytes) -> list[RawSheet]:
    """Read one uploaded file (by its display name and bytes) into sheets."""
    check_size(name, len(blob))
    suffix = Path(name).suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return read_workbook(name, blob)
    if suffix in TEXT_SUFFIXES:
        return read_text(name, blob)
    if suffix == ".zip":
        return read_zip(name, blob)
    raise IngestError(
        f"{name}: unsupported file type {suffix or '(none)'}; "
        f"use one of {', '.join(sorted(SUPPORTED_SUFFIXES))}"
    )


def _with_row_numbers(table: pa.Table, first_row: int) -> pa.Table:
    rows = pa.array(range(first_row, first_row + table.num_rows), type=pa.int64())
    return table.append_column("_row", rows)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
