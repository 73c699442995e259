"""What holding the user's workspace per page run costs a page (AppTest, no browser).

The app opens its own workspace only while a page runs (see docs/architecture.md, "Who
holds the workspace file"), so that a scheduled import can write between runs. This
times reruns of three pages on the sample workbook imported as the user's own
workspace, three ways, interleaved in one process:

* ``held``: the workspace held open for the server's life (as before: no import from
  another process possible while the app runs);
* ``per run``: opened per run as the app does (the file stays open for ``APP_LINGER``
  after a run unless another process waits for it, so reruns share one opening);
* ``per run, let go``: each rerun after the file was let go (as after a scheduled
  import, or a page opened again after more than ``APP_LINGER``): the full cost of
  opening the file and reading it cold.

    python benchmarks/bench_workspace.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ("views/overview.py", "views/quality.py", "views/data.py")
REPEAT = 7


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="svcops-bench-ws-"))
    os.environ["SVCOPS_WORKSPACE"] = str(tmp / "own.duckdb")
    os.environ["SVCOPS_CACHE_DIR"] = str(tmp / "cache")
    from streamlit.testing.v1 import AppTest

    from svcops.ingest import import_paths
    from svcops.store import Workspace
    from ui import state

    with Workspace(tmp / "own.duckdb") as ws:
        import_paths(ws, [ROOT / "sample_data" / "svcops_sample.xlsx"])

    per_run = state._own_workspace

    def held_for_life(path: str) -> Workspace:
        return _held(path)

    held_ws: dict[str, Workspace] = {}

    def _held(path: str) -> Workspace:
        if path not in held_ws:
            held_ws[path] = Workspace(path)
        return held_ws[path]

    def rerun_times(page: str, mode: str) -> list[float]:
        state._own_workspace = held_for_life if mode == "held" else per_run
        per_run(str(tmp / "own.duckdb")).linger = 0 if mode == "per run, let go" else 30.0
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.query_params.update(source="own")
        at.run()
        if page != "views/overview.py":
            at.switch_page(page)
            at.run()
        assert not at.exception, at.exception
        runs = []
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            at.run()
            runs.append(time.perf_counter() - t0)
            assert not at.exception
        if mode == "held":
            for ws in held_ws.values():
                ws.close()
            held_ws.clear()
        return runs

    modes = ("held", "per run", "per run, let go")
    results: dict[tuple[str, str], list[float]] = {}
    for _round in range(2):  # interleaved, so a busy machine weighs on every mode alike
        for page in PAGES:
            for mode in modes:
                results.setdefault((page, mode), []).extend(rerun_times(page, mode))
    state._own_workspace = per_run
    print(f"{'page rerun, median of ' + str(2 * REPEAT):<34}" + "".join(f"{m:>18}" for m in modes))
    for page in PAGES:
        cells = "".join(f"{statistics.median(results[(page, m)]) * 1000:15.0f} ms" for m in modes)
        print(f"{page:<34}{cells}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
