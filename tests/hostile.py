"""An upload whose names are hostile text, for the AppTest and browser tests of it.

Every team, category, subcategory, channel and agent is text crafted as Markdown,
HTML or a spreadsheet formula; a page must show each one as the text it is, and no
download may hand one back as a live formula.
"""

from __future__ import annotations

import io
import random
from datetime import date, datetime, timedelta

from openpyxl import Workbook

MARKDOWN = (
    "[login](http://evil.example)",
    "**bold**",
    "# head",
    ":material/home:",
    ":red[x]",
    "$x^2$",
    "<b>html</b>",
    "<img src=x onerror=alert(1)>",
)
FORMULAS = ('=HYPERLINK("http://evil.example","x")', "+cmd", "@SUM(A1)")
HOSTILE = MARKDOWN + FORMULAS
# Three channels, so the staffing forecast fits three series, not eleven.
CHANNELS = (":material/home:", "[login](http://evil.example)", FORMULAS[0])
FIRST_DAY = date(2025, 1, 6)
DAYS = 16 * 7
# Spreadsheet formula starts (OWASP, and the full-width forms Excel also reads).
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠")
COLUMNS = (
    "ticket_id",
    "created_at",
    "first_response_at",
    "resolved_at",
    "status",
    "channel",
    "category",
    "subcategory",
    "priority",
    "team",
    "agent",
    "sla_hours",
    "csat",
    "first_contact_resolved",
    "reopen_count",
    "handle_minutes",
)


def hostile_rows() -> list[tuple]:
    """Tickets over 16 weeks, ``COLUMNS`` in order; the last four weeks hold more tickets,
    most of the rise in the category, team and agent ``[login](http://evil.example)``,
    so the overview's headline names it."""
    rng = random.Random(10)
    rows = []
    for day in range(DAYS):
        extra = 12 if day >= DAYS - 28 else 0
        for j in range(20 + extra):
            i = len(rows)
            k = 0 if j >= 20 else i % len(HOSTILE)
            created = datetime.combine(
                FIRST_DAY + timedelta(days=day), datetime.min.time()
            ) + timedelta(hours=8 + rng.random() * 10)
            resolved = created + timedelta(hours=rng.uniform(1, 40))
            rows.append(
                (
                    f"H{i}",
                    created,
                    created + timedelta(minutes=rng.uniform(5, 90)),
                    resolved,
                    "Resolved",
                    CHANNELS[i % len(CHANNELS)],
                    HOSTILE[k],
                    HOSTILE[(k + 1) % len(HOSTILE)],
                    f"P{1 + i % 4}",
                    HOSTILE[(5 * k) % len(HOSTILE)],
                    HOSTILE[(k * 3 + i % 2) % len(HOSTILE)],
                    24,
                    rng.choice([1, 2, 3, 4, 5, None]),
                    rng.random() < 0.7,
                    int(rng.random() < 0.1),
                    round(rng.uniform(5, 30), 1),
                )
            )
    return rows


def hostile_workbook() -> bytes:
    """``hostile_rows`` as an .xlsx tickets sheet written by openpyxl, every text a text
    cell (openpyxl would store ``=HYPERLINK(...)`` as a formula otherwise)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "tickets"
    sheet.append(COLUMNS)
    for r, row in enumerate(hostile_rows(), start=2):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
