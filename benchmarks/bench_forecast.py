"""Time the Resource management analyses and print a small table.

Run: ``.venv/bin/python benchmarks/bench_forecast.py``. Measures

(a) one daily forecast with its 4-fold backtest on two years of history,
    fitted, then served from the cache;
(b) 20 such series one after another vs ``forecast_many`` across cores;
(c) ``staffing_plan`` on a week of 30-minute intervals;

and the peak resident memory of this process and of its worker processes; then

(d) forecast accuracy on the bundled sample workspace (total with US holidays, as
    the Resource page's default, and per channel) and on the real exports in
    ../shared/realdata when present: the model each series uses, the days its
    backtest scored, and MAE, WAPE and MAPE against the naive weekly repeat.

``--accuracy`` prints (d) alone.
"cpu-sec" is CPU time used by the step, worker and Stan processes included;
wall time well above cpu-sec / cores means other work was competing.
Synthetic, seeded data; no network.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from svcops import resource as planning  # noqa: E402
from svcops.filters import Filters  # noqa: E402
from svcops.forecast import ForecastResult, clear_cache, forecast_daily, forecast_many  # noqa: E402
from svcops.ingest import import_files, import_paths  # noqa: E402
from svcops.staffing import staffing_plan  # noqa: E402
from svcops.store import Workspace  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "svcops_sample.xlsx"
REALDATA = ROOT.parent / "shared" / "realdata"
# The real exports with at least eight weeks of arrivals, as svcops imports them.
REAL_SERIES = {
    "helpdesk": "helpdesk_ticketing_log/Helpdesk.csv",
    "UCI incidents": "uci_incident_event_log/incident_event_log.csv.zip",
    "BPI 2013 incidents": "bpi2013_volvo_it/VINST-new.csv",
    "BPI 2013 problems": "bpi2013_volvo_it/BPI_Challenge_2013_closed_problems.csv",
}

WEEKLY = np.array([1.2, 1.1, 1.0, 1.0, 0.9, 0.4, 0.3])
SERIES = 20
HORIZON = 28


def daily_series(seed: int, days: int = 730) -> pd.DataFrame:
    """Poisson counts with weekly shape, trend and a yearly swing."""
    rng = np.random.default_rng(seed)
    ds = pd.date_range("2023-01-02", periods=days, freq="D")
    level = rng.uniform(30, 400) * (1 + 0.0004 * np.arange(days))
    level = level * (1 + 0.15 * np.sin(2 * np.pi * ds.day_of_year / 365.25))
    y = rng.poisson(level * WEEKLY[ds.day_of_week]).astype(float)
    return pd.DataFrame({"ds": ds, "y": y})


def week_of_intervals() -> pd.DataFrame:
    starts = pd.date_range("2024-03-04", periods=7 * 48, freq="30min")
    hour = starts.hour + starts.minute / 60
    shape = np.clip(np.sin((hour - 7) / 12 * np.pi), 0, None)
    volume = 400 * shape * np.random.default_rng(1).uniform(0.9, 1.1, len(starts))
    return pd.DataFrame({"interval_start": starts, "volume": volume, "aht_seconds": 300.0})


def cpu_seconds() -> float:
    """CPU time of this process plus its finished children (pool workers, Stan)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def timed(label: str, fn: Callable[[], Any], rows: list[tuple[str, float, float]]) -> Any:
    start, cpu = time.perf_counter(), cpu_seconds()
    result = fn()
    rows.append((label, time.perf_counter() - start, cpu_seconds() - cpu))
    return result


