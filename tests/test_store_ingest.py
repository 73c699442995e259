"""Importing template workbooks: provenance, newest-wins, removal, rejects, all-or-nothing."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import datetime, time

import duckdb
import pandas as pd
import pytest

from svcops import kpi
from svcops.filters import Filters
from svcops.ingest import IngestError, import_files, import_paths
from svcops.schema import TABLES
from svcops.store import Workspace


def _tickets(ids, created=datetime(2024, 5, 1, 9), **extra):
    return [{"ticket_id": i, "created_at": created, **extra} for i in ids]


def test_workspace_file_has_every_canonical_table_with_spec_columns(tmp_path):
    path = tmp_path / "w.duckdb"
    Workspace(path).close()
    con = duckdb.connect(str(path), read_only=True)
    for name, table in TABLES.items():
        cols = [r[0] for r in con.execute(f'DESCRIBE "{name}"').fetchall()]
        assert cols[: len(table.columns)] == table.column_names
    con.close()


def test_import_survives_restart_and_records_provenance(tmp_path, workbook):
    path = tmp_path / "w.duckdb"
    book = workbook({"tickets": _tickets(["A", "B"]), "notes": [{"text": "hello"}]})
    with Workspace(path) as ws:
        report = import_paths(ws, [book])
    assert [(s.table, s.rows) for s in report.sheets] == [("tickets", 2)]
    assert report.skipped[0][:2] == ("upload.xlsx", "notes")
    with Workspace(path) as ws:  # reopened: still there
        assert ws.row_counts()["tickets"] == 2
        uploads = ws.uploads().set_index("sheet")
        up = uploads.loc["tickets"]
        assert (up.file_name, up.table_name, up.rows) == ("upload.xlsx", "tickets", 2)
        # The sheet no table took is listed with the same upload, its row kept aside.
        notes = uploads.loc["notes"]
        assert (notes.upload_id, notes.rows, notes.rejected) == (up.upload_id, 0, 1)
        import hashlib

        assert up.checksum == hashlib.sha256(book.read_bytes()).hexdigest()


def test_reimport_replaces_instead_of_doubling_and_removal_restores(ws, workbook):
    first = workbook({"tickets": _tickets(["A", "B"], status="Open")}, "jan.xlsx")
    second = workbook({"tickets": _tickets(["B", "C"], status="Closed")}, "feb.xlsx")
    import_paths(ws, [first])
    rep = import_paths(ws, [second])
    assert rep.sheets[0].replaced == 1
    rows = ws.query("SELECT ticket_id, status FROM tickets ORDER BY 1")
    # statuses are read onto the canonical list (Open -> open)
    assert rows.values.tolist() == [["A", "open"], ["B", "closed"], ["C", "closed"]]
    # Removing February brings January's B back and drops C.
    feb = int(ws.uploads().query("file_name == 'feb.xlsx'").upload_id.iloc[0])
    assert ws.remove_upload(feb) == 2
    rows = ws.query("SELECT ticket_id, status FROM tickets ORDER BY 1")
    assert rows.values.tolist() == [["A", "open"], ["B", "open"]]
    with pytest.raises(KeyError):
        ws.remove_upload(feb)


def test_removing_a_middle_upload_keeps_the_older_version_behind_the_newest(ws, workbook):
    for month, status in (("m1", "v1"), ("m2", "v2"), ("m3", "v3")):
        import_paths(ws, [workbook({"tickets": _tickets(["K"], status=status)}, f"{month}.xlsx")])
    ids = dict(zip(ws.uploads().file_name, ws.uploads().upload_id, strict=True))
    ws.remove_upload(int(ids["m2.xlsx"]))
    assert ws.query("SELECT status FROM tickets").status.tolist() == ["v3"]
    ws.remove_upload(int(ids["m3.xlsx"]))
    assert ws.query("SELECT status FROM tickets").status.tolist() == ["v1"]


def test_bad_rows_are_set_aside_with_reasons_and_nothing_is_lost(ws, workbook):
    rows = [
        {"ticket_id": "A1", "created_at": "2024-01-01 09:00", "priority": "P1", "csat": 5},
        {"ticket_id": "A2", "created_at": "2024-01-02 09:00", "priority": "High", "csat": "bad"},
        {"ticket_id": "A3", "created_at": "garbage", "priority": "P3", "csat": 3},
        {"ticket_id": None, "created_at": "2024-01-02 09:00", "priority": "P3", "csat": 3},
        {
            "ticket_id": "A1",
            "created_at": "2024-01-01 10:00",
            "priority": "1 - Critical",
            "csat": 4,
        },
        {"ticket_id": None, "created_at": None, "priority": None, "csat": None},  # blank row
    ]
    report = import_paths(ws, [workbook({"tickets": rows})])
    assert (report.rows, report.rejected) == (2, 3)
    kept = ws.query(
        "SELECT ticket_id, created_at, priority, priority_raw, csat, csat_raw "
        "FROM tickets ORDER BY 1"
    )
    assert kept.ticket_id.tolist() == ["A1", "A2"]
    assert kept.created_at.iloc[0] == pd.Timestamp("2024-01-01 10:00")  # later duplicate wins
    assert kept.priority.tolist() == ["P1", "P2"]
    assert kept.priority_raw.tolist() == ["1 - Critical", "High"]
    assert pd.isna(kept.csat.iloc[1]) and kept.csat_raw.iloc[1] == "bad"
    rej = ws.rejects()
    by_row = {r.row_number: r for r in rej.itertuples()}
    assert by_row[2].action == "rejected" and "duplicate ticket_id: row 6" in by_row[2].reason
    assert by_row[3].action == "value set to empty" and 'csat (csat): "bad"' in by_row[3].reason
    assert (
        'created_at (created_at): "garbage" cannot be read as a date and time' in by_row[4].reason
    )
    assert "ticket_id (ticket_id) is empty" in by_row[5].reason
    assert json.loads(by_row[4].data)["created_at"] == "garbage"
    # The duplicate set aside is shown as uploaded, like every other row set aside.
    assert json.loads(by_row[2].data)["ticket_id"] == "A1"
    assert 7 not in by_row  # the blank row is not data


def test_rejects_are_worded_in_the_language_asked_for(ws, workbook):
    rows = [
        {"ticket_id": "A1", "created_at": datetime(2024, 1, 1, 9)},
        {"ticket_id": "A1", "created_at": datetime(2024, 1, 1, 10)},
    ]
    import_paths(ws, [workbook({"tickets": rows})])
    (en,) = ws.rejects().itertuples()
    (zh,) = ws.rejects(lang="zh").itertuples()
    assert (en.action, en.reason) == (
        "rejected",
        "duplicate ticket_id: row 3 of this sheet has the same key and was kept",
    )
    assert (zh.action, zh.reason) == (
        "拒收",
        "ticket_id 重复：本工作表第 3 行的主键相同，已保留该行",
    )


def test_a_workspace_from_before_reasons_were_keys_still_shows_its_rejects(tmp_path, workbook):
    path = tmp_path / "old.duckdb"
    Workspace(path).close()
    con = duckdb.connect(str(path))  # as an older version left it: English text only
    con.execute("ALTER TABLE rejects DROP COLUMN reasons")
    con.execute(
        "INSERT INTO rejects VALUES (0, 'old.xlsx', 'tickets', 4, 'rejected', "
        "'ticket_id (ticket_id) is empty', '{}')"
    )
    con.close()
    with Workspace(path, read_only=True) as old:  # not upgraded when only read
        assert old.rejects(lang="zh")[["action", "reason"]].values.tolist() == [
            ["拒收", "ticket_id (ticket_id) is empty"]
        ]
    with Workspace(path) as ws:  # upgraded when opened to write
        import_paths(
            ws, [workbook({"tickets": [{"ticket_id": None, "created_at": datetime(2024, 5, 1)}]})]
        )
        assert ws.rejects(lang="zh").reason.tolist() == [
            "ticket_id (ticket_id) is empty",
            "ticket_id（ticket_id）为空",
        ]
        assert ws.rejects().reason.tolist() == [
            "ticket_id (ticket_id) is empty",
            "ticket_id (ticket_id) is empty",
        ]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2024-03-05 14:30", "2024-03-05 14:30"),
        ("2024/03/05 14:30", "2024-03-05 14:30"),
        ("2024年3月5日 14:30", "2024-03-05 14:30"),
        ("2024年3月5日", "2024-03-05 00:00"),
        ("45356.5", "2024-03-05 12:00"),  # Excel serial number typed as text
        (45356.25, "2024-03-05 06:00"),  # Excel serial number as a number
        (datetime(2024, 3, 5, 14, 30), "2024-03-05 14:30"),
    ],
)
def test_dates_in_the_forms_exports_use(ws, workbook, raw, expected):
    import_paths(ws, [workbook({"tickets": [{"ticket_id": "X", "created_at": raw}]})])
    got = ws.query("SELECT created_at FROM tickets").created_at.iloc[0]
    assert got == pd.Timestamp(expected)


def test_cells_of_another_type_far_down_a_column_are_not_lost(ws, workbook):
    """The reader types a column from its first 1,000 rows; a cell below that which does
    not fit (text in a date or number column) must arrive as written, not as empty."""
    rows = [
        {
            "ticket_id": f"T{i}",
            "created_at": datetime(2024, 5, 1, 9) + pd.Timedelta(hours=i),
            "handle_minutes": 10.0 + i % 7,
        }
        for i in range(1, 1501)
    ]
    rows[1299]["created_at"] = "2024-07-05 14:30"  # typed as text in a column of dates
    rows[1399]["handle_minutes"] = "about 5"  # words in a column of numbers
    rows[1449]["handle_minutes"] = "7.5"  # a number typed as text
    import_paths(ws, [workbook({"tickets": rows})])
    got = ws.query("SELECT ticket_id, created_at, handle_minutes FROM tickets").set_index(
        "ticket_id"
    )
    assert len(got) == 1500
    assert got.created_at["T1300"] == pd.Timestamp("2024-07-05 14:30")
    assert got.created_at["T1301"] == pd.Timestamp(datetime(2024, 5, 1, 9)) + pd.Timedelta(
        hours=1301
    )
    assert got.handle_minutes["T1450"] == 7.5 and got.handle_minutes["T1"] == 11.0
    assert pd.isna(got.handle_minutes["T1400"])
    (warned,) = ws.rejects().itertuples()
    assert (warned.row_number, warned.action) == (1401, "value set to empty")
    assert '"about 5" cannot be read as a number' in warned.reason


def test_a_report_with_date_and_time_under_merged_headers_keeps_the_times(ws, tmp_path):
    """Created / Resolved merged over Date and Time sub-columns: read apart, every ticket
    would open and close at midnight and resolution hours would be wrong."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Resolved incidents"
    sheet.append(["Incident", "Created", None, "Resolved", None, "Priority"])
    sheet.append([None, "Date", "Time", "Date", "Time", None])
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("D1:E1")
    sheet.append(
        ["INC1", datetime(2024, 3, 1), time(9, 15), datetime(2024, 3, 1), time(17, 45), "P1"]
    )
    sheet.append(["INC2", "2024-03-02", "10:00", "2024-03-04", "08:30", "P3"])
    sheet.append(["INC3", "2024-03-02", "25:99", None, None, "P3"])
    path = tmp_path / "report.xlsx"
    book.save(path)
    report = import_paths(ws, [path])
    got = ws.query("SELECT ticket_id, created_at, resolved_at FROM tickets ORDER BY 1")
    assert got.values.tolist() == [
        ["INC1", pd.Timestamp("2024-03-01 09:15"), pd.Timestamp("2024-03-01 17:45")],
        ["INC2", pd.Timestamp("2024-03-02 10:00"), pd.Timestamp("2024-03-04 08:30")],
    ]
    (bad,) = ws.rejects().itertuples()
    assert bad.row_number == 5 and '"2024-03-02 25:99" cannot be read' in bad.reason
    assert "Created Date + Created Time: read together as one date and time" in [
        str(n) for n in report.sheets[0].notes
    ]
    assert kpi.period_scorecard(ws, Filters()).row(
        "resolution_hours_median"
    ).value == pytest.approx((8.5 + 46.5) / 2)


