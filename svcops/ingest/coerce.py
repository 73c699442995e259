"""Turn a raw sheet into typed canonical rows, in DuckDB SQL, keeping every reason.

Each canonical column becomes a SQL expression over the raw column; a cell that
has a value but cannot be read as its column's type is *bad*. A row whose
required value is empty or bad is rejected (kept aside with the reason); a bad
optional value is set to null and recorded too, so nothing disappears unnoticed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..risk.scale import SCALE_COLUMNS, SCALE_TABLES
from ..schema import (
    BOOLEAN,
    DATE,
    INTEGER,
    MONEY,
    NUMBER,
    SHARE,
    TABLES,
    TEXT,
    TIMESTAMP,
    Table,
)
from .dates import (
    MISSING_MARKERS,
    SERIAL_MAX,
    SERIAL_MIN,
    SERIAL_TEXT,
    DateFormatGuess,
    strptime_sql,
)
from .mapping import Mapping
from .values import FALSE_WORDS, TRUE_WORDS, case_sql, csat_sql, sla_verdict_words

TIMESTAMP_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日%H:%M",
    "%Y年%m月%d日",
    "%Y-%m-%d",
)


# Priority words -> P1..P4 (case-folded). Numeric forms like "1", "P1", "1 - Critical" are
# recognised by their leading digit.
PRIORITY_WORDS = {
    "critical": "P1",
    "urgent": "P1",
    "highest": "P1",
    "blocker": "P1",
    "紧急": "P1",
    "特急": "P1",
    "high": "P2",
    "major": "P2",
    "高": "P2",
    "medium": "P3",
    "normal": "P3",
    "moderate": "P3",
    "中": "P3",
    "普通": "P3",
    "low": "P4",
    "lowest": "P4",
    "minor": "P4",
    "planning": "P4",
    "低": "P4",
}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# The markers as a DuckDB list literal, for list_contains (see _clean_text).
MISSING_MARKERS_SQL = "[" + ", ".join(_lit(m) for m in MISSING_MARKERS) + "]"


def _in_list(words) -> str:
    return "(" + ", ".join(_lit(w) for w in words) + ")"


_MARKER_CHARS = max(len(m) for m in MISSING_MARKERS)


def _clean_text(raw: str) -> str:
    """Trimmed text of a raw text cell, NULL for blanks and missing-value markers.

    Written for speed on a million rows: look up only short values, and use a list (a
    long IN list is planned as a join per column). DuckDB's trim also removes no-break
    and ideographic spaces, so every value goes through it.
    """
    v = f"CAST({raw} AS VARCHAR)"
    t = f"trim({v})"
    # trim is the costly part, and most values have nothing to trim: a value longer than
    # any marker with no space at either end (DuckDB's trim removes exactly Unicode's
    # space separators, \p{Zs}; in ASCII text, as many bytes as characters, only ' ')
    # is its own clean text.
    edge = (
        f"(CASE WHEN strlen({v}) = length({v}) THEN {v} LIKE ' %' OR {v} LIKE '% ' "
        f"ELSE regexp_matches({v}, {_EDGE_SPACE}) END)"
    )
    return (
        f"(CASE WHEN length({v}) > {_MARKER_CHARS} AND NOT {edge} "
        f"THEN {v} WHEN length({t}) <= {_MARKER_CHARS} "
        f"AND {one_of(f'lower({t})', MISSING_MARKERS)} THEN NULL ELSE {t} END)"
    )


# A space at either end of a value: what DuckDB's trim() would remove.
_EDGE_SPACE = "'^\\p{Zs}|\\p{Zs}$'"

# What a text column's values need to become clean text, found by one pass over them
# (:func:`text_needs`) so that a column that needs less costs less:
FULL = "full"  # a value with a space at an end: trimmed, then checked for markers
MARKERS = "markers"  # no such value, but a blank or a short one that may be a marker
PLAIN = "plain"  # neither: every value is its own clean text
# The code points DuckDB's trim() removes (Unicode's space separators, \p{Zs}).
_SPACE_CODES = (32, 160, 5760, *range(8192, 8203), 8239, 8287, 12288)
# The first characters of the missing-value markers, either case (code points).
_MARKER_FIRSTS = sorted(
    {ord(c) for m in MISSING_MARKERS if m for c in {m[0], m[0].upper(), m[0].lower()}}
)
# A marker's longest form in UTF-8 bytes (strlen is free; length counts characters).
_MARKER_BYTES = 4 * _MARKER_CHARS


def _may_be_marker(text: str, first: str) -> str:
    """SQL: whether a value without spaces at its ends might be a missing-value marker
    (short, and starting as one does); cheap, and true for every marker."""
    firsts = " OR ".join(f"{first} = {c}" for c in _MARKER_FIRSTS)
    return f"(strlen({text}) <= {_MARKER_BYTES} AND ({firsts}))"


# Each space trim() removes other than ' ', in UTF-8: no-break space, ogham space mark,
# the en quad to hair space, narrow no-break, medium mathematical and ideographic space.
_WIDE_SPACES = [chr(c).encode() for c in _SPACE_CODES if c > 127]
# By a value's first byte and by its last: whether it may start (end) with a space.
_SPACE_FIRST = np.zeros(256, bool)
_SPACE_LAST = np.zeros(256, bool)
for _space in (b" ", *_WIDE_SPACES):
    _SPACE_FIRST[_space[0]] = _SPACE_LAST[_space[-1]] = True
# By a value's first byte: whether it may start a marker.
_MARKER_FIRST = np.zeros(256, bool)
_MARKER_FIRST[[chr(c).encode()[0] for c in _MARKER_FIRSTS]] = True


def text_needs(data: pa.Table, columns: list[str]) -> dict[str, str]:
    """Each text column's need (:data:`FULL`, :data:`MARKERS` or :data:`PLAIN`), from
    the first and last bytes of its values in the Arrow buffers: no value is copied."""
    return {name: _need(data.column(name)) for name in columns}


def _need(column: pa.ChunkedArray) -> str:
    need = PLAIN
    for chunk in column.chunks:
        if chunk.null_count == len(chunk):
            continue
        wide = pa.types.is_large_string(chunk.type)
        _, offsets_buf, data_buf = chunk.buffers()
        every = np.frombuffer(offsets_buf, np.int64 if wide else np.int32)
        offsets = every[chunk.offset : chunk.offset + len(chunk) + 1].astype(np.int64, copy=False)
        starts, ends = offsets[:-1], offsets[1:]
        filled = ends > starts
        if chunk.null_count:
            filled &= chunk.is_valid().to_numpy(zero_copy_only=False)
        count = int(np.count_nonzero(filled))
        blank = count < len(chunk) - chunk.null_count  # an empty text
        if count == 0:
            need = MARKERS if blank else need
            continue
        raw = np.frombuffer(data_buf, np.uint8)
        if count < len(chunk):
            starts, ends = starts[filled], ends[filled]
        first = raw[starts]
        if _SPACE_FIRST[first].any() or _SPACE_LAST[raw[ends - 1]].any():
            if _spaced(raw, starts, ends):  # a space at an end: trimmed, and the rest
                return FULL
        if need == PLAIN and (blank or _MARKER_FIRST[first[ends - starts <= _MARKER_BYTES]].any()):
            need = MARKERS
    return need


def _spaced(raw: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> bool:
    """Whether any value (``raw[start:end]``, each non-empty) starts or ends with a space
    trim() removes, compared byte by byte."""
    sizes = ends - starts
    for space in (b" ", *_WIDE_SPACES):
        n = len(space)
        head = sizes >= n
        tail = head.copy()
        for k, byte in enumerate(space):
            head &= raw[np.minimum(starts + k, raw.size - 1)] == byte
            tail &= raw[np.maximum(ends - n + k, 0)] == byte
        if head.any() or tail.any():
            return True
    return False


_REGEX_SPECIAL = re.compile(r"([\\.^$|?*+()\[\]{}])")


def one_of(text: str, words) -> str:
    """SQL: whether ``text`` is one of ``words`` (NULL for NULL). A regular expression,
    not ``IN (...)`` or ``list_contains``: DuckDB plans those as a join that reads every
    row, even rows a CASE around them has already settled."""
    pattern = "|".join(_REGEX_SPECIAL.sub(r"\\\1", w) for w in words)
    return f"regexp_full_match({text}, {_lit(pattern)})"


def _excel_serial(num: str) -> str:
    # Excel's day 0 is 1899-12-30 (its 1900 leap-year bug folded in); fractions are time.
    return (
        f"(CASE WHEN {num} BETWEEN 1 AND 2958465 THEN TIMESTAMP '1899-12-30' + "
        f"to_microseconds(CAST(round({num} * 86400000000) AS BIGINT)) END)"
    )


def serial_or_strptime_sql(text: str, guess: DateFormatGuess) -> str:
    """SQL: a text date column's value read with its guessed formats, else, when it is
    an Excel serial day number of 1950..2099 (``45383.5``: a cell of the column left in
    General format), as that day and time; a serial among text dates was set aside as
    not a date, although the column takes a column of serials alone."""
    number = f"TRY_CAST({text} AS DOUBLE)"
    serial = (
        f"(CASE WHEN regexp_full_match({text}, {_lit(SERIAL_TEXT.pattern)}) "
        f"AND {number} BETWEEN {SERIAL_MIN} AND {SERIAL_MAX} THEN {_excel_serial(number)} END)"
    )
    return f"coalesce({strptime_sql(text, guess)}, {serial})"


def value_text(raw: str, kind: pa.DataType, need: str = FULL) -> str:
    """The raw cell as clean text (NULL when missing), whatever type the reader gave.
    ``need``: what a text column's values need (see :func:`text_needs`); the full
    cleaning when not known."""
    if pa.types.is_floating(kind):
        return (
            f"(CASE WHEN isnan({raw}) THEN NULL WHEN {raw} = trunc({raw}) AND abs({raw}) < 1e15 "
            f"THEN CAST(CAST({raw} AS BIGINT) AS VARCHAR) ELSE CAST({raw} AS VARCHAR) END)"
        )
    if pa.types.is_null(kind):
        return "CAST(NULL AS VARCHAR)"
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        if need == PLAIN:
            return raw
        if need == MARKERS:  # no value has a space at an end: trim() would keep each
            return (
                f"(CASE WHEN strlen({raw}) = 0 THEN NULL WHEN {_may_be_marker(raw, f'ord({raw})')} "
                f"AND length({raw}) <= {_MARKER_CHARS} AND {one_of(f'lower({raw})', MISSING_MARKERS)} "
                f"THEN NULL ELSE {raw} END)"
            )
        return _clean_text(raw)
    return f"CAST({raw} AS VARCHAR)"


# A number written with commas: grouped thousands (1,234,567.89), grouped thousands with
# a decimal comma (1.234.567,89, as European spreadsheets export it), or a decimal comma
# alone (12,5; 0,75). A group of thousands has three digits and does not start with 0,
# so 1,234 is read as thousands and 12,5 or 0,750 as decimals; any other use of commas
# (1,2,3) is not a number. Stripping every comma made 12,5 read 125 and 1.234,10 1.2341.
_THOUSANDS = "'[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+([.][0-9]*)?'"
_EURO_THOUSANDS = "'[+-]?[1-9][0-9]{0,2}([.][0-9]{3})+,[0-9]*'"
_DECIMAL_COMMA = "'[+-]?[0-9]*,[0-9]+'"


# Thousands grouped with a space (1 234,50; 1 234.50), as French and Nordic exports write
# them, a no-break or narrow no-break space mostly.
_SPACED = "[+-]?[1-9][0-9]{0,2}([ \u00a0\u202f][0-9]{3})+([.,][0-9]*)?"
_SPACES = "[ \u00a0\u202f]"


def spaced_groups_column(column: pa.ChunkedArray) -> bool:
    """Whether a text column of numbers groups thousands with spaces (1 234,50)."""
    # Looking for the spaces first is a plain byte search; the pattern, on every value of
    # a million-row column, cost a tenth of a second for each number column.
    if not any(pc.any(pc.match_substring(column, space)).as_py() for space in _SPACES.strip("[]")):
        return False
    found = pc.match_substring_regex(column, "[0-9][ \u00a0\u202f][0-9]{3}")
    return bool(pc.any(found).as_py())


def number_text(text: str, decimal_comma: bool = False, spaced: bool = False) -> str:
    """SQL: the clean text ``text`` of a number cell with its commas read (see
    ``_THOUSANDS``), for a cast to a number; NULL for commas that make no number.
    ``decimal_comma``: the column writes decimals with a comma (see
    :func:`decimal_comma_column`), so 1,234 is 1.234 too, not a thousand and more.
    ``spaced``: the column groups thousands with spaces (:func:`spaced_groups_column`)."""
    if spaced:
        text = (
            f"(CASE WHEN regexp_full_match({text}, {_lit(_SPACED)}) "
            f"THEN regexp_replace({text}, {_lit(_SPACES)}, '', 'g') ELSE {text} END)"
        )
    thousands = (
        ""
        if decimal_comma
        else f"WHEN regexp_full_match({text}, {_THOUSANDS}) THEN replace({text}, ',', '') "
    )
    return (
        f"(CASE WHEN NOT contains({text}, ',') THEN {text} {thousands}"
        f"WHEN regexp_full_match({text}, {_EURO_THOUSANDS}) "
        f"THEN replace(replace({text}, '.', ''), ',', '.') "
        f"WHEN regexp_full_match({text}, {_DECIMAL_COMMA}) THEN replace({text}, ',', '.') END)"
    )


# Values only a decimal comma explains (12,5; 0,750; 1.234,5), and values only thousands
# commas explain (1,234.5; 1,234,567), found anywhere in a cell's text.
_ONLY_DECIMAL = r"^\s*[+-]?([0-9]*,[0-9]{1,2}|[0-9]*,[0-9]{4,}|0?,[0-9]+|[1-9][0-9]{0,2}([.][0-9]{3})+,[0-9]*)\s*$"
_ONLY_THOUSANDS = r",[0-9]{3}[.,]"


def decimal_comma_column(column: pa.ChunkedArray) -> bool:
    """Whether a text column of numbers writes its decimals with a comma: some value
    only a decimal comma explains (12,5) and none only thousands commas explain
    (1,234.5). Then its 1,234 is 1.234, as a European export means it."""
    if not pc.any(pc.match_substring(column, ",")).as_py():
        return False
    if pc.any(pc.match_substring_regex(column, _ONLY_THOUSANDS)).as_py():
        return False
    return bool(pc.any(pc.match_substring_regex(column, _ONLY_DECIMAL)).as_py())


def number_of(text: str, decimal_comma: bool = False) -> float:
    """Python's twin of :func:`number_text`: ``text`` (stripped) as a float, its commas
    read the same way; ValueError when it is not a number."""
    if re.fullmatch(_SPACED, text):
        text = re.sub(_SPACES, "", text)
    if "," in text:
        if not decimal_comma and re.fullmatch(_THOUSANDS.strip("'"), text):
            text = text.replace(",", "")
        elif re.fullmatch(_EURO_THOUSANDS.strip("'"), text):
            text = text.replace(".", "").replace(",", ".")
        elif re.fullmatch(_DECIMAL_COMMA.strip("'"), text):
            text = text.replace(",", ".")
        else:
            raise ValueError(f"not a number: {text!r}")
    return float(text)


# Columns that hold money: an amount may carry its currency ($10,000; 1 200 €; USD 1,200;
# 1,200 元) and an accounting export writes a negative one in brackets, (1,200.00). One
# currency per column: the column's is stripped, a value in another is set aside (amounts
# in two currencies cannot be added up); nothing is converted. A count or a duration with
# a currency sign is no number. Which columns: those the schema marks unit=MONEY.
MONEY_COLUMNS = frozenset(
    (t.name, c.name) for t in TABLES.values() for c in t.columns if c.unit == MONEY
)
# Currency signs and the currency each is read as; any other three capital letters before
# or after an amount are an ISO code (CHF 300). $ is read as the US dollar and ¥ (either
# width) as the yuan, so a column mixing $ and CAD, or ¥ and JPY, is in two currencies.
CURRENCY_SIGNS = {
    "US$": "USD",
    "HK$": "HKD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "￥": "CNY",
    "元": "CNY",
    "人民币": "CNY",
    "RMB": "CNY",
    "円": "JPY",
    "₹": "INR",
    "₩": "KRW",
}
_CODE = "[A-Z]{3}"


def currency_pattern(currency: str | None) -> str:
    """Regular expression (RE2 and Python alike) of the signs of ``currency``, or of
    every currency when None."""
    signs = [s for s, c in CURRENCY_SIGNS.items() if currency in (None, c)]
    signs.sort(key=len, reverse=True)  # US$ before $
    extra = [_CODE] if currency is None else [] if currency in signs else [currency]
    return "|".join([*(_REGEX_SPECIAL.sub(r"\\\1", s) for s in signs), *extra])


# An amount with a sign or code before or after it (the sign's currency: group "pre" or
# "post"), in accounting brackets or not: how a column's currency is found.
def currency_of_values() -> str:
    signs = currency_pattern(None)
    return (
        rf"^\(?\s*[+-]?\s*(?P<pre>{signs})?\s*[+-]?\s*[0-9.,][0-9., \x{{a0}}\x{{202f}}]*?"
        rf"\s*(?P<post>{signs})?\s*\)?$"
    )


def currency_name(sign: str) -> str:
    """The currency a sign or code stands for."""
    return CURRENCY_SIGNS.get(sign, sign)


def money_steps(currency: str | None) -> list[tuple[str, str]]:
    """(pattern, replacement) steps that take a money cell's clean text to a number's:
    accounting brackets to a minus, then the signs of ``currency`` before (after a minus,
    or before one) and after the amount removed."""
    steps = [(r"^\((.*)\)$", r"-\1")]
    if currency:
        signs = currency_pattern(currency)
        steps += [(rf"^([+-]?)\s*(?:{signs})\s*", r"\1"), (rf"\s*(?:{signs})$", "")]
    return steps


def money_text(text: str, currency: str | None) -> str:
    """SQL: the clean text ``text`` of a money cell as a number's text (see
    :func:`money_steps`), for :func:`number_text`."""
    for pattern, replacement in money_steps(currency):
        text = f"regexp_replace({text}, {_lit(pattern)}, {_lit(replacement)})"
    return text


def other_currency(text: str, number: str) -> str:
    """SQL: whether a money cell (clean text ``text``, read as ``number`` by
    :func:`money_text`) is an amount in a currency not the column's: amount-shaped, with
    a sign or code left after the column's were removed."""
    return (
        f"(regexp_full_match({text}, {_lit(currency_of_values())}) "
        f"AND regexp_matches({number}, {_lit(currency_pattern(None))}))"
    )


