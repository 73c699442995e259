"""Acceptance (issue 3): exports built the way the tools build them import with no hand mapping.

Each builder below writes a real file in memory -- xlsx through xlsxwriter or openpyxl,
CSV through the csv module in the tool's encoding -- shaped as ServiceNow, Zendesk,
Jira Service Management, Freshdesk, a Chinese-language ticketing system and a
report generator write them, with the quirks named in comments. A builder returns
``(bytes, expected)``; ``expected`` is worked out from the rows the builder generated
(seeded), never typed in, so the numbers are non-trivial and always consistent.

The bad files (encrypted workbook, empty file, header-only CSV, a sheet no table
matches, decompression bombs) must each be refused with one line naming the file,
and the CLI must exit 1 leaving the workspace as it was.
"""

from __future__ import annotations

import base64
import csv
import io
import os
import random
import re
import statistics
import struct
import subprocess
import sys
import zipfile
import zlib
from collections import Counter
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pandas as pd
import pytest
import xlsxwriter
from openpyxl.styles import Font

from svcops.filters import Filters
from svcops.ingest import IngestError, import_files
from svcops.kpi import compute
from svcops.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
PRIORITIES = ("P1", "P2", "P3", "P4")


# =========================================================================== shared helpers


def _moment(rng: random.Random, start: datetime, days: int, *, seconds: bool = True) -> datetime:
    """A random moment in ``days`` days from ``start`` (office hours weighted, as real load is)."""
    day = start + timedelta(days=rng.randrange(days))
    hour = rng.choices(range(24), [1] * 7 + [6] * 11 + [2] * 6)[0]
    return day.replace(
        hour=hour, minute=rng.randrange(60), second=rng.randrange(60) if seconds else 0
    )


def _work(rng: random.Random, *, seconds: bool = True) -> timedelta:
    """Time to resolve: log-normal, median about 7 h, some take days."""
    minutes = max(5, int(rng.lognormvariate(6.0, 1.1)))
    return timedelta(minutes=minutes, seconds=rng.randrange(60) if seconds else 0)


def _done(t: dict) -> datetime | None:
    # docs/kpis.md: a ticket is done at coalesce(resolved_at, closed_at).
    return t["resolved"] or t["closed"]


def _expected(tickets: list[dict], **meta) -> dict:
    """The answers a person would compute by hand from the rows an export holds."""
    hours = [(_done(t) - t["created"]).total_seconds() / 3600 for t in tickets if _done(t)]
    scores = [t["csat"] for t in tickets if t.get("csat") is not None]
    return {
        "tickets": len(tickets),
        "ids": {t["id"] for t in tickets},
        "open": sum(1 for t in tickets if t["resolved"] is None and t["closed"] is None),
        "p1": sum(1 for t in tickets if t["p1"]),
        "resolution_hours_median": statistics.median(hours) if hours else None,
        "csat_mean": statistics.fmean(scores) if scores else None,
        "priority_raw": Counter(t["priority_raw"] for t in tickets if t["priority_raw"]),
        "channels": Counter(t["channel"] for t in tickets if t.get("channel")) or None,
        "tickets_raw": tickets,
        **meta,
    }


def _csv(
    header: list[str], rows: list[list], *, encoding: str = "utf-8", line_end: str = "\r\n"
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=line_end)
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue().encode(encoding)


def _xlsxwriter_book(sheet: str, header: list[str], rows: list[list], *, date_format: str) -> bytes:
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = book.add_worksheet(sheet)
    bold = book.add_format({"bold": True})
    when = book.add_format({"num_format": date_format})
    ws.write_row(0, 0, header, bold)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is None:
                continue  # an empty cell, as the tools leave it
            if isinstance(value, datetime):
                ws.write_datetime(r, c, value, when)
            else:
                ws.write(r, c, value)
    book.close()
    return buf.getvalue()


# =========================================================================== ServiceNow

SN_HEADERS = [
    "Number",
    "Opened",
    "Short description",
    "Caller",
    "Priority",
    "State",
    "Category",
    "Assignment group",
    "Assigned to",
    "Updated",
    "Resolved",
    "Closed",
    "Contact type",
    "Reopen count",
    "Made SLA",
]
SN_PRIORITIES = ["1 - Critical", "2 - High", "3 - Moderate", "4 - Low", "5 - Planning"]
SN_CHANNELS = {
    "Phone": "phone",
    "Email": "email",
    "Self-service": "portal",
    "Walk-in": "walk-in",
    "Virtual Agent": "chat",
}


def build_servicenow(n: int = 48, seed: str = "servicenow") -> tuple[bytes, dict]:
    """Incident list -> right-click header -> Export -> Excel, as a ServiceNow instance writes it.

    Quirks: the sheet is called "Page 1"; dates are real Excel datetimes; open incidents
    leave Resolved/Closed as empty cells; "Updated" is a fourth timestamp column that
    is neither creation nor resolution; Priority is "<n> - <label>" on a 1-5 scale
    (5 - Planning has no P5, it folds into P4); "Made SLA" is the text true/false;
    Canceled incidents carry a Closed time but no Resolved time.
    """
    rng = random.Random(seed)
    people = [
        "Abel Tuter",
        "Beth Anglin",
        "Bud Richman",
        "Fred Luddy",
        "David Loo",
        "Don Goodliffe",
    ]
    groups = ["Service Desk", "Network", "Hardware", "Database", "Software"]
    rows, tickets = [], []
    for i in range(n):
        opened = _moment(rng, datetime(2024, 3, 1), 31)
        state = rng.choices(
            ["New", "In Progress", "On Hold", "Resolved", "Closed", "Canceled"], [2, 5, 2, 6, 12, 1]
        )[0]
        priority = SN_PRIORITIES[0] if i < 3 else rng.choices(SN_PRIORITIES, [1, 3, 10, 5, 1])[0]
        resolved = opened + _work(rng) if state in ("Resolved", "Closed") else None
        closed = (
            resolved + timedelta(days=3) if state == "Closed" else None
        )  # auto-close after 3 days
        if state == "Canceled":
            closed = opened + timedelta(minutes=rng.randrange(5, 600))
        updated = max(t for t in (opened, resolved, closed) if t) + timedelta(
            minutes=rng.randrange(1, 90)
        )
        channel = rng.choice(list(SN_CHANNELS))
        number = f"INC{10040 + i:07d}"
        rows.append(
            [
                number,
                opened,
                rng.choice(
                    [
                        "Email not syncing",
                        "VPN drops every hour",
                        "Printer offline on floor 3",
                        "Password reset",
                        "SAP login fails",
                    ]
                ),
                rng.choice(people),
                priority,
                state,
                rng.choice(["Inquiry / Help", "Software", "Hardware", "Network", "Database"]),
                rng.choice(groups),
                None if state == "New" else rng.choice(people),
                updated,
                resolved,
                closed,
                channel,
                rng.choice([0, 0, 0, 1]),
                rng.choice(["true", "false"]),
            ]
        )
        tickets.append(
            {
                "id": number,
                "created": opened,
                "resolved": resolved,
                "closed": closed,
                "p1": priority.startswith("1 "),
                "priority_raw": priority,
                "channel": SN_CHANNELS[channel],
            }
        )
    blob = _xlsxwriter_book("Page 1", SN_HEADERS, rows, date_format="yyyy-mm-dd hh:mm:ss")
    return blob, _expected(
        tickets,
        file="incident.xlsx",
        csat_raw=None,
        mapping={
            "ticket_id": "Number",
            "created_at": "Opened",
            "resolved_at": "Resolved",
            "closed_at": "Closed",
            "priority": "Priority",
            "status": "State",
            "category": "Category",
            "team": "Assignment group",
            "agent": "Assigned to",
            "channel": "Contact type",
            "reopen_count": "Reopen count",
        },
        not_timestamps=["Updated"],
    )


