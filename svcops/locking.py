"""One process at a time in a workspace file: a lock file beside it, waited for.

DuckDB lets one process at a time open a database file for writing, and refuses
every other process at once ("Could not set lock on file"). The app and a
scheduled ``python -m svcops import`` share one workspace, so each takes
``<workspace>.lock`` (``fcntl.flock``, exclusive) before opening the file and lets
it go after closing it, and the other waits its turn, up to a bound:

* the CLI holds the workspace for its whole command;
* the app holds it for the length of one page run (or one call outside a run),
  so between runs the file is free, and a page opened again reads what a
  scheduled import stored meanwhile.

Within one process the lock is counted, not taken again: the app's sessions run
on threads that share one DuckDB database, and ``flock`` would make two opens of
the lock file in one process wait for each other.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .i18n import Message
from .i18n.errors import MessageError

# How long a process waits for another to let go of a workspace, by default (seconds).
DEFAULT_WAIT = 120.0
_POLL = 0.05


class WorkspaceBusy(MessageError):
    """Another process kept the workspace for longer than this one would wait."""


def busy(path: str, waited: float) -> WorkspaceBusy:
    """The error for a workspace still held by another process after ``waited`` s."""
    return WorkspaceBusy(Message("store.busy", {"path": path, "seconds": round(waited)}))


def lock_path(workspace: str | Path) -> Path:
    """The lock file beside the workspace file itself: two spellings of one file (a
    symlink, a relative path) take turns in one lock file."""
    return Path(f"{Path(workspace).resolve()}.lock")


def _wait_path(workspace: str | Path) -> Path:
    return Path(f"{Path(workspace).resolve()}.lock.waiting")


# A waiting file not written again for this long (seconds) is stale: its waiter was
# killed and the number it names may belong to another process since. A waiter writes
# it at every poll (:data:`_POLL`).
_STALE = 5.0


def wanted(workspace: str | Path) -> bool:
    """Whether another process is waiting for ``workspace`` (the app then lets it go
    first). The waiting file names the waiter's process; one left by a process that
    is gone, or not written again for :data:`_STALE` seconds, does not count."""
    return _waiter(workspace) not in (None, os.getpid())


def _waiter(workspace: str | Path) -> int | None:
    """The live process the waiting file names, or None (no file, a stale one, or a
    process gone)."""
    path = _wait_path(workspace)
    try:
        if abs(time.time() - path.stat().st_mtime) > _STALE:
            return None
        pid = int(path.read_text().strip() or 0)
    except (OSError, ValueError):
        return None
    if pid <= 0:
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    return pid


def _note_waiting(workspace: str | Path) -> None:
    """Say this process waits for ``workspace``, unless another live waiter is named
    already. Called at every poll: the note is written again (kept fresh), and a
    waiter that got its turn and removed the file leaves it to the next one still
    waiting. Best effort (a folder this process cannot write)."""
    if _waiter(workspace) in (None, os.getpid()):
        try:
            _wait_path(workspace).write_text(str(os.getpid()))
        except OSError:
            pass


def _unnote_waiting(workspace: str | Path) -> None:
    """Remove the waiting file when it names this process (not another that waits)."""
    if _waiter(workspace) == os.getpid():
        _wait_path(workspace).unlink(missing_ok=True)


class _Held:
    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.count = 0


_held: dict[str, _Held] = {}
_guard = threading.Lock()


def acquire(
    workspace: str | Path, wait: float = DEFAULT_WAIT, on_wait: Callable[[], None] | None = None
) -> None:
    """Take ``workspace``'s lock for this process, waiting up to ``wait`` seconds for
    another process to let go of it (WorkspaceBusy after that). ``on_wait``: called
    once, before waiting, when the lock is not free at once."""
    key = str(Path(workspace).resolve())
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return
        path = lock_path(workspace)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        told = False
        if wanted(workspace):  # another process waits already: let it have its turn first
            time.sleep(4 * _POLL)
        try:
            started = time.monotonic()
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    waited = time.monotonic() - started
                    if waited >= wait:
                        raise busy(str(workspace), waited) from None
                    _note_waiting(workspace)
                    if not told:
                        told = True
                        if on_wait is not None:
                            on_wait()
                    time.sleep(min(_POLL, max(0.0, wait - waited)))
        except BaseException:
            os.close(fd)
            raise
        finally:
            if told:
                _unnote_waiting(workspace)
        held = _held[key] = _Held(fd)
        held.count = 1


def release(workspace: str | Path) -> None:
    """Let go of one hold of ``workspace``'s lock; the last one frees it for others."""
    key = str(Path(workspace).resolve())
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count == 0:
            del _held[key]
            fcntl.flock(held.fd, fcntl.LOCK_UN)
            os.close(held.fd)
