"""The Data page's import goes on when the user clicks something while it runs.

Streamlit raises a rerun (or a stop) at any element a page draws after the user has
asked for one; an import's progress box draws as the import goes, so a click during
a long import used to end it half-way: rolled back, the upload lost without a word.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import openpyxl
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
from streamlit.testing.v1 import AppTest

from ui import progress

ROOT = Path(__file__).resolve().parents[2]


def _tickets_book(n: int) -> bytes:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "tickets"
    sheet.append(["ticket_id", "created_at", "resolved_at", "priority"])
    for i in range(n):
        sheet.append([f"C{i}", datetime(2024, 6, 3, 9), datetime(2024, 6, 3, 12), "P3"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_click_during_an_import_does_not_end_it(tmp_path, monkeypatch):
    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    monkeypatch.setenv("SVCOPS_PROGRESS_AFTER", "0")  # every step drawn on the run's thread
    show = progress._Box.show
    clicked: list[str] = []

    def click_then_show(box, step):
        if not clicked:  # the user clicks as the first step is drawn
            clicked.append(step.stage)
            ctx = get_script_run_ctx()
            ctx.script_requests.request_rerun(
                RerunData(query_string=ctx.query_string, page_script_hash=ctx.page_script_hash)
            )
        show(box, step)

    monkeypatch.setattr(progress._Box, "show", click_then_show)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update(source="own", lang="en")
    at.run()
    at.switch_page("views/data.py")
    at.run()
    at.file_uploader[0].upload("clicked.xlsx", _tickets_book(5))
    at.form_submit_button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert clicked == ["reading"]
    # The import went on to the end: its report on the page, and stored.
    assert [s.value for s in at.success if "Imported 5 rows" in s.value]
    at.run()
    held = at.dataframe[0].value  # the workspace's holdings, as the page shows them
    assert dict(zip(held.iloc[:, 0], held.iloc[:, 1], strict=True))["tickets"] == 5
