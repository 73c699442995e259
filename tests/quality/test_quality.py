"""SPC charts, Western Electric rules, CSAT/NPS, Pareto and SERVQUAL, worked by hand."""

from __future__ import annotations

import math
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from svcops import quality as q
from svcops.filters import Filters
from svcops.i18n import Message, render
from svcops.ingest import import_paths
from svcops.kpi import compute
from svcops.sample import SPIKE_DATES

D = datetime


def _series(values, start="2024-03-01"):
    return pd.DataFrame(
        {"date": pd.date_range(start, periods=len(values), freq="D"), "value": values}
    )


def _flagged(frame: pd.DataFrame, rule: int) -> list[int]:
    return [int(i) for i in np.flatnonzero(frame[f"rule_{rule}"].to_numpy())]


# --------------------------------------------------------------------------- XmR


def test_individuals_limits_worked_by_hand():
    chart = q.individuals_chart(_series([10, 12, 11, 14, 13]), "value")
    # mean = 60 / 5 = 12; moving ranges 2, 1, 3, 1 -> MR-bar = 7 / 4 = 1.75
    sigma = 1.75 / 1.128  # = 1.551418...
    assert chart.centre == pytest.approx(12)
    assert chart.mr_bar == pytest.approx(1.75)
    assert chart.sigma == pytest.approx(sigma)
    assert chart.sigma == pytest.approx(1.5514184397)
    assert chart.ucl == pytest.approx(12 + 3 * sigma)  # 16.654255
    assert chart.lcl == pytest.approx(12 - 3 * sigma)  # 7.345745
    assert chart.ucl == pytest.approx(16.6542553191)
    assert chart.mr_ucl == pytest.approx(3.267 * 1.75)  # 5.71725
    assert chart.frame["moving_range"].tolist()[1:] == [2, 1, 3, 1]
    assert math.isnan(chart.frame["moving_range"].iloc[0])
    assert not chart.frame["out_of_control"].any()
    assert render(chart.baseline) == "all points (5 points)"
    assert chart.baseline == Message("quality.baseline.all", {"n": 5})
    mr = chart.moving_range_chart()
    assert list(mr.columns) == ["date", "moving_range", "centre", "ucl", "lcl", "beyond_ucl"]
    assert len(mr) == 4 and (mr["lcl"] == 0).all() and mr["ucl"].iloc[0] == pytest.approx(5.71725)
    assert chart.violations().empty
    assert list(chart.violations().columns) == ["date", "value", "rule", "description"]


def test_individuals_lcl_negative_unless_floored():
    # mean 3, MR-bar 4, sigma 4 / 1.128 = 3.546; LCL = 3 - 10.638 = -7.638
    values = _series([1, 5, 1, 5])
    assert q.individuals_chart(values, "value").lcl == pytest.approx(3 - 3 * 4 / 1.128)
    floored = q.individuals_chart(values, "value", floor=0)
    assert floored.lcl == 0
    assert (floored.frame["lcl"] == 0).all()
    assert floored.sigma == pytest.approx(4 / 1.128)  # the floor moves the line, not sigma


def test_baseline_period_sets_centre_and_mr_bar():
    # Five stable days, then a shift; the MR across the shift is outside the baseline.
    frame = _series([10, 12, 11, 14, 13, 30, 32, 31])
    everything = q.individuals_chart(frame, "value")
    assert everything.centre == pytest.approx((60 + 93) / 8)
    base = q.individuals_chart(frame, "value", baseline=(date(2024, 3, 1), date(2024, 3, 5)))
    assert base.centre == pytest.approx(12)
    assert base.mr_bar == pytest.approx(1.75)  # not (2+1+3+1+17+2+1)/7
    assert render(base.baseline) == "2024-03-01 to 2024-03-05 (5 points)"
    assert render(base.baseline, "zh") == "2024-03-01 至 2024-03-05（5 个点）"
    assert base.frame["baseline"].tolist() == [True] * 5 + [False] * 3
    assert _flagged(base.frame, 1) == [5, 6, 7]  # 30+ is far beyond 16.65
    # A boolean mask selecting the same rows gives the same limits.
    masked = q.individuals_chart(frame, "value", baseline=[True] * 5 + [False] * 3)
    assert masked.centre == base.centre and masked.sigma == base.sigma
    series_mask = q.individuals_chart(frame, "value", baseline=frame["value"] < 20)
    assert series_mask.ucl == pytest.approx(base.ucl)


