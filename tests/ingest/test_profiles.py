"""Mapping corrections: preview without writing, overrides, named profiles that apply
themselves to the next export of the same shape, and the CLI's --profile."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from svcops.cli import main
from svcops.ingest import IngestError, import_files, preview
from svcops.ingest.mapping import Mapping
from svcops.ingest.profiles import get_profile, list_profiles, save_profile, signature
from svcops.schema import TABLES

# An in-house export no alias knows: "Ref", "Logged", "Fixed", "Urgency level".
ROWS = [
    {
        "Ref": f"H-{i}",
        "Logged": datetime(2024, 5, 1, 9) + timedelta(hours=i),
        "Fixed": datetime(2024, 5, 1, 12) + timedelta(hours=i),
        "Urgency level": "High",
    }
    for i in range(6)
]
FIX = Mapping(
    TABLES["tickets"],
    {
        "ticket_id": "Ref",
        "created_at": "Logged",
        "resolved_at": "Fixed",
        "priority": "Urgency level",
    },
)


def test_preview_writes_nothing(ws, workbook):
    unknown = workbook({"export": ROWS}, "may.xlsx").read_bytes()
    with pytest.raises(IngestError, match="may.xlsx: nothing to import .*no table matches"):
        preview(ws, [("may.xlsx", unknown)])
    known = workbook(
        {"export": [{"Ticket ID": "A", "Created": datetime(2024, 5, 1)}]}, "ok.xlsx"
    ).read_bytes()
    (sheet,) = preview(ws, [("ok.xlsx", known)])
    assert (sheet.table, sheet.mapping) == (
        "tickets",
        {"ticket_id": "Ticket ID", "created_at": "Created"},
    )
    assert ws.uploads().empty and ws.row_counts()["tickets"] == 0


def test_override_then_profile_applies_itself_next_month(ws, workbook):
    may = workbook({"export": ROWS}, "may.xlsx").read_bytes()
    report = import_files(ws, [("may.xlsx", may)], overrides={("may.xlsx", "export"): FIX})
    assert report.sheets[0].rows == 6
    assert ws.query("SELECT count(*) AS n FROM tickets WHERE priority = 'P2'").n[0] == 6
    save_profile(ws, "helpdesk-x", list(ROWS[0]), FIX)

    june_rows = [{**r, "Ref": r["Ref"].replace("H", "J")} for r in ROWS]
    june = workbook({"Sheet1": june_rows}, "june.xlsx").read_bytes()
    sheets = preview(ws, [("june.xlsx", june)])
    assert sheets[0].table == "tickets" and sheets[0].mapping == FIX.columns
    assert "mapping profile 'helpdesk-x' applied" in str(sheets[0].notes[0])
    report = import_files(ws, [("june.xlsx", june)])
    assert report.sheets[0].rows == 6 and ws.row_counts()["tickets"] == 12


def test_profiles_are_listed_replaced_and_checked(ws):
    headers = list(ROWS[0])
    save_profile(ws, "p", headers, FIX)
    save_profile(ws, "p", headers, FIX)  # same name replaces
    assert [p.name for p in list_profiles(ws)] == ["p"]
    assert get_profile(ws, "p").signature == signature(reversed(headers))  # order-free
    with pytest.raises(ValueError, match="no such column"):
        save_profile(ws, "bad", ["Ref"], FIX)
    with pytest.raises(ValueError, match="tickets needs created_at"):
        save_profile(ws, "short", headers, Mapping(TABLES["tickets"], {"ticket_id": "Ref"}))
    with pytest.raises(ValueError, match="no mapping profile named 'nope'"):
        get_profile(ws, "nope")


def test_cli_profile_option(tmp_path, workbook, capsys):
    from svcops.store import Workspace

    path = tmp_path / "w.duckdb"
    with Workspace(path) as ws:
        save_profile(ws, "helpdesk-x", list(ROWS[0]), FIX)
    book = workbook({"anything": ROWS}, "july.xlsx")
    assert main(["import", str(book), "--workspace", str(path), "--profile", "helpdesk-x"]) == 0
    out = capsys.readouterr().out
    assert "july.xlsx / anything -> tickets: 6 rows imported" in out
    assert "mapping profile 'helpdesk-x' applied" in out
    assert main(["import", str(book), "--workspace", str(path), "--profile", "nope"]) == 1
    assert "no mapping profile named 'nope'" in capsys.readouterr().err


def test_a_column_of_timestamps_is_taken_as_created_by_its_values(ws, workbook):
    rows = [
        {
            "Ticket ID": f"V{i}",
            "Summary": "printer",
            "Logged": datetime(2024, 5, 2, 8 + i),
            "Due": "2024-05-09 17:00",
        }
        for i in range(5)
    ]
    (sheet,) = preview(ws, [("v.xlsx", workbook({"export": rows}).read_bytes())])
    assert sheet.table == "tickets" and sheet.mapping["created_at"] == "Logged"
    assert sheet.confidence["created_at"] == 0.6
    assert "Logged: taken as created_at from its values" in str(sheet.notes[0])
    # A sheet with no column of dates and times is still refused, naming the reason.
    plain = [{"Ticket ID": "V1", "Summary": "printer"}]
    with pytest.raises(IngestError, match="no table matches"):
        preview(ws, [("w.xlsx", workbook({"export": plain}).read_bytes())])


def test_a_guessed_creation_time_never_overrides_an_event_logs_first_event(ws, workbook):
    rows = [
        {
            "Number": "INC2",
            "State": "New",
            "Updated": datetime(2024, 1, 10, 9),
            "Assigned to": "Ann",
        },
        {
            "Number": "INC2",
            "State": "Resolved",
            "Updated": datetime(2024, 1, 11, 9),
            "Assigned to": "Ann",
        },
    ]
    import_files(ws, [("log.xlsx", workbook({"export": rows}).read_bytes())])
    t = ws.query("SELECT created_at, resolved_at FROM tickets").iloc[0]
    assert t.created_at == datetime(2024, 1, 10, 9)  # the first event
    assert t.resolved_at == datetime(2024, 1, 11, 9)  # closed by its last activity
    assert ws.row_counts()["events"] == 2


@pytest.mark.parametrize(
    "headers, created",
    [
        (["Key", "Summary", "Last updated date", "Logged time"], "Logged time"),
        (["Key", "Summary", "Due date", "Raised"], "Raised"),
        (["Key", "Summary", "Closed", "When"], "When"),
    ],
)
def test_the_opening_moment_wins_over_other_moments(headers, created):
    from svcops.ingest.mapping import created_from_values

    timey = set(headers[2:])
    mapping = created_from_values(headers, lambda h: h in timey)
    assert mapping.columns["created_at"] == created


def test_a_sheet_the_user_skips_is_not_imported(ws, workbook):
    book = workbook(
        {
            "roster": [{"date": datetime(2024, 1, 2), "scheduled_hours": 8, "team": "A"}],
            "costs": [{"period": datetime(2024, 1, 1), "amount": 10.0}],
        }
    ).read_bytes()
    report = import_files(ws, [("b.xlsx", book)], overrides={("b.xlsx", "costs"): None})
    assert [s.table for s in report.sheets] == ["roster"]
    assert ws.row_counts()["costs"] == 0
    assert ("b.xlsx", "costs", "skipped, as chosen on the mapping check") in [
        (f, s, str(r)) for f, s, r in report.skipped
    ]