@pytest.mark.parametrize("marker", ["?", "-", "N/A", "NULL", "无", " "])
def test_missing_value_markers_become_null(ws, workbook, marker):
    import_paths(
        ws,
        [
            workbook(
                {
                    "tickets": [
                        {
                            "ticket_id": "X",
                            "created_at": "2024-01-01",
                            "resolved_at": marker,
                            "team": marker,
                        }
                    ]
                }
            )
        ],
    )
    row = ws.query("SELECT resolved_at, team FROM tickets").iloc[0]
    assert pd.isna(row.resolved_at) and pd.isna(row.team)
    assert ws.rejects().empty


def test_numeric_ids_keep_their_digits(ws, workbook):
    import_paths(
        ws,
        [
            workbook(
                {
                    "tickets": [
                        {"ticket_id": 1001, "created_at": "2024-01-01"},
                        {"ticket_id": 1002, "created_at": "2024-01-02"},
                    ]
                }
            )
        ],
    )
    assert ws.query("SELECT ticket_id FROM tickets ORDER BY 1").ticket_id.tolist() == [
        "1001",
        "1002",
    ]


def test_chinese_headers_map_by_alias(ws, workbook):
    import_paths(
        ws,
        [
            workbook(
                {
                    "工单": [
                        {
                            "工单编号": "G1",
                            "创建时间": "2024年3月5日 09:00",
                            "优先级": "紧急",
                            "处理组": "一线",
                        }
                    ]
                }
            )
        ],
    )
    row = ws.query("SELECT ticket_id, created_at, priority, team FROM tickets").iloc[0]
    assert (row.ticket_id, row.priority, row.team) == ("G1", "P1", "一线")


