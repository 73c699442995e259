"""Targets, RAG status, scorecard, rankings, period comparison and composite index."""

from __future__ import annotations

import io
import math
from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from svcops import performance as pf
from svcops.filters import Filters
from svcops.i18n import Message, render
from svcops.i18n import t as say
from svcops.ingest import import_files
from svcops.kpi import compute

SEPT = Filters(start=date(2026, 9, 1), end=date(2026, 9, 30))


def _same(actual, expected) -> bool:
    if expected is None:
        return actual is None or (isinstance(actual, float) and math.isnan(actual))
    return actual == pytest.approx(expected)


# --------------------------------------------------------------------------- status


@pytest.mark.parametrize(
    ("value", "target", "direction", "margin", "expected"),
    [
        # higher is better: target 0.9, amber down to 0.85
        (0.95, 0.9, "higher", 0.05, "green"),
        (0.9, 0.9, "higher", 0.05, "green"),  # exactly at target
        (0.87, 0.9, "higher", 0.05, "amber"),
        (
            0.85,
            0.9,
            "higher",
            0.05,
            "amber",
        ),  # exactly at target - margin (0.9-0.05 != 0.85 in floats)
        (0.8499, 0.9, "higher", 0.05, "red"),
        (0.0, 0.9, "higher", 0.05, "red"),
        (4.19, 4.2, "higher", None, "red"),  # no margin: no amber band
        (4.2, 4.2, "higher", None, "green"),
        (0.3, 0.1 + 0.2, "higher", 0, "green"),  # 0.1 + 0.2 = 0.30000000000000004
        # lower is better: target 12 h, amber up to 16 h
        (11.0, 12.0, "lower", 4.0, "green"),
        (12.0, 12.0, "lower", 4.0, "green"),  # exactly at target
        (14.0, 12.0, "lower", 4.0, "amber"),
        (16.0, 12.0, "lower", 4.0, "amber"),  # exactly at target + margin
        (16.01, 12.0, "lower", 4.0, "red"),
        (0.07, 0.05, "lower", 0.02, "amber"),  # 0.05 + 0.02 = 0.07000000000000001
        (0.0701, 0.05, "lower", 0.02, "red"),
        # +1 / -1 as in kpi.DIRECTION, and the words a sheet may carry
        (0.95, 0.9, 1, 0.05, "green"),
        (13.0, 12.0, -1, 4.0, "amber"),
        (13.0, 12.0, "Lower is better", 4.0, "amber"),
        # nothing to judge
        (None, 0.9, "higher", 0.05, "none"),
        (float("nan"), 0.9, "higher", 0.05, "none"),
        (0.9, None, "higher", 0.05, "none"),
        (100, 90, 0, None, "none"),  # a KPI with no better direction
        (100, 90, None, None, "none"),
    ],
)
def test_status_boundaries(value, target, direction, margin, expected):
    assert pf.status(value, target, direction, margin) == expected


def test_status_rejects_bad_direction_and_margin():
    with pytest.raises(ValueError, match="direction must be 'higher' or 'lower'"):
        pf.status(1, 1, "sideways", 0)
    with pytest.raises(ValueError, match="amber_margin must be a non-negative number"):
        pf.status(1, 1, "higher", -0.5)


# --------------------------------------------------------------------------- targets


GOOD = pd.DataFrame(
    [
        {
            "kpi": "sla_attainment",
            "target": 0.9,
            "direction": "higher",
            "amber_margin": 0.05,
            "team": None,
        },
        {
            "kpi": "SLA Attainment",
            "target": 0.85,
            "direction": None,
            "amber_margin": 0.05,
            "team": " Field Service ",
        },
        {
            "kpi": "resolution_hours_median",
            "target": 12,
            "direction": "Lower",
            "amber_margin": None,
            "team": "",
        },
        {
            "kpi": "tickets",
            "target": 3000,
            "direction": "higher",
            "amber_margin": 100,
            "team": None,
        },
        {"kpi": None, "target": None, "direction": None, "amber_margin": None, "team": None},
    ]
)


def test_save_and_load_targets_round_trip(ws):
    saved = pf.save_targets(ws, GOOD)
    loaded = pf.load_targets(ws)
    # scorecard order: tickets, sla (team-wide first), resolution median; blank row skipped
    assert loaded["kpi"].tolist() == [
        "tickets",
        "sla_attainment",
        "sla_attainment",
        "resolution_hours_median",
    ]
    assert loaded["team"].isna().tolist() == [True, True, False, True]
    assert loaded["team"].iloc[2] == "Field Service"
    assert loaded["direction"].tolist() == ["higher", "higher", "higher", "lower"]
    assert loaded["amber_margin"].tolist() == [100, 0.05, 0.05, 0.0]
    assert loaded["problem"].isna().all()
    assert saved["kpi"].tolist() == loaded["kpi"].tolist()
    assert ws.scalar("SELECT count(*) FROM targets WHERE _upload_id IS NULL") == 4
    # Saving again replaces, it does not append.
    pf.save_targets(ws, GOOD.iloc[[0]])
    assert pf.load_targets(ws)["kpi"].tolist() == ["sla_attainment"]


