"""Safe table downloads: CSV and Excel files that cannot run a formula a user typed.

Following OWASP's "CSV injection" guidance: a text cell starting with ``=``, ``+``,
``-``, ``@``, tab, carriage return or line feed (also NUL, which ASVS 5.0 adds, and the
full-width ＝＋－＠ that Excel reads as formula starts under East Asian input settings)
gets a leading apostrophe, so a spreadsheet shows it as text. Every text cell is
quoted, so a field separator inside it (``,``, or ``;`` where Excel's locale
separates by semicolons) cannot start a new cell that begins with a formula. Numbers,
booleans and dates are left alone: -3 stays a number.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠")
_PLAIN_KINDS = "biufcmM"  # numpy kinds of booleans, numbers, datetimes and durations


def _safe(value: object) -> object:
    """``value`` with an apostrophe in front when it is text a spreadsheet would run."""
    return "'" + value if isinstance(value, str) and value.startswith(_TRIGGERS) else value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` whose text cells and column names cannot be read as formulas.

    Every column that may hold text (strings, objects, categories) is checked cell by
    cell; numeric, boolean and datetime columns are returned as they are.
    """
    out = frame.copy()
    out.columns = [_safe(c) for c in out.columns]
    for i in range(out.shape[1]):
        series = out.iloc[:, i]
        if series.dtype.kind not in _PLAIN_KINDS:
            out.isetitem(i, series.astype(object).map(_safe).to_numpy())
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM (so Excel opens Chinese text correctly), formulas neutralised
    and every text cell quoted (numbers unquoted, so they stay numbers); the column names
    are quoted too (an SQL alias such as ``x;=1+1`` is a name a user typed)."""
    safe = neutralise(frame)
    header = safe.head(0).to_csv(index=False, quoting=csv.QUOTE_ALL)
    body = safe.to_csv(index=False, header=False, quoting=csv.QUOTE_NONNUMERIC)
    return (header + body).encode("utf-8-sig")


def _cell(value: object) -> object:
    """A value an Excel cell can hold: a list, struct or other object as its text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, pd.Timestamp | pd.Timedelta):
        return value
    if value is pd.NA or value is pd.NaT:
        return None
    return str(value)


# The times an Excel date holds as it is: from 1 March 1900 (before it Excel counts a
# 29 February 1900 that never was, and has no dates before 1900) to the end of 9999.
_EXCEL_TIMES = (pd.Timestamp("1900-03-01"), pd.Timestamp("9999-12-31 23:59:59.999999"))


def _excel_times(series: pd.Series) -> np.ndarray:
    """A time column (no time zone) as Excel can hold it: a time outside
    :data:`_EXCEL_TIMES` (year 1, DuckDB's infinity, ...) as its ISO text, so it is
    neither shifted a day, nor an error cell, nor a failure to write the file."""
    outside = series.notna() & ((series < _EXCEL_TIMES[0]) | (series > _EXCEL_TIMES[1]))
    if not outside.any():
        return series.to_numpy()
    out = series.astype(object)
    text = np.datetime_as_string(series[outside].to_numpy())
    out[outside] = [str(v).replace("T", " ") for v in text]
    return out.to_numpy()


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """An .xlsx workbook of ``frame`` on one sheet, every cell data: text cells are
    neutralised as in :func:`to_csv_bytes`, and the writer is told never to read text as a
    formula, a link or a number. Times with a time zone are written as UTC wall times
    (Excel has no time zones); lists and other objects as their text."""
    safe = neutralise(frame)
    for i in range(safe.shape[1]):
        series = safe.iloc[:, i]
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            series = series.dt.tz_convert("UTC").dt.tz_localize(None)
            safe.isetitem(i, series)
        if series.dtype.kind == "M":
            safe.isetitem(i, _excel_times(series))
        elif series.dtype.kind not in _PLAIN_KINDS:
            safe.isetitem(i, series.map(_cell).to_numpy())
    buffer = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with pd.ExcelWriter(buffer, engine="xlsxwriter", engine_kwargs={"options": options}) as xl:
        safe.to_excel(xl, sheet_name=sheet, index=False)
    return buffer.getvalue()
