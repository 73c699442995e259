"""Import uploaded files into the workspace: read -> classify -> map -> check -> coerce -> store.

An import of several files is all-or-nothing: any file that cannot be read stops
the whole import before anything is written. Each uploaded file is kept whole in
the workspace, so nothing uploaded is ever lost, and each becomes one upload that
can be removed again (a .zip with several members included).

An export with several rows per ticket (a state history, like a ServiceNow audit
log) or an event log (case, activity, time) feeds ``events`` with every row and
``tickets`` with one row per case, from the case's latest row.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from ..i18n import DEFAULT_LANGUAGE, Message, render, say, t
from ..schema import EVENT_ACTOR_HEADERS, EVENT_TIME_HEADERS, TABLES, normalise_header
from ..store import SEQ_COL, StagedSheet, UnmatchedSheet, Workspace, key_expr, quiet
from . import progress as steps
from .calls import counted_sql, intervals_sql, is_call_log
from .coerce import (
    _lit,
    key_duplicates_sql,
    reason_sql,
    staging_sql,
    text_needs,
    uploaded_row_sql,
)
from .dates import infer_datetime_formats
from .infer import tickets_from_values
from .mapping import (
    Mapping,
    arrival_is_queue_entry,
    classify,
    created_from_values,
    map_columns,
    mapping_from_rows,
)
from .matrix import months_as_rows
from .prepare import ColumnPlan, prepare
from .profiles import Profile, ProfileError, get_profile, profile_for
from .read import IngestError, RawSheet, Source, printable_name, read_file
from .split_times import combine_date_and_time

__all__ = [
    "IngestError",
    "ImportReport",
    "ProfileError",
    "SheetPreview",
    "SheetReport",
    "import_files",
    "import_paths",
    "import_summary",
    "mapping_from_rows",
    "preview",
]

# The intervals a call log's calls give (svcops/ingest/calls.py): each column computed.
_INTERVALS_FROM_CALLS = Mapping(
    TABLES["intervals"], {c: f"__{c}" for c in TABLES["intervals"].column_names}
)
# A file with nothing to import is refused naming this many of its sheets, counting the rest.
_SHEETS_NAMED = 5
# A tickets-shaped sheet is a state history when this share of its rows repeat an id.
STATE_HISTORY_SHARE = 0.1
# Activities that resolve a case (the work is done: resolve, solved, fixed, 已解决 ...)
# and that close it (close, closed, cancelled, 关闭, 已关闭 ...); matched on the lower-cased
# name. A negation in front does not count: unresolved, incomplete, 未解决, 待关闭.
# The plain resolve words say so whatever else the name holds; the weak ones (complete,
# done, finish, 完成) only when the name does not also close the case: BPI 2013's
# "Completed-Closed" is the close after "Completed-Resolved", not a second resolution.
_RESOLVE_WORDS = r"(^|[^n])resol|solved|\bsolve|\bfix\b|\bfixed\b|(^|[^未待不])(解决|修复)"
_RESOLVE_WEAK = r"(^|[^n])complet|\bdone\b|finish|(^|[^未待不])完成"
RESOLVE_ACTIVITY = f"({_RESOLVE_WORDS}|{_RESOLVE_WEAK})"
CLOSE_ACTIVITY = r"(clos|cancel|abandon|withdr[ae]w|(^|[^未待不])(关闭|取消|结案|关单|撤销))"
# A case whose last activity matches this (resolves or closes it) is done.
CLOSING_ACTIVITY = f"({RESOLVE_ACTIVITY}|{CLOSE_ACTIVITY})"
# Names that undo or deny a resolution or a close, which neither resolve nor close:
# not resolved, not fixed, non-resolved, resolution rejected, close denied, reject the
# fix, 关闭申请被拒, 修复失败, 驳回解决方案. ("Completed-Cancelled" is a close: cancelled
# is not among the words that undo.)
UNDONE_ACTIVITY = (
    r"(\b(not|never|non|un)[\s_-]*(resol|solv|fix|complet|clos|done|finish)"
    r"|(resol|solu|solv|fix|complet|clos)[a-z]*[\s_-]+((was|is|been)[\s_-]+)?"
    r"(rejected|denied|declined|refused|failed|reverted|undone|reversed|withdrawn)\b"
    r"|\b(reject|deny|denied|declin|refus|revert|undo)[a-z]*[\s_-]+(the[\s_-]+)?"
    r"(resol|solu|fix|clos)"
    r"|(解决|修复|关闭|结案|关单|完成)[^\s]{0,6}?(被拒|拒绝|驳回|失败|撤回|未通过|不通过)"
    r"|(拒绝|驳回|撤回|撤销)[^\s]{0,4}?(解决|修复|关闭|结案))"
)


def activity_kind_sql(column: str) -> tuple[str, str, str]:
    """SQL conditions on an activity ``column``: (resolves, closes, done), where done is
    resolves or closes (the last activity of a finished case)."""
    low = f"lower({column})"
    undone = f"regexp_matches({low}, '{UNDONE_ACTIVITY}')"
    closes = f"(regexp_matches({low}, '{CLOSE_ACTIVITY}') AND NOT {undone})"
    resolves = (
        f"((regexp_matches({low}, '{_RESOLVE_WORDS}') OR (regexp_matches({low}, "
        f"'{_RESOLVE_WEAK}') AND NOT regexp_matches({low}, '{CLOSE_ACTIVITY}'))) "
        f"AND NOT {undone})"
    )
    done = f"(regexp_matches({low}, '{CLOSING_ACTIVITY}') AND NOT {undone})"
    return resolves, closes, done


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
    confidence: dict[str, float] = field(default_factory=dict)
    notes: tuple[Message, ...] = ()


@dataclass
class ImportReport:
    sheets: list[SheetReport] = field(default_factory=list)
    # (file, sheet, reason) for sheets that held nothing to import.
    skipped: list[tuple[str, str, Message]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(s.rows for s in self.sheets)

    @property
    def rejected(self) -> int:
        return sum(s.rejected for s in self.sheets)


def import_summary(report: ImportReport, lang: str = DEFAULT_LANGUAGE):
    """One row per imported sheet: ``file, sheet, table, rows, rejected, replaced,
    mapping`` (source -> column, with the confidence of near matches) and ``notes``
    (worded in ``lang``)."""
    import pandas as pd

    rows = []
    for s in report.sheets:
        shown = ", ".join(
            f"{src} → {col}"
            + (f" ({s.confidence[col]:.0%})" if s.confidence.get(col, 1) < 1 else "")
            for col, src in s.mapping.items()
            if not src.startswith("__")
        )
        rows.append(
            {
                "file": s.file,
                "sheet": s.sheet,
                "table": s.table,
                "rows": s.rows,
                "rejected": s.rejected,
                "replaced": s.replaced,
                "mapping": shown,
                "notes": t("common.list_sep", lang).join(render(n, lang) for n in s.notes),
            }
        )
    return pd.DataFrame(rows)


def import_paths(
    ws: Workspace, paths: list[str | Path], *, profile: str | None = None
) -> ImportReport:
    """Import files on disk; workbooks are read from disk, not loaded into memory first."""
    return import_files(ws, openable(paths), profile=profile)


def openable(paths: list[str | Path]) -> list[tuple[str, Path]]:
    """``(name, path)`` for each file, or IngestError naming the first that can't be opened."""
    files = []
    for p in paths:
        path = Path(p)
        try:
            with path.open("rb"):
                pass
        except OSError as exc:
            raise IngestError(
                say("ingest.error.cannot_open", path=str(path), detail=str(exc.strerror or exc))
            ) from exc
        files.append((path.name, path))
    return files


