"""The Data page while another process writes, and an import's progress on it.

The page opens the user's workspace only for the length of a run: a scheduled import
stores between two runs and the next run shows it. An import that takes longer than
``SVCOPS_PROGRESS_AFTER`` seconds (0 here, so every import) shows a status box with
each sheet read and stored, kept (collapsed) above the import's report.
"""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def own_ws_path(tmp_path, monkeypatch):
    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    return path


def _book(**sheets: list[list]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        sheet = wb.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _tickets(prefix: str, n: int) -> list[list]:
    return [["ticket_id", "created_at", "resolved_at", "priority"]] + [
        [f"{prefix}{i}", datetime(2024, 6, 3, 9), datetime(2024, 6, 3, 12), "P3"] for i in range(n)
    ]


def _two_sheets() -> bytes:
    """A workbook of 4 tickets and 3 months of costs."""
    return _book(
        tickets=_tickets("T", 4),
        costs=[["period", "amount", "cost_center"], ["2024-01", 100, "Desk"]]
        + [["2024-02", 200, "Desk"], ["2024-03", 300, "Desk"]],
    )


def _data_page(lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update(source="own", lang=lang)
    at.run()
    at.switch_page("views/data.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _held_rows(at: AppTest) -> dict[str, int]:
    holdings = at.dataframe[0].value
    return dict(zip(holdings.iloc[:, 0], holdings.iloc[:, 1], strict=True))


@pytest.mark.parametrize(
    ("lang", "title", "read", "stored"),
    [
        (
            "en",
            "Imported 7 rows in",
            ["Read two.xlsx / tickets: 4 rows", "Read two.xlsx / costs: 3 rows"],
            [
                "Stored two.xlsx / tickets: 4 rows (1 of 2 sheets)",
                "Stored two.xlsx / costs: 3 rows (2 of 2 sheets)",
            ],
        ),
        (
            "zh",
            "已导入 7 行，用时",
            ["已读取 two.xlsx / tickets：4 行", "已读取 two.xlsx / costs：3 行"],
            [
                "已保存 two.xlsx / tickets：4 行（第 1 个，共 2 个工作表）",
                "已保存 two.xlsx / costs：3 行（第 2 个，共 2 个工作表）",
            ],
        ),
    ],
)
def test_an_import_over_the_threshold_shows_its_steps(
    own_ws_path, monkeypatch, lang, title, read, stored
):
    monkeypatch.setenv("SVCOPS_PROGRESS_AFTER", "0")
    book = _two_sheets()
    at = _data_page(lang)
    at.file_uploader[0].upload("two.xlsx", book)
    at.form_submit_button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    boxes = at.get("status")
    assert len(boxes) == 1
    box = boxes[0]
    assert box.label.startswith(title)
    lines = [c.value.replace("\\", "") for c in box.caption]  # Markdown escapes undone
    assert lines == read + stored


@pytest.mark.parametrize(
    ("lang", "title", "read"),
    [
        (
            "en",
            "Read 7 rows in",
            ["Read two.xlsx / tickets: 4 rows", "Read two.xlsx / costs: 3 rows"],
        ),
        (
            "zh",
            "已读取 7 行，用时",
            ["已读取 two.xlsx / tickets：4 行", "已读取 two.xlsx / costs：3 行"],
        ),
    ],
)
def test_a_mapping_check_over_the_threshold_shows_its_reading(
    own_ws_path, monkeypatch, lang, title, read
):
    """The mapping check only reads: its box counts the rows read (not stored), its bar
    reaches the end, nothing is kept for the next run, and the mapping follows it."""
    monkeypatch.setenv("SVCOPS_PROGRESS_AFTER", "0")
    book = _two_sheets()
    at = _data_page(lang)
    at.file_uploader[0].upload("two.xlsx", book)
    at.form_submit_button[1].click().run()
    assert not at.exception, [e.value for e in at.exception]
    (box,) = at.get("status")
    assert box.label.startswith(title)
    assert [c.value.replace("\\", "") for c in box.caption] == read
    (bar,) = box.get("progress")
    assert bar.value == 100  # reading is the whole of a check
    assert "data_last_progress" not in at.session_state
    assert len(at.session_state["data_pending"][1]) == 2  # the two sheets to check


def test_a_quick_import_shows_no_progress(own_ws_path, monkeypatch):
    monkeypatch.setenv("SVCOPS_PROGRESS_AFTER", "60")
    at = _data_page()
    at.file_uploader[0].upload("one.xlsx", _book(tickets=_tickets("Q", 2)))
    at.form_submit_button[0].click().run()
    assert not at.exception
    assert "Imported 2 rows" in at.success[0].value
    assert len(at.get("status")) == 0


@pytest.mark.slow  # starts the CLI
def test_an_import_stored_by_a_scheduled_cli_between_runs_shows_on_the_next_run(
    own_ws_path, tmp_path
):
    """The page holds the file while it runs, and keeps it open after only until
    another process waits for it: a CLI import waits its turn, stores, and the page's
    next run shows the rows and the upload."""
    at = _data_page()
    assert _held_rows(at)["tickets"] == 0
    book = tmp_path / "scheduled.xlsx"
    book.write_bytes(_book(tickets=_tickets("S", 5)))
    done = subprocess.run(
        [sys.executable, "-m", "svcops", "import", str(book), "--workspace", str(own_ws_path)]
        + ["--wait", "10"],  # less than the app's linger (30 s): it hands the file over
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    at.run()
    assert not at.exception
    assert _held_rows(at)["tickets"] == 5
    uploads = at.dataframe[1].value
    assert uploads.iloc[:, 1].tolist() == ["scheduled.xlsx"]


@pytest.mark.slow  # starts a process that holds the workspace
def test_a_page_that_waits_too_long_for_another_process_says_busy(own_ws_path):
    """Another process keeps the workspace past the page's wait: the page says so in
    one line (in its language) instead of failing, and works again once it is free."""
    from ui import state

    _data_page()  # the workspace exists
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from svcops.store import Workspace; "
            f"w = Workspace({str(own_ws_path)!r}); print('held', flush=True); sys.stdin.read()",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    ws = state._own_workspace(str(own_ws_path))
    try:
        assert holder.stdout.readline().strip() == "held"
        ws.wait = 0.5
        for lang, said in (("en", "workspace busy: "), ("zh", "工作区忙：")):
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
            at.query_params.update(source="own", lang=lang)
            at.run()
            assert not at.exception, [e.value for e in at.exception]
            shown = [e.value.replace("\\", "") for e in at.error]
            assert len(shown) == 1 and shown[0].startswith(said), shown
            assert str(own_ws_path) in shown[0]
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
        ws.wait = state.APP_WAIT
    assert _held_rows(_data_page())["tickets"] == 0
