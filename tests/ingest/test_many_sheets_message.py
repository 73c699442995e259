"""A file with many sheets (or a zip with many members) that hold nothing to import is
refused in one line that names the first few sheets and counts the rest: the line
listed every sheet (3,000 members made it over 180,000 characters)."""

from __future__ import annotations

import zipfile

import pytest

from svcops.i18n import render
from svcops.ingest import IngestError, import_paths
from svcops.store import Workspace


def test_many_members_matching_no_table_are_counted_not_listed(tmp_path):
    path = tmp_path / "exports.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(60):
            zf.writestr(f"part{i:02d}.csv", "colour,size\nred,2\nblue,3\n")
    with Workspace(tmp_path / "w.duckdb") as ws, pytest.raises(IngestError) as caught:
        import_paths(ws, [path])
    text = str(caught.value)
    assert text.startswith("exports.zip: nothing to import") and "\n" not in text
    assert "part00" in text and "part04" in text and "part05" not in text
    assert "55 more" in text and len(text) < 600
    assert "另有 55 个" in render(caught.value.message, "zh")
