"""Import speed and memory at realistic sizes, as ratios against the floor in the same run.

For each size (100,000 ticket rows, and 1,048,575 — a full Excel sheet: 1,048,576
rows with the header) it writes a tickets export once as a workbook and as a CSV file
of the same rows (cached in benchmarks/out/), then, each step in a fresh process so
peak memory is that step's own:

* floor, workbook — fastexcel reading the sheet to Arrow and nothing else;
* floor with its write, workbook — that read, then DuckDB writing the Arrow table to a
  table of a new database file, as the CSV floor's one statement both reads and writes:
  the figure a workbook import is proposed to be held to (a read-only floor leaves no
  room at 100,000 rows for the durable write every import must make);
* floor, CSV — DuckDB's own ``read_csv`` (types guessed) into a table of a new
  database file;
* import — svcops reading, mapping, coercing and storing the file in a new workspace;
* overview — the Overview page's queries (scorecard with previous period, trend,
  headlines) for the last 28 days and for the whole history, warm.

Floor and import alternate, and each import is divided by the floor run just before it
(the machine's speed drifts from minute to minute on shared cores); the summary line
gives the median of those ratios, for time and for peak memory (RSS, the reading
child's included).

    python benchmarks/bench_import.py [--sizes 100000 1048575] [--kinds csv shared inline]
                                      [--repeat 3] [--overview]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A worksheet has 1,048,576 rows; one holds the header.
EXCEL_MAX_DATA_ROWS = 1_048_575
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))


def make_frame(rows: int):
    """The rows of a ticket export: ``rows`` rows with 19 columns."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(rows)
    start = pd.Timestamp("2023-01-01")
    created = start + pd.to_timedelta(np.sort(rng.uniform(0, 730 * 86400, rows)).round(), "s")
    res_h = rng.lognormal(np.log(12), 1.1, rows)
    resolved = created + pd.to_timedelta((res_h * 3600).round(), "s")
    resolved = resolved.where(resolved < start + timedelta(days=730))
    prio = rng.choice(["P1", "P2", "P3", "P4"], rows, p=[0.02, 0.1, 0.5, 0.38])
    cols = {
        "ticket_id": [f"INC{i:08d}" for i in range(rows)],
        "created_at": created,
        "first_response_at": created + pd.to_timedelta(rng.exponential(1800, rows).round(), "s"),
        "resolved_at": resolved,
        "closed_at": resolved + pd.Timedelta(days=1),
        "status": np.where(resolved.isna(), "Open", "Closed"),
        "channel": rng.choice(["phone", "email", "chat", "portal"], rows),
        "category": rng.choice([f"Category {i}" for i in range(10)], rows),
        "subcategory": rng.choice([f"Sub {i}" for i in range(30)], rows),
        "priority": prio,
        "team": rng.choice([f"Team {i}" for i in range(5)], rows),
        "agent": rng.choice([f"Agent {i:02d}" for i in range(50)], rows),
        "customer_segment": rng.choice(["Enterprise", "SMB", "Consumer"], rows),
        "region": rng.choice(["North America", "EMEA", "APAC"], rows),
        "sla_hours": pd.Series(prio).map({"P1": 4, "P2": 8, "P3": 24, "P4": 72}).to_numpy(),
        "first_contact_resolved": rng.random(rows) < 0.4,
        "reopen_count": rng.choice([0, 0, 0, 0, 0, 0, 0, 0, 0, 1], rows),
        "csat": np.where(rng.random(rows) < 0.25, rng.integers(1, 6, rows), np.nan),
        "handle_minutes": rng.lognormal(np.log(12), 0.5, rows).round(1),
        "cost": np.nan,
    }
    return pd.DataFrame(cols).drop(columns="cost")


