"""A share (a service level, an adoption rate: 0-1) written as a percentage is read as
the share it is: 85% was set aside as not a number (a column of them was left unmapped),
and a column of percentages without the sign (80, 92.5) was stored as written, 80 times
too large, or mixed with fractions (0.6 beside 60) without a word. A column's plain
numbers are fractions when most are at most 1, percentages when most are above 1; a
number off the column's scale, or a share above 100%, is set aside with the reason."""

from __future__ import annotations

import csv
import json

import pandas as pd
import xlsxwriter

from svcops.i18n import render
from svcops.ingest import import_paths
from svcops.store import Workspace


def _intervals(path, levels):
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["Interval", "Offered", "Service level"])
        for i, level in enumerate(levels):
            writer.writerow([f"2026-03-02 {8 + i:02d}:00", 10 + i, level])
    return path


def _levels(ws):
    frame = ws.query("SELECT interval_start, service_level FROM intervals ORDER BY 1")
    return [None if pd.isna(v) else round(v, 6) for v in frame.service_level]


def _reasons(ws):
    listed = ws.query("SELECT row_number, reasons FROM rejects ORDER BY row_number")
    return [
        (int(n), m["key"].removeprefix("ingest.reason."), m["params"]["value"])
        for n, r in zip(listed.row_number, listed.reasons, strict=True)
        for m in json.loads(r)
    ]


def test_percent_signs_in_a_column_of_fractions(tmp_path):
    path = _intervals(tmp_path / "intervals.csv", ["85%", "90 %", "0.8", "1", "0", "120%", "7"])
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        assert (report.rows, report.rejected) == (7, 0)
        # 85% and 90 % are 0.85 and 0.9; 0.8, 1 and 0 are fractions as written; 120% is
        # no share; 7 among fractions is off the column's scale (7%? 7 times?): set aside.
        assert _levels(ws) == [0.85, 0.9, 0.8, 1.0, 0.0, None, None]
        assert _reasons(ws) == [(7, "share", "120%"), (8, "share", "7")]
        reason = ws.rejects(lang="en").set_index("row_number").reason
        assert reason[8] == (
            'service_level (Service level): "7" is not a share on the column\'s scale, 0-1'
        )
        assert "0-1" in ws.rejects(lang="zh").set_index("row_number").reason[8]


def test_a_column_of_percentages_without_the_sign(tmp_path):
    path = _intervals(tmp_path / "intervals.csv", ["80", "92.5", "100", "0", "0.5", "45%"])
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        # Most numbers are above 1: percentages. 0.5 is half a percent or a half: set aside.
        assert _levels(ws) == [0.8, 0.925, 1.0, 0.0, None, 0.45]
        assert _reasons(ws) == [(6, "share", "0.5")]
        notes = [render(n, "en") for n in report.sheets[0].notes]
        assert "Service level: numbers read as percentages (0-100), stored as shares 0-1" in notes


def test_as_many_fractions_as_percentages_are_set_aside(tmp_path):
    # An Excel column of numbers: 0.6 and 0.3 as fractions, 60 and 45 as percentages.
    path = tmp_path / "initiatives.xlsx"
    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet("initiatives")
        sheet.write_row(0, 0, ["Initiative ID", "Name", "Stage", "Adoption rate"])
        for i, rate in enumerate([0.6, 60, 0.3, 45, 0]):
            sheet.write_row(i + 1, 0, [f"I-{i}", f"Idea {i}", "pilot", rate])
        sheet.write_row(6, 0, ["I-5", "Idea 5", "pilot", "35%"])
    with Workspace(tmp_path / "w.duckdb") as ws:
        report = import_paths(ws, [path])
        frame = ws.query("SELECT adoption_rate FROM initiatives ORDER BY initiative_id")
        got = [None if pd.isna(v) else round(v, 6) for v in frame.adoption_rate]
        assert got == [None, None, None, None, 0.0, 0.35]
        assert [(n, k) for n, k, _ in _reasons(ws)] == [(n, "share_mixed") for n in (2, 3, 4, 5)]
        reason = ws.rejects(lang="en").set_index("row_number").reason
        assert reason[3] == (
            'adoption_rate (Adoption rate): "60": the column has as many numbers '
            "at most 1 (fractions) as above 1 (percentages), so none of them is read"
        )
        assert report.rows == 6
