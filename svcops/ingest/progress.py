"""How far an import has got: reading each file, checking each sheet, storing it.

:func:`svcops.ingest.import_files` calls ``progress(step)`` (any callable) as it goes,
in this order: ``reading`` (per file, before it is read), ``read`` (per sheet read,
with its rows), ``checking`` (per sheet whose values are checked and coerced, with
its rows), ``storing`` (once, all sheets' rows) and ``stored`` (per sheet stored).
A step carries a :class:`Message` (``progress.<stage>`` with the file, the sheet and
the counts) and the share of the import done, for a progress bar.

:class:`Delayed` shows steps only once an import has taken longer than a moment
(``SVCOPS_PROGRESS_AFTER`` seconds, 1 by default), so a quick import shows nothing.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..i18n import Message

STAGES = ("reading", "read", "checking", "storing", "stored")
# The share of the bar each part of an import fills: reading, checking, storing.
_READING, _CHECKING = 0.4, 0.3
# The share reading fills: a mapping check (:func:`svcops.ingest.preview`) only reads,
# so its bar is the reading part stretched to the whole.
READING_SHARE = _READING


@dataclass(frozen=True)
class Step:
    """One step of an import: ``stage`` (one of :data:`STAGES`), its ``message``
    (``progress.<stage>``) and ``fraction``, the share of the import done (0-1)."""

    stage: str
    message: Message
    fraction: float


Progress = Callable[[Step], None]


def after_seconds() -> float:
    """How long an import runs before it shows its progress (SVCOPS_PROGRESS_AFTER)."""
    try:
        return max(0.0, float(os.environ.get("SVCOPS_PROGRESS_AFTER", "1")))
    except ValueError:
        return 1.0


def reading(file: str, done: int, files: int) -> Step:
    return Step(
        "reading",
        Message("progress.reading", {"file": file, "done": done + 1, "files": files}),
        _READING * done / max(files, 1),
    )


def read(file: str, sheet: str, rows: int, done: int, files: int) -> Step:
    return Step(
        "read",
        Message("progress.read", {"file": file, "sheet": sheet, "rows": rows}),
        _READING * (done + 1) / max(files, 1),
    )


def checking(file: str, sheet: str, rows: int, done: int, sheets: int) -> Step:
    return Step(
        "checking",
        Message(
            "progress.checking",
            {"file": file, "sheet": sheet, "rows": rows, "done": done + 1, "sheets": sheets},
        ),
        _READING + _CHECKING * done / max(sheets, 1),
    )


def storing(rows: int, sheets: int) -> Step:
    return Step(
        "storing",
        Message("progress.storing", {"rows": rows, "sheets": sheets}),
        _READING + _CHECKING,
    )


def stored(file: str, sheet: str, rows: int, done: int, sheets: int) -> Step:
    share = 1 - _READING - _CHECKING
    return Step(
        "stored",
        Message(
            "progress.stored",
            {"file": file, "sheet": sheet, "rows": rows, "done": done + 1, "sheets": sheets},
        ),
        _READING + _CHECKING + share * (done + 1) / max(sheets, 1),
    )


class Delayed:
    """A progress callback that passes steps on to ``show`` only once ``after`` seconds
    have gone since it was made: then the latest step at once (from a timer thread, so
    a long read of one file is shown while it runs), and every step after that.

    ``on_thread``: called with the timer thread before it starts (the app attaches its
    page run to it). ``shown``: whether anything was shown. Call :meth:`close` when the
    import is over (it stops the timer).
    """

    def __init__(
        self,
        show: Progress,
        after: float | None = None,
        on_thread: Callable[[threading.Thread], Any] | None = None,
    ) -> None:
        self._show = show
        self._lock = threading.Lock()
        self._latest: Step | None = None
        self._closed = False
        self.shown = False
        self.started = time.monotonic()
        wait = after_seconds() if after is None else after
        self._timer: threading.Timer | None = None
        if wait <= 0:
            self.shown = True
        else:
            self._timer = threading.Timer(wait, self._due)
            self._timer.daemon = True
            if on_thread is not None:
                on_thread(self._timer)
            self._timer.start()

    def __call__(self, step: Step) -> None:
        with self._lock:
            self._latest = step
            if self.shown and not self._closed:
                self._show(step)

    def _due(self) -> None:
        with self._lock:
            if self._closed:
                return
            self.shown = True
            if self._latest is not None:
                self._show(self._latest)

    def close(self) -> None:
        with self._lock:
            self._closed = True
        if self._timer is not None:
            self._timer.cancel()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


class Printed:
    """Steps written to ``stream`` (the CLI's stderr): on a terminal one line redrawn
    in place, a bar and the step's words; otherwise (piped, a scheduler's log) one
    plain line per step. :meth:`close` ends a drawn line. A stream that is missing
    (stderr closed), closed or broken stops the output, never the import."""

    BAR = 24

    def __init__(self, stream, tty: bool | None = None) -> None:
        self._stream = stream
        isatty = getattr(stream, "isatty", None)
        try:
            self.tty = bool(isatty and isatty()) if tty is None else tty
        except (OSError, ValueError):  # a closed stream
            self.tty = False
        self._drawn = False

    def _write(self, text: str) -> None:
        """Write and flush; a stream that is missing (stderr closed: None), closed or
        broken (a reader gone) ends the output, never the import."""
        if self._stream is None:
            return
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):
            self._stream = None

    def __call__(self, step: Step) -> None:
        from ..i18n import render

        words = render(step.message)
        if self.tty:
            import shutil

            width = shutil.get_terminal_size((80, 24)).columns
            filled = round(self.BAR * min(max(step.fraction, 0.0), 1.0))
            line = f"[{'#' * filled}{'-' * (self.BAR - filled)}] {step.fraction:4.0%} {words}"
            self._write("\r" + line[: width - 1].ljust(width - 1))
            self._drawn = True
        else:
            self._write(f"progress: {words}\n")

    def close(self) -> None:
        if self._drawn:
            self._write("\n")
            self._drawn = False
