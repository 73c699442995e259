"""Decide how a text date column is written, from a sample of its values.

Each value is matched against the date layouts real exports use (ISO, day-first
and month-first numbers, month names, ``2024年3月5日``, with or without a time,
12- or 24-hour clock, fractional seconds, a UTC offset). The result is a list of
DuckDB ``strptime`` formats, tried in order, that parses the whole column the
same way -- day-first or month-first is decided once per column, never per value.

DuckDB ``strptime`` behaviour this module relies on (checked against DuckDB 2.0,
see tests/test_ingest_blocks.py):

* ``%d %m %H %M %S %I`` accept one or two digits (``29/2/2016 1:6``).
* ``%Y`` also accepts a two-digit year and reads ``24`` as the year 0024. When
  two-digit years are seen, every ``%y`` format goes before every ``%Y`` one
  (``%y`` never matches a four-digit year); otherwise :func:`strptime_sql`
  turns a year outside 1900-2100 into NULL, so a stray ``5/3/24`` is reported
  as unreadable instead of read as 0024. ``%y`` reads 00-68 as 20xx, 69-99 as 19xx.
* A format that does not match costs about as much as one that does (~1.5 us a
  value), so the list starts with the most common layout seen.
* ``%b`` matches only three-letter month names (``Mar``, any case; not ``Sept``),
  ``%B`` only full names; ``%p`` needs ``AM``/``PM`` (any case, not ``a.m.``).
* A space in a format matches one or more whitespace characters, and leading or
  trailing whitespace in the value is ignored; any other character must match.
* ``%f`` takes 1-6 fraction digits; ``%n`` takes up to 9 and returns TIMESTAMP_NS.
* ``%z`` (``+02:00``, ``+0200``, ``+02``; not ``Z``) makes the result
  TIMESTAMP WITH TIME ZONE; in a format list that mixes ``%z`` and plain formats
  the plain values are read in the session time zone. :func:`strptime_sql` keeps
  the two apart and converts offsets to UTC.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass

from ..i18n import Message, say

__all__ = [
    "DateFormatGuess",
    "excel_serial_like",
    "infer_datetime_formats",
    "MISSING_MARKERS",
    "looks_like_date",
    "strptime_sql",
]

# The SPEC's missing-value markers (compared lower-cased): such a cell is empty.
MISSING_MARKERS = (
    "",
    "?",
    "-",
    "--",
    "n/a",
    "na",
    "#n/a",
    "null",
    "none",
    "nan",
    "nil",
    "无",
    "空",
    "(blank)",
)
# Blank-ish values a caller may leave in the sample; they neither vote nor fail
# (pandas writes a missing time as NaT).
_MISSING = {*MISSING_MARKERS, "nat"}

_ABBR = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_FULL = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}

# Date layouts, matched at the start of a value; the rest must be a time (or nothing).
_DATE_LAYOUTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?P<Y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?!\d)")),
    ("cn", re.compile(r"(?P<Y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")),
    ("compact", re.compile(r"(?P<Y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?!\d)")),
    # A month with no day (cost reports: 2025-01, 2025年1月, Jan-2025): its first day.
    ("ym", re.compile(r"(?P<Y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?![\d\-/.])")),
    ("cnym", re.compile(r"(?P<Y>\d{4})年(?P<m>\d{1,2})月(?!\d)")),
    ("num", re.compile(r"(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})(?!\d)")),
    (
        "dmony",
        re.compile(
            r"(?P<d>\d{1,2})(?P<s>[-/ ])(?P<mon>[A-Za-z]{3,9})(?P<dot>\.?)(?P=s)"
            r"(?P<y>\d{4}|\d{2})(?!\d)"
        ),
    ),
    (
        "mony",
        re.compile(r"(?P<mon>[A-Za-z]{3,9})(?P<s>[- ])(?P<y>\d{4})(?!\d)"),
    ),
    (
        "mondy",
        re.compile(
            r"(?P<mon>[A-Za-z]{3,9})(?P<dot>\.?) +(?P<d>\d{1,2})(?P<comma>,?) +"
            r"(?P<y>\d{4})(?!\d)"
        ),
    ),
)

_TIME = re.compile(
    r"(?P<sep>T|\s+|)"
    r"(?P<H>\d{1,2}):(?P<M>\d{1,2})(?::(?P<S>\d{1,2})(?:(?P<fs>[.,])(?P<f>\d{1,9}))?)?"
    r"(?P<psep>\s*)(?P<p>[AaPp][Mm])?"
    r"(?P<zsep>\s*)(?P<z>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?"
)


# A Chinese 12-hour clock writes the half of the day before the time: 上午 (morning),
# 下午 (afternoon), as Excel shows a time in a zh-CN locale (2024/3/5 下午 2:30:00). Such a
# value is read as the time followed by AM or PM, the layout strptime's %p takes.
_HALF_DAYS = (("上午", "AM"), ("下午", "PM"))
_HALF_DAY_TIME = r"\s*([0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?)"


def _half_day_last(text: str) -> str:
    """``text`` with a Chinese half of the day moved behind its time as AM/PM (Python's
    twin of the rewrite in :func:`strptime_sql`)."""
    for word, marker in _HALF_DAYS:
        if word in text:
            text = re.sub(word + _HALF_DAY_TIME, rf"\1 {marker}", text)
    return text


@dataclass(frozen=True)
class DateFormatGuess:
    """How a text date column is written.

    ``formats``: DuckDB strptime formats, tried in order (first the layouts seen,
    then close variants -- with or without seconds or time -- so that a value
    the sample missed still parses). Empty when nothing in the sample is a date.
    ``dayfirst``: True/False when numeric dates like ``05/03/2024`` are in the
    column, None when there are none or the values contradict each other.
    ``ambiguous``: no value decided day- vs month-first (every day was <= 12);
    the order was then chosen by separator: ``.`` and ``-`` day-first, ``/``
    month-first. Tell the user, and let them flip it.
    ``conflict``: some values are only valid day-first and others only
    month-first; numeric d/m dates are then left out of ``formats`` entirely,
    so those values are reported as unreadable instead of read wrongly.
    ``examples``: values that decided the order (or show the ambiguity/conflict).
    ``unmatched``: up to five sample values no format reads.
    ``matched_share``: share of the (non-missing) sample that ``formats`` read.
    ``reason``: one sentence for the import report (a message; None: nothing to say).
    ``half_day_first``: some values write 上午/下午 before the time (read as AM/PM).
    """

    formats: list[str]
    dayfirst: bool | None
    ambiguous: bool
    examples: list[str]
    unmatched: list[str]
    matched_share: float
    conflict: bool = False
    reason: Message | None = None
    half_day_first: bool = False

    @property
    def has_offset(self) -> bool:
        """True when some formats read a UTC offset (``%z``)."""
        return any("%z" in f for f in self.formats)


@dataclass(frozen=True)
class _Shape:
    date: str  # date part of the format; "{A}"/"{B}" stand for %d/%m when undecided
    time: str  # time part including its separator; "" for a date only
    clock: tuple[str, str, str] | None  # (separator, 12-hour marker, zone); None: no time
    vote: str | None  # "D" (only valid day-first), "M" (only month-first), "?" (either)
    sep: str  # separator of a numeric d/m date, else ""


def _two_digit_year(y: str) -> int:
    n = int(y)
    if len(y) == 4:
        return n
    return 2000 + n if n <= 68 else 1900 + n


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(max(year, 1), month)[1]


def _month_format(token: str) -> str | None:
    low = token.lower()
    if low in _ABBR:
        return "%b"
    if low in _FULL:
        return "%B"
    return None


def _time_part(rest: str) -> tuple[str, tuple[str, str, str] | None] | None:
    """Format of the time that follows a date ('' for none) and its (separator, 12-hour
    marker, zone) parts (None for a date only); None when the rest is not a time."""
    if not rest.strip():
        return "", None
    t = _TIME.fullmatch(rest.rstrip())
    if not t:
        return None
    hour, minute = int(t["H"]), int(t["M"])
    second = int(t["S"]) if t["S"] else 0
    twelve = bool(t["p"])
    if minute > 59 or second > 59 or (twelve and not 1 <= hour <= 12) or hour > 23:
        return None
    sep = "T" if t["sep"] == "T" else (" " if t["sep"] else "")
    fmt = sep + ("%I" if twelve else "%H") + ":%M"
    if t["S"]:
        fmt += ":%S"
        if t["f"]:
            fmt += t["fs"] + ("%f" if len(t["f"]) <= 6 else "%n")
    marker = (" " if t["psep"] else "") + "%p" if twelve else ""
    zone = ""
    if t["z"]:
        space = t["zsep"] if twelve else t["psep"] + t["zsep"]
        zone = (" " if space else "") + ("%z" if t["z"][0] in "+-" else t["z"])
    return fmt + marker + zone, (sep, marker, zone)


def _shape(value: str) -> _Shape | None:
    """The layout of one value, or None when it is not a valid date we can read."""
    text = _half_day_last(value.strip())
    for kind, pattern in _DATE_LAYOUTS:
        m = pattern.match(text)
        if not m:
            continue
        time = _time_part(text[m.end() :])
        if time is None:
            continue
        time_fmt, clock = time
        g = m.groupdict()
        if kind in ("ym", "cnym"):
            if not 1 <= int(g["m"]) <= 12 or time_fmt:
                return None
            date = f"%Y{g['s']}%m" if kind == "ym" else "%Y年%m月"
            return _Shape(date, "", None, None, "")
        if kind == "mony":
            month_fmt = _month_format(g["mon"])
            if month_fmt is None or time_fmt:
                return None
            return _Shape(f"{month_fmt}{g['s']}%Y", "", None, None, "")
        if kind in ("ymd", "cn", "compact"):
            if not _valid_day(int(g["Y"]), int(g["m"]), int(g["d"])):
                return None
            date = {
                "ymd": f"%Y{g.get('s')}%m{g.get('s')}%d",
                "cn": "%Y年%m月%d日",
                "compact": "%Y%m%d",
            }[kind]
            return _Shape(date, time_fmt, clock, None, "")
        year_fmt = "%Y" if len(g["y"]) == 4 else "%y"
        year = _two_digit_year(g["y"])
        if kind == "num":
            a, b = int(g["a"]), int(g["b"])
            as_dm, as_md = _valid_day(year, b, a), _valid_day(year, a, b)
            if not (as_dm or as_md):
                return None
            vote = "?" if as_dm and as_md else ("D" if as_dm else "M")
            s = g["s"]
            return _Shape(f"{{A}}{s}{{B}}{s}{year_fmt}", time_fmt, clock, vote, s)
        month_fmt = _month_format(g["mon"])
        if month_fmt is None:
            return None
        month = _ABBR.get(g["mon"].lower()) or _FULL[g["mon"].lower()]
        if not _valid_day(year, month, int(g["d"])):
            return None
        if kind == "dmony":
            s = g["s"]
            date = f"%d{s}{month_fmt}{g['dot']}{s}{year_fmt}"
        else:
            date = f"{month_fmt}{g['dot']} %d{g['comma']} {year_fmt}"
        return _Shape(date, time_fmt, clock, None, "")
    return None


def looks_like_date(value: str) -> bool:
    """True when ``value`` is a date (with or without time) in a layout we read."""
    return _shape(value) is not None


def _siblings(date: str, clock: tuple[str, str, str] | None) -> list[str]:
    sep, marker, zone = clock or (" ", "", "")
    hour = "%I" if marker else "%H"
    return [date] + [f"{date}{sep}{hour}:{t}{marker}{zone}" for t in ("%M", "%M:%S", "%M:%S.%f")]


def _order(observed: list[str], siblings: list[str]) -> list[str]:
    """Final format list: the layouts seen (most common first), then their siblings.

    A format that fails costs DuckDB about as much as a successful parse (~1.5 us a
    value), so the common layout goes first and nothing is tried that was not seen
    unless earlier formats failed. ``%Y`` also reads a two-digit year (as 00xx), so
    when two-digit years were seen every ``%y`` format goes before every ``%Y`` one.
    """

    def year_twins(formats: list[str]) -> list[str]:
        return [
            t
            for f in formats
            for t in ((f.replace("%Y", "%y"), f) if "%Y" in f and not f.startswith("%Y") else (f,))
        ]

    if any("%y" in f for f in observed):
        observed = year_twins([f.replace("%y", "%Y") for f in observed])
        siblings = year_twins([f.replace("%y", "%Y") for f in siblings])
        groups = [
            [f for f in observed if "%y" in f],
            [f for f in observed if "%y" not in f],
            [f for f in siblings if "%y" in f],
            [f for f in siblings if "%y" not in f],
        ]
    else:
        groups = [observed, siblings]
    return list(dict.fromkeys(f for group in groups for f in group))


def infer_datetime_formats(samples: list[str]) -> DateFormatGuess:
    """Decide the strptime formats of a text date column from (up to ~2,000) of its values.

    Input: non-empty text values as they appear in the file (missing-value markers
    such as ``?`` are ignored). Output: a :class:`DateFormatGuess`; read the column
    with :func:`strptime_sql`. Day-first vs month-first is decided for the whole
    column: a value whose first number is over 12 means day-first, one whose
    second is over 12 means month-first; both kinds at once is a conflict.
    """
    counts = Counter(s.strip() for s in samples if isinstance(s, str))
    for marker in [v for v in counts if v.lower() in _MISSING]:
        del counts[marker]
    total = sum(counts.values())
    if not total:
        return DateFormatGuess([], None, False, [], [], 0.0, reason=say("ingest.dates.none"))

    shapes: dict[str, _Shape | None] = {v: _shape(v) for v in counts}
    votes: dict[str, list[str]] = {"D": [], "M": [], "?": []}
    numeric_seps: Counter[str] = Counter()
    for value, shape in shapes.items():
        if shape and shape.vote:
            votes[shape.vote].append(value)
            numeric_seps[shape.sep] += counts[value]

    conflict = bool(votes["D"] and votes["M"])
    ambiguous = False
    dayfirst: bool | None = None
    examples: list[str] = []
    if conflict:
        examples = votes["D"][:2] + votes["M"][:2]
        reason = say("ingest.dates.conflict", day=votes["D"][0], month=votes["M"][0])
    elif votes["D"]:
        dayfirst, examples = True, votes["D"][:3]
        reason = say("ingest.dates.day_first", example=examples[0])
    elif votes["M"]:
        dayfirst, examples = False, votes["M"][:3]
        reason = say("ingest.dates.month_first", example=examples[0])
    elif votes["?"]:
        ambiguous = True
        sep = numeric_seps.most_common(1)[0][0]
        dayfirst = sep in ".-"
        examples = votes["?"][:3]
        reason = say(
            "ingest.dates.assumed_day_first" if dayfirst else "ingest.dates.assumed_month_first",
            example=examples[0],
            sep=sep,
        )
    else:
        reason = say("ingest.dates.unambiguous")

    def resolve(shape: _Shape) -> str | None:
        if not shape.vote:
            return shape.date
        if conflict:
            return None
        a, b = ("%d", "%m") if dayfirst else ("%m", "%d")
        return shape.date.format(A=a, B=b)

    seen: Counter[str] = Counter()
    clocks: dict[str, list[tuple[str, str, str] | None]] = {}
    matched = 0
    unmatched: list[str] = []
    for value, n in counts.most_common():
        shape = shapes[value]
        date = resolve(shape) if shape else None
        if shape is None or date is None:
            if len(unmatched) < 5:
                unmatched.append(value)
            continue
        matched += n
        seen[date + shape.time] += n
        known = clocks.setdefault(date, [])
        if shape.clock not in known:
            known.append(shape.clock)

    observed = [f for f, _ in seen.most_common()]
    siblings = [s for date, cs in clocks.items() for c in cs for s in _siblings(date, c)]
    formats = _order(observed, siblings)
    if not formats:
        reason = say("ingest.dates.unknown") if not conflict else reason
    half_day_first = any(word in v for v in counts for word, _ in _HALF_DAYS)
    return DateFormatGuess(
        formats,
        dayfirst,
        ambiguous,
        examples,
        unmatched,
        matched / total,
        conflict,
        reason,
        half_day_first,
    )


SERIAL_TEXT = re.compile(r"\d{4,5}(\.\d+)?")
# 1950-01-01 .. 2099-12-31 as Excel serial day numbers: a number outside this range
# in a date column is more likely an id or an amount than a date.
SERIAL_MIN, SERIAL_MAX = 18264, 73415


def excel_serial_like(samples: list[str]) -> bool:
    """True when every non-missing text value is an Excel serial day number (``45356.5``).

    Input: text values of one column. Output: True only if there is at least one value
    and all are plain decimal numbers between 18264 (1950-01-01) and 73415 (2099-12-31);
    read them as ``DATE '1899-12-30' + value days``.
    """
    found = False
    for s in samples:
        text = str(s).strip()
        if text.lower() in _MISSING:
            continue
        if not SERIAL_TEXT.fullmatch(text) or not SERIAL_MIN <= float(text) <= SERIAL_MAX:
            return False
        found = True
    return found


def _sql_list(formats: list[str]) -> str:
    return "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in formats) + "]"


# Years a service-operations date can have; anything else is a misread.
YEAR_MIN, YEAR_MAX = 1900, 2100


def strptime_sql(text_sql: str, guess: DateFormatGuess) -> str:
    """DuckDB expression reading ``text_sql`` (a VARCHAR expression) as a TIMESTAMP with
    the guessed formats; NULL where no format fits or the year is outside
    YEAR_MIN..YEAR_MAX. Values with a UTC offset keep their wall-clock time (the
    offset is dropped): an event logged at 08:40+02:00 happened at 08:40 where the
    team works, and intraday shapes and staffing follow local time."""
    if guess.half_day_first:
        for word, marker in _HALF_DAYS:
            text_sql = f"regexp_replace({text_sql}, '{word}{_HALF_DAY_TIME}', '\\1 {marker}')"
    plain = [f for f in guess.formats if "%z" not in f]
    offset = [f.replace("%z", "").rstrip() for f in guess.formats if "%z" in f]
    parts = []
    if plain:
        parts.append(f"CAST(try_strptime({text_sql}, {_sql_list(plain)}) AS TIMESTAMP)")
    if offset:
        local = rf"regexp_replace({text_sql}, '\s*(Z|[+-]\d\d(:?\d\d)?)$', '')"
        parts.append(
            f"CAST(try_strptime({local}, {_sql_list(list(dict.fromkeys(offset)))}) AS TIMESTAMP)"
        )
    if not parts:
        return "CAST(NULL AS TIMESTAMP)"
    ts = parts[0] if len(parts) == 1 else f"coalesce({', '.join(parts)})"
    # DuckDB evaluates the repeated expression once (common subexpression elimination).
    return (
        f"(CASE WHEN {ts} >= TIMESTAMP '{YEAR_MIN}-01-01' "
        f"AND {ts} < TIMESTAMP '{YEAR_MAX + 1}-01-01' THEN {ts} END)"
    )
