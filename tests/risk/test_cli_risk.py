"""``python -m svcops risk``: the register with scores and bands, the heat-map cells and
each indicator's value and status (issue 14)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pandas as pd

from svcops.cli import main
from svcops.ingest import import_paths
from svcops.store import Workspace
from tests.conftest import write_workbook
from tests.risk.test_register import ENGLISH


def _workspace(tmp_path) -> str:
    # The English register, and tickets: team A has 30 open since January (every one
    # older than 14 days at each period end: backlog ageing 100%, red for 10 periods),
    # and on 2024-03-20 four P3 tickets done, one of them after 30 h (SLA 24 h).
    t0 = datetime(2024, 3, 19, 8)
    tickets = [
        {"ticket_id": f"O{i}", "created_at": datetime(2024, 1, 2, 9), "team": "A", "priority": "P3"}
        for i in range(30)
    ] + [
        {
            "ticket_id": f"D{i}",
            "created_at": t0,
            "resolved_at": t0 + timedelta(hours=h),
            "team": "B",
            "priority": "P3",
        }
        for i, h in enumerate([30, 25.5, 27, 28])
    ]
    register = [dict(r) for r in ENGLISH]
    register[0]["Linked indicators"] = "backlog_ageing"
    path = tmp_path / "w.duckdb"
    book = write_workbook(
        tmp_path / "data.xlsx", {"Risks": register, "Tickets": pd.DataFrame(tickets)}
    )
    with Workspace(path) as ws:
        import_paths(ws, [book])
    return str(path)


def test_json_has_register_cells_indicators_and_suggestions(tmp_path, capsys):
    path = _workspace(tmp_path)
    assert main(["risk", "--workspace", path, "--end", "2024-03-21", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["as_of"] == "2024-03-21"
    reg = {r["risk_id"]: r for r in out["register"]}
    assert (reg["R-1"]["score"], reg["R-1"]["band"]) == (20, "critical")
    assert (reg["R-1"]["residual_score"], reg["R-1"]["residual_band"]) == (12, "high")
    assert reg["R-1"]["overdue"] and reg["R-1"]["days_overdue"] == 20
    assert reg["R-1"]["indicators"] == ["backlog_ageing"] and reg["R-1"]["review"]
    assert not reg["R-2"]["review"]
    residual = {(c["likelihood"], c["impact"]): c for c in out["cells"]["residual"]}
    assert residual[(4, 3)]["ids"] == "R-1" and residual[(3, 5)]["count"] == 1
    assert sum(c["count"] for c in out["cells"]["residual"]) == 4
    kris = {k["indicator"]: k for k in out["indicators"]}
    # All four P3 done on 03-20 breached: 4 of 4; A's backlog all older than 14 days.
    assert kris["sla_breach_rate"]["value"] == 1.0 and kris["sla_breach_rate"]["status"] == "red"
    assert kris["backlog_ageing"]["scope"] == "A" and kris["backlog_ageing"]["red_run"] == 10
    assert kris["p1_resolution_hours"]["value"] is None
    assert "P1" in kris["p1_resolution_hours"]["note"]
    assert [s["risk_id"] for s in out["review_suggested"]] == ["R-1"]
    assert "red for 10 periods in a row" in out["review_suggested"][0]["evidence"]


def test_text_and_bad_bands(tmp_path, capsys):
    path = _workspace(tmp_path)
    assert main(["risk", "--workspace", path, "--end", "2024-03-21"]) == 0
    text = capsys.readouterr().out
    assert "R-1 Backlog outgrows the team: 20 critical -> residual 12 high" in text
    assert "review suggested: R-1" in text
    # An indicator without a value says why, not "no value none".
    assert "  downtime_share: no value (no availability data" in text
    assert "none" not in text.replace("(none)", "")
    assert main(["risk", "--workspace", path, "--critical", "10", "--high", "12"]) == 1
    assert "Bands must rise" in capsys.readouterr().err