def test_individuals_missing_values_excluded_with_reason():
    frame = _series([10.0, np.nan, 12.0, 11.0])
    chart = q.individuals_chart(frame, "value")
    assert len(chart.frame) == 3
    assert chart.excluded["reason"].tolist() == ["no value"]
    assert chart.excluded["date"].iloc[0] == pd.Timestamp("2024-03-02")
    # Moving ranges run over the charted points: |12-10|, |11-12|.
    assert chart.mr_bar == pytest.approx(1.5)


@pytest.mark.parametrize(
    ("values", "baseline", "note", "rule_1"),
    [
        ([], None, True, []),  # empty frame
        ([7.0], None, True, []),  # one point: no moving range
        ([5, 5, 5, 5], None, False, []),  # zero variance: limits = centre, no flags
        ([5, 5, 5, 5, 6], [True] * 4 + [False], False, [4]),  # any departure from 0-sigma
    ],
)
def test_individuals_edge_cases(values, baseline, note, rule_1):
    chart = q.individuals_chart(_series(values), "value", baseline=baseline)
    assert (chart.note is not None) == note
    assert _flagged(chart.frame, 1) == rule_1
    if note:
        assert chart.sigma is None and chart.ucl is None
        assert not chart.frame["out_of_control"].any()


def test_notes_and_baselines_are_keys_worded_in_both_languages():
    one = q.individuals_chart(_series([7.0]), "value")
    assert one.note == Message("quality.note.too_few_baseline", {"n": 1})
    assert render(one.note) == (
        "the baseline needs at least 2 consecutive points to estimate sigma; it has 1"
    )
    assert render(one.baseline) == "all points (1 point)"
    picked = q.individuals_chart(_series([1, 2, 3]), "value", baseline=[True, True, False])
    assert render(picked.baseline) == "selected points (2 points)"
    assert render(picked.baseline, "zh") == "所选点（2 个点）"
    one_picked = q.individuals_chart(_series([1, 2]), "value", baseline=[True, False])
    assert render(one_picked.baseline) == "selected points (1 point)"
    one_day = q.individuals_chart(
        _series([1, 2]), "value", baseline=(date(2024, 3, 1), date(2024, 3, 1))
    )
    assert render(one_day.baseline) == "2024-03-01 to 2024-03-01 (1 point)"
    assert render(one_day.baseline, "zh") == "2024-03-01 至 2024-03-01（1 个点）"
    empty = q.p_chart(
        pd.DataFrame({"date": pd.date_range("2024-03-01", periods=2), "d": [0, 1], "n": [0, 2]}),
        "d",
        "n",
        baseline=[True, False],
    )
    assert render(empty.note) == "the baseline has no items to judge; no limits"
    assert render(empty.note, "zh") == "基准期没有可判定的项目；无法给出控制限"


def test_individuals_rejects_bad_inputs():
    with pytest.raises(ValueError, match="no column"):
        q.individuals_chart(_series([1, 2]), "missing")
    with pytest.raises(ValueError, match="one value per date"):
        q.individuals_chart(pd.DataFrame({"date": ["2024-01-01"] * 2, "value": [1, 2]}), "value")
    with pytest.raises(ValueError, match="mask has 1 values for 2 rows"):
        q.individuals_chart(_series([1, 2]), "value", baseline=[True])


# --------------------------------------------------------------------------- p-chart


def test_p_chart_limits_vary_with_n_and_n0_is_excluded():
    frame = pd.DataFrame(
        {
            "date": pd.date_range("2024-03-01", periods=4, freq="D"),
            "breached": [4, 6, 40, 0],
            "done": [20, 80, 400, 0],
        }
    )
    chart = q.p_chart(frame, "breached", "done")
    # p-bar = 50 / 500 = 0.1; p(1-p) = 0.09, so sigma_i = 0.3 / sqrt(n_i)
    assert chart.centre == pytest.approx(0.1)
    f = chart.frame
    assert f["value"].tolist() == pytest.approx([0.2, 0.075, 0.1])
    assert f["sigma"].tolist() == pytest.approx([0.3 / math.sqrt(20), 0.3 / math.sqrt(80), 0.015])
    # n = 20: 0.1 +- 0.201246 -> UCL 0.301246, LCL floored at 0
    # n = 80: 0.1 +- 0.100623 -> UCL 0.200623, LCL -0.000623 floored at 0
    # n = 400: 0.1 +- 0.045 -> UCL 0.145, LCL 0.055
    assert f["ucl"].tolist() == pytest.approx([0.3012461180, 0.2006230590, 0.145])
    assert f["lcl"].tolist() == pytest.approx([0.0, 0.0, 0.055])
    assert f["n"].tolist() == [20, 80, 400] and f["n"].dtype == "int64"
    assert chart.excluded.to_dict("records") == [
        {"date": pd.Timestamp("2024-03-04"), "reason": "n = 0: no items to judge"}
    ]
    assert not f["out_of_control"].any()
    assert chart.sigma is None and chart.mr_bar is None


