"""The Resource page on a workspace that holds only a per-call log (issue 17): the calls'
interval statistics give the demand, the handle time and the intraday shape."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from svcops.ingest import import_files
from svcops.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT.parent / "shared" / "realdata" / "anonymous_bank_callcenter_1999"
DAY0 = datetime(2026, 2, 2)  # a Monday
DAYS = 21


def _call_log() -> bytes:
    """Three weeks of calls, 09:00-11:59: four calls an hour on weekdays, two at the
    weekend, each answered 10 s after it starts and handled for 300 s."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Call ID", "Call Start", "Answer Time", "Call End"])
    n = 0
    for day in range(DAYS):
        date = DAY0 + timedelta(days=day)
        per_hour = 4 if date.weekday() < 5 else 2
        for hour in (9, 10, 11):
            for k in range(per_hour):
                start = date + timedelta(hours=hour, minutes=k * 60 // per_hour)
                answer, end = start + timedelta(seconds=10), start + timedelta(seconds=310)
                n += 1
                writer.writerow([n, *(f"{t:%Y-%m-%d %H:%M:%S}" for t in (start, answer, end))])
    return out.getvalue().encode()


def _run() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=240)
    at.query_params.update({"source": "own"})
    at.run()
    at.switch_page("views/resource.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _captions(at: AppTest) -> list[str]:
    """The page's captions, dates with plain hyphens (the page writes non-breaking ones)."""
    return [c.value.replace("\u2011", "-") for c in at.caption]


def _channels(at: AppTest):
    tables = [t.value for t in at.dataframe if "Channel" in t.value.columns]
    assert tables, "no channel table on the page"
    return tables[0]


def test_resource_page_plans_from_a_call_log_alone(tmp_path, monkeypatch):
    path = tmp_path / "calls.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    with Workspace(path) as ws:
        import_files(ws, [("cdr.csv", _call_log())])
        assert ws.row_counts()["tickets"] == 0
        # 15 weekdays x 12 calls + 6 weekend days x 6 calls
        assert ws.scalar("SELECT sum(offered) FROM intervals") == 15 * 12 + 6 * 6
    at = _run()
    assert not [i.value for i in at.info if "No tickets yet" in i.value]
    last = DAY0 + timedelta(days=DAYS - 1)
    assert any(
        f"from {last + timedelta(days=1):%Y-%m-%d}" in c and f"{last:%Y-%m-%d}" in c
        for c in _captions(at)
    ), _captions(at)
    channels = _channels(at)
    row = channels.iloc[0]
    assert len(channels) == 1 and row["Channel"] == "Phone"
    assert row["Model"] == "Erlang C" and row["Handle time (s)"] == "300"
    assert row["Handle time from"] == row["Intraday shape from"] == "interval statistics"


@pytest.mark.slow
def test_resource_page_runs_on_the_real_bank_call_log(tmp_path, monkeypatch):
    log = BANK / "data_anonymous_bank_february.txt"
    if not log.exists():
        pytest.skip(f"../shared/realdata is absent: no bank call log at {log}")
    path = tmp_path / "bank.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    with Workspace(path) as ws:
        import_files(ws, [(log.name, log)])
        aht = ws.scalar(
            "SELECT sum(aht_seconds * answered) / sum(answered) FROM intervals "
            "WHERE interval_start >= TIMESTAMP '1999-02-28' - INTERVAL 90 DAY"
        )
    at = _run()
    row = _channels(at).iloc[0]
    assert row["Channel"] == "Phone" and row["Model"] == "Erlang C"
    assert row["Handle time (s)"] == f"{aht:,.0f}" == "176"
    assert any("1999-03-01" in c for c in _captions(at))
