"""A file whose name's suffix does not say what it holds is read as what it holds: a
tab-separated text saved as ``.xls`` (as many ticketing and telephony systems name their
"Excel" export), a workbook renamed ``.csv``. The first was refused as 'not a readable
workbook', the second as text in no known encoding. The import report says so."""

from __future__ import annotations

import pytest
import xlsxwriter

from svcops.i18n import render
from svcops.ingest import IngestError, import_paths
from svcops.store import Workspace

TEXT = "Ticket ID\tCreated\tPriority\nA1\t2026-12-01 09:00\tP1\nA2\t2026-12-01 10:00\tP2\n"


def _notes(report, lang="en") -> str:
    return " ".join(render(n, lang) for s in report.sheets for n in s.notes)


def test_text_saved_as_xls_is_read_as_text(tmp_path):
    path = tmp_path / "export.xls"
    path.write_text(TEXT, encoding="utf-8")
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (2, 0)
        assert ws.query("SELECT ticket_id FROM tickets ORDER BY 1").ticket_id.tolist() == [
            "A1",
            "A2",
        ]
    assert "export.xls" in _notes(report) and "text" in _notes(report)
    assert "文本" in _notes(report, "zh")


def test_a_workbook_named_csv_is_read_as_a_workbook(tmp_path):
    path = tmp_path / "export.csv"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Tickets")
    sheet.write_row(0, 0, ["Ticket ID", "Created", "Priority"])
    sheet.write_row(1, 0, ["A1", "2026-12-01 09:00", "P1"])
    sheet.write_row(2, 0, ["A2", "2026-12-01 10:00", "P2"])
    book.close()
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (2, 0)
    assert "workbook" in _notes(report) and "工作簿" in _notes(report, "zh")


def test_a_damaged_xls_is_still_refused_in_one_line(tmp_path):
    path = tmp_path / "export.xls"
    path.write_bytes(b"\x00\x01\x02 not a workbook \xff\xfe\x00")
    with Workspace(tmp_path / "w.duckdb") as ws, pytest.raises(IngestError) as caught:
        import_paths(ws, [path])
    assert str(caught.value).startswith("export.xls: ") and "\n" not in str(caught.value)
