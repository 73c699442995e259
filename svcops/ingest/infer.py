"""Tickets recognised from their values when no header names them.

In-house reports use terse headers no alias list covers (``No.``, ``Raised``, ``Done``,
``Sev``, ``Grp``). A sheet is taken for tickets when its columns hold ticket-shaped
values:

* ``ticket_id``: a column of codes (letters and digits, no spaces, at most 24
  characters, at least one digit), present and different on every row;
* ``created_at``: among two or more columns of dates and times, the one never later
  than the others on any row where both are present; ``resolved_at``: the one never
  earlier than every other (columns whose header names another moment -- updated,
  due, review, target, warranty -- are left out). The two must be present together on
  :data:`MIN_ORDERED` rows or more, hold times of day (a register of calendar days --
  raised and due dates, a purchase and its warranty, an invoice and its payment -- is
  not a log of work), and their gap must vary: the same non-zero span on half the rows
  or more is a schedule or a term (8-hour shifts, 30-minute slots, 30 days to pay);
* and ``priority`` (two to six distinct values, every one a priority word or code: P1,
  High, Sev 2, 紧急 ...). Then ``team`` (a small set of names: two to
  :data:`MAX_GROUPS` distinct values, each repeated, none a number or a date) and
  ``status`` (every value a status word) when a column fits.

A sheet of fewer than :data:`MIN_ROWS` rows is too small to tell from its values.

Each column so found carries the reason it was taken (a message), which the Data
page's mapping check shows beside it and the import report lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import duckdb
import pyarrow as pa

from ..i18n import Message, say
from ..schema import TABLES
from ..store import quiet
from .coerce import _q
from .dates import infer_datetime_formats, strptime_sql
from .mapping import VALUE_MATCH_CONFIDENCE, Mapping, map_columns
from .values import normalise_priority, normalise_status

# Rows looked at to judge a column (all rows for the uniqueness of the code).
SAMPLE_ROWS = 5_000
MAX_GROUPS = 30
# Fewer rows are too few to tell tickets from any other list by their values.
MIN_ROWS = 5
# Rows on which the opening and the ending moment must both be present.
MIN_ORDERED = 3
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9#_\-./]{0,23}$")
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")
# Headers that name a moment which is not the opening or the end of the work.
_NOT_OPEN_OR_DONE = (
    "updat",
    "modif",
    "chang",
    "due",
    "deadline",
    "review",
    "target",
    "expir",
    "warrant",
    "renew",
    "更新",
    "修改",
    "到期",
    "截止",
    "复核",
    "目标",
    "保修",
)
_SHOWN = 4  # values named in a reason


def _texts(data: pa.Table, header: str) -> list[str]:
    column = data.column(header).slice(0, SAMPLE_ROWS)
    return [str(v).strip() for v in column.to_pylist() if v is not None and str(v).strip()]


def _listed(values: list[str]) -> str:
    shown = ", ".join(values[:_SHOWN])
    return shown + (" …" if len(values) > _SHOWN else "")


def _code_column(data: pa.Table, headers: list[str]) -> str | None:
    rows = data.num_rows
    con = quiet(duckdb.connect())
    try:
        for h in headers:
            kind = data.column(h).type
            if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)) and not (
                pa.types.is_integer(kind)
            ):
                continue
            sample = _texts(data, h)
            if len(sample) < min(rows, SAMPLE_ROWS) or not sample:
                continue
            if not all(_CODE.match(v) and _DIGIT.search(v) for v in sample):
                continue
            con.register("col", pa.table({"v": data.column(h)}))
            present, distinct = con.execute(
                "SELECT count(v), count(DISTINCT v) FROM col"
            ).fetchall()[0]
            con.unregister("col")
            if present == rows and distinct == rows:
                return h
    finally:
        con.close()
    return None


def _ordered_stamps(data: pa.Table, stamps: list[str]) -> tuple[str | None, str | None]:
    """(opening column, ending column) among ``stamps``: the one never later than every
    other, and the one never earlier than every other, on the rows where both are
    present (each must share some rows with another). The opening is None when the
    pair is not the shape of work done (see the module): too few rows with both, no
    time of day in either, or the same gap on half the rows."""
    con = quiet(duckdb.connect())
    try:
        con.register("raw", data)
        parsed = {}
        for h in stamps:
            kind = data.column(h).type
            if pa.types.is_timestamp(kind) or pa.types.is_date(kind):
                parsed[h] = f"CAST({_q(h)} AS TIMESTAMP)"
            else:
                guess = infer_datetime_formats(_texts(data, h)[:500])
                parsed[h] = strptime_sql(f"trim({_q(h)})", guess)
        # later[(a, b)]: rows where a is later than b; both[(a, b)]: rows with both present.
        later: dict[tuple[str, str], int] = {}
        both: dict[tuple[str, str], int] = {}
        for a in stamps:
            for b in stamps:
                if a == b:
                    continue
                n, late = con.execute(
                    f"SELECT count(*), count(*) FILTER (WHERE {parsed[a]} > {parsed[b]}) "
                    f"FROM raw WHERE {parsed[a]} IS NOT NULL AND {parsed[b]} IS NOT NULL"
                ).fetchall()[0]
                both[(a, b)], later[(a, b)] = n, late

        def never(a: str, cmp: str) -> bool:  # a never later ('first') / earlier than others
            others = [b for b in stamps if b != a]
            key = (lambda b: (a, b)) if cmp == "first" else (lambda b: (b, a))
            return all(later[key(b)] == 0 for b in others) and any(both[(a, b)] for b in others)

        first = next((h for h in stamps if never(h, "first")), None)
        last = next((h for h in reversed(stamps) if h != first and never(h, "last")), None)
        if first is None:
            return None, None
        end = last or max((b for b in stamps if b != first), key=lambda b: both[(first, b)])
        # Rows with both; of them, with a time of day; the most rows sharing one gap.
        rows, timed, top = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE CAST(a AS TIME) <> TIME '00:00:00' "
            "OR CAST(b AS TIME) <> TIME '00:00:00'), "
            "coalesce(max(n) FILTER (WHERE b > a), 0) FROM ("
            "SELECT a, b, count(*) OVER (PARTITION BY b - a) AS n FROM ("
            f"SELECT {parsed[first]} AS a, {parsed[end]} AS b FROM raw) "
            "WHERE a IS NOT NULL AND b IS NOT NULL)"
        ).fetchall()[0]
    finally:
        con.close()
    if rows < MIN_ORDERED or timed == 0 or top * 2 >= rows:
        return None, None
    return first, last


def _priority_column(data: pa.Table, headers: list[str]) -> tuple[str, list[str]] | None:
    for h in headers:
        values = sorted(set(_texts(data, h)))
        if 2 <= len(values) <= 6 and all(normalise_priority(v) for v in values):
            if all(_NUMBER.match(v) for v in values):  # bare 1..4 could be anything
                continue
            return h, sorted(values, key=lambda v: (normalise_priority(v), v))
    return None


def _status_column(data: pa.Table, headers: list[str]) -> str | None:
    for h in headers:
        values = set(_texts(data, h))
        if values and not all(_NUMBER.match(v) for v in values):
            if all(normalise_status(v) for v in values):
                return h
    return None


def _group_column(data: pa.Table, headers: list[str]) -> tuple[str, list[str]] | None:
    found = []
    for h in headers:
        kind = data.column(h).type
        if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
            continue
        sample = _texts(data, h)
        values = sorted(set(sample))
        if not 2 <= len(values) <= MAX_GROUPS or len(values) * 2 > len(sample):
            continue
        if any(_NUMBER.match(v) or not re.search(r"[^\W\d_]", v) for v in values):
            continue
        if infer_datetime_formats(values).matched_share > 0:
            continue
        found.append((len(values), h, values))
    if not found:
        return None
    _n, h, values = min(found, key=lambda f: f[0])  # groups are fewer than people
    return h, values


def tickets_from_values(
    data: pa.Table, headers: list[str], is_datetime: Callable[[str], bool]
) -> Mapping | None:
    """A tickets mapping for a sheet recognised from its values (see the module), each
    column with its reason in ``Mapping.reasons``; None when the values are not
    ticket-shaped. ``is_datetime(header)`` says whether a column holds dates/times."""
    if data.num_rows < MIN_ROWS:
        return None
    base = map_columns(TABLES["tickets"], headers)
    used = set(base.columns.values())
    free = [h for h in headers if h not in used]
    code = base.columns.get("ticket_id") or _code_column(data, free)
    if code is None:
        return None
    free = [h for h in free if h != code]
    stamps = [
        h for h in free if is_datetime(h) and not any(w in h.lower() for w in _NOT_OPEN_OR_DONE)
    ]
    if len(stamps) < 2 or "created_at" in base.columns:
        return None
    first, last = _ordered_stamps(data, stamps)
    if first is None:
        return None
    free = [h for h in free if h not in stamps]
    priority = None if "priority" in base.columns else _priority_column(data, free)
    if priority:
        free.remove(priority[0])
    status = None if "status" in base.columns else _status_column(data, free)
    if status:
        free.remove(status)
    if not (priority or "priority" in base.columns):  # names and dates alone: any list
        return None
    group = None if "team" in base.columns else _group_column(data, free)

    columns, confidence = dict(base.columns), dict(base.confidence)
    reasons: dict[str, Message] = dict(base.reasons)
    others = ", ".join(s for s in stamps if s != first)

    def take(column: str, source: str, why: Message) -> None:
        columns[column], confidence[column], reasons[column] = (
            source,
            VALUE_MATCH_CONFIDENCE,
            why,
        )

    if "ticket_id" not in base.columns:
        take("ticket_id", code, say("ingest.why.unique_code", rows=data.num_rows))
    take("created_at", first, say("ingest.why.earliest", others=others))
    if last is not None and "resolved_at" not in base.columns:
        take("resolved_at", last, say("ingest.why.never_earlier", source=first))
    if priority:
        take("priority", priority[0], say("ingest.why.priority_words", values=_listed(priority[1])))
    if status:
        take("status", status, say("ingest.why.status_words"))
    if group:
        take("team", group[0], say("ingest.why.group_names", values=_listed(group[1])))
    return Mapping(TABLES["tickets"], columns, confidence, reasons)
