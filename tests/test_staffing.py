"""Tests for svcops.staffing against hand-worked examples and an independent Erlang C."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from svcops.staffing import (
    StaffingResult,
    erlang_c,
    required_agents,
    service_level,
    staffing_plan,
    workload_plan,
    workload_staff,
)

# --------------------------------------------------------------------------- independent Erlang C


def _log_sum_exp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(math.fsum(math.exp(v - top) for v in values))


def independent_p_wait(traffic: float, agents: int) -> float:
    """Erlang C by its explicit sum, in log space with lgamma (no recursion shared).

    P_w = (A^c / c! * c / (c - A)) / (sum_{k<c} A^k / k! + A^c / c! * c / (c - A))
    """
    log_a = math.log(traffic)
    terms = [k * log_a - math.lgamma(k + 1) for k in range(agents)]
    queue = agents * log_a - math.lgamma(agents + 1) + math.log(agents / (agents - traffic))
    return math.exp(queue - _log_sum_exp([*terms, queue]))


def independent_service_level(traffic: float, agents: int, aht: float, answer: float) -> float:
    if agents <= traffic:
        return 0.0
    return 1 - independent_p_wait(traffic, agents) * math.exp(-(agents - traffic) * answer / aht)


# --------------------------------------------------------------------------- worked example


def test_published_worked_example_needs_14_agents() -> None:
    # 100 calls in 30 minutes at 180 s AHT is 10 Erlangs; 80% in 20 s needs 14.
    result = required_agents(100, 30, 180, 0.8, 20)
    assert result.traffic_erlangs == pytest.approx(10.0)
    assert result.agents == 14
    assert result.scheduled_agents == 14
    # Erlang C tables give P(wait) = 0.1741 for 10 Erlangs on 14 agents.
    assert result.probability_wait == pytest.approx(0.174132, abs=1e-6)
    assert result.service_level == pytest.approx(0.888350, abs=1e-6)
    assert result.asa_seconds == pytest.approx(7.835937, abs=1e-6)
    assert result.occupancy == pytest.approx(10 / 14)
    # One fewer agent misses the target.
    assert service_level(100, 30, 180, 13, 20) == pytest.approx(0.795595, abs=1e-6)
    assert service_level(100, 30, 180, 13, 20) < 0.8


def test_to_dict_has_the_six_planning_figures() -> None:
    result = required_agents(100, 30, 180, 0.8, 20)
    assert result.to_dict() == {
        "agents": 14,
        "scheduled_agents": 14,
        "service_level": result.service_level,
        "occupancy": result.occupancy,
        "asa_seconds": result.asa_seconds,
        "traffic_erlangs": 10.0,
    }
    assert all(type(v) in (int, float) for v in result.to_dict().values())


def test_result_is_frozen() -> None:
    result = required_agents(100, 30, 180, 0.8, 20)
    with pytest.raises(AttributeError):
        result.agents = 3  # type: ignore[misc]


# --------------------------------------------------------------------------- grid vs independent


GRID = list(
    itertools.product(
        [10, 60, 250, 1000, 5000],  # contacts per 30 minutes
        [60, 180, 600],  # AHT seconds
        [0.7, 0.8, 0.95],  # service level target
        [10, 20, 60],  # answer within, seconds
    )
)


@pytest.mark.parametrize(("volume", "aht", "target", "answer"), GRID)
def test_matches_independent_erlang_c(volume: int, aht: int, target: float, answer: int) -> None:
    result = required_agents(volume, 30, aht, target, answer)
    traffic = volume * aht / 1800
    agents = result.agents
    assert result.traffic_erlangs == pytest.approx(traffic, rel=1e-12)
    # Meets the target with its agents ...
    level = independent_service_level(traffic, agents, aht, answer)
    assert level >= target
    # ... and is the fewest that do.
    assert (
        agents - 1 <= traffic
        or independent_service_level(traffic, agents - 1, aht, answer) < target
    )
    p_wait = independent_p_wait(traffic, agents)
    assert result.probability_wait == pytest.approx(p_wait, rel=1e-9, abs=1e-15)
    assert result.service_level == pytest.approx(level, rel=1e-9)
    assert result.asa_seconds == pytest.approx(
        p_wait * aht / (agents - traffic), rel=1e-9, abs=1e-12
    )
    assert result.occupancy == pytest.approx(traffic / agents, rel=1e-12)


def test_grid_reaches_hundreds_of_agents() -> None:
    assert required_agents(5000, 30, 600, 0.95, 10).agents > 1600


def test_stable_for_tens_of_thousands_of_agents() -> None:
    # 33,333 Erlangs: A**c and c! overflow floats long before this.
    result = required_agents(100_000, 30, 600, 0.8, 20)
    traffic = 100_000 * 600 / 1800
    assert traffic < result.agents < traffic * 1.01
    assert result.probability_wait == pytest.approx(
        independent_p_wait(traffic, result.agents), rel=1e-8
    )
    assert 0.8 <= result.service_level < 1


@pytest.mark.parametrize(("traffic", "agents"), [(0.5, 1), (10.0, 14), (99.9, 120), (500.0, 530)])
def test_erlang_c_function_matches_independent(traffic: float, agents: int) -> None:
    assert erlang_c(traffic, agents) == pytest.approx(
        independent_p_wait(traffic, agents), rel=1e-10
    )


def test_erlang_c_edges() -> None:
    assert erlang_c(0, 3) == 0.0
    assert erlang_c(5.0, 5) == 1.0  # unstable queue: everyone waits
    assert service_level(100, 30, 180, 10, 20) == 0.0


# --------------------------------------------------------------------------- caps and rounding


def test_occupancy_cap_binds() -> None:
    # 100 Erlangs: 80/20 alone needs about 107 agents at ~93% occupancy.
    free = required_agents(1000, 30, 180, 0.8, 20)
    assert free.occupancy > 0.9
    capped = required_agents(1000, 30, 180, 0.8, 20, max_occupancy=0.85)
    assert capped.agents == math.ceil(100 / 0.85) == 118
    assert capped.occupancy <= 0.85
    assert capped.service_level > free.service_level


def test_occupancy_cap_met_exactly_is_allowed() -> None:
    # 8 Erlangs at an 80% cap is exactly 10 agents, though 8 / 10 > 0.8 in floats.
    result = required_agents(80, 30, 180, 0.5, 20, max_occupancy=0.8)
    assert result.agents == 10
    assert result.occupancy == pytest.approx(0.8)


@pytest.mark.parametrize(
    ("volume", "shrinkage", "agents", "scheduled"),
    [
        (100, 0.0, 14, 14),
        (100, 0.3, 14, 20),  # 14 / 0.7 is 20.000000000000004 in floats
        (100, 0.35, 14, 22),  # 21.54 rounds up
        (100, 0.5, 14, 28),
    ],
)
def test_shrinkage_rounds_up_to_whole_people(
    volume: int, shrinkage: float, agents: int, scheduled: int
) -> None:
    result = required_agents(volume, 30, 180, 0.8, 20, shrinkage=shrinkage)
    assert (result.agents, result.scheduled_agents) == (agents, scheduled)


def test_zero_volume_needs_no_one() -> None:
    result = required_agents(0, 30, 180, 0.8, 20, shrinkage=0.3)
    assert result == StaffingResult(0, 0, 1.0, 0.0, 0.0, 0.0, 0.0)


def test_tiny_volume_needs_one_agent() -> None:
    result = required_agents(0.5, 30, 180, 0.8, 20)
    assert result.agents == 1
    assert result.service_level >= 0.8


def test_answer_zero_means_no_wait_at_all() -> None:
    result = required_agents(100, 30, 180, 0.8, 0)
    assert 1 - result.probability_wait >= 0.8
    assert 1 - independent_p_wait(10, result.agents - 1) < 0.8


# --------------------------------------------------------------------------- validation


VALID = {
    "volume": 100,
    "interval_minutes": 30,
    "aht_seconds": 180,
    "service_level": 0.8,
    "answer_seconds": 20,
    "shrinkage": 0.3,
    "max_occupancy": 0.9,
}


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("aht_seconds", 0, "aht_seconds must be a positive number"),
        ("aht_seconds", -5, "aht_seconds must be a positive number"),
        ("aht_seconds", float("nan"), "aht_seconds must be a positive number"),
        ("aht_seconds", "180", "aht_seconds must be a positive number"),
        ("aht_seconds", None, "aht_seconds must be a positive number"),
        ("volume", -1, "volume must be a non-negative number"),
        ("volume", float("inf"), "volume must be a non-negative number"),
        ("volume", True, "volume must be a non-negative number"),
        ("interval_minutes", 0, "interval_minutes must be a positive number"),
        ("service_level", 0, "service_level must be a number strictly between 0 and 1"),
        ("service_level", 1, "service_level must be a number strictly between 0 and 1"),
        ("service_level", 80, "service_level must be a number strictly between 0 and 1"),
        ("answer_seconds", -1, "answer_seconds must be a non-negative number"),
        ("shrinkage", 1, "shrinkage must be a number from 0 up to, but not including, 1"),
        ("shrinkage", -0.1, "shrinkage must be a number from 0 up to, but not including, 1"),
        ("max_occupancy", 0, "max_occupancy must be a number above 0 and at most 1"),
        ("max_occupancy", 1.2, "max_occupancy must be a number above 0 and at most 1"),
    ],
)
def test_invalid_input_message(name: str, value: object, message: str) -> None:
    with pytest.raises(ValueError) as error:
        required_agents(**{**VALID, name: value})  # type: ignore[arg-type]
    assert str(error.value) == message


def test_boundary_values_are_accepted() -> None:
    result = required_agents(
        **{**VALID, "shrinkage": 0.0, "max_occupancy": 1.0, "answer_seconds": 0}
    )
    assert result.agents > 10


def test_erlang_c_rejects_fractional_agents() -> None:
    with pytest.raises(ValueError, match="agents must be a non-negative whole number"):
        erlang_c(10, 12.5)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- staffing_plan


def _week_of_intervals(seed: int = 7) -> pd.DataFrame:
    starts = pd.date_range("2024-03-04", periods=7 * 48, freq="30min")
    hour = starts.hour + starts.minute / 60
    shape = np.clip(np.sin((hour - 7) / 12 * np.pi), 0, None)
    rng = np.random.default_rng(seed)
    volume = rng.poisson(200 * shape)
    return pd.DataFrame({"interval_start": starts, "volume": volume})


def test_staffing_plan_matches_required_agents_row_by_row() -> None:
    frame = _week_of_intervals()
    frame["aht_seconds"] = np.where(frame.index % 2 == 0, 240.0, 300.0)
    plan = staffing_plan(
        frame, service_level=0.8, answer_seconds=20, shrinkage=0.3, max_occupancy=0.9
    )
    assert list(plan.columns) == [
        "interval_start",
        "volume",
        "aht_seconds",
        "traffic_erlangs",
        "agents",
        "scheduled_agents",
        "service_level",
        "occupancy",
        "asa_seconds",
    ]
    assert plan["agents"].dtype == "int64" and plan["scheduled_agents"].dtype == "int64"
    for row in plan.sample(40, random_state=1).itertuples():
        expected = required_agents(row.volume, 30, row.aht_seconds, 0.8, 20, 0.3, 0.9).to_dict()
        assert {k: getattr(row, k) for k in expected} == pytest.approx(expected)
    night = plan[plan["volume"] == 0]
    assert not night.empty and (night["agents"] == 0).all() and (night["service_level"] == 1).all()
    assert frame.columns.tolist() == ["interval_start", "volume", "aht_seconds"]  # input untouched


def test_staffing_plan_covers_a_week_of_fractional_volumes() -> None:
    # Its speed is measured by benchmarks/bench_forecast.py, not asserted here.
    frame = _week_of_intervals()
    frame["volume"] = frame["volume"] * 10.37  # fractional forecast volumes: few cache hits
    plan = staffing_plan(
        frame,
        service_level=0.8,
        answer_seconds=20,
        shrinkage=0.3,
        max_occupancy=0.9,
        aht_seconds=300,
    )
    assert len(plan) == 336 and plan["agents"].max() > 300


def test_staffing_plan_aht_argument_fills_gaps() -> None:
    frame = pd.DataFrame(
        {
            "interval_start": pd.date_range("2024-01-01 09:00", periods=3, freq="30min"),
            "volume": [100, 100, 100],
            "aht_seconds": [180, np.nan, 360],
        }
    )
    plan = staffing_plan(
        frame,
        service_level=0.8,
        answer_seconds=20,
        shrinkage=0,
        max_occupancy=1,
        aht_seconds=180,
    )
    assert plan["agents"].tolist() == [14, 14, required_agents(100, 30, 360, 0.8, 20).agents]


def test_staffing_plan_needs_an_aht() -> None:
    frame = pd.DataFrame({"interval_start": [pd.Timestamp("2024-01-01")], "volume": [10]})
    with pytest.raises(ValueError, match="aht_seconds must be given"):
        staffing_plan(frame, service_level=0.8, answer_seconds=20, shrinkage=0, max_occupancy=1)


def test_staffing_plan_reports_bad_volume() -> None:
    frame = pd.DataFrame(
        {"interval_start": pd.date_range("2024-01-01", periods=2), "volume": [10, -3]}
    )
    with pytest.raises(ValueError, match="^volume must be a non-negative number$"):
        staffing_plan(
            frame,
            service_level=0.8,
            answer_seconds=20,
            shrinkage=0,
            max_occupancy=1,
            aht_seconds=180,
        )


def test_staffing_plan_empty_frame() -> None:
    frame = pd.DataFrame(
        {"interval_start": pd.to_datetime([]), "volume": pd.Series([], dtype=float)}
    )
    plan = staffing_plan(
        frame, service_level=0.8, answer_seconds=20, shrinkage=0, max_occupancy=1, aht_seconds=180
    )
    assert plan.empty and "agents" in plan.columns


# --------------------------------------------------------------------------- workload model


def test_workload_hand_worked_example() -> None:
    # 400 emails a day at 6 minutes = 40 hours; at 6.4 productive hours an FTE
    # that is 6.25 FTE. A backlog of 300 (30 hours) cleared over 5 days adds
    # 6 hours a day = 0.9375 FTE.
    assert workload_staff(400, 6, 6.4) == pytest.approx(6.25)
    assert workload_staff(400, 6, 6.4, backlog=300, burn_down_days=5) == pytest.approx(7.1875)
    # Gross 8 paid hours with 20% shrinkage is the same 6.4 productive hours.
    assert workload_staff(400, 6, 8, shrinkage=0.2) == pytest.approx(6.25)


def test_workload_is_vectorised() -> None:
    fte = workload_staff(np.array([0, 100, 400]), np.array([6, 6, 3]), 6.4)
    np.testing.assert_allclose(fte, [0, 100 * 6 / 60 / 6.4, 400 * 3 / 60 / 6.4])


def test_workload_plan_per_day_and_per_interval() -> None:
    days = pd.DataFrame(
        {
            "date": pd.date_range("2024-01-01", periods=3),
            "volume": [400, 200, 0],
            "handle_minutes": [6, 6, 6],
        }
    )
    plan = workload_plan(days, productive_hours_per_fte=6.4, backlog=300, burn_down_days=5)
    np.testing.assert_allclose(plan["workload_hours"], [46, 26, 6])
    np.testing.assert_allclose(plan["fte"], [46 / 6.4, 26 / 6.4, 6 / 6.4])
    # Half-hour rows over a 10-hour day: each row carries 1/20 of the daily backlog share.
    slots = pd.DataFrame({"volume": [20, 10]})
    plan = workload_plan(
        slots,
        productive_hours_per_fte=0.5,
        handle_minutes=6,
        backlog=300,
        burn_down_days=5,
        periods_per_day=20,
    )
    np.testing.assert_allclose(plan["workload_hours"], [2 + 0.3, 1 + 0.3])
    np.testing.assert_allclose(plan["fte"], [4.6, 2.6])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"handle_minutes": 0}, "handle_minutes must be a positive number"),
        ({"productive_hours_per_fte": 0}, "productive_hours_per_fte must be a positive number"),
        ({"volume": -1}, "volume must be a non-negative number"),
        ({"backlog": -1, "burn_down_days": 5}, "backlog must be a non-negative number"),
        ({"backlog": 10}, "burn_down_days must be given when there is a backlog"),
        ({"backlog": 10, "burn_down_days": 0}, "burn_down_days must be a positive number"),
        ({"shrinkage": 1}, "shrinkage must be a number from 0 up to, but not including, 1"),
    ],
)
def test_workload_invalid_input_message(kwargs: dict[str, float], message: str) -> None:
    args = {"volume": 400, "handle_minutes": 6, "productive_hours_per_fte": 6.4, **kwargs}
    with pytest.raises(ValueError) as error:
        workload_staff(**args)
    assert str(error.value) == message
