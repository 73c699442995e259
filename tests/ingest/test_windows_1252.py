"""A CSV saved by Excel on a Western Windows (Windows-1252) keeps its accented names: it
was read as GBK, which most such bytes also decode as, into rare Chinese characters
('Müller' became 'M黮ler', 'Søren' 'S鴕en') without a word. GBK files read as before."""

from __future__ import annotations

import pytest

from svcops.ingest import IngestError, import_paths
from svcops.store import Workspace

NAMES = ["Müller", "Søren", "François", "Björk"]
HEADER = "Ticket ID,Created,Priority,Agent\n"


def _rows(names: list[str], start: int = 0, count: int = 8) -> str:
    return "".join(
        f"T{start + i},2024-03-05 10:00,P2,{names[i % len(names)]}\n" for i in range(count)
    )


def _agents(tmp_path, data: bytes) -> set[str]:
    path = tmp_path / "tickets.csv"
    path.write_bytes(data)
    with Workspace(tmp_path / "w.duckdb") as ws:
        import_paths(ws, [path])
        return set(ws.query("SELECT DISTINCT agent FROM tickets").agent)


def test_windows_1252_at_the_top(tmp_path):
    assert _agents(tmp_path, (HEADER + _rows(NAMES)).encode("cp1252")) == set(NAMES)


def test_windows_1252_below_an_ascii_top(tmp_path):
    # Over a megabyte of ASCII rows first: the encoding is told by the lines that are
    # not UTF-8, further down.
    top = _rows(["Smith"], count=32_000)
    assert len(top) > 1_000_000
    data = (HEADER + top + _rows(NAMES, start=32_000)).encode("cp1252")
    assert _agents(tmp_path, data) == {"Smith", *NAMES}


@pytest.mark.parametrize("ascii_top", [False, True])
def test_gbk_still_reads_as_gbk(tmp_path, ascii_top):
    names = ["张伟", "李娜", "王芳", "刘洋"]
    top = _rows(["Smith"], count=32_000) if ascii_top else ""
    data = (HEADER + top + _rows(names, start=32_000)).encode("gbk")
    assert _agents(tmp_path, data) == set(names) | ({"Smith"} if ascii_top else set())


def test_utf8_with_a_stray_byte_below_is_refused_not_garbled(tmp_path):
    top = _rows(["张伟"], count=32_000).encode("utf-8")
    path = tmp_path / "tickets.csv"
    path.write_bytes(HEADER.encode() + top + b"T99999,2024-03-05 10:00,P2,Caf\xe9\n")
    with Workspace(tmp_path / "w.duckdb") as ws, pytest.raises(IngestError) as caught:
        import_paths(ws, [path])
    assert str(caught.value) == (
        "tickets.csv: the text is neither UTF-8, UTF-16, GBK/GB18030 nor Windows-1252"
    )