def test_gbk_csv(ws):
    text = "工单编号,创建时间,优先级\nC1,2024-03-05 09:00,高\n"
    import_files(ws, [("export.csv", text.encode("gbk"))])
    assert ws.query("SELECT ticket_id, priority FROM tickets").values.tolist() == [["C1", "P2"]]


def test_one_bad_file_among_several_changes_nothing(ws, workbook):
    good = workbook({"tickets": _tickets(["A"])}, "good.xlsx")
    with pytest.raises(IngestError, match=r"broken\.xlsx: not a readable workbook"):
        import_files(ws, [("good.xlsx", good.read_bytes()), ("broken.xlsx", b"PK\x03\x04junk")])
    assert ws.row_counts()["tickets"] == 0 and ws.uploads().empty


def _kept_files(ws) -> list[str]:
    return sorted(p.name for p in ws.originals.path.iterdir())


def test_originals_are_kept_beside_the_workspace_file_byte_for_byte(tmp_path, workbook):
    path = tmp_path / "team.duckdb"
    book = workbook({"tickets": _tickets(["A", "B"])}, "march.xlsx")
    with Workspace(path) as ws:
        import_paths(ws, [book])
    digest = hashlib.sha256(book.read_bytes()).hexdigest()
    assert sorted(p.name for p in (tmp_path / "team.duckdb.originals").iterdir()) == [digest]
    with Workspace(path, read_only=True) as ws:  # after a restart, read-only too
        uid = int(ws.uploads().upload_id.iloc[0])
        assert ws.original_file(uid) == ("march.xlsx", book.read_bytes())
        assert ws.scalar("SELECT content IS NULL FROM upload_files") is True