def test_failed_save_changes_nothing(ws):
    pf.save_targets(ws, GOOD)
    bad = pd.concat(
        [GOOD, pd.DataFrame([{"kpi": "csat_avg", "target": "lots"}])], ignore_index=True
    )
    with pytest.raises(ValueError, match="targets row 6: target"):
        pf.save_targets(ws, bad)
    assert len(pf.load_targets(ws)) == 4


def _rows(*rows):
    return pd.DataFrame(list(rows))


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (
            _rows({"kpi": "speed", "target": 1}),
            "targets row 1: kpi must be one of tickets, resolved, ",
        ),
        (
            _rows({"kpi": "sla_attainment", "target": 0.9}, {"kpi": "csat_avg", "target": "high"}),
            "targets row 2: target must be a number (got 'high')",
        ),
        (
            _rows({"kpi": "csat_avg", "target": 4.0}, {"kpi": "fcr_rate", "target": None}),
            "targets row 2: target must be a number (got blank)",
        ),
        (
            _rows({"kpi": "sla_attainment", "target": 90}),
            "targets row 1: target must be a fraction from 0 to 1 for sla_attainment (got 90; "
            "90% is 0.9)",
        ),
        (
            _rows({"kpi": "csat_avg", "target": 4.2, "direction": "sideways"}),
            "targets row 1: direction must be 'higher' or 'lower' (got 'sideways')",
        ),
        (
            _rows({"kpi": "tickets", "target": 100, "direction": None}),
            "targets row 1: direction must be 'higher' or 'lower' for tickets, which has no "
            "better direction of its own (got blank)",
        ),
        (
            _rows({"kpi": "csat_avg", "target": 4.2, "amber_margin": -0.1}),
            "targets row 1: amber_margin must be a non-negative number (got -0.1)",
        ),
        (
            _rows({"kpi": "csat_avg", "target": 4.2, "amber_margin": "wide"}),
            "targets row 1: amber_margin must be a non-negative number (got 'wide')",
        ),
        (
            _rows(
                {"kpi": "csat_avg", "target": 4.2, "team": None},
                {"kpi": "csat_avg", "target": 4.0, "team": ""},
            ),
            "targets row 2: kpi csat_avg for all teams is already set in row 1",
        ),
        (
            _rows(
                {"kpi": "csat_avg", "target": 4.2, "team": "A"},
                {"kpi": "csat_avg", "target": 4.0, "team": "A "},
            ),
            "targets row 2: kpi csat_avg for team 'A' is already set in row 1",
        ),
        (_rows({"kpi": "csat_avg"}), "targets need the column(s) target"),
    ],
)
def test_save_targets_validation_messages(ws, frame, message):
    with pytest.raises(ValueError) as err:
        pf.save_targets(ws, frame)
    assert str(err.value).startswith(message)
    # the page words the same message key in the user's language
    assert isinstance(err.value, pf.TargetsError)
    assert render(err.value.message, "en") == str(err.value)
    assert render(err.value.message, "zh").startswith("目标")


def test_targets_error_is_a_key_with_its_values(ws):
    with pytest.raises(pf.TargetsError) as err:
        pf.save_targets(ws, _rows({"kpi": "csat_avg", "target": 4.2, "direction": "sideways"}))
    assert err.value.message == Message(
        "performance.error.direction", {"row": 1, "got": "sideways"}
    )
    assert (
        render(err.value.message, "zh")
        == "目标第 1 行：direction 必须为 'higher' 或 'lower'（实际为 'sideways'）"
    )
    with pytest.raises(pf.TargetsError) as err:
        pf.save_targets(ws, _rows({"kpi": " ", "target": 1}))
    assert str(err.value).endswith("(got blank)")
    assert render(err.value.message, "zh").endswith("（实际为空）")


