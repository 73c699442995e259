"""The SQL explorer (issue 16): one SELECT on a sandboxed snapshot, refused or stopped
with one line otherwise, and the page KPIs' own SQL giving the page's numbers."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from svcops import explorer
from svcops.cli import main
from svcops.i18n import STRINGS, render
from svcops.ingest import import_files
from svcops.schema import TABLES
from svcops.store import Workspace

ROOT = Path(__file__).resolve().parents[2]

# Five tickets worked through by hand (sla_hours given, so no policy is involved):
#   T1 team A  01-01 09:00 -> 10:00   1 h, target 4 h: met       CSAT 5
#   T2 team A  01-01 10:00 -> 20:00  10 h, target 8 h: breached  CSAT 3
#   T3 team B  01-02 09:00 -> 12:00   3 h, target 4 h: met       CSAT 4
#   T4 team B  01-02 11:00    open
#   T5 team B  01-03 08:00 -> 10:00   2 h, target 1 h: breached  no CSAT
ROWS = [
    ("T1", "A", datetime(2024, 1, 1, 9), datetime(2024, 1, 1, 10), 4, 5),
    ("T2", "A", datetime(2024, 1, 1, 10), datetime(2024, 1, 1, 20), 8, 3),
    ("T3", "B", datetime(2024, 1, 2, 9), datetime(2024, 1, 2, 12), 4, 4),
    ("T4", "B", datetime(2024, 1, 2, 11), None, 4, None),
    ("T5", "B", datetime(2024, 1, 3, 8), datetime(2024, 1, 3, 10), 1, None),
]


# Every one of 10^10 pairs is computed: minutes of work on one thread.
RUNAWAY = (
    "SELECT count(*) FROM range(100000) a, range(100000) b "
    "WHERE (a.range * 7 + b.range * 13) % 1000003 = 5"
)


def _workbook(rows) -> bytes:
    frame = pd.DataFrame(
        rows, columns=["ticket_id", "team", "created_at", "resolved_at", "sla_hours", "csat"]
    )
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="tickets", index=False)
    return buf.getvalue()


def _make(path: Path, rows=ROWS) -> Path:
    with Workspace(path) as ws:
        import_files(ws, [("tickets.xlsx", _workbook(rows))])
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The five tickets in a workspace file, opened as the app opens it, with the
    explorer's snapshot folder beside it (one snapshot already taken)."""
    home = tmp_path_factory.mktemp("explorer")
    ws = Workspace(_make(home / "ws.duckdb"))
    folder = home / "snapshots"
    assert explorer.run(ws, "SELECT 1", folder=folder).ok
    yield ws, folder, home
    ws.close()


def _run(small, sql, **kwargs):
    ws, folder, _home = small
    return explorer.run(ws, sql, folder=folder, **kwargs)


def test_a_query_over_the_tickets_gives_the_numbers_worked_by_hand(small):
    result = _run(
        small,
        "SELECT team, count(*) AS tickets, count(resolved_at) AS resolved, avg(csat) AS csat "
        "FROM tickets GROUP BY team ORDER BY team",
    )
    assert result.ok and not result.truncated
    assert result.frame.to_dict("records") == [
        {"team": "A", "tickets": 2, "resolved": 2, "csat": 4.0},  # (5 + 3) / 2
        {"team": "B", "tickets": 3, "resolved": 2, "csat": 4.0},  # T3's 4 alone
    ]


def test_the_kpi_example_is_the_page_kpis_worked_by_hand(small):
    ws = small[0]
    kpis = next(e for e in explorer.examples(ws) if e.key == "kpis")
    # The whole period the tickets cover: 1 January to 3 January, inclusive.
    assert "TIMESTAMP '2024-01-01 00:00:00'" in kpis.sql
    assert "TIMESTAMP '2024-01-04 00:00:00'" in kpis.sql
    row = _run(small, kpis.sql).frame.iloc[0]
    assert row["tickets"] == 5 and row["resolved"] == 4 and row["open_backlog"] == 1
    assert row["sla_attainment"] == pytest.approx(2 / 4)  # T1, T3 met; T2, T5 breached
    assert row["csat_avg"] == pytest.approx((5 + 3 + 4) / 3)
    # Hours of the done tickets, sorted: 1, 2, 3, 10. Median (2 + 3) / 2; p90 by linear
    # interpolation at 0.9 * 3 = 2.7: 3 + 0.7 * (10 - 3).
    assert row["resolution_hours_median"] == pytest.approx(2.5)
    assert row["resolution_hours_p90"] == pytest.approx(7.9)


