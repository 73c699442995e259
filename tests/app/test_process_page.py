"""The Process design page on the workspaces a user may have (issue 11): an uploaded event
log, a click on the map, the settings, an event log whose period holds no tickets."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from svcops.ingest import import_files
from svcops.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2024, 6, 3, 9)


def _log() -> bytes:
    rows = []
    for i in range(40):
        start = T0 + timedelta(hours=3 * i)
        steps = [("New", 0, "Desk"), ("Work", 1, "Desk" if i % 3 else "Network")]
        if i % 4 == 0:
            steps += [("Waiting for customer", 2, "Desk"), ("Work", 5, "Desk")]
        if i % 5 == 0:
            steps += [("Resolved", 6, "Desk"), ("Work", 7, "Network"), ("Work", 8, "Desk")]
        steps += [("Resolved", 9, "Desk"), ("Closed", 30, "Desk")]
        rows += [
            {
                "case_id": f"C{i}",
                "activity": a,
                "timestamp": start + timedelta(hours=h),
                "team": team,
            }
            for a, h, team in steps
        ]
    return pd.DataFrame(rows).to_csv(index=False).encode()


@pytest.fixture
def event_log(tmp_path, monkeypatch):
    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    with Workspace(path) as ws:
        import_files(ws, [("log.csv", _log())])
    return path


def _run(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update({"source": "own", **query})
    at.run()
    at.switch_page("views/process.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _texts(at: AppTest) -> str:
    return " ".join(
        [c.value for c in at.caption] + [m.value for m in at.markdown] + [i.value for i in at.info]
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_uploaded_event_log(event_log, lang):
    at = _run(lang=lang, start="2024-06-03", end="2024-06-30")
    said = _texts(at)
    if lang == "en":
        assert "From the uploaded event log: 204 events of the 40 tickets" in said
        # 4 events each, 2 more for every 4th (waiting), 3 more for every 5th (reopened).
        assert "8 (20%) were reopened" in said
        assert "Little's law" in said
    else:
        assert "上传的事件日志" in said and "利特尔法则" in said
    assert len(at.get("vega_lite_chart")) >= 7


def test_a_click_on_the_map_follows_its_tickets(event_log):
    at = _run(start="2024-06-03", end="2024-06-30")
    # What a click on the "Waiting for customer" box sends back.
    at.session_state["process_map_0"] = {
        "selection": {"node": [{"activity": "Waiting for customer"}], "edge": []}
    }
    at.run()
    assert not at.exception
    assert any(
        "Following the 10 tickets that pass through Waiting for customer" in i.value
        for i in at.info
    )
    assert "204 events" not in _texts(at)
    next(b for b in at.button if b.label == "Show all tickets").click().run()
    assert not any("Following" in i.value for i in at.info)
    assert "204 events" in _texts(at)


def test_business_hours_and_waiting_time_left_out(event_log):
    at = _run(start="2024-06-03", end="2024-06-30")
    at.toggle(key="process_business").set_value(True).run()
    at.toggle(key="process_skip_waiting").set_value(True).run()
    assert not at.exception
    said = _texts(at)
    assert "weekdays 09:00–17:00, less US public holidays" in said
    assert "Waiting states in this log: Waiting for customer." in said


def test_a_period_whose_tickets_have_no_events_says_which_it_covers(event_log):
    july = [{"ticket_id": f"J{i}", "created_at": datetime(2024, 7, 1 + i, 10)} for i in range(5)]
    with Workspace(event_log) as ws:
        import_files(ws, [("july.csv", pd.DataFrame(july).to_csv(index=False).encode())])
    at = _run(start="2024-07-01", end="2024-07-31")
    info = " ".join(i.value for i in at.info)
    assert "No ticket created from 2024-07-01 to 2024-07-05 has events" in info
    assert "covers tickets created from 2024-06-03 to 2024-06-08" in info
    assert len(at.get("vega_lite_chart")) == 0


def test_a_path_clicked_on_a_simplified_map_follows_its_tickets(event_log):
    at = _run(start="2024-06-03", end="2024-06-30")
    at.slider(key="process_activities").set_value(40).run()  # New, Work of 5
    assert any("2 of 5 activities" in c.value for c in at.caption)
    # Work -> Work: a reopened ticket's Work, Resolved, Work, Work with Resolved hidden,
    # and a waiting ticket's Work, Waiting for customer, Work.
    at.session_state["process_map_0"] = {
        "selection": {"node": [], "edge": [{"source": "Work", "target": "Work"}]}
    }
    at.run()
    assert not at.exception
    assert any("Following the 16 tickets that go from Work to Work" in i.value for i in at.info)


def test_ticket_only_and_empty_workspaces_in_chinese(tmp_path, monkeypatch):
    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    at = _run(lang="zh")
    assert any(i.value.startswith("还没有工单数据") for i in at.info)
    assert len(at.get("vega_lite_chart")) == 0
    rows = [
        {
            "ticket_id": f"T{i}",
            "created_at": T0 + timedelta(hours=5 * i),
            "resolved_at": T0 + timedelta(hours=5 * i + 3),
            "team": "Desk",
        }
        for i in range(30)
    ]
    with Workspace(path) as ws:
        import_files(ws, [("t.csv", pd.DataFrame(rows).to_csv(index=False).encode())])
    at = _run(lang="zh", start="2024-06-03", end="2024-06-30")
    said = _texts(at)
    assert "数据来自工单自身的时间戳" in said and "上传事件日志" in said
    assert "转派历史" in said  # what an event-log upload would add
    assert len(at.get("vega_lite_chart")) >= 4
