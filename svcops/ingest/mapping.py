"""Recognise which canonical table a sheet holds and map its headers onto columns."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from ..i18n import Message
from ..schema import TABLES, Table, alias_index, normalise_header

if TYPE_CHECKING:
    import pandas as pd

# How alike a header must be to a known name to be taken for it (difflib ratio):
# "Created Date (UTC)" ~ "created date" passes; "First response time (in hrs)" (a
# duration) ~ "first response" does not.
FUZZY_CUTOFF = 0.86
# Columns a sheet must match to be taken for a table by its headers alone.
MIN_EVIDENCE = 2
_FUZZY_MIN_LENGTH = 5

# Sheet names that say outright which table they hold (template and Chinese names).
SHEET_NAMES: dict[str, str] = {
    **{name: name for name in TABLES},
    "工单": "tickets",
    "事件": "tickets",
    "事件日志": "events",
    "流程日志": "events",
    "话务": "intervals",
    "时段统计": "intervals",
    "排班": "roster",
    "成本": "costs",
    "费用": "costs",
    "预算": "budget",
    "可用性": "availability",
    "风险": "risks",
    "风险登记册": "risks",
    "riskregister": "risks",
    # Names are matched folded (no underscores): the risk page's own tables.
    "riskhistory": "risk_history",
    "scorehistory": "risk_history",
    "风险评分历史": "risk_history",
    "评分历史": "risk_history",
    "krithresholds": "kri_thresholds",
    "风险指标阈值": "kri_thresholds",
    "改进项目": "initiatives",
    "创新": "initiatives",
    "调查": "surveys",
    "满意度调查": "surveys",
    "目标": "targets",
}


@dataclass(frozen=True)
class Mapping:
    """How one sheet maps onto a table: canonical column -> source header."""

    table: Table
    columns: dict[str, str]
    # canonical column -> 0..1: 1 for a known name or alias, the similarity for a
    # near match, set by the user's correction or a saved profile to 1 as well.
    confidence: dict[str, float] = field(default_factory=dict)
    # canonical column -> why it was taken, for a column recognised from its values
    # (svcops/ingest/infer.py): shown beside it in the Data page's mapping check.
    reasons: dict[str, Message] = field(default_factory=dict)

    @property
    def derived(self) -> dict[str, tuple[str, ...]]:
        """Columns no header gives that are worked out from mapped ones (a roster's
        hours from its shift times): column -> the columns it is worked out from."""
        return {
            column: sources
            for column, sources, along in self.table.derivable
            if column not in self.columns
            and all(c in self.columns for c in sources)
            and (not along or any(c in self.columns for c in along))
        }

    @property
    def missing_required(self) -> list[str]:
        derived = self.derived
        return [c for c in self.table.required if c not in self.columns and c not in derived]


def mapping_from_rows(table: str, rows: Iterable[dict[str, Any]] | pd.DataFrame) -> Mapping:
    """The mapping a user corrected in the Data page's editor.

    ``table``: the canonical table's name (a key of ``schema.TABLES``). ``rows``: the
    editor's rows (dicts, or a frame of them), each with ``column`` (a canonical
    column) and ``source`` (the header chosen for it; blank or missing for none).
    Returns a :class:`Mapping` of every column given a header, each at confidence 1
    (the user chose it).
    """
    records = rows.to_dict("records") if hasattr(rows, "to_dict") else rows
    columns = {
        r["column"]: r["source"]
        for r in records
        if isinstance(r.get("source"), str) and r["source"]
    }
    return Mapping(TABLES[table], columns, dict.fromkeys(columns, 1.0))


# Jira writes each custom field as "Custom field (Name)": the name inside is the header.
_WRAPPED = re.compile(r"^\s*custom\s*field\s*[(（](.+)[)）]\s*$", re.IGNORECASE)


def header_name(header: str) -> str:
    """The name a header gives its column: ``Custom field (Team)`` is ``Team``."""
    found = _WRAPPED.match(str(header))
    return found.group(1) if found else str(header)


def map_columns(table: Table, headers: list[str]) -> Mapping:
    """Headers onto a table's columns: exact names and aliases first, then near matches.
    A header is read by :func:`header_name` (Jira's custom fields by their own name)."""
    index = alias_index(table)
    found: dict[str, str] = {}
    confidence: dict[str, float] = {}
    exact = {normalise_header(c.name): c.name for c in table.columns}
    # Canonical names first, so "priority" wins over an earlier "urgency" (an alias);
    # in each pass a plain header before a wrapped custom field, so Jira's own Priority,
    # Team or Issue Type wins over "Custom field (Team)" wherever the columns stand.
    plain_first = sorted(headers, key=lambda h: header_name(h) != str(h))
    for lookup in (exact, index):
        for header in plain_first:
            canonical = lookup.get(normalise_header(header_name(header)))
            if canonical and canonical not in found and header not in found.values():
                found[canonical] = header
                confidence[canonical] = 1.0
    used = set(found.values())
    for header in headers:
        folded = normalise_header(header_name(header))
        if header in used or len(folded) < _FUZZY_MIN_LENGTH:
            continue
        best, score = None, FUZZY_CUTOFF
        for name, canonical in index.items():
            if canonical in found or len(name) < _FUZZY_MIN_LENGTH:
                continue
            matcher = SequenceMatcher(None, folded, name)
            # The quick ratios bound the ratio from above: most names fail on them.
            if matcher.real_quick_ratio() < score or matcher.quick_ratio() < score:
                continue
            ratio = matcher.ratio()
            if ratio >= score:
                best, score = canonical, ratio
        if best:
            found[best] = header
            confidence[best] = round(score, 2)
            used.add(header)
    return Mapping(table, found, confidence)


# What a call log holds of each call besides its arrival, agent, queue and id.
_CALL_EVIDENCE = {
    "queued_at",
    "answered_at",
    "ended_at",
    "queue_seconds",
    "service_seconds",
    "outcome",
}


def _arrival_from_queue(mapping: Mapping) -> Mapping:
    """A call log with a queue-entry column and no arrival column (an ACD report that
    starts each call at the agents' queue): each call arrives when it enters the queue."""
    cols = mapping.columns
    if mapping.table.name != "calls" or "arrived_at" in cols or "queued_at" not in cols:
        return mapping
    return replace(
        mapping,
        columns={**cols, "arrived_at": cols["queued_at"]},
        confidence={**mapping.confidence, "arrived_at": mapping.confidence["queued_at"]},
    )


def arrival_is_queue_entry(mapping: Mapping) -> bool:
    """Whether a call log's arrival was taken from its queue entry (see above)."""
    queued = mapping.columns.get("queued_at")
    return (
        mapping.table.name == "calls"
        and queued is not None
        and mapping.columns.get("arrived_at") == queued
    )


def classify(sheet_name: str, headers: list[str]) -> Mapping | None:
    """Pick the table a sheet holds: by its name if that is a table's, else by headers.

    A table qualifies on headers only when every required column is present and at
    least two columns match; among those the one matching most columns wins.
    Returns None when nothing fits.
    """
    named = SHEET_NAMES.get(normalise_header(sheet_name))
    if named:
        mapping = _arrival_from_queue(map_columns(TABLES[named], headers))
        if not mapping.missing_required:
            return mapping
    fits: list[tuple[float, int, Mapping]] = []
    fallback: list[tuple[float, int, Mapping]] = []
    for table in TABLES.values():
        mapping = _arrival_from_queue(map_columns(table, headers))
        # One matching header (a lone "date") is not evidence of a table.
        if mapping.missing_required or len(set(mapping.columns.values())) < MIN_EVIDENCE:
            continue
        # A call log shows more of each call than its start and who took it: a tickets
        # export with a "Call start" and an "Agent name" is not one.
        if table.name == "calls" and not mapping.columns.keys() & _CALL_EVIDENCE:
            continue
        fit = (len(mapping.columns) / len(table.columns), len(mapping.columns), mapping)
        # A call log whose arrival is only its queue entry is one when no table the
        # headers name fits: a tickets export with a "Queued at" stays tickets.
        (fallback if arrival_is_queue_entry(mapping) else fits).append(fit)
    fits = fits or fallback
    if not fits:
        return None
    # A table that takes every header another one takes, and more, holds the sheet: a
    # cost report with a budget column is not a budget sheet, though the budget table,
    # having fewer columns, is filled a larger share.
    wider = [
        f
        for f in fits
        if not any(set(g[2].columns.values()) > set(f[2].columns.values()) for g in fits)
    ]
    return max(wider, key=lambda f: f[:2])[2]


# Header words, strongest first, that say "when it was opened" (for a column recognised
# by its values), and words that say it is some other moment.
_OPENED_WORDS = (
    "creat",
    "open",
    "logged",
    "submit",
    "report",
    "raise",
    "receiv",
    "arriv",
    "start",
    "创建",
    "提交",
    "开单",
    "登记",
)
_GENERIC_WORDS = ("date", "time", "时间", "日期")
_OTHER_MOMENTS = (
    "updat",
    "modif",
    "chang",
    "due",
    "clos",
    "resol",
    "solved",
    "end",
    "finish",
    "complet",
    "更新",
    "修改",
    "关闭",
    "解决",
    "完成",
    "到期",
)
# Confidence given to a column recognised by its values rather than its name.
VALUE_MATCH_CONFIDENCE = 0.6


# A bare ID, No., Number or Key beside a date is any list (a roster, an invoice list, an
# asset register): the sheet is taken for tickets only when something else says so. The
# id's header names a ticket ("Ticket ID", "Incident number", "工单编号"); or a header
# names what only tickets have: one of these columns, or a subject.
_TICKET_ID_WORDS = ("ticket", "incident", "case", "request", "issue", "工单", "事件")
_TICKET_ONLY = {
    "status",
    "priority",
    "category",
    "subcategory",
    "channel",
    "first_response_at",
    "resolved_at",
    "closed_at",
    "sla_hours",
    "first_contact_resolved",
    "reopen_count",
    "csat",
}
_SUBJECT_HEADERS = {
    normalise_header(h)
    for h in ("summary", "subject", "short description", "title", "标题", "摘要", "主题")
}


def _names_tickets(base: Mapping, headers: list[str]) -> bool:
    """Whether a sheet with a ticket id recognised by its header says it holds tickets
    (see :data:`_TICKET_ID_WORDS`)."""
    id_header = normalise_header(header_name(base.columns["ticket_id"]))
    return (
        any(w in id_header for w in _TICKET_ID_WORDS)
        or bool(base.columns.keys() & _TICKET_ONLY)
        or any(normalise_header(h) in _SUBJECT_HEADERS for h in headers)
    )


def created_from_values(headers: list[str], is_datetime) -> Mapping | None:
    """A tickets mapping for a sheet whose ticket id is recognised but whose creation
    time is not: among the columns of dates and times, one whose header says it is the
    opening moment, else a plainly named date/time column, else the leftmost one that
    does not name another moment (updated, due, closed...) becomes ``created_at``.
    ``is_datetime(header) -> bool`` says whether a column's values are dates/times.
    Returns None when no column qualifies, or when nothing but a bare id says the sheet
    holds tickets (:func:`_names_tickets`: a roster or an invoice list has an ID and a
    date too)."""
    base = map_columns(TABLES["tickets"], headers)
    if "ticket_id" not in base.columns or "created_at" in base.columns:
        return None
    if not _names_tickets(base, headers):
        return None
    used = set(base.columns.values())
    stamps = [
        h
        for h in headers
        if h not in used and is_datetime(h) and not any(w in h.lower() for w in _OTHER_MOMENTS)
    ]
    if not stamps:
        return None
    chosen = next((h for w in _OPENED_WORDS for h in stamps if w in h.lower()), None) or next(
        (h for h in stamps if any(w in h.lower() for w in _GENERIC_WORDS)), stamps[0]
    )
    columns = {**base.columns, "created_at": chosen}
    confidence = {**base.confidence, "created_at": VALUE_MATCH_CONFIDENCE}
    return Mapping(TABLES["tickets"], columns, confidence)