# Columns whose unit is a share, 0-1 (a service level, an adoption rate). A value with a
# percent sign is that many hundredths (85% is 0.85); the plain numbers of a column are
# on one scale, decided from them (prepare): fractions when most are at most 1,
# percentages when most are above 1 (80 is 0.8). A number off the column's scale (7 among
# fractions, 0.5 among percentages), a share outside 0..1, or any plain number but 0 in a
# column with as many of each, is set aside: never stored as written. Which columns:
# those the schema marks unit=SHARE.
SHARE_COLUMNS = frozenset(
    (t.name, c.name) for t in TABLES.values() for c in t.columns if c.unit == SHARE
)
FRACTION, PERCENT = "fraction", "percent"
# Shown in the reason a value off the scale is set aside (language-neutral).
SHARE_SCALE_SHOWN = {FRACTION: "0-1", PERCENT: "0-100"}
PERCENT_SIGN = r"\s*%$"


def share_sql(number: str, text: str | None, scale: str | None) -> str:
    """SQL: a share column's value 0-1 from its number (``number``, a percent sign
    removed) and its clean text (``text``; None for a column of numbers); NULL when it
    is no share on the column's ``scale`` (:data:`FRACTION`, :data:`PERCENT`, or None
    when the column has as many of each: only percent signs and 0 are read)."""
    pct = f"WHEN ends_with({text}, '%') THEN {number} / 100 " if text else ""
    plain = {
        FRACTION: f"WHEN {number} <= 1 THEN {number} ",
        PERCENT: f"WHEN {number} > 1 THEN {number} / 100 ",
    }
    read = f"(CASE {pct}WHEN {number} = 0 THEN 0 {plain.get(scale or '', '')}END)"
    return f"(CASE WHEN {read} BETWEEN 0 AND 1 THEN {read} END)"


