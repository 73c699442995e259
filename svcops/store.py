"""The DuckDB workspace: canonical tables, upload provenance, rejects.

One file holds everything a team has uploaded. Canonical tables carry the SPEC's
names plus one bookkeeping column, ``_upload_id``, so every row knows which upload
it came from; a table whose row order means something (``Table.ordered``: the event
log) also has ``_seq``, each row's position within its upload (the file's row number,
after the rows of the upload's earlier sheets), since DuckDB is not asked to keep
insertion order. Rows replaced by a newer upload (same key) are parked in
``_superseded_<table>`` so that removing the newer upload brings them back.

A ``Workspace`` object is safe to share between threads: each query runs on its
own cursor.

Several processes share a workspace file by taking turns (``svcops.locking``): a
workspace opened with ``per_use=True`` (the app's) opens the file only while it is
held (:meth:`Workspace.held`, one page run) or for one call, so a scheduled import
in another process can store between two runs; any other opens it for the object's
life, after waiting for the file to be free.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from . import locking
from .i18n import DEFAULT_LANGUAGE, Message, render, t
from .originals import Original, OriginalsFolder, in_memory
from .schema import DEFAULT_SLA_POLICY, TABLES, Table

UPLOAD_COL = "_upload_id"
# A row's position within its upload, for tables whose row order means something.
SEQ_COL = "_seq"

# Each statement with what it makes: a table, a sequence, or a table's column
# ("table.column"), so that opening a workspace that has it runs nothing.
_META_DDL = [
    (
        "uploads",
        """CREATE TABLE IF NOT EXISTS uploads (
        upload_id BIGINT, file_name VARCHAR, sheet VARCHAR, table_name VARCHAR,
        rows BIGINT, rejected BIGINT, replaced BIGINT, imported_at TIMESTAMP,
        checksum VARCHAR, file_bytes BIGINT)""",
    ),
    # ``reasons``: why, as a JSON list of messages ({"key", "params"}), worded when read;
    # ``reason``: the English text a workspace written before held instead.
    (
        "rejects",
        """CREATE TABLE IF NOT EXISTS rejects (
        upload_id BIGINT, file_name VARCHAR, sheet VARCHAR, row_number BIGINT,
        action VARCHAR, reason VARCHAR, data VARCHAR, reasons VARCHAR)""",
    ),
    ("rejects.reasons", "ALTER TABLE rejects ADD COLUMN IF NOT EXISTS reasons VARCHAR"),
    (
        "sla_policy",
        "CREATE TABLE IF NOT EXISTS sla_policy (priority VARCHAR PRIMARY KEY, sla_hours DOUBLE)",
    ),
    (
        "profiles",
        """CREATE TABLE IF NOT EXISTS profiles (
        name VARCHAR PRIMARY KEY, table_name VARCHAR, signature VARCHAR, mapping VARCHAR,
        saved_at TIMESTAMP)""",
    ),
    # Which file each upload came from. The bytes are in the originals folder beside the
    # workspace file (see originals.py); ``content`` holds them only for a workspace in
    # memory, uncompressed (uploads are zip containers already).
    (
        "upload_files",
        """CREATE TABLE IF NOT EXISTS upload_files (
        upload_id BIGINT, file_name VARCHAR, checksum VARCHAR, bytes BIGINT,
        content BLOB USING COMPRESSION uncompressed)""",
    ),
    ("upload_seq", "CREATE SEQUENCE IF NOT EXISTS upload_seq START 1"),
    # A workspace's own settings (the cost report's currency, the fiscal year's first
    # month): one text value per name, kept with the data they describe.
    ("settings", "CREATE TABLE IF NOT EXISTS settings (name VARCHAR PRIMARY KEY, value VARCHAR)"),
]


def default_workspace_path() -> Path:
    """Where the workspace lives when neither ``--workspace`` nor SVCOPS_WORKSPACE says."""
    env = os.environ.get("SVCOPS_WORKSPACE")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "svcops" / "workspace.duckdb"


def table_ddl(table: Table, name: str | None = None, extra: str = "") -> str:
    cols = [f'"{c.name}" {c.type}' for c in (*table.columns, *table.extras)]
    cols.append(f"{UPLOAD_COL} BIGINT")
    if table.ordered:
        cols.append(f"{SEQ_COL} BIGINT")
    if extra:
        cols.append(extra)
    return f'CREATE TABLE IF NOT EXISTS "{name or table.name}" ({", ".join(cols)})'


def stored_columns(table: Table) -> str:
    """The quoted column list every stored row of ``table`` has: canonical columns,
    extras, ``_upload_id`` and, for an ordered table, ``_seq``."""
    names = [c.name for c in (*table.columns, *table.extras)] + [UPLOAD_COL]
    if table.ordered:
        names.append(SEQ_COL)
    return ", ".join(f'"{n}"' for n in names)


def key_expr(table: Table, alias: str = "", columns: tuple[str, ...] | None = None) -> str:
    """One VARCHAR expression that is equal for two rows exactly when their keys are
    (or their ``columns``, such as :attr:`Table.replace_key`).

    NULL-safe: a missing key part compares equal to another missing part.
    """
    prefix = f"{alias}." if alias else ""
    parts = [f'coalesce(CAST({prefix}"{k}" AS VARCHAR), chr(0))' for k in columns or table.key]
    return parts[0] if len(parts) == 1 else f"concat_ws(chr(31), {', '.join(parts)})"


# The actions a row set aside is stored with, and their strings.
_REJECT_ACTIONS = {
    "rejected": "ingest.action.rejected",
    "not imported": "ingest.action.not_imported",
    "value set to empty": "ingest.action.emptied",
}


def _worded(reasons: str, lang: str) -> str:
    """A JSON list of reason messages (``{"key", "params"}``) worded in ``lang``."""
    return t("common.list_sep", lang).join(
        render(Message(r["key"], r["params"]), lang) for r in json.loads(reasons)
    )


@dataclass(frozen=True)
class StagedSheet:
    """A sheet already coerced into a DuckDB relation, ready to be stored.

    ``relation_sql`` selects canonical columns (and extras) of the good rows;
    ``rejects_sql`` selects (row_number, action, reasons, data) of rows kept aside,
    ``reasons`` as a JSON list of messages (see ``ingest.coerce.reason_sql``).
    For an ordered table (``Table.ordered``) ``relation_sql`` also selects ``_seq``,
    the row's position in the sheet (its row number). Both refer to temporary tables that live on the cursor passed to ``store``.
    """

    file_name: str
    sheet: str
    table: Table
    relation_sql: str
    rejects_sql: str | None
    # The uploaded file this sheet came from (a .zip for its members): one upload each.
    origin: str | None = None


@dataclass(frozen=True)
class UnmatchedSheet:
    """A sheet of an uploaded file that no table took: ``rejects_sql`` selects its rows
    as rows set aside (row_number, action, reasons, data), on the cursor given to
    ``store``; ``origin``: the uploaded file it came from."""

    file_name: str
    sheet: str
    rejects_sql: str
    origin: str


# Row order is never relied on (every listing has ORDER BY); not preserving it lets bulk
# inserts run in parallel with less memory.
_CONFIG: dict[str, str | bool | int | float | list[str]] = {"preserve_insertion_order": False}


def quiet(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """``con`` without DuckDB's own progress bar, which a query over 2 s prints to
    stdout (into the CLI's output, piped or not). A session setting: cursors made from
    ``con`` afterwards inherit it."""
    con.execute("SET enable_progress_bar = false")
    return con


def connect(path: str = ":memory:", *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection as the workspace makes them (see :func:`quiet`)."""
    return quiet(duckdb.connect(path, read_only=read_only, config=_CONFIG))


class _Idle(threading.Thread):
    """Closes a per-use workspace nobody holds after ``linger`` seconds, or as soon as
    another process waits for its file (checked every tenth of a second)."""

    def __init__(self, ws: Workspace, linger: float) -> None:
        super().__init__(daemon=True, name="svcops-workspace-idle")
        self.ws, self.linger = ws, linger
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def run(self) -> None:
        deadline = time.monotonic() + self.linger
        while not self._cancelled.wait(0.1):
            if time.monotonic() >= deadline or locking.wanted(self.ws.path):
                self.ws._shut_idle(self)
                return


# Per-use workspaces that may be open with nobody holding them (lingering): closed when
# the process exits, not by a timer thread in the middle of the interpreter's shutdown.
_LINGERING: weakref.WeakSet = weakref.WeakSet()


@atexit.register
def _close_lingering() -> None:
    for ws in list(_LINGERING):
        ws.close()


class Workspace:
    """A DuckDB workspace file (or ``:memory:``).

    ``wait``: how long to wait (seconds) for another process to let go of the file
    before :class:`svcops.locking.WorkspaceBusy`. ``per_use``: open the file only while
    held (:meth:`held`) or for the length of one call, not for the object's life (the
    app, so that a scheduled import can write between page runs). ``linger``: a per-use
    workspace stays open this long (seconds) after its last hold, so that the page runs
    that follow share one opening, unless another process waits for the file: then
    it is let go within a tenth of a second.
    ``on_wait``: called once when the file is not free at once and this waits for it.
    """

    def __init__(
        self,
        path: str | Path = ":memory:",
        *,
        read_only: bool = False,
        wait: float = locking.DEFAULT_WAIT,
        per_use: bool = False,
        linger: float = 0.0,
        on_wait: Callable[[], None] | None = None,
    ):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.read_only = read_only
        self.wait = wait
        self.per_use = per_use and self.path != ":memory:"
        self._con: duckdb.DuckDBPyConnection | None = None
        self._holds = 0
        self._hold_lock = threading.RLock()
        self._hold_turn = threading.Condition(self._hold_lock)
        self._owners: dict[int, int] = {}  # per thread, its holds (per-use workspaces)
        self._prepared = False
        self.linger = linger
        self._idle: _Idle | None = None
        if self.per_use and linger > 0:
            _LINGERING.add(self)
        self._write_lock = threading.Lock()
        self.originals = None if self.path == ":memory:" else OriginalsFolder(self.path)
        if not self.per_use:
            self._holds = 1  # held for the object's life, until close()
            self._open(on_wait)

    # -- lifecycle -----------------------------------------------------------------
    def close(self) -> None:
        with self._hold_lock:
            if self._idle is not None:
                self._idle.cancel()
                self._idle = None
            if self._con is not None:
                self._holds = 0
                self._shut()

    def _locks(self) -> bool:
        """Whether this workspace takes the file's lock: a file opened for writing (a
        read-only open is DuckDB's shared lock, and the cached sample is private)."""
        return self.path != ":memory:" and not self.read_only

    def _open(self, on_wait: Callable[[], None] | None = None) -> None:
        """Wait for the file to be free, open it, and (once) bring its schema up to date."""
        started = time.monotonic()
        if self._locks():
            locking.acquire(self.path, self.wait, on_wait)
        try:
            while True:
                try:
                    self._con = connect(self.path, read_only=self.read_only)
                    break
                except duckdb.IOException as exc:
                    # A process that does not take the lock file (an older svcops, the
                    # duckdb shell) holds the file: wait for it as well.
                    waited = time.monotonic() - started
                    if "lock" not in str(exc).lower() or self.path == ":memory:":
                        raise
                    if waited >= self.wait:
                        raise locking.busy(self.path, waited) from exc
                    time.sleep(0.1)
            if not self.read_only and not self._prepared:
                self._ensure_schema()
                self._prepared = True
                if self.originals is not None:
                    self.originals.collect(self._kept_files)
        except BaseException:
            self._shut()
            raise

    def _shut(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        if self._locks():
            locking.release(self.path)

    @contextmanager
    def held(self, on_wait: Callable[[], None] | None = None):
        """Keep the file open for the ``with`` block (nested holds share one opening):
        every call inside it uses one connection instead of opening the file for itself.
        ``on_wait``: called once when another process has the file and this waits.

        A per-use workspace lets a process waiting for the file go first: a new hold
        (from a thread holding nothing yet) does not join the open file then, but waits
        for the holds under way to end and the file to be let go."""
        me = threading.get_ident()
        with self._hold_turn:
            if self._owners.get(me) or not self.per_use:  # nested, or held for life
                self._holds += 1
                self._owners[me] = self._owners.get(me, 0) + 1
            else:
                while self._holds > 0 and locking.wanted(self.path):
                    self._hold_turn.wait(0.05)
                if self._holds == 0:
                    if self._idle is not None:  # still open from the last hold
                        self._idle.cancel()
                        self._idle = None
                    if self._con is not None and locking.wanted(self.path):
                        self._shut()  # another process waits: its turn first
                # Counted before opening: opening queries the file (its originals
                # folder), and that query's hold, nested in this one, must not close it.
                self._holds += 1
                self._owners[me] = 1
                try:
                    if self._con is None:
                        self._open(on_wait)
                except BaseException:
                    self._holds -= 1
                    self._owners.pop(me, None)
                    self._hold_turn.notify_all()
                    raise
        try:
            yield self
        finally:
            with self._hold_turn:
                self._holds -= 1
                left = self._owners.get(me, 0) - 1
                if left > 0:
                    self._owners[me] = left
                else:
                    self._owners.pop(me, None)
                if self._holds == 0 and self.per_use:
                    if self.linger > 0 and self._con is not None and not locking.wanted(self.path):
                        self._idle = _Idle(self, self.linger)
                        self._idle.start()
                    else:
                        self._shut()
                elif self._holds == 0:
                    self._shut()
                self._hold_turn.notify_all()

    def _shut_idle(self, idle: _Idle) -> None:
        with self._hold_lock:
            if self._holds == 0 and self._idle is idle:
                self._idle = None
                self._shut()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise RuntimeError(f"workspace {self.path} is not open (closed, or not held)")
        return self._con

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ensure_schema(self) -> None:
        con = self._connection()
        # One transaction, not one per statement (each commit writes and syncs the log):
        # the app opens the workspace for each page run.
        con.execute("BEGIN TRANSACTION")
        try:
            self._create_schema(con)
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    @staticmethod
    def _create_schema(con: duckdb.DuckDBPyConnection) -> None:
        have: dict[str, set[str]] = {}
        for name, column in con.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
        ).fetchall():
            have.setdefault(name, set()).add(column)
        sequences = {
            n for (n,) in con.execute("SELECT sequence_name FROM duckdb_sequences()").fetchall()
        }
        for made, ddl in _META_DDL:
            owner, _, column = made.partition(".")
            there = column in have.get(owner, ()) if column else made in have or made in sequences
            if not there:
                con.execute(ddl)
        for table in TABLES.values():
            # Only what is not there yet: a page run opens the workspace each time.
            if table.name not in have:
                con.execute(table_ddl(table))
            if f"_superseded_{table.name}" not in have:
                con.execute(table_ddl(table, f"_superseded_{table.name}", "_superseded_by BIGINT"))
            # A workspace written before a canonical column existed gains it (empty).
            for name in (table.name, f"_superseded_{table.name}"):
                for col in (*table.columns, *table.extras):
                    if name in have and col.name not in have[name]:
                        con.execute(f'ALTER TABLE "{name}" ADD COLUMN "{col.name}" {col.type}')
            if table.ordered:
                # A workspace written before rows kept their order: its rows have none
                # (NULL), the rows of later uploads have theirs.
                for name in (table.name, f"_superseded_{table.name}"):
                    if SEQ_COL not in have.get(name, ()):
                        con.execute(
                            f'ALTER TABLE "{name}" ADD COLUMN IF NOT EXISTS {SEQ_COL} BIGINT'
                        )
        if con.execute("SELECT count(*) FROM sla_policy").fetchall() == [(0,)]:
            con.executemany(
                "INSERT INTO sla_policy VALUES (?, ?)", list(DEFAULT_SLA_POLICY.items())
            )

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor, valid while the workspace is open. A per-use workspace not held
        gives a connection of its own (close it), without the lock file's turn."""
        with self._hold_lock:
            if self._con is None and self.per_use:
                return connect(self.path, read_only=self.read_only)
            return self._connection().cursor()

    @contextmanager
    def transaction(self, cur: duckdb.DuckDBPyConnection | None = None):
        """One writer at a time, all or nothing: yields a cursor inside BEGIN ... COMMIT,
        rolled back on any error. ``cur``: a cursor holding temp tables to use (kept
        open); otherwise a fresh one, closed afterwards."""
        own = cur is None
        with self.held():
            cur = cur or self._connection().cursor()
            with self._write_lock:
                cur.execute("BEGIN TRANSACTION")
                try:
                    yield cur
                    cur.execute("COMMIT")
                except BaseException:
                    cur.execute("ROLLBACK")
                    raise
                finally:
                    if own:
                        cur.close()

    # -- reading -------------------------------------------------------------------
    def query(self, sql: str, params: Iterable | dict | None = None) -> pd.DataFrame:
        with self.held():
            cur = self._connection().cursor()
            try:
                return cur.execute(sql, params or []).df()
            finally:
                cur.close()

    def scalar(self, sql: str, params: Iterable | dict | None = None):
        with self.held():
            cur = self._connection().cursor()
            try:
                row = cur.execute(sql, params or []).fetchone()
                return None if row is None else row[0]
            finally:
                cur.close()

    def row_counts(self) -> dict[str, int]:
        with self.held():
            return {name: int(self.scalar(f'SELECT count(*) FROM "{name}"')) for name in TABLES}

    def holdings(self) -> pd.DataFrame:
        """Rows per canonical table: columns ``table``, ``rows``."""
        counts = self.row_counts()
        return pd.DataFrame({"table": list(counts), "rows": list(counts.values())})

    def has_rows(self, table: str) -> bool:
        return bool(self.scalar(f'SELECT EXISTS (SELECT 1 FROM "{table}")'))

    def uploads(self) -> pd.DataFrame:
        return self.query(
            "SELECT upload_id, file_name, sheet, table_name, rows, rejected, replaced, "
            "imported_at, checksum FROM uploads ORDER BY upload_id, sheet"
        )

    def rejects(self, upload_id: int | None = None, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
        """Rows set aside: ``upload_id, file_name, sheet, row_number, action, reason, data``
        (the row as uploaded, JSON), with ``action`` and ``reason`` worded in ``lang``."""
        where = "" if upload_id is None else "WHERE upload_id = ?"
        params = [] if upload_id is None else [upload_id]
        # A workspace written before reasons were kept as messages has English text only,
        # and when opened read-only it has no ``reasons`` column either.
        keyed = "reasons" if self._has_column("rejects", "reasons") else "NULL AS reasons"
        frame = self.query(
            f"SELECT upload_id, file_name, sheet, row_number, action, reason, {keyed}, data "
            f"FROM rejects {where} ORDER BY upload_id, sheet, row_number",
            params,
        )
        frame["action"] = frame["action"].map(
            lambda a: t(_REJECT_ACTIONS[a], lang) if a in _REJECT_ACTIONS else a
        )
        worded = {r: _worded(r, lang) for r in frame["reasons"].dropna().unique()}
        frame["reason"] = (
            frame["reasons"].map(worded).where(frame["reasons"].notna(), frame["reason"])
        )
        return frame.drop(columns="reasons")

    def _has_column(self, table: str, column: str) -> bool:
        return bool(
            self.scalar(
                "SELECT count(*) FROM information_schema.columns "
                "WHERE table_name = ? AND column_name = ?",
                [table, column],
            )
        )

    def setting(self, name: str) -> str | None:
        """A workspace setting (see ``settings`` in ``_META_DDL``); None when unset, or
        when the workspace predates settings and is open read-only."""
        if not self._has_column("settings", "value"):
            return None
        value = self.scalar("SELECT value FROM settings WHERE name = ?", [name])
        return None if value is None else str(value)

    def save_setting(self, name: str, value: str) -> None:
        """Keep a workspace setting (replacing its value). A read-only workspace (the
        sample) keeps none: ValueError."""
        if self.read_only:
            raise ValueError("a read-only workspace keeps no settings")
        with self.transaction() as cur:
            cur.execute(
                "INSERT INTO settings VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = ?",
                [name, value, value],
            )

    def snapshot(self, dest: str | Path) -> None:
        """Copy the workspace file to ``dest`` as it is now, for the SQL explorer.

        A CHECKPOINT first writes every committed change into the file, and the write
        lock keeps imports, removals and saves out until the copy is done (a single
        statement run outside a transaction goes to the write-ahead log, not the file).
        A workspace in memory has no file: ValueError."""
        if self.path == ":memory:":
            raise ValueError("a workspace in memory has no file to copy")
        with self.held(), self._write_lock:
            self._connection().execute("CHECKPOINT")
            shutil.copyfile(self.path, dest)

    def sla_policy(self) -> dict[str, float]:
        rows = self.query("SELECT priority, sla_hours FROM sla_policy ORDER BY priority")
        return dict(zip(rows["priority"], rows["sla_hours"].astype(float), strict=True))

    # -- writing -------------------------------------------------------------------
    def store(
        self,
        cur: duckdb.DuckDBPyConnection,
        staged: list[StagedSheet],
        *,
        originals: dict[str, Original],
        unmatched: Iterable[UnmatchedSheet] = (),
        on_sheet: Callable[[int, dict], None] | None = None,
    ) -> list[dict]:
        """Write staged sheets in one transaction on ``cur``; return one summary per sheet.

        Each uploaded file (``StagedSheet.origin``) gets its own upload id and a row in
        ``upload_files`` naming its kept original (``originals``, by file name; see
        :meth:`keep_original`). ``unmatched``: sheets of the same files that no table
        took; their rows are kept as rows set aside, and ``uploads`` lists each with no
        table. Any error rolls everything back. ``on_sheet(n, summary)``: called as each
        sheet is stored (``n`` counting from 0), for an import's progress.
        """
        summaries: list[dict] = []
        upload_ids: dict[str, int] = {}
        # Per upload and ordered table: the last position given, so a later sheet's rows
        # come after an earlier sheet's.
        last_seq: dict[tuple[int, str], int] = {}
        now = datetime.now().replace(microsecond=0)
        with self.transaction(cur):
            for sheet in staged:
                origin = sheet.origin or sheet.file_name
                kept = originals.get(origin)
                if origin not in upload_ids:
                    uid = int(cur.execute("SELECT nextval('upload_seq')").fetchall()[0][0])
                    upload_ids[origin] = uid
                    if kept is not None:
                        self._record_original(cur, uid, kept)
                at = (upload_ids[origin], sheet.table.name)
                summary = self._store_sheet(
                    cur,
                    sheet,
                    upload_ids[origin],
                    now,
                    kept.checksum if kept else None,
                    kept.size if kept else None,
                    last_seq.get(at, 0),
                )
                last_seq[at] = summary.pop("last_seq")
                summaries.append(summary)
                if on_sheet is not None:
                    on_sheet(len(summaries) - 1, summary)
            for other in unmatched:
                found = upload_ids.get(other.origin)
                if found is None:  # a file no sheet of which was imported is refused whole
                    continue
                cur.execute(
                    "INSERT INTO rejects (upload_id, file_name, sheet, row_number, action, "
                    f"reasons, data) SELECT ?, ?, ?, * FROM ({other.rejects_sql})",
                    [found, other.file_name, other.sheet],
                )
                (aside,) = cur.execute(f"SELECT count(*) FROM ({other.rejects_sql})").fetchall()[0]
                kept = originals.get(other.origin)
                cur.execute(
                    "INSERT INTO uploads VALUES (?, ?, ?, NULL, 0, ?, 0, ?, ?, ?)",
                    [
                        found,
                        other.file_name,
                        other.sheet,
                        int(aside),
                        now,
                        kept.checksum if kept else None,
                        kept.size if kept else None,
                    ],
                )
        return summaries

    def keep_original(self, name: str, data: bytes | Path) -> Original:
        """Keep an uploaded file (hash it, and copy it beside the workspace file).

        Safe to call from another thread while a file is being read; pass the result
        to :meth:`store`, then to :meth:`settle_originals` whatever happened.
        """
        return in_memory(name, data) if self.originals is None else self.originals.keep(name, data)

    def settle_originals(self, originals: Iterable[Original]) -> None:
        """After an import: remove the files it kept that no upload refers to (it failed)."""
        if self.originals is not None:
            self.originals.settle(list(originals), self._kept_files)

    def _kept_files(self) -> set[str]:
        rows = self.query(
            "SELECT DISTINCT checksum FROM upload_files "
            "WHERE content IS NULL AND checksum IS NOT NULL"
        )
        return set(rows["checksum"])

    @staticmethod
    def _record_original(cur, uid: int, kept: Original) -> None:
        # Through Arrow, DuckDB takes the bytes without the copy a parameter costs.
        row = pa.table(
            {
                "upload_id": [uid],
                "file_name": [kept.name],
                "checksum": [kept.checksum],
                "bytes": [kept.size],
                "content": pa.array([kept.content], pa.binary()),
            }
        )
        cur.register("_original", row)
        try:
            cur.execute("INSERT INTO upload_files SELECT * FROM _original").fetchall()
        finally:
            cur.unregister("_original")

    def original_file(self, upload_id: int) -> tuple[str, bytes] | None:
        """The file an upload came from, as uploaded: (name, bytes), or None when the
        upload is unknown or its kept file has gone from the originals folder."""
        with self.held():
            cur = self._connection().cursor()
            try:
                rows = cur.execute(
                    "SELECT file_name, checksum, content FROM upload_files WHERE upload_id = ?",
                    [upload_id],
                ).fetchall()
            finally:
                cur.close()
        if not rows:
            return None
        name, checksum, content = rows[0]
        if content is not None:
            return name, bytes(content)
        if self.originals is None:
            return None
        try:
            return name, self.originals.file(checksum).read_bytes()
        except OSError:
            return None

    def _store_sheet(
        self,
        cur,
        sheet: StagedSheet,
        uid: int,
        now,
        checksum: str | None,
        file_bytes: int | None,
        seq_base: int = 0,
    ) -> dict:
        """Store one sheet under upload ``uid``; an ordered table's rows are numbered
        after ``seq_base``. The summary's ``last_seq`` is the last position given."""
        t = sheet.table
        cols = [c.name for c in (*t.columns, *t.extras)]
        col_list = ", ".join(f'"{c}"' for c in cols)
        incoming = f"({sheet.relation_sql})"
        rows, last_seq = cur.execute(
            f"SELECT count(*), {f'max({SEQ_COL})' if t.ordered else 'NULL'} FROM {incoming}"
        ).fetchone()
        rows, last_seq = int(rows), seq_base + int(last_seq or 0)
        stored = stored_columns(t)
        # Newest wins: park the rows this upload replaces, so removing it restores them.
        replaced = 0
        if rows:
            by = t.replace_key
            earlier = (
                f"t.{UPLOAD_COL} <> {uid} AND {key_expr(t, 't', by)} IN "
                f"(SELECT {key_expr(t, columns=by)} FROM {incoming})"
            )
            same = (
                f"t.{UPLOAD_COL} = {uid} AND {key_expr(t, 't')} IN "
                f"(SELECT {key_expr(t)} FROM {incoming})"
            )
            match = f"(({earlier}) OR ({same}))"
            # Rows an earlier upload brought are parked so removing this one restores them;
            # rows of this same upload (another sheet of the file) are simply replaced.
            cur.execute(
                f'INSERT INTO "_superseded_{t.name}" ({stored}, _superseded_by) '
                f'SELECT {stored}, {uid} FROM "{t.name}" t WHERE {earlier}'
            )
            replaced = int(
                cur.execute(f'SELECT count(*) FROM "{t.name}" t WHERE {match}').fetchone()[0]
            )
            if replaced:
                cur.execute(f'DELETE FROM "{t.name}" t WHERE {match}')
            seq = f", {SEQ_COL} + {seq_base}" if t.ordered else ""
            cur.execute(
                f'INSERT INTO "{t.name}" ({stored}) SELECT {col_list}, {uid}{seq} FROM {incoming}'
            )
        rejected = 0
        if sheet.rejects_sql:
            cur.execute(
                "INSERT INTO rejects (upload_id, file_name, sheet, row_number, action, reasons, "
                f"data) SELECT ?, ?, ?, row_number, action, reasons, data FROM ({sheet.rejects_sql})",
                [uid, sheet.file_name, sheet.sheet],
            )
            rejected = int(
                cur.execute(
                    f"SELECT count(*) FROM ({sheet.rejects_sql}) WHERE action = 'rejected'"
                ).fetchone()[0]
            )
        cur.execute(
            "INSERT INTO uploads VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                uid,
                sheet.file_name,
                sheet.sheet,
                t.name,
                rows,
                rejected,
                replaced,
                now,
                checksum,
                file_bytes,
            ],
        )
        return {
            "upload_id": uid,
            "file": sheet.file_name,
            "sheet": sheet.sheet,
            "table": t.name,
            "rows": rows,
            "rejected": rejected,
            "replaced": replaced,
            "last_seq": last_seq,
        }

    def remove_upload(self, upload_id: int) -> int:
        """Delete every row an upload brought in and restore the rows it had replaced.

        Returns the number of rows removed. Unknown ids raise ``KeyError``.
        """
        with self.held():
            return self._remove_upload(upload_id)

    @staticmethod
    def _derive_intervals_again(cur, touched: list, removed: int) -> None:
        """The interval rows derived from call logs (rows of an upload that brought calls)
        in the half-hours ``touched`` hold again the figures of the calls that remain
        there, once upload ``removed`` is gone; a half-hour left with no call offered
        loses its row. An intervals sheet uploaded as such is left as it was."""
        from .ingest.calls import aggregate_sql  # the ingest package imports this module

        cur.execute("CREATE OR REPLACE TEMP TABLE _touched (interval_start TIMESTAMP)")
        cur.executemany("INSERT INTO _touched VALUES (?)", [[t] for t in touched])
        derived = (
            "i.interval_start IN (SELECT interval_start FROM _touched) AND i._upload_id IN "
            "(SELECT upload_id FROM uploads WHERE table_name = 'calls' AND upload_id <> ?)"
        )
        fresh = aggregate_sql("interval_start IN (SELECT interval_start FROM _touched)")
        figures = [
            c.name
            for c in TABLES["intervals"].columns
            if c.name not in ("interval_start", "channel")
        ]
        sets = ", ".join(f'"{c}" = f."{c}"' for c in figures)
        cur.execute(
            f"UPDATE intervals i SET {sets} FROM ({fresh}) f WHERE {derived} "
            "AND i.interval_start = f.interval_start AND i.channel = f.channel",
            [removed],
        )
        cur.execute(
            f"DELETE FROM intervals i WHERE {derived} AND NOT EXISTS (SELECT 1 FROM ({fresh}) f "
            "WHERE f.interval_start = i.interval_start AND f.channel = i.channel)",
            [removed],
        )
        cur.execute("DROP TABLE _touched")

    def _remove_upload(self, upload_id: int) -> int:
        if not self.scalar("SELECT count(*) FROM uploads WHERE upload_id = ?", [upload_id]):
            raise KeyError(f"no upload with id {upload_id}")
        files = self.query("SELECT checksum FROM upload_files WHERE upload_id = ?", [upload_id])
        removed = 0
        with self.transaction() as cur:
            # The half-hours this upload's calls count in, whose intervals other call logs'
            # calls may share (svcops/ingest/calls.py): derived again below.
            touched = [
                r[0]
                for r in cur.execute(
                    "SELECT DISTINCT interval_start FROM calls WHERE _upload_id = ? "
                    "AND interval_start IS NOT NULL",
                    [upload_id],
                ).fetchall()
            ]
            for t in TABLES.values():
                name, sup = f'"{t.name}"', f'"_superseded_{t.name}"'
                removed += int(
                    cur.execute(
                        f"SELECT count(*) FROM {name} WHERE {UPLOAD_COL} = ?", [upload_id]
                    ).fetchone()[0]
                )
                cur.execute(f"DELETE FROM {name} WHERE {UPLOAD_COL} = ?", [upload_id])
                cols = stored_columns(t)
                by = t.replace_key
                cur.execute(
                    f"INSERT INTO {name} ({cols}) SELECT {cols} FROM {sup} s "
                    f"WHERE _superseded_by = ? AND {key_expr(t, 's', by)} NOT IN "
                    f"(SELECT {key_expr(t, columns=by)} FROM {name})",
                    [upload_id],
                )
                # Rows this upload had replaced, whose key a later upload holds now:
                # they stay parked, behind that later upload instead.
                cur.execute(
                    f"UPDATE {sup} s SET _superseded_by = n._superseded_by FROM {sup} n "
                    f"WHERE s._superseded_by = ? AND n.{UPLOAD_COL} = ? "
                    f"AND {key_expr(t, 's', by)} = {key_expr(t, 'n', by)}",
                    [upload_id, upload_id],
                )
                cur.execute(
                    f"DELETE FROM {sup} WHERE _superseded_by = ? OR {UPLOAD_COL} = ?",
                    [upload_id, upload_id],
                )
            if touched:
                self._derive_intervals_again(cur, touched, upload_id)
            cur.execute("DELETE FROM rejects WHERE upload_id = ?", [upload_id])
            cur.execute("DELETE FROM upload_files WHERE upload_id = ?", [upload_id])
            cur.execute("DELETE FROM uploads WHERE upload_id = ?", [upload_id])
        if self.originals is not None:
            for checksum in files["checksum"].dropna():
                self.originals.forget(checksum, self._kept_files)
        return removed