@dataclass
class _Sheet:
    """A readable sheet and what it was recognised as."""

    origin: str  # the uploaded file it came from
    raw: RawSheet
    mapping: Mapping
    event_log: Mapping | None = None  # the events mapping when the sheet is a history
    plan: ColumnPlan | None = None  # how the sheet's own mapping reads its values
    # Taken for tickets from its values, not its headers (infer.py, created_from_values):
    # a sheet whose headers name its columns describes the same tickets better.
    from_values: bool = False


def _find(headers: list[str], wanted: tuple[str, ...]) -> str | None:
    folded = {normalise_header(w) for w in wanted}
    return next((h for h in headers if normalise_header(h) in folded), None)


def _recognise(
    origin: str,
    raw: RawSheet,
    report: ImportReport,
    ws: Workspace | None = None,
    forced: Profile | None = None,
    overrides: dict[tuple[str, str], Mapping] | None = None,
) -> _Sheet | None:
    """What a sheet holds: a user's correction, a named profile, a saved profile for
    sheets of this shape, or else classification by name, headers and values."""
    headers = [c for c in raw.data.column_names if c != "_row"]
    where = (raw.file_name, raw.sheet)
    if raw.data.num_rows == 0 or not headers:
        report.skipped.append((*where, say("ingest.skip.empty")))
        return None
    notes: list[Message] = list(raw.notes)
    if overrides and where in overrides and overrides[where] is None:
        report.skipped.append((*where, say("ingest.skip.chosen")))
        return None
    mapping = (overrides or {}).get(where)
    if mapping is None and forced is not None:
        missing = sorted(set(forced.columns.values()) - set(headers))
        if missing:
            raise IngestError(
                say(
                    "ingest.error.profile_columns",
                    file=raw.file_name,
                    sheet=raw.sheet,
                    profile=forced.name,
                    columns=", ".join(missing),
                )
            )
        mapping = forced.mapping()
        notes.append(say("ingest.note.profile", profile=forced.name))
    if mapping is None and ws is not None:
        saved = profile_for(ws, headers)
        if saved is not None:
            mapping = saved.mapping()
            notes.append(say("ingest.note.profile_same", profile=saved.name))
    chosen = mapping  # a user's correction or a profile
    mapping = mapping or classify(raw.sheet, headers)
    from_values = False
    if mapping is None:
        # A state history with no creation column (Number, State, Updated): an event log
        # whose tickets start at each case's first event.
        base = map_columns(TABLES["tickets"], headers)
        history = _state_history(raw, base, headers) if "ticket_id" in base.columns else None
        if history is not None:
            plan = prepare(_without_summary(raw), history)
            if not plan.mapping.missing_required:
                return _Sheet(origin, raw, plan.mapping, event_log=plan.mapping, plan=plan)
        mapping = tickets_from_values(
            _without_summary(raw), headers, lambda h: _holds_datetimes(raw.data, h)
        )
        if mapping is not None:
            notes.append(say("ingest.note.tickets_from_values"))
            notes.extend(
                say("ingest.note.why", source=mapping.columns[c], column=c, why=why)
                for c, why in mapping.reasons.items()
            )
        else:
            mapping = created_from_values(headers, lambda h: _holds_datetimes(raw.data, h))
        from_values = mapping is not None
        if mapping is not None and not mapping.reasons:
            notes.append(
                say(
                    "ingest.note.created_from_values",
                    source=mapping.columns["created_at"],
                    column="created_at",
                )
            )
    if mapping is None:
        report.skipped.append((*where, say("ingest.skip.no_table", headers=", ".join(headers[:8]))))
        return None
    if mapping.missing_required:
        report.skipped.append(
            (
                *where,
                say(
                    "ingest.skip.missing_required",
                    table=mapping.table.name,
                    columns=", ".join(mapping.missing_required),
                ),
            )
        )
        return None
    for column, sources in mapping.derived.items():  # e.g. a roster's hours from its shifts
        given = ", ".join(mapping.columns[c] for c in sources)
        notes.append(say("ingest.note.derived", column=column, sources=given))
    if is_call_log(mapping):  # the check says what the import will also do
        notes.append(say("ingest.note.calls_kept"))
        if arrival_is_queue_entry(mapping):
            notes.append(say("ingest.note.arrival_from_queue", source=mapping.columns["queued_at"]))
    plan = prepare(_without_summary(raw), mapping)
    plan.notes[:0] = notes
    if plan.mapping.missing_required:
        report.skipped.append(
            (*where, say("ingest.skip.unfit", table=mapping.table.name, notes=tuple(plan.notes)))
        )
        return None
    if mapping.table.name == "events":
        return _Sheet(origin, raw, plan.mapping, event_log=plan.mapping, plan=plan)
    if mapping.table.name == "tickets":
        history = _state_history(raw, plan.mapping, headers)
        if history is not None:
            return _Sheet(origin, raw, plan.mapping, event_log=history)
    if chosen is not None and chosen.table.name == "tickets":
        # The mapping check hands back every sheet as a correction, and a profile names
        # columns as a user once did: such a sheet whose own headers do not name tickets
        # (one recognised from its values, checked and imported) still yields to a sheet
        # whose headers do.
        named = classify(raw.sheet, headers)
        from_values = named is None or named.table.name != "tickets"
    return _Sheet(origin, raw, plan.mapping, plan=plan, from_values=from_values)


