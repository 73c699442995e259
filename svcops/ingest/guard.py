"""Run a reader in a child process with a memory ceiling, so no file can end the app.

A workbook's reader (calamine, in Rust) allocates the rectangle from the sheet's first
to its last cell before it converts anything: one stray cell at XFD1048576 asks for
hundreds of gigabytes, and a packed file whose headers understate its sizes asks for
gigabytes more than it says. An allocation that fails in Rust aborts the whole
process - for a web app, every user's session. So workbooks are read in a child
process (:func:`guarded`) whose address space is capped (:func:`read_memory_bytes`).
A child that dies, or runs out of memory, costs that one file a one-line refusal.

The child is forked: it starts at once with everything loaded, and needs no main
module (Streamlit's is the app script, which a ``spawn`` or ``forkserver`` child would
run again). It runs only the reader - no DuckDB, no Streamlit - and leaves by
``os._exit``, so nothing the app's other threads held at the fork is touched. Where
fork is not available (Windows), the reader runs in-process as before.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import resource
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from ..i18n import say
from ..i18n.errors import MessageError

# Default ceiling for one read; SVCOPS_READ_MEMORY_MB overrides it. A full sheet of
# 1,048,575 rows by 19 columns peaks at about 1.8 GB in the reader.
DEFAULT_READ_MEMORY_MB = 8192


# How long a child that has answered may take to exit before it is killed.
_EXIT_GRACE_SECONDS = 5


class ReadCrashed(MessageError):
    """The child reading a file died or ran out of memory."""


def read_memory_bytes() -> int:
    """The memory one read may add to the process it is forked from (address space, in
    bytes): SVCOPS_READ_MEMORY_MB (default :data:`DEFAULT_READ_MEMORY_MB`), never more
    than three quarters of the machine's memory; a value that is not a positive number
    is ignored."""
    try:
        wanted = float(os.environ.get("SVCOPS_READ_MEMORY_MB", DEFAULT_READ_MEMORY_MB))
    except ValueError:
        wanted = DEFAULT_READ_MEMORY_MB
    if not 0 < wanted < float("inf"):  # "inf" would not convert to bytes
        wanted = DEFAULT_READ_MEMORY_MB
    limit = int(wanted * 1024 * 1024)
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        limit = min(limit, physical * 3 // 4)
    except (ValueError, OSError, AttributeError):
        pass
    return limit


def _context():
    """multiprocessing's fork context, or None where there is none."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


def _child(conn: Connection, limit: int, fn: Callable, args: tuple) -> None:
    """In the child: cap the address space, run ``fn``, send back what it returned or
    raised (a MessageError as it is; anything else as its type and first line)."""
    # A failed allocation in the reader prints one line, not a stack trace per file
    # (Rust's, or Python's fault handler's when the parent enabled it).
    os.environ["RUST_BACKTRACE"] = "0"
    faulthandler.disable()
    # The app's own handlers (Streamlit stops its server on SIGTERM and SIGINT) came
    # with the fork: in the child they would keep a reader that is told to stop reading,
    # and stopping the server from here means nothing. The default ends it.
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    try:
        # The child starts with its parent's address space (the app's libraries, its
        # caches): the ceiling is that plus what a read may add.
        with open("/proc/self/statm") as f:
            start = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (start + limit, start + limit))
    except (ValueError, OSError):
        pass
    try:
        result = ("ok", fn(*args))
    except MessageError as exc:
        result = ("error", exc)
    except MemoryError:
        result = ("memory", None)
    except BaseException as exc:  # sent back whole; the parent words it
        text = str(exc).strip().splitlines()
        result = ("failed", f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__)
    try:
        conn.send(result)
    except MemoryError:
        conn.send(("memory", None))
    finally:
        conn.close()
        # Out at once: multiprocessing's own way out waits for threads the reader
        # started and flushes stdout, whose lock another thread of the app may have
        # held at the fork - a child that would never end.
        os._exit(0)


def guarded(name: str, fn: Callable, *args: Any) -> Any:
    """``fn(*args)`` run in a child process under the memory ceiling, for the file
    ``name``. Returns what it returns; re-raises a MessageError it raised; raises
    :class:`ReadCrashed` naming the file when the child died or ran out of memory,
    and a RuntimeError with the first line of any other error."""
    ctx = _context()
    if ctx is None:
        return fn(*args)
    limit = read_memory_bytes()
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, limit, fn, args), daemon=True)
    child.start()
    send.close()
    try:
        try:
            kind, value = receive.recv()
        except (EOFError, OSError):
            kind, value = "died", None
    finally:
        receive.close()
        # The answer is in (or the pipe closed): a child still there after a grace
        # period is stuck on its way out, and is ended rather than waited for.
        child.join(_EXIT_GRACE_SECONDS)
        if child.exitcode is None:
            child.kill()
            child.join()
    if kind == "ok":
        return value
    if kind == "error":
        raise value
    if kind == "failed":
        raise RuntimeError(value)
    # A failed allocation aborts the reader (SIGABRT), and the kernel's OOM killer sends
    # SIGKILL; any other death (a segfault, an exit without an answer) is no memory
    # matter, and saying it was would send the user after the wrong cause.
    if kind == "memory" or child.exitcode in (-signal.SIGABRT, -signal.SIGKILL):
        raise ReadCrashed(say("ingest.error.read_memory", file=name, limit=_size(limit)))
    raise ReadCrashed(say("ingest.error.read_crashed", file=name, code=str(child.exitcode)))


def _size(nbytes: int) -> str:
    """A memory ceiling as people write it: 8.0 GB, or 512 MB below one gigabyte."""
    if nbytes >= 1024**3:
        return f"{nbytes / 1024**3:.1f} GB"
    return f"{max(1, round(nbytes / 1024**2))} MB"