def test_every_example_runs_and_by_team_splits_the_counts(small):
    ws = small[0]
    found = {e.key: _run(small, e.sql) for e in explorer.examples(ws)}
    assert list(found) == list(explorer.EXAMPLES)
    assert all(r.ok for r in found.values()), {k: r.error for k, r in found.items()}
    teams = found["kpis_by_team"].frame.set_index("team")
    assert teams["tickets"].to_dict() == {"B": 3, "A": 2}
    assert teams["sla_attainment"].to_dict() == {"A": 0.5, "B": 0.5}
    months = found["monthly_volume"].frame
    assert months["tickets"].tolist() == [5]
    assert found["breaches_by_category"].frame["breached"].tolist() == [2]


def test_the_examples_run_on_an_empty_workspace(tmp_path):
    with Workspace(tmp_path / "empty.duckdb") as ws:
        for example in explorer.examples(ws):
            result = explorer.run(ws, example.sql, folder=tmp_path / "snap")
            assert result.ok, (example.key, result.error)
        counts = explorer.run(ws, "SELECT count(*) AS n FROM tickets", folder=tmp_path / "snap")
        assert counts.frame["n"].tolist() == [0]


# -- refused before anything runs, or refused by the engine ----------------------------
HOSTILE = [
    # the engine refuses: no file, no network, no extension is within reach
    ("SELECT * FROM read_csv('/etc/passwd')", "explorer.error.external"),
    ("SELECT * FROM read_csv_auto('/etc/passwd', sep = ':')", "explorer.error.external"),
    ("SELECT * FROM read_text('/etc/passwd')", "explorer.error.external"),
    ("SELECT * FROM read_blob('/etc/hostname')", "explorer.error.external"),
    ("SELECT * FROM read_parquet('/tmp/any.parquet')", "explorer.error.external"),
    ("SELECT * FROM read_json('/etc/hosts')", "explorer.error.external"),
    ("SELECT * FROM glob('/etc/*')", "explorer.error.external"),
    ("SELECT * FROM 'https://example.com/data.csv'", "explorer.error.external"),
    # not a SELECT (DuckDB's parser says which kind)
    ("COPY tickets TO '{home}/out.csv'", "explorer.error.not_select"),
    (
        "COPY (SELECT * FROM tickets) TO '{home}/out.parquet' (FORMAT parquet)",
        "explorer.error.not_select",
    ),
    ("EXPORT DATABASE '{home}/dump'", "explorer.error.not_select"),
    ("ATTACH '{home}/other.duckdb' AS other", "explorer.error.not_select"),
    ("DETACH other", "explorer.error.not_select"),
    ("INSTALL httpfs", "explorer.error.not_select"),
    ("LOAD httpfs", "explorer.error.not_select"),
    ("SET enable_external_access = true", "explorer.error.not_select"),
    ("SET lock_configuration = false", "explorer.error.not_select"),
    ("RESET memory_limit", "explorer.error.not_select"),
    ("PRAGMA enable_profiling", "explorer.error.not_select"),
    ("PRAGMA table_info('tickets')", "explorer.error.not_select"),
    ("CREATE TABLE stolen AS SELECT * FROM tickets", "explorer.error.not_select"),
    ("CREATE MACRO m(x) AS x", "explorer.error.not_select"),
    ("INSERT INTO tickets (ticket_id) VALUES ('X')", "explorer.error.not_select"),
    ("UPDATE tickets SET team = 'X'", "explorer.error.not_select"),
    ("DELETE FROM tickets", "explorer.error.not_select"),
    ("DROP TABLE tickets", "explorer.error.not_select"),
    ("CHECKPOINT", "explorer.error.not_select"),
    ("CALL pragma_version()", "explorer.error.not_select"),
    ("USE other", "explorer.error.not_select"),
    # two statements, whatever they are
    ("SELECT 1; DROP TABLE tickets", "explorer.error.several"),
    ("SELECT 1; SELECT 2", "explorer.error.several"),
    # a SELECT that tries to reach further is stopped by the engine
    ("SELECT * FROM query('COPY tickets TO ''{home}/q.csv''')", "explorer.error.query"),
    ("SELECT * FROM query('CREATE TABLE q AS SELECT 1')", "explorer.error.query"),
    ("SELECT getenv('HOME')", "explorer.error.query"),  # a CLI-only function
    ("SELECT nextval('upload_seq')", "explorer.error.query"),  # a write, read-only file
    # nothing to run, or not SQL
    ("", "explorer.error.empty"),
    ("  ; -- only a comment", "explorer.error.empty"),
    ("SELEC ticket_id FROM tickets", "explorer.error.syntax"),
    ("SELECT * FROM tickets WHERE ticket_id = $id", "explorer.error.parameters"),
]


