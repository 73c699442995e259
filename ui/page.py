"""What every page does the same way, written once: cached analysis calls, charts,
labelled tables, safe downloads, widget defaults and worded messages.

A view then reads as a description of its screen::

    ctx = state.page("quality.title")
    series = page.query(quality.daily_volume, ctx.filters)
    page.chart(charts.control_chart(...))
    page.table(flags)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import streamlit as st

from svcops import charts
from svcops.downloads import to_csv_bytes
from svcops.i18n import Message, column_label, render, t

from . import state
from .format import escape_md

R = TypeVar("R")

# Analyses reachable through `query`, by dotted name: the cache key names the function
# rather than hashing it, so one cached dispatcher serves every page.
_ANALYSES: dict[str, Callable[..., Any]] = {}


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(_ws, version: str, name: str, args: tuple, kwargs: tuple) -> Any:
    # `_ws` is not hashed (leading underscore): `version` names the workspace file and
    # changes with every import or removal, so it stands for the workspace's contents.
    return _ANALYSES[name](_ws, *args, **dict(kwargs))


def query(fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """``fn(ws, *args, **kwargs)`` on the page's workspace, cached per data version and
    arguments (which must be hashable values: Filters, numbers, strings, tuples)."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    _ANALYSES.setdefault(name, fn)
    ctx = state.context()
    return _cached(ctx.ws, ctx.version, name, args, tuple(sorted(kwargs.items())))


def chart(spec, where: Any = st) -> None:
    """An Altair chart in the page's language, as wide as its container."""
    where.altair_chart(charts.localised(spec, state.context().lang), width="stretch")


def labelled(frame):
    """``frame`` with its column names in the page's language."""
    lang = state.context().lang
    return frame.rename(columns={c: column_label(c, lang) for c in frame.columns})


def table(frame, where: Any = st, **kwargs: Any) -> None:
    """A table with translated column names, no index, as wide as its container."""
    where.dataframe(labelled(frame), hide_index=True, width="stretch", **kwargs)


def download(frame, file_name: str, where: Any = st) -> None:
    """A CSV download of ``frame`` whose cells cannot run as spreadsheet formulas."""
    where.download_button(t("common.download_csv", state.context().lang), to_csv_bytes(frame),
                          file_name=file_name, mime="text/csv")


def defaults(prefix: str, values: Mapping[str, Any]) -> None:
    """Widget defaults under the page's session-state prefix (``quality_metric``)."""
    for key, value in values.items():
        st.session_state.setdefault(f"{prefix}_{key}", value)


def setting(prefix: str, key: str) -> Any:
    """The current value of a page's widget (``setting("quality", "metric")``)."""
    return st.session_state[f"{prefix}_{key}"]


def words(message: Message) -> str:
    """A message worded in the page's language, with text parameters escaped for
    Markdown (they may come from the data: team names, categories, file names)."""
    params = {k: escape_md(v) if isinstance(v, str) else v for k, v in message.params.items()}
    return render(Message(message.key, params), state.context().lang)