# A column measured in time (its name ends in its unit: aht_seconds, handle_minutes,
# scheduled_hours) takes a duration as its number in that unit: an Excel duration cell
# ([h]:mm:ss, as ACD reports write AHT; one shown as hh:mm:ss is a time of Excel's day 0)
# or text h:mm:ss (0:03:20 is 200 seconds). Text
# of two parts (1:30) says neither h:mm nor m:ss, and is not a number.
_TIME_UNITS = {"_seconds": 1, "_minutes": 60, "_hours": 3600}
DURATION_TEXT = r"[0-9]{1,5}:[0-5][0-9]:[0-5][0-9]([.][0-9]+)?"


def duration_unit(column: str) -> int | None:
    """Seconds in one unit of a canonical column measured in time, else None."""
    return next((n for suffix, n in _TIME_UNITS.items() if column.endswith(suffix)), None)


def _duration_seconds(text: str) -> str:
    """SQL: the seconds of an h:mm:ss text (:data:`DURATION_TEXT`)."""
    part = [f"CAST(split_part({text}, ':', {i}) AS DOUBLE)" for i in (1, 2, 3)]
    return f"({part[0]} * 3600 + {part[1]} * 60 + {part[2]})"


def typed(
    raw: str,
    kind: pa.DataType,
    target: str,
    text: str | None = None,
    decimal_comma: bool = False,
    spaced: bool = False,
    unit: int | None = None,
) -> str:
    """SQL converting a raw column to a canonical type; NULL where it cannot.

    ``text`` is the column's clean text (see ``value_text``) when already computed;
    ``decimal_comma``, ``spaced``: how the column writes numbers (:func:`number_text`);
    ``unit``: seconds in the column's unit when it is measured in time
    (:func:`duration_unit`), so a duration is a number of such units.
    """
    is_text = pa.types.is_string(kind) or pa.types.is_large_string(kind)
    is_num = pa.types.is_integer(kind) or pa.types.is_floating(kind)
    is_time = pa.types.is_timestamp(kind) or pa.types.is_date(kind)
    text = text or value_text(raw, kind)
    if pa.types.is_null(kind):
        return f"CAST(NULL AS {target})"
    if target == TEXT:
        return text
    if target in (TIMESTAMP, DATE):
        if is_time:
            expr = f"CAST({raw} AS TIMESTAMP)"
        elif is_num:
            expr = _excel_serial(raw)
        elif is_text:
            fmts = "[" + ", ".join(_lit(f) for f in TIMESTAMP_FORMATS) + "]"
            expr = (
                f"coalesce(try_strptime({text}, {fmts}), "
                f"{_excel_serial(f'TRY_CAST({text} AS DOUBLE)')})"
            )
        else:
            expr = f"TRY_CAST({raw} AS TIMESTAMP)"
        return f"CAST({expr} AS DATE)" if target == DATE else expr
    if target in (NUMBER, INTEGER):
        # A number is finite: "inf", "-Infinity", "1e309" or NaN cannot be summed or
        # averaged, so such a value is set aside as not a number, like any other.
        if is_num:
            number = f"CAST({raw} AS DOUBLE)"
        elif pa.types.is_boolean(kind):
            return f"CAST({raw} AS {'DOUBLE' if target == NUMBER else 'BIGINT'})"
        elif unit and pa.types.is_duration(kind):
            number = f"(epoch({raw}) / {unit})"
        elif unit and pa.types.is_timestamp(kind):
            # A cell shown as hh:mm:ss holds a time of Excel's day 0, 1899-12-31.
            number = (
                f"(CASE WHEN {raw} >= TIMESTAMP '1899-12-30' AND {raw} < TIMESTAMP '1900-01-01' "
                f"THEN (epoch({raw}) - epoch(date_trunc('day', {raw}))) / {unit} END)"
            )
        else:
            number = f"TRY_CAST({number_text(text, decimal_comma, spaced)} AS DOUBLE)"
            if unit and is_text:
                number = (
                    f"(CASE WHEN regexp_full_match({text}, {_lit(DURATION_TEXT)}) "
                    f"THEN {_duration_seconds(text)} / {unit} ELSE {number} END)"
                )
        expr = f"(CASE WHEN isfinite({number}) THEN {number} END)"
        if target == INTEGER:  # a whole number within BIGINT's range, else not one
            whole = f"(CASE WHEN {expr} = round({expr}) THEN TRY_CAST({expr} AS BIGINT) END)"
            # Digits are taken exactly: through a double, 9007199254740993 would be
            # stored as ...992 and 9223372036854775807 (BIGINT's largest) set aside.
            if pa.types.is_integer(kind):
                return f"TRY_CAST({raw} AS BIGINT)"
            if is_text:
                digits = number_text(text, decimal_comma, spaced)
                return (
                    f"(CASE WHEN regexp_full_match({digits}, '[+-]?[0-9]+') "
                    f"THEN TRY_CAST({digits} AS BIGINT) ELSE {whole} END)"
                )
            return whole
        return expr
    if target == BOOLEAN:
        if pa.types.is_boolean(kind):
            return raw
        if is_num:
            return f"(CASE WHEN {raw} = 1 THEN true WHEN {raw} = 0 THEN false END)"
        low = f"lower({text})"
        return (
            f"(CASE WHEN {one_of(low, TRUE_WORDS)} THEN true "
            f"WHEN {one_of(low, FALSE_WORDS)} THEN false END)"
        )
    raise ValueError(f"unknown column type {target}")


