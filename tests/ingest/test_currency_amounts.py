"""Amounts written with their currency ($10,000, €1.234,50, 1 200 €, ¥1,200, 1,200 元,
USD 1,200.00, (1,200.00) as an accounting negative) are read in a money column: every
such value was set aside as not a number (and a cost report whose amounts all carried a
sign was refused). A column is in one currency: values in another are set aside, never
added to the rest; a count or a duration with a currency sign is still no number."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from svcops.i18n import render
from svcops.ingest import import_paths
from svcops.ingest.read import IngestError
from svcops.store import Workspace


def _write(path, header, rows):
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _costs(tmp_path, amounts, budgets=None):
    rows = [
        [f"2026-{i + 1:02d}", "IT", f"Account {i}", a, "" if budgets is None else budgets[i]]
        for i, a in enumerate(amounts)
    ]
    return _write(
        tmp_path / "costs.csv", ["Period", "Cost center", "Category", "Amount", "Budget"], rows
    )


def _stored(ws, column="amount"):
    frame = ws.query(f"SELECT category, {column} FROM costs ORDER BY category")
    return {c: (None if v != v else v) for c, v in zip(frame.category, frame[column], strict=True)}


@pytest.mark.parametrize(
    ("amounts", "expected"),
    [
        # dollars: thousands commas, a sign before or after the minus, accounting brackets
        (
            ["$10,000", "-$50", "($1,200.00)", "USD 1,200.00", "$-7.5", "US$ 3"],
            [10000.0, -50.0, -1200.0, 1200.0, -7.5, 3.0],
        ),
        # euros: decimal commas (the column's 1.234,50 shows it), spaced thousands, a code
        (["€1.234,50", "1 200 €", "EUR 300", "€0,99"], [1234.5, 1200.0, 300.0, 0.99]),
        # yuan: the half- and full-width yen sign, 元, the code
        (["¥1,200", "￥1200", "1,200 元", "CNY 1200", "RMB 5"], [1200.0] * 4 + [5.0]),
        # a plain amount among them is in the column's currency; brackets without a sign
        (["£2,000", "150", "(1,200.00)"], [2000.0, 150.0, -1200.0]),
    ],
)
def test_amounts_with_their_currency_are_read(tmp_path, amounts, expected):
    path = _costs(tmp_path, amounts, budgets=amounts)
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (len(amounts), 0)
        want = {f"Account {i}": v for i, v in enumerate(expected)}
        assert _stored(ws) == want
        assert _stored(ws, "budget") == want
        notes = [render(n, "en") for n in report.sheets[0].notes]
        assert any(n.startswith("Amount: amounts in ") for n in notes), notes


def test_a_column_mixing_currencies_sets_the_fewer_aside(tmp_path):
    # Three dollar amounts and one in euros: 10,000 + 200 + 30 dollars are added up; the
    # 500 euros are not (required amount: the row is set aside; budget: set to empty).
    amounts = ["$10,000", "$200", "€500", "30"]
    budgets = ["$1", "€2", "$3", "$4"]
    path = _costs(tmp_path, amounts, budgets)
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (3, 1)
        assert _stored(ws) == {"Account 0": 10000.0, "Account 1": 200.0, "Account 3": 30.0}
        assert _stored(ws, "budget") == {"Account 0": 1.0, "Account 1": None, "Account 3": 4.0}
        assert ws.scalar("SELECT sum(amount) FROM costs") == 10230.0
        rejects = ws.rejects(lang="en")
        by_row = dict(zip(rejects.row_number, rejects.reason, strict=True))
        assert by_row[4] == (
            'amount (Amount): "€500" is not in USD, the currency of the rest of the '
            "column; amounts in different currencies are not added up"
        )
        assert by_row[3].startswith('budget (Budget): "€2" is not in USD')
        zh = dict(zip(*ws.rejects(lang="zh")[["row_number", "reason"]].T.values, strict=True))
        assert "€500" in zh[4] and "USD" in zh[4] and "币种" in zh[4]
        notes = [render(n, "en") for n in report.sheets[0].notes]
        assert "Amount: amounts in USD ($); 1 in other currencies (EUR) set aside" in notes


def test_as_many_amounts_in_two_currencies_leave_the_column_unmapped(tmp_path):
    path = _costs(tmp_path, ["$10", "€20", "$30", "€40"])
    with Workspace(tmp_path / "w.duckdb") as ws, pytest.raises(IngestError) as caught:
        import_paths(ws, [path])
    assert "as many amounts in EUR and USD" in str(caught.value)


def test_a_currency_sign_in_a_count_or_a_duration_is_no_number(tmp_path):
    path = _write(
        tmp_path / "tickets.csv",
        ["Ticket ID", "Created", "Priority", "Reopen count", "Handle time", "Cost"],
        [
            ["T1", "2026-01-05 09:00", "P1", "$2", "$5", "$5"],
            ["T2", "2026-01-05 10:00", "P2", "1", "12", "(7)"],
            ["T3", "2026-01-05 11:00", "P3", "0", "(3)", "$1,000"],
            ["T4", "2026-01-05 12:00", "P3", "3", "6", "7"],
        ],
    )
    with Workspace(tmp_path / "w.duckdb") as ws:
        import_paths(ws, [path])
        frame = ws.query(
            "SELECT ticket_id, reopen_count, handle_minutes, cost FROM tickets ORDER BY 1"
        )
        rows = [tuple(None if pd.isna(v) else v for v in r) for r in frame.itertuples(index=False)]
        assert rows == [
            ("T1", None, None, 5.0),
            ("T2", 1, 12.0, -7.0),
            ("T3", 0, None, 1000.0),
            ("T4", 3, 6.0, 7.0),
        ]
        listed = ws.query("SELECT row_number, reasons FROM rejects ORDER BY 1")
        keys = sorted(
            (int(n), m["key"], m["params"]["value"])
            for n, r in zip(listed.row_number, listed.reasons, strict=True)
            for m in json.loads(r)
        )
        assert keys == [
            (2, "ingest.reason.integer", "$2"),
            (2, "ingest.reason.number", "$5"),
            (4, "ingest.reason.number", "(3)"),
        ]
