"""The Quality page's control chart on the sample: it says which chart it draws and why,
in both languages, and the user can switch p / p′, days / weeks, and the volume chart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def own_ws_path(tmp_path, monkeypatch):
    path = tmp_path / "own.duckdb"
    monkeypatch.setenv("SVCOPS_WORKSPACE", str(path))
    return path


def _run(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update({"source": "sample", **query})
    at.run()
    at.switch_page("views/quality.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _title(at: AppTest) -> str:
    return json.loads(at.get("vega_lite_chart")[0].proto.spec)["title"]


def _captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def _rule_1_days(at: AppTest) -> int:
    flags = at.dataframe[0].value if at.dataframe else None
    return 0 if flags is None else int((flags["Rule"] == 1).sum())


def _set(at: AppTest, key: str, value: str) -> AppTest:
    widget = at.selectbox(key=key) if key == "quality_metric" else at.segmented_control(key=key)
    widget.set_value(value).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_page_says_which_chart_and_lets_the_user_switch(own_ws_path):
    # Two years of the sample: the SLA-breach rate is overdispersed, volume has a weekly cycle.
    at = _run(start="2024-11-01", end="2026-10-31")
    assert _title(at) == "Tickets created per day, adjusted for weekday"
    assert "Adjusted for the day of the week: the weekly cycle" in _captions(at)
    assert at.segmented_control(key="quality_chart").options == [
        "Automatic",
        "Weekday-adjusted",
        "Daily",
        "Weekly totals",
    ]
    _set(at, "quality_chart", "week")
    assert _title(at) == "Tickets created per week (XmR)"
    assert "Weekly totals (XmR), Monday to Sunday" in _captions(at)

    _set(at, "quality_metric", "sla")  # the volume choice does not carry over
    assert _title(at) == "SLA breach rate per day (Laney p′ chart)"
    captions = _captions(at)
    assert "Laney p′ chart: the variation between consecutive points is 1.5" in captions
    assert "σz above 1.10 on 730 points" in captions
    laney = _rule_1_days(at)
    _set(at, "quality_chart", "p")
    assert _title(at) == "SLA breach rate per day (p-chart)"
    assert "p-chart, as chosen" in _captions(at)
    plain = _rule_1_days(at)
    assert plain >= 90 and laney <= 0.06 * 730 and laney < plain / 2
    _set(at, "quality_chart", "auto")
    _set(at, "quality_grain", "week")
    assert _title(at) == "SLA breach rate per week (Laney p′ chart)"


def test_the_choice_is_worded_in_chinese(own_ws_path):
    at = _run(lang="zh")
    assert _title(at) == "每日新建工单（按星期几调整）"
    assert "按星期几调整：每周周期会主导普通控制图" in _captions(at)
    _set(at, "quality_metric", "sla")
    assert "p′" in _title(at) or "p 控制图" in _title(at)
    assert "σz" in _captions(at)


def test_a_period_with_no_whole_week_prints_no_nan(own_ws_path):
    # Wednesday 28 to Saturday 31 October: a weekly chart has no point, a weekday
    # adjustment no factors; the page says so and prints no "nan" where a figure was.
    at = _run(start="2026-10-28", end="2026-10-31")
    _set(at, "quality_chart", "weekday")
    assert _title(at) == "Tickets created per day (XmR)"
    assert "too few days of each weekday" in _captions(at)
    _set(at, "quality_metric", "sla")
    _set(at, "quality_chart", "laney")
    _set(at, "quality_grain", "week")
    assert _title(at) == "SLA breach rate per week (p-chart)"
    assert "the baseline has no items to judge" in _captions(at)
    assert "nan" not in _captions(at).lower()