def test_uploaded_target_problems_are_messages(ws):
    cur = ws.cursor()
    cur.execute(
        "INSERT INTO targets (kpi, target, direction, amber_margin, team) "
        "VALUES ('speed', 1, 'sideways', -2, NULL)"
    )
    cur.close()
    problem = pf.load_targets(ws)["problem"].iloc[0]
    assert [render(m, "en") for m in problem] == [
        "kpi 'speed' is not a known KPI",
        "direction 'sideways' is not 'higher' or 'lower'",
        "amber_margin -2 is negative; 0 used",
    ]
    assert render(problem[0], "zh") == "kpi 'speed' 不是已知指标"


def test_save_targets_on_a_read_only_workspace(sample_ws):
    with pytest.raises(ValueError, match="read-only") as err:
        pf.save_targets(sample_ws, GOOD)
    assert render(err.value.message, "zh") == "无法保存目标：工作区以只读方式打开"


# --------------------------------------------------------------------------- scorecard


@pytest.mark.parametrize(
    "teams", [(), ("Field Service",), ("Network Ops",), ("Field Service", "Network Ops")]
)
def test_scorecard_actuals_equal_kpi_compute(sample_ws, teams):
    f = Filters(start=SEPT.start, end=SEPT.end, teams=teams)
    card = pf.target_scorecard(sample_ws, f)
    expected = compute(sample_ws, f)
    assert len(card) == 7  # one row per KPI with a target
    for row in card.to_dict("records"):
        assert _same(row["actual"], expected[row["kpi"]]), row["kpi"]
        assert row["status"] == pf.status(
            row["actual"], row["target"], row["direction"], row["amber_margin"]
        )
    own = card.set_index("kpi")
    # Field Service's own SLA and resolution targets apply only when it alone is filtered.
    fs = teams == ("Field Service",)
    assert own.loc["sla_attainment", "target"] == (0.85 if fs else 0.9)
    assert own.loc["resolution_hours_median", "target"] == (24.0 if fs else 12.0)
    assert (own["team"].notna().sum()) == (2 if fs else 0)


def test_scorecard_statuses_and_gap_on_sample(sample_ws):
    card = pf.target_scorecard(sample_ws, SEPT).set_index("kpi")
    sla = card.loc["sla_attainment"]
    assert sla["gap"] == pytest.approx(sla["actual"] - 0.9)
    assert sla["status"] == (
        "green" if sla["actual"] >= 0.9 else "amber" if sla["actual"] >= 0.85 else "red"
    )
    assert set(card["status"]) <= set(pf.STATUSES)


def test_scorecard_on_an_empty_period(sample_ws):
    card = pf.target_scorecard(sample_ws, Filters(start=date(2031, 1, 1), end=date(2031, 1, 31)))
    assert len(card) == 7
    assert (card["status"] == "none").all()
    assert card["actual"].isna().all() and card["gap"].isna().all()


def test_scorecard_without_targets_and_with_unsaved_ones(ws):
    empty = pf.target_scorecard(ws, Filters())
    assert empty.empty and list(empty.columns) == [
        "kpi",
        "team",
        "actual",
        "target",
        "direction",
        "amber_margin",
        "status",
        "gap",
    ]
    draft = _rows({"kpi": "tickets", "target": 5, "direction": "higher"})
    card = pf.target_scorecard(ws, Filters(), targets=draft)
    assert card[["kpi", "actual", "status"]].values.tolist() == [["tickets", 0.0, "red"]]
    with pytest.raises(ValueError, match="targets row 1"):
        pf.target_scorecard(ws, Filters(), targets=_rows({"kpi": "nope", "target": 1}))


# --------------------------------------------------------------------------- rankings


def _xlsx(rows: list[dict]) -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        pd.DataFrame(rows).to_excel(writer, sheet_name="tickets", index=False)
    return buf.getvalue()


def _league() -> list[dict]:
    """Per team: (tickets done within the P1 policy of 4 h, done in 5 h = breached).

    A 3 met + 1 breached + 1 still open; B 3 + 1; C 2 + 0; D 4 + 1; E 1 + 3.
    """
    plan = {"A": (3, 1), "B": (3, 1), "C": (2, 0), "D": (4, 1), "E": (1, 3)}
    rows, n = [], 0
    start = datetime(2024, 3, 4, 9)
    for team, (met, late) in plan.items():
        for hours in [1] * met + [5] * late:
            n += 1
            created = start + timedelta(hours=n)
            agent = None if (team, n) == ("E", 19) else f"{team}-agent"
            rows.append(
                {
                    "ticket_id": f"R{n:02d}",
                    "created_at": created,
                    "resolved_at": created + timedelta(hours=hours),
                    "priority": "P1",
                    "team": team,
                    "agent": agent,
                }
            )
    rows.append(
        {
            "ticket_id": "R99",
            "created_at": start,
            "resolved_at": None,
            "priority": "P1",
            "team": "A",
            "agent": "A-agent",
        }
    )
    return rows


