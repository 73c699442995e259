"""Cost reports in the shapes finance teams export import without hand mapping: a GL
extract (one row per posting), a cost centre x month matrix, a Chinese-headed 费用
report; each written as a real .xlsx and imported into a real workspace."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pyarrow as pa
import pytest

from svcops import cost
from svcops.filters import Filters
from svcops.ingest import import_paths
from svcops.ingest.matrix import month_of, months_as_rows
from svcops.ingest.read import RawSheet


def _costs(ws) -> pd.DataFrame:
    return ws.query(
        "SELECT period, amount, cost_center, category, service, budget FROM costs "
        "ORDER BY period, cost_center, amount"
    )


def test_a_gl_extract_one_row_per_posting(ws, workbook):
    gl = pd.DataFrame(
        {
            "Posting Date": [date(2025, 1, 3), date(2025, 1, 17), date(2025, 2, 4)],
            "Document No": ["D1", "D2", "D3"],
            "GL Account": ["6100 Salaries", "6400 Software", "6100 Salaries"],
            "Cost Center": ["Service Desk", "Service Desk", "Network Ops"],
            "Description": ["Jan payroll", "Licences", "Feb payroll"],
            "Amount": [1000.5, 200.0, 300.0],
            "Currency": ["USD", "USD", "USD"],
        }
    )
    report = import_paths(ws, [workbook({"GL extract": gl})])
    assert [(s.table, s.rows, s.rejected) for s in report.sheets] == [("costs", 3, 0)]
    c = _costs(ws)
    assert c["amount"].tolist() == [1000.5, 200.0, 300.0]
    assert c["category"].tolist() == ["6100 Salaries", "6400 Software", "6100 Salaries"]
    # postings count in their month: January 1200.5, the salaries are labour
    u = cost.unit_costs(ws, Filters(start=date(2025, 1, 1), end=date(2025, 2, 28)))
    assert u["opex"].tolist() == [1200.5, 300.0] and u["labour"].tolist() == [1000.5, 300.0]


def test_a_cost_centre_by_month_matrix(ws, workbook):
    matrix = pd.DataFrame(
        {
            "Cost Center": ["Service Desk", "Network Ops"],
            "Category": ["Staff", "Staff"],
            "Jan 2025": [100.0, 200.0],
            "Feb 2025": [110.0, None],  # no posting: no row
            "Mar 2025": [120.0, 220.0],
            "Total": [330.0, 420.0],
        }
    )
    report = import_paths(ws, [workbook({"Sheet1": matrix})])
    (sheet,) = report.sheets
    assert (sheet.table, sheet.rows, sheet.rejected) == ("costs", 5, 0)
    assert any(n.key == "cost.import.unpivoted" for n in sheet.notes)
    c = _costs(ws)
    assert (
        c["period"].dt.date.tolist()
        == [date(2025, 1, 1)] * 2 + [date(2025, 2, 1)] + [date(2025, 3, 1)] * 2
    )
    assert c["amount"].sum() == 750.0  # the Total column is not counted again
    b = cost.breakdown(ws, Filters(start=date(2025, 3, 1), end=date(2025, 3, 31)))
    assert dict(zip(b["name"], b["amount"], strict=True)) == {
        "Network Ops": 220.0,
        "Service Desk": 120.0,
    }


def test_a_budget_matrix_fills_the_budget_table(ws, workbook):
    plan = pd.DataFrame(
        {"Cost Centre": ["Desk"], "2025-01": [500.0], "2025-02": [500.0], "2025-03": [600.0]}
    )
    report = import_paths(ws, [workbook({"Budget": plan})])
    assert [(s.table, s.rows) for s in report.sheets] == [("budget", 3)]
    assert ws.scalar("SELECT sum(budget) FROM budget") == 1600.0


def test_a_chinese_fee_report(ws, workbook):
    fee = pd.DataFrame(
        {
            "期间": ["2025年1月", "2025年1月", "2025年2月"],
            "成本中心": ["服务台", "网络运维", "服务台"],
            "费用类别": ["人工", "软件", "人工"],
            "费用金额": [1000.0, 2000.0, 1100.0],
            "预算金额": [900.0, 2100.0, 1000.0],
        }
    )
    report = import_paths(ws, [workbook({"费用明细": fee})])
    assert [(s.table, s.rows, s.rejected) for s in report.sheets] == [("costs", 3, 0)]
    c = _costs(ws)
    assert c["period"].dt.date.tolist() == [date(2025, 1, 1)] * 2 + [date(2025, 2, 1)]
    assert c["budget"].tolist() == [900.0, 2100.0, 1000.0]
    v = cost.variance(ws, Filters(start=date(2025, 1, 1), end=date(2025, 1, 31)))
    assert dict(zip(v["cost_center"], v["variance"], strict=True)) == {
        "服务台": 100.0,
        "网络运维": -100.0,
    }
    assert cost.labour_categories(ws) == ["人工"]


@pytest.mark.parametrize(
    "header, month",
    [
        ("Jan 2025", date(2025, 1, 1)),
        ("January 2025", date(2025, 1, 1)),
        ("Sept-25", date(2025, 9, 1)),
        ("2025-03", date(2025, 3, 1)),
        ("2025/3", date(2025, 3, 1)),
        ("2025年11月", date(2025, 11, 1)),
        ("2025-03-01", date(2025, 3, 1)),
        ("Total", None),
        ("2025-13", None),
        ("Cost Center", None),
        ("March", None),  # no year: not a month column
    ],
)
def test_month_headers(header, month):
    assert month_of(header) == month


def test_a_sheet_with_one_month_column_is_left_as_it_is():
    data = pa.table({"Cost Center": ["A"], "Jan 2025": [1.0], "_row": [2]})
    raw = RawSheet("f.xlsx", "s", data)
    assert months_as_rows(raw) is raw
    text = pa.table(
        {"Name": ["A"], "Jan 2025": ["x"], "Feb 2025": ["y"], "_row": [2]}
    )  # text under the months: not amounts
    assert months_as_rows(RawSheet("f.xlsx", "s", text)).data is text


def test_unpivoted_rows_keep_their_sheet_row():
    data = pa.table(
        {"CC": ["A", "B"], "Jan 2025": [1.0, None], "Feb 2025": [2.0, 3.0], "_row": [2, 3]}
    )
    out = months_as_rows(RawSheet("f.xlsx", "s", data)).data
    assert out.column_names == ["CC", "period", "amount", "_row"]
    assert out.column("_row").to_pylist() == [2, 2, 3]
    assert out.column("amount").to_pylist() == [1.0, 2.0, 3.0]


@pytest.mark.parametrize(
    "values, fmt",
    [
        (["2025-01", "2025-12"], "%Y-%m"),
        (["2025/1", "2025/12"], "%Y/%m"),
        (["2025年1月", "2025年12月"], "%Y年%m月"),
        (["Jan-2025", "Dec-2025"], "%b-%Y"),
        (["January 2025", "March 2025"], "%B %Y"),
    ],
)
def test_a_month_without_a_day_reads_as_its_first_day(values, fmt):
    from svcops.ingest.dates import infer_datetime_formats

    guess = infer_datetime_formats(values)
    assert guess.formats[0] == fmt and guess.matched_share == 1.0


def test_a_matrix_with_date_cells_for_months_and_amounts_stored_as_text(ws, tmp_path):
    # Finance exports: the month headers are real Excel date cells, the amounts text
    # with thousands commas (a text-formatted column, a CSV pasted in) and a dash for
    # no posting.
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Cost report"
    sheet.append(["Cost Center", "Category", date(2025, 1, 1), date(2025, 2, 1), "Total"])
    sheet.append(["Service Desk", "Staff", "1,200.50", "-", "1,200.50"])
    sheet.append(["Network Ops", "Staff", "300", "2,000", "2,300"])
    path = tmp_path / "matrix.xlsx"
    book.save(path)
    report = import_paths(ws, [path])
    assert [(s.table, s.rows, s.rejected) for s in report.sheets] == [("costs", 3, 0)]
    c = _costs(ws)
    assert c["period"].dt.date.tolist() == [date(2025, 1, 1)] * 2 + [date(2025, 2, 1)]
    assert c["amount"].tolist() == [300.0, 1200.5, 2000.0]


def test_text_under_the_months_that_is_not_a_number_is_not_a_matrix():
    for bad in ("n/a", "nan", "1.2.3"):
        data = pa.table({"CC": ["A", "B"], "Jan 2025": ["1,000", bad], "Feb 2025": ["2", "3"]})
        raw = RawSheet("f.xlsx", "s", data.append_column("_row", pa.array([2, 3])))
        assert months_as_rows(raw) is raw, bad


def test_a_gl_extract_in_two_currencies_is_named_not_converted(ws, workbook):
    gl = pd.DataFrame(
        {
            "Posting Date": [date(2025, 1, 3), date(2025, 1, 17), date(2025, 1, 20)],
            "Cost Center": ["Desk", "Desk", "Net"],
            "GL Account": ["Salaries", "Software", "Salaries"],
            "Amount": [1000.0, 200.0, 300.0],
            "Currency": ["USD", " eur", "usd "],
        }
    )
    import_paths(ws, [workbook({"GL extract": gl})])
    assert cost.currencies(ws) == ["EUR", "USD"]
    # summed as they are: nothing converted
    assert cost.unit_costs(ws, Filters(start=date(2025, 1, 1)))["opex"].tolist() == [1500.0]


def test_a_report_without_a_currency_column_names_none(ws, workbook):
    import_paths(ws, [workbook({"costs": [{"period": date(2025, 1, 1), "amount": 1.0}]})])
    assert cost.currencies(ws) == []


def test_a_read_only_workspace_stored_before_the_currency_column(tmp_path, workbook):
    # The cached sample is opened read-only, so it never gains a new column.
    from svcops.store import Workspace

    path = tmp_path / "old.duckdb"
    with Workspace(path) as w:
        import_paths(w, [workbook({"costs": [{"period": date(2025, 1, 1), "amount": 1.0}]})])
        w.query("ALTER TABLE costs DROP COLUMN currency")
    with Workspace(path, read_only=True) as old:
        assert cost.currencies(old) == []