@dataclass(frozen=True)
class SheetPreview:
    """What an import would do with one sheet, before anything is written."""

    file: str
    sheet: str
    headers: list[str]
    rows: int
    table: str | None  # None: the sheet would be skipped
    mapping: dict[str, str]
    confidence: dict[str, float]
    notes: tuple[Message, ...]  # how it is read; for a skipped sheet, why it is skipped
    event_log: bool
    header_row: int
    # canonical column -> why it was taken from its values (svcops/ingest/infer.py)
    reasons: dict[str, Message] = field(default_factory=dict)


def _read_all(
    ws: Workspace | None,
    files,
    profile: str | None,
    overrides,
    kept: list | None = None,
    progress: steps.Progress | None = None,
) -> tuple[ImportReport, list[_Sheet], list[RawSheet], list[tuple[str, RawSheet]]]:
    """Read and recognise every file; with ``kept`` (a list), also keep each file's
    original in ``ws``, appended to ``kept`` even when reading fails. Also returns the
    sheets with rows that no table took (with the file they came from), to be kept.
    ``progress``: told of each file read and each sheet it holds."""
    tell = progress or (lambda step: None)
    files = list(files)
    report = ImportReport()
    forced = get_profile(ws, profile) if (profile and ws is not None) else None
    sheets: list[_Sheet] = []
    raws: list[RawSheet] = []
    unmatched: list[tuple[str, RawSheet]] = []
    # The workbook reader releases the GIL, and so do hashing and file copies: each file
    # is kept (hashed, copied beside the workspace) on the other core while it is parsed.
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            for number, (given, data) in enumerate(files):
                name = printable_name(given)
                tell(steps.reading(name, number, len(files)))
                copying = (
                    pool.submit(ws.keep_original, name, data)
                    if kept is not None and ws is not None
                    else None
                )
                try:
                    read = [months_as_rows(combine_date_and_time(r)) for r in read_file(name, data)]
                finally:
                    if copying is not None and kept is not None:
                        kept.append(_kept(name, copying))
                raws.extend(read)
                for raw in read:
                    tell(steps.read(name, raw.sheet, raw.data.num_rows, number, len(files)))
                found = []
                for raw in read:
                    recognised = _recognise(name, raw, report, ws, forced, overrides)
                    if recognised:
                        found.append(recognised)
                    elif report.skipped[-1][2].key not in _NOT_KEPT:
                        unmatched.append((name, raw))
                if not found:
                    reasons = tuple(
                        say("ingest.skip.in_sheet", sheet=s, reason=r)
                        for f, s, r in report.skipped
                        if f == name or f.startswith(f"{name}/")
                    )
                    if len(reasons) > _SHEETS_NAMED:  # one line, not one per member
                        more = say("ingest.skip.more_sheets", count=len(reasons) - _SHEETS_NAMED)
                        reasons = (*reasons[:_SHEETS_NAMED], more)
                    raise IngestError(
                        say("ingest.error.nothing", file=name, reasons=reasons)
                        if reasons
                        else say("ingest.error.nothing_no_sheets", file=name)
                    )
                sheets.extend(found)
    except ValueError as exc:  # e.g. Arrow refusing a value: one line, as for a bad file
        raise IngestError(say("ingest.error.other", detail=str(exc))) from exc
    return report, sheets, raws, unmatched


