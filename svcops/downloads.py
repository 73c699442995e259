"""Safe table downloads: CSV files that cannot run a formula a user typed.

A cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return is read as a
formula by Excel and LibreOffice (OWASP "CSV injection"); such text cells get a
leading apostrophe. Numbers are left alone, so -3 stays a number.
"""

from __future__ import annotations

import pandas as pd

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` whose text cells cannot be read as formulas."""
    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_string_dtype(series) or series.dtype == object:
            out[col] = series.map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_TRIGGERS) else v
            )
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM (so Excel opens Chinese text correctly), formulas neutralised."""
    return neutralise(frame).to_csv(index=False).encode("utf-8-sig")
