"""Funnel, business cases of a register and the budget fit, on small registers imported
from real workbooks (answers worked out by hand)."""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd
import pytest

from svcops import innovation as inn
from svcops.ingest import import_paths


def _register(ws, workbook, rows, sheet="创新项目"):
    import_paths(ws, [workbook({sheet: rows})])


D = datetime


@pytest.fixture
def funnel_ws(ws, workbook):
    # Chinese and English headers mixed, stage words as registers write them.
    rows = [
        {
            "项目编号": "A",
            "项目名称": "Idea only",
            "阶段": "Idea",
            "开始日期": D(2025, 1, 1),
            "投资": 10,
        },
        {
            "项目编号": "B",
            "项目名称": "In assessment",
            "阶段": "评估",
            "开始日期": D(2025, 1, 1),
            "评估日期": D(2025, 1, 11),
            "投资": 20,
        },
        {
            "项目编号": "C",
            "项目名称": "Piloting",
            "阶段": "试点",
            "开始日期": D(2025, 1, 1),
            "评估日期": D(2025, 1, 21),
            "试点日期": D(2025, 2, 10),
            "投资": 30,
        },
        {
            "项目编号": "D",
            "项目名称": "Scaled",
            "阶段": "Scaled",
            "开始日期": D(2025, 1, 1),
            "评估日期": D(2025, 1, 31),
            "试点日期": D(2025, 3, 2),
            "推广日期": D(2025, 4, 1),
            "规模化日期": D(2025, 5, 1),
            "投资": 40,
        },
        {
            "项目编号": "E",
            "项目名称": "Stopped after assessment",
            "阶段": "Cancelled",
            "开始日期": D(2025, 1, 1),
            "评估日期": D(2025, 1, 16),
            "停止日期": D(2025, 2, 15),
            "投资": 50,
        },
    ]
    _register(ws, workbook, rows)
    return ws


def test_register_columns_from_chinese_headers(funnel_ws):
    ini = inn.initiatives(funnel_ws)
    assert ini["stage"].tolist() == ["idea", "assessment", "pilot", "scaled", "stopped"]
    assert ini["stage_raw"].tolist() == ["Idea", "评估", "试点", "Scaled", "Cancelled"]
    assert ini.loc[4, "stopped_date"] == date(2025, 2, 15)
    assert ini["investment"].tolist() == [10, 20, 30, 40, 50]


def test_funnel_by_hand(funnel_ws):
    f = inn.funnel(funnel_ws, as_of=date(2025, 6, 1))
    fr = f.frame.set_index("stage")
    assert fr["count"].tolist() == [1, 1, 1, 0, 1, 1]
    assert fr["investment"].tolist() == [10, 20, 30, 0, 40, 50]
    # Reached: every initiative was an idea; B, C, D, E were assessed; C, D piloted.
    assert fr["reached"].tolist() == [5, 4, 2, 1, 1, 1]
    assert fr.loc["idea", "conversion"] == pytest.approx(4 / 5)
    assert fr.loc["assessment", "conversion"] == pytest.approx(2 / 4)
    assert fr.loc["pilot", "conversion"] == pytest.approx(1 / 2)
    assert fr.loc["rollout", "conversion"] == pytest.approx(1.0)
    assert pd.isna(fr.loc["scaled", "conversion"]) and pd.isna(fr.loc["stopped", "conversion"])
    # E was stopped after assessment: 1 stopped there, 2 went on to pilot.
    assert fr.loc["assessment", "stopped_here"] == 1
    assert fr.loc["assessment", "kill_rate"] == pytest.approx(1 / 3)
    assert fr.loc["idea", "kill_rate"] == 0.0
    # Days in idea of those that left it: B 10, C 20, D 30, E 15 -> median 17.5.
    assert fr.loc["idea", "median_days"] == 17.5 and fr.loc["idea", "left"] == 4
    # A still an idea since 1 Jan: 151 days by 1 June.
    assert fr.loc["idea", "median_days_now"] == 151
    # Assessment: C 20 days, D 30, E 30 (to its stop) -> 30; B there 141 days so far.
    assert fr.loc["assessment", "median_days"] == 30 and fr.loc["assessment", "left"] == 3
    assert fr.loc["assessment", "median_days_now"] == 141
    assert fr.loc["rollout", "median_days"] == 30  # 1 April to 1 May
    assert f.total == 5 and f.stopped == 1 and f.kill_rate == pytest.approx(0.2)
    assert f.has_dates


def test_funnel_without_dates_counts_a_stopped_one_as_an_idea(ws, workbook):
    _register(
        ws,
        workbook,
        [
            {"initiative_id": "X", "name": "x", "stage": "killed"},
            {"initiative_id": "Y", "name": "y", "stage": "rollout"},
            {"initiative_id": "Z", "name": "z", "stage": "parked"},
        ],
        sheet="initiatives",
    )
    f = inn.funnel(ws, as_of=date(2025, 1, 1))
    fr = f.frame.set_index("stage")
    assert list(fr.index) == [*inn.STAGES, "other"]
    assert fr["reached"].tolist() == [2, 1, 1, 1, 0, 1, 1]
    assert fr.loc["idea", "stopped_here"] == 1
    assert fr.loc["idea", "kill_rate"] == pytest.approx(0.5)  # X stopped, Y went on
    assert fr["median_days"].isna().all() and not f.has_dates


