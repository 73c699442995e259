"""App-side state: which workspace, the page context, and cached analysis calls.

Analysis results are cached per (workspace data version, function, arguments) by
:func:`cached`, so a filter change that was seen before is instant and an import
invalidates everything.

The user's own workspace file is open only while a page runs (:func:`own_workspace`
holds it for the run, :func:`let_go` closes it when the run ends), so a scheduled
``python -m svcops import`` in another process stores between two runs, and the next
run reads what it stored (its data version changed). A run that finds such an import
writing waits for it, saying so.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from svcops.filters import Filters
from svcops.i18n import t
from svcops.ingest import import_paths
from svcops.locking import WorkspaceBusy
from svcops.schema import TABLES
from svcops.store import Workspace, default_workspace_path, table_ddl

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_WORKBOOK = ROOT / "sample_data" / "svcops_sample.xlsx"

R = TypeVar("R")


def cache_dir() -> Path:
    """Where derived files (the imported sample workspace) live: SVCOPS_CACHE_DIR, else
    the user's cache folder."""
    env = os.environ.get("SVCOPS_CACHE_DIR")
    path = (
        Path(env)
        if env
        else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "svcops"
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def own_workspace_path() -> Path:
    return default_workspace_path()


@st.cache_resource(show_spinner=False)
def sample_workspace() -> Workspace:
    """The bundled sample, imported once into a cached workspace file (read-only after).

    The file is named by the workbook and by the workspace layout (every table's DDL):
    a read-only file gains no columns, so an upgrade that adds one builds a new file
    instead of opening the old one without it."""
    layout = "\n".join(table_ddl(t) for t in TABLES.values()).encode()
    digest = hashlib.sha256(SAMPLE_WORKBOOK.read_bytes() + layout).hexdigest()[:16]
    path = cache_dir() / f"sample-{digest}.duckdb"
    if not path.exists():
        with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
            staging = Path(tmp) / path.name
            with Workspace(staging) as ws:
                import_paths(ws, [SAMPLE_WORKBOOK])
                kept = ws.originals.path
            # The kept original travels with the file (first, so the file never lacks it).
            moved = path.with_name(path.name + ".originals")
            if not moved.exists():
                kept.replace(moved)
            staging.replace(path)
    return Workspace(path, read_only=True)


def app_wait() -> float:
    """How long a page run waits for another process (a scheduled import) to let go of
    the workspace before saying it is busy, in seconds: SVCOPS_APP_WAIT, default 600;
    a value that is not a number of seconds (0 or more; ``inf`` waits for good) is
    ignored rather than failing every page."""
    try:
        seconds = float(os.environ.get("SVCOPS_APP_WAIT", "600"))
    except ValueError:
        return 600.0
    return seconds if seconds >= 0 else 600.0  # NaN is not >= 0 either


APP_WAIT = app_wait()

# How long the file stays open after a run, so that the runs that follow (a user moving
# a slider, opening another page) share one opening; a process that waits for the file
# (a scheduled import) gets it within a tenth of a second all the same.
APP_LINGER = 30.0


@st.cache_resource(show_spinner=False)
def _own_workspace(path: str) -> Workspace:
    return Workspace(path, per_use=True, wait=APP_WAIT, linger=APP_LINGER)


# The holds this thread's page run took (one script run runs on one thread).
_run = threading.local()


def own_workspace(path: str) -> Workspace:
    """The user's workspace at ``path``, held open until this run ends (:func:`let_go`).

    Waits, with a word on the page, while another process writes to it; one that keeps
    it past :data:`APP_WAIT` stops the run with a 'workspace busy' error."""
    ws = _own_workspace(path)
    holds: dict[str, ExitStack] = _run.__dict__.setdefault("holds", {})
    if path not in holds:
        notices: list = []  # a word on the page only when the run has to wait

        def waiting() -> None:
            notices.append(st.empty())
            notices[0].info(t("progress.waiting", _lang()))

        stack = ExitStack()
        try:
            stack.enter_context(ws.held(on_wait=waiting))
        except WorkspaceBusy as exc:
            st.error(t(exc.message.key, _lang(), **exc.message.params))
            st.stop()
        for notice in notices:
            notice.empty()
        holds[path] = stack
    return ws


def let_go() -> None:
    """Close what this run held (app.py, when the page has run, however it ended)."""
    holds: dict[str, ExitStack] = _run.__dict__.pop("holds", {})
    for stack in holds.values():
        stack.close()


def _lang() -> str:
    return st.session_state.get("lang", "en")


def own_has_data() -> bool:
    path = own_workspace_path()
    return path.exists() and own_workspace(str(path)).scalar("SELECT count(*) FROM uploads") > 0


def workspace_for(source: str) -> Workspace:
    return sample_workspace() if source == "sample" else own_workspace(str(own_workspace_path()))


def data_version(ws: Workspace) -> str:
    """Changes whenever an import or a removal changes the workspace."""
    row = ws.query(
        "SELECT count(*) AS n, coalesce(max(upload_id), 0) AS m, "
        "coalesce(sum(rows), 0) AS r FROM uploads"
    ).iloc[0]
    return f"{ws.path}:{row['n']}:{row['m']}:{row['r']}"


# -- cached analysis calls --------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=512)
def _cached_call(_ws: Workspace, version: str, name: str, _fn, args: tuple, kwargs: tuple):
    # `_ws` and `_fn` are not hashed (leading underscore): `version` names the workspace
    # file and changes with every import or removal, so it stands for the contents, and
    # `name` stands for the function.
    return _fn(_ws, *args, **dict(kwargs))


def cached(ws: Workspace, version: str, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """``fn(ws, *args, **kwargs)``, cached per workspace data version (:func:`data_version`),
    function and arguments; an import or a removal makes every earlier result stale.

    ``fn``: a module-level function (it is keyed by its dotted name). ``args``/``kwargs``:
    values Streamlit can hash (Filters, numbers, strings, tuples, frames). The result
    must pickle (frames, dataclasses, :class:`svcops.i18n.Message`); each call gets its
    own copy. Only for what uploads change: a table edited in place (the targets) does
    not change the version, so it is read uncached. Pages call :func:`ui.page.query`,
    which passes the page's workspace.
    """
    name = f"{fn.__module__}.{fn.__qualname__}"
    # <lambda>, <locals>, and functions of a page script (every page runs as __main__):
    # two of them could share one name and so one another's results.
    if "<" in name or fn.__module__ == "__main__":
        raise ValueError(
            f"only a module-level function of an imported module can be cached, not {name}"
        )
    return _cached_call(ws, version, name, fn, args, tuple(sorted(kwargs.items())))


@dataclass(frozen=True)
class Context:
    """What every page needs: set by app.py on each run."""

    ws: Workspace
    source: str
    version: str
    filters: Filters  # resolved: start and end always set when there is data
    lang: str
    presenter: bool
    dims: dict[str, list[str]]
    has_tickets: bool


def set_context(ctx: Context) -> None:
    st.session_state["app_context"] = ctx


def context() -> Context:
    return st.session_state["app_context"]


def page(title_key: str, *, needs_tickets: bool = True) -> Context:
    """Start a page: its title, and for pages built on tickets a plain word instead of
    empty axes and zero headlines: what to upload when the workspace has no tickets, and
    the period and the data's span when no ticket was created or done in the period
    (with the filters' dimensions)."""
    from svcops.i18n import t
    from svcops.tickets import data_period, period_activity

    ctx = context()
    st.title(t(title_key, ctx.lang))
    if not needs_tickets:
        return ctx
    if not ctx.has_tickets:
        st.info(t("common.no_tickets", ctx.lang))
        st.stop()
    if not cached(ctx.ws, ctx.version, period_activity, ctx.filters):
        first, last = cached(ctx.ws, ctx.version, data_period)
        key = (
            "common.empty_period_filtered" if ctx.filters.has_dimensions else "common.empty_period"
        )
        st.info(
            t(key, ctx.lang, start=ctx.filters.start, end=ctx.filters.end, first=first, last=last)
        )
        st.stop()
    return ctx
