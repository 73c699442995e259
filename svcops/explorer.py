"""The SQL explorer: one read-only SELECT over a snapshot of the workspace.

Read-only is enforced by the engine, not by looking at the text:

* the query runs on a **snapshot**, a copy of the workspace file made after a
  CHECKPOINT (:meth:`svcops.store.Workspace.snapshot`), so nothing it does can reach
  the workspace itself; the snapshot is taken again when the workspace file (or its
  write-ahead log) has changed since;
* the snapshot is opened **read-only** with :data:`SANDBOX`: no external access (no
  files, no network, no extension installs or loads, no Python objects), no
  persistent secrets, a memory and a thread cap, nowhere to spill to; then
  ``lock_configuration`` so no query can change any of it;
* the text must be at most :data:`MAX_QUERY_CHARS` long (DuckDB's parser and binder
  recurse once per nested subquery: some 40,000 of them, 640 kB of text, crash the
  process, the app with it) and **exactly one SELECT** statement, as DuckDB's own parser
  (``duckdb.extract_statements``) classifies it: ``COPY``, ``ATTACH``, ``SET``,
  ``PRAGMA``, ``CREATE``, ``INSTALL``/``LOAD`` and a second statement are refused
  before anything runs;
* a **time limit** that cancels: a timer interrupts the connection
  (``interrupt()``), and the query stops with an error;
* a **row limit**: at most ``limit`` rows come back, and :attr:`Result.truncated`
  says when there were more;
* a **size limit**: the rows are fetched in small Arrow batches and no more than
  :data:`MAX_RESULT_BYTES` of them are kept (ten thousand rows of 1 MB text would
  otherwise fill gigabytes in the app and take minutes to convert, past the time
  limit, which only stops the engine); the time limit also holds between batches.

Everything that goes wrong comes back as a :class:`svcops.i18n.Message` (one line),
never a traceback. Definitions and the reasons: docs/explorer.md.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from .i18n import DEFAULT_LANGUAGE, STRINGS, Message, say, t
from .schema import TABLES
from .store import SEQ_COL, UPLOAD_COL, Workspace
from .tickets import (
    CREATED_IN,
    DONE_IN,
    HAS_TARGET,
    KPI_SQL,
    SLA_BREACHED,
    TICKETS_CTE,
    aliased,
    data_period,
    kpi_sql,
)

__all__ = [
    "DEFAULT_ROW_LIMIT",
    "DEFAULT_TIMEOUT_SECONDS",
    "EXAMPLES",
    "MAX_QUERY_CHARS",
    "MAX_RESULT_BYTES",
    "MAX_ROW_LIMIT",
    "SANDBOX",
    "Example",
    "Result",
    "SchemaColumn",
    "SchemaLine",
    "SchemaTable",
    "check",
    "examples",
    "run",
    "schema",
    "schema_lines",
]

# At most this many rows come back unless asked otherwise; never more than MAX_ROW_LIMIT
# (the page keeps the rows in memory and draws them in a grid).
DEFAULT_ROW_LIMIT = 10_000
MAX_ROW_LIMIT = 100_000
# A query still running after this long is interrupted.
DEFAULT_TIMEOUT_SECONDS = 10.0
# A longer query text is refused before DuckDB parses it: at most 100,000 characters
# nest at most some 17,000 subqueries, which DuckDB refuses in one line (40,000 crash it).
MAX_QUERY_CHARS = 100_000
# At most this many bytes of rows (as Arrow holds them) come back, whatever the row
# limit: the page keeps them, draws them and makes CSV and Excel files of them.
MAX_RESULT_BYTES = 64 * 2**20
# Rows per Arrow batch fetched: the size limit is checked batch by batch.
_BATCH_ROWS = 256

# The snapshot's configuration, given when it is opened (lock_configuration follows).
# One thread and 512 MB: the app serves everyone from one machine, and a runaway query
# must leave room for the pages. No temp directory: a query that needs more memory
# fails instead of filling the disk.
SANDBOX: dict[str, str | bool | int] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "allow_persistent_secrets": False,
    "memory_limit": "512MB",
    "threads": 1,
    "temp_directory": "",
}


@dataclass(frozen=True)
class Result:
    """What one query gave: ``frame`` (at most ``limit`` rows; None on error),
    ``truncated`` (the query had more rows than ``limit``, or more than
    :data:`MAX_RESULT_BYTES`: then ``too_large``), ``error`` (a one-line message, or
    None), ``seconds`` (wall time, snapshot included)."""

    frame: pd.DataFrame | None
    truncated: bool
    limit: int
    seconds: float
    error: Message | None = None
    too_large: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


def check(sql: str) -> Message | None:
    """Why ``sql`` may not run (a message), or None when it is exactly one SELECT
    without parameters, as DuckDB's parser reads it, and no longer than
    :data:`MAX_QUERY_CHARS`."""
    if len(sql) > MAX_QUERY_CHARS:
        return say("explorer.error.too_long", chars=len(sql), limit=MAX_QUERY_CHARS)
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        return say("explorer.error.syntax", detail=_first_line(exc))
    if not statements:
        return say("explorer.error.empty")
    if len(statements) > 1:
        return say("explorer.error.several", count=len(statements))
    (statement,) = statements
    if statement.type != duckdb.StatementType.SELECT:
        return say("explorer.error.not_select", kind=statement.type.name)
    if statement.named_parameters:
        return say("explorer.error.parameters", names=", ".join(sorted(statement.named_parameters)))
    return None


def run(
    ws: Workspace,
    sql: str,
    *,
    folder: str | Path,
    limit: int = DEFAULT_ROW_LIMIT,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
) -> Result:
    """Run ``sql`` (one SELECT, see :func:`check`) on a sandboxed snapshot of ``ws``
    kept in ``folder``; at most ``limit`` rows (1 to :data:`MAX_ROW_LIMIT`), stopped
    after ``timeout`` seconds. Never raises for the query's sake: problems come back
    in :attr:`Result.error`."""
    limit = max(1, min(int(limit), MAX_ROW_LIMIT))
    started = time.perf_counter()

    def failed(message: Message) -> Result:
        return Result(None, False, limit, time.perf_counter() - started, message)

    refused = check(sql)
    if refused is not None:
        return failed(refused)
    (statement,) = duckdb.extract_statements(sql)
    try:
        con = _SNAPSHOTS.connect(ws, Path(folder))
    except (OSError, ValueError, duckdb.Error) as exc:
        return failed(say("explorer.error.snapshot", detail=_first_line(exc)))
    timer = threading.Timer(timeout, _interrupt, (con,))
    deadline = time.perf_counter() + timeout
    try:
        timer.start()
        try:
            frame, too_large = _fetch(con, statement.query, limit, deadline)
        finally:
            timer.cancel()
    except (duckdb.InterruptException, _PastTime):
        return failed(say("explorer.error.timeout", seconds=timeout))
    except _TooLarge:
        return failed(say("explorer.error.too_large", mb=MAX_RESULT_BYTES // 2**20))
    except OSError as exc:  # the Arrow stream passes the engine's errors on as OSError
        if "INTERRUPT" in str(exc) or time.perf_counter() >= deadline:
            return failed(say("explorer.error.timeout", seconds=timeout))
        if "Out of Memory" in str(exc):
            return failed(say("explorer.error.memory", limit=SANDBOX["memory_limit"]))
        return failed(say("explorer.error.query", detail=_first_line(exc)))
    except duckdb.OutOfMemoryException:
        return failed(say("explorer.error.memory", limit=SANDBOX["memory_limit"]))
    except duckdb.PermissionException:
        return failed(say("explorer.error.external"))
    except duckdb.Error as exc:
        return failed(say("explorer.error.query", detail=_first_line(exc)))
    except Exception as exc:  # e.g. a value pandas cannot hold: one line, no traceback
        return failed(say("explorer.error.query", detail=_first_line(exc)))
    finally:
        con.close()
    truncated = len(frame) > limit or too_large
    if len(frame) > limit:
        frame = frame.head(limit)
    return Result(frame, truncated, limit, time.perf_counter() - started, too_large=too_large)


class _PastTime(Exception):
    """The time limit passed while the rows were being fetched."""


class _TooLarge(Exception):
    """Not even the first row fits in :data:`MAX_RESULT_BYTES`."""


def _fetch(
    con: duckdb.DuckDBPyConnection, query: str, limit: int, deadline: float
) -> tuple[pd.DataFrame, bool]:
    """The first ``limit + 1`` rows of ``query`` as a frame, and whether rows were left
    out because they would pass :data:`MAX_RESULT_BYTES`. The rows stream in Arrow
    batches of :data:`_BATCH_ROWS`; past ``deadline`` (a ``time.perf_counter()``
    value) :class:`_PastTime` is raised between batches."""
    reader = con.sql(query).limit(limit + 1).to_arrow_reader(_BATCH_ROWS)
    batches: list[pa.RecordBatch] = []
    size = rows = 0
    too_large = False
    for batch in reader:
        if time.perf_counter() > deadline:
            raise _PastTime
        if size + batch.nbytes > MAX_RESULT_BYTES:
            keep = _fitting(batch, MAX_RESULT_BYTES - size)
            if rows + keep == 0:
                raise _TooLarge
            batches.append(batch.slice(0, keep))
            too_large = True
            break
        batches.append(batch)
        size += batch.nbytes
        rows += batch.num_rows
        if rows > limit:
            break
    table = pa.Table.from_batches(batches, schema=reader.schema)
    # DuckDB's own conversion to pandas (as ``.df()`` gives it), on a plain in-memory
    # connection: the sandbox may not read Python objects.
    with duckdb.connect() as plain:
        frame = plain.from_arrow(table).df()
    if time.perf_counter() > deadline:
        raise _PastTime
    return frame, too_large


def _fitting(batch: pa.RecordBatch, room: int) -> int:
    """How many of ``batch``'s first rows fit in ``room`` bytes."""
    lo, hi = 0, batch.num_rows  # lo rows fit; hi + 1 do not
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if batch.slice(0, mid).nbytes <= room:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _interrupt(con: duckdb.DuckDBPyConnection) -> None:
    """Stop the query running on ``con`` (the timer's work); a connection that has just
    finished and closed has nothing to stop."""
    try:
        con.interrupt()
    except duckdb.Error:
        pass


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