@pytest.fixture
def league_ws(ws):
    import_files(ws, [("league.xlsx", _xlsx(_league()))])
    return ws


WEEK = Filters(start=date(2024, 3, 4), end=date(2024, 3, 10))


def test_rankings_competition_ties_and_min_volume(league_ws):
    out = pf.rankings(league_ws, WEEK, by="team", kpi="sla_attainment", min_volume=3)
    # D 4/5 = 0.8; A and B 3/4 = 0.75 tie at 2; E 1/4 = 0.25 is 4th ("1224");
    # C 2/2 = 1.0 tops the values but has only 2 done tickets: listed, not ranked.
    assert out["team"].tolist() == ["D", "A", "B", "E", "C"]
    assert out["value"].tolist() == pytest.approx([0.8, 0.75, 0.75, 0.25, 1.0])
    assert out["rank"].tolist()[:4] == [1, 2, 2, 4]
    assert out["rank"].isna().tolist() == [False] * 4 + [True]
    assert out["eligible"].tolist() == [True] * 4 + [False]
    assert out["volume"].tolist() == [5, 4, 4, 4, 2]
    assert (out["kpi"] == "sla_attainment").all()


def test_rankings_lower_is_better_and_volume_kpi(league_ws):
    med = pf.rankings(league_ws, WEEK, kpi="resolution_hours_median", min_volume=3)
    # medians: A (1,1,1,5) 1; B 1; D (1,1,1,1,5) 1; E (1,5,5,5) 5 -> "1114"
    assert med["team"].tolist() == ["A", "B", "D", "E", "C"]
    assert med["rank"].tolist()[:4] == [1, 1, 1, 4]
    created = pf.rankings(league_ws, WEEK, kpi="tickets", min_volume=3)
    # created: A 5 (one open), D 5, B 4, E 4; C 2 (two done: below min_volume)
    assert created["team"].tolist() == ["A", "D", "B", "E", "C"]
    assert created["rank"].tolist()[:4] == [1, 1, 3, 3]
    assert created["volume"].tolist()[:2] == [4, 5]  # volume = done, not created
    default = pf.rankings(league_ws, WEEK)  # min_volume 30: nobody ranked
    assert default["rank"].isna().all() and not default["eligible"].any()


def test_rankings_by_agent_and_bad_arguments(league_ws):
    out = pf.rankings(league_ws, WEEK, by="agent", kpi="resolved", min_volume=1)
    volumes = dict(zip(out["agent"], out["volume"], strict=True))
    assert volumes == {
        "D-agent": 5,
        "A-agent": 4,
        "B-agent": 4,
        "E-agent": 3,
        "C-agent": 2,
        "(none)": 1,
    }
    with pytest.raises(ValueError, match="by must be 'team' or 'agent'"):
        pf.rankings(league_ws, WEEK, by="region")
    with pytest.raises(ValueError, match="kpi must be one of"):
        pf.rankings(league_ws, WEEK, kpi="availability")


def test_rankings_equal_compute_per_team(sample_ws):
    teams = ["Service Desk", "Network Ops", "Applications", "Billing Support", "Field Service"]
    for kpi in pf.RANKABLE_KPIS:
        out = pf.rankings(sample_ws, SEPT, by="team", kpi=kpi).set_index("team")
        assert sorted(out.index) == sorted(teams)
        for team in teams:
            expected = compute(sample_ws, Filters(start=SEPT.start, end=SEPT.end, teams=(team,)))
            assert _same(out.loc[team, "value"], expected[kpi]), (kpi, team)
            assert out.loc[team, "volume"] == expected["resolved"]


# --------------------------------------------------------------------------- periods


def test_compare_periods_matches_compute(sample_ws):
    out = pf.compare_periods(sample_ws, SEPT).set_index("kpi")
    cur, prev = compute(sample_ws, SEPT), compute(sample_ws, SEPT.previous())
    ago = compute(sample_ws, SEPT.year_ago())
    assert SEPT.previous().start == date(2026, 8, 2) and SEPT.year_ago().start == date(2025, 9, 2)
    for kpi in pf.SCORECARD_KEYS:
        assert _same(out.loc[kpi, "current"], cur[kpi])
        assert _same(out.loc[kpi, "previous"], prev[kpi])
        assert _same(out.loc[kpi, "year_ago"], ago[kpi])
    t = out.loc["tickets"]
    assert t["delta_previous"] == cur["tickets"] - prev["tickets"]
    assert t["change_year_ago"] == pytest.approx((cur["tickets"] - ago["tickets"]) / ago["tickets"])


