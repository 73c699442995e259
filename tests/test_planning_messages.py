"""Forecast, staffing and plan speak in keys: every reason and refusal is a Message with
English and Chinese wording, and survives the pickling a worker process or a cache needs."""

from __future__ import annotations

import ast
import pickle
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from svcops import resource as rs
from svcops import staffing
from svcops.filters import Filters
from svcops.forecast import EMPTY_HISTORY_MESSAGE, forecast_daily, forecast_many, intraday_profile
from svcops.i18n import STRINGS, Message, render
from svcops.i18n.errors import InputError, error_text
from svcops.ingest import import_paths

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    *ROOT.glob("svcops/forecast/*.py"),
    ROOT / "svcops/staffing.py",
    ROOT / "svcops/resource.py",
]


def _literal_keys() -> set[str]:
    keys = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.startswith("resource.")
                and " " not in node.value
            ):
                keys.add(node.value)
    return keys


def test_every_key_the_analyses_name_exists_in_both_languages():
    # A prefix such as "resource.accuracy." heads an f-string key; describe_accuracy's
    # own tests render every key it builds.
    keys = {k for k in _literal_keys() if not k.endswith(".")}
    assert len(keys) > 20  # the scan found the keys, not nothing
    assert not keys - set(STRINGS)
    for key in keys:
        assert set(STRINGS[key]) == {"en", "zh"}, key


def test_message_error_is_a_value_error_worded_in_english_and_chinese():
    error = InputError("resource.must_be.positive", name="aht_seconds")
    assert isinstance(error, ValueError)
    assert str(error) == "aht_seconds must be a positive number"
    assert error_text(error, "zh") == "aht_seconds 必须是正数"
    assert error_text(ValueError("plain"), "zh") == "plain"
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is InputError and again.message == error.message
    assert str(again) == str(error)
    with pytest.raises(TypeError):
        InputError(Message("resource.history.empty", {}), extra=1)


@pytest.mark.parametrize(
    "call, key, english, chinese",
    [
        (
            lambda: forecast_daily(pd.DataFrame({"ds": [], "y": []}), 7),
            "resource.history.empty",
            "history is empty: no tickets in the selected range",
            "历史数据为空：所选范围内没有工单",
        ),
        (
            lambda: forecast_daily(pd.DataFrame({"ds": ["2024-01-01"], "y": [-1]}), 7),
            "resource.history.negative",
            "history has 1 row(s) with a negative 'y'; counts cannot be negative",
            "历史数据中有 1 行的 'y' 为负数；计数不能为负",
        ),
        (
            lambda: forecast_daily(pd.DataFrame({"ds": ["2024-01-01"], "y": [1]}), 7, country="XX"),
            "resource.unknown_country",
            "unknown country code 'XX': use an ISO code such as 'US', 'GB', 'CN' or 'DE'",
            "未知的国家代码 'XX'：请使用 ISO 代码，例如 'US'、'GB'、'CN' 或 'DE'",
        ),
        (
            lambda: forecast_many(pd.DataFrame({"ds": [], "y": []}), 7),
            "resource.missing_column",
            "history_long must have a 'unique_id' column",
            "history_long 必须包含 'unique_id' 列",
        ),
        (
            lambda: intraday_profile(pd.Series([], dtype="datetime64[ns]")),
            "resource.intraday.no_arrivals",
            "no arrivals to build an intraday profile from",
            "没有到达记录，无法建立日内分布",
        ),
        (
            lambda: staffing.required_agents(10, 30, 180, 1.0, 20),
            "resource.must_be.fraction",
            "service_level must be a number strictly between 0 and 1",
            "service_level 必须是严格介于 0 与 1 之间的数",
        ),
        (
            lambda: rs.PlanSettings(horizon_days=400),
            "resource.horizon_range",
            "horizon_days must be between 1 and 366",
            "horizon_days 必须在 1 到 366 之间",
        ),
        (
            lambda: rs.PlanSettings(backlog_burn_days=0),
            "resource.must_be.positive",
            "backlog_burn_days must be a positive number",
            "backlog_burn_days 必须是正数",
        ),
    ],
)
def test_refusals_carry_their_key(call, key, english, chinese):
    with pytest.raises(InputError) as caught:
        call()
    assert caught.value.message.key == key
    assert str(caught.value) == english
    assert error_text(caught.value, "zh") == chinese


def test_fallback_reason_is_a_key_and_pickles():
    history = pd.DataFrame({"ds": pd.date_range("2024-01-01", periods=20), "y": np.arange(20.0)})
    result = forecast_daily(history, 7)
    assert result.message == Message(
        "resource.fallback.short_history", {"days": 20, "min_days": 56, "min_weeks": 8}
    )
    assert render(result.message, "zh") == (
        "仅有 20 天的历史数据；Prophet 至少需要 56 天（8 周），因此只比较了简单模型。"
    )
    # Streamlit's cache and forecast worker processes pickle results.
    assert pickle.loads(pickle.dumps(result)).message == result.message


def test_empty_history_message_is_the_one_the_plan_raises(ws, workbook):
    import_paths(
        ws, [workbook({"tickets": [{"ticket_id": "A", "created_at": datetime(2024, 3, 1)}]})]
    )
    with pytest.raises(InputError) as caught:
        rs.forecast_demand(
            ws, Filters(end=date(2024, 3, 4), teams=("Nobody",)), rs.PlanSettings(horizon_days=7)
        )
    assert caught.value.message == EMPTY_HISTORY_MESSAGE


def test_roster_without_times_says_why_in_both_languages(ws, workbook):
    roster = [{"date": datetime(2024, 3, 4), "team": "Desk", "agent": "Ann", "scheduled_hours": 8}]
    import_paths(ws, [workbook({"roster": roster})])
    got = rs.rostered(ws, Filters(end=date(2024, 3, 4)), datetime(2024, 3, 5), datetime(2024, 3, 6))
    assert got.basis is None and got.reason.key == "resource.roster.no_times"
    assert render(got.reason) == "the roster has no shift start and end times"
    assert render(got.reason, "zh") == "排班表没有班次的开始和结束时间"