def make_workbook(rows: int, strings: str = "shared") -> Path:
    """A ticket export of ``rows`` rows with 19 columns, as a workbook.

    ``strings="shared"`` writes text through the shared-strings table, as Excel itself
    saves a workbook; ``"inline"`` writes each text cell in place, as streaming
    exporters do (xlsxwriter's constant-memory mode, Apache POI's SXSSF).
    """
    import pandas as pd
    import xlsxwriter

    if rows > EXCEL_MAX_DATA_ROWS:
        raise SystemExit(f"an Excel sheet holds at most {EXCEL_MAX_DATA_ROWS:,} data rows")
    path = OUT / f"tickets_{rows}{'' if strings == 'shared' else '_' + strings}.xlsx"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    frame = make_frame(rows)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": strings == "inline"})
    sheet = wb.add_worksheet("tickets")
    when = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    sheet.write_row(0, 0, list(frame.columns))
    kinds = ["t" if str(frame[c].dtype).startswith("datetime") else "v" for c in frame.columns]
    for r, values in enumerate(frame.itertuples(index=False, name=None), start=1):
        for c, (v, k) in enumerate(zip(values, kinds, strict=True)):
            if v is None or v is pd.NaT or (isinstance(v, float) and v != v):
                continue
            if k == "t":
                sheet.write_datetime(r, c, v.to_pydatetime(), when)
            else:
                sheet.write(r, c, v.item() if hasattr(v, "item") else v)
    wb.close()
    return path


def make_csv(rows: int) -> Path:
    """The same export as a UTF-8 CSV file, times as ``2023-01-01 00:10:33``."""
    path = OUT / f"tickets_{rows}.csv"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        make_frame(rows).to_csv(path, index=False, date_format="%Y-%m-%d %H:%M:%S")
    return path


def child(step: str, path: str, workspace: str) -> dict:
    """Run one step in this process and report its time and peak memory.

    Libraries are loaded before the clock starts, as they are in a running app.
    """
    import duckdb
    import fastexcel

    from svcops import headlines, kpi
    from svcops.filters import Filters
    from svcops.ingest import import_paths
    from svcops.store import Workspace

    c0 = _cpu_seconds()
    t0 = time.perf_counter()
    if step == "read":
        reader = fastexcel.read_excel(path)
        rows = sum(reader.load_sheet(s, eager=True).num_rows for s in reader.sheet_names)
    elif step == "read_write":
        reader = fastexcel.read_excel(path)
        con = duckdb.connect(workspace)
        con.execute("SET enable_progress_bar = false")
        rows = 0
        for i, s in enumerate(reader.sheet_names):
            sheet = reader.load_sheet(s, eager=True)
            con.execute(f"CREATE TABLE t{i} AS SELECT * FROM sheet")
            rows += sheet.num_rows
        con.close()
    elif step == "read_csv":
        con = duckdb.connect(workspace)
        con.execute("SET enable_progress_bar = false")
        con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [path])
        rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
        con.close()
    elif step == "import":
        with Workspace(workspace) as ws:
            rows = import_paths(ws, [path]).rows
    elif step == "overview":
        with Workspace(workspace, read_only=True) as ws:
            lo, hi = kpi.data_period(ws)
            timings = {}
            for label, f in (
                ("last 28 days", Filters(start=hi - timedelta(days=27), end=hi)),
                ("whole history", Filters(start=lo, end=hi)),
            ):
                kpi.period_scorecard(ws, f)  # warm the file cache
                t1 = time.perf_counter()
                card = kpi.period_scorecard(ws, f)
                kpi.trend(ws, f)
                headlines.headlines(ws, f, card)
                timings[label] = time.perf_counter() - t1
            rows = card.row("tickets").value
        return {
            "seconds": time.perf_counter() - t0,
            "rows": rows,
            "timings": timings,
            "peak_mb": _peak_mb(),
        }
    else:
        raise SystemExit(f"unknown step {step}")
    return {
        "seconds": time.perf_counter() - t0,
        "cpu": _cpu_seconds() - c0,
        "rows": rows,
        "peak_mb": _peak_mb(),
    }