# --------------------------------------------------------------------------- snapshots


def _stamp(path: str) -> tuple:
    """What changes when a workspace file is written: the file's and its write-ahead
    log's size and modification time."""
    out: list[object] = []
    for p in (path, path + ".wal"):
        try:
            st = os.stat(p)
            out += [st.st_size, st.st_mtime_ns]
        except FileNotFoundError:
            out += [None, None]
    return tuple(out)


class _Snapshots:
    """One snapshot file per workspace file (per folder), taken again when the
    workspace has changed since; connections to it are sandboxed (:data:`SANDBOX`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._taken: dict[tuple[str, str], tuple[tuple, Path]] = {}

    def connect(self, ws: Workspace, folder: Path) -> duckdb.DuckDBPyConnection:
        folder.mkdir(parents=True, exist_ok=True)
        source = str(Path(ws.path).resolve())
        prefix = "sql-" + hashlib.sha256(source.encode()).hexdigest()[:12]
        key = (source, str(folder.resolve()))
        with self._lock:
            stamp = _stamp(ws.path)
            seen = self._taken.get(key)
            if seen is None or seen[0] != stamp or not seen[1].exists():
                path = folder / f"{prefix}-{time.time_ns()}.duckdb"
                ws.snapshot(path)
                # The CHECKPOINT may have written the file: its stamp after the copy.
                self._taken[key] = (_stamp(ws.path), path)
                # Earlier snapshots of this workspace (a query still running on one keeps
                # its open file; the name goes).
                for old in folder.glob(f"{prefix}-*.duckdb"):
                    if old != path:
                        try:
                            old.unlink()
                        except OSError:
                            pass
            path = self._taken[key][1]
            con = duckdb.connect(str(path), read_only=True, config=dict(SANDBOX))
            try:
                # The database may be open already (another session's query): its
                # configuration is locked then, and locking again is refused.
                # (fetchall: a result left unfinished would refuse the query that follows.)
                rows = con.execute("SELECT current_setting('lock_configuration')").fetchall()
                if not (rows and rows[0][0]):
                    # A query over 2 s would otherwise print DuckDB's bar to stdout (into
                    # `svcops sql`'s output); a setting of this connection, set before
                    # the lock.
                    con.execute("SET enable_progress_bar = false")
                    con.execute("SET lock_configuration = true")
            except BaseException:
                con.close()
                raise
            return con


_SNAPSHOTS = _Snapshots()


# --------------------------------------------------------------------------- schema


@dataclass(frozen=True)
class SchemaColumn:
    """A stored column: ``name``, DuckDB ``type``, ``required`` by the data contract,
    ``description`` (a message key: ``explorer.col.<name>``; None when there is none)."""

    name: str
    type: str
    required: bool
    description: str | None


@dataclass(frozen=True)
class SchemaTable:
    """A canonical table as stored: ``name``, ``rows``, ``description`` (a message
    key: ``explorer.table.<name>``; None when there is none) and its ``columns``."""

    name: str
    rows: int
    description: str | None
    columns: tuple[SchemaColumn, ...]


def schema(ws: Workspace) -> list[SchemaTable]:
    """Every canonical table (svcops.schema.TABLES, in its order) with its row count and
    its stored columns: the canonical ones, the raw values kept beside them, the upload
    each row came from and, for an ordered table, the row's position in its upload."""
    counts = ws.row_counts()

    def known(key: str) -> str | None:
        return key if key in STRINGS else None

    out = []
    for table in TABLES.values():
        cols = [
            SchemaColumn(c.name, c.type, c.required, known(f"explorer.col.{c.name}"))
            for c in (*table.columns, *table.extras)
        ]
        cols.append(SchemaColumn(UPLOAD_COL, "BIGINT", False, "explorer.col._upload_id"))
        if table.ordered:
            cols.append(SchemaColumn(SEQ_COL, "BIGINT", False, "explorer.col._seq"))
        out.append(
            SchemaTable(
                table.name, counts[table.name], known(f"explorer.table.{table.name}"), tuple(cols)
            )
        )
    return out