def test_p_chart_ucl_capped_at_one_and_rule_uses_point_sigma():
    frame = pd.DataFrame(
        {"date": pd.date_range("2024-03-01", periods=3, freq="D"), "d": [1, 0, 9], "n": [2, 1, 10]}
    )
    chart = q.p_chart(frame, "d", "n", baseline=[True, True, False])
    # p-bar = 1 / 3 over the baseline; n = 1: 1/3 + 3*sqrt(2/9) = 1.747 -> capped at 1
    assert chart.centre == pytest.approx(1 / 3)
    assert chart.frame["ucl"].iloc[1] == 1.0
    # day 3: p = 0.9, sigma = sqrt(2/9/10) = 0.149; z = (0.9-0.333)/0.149 = 3.80 -> rule 1
    assert _flagged(chart.frame, 1) == [2]


def test_p_chart_bad_rows_are_listed_not_dropped():
    frame = pd.DataFrame(
        {
            "date": pd.date_range("2024-03-01", periods=4, freq="D"),
            "d": [1, 5, -1, np.nan],
            "n": [10, 3, 4, 5],
        }
    )
    chart = q.p_chart(frame, "d", "n")
    assert len(chart.frame) == 1
    assert chart.excluded["reason"].tolist() == [
        "more defects than items",
        "negative count",
        "defects or n missing",
    ]


# --------------------------------------------------------------------------- rules


@pytest.mark.parametrize(
    ("z", "rule", "flagged"),
    [
        # rule 1: beyond 3 sigma, either side; exactly on the limit is not beyond
        ([0, 3.5, 0], 1, [1]),
        ([0, -3.2, 0], 1, [1]),
        ([0, 3.0, 2.99], 1, []),
        # rule 2: 2 of 3 beyond 2 sigma on one side; flags the completing point
        ([0, 2.5, 0, 2.5], 2, [3]),
        ([0, 2.5, 2.5, 0], 2, [2]),
        ([2.5, 2.5], 2, [1]),  # the start of the series counts
        ([-2.5, 0, -3.5], 2, [2]),
        ([2.5, 0, 0, 2.5], 2, []),  # near miss: 1 of 3
        ([2.5, -2.5, 0], 2, []),  # opposite sides
        # rule 3: 4 of 5 beyond 1 sigma on one side
        ([1.5, 1.5, 0, 1.5, 1.5], 3, [4]),
        ([-1.5, -1.5, -1.5, -1.5], 3, [3]),
        ([1.5, 0, 1.5, 0, 1.5, 1.5], 3, []),  # near miss: 3 of 5 in every window
        ([1.5, 1.5, 0, 1.5, -1.5], 3, []),
        # rule 4: 8 in a row on one side; every further point of the run flags again
        ([0.5] * 8, 4, [7]),
        ([-0.5] * 9, 4, [7, 8]),
        ([0.5] * 7, 4, []),  # near miss: 7
        ([0.5] * 7 + [0] + [0.5], 4, []),  # a point on the centre breaks the run
        ([0.5] * 4 + [-0.5] + [0.5] * 4, 4, []),
    ],
)
def test_western_electric_rules_and_near_misses(z, rule, flagged):
    assert _flagged(q.western_electric(z), rule) == flagged


def test_near_misses_fire_no_other_rule():
    assert not q.western_electric([2.5, 0, 0, 2.5]).any().any()
    assert not q.western_electric([0.5] * 7).any().any()
    assert not q.western_electric([1.5, 0, 1.5, 0, 1.5, 1.5]).any().any()


