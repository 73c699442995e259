"""A workspace shared by processes, at its edges: several waiters at once, settings
that are not numbers, and an import on the page that the user interrupts.

(Review of issue 17's busy-server part; see tests/test_busy_workspace.py for the
ordinary turns.)
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from svcops import locking
from svcops.ingest import import_files
from svcops.ingest.progress import Delayed, Printed
from svcops.store import Workspace

ROOT = Path(__file__).resolve().parents[1]

# Holds the lock file of a workspace as another svcops process would, then, once the
# test's process has said it waits: plays a first waiter that got its turn (removes
# the waiting file), waits to be told again, and plays a second waiter arriving (its
# own name in the file) before letting go.
_HOLDER = r"""
import fcntl, os, sys, time
lock, note, parent, other = sys.argv[1:5]
fd = os.open(lock, os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
def named(pid):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if open(note).read().strip() == pid:
                return
        except OSError:
            pass
        time.sleep(0.02)
    sys.exit("never named " + pid)
named(parent)
os.unlink(note)
named(parent)
with open(note, "w") as f:
    f.write(other)
fcntl.flock(fd, fcntl.LOCK_UN)
print("let go", flush=True)
"""


@pytest.mark.slow  # other processes started
def test_every_waiter_stays_named_while_it_waits(tmp_path):
    """Two imports wait for the app: the first to get its turn used to remove the
    waiting file that named the second, so the app kept the file (lingering, up to 30 s
    after each page run) and the second could wait out its --wait and fail 'busy'."""
    path = tmp_path / "ws.duckdb"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _HOLDER,
            str(locking.lock_path(path)),
            f"{path}.lock.waiting",
            str(__import__("os").getpid()),
            str(other.pid),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        # Without writing itself down again, this waits out its bound: WorkspaceBusy.
        locking.acquire(path, wait=20)
        try:
            assert holder.stdout.readline().strip() == "let go"
            # The second waiter is still named, so the app lets the file go for it.
            assert locking.wanted(path)
        finally:
            locking.release(path)
    finally:
        for proc in (holder, other):
            proc.kill()
            proc.wait()


def _imported(path: Path) -> None:
    """``path`` with two uploads (4 tickets), their originals kept beside it."""
    with Workspace(path) as ws:
        import_files(ws, [("one.csv", b"ticket_id,created_at\nA,2024-06-03 09:00\n")])
        import_files(
            ws,
            [
                (
                    "more.csv",
                    b"ticket_id,created_at\nB,2024-06-03 09:00\nC,2024-06-04 09:00\n"
                    b"D,2024-06-05 09:00\n",
                )
            ],
        )
    assert (path.parent / f"{path.name}.originals").is_dir()


@pytest.mark.parametrize("linger", [0.0, 30.0])
def test_a_per_use_workspace_opened_while_another_process_waits_is_open(tmp_path, linger):
    """Opening the file tidies its originals folder with a query of its own; that
    query's hold, ending, used to close the file under the hold being opened (always
    with no linger, and in the app when another process waited for the file), so the
    page run's first query failed: 'workspace ... is not open'."""
    path = tmp_path / "ws.duckdb"
    _imported(path)
    if linger:
        # Another process (this one's parent, alive) waits for the file.
        Path(f"{path}.lock.waiting").write_text(str(os.getppid()))
        assert locking.wanted(path)
    ws = Workspace(path, per_use=True, linger=linger, wait=5)
    try:
        with ws.held():
            assert ws.scalar("SELECT count(*) FROM tickets") == 4
            assert ws.scalar("SELECT count(*) FROM uploads") == 2
    finally:
        ws.close()


@pytest.mark.parametrize(
    ("given", "seconds"),
    [("abc", 600.0), ("nan", 600.0), ("-5", 600.0), ("", 600.0), ("0", 0.0), ("45", 45.0)],
)
def test_the_apps_wait_ignores_a_value_that_is_not_seconds(monkeypatch, given, seconds):
    """SVCOPS_APP_WAIT=abc used to fail the import of ui.state: every page an error."""
    from ui import state

    monkeypatch.setenv("SVCOPS_APP_WAIT", given)
    assert state.app_wait() == seconds


@pytest.mark.parametrize("given", ["abc", "nan", "-1"])
def test_the_cli_refuses_a_wait_that_is_not_seconds(capsys, given):
    """--wait nan waited for good; --wait -1 gave up at once."""
    from svcops.cli import build_parser

    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["import", "x.csv", "--wait", given])
    assert exited.value.code == 2
    assert "not a number of seconds (0 or more)" in capsys.readouterr().err


