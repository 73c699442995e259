"""Uploaded files, kept as they came, beside the workspace file.

A workspace ``team.duckdb`` keeps each uploaded file once, named by its SHA-256, in the
folder ``team.duckdb.originals/``; the ``upload_files`` table says which upload came
from which file. Files live outside DuckDB because a database is a poor place for
100 MB blobs: DuckDB writes one twice (log, then checkpoint) at about 100 MB/s, which
cost a full-sheet import a second, while a file copy taken on the other core during
the read costs nothing on the import's path.

All or nothing still holds: a file is written (and synced) before the import's
transaction commits, and a failed import removes the files it wrote. A file no row
refers to (after a crash between the two) is removed the next time the workspace
is opened for writing.
"""

from __future__ import annotations

import hashlib
import os
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Original:
    """An uploaded file as kept: its display name, SHA-256 and size.

    ``content`` holds the bytes for a workspace with no folder (in memory);
    ``created`` is True when this import wrote the file (an identical file may
    already be kept for an earlier upload).
    """

    name: str
    checksum: str
    size: int
    content: bytes | None = None
    created: bool = False


def in_memory(name: str, data: bytes | Path) -> Original:
    content = data.read_bytes() if isinstance(data, Path) else data
    return Original(name, hashlib.sha256(content).hexdigest(), len(content), content=content)


class OriginalsFolder:
    """The folder of kept uploads beside one workspace file. Thread-safe."""

    def __init__(self, workspace_path: str | Path):
        p = Path(workspace_path)
        self.path = p.with_name(p.name + ".originals")
        self._lock = threading.Lock()
        # Files written by imports that have not committed or failed yet.
        self._pending: Counter[str] = Counter()

    def file(self, checksum: str) -> Path:
        return self.path / checksum

    def keep(self, name: str, data: bytes | Path) -> Original:
        """Hash and copy the file in one pass; the copy is synced before this returns.

        Runs without the GIL for the most part, so it overlaps the workbook reader.
        """
        self.path.mkdir(parents=True, exist_ok=True)
        part = self.path / f".{uuid.uuid4().hex}.part"
        digest, size = hashlib.sha256(), 0
        try:
            with part.open("wb") as out:
                if isinstance(data, Path):
                    with data.open("rb") as f:
                        while chunk := f.read(_CHUNK):
                            digest.update(chunk)
                            out.write(chunk)
                            size += len(chunk)
                else:
                    digest.update(data)
                    out.write(data)
                    size = len(data)
                out.flush()
                os.fsync(out.fileno())
            checksum = digest.hexdigest()
            final = self.file(checksum)
            with self._lock:
                created = not final.exists()
                if created:
                    os.replace(part, final)
                    _sync_dir(self.path)
                self._pending[checksum] += 1
        finally:
            part.unlink(missing_ok=True)
        return Original(name, checksum, size, created=created)

    # ``referenced`` below returns the checksums the workspace's committed rows refer
    # to; it is asked under the lock, so an import that commits meanwhile is seen.

    def settle(self, originals, referenced: Callable[[], set[str]]) -> None:
        """After an import committed or failed: drop the files nothing refers to."""
        with self._lock:
            done = []
            for o in originals:
                self._pending[o.checksum] -= 1
                if self._pending[o.checksum] <= 0:
                    del self._pending[o.checksum]
                    done.append(o.checksum)
            if done:
                kept = referenced()
                for checksum in done:
                    if checksum not in kept:
                        self.file(checksum).unlink(missing_ok=True)

    def forget(self, checksum: str, referenced: Callable[[], set[str]]) -> None:
        """After an upload was removed: delete its file unless still referred to."""
        with self._lock:
            if checksum not in self._pending and checksum not in referenced():
                self.file(checksum).unlink(missing_ok=True)

    def collect(self, referenced: Callable[[], set[str]]) -> None:
        """Remove leftovers of interrupted imports: partial copies and unreferenced files."""
        if not self.path.is_dir():
            return
        with self._lock:
            kept = referenced()
            for f in self.path.iterdir():
                if f.is_file() and f.name not in kept and f.name not in self._pending:
                    f.unlink(missing_ok=True)


def _sync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX; a no-op where directories can't be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