def priority_expr(text: str) -> str:
    """P1..P4 from a clean priority text: a leading digit 1-4 (with or without P), or a word."""
    low = f"lower({text})"
    exact = " ".join(f"WHEN {_lit(w)} THEN {_lit(p)}" for w, p in PRIORITY_WORDS.items())
    digit = f"regexp_extract({low}, '^\\s*p?\\s*([1-4])(\\D|$)', 1)"
    ascii_words = "|".join(w for w in PRIORITY_WORDS if w.isascii())
    word = f"regexp_extract({low}, '(^|[^a-z])({ascii_words})([^a-z]|$)', 2)"
    return (
        f"coalesce(CASE {low} {exact} END, CASE WHEN {digit} <> '' THEN 'P' || {digit} END, "
        f"CASE {word} {exact} END)"
    )


# The reason a value that cannot be read as a column's type is set aside: its key is
# ingest.reason.<code> (see svcops/i18n/ingest.py).
_TYPE_REASONS = {
    TIMESTAMP: "datetime",
    DATE: "date",
    NUMBER: "number",
    INTEGER: "integer",
    BOOLEAN: "boolean",
    TEXT: "text",
}
# Reasons for a value that is set aside from its column but kept in <column>_raw.
_KEPT_RAW = ("priority", "csat_scale", "csat_score")


