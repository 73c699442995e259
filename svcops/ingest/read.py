"""Read uploaded files into Arrow tables, one per sheet, losing nothing.

Workbooks are read with fastexcel (calamine underneath), the fastest well-kept
reader here. Its default coercion turns a cell that does not fit the column's
guessed type into null; we read strictly instead and fall back to text for the
columns that mix types, so every cell arrives as the user typed it.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import fastexcel
import pandas as pd
import pyarrow as pa

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
SUPPORTED_SUFFIXES = WORKBOOK_SUFFIXES | TEXT_SUFFIXES

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
    column holding each row's number in the original sheet (1-based, as Excel shows)."""

    file_name: str
    sheet: str
    data: pa.Table


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


def _load_sheet(reader: fastexcel.ExcelReader, sheet: str) -> pa.Table:
    as_text: dict[str, str] = {}
    while True:
        try:
            loaded = reader.load_sheet(
                sheet, schema_sample_rows=None, dtype_coercion="strict", dtypes=as_text or None
            )
            return loaded.to_arrow()
        except fastexcel.UnsupportedColumnTypeCombinationError as exc:
            found = _MIXED_COLUMN.search(str(exc))
            if not found or found.group(1).strip() in as_text:
                raise
            as_text[found.group(1).strip()] = "string"


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
            table = _load_sheet(reader, sheet)
        except Exception as exc:
            raise IngestError(f"{name}, sheet {sheet!r}: cannot be read ({_first_line(exc)})") from exc
        sheets.append(RawSheet(name, sheet, _with_row_numbers(table, first_row=2)))
    return sheets


def read_text(name: str, blob: bytes) -> list[RawSheet]:
    text = _decode(name, blob)
    sep = "\t" if name.lower().endswith((".tsv", ".txt")) and "\t" in text[:4096] else ","
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise IngestError(f"{name}: not a readable CSV file ({_first_line(exc)})") from exc
    table = pa.Table.from_pandas(frame, preserve_index=False)
    return [RawSheet(name, Path(name).stem, _with_row_numbers(table, first_row=2))]


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
