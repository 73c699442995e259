"""svcops: service operations analytics on a DuckDB workspace.

Everything here is plain Python (no Streamlit): data in, data out. The names below
are what a user of the library calls; the modules hold the rest.
"""

from .filters import Filters
from .ingest import IngestError, import_files, import_paths, preview
from .kpi import KPI_KEYS, compute, period_scorecard, trend
from .store import Workspace, default_workspace_path

__all__ = [
    "KPI_KEYS",
    "Filters",
    "IngestError",
    "Workspace",
    "compute",
    "default_workspace_path",
    "import_files",
    "import_paths",
    "period_scorecard",
    "preview",
    "trend",
]
