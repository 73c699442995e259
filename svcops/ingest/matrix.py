"""A cost report laid out as a matrix (one row per cost centre or account, one column
per month) read as one row per cell: the shape the ``costs`` and ``budget`` tables take.

Finance teams export budgets and actuals as ``Cost centre | Category | Jan 2025 |
Feb 2025 | ... | Total``. When at least :data:`MIN_MONTHS` headers name a month with
its year (``Jan 2025``, ``January 2025``, ``Jan-25``, ``2025-01``, ``2025/1``,
``2025年1月``), :func:`months_as_rows` turns each filled cell under them into a row
of the row's other columns plus ``period`` (the month's first day) and ``amount``
(``budget`` on a sheet named for budgets). Blank cells are left out (no posting that
month); columns that total the months (``Total``, ``FY``, ``合计``) are dropped,
since the months already hold their amounts. Each new row keeps its cell's sheet row
in ``_row``, so a rejected cell is still found in the original. Amounts written with
their currency or in accounting brackets (``$1,200``, ``(200.00)``) are kept as text,
so that the sheet's ``amount`` is read as any money column is (``coerce.MONEY_COLUMNS``):
one currency for the whole sheet, a cell in another set aside with the reason.
"""

from __future__ import annotations

import math
import re
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from ..i18n import say
from ..schema import normalise_header
from .coerce import currency_name, decimal_comma_column, number_of
from .prepare import currency_signs, money_column
from .read import RawSheet

MIN_MONTHS = 2
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        )
    )
    for name in names
}
_NAMED = re.compile(r"^([a-z]{3,9})\.?[\s\-_/']*(\d{2}|\d{4})$")
_NUMERIC = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:[-/.]0?1)?$")
_TOTALS = {
    "total",
    "totals",
    "sum",
    "fy",
    "fytotal",
    "ytd",
    "annual",
    "year",
    "合计",
    "总计",
    "全年",
}
_BUDGET_SHEETS = {"budget", "budgets", "plan", "预算"}


def month_of(header: str) -> date | None:
    """The month a column header names with its year, or None (``Jan 2025``,
    ``Jan-25``, ``2025-01``, ``2025/1``, ``2025年1月``, ``2025-01-01``)."""
    text = str(header).strip().lower()
    found = _NUMERIC.match(text)
    if found:
        year, month = int(found.group(1)), int(found.group(2))
    else:
        found = _NAMED.match(text)
        if not found or found.group(1) not in _MONTHS:
            return None
        month = _MONTHS[found.group(1)]
        year = int(found.group(2))
        year += 2000 if year < 100 else 0
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        return None
    return date(year, month, 1)


def months_as_rows(raw: RawSheet) -> RawSheet:
    """``raw`` unpivoted when it is a month matrix (see the module); else unchanged."""
    data = raw.data
    headers = [c for c in data.column_names if c != "_row"]
    months = {h: m for h in headers if (m := month_of(h)) is not None}
    labels = [h for h in headers if h not in months and normalise_header(h) not in _TOTALS]
    if len(months) < MIN_MONTHS or not labels or "_row" not in data.column_names:
        return raw
    values: dict[str, pa.ChunkedArray] = {}
    for header in months:
        numbers = _numbers(data.column(header))
        if numbers is None:
            return raw
        values[header] = numbers
    if any(pa.types.is_string(v.type) for v in values.values()):
        # Amounts with their currency or in brackets are read as a money column reads
        # them (prepare, coerce): the sheet's amounts are one column, in one currency.
        values = {h: v.cast(pa.string()) for h, v in values.items()}
    value = "budget" if normalise_header(raw.sheet) in _BUDGET_SHEETS else "amount"
    if value in (normalise_header(h) for h in labels) or "period" in labels:
        return raw  # the sheet already has such a column: not a plain matrix
    pieces = []
    for header, month in months.items():
        column = values[header]
        keep = pc.is_valid(column)
        part = data.select([*labels, "_row"]).filter(keep)
        part = part.append_column("period", pa.array([month] * part.num_rows, pa.date32()))
        part = part.append_column(value, column.filter(keep))
        pieces.append(part)
    table = pa.concat_tables(pieces)
    table = table.take(pc.sort_indices(table, [("_row", "ascending"), ("period", "ascending")]))
    ordered = table.select([*labels, "period", value, "_row"])
    first, last = min(months.values()), max(months.values())
    note = say("cost.import.unpivoted", months=len(months), first=first, last=last, column=value)
    return RawSheet(
        raw.file_name,
        raw.sheet,
        ordered,
        summary_rows=raw.summary_rows,
        header_row=raw.header_row,
        header_confidence=raw.header_confidence,
        notes=(*raw.notes, note),
    )


_BLANKS = {"", "-", "—", "–"}


def _numbers(column: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """The month column as float64, or None when it is not one of amounts. Numbers
    stored as text (``"1,200.50"``, as CSV exports and text-formatted cells have them)
    are read as the long layout reads amounts (commas as :func:`number_of` reads them); a blank or a
    dash is no posting. Any other text means the column is not amounts. A column with
    an amount written with its currency (``$1,200``, ``1 200 €``) or in accounting
    brackets (``(1,200.00)``) is returned as its text (blanks and dashes null), for the
    import to read as a money column: one currency, amounts in another set aside."""
    kind = column.type
    if pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_null(kind):
        return column.cast(pa.float64())
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return None
    column = pc.utf8_trim_whitespace(column.cast(pa.string()))
    column = pc.if_else(pc.is_in(column, pa.array(sorted(_BLANKS))), None, column)
    # Each amount's sign or code and brackets taken off, whichever currency it is in.
    plain = money_column(column, None)
    for currency in sorted({currency_name(sign) for sign in currency_signs(column)}):
        plain = money_column(plain, currency)
    out: list[float | None] = []
    comma = decimal_comma_column(plain)
    for v in plain.to_pylist():
        if v is None:
            out.append(None)
            continue
        try:
            number = number_of(v, comma)
        except ValueError:
            return None
        if not math.isfinite(number):
            return None
        out.append(number)
    if not pc.all(pc.equal(plain, column)).as_py():
        return column
    return pa.chunked_array([pa.array(out, pa.float64())])
