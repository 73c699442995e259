"""python -m svcops cost: the breakdown, budget variance and outlook, as JSON and text."""

from __future__ import annotations

import json
from datetime import date

import pytest

from svcops.cli import main
from svcops.ingest import import_paths
from svcops.store import Workspace

from .test_cost import BUDGET, LINES, SPEND


def _workspace(tmp_path, workbook, sheets):
    path = tmp_path / "w.duckdb"
    with Workspace(path) as ws:
        import_paths(ws, [workbook(sheets)])
    return path


def test_cost_json_prints_breakdown_variance_and_outlook(tmp_path, workbook, capsys):
    path = _workspace(tmp_path, workbook, {"costs": LINES})
    code = main(["cost", "--workspace", str(path), "--start", "2025-01-10", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["months"] == {"first": "2025-01-01", "last": "2025-01-01"}
    centres = {r["name"]: r for r in out["breakdown"]["cost_center"]}
    assert centres["Desk"]["amount"] == 1200.0 and centres["Desk"]["share"] == 0.6
    assert out["variance"]["total"] == {"actual": 2000.0, "budget": 1650.0, "variance": 350.0}
    first = out["variance"]["lines"][0]
    assert (first["cost_center"], first["category"], first["status"]) == (
        "Net",
        "Contract",
        "unbudgeted",
    )
    assert out["outlook"]["ytd"] == 1200.0 + 800.0
    assert out["note"] is None


def test_cost_outlook_with_an_april_fiscal_year(tmp_path, workbook, capsys):
    path = _workspace(tmp_path, workbook, {"costs": SPEND, "budget": BUDGET})
    args = ["cost", "--workspace", str(path), "--end", "2025-07-31", "--fy-start", "4"]
    assert main([*args, "--json"]) == 0
    o = json.loads(capsys.readouterr().out)["outlook"]
    assert o["fiscal_year"] == ["2025-04-01", "2026-03-01"]
    assert (o["months_elapsed"], o["months_unreported"]) == (4, 0)
    assert (o["ytd"], o["run_rate"], o["straight_line"]) == (9000.0, 2250.0, 27000.0)
    assert (o["budget"], o["projected_over"]) == (24100.0, 2900.0)
    assert o["budget_runs_out"] == date(2026, 2, 21).isoformat()
    assert main([*args, "--currency", "EUR", "--team", "A"]) == 0
    text = capsys.readouterr().out
    assert "(EUR)" in text and "budget runs out: 2026-02-21" in text
    assert "not split by team" in text  # the cost report ignores the team filter


def test_cost_without_a_cost_report_says_so(tmp_path, capsys):
    path = tmp_path / "empty.duckdb"
    Workspace(path).close()
    assert main(["cost", "--workspace", str(path)]) == 1
    assert "no cost report" in capsys.readouterr().err


def test_cost_warns_when_the_report_mixes_currencies(tmp_path, workbook, capsys):
    lines = [
        {"period": date(2025, 1, 1), "amount": 100.0, "cost_center": "A", "currency": "USD"},
        {"period": date(2025, 1, 1), "amount": 50.0, "cost_center": "B", "currency": "EUR"},
    ]
    path = _workspace(tmp_path, workbook, {"costs": lines})
    assert main(["cost", "--workspace", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["report_currencies"] == ["EUR", "USD"]
    assert out["variance"]["total"]["actual"] == 150.0
    assert main(["cost", "--workspace", str(path)]) == 0
    assert "mixes currencies (EUR, USD); summed, not converted" in capsys.readouterr().out


def test_the_cli_uses_the_workspaces_currency_and_fiscal_year_unless_given(tmp_path, capsys):
    from svcops.ingest import import_files

    path = tmp_path / "w.duckdb"
    with Workspace(path) as ws:
        import_files(ws, [("costs.csv", b"period,amount,cost_center\n2025-05-01,100,Desk\n")])
        assert ws.setting("cost.currency") is None
        ws.save_setting("cost.currency", "CNY")
        ws.save_setting("cost.fy_start", "4")
        ws.save_setting("cost.currency", "EUR")  # replaced, not doubled
        assert ws.setting("cost.currency") == "EUR"
    assert main(["cost", "--workspace", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["currency"] == "EUR"
    assert out["outlook"]["fiscal_year"][0][:7] == "2025-04"
    assert (
        main(["cost", "--workspace", str(path), "--json", "--currency", "", "--fy-start", "1"]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["currency"] == "" and out["outlook"]["fiscal_year"][0][:7] == "2025-01"
    with Workspace(path, read_only=True) as ro, pytest.raises(ValueError):
        ro.save_setting("cost.currency", "USD")
