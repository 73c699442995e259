"""One stray value does not decide a CSAT column's scale. A 1-5 column with a typo (44
for 4) or one rating from another survey written as a percentage (85%) was read as a
0-100 percentage scale, so every 5 became 1.2 and the average CSAT of a satisfied desk
fell from 4.1 to 1.2, with no value set aside. The scale is now the one most values are
on; a value off it is set aside (listed, kept as written in csat_raw)."""

from __future__ import annotations

import csv
import json

from svcops.ingest import import_paths
from svcops.store import Workspace

SCORES = [5, 4, 3, 4, 5, 2, 5, 4, 4, 5, 3, 5, 4, 5, "44", 5, 4, 5, 1, "85%"]


def test_a_stray_value_does_not_rescale_a_five_point_column(tmp_path):
    path = tmp_path / "tickets.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["Ticket ID", "Created", "Priority", "CSAT"])
        for i, score in enumerate(SCORES):
            writer.writerow([f"T{i:02d}", f"2026-12-{i + 1:02d} 09:00", "P2", score])
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (20, 0)
        frame = ws.query("SELECT ticket_id, csat, csat_raw FROM tickets ORDER BY 1")
        got = dict(zip(frame.ticket_id, frame.csat, strict=True))
        assert got["T00"] == 5.0 and got["T05"] == 2.0 and got["T18"] == 1.0
        assert got["T14"] != got["T14"] and got["T19"] != got["T19"]  # set aside: NaN
        assert frame.csat.mean() == sum(s for s in SCORES if isinstance(s, int)) / 18
        assert dict(zip(frame.ticket_id, frame.csat_raw, strict=True))["T14"] == "44"
        listed = ws.query("SELECT reasons FROM rejects").reasons.map(json.loads)
        assert sorted(r[0]["params"]["value"] for r in listed) == ["44", "85%"]


def test_a_percentage_column_with_a_few_low_values_stays_a_percentage(tmp_path):
    path = tmp_path / "tickets.csv"
    scores = ["90%", "85%", "100%", "70%", "5%", "95%"]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["Ticket ID", "Created", "Priority", "CSAT"])
        for i, score in enumerate(scores):
            writer.writerow([f"T{i}", f"2026-12-0{i + 1} 09:00", "P2", score])
    with Workspace(tmp_path / "w.duckdb") as ws:
        import_paths(ws, [path])
        frame = ws.query("SELECT ticket_id, csat FROM tickets ORDER BY 1")
        assert frame.csat.round(2).tolist() == [4.6, 4.4, 5.0, 3.8, 1.2, 4.8]
