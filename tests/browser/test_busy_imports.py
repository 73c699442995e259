"""Scheduled imports into the workspace of a running app, while a browser reloads it.

Three ``python -m svcops import`` runs one after another against the server's own
workspace, each started while Chromium reloads the Data page: every import stores
(exit 0), the page never shows an error, the next reload shows the newest upload, and
the KPIs counted afterwards (another process, the server still up) add up.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import openpyxl
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]


def _book(path: Path, prefix: str, n: int) -> None:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "tickets"
    sheet.append(["ticket_id", "created_at", "resolved_at", "priority"])
    for i in range(n):
        sheet.append([f"{prefix}{i}", datetime(2024, 6, 3, 9), datetime(2024, 6, 3, 12), "P3"])
    out = io.BytesIO()
    wb.save(out)
    path.write_bytes(out.getvalue())


def _settled(page) -> None:
    expect(page.get_by_role("heading", name="Data", exact=True)).to_be_visible()
    expect(page.locator("[data-testid=stApp][data-test-script-state=notRunning]")).to_have_count(1)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_scheduled_imports_while_the_page_reloads(server, page, tmp_path):
    page.goto(f"{server}/data?source=own")
    _settled(page)
    caption = page.get_by_text(re.compile(r"^Workspace file: ")).inner_text()
    workspace = caption.removeprefix("Workspace file: ").strip().strip("`")
    assert workspace.endswith("own.duckdb"), caption

    sizes = (5, 7, 9)
    for i, n in enumerate(sizes):
        book = tmp_path / f"batch{i}.xlsx"
        _book(book, f"B{i}-", n)
        proc = subprocess.Popen(
            [sys.executable, "-m", "svcops", "import", str(book), "--workspace", workspace],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # The browser keeps reloading the page while the import starts and runs.
        while proc.poll() is None:
            page.reload()
            _settled(page)
            time.sleep(0.2)
        out, err = proc.communicate()
        assert proc.returncode == 0, err
        assert f"{n} rows imported" in out
        page.reload()
        _settled(page)
        # The newest upload is offered first: this import, seen on the next run.
        expect(page.get_by_role("combobox", name="Original file of upload")).to_have_value(
            f"{i + 1} · batch{i}.xlsx"
        )

    # Another process reads the workspace while the server runs: the counts add up.
    done = subprocess.run(
        [sys.executable, "-m", "svcops", "kpis", "--workspace", workspace, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["tickets"] == sum(sizes)
    page.goto(f"{server}/?source=own")
    expect(page.get_by_test_id("stMetric").filter(has_text="Tickets created")).to_contain_text(
        str(sum(sizes))
    )
