"""A workspace shared by processes that take turns, and an import's progress.

The app holds its workspace only while a page runs (``per_use``); a scheduled
``python -m svcops import`` waits for it, and it for the import; every import of a
series stores, the row counts add up, and the file reopens whole. Progress steps come
in order with each sheet's rows; the CLI prints plain lines when piped and never
DuckDB's own progress bar.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import duckdb
import openpyxl
import pytest

from svcops import locking
from svcops.i18n import render
from svcops.ingest import import_files, import_paths
from svcops.ingest.progress import Delayed, Printed, Step
from svcops.store import Workspace

ROOT = Path(__file__).resolve().parents[1]


def _tickets_book(path: Path | None, prefix: str, n: int) -> bytes:
    """A workbook of ``n`` tickets ``<prefix>0..``, each resolved 3 h after it was made."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "tickets"
    sheet.append(["ticket_id", "created_at", "resolved_at", "priority"])
    for i in range(n):
        sheet.append([f"{prefix}{i}", datetime(2024, 6, 3, 9), datetime(2024, 6, 3, 12), "P3"])
    out = io.BytesIO()
    wb.save(out)
    if path is not None:
        path.write_bytes(out.getvalue())
    return out.getvalue()


def _two_sheet_book() -> bytes:
    """4 tickets and 3 cost lines, on two sheets."""
    wb = openpyxl.Workbook()
    tickets = wb.active
    tickets.title = "tickets"
    tickets.append(["ticket_id", "created_at", "resolved_at", "priority"])
    for i in range(4):
        tickets.append([f"T{i}", datetime(2024, 6, 3, 9 + i), datetime(2024, 6, 3, 12 + i), "P2"])
    costs = wb.create_sheet("costs")
    costs.append(["period", "amount", "cost_center"])
    for month in (1, 2, 3):
        costs.append([f"2024-0{month}", 1000 * month, "Desk"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "svcops", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


# -- taking turns ---------------------------------------------------------------------
@pytest.mark.slow  # other processes (the CLI) started
def test_a_per_use_workspace_lets_the_file_go_between_holds(tmp_path):
    path = tmp_path / "ws.duckdb"
    _tickets_book(tmp_path / "a.xlsx", "A", 3)
    app = Workspace(path, per_use=True)
    with app.held():
        assert app.scalar("SELECT count(*) FROM uploads") == 0
        # While held, another process's import finds it busy.
        done = _cli("import", str(tmp_path / "a.xlsx"), "--workspace", str(path), "--wait", "0.3")
    assert done.returncode == 75, done.stderr
    # Not held: the other process stores, and the next hold reads what it stored.
    done = _cli("import", str(tmp_path / "a.xlsx"), "--workspace", str(path), "--wait", "5")
    assert done.returncode == 0, done.stderr
    with app.held():
        assert app.scalar("SELECT count(*) FROM tickets") == 3


@pytest.mark.slow  # other processes (the CLI) started
def test_an_import_waits_for_the_app_and_says_busy_after_its_wait(tmp_path):
    path = tmp_path / "ws.duckdb"
    _tickets_book(tmp_path / "a.xlsx", "A", 2)
    app = Workspace(path, per_use=True)
    with app.held():
        busy = _cli("import", str(tmp_path / "a.xlsx"), "--workspace", str(path), "--wait", "0.5")
    assert busy.returncode == 75
    lines = busy.stderr.strip().splitlines()
    assert lines[-1] == (
        f"error: workspace busy: {path} is in use by another process (waited 1 s)"
    ), busy.stderr
    assert "Traceback" not in busy.stderr
    # An import that waits up to 20 s stores once the app lets the file go.
    release = threading.Event()

    def hold() -> None:
        with app.held():
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.3)
    proc = subprocess.Popen(
        [sys.executable, "-m", "svcops", "import", str(tmp_path / "a.xlsx")]
        + ["--workspace", str(path), "--wait", "20"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # It says it waits (the waiting file names it) and keeps waiting while held.
    deadline = time.monotonic() + 60
    while not locking.wanted(path) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert locking.wanted(path)
    time.sleep(0.5)
    assert proc.poll() is None
    release.set()
    holder.join()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert f"{path}: in use by another process; waiting up to 20 s" in err
    assert "2 rows imported" in out
    with app.held():
        assert app.scalar("SELECT count(*) FROM tickets") == 2


@pytest.mark.slow  # other processes (the CLI) started
def test_several_imports_in_a_row_while_the_app_reads_all_store(tmp_path):
    """Three CLI imports one after another while app threads keep holding and reading
    the workspace: every import stores, the counts add up (5 + 7 + 9 tickets, 3
    uploads), and the file reopens whole (a check of every table)."""
    path = tmp_path / "ws.duckdb"
    books = [_tickets_book(tmp_path / f"b{i}.xlsx", f"B{i}-", n) for i, n in enumerate((5, 7, 9))]
    assert len(books) == 3
    # Open between holds for up to 30 s, unless another process waits for the file.
    app = Workspace(path, per_use=True, linger=30)
    stop = threading.Event()
    seen: list[int] = []
    errors: list[BaseException] = []

    def reader() -> None:
        while not stop.is_set():
            try:
                with app.held():
                    seen.append(int(app.scalar("SELECT count(*) FROM tickets")))
                    time.sleep(0.05)
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
                return

    readers = [threading.Thread(target=reader) for _ in range(2)]
    for r in readers:
        r.start()
    try:
        for i in range(3):
            done = _cli(
                "import", str(tmp_path / f"b{i}.xlsx"), "--workspace", str(path), "--wait", "20"
            )
            assert done.returncode == 0, done.stderr
    finally:
        stop.set()
        for r in readers:
            r.join()
    assert not errors
    # What readers saw only ever grew through the counts each import makes.
    assert set(seen) <= {0, 5, 12, 21}
    assert seen == sorted(seen)
    app.close()
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute(
            "SELECT count(*), count(DISTINCT ticket_id) FROM tickets"
        ).fetchone() == (
            21,
            21,
        )
        assert con.execute("SELECT count(*), sum(rows) FROM uploads").fetchone() == (3, 21)
        # The file opens again and every table in it scans.
        for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall():
            con.execute(f'SELECT count(*) FROM "{name}"').fetchone()
    finally:
        con.close()


@pytest.mark.slow  # other processes (the CLI) started
def test_a_process_that_cannot_get_the_lock_file_gives_up_after_its_wait(tmp_path):
    path = tmp_path / "ws.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from svcops.store import Workspace; "
            f"w = Workspace({str(path)!r}); print('held', flush=True); time.sleep(30)",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(locking.WorkspaceBusy) as caught:
            Workspace(path, wait=0.4)
        assert 0.4 <= time.monotonic() - started < 5
        assert caught.value.message.key == "store.busy"
        assert render(caught.value.message, "zh").startswith("工作区忙")
    finally:
        holder.kill()
        holder.wait()


def test_every_connection_has_duckdbs_progress_bar_off(tmp_path):
    for ws in (
        Workspace(),
        Workspace(tmp_path / "a.duckdb"),
        Workspace(tmp_path / "b.duckdb", per_use=True),
    ):
        with ws.held():
            cur = ws.cursor()
            assert cur.execute("SELECT current_setting('enable_progress_bar')").fetchone() == (
                False,
            )
            cur.close()
        assert ws.query("SELECT current_setting('enable_progress_bar') AS p")["p"].tolist() == [
            False
        ]
        ws.close()


# -- progress -------------------------------------------------------------------------
def test_progress_steps_come_in_order_with_each_sheets_rows():
    steps: list[Step] = []
    with Workspace() as ws:
        report = import_files(ws, [("two.xlsx", _two_sheet_book())], progress=steps.append)
    assert [(s.table, s.rows) for s in report.sheets] == [("tickets", 4), ("costs", 3)]
    assert [(s.stage, dict(s.message.params)) for s in steps] == [
        ("reading", {"file": "two.xlsx", "done": 1, "files": 1}),
        ("read", {"file": "two.xlsx", "sheet": "tickets", "rows": 4}),
        ("read", {"file": "two.xlsx", "sheet": "costs", "rows": 3}),
        ("checking", {"file": "two.xlsx", "sheet": "tickets", "rows": 4, "done": 1, "sheets": 2}),
        ("checking", {"file": "two.xlsx", "sheet": "costs", "rows": 3, "done": 2, "sheets": 2}),
        ("storing", {"rows": 7, "sheets": 2}),
        ("stored", {"file": "two.xlsx", "sheet": "tickets", "rows": 4, "done": 1, "sheets": 2}),
        ("stored", {"file": "two.xlsx", "sheet": "costs", "rows": 3, "done": 2, "sheets": 2}),
    ]
    assert all(s.message.key == f"progress.{s.stage}" for s in steps)
    fractions = [s.fraction for s in steps]
    assert fractions == sorted(fractions) and fractions[0] == 0 and fractions[-1] == 1


def test_a_quick_import_shows_nothing_and_a_slow_one_its_latest_step():
    shown: list[Step] = []
    quick = Delayed(shown.append, after=5)
    quick(Step("reading", _msg("a"), 0.0))
    quick.close()
    assert shown == []
    slow = Delayed(shown.append, after=0.2)
    first = Step("reading", _msg("a"), 0.0)
    slow(first)
    time.sleep(0.5)  # the timer shows the step under way, before any other comes
    assert shown == [first]
    later = Step("storing", _msg("b"), 0.7)
    slow(later)
    slow.close()
    assert shown == [first, later]


def _msg(name: str):
    from svcops.i18n import Message

    return Message("progress.reading", {"file": name, "done": 1, "files": 1})


def test_progress_on_a_terminal_is_one_redrawn_line():
    out = io.StringIO()
    printed = Printed(out, tty=True)
    printed(Step("reading", _msg("a.xlsx"), 0.0))
    printed(Step("storing", _msg("a.xlsx"), 0.5))
    printed.close()
    text = out.getvalue()
    assert text.count("\r") == 2 and text.endswith("\n") and text.count("\n") == 1
    assert "[############------------]  50% Reading a.xlsx (1 of 1 files)" in text


@pytest.mark.slow  # other processes (the CLI) started
def test_the_cli_piped_prints_plain_progress_lines_and_no_duckdb_bar(tmp_path):
    path = tmp_path / "two.xlsx"
    path.write_bytes(_two_sheet_book())
    done = _cli(
        "import",
        str(path),
        "--workspace",
        str(tmp_path / "ws.duckdb"),
        env={"SVCOPS_PROGRESS_AFTER": "0"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        "progress: Reading two.xlsx (1 of 1 files)",
        "progress: Read two.xlsx / tickets: 4 rows",
        "progress: Read two.xlsx / costs: 3 rows",
        "progress: Checking two.xlsx / tickets: 4 rows (1 of 2 sheets)",
        "progress: Checking two.xlsx / costs: 3 rows (2 of 2 sheets)",
        "progress: Storing 7 rows of 2 sheet(s)",
        "progress: Stored two.xlsx / tickets: 4 rows (1 of 2 sheets)",
        "progress: Stored two.xlsx / costs: 3 rows (2 of 2 sheets)",
    ]
    for text in (done.stdout, done.stderr):
        assert "\r" not in text and "▕" not in text and "%" not in text
    assert done.stdout.splitlines()[0].startswith("two.xlsx / tickets -> tickets: 4 rows imported")


def test_import_paths_still_works_on_a_workspace_held_for_its_life(tmp_path):
    book = tmp_path / "t.xlsx"
    _tickets_book(book, "L", 3)
    with Workspace(tmp_path / "ws.duckdb") as ws:
        assert import_paths(ws, [book]).rows == 3
        assert ws.row_counts()["tickets"] == 3