def reason_sql(code: str, **params: str) -> str:
    """SQL giving one reason a row is set aside, as JSON text ``{"key":
    "ingest.reason.<code>", "params": {...}}`` (``params``: name -> SQL expression).
    The store words it in the reader's language; see ``Workspace.rejects``."""
    args = ", ".join(f"{_lit(name)}, {sql}" for name, sql in params.items())
    return (
        f"CAST(json_object('key', {_lit(f'ingest.reason.{code}')}, "
        f"'params', json_object({args})) AS VARCHAR)"
    )


# How a column no header gives is worked out from the typed values of others (SQL), for
# the tables that allow it (``schema.Table.derivable``). A roster's scheduled hours are
# each shift's length; a shift that does not end after it starts gives none.
DERIVATIONS = {
    "scheduled_hours": lambda v: (
        f"(CASE WHEN {v['shift_end']} > {v['shift_start']} THEN "
        f"date_diff('microsecond', {v['shift_start']}, {v['shift_end']}) / 3600000000.0 END)"
    ),
}


def staging_sql(
    plan,
    schema: pa.Schema,
    raw_table: str,
    summary_rows=(),
    needs: dict[str, str] | None = None,
    uploaded: Sequence[str] | None = None,
) -> str:
    """SELECT producing canonical columns, ``_row``, ``_reject`` (why the row is set
    aside, or NULL), ``_warn`` (why values were set to null, or NULL) and ``_data`` (the
    raw row as JSON, only for rows with a reason) from the registered raw table. Reasons
    are JSON lists of ``{"key", "params"}`` messages (see :func:`reason_sql`).

    ``plan``: a :class:`svcops.ingest.prepare.ColumnPlan` (mapping, date formats,
    vocabularies, CSAT scale). ``summary_rows``: row numbers of trailing total rows,
    set aside with that reason. ``needs``: what each text column's values need to become
    clean text (:func:`text_needs`); the full cleaning for a column not in it.
    ``uploaded``: the columns of the row as uploaded, for ``_data`` (all but ``_row``
    when None; an event log's tickets relation also holds columns worked out for it).
    Three layers keep the SQL small enough to plan
    quickly: clean text once per source column, typed values from it, reasons from
    named columns.
    """
    mapping: Mapping = plan.mapping
    table: Table = mapping.table
    kinds = {f.name: f.type for f in schema}
    raw_fields = [f for f in schema if f.name != "_row"]
    sources = sorted(set(mapping.columns.values()), key=list(kinds).index)
    slot = {src: i for i, src in enumerate(sources)}

    # Raw columns travel as __r<j> so that a header equal to a canonical name (as in
    # the template) never collides with the typed column of the same name. Text
    # columns are cleaned once (__t<i>); typed cells (dates, numbers) need no text
    # except in the message of a row that has a problem.
    rid = {f.name: f"__r{j}" for j, f in enumerate(raw_fields)}
    is_text = {
        src: pa.types.is_string(kinds[src]) or pa.types.is_large_string(kinds[src])
        for src in sources
    }
    layer1 = (
        ["_row"]
        + [f"{_q(f.name)} AS {rid[f.name]}" for f in raw_fields]
        + [
            f"{value_text(_q(src), kinds[src], (needs or {}).get(src, FULL))} AS __t{slot[src]}"
            for src in sources
            if is_text[src]
        ]
    )

    def present(f: pa.Field) -> str:
        col = _q(f.name)
        if pa.types.is_string(f.type) or pa.types.is_large_string(f.type):
            return f"coalesce(trim({col}) <> '', false)"
        if pa.types.is_floating(f.type):
            return f"coalesce(NOT isnan({col}), false)"
        return f"{col} IS NOT NULL"

    nonblank = " OR ".join(present(f) for f in raw_fields) or "false"

    def text_of(src: str) -> str:
        return f"__t{slot[src]}" if is_text[src] else value_text(rid[src], kinds[src])

    layer2, rejects, warns = [], [], []
    values: dict[str, str] = {}  # canonical column -> its typed value (SQL)
    derived = mapping.derived
    for col in table.columns:
        source = mapping.columns.get(col.name)
        if source is None and col.name in derived:
            # Worked out from columns typed before it (schema.Table.derivable).
            value = DERIVATIONS[col.name](values)
            layer2.append(f"{value} AS {_q(col.name)}")
            if col.required:
                given = {
                    c: f"coalesce({text_of(mapping.columns[c])}, '')" for c in derived[col.name]
                }
                why = reason_sql(f"derived_{col.name}", column=_lit(col.name), **given)
                rejects.append(f"CASE WHEN {_q(col.name)} IS NULL THEN {why} END")
            continue
        if source is None:
            layer2.append(f"CAST(NULL AS {col.type}) AS {_q(col.name)}")
            continue
        raw, kind, text = rid[source], kinds[source], text_of(source)
        vocab = plan.vocab.get(col.name)
        # A value set aside for a reason more telling than its type's: (SQL: whether it
        # is the case, the reason's code, its own parameters).
        special: tuple[str, str, dict[str, str]] | None = None
        if col.name == "priority":
            value = case_sql(text, vocab) if vocab else priority_expr(text)
            problem = "priority"
        elif col.name in ("channel", "status") and vocab:
            # canonical where the value is known, else as written: nothing is lost
            value = f"coalesce({case_sql(text, vocab)}, {text})"
            problem = None
        elif col.name == "csat" and plan.csat is not None:
            if not plan.csat.mappable:  # e.g. good/bad: kept raw, said once in the notes
                layer2.append(f"CAST(NULL AS DOUBLE) AS {_q(col.name)}")
                continue
            value = csat_sql(text if is_text[source] else raw, plan.csat)
            problem = "csat_scale"
        elif col.name == "csat":
            num = typed(raw, kind, NUMBER, text)
            value = f"(CASE WHEN {num} BETWEEN 1 AND 5 THEN {num} END)"
            problem = "csat_score"
        elif table.name in SCALE_TABLES and col.name in SCALE_COLUMNS:
            # 1-5 as numbers or words (svcops.risk.scale; the words' vocabulary from prepare).
            num = (
                f"TRY_CAST({case_sql(text, vocab)} AS BIGINT)"
                if vocab
                else typed(raw, kind, INTEGER, text)
            )
            value = f"(CASE WHEN {num} BETWEEN 1 AND 5 THEN {num} END)"
            problem = "risk_scale"
        elif is_text[source] and (verdict := sla_verdict_words(col.name)):
            # The source's SLA verdict as yes/no or as words (Met / Breached, 达标 / 超时).
            low = f"lower({text})"
            value = (
                f"(CASE WHEN {low} IN {_in_list(verdict[0])} THEN true "
                f"WHEN {low} IN {_in_list(verdict[1])} THEN false END)"
            )
            problem = "boolean"
        elif col.type in (TIMESTAMP, DATE) and col.name in plan.dates:
            value = serial_or_strptime_sql(text, plan.dates[col.name])
            if col.type == DATE:
                value = f"CAST({value} AS DATE)"
            problem = "datetime"
        else:
            comma, spaced = col.name in plan.decimal_comma, col.name in plan.spaced_groups
            unit = duration_unit(col.name)
            number = text
            share = (table.name, col.name) in SHARE_COLUMNS
            if (table.name, col.name) in MONEY_COLUMNS and is_text[source]:
                currency = plan.currency.get(col.name)
                number = money_text(text, currency)
                if currency:  # a value in another currency says so
                    params = {"currency": _lit(currency)}
                    special = (other_currency(text, number), "currency", params)
            elif share and is_text[source]:
                number = f"regexp_replace({text}, {_lit(PERCENT_SIGN)}, '')"
            value = typed(raw, kind, col.type, number, comma, spaced, unit)
            problem = _TYPE_REASONS[col.type]
            if share:  # a number off the column's scale says so
                on = plan.shares.get(col.name, FRACTION)
                scale_shown = {"scale": _lit(SHARE_SCALE_SHOWN[on])} if on else {}
                special = (f"{value} IS NOT NULL", "share" if on else "share_mixed", scale_shown)
                value = share_sql(value, text if is_text[source] else None, on)
        layer2.append(f"{value} AS {_q(col.name)}")
        values[col.name] = value
        has_value = (
            text
            if is_text[source]
            else (f"CASE WHEN NOT isnan({raw}) THEN 1 END" if pa.types.is_floating(kind) else raw)
        )
        label = {"column": _lit(col.name), "source": _lit(source)}
        kept = {"raw": _lit(f"{col.name}_raw")} if problem in _KEPT_RAW else {}
        why = reason_sql(problem, **label, value=text, **kept) if problem else ""
        if special:
            told = reason_sql(special[1], **label, value=text, **special[2])
            why = f"CASE WHEN {special[0]} THEN {told} ELSE {why} END"
        bad = (
            f"CASE WHEN {has_value} IS NOT NULL AND {_q(col.name)} IS NULL THEN {why} END"
            if problem
            else None
        )
        if col.required:
            empty = f"CASE WHEN {has_value} IS NULL THEN {reason_sql('empty', **label)} END"
            rejects += [bad, empty] if bad else [empty]
        elif bad and not (
            (pa.types.is_timestamp(kind) or pa.types.is_date(kind))
            and col.type in (TIMESTAMP, DATE)
        ):
            warns.append(bad)
    for extra in table.extras:
        source = mapping.columns.get(extra.name.removesuffix("_raw"))
        value = text_of(source) if source else "CAST(NULL AS VARCHAR)"
        layer2.append(f"{value} AS {_q(extra.name)}")

    def reasons(parts: list[str]) -> str:
        if not parts:
            return "CAST(NULL AS VARCHAR)"
        return f"'[' || nullif(concat_ws(',', {', '.join(parts)}), '') || ']'"  # NULL: none

    # A row that repeats the header (a paged export repeats it on every page) is set
    # aside as that alone, not for values its headers are not (a "Created" not a date):
    # at least two of the mapped columns, and half of them, hold their own header.
    repeats = [
        f"coalesce(__t{slot[src]} = {_lit(src.strip())}, false)::INT"
        for src in sources
        if is_text[src] and src.strip() and not src.startswith("column ")
    ]
    repeat = (
        f"({' + '.join(repeats)}) >= {max(2, (len(sources) + 1) // 2)}"
        if len(repeats) >= 2
        else "false"
    )
    header_why = f"'[' || {reason_sql('header_repeat')} || ']'"

    if summary_rows:
        listed = ", ".join(str(int(r)) for r in summary_rows)
        rejects.insert(0, f"CASE WHEN _row IN ({listed}) THEN {reason_sql('summary')} END")
    names = [_q(c.name) for c in (*table.columns, *table.extras)]
    shown = [f for f in raw_fields if uploaded is None or f.name in uploaded]
    raw_json = uploaded_row_sql([f.name for f in shown], names=[rid[f.name] for f in shown])
    return f"""
    WITH a AS (SELECT {", ".join(layer1)} FROM {raw_table} WHERE {nonblank}),
    b AS (SELECT *, {", ".join(layer2)} FROM a),
    c AS (SELECT *, CASE WHEN {repeat} THEN {header_why} ELSE {reasons(rejects)} END AS _reject,
                 CASE WHEN NOT {repeat} THEN {reasons(warns)} END AS _warn FROM b)
    SELECT {", ".join(names)}, _row, _reject, _warn,
           CASE WHEN _reject IS NOT NULL OR _warn IS NOT NULL
                THEN {raw_json} END AS _data
    FROM c"""