@pytest.mark.parametrize(("sql", "key"), HOSTILE, ids=[s[:40] for s, _ in HOSTILE])
def test_hostile_sql_is_refused_in_one_line_and_the_workspace_is_unchanged(small, sql, key):
    ws, _folder, home = small
    before = _sha(Path(ws.path))
    beside = sorted(p.name for p in home.iterdir())
    sql = sql.format(home=home)
    result = _run(small, sql)
    assert result.frame is None
    assert result.error is not None and result.error.key == key, result.error
    for lang in ("en", "zh"):
        worded = render(result.error, lang)
        assert worded and "\n" not in worded and "Traceback" not in worded
    assert _sha(Path(ws.path)) == before
    # Nothing was written beside the workspace either.
    assert sorted(p.name for p in home.iterdir()) == beside


def test_a_deeply_nested_query_is_refused_instead_of_crashing_the_process(tmp_path):
    # 40,000 nested subqueries (640 kB) parse, then overflow the binder's stack: the
    # process (the app, for everyone) died with a segmentation fault. Run in a child
    # process so that, should it crash, this test fails instead of the test run.
    path = _make(tmp_path / "ws.duckdb")
    script = (
        "import sys\n"
        "from svcops import explorer\n"
        "from svcops.i18n import render\n"
        "from svcops.store import Workspace\n"
        "n = 40_000\n"
        "sql = 'SELECT * FROM ' + '(SELECT * FROM ' * n + 'tickets' + ')' * n\n"
        "with Workspace(sys.argv[1]) as ws:\n"
        "    result = explorer.run(ws, sql, folder=sys.argv[2])\n"
        "print(result.error.key)\n"
        "print(render(result.error))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path), str(tmp_path / "snap")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-500:])
    assert done.stdout.splitlines() == [
        "explorer.error.too_long",
        "The query is 640,021 characters long; at most 100,000 run here.",
    ]
    # At the limit, nesting as deep as the text allows is refused by DuckDB in one line.
    deepest = "FROM " + "(FROM" * 16_660 + " tickets" + ")" * 16_660
    assert len(deepest) <= explorer.MAX_QUERY_CHARS
    with Workspace(path) as ws:
        result = explorer.run(ws, deepest, folder=tmp_path / "snap")
    assert result.error.key == "explorer.error.query" and "depth" in render(result.error)


def test_a_refused_statement_names_its_kind(small):
    assert render(_run(small, "COPY tickets TO 'x.csv'").error) == (
        "Only SELECT queries run here; this is a COPY statement."
    )
    assert _run(small, "SELECT 1; SELECT 2; SELECT 3").error.params == {"count": 3}


def test_the_snapshot_runs_with_the_sandbox_settings_locked(small):
    result = _run(
        small,
        "SELECT current_setting('enable_external_access') AS external, "
        "current_setting('autoload_known_extensions') AS autoload, "
        "current_setting('autoinstall_known_extensions') AS autoinstall, "
        "current_setting('lock_configuration') AS locked, "
        "current_setting('threads') AS threads, current_setting('memory_limit') AS memory, "
        "(SELECT readonly FROM duckdb_databases() WHERE NOT internal) AS readonly",
    )
    row = result.frame.iloc[0]
    assert not row["external"] and not row["autoload"] and not row["autoinstall"]
    assert row["locked"] and row["readonly"] and row["threads"] == 1
    assert row["memory"].endswith("MiB") and float(row["memory"].split()[0]) < 512


def test_a_runaway_cross_join_is_interrupted_at_the_time_limit(small):
    # 10^10 pairs, each one computed (a bare count(*) of a cross join DuckDB answers
    # from the two sizes in under a second): minutes of work, stopped after one second.
    result = _run(small, RUNAWAY, timeout=1.0)
    assert result.error is not None and result.error.key == "explorer.error.timeout"
    assert 0.9 <= result.seconds < 5
    assert render(result.error) == (
        "Stopped after 1 s: the query took too long. Narrow it (WHERE, GROUP BY) or check "
        "its joins."
    )
    # The next query runs as usual.
    assert _run(small, "SELECT count(*) AS n FROM tickets").frame["n"].tolist() == [5]


def test_a_query_that_needs_too_much_memory_is_stopped(small):
    # The right side of the join (10^8 rows, 800 MB) does not fit in the 512 MB cap.
    result = _run(small, "SELECT count(*) FROM range(100000000) a, range(100000000) b")
    assert result.error is not None
    assert result.error.key in ("explorer.error.memory", "explorer.error.timeout")
    assert result.seconds < 15


def test_rows_beyond_the_limit_are_cut_and_said(small):
    cut = _run(small, "SELECT range AS n FROM range(25) ORDER BY n DESC", limit=10)
    assert cut.truncated and cut.limit == 10
    assert cut.frame["n"].tolist() == list(range(24, 14, -1))  # the query's order, kept
    whole = _run(small, "SELECT range AS n FROM range(25)", limit=25)
    assert not whole.truncated and len(whole.frame) == 25
    assert _run(small, "SELECT 1 AS n", limit=0).limit == 1  # at least one row
    assert _run(small, "SELECT 1 AS n", limit=10**9).limit == explorer.MAX_ROW_LIMIT


def test_rows_beyond_the_size_limit_are_cut_and_said(small):
    # 100 rows of 1 MB: 100 MB, well within the row limit but past the 64 MB a result
    # may hold (fetched whole, ten thousand such rows filled gigabytes in the app and
    # ran minutes past the time limit).
    mb = 2**20
    result = _run(small, f"SELECT range AS n, repeat('x', {mb}) AS s FROM range(100)")
    assert result.ok and result.truncated and result.too_large
    # Each row holds 1 MB of text plus its offsets, number and validity: 63 rows fit.
    assert result.frame["n"].tolist() == list(range(63))
    assert set(result.frame["s"].str.len()) == {mb}
    assert explorer.MAX_RESULT_BYTES == 64 * mb
    # Under the size limit nothing is said.
    small_rows = _run(small, f"SELECT range AS n, repeat('x', {mb}) AS s FROM range(10)")
    assert not small_rows.truncated and not small_rows.too_large and len(small_rows.frame) == 10


def test_a_single_row_past_the_size_limit_is_refused_in_one_line(small):
    result = _run(small, f"SELECT repeat('x', {65 * 2**20}) AS s")
    assert result.frame is None and result.error.key == "explorer.error.too_large"
    for lang in ("en", "zh"):
        worded = render(result.error, lang)
        assert "64 MB" in worded and "\n" not in worded


def test_a_query_runs_while_another_session_s_query_is_running(small):
    # The first query keeps the snapshot open (its configuration locked) for 2 s; a
    # second session's query on the same snapshot meanwhile runs as usual (it was
    # refused: "connection has an unfinished result").
    slow: list = []
    runaway = RUNAWAY
    other = threading.Thread(target=lambda: slow.append(_run(small, runaway, timeout=2.0)))
    other.start()
    try:
        time.sleep(0.5)
        assert other.is_alive()
        quick = _run(small, "SELECT count(*) AS n FROM tickets")
        assert quick.error is None, render(quick.error)
        assert quick.frame["n"].tolist() == [5]
    finally:
        other.join()
    assert slow[0].error.key == "explorer.error.timeout"


def test_the_snapshot_follows_an_import_and_old_ones_are_removed(tmp_path):
    folder = tmp_path / "snap"
    with Workspace(_make(tmp_path / "ws.duckdb")) as ws:
        count = "SELECT count(*) AS n FROM tickets"
        assert explorer.run(ws, count, folder=folder).frame["n"].tolist() == [5]
        more = [("T6", "A", datetime(2024, 1, 4, 9), None, 4, None)]
        import_files(ws, [("more.xlsx", _workbook(more))])
        assert explorer.run(ws, count, folder=folder).frame["n"].tolist() == [6]
        assert len(list(folder.glob("sql-*.duckdb"))) == 1


def test_schema_lists_every_canonical_table_with_its_columns(small):
    tables = {t.name: t for t in explorer.schema(small[0])}
    assert list(tables) == list(TABLES)
    tickets = tables["tickets"]
    assert tickets.rows == 5 and tables["risks"].rows == 0
    cols = {c.name: c for c in tickets.columns}
    assert cols["ticket_id"].required and cols["ticket_id"].type == "VARCHAR"
    assert cols["created_at"].type == "TIMESTAMP" and not cols["team"].required
    assert "_upload_id" in cols and "priority_raw" in cols
    for table in tables.values():
        assert table.description in STRINGS
        assert all(c.description in STRINGS for c in table.columns), table.name
    # The stored tables have exactly these columns (what a query sees).
    stored = _run(small, "DESCRIBE tickets").frame
    assert stored["column_name"].tolist() == [c.name for c in tickets.columns]
    assert stored["column_type"].tolist() == [c.type for c in tickets.columns]


# -- the same numbers as `python -m svcops kpis --json` -------------------------------
def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "svcops", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_kpi_example_on_the_sample_matches_the_kpis_command(sample_ws, tmp_path):
    path = tmp_path / "sample.duckdb"
    shutil.copyfile(sample_ws.path, path)
    shutil.copytree(sample_ws.path + ".originals", str(path) + ".originals")
    done = _cli("kpis", "--workspace", str(path), "--json")
    assert done.returncode == 0, done.stderr
    expected = json.loads(done.stdout)
    with Workspace(path) as ws:
        sql = explorer.examples(ws)[0].sql
        row = explorer.run(ws, sql, folder=tmp_path / "snap").frame.iloc[0].to_dict()
    same = [k for k in expected if k in row]
    assert set(expected) - set(same) == {"availability", "cost_per_ticket"}  # not ticket SQL
    assert expected["tickets"] > 60_000
    for key in same:
        assert row[key] == pytest.approx(expected[key], rel=1e-12, abs=0), key
    # ...and the sql command itself prints the same numbers.
    done = _cli("sql", "--workspace", str(path), "--json", sql)
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed["truncated"] is False
    for key in same:
        assert printed["rows"][0][key] == pytest.approx(expected[key], rel=1e-12, abs=0), key


# -- the CLI ---------------------------------------------------------------------------
def test_cli_prints_rows_and_says_when_they_were_cut(tmp_path, capsys):
    path = _make(tmp_path / "cli.duckdb")
    query = "SELECT ticket_id, team FROM tickets ORDER BY ticket_id"
    assert main(["sql", "--workspace", str(path), "--json", "--limit", "2", query]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == {
        "rows": [{"ticket_id": "T1", "team": "A"}, {"ticket_id": "T2", "team": "A"}],
        "truncated": True,
        "limit": 2,
    }
    assert main(["sql", "--workspace", str(path), "--limit", "2", query]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["ticket_id", "team"] and out[1].split() == ["T1", "A"]
    assert out[-1] == "(the first 2 rows; the query returned more: --limit N)"


def test_cli_refuses_in_one_line(tmp_path, capsys):
    path = _make(tmp_path / "cli.duckdb")
    before = _sha(path)
    assert main(["sql", "--workspace", str(path), f"COPY tickets TO '{tmp_path}/x.csv'"]) == 1
    err = capsys.readouterr().err
    assert err == "error: Only SELECT queries run here; this is a COPY statement.\n"
    assert main(["sql", "--workspace", str(path), "SELECT * FROM read_csv('/etc/passwd')"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "out of reach" in err
    assert not (tmp_path / "x.csv").exists()
    assert _sha(path) == before


# -- the downloads -----------------------------------------------------------------------
def test_the_excel_download_writes_times_excel_cannot_hold_as_text(small):
    import openpyxl

    from svcops.downloads import to_xlsx_bytes

    # DuckDB's infinity failed to write at all (the page broke); year 1 became an error
    # cell and 1800-01-01 read back as 1799-12-31 (Excel's 29 February 1900).
    result = _run(
        small,
        "SELECT TIMESTAMP 'infinity' AS inf, DATE '0001-01-01' AS first, "
        "TIMESTAMP '1800-01-01' AS old, TIMESTAMPTZ '2024-01-01 10:00+08' AS at, "
        "TIMESTAMP '1900-03-01 12:00' AS earliest",
    )
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(result.frame, "query")))
    inf, first, old, at, earliest = (c.value for c in book.active[2])
    assert inf.startswith("294247-01-10 ")  # pandas' reading of DuckDB's infinity
    assert first == "0001-01-01 00:00:00.000000" and old == "1800-01-01 00:00:00.000000"
    assert at == datetime(2024, 1, 1, 2) and earliest == datetime(1900, 3, 1, 12)


def test_the_excel_download_holds_data_never_a_formula():
    import openpyxl

    from svcops.downloads import to_xlsx_bytes

    frame = pd.DataFrame(
        {
            "note": ['=HYPERLINK("http://x")', "+1", "@SUM(A1)", "plain", None],
            "n": [1, -2, 3, 4, 5],
            "at": pd.to_datetime(["2024-01-01 09:00"] * 5).tz_localize("Asia/Shanghai"),
            "parts": [[1, 2], {"a": 1}, None, "x", "y"],
        }
    )
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame, "query")))
    sheet = book["query"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not any(v.startswith(("=", "+", "-", "@")) for v in texts)
    assert [c.value for c in sheet["A"][1:4]] == ['\'=HYPERLINK("http://x")', "'+1", "'@SUM(A1)"]
    assert [c.value for c in sheet["B"][1:]] == [1, -2, 3, 4, 5]  # numbers stay numbers
    assert sheet["C"][1].value == datetime(2024, 1, 1, 1, 0)  # 09:00 in Shanghai, as UTC
    assert sheet["D"][1].value == "[1, 2]"
