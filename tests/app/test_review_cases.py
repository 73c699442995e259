"""Cases an independent review of the pages found, each kept fixed by a test."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def _own(tmp_path, monkeypatch, rows) -> None:
    from svcops.ingest import import_files
    from svcops.store import Workspace

    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        pd.DataFrame(rows).to_excel(writer, sheet_name="tickets", index=False)
    with Workspace(path) as ws:
        import_files(ws, [("tickets.xlsx", buf.getvalue())])


def _run(page: str, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update(query)
    at.run()
    if page != "views/overview.py":
        at.switch_page(page)
        at.run()
    return at


def test_a_link_with_dates_outside_the_data_opens_on_the_default_range(tmp_path, monkeypatch):
    day = datetime(2024, 1, 1, 9)
    _own(
        tmp_path,
        monkeypatch,
        [{"ticket_id": f"T{i}", "created_at": day + timedelta(days=i)} for i in range(60)],
    )
    at = _run("views/overview.py", source="own", start="2030-01-01", end="2030-02-01")
    assert not at.exception
    # Not the data's last day alone: the last 28 days that hold data.
    assert (at.query_params["start"], at.query_params["end"]) == ("2024-02-02", "2024-02-29")


def test_resource_plans_a_channel_without_recent_arrivals_from_all_its_tickets(
    tmp_path, monkeypatch
):
    # Team B stops creating tickets in March; the period runs to July: no arrivals in
    # the last 13 weeks to shape B's intraday plan.
    start = datetime(2025, 1, 1, 9)
    rows = [
        {
            "ticket_id": f"A{i}",
            "created_at": start + timedelta(hours=13 * i),
            "resolved_at": start + timedelta(hours=13 * i + 2),
            "team": "A",
            "channel": "email",
        }
        for i in range(370)
    ]
    rows += [
        {
            "ticket_id": f"B{i}",
            "created_at": start + timedelta(hours=7 * i),
            "resolved_at": start + timedelta(hours=7 * i + 2),
            "team": "B",
            "channel": "email",
        }
        for i in range(200)
    ]
    _own(tmp_path, monkeypatch, rows)
    at = _run("views/resource.py", source="own", team="B", start="2025-01-01", end="2025-07-19")
    assert not at.exception, [e.value for e in at.exception]
    # The plan is made, and says B's intraday shape comes from all its tickets (it had
    # none in the last 13 weeks) instead of refusing the page.
    assert not at.error, [e.value for e in at.error]
    models = next(d.value for d in at.dataframe if "Intraday shape from" in d.value.columns)
    assert models["Intraday shape from"].tolist() == ["all its tickets (none in the last 13 weeks)"]