# Sheets skipped for these reasons hold nothing to keep (no rows), or were left out by
# the user's own choice; any other skipped sheet's rows are kept as rows set aside.
_NOT_KEPT = {"ingest.skip.empty", "ingest.skip.chosen"}


def _kept(name: str, copying):
    try:
        return copying.result()
    except OSError as exc:
        raise IngestError(
            say("ingest.error.cannot_keep", file=name, detail=str(exc.strerror or exc))
        ) from exc


def preview(
    ws: Workspace | None,
    files: Sequence[tuple[str, Source]],
    *,
    profile: str | None = None,
    overrides: dict[tuple[str, str], Mapping] | None = None,
    progress: steps.Progress | None = None,
) -> list[SheetPreview]:
    """Read and recognise files without writing: one :class:`SheetPreview` per sheet.
    ``progress``: told of each file read and each sheet it holds (the reading steps of
    :func:`import_files`).

    Raises IngestError for a file that cannot be imported, as :func:`import_files` would
    (a ProfileError, which is one, for an unknown profile name).
    """
    report, sheets, raws, _unmatched = _read_all(ws, files, profile, overrides, progress=progress)
    by_key = {(s.raw.file_name, s.raw.sheet): s for s in sheets}
    skipped = {(f, sh): r for f, sh, r in report.skipped}
    out = []
    for raw in raws:
        key = (raw.file_name, raw.sheet)
        headers = [c for c in raw.data.column_names if c != "_row"]
        sheet = by_key.get(key)
        if sheet is None:
            why = (skipped[key],) if key in skipped else ()
            out.append(
                SheetPreview(
                    *key, headers, raw.data.num_rows, None, {}, {}, why, False, raw.header_row
                )
            )
            continue
        notes = tuple(sheet.plan.notes) if sheet.plan else ()
        out.append(
            SheetPreview(
                *key,
                headers,
                raw.data.num_rows,
                sheet.mapping.table.name,
                dict(sheet.mapping.columns),
                dict(sheet.mapping.confidence),
                notes,
                sheet.event_log is not None,
                raw.header_row,
                {c: why for c, why in sheet.mapping.reasons.items() if c in sheet.mapping.columns},
            )
        )
    return out


def _distinct(values: pa.Array | pa.ChunkedArray) -> tuple[int, int]:
    """(non-null values, distinct non-null values), counted by DuckDB on both cores."""
    con = quiet(duckdb.connect())
    try:
        con.register("frame", pa.table({"v": values}))
        return con.execute("SELECT count(v), count(DISTINCT v) FROM frame").fetchall()[0]
    finally:
        con.close()