def test_the_same_file_twice_is_kept_once_until_its_last_upload_goes(ws, workbook):
    book = workbook({"tickets": _tickets(["A"])}, "a.xlsx")
    import_paths(ws, [book])
    import_paths(ws, [book])
    first, second = ws.uploads().upload_id.tolist()
    assert len(_kept_files(ws)) == 1
    ws.remove_upload(first)
    assert ws.original_file(second) == ("a.xlsx", book.read_bytes())
    ws.remove_upload(second)
    assert _kept_files(ws) == []


def test_a_failed_import_keeps_no_new_file_and_loses_no_old_one(ws, workbook):
    old = workbook({"tickets": _tickets(["A"])}, "old.xlsx")
    import_paths(ws, [old])
    before = _kept_files(ws)
    new = workbook({"tickets": _tickets(["B"])}, "new.xlsx")
    broken = new.with_name("broken.xlsx")
    broken.write_bytes(b"PK\x03\x04junk")
    with pytest.raises(IngestError, match="broken.xlsx"):
        import_paths(ws, [old, new, broken])
    assert _kept_files(ws) == before and len(ws.uploads()) == 1


def test_leftovers_of_an_interrupted_import_are_cleared_when_the_workspace_opens(
    tmp_path, workbook
):
    path = tmp_path / "w.duckdb"
    with Workspace(path) as ws:
        import_paths(ws, [workbook({"tickets": _tickets(["A"])})])
        kept = _kept_files(ws)
        (ws.originals.path / ".3f2a.part").write_bytes(b"half a copy")
        (ws.originals.path / ("0" * 64)).write_bytes(b"copied, never committed")
    with Workspace(path) as ws:
        assert _kept_files(ws) == kept


