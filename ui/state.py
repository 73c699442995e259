"""App-side state: which workspace, cached queries, and the URL that holds the view.

The only place (with ``ui/sidebar.py`` and ``pages/``) that imports Streamlit.
Query results are cached per (workspace file, data version, filters), so a filter
change that was seen before is instant and an import invalidates everything.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from svcops import headlines as hl
from svcops import kpi
from svcops.filters import Filters
from svcops.i18n import Message
from svcops.ingest import import_paths
from svcops.store import Workspace, default_workspace_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_WORKBOOK = ROOT / "sample_data" / "svcops_sample.xlsx"


def cache_dir() -> Path:
    """Where derived files (the imported sample workspace) live: SVCOPS_CACHE_DIR, else
    the user's cache folder."""
    env = os.environ.get("SVCOPS_CACHE_DIR")
    path = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "svcops"
    path.mkdir(parents=True, exist_ok=True)
    return path


def own_workspace_path() -> Path:
    return default_workspace_path()


@st.cache_resource(show_spinner=False)
def sample_workspace() -> Workspace:
    """The bundled sample, imported once into a cached workspace file (read-only after)."""
    digest = hashlib.sha256(SAMPLE_WORKBOOK.read_bytes()).hexdigest()[:16]
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


@st.cache_resource(show_spinner=False)
def own_workspace(path: str) -> Workspace:
    return Workspace(path)


def own_has_data() -> bool:
    path = own_workspace_path()
    return path.exists() and own_workspace(str(path)).scalar("SELECT count(*) FROM uploads") > 0


def workspace_for(source: str) -> Workspace:
    return sample_workspace() if source == "sample" else own_workspace(str(own_workspace_path()))


def data_version(ws: Workspace) -> str:
    """Changes whenever an import or a removal changes the workspace."""
    row = ws.query("SELECT count(*) AS n, coalesce(max(upload_id), 0) AS m, "
                   "coalesce(sum(rows), 0) AS r FROM uploads").iloc[0]
    return f"{ws.path}:{row['n']}:{row['m']}:{row['r']}"


# -- cached queries (hash on the workspace path + version + filters) -----------------
def _ws_by_path(path: str) -> Workspace:
    sample = sample_workspace()
    return sample if path == sample.path else own_workspace(path)


@st.cache_data(show_spinner=False, max_entries=256)
def period_scorecard(path: str, version: str, filters: Filters) -> kpi.Scorecard:
    return kpi.period_scorecard(_ws_by_path(path), filters)


@st.cache_data(show_spinner=False, max_entries=256)
def trend(path: str, version: str, filters: Filters):
    return kpi.trend(_ws_by_path(path), filters)


@st.cache_data(show_spinner=False, max_entries=256)
def headlines(path: str, version: str, filters: Filters) -> list[Message]:
    ws = _ws_by_path(path)
    return hl.headlines(ws, filters, kpi.period_scorecard(ws, filters))


@st.cache_data(show_spinner=False, max_entries=32)
def dimension_values(path: str, version: str) -> dict[str, list[str]]:
    return kpi.dimension_values(_ws_by_path(path))


@st.cache_data(show_spinner=False, max_entries=32)
def data_period(path: str, version: str):
    return kpi.data_period(_ws_by_path(path))


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
    """Start a page: its title, and (for pages built on tickets) a plain word on what
    to upload instead of an empty page when the workspace has none."""
    from svcops.i18n import t

    ctx = context()
    st.title(t(title_key, ctx.lang))
    if needs_tickets and not ctx.has_tickets:
        st.info(t("common.no_tickets", ctx.lang))
        st.stop()
    return ctx


# -- resource planning -----------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=64)
def forecasts(path: str, version: str, filters: Filters, horizon: int, by: str | None,
              country: str | None):
    """Per-series forecasts; the period start does not matter (all history is used).

    Fitted in this process: starting interpreters per request costs more than it saves
    on a small server, and results are cached here and in svcops.forecast.
    """
    from svcops import resource

    settings = resource.PlanSettings(horizon_days=horizon, country=country)
    return resource.forecast_demand(_ws_by_path(path), filters, settings, by, max_workers=1)
