"""A zip member's name not flagged as UTF-8 is read as its maker wrote it: Windows' own
zip on a Chinese system writes names in GBK, which zipfile reads as code page 437, so
工单导出.csv was imported (and named in every report) as '╣ñ╡Ñ╡╝│÷.csv'."""

from __future__ import annotations

import io
import zipfile

import pytest

from svcops.ingest import import_paths
from svcops.store import Workspace

CSV = b"Ticket ID,Created,Priority\nA1,2024-03-05 10:00,P1\nA2,2024-03-06 11:30,P3\n"


def _zip_named(raw_name: bytes) -> bytes:
    """A zip of one member whose name is ``raw_name`` as bytes, without the UTF-8 flag
    (written under an ASCII name of the same length, then that name's bytes replaced)."""
    placeholder = b"x" * (len(raw_name) - 4) + b".csv"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(placeholder.decode(), CSV)
    data = buffer.getvalue()
    assert data.count(placeholder) == 2  # local header and central directory
    return data.replace(placeholder, raw_name)


@pytest.mark.parametrize(
    ("raw_name", "shown"),
    [
        ("工单导出.csv".encode("gbk"), "工单导出.csv"),
        ("导出/工单.csv".encode(), "导出/工单.csv"),  # UTF-8, flag not set
        ("Résumé.csv".encode("cp437"), "Résumé.csv"),  # really code page 437
    ],
)
def test_member_names_as_written(tmp_path, raw_name, shown):
    path = tmp_path / "export.zip"
    path.write_bytes(_zip_named(raw_name))
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert [(s.file, s.rows) for s in report.sheets] == [(f"export.zip/{shown}", 2)]
        (stored,) = ws.query("SELECT DISTINCT file_name FROM uploads").file_name
        assert stored == f"export.zip/{shown}"