def _cpu_seconds() -> float:
    """CPU time (user and system, every thread) of this process and of the children it
    waited for: steadier than wall time on a machine whose other work comes and goes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb() -> float:
    """This process's peak resident memory plus its children's (svcops reads a workbook
    in a forked child): an upper bound, since pages they share count twice."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def run_step(step: str, path: Path, workspace: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", step, str(path), str(workspace)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def fresh(workspace: Path) -> None:
    for stale in (workspace, Path(f"{workspace}.wal")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(f"{workspace}.originals", ignore_errors=True)


# The floor each kind of file is measured against.
FLOORS = {"csv": ("read_csv", "floor: DuckDB read_csv"), "xlsx": ("read", "floor: fastexcel read")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, EXCEL_MAX_DATA_ROWS])
    parser.add_argument(
        "--kinds",
        nargs="+",
        default=["csv", "shared", "inline"],
        choices=["csv", "shared", "inline"],
        help="csv, or a workbook whose text is shared or inline strings",
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--overview", action="store_true", help="also time the Overview queries")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return

    print(
        f"{'rows':>10} {'file':<11} {'step':<24} {'seconds':>8} {'peak MB':>8} "
        f"{'time/floor':>10} {'peak/floor':>10} {'cpu/floor':>10}"
    )
    med = statistics.median
    for size in args.sizes:
        for kind in args.kinds:
            t0 = time.perf_counter()
            book = make_csv(size) if kind == "csv" else make_workbook(size, kind)
            made = time.perf_counter() - t0
            label = "csv" if kind == "csv" else f"xlsx {kind}"
            head = f"{size:>10,} {label:<11}"
            print(f"{head} {'(file ready)':<24} {made:>8.1f} {book.stat().st_size / 1e6:>7.1f}MB")
            floor_step, floor_name = FLOORS["csv" if kind == "csv" else "xlsx"]
            ws = OUT / f"bench_{size}_{kind}.duckdb"
            times, peaks, cpus, written = [], [], [], []
            for _ in range(args.repeat):
                fresh(ws)
                floor = run_step(floor_step, book, ws)
                fresh(ws)
                imp = run_step("import", book, ws)
                assert floor["rows"] == size and imp["rows"] == size, (floor, imp)
                times.append(imp["seconds"] / floor["seconds"])
                peaks.append(imp["peak_mb"] / floor["peak_mb"])
                cpus.append(imp["cpu"] / floor["cpu"])
                steps = [(floor_name, floor), ("import (svcops)", imp)]
                if kind != "csv":
                    fresh(ws)
                    both = run_step("read_write", book, ws)
                    assert both["rows"] == size, both
                    written.append(imp["seconds"] / both["seconds"])
                    steps.append(("floor + DuckDB write", both))
                for name, r in steps:
                    print(
                        f"{head} {name:<24} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f} "
                        f"{r['seconds'] / floor['seconds']:>9.2f}x "
                        f"{r['peak_mb'] / floor['peak_mb']:>9.2f}x "
                        f"{r['cpu'] / floor['cpu']:>9.2f}x"
                    )
            print(
                f"{head} median of {args.repeat} runs: import/floor time {med(times):.2f}x "
                f"(range {min(times):.2f}-{max(times):.2f}), peak memory {med(peaks):.2f}x "
                f"(range {min(peaks):.2f}-{max(peaks):.2f}), CPU time {med(cpus):.2f}x "
                f"(range {min(cpus):.2f}-{max(cpus):.2f})"
            )
            if written:
                print(
                    f"{head} median of {args.repeat} runs: import/(read + DuckDB write) time "
                    f"{med(written):.2f}x (range {min(written):.2f}-{max(written):.2f})"
                )
            if args.overview:
                ov = run_step("overview", book, ws)
                for what, secs in ov["timings"].items():
                    print(f"{head} {'overview, ' + what:<24} {secs:>8.3f} {ov['peak_mb']:>8.0f}")


if __name__ == "__main__":
    main()