def test_chart_rules_follow_its_centre_and_sigma():
    # Baseline 10, 12, 10, 12: centre 11, MR-bar 2, sigma 2 / 1.128 = 1.7730. Then
    # eight points at 12 (z = 0.564) and one at 15 (z = 2.256, beyond 2 sigma).
    values = [10, 12, 10, 12] + [12] * 8 + [15]
    chart = q.individuals_chart(_series(values), "value", baseline=[True] * 4 + [False] * 9)
    assert chart.sigma == pytest.approx(2 / 1.128)
    # Points 3..12 are ten in a row above the centre: the 8th of the run (index 10)
    # fires rule 4, and each point after it fires again.
    assert _flagged(chart.frame, 4) == [10, 11, 12]
    # 15 is the only point beyond 2 sigma: 1 of 3, so no rule 2.
    assert _flagged(chart.frame, 2) == []
    v = chart.violations()
    assert v["rule"].tolist() == [4, 4, 4]
    assert v["description"].iloc[0] == q.RULE_DESCRIPTIONS[4]


# --------------------------------------------------------------------------- Pareto, NPS


def test_pareto_shares_and_vital_few():
    frame = pd.DataFrame(
        {"cat": ["C", "A", "E", "B", "D", "A"], "n": [10, 30, 4, 30, 6, 20]}
    )  # A listed twice: 50
    out = q.pareto(frame, "cat", "n")
    assert out["cat"].tolist() == ["A", "B", "C", "D", "E"]
    assert out["n"].tolist() == [50, 30, 10, 6, 4]
    assert out["share"].tolist() == pytest.approx([0.5, 0.3, 0.1, 0.06, 0.04])
    assert out["cumulative_share"].tolist() == pytest.approx([0.5, 0.8, 0.9, 0.96, 1.0])
    # B brings the cumulative share to exactly 80%: it is the last of the vital few
    assert out["vital_few"].tolist() == [True, True, False, False, False]


def test_pareto_vital_few_includes_the_category_crossing_80():
    out = q.pareto(pd.DataFrame({"c": ["w", "x", "y", "z"], "n": [40, 30, 20, 10]}), "c", "n")
    assert out["cumulative_share"].tolist() == pytest.approx([0.4, 0.7, 0.9, 1.0])
    assert out["vital_few"].tolist() == [True, True, True, False]
    ties = q.pareto(pd.DataFrame({"c": ["b", "a"], "n": [5, 5]}), "c", "n")
    assert ties["c"].tolist() == ["a", "b"]  # ties in name order
    empty = q.pareto(pd.DataFrame({"c": ["a"], "n": [0]}), "c", "n")
    assert not empty["vital_few"].any() and empty["share"].isna().all()
    with pytest.raises(ValueError, match="non-negative"):
        q.pareto(pd.DataFrame({"c": ["a"], "n": [-1]}), "c", "n")


def test_nps_on_a_hand_list():
    r = q.nps([10, 9, 9, 8, 7, 6, 0, 3, None, 10, float("nan")])
    # 9 answers: promoters 10 9 9 10 = 4, passives 8 7 = 2, detractors 6 0 3 = 3
    assert (r.n, r.promoters, r.passives, r.detractors) == (9, 4, 2, 3)
    assert r.promoter_share == pytest.approx(4 / 9)
    assert r.detractor_share == pytest.approx(3 / 9)
    assert r.nps == pytest.approx(100 * (4 - 3) / 9)  # 11.1 points
    assert q.nps([8.5, 9]).passives == 1
    assert q.nps([10, 10]).nps == 100 and q.nps([0]).nps == -100
    none = q.nps([])
    assert none.n == 0 and none.nps is None and none.promoter_share is None
    with pytest.raises(ValueError, match="from 0 to 10"):
        q.nps([11])
    with pytest.raises(ValueError, match="from 0 to 10"):
        q.nps(["9"])


# --------------------------------------------------------------------------- workspace


def _t(
    tid,
    created,
    resolved=None,
    priority="P3",
    *,
    sla=None,
    csat=None,
    reopen=None,
    category="Access",
    team="A",
):
    return {
        "ticket_id": tid,
        "created_at": created,
        "resolved_at": resolved,
        "priority": priority,
        "sla_hours": sla,
        "csat": csat,
        "reopen_count": reopen,
        "category": category,
        "team": team,
    }


