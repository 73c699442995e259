"""Safe table downloads: CSV files that cannot run a formula a user typed.

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
    and every text cell quoted (numbers unquoted, so they stay numbers)."""
    safe = neutralise(frame)
    header = safe.head(0).to_csv(index=False)
    body = safe.to_csv(index=False, header=False, quoting=csv.QUOTE_NONNUMERIC)
    return (header + body).encode("utf-8-sig")
