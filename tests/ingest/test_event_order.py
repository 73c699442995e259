"""Events keep the order the file has them (issue 11): ``_seq``, a per-upload position.

DuckDB is opened without insertion order preserved, so equal timestamps would come
back in any order; the stored position is what puts them in file order, every run.
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd

from svcops.ingest import import_files, import_paths
from svcops.store import SEQ_COL, Workspace

T = datetime(2024, 3, 1, 10, 0)
# One case whose three middle events share a minute, written in an order that is
# neither alphabetical nor reverse-alphabetical.
ROWS = [
    ("C1", "New", datetime(2024, 3, 1, 9, 0)),
    ("C1", "Triage", T),
    ("C1", "Assign", T),
    ("C1", "Work", T),
    ("C1", "Closed", datetime(2024, 3, 1, 12, 0)),
    ("C2", "New", T),
    ("C2", "Closed", T),
]


def _csv(rows) -> bytes:
    frame = pd.DataFrame(rows, columns=["case_id", "activity", "timestamp"])
    return frame.to_csv(index=False).encode()


def _in_order(ws: Workspace) -> list[tuple[str, str]]:
    got = ws.query(
        f"SELECT case_id, activity FROM events ORDER BY case_id, timestamp, _upload_id, {SEQ_COL}"
    )
    return list(zip(got.case_id, got.activity, strict=True))


def test_equal_timestamps_keep_file_order_on_every_run(tmp_path):
    want = [(c, a) for c, a, _ in ROWS]
    for run in range(3):
        with Workspace(tmp_path / f"w{run}.duckdb") as ws:
            import_files(ws, [("log.csv", _csv(ROWS))])
            assert _in_order(ws) == want
            # The position is the file's row order: strictly increasing down the file.
            seq = ws.query(f"SELECT {SEQ_COL} FROM events ORDER BY {SEQ_COL}")[SEQ_COL]
            assert seq.is_unique and len(seq) == len(ROWS)


def test_sheets_of_one_upload_follow_each_other(workbook, ws):
    first = [{"case_id": "A", "activity": a, "timestamp": T} for a in ("x", "y")]
    second = [{"case_id": "A", "activity": a, "timestamp": T} for a in ("b", "a")]
    import_paths(ws, [workbook({"events": first, "more events": second})])
    assert ws.scalar("SELECT count(DISTINCT _upload_id) FROM events") == 1
    assert [a for _, a in _in_order(ws)] == ["x", "y", "b", "a"]


def test_a_workspace_from_before_the_order_column_still_opens(tmp_path):
    path = tmp_path / "old.duckdb"
    with Workspace(path) as ws:
        import_files(ws, [("log.csv", _csv(ROWS[:2]))])
    con = duckdb.connect(str(path))  # as a workspace written before issue 11
    for table in ("events", "_superseded_events"):
        con.execute(f"ALTER TABLE {table} DROP COLUMN {SEQ_COL}")
    con.close()
    with Workspace(path) as ws:
        old = ws.query(f"SELECT activity, {SEQ_COL} FROM events ORDER BY activity")
        assert old[SEQ_COL].isna().all() and len(old) == 2
        # A newer upload replacing an old row parks it, and removing the upload restores it.
        report = import_files(ws, [("again.csv", _csv(ROWS[1:4]))])
        assert report.sheets[0].replaced == 1
        assert ws.scalar(f"SELECT count({SEQ_COL}) FROM events") == 3
        ws.remove_upload(report.sheets[0].upload_id)
        back = ws.query(f"SELECT activity, {SEQ_COL} FROM events ORDER BY activity")
        assert back.activity.tolist() == ["New", "Triage"] and back[SEQ_COL].isna().all()


def test_a_tickets_sheet_is_not_overwritten_by_an_event_log_beside_it(workbook, ws):
    tickets = [
        {
            "ticket_id": "C1",
            "created_at": datetime(2024, 3, 1, 8, 55),
            "team": "Desk",
            "priority": "P2",
        }
    ]
    events = [{"case_id": c, "activity": a, "timestamp": ts} for c, a, ts in ROWS]
    import_paths(ws, [workbook({"tickets": tickets, "events": events})])
    got = ws.query("SELECT ticket_id, created_at, team, priority FROM tickets ORDER BY 1")
    # C1 as the tickets sheet has it; C2, which only the log knows, from its events.
    assert got.ticket_id.tolist() == ["C1", "C2"]
    assert (got.created_at[0], got.team[0], got.priority[0]) == (
        pd.Timestamp("2024-03-01 08:55"),
        "Desk",
        "P2",
    )
    assert got.created_at[1] == pd.Timestamp(T)
    assert ws.row_counts()["events"] == len(ROWS)