# Period 2024-03-01..03-03. Policy: P1 4 h, P2 8 h, P3 24 h.
TICKETS = [
    _t("Q1", D(2024, 3, 1, 8), D(2024, 3, 1, 10), "P1", csat=5, reopen=0),  # 2 h, met
    _t("Q2", D(2024, 3, 1, 9), D(2024, 3, 1, 15), "P1", csat=2, reopen=1),  # 6 h, breach
    _t(
        "Q3", D(2024, 3, 1, 12), D(2024, 3, 2, 12), "P3", csat=4, reopen=0, category="Billing"
    ),  # 24 h = target
    _t(
        "Q4",
        D(2024, 3, 2, 8),
        D(2024, 3, 2, 18),
        "P2",
        csat=1,
        reopen=2,
        category="Billing",
        team="B",
    ),  # 10 h, breach
    _t("Q5", D(2024, 3, 2, 9), None, "P3", category="Network"),  # open
    _t(
        "Q6",
        D(2024, 3, 2, 10),
        D(2024, 3, 2, 11),
        "P4",
        sla=0.5,
        csat=4.5,
        reopen=0,
        category="Network",
    ),  # 1 h > 0.5 own
]
SURVEYS = [
    {
        "response_id": "S1",
        "date": D(2024, 3, 1),
        "nps": 10,
        "reliability_expectation": 7,
        "reliability_perception": 5,
        "tangibles_expectation": 4,
        "tangibles_perception": 5,
    },
    {
        "response_id": "S2",
        "date": D(2024, 3, 2),
        "nps": 6,
        "reliability_expectation": 6,
        "reliability_perception": 6,
        "tangibles_expectation": 6,
        "tangibles_perception": 5,
    },
    {
        "response_id": "S3",
        "date": D(2024, 3, 3),
        "nps": 8,
        "reliability_expectation": 5,
        "tangibles_perception": 3,
    },  # no pairs
    {
        "response_id": "S4",
        "date": D(2024, 3, 9),
        "nps": 0,
        "reliability_expectation": 1,
        "reliability_perception": 7,
    },  # outside
]
PERIOD = Filters(start=date(2024, 3, 1), end=date(2024, 3, 3))


@pytest.fixture
def qws(ws, workbook):
    import_paths(ws, [workbook({"tickets": TICKETS, "surveys": SURVEYS})])
    return ws


def test_daily_series_from_the_workspace(qws):
    med = q.daily_resolution_median(qws, PERIOD)
    assert med["date"].tolist() == list(pd.date_range("2024-03-01", periods=3, freq="D"))
    assert med["value"].tolist()[:2] == [4.0, 10.0]  # median(2, 6); median(24, 10, 1)
    assert math.isnan(med["value"].iloc[2]) and med["n"].tolist() == [2, 3, 0]
    sla = q.daily_sla_breaches(qws, PERIOD)
    assert sla["defects"].tolist() == [1, 2, 0]  # Q2; Q4 and Q6 (Q3 exactly met)
    assert sla["n"].tolist() == [2, 3, 0]
    assert 1 - sla["defects"].sum() / sla["n"].sum() == pytest.approx(
        compute(qws, PERIOD)["sla_attainment"]
    )
    vol = q.daily_volume(qws, PERIOD)
    assert vol["value"].tolist() == [3, 3, 0]
    chart = q.p_chart(sla, "defects", "n")
    assert chart.centre == pytest.approx(3 / 5)
    assert chart.excluded["reason"].tolist() == ["n = 0: no items to judge"]
    team_b = q.daily_sla_breaches(qws, Filters(start=PERIOD.start, end=PERIOD.end, teams=("B",)))
    assert team_b["n"].tolist() == [0, 1, 0]


def test_csat_distribution_has_all_five_scores(qws):
    dist = q.csat_distribution(qws, PERIOD)
    assert dist["score"].tolist() == [1, 2, 3, 4, 5]
    assert dist["count"].tolist() == [1, 1, 0, 1, 2]  # 4.5 counts as 5
    assert dist["share"].tolist() == pytest.approx([0.2, 0.2, 0.0, 0.2, 0.4])
    empty = q.csat_distribution(qws, Filters(start=date(2025, 1, 1), end=date(2025, 1, 2)))
    assert empty["count"].tolist() == [0] * 5 and empty["share"].isna().all()
    trend = q.csat_trend(qws, PERIOD, "day")
    assert trend["responses"].tolist() == [2, 3, 0]
    assert trend["csat_avg"].iloc[0] == pytest.approx(3.5)  # (5 + 2) / 2
    assert trend["top2_share"].iloc[1] == pytest.approx(2 / 3)  # 4 and 4.5 of 4, 1, 4.5
    assert trend["low_share"].iloc[1] == pytest.approx(1 / 3)


