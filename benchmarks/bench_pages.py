"""How long the pages take on the sample workspace: what a user waits for.

* overview queries for a filter never seen before (scorecard with previous period,
  trend, headlines) — what a filter change costs;
* the resource page's forecasts per channel, cold (Prophet fits with backtests) and
  the plan for a what-if change once forecasts are cached;
* whole page runs through Streamlit's AppTest (script + rendering, no browser):
  first run, and a re-run after a what-if change on the resource page.

    python benchmarks/bench_pages.py
"""

from __future__ import annotations

import os
import resource as rusage
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn, repeat: int = 1) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    from svcops import headlines, kpi
    from svcops import resource as rs
    from svcops.filters import Filters
    from svcops.ingest import import_paths
    from svcops.store import Workspace

    tmp = Path(tempfile.mkdtemp(prefix="svcops-bench-"))
    os.environ["SVCOPS_WORKSPACE"] = str(tmp / "own.duckdb")
    os.environ["SVCOPS_CACHE_DIR"] = str(tmp / "cache")
    rows: list[tuple[str, float]] = []

    ws = Workspace(tmp / "sample.duckdb")
    rows.append(
        (
            "import the sample workbook (66,651 tickets, 119,114 events + 8 sheets)",
            timed(lambda: import_paths(ws, [ROOT / "sample_data" / "svcops_sample.xlsx"])),
        )
    )

    end = date(2026, 10, 31)
    filters = [
        Filters(
            start=end - timedelta(days=27 + 7 * i),
            end=end - timedelta(days=7 * i),
            teams=("Service Desk",) if i % 2 else (),
        )
        for i in range(6)
    ]

    def overview(f):
        card = kpi.period_scorecard(ws, f)
        kpi.trend(ws, f)
        headlines.headlines(ws, f, card)

    per = [timed(lambda f=f: overview(f)) for f in filters]
    rows.append(
        ("overview queries, a filter not seen before (median of 6)", statistics.median(per))
    )

    settings = rs.PlanSettings(horizon_days=28, country="US")
    f = Filters(start=end - timedelta(days=27), end=end)
    rows.append(
        (
            "forecast 4 channels x 28 days with backtests, cold, in-process",
            timed(lambda: rs.forecast_demand(ws, f, settings, "channel", max_workers=1)),
        )
    )
    fcs = rs.forecast_demand(ws, f, settings, "channel", max_workers=1)

    def plan(shrinkage):
        s = rs.PlanSettings(horizon_days=28, country="US", shrinkage=shrinkage)
        lo, hi = rs.horizon_bounds(fcs)
        roster = rs.rostered(ws, f, lo, hi)
        p = rs.interval_plan(ws, f, fcs, s, roster)
        cmp = rs.compare(p, roster)
        rs.weekly_summary(cmp, p, roster)
        rs.gap_heatmap(cmp)

    rows.append(
        (
            "staffing plan for a what-if (forecasts cached), median of 5",
            statistics.median(timed(lambda s=s: plan(s)) for s in (0.2, 0.25, 0.3, 0.35, 0.4)),
        )
    )
    ws.close()

    from streamlit.testing.v1 import AppTest

    def app(page, **query):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.query_params.update(source="sample", **query)
        at.run()
        if page != "views/overview.py":
            at.switch_page(page)
            at.run()
        assert not at.exception
        return at

    rows.append(
        (
            "app: first run of Overview (builds the cached sample workspace)",
            timed(lambda: app("views/overview.py")),
        )
    )
    rows.append(("app: Overview, sample already built", timed(lambda: app("views/overview.py"))))
    at = app("views/resource.py")
    for shrink in (25, 35, 40):
        at.session_state["resource_shrink"] = shrink
        t0 = time.perf_counter()
        at.run()
        assert not at.exception
        rows.append(
            (
                f"app: Resource re-render after a what-if (shrinkage {shrink}%)",
                time.perf_counter() - t0,
            )
        )

    width = max(len(r[0]) for r in rows)
    for label, secs in rows:
        print(f"{label:<{width}}  {secs:8.3f} s")
    print(
        f"{'peak memory (this process)':<{width}}  "
        f"{rusage.getrusage(rusage.RUSAGE_SELF).ru_maxrss / 1024:8.0f} MB"
    )


if __name__ == "__main__":
    main()