# =========================================================================== Zendesk

ZD_HEADERS = [
    "Id",
    "Requester",
    "Requester id",
    "Requester external id",
    "Requester email",
    "Requester domain",
    "Submitter",
    "Assignee",
    "Group",
    "Subject",
    "Tags",
    "Status",
    "Priority",
    "Via",
    "Ticket type",
    "Created at",
    "Updated at",
    "Assigned at",
    "Organization",
    "Due date",
    "Initially assigned at",
    "Solved at",
    "Resolution time",
    "Satisfaction Score",
    "Group stations",
    "Assignee stations",
    "Reopens",
    "Replies",
    "First reply time in minutes",
    "First reply time in minutes within business hours",
    "First resolution time in minutes",
    "First resolution time in minutes within business hours",
    "Full resolution time in minutes",
    "Full resolution time in minutes within business hours",
    "Agent wait time in minutes",
    "Requester wait time in minutes",
    "On hold time in minutes",
]
ZD_DURATIONS = [
    "Resolution time",
    "First reply time in minutes",
    "First reply time in minutes within business hours",
    "First resolution time in minutes",
    "First resolution time in minutes within business hours",
    "Full resolution time in minutes",
    "Full resolution time in minutes within business hours",
    "Agent wait time in minutes",
    "Requester wait time in minutes",
    "On hold time in minutes",
]
ZD_CHANNELS = {
    "Web form": "portal",
    "Mail": "email",
    "Phone call (incoming)": "phone",
    "Chat": "chat",
    "Web Widget": "portal",
}
ZD_ZONE = ZoneInfo("Europe/Berlin")


def _zd_time(t: datetime | None) -> str:
    # Account time zone with its offset, e.g. "2024-03-28 09:15:42 +0100"; the offset
    # changes to +0200 at the end of March (DST), inside this export.
    return "" if t is None else t.astimezone(ZD_ZONE).strftime("%Y-%m-%d %H:%M:%S %z")


