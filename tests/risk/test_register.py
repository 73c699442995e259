"""The risk register worked by hand: word scales in both languages, imported from real
Excel files; scores and bands at their boundaries; overdue mitigations and stale
reviews; heat-map cells and movement; score history and what changed since a review."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from svcops import risk
from svcops.i18n import render
from svcops.ingest import import_paths
from svcops.risk.scale import is_three_level, scale_value, scale_vocab
from svcops.store import Workspace
from tests.conftest import write_workbook

AS_OF = date(2024, 3, 21)


# --------------------------------------------------------------------------- scales


@pytest.mark.parametrize(
    "word, level",
    [
        ("Rare", 1),
        ("Unlikely", 2),
        ("Possible", 3),
        ("Likely", 4),
        ("Almost certain", 5),
        ("almost-certain", 5),
        ("Insignificant", 1),
        ("Minor", 2),
        ("Moderate", 3),
        ("Major", 4),
        ("Catastrophic", 5),
        ("Very low", 1),
        ("Low", 2),
        ("Medium", 3),
        ("High", 4),
        ("Very high", 5),
        ("很低", 1),
        ("低", 2),
        ("中", 3),
        ("高", 4),
        ("很高", 5),
        ("罕见", 1),
        ("不太可能", 2),
        ("可能", 3),
        ("很可能", 4),
        ("几乎确定", 5),
        ("轻微", 1),
        ("较小", 2),
        ("中等", 3),
        ("重大", 4),
        ("灾难性", 5),
        (1, 1),
        (5.0, 5),
        ("4", 4),
        ("4 - Likely", 4),
        ("Likely (4)", 4),
        ("L3", 3),
        ("3级", 3),
    ],
)
def test_words_and_numbers_map_to_levels(word, level):
    assert scale_value(word) == level


@pytest.mark.parametrize("bad", [0, 6, 2.5, "7", "sometimes", "", None, True])
def test_values_off_the_scale_are_not_guessed(bad):
    assert scale_value(bad) is None


def test_a_three_level_column_spans_the_matrix():
    assert is_three_level(["高", "中", "低", "高"]) and is_three_level(["High", "low"])
    assert not is_three_level(["高", "很高"]) and not is_three_level(["高", "3"])
    assert scale_vocab(["低", "中", "高"]) == {"低": "1", "中": "3", "高": "5"}
    # A five-level mix keeps each word at its own level.
    assert scale_vocab(["低", "很高", "中"]) == {"低": "2", "很高": "5", "中": "3"}


# --------------------------------------------------------------------------- import

ENGLISH = [
    # inherent 5x4=20 critical, residual 4x3=12 high, target 3x3=9; due 20 days ago;
    # reviewed 2023-12-01 on a 90-day cycle: due 2024-02-29, stale.
    {
        "Risk ID": "R-1",
        "Risk title": "Backlog outgrows the team",
        "Likelihood": "Almost certain",
        "Impact": "Major",
        "Residual likelihood": "Likely",
        "Residual impact": "Moderate",
        "Target likelihood": "Possible",
        "Target impact": "Moderate",
        "Owner": "Ann",
        "Status": "Open",
        "Mitigation": "Hire two",
        "Due date": "2024-03-01",
        "Last review": "2023-12-01",
        "Review cycle": 90,
        "Linked indicators": "backlog_growth; Single-agent share",
        "Date raised": "2023-06-01",
    },
    # 3x5=15 high, no residual (counts as inherent); due 2024-03-10: overdue 11 days,
    # fell due after the review of 2024-03-05; reviewed 2024-03-01, default cycle.
    {
        "Risk ID": "R-2",
        "Risk title": "Outage",
        "Likelihood": "3 - Possible",
        "Impact": "Catastrophic",
        "Owner": "Bo",
        "Status": "Mitigating",
        "Due date": "2024-03-10",
        "Last review": "2024-03-01",
        "Date raised": "2023-06-01",
    },
    # Closed: neither overdue nor stale however old.
    {
        "Risk ID": "R-3",
        "Risk title": "Old one",
        "Likelihood": "Rare",
        "Impact": "Insignificant",
        "Status": "Closed",
        "Due date": "2024-01-01",
        "Last review": "2023-01-01",
        "Date raised": "2022-01-01",
    },
    # 2x3=6 medium -> residual 1x3=3 low; never reviewed: stale.
    {
        "Risk ID": "R-4",
        "Risk title": "Numbers",
        "Likelihood": 2,
        "Impact": 3,
        "Residual likelihood": 1,
        "Residual impact": 3,
        "Date raised": "2023-06-01",
    },
    # 5x2=10 medium, residual the same cell; raised after the review: new.
    {
        "Risk ID": "R-5",
        "Risk title": "New one",
        "Likelihood": "Very high",
        "Impact": "Minor",
        "Residual likelihood": "very high",
        "Residual impact": "minor",
        "Last review": "2024-03-15",
        "Date raised": "2024-03-15",
    },
    # Closed since the review (its last review is after it).
    {
        "Risk ID": "R-7",
        "Risk title": "Closed lately",
        "Likelihood": "Low",
        "Impact": "Low",
        "Status": "Closed",
        "Last review": "2024-03-12",
        "Date raised": "2023-06-01",
    },
    # Not a level: the row is set aside with the reason.
    {"Risk ID": "R-6", "Risk title": "Vague", "Likelihood": "sometimes", "Impact": "Major"},
]


@pytest.fixture
def english(tmp_path):
    path = write_workbook(tmp_path / "register.xlsx", {"Risk register": ENGLISH})
    with Workspace(tmp_path / "ws.duckdb") as ws:
        report = import_paths(ws, [path])
        yield ws, report


def test_english_register_imports_with_words(english):
    ws, report = english
    (sheet,) = report.sheets
    assert sheet.table == "risks" and sheet.rows == 6 and sheet.rejected == 1
    stored = ws.query(
        "SELECT risk_id, likelihood, impact, residual_likelihood, residual_impact, "
        "target_likelihood, target_impact, review_cycle_days, indicators FROM risks "
        "ORDER BY risk_id"
    ).set_index("risk_id")
    assert stored.loc["R-1"].tolist() == [
        5,
        4,
        4,
        3,
        3,
        3,
        90,
        "backlog_growth; Single-agent share",
    ]
    assert stored.loc["R-2", ["likelihood", "impact"]].tolist() == [3, 5]
    assert stored.loc["R-5", ["residual_likelihood", "residual_impact"]].tolist() == [5, 2]
    reasons = ws.rejects()
    assert "sometimes" in reasons["reason"].iloc[0] and "1-5" in reasons["reason"].iloc[0]


CHINESE = [
    {"风险编号": "F-1", "风险名称": "系统宕机", "可能性": "很高", "影响": "灾难性", "状态": "打开"},
    {"风险编号": "F-2", "风险名称": "人员流失", "可能性": "较低", "影响": "轻微", "状态": "打开"},
    {"风险编号": "F-3", "风险名称": "供应商违约", "可能性": "中等", "影响": "重大", "状态": "打开"},
]


def test_chinese_register_imports_with_words(tmp_path):
    path = write_workbook(tmp_path / "风险登记册.xlsx", {"风险登记册": CHINESE})
    with Workspace(tmp_path / "ws.duckdb") as ws:
        report = import_paths(ws, [path])
        assert report.sheets[0].table == "risks" and report.sheets[0].rejected == 0
        reg = risk.register(ws, AS_OF).set_index("risk_id")
        # 5x5 = 25 critical; 2x1 = 2 low; 3x4 = 12 high.
        assert reg.loc["F-1", ["score", "band"]].tolist() == [25, "critical"]
        assert reg.loc["F-2", ["score", "band"]].tolist() == [2, "low"]
        assert reg.loc["F-3", ["score", "band"]].tolist() == [12, "high"]


def test_a_three_level_register_is_read_as_one_three_five(tmp_path):
    rows = [
        {"风险编号": "T-1", "风险名称": "甲", "可能性": "高", "影响": "高"},
        {"风险编号": "T-2", "风险名称": "乙", "可能性": "中", "影响": "低"},
        {"风险编号": "T-3", "风险名称": "丙", "可能性": "低", "影响": "中"},
    ]
    path = write_workbook(tmp_path / "r.xlsx", {"风险": rows})
    with Workspace(tmp_path / "ws.duckdb") as ws:
        report = import_paths(ws, [path])
        got = ws.query("SELECT risk_id, likelihood, impact FROM risks ORDER BY 1")
        assert got.values.tolist() == [["T-1", 5, 5], ["T-2", 3, 1], ["T-3", 1, 3]]
        notes = [render(n, "zh") for n in report.sheets[0].notes]
        assert any("低 / 中 / 高 按五级量表读作 1 / 3 / 5" in n for n in notes)
        assert any("1 / 3 / 5" in render(n) for n in report.sheets[0].notes)


@pytest.mark.parametrize(
    "text", ["2.5", "4.5", "L2.5", "1.5 - Low", "3.5.1", "High (2)", "Low (5)", "3 - High"]
)
def test_a_fraction_or_a_word_that_contradicts_its_number_is_not_guessed(text):
    # "2.5" once read as "2 - 5" (level 2), and a word beside a number was never checked.
    assert scale_value(text) is None


def test_a_fraction_in_a_column_of_words_is_rejected_not_cut_to_its_whole_part(tmp_path):
    rows = [
        {"Risk ID": "F-1", "Title": "a", "Likelihood": 2.5, "Impact": "Major"},
        {"Risk ID": "F-2", "Title": "b", "Likelihood": "Likely", "Impact": "4.5"},
        {"Risk ID": "F-3", "Title": "c", "Likelihood": "2.0", "Impact": "Likely (4)"},
    ]
    path = write_workbook(tmp_path / "r.xlsx", {"Risks": rows})
    with Workspace(tmp_path / "ws.duckdb") as ws:
        import_paths(ws, [path])
        got = ws.query("SELECT risk_id, likelihood, impact FROM risks ORDER BY 1")
        assert got.values.tolist() == [["F-3", 2, 4]]
        assert ws.scalar("SELECT count(*) FROM rejects") == 2


# --------------------------------------------------------------------------- bands


@pytest.mark.parametrize(
    "score, band",
    [(25, "critical"), (20, "critical"), (19, "high"), (12, "high"), (11, "medium")]
    + [(6, "medium"), (5, "low"), (1, "low")],
)
def test_default_bands_at_their_boundaries(score, band):
    assert risk.Bands().band(score) == band


@pytest.mark.parametrize(
    "score, band",
    [(15, "critical"), (14, "high"), (10, "high"), (9, "medium"), (4, "medium")] + [(3, "low")],
)
def test_bands_the_user_sets(score, band):
    assert risk.Bands(15, 10, 4).band(score) == band


@pytest.mark.parametrize(
    "args, key",
    [
        ((12, 12, 6), "risk.error.band_order"),
        ((20, 6, 12), "risk.error.band_order"),
        ((26, 12, 6), "risk.error.band_range"),
        ((20, 12, 1), "risk.error.band_range"),
        ((20.5, 12, 6), "risk.error.band_whole"),
    ],
)
def test_bands_that_do_not_rise_are_refused(args, key):
    with pytest.raises(risk.RiskError) as err:
        risk.Bands(*args)
    assert err.value.message.key == key


# --------------------------------------------------------------------------- register


def test_register_scores_overdue_and_stale(english):
    ws, _ = english
    reg = risk.register(ws, AS_OF).set_index("risk_id")
    r1 = reg.loc["R-1"]
    assert (r1["score"], r1["band"], r1["residual_score"], r1["residual_band"]) == (
        20,
        "critical",
        12,
        "high",
    )
    assert r1["target_score"] == 9 and r1["indicators"] == ("backlog_growth", "single_agent_share")
    assert r1["overdue"] and r1["days_overdue"] == 20
    assert r1["next_review"] == date(2024, 2, 29) and r1["stale"]
    r2 = reg.loc["R-2"]
    # No residual: the inherent 3 x 5 stands.
    assert (r2["residual_score"], bool(r2["residual_given"])) == (15, False)
    assert r2["overdue"] and r2["days_overdue"] == 11
    assert r2["next_review"] == date(2024, 5, 30) and not r2["stale"]
    assert (
        reg.loc["R-3", "closed"] and not reg.loc["R-3", "overdue"] and not reg.loc["R-3", "stale"]
    )
    assert reg.loc["R-4", "stale"] and reg.loc["R-4", "next_review"] is None
    assert (reg.loc["R-4", "band"], reg.loc["R-4", "residual_band"]) == ("medium", "low")
    # Open risks first, highest residual score first.
    # Closed last: R-7 (2 x 2 = 4) before R-3 (1 x 1).
    assert list(risk.register(ws, AS_OF)["risk_id"]) == ["R-2", "R-1", "R-5", "R-4", "R-7", "R-3"]
    assert list(risk.top_risks(risk.register(ws, AS_OF), 2)["risk_id"]) == ["R-2", "R-1"]


def test_heat_cells_and_movement(english):
    ws, _ = english
    reg = risk.register(ws, AS_OF)
    residual = risk.heat_cells(reg, "residual").set_index(["likelihood", "impact"])
    assert len(residual) == 25 and residual["count"].sum() == 4  # open
    assert residual.loc[(4, 3), ["count", "ids"]].tolist() == [1, "R-1"]
    assert residual.loc[(3, 5), ["count", "ids", "band"]].tolist() == [1, "R-2", "high"]
    assert residual.loc[(1, 3), "ids"] == "R-4" and residual.loc[(5, 2), "ids"] == "R-5"
    inherent = risk.heat_cells(reg, "inherent").set_index(["likelihood", "impact"])
    assert inherent.loc[(5, 4), "ids"] == "R-1" and inherent.loc[(2, 3), "ids"] == "R-4"
    target = risk.heat_cells(reg, "target")
    assert target["count"].sum() == 1 and target.loc[target["count"] == 1, "ids"].item() == "R-1"
    moves = risk.movements(reg)
    assert sorted(
        map(
            tuple,
            moves[["from_likelihood", "from_impact", "to_likelihood", "to_impact"]].values.tolist(),
        )
    ) == [
        (2, 3, 1, 3),
        (5, 4, 4, 3),
    ]


def test_appetite_marks_residual_scores_at_or_above_it(english):
    ws, _ = english
    reg = risk.register(ws, AS_OF)
    outside = reg.loc[risk.out_of_appetite(reg, 12), "risk_id"].tolist()
    assert outside == ["R-2", "R-1"]  # 15 and 12; R-5 is 10
    assert reg.loc[risk.out_of_appetite(reg, 16), "risk_id"].tolist() == []


def test_score_change_is_kept_with_its_date_and_shows_as_a_move(english):
    ws, _ = english
    risk.record_score(ws, "R-4", date(2024, 3, 10), 4, 3, 3, 3, changed_by="Cy", note="backlog")
    history = risk.load_history(ws)
    assert history[
        ["risk_id", "changed_on", "likelihood", "impact", "changed_by"]
    ].values.tolist() == [["R-4", date(2024, 3, 10), 4, 3, "Cy"]]
    reg = risk.register(ws, AS_OF).set_index("risk_id")
    assert (reg.loc["R-4", "score"], reg.loc["R-4", "residual_score"]) == (12, 9)
    assert reg.loc["R-4", "changed_on"] == date(2024, 3, 10)
    # Before the change the register's own scores stand.
    then = risk.register(ws, AS_OF, history_until=date(2024, 3, 9)).set_index("risk_id")
    assert then.loc["R-4", "residual_score"] == 3
    changes = risk.changes_since(ws, date(2024, 3, 5), AS_OF)
    assert changes[["risk_id", "change", "before", "after"]].astype(object).values.tolist() == [
        ["R-5", "new", pd.NA, 10],
        ["R-7", "closed", pd.NA, 4],
        ["R-4", "up", 3, 9],
        ["R-2", "overdue", pd.NA, 15],
    ]
    # A second decision the same day replaces the first; a later one moves it down.
    risk.record_score(ws, "R-4", date(2024, 3, 10), 4, 3, 2, 3)
    risk.record_score(ws, "R-4", date(2024, 3, 18), 2, 3, 1, 2)
    assert len(risk.load_history(ws)) == 2
    moved = risk.changes_since(ws, date(2024, 3, 12), AS_OF).set_index("risk_id")
    assert moved.loc["R-4", ["change", "before", "after"]].tolist() == ["down", 6, 2]


@pytest.mark.parametrize(
    "args, key",
    [
        (("R-4", date(2024, 3, 1), 6, 3), "risk.error.level"),
        (("R-4", date(2024, 3, 1), 2.5, 3), "risk.error.level"),
        (("R-4", date(2024, 3, 1), 2, 3, 0), "risk.error.level"),
        (("R-9", date(2024, 3, 1), 2, 3), "risk.error.unknown_risk"),
    ],
)
def test_score_changes_that_cannot_be_kept(english, args, key):
    ws, _ = english
    with pytest.raises(risk.RiskError) as err:
        risk.record_score(ws, *args)
    assert err.value.message.key == key
    assert risk.load_history(ws).empty


def test_parse_indicators():
    assert risk.parse_indicators("backlog_growth; Reopen rate，sla-breach-rate") == (
        "backlog_growth",
        "reopen_rate",
        "sla_breach_rate",
    )
    assert risk.parse_indicators(None) == () and risk.parse_indicators("") == ()


def test_indicators_linked_by_the_names_the_page_shows(tmp_path):
    # A register that copied an indicator's name from the page (or wrote it in Chinese)
    # once linked nothing: "Single-agent dependency" is not the key single_agent_share.
    assert risk.parse_indicators(
        "Single-agent dependency; 积压 4 个周期增长率、SLA 违约率，重开率; Backlog open > 14 days"
    ) == (
        "single_agent_share",
        "backlog_growth",
        "sla_breach_rate",
        "reopen_rate",
        "backlog_ageing",
    )
    assert risk.parse_indicators("P1 median resolution (h), made-up thing") == (
        "p1_resolution_hours",
        "made_up_thing",
    )
    rows = [
        {"风险编号": "Z-1", "风险名称": "甲", "可能性": 3, "影响": 3, "关联风险指标": "单人依赖度"}
    ]
    with Workspace(tmp_path / "ws.duckdb") as ws:
        import_paths(ws, [write_workbook(tmp_path / "r.xlsx", {"风险": rows})])
        reg = risk.register(ws, AS_OF)
    assert reg["indicators"].tolist() == [("single_agent_share",)]
    assert risk.unknown_links(reg).empty


def test_history_and_thresholds_sheets_import_by_their_names(english, tmp_path):
    ws, _ = english
    book = write_workbook(
        tmp_path / "more.xlsx",
        {
            # A decision with its level as a word, and the page's thresholds (Chinese name).
            "Risk history": [
                {"Risk ID": "R-4", "Changed on": "2024-03-10", "Likelihood": "Likely", "Impact": 3}
            ],
            "风险指标阈值": [{"indicator": "reopen_rate", "amber": 0.1, "red": 0.2, "periods": 2}],
        },
    )
    report = import_paths(ws, [book])
    assert [(s.table, s.rows, s.rejected) for s in report.sheets] == [
        ("risk_history", 1, 0),
        ("kri_thresholds", 1, 0),
    ]
    reg = risk.register(ws, AS_OF).set_index("risk_id")
    assert (reg.loc["R-4", "score"], reg.loc["R-4", "changed_on"]) == (12, date(2024, 3, 10))
    th = risk.load_thresholds(ws).set_index("indicator")
    assert th.loc["reopen_rate", ["amber", "red", "periods", "stored"]].tolist() == [
        0.1,
        0.2,
        2,
        True,
    ]


@pytest.mark.parametrize(
    ("cycle", "last", "next_review", "stale"),
    [
        # Millions of days (a typo) once put the next review past 9999: OverflowError, and
        # the page failed. A cycle not in 1-3650 days reads as the default 90.
        (3_000_000, "2024-01-01", date(2024, 3, 31), False),
        (10**12, "2024-01-01", date(2024, 3, 31), False),
        (3650, "2014-01-01", date(2023, 12, 30), True),  # ten years is still a cycle
        (0, "2023-12-01", date(2024, 2, 29), True),
        # A review dated near the end of the calendar is due at its end, not never.
        (90, datetime(9999, 12, 1), date.max, False),
    ],
)
def test_a_review_cycle_out_of_reason_does_not_break_the_register(
    tmp_path, cycle, last, next_review, stale
):
    rows = [
        {
            "Risk ID": "C-1",
            "Risk title": "Cycle",
            "Likelihood": 2,
            "Impact": 2,
            "Last review": last,
            "Review cycle": cycle,
        }
    ]
    with Workspace(tmp_path / "ws.duckdb") as ws:
        import_paths(ws, [write_workbook(tmp_path / "r.xlsx", {"Risks": rows})])
        assert ws.scalar("SELECT review_cycle_days FROM risks") == cycle
        got = risk.register(ws, date(2024, 3, 1)).iloc[0]
    assert (got["next_review"], bool(got["stale"])) == (next_review, stale)
