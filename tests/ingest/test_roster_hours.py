"""A roster that gives each shift's start and end but no hours column (as most
workforce tools export it) is a roster: its scheduled hours are the shifts' lengths
(SPEC: scheduled_hours "or derivable from shift times"). A shift whose hours cannot be
worked out is set aside with the reason, never stored without hours."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import openpyxl
import pytest

from svcops.ingest import IngestError, import_paths, preview
from svcops.store import Workspace

ROSTER_CSV = (
    "Date,Agent,Team,Shift start,Shift end\n"
    "2026-03-02,Ann,Desk,2026-03-02 08:00,2026-03-02 16:30\n"
    "2026-03-02,Bo,Desk,2026-03-02 22:00,2026-03-03 06:00\n"  # a night shift: 8 h
    "2026-03-03,Cy,Desk,2026-03-03 09:00,2026-03-03 09:00\n"  # ends as it starts
    "2026-03-03,Di,Desk,2026-03-03 09:00,\n"  # no end
)


def test_hours_are_the_shifts_lengths_and_a_shift_without_them_is_set_aside(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER_CSV, encoding="utf-8")
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        (sheet,) = report.sheets
        assert (sheet.table, sheet.rows, sheet.rejected) == ("roster", 2, 2)
        assert [n.key for n in sheet.notes] == ["ingest.note.derived"]
        assert sheet.notes[0].params == {
            "column": "scheduled_hours",
            "sources": "Shift start, Shift end",
        }
        hours = ws.query("SELECT agent, scheduled_hours FROM roster ORDER BY agent")
        assert dict(zip(hours.agent, hours.scheduled_hours, strict=True)) == {
            "Ann": 8.5,  # 08:00-16:30
            "Bo": 8.0,  # 22:00-06:00 the next day
        }
        rejects = ws.query("SELECT row_number, reasons, data FROM rejects ORDER BY 1")
        assert rejects.row_number.tolist() == [4, 5]
        reasons = [json.loads(r)[0] for r in rejects.reasons]
        assert [r["key"] for r in reasons] == ["ingest.reason.derived_scheduled_hours"] * 2
        assert [(r["params"]["shift_start"], r["params"]["shift_end"]) for r in reasons] == [
            ("2026-03-03 09:00", "2026-03-03 09:00"),
            ("2026-03-03 09:00", ""),
        ]
        assert json.loads(rejects.data[1])["Agent"] == "Di"
        worded = ws.rejects(lang="zh").reason.tolist()
        assert worded[1] == (
            "scheduled_hours：无法由班次开始（“2026-03-03 09:00”）与结束（“”）推算工时，"
            "两者都须填写且结束晚于开始"
        )


def test_a_workbook_of_dates_and_times_of_day(tmp_path):
    """Date in one column, times of day in two (svcops/ingest/split_times.py gives them
    the row's date; a shift ending before it starts ends the next day)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Schedule"
    sheet.append(["Date", "Employee", "Group", "Start time", "End time"])
    sheet.append([date(2026, 3, 2), "Ann", "Desk", time(9, 0), time(17, 15)])
    sheet.append([date(2026, 3, 2), "Bo", "Desk", time(21, 0), time(5, 0)])
    path = tmp_path / "schedule.xlsx"
    book.save(path)
    with Workspace(tmp_path / "w.duckdb") as ws:
        (shown,) = preview(ws, [("schedule.xlsx", path)])
        assert shown.table == "roster"
        assert "ingest.note.derived" in [n.key for n in shown.notes]
        import_paths(ws, [path])
        rows = ws.query("SELECT agent, shift_start, shift_end, scheduled_hours FROM roster")
        got = {
            r.agent: (r.shift_start.to_pydatetime(), r.shift_end.to_pydatetime(), r.scheduled_hours)
            for r in rows.itertuples()
        }
    assert got == {
        "Ann": (datetime(2026, 3, 2, 9), datetime(2026, 3, 2, 17, 15), 8.25),
        "Bo": (datetime(2026, 3, 2, 21), datetime(2026, 3, 3, 5), 8.0),
    }


def test_an_hours_column_wins_over_the_shift_times(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(
        "Date,Agent,Shift start,Shift end,Hours\n"
        "2026-03-02,Ann,2026-03-02 08:00,2026-03-02 16:30,8\n",  # 8.5 h less a break
        encoding="utf-8",
    )
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert not report.sheets[0].notes
        assert ws.query("SELECT scheduled_hours FROM roster").scheduled_hours.tolist() == [8.0]


def test_dates_and_times_with_no_one_on_shift_are_not_a_roster(tmp_path):
    """A maintenance-window list (Date, Start, End, System) names no agent or team:
    without hours it is not taken for a roster."""
    path = tmp_path / "windows.csv"
    path.write_text(
        "Date,Start,End,System\n2026-03-02,2026-03-02 22:00,2026-03-02 23:00,Mail\n"
        "2026-03-09,2026-03-09 22:00,2026-03-10 01:00,ERP\n",
        encoding="utf-8",
    )
    with Workspace(tmp_path / "w.duckdb") as ws:
        with pytest.raises(IngestError, match="no table matches its columns"):
            preview(ws, [("windows.csv", path)])
