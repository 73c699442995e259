"""A risk register whose first rows give likelihood and impact as words (High, Medium,
Low) and later rows as numbers, every cell filled: its last word row, with numbers
under it, outscored the real header (text over text) and was taken for the header, and
the file was refused ("no table matches its columns (R-06, ...)"). A data row's words
recur in its column in the rows around it; a header's labels do not, so such a row is
no longer taken for the header. Title rows above the header are still skipped."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from svcops.ingest import import_paths
from svcops.ingest.header import locate_table
from svcops.store import Workspace

HEADER = ["Risk ID", "Title", "Owner", "Likelihood", "Impact", "Status"]
ROWS = [
    ["R-01", "Vendor outage", "Ann", "High", "Medium", "Open"],
    ["R-02", "Key person leaves", "Bob", "Medium", "High", "Open"],
    ["R-03", "Data centre fire", "Ann", "Low", "High", "Closed"],
    ["R-04", "Licence lapses", "Bob", "Medium", "Low", "Open"],
    ["R-05", "Phishing", "Cy", "High", "High", "Open"],
    ["R-06", "Tool end of life", "Ann", "Low", "Medium", "Closed"],
    ["R-07", "Backlog spike", "Cy", "High", "Low", "Open"],
    ["R-08", "Supplier price rise", "Bob", "Medium", "Medium", "Open"],
    ["R-09", "Network fault", "Ann", 4, 2, "Open"],
    ["R-10", "Patch backlog", "Cy", 3, 5, "Open"],
    ["R-11", "Badge misuse", "Bob", 1, 3, "Closed"],
    ["R-12", "Power cut", "Ann", 2, 4, "Open"],
    ["R-13", "Storage full", "Cy", 5, 1, "Open"],
    ["R-14", "Expired certificate", "Bob", 2, 2, "Open"],
]
TITLES = [["Risk register"], ["Exported 2026-03-01 by admin"], []]
# The five-point words (docs/risk.md): low 2, medium 3, high 4; numbers as given.
LIKELIHOOD = [4, 3, 2, 3, 4, 2, 4, 3, 4, 3, 1, 2, 5, 2]
IMPACT = [3, 4, 4, 2, 4, 3, 2, 3, 2, 5, 3, 4, 1, 2]


def _write(tmp_path, suffix, titled):
    body = (TITLES if titled else []) + [HEADER] + ROWS
    path = tmp_path / f"register{suffix}"
    if suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(body)
    else:
        book = openpyxl.Workbook()
        for row in body:
            book.active.append(row)
        book.save(path)
    return path


@pytest.mark.parametrize("titled", [False, True], ids=["header first", "title rows"])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_register_with_words_then_numbers_keeps_its_header(tmp_path, suffix, titled):
    path = _write(tmp_path, suffix, titled)
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (14, 0)
        sheet = report.sheets[0]
        assert sheet.table == "risks"
        frame = ws.query("SELECT risk_id, title, likelihood, impact FROM risks ORDER BY risk_id")
        assert list(frame.risk_id) == [f"R-{i:02d}" for i in range(1, 15)]
        assert list(frame.title) == [r[1] for r in ROWS]
        assert list(frame.likelihood) == LIKELIHOOD
        assert list(frame.impact) == IMPACT


def test_the_grid_header_is_the_labels_not_the_last_word_row():
    grid = [["Risk register", None, None, None, None, None], HEADER, *ROWS]
    loc = locate_table(grid)
    assert (loc.header_row, loc.names, loc.data_start) == (1, HEADER, 2)
