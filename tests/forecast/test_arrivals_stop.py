"""A review of issue 15's forecast: an export whose arrivals stop months before its last
closure plans from the day after the last arrival, with what was open then; counts that
are not finite are refused; no backtest fold sees the days it forecasts.

Answers worked out by hand on small constructed workspaces and series.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import numpy as np
import pandas as pd
import pytest

from svcops import resource
from svcops.filters import Filters
from svcops.forecast import forecast_daily
from svcops.forecast.backtest import run_folds
from svcops.i18n.errors import InputError
from svcops.ingest import import_paths


def stopped_rows() -> list[dict]:
    """Two email tickets a day from 1 January to 9 February 2024 (40 days, 80 tickets),
    12 minutes' handling each; each closed two hours after it came in, except the ten
    created from 5 February on, closed on 15 June: over 13 weeks after the last arrival."""
    rows = []
    for n in range(40):
        day = datetime(2024, 1, 1) + timedelta(days=n)
        for hour in (9, 14):
            created = day.replace(hour=hour)
            late = day >= datetime(2024, 2, 5)
            rows.append(
                {
                    "ticket_id": f"E{n}-{hour}",
                    "created_at": created,
                    "closed_at": datetime(2024, 6, 15, 12)
                    if late
                    else created + timedelta(hours=2),
                    "channel": "email",
                    "handle_minutes": 12,
                }
            )
    return rows


@pytest.fixture
def stopped(ws, workbook):
    import_paths(ws, [workbook({"tickets": stopped_rows()})])
    return ws


def test_the_plan_starts_after_the_last_arrival_with_what_was_open_then(stopped) -> None:
    f = Filters()
    # The data runs to 15 June (the last closure); arrivals end on 9 February.
    assert resource.arrivals_end(stopped, f) == date(2024, 2, 9)
    results = resource.forecast_demand(
        stopped, f, resource.PlanSettings(horizon_days=7), "channel", max_workers=1
    )
    assert results["email"].forecast["ds"].iloc[0] == pd.Timestamp("2024-02-10")
    # Open when the plan starts (10 February, 00:00): the ten created 5 to 9 February;
    # at the period's end (16 June) none is.
    assert resource.open_backlog(stopped, f).to_dict("records") == [
        {"channel": "email", "backlog": 10}
    ]
    # Handle time and intraday shape come from the 13 weeks before the last arrival,
    # which hold all 80 tickets (the 13 weeks before 15 June hold none).
    aht = resource.handle_times(stopped, f).set_index("channel")
    assert aht.loc["email", "aht_seconds"] == 12 * 60
    assert aht.loc["email", "source"] == "tickets"
    plan = resource.interval_plan(stopped, f, results, resource.PlanSettings(horizon_days=7))
    row = plan.channels.set_index("channel").loc["email"]
    assert (row["backlog"], row["shape_source"], row["aht_seconds"]) == (10, "tickets", 720)
    assert plan.intervals["interval_start"].min() == pd.Timestamp("2024-02-10")
    # An earlier end chosen by the user: the backlog is counted then. On 20 January,
    # every ticket created by then was closed two hours after it came in.
    assert resource.open_backlog(stopped, Filters(end=date(2024, 1, 20))).empty


def test_a_start_after_the_last_arrival_still_counts_the_backlog(stopped) -> None:
    # The page's period may begin after arrivals stopped (a user looking at the closing
    # months); the backlog is still the ten open on the plan's first day.
    f = Filters(start=date(2024, 3, 1), end=date(2024, 6, 15))
    assert resource.open_backlog(stopped, f)["backlog"].tolist() == [10]


def test_counts_that_are_not_finite_are_refused() -> None:
    days = pd.date_range("2024-01-01", periods=20)
    y = np.r_[np.ones(18), np.inf, -np.inf]
    with pytest.raises(InputError) as caught:
        forecast_daily(pd.DataFrame({"ds": days, "y": y}), 7)
    assert caught.value.message.key == "resource.history.bad_counts"
    assert caught.value.message.params == {"count": 2}


def test_no_fold_sees_the_days_it_forecasts() -> None:
    # 50 days; 4 folds of 7: origins on days 22, 29, 36 and 43 (0-based). Each model is
    # given exactly the days before its fold's first day.
    days = pd.date_range("2024-01-01", periods=50)
    history = pd.DataFrame({"ds": days, "y": np.arange(50, dtype=float)})
    seen: list[tuple[int, pd.Timestamp]] = []

    def spy(train: pd.DataFrame, dates: pd.DatetimeIndex) -> np.ndarray:
        seen.append((len(train), dates[0]))
        assert train["ds"].max() == dates[0] - pd.Timedelta(days=1)
        assert train["y"].max() == len(train) - 1  # nothing from the fold or after it
        return np.zeros(len(dates))

    folds = run_folds(history, folds=4, horizon=7, min_train=7, predictors={"spy": spy})
    assert seen == [(o, days[o]) for o in (22, 29, 36, 43)]
    assert folds.actual.tolist() == list(range(22, 50))
    assert (folds.first_day, folds.last_day) == (date(2024, 1, 23), date(2024, 2, 19))


def test_a_channel_quiet_for_13_weeks_does_not_stop_the_plan(ws, workbook) -> None:
    # Besides the email tickets, three portal tickets in June 2023 at 10:00, over 13 weeks
    # before the last arrival (9 February 2024): the portal's forecast is 0 a day, and
    # its intraday shape is that of all its tickets (every one at 10:00-10:30).
    portal = [
        {
            "ticket_id": f"P{i}",
            "created_at": datetime(2023, 6, 1 + i, 10),
            "closed_at": datetime(2023, 6, 1 + i, 11),
            "channel": "portal",
        }
        for i in range(3)
    ]
    import_paths(ws, [workbook({"tickets": stopped_rows() + portal})])
    f = Filters()
    settings = resource.PlanSettings(horizon_days=7)
    results = resource.forecast_demand(ws, f, settings, "channel", max_workers=1)
    assert results["portal"].forecast["yhat"].sum() == 0
    plan = resource.interval_plan(ws, f, results, settings)
    sources = plan.channels.set_index("channel")["shape_source"].to_dict()
    assert sources == {"email": "tickets", "portal": "tickets_all"}
    profile, source = resource.arrival_profile(ws, f, "portal")
    assert source == "tickets_all"
    shares = profile.set_index(["weekday", "slot"])["share"]
    # 1 June 2023 was a Thursday (weekday 3): its whole day is the 10:00 slot.
    assert shares.loc[(3, time(10, 0))] == 1.0
    portal_plan = plan.intervals[plan.intervals["channel"] == "portal"]
    assert portal_plan["volume"].sum() == 0 and portal_plan["required"].sum() == 0


def test_the_cli_forecast_starts_where_the_page_does(tmp_path, workbook, capsys) -> None:
    # An --end after the last arrival (9 February) does not move the history's end: the
    # forecast starts on 10 February, as on the page, and the help says so.
    import json

    from svcops.cli import build_parser, main
    from svcops.store import Workspace

    path = tmp_path / "stopped.duckdb"
    with Workspace(path) as ws:
        import_paths(ws, [workbook({"tickets": stopped_rows()})])
    args = ["forecast", "--workspace", str(path), "--horizon", "7", "--json"]
    assert main([*args, "--end", "2024-03-20"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["forecast"][0]["date"] == "2024-02-10"
    assert out["backtest"]["last_day"] == "2024-02-09"
    forecast = next(
        a
        for a in build_parser()._subparsers._group_actions[0].choices.items()  # noqa: SLF001
        if a[0] == "forecast"
    )[1]
    end = next(a for a in forecast._actions if a.dest == "end")  # noqa: SLF001
    assert "the last day a ticket was created" in end.help


def test_the_cli_text_says_why_prophet_was_not_tried(tmp_path, workbook, capsys) -> None:
    from svcops.cli import main
    from svcops.store import Workspace

    path = tmp_path / "stopped.duckdb"
    with Workspace(path) as ws:
        import_paths(ws, [workbook({"tickets": stopped_rows()})])
    assert main(["forecast", "--workspace", str(path), "--horizon", "7"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("all: Model: naive weekly repeat")
    # 40 days, 1 January to 9 February: the page's note, word for word.
    assert lines[1] == (
        "all: Only 40 days of history; Prophet needs at least 56 days (8 weeks), so only the "
        "simple models were tried."
    )
    assert lines[2].startswith("  2024-02-10")