def _holds_datetimes(data: pa.Table, header: str) -> bool:
    """Whether a column's values are dates/times (typed, or text that reads as such)."""
    kind = data.column(header).type
    if pa.types.is_timestamp(kind) or pa.types.is_date(kind):
        return True
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return False
    sample = [v for v in data.column(header).drop_null().slice(0, 200).to_pylist() if v.strip()]
    return bool(sample) and infer_datetime_formats(sample).matched_share >= 0.9


def _without_summary(raw: RawSheet) -> pa.Table:
    """The sheet's rows less its trailing totals, which must not sway how values read."""
    if not raw.summary_rows:
        return raw.data
    keep = pc.invert(pc.is_in(raw.data.column("_row"), pa.array(raw.summary_rows, pa.int64())))
    return raw.data.filter(keep)


def _state_history(raw: RawSheet, tickets: Mapping, headers: list[str]) -> Mapping | None:
    """The events mapping of a tickets export that holds several rows per ticket, or None."""
    when = _find(headers, EVENT_TIME_HEADERS)
    activity = tickets.columns.get("status")
    if when is None or activity is None:  # settled before the costly count
        return None
    present, distinct = _distinct(raw.data.column(tickets.columns["ticket_id"]))
    if present == 0 or 1 - distinct / present < STATE_HISTORY_SHARE:
        return None
    columns = {"case_id": tickets.columns["ticket_id"], "activity": activity, "timestamp": when}
    actor = _find(headers, EVENT_ACTOR_HEADERS) or tickets.columns.get("agent")
    if actor:
        columns["resource"] = actor
    if "team" in tickets.columns:
        columns["team"] = tickets.columns["team"]
    return Mapping(TABLES["events"], columns, {k: 1.0 for k in columns})


def import_files(
    ws: Workspace,
    files: Sequence[tuple[str, Source]],
    *,
    profile: str | None = None,
    overrides: dict[tuple[str, str], Mapping] | None = None,
    progress: steps.Progress | None = None,
) -> ImportReport:
    """Import ``(display name, bytes or path)`` files in one transaction; raise IngestError
    on a bad file.

    ``profile``: the name of a saved mapping profile to apply to every sheet.
    ``overrides``: {(file, sheet): Mapping} corrections made by the user; None for a
    sheet the user chose to skip. ``progress``: called with each
    :class:`~svcops.ingest.progress.Step` (reading, checking, storing) as the import goes.

    The workspace is held (:meth:`Workspace.held`) for the whole import: another process
    waits for it, and this one for another's import.
    """
    kept: list = []
    with ws.held():
        try:
            return _import(ws, files, profile, overrides, kept, progress)
        finally:
            ws.settle_originals(kept)


def _import(
    ws: Workspace, files, profile, overrides, kept: list, progress: steps.Progress | None = None
) -> ImportReport:
    tell = progress or (lambda step: None)
    report, sheets, raws, unmatched = _read_all(ws, files, profile, overrides, kept, progress)
    del raws  # each sheet's rows are let go of once staged (below)
    rows_read = sum(s.raw.data.num_rows for s in sheets)

    cur = ws.cursor()
    temps: list[str] = []
    try:
        staged: list[StagedSheet] = []
        about: list[tuple[Mapping, tuple[Message, ...]]] = []
        derived: list[int] = []  # tickets taken from an event log's latest rows
        guessed: dict[int, int] = {}  # tickets sheets taken from their values: staged -> sheet
        for i, sheet in enumerate(sheets):
            raw = sheet.raw
            tell(steps.checking(raw.file_name, raw.sheet, raw.data.num_rows, i, len(sheets)))
            for item, mapping, notes in _stage(cur, i, sheet, temps):
                if item.table.name == "tickets" and sheet.event_log is not None:
                    derived.append(len(staged))
                elif item.table.name == "tickets" and sheet.from_values:
                    guessed[len(staged)] = i
                staged.append(item)
                about.append((mapping, notes))
            # Staged: the sheet's rows as read are not needed again (a million-row sheet
            # holds hundreds of MB while the store writes), except a sheet taken for
            # tickets from its values, whose rows a headed sheet may set aside below.
            if not sheet.from_values:
                sheets[i] = replace(
                    sheet, raw=replace(raw, data=raw.data.schema.empty_table()), plan=None
                )
            del sheet, raw
        staged = _tickets_sheets_first(staged, derived)
        _headed_tickets_first(cur, sheets, staged, derived, guessed)
        aside = [_unmatched(cur, i, origin, raw) for i, (origin, raw) in enumerate(unmatched)]
        tell(steps.storing(rows_read, len(staged)))
        summaries = ws.store(
            cur,
            staged,
            originals={o.name: o for o in kept},
            unmatched=aside,
            on_sheet=lambda n, s: tell(
                steps.stored(s["file"], s["sheet"], s["rows"], n, len(staged))
            ),
        )
        # The report says where a skipped sheet's rows went, not only that it was skipped.
        aside_rows = {(raw.file_name, raw.sheet): raw.data.num_rows for _, raw in unmatched}
        report.skipped = [
            (f, sh, say("ingest.skip.kept", reason=r, rows=aside_rows[(f, sh)]))
            if (f, sh) in aside_rows
            else (f, sh, r)
            for f, sh, r in report.skipped
        ]
        for (mapping, notes), s in zip(about, summaries, strict=True):
            report.sheets.append(
                SheetReport(
                    s["file"],
                    s["sheet"],
                    s["table"],
                    s["rows"],
                    s["rejected"],
                    s["replaced"],
                    s["upload_id"],
                    dict(mapping.columns),
                    dict(mapping.confidence),
                    notes,
                )
            )
    finally:
        for name in temps:
            cur.execute(f"DROP TABLE IF EXISTS {name}")
        cur.close()
    return report


