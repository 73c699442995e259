"""An import's progress on the page: a status box with a bar and the step in words,
shown once the import has taken longer than a moment (``SVCOPS_PROGRESS_AFTER``
seconds, 1 by default), with a line per sheet read and stored.

The steps come from :func:`svcops.ingest.import_files` (``progress=``); the box is
drawn from the page run's thread, or from the timer thread that notices the second
has passed (attached to the page run, so Streamlit takes its elements).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from svcops.i18n import render, t
from svcops.ingest.progress import Delayed, Step

from . import state
from .format import escape_md

# Session key of the finished import's steps, shown (collapsed) after the page reruns.
LAST = "data_last_progress"


class _Box:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.status: Any = None
        self.bar: Any = None
        self.lines: list[str] = []
        self.rows = 0  # stored so far

    def words(self, step: Step) -> str:
        return render(step.message, self.lang, escape_md)

    def show(self, step: Step) -> None:
        if self.status is None:
            self.status = st.status(t("progress.title", self.lang), expanded=True)
            self.bar = self.status.progress(0.0)
        self.bar.progress(min(max(step.fraction, 0.0), 1.0), text=self.words(step))
        if step.stage == "stored":
            self.rows += int(step.message.params["rows"])  # type: ignore[call-overload]
        if step.stage in ("read", "stored"):
            line = self.words(step)
            self.lines.append(line)
            self.status.caption(line)


@contextmanager
def import_progress() -> Iterator[Delayed]:
    """A progress callback for ``import_files`` for the ``with`` block: nothing on the
    page for a quick import; for a longer one a status box that ends complete (or in
    error), whose lines are kept for the page's next run (:func:`last`)."""
    lang = state.context().lang
    box = _Box(lang)
    ctx = get_script_run_ctx()
    shown = Delayed(box.show, on_thread=lambda thread: add_script_run_ctx(thread, ctx))
    try:
        yield shown
    except BaseException:
        shown.close()
        if box.status is not None:
            box.status.update(label=t("progress.failed", lang), state="error")
        raise
    shown.close()
    if box.status is not None:
        done = t("progress.done", lang, rows=box.rows, seconds=shown.elapsed)
        box.status.update(label=done, state="complete", expanded=False)
        st.session_state[LAST] = (done, box.lines)


def last() -> None:
    """The steps of the import that finished in the run before, collapsed."""
    shown = st.session_state.pop(LAST, None)
    if shown is None:
        return
    label, lines = shown
    with st.status(label, state="complete", expanded=False):
        for line in lines:
            st.caption(line)
