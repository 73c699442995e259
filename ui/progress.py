"""An import's progress on the page: a status box with a bar and the step in words,
shown once the import has taken longer than a moment (``SVCOPS_PROGRESS_AFTER``
seconds, 1 by default), with a line per sheet read and stored.

The steps come from :func:`svcops.ingest.import_files` (``progress=``); the box is
drawn from the page run's thread, or from the timer thread that notices the second
has passed (attached to the page run, so Streamlit takes its elements).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import (
    RerunException,
    StopException,
    add_script_run_ctx,
    get_script_run_ctx,
)

from svcops.i18n import render, t
from svcops.ingest.progress import READING_SHARE, Delayed, Step

from . import state
from .format import escape_md

# Session key of the finished import's steps, shown (collapsed) after the page reruns.
LAST = "data_last_progress"


class _Box:
    def __init__(self, lang: str, check: bool = False) -> None:
        self.lang = lang
        self.check = check  # a mapping check: reading only, its bar stretched
        self.status: Any = None
        self.bar: Any = None
        self.lines: list[str] = []
        self.rows = 0  # stored so far (read so far, for a mapping check)
        # A rerun the user asked for (a click) or a stop, met while drawing a step.
        self.interrupted: RerunException | StopException | None = None

    def words(self, step: Step) -> str:
        return render(step.message, self.lang, escape_md)

    def show(self, step: Step) -> None:
        """Draw ``step``. Streamlit raises a rerun (the user clicked something) or a stop
        at any element drawn on the page run's thread; raised here it would end the
        import half-way (rolled back, the upload lost without a word), so it is kept
        and asked for again once the import is over (:meth:`resume`)."""
        self.guarded(lambda: self._draw(step))

    def guarded(self, draw: Callable[[], object]) -> None:
        """``draw()``, keeping a rerun or a stop it raises for :meth:`resume`; after a
        rerun (taken off Streamlit's queue by raising it) ``draw`` is tried once more."""
        for _ in range(2):
            try:
                draw()
                return
            except (RerunException, StopException) as exc:
                if self.interrupted is None or isinstance(exc, StopException):
                    self.interrupted = exc
                if isinstance(exc, StopException):
                    return

    def resume(self) -> None:
        """Ask again for the rerun the import went on through (a stop stays asked for).
        Writing session state is a point where Streamlit raises it: call this after."""
        exc, self.interrupted = self.interrupted, None
        ctx = get_script_run_ctx()
        if isinstance(exc, RerunException) and ctx is not None and ctx.script_requests:
            ctx.script_requests.request_rerun(exc.rerun_data)

    def _draw(self, step: Step) -> None:
        # Tried again after a rerun raised part-way: what was drawn is kept, and the
        # counts change only once everything is drawn.
        if self.status is None:
            title = "progress.check_title" if self.check else "progress.title"
            self.status = st.status(t(title, self.lang), expanded=True)
        if self.bar is None:
            self.bar = self.status.progress(0.0)
        share = step.fraction / READING_SHARE if self.check else step.fraction
        self.bar.progress(min(max(share, 0.0), 1.0), text=self.words(step))
        if step.stage in ("read", "stored"):
            line = self.words(step)
            self.status.caption(line)
            self.lines.append(line)
        if step.stage == ("read" if self.check else "stored"):
            self.rows += int(step.message.params["rows"])  # type: ignore[call-overload]


class Shown(Delayed):
    """The progress callback :func:`import_progress` gives; :meth:`resume` asks again
    for a rerun the user asked for while the import ran (the page calls it when it has
    kept the import's report, before it reruns)."""

    box: _Box

    def resume(self) -> None:
        self.box.resume()


@contextmanager
def import_progress(check: bool = False) -> Iterator[Shown]:
    """A progress callback for ``import_files`` for the ``with`` block: nothing on the
    page for a quick import; for a longer one a status box that ends complete (or in
    error), whose lines are kept for the page's next run (:func:`last`).
    ``check``: for ``preview`` (the mapping check) instead, which only reads: its box
    says so, counts the rows read and ends in this run, the mapping shown below it.

    A click while the import runs does not end it: the rerun is asked for again when
    it fails, or by the page (:meth:`Shown.resume`) once it has kept the report."""
    lang = state.context().lang
    box = _Box(lang, check)
    ctx = get_script_run_ctx()
    shown = Shown(box.show, on_thread=lambda thread: add_script_run_ctx(thread, ctx))
    shown.box = box
    try:
        yield shown
    except BaseException:
        shown.close()
        if box.status is not None:
            failed = t("progress.failed", lang)
            box.guarded(lambda: box.status.update(label=failed, state="error"))
        box.resume()
        raise
    shown.close()
    if box.status is not None:
        said = "progress.checked" if check else "progress.done"
        done = t(said, lang, rows=box.rows, seconds=shown.elapsed)
        if not check:
            box.guarded(lambda: st.session_state.__setitem__(LAST, (done, box.lines)))
        box.guarded(lambda: box.status.update(label=done, state="complete", expanded=False))


def last() -> None:
    """The steps of the import that finished in the run before, collapsed."""
    shown = st.session_state.pop(LAST, None)
    if shown is None:
        return
    label, lines = shown
    with st.status(label, state="complete", expanded=False):
        for line in lines:
            st.caption(line)
