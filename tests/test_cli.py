"""`python -m svcops` as a scheduler would run it: real processes, real files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from svcops.kpi import KPI_KEYS
from svcops.store import Workspace

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data" / "svcops_sample.xlsx"


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "svcops", *args],
        cwd=ROOT,
        text=True,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


@pytest.fixture(scope="module")
def sample_workspace(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "ws.duckdb"
    done = cli("import", str(SAMPLE), "--workspace", str(path))
    assert done.returncode == 0, done.stderr
    assert "svcops_sample.xlsx / tickets -> tickets: 66651 rows imported" in done.stdout
    return path


@pytest.fixture(scope="module")
def tickets() -> pd.DataFrame:
    """The sample's tickets read independently of svcops (pandas + calamine)."""
    return pd.read_excel(SAMPLE, sheet_name="tickets", engine="calamine")


def independent_kpis(t: pd.DataFrame, start=None, end=None, team=None) -> dict:
    """The KPI definitions of docs/kpis.md, written again in plain pandas."""
    if team:
        t = t[t["team"] == team]
    done_at = t["resolved_at"].fillna(t["closed_at"])
    first = start or t["created_at"].min().normalize()
    last = end or max(t["created_at"].max(), t["resolved_at"].max(), t["closed_at"].max())
    lo, hi = pd.Timestamp(first).normalize(), pd.Timestamp(last).normalize() + pd.Timedelta(days=1)
    created = t["created_at"].between(lo, hi, inclusive="left")
    done = done_at.between(lo, hi, inclusive="left")
    hours = (done_at - t["created_at"]).dt.total_seconds() / 3600
    fcr = t.loc[done, "first_contact_resolved"].dropna().astype(bool)
    return {
        "tickets": int(created.sum()),
        "resolved": int(done.sum()),
        "open_backlog": int(((t["created_at"] < hi) & (done_at.isna() | (done_at >= hi))).sum()),
        "resolution_hours_median": float(hours[done].median()),
        "csat_avg": float(t.loc[done, "csat"].mean()),
        "fcr_rate": float(fcr.mean()),
    }


@pytest.mark.parametrize(
    "args, period",
    [
        ((), {}),
        (
            ("--start", "2026-10-04", "--end", "2026-10-31", "--team", "Service Desk"),
            {"start": "2026-10-04", "end": "2026-10-31", "team": "Service Desk"},
        ),
        (
            ("--start", "2025-03-01", "--end", "2025-03-31"),
            {"start": "2025-03-01", "end": "2025-03-31"},
        ),
    ],
)
def test_kpis_json_equal_an_independent_pandas_computation(sample_workspace, tickets, args, period):
    done = cli("kpis", "--workspace", str(sample_workspace), *args, "--json")
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert list(got) == list(KPI_KEYS)
    want = independent_kpis(tickets, period.get("start"), period.get("end"), period.get("team"))
    for key, value in want.items():
        assert got[key] == pytest.approx(value, rel=1e-9), key
    for key in ("sla_attainment", "fcr_rate", "reopen_rate", "availability"):
        assert 0 <= got[key] <= 1
    if "team" in period:
        assert got["cost_per_ticket"] is None


def test_kpis_table_output(sample_workspace):
    done = cli("kpis", "--workspace", str(sample_workspace), "--start", "2026-10-01")
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].split()[0] == "tickets"


def test_sample_command_reproduces_the_committed_workbook(tmp_path):
    done = cli("sample", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    made = tmp_path / "svcops_sample.xlsx"
    assert (
        hashlib.sha256(made.read_bytes()).hexdigest()
        == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (("import", "missing.xlsx"), "missing.xlsx: cannot be opened (No such file or directory)"),
        (("kpis", "--workspace", "nowhere.duckdb"), "nowhere.duckdb: no such workspace"),
        (
            ("kpis", "--workspace", "x.duckdb", "--start", "2024-02-01", "--end", "2024-01-01"),
            "start 2024-02-01 is after end 2024-01-01",
        ),
    ],
)
def test_errors_are_one_line_and_non_zero(tmp_path, args, message):
    if "x.duckdb" in args:
        (tmp_path / "x.duckdb").write_bytes(b"")  # exists; the dates are what is wrong
        args = tuple(str(tmp_path / a) if a == "x.duckdb" else a for a in args)
    done = subprocess.run(
        [sys.executable, "-m", "svcops", *args],
        cwd=tmp_path,
        text=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 1
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_a_bad_file_among_several_imports_nothing(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    ws = tmp_path / "w.duckdb"
    done = cli("import", str(SAMPLE), str(bad), "--workspace", str(ws))
    assert done.returncode == 1 and "bad.xlsx: not a readable workbook" in done.stderr
    again = cli("kpis", "--workspace", str(ws), "--json")
    assert json.loads(again.stdout)["tickets"] == 0


def test_bad_date_argument_is_a_usage_error():
    done = cli("kpis", "--start", "March")
    assert done.returncode == 2 and "'March' is not a date (YYYY-MM-DD)" in done.stderr


def test_a_missing_file_is_named_even_while_the_app_holds_the_workspace(tmp_path):
    path = tmp_path / "held.duckdb"
    with Workspace(path):  # as a running app holds its workspace file
        done = cli("import", str(tmp_path / "nope.xlsx"), "--workspace", str(path))
    assert done.returncode == 1
    assert (
        done.stderr.strip() == f"error: {tmp_path / 'nope.xlsx'}: cannot be opened "
        "(No such file or directory)"
    )


@pytest.mark.parametrize("buffered", [True, False])
@pytest.mark.parametrize("command", ["sql", "import"])
def test_output_piped_into_a_reader_that_has_gone_ends_quietly(
    tmp_path, sample_workspace, command, buffered
):
    """``svcops sql ... | head -1``: the reader closes the pipe. The command stops without
    a word on stderr (it said "error: [Errno 32] Broken pipe"), with the status a shell
    gives a command ended by a closed pipe, whether Python buffers its output or not;
    an import whose summary no one reads has still stored its rows."""
    if command == "sql":
        args = ["sql", "SELECT * FROM tickets", "--limit", "20000"]
        args += ["--workspace", str(sample_workspace)]
    else:
        ws = tmp_path / "piped.duckdb"
        args = ["import", str(SAMPLE), "--workspace", str(ws)]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    proc = subprocess.Popen(
        [sys.executable, "-m", "svcops", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**env, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # gone before the first line: every write meets a closed pipe
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 141, err
    assert "Broken pipe" not in err and "Traceback" not in err and "error" not in err
    assert "Exception ignored" not in err
    if command == "import":
        assert json.loads(cli("kpis", "--workspace", str(ws), "--json").stdout)["tickets"] == 66651
