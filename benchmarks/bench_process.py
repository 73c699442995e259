"""How long the Process design page's analyses take: the map, variants and lenses.

* the UCI ServiceNow incident log (141,712 events, 24,918 incidents), imported from its
  zip in ../shared/realdata (skipped with the reason when absent);
* a generated log of 1,000,000 events: the sample's event-log generator over three
  sample years of tickets (about 156,000 tickets), imported from CSV.

Each scope is timed cold (the first call) and warm (the median of three more): every
analysis recomputed from the workspace, DuckDB and the OS already warm. The floor,
measured in the same run on each workspace, is DuckDB ordering every event of the log
by case and time into a table (one bare window query, what any process map needs);
warm figures are also printed as multiples of it. "page" is what
one run of the page asks for: the bundle (map, variants, rework, handovers by team and
by person), the previous period's map, flow, Little's law, bottlenecks and the layout.

    python benchmarks/bench_process.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
UCI = ROOT.parent / "shared" / "realdata" / "uci_incident_event_log" / "incident_event_log.csv.zip"
EVENTS = 1_000_000


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def warm(fn) -> tuple[float, float]:
    """(cold, warm): the first call, then the median of three more."""
    cold = timed(fn)
    return cold, statistics.median(timed(fn) for _ in range(3))


def generated_log(folder: Path) -> tuple[Path, Path]:
    """Tickets and exactly EVENTS events as CSV files: three seeds of the sample's
    tickets (ids kept apart), each with two years of events from its generator."""
    import numpy as np
    import pandas as pd

    from svcops import sample
    from svcops.sample import events

    tickets, logs = [], []
    for i, seed in enumerate((7, 8, 9)):
        t = sample.generate(seed)["tickets"]
        t["ticket_id"] = t["ticket_id"].str.replace("INC", f"INC{i}")
        tickets.append(t)
        logs.append(events.generate(t, np.random.default_rng(seed), days=730))
    log = pd.concat(logs, ignore_index=True).iloc[:EVENTS]
    kept = pd.concat(tickets, ignore_index=True)
    kept = kept[kept["ticket_id"].isin(set(log["case_id"]))]
    paths = folder / "tickets.csv", folder / "events.csv"
    kept.to_csv(paths[0], index=False)
    log.to_csv(paths[1], index=False)
    return paths


def floor(ws) -> float:
    """Warm seconds for DuckDB to order every event by case and time into a table."""
    cur = ws.cursor()

    def order():
        cur.execute(
            "CREATE OR REPLACE TEMP TABLE floor AS SELECT case_id, activity, timestamp, "
            "row_number() OVER (PARTITION BY case_id ORDER BY timestamp, _upload_id, _seq) "
            "AS pos FROM events"
        )

    try:
        return warm(order)[1]
    finally:
        cur.close()


def scope_rows(ws, label: str, f, base: float) -> list[tuple[str, float, float, float]]:
    from svcops import process as P

    def page():
        view = P.analyse(ws, f)
        P.bottlenecks(view.map)
        P.process_map(ws, f.previous())
        P.flow(ws, f)
        P.little(ws, f)
        P.layout(P.simplify(view.map.edges, 0.5))

    parts = [
        ("map", lambda: P.process_map(ws, f)),
        ("variants", lambda: P.variants(ws, f)),
        ("rework", lambda: P.rework(ws, f)),
        ("handovers", lambda: P.handovers(ws, f)),
        ("flow and Little's law", lambda: (P.flow(ws, f), P.little(ws, f))),
        ("the whole page", page),
    ]
    return [(f"{label}: {name}", *warm(fn), base) for name, fn in parts]


def main() -> None:
    from svcops.filters import Filters
    from svcops.ingest import import_files, import_paths
    from svcops.store import Workspace
    from svcops.tickets import data_span

    tmp = Path(tempfile.mkdtemp(prefix="svcops-bench-process-"))
    nan = float("nan")
    rows: list[tuple[str, float, float, float]] = []
    if UCI.exists():
        with Workspace(tmp / "uci.duckdb") as ws:
            rows.append(
                (
                    "UCI log: import from its zip",
                    timed(lambda: import_files(ws, [(UCI.name, UCI.read_bytes())])),
                    nan,
                    nan,
                )
            )
            everything = Filters(start=date(2016, 2, 29), end=date(2017, 2, 16))
            base = floor(ws)
            rows.append(("UCI log: the floor (ordering every event)", nan, base, base))
            rows += scope_rows(ws, "UCI log, 24,918 incidents", everything, base)
    else:
        print(f"(UCI log absent at {UCI}: skipped)")

    t0 = time.perf_counter()
    files = generated_log(tmp)
    print(f"generated {EVENTS:,} events in {time.perf_counter() - t0:.0f} s")
    with Workspace(tmp / "big.duckdb") as ws:
        rows.append(
            (
                f"{EVENTS:,}-event log: import from CSV (tickets and events)",
                timed(lambda: import_paths(ws, list(files))),
                nan,
                nan,
            )
        )
        span = data_span(ws)
        base = floor(ws)
        rows.append((f"{EVENTS:,}-event log: the floor (ordering every event)", nan, base, base))
        last = Filters(start=span.last_created - timedelta(days=27), end=span.last_created)
        rows += scope_rows(ws, f"{EVENTS:,} events, last 28 days", last, base)
        whole = Filters(start=span.first, end=span.last)
        rows += scope_rows(ws, f"{EVENTS:,} events, whole history", whole, base)

    width = max(len(r[0]) for r in rows)
    print(f"{'':<{width}}  {'cold':>8}  {'warm':>8}  {'x floor':>7}")

    def shown(seconds: float, text: str) -> str:
        return "" if seconds != seconds else text

    for label, cold, hot, base in rows:
        print(
            f"{label:<{width}}  {shown(cold, f'{cold:7.3f}s'):>8}  {shown(hot, f'{hot:7.3f}s'):>8}"
            f"  {shown(base, f'{hot / base:6.1f}x'):>7}"
        )


if __name__ == "__main__":
    main()