def _tickets_sheets_first(staged: list[StagedSheet], derived: list[int]) -> list[StagedSheet]:
    """An import that brings a tickets sheet and an event log of the same tickets: the
    tickets sheet describes them, so the tickets an event log's latest rows give
    (``derived``: their indexes in ``staged``) are kept only for cases no other tickets
    sheet of this import holds."""
    own = [s for i, s in enumerate(staged) if s.table.name == "tickets" and i not in derived]
    if not own or not derived:
        return staged
    held = " UNION ALL ".join(f"SELECT ticket_id FROM ({s.relation_sql})" for s in own)
    return [
        replace(s, relation_sql=f"SELECT * FROM ({s.relation_sql}) WHERE ticket_id NOT IN ({held})")
        if i in derived
        else s
        for i, s in enumerate(staged)
    ]


def _headed_tickets_first(
    cur: duckdb.DuckDBPyConnection,
    sheets: list[_Sheet],
    staged: list[StagedSheet],
    derived: list[int],
    guessed: dict[int, int],
) -> None:
    """An import that brings a tickets sheet its headers name and one taken for tickets
    from its values (``guessed``: index in ``staged`` -> index in ``sheets``): the headed
    sheet describes the tickets both hold, whichever sheet comes first. The guessed
    sheet's rows of those tickets are set aside (rejected, naming the sheet that holds
    the ticket, the row kept as uploaded), so none is stored and none vanishes."""
    headed = [
        s
        for n, s in enumerate(staged)
        if s.table.name == "tickets" and n not in derived and n not in guessed
    ]
    if not headed or not guessed:
        return
    held = " UNION ALL ".join(
        f"SELECT ticket_id, {_lit(s.sheet)} AS sheet FROM ({s.relation_sql})" for s in headed
    )
    why = reason_sql("described_elsewhere", ticket_id="s.ticket_id", sheet="h.sheet")
    for i in guessed.values():
        raw = sheets[i].raw
        row = uploaded_row_sql([c for c in raw.data.column_names if c != "_row"], "r.")
        name = f"_guessed{i}"
        cur.register(name, raw.data)
        try:
            cur.execute(
                f"UPDATE {_stage_name(i)} s SET _reject = '[' || {why} || ']', "
                f"_data = {row} "
                f"FROM (SELECT ticket_id, min(sheet) AS sheet FROM ({held}) GROUP BY ticket_id) h, "
                f"{name} r WHERE s.ticket_id = h.ticket_id AND r._row = s._row "
                # A row set aside as a duplicate of a row set aside here is of that
                # ticket too: "the same key ... was kept" would no longer be so.
                f"AND (s._reject IS NULL OR {_DUPLICATE_ONLY.format(reject='s._reject')})"
            )
        finally:
            cur.unregister(name)


# SQL: whether a row's reasons are only that its key came again later in the sheet.
_DUPLICATE_ONLY = (
    "(json_array_length({reject}) = 1 "
    "AND json_extract_string({reject}, '$[0].key') = 'ingest.reason.duplicate')"
)


def _stage_name(i: int) -> str:
    """The staging table of the ``i``-th sheet of an import (one table, not an event log)."""
    return f"_stage{i}"