@dataclass(frozen=True)
class SchemaLine:
    """One column of the schema panel, worded: ``name``, ``kind`` (``TYPE`` or
    ``TYPE · required``) and ``about`` (its description, or empty)."""

    name: str
    kind: str
    about: str


def schema_lines(table: SchemaTable, lang: str = DEFAULT_LANGUAGE) -> list[SchemaLine]:
    """``table``'s columns as :class:`SchemaLine` in ``lang``, in the stored order."""
    required = t("explorer.required", lang)
    return [
        SchemaLine(
            c.name,
            f"{c.type} · {required}" if c.required else c.type,
            t(c.description, lang) if c.description else "",
        )
        for c in table.columns
    ]


# --------------------------------------------------------------------------- examples


@dataclass(frozen=True)
class Example:
    """A query of the example library: ``key`` (its title is ``explorer.example.<key>``)
    and its ``sql``."""

    key: str
    sql: str


# The examples in the library's order. Each is built from the KPI expressions of
# svcops.tickets (the CTE ``t``, the period conditions, KPI_SQL), so it shows the very
# SQL the pages run and stays in step with it.
EXAMPLES = ("kpis", "kpis_by_team", "monthly_volume", "monthly_sla", "breaches_by_category")

_PERIOD_PARAM = re.compile(r"\$(lo|hi)\b")


