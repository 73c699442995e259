"""A column measured in time (AHT and ASA in seconds, handle time in minutes, hours on a
roster) takes a duration as its number in that unit: an Excel duration cell
(``[h]:mm:ss``, as ACD interval reports write AHT) and text ``h:mm:ss``. Every such value
was set aside from a workbook, and a CSV's column was left unmapped as 'not numbers', so
the Resource page planned without handle time."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import xlsxwriter

from svcops.ingest import import_paths
from svcops.store import Workspace


@pytest.mark.parametrize("shown", ["[h]:mm:ss", "hh:mm:ss"])  # a duration, a time of day
def test_excel_durations_in_seconds_columns(tmp_path, shown):
    path = tmp_path / "intervals.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Intervals")
    sheet.write_row(0, 0, ["Interval start", "Offered", "Answered", "AHT", "ASA"])
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    span = book.add_format({"num_format": shown})
    for i in range(4):
        sheet.write_datetime(i + 1, 0, datetime(2026, 12, 1, 9) + timedelta(minutes=30 * i), when)
        sheet.write_row(i + 1, 1, [100 + i, 90 + i])
        sheet.write_number(i + 1, 3, (200 + i) / 86400, span)  # 0:03:20, 0:03:21 ...
        sheet.write_number(i + 1, 4, (15 + i) / 86400, span)
    book.close()
    with Workspace(tmp_path / "w.duckdb") as ws:
        import_paths(ws, [path])
        frame = ws.query("SELECT aht_seconds, asa_seconds FROM intervals ORDER BY interval_start")
        assert ws.query("SELECT count(*) AS n FROM rejects").n[0] == 0
    assert frame.aht_seconds.round(6).tolist() == [200.0, 201.0, 202.0, 203.0]
    assert frame.asa_seconds.round(6).tolist() == [15.0, 16.0, 17.0, 18.0]


def test_text_durations_in_minutes_and_seconds_columns(tmp_path):
    path = tmp_path / "tickets.csv"
    path.write_text(
        "Ticket ID,Created,Priority,Handle minutes\n"
        "A1,2026-12-01 09:00,P1,1:30:00\n"
        "A2,2026-12-01 10:00,P2,0:00:30\n"
        "A3,2026-12-01 11:00,P3,12\n"
        "A4,2026-12-01 12:00,P3,1:30\n",  # h:mm or m:ss? not said: set aside
        encoding="utf-8",
    )
    with Workspace(tmp_path / "w.duckdb") as ws:
        import_paths(ws, [path])
        frame = ws.query("SELECT ticket_id, handle_minutes FROM tickets ORDER BY 1")
        listed = ws.query("SELECT row_number FROM rejects").row_number.tolist()
    assert frame.handle_minutes.tolist()[:3] == [90.0, pytest.approx(0.5), 12.0]
    assert frame.handle_minutes.isna().tolist()[3] and listed == [5]