@pytest.mark.parametrize(("given", "seconds"), [("0", 0.0), ("2.5", 2.5), ("inf", float("inf"))])
def test_the_cli_takes_a_wait_of_seconds(given, seconds):
    from svcops.cli import build_parser

    assert build_parser().parse_args(["import", "x.csv", "--wait", given]).wait == seconds


class _Gone(io.StringIO):
    """A stream whose reader has gone (a pipe closed at the other end)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize("stream", [None, _Gone()], ids=["stderr closed", "reader gone"])
def test_progress_that_cannot_be_written_never_ends_the_import(tmp_path, stream):
    """With stderr closed (2>&-, sys.stderr None) or its reader gone, an import over a
    second failed when its progress was written: exit 1, nothing stored, no word."""
    shown = Delayed(Printed(stream), after=0)
    with Workspace(tmp_path / "ws.duckdb") as ws:
        report = import_files(
            ws, [("two.csv", b"ticket_id,created_at\nA,2024-06-03\nB,2024-06-04\n")], progress=shown
        )
        assert report.rows == 2
        assert ws.scalar("SELECT count(*) FROM tickets") == 2


@pytest.mark.slow  # starts the CLI
def test_the_cli_imports_with_stderr_closed(tmp_path):
    book = tmp_path / "two.csv"
    book.write_bytes(b"ticket_id,created_at\nA,2024-06-03\nB,2024-06-04\n")
    path = tmp_path / "ws.duckdb"
    done = subprocess.run(
        ["sh", "-c", 'exec "$0" -m svcops import "$1" --workspace "$2" 2>&-', sys.executable]
        + [str(book), str(path)],
        cwd=ROOT,
        env={**os.environ, "SVCOPS_PROGRESS_AFTER": "0"},
        capture_output=False,
        stdout=subprocess.PIPE,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0
    assert "2 rows imported" in done.stdout
    with Workspace(path) as ws:
        assert ws.scalar("SELECT count(*) FROM tickets") == 2


@pytest.mark.slow  # another process started
def test_two_spellings_of_one_workspace_take_turns_in_one_lock_file(tmp_path):
    """The app opened a workspace through a symlink to the file and a scheduled import
    the real path: two lock files, so neither saw the other waiting (the import waited
    out the app's linger, or its --wait, on DuckDB's own lock)."""
    real = tmp_path / "real.duckdb"
    link = tmp_path / "link.duckdb"
    link.symlink_to(real)
    locking.acquire(link, wait=1)
    try:
        other = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from svcops import locking\n"
                "try:\n"
                "    locking.acquire(sys.argv[1], wait=0.2)\n"
                "except locking.WorkspaceBusy:\n"
                "    print('busy')\n"
                "else:\n"
                "    print('taken')\n",
                str(real),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert other.stdout.strip() == "busy", other.stderr
    finally:
        locking.release(link)


def test_a_waiting_file_not_kept_fresh_names_no_waiter(tmp_path):
    """A waiter killed (kill -9) leaves its note; the number in it may name another,
    unrelated process later (numbers are reused). Such a note is not written again, and
    after a few seconds no longer counts: the app would otherwise let its file go after
    every run and make each new run wait for the runs under way, for good."""
    path = tmp_path / "ws.duckdb"
    note = Path(f"{path}.lock.waiting")
    note.write_text(str(os.getppid()))  # a live process, not this one
    assert locking.wanted(path)
    old = time.time() - 60
    os.utime(note, (old, old))
    assert not locking.wanted(path)


def test_the_value_inference_connections_have_no_progress_bar():
    # DuckDB prints its bar to stdout for a query over 2 s, piped or not: every
    # connection value inference opens turns it off.
    import inspect

    from svcops.ingest import infer

    source = inspect.getsource(infer)
    opened = source.count("duckdb.connect()")
    assert opened >= 2 and source.count("quiet(duckdb.connect())") == opened


def test_the_explorers_sandbox_has_no_progress_bar(tmp_path):
    from svcops import explorer
    from svcops.store import Workspace

    with Workspace(tmp_path / "ws.duckdb") as ws:
        got = explorer.run(
            ws, "SELECT current_setting('enable_progress_bar') AS bar", folder=tmp_path / "s"
        )
    assert got.ok and got.frame["bar"].tolist() == [False]
