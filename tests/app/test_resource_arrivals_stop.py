"""Resource page on an export whose arrivals stop months before its last closure: the
page says the history ends at the last arrival and the plan starts the day after, counts
the backlog open then, and writes its dates so they never break at a hyphen."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from svcops.ingest import import_paths
from svcops.store import Workspace
from tests.forecast.test_arrivals_stop import stopped_rows

ROOT = Path(__file__).resolve().parents[2]
NB = "\u2011"  # the non-breaking hyphen


@pytest.fixture
def stopped_path(tmp_path, monkeypatch, workbook):
    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    with Workspace(path) as ws:
        import_paths(ws, [workbook({"tickets": stopped_rows()})])
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
    assert "2024-0" not in " ".join([*captions, *accuracy])
