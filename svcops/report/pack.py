"""What a review pack holds, before any file is written: one :class:`Section` per
management area, each with its title, headline sentences, charts and key tables, all
worded in the pack's language.

Tables hold raw values (numbers stay numbers) under display column names, with a
number *kind* per column (:data:`KINDS`) that each writer turns into its own format.
Charts are the pages' own Altair builders (as Vega-Lite dicts) plus the frame behind
them, from which the workbook draws a native Excel chart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd

from ..filters import Filters

# A column's number kind -> (Excel number format, Python format for text).
KINDS: dict[str, tuple[str, str]] = {
    "int": ("#,##0", "{:,.0f}"),
    "num1": ("#,##0.0", "{:,.1f}"),
    "num2": ("#,##0.00", "{:,.2f}"),
    "pct": ("0.0%", "{:.1%}"),
    "spct": ("+0.0%;-0.0%;0.0%", "{:+.1%}"),
    "sint": ("+#,##0;-#,##0;0", "{:+,.0f}"),
    "snum1": ("+#,##0.0;-#,##0.0;0.0", "{:+,.1f}"),
    "snum2": ("+#,##0.00;-#,##0.00;0.00", "{:+,.2f}"),
    "date": ("yyyy-mm-dd", "{}"),
    # Percentage points: the value is points (5.2), the unit worded per language.
    "spts": ('+0.0" {unit}";-0.0" {unit}";0.0" {unit}"', "{:+.1f} {unit}"),
}
# Kinds shown with a sign (a change); one that rounds to nothing is shown without.
SIGNED_KINDS = frozenset(k for k, (_, text) in KINDS.items() if text.startswith("{:+"))
# The points' unit as the tables show it (the app's own "{delta:+.1f} pts").
POINTS = {"en": "pts", "zh": "个百分点"}
# Red/amber/green statuses a table's status column may carry (one per row).
RAG = ("red", "amber", "green", "none")


@dataclass
class Table:
    """A key table: ``frame`` under display column names, values raw.

    ``kinds``: display column -> a :data:`KINDS` name, or a list of them (one per row,
    for a column mixing counts and rates). ``rag``: ``(display column, statuses)``,
    one :data:`RAG` status per row, that column coloured by them.
    """

    title: str
    frame: pd.DataFrame
    kinds: dict[str, str | list[str]] = field(default_factory=dict)
    rag: tuple[str, list[str]] | None = None

    def kind(self, column: str, row: int) -> str | None:
        k = self.kinds.get(column)
        return k[row] if isinstance(k, list) else k


@dataclass
class Figure:
    """A chart: ``spec`` the page's Vega-Lite chart (a dict, localised); ``data`` the
    frame behind it under display names, the first column the categories or dates and
    each further column one series, drawn natively in Excel as ``kind`` (``line``,
    ``column``, ``bar`` or ``area``; None: no native chart, the data only)."""

    title: str
    spec: dict[str, Any]
    data: pd.DataFrame
    kind: str | None = "line"
    percent: bool = False
    # Whether the chart may take the page's width (False: drawn at its own size, as the
    # heat map's square cells need).
    stretch: bool = True


@dataclass
class Section:
    """One management area's part of the pack (``missing``: why it holds nothing)."""

    key: str
    title: str
    sheet: str
    lines: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    missing: str | None = None
    notes: str = ""


@dataclass
class Pack:
    """A whole review pack in one language."""

    lang: str
    filters: Filters
    start: date | None
    end: date | None
    sections: list[Section]
    uploads: pd.DataFrame
    made_at: datetime
    version: str
    workspace: str

    @property
    def stem(self) -> str:
        """The files' name without suffix: ``svcops-review_<start>_<end>``."""
        return f"svcops-review_{self.start or 'all'}_{self.end or 'all'}"