def main() -> None:
    rows: list[tuple[str, float, float]] = []
    one = daily_series(0)
    # Import Prophet and compile nothing before timing: a real session pays this once.
    forecast_daily(daily_series(99, days=70), 7, backtest_folds=0)

    clear_cache()
    result = timed(
        "(a) forecast + 4-fold backtest, 730 days", lambda: forecast_daily(one, HORIZON), rows
    )
    timed("(a) same call again (cache hit)", lambda: forecast_daily(one, HORIZON), rows)

    many = [daily_series(seed) for seed in range(1, SERIES + 1)]
    long = pd.concat([frame.assign(unique_id=f"s{i:02d}") for i, frame in enumerate(many)])

    def sequential() -> list[Any]:
        return [forecast_daily(frame, HORIZON) for frame in many]

    clear_cache()
    timed(f"(b) {SERIES} series, sequential", sequential, rows)
    clear_cache()
    timed(
        f"(b) {SERIES} series, forecast_many ({os.cpu_count()} cores)",
        lambda: forecast_many(long, HORIZON),
        rows,
    )

    intervals = week_of_intervals()
    plan = timed(
        "(c) staffing_plan, 336 half-hour intervals",
        lambda: staffing_plan(
            intervals, service_level=0.8, answer_seconds=20, shrinkage=0.3, max_occupancy=0.9
        ),
        rows,
    )

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    width = max(len(label) for label, _, _ in rows)
    print(f"{'step':<{width}}  seconds  cpu-sec")
    print(f"{'-' * width}  -------  -------")
    for label, seconds, cpu in rows:
        print(f"{label:<{width}}  {seconds:7.3f}  {cpu:7.2f}")
    print(f"\nload average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print()
    print(f"peak RSS, this process:          {own:7.1f} MB")
    print(f"peak RSS, largest child process: {children:7.1f} MB")
    bt = result.backtest
    print(
        f"\n(a) synthetic series: model={result.model}, backtest MAE {bt.mae:.2f} vs naive "
        f"{bt.baseline_mae:.2f}, WAPE {bt.wape:.1%} vs {bt.baseline_wape:.1%}; "
        f"(c) peak agents {plan['agents'].max()}, scheduled {plan['scheduled_agents'].max()}"
    )


def accuracy_line(label: str, result: ForecastResult) -> str:
    """One series' backtest: the model used, the days scored, MAE / WAPE / MAPE vs naive."""
    bt = result.backtest
    if not bt.folds:
        return f"{label}: model {result.model}; no backtest (too little history)"
    return (
        f"{label}: model {result.model}; {bt.days} days scored, {bt.first_day} to "
        f"{bt.last_day}; MAE {bt.mae:.2f} vs naive {bt.baseline_mae:.2f} tickets a day; "
        f"WAPE {bt.wape:.1%} vs {bt.baseline_wape:.1%}; "
        f"MAPE {bt.mape:.1%} vs {bt.baseline_mape:.1%} ({bt.ticket_days} days with tickets)"
    )


def accuracy() -> None:
    """(d): what the Resource page says about each series, in the measures it judges by."""
    print("(d) forecast accuracy, 28-day horizon, 4 folds of 28 days")
    with Workspace(":memory:") as ws:
        import_paths(ws, [SAMPLE])
        us = planning.PlanSettings(horizon_days=28, country="US")
        total = planning.forecast_demand(ws, Filters(), us, max_workers=1)["all"]
        print(accuracy_line("sample, total (US holidays)", total))
        for name, result in planning.forecast_demand(
            ws, Filters(), us, "channel", max_workers=1
        ).items():
            print(accuracy_line(f"sample, {name} (US holidays)", result))
    if not REALDATA.is_dir():
        print(f"real exports: {REALDATA} is absent")
        return
    for label, relative in REAL_SERIES.items():
        path = REALDATA / relative
        if not path.exists():
            print(f"{label}: {relative} is missing")
            continue
        with Workspace(":memory:") as ws:
            import_files(ws, [(path.name, path.read_bytes())])
            plain = planning.PlanSettings(horizon_days=28)
            result = planning.forecast_demand(ws, Filters(), plain, max_workers=1)["all"]
        print(accuracy_line(f"{label}, total (no holidays)", result))


if __name__ == "__main__":
    if "--accuracy" not in sys.argv[1:]:
        main()
        print()
    accuracy()
