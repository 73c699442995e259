"""Acceptance (issue 15, definitions) on the real public logs in ../shared/realdata.

The helpdesk log (an Italian software company's ticketing process) records "Resolve
ticket" and, a median 720 h later, an automatic "Closed"; the UCI ServiceNow log
carries its own SLA verdict, ``made_sla``. Each figure svcops gives is checked against
pandas working from the raw file here, with the rules written out independently:

* a case is done when its last event (by time, then file order) resolves or closes it;
  it is resolved at its last resolve event and, with none, timed to its last close;
* a reopen is a resolution after the first one, where a resolution is a run of resolve
  events with nothing else between (a resolve recorded twice in a row is one);
* SLA attainment on UCI is the share of its tickets whose final row says ``made_sla``.

The module skips, with the reason, when ../shared/realdata is absent. Each log is
imported once (module-scoped fixtures).
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from svcops import kpi
from svcops.filters import Filters
from svcops.ingest import import_files
from svcops.store import Workspace

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
HELPDESK = REALDATA / "helpdesk_ticketing_log" / "Helpdesk.csv"
UCI = REALDATA / "uci_incident_event_log" / "incident_event_log.csv.zip"
if not (HELPDESK.exists() and UCI.exists()):
    pytest.skip(
        f"../shared/realdata is absent: no helpdesk or UCI log under {REALDATA}",
        allow_module_level=True,
    )

pytestmark = pytest.mark.slow
MARCH_2012 = Filters(start=date(2012, 3, 1), end=date(2012, 3, 31))


def _import(path: Path) -> Workspace:
    ws = Workspace(":memory:")
    import_files(ws, [(path.name, path.read_bytes())])
    return ws


# =========================================================================== helpdesk


@pytest.fixture(scope="module")
def helpdesk_ws():
    ws = _import(HELPDESK)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def helpdesk() -> pd.DataFrame:
    """One row per case, worked out in pandas: created, done, resolved, reopens."""
    raw = pd.read_csv(HELPDESK, dtype=str)
    log = pd.DataFrame(
        {
            "case": raw["case:concept:name"],
            "activity": raw["concept:name"].str.lower(),
            # Wall-clock time as written: the +02:00/+03:00 offset is dropped, not applied.
            "ts": pd.to_datetime(raw["time:timestamp"].str[:19]),
            "row": np.arange(len(raw)),
        }
    ).sort_values(["case", "ts", "row"], kind="stable")
    # This log's resolve words (Resolve ticket, RESOLVED, Resolve SW anomaly) and its
    # one close word (Closed).
    log["resolves"] = log["activity"].str.contains("resolv")
    log["closes"] = log["activity"].str.contains("closed")
    by = log.groupby("case", sort=False)
    log["run_start"] = log["resolves"] & ~by["resolves"].shift(1, fill_value=False)
    cases = pd.DataFrame(
        {
            "created": by["ts"].min(),
            "last_activity": by["activity"].last(),
            "resolved": log[log["resolves"]].groupby("case")["ts"].max(),
            "closed": log[log["closes"]].groupby("case")["ts"].max(),
            "resolutions": by["run_start"].sum(),
            "resolve_times": log[log["activity"] == "resolve ticket"]
            .groupby("case")["ts"]
            .nunique(),
        }
    )
    done = cases["last_activity"].str.contains("resolv|closed")
    cases["done"] = cases["resolved"].fillna(cases["closed"]).where(done)
    return cases


def test_helpdesk_resolution_runs_to_the_resolve(helpdesk, helpdesk_ws):
    done = helpdesk["done"].dropna()
    hours = (done - helpdesk.loc[done.index, "created"]).dt.total_seconds() / 3600
    got = kpi.compute(helpdesk_ws, Filters())
    assert got["resolved"] == len(done) == 4_567
    assert got["resolution_hours_median"] == pytest.approx(hours.median(), abs=1e-6)
    assert got["resolution_hours_p90"] == pytest.approx(hours.quantile(0.9), abs=1e-6)
    assert 159 < got["resolution_hours_median"] < 161  # was 956 h, timed to the close


def test_helpdesk_each_ticket_resolved_at_its_last_resolve(helpdesk, helpdesk_ws):
    stored = helpdesk_ws.query("SELECT ticket_id, resolved_at FROM tickets").set_index("ticket_id")[
        "resolved_at"
    ]
    want = helpdesk["resolved"].where(helpdesk["done"].notna())
    assert stored.sort_index().equals(want.reindex(stored.index).sort_index().rename("resolved_at"))
    # Not one is timed to its close: every done case has a resolve event.
    assert kpi.definitions(helpdesk_ws, Filters()).timed_to_close == 0


def test_helpdesk_march_2012_backlog(helpdesk, helpdesk_ws):
    end = pd.Timestamp("2012-04-01")
    open_at_end = (helpdesk["created"] < end) & ~(helpdesk["done"] < end)
    got = kpi.compute(helpdesk_ws, MARCH_2012)["open_backlog"]
    assert got == int(open_at_end.sum()) == 31  # was 176, timed to the close


def test_helpdesk_reopens(helpdesk, helpdesk_ws):
    # 302 tickets have "Resolve ticket" at two or more times (the count), but
    # in 151 the resolves follow each other with nothing between (a median second
    # apart, the same resource): one resolution recorded twice. Counted as runs, 154
    # tickets were resolved, worked again and resolved again.
    assert int((helpdesk["resolve_times"] > 1).sum()) == 302
    reopens = (helpdesk["resolutions"] - 1).where(helpdesk["resolutions"] > 0)
    stored = helpdesk_ws.query("SELECT ticket_id, reopen_count FROM tickets").set_index(
        "ticket_id"
    )["reopen_count"]
    assert stored.notna().sum() == reopens.notna().sum()
    assert (stored.dropna().astype(int) == reopens.reindex(stored.dropna().index)).all()
    assert int((stored > 0).sum()) == int((reopens > 0).sum()) == 154
    done = helpdesk["done"].notna()
    rate = (reopens[done] > 0).sum() / reopens[done].notna().sum()
    assert kpi.compute(helpdesk_ws, Filters())["reopen_rate"] == pytest.approx(rate)
    assert kpi.definitions(helpdesk_ws, Filters()).reopened == int((reopens[done] > 0).sum())


# =========================================================================== UCI


@pytest.fixture(scope="module")
def uci_ws():
    ws = _import(UCI)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def uci_last() -> pd.DataFrame:
    """Each incident's final row (rows are grouped by number, in update order)."""
    with zipfile.ZipFile(UCI) as zf, zf.open("incident_event_log.csv") as fh:
        raw = pd.read_csv(fh, dtype=str, keep_default_na=False)
    return raw.groupby("number", sort=False).tail(1).set_index("number")


def test_uci_sla_attainment_is_the_source_verdict(uci_last, uci_ws):
    met = uci_last["made_sla"].eq("true")
    got = kpi.compute(uci_ws, Filters())["sla_attainment"]
    assert got == pytest.approx(met.mean())
    assert round(got, 3) == 0.634  # the policy's 4/8/24/72 h gave 48.4%
    d = kpi.definitions(uci_ws, Filters())
    assert (d.sla_by_flag, d.sla_by_policy) == (len(uci_last), 0)
    # Per priority too (P1 "1 - Critical": the policy gave 14%).
    p1 = met[uci_last["priority"].str.startswith("1")].mean()
    got_p1 = kpi.compute(uci_ws, Filters(priorities=("P1",)))["sla_attainment"]
    assert got_p1 == pytest.approx(p1)


def test_uci_tickets_without_a_resolve_time_are_counted(uci_last, uci_ws):
    d = kpi.definitions(uci_ws, Filters())
    assert d.timed_to_close == int((uci_last["resolved_at"] == "?").sum()) == 1_556
    assert d.done == len(uci_last)
    assert d.reopened == int((uci_last["reopen_count"].astype(int) > 0).sum())