def test_stage_dates_out_of_order_or_ahead_are_not_counted_as_stays(ws, workbook):
    _register(
        ws,
        workbook,
        [
            # assessment entered before the idea started (a typo): that stay is left
            # out; its 20 days in assessment before pilot are kept
            {
                "initiative_id": "A",
                "name": "a",
                "stage": "pilot",
                "start_date": date(2024, 3, 1),
                "assessment_date": date(2024, 2, 1),
                "pilot_date": date(2024, 2, 21),
            },
            # entered its stage after the as-of day: no days so far
            {"initiative_id": "B", "name": "b", "stage": "idea", "start_date": date(2025, 6, 1)},
            {"initiative_id": "C", "name": "c", "stage": "idea", "start_date": date(2024, 12, 2)},
        ],
        sheet="initiatives",
    )
    fr = inn.funnel(ws, as_of=date(2025, 1, 1)).frame.set_index("stage")
    assert math.isnan(fr.loc["idea", "median_days"]) and fr.loc["idea", "left"] == 0
    assert fr.loc["assessment", "median_days"] == 20 and fr.loc["assessment", "left"] == 1
    assert fr.loc["idea", "median_days_now"] == 30  # C only: 2 Dec to 1 Jan


def test_empty_register():
    from svcops.store import Workspace

    with Workspace() as ws:
        f = inn.funnel(ws)
        assert f.total == 0 and f.kill_rate is None and f.frame["count"].sum() == 0
        assert inn.business_cases(ws).empty
        assert inn.portfolio_case(ws) is None
        assert inn.rate_sensitivity(ws).empty and inn.delay_sensitivity(ws).empty
        assert inn.measure_all(ws, inn.Filters()).empty


def test_business_cases_and_portfolio_by_hand(ws, workbook):
    _register(
        ws,
        workbook,
        [
            {
                "ID": "P1",
                "Name": "pays",
                "Stage": "pilot",
                "Investment": 1_000,
                "Expected benefit": 300,
                "Running cost": 0,
            },
            {
                "ID": "P2",
                "Name": "no benefit",
                "Stage": "idea",
                "Investment": 500,
                "Running cost": 100,
            },
            {
                "ID": "P3",
                "Name": "stopped",
                "Stage": "stopped",
                "Investment": 9_999,
                "Expected benefit": 1,
            },
        ],
        sheet="initiatives",
    )
    cases = inn.business_cases(ws, rate=0.10, years=5).set_index("initiative_id")
    annuity = (1 - 1.1**-5) / 0.1
    assert cases.loc["P1", "npv"] == pytest.approx(-1_000 + 300 * annuity)
    assert cases.loc["P1", "roi"] == pytest.approx(0.5)
    assert cases.loc["P1", "payback_years"] == pytest.approx(10 / 3)
    assert cases.loc["P1", "npv_per_investment"] == pytest.approx((-1_000 + 300 * annuity) / 1_000)
    assert cases.loc["P2", "npv"] == pytest.approx(-500 - 100 * annuity)
    assert cases.loc["P2", "roi"] == pytest.approx(-2.0)
    assert pd.isna(cases.loc["P2", "irr"]) and pd.isna(cases.loc["P2", "payback_years"])
    # The portfolio leaves the stopped one out: flows -1500, then 200 a year.
    port = inn.portfolio_case(ws, rate=0.10, years=5)
    assert list(port.flows) == [-1_500, 200, 200, 200, 200, 200]
    assert port.npv == pytest.approx(cases.loc["P1", "npv"] + cases.loc["P2", "npv"])
    assert port.payback_years is None  # 1,000 of 1,500 back in five years
    rates = inn.rate_sensitivity(ws, years=5)
    assert rates.loc[rates["rate"] == 0.0, "npv"].item() == pytest.approx(-500)
    assert rates["npv"].is_monotonic_decreasing
    delays = inn.delay_sensitivity(ws, rate=0.10, years=5).set_index("delay")["npv"]
    # A year's delay loses year 1's 300 of benefit, worth 300/1.1 today.
    assert delays[1.0] == pytest.approx(delays[0.0] - 300 / 1.1)
    assert delays[0.5] == pytest.approx(delays[0.0] - 150 / 1.1)


def test_budget_fit_greedy_by_npv_per_investment():
    cases = pd.DataFrame(
        {
            "initiative_id": ["A", "B", "C", "D", "E"],
            "stage": ["idea", "pilot", "assessment", "idea", "scaled"],
            "investment": [100.0, 200.0, 50.0, 300.0, 10.0],
            "npv": [150.0, 400.0, 25.0, -10.0, 100.0],
        }
    )
    cases["npv_per_investment"] = cases["npv"] / cases["investment"]
    fit = inn.budget_fit(cases, 260)
    # D loses money, E is already scaled: B (2.0), A (1.5), C (0.5).
    assert fit["initiative_id"].tolist() == ["B", "A", "C"]
    assert fit["rank"].tolist() == [1, 2, 3]
    # B takes 200 of 260; A (100) no longer fits; C (50) does.
    assert fit["fits"].tolist() == [True, False, True]
    assert fit["cumulative_investment"].tolist() == [200, 200, 250]
    assert fit["cumulative_npv"].tolist() == [400, 400, 425]
    every = inn.budget_fit(cases, 1_000, stages=inn.STAGES)
    assert every["initiative_id"].tolist() == ["E", "B", "A", "C"]
    assert every["fits"].all()


def test_stage_words():
    assert inn.stage_of(" Proof of concept ") == "pilot"
    assert inn.stage_of("已停止") == "stopped"
    assert inn.stage_of("规模化") == "scaled"
    assert inn.stage_of(None) == "other" and inn.stage_of("parked") == "other"
