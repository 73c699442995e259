"""Import uploaded files into the workspace: read -> classify -> map -> coerce -> store.

An import of several files is all-or-nothing: any file that cannot be read stops
the whole import before anything is written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..store import StagedSheet, Workspace
from .coerce import key_duplicates_sql, staging_sql
from .mapping import classify
from .read import IngestError, RawSheet, read_file

__all__ = ["IngestError", "ImportReport", "SheetReport", "import_files", "import_paths"]


@dataclass(frozen=True)
class SheetReport:
    file: str
    sheet: str
    table: str
    rows: int
    rejected: int
    replaced: int
    upload_id: int
    mapping: dict[str, str]


@dataclass
class ImportReport:
    sheets: list[SheetReport] = field(default_factory=list)
    # (file, sheet, reason) for sheets that held nothing to import.
    skipped: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(s.rows for s in self.sheets)

    @property
    def rejected(self) -> int:
        return sum(s.rejected for s in self.sheets)


def import_paths(ws: Workspace, paths: list[str | Path]) -> ImportReport:
    files = []
    for p in paths:
        path = Path(p)
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as exc:
            raise IngestError(f"{path}: cannot be opened ({exc.strerror or exc})") from exc
    return import_files(ws, files)


def import_files(ws: Workspace, files: list[tuple[str, bytes]]) -> ImportReport:
    """Import ``(display name, bytes)`` files in one transaction; raise IngestError on a bad file."""
    report = ImportReport()
    sheets: list[RawSheet] = []
    checksums: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for name, blob in files:
        read = read_file(name, blob)
        checksums[name] = hashlib.sha256(blob).hexdigest()
        sizes[name] = len(blob)
        usable = []
        for raw in read:
            headers = [c for c in raw.data.column_names if c != "_row"]
            if raw.data.num_rows == 0 or not headers:
                report.skipped.append((name, raw.sheet, "the sheet is empty"))
                continue
            mapping = classify(raw.sheet, headers)
            if mapping is None:
                report.skipped.append((name, raw.sheet, "no table matches its columns "
                                       f"({', '.join(headers[:8])})"))
                continue
            if mapping.missing_required:
                report.skipped.append((name, raw.sheet, f"recognised as {mapping.table.name} but "
                                       f"required column(s) missing: "
                                       f"{', '.join(mapping.missing_required)}"))
                continue
            usable.append((raw, mapping))
        if not usable:
            reasons = "; ".join(f"sheet {s!r}: {r}" for f, s, r in report.skipped if f == name)
            raise IngestError(f"{name}: nothing to import ({reasons or 'no sheets'})")
        sheets.extend(usable)

    cur = ws.cursor()
    try:
        staged: list[StagedSheet] = []
        for i, (raw, mapping) in enumerate(sheets):
            raw_name, stage = f"_raw{i}", f"_stage{i}"
            cur.register(raw_name, raw.data)
            cur.execute(f"CREATE OR REPLACE TEMP TABLE {stage} AS "
                        f"{staging_sql(mapping, raw.data.schema, raw_name)}")
            cur.unregister(raw_name)
            cur.execute(key_duplicates_sql(mapping.table, stage))
            cols = ", ".join(f'"{c.name}"' for c in (*mapping.table.columns, *mapping.table.extras))
            staged.append(StagedSheet(
                raw.file_name, raw.sheet, mapping.table,
                relation_sql=f"SELECT {cols} FROM {stage} WHERE _reject IS NULL",
                rejects_sql=(
                    f"SELECT _row AS row_number, 'rejected' AS action, _reject AS reason, "
                    f"_data AS data FROM {stage} WHERE _reject IS NOT NULL UNION ALL "
                    f"SELECT _row, 'value set to empty', _warn, _data FROM {stage} "
                    f"WHERE _reject IS NULL AND _warn IS NOT NULL"
                ),
            ))
        summaries = ws.store(cur, staged, checksum=checksums, file_bytes=sizes)
        for (_raw, mapping), s in zip(sheets, summaries, strict=True):
            report.sheets.append(SheetReport(
                s["file"], s["sheet"], s["table"], s["rows"], s["rejected"], s["replaced"],
                s["upload_id"], dict(mapping.columns),
            ))
    finally:
        for i in range(len(sheets)):
            cur.execute(f"DROP TABLE IF EXISTS _stage{i}")
        cur.close()
    return report
