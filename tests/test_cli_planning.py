"""`python -m svcops staffing` and `forecast`: textbook Erlang C, and forecasts that beat
the seasonal-naive repeat on the sample."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from svcops.cli import main
from svcops.ingest import import_files, import_paths
from svcops.store import Workspace

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data" / "svcops_sample.xlsx"


def textbook_erlang_c(traffic: float, agents: int) -> float:
    """P(wait) from the textbook sum, A^N/N! * N/(N-A) / (sum_{k<N} A^k/k! + that),
    evaluated in log space so it holds for hundreds of agents."""
    log_top = (
        agents * math.log(traffic) - math.lgamma(agents + 1) + math.log(agents / (agents - traffic))
    )
    logs = [k * math.log(traffic) - math.lgamma(k + 1) for k in range(agents)] + [log_top]
    peak = max(logs)
    total = sum(math.exp(v - peak) for v in logs)
    return math.exp(log_top - peak) / total


def textbook_plan(volume, minutes, aht, target, answer, shrinkage, occupancy):
    traffic = volume * aht / (minutes * 60)
    n = max(1, math.floor(traffic) + 1)
    while True:
        pw = textbook_erlang_c(traffic, n)
        sl = 1 - pw * math.exp(-(n - traffic) * answer / aht)
        if sl >= target and traffic / n <= occupancy + 1e-12:
            return {
                "agents": n,
                "scheduled_agents": math.ceil(n / (1 - shrinkage) - 1e-9),
                "service_level": sl,
                "occupancy": traffic / n,
                "asa_seconds": pw * aht / (n - traffic),
                "traffic_erlangs": traffic,
            }
        n += 1


def run_main(capsys, *args) -> dict:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_published_worked_example_as_a_process():
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "svcops",
            "staffing",
            "--volume",
            "100",
            "--interval-minutes",
            "30",
            "--aht-seconds",
            "180",
            "--service-level",
            "0.8",
            "--answer-seconds",
            "20",
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    out = json.loads(done.stdout)
    assert set(out) == {
        "agents",
        "scheduled_agents",
        "service_level",
        "occupancy",
        "asa_seconds",
        "traffic_erlangs",
    }
    assert out["agents"] == 14 and out["traffic_erlangs"] == 10


GRID = [
    (v, aht, sl, ans, shr, occ)
    for v in (12, 100, 900, 4000)
    for aht in (90, 300, 720)
    for sl, ans in ((0.8, 20), (0.9, 15), (0.7, 60))
    for shr, occ in ((0.0, 1.0), (0.3, 0.85))
]


@pytest.mark.parametrize("volume, aht, target, answer, shrinkage, occupancy", GRID)
def test_staffing_cli_equals_textbook_erlang_c(
    capsys, volume, aht, target, answer, shrinkage, occupancy
):
    got = run_main(
        capsys,
        "staffing",
        "--volume",
        str(volume),
        "--interval-minutes",
        "30",
        "--aht-seconds",
        str(aht),
        "--service-level",
        str(target),
        "--answer-seconds",
        str(answer),
        "--shrinkage",
        str(shrinkage),
        "--max-occupancy",
        str(occupancy),
        "--json",
    )
    want = textbook_plan(volume, 30, aht, target, answer, shrinkage, occupancy)
    assert (got["agents"], got["scheduled_agents"]) == (want["agents"], want["scheduled_agents"])
    for key in ("service_level", "occupancy", "asa_seconds", "traffic_erlangs"):
        assert got[key] == pytest.approx(want[key], rel=1e-9, abs=1e-12), key


def test_the_grid_reaches_hundreds_of_agents(capsys):
    got = run_main(
        capsys,
        "staffing",
        "--volume",
        "4000",
        "--aht-seconds",
        "720",
        "--service-level",
        "0.9",
        "--answer-seconds",
        "15",
        "--json",
    )
    assert got["agents"] > 1500


@pytest.mark.parametrize(
    "args, message",
    [
        (("--volume", "10", "--aht-seconds", "0"), "aht_seconds must be a positive number"),
        (("--volume", "10", "--aht-seconds", "60", "--service-level", "1"), "service_level"),
        (("--volume", "-1", "--aht-seconds", "60"), "volume"),
    ],
)
def test_staffing_bad_input_is_one_line(capsys, args, message):
    assert main(["staffing", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fc") / "ws.duckdb"
    with Workspace(path) as ws:
        import_paths(ws, [SAMPLE])
    return path


@pytest.mark.slow
def test_forecast_beats_seasonal_naive_on_the_sample(capsys, sample_path):
    out = run_main(
        capsys,
        "forecast",
        "--workspace",
        str(sample_path),
        "--horizon",
        "28",
        "--country",
        "US",
        "--json",
    )
    assert len(out["forecast"]) == 28
    assert out["forecast"][0]["date"] == "2026-11-01"
    assert all(r["yhat_lower"] <= r["yhat"] <= r["yhat_upper"] for r in out["forecast"])
    bt = out["backtest"]
    assert bt["mae"] < bt["baseline_mae"] and bt["wape"] < bt["baseline_wape"]
    # Thanksgiving (2026-11-26) sits well below the Thursday a week before.
    by_day = {r["date"]: r["yhat"] for r in out["forecast"]}
    assert by_day["2026-11-26"] < 0.6 * by_day["2026-11-19"]


@pytest.mark.slow
def test_forecast_by_channel_is_one_block_per_series(sample_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "svcops",
            "forecast",
            "--workspace",
            str(sample_path),
            "--horizon",
            "14",
            "--by",
            "channel",
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert sorted(out) == ["chat", "email", "phone", "portal"]
    for block in out.values():
        assert len(block["forecast"]) == 14
        # Chosen by the backtest: never worse than the naive weekly repeat.
        bt = block["backtest"]
        assert bt["mae"] <= bt["baseline_mae"] and bt["wape"] <= bt["baseline_wape"]


def test_forecast_runs_on_a_plain_ticket_export(capsys, tmp_path, workbook):
    start = datetime(2024, 1, 1, 9)
    rows = [
        {"Ticket ID": f"Z{i}", "Created": start + timedelta(hours=5 * i)} for i in range(24 * 30)
    ]  # 150 days, ~5 a day, no other columns
    path = tmp_path / "plain.duckdb"
    with Workspace(path) as ws:
        import_files(ws, [("plain.xlsx", workbook({"export": rows}).read_bytes())])
    out = run_main(capsys, "forecast", "--workspace", str(path), "--horizon", "7", "--json")
    assert len(out["forecast"]) == 7
    assert all(r["yhat"] >= 0 for r in out["forecast"])


def test_forecast_text_names_the_model_the_measure_and_the_days(capsys, tmp_path, workbook):
    # 35 days from Monday 1 January 2024, 2 tickets a day and 9 on Mondays: too short for
    # Prophet, so the naive repeat and the weekly profile are compared on the last 7 days.
    start = datetime(2024, 1, 1, 9)
    rows = [
        {"Ticket ID": f"Z{d}-{k}", "Created": start + timedelta(days=d, minutes=k)}
        for d in range(35)
        for k in range(9 if d % 7 == 0 else 2)
    ]
    path = tmp_path / "plain.duckdb"
    with Workspace(path) as ws:
        import_files(ws, [("plain.xlsx", workbook({"export": rows}).read_bytes())])
    assert main(["forecast", "--workspace", str(path), "--horizon", "7"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    # Every week alike: both models are exact, and the tie goes to the simpler repeat.
    assert first == (
        "all: Model: naive weekly repeat, the best by MAE of the 2 tried in the backtest. On "
        "the 28 days scored (2024-01-08 to 2024-02-04) it missed by 0.0 tickets a day, 0% of "
        "the tickets (WAPE; MAPE 0% on the 28 days with tickets)."
    )


def test_forecast_on_an_empty_workspace_says_so(capsys, tmp_path):
    Workspace(tmp_path / "e.duckdb").close()
    assert main(["forecast", "--workspace", str(tmp_path / "e.duckdb")]) == 1
    assert "history is empty" in capsys.readouterr().err
