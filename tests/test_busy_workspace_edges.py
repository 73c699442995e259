"""A workspace shared by processes, at its edges: several waiters at once, settings
that are not numbers, and an import on the page that the user interrupts.

(Review of issue 17's busy-server part; see tests/test_busy_workspace.py for the
ordinary turns.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from svcops import locking

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
