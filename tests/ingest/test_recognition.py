"""Column recognition that generalises (issue 17): exports built the way the tools
build them, written as real files and imported through the real import path.

* Jira wraps custom fields as ``Custom field (Name)`` and repeats a header once per
  value (``Watchers``, ``Labels``);
* satisfaction arrives under survey headings (Freshdesk ``Survey results``, a Chinese
  helpdesk's ``满意度调查``);
* in-house reports use terse headers (``No.``, ``Raised``, ``Done``, ``Sev``, ``Grp``):
  recognised as tickets from their values, with the reason for each column.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import openpyxl
import pytest

from svcops.i18n import render
from svcops.ingest import IngestError, import_files, preview
from svcops.ingest.mapping import map_columns
from svcops.schema import TABLES
from svcops.store import Workspace

T0 = datetime(2026, 3, 2, 9, 0)


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def _xlsx(sheet: str, header: list[str], rows: list[list[object]]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _imported(name: str, data: bytes):
    ws = Workspace(":memory:")
    report = import_files(ws, [(name, data)])
    return ws, report


# --------------------------------------------------------------------------- Jira

JIRA_HEADER = [
    "Summary",
    "Issue key",
    "Issue id",
    "Issue Type",
    "Status",
    "Project key",
    "Priority",
    "Assignee",
    "Reporter",
    "Created",
    "Updated",
    "Resolved",
    "Watchers",
    "Watchers",
    "Labels",
    "Labels",
    "Custom field (Satisfaction)",
    "Custom field (Satisfaction date)",
    "Custom field (Team)",
    "Custom field (Request Type)",
]


def _jira_date(at: datetime | None) -> str:
    return at.strftime("%d/%b/%y %-I:%M %p") if at else ""  # Jira's CSV: 02/Mar/26 9:00 AM


def _jira_rows() -> list[list[object]]:
    rows = []
    for i in range(6):
        created = T0 + timedelta(hours=7 * i)
        resolved = created + timedelta(hours=2 + i) if i != 5 else None
        rows.append(
            [
                f"Printer {i} jams",
                f"ITSM-{101 + i}",
                str(10_500 + i),
                "Service Request",
                "Resolved" if resolved else "In Progress",
                "ITSM",
                ["High", "Medium", "Low"][i % 3],
                "ana.lee",
                "cust",
                _jira_date(created),
                _jira_date(created + timedelta(hours=9)),
                _jira_date(resolved),
                "ana.lee",
                "ben.ng" if i % 2 else "",
                "printer",
                "floor-3" if i % 2 else "",
                str([5, 4, 3, 5, 2, ""][i]),
                _jira_date(resolved + timedelta(hours=1)) if resolved else "",
                ["Desk", "Network"][i % 2],
                "Get IT help",
            ]
        )
    return rows


def test_jira_custom_fields_are_read_by_the_name_inside():
    data = _csv(JIRA_HEADER, _jira_rows())
    ws, report = _imported("Jira.csv", data)
    (shown,) = preview(None, [("Jira.csv", data)])
    assert {"Watchers", "Watchers (2)", "Labels", "Labels (2)"} <= set(shown.headers)
    (sheet,) = [s for s in report.sheets if s.table == "tickets"]
    assert sheet.rows == 6 and sheet.rejected == 0
    assert {c: sheet.mapping[c] for c in ("ticket_id", "created_at", "resolved_at")} == {
        "ticket_id": "Issue key",
        "created_at": "Created",
        "resolved_at": "Resolved",
    }
    assert sheet.mapping["csat"] == "Custom field (Satisfaction)"
    assert sheet.mapping["team"] == "Custom field (Team)"
    got = ws.query("SELECT ticket_id, team, csat FROM tickets ORDER BY ticket_id")
    assert got.team.tolist() == ["Desk", "Network"] * 3
    assert got.csat.tolist()[:5] == [5, 4, 3, 5, 2]


def test_a_wrapped_custom_field_takes_the_column_its_name_gives():
    # Alone (no Issue Type beside it), Jira Service Management's request type is the
    # category; the satisfaction date is not the satisfaction.
    mapping = map_columns(
        TABLES["tickets"],
        ["Custom field (Request Type)", "Custom field (Satisfaction date)", "customfield (Team)"],
    )
    assert mapping.columns == {
        "category": "Custom field (Request Type)",
        "team": "customfield (Team)",
    }


# --------------------------------------------------------------------------- survey headings

FRESHDESK_HEADER = [
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
    "Survey results",
    "Product",
    "Company",
]


def test_freshdesk_survey_results_are_the_satisfaction():
    stamp = "%Y-%m-%d %H:%M:%S"
    rows = []
    for i, rating in enumerate(["Happy", "Neutral", "Unhappy", "Happy", ""]):
        created = T0 + timedelta(hours=5 * i)
        done = created + timedelta(hours=3)
        rows.append(
            [
                str(2001 + i),
                f"Login fails {i}",
                "Closed",
                "Medium",
                "Email",
                "Incident",
                "Ana Lee",
                "Tier 1",
                created.strftime(stamp),
                (created + timedelta(days=1)).strftime(stamp),
                done.strftime(stamp),
                done.strftime(stamp),
                done.strftime(stamp),
                (created + timedelta(minutes=30)).strftime(stamp),
                "00:20",
                "0.5",
                "3.0",
                "2",
                "1",
                "Within SLA",
                "Within SLA",
                "",
                rating,
                "Portal",
                "Acme",
            ]
        )
    ws, report = _imported("freshdesk_tickets.csv", _csv(FRESHDESK_HEADER, rows))
    (sheet,) = report.sheets
    assert (sheet.table, sheet.rows) == ("tickets", 5)
    assert sheet.mapping["csat"] == "Survey results"
    assert sheet.mapping["team"] == "Group"
    # Happy / Neutral / Unhappy is a three-point rating: kept as given, no 1-5 score.
    got = ws.query("SELECT csat, csat_raw FROM tickets ORDER BY ticket_id")
    assert got.csat_raw.tolist()[:4] == ["Happy", "Neutral", "Unhappy", "Happy"]
    assert got.csat.isna().all()


def test_a_chinese_helpdesk_satisfaction_survey_column_is_the_satisfaction():
    header = ["工单编号", "标题", "创建时间", "解决时间", "优先级", "处理组", "满意度调查"]
    words = ["非常满意", "满意", "一般", "不满意"]
    rows = [
        [
            f"GD{300 + i}",
            f"网络故障{i}",
            T0 + timedelta(hours=i),
            T0 + timedelta(hours=i + 4),
            "高",
            "运维组",
            words[i],
        ]
        for i in range(4)
    ]
    ws, report = _imported("工单导出.xlsx", _xlsx("工单", header, rows))
    (sheet,) = report.sheets
    assert (sheet.table, sheet.rows, sheet.mapping["csat"]) == ("tickets", 4, "满意度调查")
    got = ws.query("SELECT csat FROM tickets ORDER BY ticket_id")
    assert got.csat.tolist() == [5, 4, 3, 2]


# --------------------------------------------------------------------------- terse headers


def _terse_rows() -> list[list[object]]:
    rows = []
    for i in range(12):
        raised = T0 + timedelta(hours=5 * i)
        done = raised + timedelta(hours=3 + i) if i % 4 else None  # every 4th still open
        rows.append(
            [
                f"Q{1000 + i}",
                raised,
                done,
                ["P1", "P2", "P3"][i % 3],
                ["Desk", "Network"][i % 2],
                f"call back {i}",
            ]
        )
    return rows


def test_a_terse_in_house_sheet_is_recognised_as_tickets_from_its_values():
    header = ["No.", "Raised", "Done", "Sev", "Grp", "Note"]
    data = _xlsx("Weekly", header, _terse_rows())
    ws, report = _imported("weekly.xlsx", data)
    (sheet,) = report.sheets
    assert (sheet.table, sheet.rows, sheet.rejected) == ("tickets", 12, 0)
    assert sheet.mapping == {
        "ticket_id": "No.",
        "created_at": "Raised",
        "resolved_at": "Done",
        "priority": "Sev",
        "team": "Grp",
    }
    got = ws.query(
        "SELECT count(*) AS n, count(resolved_at) AS done, "
        "count(*) FILTER (WHERE priority = 'P1') AS p1, "
        "count(*) FILTER (WHERE team = 'Network') AS network FROM tickets"
    )
    assert got.to_dict("records") == [{"n": 12, "done": 9, "p1": 4, "network": 6}]
    # The mapping check says why each column was taken.
    (shown,) = preview(Workspace(":memory:"), [("weekly.xlsx", data)])
    why = {c: render(m, "en") for c, m in shown.reasons.items()}
    assert why == {
        "created_at": "dates and times, never later than Done",
        "resolved_at": "dates and times, never earlier than Raised",
        "priority": "priority words: P1, P2, P3",
        "team": "a small set of names: Desk, Network",
    }
    assert render(shown.reasons["priority"], "zh") == "优先级词：P1, P2, P3"


def test_a_code_column_no_alias_names_is_the_ticket_id():
    # Ref holds a unique code per row; In/Out are moments, Out never before In; Lvl
    # holds priority words; Who a small set of names.
    header = ["Ref", "In", "Out", "Lvl", "Who"]
    rows = [
        [
            f"R-{i:04d}",
            (T0 + timedelta(hours=i)).strftime("%d.%m.%Y %H:%M"),
            (T0 + timedelta(hours=i, minutes=40 + 7 * i)).strftime("%d.%m.%Y %H:%M"),
            ["High", "Low"][i % 2],
            ["Desk", "Desk", "Field"][i % 3],
        ]
        for i in range(9)
    ]
    data = _csv(header, rows)
    ws, report = _imported("log.csv", data)
    (sheet,) = report.sheets
    assert sheet.table == "tickets" and sheet.rows == 9
    assert sheet.mapping == {
        "ticket_id": "Ref",
        "created_at": "In",
        "resolved_at": "Out",
        "priority": "Lvl",
        "team": "Who",
    }
    (shown,) = preview(None, [("log.csv", data)])
    assert render(shown.reasons["ticket_id"], "en") == "unique code per row (9 rows, no two alike)"
    assert render(shown.reasons["priority"], "en") == "priority words: High, Low"
    assert ws.scalar("SELECT count(*) FROM tickets WHERE priority = 'P2'") == 5
    # Not ticket-shaped: a code repeated, or neither moment always the first.
    repeated = [list(r) for r in rows]
    repeated[3][0] = repeated[2][0]
    crossed = [list(r) for r in rows]
    crossed[3][1], crossed[3][2] = crossed[3][2], crossed[3][1]
    for odd in (repeated, crossed):
        with pytest.raises(IngestError, match="no table matches its columns"):
            preview(None, [("odd.csv", _csv(header, odd))])


# --------------------------------------------------------------------------- two sheets, one ticket


def _two_sheet_book(order: list[str]) -> bytes:
    # Incidents: a ServiceNow-style sheet its headers name, INC1001-INC1006, every one
    # P1/P2/P3 at Service Desk, opened 09:00 + 2 h apart on 2 March. Weekly: a terse
    # in-house sheet recognised from its values, INC1004-INC1009 on 3 March at Network /
    # Field, P3/P4: INC1004-INC1006 are in both sheets.
    sheets = {
        "Incidents": (
            ["Number", "Opened", "Resolved", "Priority", "Assignment group"],
            [
                [
                    f"INC{1001 + i}",
                    T0 + timedelta(hours=2 * i),
                    T0 + timedelta(hours=2 * i + 3),
                    ["P1", "P2", "P3"][i % 3],
                    "Service Desk",
                ]
                for i in range(6)
            ],
        ),
        "Weekly": (
            ["No.", "Raised", "Done", "Sev", "Grp"],
            [
                [
                    f"INC{1004 + i}",
                    T0 + timedelta(days=1, hours=i),
                    T0 + timedelta(days=1, hours=2 * i + 1),
                    ["P3", "P4"][i % 2],
                    ["Network", "Field"][i % 2],
                ]
                for i in range(6)
            ],
        ),
    }
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in order:
        sheet = wb.create_sheet(name)
        header, rows = sheets[name]
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize("order", [["Incidents", "Weekly"], ["Weekly", "Incidents"]])
def test_a_headed_tickets_sheet_wins_over_one_recognised_from_its_values(order):
    ws, report = _imported("tickets.xlsx", _two_sheet_book(order))
    by_sheet = {s.sheet: (s.table, s.rows, s.rejected) for s in report.sheets}
    # Weekly keeps only the three tickets Incidents does not hold; its other three rows
    # are set aside, counted as rejected.
    assert by_sheet == {"Incidents": ("tickets", 6, 0), "Weekly": ("tickets", 3, 3)}
    got = ws.query("SELECT ticket_id, created_at, priority, team FROM tickets ORDER BY 1")
    assert got.ticket_id.tolist() == [f"INC{n}" for n in range(1001, 1010)]
    # INC1004-INC1006 as Incidents describes them: 2 March 15:00, 17:00, 19:00, P1 P2 P3.
    assert got.created_at.tolist()[3:6] == [T0 + timedelta(hours=h) for h in (6, 8, 10)]
    assert got.priority.tolist() == ["P1", "P2", "P3"] * 2 + ["P4", "P3", "P4"]
    assert got.team.tolist() == ["Service Desk"] * 6 + ["Field", "Network", "Field"]
    # Nothing vanishes: 12 rows uploaded = 9 stored + 3 set aside, each with its reason
    # and the row as uploaded (Weekly's rows 2-4: INC1004-INC1006).
    aside = ws.rejects()
    assert len(got) + len(aside) == 12
    assert aside[["sheet", "row_number", "action"]].values.tolist() == [
        ["Weekly", n, "rejected"] for n in (2, 3, 4)
    ]
    assert aside.reason.tolist() == [
        f"ticket INC{n} is in sheet Incidents too, whose headers name its columns: that row is kept"
        for n in (1004, 1005, 1006)
    ]
    assert all(f'"No.":"INC{n}"' in d for d, n in zip(aside.data, (1004, 1005, 1006), strict=True))
    zh = ws.rejects(lang="zh").reason.iloc[0]
    assert zh == "工单 INC1004 也在工作表 Incidents 中（按表头识别），保留该表中的行"


def test_a_headed_sheet_wins_over_one_whose_creation_time_was_taken_from_its_values():
    # "Logged" is no alias of created_at: that sheet's creation time is recognised from
    # its values (docs/imports.md, rule 5). INC1002 is in both sheets.
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Incidents"
    first.append(["Number", "Opened", "Priority"])
    first.append(["INC1001", T0, "P1"])
    first.append(["INC1002", T0 + timedelta(hours=1), "P2"])
    second = wb.create_sheet("Followups")
    second.append(["Ticket ID", "Summary", "Logged"])
    second.append(["INC1002", "call back", T0 + timedelta(days=2)])
    second.append(["INC1003", "new laptop", T0 + timedelta(days=3)])
    out = io.BytesIO()
    wb.save(out)
    ws, report = _imported("incidents.xlsx", out.getvalue())
    assert [(s.sheet, s.rows, s.rejected) for s in report.sheets] == [
        ("Incidents", 2, 0),
        ("Followups", 1, 1),
    ]
    got = ws.query(
        "SELECT ticket_id, created_at, coalesce(priority, '-') AS priority FROM tickets ORDER BY 1"
    )
    assert got.to_dict("list") == {
        "ticket_id": ["INC1001", "INC1002", "INC1003"],
        "created_at": [T0, T0 + timedelta(hours=1), T0 + timedelta(days=3)],
        "priority": ["P1", "P2", "-"],
    }
    (reason,) = ws.rejects().reason
    assert reason.startswith("ticket INC1002 is in sheet Incidents too")