def test_a_workspace_in_memory_keeps_originals_in_the_database(workbook):
    book = workbook({"tickets": _tickets(["A"])}, "mem.xlsx")
    with Workspace() as ws:
        import_files(ws, [("mem.xlsx", book.read_bytes())])
        assert ws.originals is None
        assert ws.original_file(int(ws.uploads().upload_id.iloc[0])) == (
            "mem.xlsx",
            book.read_bytes(),
        )


def test_an_original_gone_from_the_folder_is_reported_missing_not_an_error(ws, workbook):
    import_paths(ws, [workbook({"tickets": _tickets(["A"])})])
    for f in ws.originals.path.iterdir():
        f.unlink()
    assert ws.original_file(int(ws.uploads().upload_id.iloc[0])) is None
    assert ws.original_file(999) is None


@pytest.mark.parametrize(
    "name, blob, message",
    [
        ("empty.xlsx", b"", "empty.xlsx: the file is empty"),
        ("notes.txt.xlsx", b"just some text", "notes.txt.xlsx: not a readable workbook"),
        # An OLE container naming Office's encrypted-workbook stream.
        (
            "secret.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 600
            + "EncryptedPackage".encode("utf-16-le"),
            "password-protected",
        ),
        ("data.pdf", b"%PDF-1.4", "unsupported file type .pdf"),
    ],
)
def test_bad_files_get_one_clear_line(ws, name, blob, message):
    with pytest.raises(IngestError, match=message):
        import_files(ws, [(name, blob)])


def test_sheet_that_no_table_matches(ws, workbook):
    book = workbook({"Sheet1": [{"foo": 1, "bar": 2}]})
    with pytest.raises(IngestError, match=r"upload\.xlsx: nothing to import .*no table matches"):
        import_paths(ws, [book])


def test_decompression_bomb_is_refused_before_reading(ws):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    with pytest.raises(IngestError, match="bomb.xlsx: refused, it would unpack to"):
        import_files(ws, [("bomb.xlsx", buf.getvalue())])


def test_upload_size_limit(ws, monkeypatch):
    monkeypatch.setenv("SVCOPS_MAX_UPLOAD_MB", "0.001")
    with pytest.raises(IngestError, match="big.csv: the file is 0.0 MB, over the upload limit"):
        import_files(ws, [("big.csv", b"ticket_id,created_at\n" + b"x,2024-01-01\n" * 200)])


# -- regressions from review: each input once did the wrong thing ---------------------


def test_removing_an_upload_whose_sheets_share_keys_removes_everything(ws, workbook):
    book = workbook({"Jan": _tickets(["T1", "T2"]), "Feb": _tickets(["T2", "T3"])})
    # two sheets of one file: both are tickets (named unlike tables: recognised by headers)
    import_paths(ws, [book])
    assert ws.row_counts()["tickets"] == 3
    ws.remove_upload(int(ws.uploads().upload_id.iloc[0]))
    assert ws.row_counts()["tickets"] == 0
    assert ws.query("SELECT count(*) AS n FROM _superseded_tickets").n[0] == 0


def test_team_rosters_and_ledger_lines_are_all_kept(ws, workbook):
    roster = [
        {"date": datetime(2024, 1, 2), "team": team, "scheduled_hours": hours}
        for team, hours in (("A", 80), ("B", 64), ("C", 40))
    ]
    costs = [
        {
            "period": datetime(2024, 1, 1),
            "cost_center": "IT",
            "category": "Software",
            "amount": amount,
        }
        for amount in (1000, 500, 200)
    ]
    book = workbook({"roster": roster, "costs": costs})
    import_paths(ws, [book])
    assert ws.scalar("SELECT sum(scheduled_hours) FROM roster") == 184
    assert ws.scalar("SELECT sum(amount) FROM costs") == 1700
    import_paths(ws, [book])  # the same report again: replaced, not doubled
    assert ws.scalar("SELECT sum(amount) FROM costs") == 1700
    assert ws.scalar("SELECT sum(scheduled_hours) FROM roster") == 184