def test_compare_periods_before_the_data(sample_ws):
    out = pf.compare_periods(sample_ws, Filters(start=date(2024, 11, 1), end=date(2024, 11, 30)))
    row = out.set_index("kpi").loc["tickets"]
    assert row["previous"] == 0 and math.isnan(row["change_previous"])  # nothing before
    assert out.set_index("kpi").loc["sla_attainment", ["previous", "year_ago"]].isna().all()


# --------------------------------------------------------------------------- composite


def test_composite_index_by_hand():
    card = pd.DataFrame(
        [
            {"kpi": "sla_attainment", "actual": 0.81, "target": 0.9, "direction": "higher"},
            {"kpi": "resolution_hours_median", "actual": 8.0, "target": 12.0, "direction": "lower"},
            {"kpi": "csat_avg", "actual": 3.78, "target": 4.2, "direction": "higher"},
            {"kpi": "fcr_rate", "actual": None, "target": 0.6, "direction": "higher"},
            {"kpi": "reopen_rate", "actual": 0.1, "target": 0.05, "direction": "lower"},
        ]
    )
    weights = {
        "sla_attainment": 2,
        "resolution_hours_median": 1,
        "csat_avg": 1,
        "fcr_rate": 4,
        "availability": 1,
    }
    result = pf.composite_index(card, weights)
    t = result.table.set_index("kpi")
    # attainment: 0.81/0.9 = 0.9; 12/8 = 1.5 capped at 1.2; 3.78/4.2 = 0.9
    assert t.loc["sla_attainment", "attainment"] == pytest.approx(0.9)
    assert t.loc["resolution_hours_median", "attainment"] == pytest.approx(1.2)
    assert t.loc["csat_avg", "attainment"] == pytest.approx(0.9)
    # fcr has no actual, availability no target, reopen no weight: weights 2, 1, 1
    # normalise to 0.5, 0.25, 0.25
    assert t["weight_used"].to_dict() == pytest.approx(
        {
            "sla_attainment": 0.5,
            "resolution_hours_median": 0.25,
            "csat_avg": 0.25,
            "fcr_rate": 0.0,
            "reopen_rate": 0.0,
            "availability": 0.0,
        }
    )
    assert t.loc["fcr_rate", "note"] == "no_actual"
    assert t.loc["availability", "note"] == "no_target"
    assert t.loc["reopen_rate", "note"] == "no_weight"
    # the page words the notes through i18n, in English as before
    assert [say(f"performance.note.{n}", "en") for n in t["note"].dropna()] == [
        "no actual",
        "no weight",
        "no target",
    ]
    assert t.loc["fcr_rate", "weight"] == 4  # shown as given
    # 100 x (0.5 x 0.9 + 0.25 x 1.2 + 0.25 x 0.9) = 100 x (0.45 + 0.30 + 0.225)
    assert result.index == pytest.approx(97.5)
    assert t["contribution"].sum() == pytest.approx(97.5)
    assert result.cap == 1.2


def test_composite_index_edges():
    card = pd.DataFrame(
        [
            {"kpi": "reopen_rate", "actual": 0.0, "target": 0.05, "direction": "lower"},
            {"kpi": "fcr_rate", "actual": 0.0, "target": 0.0, "direction": "higher"},
        ]
    )
    r = pf.composite_index(card, {"reopen_rate": 1, "fcr_rate": 1})
    # zero reopen rate: 0.05 / 0 -> the cap; 0 against a 0 target: met, 1.0
    assert r.table["attainment"].tolist() == pytest.approx([1.2, 1.0])
    assert r.index == pytest.approx(110)
    assert pf.composite_index(card.iloc[0:0], {"csat_avg": 1}).index is None
    with pytest.raises(ValueError, match="weight for csat_avg must be a non-negative number"):
        pf.composite_index(card, {"csat_avg": -1})
    assert sum(pf.DEFAULT_WEIGHTS.values()) == pytest.approx(1)


def test_composite_index_on_the_sample_scorecard(sample_ws):
    card = pf.target_scorecard(sample_ws, SEPT)
    r = pf.composite_index(card)
    t = r.table.set_index("kpi")
    expected = sum(
        pf.DEFAULT_WEIGHTS[k]
        * min(
            (row["actual"] / row["target"])
            if row["direction"] == "higher"
            else (row["target"] / row["actual"]),
            1.2,
        )
        for k, row in card.set_index("kpi").iterrows()
    )
    assert r.index == pytest.approx(100 * expected)
    assert t["weight_used"].sum() == pytest.approx(1)