def test_defect_pareto_by_category(qws):
    out = q.defect_pareto(qws, PERIOD)
    by_type = {d: g for d, g in out.groupby("defect")}
    sla = by_type["sla_breach"]
    assert sla["category"].tolist() == ["Access", "Billing", "Network"]  # 1 each, name order
    assert sla["cumulative_share"].tolist() == pytest.approx([1 / 3, 2 / 3, 1.0])
    assert sla["vital_few"].all()
    assert by_type["reopen"]["category"].tolist() == ["Access", "Billing"]  # Q2, Q4
    assert by_type["low_csat"]["count"].tolist() == [1, 1]  # Q2 (2), Q4 (1)
    total = by_type["total"]
    assert total["count"].tolist() == [3, 3, 1]  # Access 1+1+1, Billing 1+1+1, Network 1
    assert total["cumulative_share"].tolist() == pytest.approx([3 / 7, 6 / 7, 1.0])
    assert total["vital_few"].tolist() == [True, True, False]
    assert out["defect"].unique().tolist() == list(q.DEFECT_TYPES)
    with pytest.raises(ValueError, match="by must be one of"):
        q.defect_pareto(qws, PERIOD, by="ticket_id; DROP TABLE tickets")


def test_servqual_gaps_and_survey_nps(qws):
    gaps = q.servqual_gaps(qws, PERIOD)
    assert gaps["dimension"].tolist() == ["tangibles", "reliability"]  # only rated ones
    tangibles, reliability = gaps.iloc[0], gaps.iloc[1]
    # tangibles pairs (4, 5), (6, 5): E 5, P 5, gap 0; S3's lone perception is left out
    assert (tangibles["expectation"], tangibles["perception"], tangibles["n"]) == (5, 5, 2)
    assert tangibles["gap"] == 0
    # reliability pairs (7, 5), (6, 6): E 6.5, P 5.5, gap -1; S4 is outside the period
    assert reliability["expectation"] == 6.5 and reliability["perception"] == 5.5
    assert reliability["gap"] == -1.0
    assert q.servqual_gaps(qws, Filters(start=date(2023, 1, 1), end=date(2023, 1, 2))).empty
    assert list(q.servqual_gaps(qws, Filters(start=date(2023, 1, 1))).columns) == [
        "dimension",
        "expectation",
        "perception",
        "gap",
        "n",
    ]
    r = q.nps_from_surveys(qws, PERIOD)  # 10, 6, 8: 1 promoter, 1 detractor
    assert (r.n, r.promoters, r.passives, r.detractors, r.nps) == (3, 1, 1, 1, 0.0)
    # The dimension filters do not apply to surveys; open ends take everything.
    assert q.nps_from_surveys(qws, Filters(teams=("nobody",))).n == 4


def test_servqual_empty_without_survey_columns(ws):
    out = q.servqual_gaps(ws, Filters())
    assert out.empty and list(out.columns) == ["dimension", "expectation", "perception", "gap", "n"]


# --------------------------------------------------------------------------- sample


def test_volume_chart_catches_the_planted_spikes(sample_ws):
    """The sample's four incident days are the rule-1 points of daily created tickets.

    Resolution time and SLA breaches do not show them: spike tickets are one quick
    incident, resolved faster than a normal day's mix.
    """
    vol = q.daily_volume(sample_ws, Filters())
    chart = q.individuals_chart(vol, "value", floor=0)
    rule_1 = chart.frame.loc[chart.frame["rule_1"], "date"].dt.date.tolist()
    assert rule_1 == list(SPIKE_DATES)
    spikes = chart.frame[chart.frame["rule_1"]]
    assert (spikes["value"] > chart.ucl).all()
    assert chart.lcl == 0  # 91.3 - 3 x 33.2 < 0, floored
    listed = chart.violations()
    assert set(listed.loc[listed["rule"] == 1, "date"].dt.date) == set(SPIKE_DATES)


def test_sample_daily_series_agree_with_kpis(sample_ws):
    month = Filters(start=date(2026, 9, 1), end=date(2026, 9, 30))
    k = compute(sample_ws, month)
    sla = q.daily_sla_breaches(sample_ws, month)
    assert len(sla) == 30
    assert 1 - sla["defects"].sum() / sla["n"].sum() == pytest.approx(k["sla_attainment"])
    med = q.daily_resolution_median(sample_ws, month)
    assert med["n"].sum() == k["resolved"]
    assert q.daily_volume(sample_ws, month)["value"].sum() == k["tickets"]
    chart = q.individuals_chart(med, "value", floor=0)
    assert chart.excluded.empty and chart.lcl >= 0
    p = q.p_chart(sla, "defects", "n")
    assert p.centre == pytest.approx(1 - k["sla_attainment"])
