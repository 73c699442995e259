"""Acceptance (issue 11): on the UCI ServiceNow incident log imported from its zip, the
process map, variants and case durations equal an independent pandas computation, and
are the same on every run.

pandas reads the CSV from the zip itself and orders each incident's rows by update time,
then by their row in the file (13,627 groups of rows share an incident and a minute);
every figure is worked out from that order here. The module skips, with the reason,
when ../shared/realdata is absent.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from svcops import process as P
from svcops.filters import Filters
from svcops.ingest import import_files
from svcops.store import Workspace

REALDATA = Path(__file__).resolve().parents[3] / "shared" / "realdata"
ZIP = REALDATA / "uci_incident_event_log" / "incident_event_log.csv.zip"
if not ZIP.exists():
    pytest.skip(
        f"../shared/realdata is absent: no UCI incident log at {ZIP}", allow_module_level=True
    )

pytestmark = pytest.mark.slow
# Every incident was opened from 29 Feb 2016 to 16 Feb 2017: this period holds them all.
ALL = Filters(start=date(2016, 2, 1), end=date(2017, 3, 1))


@pytest.fixture(scope="module")
def ordered() -> pd.DataFrame:
    """The log as pandas orders it: by incident, update time, row in the file."""
    with zipfile.ZipFile(ZIP) as zf, zf.open("incident_event_log.csv") as fh:
        raw = pd.read_csv(fh, dtype=str, keep_default_na=False)
    log = pd.DataFrame(
        {
            "case": raw["number"],
            "activity": raw["incident_state"],
            "ts": pd.to_datetime(raw["sys_updated_at"], format="%d/%m/%Y %H:%M"),
            "row": np.arange(len(raw)),
        }
    )
    log = log.sort_values(["case", "ts", "row"], kind="stable").reset_index(drop=True)
    by_case = log.groupby("case", sort=False)
    log["next"] = by_case["activity"].shift(-1)
    log["hours"] = (by_case["ts"].shift(-1) - log["ts"]).dt.total_seconds() / 3600
    return log


def _import() -> Workspace:
    ws = Workspace(":memory:")
    import_files(ws, [(ZIP.name, ZIP.read_bytes())])
    return ws


@pytest.fixture(scope="module")
def ws():
    w = _import()
    yield w
    w.close()


@pytest.fixture(scope="module")
def view(ws) -> P.ProcessView:
    return P.analyse(ws, ALL)


def test_the_log_has_many_ties(ordered):
    ties = ordered.groupby(["case", "ts"]).size()
    assert (ties > 1).sum() == 13_627


def test_edges_equal_pandas(view, ordered):
    steps = ordered.dropna(subset=["next"])
    want = steps.groupby(["activity", "next"]).agg(
        events=("case", "size"), cases=("case", "nunique"), median=("hours", "median")
    )
    edges = view.map.edges
    inner = edges[~edges["source"].isin([P.START]) & ~edges["target"].isin([P.END])]
    got = inner.set_index(["source", "target"]).sort_index()
    want = want.sort_index()
    assert list(got.index) == [tuple(i) for i in want.index]
    assert got["events"].tolist() == want["events"].tolist()
    assert got["cases"].tolist() == want["cases"].tolist()
    np.testing.assert_allclose(got["median_hours"], want["median"], rtol=0, atol=1e-9)
    # Start and end: each incident's first activity, and (every one is closed) its last.
    first = ordered.groupby("case", sort=False)["activity"].first().value_counts()
    last = ordered.groupby("case", sort=False)["activity"].last().value_counts()
    starts = edges[edges["source"] == P.START].set_index("target")["cases"]
    ends = edges[edges["target"] == P.END].set_index("source")["cases"]
    assert starts.sort_index().to_dict() == first.sort_index().to_dict()
    assert ends.sort_index().to_dict() == last.sort_index().to_dict()
    assert view.map.cases == ordered["case"].nunique() == 24_918


def test_variants_equal_pandas(view, ordered):
    traces = ordered.groupby("case", sort=False)["activity"].agg(P.ARROW.join)
    want = traces.value_counts()
    got = view.variants.set_index("activities")["cases"]
    assert len(got) == len(want)
    assert got.sort_index().to_dict() == want.sort_index().to_dict()
    # Most common first, ties by their text.
    assert view.variants["cases"].is_monotonic_decreasing


def test_case_durations_equal_pandas(ws, ordered):
    span = ordered.groupby("case")["ts"].agg(["min", "max"])
    want = ((span["max"] - span["min"]).dt.total_seconds() / 3600).sort_index()
    got = P.case_durations(ws, ALL).set_index("case_id")["hours"].sort_index()
    assert list(got.index) == list(want.index)
    np.testing.assert_allclose(got.to_numpy(), want.to_numpy(), rtol=0, atol=1e-9)


def test_the_same_on_every_run(ws, view):
    again = P.analyse(ws, ALL)
    pd.testing.assert_frame_equal(again.map.edges, view.map.edges)
    pd.testing.assert_frame_equal(again.variants, view.variants)
    with _import() as fresh:  # a new import, a new DuckDB
        other = P.analyse(fresh, ALL)
    pd.testing.assert_frame_equal(other.map.edges, view.map.edges)
    pd.testing.assert_frame_equal(other.variants, view.variants)
