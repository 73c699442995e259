"""``python -m svcops innovation``: each initiative's ROI, NPV, IRR, payback and measured
effect (issue 13)."""

from __future__ import annotations

import json

import pytest

from svcops.cli import main
from svcops.ingest import import_paths
from svcops.store import Workspace

from .test_measure import REGISTER, _tickets


def _workspace(tmp_path, workbook) -> str:
    register = [
        {**REGISTER[0], "investment": 1_000, "expected_annual_benefit": 300, "running_cost": 0},
        REGISTER[1],
    ]
    path = tmp_path / "w.duckdb"
    with Workspace(path) as ws:
        import_paths(
            ws, [workbook({"tickets": _tickets([5, 7, 9, 11, 13]), "initiatives": register})]
        )
    return str(path)


def test_json_has_each_business_case_and_the_measured_effect(tmp_path, workbook, capsys):
    path = _workspace(tmp_path, workbook)
    args = ["innovation", "--workspace", path, "--discount-rate", "0.10", "--window", "30"]
    assert main([*args, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["discount_rate"] == 0.10 and out["years"] == 5
    bot, idea = out["initiatives"]
    # 1,000 now, 300 a year for 5 years at 10 %.
    assert bot["npv"] == pytest.approx(-1_000 + 300 * (1 - 1.1**-5) / 0.1)
    assert bot["roi"] == pytest.approx(0.5) and bot["payback_years"] == pytest.approx(10 / 3)
    assert bot["measured"]["verdict"] == "confirmed"
    assert bot["measured"]["change"] == -5.0
    assert bot["measured"]["realised"] == pytest.approx(5 * 365 * 0.5)
    assert bot["measured"]["go_live"] == "2025-01-31" and bot["measured"]["reason"] is None
    # No money, no link: a zero case, nothing measured.
    assert idea["npv"] == 0 and idea["irr"] is None and idea["measured"] is None
    assert out["portfolio"]["flows"] == [-1_000, 300, 300, 300, 300, 300]


def test_text_and_bad_arguments(tmp_path, workbook, capsys):
    path = _workspace(tmp_path, workbook)
    assert main(["innovation", "--workspace", path, "--window", "30"]) == 0
    text = capsys.readouterr().out
    assert "BOT Chat bot [rollout]: NPV 198" in text  # at 8 %: -1000 + 300 x 3.99271 = 197.8
    assert "handle_minutes: change -5, measured 912 a year, confirmed" in text
    assert main(["innovation", "--workspace", path, "--discount-rate", "-1"]) == 1
    assert "--discount-rate" in capsys.readouterr().err
    # NaN would print NaN (not JSON), a negative delay raised a traceback and a horizon
    # of thousands of years ran for minutes in the IRR: each is refused in one line.
    for bad in (["--discount-rate", "nan"], ["--delay", "-1"], ["--years", "3000"]):
        assert main(["innovation", "--workspace", path, "--json", *bad]) == 1
        assert "--years from 1 to 100" in capsys.readouterr().err


def test_an_empty_register(tmp_path, capsys):
    path = tmp_path / "e.duckdb"
    Workspace(path).close()
    assert main(["innovation", "--workspace", str(path)]) == 0
    assert "No initiatives in this workspace." in capsys.readouterr().out
