"""A headed tickets sheet wins over one recognised from its values in the same import
(docs/imports.md, rule 4) also when the import comes from the Data page's mapping check:
the check hands every sheet back as a correction (views/data.py builds a mapping from
the editor's rows for each), and the guessed sheet, checked and left as shown, then
overwrote the headed sheet's tickets when it came later. A profile saved for the guessed
sheet's headers is no different."""

from __future__ import annotations

import pytest

from svcops.ingest import import_files, mapping_from_rows, preview
from svcops.ingest.profiles import save_profile
from svcops.schema import TABLES
from svcops.store import Workspace
from tests.ingest.test_recognition import _two_sheet_book


def _checked(files) -> dict:
    # What the Data page's "Import checked" passes: each sheet's table and mapping as
    # the check showed it, unchanged, as the editor's rows.
    overrides = {}
    for sheet in preview(None, files):
        rows = [
            {"column": c.name, "source": sheet.mapping.get(c.name)}
            for c in TABLES[sheet.table].columns
        ]
        overrides[(sheet.file, sheet.sheet)] = mapping_from_rows(sheet.table, rows)
    return overrides


def _outcome(ws: Workspace, report) -> tuple:
    by_sheet = {s.sheet: (s.rows, s.rejected) for s in report.sheets}
    got = ws.query("SELECT ticket_id, priority, team FROM tickets ORDER BY ticket_id")
    aside = ws.rejects()
    return by_sheet, got.values.tolist(), aside[["sheet", "row_number"]].values.tolist()


# Incidents (headed): INC1001-INC1006, P1 P2 P3 twice, all at Service Desk. Weekly
# (guessed): INC1004-INC1009, P3 P4 alternating at Network / Field. Weekly's rows 2-4
# (INC1004-INC1006) are set aside; its rows 5-7 are the only source of INC1007-INC1009.
EXPECTED = (
    {"Incidents": (6, 0), "Weekly": (3, 3)},
    [
        ["INC1001", "P1", "Service Desk"],
        ["INC1002", "P2", "Service Desk"],
        ["INC1003", "P3", "Service Desk"],
        ["INC1004", "P1", "Service Desk"],
        ["INC1005", "P2", "Service Desk"],
        ["INC1006", "P3", "Service Desk"],
        ["INC1007", "P4", "Field"],
        ["INC1008", "P3", "Network"],
        ["INC1009", "P4", "Field"],
    ],
    [["Weekly", 2], ["Weekly", 3], ["Weekly", 4]],
)


@pytest.mark.parametrize("order", [["Incidents", "Weekly"], ["Weekly", "Incidents"]])
def test_the_headed_sheet_wins_when_the_mapping_was_checked(order):
    files = [("tickets.xlsx", _two_sheet_book(order))]
    ws = Workspace(":memory:")
    report = import_files(ws, files, overrides=_checked(files))
    assert _outcome(ws, report) == EXPECTED


def test_the_headed_sheet_wins_over_a_sheet_a_saved_profile_maps():
    files = [("tickets.xlsx", _two_sheet_book(["Incidents", "Weekly"]))]
    ws = Workspace(":memory:")
    weekly = next(s for s in preview(None, files) if s.sheet == "Weekly")
    mapping = mapping_from_rows(
        "tickets", [{"column": c, "source": h} for c, h in weekly.mapping.items()]
    )
    save_profile(ws, "weekly report", weekly.headers, mapping)
    report = import_files(ws, files)
    assert _outcome(ws, report) == EXPECTED
