"""Find the table inside a sheet: its header row(s), column names and first data row.

Works on the top of a sheet as a grid of Python values. fastexcel with
``header_row=None`` gives every column that mixes text and other cells as text
(``'12'``, ``'2024-03-01 09:00:00'``, ``'true'``), so a cell's kind is read from
its text as well as its type. Merged cells arrive as the value in the first cell
and None in the others.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from .dates import looks_like_date

__all__ = ["TableLocation", "locate_table", "trailing_summary_rows"]

# Rows after a candidate header that are weighed to judge it.
_LOOKAHEAD = 10
# Header cells are labels; longer text is a title, a note or data.
_MAX_LABEL = 80
# A candidate within this share of the best score counts as good; the earliest wins.
_NEAR_BEST = 0.9

_NUMBER = re.compile(
    r"[+-]?[$€£¥]?\s*(\d+|\d{1,3}(,\d{3})+)?(\.\d+)?([eE][+-]?\d+)?\s*%?", re.ASCII
)
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s*[AaPp][Mm])?")
_BOOL_TEXT = {"true", "false"}


@dataclass(frozen=True)
class TableLocation:
    """Where the table sits in the grid.

    ``header_row``: 0-based grid index of the (first) header row; the header spans
    rows ``header_row .. data_start - 1`` (two rows for a merged group header).
    ``names``: one unique name per grid column (the widest row); an empty header
    cell becomes ``column N`` (1-based), a repeated name gets `` (2)``, `` (3)``.
    ``data_start``: grid index of the first row after the header (blank rows that
    follow are left for the caller to skip).
    ``confidence``: 0..1; 1 is a full header over rows holding numbers or dates.
    Around 0.6 is a full header over text-only rows; below 0.5, ask the user.
    """

    header_row: int
    names: list[str]
    data_start: int
    confidence: float


def _kind(value: object) -> str:
    """'blank', 'text' or 'typed' (a number, date, time or boolean, native or as text)."""
    if value is None:
        return "blank"
    if isinstance(value, float) and math.isnan(value):
        return "blank"
    if isinstance(value, bool | int | float | dt.date | dt.time | dt.timedelta):
        return "typed"
    text = str(value).strip()
    if not text:
        return "blank"
    if text.lower() in _BOOL_TEXT or (
        any(c.isdigit() for c in text)
        and (_NUMBER.fullmatch(text) or _TIME_OF_DAY.fullmatch(text) or looks_like_date(text))
    ):
        return "typed"
    return "text"


def _label(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _is_headerish(kinds: list[str], row: list[object], width: int) -> bool:
    """Labels only: no numbers or dates, short text, at least two cells (one if 1 column)."""
    filled = [i for i, k in enumerate(kinds) if k != "blank"]
    if len(filled) < min(2, width) or any(kinds[i] != "text" for i in filled):
        return False
    return all(len(str(row[i]).strip()) <= _MAX_LABEL for i in filled)


def _continues_group(top: list[str], sub: list[str]) -> bool:
    """A sub-label sits under a blank top cell that continues a label to its left."""
    seen_label = False
    for t, s in zip(top, sub, strict=True):
        if t == "text":
            seen_label = True
        elif seen_label and s == "text":
            return True
    return False


class _Grid:
    def __init__(self, grid: list[list[object]]):
        self.width = max((len(r) for r in grid), default=0)
        self.rows = [list(r) + [None] * (self.width - len(r)) for r in grid]
        self.kinds = [[_kind(v) for v in r] for r in self.rows]

    def blank(self, i: int) -> bool:
        return all(k == "blank" for k in self.kinds[i])

    def data_rows(self, after: int) -> list[int]:
        out = []
        for i in range(after + 1, len(self.rows)):
            if not self.blank(i):
                out.append(i)
                if len(out) == _LOOKAHEAD:
                    break
        return out

    def mostly_typed_below(self, col: int, rows: list[int]) -> bool:
        cells = [self.kinds[r][col] for r in rows if self.kinds[r][col] != "blank"]
        return bool(cells) and sum(k == "typed" for k in cells) > len(cells) / 2

    def sub_header(self, i: int) -> bool:
        """Row i+1 is the second row of a merged two-row header starting at row i.

        It must hold labels only, one of them under a blank top cell that a label to its
        left spans, and one of them over a column of numbers or dates. Without that last
        test a header with an empty cell would swallow a first data row made of text; a
        two-row header over text-only data is missed instead (its second row then shows
        up as a rejected row, not as a silently lost one).
        """
        j = i + 1
        if j >= len(self.rows) or self.blank(j):
            return False
        top, sub = self.kinds[i], self.kinds[j]
        if any(k == "typed" for k in sub) or not _continues_group(top, sub):
            return False
        if any(
            len(str(v).strip()) > _MAX_LABEL
            for v, k in zip(self.rows[j], sub, strict=True)
            if k == "text"
        ):
            return False
        below = self.data_rows(j)
        return any(s == "text" and self.mostly_typed_below(c, below) for c, s in enumerate(sub))

    def rows_above(self, before: int) -> list[int]:
        out = [i for i in range(before - 1, -1, -1) if not self.blank(i)]
        return out[:_LOOKAHEAD]

    def repeated(self, first: int, last: int, around: list[int]) -> float:
        """Share of the labels in rows first..last that a row around them holds in their column.

        A header's labels name its columns and are not among their values; a data row's
        words (High, Open, a team) recur in the rows above and below it. A row that holds
        nothing but the header's labels (a paged export repeats its header) is no evidence.
        """
        labels = {
            (c, _label(v).casefold())
            for r in range(first, last + 1)
            for c, (v, k) in enumerate(zip(self.rows[r], self.kinds[r], strict=True))
            if k == "text"
        }
        if not labels:
            return 0.0
        found: set[tuple[int, str]] = set()
        for r in around:
            cells = {
                (c, _label(v).casefold())
                for c, (v, k) in enumerate(zip(self.rows[r], self.kinds[r], strict=True))
                if k != "blank"
            }
            if not cells <= labels:
                found |= cells & labels
        return len(found) / len(labels)

    def score(self, first: int, last: int) -> float:
        head = {
            c for r in range(first, last + 1) for c, k in enumerate(self.kinds[r]) if k != "blank"
        }
        below = self.data_rows(last)
        if not below:
            coverage, contrast = 1.0, 0.0
        else:
            used = {c for r in below for c, k in enumerate(self.kinds[r]) if k != "blank"}
            # An empty header cell between labels is an unnamed column: half credit.
            gaps = set(range(min(head), max(head) + 1)) - head
            coverage = (len(head & used) + 0.5 * len(gaps & used)) / len(used)
            contrast = sum(any(k == "typed" for k in self.kinds[r]) for r in below) / len(below)
        labels = [
            _label(v)
            for r in range(first, last + 1)
            for v, k in zip(self.rows[r], self.kinds[r], strict=True)
            if k == "text"
        ]
        unique = len(set(labels)) / len(labels) if labels else 0.0
        own_values = self.repeated(first, last, self.rows_above(first) + below)
        return coverage * (0.6 + 0.4 * contrast) * (0.5 + 0.5 * unique) * (1 - own_values)


def _names(g: _Grid, first: int, last: int) -> tuple[list[str], bool]:
    """Column names from header rows first..last, and whether the top row gave any of them."""
    top = g.rows[first]
    if last == first:
        raw = [_label(v) if k != "blank" else "" for v, k in zip(top, g.kinds[first], strict=True)]
        return _unique(raw), True
    sub = g.rows[last]
    # Each column's top label: its own, or the label to its left that a merge spans over.
    owner: list[int | None] = []
    for c in range(g.width):
        owner.append(c if g.kinds[first][c] != "blank" else (owner[-1] if owner else None))
    parent = [_label(top[o]) if o is not None else "" for o in owner]
    subs = [_label(v) if k != "blank" else "" for v, k in zip(sub, g.kinds[last], strict=True)]
    alone = [s or (parent[c] if g.kinds[first][c] != "blank" else "") for c, s in enumerate(subs)]
    filled = [a for a in alone if a]
    combine_all = len(set(filled)) < len(filled)
    names = []
    for c, s in enumerate(subs):
        if s and parent[c] and combine_all:
            names.append(f"{parent[c]} {s}")
        else:
            names.append(alone[c])
    from_top = combine_all or any(
        not s and g.kinds[first][c] != "blank" for c, s in enumerate(subs)
    )
    return _unique(names), from_top


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    taken: set[str] = set()
    for c, name in enumerate(names):
        base = name or f"column {c + 1}"
        candidate, n = base, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{base} ({n})"
        taken.add(candidate.casefold())
        out.append(candidate)
    return out


def locate_table(grid: list[list[object]]) -> TableLocation:
    """Find the header row(s) of the table in the top of a sheet.

    Input: the first rows (up to ~50) of a sheet as lists of cell values -- None for a
    blank cell; str, int, float, bool, datetime or date otherwise -- as fastexcel returns
    them with ``header_row=None`` (NaN is treated as blank).
    Output: a :class:`TableLocation`. The header is the earliest row of labels only (no
    numbers or dates) that covers the columns of the rows below and is followed by
    rows holding numbers or dates, its score cut by the share of its labels that rows
    around it hold in the same column (a data row's words recur, a header's labels do
    not); title rows, export notes and blank rows above it are skipped. A two-row header (group labels merged across columns over sub-labels)
    gives ``"Dates Opened"`` only when the sub-labels alone repeat, else the sub-labels
    (a column merged down both rows keeps its top label). With no row of labels, the
    first non-blank row is taken as the header with confidence 0.
    """
    g = _Grid(grid)
    nonblank = [i for i in range(len(g.rows)) if not g.blank(i)]
    if not nonblank:
        return TableLocation(0, _unique([""] * g.width), 0, 0.0)
    scored: list[tuple[int, int, float]] = []
    for i in nonblank:
        if not _is_headerish(g.kinds[i], g.rows[i], g.width):
            continue
        last = i + 1 if g.sub_header(i) else i
        scored.append((i, last, g.score(i, last)))
    if not scored:
        first = nonblank[0]
        return TableLocation(first, _names(g, first, first)[0], first + 1, 0.0)
    best = max(s for _, _, s in scored)
    first, last, score = next(c for c in scored if c[2] >= _NEAR_BEST * best)
    names, from_top = _names(g, first, last)
    # A top row that names nothing (a two-cell title, group labels over unique
    # sub-labels) is not part of the header.
    return TableLocation(first if from_top else last, names, last + 1, round(score, 3))


# A summary row starts with one of these words (any case, optional colon).
_SUMMARY_STRONG = re.compile(
    r"(grand\s+total|sub-?\s*totals?|totals?|合计|总计|小计|共计|总数)\s*[:：]?", re.IGNORECASE
)
# Weaker words: also plausible as a metric's name in a KPI or targets sheet.
_SUMMARY_WEAK = re.compile(r"(sum|summary|count|average|avg|平均)\s*[:：]?", re.IGNORECASE)
_METRIC_HEADER = re.compile(r"kpi|metric|measure|indicator|指标|项目", re.IGNORECASE)
# Share of a summary row's other filled cells that must be numbers.
_SUMMARY_NUMERIC_SHARE = 0.8


def _summary_label(row: list[object], names: list[str]) -> bool:
    filled = [(c, v) for c, v in enumerate(row) if _kind(v) != "blank"]
    if not filled:
        return False
    col, first = filled[0]
    if not isinstance(first, str):
        return False
    text = first.strip()
    if _SUMMARY_STRONG.fullmatch(text):
        pass
    elif _SUMMARY_WEAK.fullmatch(text):
        header = names[col] if col < len(names) else ""
        if _METRIC_HEADER.search(header):
            return False
    else:
        return False
    others = [v for _, v in filled[1:]]
    numeric = [
        v
        for v in others
        if _kind(v) == "typed"
        and not (isinstance(v, dt.date | dt.time) or (isinstance(v, str) and looks_like_date(v)))
    ]
    return not others or len(numeric) >= _SUMMARY_NUMERIC_SHARE * len(others)


def trailing_summary_rows(rows: list[list[object]], names: list[str]) -> list[int]:
    """Indexes of total/summary rows at the end of a table, to set aside as "summary row".

    Input: the last (up to ~10) data rows of a sheet as lists of cell values, and the
    column names from :func:`locate_table` (a ``Sum``/``Count``/``Summary`` label is not
    a summary when its column is a metric-name column such as ``KPI``).
    Output: 0-based indexes into ``rows``, ascending. A row is a summary when its first
    filled cell is a label such as ``Total``, ``Grand total:``, ``Sum``, ``Count``,
    ``Summary``, ``合计``, ``总计``, ``小计`` and its other filled cells are (80%) numbers or
    blank, and only blank rows, other summary rows or one-cell notes follow it. Rows
    without a label are never flagged: with only the last rows in hand, a sum cannot
    be checked, and a real ticket row must never be set aside.
    """
    flagged: list[int] = []
    for i in range(len(rows) - 1, -1, -1):
        row = rows[i]
        kinds = [_kind(v) for v in row]
        filled = [k for k in kinds if k != "blank"]
        if _summary_label(row, names):
            flagged.append(i)
        elif not filled or (len(filled) == 1 and filled[0] == "text"):
            continue  # blank row or a one-cell footnote below the totals
        else:
            break
    return sorted(flagged)