def _stage_one(
    cur: duckdb.DuckDBPyConnection,
    data: pa.Table,
    relation: str,
    stage: str,
    mapping: Mapping,
    summary_rows=(),
    plan: ColumnPlan | None = None,
    uploaded: list[str] | None = None,
) -> tuple[Mapping, tuple[Message, ...]]:
    """Check (unless ``plan`` is given), coerce and stage one relation into ``stage``.
    ``uploaded``: the relation's columns a row set aside shows (all when None)."""
    plan = plan or prepare(data, mapping)
    texts = [
        name
        for name in dict.fromkeys(plan.mapping.columns.values())
        if pa.types.is_string(data.schema.field(name).type)
        or pa.types.is_large_string(data.schema.field(name).type)
    ]
    needs = text_needs(data, texts)
    cur.execute(
        f"CREATE OR REPLACE TEMP TABLE {stage} AS "
        f"{staging_sql(plan, data.schema, relation, summary_rows, needs, uploaded)}"
    )
    if mapping.table.dedupe_within_sheet:
        # The window UPDATE is the costly part; skip it when the keys are unique already.
        key = key_expr(mapping.table)
        rows, keys = cur.execute(
            f"SELECT count(*), count(DISTINCT {key}) FROM {stage} WHERE _reject IS NULL"
        ).fetchall()[0]
        if rows != keys:
            shown = pa.schema([f for f in data.schema if uploaded is None or f.name in uploaded])
            cur.execute(key_duplicates_sql(mapping.table, stage, relation, shown))
    return plan.mapping, tuple(plan.notes)


def _staged(sheet: _Sheet, table_name: str, stage: str) -> StagedSheet:
    table = TABLES[table_name]
    cols = ", ".join(f'"{c.name}"' for c in (*table.columns, *table.extras))
    if table.ordered:  # the row's place in the file, kept by the store (store.SEQ_COL)
        cols += f", _row AS {SEQ_COL}"
    return StagedSheet(
        sheet.raw.file_name,
        sheet.raw.sheet,
        table,
        relation_sql=f"SELECT {cols} FROM {stage} WHERE _reject IS NULL",
        rejects_sql=(
            f"SELECT _row AS row_number, 'rejected' AS action, _reject AS reasons, "
            f"_data AS data FROM {stage} WHERE _reject IS NOT NULL UNION ALL "
            f"SELECT _row, 'value set to empty', _warn, _data FROM {stage} "
            f"WHERE _reject IS NULL AND _warn IS NOT NULL"
        ),
        origin=sheet.origin,
    )


def _unmatched(cur, i: int, origin: str, raw: RawSheet) -> UnmatchedSheet:
    """A sheet no table took, as rows set aside: each row as uploaded (JSON), with its
    row number, so nothing of the file is lost from the workspace."""
    name = f"_unmatched{i}"
    cur.register(name, raw.data)
    row = uploaded_row_sql([c for c in raw.data.column_names if c != "_row"])
    reason = json.dumps([{"key": "ingest.reason.sheet_unmatched", "params": {}}])
    sql = (
        f"SELECT _row AS row_number, 'not imported' AS action, {_lit(reason)} AS reasons, "
        f"{row} AS data FROM {name}"
    )
    return UnmatchedSheet(raw.file_name, raw.sheet, sql, origin)


