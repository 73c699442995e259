"""Dates and times of day kept in separate columns, read as one date and time.

Reports write ``Created Date | Created Time`` (often under a merged "Created" cell),
and call logs write one ``date`` column beside several times of day (entered,
answered, ended). Read apart, the date would import at midnight and every duration
built on it would be wrong, so before mapping:

* a date column and a time-of-day column with the same name but for the words
  (``Created Date`` / ``Created Time``, ``创建日期`` / ``创建时间``, ``Date`` / ``Time``)
  become one: the date column then holds the date and time;
* a sheet with one date column of the row's day (``date``, ``Call date``, ``Shift
  date``) and time-of-day columns named otherwise: each of those takes the date when
  its header has no time word (``vru_entry``, ``answered``) or, with one, names a
  moment (``Queue entry time``, ``Time answered``, ``Service end time``; not a
  duration such as ``Talk time`` or ``Response time``). A time earlier than the
  group's previous one by over 12 hours is on the next day (a call across midnight).

A time column is one whose values are all times of day (``7:02:47``, ``2:14 PM``,
or Excel time cells); a date column one whose values are all dates with no time,
including compact ``YYYYMMDD``/``YYMMDD``. Where ``00:00:00`` is a placeholder
(over 1% of a time column's values, which real clock times never are) it is read as
"did not happen". A value that cannot be read is passed on as written, date and time
side by side, so the import names it instead of losing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import duckdb
import pyarrow as pa

from ..i18n import say
from ..schema import normalise_header
from ..store import quiet
from .coerce import MISSING_MARKERS, MISSING_MARKERS_SQL, _q
from .dates import infer_datetime_formats, strptime_sql
from .read import RawSheet

_DATE_WORDS = ("date", "日期")
_TIME_WORDS = ("time", "时间", "时刻")
# A lone date column whose header is the date word alone, or names the row's own day
# (the call's, the shift's), not another moment's (a due date, a closed date).
_DAY_STEMS = ("", "call", "shift", "work", "report", "business", "service", "log")
_DAY_STEMS_ZH = ("通话", "呼叫", "来电", "话务", "排班", "班次", "工作")
# Words (beginnings of words) that make a header with a time word name a moment of the
# row, not a duration: "Queue entry time", "Time answered", "Service end time".
_MOMENT_WORDS = (
    "arriv",
    "enter",
    "entr",
    "start",
    "begin",
    "answer",
    "pick",
    "connect",
    "end",
    "exit",
    "finish",
    "hang",
    "leav",
    "left",
    "releas",
    "abandon",
    "open",
    "creat",
    "clos",
    "resolv",
)
_MOMENT_WORDS_ZH = ("到达", "进入", "入队", "开始", "接通", "应答", "结束", "挂机", "离开", "放弃")
# A time of day as typed, or an Excel time cell as the reader writes it in a text column
# (on Excel's day zero).
_TIME_OF_DAY = re.compile(
    r"^\s*(1899-12-3[01][ T])?\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*"
    r"([AaPp]\.?\s?[Mm]\.?)?\s*$"
)
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_COMPACT_DATE = re.compile(r"^\s*(\d{8}|\d{6})(\.0+)?\s*$")
_TIME_FORMATS = (
    "%H:%M:%S",
    "%H:%M",
    "%H:%M:%S.%f",
    "%I:%M %p",
    "%I:%M:%S %p",
    "%I:%M%p",
    "%I:%M:%S%p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
)
_SAMPLE = 500
# Exact midnight in more than this share of a time column is a placeholder, not a time.
_PLACEHOLDER_SHARE = 0.01


@dataclass(frozen=True)
class _Column:
    name: str
    stem: str | None  # the header less its date/time word; None: no such word


def _stem(header: str, words: tuple[str, ...]) -> str | None:
    folded = normalise_header(header)
    for w in words:
        if folded.endswith(w):
            return folded[: -len(w)]
        if folded.startswith(w):
            return folded[len(w) :]
    return None


# Words before a moment word that make the header a span up to it, a duration: "Time to
# answer", "Time before abandon", "Wait until answered".
_SPAN_WORDS = ("to", "before", "until", "till")


def _names_moment(header: str) -> bool:
    """Whether a header with a time word names a moment (see :data:`_MOMENT_WORDS`)."""
    words = re.findall(r"[a-z]+", header.lower())
    return any(
        w.startswith(m) and not (i and words[i - 1] in _SPAN_WORDS)
        for i, w in enumerate(words)
        for m in _MOMENT_WORDS
    ) or any(m in header for m in _MOMENT_WORDS_ZH)


def _is_day_of_row(header: str) -> bool:
    stem = _stem(header, _DATE_WORDS)
    return stem is not None and (stem in _DAY_STEMS or stem in _DAY_STEMS_ZH)


def _has_clock(text: str) -> bool:
    """Whether a text holds a time other than midnight (a date cell read as text ends
    in 00:00:00)."""
    found = _CLOCK.search(text)
    return found is not None and any(int(g or 0) for g in found.groups())


def _is_text(kind: pa.DataType) -> bool:
    return pa.types.is_string(kind) or pa.types.is_large_string(kind)


def _sample(column: pa.ChunkedArray) -> list:
    """Up to 500 values from the top of a column (a full sheet is not copied to find them)."""
    values = column.slice(0, 100 * _SAMPLE).drop_null()
    return values.slice(0, _SAMPLE).to_pylist() if len(values) else []


def _is_time_column(column: pa.ChunkedArray) -> bool:
    values = _sample(column)
    if not values:
        return False
    if pa.types.is_timestamp(column.type):  # Excel time cells arrive on day 0 (1899)
        return all(v.year < 1900 for v in values)
    if pa.types.is_time(column.type):
        return True
    if not _is_text(column.type):
        return False
    texts = [v for v in values if v.strip().lower() not in MISSING_MARKERS]
    return bool(texts) and sum(bool(_TIME_OF_DAY.match(v)) for v in texts) >= 0.9 * len(texts)


def _date_sql(name: str, column: pa.ChunkedArray) -> str | None:
    """SQL reading a date-only column as DATE, or None when it is not one."""
    col = _q(name)
    values = _sample(column)
    if not values:
        return None
    kind = column.type
    if pa.types.is_timestamp(kind):
        ok = all(v.year >= 1900 and (v.hour, v.minute, v.second) == (0, 0, 0) for v in values)
        return f"CAST({col} AS DATE)" if ok else None
    if pa.types.is_date(kind):
        return f"CAST({col} AS DATE)"
    if pa.types.is_floating(kind) or pa.types.is_integer(kind):
        texts = [f"{v:.0f}" for v in values]
        text = f"CAST(CAST({col} AS BIGINT) AS VARCHAR)"
    elif _is_text(kind):
        texts = [v.strip() for v in values if v.strip().lower() not in MISSING_MARKERS]
        text = f"trim({col})"
    else:
        return None
    if texts and all(_COMPACT_DATE.match(t) for t in texts):
        return f"CAST(try_strptime({text}, ['%Y%m%d', '%y%m%d']) AS DATE)"
    if not _is_text(kind):
        return None
    if any(_has_clock(t) for t in texts):  # dates with times already
        return None
    guess = infer_datetime_formats(texts)
    if guess.matched_share < 0.9:
        return None
    return f"CAST({strptime_sql(text, guess)} AS DATE)"


def _time_sql(name: str, kind: pa.DataType) -> str:
    col = _q(name)
    if pa.types.is_timestamp(kind) or pa.types.is_time(kind):
        return f"CAST({col} AS TIME)"
    formats = "[" + ", ".join(f"'{f}'" for f in _TIME_FORMATS) + "]"
    return f"CAST(try_strptime(upper(trim({col})), {formats}) AS TIME)"


def _raw_text(name: str) -> str:
    """The cell as trimmed text; NULL when blank or a missing-value marker (N/A, -, ?)."""
    text = f"trim(CAST({_q(name)} AS VARCHAR))"
    return f"(CASE WHEN NOT list_contains({MISSING_MARKERS_SQL}, lower({text})) THEN {text} END)"


def combine_date_and_time(raw: RawSheet) -> RawSheet:
    """The sheet with separate date and time-of-day columns read together (see above)."""
    data = raw.data
    headers = [c for c in data.column_names if c != "_row"]
    if len(headers) < 2:
        return raw
    dated = [h for h in headers if _stem(h, _DATE_WORDS) is not None]
    if not dated:
        return raw
    dates = {h: sql for h in dated if (sql := _date_sql(h, data.column(h)))}
    if not dates:
        return raw
    times = [
        _Column(h, _stem(h, _TIME_WORDS))
        for h in headers
        if h not in dates and _is_time_column(data.column(h))
    ]
    pairs: dict[str, str] = {}  # time column -> date column
    target: dict[str, str] = {}  # time column -> the column that takes the result
    for t in times:
        if t.stem is None:
            continue
        same = [d for d in dates if _stem(d, _DATE_WORDS) == t.stem]
        if len(same) == 1 and same[0] not in target.values():
            pairs[t.name], target[t.name] = same[0], same[0]
    day = [d for d in dates if _is_day_of_row(d)]
    if len(dates) == 1 and day and day[0] not in target.values():
        for t in times:
            if t.name not in pairs and (t.stem is None or _names_moment(t.name)):
                pairs[t.name], target[t.name] = day[0], t.name
    if not pairs:
        return raw
    return _combine(raw, pairs, target, dates)


def _combine(
    raw: RawSheet, pairs: dict[str, str], target: dict[str, str], dates: dict[str, str]
) -> RawSheet:
    data = raw.data
    con = quiet(duckdb.connect())
    try:
        # The results are set back by position: DuckDB returns the rows of a table of
        # several chunks in any order unless told (a 33,344-row call log's times went
        # to other calls past row 16,384), so each row carries its position.
        con.register("raw", data.append_column("__pos", pa.array(range(data.num_rows))))
        placeholders = _placeholder_midnights(con, data, pairs)
        stamps: dict[str, str] = {}
        texts: dict[str, str] = {}
        notes = []
        earlier: dict[str, list[str]] = {}  # plain date -> its times so far, in order
        for t, d in pairs.items():
            parsed = _time_sql(t, data.column(t).type)
            missing = f"({_raw_text(t)} IS NULL" + (
                f" OR {parsed} = TIME '00:00:00')" if t in placeholders else ")"
            )
            stamp = f"({dates[d]} + (CASE WHEN NOT {missing} THEN {parsed} END))"
            own_column = target[t] == t
            if own_column:  # several times share the plain date column
                before = earlier.setdefault(d, [])
                if before:  # compared with the latest earlier time present
                    last = f"coalesce({', '.join(stamps[b] for b in reversed(before))})"
                    stamp = (
                        f"(CASE WHEN {stamp} < {last} - INTERVAL 12 HOUR "
                        f"THEN {stamp} + INTERVAL 1 DAY ELSE {stamp} END)"
                    )
                before.append(t)
            stamps[t] = stamp
            date_only = (
                "NULL"
                if own_column
                else f"coalesce(strftime({dates[d]}, '%Y-%m-%d'), {_raw_text(d)})"
            )
            texts[target[t]] = (
                f"CASE WHEN {missing} THEN {date_only} "
                f"WHEN {stamp} IS NOT NULL THEN strftime({stamp}, '%Y-%m-%d %H:%M:%S') "
                f"ELSE concat_ws(' ', {_raw_text(d)}, {_raw_text(t)}) END"
            )
            notes.append(
                say(
                    "ingest.note.combined_placeholder"
                    if t in placeholders
                    else "ingest.note.combined",
                    date=d,
                    time=t,
                )
            )
        select = ", ".join(f"{sql} AS {_q(name)}" for name, sql in texts.items())
        combined = con.sql(f"SELECT {select} FROM raw ORDER BY __pos").to_arrow_table()
    finally:
        con.close()
    for name in texts:
        column = combined.column(name).cast(pa.string())
        data = data.set_column(data.column_names.index(name), name, column)
    return replace(raw, data=data, notes=(*raw.notes, *notes))


def _placeholder_midnights(con, data: pa.Table, pairs: dict[str, str]) -> set[str]:
    """Time columns where 00:00:00 stands for 'no time': over 1% of the values and ten
    times as common as any other time (in an interval report every slot, midnight
    included, is about as common as the next)."""
    found = set()
    for t in pairs:
        time = _time_sql(t, data.column(t).type)
        total, midnight, other = con.execute(
            f"SELECT sum(n), sum(n) FILTER (v = TIME '00:00:00'), "
            f"max(n) FILTER (v <> TIME '00:00:00') "
            f"FROM (SELECT {time} AS v, count(*) AS n FROM raw WHERE v IS NOT NULL GROUP BY v)"
        ).fetchall()[0]
        if (
            total
            and midnight
            and midnight > _PLACEHOLDER_SHARE * total
            and midnight >= 10 * (other or 0)
        ):
            found.add(t)
    return found
