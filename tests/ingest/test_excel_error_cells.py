"""A workbook cell whose formula ended in an error (#DIV/0!, #REF!, #VALUE!) is a value
the import cannot take, as the same text in a CSV is: it is set to empty and listed
among the rows set aside, with the error as the workbook shows it. It was read as an
empty cell without a word, so a cost of #DIV/0! vanished from every sum unseen.
#N/A stays a missing-value marker, as in a CSV."""

from __future__ import annotations

import json
from datetime import datetime

import xlsxwriter

from svcops.ingest import import_paths
from svcops.store import Workspace


def test_formula_errors_are_listed_not_emptied_unseen(tmp_path):
    path = tmp_path / "tickets.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Tickets")
    sheet.write_row(0, 0, ["Ticket ID", "Created", "Priority", "Cost", "Handle minutes"])
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    cached = {2: ("=1/0", "#DIV/0!"), 3: ("=NA()", "#N/A"), 4: ("=#REF!*2", "#REF!")}
    for i in range(6):
        row = i + 1
        sheet.write(row, 0, f"T{i}")
        sheet.write_datetime(row, 1, datetime(2026, 12, 1, 9 + i), when)
        sheet.write(row, 2, "P2")
        formula, value = cached.get(i, (f"={i}*10", i * 10))
        sheet.write_formula(row, 3, formula, None, value)
        if i == 5:
            sheet.write_formula(row, 4, '="a"+1', None, "#VALUE!")
        else:
            sheet.write(row, 4, 30 + i)
    book.close()
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (6, 0)  # rows kept, values emptied
        frame = ws.query("SELECT ticket_id, cost, handle_minutes FROM tickets ORDER BY 1")
        assert frame.cost.tolist()[:2] == [0.0, 10.0] and frame.cost.isna().tolist()[2:5] == [
            True,
            True,
            True,
        ]
        assert frame.handle_minutes.tolist()[:5] == [30, 31, 32, 33, 34]
        rejects = ws.query("SELECT data, reasons FROM rejects")
        listed = {
            json.loads(d)["Ticket ID"]: [(r["params"]["source"], r["params"]["value"]) for r in rs]
            for d, rs in zip(rejects.data, rejects.reasons.map(json.loads), strict=True)
        }
        worded = ws.rejects(lang="zh").reason.tolist()
        assert any("#DIV/0!" in w for w in worded)
    assert listed == {
        "T2": [("Cost", "#DIV/0!")],
        "T4": [("Cost", "#REF!")],
        "T5": [("Handle minutes", "#VALUE!")],
    }