def test_next_months_event_log_appends(ws, workbook):
    def log(rows):
        return [{"case_id": "INC1", "activity": a, "timestamp": when} for a, when in rows]

    jan = workbook(
        {"events": log([("New", datetime(2024, 1, 5)), ("In Progress", datetime(2024, 1, 6))])},
        "jan.xlsx",
    )
    feb = workbook(
        {"events": log([("Pending", datetime(2024, 2, 1)), ("Resolved", datetime(2024, 2, 3))])},
        "feb.xlsx",
    )
    import_paths(ws, [jan])
    import_paths(ws, [feb])
    assert ws.row_counts()["events"] == 4
    import_paths(ws, [feb])  # February again: no doubling
    assert ws.row_counts()["events"] == 4


def test_csv_rows_keep_their_line_numbers_across_blank_lines(ws):
    text = "ticket_id,created_at\nA,2024-01-01\n\n\nB,2024-01-02\nC,not a date\n"
    import_files(ws, [("gaps.csv", text.encode())])
    assert ws.rejects().row_number.tolist() == [6]  # line 6 of the file
    assert ws.row_counts()["tickets"] == 2


def test_an_original_is_only_dropped_after_asking_under_the_folder_lock(tmp_path):
    """Which originals the workspace still refers to is asked while the folder is locked,
    so an import of the same file that commits meanwhile is never missed."""
    from svcops.originals import OriginalsFolder

    folder = OriginalsFolder(tmp_path / "w.duckdb")
    first, second = folder.keep("a.xlsx", b"same"), folder.keep("a.xlsx", b"same")
    asked = []

    def referenced():
        asked.append(folder._lock.locked())
        return {second.checksum}  # the second import has committed

    folder.settle([first], referenced)  # the first failed: still pending for the second
    assert asked == [] and folder.file(first.checksum).exists()
    folder.settle([second], referenced)
    assert asked == [True] and folder.file(second.checksum).exists()
    folder.forget(second.checksum, lambda: asked.append(folder._lock.locked()) or set())
    assert asked == [True, True] and not folder.file(second.checksum).exists()


def test_opening_an_older_workspace_adds_only_what_it_lacks(tmp_path):
    """A workspace written before some tables and columns existed gains them on opening
    (rows kept); one that has them all is opened without changing anything."""
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE rejects (upload_id BIGINT, file_name VARCHAR, sheet VARCHAR, "
        "row_number BIGINT, action VARCHAR, reason VARCHAR, data VARCHAR)"
    )
    con.execute("INSERT INTO rejects VALUES (1, 'a.csv', 'a', 2, 'rejected', 'old words', '{}')")
    con.execute("CREATE TABLE tickets (ticket_id VARCHAR, created_at TIMESTAMP)")
    con.execute("INSERT INTO tickets VALUES ('OLD-1', TIMESTAMP '2024-01-01 09:00')")
    con.close()
    with Workspace(path) as ws:
        cols = set(
            ws.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'rejects'"
            ).column_name
        )
        assert "reasons" in cols
        assert (
            ws.scalar("SELECT count(*) FROM duckdb_sequences() WHERE sequence_name = 'upload_seq'")
            == 1
        )
        assert ws.scalar("SELECT count(*) FROM settings") == 0
        assert ws.query("SELECT ticket_id, priority FROM tickets").ticket_id.tolist() == ["OLD-1"]
        assert ws.scalar("SELECT reason FROM rejects") == "old words"
        assert ws.scalar("SELECT count(*) FROM sla_policy") == 4
    with Workspace(path) as ws:  # a second opening finds everything there
        assert ws.scalar("SELECT count(*) FROM sla_policy") == 4
        assert ws.query("SELECT ticket_id FROM tickets").ticket_id.tolist() == ["OLD-1"]