def _stage(cur, i: int, sheet: _Sheet, temps: list[str]):
    """Stage a sheet: one table, or for an event log both ``events`` and ``tickets``."""
    raw = sheet.raw
    raw_name = f"_raw{i}"
    cur.register(raw_name, raw.data)
    try:
        if sheet.event_log is None:
            stage = _stage_name(i)
            temps.append(stage)
            mapping, notes = _stage_one(
                cur, raw.data, raw_name, stage, sheet.mapping, raw.summary_rows, sheet.plan
            )
            if is_call_log(mapping):  # every call kept, and its intervals derived
                if "call_id" in mapping.columns:
                    # A call named twice (a log pasted in twice) is one call: the
                    # earlier rows set aside. Without call ids, calls arriving in the
                    # same second are different calls, so all are kept.
                    cur.execute(
                        key_duplicates_sql(TABLES["calls"], stage, raw_name, raw.data.schema)
                    )
                counted = f"_calls{i}"
                temps.append(counted)
                cur.execute(f"CREATE TEMP TABLE {counted} AS {counted_sql(stage, mapping)}")
                derived = StagedSheet(
                    raw.file_name,
                    raw.sheet,
                    TABLES["intervals"],
                    intervals_sql(counted),
                    None,
                    origin=sheet.origin,
                )
                return [
                    (_staged(sheet, "calls", counted), mapping, notes),
                    (derived, _INTERVALS_FROM_CALLS, (say("ingest.note.calls_intervals"),)),
                ]
            return [(_staged(sheet, mapping.table.name, stage), mapping, notes)]

        events_stage, latest, tickets_stage = f"_stage{i}e", f"_latest{i}", f"_stage{i}t"
        temps.extend([events_stage, latest, tickets_stage])
        e_map, e_notes = _stage_one(
            cur, raw.data, raw_name, events_stage, sheet.event_log, raw.summary_rows, sheet.plan
        )
        # The latest row of each case (by event time, then sheet order), with the case's
        # first event time and, if its last activity resolves or closes it, its resolve
        # time (the last resolve-type event) and close time (the last close-type event,
        # unless a resolution came after it), and its reopens (the runs of resolve-type
        # events, less one: a resolve recorded twice in a row is one resolution).
        resolves_sql, closes_sql, done_sql = activity_kind_sql("activity")
        cur.execute(f"""
            CREATE OR REPLACE TEMP TABLE {latest} AS
            SELECT r.*, e.first_ts AS "__first_event", e.last_activity AS "__last_activity",
                   CASE WHEN e.done THEN e.resolved END AS "__resolved_event",
                   CASE WHEN e.done AND NOT (e.closed < e.resolved) IS TRUE
                        THEN e.closed END AS "__closed_event",
                   CASE WHEN e.resolutions > 0 THEN e.resolutions - 1 END AS "__reopens"
            FROM {raw_name} r JOIN (
                SELECT *, first_value({done_sql}) OVER w_last AS done,
                       first_value(activity) OVER w_last AS last_activity,
                       max(timestamp) FILTER (WHERE resolves) OVER w AS resolved,
                       max(timestamp) FILTER (WHERE closes) OVER w AS closed,
                       count(*) FILTER (WHERE resolves AND NOT coalesce(after_resolve, false))
                           OVER w AS resolutions
                FROM (
                    SELECT *, lag(resolves) OVER (PARTITION BY case_id
                                                  ORDER BY timestamp NULLS LAST, _row)
                                  AS after_resolve
                    FROM (
                        SELECT _row, case_id, activity, timestamp,
                               {resolves_sql} AS resolves, {closes_sql} AS closes,
                               min(timestamp) OVER (PARTITION BY case_id) AS first_ts,
                               row_number() OVER (PARTITION BY case_id ORDER BY _row IS NULL,
                                                  timestamp DESC NULLS LAST, _row DESC) AS rn
                        FROM (
                            SELECT _row, case_id, activity, timestamp
                            FROM {events_stage} WHERE _reject IS NULL
                            UNION ALL
                            -- The case's events stored from earlier files (a case that
                            -- runs on from last month's export): its history is whole.
                            SELECT NULL, x.case_id, x.activity, x.timestamp FROM events x
                            WHERE x.case_id IN (SELECT case_id FROM {events_stage}
                                                WHERE _reject IS NULL)
                              AND NOT EXISTS (
                                  SELECT 1 FROM {events_stage} n
                                  WHERE n._reject IS NULL AND n.case_id = x.case_id
                                    AND n.activity IS NOT DISTINCT FROM x.activity
                                    AND n.timestamp IS NOT DISTINCT FROM x.timestamp)
                        )
                    )
                )
                WINDOW w AS (PARTITION BY case_id),
                       w_last AS (PARTITION BY case_id ORDER BY timestamp DESC NULLS LAST,
                                _row IS NULL, _row DESC)
            ) e USING (_row)
            WHERE e.rn = 1""")
    finally:
        cur.unregister(raw_name)
    latest_data = cur.sql(f"SELECT * FROM {latest}").to_arrow_table()
    taken = set(sheet.event_log.columns.values())  # e.g. "Resource" is the event's resource
    headers = [
        c
        for c in latest_data.column_names
        if c != "_row" and not c.startswith("__") and c not in taken
    ]
    t_map = map_columns(TABLES["tickets"], headers)
    columns, confidence = dict(t_map.columns), dict(t_map.confidence)
    fallbacks = {
        "ticket_id": sheet.event_log.columns["case_id"],
        "created_at": "__first_event",
        "resolved_at": "__resolved_event",
        "closed_at": "__closed_event",
        "reopen_count": "__reopens",
        "status": "__last_activity",
        "agent": sheet.event_log.columns.get("resource"),
        "team": sheet.event_log.columns.get("team"),
    }
    for canonical, source in fallbacks.items():
        if canonical not in columns and source:
            columns[canonical] = source
            confidence[canonical] = 1.0
    if sheet.mapping.table.name == "tickets":  # a state history: keep its own mapping,
        for canonical, source in sheet.mapping.columns.items():  # but a guess from values
            guessed = sheet.mapping.confidence.get(canonical, 1.0) < 1.0  # never overrides
            if not (guessed and canonical in fallbacks):  # the event times
                columns[canonical] = source
                confidence[canonical] = sheet.mapping.confidence.get(canonical, 1.0)
    t_map = Mapping(TABLES["tickets"], columns, confidence)
    # A row set aside is shown as uploaded: the sheet's columns, not those worked out.
    t_map, t_notes = _stage_one(
        cur, latest_data, latest, tickets_stage, t_map, uploaded=raw.data.column_names
    )
    return [
        (_staged(sheet, "events", events_stage), e_map, e_notes),
        (_staged(sheet, "tickets", tickets_stage), t_map, t_notes),
    ]