def _with_period(sql: str, lo: date, hi: date) -> str:
    """``sql`` with the period's parameters written in as timestamps: ``$lo`` the first
    day's midnight, ``$hi`` the midnight after the last day (the half-open period)."""
    bounds = {"lo": lo, "hi": hi}
    return _PERIOD_PARAM.sub(lambda m: f"TIMESTAMP '{bounds[m.group(1)]} 00:00:00'", sql)


def examples(ws: Workspace) -> list[Example]:
    """The example queries (:data:`EXAMPLES`) over the whole period the tickets cover
    (today when there are none), the same period ``python -m svcops kpis`` reports by
    default: the first, ``kpis``, gives that command's ticket KPIs."""
    span = data_period(ws)
    first, last = span if span is not None else (date.today(), date.today())
    cte = TICKETS_CTE.format(dims="TRUE").strip()
    each = kpi_sql(created="TRUE", done="TRUE")  # the WHERE and GROUP BY pick the tickets
    queries = {
        "kpis": f"{cte}\nSELECT\n  {aliased(KPI_SQL)}\nFROM t",
        "kpis_by_team": f"{cte}\nSELECT team,\n  {aliased(KPI_SQL)}\nFROM t\n"
        "GROUP BY team\nORDER BY tickets DESC",
        "monthly_volume": f"{cte}\nSELECT date_trunc('month', created_at) AS month,\n"
        f"  {each['tickets']} AS tickets\nFROM t\nWHERE {CREATED_IN}\nGROUP BY month\n"
        "ORDER BY month",
        "monthly_sla": f"{cte}\nSELECT date_trunc('month', done_at) AS month,\n"
        f"  {each['sla_attainment']} AS sla_attainment\nFROM t\nWHERE {DONE_IN}\n"
        "GROUP BY month\nORDER BY month",
        "breaches_by_category": f"{cte}\nSELECT category,\n"
        f"  count(*) FILTER (WHERE {SLA_BREACHED}) AS breached,\n"
        f"  count(*) AS judged\nFROM t\nWHERE {DONE_IN} AND {HAS_TARGET}\n"
        "GROUP BY category\nORDER BY breached DESC",
    }
    return [Example(k, _with_period(queries[k], first, last + timedelta(days=1))) for k in EXAMPLES]