def build_zendesk(n: int = 55, seed: str = "zendesk") -> tuple[bytes, dict]:
    """Reporting -> Export -> CSV ("full export") of tickets, as Zendesk Support writes it.

    Quirks: "Id" stands next to "Requester id"/"Requester external id" (both look like
    ids); timestamps carry the account's UTC offset and the export spans the DST change
    (+0100 -> +0200 on 31 March), so elapsed time must come from the offsets; "Solved at"
    is the resolution time while "Resolution time" and "... in minutes" are durations;
    Priority is lower-case urgent/high/normal/low or blank; Satisfaction Score is
    Good/Bad/Offered/Unoffered -- not a 1-5 scale, so no number may be invented; subjects
    hold commas and quotes.
    """
    rng = random.Random(seed)
    agents = ["Zoë Müller", "Liam Carter", "Ana Souza", "Kenji Watanabe"]
    rows, tickets = [], []
    for i in range(n):
        # Kept in UTC here: Python subtracts two datetimes of the same zone by wall clock.
        created = _moment(rng, datetime(2024, 3, 25), 12).replace(tzinfo=ZD_ZONE).astimezone(UTC)
        if (
            i == 0
        ):  # opened before the clocks go forward, solved after: 13 h elapsed, 14 on the wall
            created = datetime(2024, 3, 30, 20, 0, 0, tzinfo=ZD_ZONE).astimezone(UTC)
        status = (
            "solved"
            if i == 0
            else rng.choices(
                ["new", "open", "pending", "hold", "solved", "closed"], [2, 6, 3, 1, 8, 6]
            )[0]
        )
        priority = (
            "urgent"
            if i in (1, 2)
            else rng.choices(["urgent", "high", "normal", "low", ""], [1, 3, 8, 3, 3])[0]
        )
        solved = created + _work(rng) if status in ("solved", "closed") else None
        if i == 0:
            solved = datetime(2024, 3, 31, 10, 0, 0, tzinfo=ZD_ZONE).astimezone(UTC)
        assigned = None if status == "new" else created + timedelta(minutes=rng.randrange(2, 120))
        first_reply = None if status == "new" else rng.randrange(3, 400)
        score = rng.choice(["Good", "Good", "Good", "Bad", "Offered"]) if solved else "Unoffered"
        via = rng.choice(list(ZD_CHANNELS))
        updated = (solved or assigned or created) + timedelta(minutes=rng.randrange(1, 60))
        full_res = None if solved is None else int((solved - created).total_seconds() // 60)
        ticket_id = str(4100 + i)
        rows.append(
            [
                ticket_id,
                rng.choice(["Maria Rossi", "Tom Baker", "Priya Patel"]),
                str(380000000000 + rng.randrange(10**9)),
                "",
                "customer@example.com",
                "example.com",
                "Maria Rossi",
                "" if assigned is None else rng.choice(agents),
                "" if assigned is None else rng.choice(["Support", "Billing", "Tier 2"]),
                rng.choice(
                    [
                        'Refund for order #1182, "urgent"',
                        "Cannot log in",
                        "Invoice copy",
                        "App crashes on start",
                    ]
                ),
                rng.choice(["billing refund", "login", "mobile_app", ""]),
                status,
                priority,
                via,
                rng.choice(["Question", "Incident", "Problem", "Task", ""]),
                _zd_time(created),
                _zd_time(updated),
                _zd_time(assigned),
                "Example Ltd",
                "",
                _zd_time(assigned),
                _zd_time(solved),
                "" if full_res is None else str(full_res // 60),
                score,
                rng.randrange(1, 3),
                rng.randrange(1, 3),
                rng.choice([0, 0, 1]),
                rng.randrange(0, 6),
                "" if first_reply is None else first_reply,
                "" if first_reply is None else first_reply,
                "" if full_res is None else full_res,
                "" if full_res is None else full_res,
                "" if full_res is None else full_res,
                "" if full_res is None else full_res,
                rng.randrange(0, 500),
                rng.randrange(0, 500),
                0,
            ]
        )
        tickets.append(
            {
                "id": ticket_id,
                "created": created,
                "resolved": solved,
                "closed": None,
                "p1": priority == "urgent",
                "priority_raw": priority,
                "csat_raw": score,
                "channel": ZD_CHANNELS[via],
            }
        )
    return _csv(ZD_HEADERS, rows), _expected(
        tickets,
        file="tickets-export.csv",
        csat_raw=Counter(t["csat_raw"] for t in tickets if t["csat_raw"] in ("Good", "Bad")),
        mapping={
            "ticket_id": "Id",
            "created_at": "Created at",
            "resolved_at": "Solved at",
            "priority": "Priority",
            "status": "Status",
            "channel": "Via",
            "team": "Group",
            "agent": "Assignee",
            "csat": "Satisfaction Score",
            "reopen_count": "Reopens",
        },
        not_timestamps=["Updated at", "Due date", *ZD_DURATIONS],
    )


# =========================================================================== Jira Service Management

JIRA_HEADERS = [
    "Summary",
    "Issue key",
    "Issue id",
    "Issue Type",
    "Status",
    "Project key",
    "Project name",
    "Priority",
    "Resolution",
    "Assignee",
    "Reporter",
    "Creator",
    "Created",
    "Updated",
    "Last Viewed",
    "Resolved",
    "Due date",
    "Watchers",
    "Watchers",
    "Labels",
    "Labels",
    "Custom field (Request Type)",
    "Custom field (Satisfaction rating)",
    "Custom field (Satisfaction date)",
]
JIRA_PRIORITIES = ["Highest", "High", "Medium", "Low", "Lowest"]


def _jira_time(t: datetime | None) -> str:
    # Jira's default "dd/MMM/yy h:mm a": zero-padded day, English month, 2-digit year,
    # 12-hour clock with no leading zero and no seconds -- "05/Mar/25 2:14 PM".
    if t is None:
        return ""
    return f"{t:%d/%b/%y} {t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"


def build_jira(n: int = 40, seed: str = "jira") -> tuple[bytes, dict]:
    """Filters -> Export -> CSV (all fields) from a Jira Service Management project.

    Quirks: multi-value fields repeat their header ("Watchers", "Watchers", "Labels",
    "Labels"); custom fields are wrapped as "Custom field (<name>)"; the human key is
    "Issue key" (ITSD-12), "Issue id" is Jira's internal number; Created/Updated/
    Resolved are "05/Mar/25 2:14 PM" with minute precision; "Updated" and "Last Viewed"
    are timestamps that are neither creation nor resolution; Priority is Highest..Lowest;
    satisfaction is a 1-5 rating on part of the resolved requests.
    """
    rng = random.Random(seed)
    people = ["Alana Grant", "Jennifer Evans", "Mitch Harris", "Ryan Lee"]
    rows, tickets = [], []
    for i in range(n):
        created = _moment(rng, datetime(2025, 3, 1), 28, seconds=False)
        status = rng.choices(
            [
                "Waiting for support",
                "Waiting for customer",
                "In Progress",
                "Escalated",
                "Resolved",
                "Closed",
                "Canceled",
            ],
            [4, 2, 4, 1, 6, 8, 1],
        )[0]
        priority = "Highest" if i < 2 else rng.choices(JIRA_PRIORITIES, [1, 3, 8, 3, 1])[0]
        resolved = (
            created + _work(rng, seconds=False)
            if status in ("Resolved", "Closed", "Canceled")
            else None
        )
        rating = (
            rng.choice([None, 1, 2, 3, 4, 5, 5, 4, 5]) if status in ("Resolved", "Closed") else None
        )
        updated = (resolved or created) + timedelta(minutes=rng.randrange(1, 2000))
        key = f"ITSD-{101 + i}"
        assignee = (
            "" if status == "Waiting for support" and rng.random() < 0.5 else rng.choice(people)
        )
        reporter = rng.choice(["Kim Lo", "Sam Ortiz", "Jo Park"])
        rows.append(
            [
                rng.choice(
                    [
                        "Laptop will not boot",
                        "Need access to Confluence",
                        "VPN request",
                        "New starter: Ada",
                    ]
                ),
                key,
                str(10200 + i),
                rng.choice(["Service Request", "Incident", "Problem"]),
                status,
                "ITSD",
                "IT Service Desk",
                priority,
                {"Resolved": "Done", "Closed": "Done", "Canceled": "Won't Do"}.get(status, ""),
                assignee,
                reporter,
                reporter,
                _jira_time(created),
                _jira_time(updated),
                _jira_time(updated) if rng.random() < 0.3 else "",
                _jira_time(resolved),
                "",
                reporter,
                assignee,
                rng.choice(["vpn", "onboarding", "hardware", ""]),
                "",
                rng.choice(["Get IT help", "Request new hardware", "Report a system problem"]),
                "" if rating is None else str(rating),
                "" if rating is None else _jira_time(resolved + timedelta(hours=5)),
            ]
        )
        tickets.append(
            {
                "id": key,
                "created": created,
                "resolved": resolved,
                "closed": None,
                "p1": priority == "Highest",
                "priority_raw": priority,
                "csat": rating,
                "csat_raw": None if rating is None else str(rating),
            }
        )
    return _csv(JIRA_HEADERS, rows), _expected(
        tickets,
        file="Jira.csv",
        csat_raw=Counter(t["csat_raw"] for t in tickets if t["csat_raw"]),
        mapping={
            "ticket_id": "Issue key",
            "created_at": "Created",
            "resolved_at": "Resolved",
            "priority": "Priority",
            "status": "Status",
            "agent": "Assignee",
            "csat": "Custom field (Satisfaction rating)",
        },
        not_timestamps=["Updated", "Last Viewed", "Due date", "Custom field (Satisfaction date)"],
    )


# =========================================================================== Freshdesk

FD_HEADERS = [
    "Ticket ID",
    "Subject",
    "Status",
    "Priority",
    "Source",
    "Type",
    "Agent",
    "Group",
    "Created time",
    "Due by Time",
    "Resolved time",
    "Closed time",
    "Last update time",
    "Initial response time",
    "Time tracked",
    "First response time (in hrs)",
    "Resolution time (in hrs)",
    "Agent interactions",
    "Customer interactions",
    "Resolution status",
    "First response status",
    "Tags",
    "Product",
]
FD_DURATIONS = ["First response time (in hrs)", "Resolution time (in hrs)", "Time tracked"]
FD_CHANNELS = {"Email": "email", "Portal": "portal", "Phone": "phone", "Chat": "chat"}


def build_freshdesk(
    n: int = 36, seed: str = "freshdesk", *, xlsx: bool = False
) -> tuple[bytes, dict]:
    """Tickets -> Export (CSV or Excel) from Freshdesk.

    Quirks: "Created time"/"Resolved time"/"Closed time" are timestamps, but
    "First response time (in hrs)" and "Resolution time (in hrs)" are durations in
    decimal hours (1.25) -- in the Excel file plain numbers, which a reader could take
    for Excel serial dates -- and must never be mapped to a timestamp column; "Due by
    Time" is an SLA deadline, not a resolution; "Initial response time" is the first
    response timestamp; Closed tickets carry both Resolved and Closed times. The CSV is
    UTF-8 with a BOM (what Excel's "CSV UTF-8" writes when a user re-saves the export).
    """
    rng = random.Random(seed)
    sla = {"Urgent": 4, "High": 8, "Medium": 24, "Low": 72}

    def when(t: datetime | None):
        # Excel: real datetimes; CSV: "2024-05-03 14:07:55"
        return t if xlsx or t is None else t.strftime("%Y-%m-%d %H:%M:%S")

    rows, tickets = [], []
    for i in range(n):
        created = _moment(rng, datetime(2024, 5, 1), 30)
        status = rng.choices(["Open", "Pending", "Resolved", "Closed"], [5, 3, 6, 10])[0]
        priority = (
            "Urgent" if i < 2 else rng.choices(["Low", "Medium", "High", "Urgent"], [4, 8, 4, 1])[0]
        )
        responded = created + timedelta(minutes=rng.randrange(4, 600), seconds=rng.randrange(60))
        if status == "Open" and rng.random() < 0.4:
            responded = None
        resolved = created + _work(rng) if status in ("Resolved", "Closed") else None
        if resolved and responded and responded > resolved:
            responded = resolved
        closed = resolved + timedelta(hours=48) if status == "Closed" else None
        source = rng.choice(list(FD_CHANNELS))
        first_hrs = (
            None if responded is None else round((responded - created).total_seconds() / 3600, 2)
        )
        res_hrs = (
            None if resolved is None else round((resolved - created).total_seconds() / 3600, 2)
        )
        due = created + timedelta(hours=sla[priority])
        last = (closed or resolved or responded or created) + timedelta(
            minutes=rng.randrange(1, 30)
        )
        rows.append(
            [
                1000 + i if xlsx else str(1000 + i),
                rng.choice(["Order not delivered", "Wrong invoice amount", "Reset my password"]),
                status,
                priority,
                source,
                rng.choice(["Question", "Incident", "Problem", None]),
                rng.choice(["Asha Rao", "Ben Okafor", "Chloé Martin"]),
                rng.choice(["Billing", "Customer Support", "Escalations"]),
                when(created),
                when(due),
                when(resolved),
                when(closed),
                when(last),
                when(responded),
                "00:30" if resolved else None,
                first_hrs if xlsx or first_hrs is None else f"{first_hrs:.2f}",
                res_hrs if xlsx or res_hrs is None else f"{res_hrs:.2f}",
                rng.randrange(1, 6),
                rng.randrange(1, 6),
                None if resolved is None else ("Within SLA" if resolved <= due else "SLA Violated"),
                "Within SLA",
                rng.choice(["refund", "", "vip"]),
                "Web Store",
            ]
        )
        tickets.append(
            {
                "id": str(1000 + i),
                "created": created,
                "resolved": resolved,
                "closed": closed,
                "p1": priority == "Urgent",
                "priority_raw": priority,
                "channel": FD_CHANNELS[source],
            }
        )
    if xlsx:
        blob = _xlsxwriter_book("Tickets", FD_HEADERS, rows, date_format="yyyy-mm-dd hh:mm:ss")
    else:
        blob = _csv(FD_HEADERS, rows, encoding="utf-8-sig")
    return blob, _expected(
        tickets,
        file="freshdesk-tickets." + ("xlsx" if xlsx else "csv"),
        csat_raw=None,
        mapping={
            "ticket_id": "Ticket ID",
            "created_at": "Created time",
            "resolved_at": "Resolved time",
            "closed_at": "Closed time",
            "first_response_at": "Initial response time",
            "priority": "Priority",
            "status": "Status",
            "channel": "Source",
            "team": "Group",
            "agent": "Agent",
        },
        not_timestamps=["Due by Time", "Last update time", *FD_DURATIONS],
    )


# =========================================================================== Chinese, GBK

ZH_HEADERS = [
    "工单编号",
    "标题",
    "创建时间",
    "解决时间",
    "优先级",
    "状态",
    "渠道",
    "处理组",
    "处理人",
    "满意度",
]
ZH_CSAT = {"非常满意": 5, "满意": 4, "一般": 3, "不满意": 2, "非常不满意": 1}
ZH_CHANNELS = {"电话": "phone", "邮件": "email", "在线": "chat"}


def _zh_time(t: datetime | None) -> str:
    return "" if t is None else f"{t.year}年{t.month}月{t.day}日 {t:%H:%M}"


def build_chinese_gbk(n: int = 30, seed: str = "gbk") -> tuple[bytes, dict]:
    """A CSV saved by Excel on a Chinese Windows PC ("CSV (逗号分隔)") from a local ticketing system.

    Quirks: GBK bytes (not UTF-8), CRLF line ends, Chinese headers; dates as
    "2024年3月5日 14:30" (month and day not zero-padded); priority 紧急/高/中/低;
    status 已解决/处理中/已关闭; channel 电话/邮件/在线; satisfaction in words
    非常满意..非常不满意 (a 1-5 scale); an unassigned ticket has 处理人 "无" (none).
    """
    rng = random.Random(seed)
    rows, tickets = [], []
    for i in range(n):
        created = _moment(rng, datetime(2024, 3, 1), 20, seconds=False)
        status = rng.choices(["已解决", "处理中", "已关闭"], [5, 4, 8])[0]
        priority = "紧急" if i < 2 else rng.choices(["紧急", "高", "中", "低"], [1, 3, 6, 3])[0]
        resolved = None if status == "处理中" else created + _work(rng, seconds=False)
        word = rng.choice([None, *ZH_CSAT, "非常满意", "满意"]) if resolved else None
        channel = rng.choice(list(ZH_CHANNELS))
        number = f"GD2024{i + 1:05d}"
        rows.append(
            [
                number,
                rng.choice(["打印机无法连接，提示脱机", "邮箱登录失败", "申请VPN权限"]),
                _zh_time(created),
                _zh_time(resolved),
                priority,
                status,
                channel,
                rng.choice(["一线支持组", "桌面运维组", "网络组"]),
                "无"
                if status == "处理中" and rng.random() < 0.3
                else rng.choice(["张伟", "王芳", "李娜", "刘洋"]),
                word,
            ]
        )
        tickets.append(
            {
                "id": number,
                "created": created,
                "resolved": resolved,
                "closed": None,
                "p1": priority == "紧急",
                "priority_raw": priority,
                "csat": ZH_CSAT.get(word),
                "csat_raw": word,
                "channel": ZH_CHANNELS[channel],
            }
        )
    return _csv(ZH_HEADERS, rows, encoding="gbk"), _expected(
        tickets,
        file="工单导出.csv",
        csat_raw=Counter(t["csat_raw"] for t in tickets if t["csat_raw"]),
        mapping={
            "ticket_id": "工单编号",
            "created_at": "创建时间",
            "resolved_at": "解决时间",
            "priority": "优先级",
            "status": "状态",
            "channel": "渠道",
            "team": "处理组",
            "agent": "处理人",
            "csat": "满意度",
        },
        not_timestamps=[],
    )


# =========================================================================== report-style workbook

REPORT_TITLE = "Monthly incident report"
REPORT_SUBTITLE = "Generated 2024-04-01 by svc-reporter"


def build_report(
    n: int = 25, seed: str = "report", *, merged_header: bool = False, first_id: int = 2400
) -> tuple[bytes, dict]:
    """A formatted monthly report from a reporting tool, saved as .xlsx (openpyxl).

    Quirks: two title rows ("Monthly incident report", "Generated ... by svc-reporter")
    and a blank row above the header; a blank row in the middle of the data (a naive
    reader stops there); a final "Total" row holding the number of CSAT scores and
    the sum of handle minutes in the numeric columns -- it is not a ticket, and must be
    set aside in the rejects, not silently dropped. With ``merged_header`` the header
    is two rows: group labels merged across columns ("Ticket", "Dates", "Outcome")
    over the column names.
    """
    rng = random.Random(seed)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Incidents"
    ws["A1"] = REPORT_TITLE
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:H1")
    ws["A2"] = REPORT_SUBTITLE
    columns = (
        [
            "Ticket No.",
            "Priority",
            "Team",
            "Status",
            "Created",
            "Resolved",
            "CSAT",
            "Handle time (min)",
        ]
        if merged_header
        else [
            "Ticket No.",
            "Created",
            "Resolved",
            "Priority",
            "Team",
            "Status",
            "CSAT",
            "Handle time (min)",
        ]
    )
    row = 4
    if merged_header:
        for first, last, label in (
            ("A", "D", "Ticket"),
            ("E", "F", "Dates"),
            ("G", "H", "Outcome"),
        ):
            ws[f"{first}{row}"] = label
            ws.merge_cells(f"{first}{row}:{last}{row}")
        row += 1
    for c, name in enumerate(columns, start=1):
        ws.cell(row, c, name).font = Font(bold=True)
    row += 1
    tickets = []
    for i in range(n):
        if i == n // 2:
            row += 1  # the blank row inside the data
        created = _moment(rng, datetime(2024, 3, 1), 31)
        status = rng.choices(["Open", "In Progress", "Resolved", "Closed"], [2, 3, 5, 8])[0]
        priority = "P1" if i < 2 else rng.choices(PRIORITIES, [1, 3, 6, 2])[0]
        resolved = created + _work(rng) if status in ("Resolved", "Closed") else None
        csat = rng.choice([None, 2, 3, 4, 4, 5, 5]) if resolved else None
        handle = rng.randrange(5, 240)
        values = {
            "Ticket No.": f"IR-{first_id + i}",
            "Created": created,
            "Resolved": resolved,
            "Priority": priority,
            "Team": rng.choice(["Desk", "Field", "Apps"]),
            "Status": status,
            "CSAT": csat,
            "Handle time (min)": handle,
        }
        for c, name in enumerate(columns, start=1):
            cell = ws.cell(row, c, values[name])
            if isinstance(values[name], datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
        tickets.append(
            {
                "id": values["Ticket No."],
                "created": created,
                "resolved": resolved,
                "closed": None,
                "p1": priority == "P1",
                "priority_raw": priority,
                "csat": csat,
                "handle": handle,
            }
        )
        row += 1
    total_row = row
    ws.cell(total_row, 1, "Total").font = Font(bold=True)
    ws.cell(total_row, columns.index("CSAT") + 1, sum(t["csat"] is not None for t in tickets))
    ws.cell(total_row, columns.index("Handle time (min)") + 1, sum(t["handle"] for t in tickets))
    buf = io.BytesIO()
    book.save(buf)
    mapping = {
        "ticket_id": "Ticket No.",
        "created_at": "Created",
        "resolved_at": "Resolved",
        "priority": "Priority",
        "team": "Team",
        "status": "Status",
        "csat": "CSAT",
        "handle_minutes": "Handle time (min)",
    }
    return buf.getvalue(), _expected(
        tickets,
        file="incident-report-merged.xlsx" if merged_header else "incident-report.xlsx",
        csat_raw=None,
        total_row=total_row,
        titles=[REPORT_TITLE, REPORT_SUBTITLE],
        # merged group labels may be joined into the names ("Dates Created"); only the
        # canonical side is checked then
        mapping=dict.fromkeys(mapping) if merged_header else mapping,
        not_timestamps=["Handle time (min)"],
    )


BUILDERS = {
    "servicenow": build_servicenow,
    "zendesk": build_zendesk,
    "jira": build_jira,
    "freshdesk_csv": build_freshdesk,
    "freshdesk_xlsx": lambda: build_freshdesk(seed="freshdesk-x", xlsx=True),
    "chinese_gbk": build_chinese_gbk,
    "report": build_report,
    "report_merged_header": lambda: build_report(
        seed="report-m", merged_header=True, first_id=3400
    ),
}


@cache
def built(tool: str) -> tuple[bytes, dict]:
    return BUILDERS[tool]()


@pytest.fixture(params=list(BUILDERS))
def export(request):
    return built(request.param)


@pytest.fixture
def mem_ws():
    with Workspace(":memory:") as w:
        yield w


def _import(ws, blob: bytes, exp: dict):
    return import_files(ws, [(exp["file"], blob)])


# =========================================================================== the builders themselves


def test_builders_make_non_trivial_exports():
    # Guards the acceptance tests below from passing on degenerate data.
    for tool in BUILDERS:
        blob, exp = built(tool)
        assert 20 <= exp["tickets"] <= 60, tool
        assert 0 < exp["open"] < exp["tickets"] and exp["p1"] >= 2, tool
        assert exp["resolution_hours_median"] > 0, tool
    assert built("zendesk")[1]["csat_mean"] is None
    assert built("jira")[1]["csat_mean"] is not None
    assert built("chinese_gbk")[0].decode("gbk").startswith("工单编号,")
    with pytest.raises(UnicodeDecodeError):
        built("chinese_gbk")[0].decode("utf-8")


# =========================================================================== import, no hand mapping


def test_export_imports_with_no_hand_mapping(mem_ws, export):
    blob, exp = export
    report = _import(mem_ws, blob, exp)
    assert [s.table for s in report.sheets] == ["tickets"]
    sheet = report.sheets[0]
    expected_rejects = 1 if exp.get("total_row") else 0  # only the Total row
    assert (sheet.rows, sheet.rejected) == (exp["tickets"], expected_rejects)
    q = mem_ws.query
    assert q("SELECT count(*) AS n FROM tickets").n[0] == exp["tickets"]
    assert set(q("SELECT ticket_id FROM tickets").ticket_id) == exp["ids"]
    assert (
        q("SELECT count(*) AS n FROM tickets WHERE resolved_at IS NULL AND closed_at IS NULL").n[0]
        == exp["open"]
    )
    assert q("SELECT count(*) AS n FROM tickets WHERE priority = 'P1'").n[0] == exp["p1"]
    stray = q("SELECT DISTINCT priority FROM tickets WHERE priority IS NOT NULL").priority
    assert set(stray) <= set(PRIORITIES)


def test_columns_map_to_what_a_person_would_pick(mem_ws, export):
    blob, exp = export
    mapping = _import(mem_ws, blob, exp).sheets[0].mapping
    for canonical, header in exp["mapping"].items():
        assert canonical in mapping, f"{canonical} not mapped (mapping: {mapping})"
        if header is not None:
            assert mapping[canonical] == header, f"{canonical} mapped to {mapping[canonical]!r}"
    # Durations, deadlines and last-update stamps never feed a timestamp column.
    for canonical in ("created_at", "first_response_at", "resolved_at", "closed_at"):
        assert mapping.get(canonical) not in exp["not_timestamps"], (canonical, mapping)


def test_median_resolution_hours_match_the_rows(mem_ws, export):
    blob, exp = export
    _import(mem_ws, blob, exp)
    got = compute(mem_ws, Filters())
    assert got["resolution_hours_median"] == pytest.approx(exp["resolution_hours_median"], abs=1e-3)
    assert got["tickets"] == exp["tickets"]


def test_csat_is_normalised_only_where_the_scale_maps(mem_ws, export):
    blob, exp = export
    _import(mem_ws, blob, exp)
    row = mem_ws.query(
        "SELECT avg(csat) AS avg_score, count(csat) AS scored, "
        "min(csat) AS lowest, max(csat) AS highest FROM tickets"
    ).iloc[0]
    if exp["csat_mean"] is None:
        assert row.scored == 0, "scores were invented for a scale that does not map to 1-5"
    else:
        assert row.avg_score == pytest.approx(exp["csat_mean"], abs=1e-9)
        assert 1 <= row.lowest and row.highest <= 5
    if exp["csat_raw"] is not None:
        raw = mem_ws.query("SELECT csat_raw FROM tickets WHERE csat_raw IS NOT NULL").csat_raw
        kept = Counter(v for v in raw if v in exp["csat_raw"])
        assert kept == exp["csat_raw"], "raw CSAT values not kept as written"


def test_raw_priority_is_kept(mem_ws, export):
    blob, exp = export
    _import(mem_ws, blob, exp)
    raw = mem_ws.query("SELECT priority_raw FROM tickets WHERE priority_raw IS NOT NULL")
    assert Counter(raw.priority_raw) == exp["priority_raw"]


# Only the exports that carry a channel column (Jira's and the report have none).
WITH_CHANNEL = [name for name in BUILDERS if built(name)[1]["channels"] is not None]


@pytest.mark.parametrize("tool", WITH_CHANNEL)
def test_channels_are_normalised(mem_ws, tool):
    blob, exp = built(tool)
    _import(mem_ws, blob, exp)
    got = mem_ws.query("SELECT channel, count(*) AS n FROM tickets GROUP BY 1")
    assert dict(zip(got.channel, got.n, strict=True)) == dict(exp["channels"])


def test_reimporting_the_same_export_doubles_nothing(mem_ws, export):
    blob, exp = export
    _import(mem_ws, blob, exp)
    again = _import(mem_ws, blob, exp)
    assert again.sheets[0].replaced == exp["tickets"]
    assert mem_ws.row_counts()["tickets"] == exp["tickets"]
    assert (
        mem_ws.query(
            "SELECT count(*) AS n FROM tickets WHERE resolved_at IS NULL AND closed_at IS NULL"
        ).n[0]
        == exp["open"]
    )


# =========================================================================== tool-specific checks


def test_zendesk_offsets_keep_the_wall_clock_time(mem_ws):
    """Times with a UTC offset keep the wall-clock time the team saw (docs/kpis.md): the
    intraday shape and staffing follow local hours all year. The price, stated here:
    a ticket open across the DST switch is off by the hour the clocks moved."""
    blob, exp = built("zendesk")
    _import(mem_ws, blob, exp)
    # Ticket 4100: created 30 Mar 20:00 +0100, solved 31 Mar 10:00 +0200.
    t = mem_ws.query("SELECT created_at, resolved_at FROM tickets WHERE ticket_id = '4100'").iloc[0]
    assert t.created_at == pd.Timestamp("2024-03-30 20:00")
    assert t.resolved_at == pd.Timestamp("2024-03-31 10:00")
    assert (t.resolved_at - t.created_at).total_seconds() / 3600 == pytest.approx(14.0)


def test_zendesk_good_bad_do_not_become_numbers(mem_ws):
    blob, exp = built("zendesk")
    _import(mem_ws, blob, exp)
    rows = mem_ws.query("SELECT csat, csat_raw FROM tickets WHERE csat_raw IN ('Good', 'Bad')")
    assert len(rows) == sum(exp["csat_raw"].values()) > 0
    assert rows.csat.isna().all()


def test_jira_dates_are_day_month_abbreviation_year(mem_ws):
    blob, exp = built("jira")
    _import(mem_ws, blob, exp)
    first = exp["tickets_raw"][0]
    got = mem_ws.query("SELECT created_at FROM tickets WHERE ticket_id = ?", [first["id"]])
    assert got.created_at[0].to_pydatetime() == first["created"]


def test_gbk_dates_and_missing_agent(mem_ws):
    blob, exp = built("chinese_gbk")
    _import(mem_ws, blob, exp)
    by_id = mem_ws.query("SELECT ticket_id, created_at, agent FROM tickets").set_index("ticket_id")
    for t in exp["tickets_raw"]:
        assert by_id.created_at[t["id"]].to_pydatetime() == t["created"]
    assert "无" not in set(by_id.agent.dropna()), "无 (none) must read as missing"


def test_report_title_and_total_rows_are_not_tickets(mem_ws):
    for tool in ("report", "report_merged_header"):
        blob, exp = built(tool)
        _import(mem_ws, blob, exp)
        ids = set(mem_ws.query("SELECT ticket_id FROM tickets").ticket_id)
        assert not ids & {"Total", *exp["titles"]}, tool
        assert not any(i.startswith(("Monthly", "Generated")) for i in ids), tool
        rejects = mem_ws.rejects()
        rejects = rejects[(rejects.file_name == exp["file"]) & (rejects.action == "rejected")]
        # The Total row is set aside with a reason, at the row number Excel shows.
        assert rejects.row_number.tolist() == [exp["total_row"]], tool
        assert "Total" in rejects.data.iloc[0] and rejects.reason.iloc[0]
    assert mem_ws.row_counts()["tickets"] == (
        built("report")[1]["tickets"] + built("report_merged_header")[1]["tickets"]
    )


def test_report_handle_minutes_exclude_the_total(mem_ws):
    blob, exp = built("report")
    _import(mem_ws, blob, exp)
    total = mem_ws.query("SELECT sum(handle_minutes) AS s FROM tickets").s[0]
    assert total == sum(t["handle"] for t in exp["tickets_raw"])


# =========================================================================== zip archives


def _apple_double() -> bytes:
    # What macOS's Finder puts in __MACOSX/._<name>: an AppleDouble header (magic 0x00051607).
    return struct.pack(">II16sH", 0x00051607, 0x00020000, b"Mac OS X        ", 0) + b"\0" * 60


def test_zip_of_two_exports_with_macos_junk_imports_both(mem_ws):
    sn_blob, sn = built("servicenow")
    zd_blob, zd = built("zendesk")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("exports/", b"")  # folder entry
        zf.writestr("exports/incident.xlsx", sn_blob)
        zf.writestr("exports/tickets-export.csv", zd_blob)
        zf.writestr("__MACOSX/exports/._incident.xlsx", _apple_double())
        zf.writestr("__MACOSX/._x", _apple_double())
        zf.writestr("exports/.DS_Store", b"\0\0\0\1Bud1" + b"\0" * 100)
    report = import_files(mem_ws, [("march-exports.zip", buf.getvalue())])
    assert sorted((s.table, s.rows) for s in report.sheets) == sorted(
        [("tickets", sn["tickets"]), ("tickets", zd["tickets"])]
    )
    assert any("incident.xlsx" in s.file for s in report.sheets)
    assert any("tickets-export.csv" in s.file for s in report.sheets)
    assert mem_ws.row_counts()["tickets"] == sn["tickets"] + zd["tickets"]
    assert (
        mem_ws.query(
            "SELECT count(*) AS n FROM tickets WHERE resolved_at IS NULL AND closed_at IS NULL"
        ).n[0]
        == sn["open"] + zd["open"]
    )


# =========================================================================== bad files


def _cfb(streams: dict[str, bytes]) -> bytes:
    """An OLE2 compound file (CFB version 3, 512-byte sectors) holding ``streams``.

    ``streams`` maps '/'-separated paths to bytes; storages on the way are created.
    Streams under 4,096 bytes live in the mini stream, as [MS-CFB] requires.
    """
    free, end, fatsect, none = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    root = {"name": "Root Entry", "type": 5, "data": b"", "kids": {}}
    for path, data in streams.items():
        node = root
        *folders, leaf = path.split("/")
        for folder in folders:
            node = node["kids"].setdefault(
                folder, {"name": folder, "type": 1, "data": b"", "kids": {}}
            )
        node["kids"][leaf] = {"name": leaf, "type": 2, "data": data, "kids": {}}
    entries: list[dict] = []

    def number(node):
        node["id"] = len(entries)
        entries.append(node)
        for kid in node["kids"].values():
            number(kid)

    number(root)

    def count(n: int, size: int) -> int:
        return -(-n // size)

    small = [e for e in entries if e["type"] == 2 and len(e["data"]) < 4096]
    big = [e for e in entries if e["type"] == 2 and len(e["data"]) >= 4096]
    mini = b"".join(e["data"].ljust(count(len(e["data"]), 64) * 64, b"\0") for e in small)
    minifat: list[int] = []
    for e in small:
        n = count(len(e["data"]), 64)
        e["start"] = len(minifat) if n else end
        minifat += [len(minifat) + k + 1 for k in range(n - 1)] + ([end] if n else [])
    runs = [
        ("dir", count(len(entries) * 128, 512)),
        ("minifat", count(len(minifat) * 4, 512)),
        ("mini", count(len(mini), 512)),
    ] + [(e["id"], count(len(e["data"]), 512)) for e in big]
    nfat = 1
    while nfat * 128 < nfat + sum(n for _, n in runs):
        nfat += 1
    fat, start = [fatsect] * nfat, {}
    for key, n in runs:
        start[key] = len(fat) if n else end
        fat += [len(fat) + k + 1 for k in range(n - 1)] + ([end] if n else [])
    fat += [free] * (nfat * 128 - len(fat))
    for e in big:
        e["start"] = start[e["id"]]
    root["start"] = start["mini"]

    def tree(nodes):  # siblings as a binary search tree: by name length, then upper-case name
        if not nodes:
            return none
        mid = len(nodes) // 2
        nodes[mid]["left"], nodes[mid]["right"] = tree(nodes[:mid]), tree(nodes[mid + 1 :])
        return nodes[mid]["id"]

    for e in entries:
        e.setdefault("left", none)
        e.setdefault("right", none)
        e["child"] = tree(
            sorted(e["kids"].values(), key=lambda k: (len(k["name"]), k["name"].upper()))
        )

    def entry(e):
        name = e["name"].encode("utf-16-le") + b"\0\0"
        size = len(mini) if e["type"] == 5 else len(e["data"])
        return (
            name.ljust(64, b"\0")
            + struct.pack("<HBB", len(name), e["type"], 1)
            + struct.pack("<III", e["left"], e["right"], e["child"])
            + b"\0" * 36
            + struct.pack("<IQ", e.get("start", 0) if e["type"] != 1 else 0, size)
        )

    unused = b"\0" * 68 + struct.pack("<III", none, none, none) + b"\0" * 48

    def pad(blob: bytes, filler: bytes = b"\0") -> bytes:
        return blob.ljust(count(len(blob), 512) * 512, filler)

    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<9I", 0, nfat, start["dir"], 0, 4096, start["minifat"], runs[1][1], end, 0)
        + struct.pack("<109I", *range(nfat), *[free] * (109 - nfat))
    )
    return b"".join(
        [
            header,
            struct.pack(f"<{len(fat)}I", *fat),
            pad(b"".join(map(entry, entries)) + unused * (-len(entries) % 4)),
            pad(struct.pack(f"<{len(minifat)}I", *minifat), b"\xff"),
            pad(mini),
            *(pad(e["data"]) for e in big),
        ]
    )


def _lp(text: str) -> bytes:
    """[MS-OFFCRYPTO] UNICODE-LP-P4: byte length, UTF-16LE, padded to 4 bytes."""
    raw = text.encode("utf-16-le")
    return struct.pack("<I", len(raw)) + raw + b"\0" * (-len(raw) % 4)


def encrypted_xlsx(plain: bytes, seed: str = "secret") -> bytes:
    """What Excel writes for File -> Protect Workbook -> Encrypt with Password.

    An OLE2 container, not a zip: \\x06DataSpaces (the transform description),
    EncryptionInfo (Agile encryption, version 4.4, AES-256/SHA-512 XML descriptor) and
    EncryptedPackage (the package size, then AES blocks). msoffcrypto-tool is not
    installed, so the "ciphertext" is seeded random bytes: byte for byte a real
    container, just one no password opens -- an importer must not try anyway.
    """
    rng = random.Random(seed)

    def b64(n: int) -> str:
        return base64.b64encode(rng.randbytes(n)).decode()

    algo = (
        'saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
        'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"'
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
        'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" '
        'xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">'
        f'<keyData {algo} saltValue="{b64(16)}"/>'
        f'<dataIntegrity encryptedHmacKey="{b64(64)}" encryptedHmacValue="{b64(64)}"/>'
        '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
        f'<p:encryptedKey spinCount="100000" {algo} saltValue="{b64(16)}" '
        f'encryptedVerifierHashInput="{b64(16)}" encryptedVerifierHashValue="{b64(64)}" '
        f'encryptedKeyValue="{b64(32)}"/></keyEncryptor></keyEncryptors></encryption>'
    )
    info = struct.pack("<HHI", 4, 4, 0x40) + xml.encode()
    package = struct.pack("<Q", len(plain)) + rng.randbytes(-(-len(plain) // 16) * 16)
    versions = struct.pack("<6H", 1, 0, 1, 0, 1, 0)
    map_entry = (
        struct.pack("<II", 1, 0) + _lp("EncryptedPackage") + _lp("StrongEncryptionDataSpace")
    )
    ds = "\x06DataSpaces"
    return _cfb(
        {
            f"{ds}/Version": _lp("Microsoft.Container.DataSpaces") + versions,
            f"{ds}/DataSpaceMap": struct.pack("<III", 8, 1, len(map_entry) + 4) + map_entry,
            f"{ds}/DataSpaceInfo/StrongEncryptionDataSpace": struct.pack("<II", 8, 1)
            + _lp("StrongEncryptionTransform"),
            f"{ds}/TransformInfo/StrongEncryptionTransform/\x06Primary": struct.pack("<II", 88, 1)
            + _lp("{FF9A3F03-56EF-4613-BDD5-5A41C1D07246}")
            + _lp("Microsoft.Container.EncryptionTransform")
            + versions
            + b"\0" * 16,
            "EncryptionInfo": info,
            "EncryptedPackage": package,
        }
    )


@cache
def _zip_bomb(member: str, gib: int = 1) -> bytes:
    """A one-member zip that unpacks ``gib`` GiB of zeros from about 1 MB.

    Written by hand from one deflate block of 1 MiB of zeros repeated (a full flush
    makes each block independent), so building it costs a CRC pass, not a compression.
    """
    zero = bytes(1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(zero) + packer.flush(zlib.Z_FULL_FLUSH)
    data = block * (gib << 10) + packer.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(gib << 10):
        crc = zlib.crc32(zero, crc)
    name, size = member.encode(), gib << 30
    local = (
        struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(name), 0
        )
        + name
    )
    central = (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0x21,
            crc,
            len(data),
            size,
            len(name),
            0,
            0,
            0,
            0,
            0,
            0,
        )
        + name
    )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    return local + data + central + end


def _nested_bomb() -> bytes:
    # A zip holding an .xlsx that is itself a bomb: the outer sizes look harmless.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("monthly/report.xlsx", _zip_bomb("xl/worksheets/sheet1.xml"))
    return buf.getvalue()


def _header_only_csv() -> bytes:
    return built("zendesk")[0].split(b"\r\n", 1)[0] + b"\r\n"


def _no_table_workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Contacts"
    sheet.append(["Name", "Extension", "Mobile", "Floor"])
    sheet.append(["Ana Souza", 4411, "+44 7700 900123", 3])
    sheet.append(["Liam Carter", 4412, "+44 7700 900456", 2])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


BAD_FILES = {
    # name: (builder, what the one line must say)
    "secret.xlsx": (lambda: encrypted_xlsx(built("servicenow")[0]), r"password|encrypt"),
    "empty.csv": (lambda: b"", r"empty"),
    "empty.xlsx": (lambda: b"", r"empty"),
    "header-only.csv": (_header_only_csv, r"empty|no (data )?rows|nothing to import"),
    "contacts.xlsx": (_no_table_workbook, r"no table|not recogni[sz]ed|nothing to import"),
    "bomb.zip": (lambda: _zip_bomb("tickets.csv"), r"bomb|refused|unpack"),
    "bundle.zip": (_nested_bomb, r"bomb|refused|unpack"),
}


def test_encrypted_workbook_is_a_real_ole_container():
    blob = encrypted_xlsx(built("servicenow")[0])
    assert blob[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    assert "EncryptedPackage".encode("utf-16-le") in blob
    assert "EncryptionInfo".encode("utf-16-le") in blob


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_is_refused_with_one_line_naming_it(mem_ws, name):
    make, problem = BAD_FILES[name]
    blob = make()
    with pytest.raises(IngestError) as caught:
        import_files(mem_ws, [(name, blob)])
    message = str(caught.value)
    assert "\n" not in message.strip(), message
    assert name in message, message
    assert re.search(problem, message, re.I), message
    assert sum(mem_ws.row_counts().values()) == 0 and mem_ws.uploads().empty


# =========================================================================== the CLI


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "svcops", *args],
        cwd=ROOT,
        text=True,
        capture_output=True,
        timeout=120,
        env={**os.environ},
    )


def _snapshot(path: Path) -> tuple:
    with Workspace(path) as w:
        return (
            w.row_counts(),
            w.uploads().drop(columns="imported_at").to_dict("records"),
            len(w.rejects()),
        )


@pytest.mark.parametrize("bad", ["secret.xlsx", "header-only.csv"])
def test_cli_exits_1_and_changes_nothing_when_one_file_is_bad(tmp_path, bad):
    workspace = tmp_path / "ws.duckdb"
    good = {}
    for tool in ("servicenow", "zendesk", "jira"):
        blob, exp = built(tool)
        good[tool] = tmp_path / exp["file"]
        good[tool].write_bytes(blob)
    first = _cli("import", str(good["servicenow"]), "--workspace", str(workspace))
    assert first.returncode == 0, first.stderr
    before = _snapshot(workspace)
    assert before[0]["tickets"] == built("servicenow")[1]["tickets"]
    bad_path = tmp_path / bad
    bad_path.write_bytes(BAD_FILES[bad][0]())
    done = _cli(
        "import",
        str(good["zendesk"]),
        str(bad_path),
        str(good["jira"]),
        "--workspace",
        str(workspace),
    )
    assert done.returncode == 1
    # A slow import reports its progress first (plain "progress:" lines when piped);
    # the refusal itself is one line.
    lines = done.stderr.strip().splitlines()
    err = "\n".join(line for line in lines if not line.startswith("progress: "))
    assert "Traceback" not in done.stderr and len(err.splitlines()) == 1, done.stderr
    assert bad in err, err
    assert _snapshot(workspace) == before
