"""A cost report with one column per month whose amounts carry their currency ($1,200)
or an accounting negative in brackets ((200.00)): the matrix reader took such a column
for text, not amounts, so the sheet was not read as months and was refused ("no table
matches its columns"). Its amounts are now read as a money column reads them: one
currency for the sheet, an amount in another set aside with the reason, brackets as a
negative."""

from __future__ import annotations

import json

import openpyxl
import pytest

from svcops.ingest import import_paths
from svcops.ingest.read import IngestError
from svcops.store import Workspace

HEADER = ["Cost Center", "Category", "Jan 2026", "Feb 2026", "Mar 2026", "Total"]
ROWS = [
    ["Service Desk", "Staff", "$1,200", "$1,300.50", "($200.00)", "$2,300.50"],
    ["Network Ops", "Licences", 400, "-", "€500", 400],
    ["Field Service", "Travel", "(1,000)", 250, "$75", None],
]


def _workbook(path, rows):
    book = openpyxl.Workbook()
    book.active.title = "Cost report"
    for row in [HEADER, *rows]:
        book.active.append(row)
    book.save(path)
    return path


def _csv(path, rows):
    def cell(v):
        return "" if v is None else f'"{v}"'

    path.write_text(
        "\n".join(",".join(cell(v) for v in r) for r in [HEADER, *rows]) + "\n", encoding="utf-8"
    )
    return path


@pytest.mark.parametrize("write", [_csv, _workbook], ids=["csv", "xlsx"])
def test_month_columns_read_amounts_with_their_currency(tmp_path, write):
    path = write(tmp_path / f"costs.{'csv' if write is _csv else 'xlsx'}", ROWS)
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        # 8 filled month cells (Network Ops' February is a dash: no posting); the €500
        # is set aside, the other seven are dollars (a plain number is in the sheet's).
        assert [(s.table, s.rows, s.rejected) for s in report.sheets] == [("costs", 7, 1)]
        frame = ws.query(
            "SELECT cost_center, strftime(period, '%Y-%m') AS month, amount "
            "FROM costs ORDER BY cost_center, period"
        )
        assert [tuple(r) for r in frame.itertuples(index=False)] == [
            ("Field Service", "2026-01", -1000.0),
            ("Field Service", "2026-02", 250.0),
            ("Field Service", "2026-03", 75.0),
            ("Network Ops", "2026-01", 400.0),
            ("Service Desk", "2026-01", 1200.0),
            ("Service Desk", "2026-02", 1300.5),
            ("Service Desk", "2026-03", -200.0),
        ]
        # 1200 + 1300.5 - 200 + 400 - 1000 + 250 + 75: the euros are not added in
        assert ws.scalar("SELECT sum(amount) FROM costs") == 2025.5
        listed = ws.query("SELECT row_number, reasons FROM rejects")
        assert [
            (int(n), m["key"], m["params"]["value"], m["params"]["currency"])
            for n, r in zip(listed.row_number, listed.reasons, strict=True)
            for m in json.loads(r)
        ] == [(3, "ingest.reason.currency", "€500", "USD")]
        zh = ws.rejects(lang="zh").reason.tolist()
        assert len(zh) == 1 and "€500" in zh[0] and "USD" in zh[0] and "币种" in zh[0]


def test_month_columns_with_as_many_amounts_in_two_currencies_are_refused(tmp_path):
    rows = [["Desk", "Staff", "$10", "€20", None, None], ["Net", "Staff", "€30", "$40", None, None]]
    path = _csv(tmp_path / "costs.csv", rows)
    with Workspace(tmp_path / "w.duckdb") as ws, pytest.raises(IngestError) as caught:
        import_paths(ws, [path])
    assert "as many amounts in EUR and USD" in str(caught.value)
