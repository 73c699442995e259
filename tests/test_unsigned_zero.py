"""A change that rounds to nothing is shown as 0, not -0.0: the Performance page's
comparison showed cost per resolved ticket "-0.0" against last year (37.8 against
37.8), which reads as a fall. In the app, in the review pack's tables and in its
workbook alike."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from svcops.filters import Filters
from svcops.i18n import unsigned_zero
from svcops.kpi import ScoreRow
from svcops.report import Pack, Section, Table
from svcops.report.html import cell_text
from svcops.report.xlsx import to_xlsx
from ui.format import flat, kpi_delta, kpi_delta_value, metric_change


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("-0.0", "0.0"),
        ("+0.0", "0.0"),
        ("+0", "0"),
        ("-0.00", "0.00"),
        ("-0.0%", "0.0%"),
        ("+0.0 pts", "0.0 pts"),
        ("-0.0 个百分点", "0.0 个百分点"),
        ("-0.1", "-0.1"),
        ("+10", "+10"),
        ("+0.05", "+0.05"),
        ("-1,000.0", "-1,000.0"),
        ("0.0", "0.0"),
        ("—", "—"),
    ],
)
def test_a_signed_change_that_rounds_to_nothing_has_no_sign(text, shown):
    assert unsigned_zero(text) == shown


def test_the_apps_kpi_changes():
    assert kpi_delta_value("cost_per_ticket", -0.03, "en") == "0.0"
    assert kpi_delta_value("cost_per_ticket", -0.06, "en") == "-0.1"
    assert kpi_delta_value("sla_attainment", -0.0004, "zh") == "0.0 个百分点"
    assert kpi_delta_value("sla_attainment", 0.0006, "en") == "+0.1 pts"
    assert kpi_delta_value("tickets", -0.4, "en") == "0"
    assert kpi_delta_value("csat_avg", -0.004, "en") == "0.00"
    row = ScoreRow(kpi="cost_per_ticket", value=37.81, previous=37.82, direction=-1)
    assert kpi_delta(row, "en") == "0.0%"  # -0.03%
    rate = ScoreRow(kpi="sla_attainment", value=0.7520, previous=0.7524, direction=1)
    assert kpi_delta(rate, "zh") == "0.0 个百分点"
    assert flat("0.0%") and not flat("+0.1%") and not flat("-0.1%")


def _pack(table: Table) -> Pack:
    return Pack(
        lang="en",
        filters=Filters(),
        start=date(2026, 9, 1),
        end=date(2026, 9, 30),
        sections=[Section("overview", "Service overview", "Overview", tables=[table])],
        uploads=pd.DataFrame(),
        made_at=datetime(2026, 10, 1, 9, 30),
        version="0.1.0",
        workspace="ws.duckdb",
    )


def test_the_packs_tables_and_workbook():
    assert cell_text(-0.03, "snum1") == "0.0"
    assert cell_text(-0.0004, "spct") == "0.0%"
    assert cell_text(-0.04, "spts", "zh") == "0.0 个百分点"
    assert cell_text(-0.06, "snum1") == "-0.1"
    assert cell_text(-0.03, "num1") == "-0.0"  # a value, not a change: as it is
    frame = pd.DataFrame({"KPI": ["Cost", "Backlog"], "vs last year": [-0.03, -12.0]})
    table = Table("Comparison", frame, kinds={"vs last year": "snum1"})
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(_pack(table))))
    cells = [
        c
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, float | int) and c.number_format.startswith("+#,##0.0")
    ]
    assert [c.value for c in cells] == [0, -12]


def test_a_metrics_change():
    assert metric_change("-0.0%", "inverse") == {
        "delta": "0.0%",
        "delta_color": "off",
        "delta_arrow": "off",
    }
    assert metric_change("+1.2%", "inverse") == {"delta": "+1.2%", "delta_color": "inverse"}
