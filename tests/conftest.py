"""Shared fixtures: real workbooks written to tmp_path, real DuckDB workspaces."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from svcops.ingest import import_paths
from svcops.store import Workspace

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
SAMPLE = ROOT / "sample_data" / "svcops_sample.xlsx"


def write_workbook(path: Path, sheets: dict[str, pd.DataFrame | list[dict]]) -> Path:
    """A real .xlsx, one sheet per entry, written by openpyxl (dates as Excel dates)."""
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, rows in sheets.items():
            frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
            frame.to_excel(writer, sheet_name=name, index=False)
    return path


@pytest.fixture
def workbook(tmp_path):
    def make(sheets, name="upload.xlsx"):
        return write_workbook(tmp_path / name, sheets)

    return make


@pytest.fixture
def ws(tmp_path):
    with Workspace(tmp_path / "ws.duckdb") as w:
        yield w


@pytest.fixture(scope="session")
def sample_ws(tmp_path_factory):
    """The bundled sample workbook imported into a fresh workspace file (once per run)."""
    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    with Workspace(path) as w:
        import_paths(w, [SAMPLE])
    w = Workspace(path, read_only=True)
    yield w
    w.close()


@pytest.fixture(autouse=True, scope="session")
def _isolated_user_dirs(tmp_path_factory):
    """Keep tests away from the real per-user workspace and cache."""
    base = tmp_path_factory.mktemp("user")
    os.environ.setdefault("SVCOPS_WORKSPACE", str(base / "own.duckdb"))
    os.environ.setdefault("SVCOPS_CACHE_DIR", str(base / "cache"))