def uploaded_row_sql(
    fields: Sequence[str], alias: str = "", names: Sequence[str] | None = None
) -> str:
    """SQL: a row as uploaded, as JSON text (``{"header": value, ...}``), what a row set
    aside keeps. ``fields``: the headers, in order; ``alias``: the relation's alias
    (``r.``); ``names``: the columns the values are read from, when not the headers."""
    cols = names or [f"{alias}{_q(f)}" for f in fields]
    pairs = ", ".join(f"{_lit(f)}: {c}" for f, c in zip(fields, cols, strict=True))
    return f"CAST(to_json({{{pairs}}}) AS VARCHAR)"


def key_duplicates_sql(table: Table, stage: str, raw: str, schema: pa.Schema) -> str:
    """UPDATE marking all but the last row of each key within one sheet as rejected,
    each with the row as uploaded (from ``raw``, the sheet's relation, of ``schema``)."""
    from ..store import key_expr

    key = key_expr(table)
    why = reason_sql("duplicate", columns=_lit(", ".join(table.key)), row="d.last_row")
    row = uploaded_row_sql([f.name for f in schema if f.name != "_row"], "r.")
    return (
        f"UPDATE {stage} s SET _reject = '[' || {why} || ']', "
        f"_data = coalesce(s._data, {row}) "
        f"FROM (SELECT _row, max(_row) OVER (PARTITION BY {key}) AS last_row FROM {stage} "
        f"WHERE _reject IS NULL) d, {raw} r "
        f"WHERE s._row = d._row AND d._row <> d.last_row AND r._row = s._row"
    )
