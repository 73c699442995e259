"""Resource page on an export whose arrivals stop months before its last closure: the
page says the history ends at the last arrival and the plan starts the day after, counts
the backlog open then, and writes its dates so they never break at a hyphen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from svcops.ingest import import_paths
from svcops.store import Workspace
from tests.forecast.test_arrivals_stop import stopped_rows

ROOT = Path(__file__).resolve().parents[2]
NB = "\u2011"  # the non-breaking hyphen
# One person an hour a day in the last arrivals week, Monday 5 to Friday 9 February: the
# roster ends before the plan, which compares against it as a typical week.
ROSTER = [
    {
        "date": datetime(2024, 2, d),
        "team": "Desk",
        "agent": "Ann",
        "shift_start": datetime(2024, 2, d, 9),
        "shift_end": datetime(2024, 2, d, 10),
        "scheduled_hours": 1,
        "hourly_cost": 20,
    }
    for d in range(5, 10)
]


@pytest.fixture
def stopped_path(tmp_path, monkeypatch, workbook):
    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    with Workspace(path) as ws:
        import_paths(ws, [workbook({"tickets": stopped_rows(), "roster": ROSTER})])
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_plans_from_the_last_arrival_with_unbroken_dates(stopped_path, lang) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update({"source": "own", "lang": lang})
    at.run()
    at.switch_page("views/resource.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]  # the plan was drawn
    captions = [c.value for c in at.caption]
    # 40 days of arrivals to 9 February; the data's last day (15 June) is not the start.
    start, end = f"2024{NB}02{NB}10", f"2024{NB}02{NB}09"
    assert any(start in c and end in c for c in captions), captions
    # The backlog: the ten tickets open on the plan's first day, and the caption says when.
    models = at.dataframe[0].value
    assert models.columns[-1] in ("Open now", "当前未结")
    assert models.iloc[:, -1].tolist() == ["10"]
    workload = next(c for c in captions if "Workload" in c or "工作量模型" in c)
    assert start in workload
    # The accuracy sentence: 28 days scored, 13 January to 9 February, hyphens unbroken.
    accuracy = [m.value for m in at.markdown if "WAPE" in m.value]
    assert len(accuracy) == 1
    assert f"2024{NB}01{NB}13" in accuracy[0] and end in accuracy[0]
    # The roster's last day and the weeks at risk (the plan's 28 days from Saturday 10
    # February touch five weeks from Monday 5 February), unbroken too.
    typical = next(c for c in captions if "typical week" in c or "典型周" in c)
    assert f"2024{NB}02{NB}09" in typical
    risk = next(m.value for m in at.markdown if "Weeks at risk" in m.value or "风险周" in m.value)
    weeks = ["02-05", "02-12", "02-19", "02-26", "03-04"]
    assert all(f"2024{NB}{w.replace('-', NB)}" in risk for w in weeks), risk
    texts = [*captions, *(m.value for m in at.markdown)]
    assert not any("2024-0" in text for text in texts), texts


def test_without_channels_the_staffing_table_names_the_total_as_the_forecast_does(
    tmp_path, monkeypatch, workbook
) -> None:
    # The same tickets without a channel: the forecast's one series is named Total, and
    # so is the staffing table's one row (it said "(none)").
    rows = [{k: v for k, v in r.items() if k != "channel"} for r in stopped_rows()]
    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    with Workspace(path) as ws:
        import_paths(ws, [workbook({"tickets": rows})])
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update({"source": "own"})
    at.run()
    at.switch_page("views/resource.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    accuracy = [m.value for m in at.markdown if "WAPE" in m.value]
    assert len(accuracy) == 1 and accuracy[0].startswith("- Total: ")
    assert at.dataframe[0].value.iloc[:, 0].tolist() == ["Total"]
