"""Acceptance (issue 15, the forecast): on the real public exports in ../shared/realdata
the forecast's history ends on the last day a ticket was created (read here from the
raw file with pandas), the model used is never worse than the naive weekly repeat in
its own backtest by MAE and WAPE, and a few hours of NYC 311 requests are refused.

The whole module skips, with the reason, when ../shared/realdata is absent. Each file
is imported into a ``:memory:`` workspace; one forecast per data set (Prophet fits).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

from svcops import resource
from svcops.filters import Filters
from svcops.forecast import MIN_HISTORY_DAYS
from svcops.i18n.errors import InputError
from svcops.ingest import import_files
from svcops.store import Workspace

REALDATA = Path(__file__).resolve().parents[3] / "shared" / "realdata"
if not REALDATA.is_dir():
    pytest.skip(
        f"../shared/realdata is absent: no real exports at {REALDATA} to test against",
        allow_module_level=True,
    )


def _path(*parts: str) -> Path:
    path = REALDATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/realdata is incomplete: {path.relative_to(REALDATA)} is missing")
    return path


def _local(stamps: pd.Series) -> pd.Series:
    """Times as the wall clock showed them (the importer drops the UTC offset)."""
    return pd.to_datetime(
        stamps.str.replace(r"\s*(Z|[+-]\d\d:?\d\d)$", "", regex=True), format="ISO8601"
    )


def _event_log_days(path: Path, case: str, when: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """(day of the last case's first event, day of the last event) of an event log CSV."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    stamps = _local(raw[when])
    return stamps.groupby(raw[case]).min().max().normalize(), stamps.max().normalize()


def _uci_days(path: Path) -> tuple[pd.Timestamp, pd.Timestamp]:
    with zipfile.ZipFile(path) as zf, zf.open("incident_event_log.csv") as fh:
        raw = pd.read_csv(fh, dtype=str, keep_default_na=False)
    day_first = "%d/%m/%Y %H:%M"
    opened = pd.to_datetime(raw["opened_at"], format=day_first)
    closed = pd.to_datetime(raw["closed_at"].replace("?", None), format=day_first)
    return opened.max().normalize(), closed.max().normalize()


# name -> (file parts, how to read its last creation day and last activity day)
SERIES = {
    "helpdesk": (
        ("helpdesk_ticketing_log", "Helpdesk.csv"),
        lambda p: _event_log_days(p, "case:concept:name", "time:timestamp"),
    ),
    "uci": (("uci_incident_event_log", "incident_event_log.csv.zip"), _uci_days),
    "bpi2013_incidents": (
        ("bpi2013_volvo_it", "VINST-new.csv"),
        lambda p: _event_log_days(p, "SR Number", "Change Date+Time"),
    ),
    "bpi2013_problems": (
        ("bpi2013_volvo_it", "BPI_Challenge_2013_closed_problems.csv"),
        lambda p: _event_log_days(p, "case:concept:name", "time:timestamp"),
    ),
}


@pytest.mark.slow  # 3-6 s each: the import and five Prophet fits
@pytest.mark.parametrize("name", list(SERIES))
def test_forecast_ends_at_last_creation_and_is_no_worse_than_naive(name: str) -> None:
    parts, days = SERIES[name]
    path = _path(*parts)
    last_created, last_activity = days(path)
    # The export goes on after its last new ticket: the test tells the two apart.
    assert last_activity > last_created
    with Workspace(":memory:") as ws:
        import_files(ws, [(path.name, path.read_bytes())])
        results = resource.forecast_demand(ws, Filters(), resource.PlanSettings(horizon_days=28))
    result = results["all"]
    assert result.history["ds"].max() == last_created
    assert result.forecast["ds"].iloc[0] == last_created + pd.Timedelta(days=1)
    bt = result.backtest
    # Every one of these has at least eight weeks of arrivals: four 28-day folds ending
    # on the last creation day, every candidate scored on them.
    assert (bt.folds, bt.days, bt.last_day) == (4, 112, last_created.date())
    assert bt.first_day == (last_created - pd.Timedelta(days=111)).date()
    assert set(bt.scores) == {"seasonal_naive", "weekly_profile", "prophet", "combined"}
    assert result.model == bt.model
    naive = bt.scores["seasonal_naive"]
    assert bt.mae <= naive.mae and bt.wape <= naive.wape
    assert bt.mae == min(s.mae for s in bt.scores.values())


@pytest.mark.parametrize(
    "file", ["311_Service_Requests.csv", "311_Service_Requests_from_2010_to_Present.csv"]
)
def test_a_few_hours_of_nyc_311_are_refused(file: str) -> None:
    path = _path("nyc311_samples", file)
    with Workspace(":memory:") as ws:
        import_files(ws, [(path.name, path.read_bytes())])
        days = ws.scalar(
            "SELECT date_diff('day', min(created_at), max(created_at)) + 1 FROM tickets"
        )
        assert days < MIN_HISTORY_DAYS
        with pytest.raises(InputError) as caught:
            resource.forecast_demand(ws, Filters(), resource.PlanSettings(horizon_days=28))
    assert caught.value.message.key == "resource.history.too_short"
    assert caught.value.message.params["days"] == days
